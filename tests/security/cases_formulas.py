"""Class 1: text a spreadsheet would read as a formula, written by the tool into a workbook it makes."""

from __future__ import annotations

import contextlib
import io
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path

from factory import extreme_answers, fill_lke, unit_workbook
from hostile import Case, Outcome, Run
from openpyxl import load_workbook

HYPERLINK = '=HYPERLINK("http://contoh.invalid/","Klik")'
DDE = "=cmd|' -C calc'!A0"
# -- What OWASP's CSV-injection guidance names as a formula's first character, and the full-width forms. --
LEADS = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20"


def _text_cells(books: Iterable) -> list:
    return [cell for book in books for sheet in book for row in sheet.iter_rows() for cell in row]


def assert_inert(books: Iterable, hostile: Iterable[str]) -> None:
    """No formula anywhere; each hostile text there, readable: the quote OWASP prescribes, then the text as
    the user wrote it; a text cell a spreadsheet would read as a formula only as Excel itself keeps a text
    typed after an apostrophe (quote prefix), and never one of the hostile texts."""
    hostile = list(hostile)
    cells = [cell for cell in _text_cells(books) if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    led = [cell for cell in cells if isinstance(cell.value, str) and cell.value.lstrip(" ")[:1] in LEADS]
    assert [cell.value for cell in led if not cell.quotePrefix or cell.value in hostile] == []
    for text in hostile:
        assert "'" + text in texts, (text, [t for t in texts if text.strip() in t])


def _rekap_of_a_formula_unit(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    (home / "kiriman").mkdir()
    unit_workbook(home / "kiriman" / "unit.xlsx", unit=HYPERLINK)

    def every_cell_is_text(home: Path, outcome: Outcome) -> None:
        book = load_workbook(home / "hasil" / "rekap.xlsx")
        cells = [
            cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value is not None
        ]
        assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
        unit_cells = [cell.value for cell in cells if "HYPERLINK" in str(cell.value)]
        assert unit_cells and all(not str(value).startswith("=") for value in unit_cells)

    return Run(
        ["rekap", "kiriman", "-o", "hasil/rekap.xlsx"],
        frozenset({0, 1}),
        r"ditulis",
        output="hasil",
        then=every_cell_is_text,
    )


# -- (file name, unit name) of the units of one kiriman folder: every lead, in the name and in the unit --
_UNITS = (
    (f"{DDE}.xlsx", "Kecamatan Satu"),
    ("-o.xlsx", "-2+3+cmd|' /C calc'!A0"),
    ("+1.xlsx", "+62 812 3456 7890"),
    ("@SUM(A1).xlsx", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ("\t=1+1.xlsx", '\uff1dHYPERLINK("http://contoh.invalid/")'),
    ("\r@SUM(A1).xlsx", "Kecamatan CR"),
    ("biasa.xlsx", "Kecamatan Biasa"),
)


def _rekap_of_formula_file_and_unit_names(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    (home / "kiriman").mkdir()
    template = unit_workbook(home / "template.xlsx")
    for name, unit in _UNITS:
        if unit == "Kecamatan Satu":
            shutil.copyfile(template, home / "kiriman" / name)
        else:
            unit_workbook(home / "kiriman" / name, unit=unit)
    template.unlink()

    def names_and_units_are_text(home: Path, outcome: Outcome) -> None:
        book = load_workbook(home / "rekap.xlsx")
        hostile = [name for name, _ in _UNITS[:-1]] + [unit for _, unit in _UNITS[1:-2]]
        assert_inert([book], hostile)
        assert "biasa.xlsx" in [cell.value for cell in book["Ringkasan"]["B"]]  # -- plain text as it was

    return Run(
        ["rekap", "kiriman"],
        frozenset({0, 1}),
        r"ditulis: rekap\.xlsx",
        may_write=["rekap.xlsx"],
        then=names_and_units_are_text,
    )


def _text_answers(path: Path, cells: dict[str, dict[str, str]]) -> Path:
    """Type text into the LKE sheet as a person does after an apostrophe: a text cell, never a formula."""
    book = load_workbook(path)
    sheet = book["LKE"]
    header = [cell.value for cell in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        for column, text in cells.get(sheet.cell(row, 1).value, {}).items():
            cell = sheet.cell(row, header.index(column) + 1)
            cell.value, cell.data_type = text, "s"
    book.save(path)
    return path


_ANSWERS = {
    "P.1.i.a": {"Jawaban": "=1+1", "Bukti Dukung": HYPERLINK},
    "P.1.i.b": {"Bukti Dukung": "-o.pdf\n@SUM(A1)"},
    "P.1.ii.a": {"Bukti Dukung": "\t=2+5+cmd|' /C calc'!A0"},
}


def _lke_upload_with_formula_answers(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    path = fill_lke(unit_workbook(home / "zi.xlsx"), extreme_answers("90-2021"))
    _text_answers(path, _ANSWERS)

    def answers_and_evidence_are_text(home: Path, outcome: Outcome) -> None:
        (upload,) = (home / "hasil").rglob("LKE Zona Integritas*.xlsx")
        assert_inert([load_workbook(upload)], ["=1+1", HYPERLINK, "-o.pdf\n@SUM(A1)"])

    return Run(
        ["nilai", "zi.xlsx", "-o", "hasil"],
        frozenset({0, 1}),
        r"ditulis: .*LKE Zona Integritas",
        output="hasil",
        then=answers_and_evidence_are_text,
    )


def _evidence_index_of_formula_files(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    for name in (f"{DDE}.pdf", "-o.pdf", "+1.pdf"):
        (home / name).write_bytes(b"%PDF-1.4 bukti")
    path = fill_lke(unit_workbook(home / "zi.xlsx"), extreme_answers("90-2021"))
    _text_answers(path, {"P.1.i.a": {"Bukti Dukung": f"{DDE}.pdf\n-o.pdf\n+1.pdf\n@tidak-ada.pdf"}})

    def index_cells_are_text(home: Path, outcome: Outcome) -> None:
        (bundle,) = (home / "hasil").rglob("*-paket.zip")
        with zipfile.ZipFile(bundle) as archive:
            index = load_workbook(io.BytesIO(archive.read("Bukti Dukung/Indeks Bukti Dukung.xlsx")))
            upload = load_workbook(io.BytesIO(archive.read("LKE Zona Integritas 2024.xlsx")))
            packed = [name for name in archive.namelist() if name.endswith("/-o.pdf")]
        assert_inert([index, upload], [f"{DDE}.pdf", "-o.pdf", "+1.pdf", "@tidak-ada.pdf"])
        assert packed  # -- the file itself still travels, under its own name

    return Run(
        ["build", "zi.xlsx", "-o", "hasil", "--paket"],
        frozenset({0, 1}),
        r"ditulis: .*paket\.zip",
        output="hasil",
        then=index_cells_are_text,
    )


CASES = [
    Case("rekap-unit-name-formula", 1, _rekap_of_a_formula_unit),
    Case("rekap-formula-file-and-unit-names", 1, _rekap_of_formula_file_and_unit_names),
    Case("lke-upload-formula-answers", 1, _lke_upload_with_formula_answers),
    Case("evidence-index-formula-files", 1, _evidence_index_of_formula_files),
]
