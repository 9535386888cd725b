"""What the plan scheduled and what the Monev reported, per plan row and per area, at the end of a period.

The one place that decides, for the Monev document and for the checks alike:

- which plan rows a Monev entry reports on (`match_reports`): by its Ref Rencana Aksi when that names rows
  (`PlanRefs`: a Kode LKE, a No, "I.4" = area I No 4, a catalogue code the checks pass in, or "I.1" = area I
  komponen 1), else by comparing its Capaian with the rows of its area;
- when a plan row is scheduled (`PlanProgress.scheduled_by`): it has a target month on or before that month,
  so a span that has started is scheduled;
- when it is due (`due_months`): a span ("Januari s/d Desember", "Tahun 2019", "setiap bulan") at its last
  month, a month or a list of months ("Juni, Desember") at each; months outside the plan year are not due;
- its status at the end of a period (`PlanProgress.status`): selesai, dalam-proses (reported), terlambat (a
  due month has passed and nothing is reported), berjalan (scheduled, not yet due, nothing reported) or
  belum-jadwal;
- the figures and the sentence per area (`progress`, `AreaProgress`).

A report counts as reported whatever its Status says (the seed's Monev has no Status column), and as done
only when its Status says Selesai. Plan rows whose area was not recognised are left out of the areas (the
checks report them); Monev entries whose month could not be read count in no period.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from zi_sheets.bahasa import BULAN, format_bulan, from_roman, roman
from zi_sheets.dates import MAX_YEAR, MIN_YEAR, TargetDate, parse_target
from zi_sheets.model import AREAS, CellValue, MonevEntry, PlanRow, Workbook
from zi_sheets.text import REPORT_STOPWORDS, normalize, stems

Month = tuple[int, int]

# -- Statuses of a plan row at the end of a period. --
SELESAI = "selesai"
DALAM_PROSES = "dalam-proses"
TERLAMBAT = "terlambat"
BERJALAN = "berjalan"
BELUM_JADWAL = "belum-jadwal"

# -- Text matching, calibrated on the example workbook (26 achievements of May 2019 against 72 plan rows):
# -- an achievement's words are weighted by how rare they are among the plan rows (IDF), so "susun" or
# -- "laporan" count little and "SPIP" or "whistleblowing" much. A row matches when it shares at least
# -- MIN_SHARED_WORDS words and either MIN_COVERAGE of the achievement's weight or STRONG_EVIDENCE weight
# -- (a long achievement), and scores at least BAND of the best row's weight (the runner-up that only
# -- shares "tim kerja" with "Telah Dibentuk Tim Kerja" does not). Words compare equal at WORD_SIMILARITY
# -- (rapidfuzz ratio, 0-100) to absorb typos such as "analysis" / "analisis".
MIN_SHARED_WORDS = 2
MIN_COVERAGE = 0.35
STRONG_EVIDENCE = 12.0
BAND = 0.75
WORD_SIMILARITY = 85


# ---------------------------------------------------------------------------------------------------------
# Periods


@dataclass(frozen=True)
class Period:
    """The months from `first` to `last` (inclusive, as (year, month)) and the label documents print."""

    first: Month
    last: Month
    label: str

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """One month, labelled "Mei 2019"; ValueError for a month outside 1..12."""
        _check_range("bulan", month, 12)
        return cls((year, month), (year, month), format_bulan(year, month))

    @classmethod
    def semester(cls, year: int, number: int) -> Period:
        """Semester 1 (January-June) or 2 (July-December), labelled "Semester I 2019"."""
        _check_range("semester", number, 2)
        return cls((year, 6 * number - 5), (year, 6 * number), f"Semester {roman(number)} {year}")

    @classmethod
    def triwulan(cls, year: int, number: int) -> Period:
        """Quarter 1..4, labelled "Triwulan II 2019"."""
        _check_range("triwulan", number, 4)
        return cls((year, 3 * number - 2), (year, 3 * number), f"Triwulan {roman(number)} {year}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """A period written as "2019-05", "Mei 2019", "Semester I 2019" or "Triwulan 2 2019".

        Raises ValueError, with an Indonesian message, for anything else.
        """
        norm = normalize(text)
        if match := re.fullmatch(r"(\d{4}) (\d{1,2})", norm):
            return cls.month(int(match.group(1)), int(match.group(2)))
        if match := re.fullmatch(r"([a-z]+) (\d{4})", norm):
            month = _month_number(match.group(1))
            if month is not None:
                return cls.month(int(match.group(2)), month)
        if match := re.fullmatch(r"(semester|smt|triwulan|tw) ([ivx]+|\d) (\d{4})", norm):
            kind, numeral, year = match.groups()
            number = int(numeral) if numeral.isdigit() else from_roman(numeral)
            make = cls.semester if kind in ("semester", "smt") else cls.triwulan
            if number is not None:
                return make(int(year), number)
        raise ValueError(
            f"Periode '{text}' tidak dikenali; tulis mis. 2019-05, 'Mei 2019', 'Semester I 2019' atau "
            "'Triwulan II 2019'."
        )

    @property
    def months(self) -> list[Month]:
        """Every (year, month) of the period, in order."""
        return [_from_ordinal(k) for k in range(_ordinal(self.first), _ordinal(self.last) + 1)]

    @property
    def is_month(self) -> bool:
        """True for a one-month period."""
        return self.first == self.last

    @property
    def end_label(self) -> str:
        """The last month as documents write it: "Juni 2019"."""
        return format_bulan(*self.last)

    @property
    def end_date(self) -> dt.date:
        """The last day of the period's last month (the date a Monev report is signed)."""
        year, month = self.last
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def __contains__(self, month: object) -> bool:
        return isinstance(month, tuple) and self.first <= month <= self.last


def _check_range(what: str, number: int, top: int) -> None:
    if not 1 <= number <= top:
        raise ValueError(f"Nomor {what} harus 1 sampai {top}, bukan {number}.")


def _month_number(word: str) -> int | None:
    for number, name in enumerate(BULAN, start=1):
        if word in (name.lower(), name.lower()[:3]):
            return number
    return None


def _ordinal(month: Month) -> int:
    return month[0] * 12 + month[1] - 1


def _from_ordinal(ordinal: int) -> Month:
    year, month0 = divmod(ordinal, 12)
    return year, month0 + 1


def plan_year_of(workbook: Workbook) -> int | None:
    """The Tahun of Identitas when it is a plausible year, else None (targets then take no year)."""
    tahun = workbook.identitas.tahun
    return tahun if tahun is not None and MIN_YEAR <= tahun <= MAX_YEAR else None


def latest_month(workbook: Workbook) -> Month | None:
    """The latest month the Monev sheet reports on, None when no entry has a readable month."""
    return max((entry.month for entry in workbook.monev if entry.month is not None), default=None)


# ---------------------------------------------------------------------------------------------------------
# Matching Monev entries to plan rows


Codes = Mapping[int, Iterable[str]]


def match_reports(workbook: Workbook, codes: Codes | None = None) -> dict[int, list[MonevEntry]]:
    """Every plan row (by Excel row number) with the Monev entries, of any month, that report on it.

    `codes` gives, by Excel row, more codes a Ref may name a row by (the checks pass the catalogue indicator
    each row was matched to); see `PlanRefs`.
    """
    key = ("match_reports", frozenset((row, tuple(c)) for row, c in codes.items()) if codes else None)
    if key not in workbook.derived:
        matcher = _Matcher(workbook, codes)
        reports: dict[int, list[MonevEntry]] = {row.row: [] for row in workbook.rencana_aksi}
        for entry in workbook.monev:
            for row in matcher.rows_for(entry):
                reports[row.row].append(entry)
        workbook.derived[key] = reports
    return workbook.derived[key]  # type: ignore[return-value]


def komponen_numbers(rows: Sequence[PlanRow]) -> dict[int, int]:
    """The komponen number (1..n within its area) of every plan row of a known area, by Excel row.

    Numbered as the Rencana Kerja numbers them: a komponen starts whenever its text differs from the previous
    row's in the same area; an empty komponen continues it.
    """
    numbers: dict[int, int] = {}
    last: dict[int, tuple[int, str]] = {}
    for row in rows:
        if row.area_no not in AREAS:
            continue
        number, text = last.get(row.area_no, (0, ""))
        komponen = _normal(row.komponen.text)
        if number == 0 or (komponen and komponen != text):
            number, text = number + 1, komponen
        last[row.area_no] = (number, text)
        numbers[row.row] = number
    return numbers


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def ref_key(text: str) -> str:
    """A reference as compared: no spaces, no final dot, lower case ("I. 1." -> "i.1")."""
    return re.sub(r"\s+", "", text).rstrip(".").lower()


def split_refs(text: str) -> list[str]:
    """The references of a Ref Rencana Aksi cell ("I.1; II.2, 1.a.1"), each as `ref_key` gives it."""
    return [key for key in (ref_key(part) for part in re.split(r"[,;\n]+", text)) if key]


class PlanRefs:
    """Every way a Monev Ref Rencana Aksi may name plan rows: what `match_reports` follows and what the
    checks call unknown.

    A reference names, first, the rows written for it: a Kode LKE (with or without its P./R. prefix), a No as
    written, area and No ("I.4": No 4 of area I) or an extra code of the row (`codes`); else a komponen as
    the Rencana Kerja numbers them ("I.1": area I's first komponen, all its rows). A bare number ("2") is
    read within the entry's area.
    """

    def __init__(self, rows: Sequence[PlanRow], codes: Codes | None = None) -> None:
        self.rows = list(rows)
        self.exact: dict[str, list[PlanRow]] = {}
        self.komponen: dict[str, list[PlanRow]] = {}
        numbers = komponen_numbers(self.rows)
        for row in self.rows:
            kode, no = ref_key(row.kode_lke.text), ref_key(row.no.text)
            keys = {kode, re.sub(r"^[pr]\.", "", kode), no}
            keys.update(ref_key(code) for code in (codes or {}).get(row.row, ()))
            if row.row in numbers:
                numeral = roman(row.area_no).lower()
                if no.isdigit():
                    keys.add(f"{numeral}.{no}")
                self.komponen.setdefault(f"{numeral}.{numbers[row.row]}", []).append(row)
            for key in keys - {""}:
                self.exact.setdefault(key, []).append(row)

    def named(self, key: str, area_no: int | None) -> list[PlanRow]:
        """The rows one reference (as `split_refs` gives it) of an entry of area `area_no` names; [] for
        none."""
        if re.fullmatch(r"\d{1,2}", key) and area_no in AREAS:
            key = f"{roman(area_no)}.{key}".lower()  # a bare number within the entry's area
        return self.exact.get(key) or self.komponen.get(key, [])

    def unknown(self, entry: MonevEntry) -> list[str]:
        """The references of `entry` that name no plan row."""
        return [key for key in split_refs(entry.ref_rencana_aksi.text) if not self.named(key, entry.area_no)]

    def rows_for(self, entry: MonevEntry) -> list[PlanRow]:
        """The plan rows `entry`'s Ref names, in workbook order."""
        found = {
            row.row
            for key in split_refs(entry.ref_rencana_aksi.text)
            for row in self.named(key, entry.area_no)
        }
        return [row for row in self.rows if row.row in found]


class _Matcher:
    """The references and the weighted words of one workbook's plan rows."""

    def __init__(self, workbook: Workbook, codes: Codes | None = None) -> None:
        self.rows = list(workbook.rencana_aksi)
        identitas = workbook.identitas
        own_name = normalize(f"{identitas.nama_unit} {identitas.text('Kabupaten/Kota')}").split()
        self.stopwords = REPORT_STOPWORDS | set(own_name)
        self.refs = PlanRefs(self.rows, codes)
        self.words = {row.row: self._stems(" ".join(_row_texts(row))) for row in self.rows}
        counts: dict[str, int] = {}
        for words in self.words.values():
            for word in words:
                counts[word] = counts.get(word, 0) + 1
        total = len(self.rows)
        self.idf = {word: math.log((total + 1) / (n + 1)) + 1 for word, n in counts.items()}
        self.unseen_idf = math.log(total + 1) + 1
        self.vocabulary = [word for word in counts if len(word) >= 5]
        self._similar: dict[str, frozenset[str]] = {}

    def rows_for(self, entry: MonevEntry) -> list[PlanRow]:
        """The plan rows `entry` reports on: by its Ref when that names rows, else by its Capaian's words."""
        return self.refs.rows_for(entry) or self._by_text(entry)

    def _by_text(self, entry: MonevEntry) -> list[PlanRow]:
        words = self._stems(entry.capaian.text)
        if not words:
            return []
        weight = {word: self.idf.get(word, self.unseen_idf) for word in words}
        total = sum(weight.values())
        scored: list[tuple[float, PlanRow]] = []
        for row in self.rows:
            if entry.area_no is not None and row.area_no != entry.area_no:
                continue
            row_words = self.words[row.row]
            shared = [word for word in words if word in row_words or self.similar(word) & row_words]
            evidence = sum(weight[word] for word in shared)
            if len(shared) >= MIN_SHARED_WORDS and (
                evidence >= MIN_COVERAGE * total or evidence >= STRONG_EVIDENCE
            ):
                scored.append((evidence, row))
        best = max((evidence for evidence, _ in scored), default=0.0)
        return [row for evidence, row in scored if evidence >= BAND * best]

    def similar(self, word: str) -> frozenset[str]:
        """The plan's words (of 5 letters or more) spelled like `word`, e.g. "analysis" for "analisis"."""
        if word not in self._similar:
            found = (
                process.extract(
                    word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY, limit=None
                )
                if len(word) >= 5
                else []
            )
            self._similar[word] = frozenset(match[0] for match in found)
        return self._similar[word]

    def _stems(self, text: str) -> frozenset[str]:
        return stems(text, self.stopwords)


def _row_texts(row: PlanRow) -> tuple[str, ...]:
    return (row.komponen.text, row.indikator.text, row.langkah_aksi.text, row.bukti_fisik.text)


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

    @property
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

    @property
    def due(self) -> Month | None:
        """The first month the row is due, None when it is never due."""
        return min(self.due_months, default=None)

    @property
    def past_due(self) -> bool:
        """True when a due month is on or before the end of the period."""
        return self.due is not None and self.due <= self.until

    @property
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


def plan_progress(workbook: Workbook, until: Month, codes: Codes | None = None) -> list[PlanProgress]:
    """Every plan row of `workbook` at the end of month `until`, in workbook order (`codes`: see
    `match_reports`)."""
    matches = match_reports(workbook, codes)
    plan_year = plan_year_of(workbook)
    return [
        PlanProgress(
            row,
            target_of(row, plan_year),
            tuple(e for e in matches[row.row] if e.month is not None and e.month <= until),
            until,
            plan_year,
        )
        for row in workbook.rencana_aksi
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

    def _scheduled(self) -> list[PlanProgress]:
        return [plan for plan in self.plans if plan.scheduled]

    def _count(self, status: str) -> int:
        return sum(1 for plan in self._scheduled() if plan.status == status)

    @property
    def scheduled(self) -> int:
        """How many rows were scheduled by the end of the period."""
        return len(self._scheduled())

    @property
    def reported(self) -> int:
        """How many of the scheduled rows were reported by the end of the period."""
        return sum(1 for plan in self._scheduled() if plan.reported)

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


def progress(workbook: Workbook, period: Period, codes: Codes | None = None) -> list[AreaProgress]:
    """The six areas, I to VI, at the end of `period` (rows of an unrecognised area are left out; `codes`:
    see `match_reports`)."""
    plans = plan_progress(workbook, period.last, codes)
    entries = [entry for entry in workbook.monev if entry.month in period]
    return [
        AreaProgress(
            area_no,
            period,
            tuple(plan for plan in plans if plan.row.area_no == area_no),
            tuple(entry for entry in entries if entry.area_no == area_no),
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
