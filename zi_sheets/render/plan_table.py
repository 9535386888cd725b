"""The plan's rows in a wide table, grouped as the Rencana Kerja prints them: an area row, then per komponen
its number and name merged down its rows. Shared by the Rencana Kerja and the Monev realisation matrix."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Literal

from zi_sheets.komponen import group_by_area
from zi_sheets.model import PlanRow
from zi_sheets.render.docx_helpers import GROUP_FILL, TABLE_GROUP, CellSpec, TableWriter

# -- Arial's average character is about half its size wide; a line is about 1.15 times its size high. --
_CHAR_WIDTH_EM = 0.5
_LINE_HEIGHT_EM = 1.15
_CELL_PADDING_TWIPS = 120

# -- How a cell joins a vertical merge: "restart" at its top, "continue" below, None alone. --
Merge = Literal["restart", "continue"] | None


def add_plan_rows(
    writer: TableWriter,
    rows: Sequence[PlanRow],
    cells: Callable[[PlanRow, Merge], list[CellSpec]],
    *,
    cant_split: Callable[[list[CellSpec]], bool] | None = None,
) -> None:
    """Write `rows` grouped by area and komponen: the area row (numeral, then the name across the table),
    then each row as NO and KOMPONEN (merged down the komponen's rows) followed by `cells(row, indikator)`,
    `indikator` saying how the row's Indikator joins one merged over several rows in the workbook
    (`shared_indikator`).

    `cant_split` says which rows must stay whole on one page (None: every row).
    """
    columns = len(writer.widths)
    for area in group_by_area(rows):
        writer.add_row(
            [
                CellSpec([area.numeral], style=TABLE_GROUP, align="center", shading=GROUP_FILL),
                CellSpec([area.name], span=columns - 1, style=TABLE_GROUP, shading=GROUP_FILL),
            ]
        )
        for komponen in area.komponen:
            merged = len(komponen.rows) > 1
            for index, row in enumerate(komponen.rows):
                merge: Merge = None if not merged else "restart" if index == 0 else "continue"
                specs = [
                    CellSpec([str(komponen.number)], merge=merge, align="center"),
                    CellSpec(komponen.komponen.lines, merge=merge),
                    *cells(row, shared_indikator(komponen.rows, index)),
                ]
                writer.add_row(specs, cant_split=True if cant_split is None else cant_split(specs))


def shared_indikator(rows: Sequence[PlanRow], index: int) -> Merge:
    """How row `index`'s Indikator joins one merged over the rows of its steps in the workbook: "restart" at
    the top, "continue" below, None for an Indikator of its own."""
    cell = rows[index].indikator.cell
    if cell is None:
        return None
    if index > 0 and rows[index - 1].indikator.cell == cell:
        return "continue"
    if index + 1 < len(rows) and rows[index + 1].indikator.cell == cell:
        return "restart"
    return None


def short_rows(
    widths: Sequence[int], font_pt: float, page_text_height_twips: int, share: float = 1 / 3
) -> Callable[[list[CellSpec]], bool]:
    """A test for `add_plan_rows`: True for a row estimated no taller than `share` of the page's text
    height (kept whole on one page); a taller row may break across pages, so that it never pushes a page
    out holding a single short row."""
    char = font_pt * 20 * _CHAR_WIDTH_EM
    line = font_pt * 20 * _LINE_HEIGHT_EM

    def short(cells: list[CellSpec]) -> bool:
        height = 0.0
        column = 0
        for cell in cells:
            width = sum(widths[column : column + cell.span]) - _CELL_PADDING_TWIPS
            column += cell.span
            if cell.merge == "continue":
                continue
            per_line = max(1, int(width / char))
            lines = sum(max(1, math.ceil(len(text) / per_line)) for text in cell.lines)
            height = max(height, lines * line)
        return height + _CELL_PADDING_TWIPS <= share * page_text_height_twips

    return short
