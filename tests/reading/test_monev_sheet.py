"""A Monev sheet named with its year is found; a build without a Monev document says why in one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import minimal_sheets
from docx import Document

from zi_sheets.cli.commands import main
from zi_sheets.reading.workbook import read_workbook

MONEV_HEADER = ["Bulan", "Area", "Capaian", "Status"]


def monev_rows(capaian: str, month: object = dt.datetime(2024, 5, 1)) -> list[list[object]]:
    return [MONEV_HEADER, [month, "Manajemen Perubahan", capaian, "Selesai"]]


def build(path: Path, out: Path):
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    return result


def monev_text(out: Path) -> str:
    (document,) = out.rglob("*Monev*.docx")
    word = Document(str(document))
    return "\n".join(
        [p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells]
    )


@pytest.mark.parametrize("name", ["Monev 2024", "MONEV_2024", "Monev (2024)", "Monitoring 2024"])
def test_a_monev_sheet_named_with_its_year_is_read(make_xlsx, tmp_path: Path, name: str) -> None:
    sheets = minimal_sheets()
    sheets[name] = monev_rows("Capaian dari sheet bertahun")
    result = build(make_xlsx(sheets), tmp_path / "hasil")
    assert "Monev tidak ditulis" not in result.stderr
    assert "Capaian dari sheet bertahun" in monev_text(tmp_path / "hasil")


def test_of_several_year_sheets_the_plan_year_is_read(make_xlsx, tmp_path: Path) -> None:
    sheets = minimal_sheets()  # -- a 2024 plan
    sheets["Monev 2023"] = monev_rows("Capaian tahun lalu", dt.datetime(2023, 5, 1))
    sheets["Monev 2024"] = monev_rows("Capaian tahun ini")
    sheets["Monev 2025"] = monev_rows("Capaian tahun depan", dt.datetime(2025, 5, 1))
    workbook = read_workbook(make_xlsx(sheets))
    assert workbook.sheets_found["Monev"] == "Monev 2024"
    assert [entry.capaian.text for entry in workbook.monev] == ["Capaian tahun ini"]


def test_other_sheets_are_found_with_a_year_too(make_xlsx) -> None:
    sheets = minimal_sheets()
    sheets["Rencana Aksi 2024"] = sheets.pop("RencanaAksi")
    workbook = read_workbook(make_xlsx(sheets))
    assert workbook.sheets_found["RencanaAksi"] == "Rencana Aksi 2024"
    assert len(workbook.rencana_aksi) == 2


@pytest.mark.parametrize(
    ("monev", "line"),
    [
        (None, "Monev tidak ditulis: workbook tidak memiliki sheet Monev."),
        ([MONEV_HEADER], "Monev tidak ditulis: sheet Monev 2024 belum berisi capaian."),
        (
            monev_rows("Capaian tanpa bulan", "bulan lalu"),
            "Monev tidak ditulis: tidak ada Bulan yang terbaca di sheet Monev 2024 (lihat temuan "
            "monev-month-unreadable); tulis bulannya seperti 'Mei 2026' atau pakai --bulan.",
        ),
    ],
    ids=["no sheet", "empty sheet", "months unreadable"],
)
def test_a_build_without_monev_says_why_in_one_line(make_xlsx, tmp_path: Path, monev, line: str) -> None:
    sheets = minimal_sheets()
    if monev is not None:
        sheets["Monev 2024"] = monev
    result = build(make_xlsx(sheets), tmp_path / "hasil")
    assert result.stderr.splitlines().count(line) == 1, result.stderr
    assert not list((tmp_path / "hasil").rglob("*Monev*"))
    # -- the Rencana Kerja; no Lampiran, the minimal workbook having no MekanismeTim, TargetPrioritas or Tim
    assert len(list((tmp_path / "hasil").rglob("*.docx"))) == 1
