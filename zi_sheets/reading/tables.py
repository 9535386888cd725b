"""Find a workbook's sheets by name and turn each into a Table: its header row found, its rows as records.

Tolerant of the layouts staff actually use: title rows above the header, header-name variants (from
`reading.schema`), blank rows and a row numbering the columns under the header. A sheet without a column
its schema requires is unreadable; everything else is kept for the checks to report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

from zi_sheets.common.errors import UnreadableWorkbook
from zi_sheets.common.model import EMPTY, ActiveFilter, CellRef, CellValue
from zi_sheets.common.text import normalize
from zi_sheets.reading.schema import SheetSchema, sheet_key
from zi_sheets.reading.source import Grid, Source, column_letter

# -- How far down the reader looks for a sheet's header row. --
HEADER_SEARCH_ROWS = 30


@dataclass
class Record:
    """One data row of a table: its Excel row number and its values by field."""

    row: int
    values: dict[str, CellValue]

    def get(self, field: str) -> CellValue:
        return self.values.get(field, EMPTY)

    def cells(self) -> list[CellValue]:
        """Every non-empty value of the row, including columns the spec does not know, left to right."""
        return [v for v in self.values.values() if v]


@dataclass
class Table:
    """The records of one sheet below its header row.

    `fields` are the spec's columns found in the header row; `extra_headers` maps the key of every other
    headed column in a Record ("_<column index>") to its header as written (made unique), and
    the schema's `extra` columns (printed by the documents as the unit's own columns) are
    there under their field name.
    """

    sheet: str
    records: list[Record]
    fields: frozenset[str] = frozenset()
    extra_headers: dict[str, str] = dataclass_field(default_factory=dict)

    def extra(self, record: Record) -> dict[str, CellValue]:
        """The values of `record` in the columns a document prints after its standard ones (those the spec
        does not know, and its `extra` ones), by header as written, in sheet order."""
        return {header: record.get(key) for key, header in self.extra_headers.items()}


# -- A year in a sheet name ("Monev 2026", "RencanaAksi_2026"): staff keep one sheet per year. --
_SHEET_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class SheetFinder:
    """Finds sheets by name variants and turns them into Tables; remembers hidden rows for the checks.

    A name matches a variant ignoring case, spaces and punctuation, and also with a year in it
    ("Monev 2026"); of several such sheets the one of the plan's year (`year`) is read, else the latest.
    """

    def __init__(self, book: Source, path: Path) -> None:
        self.book = book
        self.path = path
        self.year: int | None = None
        self.hidden_rows: list[CellRef] = []
        self.found: dict[str, str] = {}
        self._by_name = {sheet_key(name): name for name in book.sheetnames}
        self._dated: dict[str, list[tuple[int, str]]] = {}
        for name in book.sheetnames:
            years = _SHEET_YEAR.findall(normalize(name))
            if len(years) == 1:
                key = sheet_key(_SHEET_YEAR.sub(" ", normalize(name)))
                self._dated.setdefault(key, []).append((int(years[0]), name))
        self.active_filters: list[ActiveFilter] = []

    def find(self, spec: SheetSchema) -> str | None:
        variants = [sheet_key(variant) for variant in (spec.name, *spec.variants)]
        found = next((self._by_name[key] for key in variants if key in self._by_name), None)
        if found is None:
            dated = next((self._dated[k] for k in variants if k in self._dated), [])
            of_year = [name for year, name in dated if year == self.year]
            found = of_year[0] if of_year else max(dated, default=(0, None))[1]
        if found is not None:
            self.found[spec.name] = found
        return found

    def require(self, spec: SheetSchema) -> Table:
        """The table of a sheet the workbook must have; UnreadableWorkbook when it is missing."""
        name = self.find(spec)
        if name is None:
            present = ", ".join(self.book.sheetnames)
            raise UnreadableWorkbook(
                f"Berkas {self.path.name}: sheet '{spec.name}' tidak ada (sheet yang ada: {present})."
            )
        return self.table(name, spec)

    def optional(self, spec: SheetSchema) -> Table | None:
        """The table of an optional sheet, None when the workbook has no such sheet."""
        name = self.find(spec)
        return None if name is None else self.table(name, spec)

    def optional_grid(self, spec: SheetSchema) -> Grid | None:
        """The cells of an optional sheet a reader of its own walks, None when the workbook has none."""
        found = self.find(spec)
        return None if found is None else self.book.grid(found)

    def note_hidden(self, grid: Grid, rows: Iterable[int]) -> None:
        """Remember which of `rows` (read from `grid`) are hidden, for the checks."""
        self.hidden_rows += [CellRef(grid.title, row, "A") for row in rows if grid.is_hidden(row)]

    def table(self, name: str, spec: SheetSchema) -> Table:
        grid = self.book.grid(name)
        header_row, columns = _find_header(grid, spec, self.path)
        records = []
        filtered: list[int] = []
        for row in range(header_row + 1, grid.max_row + 1):
            by_column = {col: grid.value(row, col) for col in grid.columns}
            texts = [value.text for value in by_column.values() if value]
            if not texts or _is_column_numbering(texts):
                continue
            values = {field: by_column[col] for field, col in columns.items()}
            extra = {f"_{col}": value for col, value in by_column.items() if col not in columns.values()}
            if grid.is_filtered(row):
                filtered.append(row)
            elif grid.is_hidden(row):
                self.hidden_rows.append(CellRef(name, row, "A"))
            records.append(Record(row, {**values, **extra}))
        if grid.filter is not None and filtered:
            self.active_filters.append(ActiveFilter(grid.filter[0], tuple(filtered)))
        headers = _extra_headers(grid, header_row, columns, spec.extra)
        return Table(name, records, frozenset(columns), headers)


def _extra_headers(
    grid: Grid, header_row: int, columns: dict[str, int], extra: tuple[str, ...]
) -> dict[str, str]:
    """Record key -> header as written of the headed columns the spec does not know (or lists in
    `extra`), in sheet order; a header written twice is told apart by its column letter."""
    headers: dict[str, str] = {}
    printed = {columns[name]: name for name in extra if name in columns}
    known = set(columns.values()) - set(printed)
    for col in grid.columns:
        header = " ".join(grid.value(header_row, col).text.split()) if header_row else ""
        if col in known or not header:
            continue
        if header in headers.values():
            header = f"{header} ({column_letter(col)})"
        headers[printed.get(col, f"_{col}")] = header
    return headers


def _find_header(grid: Grid, spec: SheetSchema, path: Path) -> tuple[int, dict[str, int]]:
    """The header row (within the first rows) with the most known headers, and field -> column index.

    Of two columns a field accepts ("Target" and "Waktu"), the one whose header comes first in the field's
    `headers` is read; the other stays one of the unit's own columns."""
    known = spec.read
    best: tuple[int, dict[str, int]] = (0, {})
    for row in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
        found: dict[str, int] = {}
        rank: dict[str, int] = {}
        for col in grid.columns:
            header = normalize(grid.value(row, col).text)
            if not header:
                continue
            for column in known:
                if header in column.headers:
                    place = column.headers.index(header)
                    if place < rank.get(column.field, len(column.headers)):
                        found[column.field], rank[column.field] = col, place
                    break
        if len(found) > len(best[1]):
            best = (row, found)
    row, found = best
    missing = [
        c for c in spec.columns if c.required and c.field not in found and (c.instead or "") not in found
    ]
    if missing:
        where = f"baris judul (baris {row})" if row else f"{HEADER_SEARCH_ROWS} baris pertama"
        # -- a column and the one that may stand in for it are one want: "'Langkah Aksi' atau 'Bukti Fisik'"
        named: list[str] = []
        said: set[str] = set()
        for column in missing:
            if column.field in said:
                continue
            partner = next((c for c in spec.columns if c.field == column.instead), None)
            said.update((column.field, column.instead or ""))
            named.append(f"'{column.label}'" + (f" atau '{partner.label}'" if partner else ""))
        expected = ", ".join(named)
        raise UnreadableWorkbook(
            f"Berkas {path.name}, sheet {grid.title}: kolom {expected} tidak ditemukan di {where}."
        )
    return row, found


def _is_column_numbering(texts: list[str]) -> bool:
    """True for the "1 | 2 | 3 ..." row some staff put under the header to number the columns."""
    return len(texts) >= 3 and texts == [str(i) for i in range(1, len(texts) + 1)]
