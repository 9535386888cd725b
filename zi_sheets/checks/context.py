"""The context every check reads: the workbook's `Analysis`, where things are in it (sheets as the workbook
spells them, plan columns), the texts and profile of the unit, and the date the checks run on.

The plan's fields and their labels (`PLAN_FIELDS`, `_FIELD_LABELS`) are defined here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cached_property

from zi_sheets.analysis.analyse import Analysis
from zi_sheets.checks.agencies import UnitProfile, unit_profile
from zi_sheets.checks.langkah import repeats_bukti
from zi_sheets.checks.places import Region, unit_region
from zi_sheets.checks.texts import cell_texts
from zi_sheets.common.catalogue import Catalogue
from zi_sheets.common.model import CellRef, CellValue, PlanRow
from zi_sheets.reading.schema import PLAN_LABELS, RENCANA_AKSI

# -- The fields every plan row fills, and the names findings give the plan's columns (`reading.schema`). --
PLAN_FIELDS = RENCANA_AKSI.content
_FIELD_LABELS = PLAN_LABELS

# -- A plan column left empty on more than this share of the rows (and on at least `_UNUSED_ROWS` rows) is
# -- one the plan does not use: the plan's shape (Komponen -> Output -> Waktu), one finding for the whole
# -- plan (`plan-column-absent`), not one per row; fewer empty cells are each a row's own defect.
_UNUSED_SHARE = 0.5
_UNUSED_ROWS = 3

# -- Units whose area is a province (or more): every place of their province is theirs.
_PROVINCE_WIDE = frozenset({"kanwil", "balai", "bpom", "mahkamah_agung", "djp", "kemenkumham"})


class CheckContext:
    """The analysis of one workbook, with where things are in it and the date the checks run on."""

    def __init__(self, analysis: Analysis, today: dt.date) -> None:
        self.analysis = analysis
        self.workbook = analysis.workbook
        self.today = today
        self.identitas = self.workbook.identitas
        self.plan_year = analysis.plan_year
        self.regulation = analysis.regulation
        self.catalogue: Catalogue = analysis.catalogue
        self.plan: list[PlanRow] = self.workbook.rencana_aksi
        self.targets = analysis.targets
        self.matches = analysis.matches
        self.refs = analysis.refs

    # -- where things are --

    def sheet(self, name: str) -> str:
        """The sheet read as `name` (as `init` names it: "RencanaAksi", "Identitas", "Monev", "Pengaturan")
        as the workbook spells it: the one the reader found (`Workbook.sheets_found`), else the sheet of the
        cells read from it; '' when the workbook has no such sheet (a finding then is about the workbook)."""
        found = self.workbook.sheets_found.get(name)
        if found:
            return found
        return next((cell.sheet for cell in self._cells_read(name)), "")

    def _cells_read(self, name: str) -> Iterator[CellRef]:
        workbook = self.workbook
        if name == "RencanaAksi":
            yield from (cell for row in self.plan for cell in _row_cells(row))
        elif name == "Identitas":
            yield from (v.cell for v in self.identitas.fields.values() if v.cell is not None)
        elif name == "Monev":
            yield from (e.capaian.cell for e in workbook.monev if e.capaian.cell is not None)

    @cached_property
    def plan_sheet(self) -> str:
        """The name of the Rencana Aksi sheet as the workbook spells it (`sheet`)."""
        return self.sheet("RencanaAksi")

    @cached_property
    def identitas_sheet(self) -> str:
        """The name of the Identitas sheet as the workbook spells it (`sheet`)."""
        return self.sheet("Identitas")

    @cached_property
    def monev_sheet(self) -> str:
        """The name of the Monev sheet as the workbook spells it (`sheet`); '' without one."""
        return self.sheet("Monev")

    @cached_property
    def columns(self) -> dict[str, str]:
        """Column letter of each plan field, from the first cell of that field that holds a value."""
        letters: dict[str, str] = {}
        for row in self.plan:
            for name in _FIELD_LABELS:
                cell = getattr(row, name).cell
                if cell is not None and name not in letters:
                    letters[name] = cell.column
        return letters

    @cached_property
    def texts(self) -> list[CellValue]:
        """Every cell of the plan, Narasi, Monev and Lampiran sheets that holds free text, each cell once."""
        return list(cell_texts(self.workbook))

    @cached_property
    def profile(self) -> UnitProfile:
        """What the unit is and which agencies it may name (`agencies.unit_profile`)."""
        return unit_profile(self.identitas)

    @cached_property
    def region(self) -> Region:
        """The unit's own region (`places.unit_region`)."""
        wide = bool(self.profile.kinds & _PROVINCE_WIDE)
        return unit_region(self.identitas, province_wide=wide)

    @cached_property
    def repeats_bukti(self) -> frozenset[int]:
        """The Excel rows of the plan whose Langkah Aksi repeats their Bukti Fisik
        (`langkah.repeats_bukti`)."""
        return frozenset(row.row for row in self.plan if repeats_bukti(row.langkah_aksi, row.bukti_fisik))

    @cached_property
    def unplanned_indicators(self) -> dict[str, list[str]]:
        """Per komponen the plan covers, the codes of its indicators no row plans or names (an indicator a
        row names but plans nothing for is that row's finding): one answer for indikator-missing and for
        the rows whose indicator matches none of their komponen's."""
        covered, hit = self.analysis.covered_komponen, self.analysis.covered_indicators
        named = {m.indicator.code for m in self.matches.values() if m.indicator is not None}
        return {
            komponen.code: [i.code for i in komponen.indicators if i.code not in hit and i.code not in named]
            for komponen in self.catalogue.komponen
            if komponen.code in covered
        }

    @cached_property
    def komponen_with_unmatched_rows(self) -> frozenset[str]:
        """The komponen with a row whose indicator, written in the unit's own words, matches none of theirs:
        that row may be any of the komponen's unplanned indicators."""
        return frozenset(
            match.komponen.code
            for row in self.plan
            if row.indikator
            and (match := self.matches[row.row]).komponen is not None
            and match.indicator is None
        )

    @cached_property
    def unused_columns(self) -> dict[str, list[int]]:
        """The plan fields (`PLAN_FIELDS`) the plan does not use, with the Excel rows left without them: a
        column the sheet lacks, or one empty on most rows (`_UNUSED_SHARE`, `_UNUSED_ROWS`)."""
        unused: dict[str, list[int]] = {}
        # -- a row under an indicator of its komponen, for the indicator's next step, lacks no Indikator
        answered: set[object] = set()
        under: set[int] = set()
        for row in self.plan:
            if row.indikator:
                answered.add(row.komponen.cell)
            elif row.komponen.cell is not None and row.komponen.cell in answered:
                under.add(row.row)
        for name in PLAN_FIELDS:
            empty = [
                row.row
                for row in self.plan
                if not getattr(row, name) and not (name == "indikator" and row.row in under)
            ]
            if len(empty) >= _UNUSED_ROWS and len(empty) > _UNUSED_SHARE * len(self.plan):
                unused[name] = empty
        return unused

    def plan_cell(self, row: PlanRow, name: str) -> CellRef:
        """Where field `name` of a plan row is, also when empty (the whole row when the column is unknown)."""
        value: CellValue = getattr(row, name)
        if value.cell is not None and value.cell.row == row.row:
            return value.cell
        return CellRef(self.plan_sheet, row.row, self.columns.get(name, ""))


def _row_cells(row: PlanRow) -> Iterator[CellRef]:
    for name in _FIELD_LABELS:
        cell = getattr(row, name).cell
        if cell is not None:
            yield cell
