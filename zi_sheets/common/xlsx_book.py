"""The .xlsx workbooks zi-sheets writes (init's template, the LKE for submission, the evidence index, the
rekap) start here, so that Excel's File > Info names what they are and whom they are for, not "openpyxl";
and every text a workbook of ours takes from a user's file goes into its cell here, as text, never as a
formula (issue 30, class 1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from zi_sheets.common.text import XML_ILLEGAL, fit_property

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

# -- The author of a workbook of no one unit (a template not yet filled, an inspectorate's rekap). --
PROGRAM = "zi-sheets"

# -- OWASP's CSV-injection guidance: a cell whose text starts with one of these is read as a formula by
# -- Excel, LibreOffice or Google Sheets (typed, pasted, saved as CSV, or re-entered with F2), with the
# -- full-width and small forms East Asian input methods produce and some spreadsheets accept. A line
# -- break leads too: a spreadsheet that trims it meets the "=" behind it. --
FORMULA_LEADS = frozenset("=+-@\t\r\n" + "\uff1d\uff0b\uff0d\uff20" + "\ufe66\ufe62\ufe63\ufe6b")
# -- What OWASP prefixes: a spreadsheet shows a cell starting with a quote as text. --
TEXT_MARK = "'"


def new_xlsx(title: str, author: str = "") -> Workbook:
    """An empty workbook whose properties hold `title` and `author` (the program when '' ), created now."""
    from openpyxl import Workbook

    book = Workbook()
    properties = book.properties
    properties.title = fit_property(title)
    properties.creator = properties.lastModifiedBy = fit_property(author) or PROGRAM
    properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return book


def reads_as_formula(text: str) -> bool:
    """Whether a spreadsheet would take `text` for a formula: its first character, or its first after
    spaces (some spreadsheets strip them), is one of FORMULA_LEADS."""
    return bool(text) and (text[0] in FORMULA_LEADS or text.lstrip(" ")[:1] in FORMULA_LEADS)


def inert(value: object) -> object:
    """`value` as a workbook for someone else (the rekap, the LKE upload, the evidence index) holds it:
    numbers, dates, booleans and None as they are; text without the control characters XML cannot hold,
    and with a leading quote when a spreadsheet would read it as a formula (`=HYPERLINK(…)`, `-o.xlsx`,
    `+62 812…`, `@SUM(…)`), so that it stays text wherever the cell is opened, pasted or exported."""
    if not isinstance(value, str):
        return value
    text = XML_ILLEGAL.sub("\ufffd", value)  # -- visible, and "\0=…" must not become "=…"
    return TEXT_MARK + text if reads_as_formula(text) else text


def put(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write `inert(value)` into `sheet` at (row, column), a text cell for any text, and return the cell."""
    cell = sheet.cell(row, column)
    cell.value = inert(value)
    if isinstance(cell.value, str):
        cell.data_type = "s"  # -- openpyxl makes any str starting with "=" a formula; inert() has none left
    return cell


def put_row(sheet: Worksheet, row: int, values: Iterable[object]) -> None:
    """`put` of each value into `row`, from column A."""
    for column, value in enumerate(values, start=1):
        put(sheet, row, column, value)


def keep_as_text(cell: Cell, text: str) -> Cell:
    """`text` into the user's own workbook (init's Nama Unit Kerja) exactly as given, but as text: a text
    cell, marked "quote prefix" the way Excel marks what is typed after an apostrophe, so that it is read
    back as the same text and stays text when edited."""
    cell.value = XML_ILLEGAL.sub("", text)
    cell.data_type = "s"
    if reads_as_formula(text):
        cell.quotePrefix = True
    return cell
