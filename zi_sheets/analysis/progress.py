"""What the plan scheduled and what the Monev reported, per plan row and per area, at the end of a period.

The one place that decides, for the Monev document and for the checks alike:

- when a plan row is scheduled (`PlanProgress.scheduled_by`): it has a target month on or before that month,
  so a span that has started is scheduled;
- when it is due (`due_months`): each span at its last month ("Triwulan II" and "Semester I" in June,
  "Januari s/d Desember", "Tahun 2019", "setiap bulan" in December), so a list of months ("Juni, Desember")
  at each; months outside the plan year are not due;
- its status at the end of a period (`PlanProgress.status`): selesai, dalam-proses (reported), terlambat (a
  due month has passed and nothing is reported), berjalan (scheduled, not yet due, nothing reported) or
  belum-jadwal;
- the figures and the sentence per area (`area_progress`, `AreaProgress`).

Which rows a Monev entry reports on is `monev_match`'s, which Realisasi group tells a row's state is
`realisasi`'s; `analysis.Analysis` ties them together. A Monev report counts as reported whatever its Status
says (the seed's Monev has no Status column), and as done only when its Status means Selesai
(`monev_status`: the one vocabulary of Status words, for the Monev and Realisasi sheets alike) and it names
the row alone (a komponen Ref leaves every row of the komponen in progress). A Realisasi group counts as
reported when its Status means Selesai or Dalam Proses (or, empty, when it holds a Realisasi text or a date
done), as done when it means Selesai and its date done, if any, has come; its revised target replaces the
plan's in deciding when the row is due. Plan rows whose area was not recognised are left out of the areas
(the checks report them); Monev entries whose month could not be read count in no period.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from zi_sheets.analysis.periods import Month, Period, month_end
from zi_sheets.analysis.realisasi import Realisation, as_of
from zi_sheets.common.bahasa import format_bulan, format_tanggal, roman
from zi_sheets.common.dates import TargetDate, parse_target
from zi_sheets.common.model import AREAS, CellValue, MonevEntry, PlanRow
from zi_sheets.common.text import normalize

# -- Statuses of a plan row at the end of a period. --
SELESAI = "selesai"
DALAM_PROSES = "dalam-proses"
TERLAMBAT = "terlambat"
BERJALAN = "berjalan"
BELUM_JADWAL = "belum-jadwal"
# -- How the documents print a plan row's status (the matrix, the figures' headers say the same). --
STATUS_LABELS = {
    SELESAI: "Selesai",
    DALAM_PROSES: "Dalam Proses",
    TERLAMBAT: "Terlambat",
    BERJALAN: "Berjalan",
    BELUM_JADWAL: "Belum Dijadwalkan",
}

# ---------------------------------------------------------------------------------------------------------
# Progress per plan row


def target_of(row: PlanRow, plan_year: int | None) -> TargetDate:
    """The parsed Target Waktu of `row` (the date or number the cell holds, else its text)."""
    return parse_target(_target_value(row.target_waktu), plan_year)


def _target_value(value: CellValue) -> object:
    return value.raw if isinstance(value.raw, dt.date | int | float) else value.text


# -- The Status words staff write in the Monev and Realisasi sheets, normalised, by the word of MONEV_STATUS
# -- they mean: the one vocabulary of Status. "selesai sebagian" and "belum selesai" are work in progress.
_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "Selesai": (
        "selesai", "sudah", "sudah selesai", "telah selesai", "selesai 100", "tercapai", "sudah tercapai",
        "telah tercapai", "terlaksana", "sudah terlaksana", "telah terlaksana", "sudah dilaksanakan",
        "telah dilaksanakan", "done", "complete", "completed",
    ),
    "Dalam Proses": (
        "dalam proses", "proses", "on progress", "in progress", "on process", "progress", "sedang berjalan",
        "berjalan", "sedang proses", "sedang dalam proses", "sedang dilaksanakan", "sedang dikerjakan",
        "belum selesai", "selesai sebagian", "sebagian selesai", "sebagian",
    ),
    "Belum": (
        "belum", "tidak", "belum dilaksanakan", "belum terlaksana", "tidak terlaksana", "tidak dilaksanakan",
        "belum mulai", "belum dimulai", "belum ada", "tidak ada",
    ),
}  # fmt: skip
_STATUS_OF = {phrase: status for status, phrases in _STATUS_WORDS.items() for phrase in phrases}
_PERCENT = re.compile(r"\s*(\d{1,3})(?:[.,]\d+)?\s*%\s*")


def monev_status(text: str) -> str | None:
    """The word of `MONEV_STATUS` a Monev or Realisasi Status cell means ("Sudah" and "Selesai 100%" mean
    "Selesai", "On Progress" and "50%" "Dalam Proses"); '' for an empty cell, None for a word that is none of
    them."""
    if not text.strip():
        return ""
    percent = _PERCENT.fullmatch(text)
    if percent:
        share = int(percent.group(1))
        return "Selesai" if share >= 100 else "Dalam Proses" if share > 0 else "Belum"
    return _STATUS_OF.get(normalize(text))


def report_status(entry: MonevEntry) -> str:
    """A Monev entry as SELESAI when its Status means Selesai, else DALAM_PROSES: reported, not done (also for
    an empty Status and a word `monev_status` does not know, which the checks report)."""
    return SELESAI if monev_status(entry.status.text) == "Selesai" else DALAM_PROSES


# -- The words by which a clause of a Capaian says it was not achieved ("SOP belum disusun"). --
_NOT_YET = re.compile(r"\b(?:belum|tidak)\b")
_CLAUSES = re.compile(r"[,;.\n]+")


def is_achievement(entry: MonevEntry) -> bool:
    """False when a Monev entry says nothing was achieved: its Status means Belum, or every clause of its
    Capaian says not yet ("Belum", "SOP belum disusun"; "Tim dibentuk, SK belum terbit" tells of progress).
    Such an entry reports no progress, and a Matriks Capaian does not print it as an achievement."""
    if monev_status(entry.status.text) == "Belum":
        return False
    clauses = [normalize(part) for part in _CLAUSES.split(entry.capaian.text) if part.strip()]
    return not clauses or not all(_NOT_YET.search(clause) for clause in clauses)


def due_months(target: TargetDate, plan_year: int | None) -> list[Month]:
    """The months by which the action of a target must be done, in order, within the plan year when known.

    Each span the target names is one activity due at its last month ("Triwulan I": March, "Semester I":
    June, "Januari s/d Desember", "Tahun 2019", "setiap bulan": December), so a month list ("Juni, Desember")
    is due at each month; a span running past the plan year is due at the plan year's last month it covers,
    one wholly after it is not due within it, and one wholly before it was due before the year began (at
    its last month: an action the plan says was due in last December is late, not running).
    """
    due = set()
    for first, last in target.spans:
        if plan_year is not None:
            last = min(last, (plan_year, 12))
        if first <= last:
            due.add(last)
    return sorted(due)


@dataclass(frozen=True)
class PlanProgress:
    """One plan row at the end of a period: its target, and what reports on it by `until`.

    `reports` are the Monev entries reporting on the row by then, `broad` the Excel rows of those that name
    it only with other rows (never done by themselves); `realisasi` is the Realisasi group telling its state
    (None: none), `history` every group counting by then in order (the last is `realisasi`), `revision` the
    group whose Target Revisi replaces the plan's target (None: the plan's holds).
    `plan_year` bounds the due months (`due_months`); None takes the end of every span as due.
    """

    row: PlanRow
    target: TargetDate
    reports: tuple[MonevEntry, ...]
    until: Month
    plan_year: int | None = None
    broad: frozenset[int] = frozenset()
    realisasi: Realisation | None = None
    revision: Realisation | None = None
    history: tuple[Realisation, ...] = ()

    @property
    def revised(self) -> TargetDate | None:
        """The revised target, None when the plan's target holds."""
        return self.revision.revised if self.revision is not None else None

    @property
    def months(self) -> frozenset[Month]:
        """The target months read from Target Waktu (empty when none could be read)."""
        return self.target.months

    def scheduled_by(self, year: int, month: int) -> bool:
        """True when the row has a target month (planned or revised) on or before (year, month): a started
        span is scheduled."""
        revised = self.revised.months if self.revised is not None else frozenset()
        return any(m <= (year, month) for m in self.target.months | revised)

    # -- cached: the Monev document and its chart ask every row for its figures once per area and figure
    @cached_property
    def scheduled(self) -> bool:
        """True when the row is scheduled by the end of the period."""
        return self.scheduled_by(*self.until)

    def latest(self, field: str) -> tuple[str, Realisation | None]:
        """The latest non-empty text of a Realisasi field ("status", "realisasi", "bukti") among the groups
        counting by the end of the period, and the group it is from (('', None): none). What an earlier
        period realised and evidenced stands until a later group says otherwise: a later group that only
        confirms "Sudah" does not empty it."""
        for found in reversed(self.history or ((self.realisasi,) if self.realisasi else ())):
            text = getattr(found.cells, field).text.strip()
            if text:
                return text, found
        return "", None

    @property
    def done_on(self) -> dt.date | None:
        """The latest date done written in the groups counting by the end of the period (None: none)."""
        dates = [r.done_on for r in self.history or ((self.realisasi,) if self.realisasi else ())]
        return next((date for date in reversed(dates) if date is not None), None)

    @property
    def _done_later(self) -> bool:
        """True when the date done lies after the end of the period."""
        return self.done_on is not None and self.done_on > month_end(self.until)

    @property
    def realised(self) -> str | None:
        """What the Realisasi groups say by the end of the period: SELESAI, DALAM_PROSES, or None (no group,
        'Belum', or nothing that reports progress). The latest Status written tells (an empty Status in a
        later group does not unsay an earlier one); a Selesai dated after the period is DALAM_PROSES."""
        if self.realisasi is None:
            return None
        word = monev_status(self.latest("status")[0])
        if word == "Selesai":
            return DALAM_PROSES if self._done_later else SELESAI
        if word == "Dalam Proses":
            return DALAM_PROSES
        if word == "Belum":
            return None
        if self.done_on is not None and not self._done_later:
            return SELESAI  # -- a date done, no Status: done on that date
        return DALAM_PROSES if self.latest("realisasi")[0] else None

    @property
    def progressed(self) -> tuple[MonevEntry, ...]:
        """The Monev reports that tell of progress (`is_achievement`): a "Belum" is a report of none."""
        return tuple(entry for entry in self.reports if is_achievement(entry))

    @property
    def reported(self) -> bool:
        """True when a Monev entry up to the end of the period reports progress on the row, or its Realisasi
        group says it is done or in progress."""
        return bool(self.progressed) or self.realised is not None

    @property
    def due_months(self) -> list[Month]:
        """The months the row's action is due, see `due_months`, by the revised target when there is one
        (empty when none is due within the plan year or before it)."""
        return due_months(self.revised or self.target, self.plan_year)

    @cached_property
    def due(self) -> Month | None:
        """The first month the row is due, None when it is never due."""
        return min(self.due_months, default=None)

    @property
    def past_due(self) -> bool:
        """True when a due month is on or before the end of the period."""
        return self.due is not None and self.due <= self.until

    @property
    def _done_by_report(self) -> bool:
        return any(report_status(e) == SELESAI and e.row not in self.broad for e in self.progressed)

    @cached_property
    def status(self) -> str:
        """The one definition of a row's status for the documents and the checks, from its due months, the
        reports up to the end of the period and their dates:

        - SELESAI: a Monev report naming the row alone says Selesai, or the Realisasi says Selesai (or gives
          a date done) with the date, if any, on or before the period's end;
        - DALAM_PROSES: a report tells of progress, not of completion (a Selesai dated after the period, or
          naming the whole komponen, is progress);
        - TERLAMBAT: no report of progress ("Belum" is none) and a due month has passed (a target wholly
          before the plan year was due before it began);
        - BERJALAN: no report of progress, scheduled but not yet due (a span that runs on);
        - BELUM_JADWAL: no report of progress, not yet scheduled or with no target month.

        `reason` says why where the status is not the obvious reading of the reports."""
        if self._done_by_report or self.realised == SELESAI:
            return SELESAI
        if self.reported:
            return DALAM_PROSES
        if self.past_due:
            return TERLAMBAT
        return BERJALAN if self.scheduled else BELUM_JADWAL

    @property
    def reason(self) -> str:
        """Why the row has its status, where a reader of the reports would not see it at once ('' where the
        status is their plain reading): a Selesai dated after the period, a Selesai for the whole komponen,
        progress past the due month, reports of "Belum" past it, a target before the plan year."""
        status = self.status
        due = format_bulan(*self.due) if self.due is not None else ""
        if status == DALAM_PROSES:
            if monev_status(self.latest("status")[0]) == "Selesai" and self._done_later and self.done_on:
                return f"dilaporkan selesai {format_tanggal(self.done_on)}, setelah akhir periode"
            if any(report_status(e) == SELESAI for e in self.progressed):
                return "laporan Selesai menyebut seluruh komponen, bukan langkah aksi ini saja"
            if self.past_due:
                return f"melewati target waktu {due}"
        if status == TERLAMBAT:
            before = self.plan_year is not None and self.due is not None and self.due[0] < self.plan_year
            said = bool(self.reports) or self.realisasi is not None
            if before:
                return f"target waktu {due}, sebelum tahun rencana {self.plan_year}"
            if said:
                return f"dilaporkan belum dilaksanakan, target waktu {due} telah lewat"
        return ""

    @property
    def label(self) -> str:
        """The status as documents print it: "Selesai", "Terlambat", ..."""
        return STATUS_LABELS[self.status]


def plan_progress(
    rows: Sequence[PlanRow],
    targets: Mapping[int, TargetDate],
    reports: Mapping[int, Sequence[MonevEntry]],
    until: Month,
    plan_year: int | None,
    broad: Mapping[int, frozenset[int]] | None = None,
    realisasi: Mapping[int, Sequence[Realisation]] | None = None,
) -> list[PlanProgress]:
    """Every plan row at the end of month `until`, in workbook order, with the reports (by Excel row) made
    by then, which of them name it only with other rows (`broad`), and its Realisasi groups."""
    found = []
    for row in rows:
        groups = (realisasi or {}).get(row.row, ())
        current, revision = as_of(groups, until)
        found.append(
            PlanProgress(
                row,
                targets[row.row],
                tuple(e for e in reports.get(row.row, ()) if e.month is not None and e.month <= until),
                until,
                plan_year,
                (broad or {}).get(row.row, frozenset()),
                current,
                revision,
                tuple(group for group in groups if group.counts_by(until)),
            )
        )
    return found


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

    def _realisasi_texts(self, field: str) -> list[str]:
        """A field of the Realisasi groups of the area's rows whose period falls within the report period
        (a group without a label, the current state, always does)."""
        return [
            getattr(found.cells, field).text
            for plan in self.plans
            for found in plan.history
            if found.period is None or found.period.last >= self.period.first
        ]

    @property
    def kendala(self) -> list[str]:
        """The Kendala texts of the period's Monev entries, then those the Realisasi gives for the period,
        in order, each once."""
        return _unique([*(entry.kendala.text for entry in self.entries), *self._realisasi_texts("kendala")])

    @property
    def tindak_lanjut(self) -> list[str]:
        """The Tindak Lanjut texts of the period's Monev entries and of the Realisasi, in order, each once."""
        return _unique(
            [*(entry.tindak_lanjut.text for entry in self.entries), *self._realisasi_texts("tindak_lanjut")]
        )

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
