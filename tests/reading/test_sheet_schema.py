"""The sheet schema (`reading.schema`): what `init` writes is what the reader accepts, and no header is
claimed by two columns of one sheet."""

from __future__ import annotations

import pytest
from conftest import TEMPLATE
from openpyxl import load_workbook

from zi_sheets.common.text import normalize
from zi_sheets.reading.schema import (
    DITERIMA,
    LAPORAN_MONEV,
    REALISASI,
    REALISASI_GROUP,
    TEMPLATE_SHEETS,
    SheetSchema,
    has_sheet,
)
from zi_sheets.template.new_workbook import build_template

ALL_SHEETS = (*TEMPLATE_SHEETS, DITERIMA, REALISASI)


@pytest.mark.parametrize("sheet", ALL_SHEETS, ids=lambda sheet: sheet.name)
def test_init_writes_headers_the_reader_accepts(sheet: SheetSchema) -> None:
    for column in sheet.read:
        if column.width is not None:
            assert normalize(column.label) in column.headers, (sheet.name, column.label)


@pytest.mark.parametrize("sheet", ALL_SHEETS, ids=lambda sheet: sheet.name)
def test_no_header_belongs_to_two_columns(sheet: SheetSchema) -> None:
    # -- the reader gives a header to the first column that accepts it: a second one would never get it --
    columns = (*sheet.read, *REALISASI_GROUP) if sheet is REALISASI else sheet.read
    owners: dict[str, str] = {}
    for column in columns:
        for header in column.headers:
            assert owners.setdefault(header, column.field) == column.field, (sheet.name, header)


@pytest.mark.parametrize("sheet", ALL_SHEETS, ids=lambda sheet: sheet.name)
def test_required_and_content_columns_are_read(sheet: SheetSchema) -> None:
    read = {column.field for column in sheet.read}
    for column in sheet.columns:
        if column.required or column.content:
            assert column.field in read, (sheet.name, column.field)
        if column.instead is not None:
            assert column.instead in read, (sheet.name, column.instead)


def test_the_template_has_the_schemas_headers_and_widths() -> None:
    book = build_template(tahun=2026)
    for sheet in TEMPLATE_SHEETS:
        written = book[sheet.name]
        for col, (header, width) in enumerate(sheet.init_columns, start=1):
            cell = written.cell(1, col)
            assert cell.value == header
            assert written.column_dimensions[cell.column_letter].width == width
    realisasi = book[REALISASI.name]
    first = len(REALISASI.init_columns)
    assert [realisasi.cell(1, col).value for col in range(1, first + 1)] == REALISASI.init_headers
    group = [realisasi.cell(2, col).value for col in range(first + 1, first + len(REALISASI_GROUP) + 1)]
    assert group == [column.label for column in REALISASI_GROUP]


def test_the_committed_template_is_read_by_name() -> None:
    names = load_workbook(TEMPLATE, read_only=True).sheetnames
    assert all(has_sheet(names, sheet) for sheet in (*TEMPLATE_SHEETS, REALISASI))
    assert not has_sheet(names, DITERIMA)


@pytest.mark.parametrize(
    ("names", "found"),
    [
        (["Laporan Monev"], True),
        (["LAPORAN_MONEV"], True),
        (["bab laporan monev"], True),
        (["Monev"], False),
        (["Laporan"], False),
    ],
)
def test_has_sheet_ignores_case_spaces_and_punctuation(names: list[str], found: bool) -> None:
    assert has_sheet(names, LAPORAN_MONEV) is found
