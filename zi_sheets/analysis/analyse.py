"""The analysis stage: what is derived from a workbook, computed once, typed, and read by the checks, the
documents, the batch and the rekap alike.

read (workbook.py) -> model -> **analyse** -> checks / render -> write
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from zi_sheets.analysis.coverage import AreaCoverage, Coverage
from zi_sheets.analysis.matching import RowMatch, match_row
from zi_sheets.analysis.monev_match import PlanRefs, link_reports
from zi_sheets.analysis.periods import Month, Period, latest_month
from zi_sheets.analysis.progress import AreaProgress, PlanProgress, area_progress, plan_progress, target_of
from zi_sheets.analysis.realisasi import RealisasiLinks, link_realisasi
from zi_sheets.common.catalogue import REGULATIONS, Catalogue, load_catalogue, regulation_key
from zi_sheets.common.dates import MAX_YEAR, MIN_YEAR, TargetDate
from zi_sheets.common.model import MonevEntry, PlanRow, Workbook


def plan_year_of(workbook: Workbook) -> int | None:
    """The Tahun of Identitas when it is a plausible year, else None (targets then take no year)."""
    tahun = workbook.identitas.tahun
    return tahun if tahun is not None and MIN_YEAR <= tahun <= MAX_YEAR else None


def regulation_of(workbook: Workbook) -> str:
    """The one rule for the catalogue a workbook is held against: its Regulasi when that names one, else
    by the Tahun as written (up to 2021: 52/2014; from 2022, or without a year: 90/2021)."""
    return regulation_key(workbook.identitas.text("Regulasi"), workbook.identitas.tahun)


@dataclass(frozen=True)
class Analysis:
    """One workbook with everything derived from it.

    `plan_year` is None when Tahun holds no plausible year; `targets`, `matches` and `reports` are keyed by
    the plan row's Excel row; `broad` holds, by plan row, the Monev entries (Excel rows) that name it only
    with other rows; `doubtful` the Monev entries (by Excel row) whose words only resemble plan rows;
    `realisasi` the Realisasi sheet linked to the plan; `latest_month` is None when no Monev entry has a
    readable month.
    """

    workbook: Workbook
    plan_year: int | None
    regulation: str
    targets: Mapping[int, TargetDate]
    matches: Mapping[int, RowMatch]
    refs: PlanRefs
    reports: Mapping[int, tuple[MonevEntry, ...]]
    latest_month: Month | None
    broad: Mapping[int, frozenset[int]]
    doubtful: Mapping[int, tuple[PlanRow, ...]]
    realisasi: RealisasiLinks

    @property
    def latest_period(self) -> Period | None:
        """The period a Monev report covers unless asked for another: the latest Monev month, or the latest
        period the Realisasi sheet reports on when that ends on or after it (a unit reporting by quarter
        reports June in its Triwulan II, not as a month); None when neither has one."""
        month = Period.month(*self.latest_month) if self.latest_month else None
        filled = [r.period for found in self.realisasi.by_row.values() for r in found if r.period]
        realised = max(filled, key=lambda p: (p.last, p.first), default=None)
        if realised is not None and (month is None or realised.last >= month.last):
            return realised
        return month

    @property
    def catalogue(self) -> Catalogue:
        """The LKE catalogue of `regulation`."""
        return load_catalogue(self.regulation)

    @property
    def regulation_title(self) -> str:
        """The regulation as documents and the rekap cite it: "PermenPANRB 90/2021"."""
        return REGULATIONS[self.regulation]

    def plan_progress(self, until: Month) -> list[PlanProgress]:
        """Every plan row at the end of month `until`, in workbook order."""
        return plan_progress(
            self.workbook.rencana_aksi,
            self.targets,
            self.reports,
            until,
            self.plan_year,
            self.broad,
            self.realisasi.by_row,
        )

    def progress(self, period: Period) -> list[AreaProgress]:
        """The six areas at the end of `period`, with the period's Monev entries."""
        return area_progress(self.plan_progress(period.last), self.workbook.monev, period)

    @cached_property
    def planned(self) -> tuple[RowMatch, ...]:
        """The catalogue matches of the plan rows that plan something, an action or an output (Langkah Aksi
        or Bukti Fisik filled: plans shaped Komponen -> Output -> Waktu have no Langkah Aksi): what covers
        the catalogue. A row of `init`'s template left as written covers nothing."""
        rows = self.workbook.rencana_aksi
        return tuple(self.matches[row.row] for row in rows if row.langkah_aksi or row.bukti_fisik)

    @cached_property
    def covered_komponen(self) -> frozenset[str]:
        """The codes of the komponen with at least one planned row (`planned`): what the coverage counts."""
        return frozenset(m.komponen.code for m in self.planned if m.komponen is not None)

    @cached_property
    def covered_indicators(self) -> frozenset[str]:
        """The codes of the indicators with at least one planned row (`planned`): what the coverage counts."""
        return frozenset(m.indicator.code for m in self.planned if m.indicator is not None)

    @cached_property
    def coverage(self) -> Coverage:
        """Komponen and indicators with at least one planned row (`planned`), per area and overall."""
        komponen_hit, indicator_hit = self.covered_komponen, self.covered_indicators
        areas = []
        for area in self.catalogue.areas:
            indicators = [i for k in area.komponen for i in k.indicators]
            areas.append(
                AreaCoverage(
                    area.no,
                    sum(1 for k in area.komponen if k.code in komponen_hit),
                    len(area.komponen),
                    sum(1 for i in indicators if i.code in indicator_hit),
                    len(indicators),
                )
            )
        return Coverage(
            self.regulation,
            sum(a.komponen_covered for a in areas),
            sum(a.komponen_total for a in areas),
            sum(a.indicators_covered for a in areas),
            sum(a.indicators_total for a in areas),
            tuple(areas),
        )


def analyse(workbook: Workbook) -> Analysis:
    """Derive, once, what the checks and the documents read from `workbook`."""
    plan_year = plan_year_of(workbook)
    regulation = regulation_of(workbook)
    catalogue = load_catalogue(regulation)
    rows = workbook.rencana_aksi
    matches = {row.row: match_row(catalogue, row) for row in rows}
    # -- a Monev Ref may also name a row by the catalogue indicator it was matched to ("P.1.i.a", "1.i.a")
    codes = {
        row: (match.indicator.code, match.indicator.file_code)
        for row, match in matches.items()
        if match.indicator is not None
    }
    refs = PlanRefs(rows, codes)
    links = link_reports(workbook, refs)
    return Analysis(
        workbook=workbook,
        plan_year=plan_year,
        regulation=regulation,
        targets={row.row: target_of(row, plan_year) for row in rows},
        matches=matches,
        refs=refs,
        reports=links.reports,
        latest_month=latest_month(workbook),
        broad=links.broad,
        doubtful=links.doubtful,
        realisasi=link_realisasi(workbook, refs, plan_year),
    )
