"""Read the Realisasi sheet: per planned action (its Ref), one group of columns per reporting period.

Its headers take two rows (the period labels above the field headers), so it is walked cell by cell rather
than read as a Table; `reading.schema.REALISASI` and `REALISASI_GROUP` name its columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zi_sheets.common.model import EMPTY, CellValue, RealisasiPeriod, RealisasiRow
from zi_sheets.common.text import normalize
from zi_sheets.reading.schema import REALISASI, REALISASI_GROUP
from zi_sheets.reading.source import Grid, open_xlsx
from zi_sheets.reading.tables import HEADER_SEARCH_ROWS, SheetFinder

_REF = REALISASI.column("ref").headers
_COPY = REALISASI.column("langkah_aksi").headers
_TARGET = REALISASI.column("target_waktu").headers


@dataclass(frozen=True)
class RealisasiLayout:
    """Where things are in a Realisasi sheet: the header row, the Ref column, the copies beside it (None
    when absent) and the period groups, each (label from the row above or EMPTY, field -> column)."""

    header_row: int
    ref_col: int
    copy_col: int | None
    target_col: int | None
    groups: tuple[tuple[CellValue, dict[str, int]], ...]


def realisasi_layout(path: str | Path) -> tuple[str, RealisasiLayout | None] | None:
    """The Realisasi sheet of the workbook at `path`: its name and layout (None when it is not laid out as
    one); None when the workbook has no such sheet."""
    path = Path(path)
    grid = SheetFinder(open_xlsx(path), path).optional_grid(REALISASI)
    return None if grid is None else (grid.title, realisasi_header(grid))


def read_realisasi(grid: Grid, layout: RealisasiLayout) -> list[RealisasiRow]:
    """The rows of a Realisasi sheet laid out as `layout`: each with a Ref or a value in some period."""
    rows = []
    groups = [(label, columns, set(columns.values())) for label, columns in layout.groups]
    for row in range(layout.header_row + 1, grid.max_row + 1):
        ref = grid.value(row, layout.ref_col)
        periods = []
        filled = grid.filled_columns(row)
        for label, columns, group_columns in groups:
            if filled is not None and filled.isdisjoint(group_columns):
                continue
            values = {name: grid.value(row, col) for name, col in columns.items()}
            if any(values.values()):
                periods.append(RealisasiPeriod(label, **values))
        if ref or periods:
            copy = grid.value(row, layout.copy_col) if layout.copy_col else EMPTY
            rows.append(RealisasiRow(row, ref, copy, tuple(periods)))
    return rows


def realisasi_header(grid: Grid) -> RealisasiLayout | None:
    """The layout of a Realisasi sheet; None when it has no header row with Ref and a period column.

    The header row is the one (within the first rows) with the most period columns; a group starts at a
    new label in the row above, or where a field repeats.
    """
    fields = {header: column.field for column in REALISASI_GROUP for header in column.headers}
    best: tuple[int, int] = (0, 0)
    for row in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
        texts = [normalize(grid.value(row, col).text) for col in grid.columns]
        count = sum(1 for text in texts if text in fields)
        if any(text in _REF for text in texts) and count > best[1]:
            best = (row, count)
    header_row = best[0]
    if not header_row:
        return None
    ref_col = copy_col = target_col = None
    groups: list[tuple[CellValue, dict[str, int]]] = []
    for col in grid.columns:
        header = normalize(grid.value(header_row, col).text)
        above = grid.value(header_row - 1, col) if header_row > 1 else EMPTY
        if ref_col is None and header in _REF:
            ref_col = col
        elif copy_col is None and not groups and header in _COPY:
            copy_col = col
        elif target_col is None and not groups and header in _TARGET:
            target_col = col
        elif header in fields:
            relabelled = bool(above) and (not groups or above.text != groups[-1][0].text)
            if not groups or relabelled or fields[header] in groups[-1][1]:
                groups.append((above, {}))
            groups[-1][1][fields[header]] = col
    return RealisasiLayout(header_row, ref_col or 1, copy_col, target_col, tuple(groups))
