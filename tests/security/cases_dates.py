"""Class 4: dates at the edge. Months and dates at the ends of Python's calendar (Desember 9999, year 1) and
days no month has (30 Februari, 31/04), in date cells and in text, in every command: a finding at the cell or
one sentence, never a traceback."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

import docx
from factory import fill_lke, realisation_workbook, unit_workbook
from hostile import Case, Outcome, Run
from openpyxl import load_workbook

SUMMARY = r"\d+ galat, \d+ peringatan, \d+ info"


def _monev_months(path: Path, value: object) -> Path:
    """The unit workbook at `path` with every Monev month set to `value`."""
    book = load_workbook(path)
    sheet = book["Monev"]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value is not None:
            sheet.cell(row, 1).value = value
    book.save(path)
    return path


def _realisasi_labels(path: Path, labels: dict[int, object]) -> Path:
    """The Realisasi workbook at `path` with the period labels of row 1 at `labels` (column -> label)."""
    book = load_workbook(path)
    for column, label in labels.items():
        book["Realisasi"].cell(1, column).value = label
    book.save(path)
    return path


def _text_of(document: Path) -> str:
    opened = docx.Document(str(document))
    cells = [cell.text for table in opened.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in opened.paragraphs] + cells)


def _monev_desember_9999_build(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _monev_months(unit_workbook(home / "zi.xlsx"), dt.datetime(9999, 12, 1))

    def monev_of_desember_9999(home: Path, outcome: Outcome) -> None:
        (monev,) = (home / "hasil").rglob("*Monev*Desember 9999.docx")
        assert "31 Desember 9999" in _text_of(monev)  # -- signed on the month's last day

    return Run(
        ["build", "zi.xlsx", "-o", "hasil"],
        frozenset({0, 1}),
        r"ditulis: hasil/.*Monev Pembangunan ZI Desember 9999\.docx",
        output="hasil",
        then=monev_of_desember_9999,
    )


def _monev_desember_9999_check(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _monev_months(unit_workbook(home / "zi.xlsx"), dt.datetime(9999, 12, 1))
    return Run(
        ["check", "zi.xlsx"],
        frozenset({0, 1}),
        r"Monev!A2\s+peringatan\s+monev-month-outside-year\s+Bulan Monev Desember 9999 di luar tahun rencana",
    )


def _monev_desember_9999_nilai(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _monev_months(unit_workbook(home / "zi.xlsx"), dt.datetime(9999, 12, 1))
    fill_lke(home / "zi.xlsx", {"P.1.i.a": "Ya"})  # -- an LKE with no answer is no score (exit 1)
    return Run(["nilai", "zi.xlsx"], frozenset({0, 1}), r"Monev s\.d\. Desember 9999")


def _monev_year_one(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _monev_months(unit_workbook(home / "zi.xlsx"), dt.datetime(1, 1, 1))
    return Run(["check", "zi.xlsx"], frozenset({0, 1}), r"Monev!A2\s+peringatan\s+monev-month-unreadable")


def _monev_30_februari(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _monev_months(unit_workbook(home / "zi.xlsx"), "30 Februari 2024")
    return Run(
        ["check", "zi.xlsx"],
        frozenset({0, 1}),
        r"Monev!A2\s+peringatan\s+monev-month-unreadable\s+Bulan Monev '30 Februari 2024'",
    )


def _realisasi_label_desember_9999(command: str):
    def case(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
        labels = {4: "Desember 9999", 11: dt.datetime(9999, 12, 1), 18: "Semester II 9999"}
        _realisasi_labels(realisation_workbook(home / "zi.xlsx"), labels)
        if command == "build":
            return Run(["build", "zi.xlsx", "-o", "hasil"], frozenset({0, 1}), r"ditulis", output="hasil")
        if command == "sinkron":
            # -- the rewrite of the workbook is class 5's; here only: it ends with a sentence, no traceback
            return Run(
                ["init", "--sinkron-realisasi", "zi.xlsx"],
                frozenset({0, 1, 3}),
                r"zi\.xlsx",
                may_write=["zi.xlsx", "zi.xlsx.*", "*.bak*", ".~*"],
            )
        return Run(["check", "zi.xlsx"], frozenset({0, 1}), SUMMARY)

    return case


def _tanggal_penetapan(value: object, shown: str):
    def case(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
        unit_workbook(home / "zi.xlsx", identitas={"Tanggal Penetapan": value})
        return Run(
            ["check", "zi.xlsx"],
            frozenset({0, 1}),
            rf"Identitas!B\d+\s+peringatan\s+tanggal-unreadable\s+Tanggal Penetapan '{re.escape(shown)}'",
        )

    return case


def _target_31_april(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    path = unit_workbook(home / "zi.xlsx")
    book = load_workbook(path)
    book["RencanaAksi"].cell(2, 8).value = "31/04/2024"
    book.save(path)
    return Run(["check", "zi.xlsx"], frozenset({0, 1}), r"RencanaAksi!H2\s+peringatan\s+target-unparsed")


def _realisasi_selesai(value: object, shown: str):
    def case(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
        path = realisation_workbook(home / "zi.xlsx")
        book = load_workbook(path)
        book["Realisasi"].cell(3, 6).value = value  # -- January's Tanggal Selesai of the first action
        book.save(path)
        return Run(
            ["check", "zi.xlsx"],
            frozenset({0, 1}),
            rf"Realisasi!F3\s+peringatan\s+tanggal-unreadable\s+Tanggal Selesai '{re.escape(shown)}'",
        )

    return case


def _bulan_option(value: str, codes: frozenset[int], says: str):
    def case(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
        unit_workbook(home / "zi.xlsx")
        return Run(["build", "zi.xlsx", "-o", "hasil", "--bulan", value], codes, says, output="hasil")

    return case


CASES = [
    Case("monev-desember-9999-build", 4, _monev_desember_9999_build),
    Case("monev-desember-9999-check", 4, _monev_desember_9999_check),
    Case("monev-desember-9999-nilai", 4, _monev_desember_9999_nilai),
    Case("monev-year-1", 4, _monev_year_one),
    Case("monev-30-februari", 4, _monev_30_februari),
    Case("realisasi-label-desember-9999-check", 4, _realisasi_label_desember_9999("check")),
    Case("realisasi-label-desember-9999-build", 4, _realisasi_label_desember_9999("build")),
    Case("realisasi-label-desember-9999-sinkron", 4, _realisasi_label_desember_9999("sinkron")),
    Case("tanggal-penetapan-30-februari", 4, _tanggal_penetapan("30 Februari 2024", "30 Februari 2024")),
    Case("tanggal-penetapan-31-04", 4, _tanggal_penetapan("31/04/2024", "31/04/2024")),
    Case("tanggal-penetapan-year-1", 4, _tanggal_penetapan(dt.datetime(1, 1, 1), "00:00:00")),
    Case("target-31-april", 4, _target_31_april),
    Case("realisasi-selesai-31-04", 4, _realisasi_selesai("31/04/2026", "31/04/2026")),
    Case("realisasi-selesai-year-1", 4, _realisasi_selesai(dt.datetime(1, 1, 1), "00:00:00")),
    Case(
        "build-bulan-9999-12", 4, _bulan_option("9999-12", frozenset({0, 1}), r"periode Monev Desember 9999")
    ),
    Case(
        "build-bulan-0000-01",
        4,
        _bulan_option("0000-01", frozenset({3}), r"Tahun 0 di luar rentang 1 sampai 9999"),
    ),
]
