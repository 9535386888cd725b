"""Reporting periods: a month, a quarter (triwulan) or a half year (semester), as Monev reports them."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from zi_sheets.common.bahasa import format_bulan, from_roman, month_number, roman
from zi_sheets.common.model import CellValue, Workbook, parse_tanggal
from zi_sheets.common.text import normalize

Month = tuple[int, int]


@dataclass(frozen=True)
class Period:
    """The months from `first` to `last` (inclusive, as (year, month)) and the label documents print."""

    first: Month
    last: Month
    label: str

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """One month, labelled "Mei 2019"; ValueError for a month outside 1..12."""
        _check_year(year)
        _check_range("bulan", month, 12)
        return cls((year, month), (year, month), format_bulan(year, month))

    @classmethod
    def semester(cls, year: int, number: int) -> Period:
        """Semester 1 (January-June) or 2 (July-December), labelled "Semester I 2019"."""
        _check_year(year)
        _check_range("semester", number, 2)
        return cls((year, 6 * number - 5), (year, 6 * number), f"Semester {roman(number)} {year}")

    @classmethod
    def triwulan(cls, year: int, number: int) -> Period:
        """Quarter 1..4, labelled "Triwulan II 2019"."""
        _check_year(year)
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
            month = month_number(match.group(1))
            if month is not None:
                return cls.month(int(match.group(2)), month)
        if match := re.fullmatch(r"(semester|smt|triwulan|tw) ?([ivx]+|\d) (\d{4})", norm):
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
        # -- the month's own length, not "the 1st of the next month less a day": December 9999 has no
        # -- next month in Python's calendar
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    def __contains__(self, month: object) -> bool:
        return isinstance(month, tuple) and self.first <= month <= self.last


def _check_year(year: int) -> None:
    # -- Python's dates run from year 1 to 9999: a period outside has no days to end on
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"Tahun {year} di luar rentang {dt.MINYEAR} sampai {dt.MAXYEAR}.")


def _check_range(what: str, number: int, top: int) -> None:
    if not 1 <= number <= top:
        raise ValueError(f"Nomor {what} harus 1 sampai {top}, bukan {number}.")


def _ordinal(month: Month) -> int:
    return month[0] * 12 + month[1] - 1


def _from_ordinal(ordinal: int) -> Month:
    year, month0 = divmod(ordinal, 12)
    return year, month0 + 1


def latest_month(workbook: Workbook) -> Month | None:
    """The latest month the Monev sheet reports on, None when no entry has a readable month."""
    return max((entry.month for entry in workbook.monev if entry.month is not None), default=None)


def read_period(value: CellValue, plan_year: int | None) -> Period | None:
    """A period label as staff write it above a Realisasi group or in LaporanMonev: a month cell, "Mei 2026",
    "Triwulan I 2026", "Semester II"; a label without a year takes the plan year. None when unreadable."""
    raw = value.raw
    if isinstance(raw, dt.date):
        return Period.month(raw.year, raw.month)
    text = value.text.strip()
    for candidate in (text, f"{text} {plan_year}" if plan_year else ""):
        if candidate:
            try:
                return Period.parse(candidate)
            except ValueError:
                pass
    return None


def read_date(value: CellValue, plan_year: int | None = None) -> dt.date | None:
    """A date staff write: a date cell, "12 Maret 2026", or a month ("Maret 2026", read as its last day);
    None when empty or unreadable."""
    raw = value.raw
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if not value.text:
        return None
    day = parse_tanggal(value.text)
    if day is not None:
        return day
    period = read_period(value, plan_year)
    return period.end_date if period is not None and period.is_month else None


def month_end(month: Month) -> dt.date:
    """The last day of `month`."""
    return Period.month(*month).end_date
