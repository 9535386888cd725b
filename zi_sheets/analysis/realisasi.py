"""The Realisasi sheet read against the plan: which plan row each row reports on, the period of each filled
group, and which group tells an action's state at the end of a report period.

A group is the state of every action as of its period: staff fill the group of the period they report on.
It counts for a report once its period has begun by the report's end (the "Triwulan II" group filled in May
counts in May's report); the latest such group tells the state, and the latest revised target holds until
another revises it. A group without a label is the current state and counts for every report. Whether a
group says done is `progress.PlanProgress.status`'s, with the one Status vocabulary (`progress.monev_status`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from zi_sheets.analysis.monev_match import PlanRefs, ref_key
from zi_sheets.analysis.periods import Month, Period, read_date, read_period
from zi_sheets.common.dates import TargetDate, parse_target
from zi_sheets.common.model import CellValue, PlanRow, RealisasiPeriod, RealisasiRow, Workbook
from zi_sheets.common.text import normalize

# -- Orders a group without a label after every period: it is the state as staff last wrote it. --
_CURRENT = (9999, 12)


@dataclass(frozen=True)
class Realisation:
    """One filled group of a Realisasi row, read: its period (None for the current state or an unreadable
    label), the date the action was done and its revised target (None when empty or unreadable)."""

    source: RealisasiRow
    cells: RealisasiPeriod
    period: Period | None
    done_on: dt.date | None
    revised: TargetDate | None

    def counts_by(self, until: Month) -> bool:
        """True when the group counts for a report ending with month `until`: its period has begun."""
        return self.period is None or self.period.first <= until

    @property
    def order(self) -> tuple[Month, int]:
        """Later periods last; within one period, the lower sheet row last."""
        return (self.period.last if self.period else _CURRENT, self.source.row)


@dataclass(frozen=True)
class RealisasiLinks:
    """The Realisasi sheet against the plan.

    `by_row` holds each plan row's realisations in order (`Realisation.order`); `unlinked` the filled rows
    whose Ref names no plan row or several, with the rows named; `linked` the plan row (Excel row) of every
    Realisasi row (Excel row) whose Ref names one, filled or not.
    """

    by_row: Mapping[int, tuple[Realisation, ...]]
    unlinked: tuple[tuple[RealisasiRow, tuple[PlanRow, ...]], ...]
    linked: Mapping[int, int]

    @property
    def listed(self) -> frozenset[int]:
        """The plan rows (Excel rows) the sheet has a row for."""
        return frozenset(self.linked.values())


def link_realisasi(workbook: Workbook, refs: PlanRefs, plan_year: int | None) -> RealisasiLinks:
    """Every Realisasi row linked to the one plan row its Ref names; several rows named are told apart by
    the copy of the Langkah Aksi beside the Ref."""
    by_row: dict[int, list[Realisation]] = {}
    unlinked: list[tuple[RealisasiRow, tuple[PlanRow, ...]]] = []
    linked: dict[int, int] = {}
    # -- each group's label, read once: a sheet of 100,000 rows has a dozen labels, not a million
    periods: dict[CellValue, Period | None] = {}
    for source in workbook.realisasi:
        named = refs.named(ref_key(source.ref.text), None) if source.ref else []
        if len(named) > 1:
            copy = normalize(source.langkah_aksi.text)
            same = [row for row in named if copy and normalize(langkah_copy(row)) == copy]
            named = same if len(same) == 1 else named
        if len(named) != 1:
            if source.periods:
                unlinked.append((source, tuple(named)))
            continue
        plan_row = named[0]
        linked[source.row] = plan_row.row
        for cells in source.periods:
            if cells.periode not in periods:
                periods[cells.periode] = read_period(cells.periode, plan_year) if cells.periode else None
            realisation = read_group(source, cells, plan_year, periods[cells.periode])
            by_row.setdefault(plan_row.row, []).append(realisation)
    return RealisasiLinks(
        {row: tuple(sorted(found, key=lambda r: r.order)) for row, found in by_row.items()},
        tuple(unlinked),
        linked,
    )


def read_group(
    source: RealisasiRow, cells: RealisasiPeriod, plan_year: int | None, period: Period | None
) -> Realisation:
    """One filled group of label `period` (read by the caller), its date and revised target read (None
    where unreadable)."""
    revised = revised_target(cells.target_revisi, plan_year) if cells.target_revisi else None
    return Realisation(
        source,
        cells,
        period,
        read_date(cells.tanggal_selesai, plan_year),
        revised if revised is not None and revised.months else None,
    )


def revised_target(value: CellValue, plan_year: int | None) -> TargetDate:
    """A Target Revisi read as Target Waktu is (a date cell, "Juni 2026", "Triwulan III")."""
    raw = value.raw
    return parse_target(raw if isinstance(raw, dt.date | int | float) else value.text, plan_year)


def as_of(realisations: Sequence[Realisation], until: Month) -> tuple[Realisation | None, Realisation | None]:
    """The group telling an action's state at the end of month `until` (None: none counts yet), and the
    latest group by then with a revised target (None: the plan's target holds)."""
    counted = [r for r in realisations if r.counts_by(until)]
    revision = next((r for r in reversed(counted) if r.revised is not None), None)
    return (counted[-1] if counted else None), revision


def langkah_copy(row: PlanRow) -> str:
    """The text the Realisasi sheet copies beside a Ref: the Langkah Aksi, else the Indikator, else the
    Bukti Fisik (a plan without Langkah Aksi or Indikator)."""
    return row.langkah_aksi.text or row.indikator.text or row.bukti_fisik.text
