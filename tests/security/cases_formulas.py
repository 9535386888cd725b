"""Class 1: text a spreadsheet would read as a formula, written by the tool into a workbook it makes."""

from __future__ import annotations

import contextlib
from pathlib import Path

from factory import unit_workbook
from hostile import Case, Outcome, Run
from openpyxl import load_workbook

HYPERLINK = '=HYPERLINK("http://contoh.invalid/","Klik")'


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


CASES = [Case("rekap-unit-name-formula", 1, _rekap_of_a_formula_unit)]
