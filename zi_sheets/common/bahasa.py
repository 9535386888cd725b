"""Indonesian calendar words and number forms shared by the parser and the documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# -- The one month-name table: full names, three-letter abbreviations, the old spellings (Pebruari,
# -- Nopember, Agust) and the English names that turn up in plans, each to its month number. --
_MONTH_ALIASES = {
    1: "january",
    2: "peb pebruari febuari february",
    3: "mrt march",
    5: "may",
    6: "june",
    7: "july",
    8: "agus agust agst ags agt aug august",
    9: "sept",
    10: "oct october",
    11: "nop nopember",
    12: "dec december",
}
MONTH_WORDS: dict[str, int] = {
    alias: number for number, aliases in _MONTH_ALIASES.items() for alias in aliases.split()
}
for _number, _name in enumerate(BULAN, start=1):
    MONTH_WORDS[_name.lower()] = MONTH_WORDS[_name.lower()[:3]] = _number


def month_number(word: str, *, prefix: bool = False) -> int | None:
    """The month (1-12) a word names ("Mei", "Pebruari", "agt"), None when it names none.

    With `prefix`, a longer word is also read by its first three letters ("Janu"): only where the word
    already stands in a date's month place, since in running text "desa" would read as Desember.
    """
    word = word.strip().rstrip(".").lower()
    found = MONTH_WORDS.get(word)
    if found is None and prefix and len(word) > 3:
        found = MONTH_WORDS.get(word[:3])
    return found


ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roman(number: int) -> str:
    """The Roman numeral of 1..12, as areas and Lampiran are numbered."""
    return ROMAWI[number - 1]


def from_roman(text: str) -> int | None:
    """The number of a Roman numeral I..XII, or None when `text` is not one."""
    cleaned = text.strip().rstrip(".").upper()
    return ROMAWI.index(cleaned) + 1 if cleaned in ROMAWI else None


def format_tanggal(date: dt.date) -> str:
    """A date as Indonesian documents write it: "2 Januari 2019"."""
    return f"{date.day} {BULAN[date.month - 1]} {date.year}"


def format_bulan(year: int, month: int) -> str:
    """A month as Indonesian documents write it: "Mei 2019"."""
    return f"{BULAN[month - 1]} {year}"


def format_rentang(first: tuple[int, int], last: tuple[int, int]) -> str:
    """A span of months (year, month) as documents write it, compactly: "Januari 2021",
    "Januari–Desember 2021", "Desember 2020–Januari 2021"."""
    if first == last:
        return format_bulan(*first)
    if first[0] == last[0]:
        return f"{BULAN[first[1] - 1]}–{format_bulan(*last)}"
    return f"{format_bulan(*first)}–{format_bulan(*last)}"


def round_half_up(value: float, digits: int = 2) -> Decimal:
    """`value` rounded as people round (2,625 -> 2,63), not to even as Python's round() does."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def format_angka(value: float, digits: int = 2) -> str:
    """A number as Indonesian documents write it, `round_half_up`: "1.234,56" (dot for thousands, comma for
    decimals)."""
    text = f"{round_half_up(value, digits):,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def daftar(items: list[str]) -> str:
    """Words as an Indonesian list: "A", "A dan B", "A, B dan C"; '' for none."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def row_spans(rows: Iterable[int], limit: int = 6) -> str:
    """Row numbers as Excel users read them, runs joined: "4-6, 9, 12-30"; after `limit` runs, "…"."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    texts = [f"{first}-{last}" if last > first else str(first) for first, last in runs[:limit]]
    return "baris " + ", ".join(texts) + (", …" if len(runs) > limit else "")
