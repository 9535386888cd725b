"""`xlsx_book.inert`/`put`: what a workbook of ours holds for a text from a user's file, re-opened."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from zi_sheets.common.xlsx_book import inert, keep_as_text, put

LED = [
    '=HYPERLINK("http://contoh.invalid/","Klik")',
    "+1",
    "-o.xlsx",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "  =1+1",
    "\uff1d1+1",  # -- full-width equals
    "\uff20SUM(A1)",  # -- full-width at
]


def _reopened(tmp_path, values):
    book = Workbook()
    for column, value in enumerate(values, start=1):
        put(book.active, 1, column, value)
    book.save(tmp_path / "a.xlsx")
    return list(load_workbook(tmp_path / "a.xlsx").active[1])


@pytest.mark.parametrize("text", LED)
def test_a_text_read_as_a_formula_is_written_as_text_after_a_quote(tmp_path, text) -> None:
    (cell,) = _reopened(tmp_path, [text])
    assert cell.data_type == "s" and cell.value == "'" + text


def test_plain_text_numbers_and_dates_stay_as_they_are(tmp_path) -> None:
    when = dt.datetime(2024, 5, 1)
    cells = _reopened(tmp_path, ["Kecamatan Contoh", 12, -3.5, when, "a=b", "Rp -5"])
    assert [cell.value for cell in cells] == ["Kecamatan Contoh", 12, -3.5, when, "a=b", "Rp -5"]
    assert [cell.data_type for cell in cells[1:3]] == ["n", "n"]


def test_control_characters_are_shown_not_dropped_and_do_not_hide_a_lead() -> None:
    assert inert("\x00=1+1") == "\ufffd=1+1"
    assert inert("a\x0bb") == "a\ufffdb"


def test_the_users_own_workbook_keeps_the_text_exactly_as_text(tmp_path) -> None:
    book = Workbook()
    keep_as_text(book.active["A1"], "=HYPERLINK(1)")
    keep_as_text(book.active["A2"], "Kecamatan")
    book.save(tmp_path / "a.xlsx")
    sheet = load_workbook(tmp_path / "a.xlsx").active
    assert (sheet["A1"].data_type, sheet["A1"].value, sheet["A1"].quotePrefix) == ("s", "=HYPERLINK(1)", True)
    assert (sheet["A2"].value, sheet["A2"].quotePrefix) == ("Kecamatan", False)
