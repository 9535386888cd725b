"""What the plan scheduled and what the Monev reported, per plan row and per area, at the end of a period.

The one place that decides, for the Monev document and for the checks alike:

- when a plan row is scheduled (`PlanProgress.scheduled_by`): it has a target month on or before that month,
  so a span that has started is scheduled;
- when it is due (`due_months`): a span ("Januari s/d Desember", "Tahun 2019", "setiap bulan") at its last
  month, a month or a list of months ("Juni, Desember") at each; months outside the plan year are not due;
- its status at the end of a period (`PlanProgress.status`): selesai, dalam-proses (reported), terlambat (a
  due month has passed and nothing is reported), berjalan (scheduled, not yet due, nothing reported) or
  belum-jadwal;
- the figures and the sentence per area (`area_progress`, `AreaProgress`).

Which rows a Monev entry reports on is `monev_match`'s; `analysis.Analysis` ties them together. A report
counts as reported whatever its Status says (the seed's Monev has no Status column), and as done only when
its Status says Selesai. Plan rows whose area was not recognised are left out of the areas (the checks
report them); Monev entries whose month could not be read count in no period.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from zi_sheets.bahasa import roman
from zi_sheets.dates import TargetDate, parse_target
from zi_sheets.model import AREAS, CellValue, MonevEntry, PlanRow
from zi_sheets.periods import Month, Period
from zi_sheets.text import normalize

# -- Statuses of a plan row at the end of a period. --
SELESAI = "selesai"
DALAM_PROSES = "dalam-proses"
TERLAMBAT = "terlambat"
BERJALAN = "berjalan"
BELUM_JADWAL = "belum-jadwal"

# ---------------------------------------------------------------------------------------------------------
# Progress per plan row


def target_of(row: PlanRow, plan_year: int | None) -> TargetDate:
    """The parsed Target Waktu of `row` (the date or number the cell holds, else its text)."""
    return parse_target(_target_value(row.target_waktu), plan_year)


def _target_value(value: CellValue) -> object:
    return value.raw if isinstance(value.raw, dt.date | int | float) else value.text


def report_status(entry: MonevEntry) -> str:
    """The Status of a Monev entry as SELESAI or DALAM_PROSES ('Belum' and an empty Status count as reported,
    not done)."""
    words = normalize(entry.status.text).split()
    return SELESAI if "selesai" in words and "belum" not in words else DALAM_PROSES


def due_months(target: TargetDate, plan_year: int | None) -> list[Month]:
    """The months by which the action of a target must be done, in order, within the plan year when known.

    A span ("Januari s/d Desember", "Tahun 2019", "setiap bulan") is one activity due at its end; a month or a
    list of months ("Juni, Desember") is due at each of them.
    """
    months = sorted(m for m in target.months if plan_year in (None, m[0]))
    if not months:
        return []
    continuous = {"range", "whole-year"} & target.flags or ("recurring" in target.flags and len(months) == 12)
    return [months[-1]] if continuous else months


@dataclass(frozen=True)
class PlanProgress:
    """One plan row at the end of a period: its target, and the Monev entries reporting it by `until`.

    `plan_year` bounds the due months (`due_months`); None takes every target month as due.
    """

    row: PlanRow
    target: TargetDate
    reports: tuple[MonevEntry, ...]
    until: Month
    plan_year: int | None = None

    @property
    def months(self) -> frozenset[Month]:
        """The target months read from Target Waktu (empty when none could be read)."""
        return self.target.months

    def scheduled_by(self, year: int, month: int) -> bool:
        """True when the row has a target month on or before (year, month): a started span is scheduled."""
        return any(m <= (year, month) for m in self.target.months)

    # -- cached: the Monev document and its chart ask every row for its figures once per area and figure
    @cached_property
    def scheduled(self) -> bool:
        """True when the row is scheduled by the end of the period."""
        return self.scheduled_by(*self.until)

    @property
    def reported(self) -> bool:
        """True when at least one Monev entry up to the end of the period reports on the row."""
        return bool(self.reports)

    @property
    def due_months(self) -> list[Month]:
        """The months the row's action is due, see `due_months` (empty when none is in the plan year)."""
        return due_months(self.target, self.plan_year)

    @cached_property
    def due(self) -> Month | None:
        """The first month the row is due, None when it is never due."""
        return min(self.due_months, default=None)

    @property
    def past_due(self) -> bool:
        """True when a due month is on or before the end of the period."""
        return self.due is not None and self.due <= self.until

    @cached_property
    def status(self) -> str:
        """SELESAI (a report says Selesai), DALAM_PROSES (reported, not done), TERLAMBAT (not reported and a
        due month has passed), BERJALAN (not reported, scheduled but not yet due: a span that runs on) or
        BELUM_JADWAL (not reported and not yet scheduled, or with no target month)."""
        if any(report_status(entry) == SELESAI for entry in self.reports):
            return SELESAI
        if self.reports:
            return DALAM_PROSES
        if self.past_due:
            return TERLAMBAT
        return BERJALAN if self.scheduled else BELUM_JADWAL


def plan_progress(
    rows: Sequence[PlanRow],
    targets: Mapping[int, TargetDate],
    reports: Mapping[int, Sequence[MonevEntry]],
    until: Month,
    plan_year: int | None,
) -> list[PlanProgress]:
    """Every plan row at the end of month `until`, in workbook order, with the reports (by Excel row) made
    by then."""
    return [
        PlanProgress(
            row,
            targets[row.row],
            tuple(e for e in reports.get(row.row, ()) if e.month is not None and e.month <= until),
            until,
            plan_year,
        )
        for row in rows
    ]


# ---------------------------------------------------------------------------------------------------------
# Progress per area


@dataclass(frozen=True)
class AreaProgress:
    """The plan rows of one area at the end of `period` and the area's Monev entries within the period.

    `area_no` is 1..6, or None for the total over all areas (see `total`). Counts are over the rows scheduled
    by the end of the period, so scheduled = selesai + dalam_proses + berjalan + terlambat.
    """

    area_no: int | None
    period: Period
    plans: tuple[PlanProgress, ...]
    entries: tuple[MonevEntry, ...]

    @property
    def name(self) -> str:
        """The area's name, "Seluruh Area" for the total."""
        return AREAS[self.area_no] if self.area_no is not None else "Seluruh Area"

    @property
    def numeral(self) -> str:
        """The area's Roman numeral, '' for the total."""
        return roman(self.area_no) if self.area_no is not None else ""

    @cached_property
    def _scheduled(self) -> tuple[PlanProgress, ...]:
        return tuple(plan for plan in self.plans if plan.scheduled)

    def _count(self, status: str) -> int:
        return sum(1 for plan in self._scheduled if plan.status == status)

    @property
    def scheduled(self) -> int:
        """How many rows were scheduled by the end of the period."""
        return len(self._scheduled)

    @property
    def reported(self) -> int:
        """How many of the scheduled rows were reported by the end of the period."""
        return sum(1 for plan in self._scheduled if plan.reported)

    @property
    def selesai(self) -> int:
        """How many of the scheduled rows a report calls Selesai."""
        return self._count(SELESAI)

    @property
    def dalam_proses(self) -> int:
        """How many of the scheduled rows were reported but not as Selesai."""
        return self._count(DALAM_PROSES)

    @property
    def berjalan(self) -> int:
        """How many of the scheduled rows nothing reported on, not yet due (a span that runs on)."""
        return self._count(BERJALAN)

    @property
    def terlambat(self) -> list[PlanProgress]:
        """The rows past their due month with nothing reported by the end of the period, in workbook order
        (all scheduled)."""
        return [plan for plan in self.plans if plan.status == TERLAMBAT]

    @property
    def early(self) -> list[PlanProgress]:
        """The rows reported before they were scheduled (counted in none of the figures above)."""
        return [plan for plan in self.plans if plan.reported and not plan.scheduled]

    @property
    def percent(self) -> int | None:
        """The share of scheduled rows reported, rounded to a whole percent; None when none was scheduled."""
        if not self.scheduled:
            return None
        return math.floor(100 * self.reported / self.scheduled + 0.5)

    @property
    def kendala(self) -> list[str]:
        """The Kendala texts of the period's entries, in order, each once."""
        return _unique(entry.kendala.text for entry in self.entries)

    @property
    def tindak_lanjut(self) -> list[str]:
        """The Tindak Lanjut texts of the period's entries, in order, each once."""
        return _unique(entry.tindak_lanjut.text for entry in self.entries)

    @property
    def sentence(self) -> str:
        """ "Dari 12 langkah aksi yang dijadwalkan s.d. Mei 2019, 9 telah dilaporkan (75%)." or, with nothing
        scheduled, "Belum ada langkah aksi yang dijadwalkan s.d. Mei 2019."."""
        if self.percent is None:
            return f"Belum ada langkah aksi yang dijadwalkan s.d. {self.period.end_label}."
        return (
            f"Dari {self.scheduled} langkah aksi yang dijadwalkan s.d. {self.period.end_label}, "
            f"{self.reported} telah dilaporkan ({self.percent}%)."
        )


def _unique(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(text.strip() for text in texts if text.strip()))


def area_progress(
    plans: Sequence[PlanProgress], entries: Sequence[MonevEntry], period: Period
) -> list[AreaProgress]:
    """The six areas, I to VI, at the end of `period`: `plans` as `plan_progress` gives them at the
    period's end, `entries` the Monev entries of any month (rows of an unrecognised area are left out)."""
    within = [entry for entry in entries if entry.month in period]
    return [
        AreaProgress(
            area_no,
            period,
            tuple(plan for plan in plans if plan.row.area_no == area_no),
            tuple(entry for entry in within if entry.area_no == area_no),
        )
        for area_no in AREAS
    ]


def total(areas: Sequence[AreaProgress]) -> AreaProgress:
    """All of `areas` as one AreaProgress (area_no None); ValueError when `areas` is empty."""
    if not areas:
        raise ValueError("no areas to add up")
    return AreaProgress(
        None,
        areas[0].period,
        tuple(plan for area in areas for plan in area.plans),
        tuple(entry for area in areas for entry in area.entries),
    )
