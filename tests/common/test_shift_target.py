"""shift_target moves a Target Waktu a year on exactly as parse_target reads it."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from zi_sheets.common.dates import TargetDate, parse_target, shift_target

_HERE = Path(__file__).parent
_ROOT = _HERE.parent.parent


def _later(target: TargetDate, years: int) -> tuple[object, ...]:
    def month(m: tuple[int, int]) -> tuple[int, int]:
        return (m[0] + years, m[1])

    return (
        frozenset(map(month, target.months)),
        frozenset(y + years for y in target.years),
        target.flags,
        frozenset((month(a), month(b)) for a, b in target.spans),
    )


def _read(target: TargetDate) -> tuple[object, ...]:
    return (target.months, target.years, target.flags, target.spans)


def _texts_of_the_parser_tests() -> list[str]:
    """Every string literal of the parser's own tests: the vocabulary the parser is known to read."""
    tree = ast.parse((_HERE / "test_dates.py").read_text(encoding="utf-8"))
    found = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and 0 < len(node.value) < 80
    }
    return sorted(found)


def _targets_of_workbooks() -> list[object]:
    from zi_sheets.reading.workbook import read_workbook

    values: list[object] = []
    for path in (
        _ROOT / "workbook_templates" / "contoh-pasirian-2019.xlsx",
        _ROOT / "tests" / "data" / "corpus" / "patp-2021.xlsx",
    ):
        values += [row.target_waktu.raw for row in read_workbook(path).rencana_aksi]
    return list(dict.fromkeys(v for v in values if v is not None))


_SAMPLES = [
    "Januari s/d Desember 2025",
    "Juni, Desember 2025",
    "TW II 2025",
    "Triwulan I - IV 2025",
    "Feb-25",
    "31/12/2025",
    "2025-06-30",
    "Oktober 2024 - Maret 2025",
    "setiap 3 bulan tahun 2025",
    "Akhir Tahun 2025",
    "B03, B06, B09 dan B12",
    "Triwulan II",
    "Setiap bulan",
    "2025",
    45000,
    45000.5,
    2025,
    dt.datetime(2025, 3, 31),
    dt.datetime(2024, 2, 29),
]


@pytest.mark.parametrize("value", [*_SAMPLES, *_texts_of_the_parser_tests(), *_targets_of_workbooks()])
@pytest.mark.parametrize("years", [1, 2])
def test_shifted_target_reads_as_the_old_one_later(value: object, years: int) -> None:
    old = parse_target(value, 2025)
    new = parse_target(shift_target(value, years), 2025 + years)
    if "impossible-year" in old.flags:
        # -- a typo ("Desember 208") is left as written for a person; the months read around it move
        assert (new.months, new.flags) == (_later(old, years)[0], old.flags)
        return
    assert _read(new) == _later(old, years)


def test_what_has_no_year_of_its_own_stays_as_written() -> None:
    for text in ("B03", "Triwulan II", "Setiap bulan", "Juni dan Desember", "sesuai kebutuhan", ""):
        assert shift_target(text) == text
    assert shift_target(None) is None


def test_only_the_year_moves() -> None:
    assert shift_target("Laporan TW II 2025 (2 dokumen)") == "Laporan TW II 2026 (2 dokumen)"
    assert shift_target("Feb-25") == "Feb-26"
    assert shift_target(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    # -- 45000 is 15 March 2023 as an Excel serial: 366 days on is 15 March 2024 (a leap year between)
    assert shift_target(45000) == 45366
