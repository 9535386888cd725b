"""The one komponen numbering rule: plan rows grouped by area and komponen, numbered as the Rencana Kerja
prints them and as a Monev Ref ("I.2": area I, komponen 2) names them; a row within its komponen is lettered
("I.2.b": area I, komponen 2, second row), as units number their actions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from zi_sheets.common.bahasa import roman
from zi_sheets.common.model import AREAS, CellValue, PlanRow
from zi_sheets.common.text import area_title

UNKNOWN_AREA = "LAIN-LAIN"


@dataclass
class KomponenGroup:
    """The consecutive plan rows of one komponen within an area; `number` is 1..n within the area."""

    number: int
    komponen: CellValue
    rows: list[PlanRow] = field(default_factory=list)


@dataclass
class AreaGroup:
    """The plan rows of one area; `area_no` None for rows whose area was not recognised.

    `name` is the catalogue's name of the area in capitals (for an unrecognised one, its text); `title` the
    area's title as the unit wrote it on its first row, in capitals, the catalogue's when none is written.
    """

    area_no: int | None
    name: str
    komponen: list[KomponenGroup] = field(default_factory=list)
    title: str = ""

    @property
    def numeral(self) -> str:
        """The Roman numeral of the area, '' for an unrecognised one."""
        return roman(self.area_no) if self.area_no else ""


def group_by_area(rows: Sequence[PlanRow]) -> list[AreaGroup]:
    """The plan rows grouped by area (I..VI, then unrecognised areas by their text) and komponen.

    A komponen starts whenever its text differs from the previous row's in the same area; an empty komponen
    continues it (the seed writes NO and KOMPONEN only on a komponen's first row).
    """
    buckets: dict[tuple[int | None, str], AreaGroup] = {}
    for row in rows:
        if row.area_no in AREAS:
            key: tuple[int | None, str] = (row.area_no, "")
            name = AREAS[row.area_no]
        else:
            key, name = (None, _normal(row.area.text)), row.area.text
        title = area_title(row.area.text).upper() or name.upper() or UNKNOWN_AREA
        group = buckets.setdefault(key, AreaGroup(key[0], name.upper() or UNKNOWN_AREA, title=title))
        current = group.komponen[-1] if group.komponen else None
        if current is None or (row.komponen and _normal(row.komponen.text) != _normal(current.komponen.text)):
            current = KomponenGroup(len(group.komponen) + 1, row.komponen)
            group.komponen.append(current)
        current.rows.append(row)
    known = sorted((g for g in buckets.values() if g.area_no is not None), key=lambda g: g.area_no or 0)
    return known + [g for g in buckets.values() if g.area_no is None]


def komponen_numbers(groups: Sequence[AreaGroup]) -> dict[int, int]:
    """The komponen number of every plan row of a recognised area, by Excel row."""
    return {
        row.row: komponen.number
        for area in groups
        if area.area_no is not None
        for komponen in area.komponen
        for row in komponen.rows
    }


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def row_letter(index: int) -> str:
    """The letter of the `index`-th (0-based) row of a komponen: a..z, then aa, ab, ..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(97 + remainder) + letters
    return letters


def action_numbers(groups: Sequence[AreaGroup]) -> dict[int, str]:
    """The number of every plan row of a recognised area as units write it, "I.2.b", by Excel row."""
    return {
        row.row: f"{area.numeral}.{komponen.number}.{row_letter(index)}"
        for area in groups
        if area.area_no is not None
        for komponen in area.komponen
        for index, row in enumerate(komponen.rows)
    }
