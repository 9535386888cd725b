"""The inspectorate's rekap workbook (`zi-sheets rekap`): a Ringkasan row per unit, every finding on Temuan.

`batch.py` checks the workbooks; this module only writes what their results say. Figures are stored as
numbers (Excel sums and filters them), an unknown figure as an empty cell, every text as text that no
spreadsheet reads as a formula (`xlsx_book.inert`); both sheets print landscape,
one page wide, with the header row on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from zi_sheets.common.files import write_atomic
from zi_sheets.common.xlsx_book import new_xlsx, put_row

if TYPE_CHECKING:
    from zi_sheets.delivery.batch import UnitResult

# -- (header, column width) of each sheet; Ringkasan's Status column drives its row colours --
SUMMARY_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Unit Kerja", 30),
    ("Berkas", 34),
    ("Tahun", 7),
    ("Regulasi", 21),
    ("Komponen Tercakup", 11),
    ("Jumlah Komponen", 11),
    ("Cakupan Indikator (%)", 12),
    ("Galat", 8),
    ("Peringatan", 11),
    ("Langkah Terlambat", 11),
    ("Monev Terakhir", 15),
    ("Status", 22),
    ("Keterangan", 70),
)
FINDING_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Unit Kerja", 30),
    ("Berkas", 34),
    ("Sheet", 14),
    ("Sel", 20),
    ("Kode", 26),
    ("Tingkat", 12),
    ("Pesan", 100),
)
_STATUS_FILLS = (
    ("Tidak terbaca", "F8CBAD"),
    ("Perlu perbaikan", "F8CBAD"),
    ("Lengkap, ada peringatan", "FFE699"),
    ("Lengkap", "C6EFCE"),
)
# -- openpyxl's code for A4 paper; with fit-to-width the sheet prints as well on F4 --
_PAPER_A4 = 9


def ordered(results: list[UnitResult]) -> list[UnitResult]:
    """The units in the rekap's order: the unreadable first, then by unit name and path."""
    return sorted(results, key=lambda r: (r.status != "Tidak terbaca", r.unit.lower(), str(r.path)))


def unit_row(result: UnitResult) -> list[object]:
    """The Ringkasan row of one unit; the figures stay empty for a workbook that could not be read."""
    report, coverage = result.report, result.report.coverage if result.report else None
    return [
        result.unit or "(tidak terbaca)",
        result.path.name,
        result.year,
        result.regulation or None,
        coverage.komponen_covered if coverage else None,
        coverage.komponen_total if coverage else None,
        coverage.indicator_percent if coverage else None,
        report.errors if report else None,
        report.warnings if report else None,
        result.overdue if report else None,
        result.last_monev or None,
        result.status,
        result.problem or None,
    ]


def write_rekap(results: list[UnitResult], target: Path) -> Path:
    """The inspectorate's overview: a row per unit and every finding, formatted for reading and filtering."""
    results = ordered(results)
    findings = [
        [r.unit, r.path.name, f.sheet_name, f.cell_text, f.code, f.severity.label, f.message]
        for r in results
        if r.report
        for f in r.report.findings
    ]
    book = new_xlsx("Rekap Dokumen Zona Integritas")
    book.remove(book.active)  # type: ignore[arg-type]
    summary = _sheet(book, "Ringkasan", SUMMARY_COLUMNS, [unit_row(r) for r in results])
    _sheet(book, "Temuan", FINDING_COLUMNS, findings)

    status = get_column_letter([name for name, _ in SUMMARY_COLUMNS].index("Status") + 1)
    span = f"A2:{get_column_letter(len(SUMMARY_COLUMNS))}{max(summary.max_row, 2)}"
    for text, colour in _STATUS_FILLS:
        rule = FormulaRule(formula=[f'${status}2="{text}"'], fill=PatternFill("solid", bgColor=colour))
        summary.conditional_formatting.add(span, rule)
    for row in summary.iter_rows(min_row=2):
        row[-1].alignment = Alignment(wrap_text=True, vertical="top")
    return write_atomic(target, book.save)


def _sheet(
    book: Workbook, title: str, columns: Sequence[tuple[str, float]], rows: Sequence[Sequence[object]]
) -> Worksheet:
    sheet = book.create_sheet(title)
    # -- unit names, file names, sheet names and messages come from the units' files: text, never formulas
    for number, row in enumerate([[name for name, _ in columns], *rows], start=1):
        put_row(sheet, number, row)
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    # -- printed for a meeting: landscape, every column on the page, the header above each page's rows
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = _PAPER_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.horizontalCentered = True
    return sheet
