"""The plan's rows in a wide table, grouped as the Rencana Kerja prints them: an area row under the area's
title as the unit wrote it, then per komponen its No as written (or its number) and its name merged down its
rows, then the row's own cells, a cell merged over several rows in the workbook merged once here. Shared by
the Rencana Kerja and the Monev realisation matrix.

Pagination: a row is kept whole on one page only when it is shorter than a third of the page (a taller one
may break, so that it never leaves a page holding a single short row) and an area row goes with the row
after it (its style keeps with next); the table's ends are held by the document (`hold_table_ends`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from docx.document import Document

from zi_sheets.analysis.komponen import group_by_area
from zi_sheets.common.model import CellValue, PlanRow, same_merge
from zi_sheets.render.word.layout import (
    column_need,
    text_height_twips,
    text_height_twips_of,
    text_width_twips,
)
from zi_sheets.render.word.styles import GROUP_FILL, TABLE_GROUP
from zi_sheets.render.word.tables import CellSpec, TableWriter

# -- A row taller than this share of the page's text height may break across pages: kept whole, it would
# -- leave the rest of a page empty and push its neighbours onto pages of their own. --
UNSPLIT_SHARE = 1 / 3

# -- How a cell joins a vertical merge: "restart" at its top, "continue" below, None alone. --
Merge = Literal["restart", "continue"] | None
# -- A row's cells after NO and KOMPONEN: a workbook cell (its lines, merged down where the workbook merges
# -- it) or a cell made by the document. --
Cells = Callable[[PlanRow], Sequence[CellValue | CellSpec]]


def no_need(document: Document, rows: Sequence[PlanRow], font_pt: float) -> float:
    """The share of the width the NO column needs for the numbers written in it ("VI.20" more than "12")."""
    return column_need("NO", [row.no.text for row in rows], text_width_twips(document.sections[-1]), font_pt)


def add_plan_rows(
    document: Document, writer: TableWriter, rows: Sequence[PlanRow], cells: Cells, font_pt: float
) -> None:
    """Write `rows` into `writer`'s table (the last of `document`), grouped by area and komponen;
    `cells(row)` gives the cells after NO and KOMPONEN."""
    limit = text_height_twips_of(document.sections[-1]) * UNSPLIT_SHARE
    _PlanTable(writer, font_pt, limit).write(rows, cells)


def merge_flags(rows: Sequence[PlanRow], values: Sequence[CellValue | CellSpec]) -> list[Merge]:
    """Each row's place in a cell merged down in the workbook (`same_merge`): "restart" at its top,
    "continue" below, None for a cell of its own. An empty merged cell, or one the document made, stays
    unmerged."""
    follows = [
        index > 0
        and isinstance(value, CellValue)
        and isinstance(values[index - 1], CellValue)
        and bool(value)
        and same_merge(values[index - 1], value, rows[index].row)  # type: ignore[arg-type]
        for index, value in enumerate(values)
    ]
    flags: list[Merge] = []
    for index, follow in enumerate(follows):
        if follow:
            flags.append("continue")
        elif index + 1 < len(follows) and follows[index + 1]:
            flags.append("restart")
        else:
            flags.append(None)
    return flags


def _run_lengths(flags: Sequence[Merge]) -> list[int]:
    """For every row, how many rows the merged cell it belongs to covers (1 for a cell of its own)."""
    lengths = [1] * len(flags)
    start = 0
    for index in range(1, len(flags) + 1):
        if index == len(flags) or flags[index] != "continue":
            lengths[start:index] = [index - start] * (index - start)
            start = index
    return lengths


class _PlanTable:
    """Writes the rows area by area; keeps a row whole on a page only when its estimated height is below
    `limit` twips (a merged cell's text shared among the rows it covers)."""

    def __init__(self, writer: TableWriter, font_pt: float, limit: float) -> None:
        self.writer = writer
        self.font_pt = font_pt
        self.limit = limit

    def write(self, rows: Sequence[PlanRow], cells: Cells) -> None:
        widths = self.writer.widths
        for area in group_by_area(rows):
            self.writer.add_row(
                [
                    CellSpec([area.numeral], style=TABLE_GROUP, align="center", shading=GROUP_FILL),
                    CellSpec([area.title], span=len(widths) - 1, style=TABLE_GROUP, shading=GROUP_FILL),
                ]
            )
            flat = [(komponen, index) for komponen in area.komponen for index in range(len(komponen.rows))]
            plan_rows = [komponen.rows[index] for komponen, index in flat]
            by_row = [list(cells(row)) for row in plan_rows]
            columns = [list(column) for column in zip(*by_row, strict=True)] if by_row else []
            flags = [merge_flags(plan_rows, values) for values in columns]
            specs = [
                [
                    value if isinstance(value, CellSpec) else CellSpec(value.lines, merge=flag)
                    for value, flag in zip(values, column_flags, strict=True)
                ]
                for values, column_flags in zip(columns, flags, strict=True)
            ]
            heights = [
                self._shared_heights(column, column_flags, widths[index + 2])
                for index, (column, column_flags) in enumerate(zip(specs, flags, strict=True))
            ]
            komponen_heights = {
                id(komponen): self._height(komponen.komponen.lines, widths[1]) // len(komponen.rows)
                for komponen in area.komponen
            }
            for position, (komponen, index) in enumerate(flat):
                row = plan_rows[position]
                group: Merge = None
                if len(komponen.rows) > 1:
                    group = "restart" if index == 0 else "continue"
                # -- No as the unit wrote it: one number for the komponen, or each row its own --
                own_numbers = len({r.no.text for r in komponen.rows}) > 1
                number = row.no.text if own_numbers else (komponen.rows[0].no.text or str(komponen.number))
                row_cells = [
                    CellSpec([number], merge=None if own_numbers else group, align="center"),
                    CellSpec(komponen.komponen.lines, merge=group),
                    *(column[position] for column in specs),
                ]
                tallest = max([komponen_heights[id(komponen)], *(column[position] for column in heights)])
                self.writer.add_row(row_cells, cant_split=tallest < self.limit)

    def _height(self, lines: Sequence[str], width: int) -> int:
        return text_height_twips(lines, width, self.font_pt)

    def _shared_heights(self, cells: Sequence[CellSpec], flags: Sequence[Merge], width: int) -> list[int]:
        """Each row's share of the height of its cell's text (a merged cell's shared by its rows)."""
        shares: list[int] = []
        for index, length in enumerate(_run_lengths(flags)):
            if flags[index] == "continue":
                shares.append(shares[-1])
            else:
                shares.append(self._height(cells[index].lines, width) // length)
        return shares
