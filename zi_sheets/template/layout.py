"""What the sheets zi-sheets writes have in common: header cells, dropdowns, rows of text, and the two
sheets both `init` and `--sinkron-realisasi` write (Realisasi and LaporanMonev).

Headers and widths come from `reading.schema`, so the reader reads what is written here.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from zi_sheets.common.bahasa import BULAN, roman
from zi_sheets.common.model import AREAS, LAPORAN_BAGIAN, MONEV_STATUS
from zi_sheets.common.standard_texts import standard_laporan_monev
from zi_sheets.common.xlsx_book import keep_as_text
from zi_sheets.reading.schema import REALISASI, REALISASI_GROUP, SheetSchema

HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
# -- Enough rows of dropdowns for a year of Monev reports without the user copying validations. --
VALIDATION_ROWS = 2000


# -- The period groups `init` writes, by how often the unit reports (`--periode-realisasi`). --
REALISASI_PERIODS: dict[str, tuple[str, ...]] = {
    "bulan": BULAN,
    "triwulan": tuple(f"Triwulan {roman(n)}" for n in range(1, 5)),
    "semester": ("Semester I", "Semester II"),
}

AREA_CHOICES = [f"{roman(no)}. {name}" for no, name in AREAS.items()]


def write_laporan_monev(sheet: Worksheet, regulasi: str) -> None:
    write_rows(sheet, [(None, bagian, text) for bagian, text in standard_laporan_monev(regulasi)])
    validate_column(
        sheet, DataValidation(type="list", formula1=list_formula(LAPORAN_BAGIAN), allow_blank=True), "B"
    )


def write_realisasi(sheet: Worksheet, rows: Sequence[tuple[str, str, str]], labels: Sequence[str]) -> None:
    """Lay out an empty Realisasi sheet: the two header rows (a group of columns per period `labels`), then
    one row per plan action, each (Ref, Langkah Aksi copy, Target Waktu copy)."""
    for col, (header, width) in enumerate(REALISASI.init_columns, start=1):
        header_cell(sheet, 1, col, header, width)
        sheet.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    first = len(REALISASI.init_columns) + 1
    statuses = DataValidation(type="list", formula1=list_formula(MONEV_STATUS), allow_blank=True)
    statuses.error, statuses.errorTitle = "Pilih salah satu isian dari daftar.", "Isian tidak dikenal"
    sheet.add_data_validation(statuses)
    for index, label in enumerate(labels):
        start = first + index * len(REALISASI_GROUP)
        header_cell(sheet, 1, start, label, None)
        sheet.merge_cells(
            start_row=1, start_column=start, end_row=1, end_column=start + len(REALISASI_GROUP) - 1
        )
        for offset, column in enumerate(REALISASI_GROUP):
            header_cell(sheet, 2, start + offset, column.label, column.width)
        letter = get_column_letter(start)
        statuses.add(f"{letter}3:{letter}{VALIDATION_ROWS + 2}")
    sheet.freeze_panes = f"{get_column_letter(first)}3"
    append_realisasi_rows(sheet, rows, 3, (1, 2, 3))


def append_realisasi_rows(
    sheet: Worksheet, rows: Sequence[tuple[str, str, str]], start: int, columns: Sequence[int | None]
) -> None:
    """Write `rows` (Ref, Langkah Aksi copy, Target Waktu copy) from sheet row `start` into `columns` (the
    Ref, copy and target columns; None: the sheet has no such column)."""
    for offset, values in enumerate(rows):
        for col, value in zip(columns, values, strict=True):
            if col is not None:
                copy_text(sheet, start + offset, col, value).alignment = WRAP


def copy_text(sheet: Worksheet, row: int, col: int, text: str) -> Cell:
    """A copy of the user's own text (a Langkah Aksi, a Target Waktu) into their workbook: the same text,
    as text even when it starts like a formula ("=…"), which openpyxl would otherwise write as one."""
    cell = sheet.cell(row, col)
    if text:
        keep_as_text(cell, text)
    else:
        cell.value = None
    return cell


def header_cell(sheet: Worksheet, row: int, col: int, text: str, width: int | None) -> None:
    cell = sheet.cell(row, col, text)
    cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    if width is not None:
        sheet.column_dimensions[get_column_letter(col)].width = width


def list_formula(values) -> str:
    """A list validation's formula: the choices quoted and comma-separated (Excel caps it at 255 chars)."""
    return '"' + ",".join(values) + '"'


def validate_column(sheet: Worksheet, validation: DataValidation, column: str) -> None:
    validation.error = "Pilih salah satu isian dari daftar."
    validation.errorTitle = "Isian tidak dikenal"
    sheet.add_data_validation(validation)
    validation.add(f"{column}2:{column}{VALIDATION_ROWS + 1}")


def new_sheet(book: XlsxWorkbook, layout: SheetSchema) -> Worksheet:
    """A new sheet `layout.name` at the end of `book`, with the headers `init` writes."""
    return new_sheet_at(book.create_sheet(layout.name), layout)


def write_rows(sheet: Worksheet, rows) -> None:
    for row_index, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            sheet.cell(row_index, col, value).alignment = WRAP


def new_sheet_at(sheet: Worksheet, layout: SheetSchema) -> Worksheet:
    """`sheet` with the header row `init` writes for `layout`, frozen below it."""
    for col, (header, width) in enumerate(layout.init_columns, start=1):
        header_cell(sheet, 1, col, header, width)
    sheet.freeze_panes = "A2"
    return sheet
