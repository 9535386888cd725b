"""Indonesian free-text target dates ("Target Waktu") read as the months they cover.

A cell such as "Januari s/d Desember 2019", "Juni, Desember 2019", "Triwulan II 2019", "setiap 6 bulan",
"Feb-17", a month code ("B03, B06, B09 dan B12", "Bln 3": the third month), a part of the year ("Akhir
Tahun": December) or a date cell becomes a `TargetDate`: the (year, month) pairs it covers, every year
written in it, the span of each period, range or month it names (`spans`: when each falls due) and flags
describing how it was read. The text is read in three steps:

1. phrases that are not dates are taken out: events ("setiap ada pertemuan", "apabila ada perubahan") and
   recurrences ("setiap bulan", "per semester", "setahun sekali");
2. a tokenizer turns the rest into months, numbers, words and connectors (s/d, "-", ",", "dan", ...);
3. a small grammar groups them into atoms (a month, a quarter, a semester, a year), joins atoms into
   ranges and lists, hands a year written after a list to the months before it, and expands to months.

Nothing here raises: whatever cannot be read comes back with the flag "unparsed".
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import numbers
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from zi_sheets.common.bahasa import MONTH_WORDS, from_roman

Month = tuple[int, int]

# range: "s/d", "-"; list: several months or periods; recurring: "setiap bulan", "per semester";
# whole-year: "Tahun 2019", 2019; year-assumed: a month without a year took the plan year; no-year: it could
# not (no plan year); impossible-year: "Desember 208"; event: "setiap ada pertemuan"; multi-year-range:
# "Renstra 2015-2019" (years, no months); unparsed: nothing at all understood.
FLAGS = frozenset(
    (
        "range list recurring whole-year year-assumed no-year impossible-year event unparsed multi-year-range"
    ).split()
)

MIN_YEAR, MAX_YEAR = 1990, 2100
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_MIN = (dt.date(MIN_YEAR, 1, 1) - _EXCEL_EPOCH).days
_SERIAL_MAX = (dt.date(MAX_YEAR, 12, 31) - _EXCEL_EPOCH).days
_MAX_SPAN = 1200  # months; a longer range is a typo, not a plan


@dataclass(frozen=True)
class TargetDate:
    """What a Target Waktu cell says, as months.

    `spans` holds the (first, last) month of each thing the cell names: a month is a span of one month, a
    quarter, a semester, a year or a range one span ("Triwulan II": April to June), "Juni, Desember" two.
    A recurrence is a span per month it recurs in, or one span for a whole year ("setiap bulan").
    """

    text: str
    months: frozenset[Month]
    years: frozenset[int]
    flags: frozenset[str]
    spans: frozenset[tuple[Month, Month]] = frozenset()

    @property
    def parsed(self) -> bool:
        """True when at least one month was understood."""
        return bool(self.months)

    @property
    def first(self) -> Month | None:
        """The earliest month covered, or None."""
        return min(self.months, default=None)

    @property
    def last(self) -> Month | None:
        """The latest month covered, or None."""
        return max(self.months, default=None)

    def months_until(self, year: int, month: int) -> frozenset[Month]:
        """The months covered up to and including (year, month)."""
        return frozenset(m for m in self.months if m <= (year, month))


def parse_target(value: object, plan_year: int | None = None) -> TargetDate:
    """Read a Target Waktu cell (text, date, Excel serial or bare year) as the months it covers."""
    if value is None:
        return _unparsed("")
    if isinstance(value, str):
        if _NUMERIC.fullmatch(value):
            return _from_number(value, value)
        return _from_text_cached(value, int(plan_year) if _valid_year(plan_year) else None)  # type: ignore[arg-type]
    if isinstance(value, dt.date):
        return _from_date(value)
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return _from_number(value, _safe_str(value))
    return _unparsed(_safe_str(value))


@functools.lru_cache(maxsize=8192)
def _from_text_cached(text: str, plan_year: int | None) -> TargetDate:
    # -- The checks and the Monev progress read the same cells, and plans repeat the same targets
    # -- ("Januari s/d Desember 2024") hundreds of times; TargetDate is immutable, so sharing is safe.
    return _from_text(text, plan_year)


# -- non-text cells -------------------------------------------------------------------------------------

_NUMERIC = re.compile(r"\s*\d+(?:\.\d+)?\s*")


def _from_date(value: dt.date) -> TargetDate:
    year, month = getattr(value, "year", None), getattr(value, "month", None)
    if not isinstance(year, int) or not isinstance(month, int):  # pandas NaT answers NaN
        return _unparsed(_safe_str(value))
    return _single(str(value), (year, month))


def _from_number(value: object, text: str) -> TargetDate:
    """A bare year (2019 = the whole year), an Excel serial date (43466 = January 2019) or a bad year."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return _unparsed(text)
    if not math.isfinite(number):
        return _unparsed(text)
    if number.is_integer() and MIN_YEAR <= number <= MAX_YEAR:
        year = int(number)
        months = frozenset((year, m) for m in range(1, 13))
        spans = frozenset({((year, 1), (year, 12))})
        return TargetDate(text, months, frozenset({year}), frozenset({"whole-year"}), spans)
    if _SERIAL_MIN <= number <= _SERIAL_MAX:
        day = _EXCEL_EPOCH + dt.timedelta(days=int(number))
        return _single(text, (day.year, day.month))
    if number.is_integer() and 100 <= number <= 9999:
        return TargetDate(text, frozenset(), frozenset({int(number)}), frozenset({"impossible-year"}))
    return _unparsed(text)


def _single(text: str, month: Month) -> TargetDate:
    """A target of one month (a date cell, an Excel serial)."""
    return TargetDate(
        text, frozenset({month}), frozenset({month[0]}), frozenset(), frozenset({(month, month)})
    )


def _unparsed(text: str) -> TargetDate:
    return TargetDate(text, frozenset(), frozenset(), frozenset({"unparsed"}))


def _safe_str(value: object) -> str:
    try:
        return str(value)
    except Exception:  # a foreign object whose __str__ fails is still just an unreadable cell
        return ""


def _valid_year(year: object) -> bool:
    return (
        isinstance(year, numbers.Integral)
        and not isinstance(year, bool)
        and MIN_YEAR <= int(year) <= MAX_YEAR
    )


# -- step 1: events and recurrences ---------------------------------------------------------------------

_EVENTS = tuple(
    re.compile(p)
    for p in (
        r"\b(?:setiap|tiap)\s+(?:kali\s+)?(?:ada|terjadi|diperlukan|dibutuhkan)\b",
        r"\b(?:apabila|bila|bilamana|jika|kalau|ketika|saat)\s+(?:ada|terjadi|diperlukan|dibutuhkan|diminta)\b",
        r"\bsesuai\s+(?:kebutuhan|keperluan|jadwal|undangan|permintaan)\b",
        r"\bsewaktu[-\s]waktu\b|\binsiden(?:ta|ti)l\b|\bkondisional\b|\btentatif\b",
    )
)

_ALL_MONTHS = tuple(range(1, 13))
_NUMBER_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "enam": 6}
_N = r"(?P<n>\d{1,2}|satu|dua|tiga|empat|enam)"


def _every_n_months(match: re.Match[str]) -> tuple[int, ...]:
    """Setiap n bulan: the months n, 2n, ... 12 (3 -> Mar/Jun/Sep/Dec, 6 -> Jun/Dec)."""
    raw = match.group("n")
    n = _NUMBER_WORDS.get(raw) or int(raw)
    return tuple(range(n, 13, n)) if 1 <= n <= 12 else ()


def _fixed(months: tuple[int, ...]) -> Callable[[re.Match[str]], tuple[int, ...]]:
    return lambda _match: months


_EVERY = r"\b(?:setiap|tiap|per)\s*(?:(?:akhir|awal)\s+)?"
_ONCE = r"\b(?:se|satu\s+|1\s*)"
_RECURRENCES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[int, ...]]], ...] = tuple(
    (re.compile(pattern), months)
    for pattern, months in (
        (_EVERY + _N + r"\s*bulan(?:an)?\b", _every_n_months),
        (rf"\b{_N}\s*bulan\s*(?:sekali|1\s*(?:x|kali))\b", _every_n_months),
        (rf"\bsekali\s+(?:dalam\s+)?{_N}\s*bulan\b", _every_n_months),
        (_EVERY + r"(?:triwulan|tw|kuartal)\b|\btriwulanan\b", _fixed((3, 6, 9, 12))),
        (_EVERY + r"semester\b|\bsemesteran\b", _fixed((6, 12))),
        (r"\b(?:2|dua)\s*(?:x|kali)\s*(?:dalam\s+)?(?:se|satu\s+|1\s*)tahun\b", _fixed((6, 12))),
        (_EVERY + r"bulan(?:nya)?\b|\bbulanan\b", _fixed(_ALL_MONTHS)),
        (_ONCE + r"bulan\s+sekali\b|\bsekali\s+(?:dalam\s+)?sebulan\b", _fixed(_ALL_MONTHS)),
        (_EVERY + r"tahun(?:nya)?\b|\btahunan\b", _fixed(_ALL_MONTHS)),
        (_ONCE + r"tahun\s+sekali\b|\bsekali\s+(?:dalam\s+)?setahun\b", _fixed(_ALL_MONTHS)),
        (_EVERY + r"(?:hari|minggu|pekan)(?:nya)?\b|\bharian\b|\bmingguan\b", _fixed(_ALL_MONTHS)),
        # -- the whole plan year: "Sepanjang Tahun", "Tahun Berjalan"
        (r"\b(?:sepanjang|selama)\s+(?:se)?tahun\b|\btahun\s+berjalan\b", _fixed(_ALL_MONTHS)),
    )
)


def _blank(text: str, span: tuple[int, int]) -> str:
    """The text with a phrase replaced by a separator of the same length (positions stay put)."""
    start, end = span
    return text[:start] + ";" + " " * (end - start - 1) + text[end:]


def _take_events(text: str) -> tuple[bool, str]:
    found = False
    for pattern in _EVENTS:
        for match in list(pattern.finditer(text)):
            text, found = _blank(text, match.span()), True
    return found, text


def _take_recurrences(text: str) -> tuple[bool, set[int], str]:
    found, months = False, set[int]()
    for pattern, months_of in _RECURRENCES:
        for match in list(pattern.finditer(text)):
            months.update(months_of(match))
            text, found = _blank(text, match.span()), True
    return found, months, text


# -- step 2: tokens -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # date, month, range, dash, list, num, word
    text: str
    start: int
    end: int
    value: Month | None = None  # (year, month) of a date token; (0, month) of a month token
    year_at: tuple[int, int] | None = None  # where a date token's year is written


# -- A month by its number, as plans code their schedules ("B03", "B3", "Bln 3", "Bulan ke-3"): "B" is
# -- Bulan, the number its month in the plan year; and the parts of a year staff name ("Akhir Tahun").
_MONTH_CODE = r"\b(?:b|bln|bulan)\.?\s*(?:ke\s*-?\s*)?(?P<m>0?[1-9]|1[0-2])(?![/.]\d)(?!\d)"
_YEAR_PARTS = {"awal": 1, "permulaan": 1, "pertengahan": 6, "tengah": 6, "akhir": 12, "penghujung": 12}
_YEAR_PART = r"\b(?P<part>" + "|".join(_YEAR_PARTS) + r")\s+(?:tahun|thn|th)\b\.?(?:\s+anggaran\b)?"


_MONTH_PAT = r"(?P<m>0?[1-9]|1[0-2])"
_TOKEN_SPEC = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("ymd", rf"(?<!\d)(?P<y>\d{{4}})[-/.]{_MONTH_PAT}[-/.]\d{{1,2}}(?!\d)"),
        ("dmy", rf"(?<!\d)\d{{1,2}}[-/.]{_MONTH_PAT}[-/.](?P<y>\d{{4}}|\d{{2}})(?!\d)"),
        ("ym", rf"(?<!\d)(?P<y>\d{{4}})[-/.]{_MONTH_PAT}(?!\d)"),
        ("my", rf"(?<!\d){_MONTH_PAT}[-/.](?P<y>\d{{4}})(?!\d)"),
        ("code", _MONTH_CODE),
        ("part", _YEAR_PART),
        ("range", r"\bs\s*[/.\-]\s*d\b\.?|\bsd\b\.?|\b(?:sampai|sampe)(?:\s+(?:dengan|dgn))?\b|\bhingga\b"),
        ("dash", r"[-\u2010-\u2015\u2212~]"),
        ("list", r"[,;&\n/*+\u2022\u00b7\u25aa\u25cf\u25e6]"),
        ("num", r"\d+"),
        ("word", r"[^\W\d_]+"),
    )
)


def _tokenize(text: str) -> list[_Token]:
    tokens, pos = [], 0
    while pos < len(text):
        token = _token_at(text, pos)
        if token is None:
            pos += 1
        else:
            tokens.append(token)
            pos = token.end
    return tokens


def _token_at(text: str, pos: int) -> _Token | None:
    for kind, pattern in _TOKEN_SPEC:
        match = pattern.match(text, pos)
        if match is None:
            continue
        if kind in ("ymd", "dmy", "ym", "my"):
            value = (_two_digit_year(match.group("y")), int(match.group("m")))
            return _Token("date", match.group(), pos, match.end(), value, match.span("y"))
        if kind == "code":
            return _Token("month", match.group(), pos, match.end(), (0, int(match.group("m"))))
        if kind == "part":
            return _Token("month", match.group(), pos, match.end(), (0, _YEAR_PARTS[match.group("part")]))
        return _Token(kind, match.group(), pos, match.end())
    return None


def _two_digit_year(digits: str) -> int:
    """A year as written, with mmm-yy years 00-79 read as 20xx and 80-99 as 19xx."""
    year = int(digits)
    if len(digits) == 2:
        return year + (2000 if year < 80 else 1900)
    return year


# -- step 3: grammar ------------------------------------------------------------------------------------

_PERIOD_WORDS = {3: "triwulan triw tw trw twl kuartal quarter q", 4: "caturwulan cawu", 6: "semester smt sem"}
_PERIODS = {word: size for size, words in _PERIOD_WORDS.items() for word in words.split()}
_ORDINALS = {
    "pertama": 1, "kesatu": 1, "satu": 1, "ganjil": 1,
    "kedua": 2, "dua": 2, "genap": 2,
    "ketiga": 3, "tiga": 3,
    "keempat": 4, "empat": 4,
}  # fmt: skip
_YEAR_WORDS = {"tahun", "thn", "th", "ta", "anggaran"}
_LIST_WORDS = {"dan", "serta", "atau", "and"}
_YEAR_GAP = re.compile(r"\s*,?\s*(?:(?:tahun|thn|th|ta)(?:\s+anggaran)?\s*\.?\s*)?|[-/.'\u2019]")
_YY_GAP = re.compile(r"[-/.'\u2019]|\s?['\u2019]|\s")


@dataclass(eq=False)
class _Atom:
    """A month, a period (quarter, semester) or a whole year, with the year read or assigned."""

    first: int
    last: int
    kind: str = "month"  # month, period, year
    size: int = 1  # months in one period, for "Semester I - II"
    year: int | None = None
    written: bool = False  # the year was read from the text, not handed over
    coded: bool = False  # a month by its number ("B03", "Bln 3"): a number listed after it is another
    year_at: tuple[int, int] | None = None  # where the written year stands in the text (`shift_target`)

    @property
    def valid(self) -> bool:
        return self.year is None or _valid_year(self.year)

    def take_year(self, year: int | None, at: tuple[int, int] | None = None) -> _Atom:
        self.year, self.written, self.year_at = year, year is not None, at
        return self


@dataclass(eq=False)
class _Item:
    """One atom, or a range between two atoms."""

    start: _Atom
    end: _Atom | None = None

    @property
    def atoms(self) -> tuple[_Atom, ...]:
        return (self.start,) if self.end is None else (self.start, self.end)

    @property
    def year_span(self) -> bool:
        """A year or a span of years with no month written ("Tahun 2019", "2015-2019")."""
        return all(atom.kind == "year" for atom in self.atoms)


class _Grammar:
    """Atoms, ranges and lists out of the tokens of one cell."""

    def __init__(self, text: str, tokens: list[_Token]) -> None:
        self.text, self.tokens = text, tokens

    def items(self) -> list[_Item]:
        items: list[_Item] = []
        gap: list[_Token] = []
        prev: _Atom | None = None
        i = 0
        while i < len(self.tokens):
            found = self._atom(i, prev, gap)
            if found is None:
                gap.append(self.tokens[i])
                i += 1
                continue
            atom, i = found
            if items and _joins_as_range(gap):
                items[-1].end = atom
            else:
                items.append(_Item(atom))
            gap, prev = [], atom
        return items

    def _atom(self, i: int, prev: _Atom | None, gap: list[_Token]) -> tuple[_Atom, int] | None:
        token = self.tokens[i]
        if token.kind == "date" and token.value is not None:
            year, month = token.value
            return _Atom(month, month).take_year(year, token.year_at), i + 1
        if token.kind == "word" and token.text in MONTH_WORDS:
            month = MONTH_WORDS[token.text]
            return self._with_year(_Atom(month, month), i)
        if token.kind == "month" and token.value is not None:
            month = token.value[1]
            return self._with_year(_Atom(month, month, coded=token.text[0] == "b"), i)
        if prev is not None and prev.coded and prev.year is None and _only_connectors(gap):
            if token.kind == "num" and 1 <= int(token.text[:3]) <= 12 and len(token.text) <= 2:
                month = int(token.text)
                return self._with_year(_Atom(month, month, coded=True), i)  # "Bln 3, 6"
        if token.kind == "word" and token.text in _PERIODS:
            return self._period(i, _PERIODS[token.text])
        if prev is not None and prev.kind == "period" and _only_connectors(gap):
            found = self._continuation(i, prev)
            if found is not None:
                return found
        if token.kind == "num":
            return self._bare_year(i)
        return None

    def _with_year(self, atom: _Atom, i: int) -> tuple[_Atom, int]:
        """The atom ending at token i, with the year written right after it ("Januari 2019", "Feb-17"); a
        month by its number takes no two-digit year ("Bulan 1-12" is a range of months)."""
        for k in range(i + 1, min(i + 5, len(self.tokens))):
            token = self.tokens[k]
            if token.kind == "num":
                if atom.coded and len(token.text) < 3:
                    break
                between = self.text[self.tokens[i].end : token.start]
                year = _year_after(token.text, between)
                at = (token.start, token.end)
                return (atom.take_year(year, at), k + 1) if year is not None else (atom, i + 1)
            if token.kind not in ("word", "dash", "list"):
                break
        return atom, i + 1

    def _period(self, i: int, size: int) -> tuple[_Atom, int] | None:
        """Triwulan II, TW-3, Semester I, Triwulan ke-2, Semester kedua."""
        j = i + 1
        while j < len(self.tokens) and j <= i + 2 and _is_numeral_prefix(self.tokens[j]):
            j += 1
        if j >= len(self.tokens):
            return None
        number = _numeral(self.tokens[j], size)
        if number is None:
            return None
        return self._with_year(_period_atom(number, size), j)

    def _continuation(self, i: int, prev: _Atom) -> tuple[_Atom, int] | None:
        """The "II" of "Semester I - II": a numeral after a period means another period of that kind."""
        token = self.tokens[i]
        if token.kind == "num" and prev.year is not None:
            return None  # "Triwulan II 2019, 3 kali": a number after a complete period is no period
        number = _numeral(token, prev.size)
        return None if number is None else self._with_year(_period_atom(number, prev.size), i)

    def _bare_year(self, i: int) -> tuple[_Atom, int] | None:
        """A year on its own: any 4-digit year, or whatever number follows "Tahun" (as read)."""
        token = self.tokens[i]
        after_word = i > 0 and self.tokens[i - 1].kind == "word" and self.tokens[i - 1].text in _YEAR_WORDS
        year = int(token.text[:6])  # a runaway number stays a (bad) year instead of a huge int
        if (len(token.text) == 4 and _valid_year(year)) or (after_word and len(token.text) >= 3):
            return _Atom(1, 12, kind="year").take_year(year, (token.start, token.end)), i + 1
        return None


def _year_after(digits: str, between: str) -> int | None:
    """The year a number is when it follows a month with `between` in the middle, or None."""
    if len(digits) == 2 and _YY_GAP.fullmatch(between):
        return _two_digit_year(digits)
    if len(digits) >= 3 and _YEAR_GAP.fullmatch(between):
        return int(digits[:6])  # as read: "208" stays 208 and is reported as impossible
    return None


def _is_numeral_prefix(token: _Token) -> bool:
    return token.kind == "dash" or (token.kind == "word" and token.text == "ke")


def _numeral(token: _Token, size: int) -> int | None:
    """The number of a period written as I-IV, 1-4 or an ordinal word, when the year has that many."""
    number: int | None
    if token.kind == "num":
        number = int(token.text[:3])
    elif token.kind == "word":
        number = _ORDINALS.get(token.text) or from_roman(token.text)
    else:
        return None
    return number if number and 1 <= number <= 12 // size else None


def _period_atom(number: int, size: int) -> _Atom:
    return _Atom(size * (number - 1) + 1, size * number, kind="period", size=size)


def _only_connectors(gap: Iterable[_Token]) -> bool:
    return all(t.kind in ("range", "dash", "list") or t.text in _LIST_WORDS for t in gap)


def _joins_as_range(gap: list[_Token]) -> bool:
    """s/d always joins a range; a dash only when no comma, newline or "dan" (a bullet) is around it."""
    kinds = {token.kind for token in gap}
    if "range" in kinds:
        return True
    if "list" in kinds or any(token.text in _LIST_WORDS for token in gap):
        return False
    return "dash" in kinds


# -- step 3b: years and months --------------------------------------------------------------------------


def _fill_range(item: _Item) -> None:
    """A range with a year on one side only: the other side takes it (Oktober - Maret 2020: Oct 2019)."""
    start, end = item.start, item.end
    if end is None:
        return
    if start.year is None and end.year is not None:
        start.year = end.year if start.first <= end.first else end.year - 1
    elif end.year is None and start.year is not None:
        end.year = start.year if end.first >= start.first else start.year + 1


def _donor(atoms: list[_Atom], index: int) -> _Atom | None:
    """The nearest month with a year: first after (a year after a list), else before."""

    def dated(atom: _Atom) -> bool:
        return atom.year is not None and atom.kind != "year"

    after = next((a for a in atoms[index + 1 :] if dated(a)), None)
    return after or next((a for a in reversed(atoms[:index]) if dated(a)), None)


def _assign_years(items: list[_Item], plan_year: int | None, flags: set[str]) -> None:
    for item in items:
        _fill_range(item)
    atoms = [atom for item in items for atom in item.atoms]
    for item in items:
        if item.start.year is None:
            donor = _donor(atoms, atoms.index(item.start))
            if donor is not None:
                item.start.year = donor.year
            elif plan_year is not None:
                item.start.year = plan_year
                flags.add("year-assumed")
            else:
                flags.add("no-year")
        _fill_range(item)


def _ordinal(year: int, month: int) -> int:
    return year * 12 + month - 1


def _from_ordinal(ordinal: int) -> Month:
    year, month0 = divmod(ordinal, 12)
    return year, month0 + 1


def _expand(item: _Item, flags: set[str], years: set[int]) -> set[Month]:
    """The months of one item; a span of years adds years and flags but no months."""
    dated = [(atom, atom.year) for atom in item.atoms if atom.year is not None and atom.valid]
    if len(dated) < len(item.atoms):
        return set()
    if item.end is None:
        if item.start.kind == "year":
            flags.add("whole-year")
    elif item.year_span:
        flags.add("multi-year-range")
        lo, hi = sorted(year for _, year in dated)
        years.update(range(lo, hi + 1))
        return set()
    else:
        flags.add("range")
    ends = [_ordinal(year, month) for atom, year in dated for month in (atom.first, atom.last)]
    if max(ends) - min(ends) > _MAX_SPAN:
        return set()
    return {_from_ordinal(k) for k in range(min(ends), max(ends) + 1)}


def _recurring_months(
    months: set[int], year_items: list[_Item], plan_year: int | None, flags: set[str]
) -> set[Month]:
    """A recurrence over the years written with it ("setiap bulan tahun 2019"), else over the plan year."""
    if not months:
        return set()
    if year_items:
        years = [item.start.year for item in year_items if item.start.valid]
    elif plan_year is not None:
        years = [plan_year]
        flags.add("year-assumed")
    else:
        flags.add("no-year")
        years = []
    return {(year, month) for year in years if year is not None for month in months}


def _from_text(text: str, plan_year: int | None) -> TargetDate:
    flags: set[str] = set()
    has_event, lowered = _take_events(text.lower())
    has_recurrence, recurrence, lowered = _take_recurrences(lowered)
    if has_event:
        flags.add("event")
    if has_recurrence:
        flags.add("recurring")
    items = _Grammar(lowered, _tokenize(lowered)).items()
    written = [atom for item in items for atom in item.atoms if atom.written]
    years = {atom.year for atom in written if atom.year is not None}
    if not all(atom.valid for atom in written):
        flags.add("impossible-year")
    # with a recurrence, a lone year is the year it recurs in ("setiap 3 bulan tahun 2019"), not a target
    lone_years = [item for item in items if has_recurrence and item.end is None and item.year_span]
    items = [item for item in items if all(item is not lone for lone in lone_years)]
    _assign_years(items, plan_year, flags)
    months: set[Month] = set()
    spans: set[tuple[Month, Month]] = set()
    for item in items:
        expanded = _expand(item, flags, years)
        if expanded:
            months |= expanded
            spans.add((min(expanded), max(expanded)))
    if sum(1 for item in items if not (item.year_span and item.end is not None)) >= 2:
        flags.add("list")
    if has_recurrence and not months:
        months = _recurring_months(recurrence, lone_years, plan_year, flags)
        spans = _recurring_spans(months)
    if not months and not flags:
        flags.add("unparsed")
    return TargetDate(text, frozenset(months), frozenset(years), frozenset(flags), frozenset(spans))


def _recurring_spans(months: set[Month]) -> set[tuple[Month, Month]]:
    """A recurrence in every month of a year is one activity over that year ("setiap bulan"); a sparser
    one ("setiap triwulan") is one activity per month it recurs in."""
    spans: set[tuple[Month, Month]] = set()
    for year in {year for year, _ in months}:
        in_year = sorted(month for month in months if month[0] == year)
        if len(in_year) == 12:
            spans.add((in_year[0], in_year[-1]))
        else:
            spans.update((month, month) for month in in_year)
    return spans


# -- the same cell a year (or more) on --------------------------------------------------------------------


def shift_target(value: object, years: int = 1) -> object:
    """A Target Waktu cell moved `years` on, as the parser reads it: every year it writes (in "Juni 2025",
    "TW II 2025", "Feb-25", "31/12/2025", a date or serial cell, a bare year) moves, and nothing else; a
    cell with no year of its own ("B03", "Triwulan II") stays, as it takes the plan year. An impossible
    year ("Desember 208") stays as written. After the shift, `parse_target(new, Y + years)` covers the months
    `parse_target(value, Y)` covered, `years` later."""
    if isinstance(value, dt.datetime | dt.date):
        return _shift_date(value, years)
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return _shift_number(value, years)
    if not isinstance(value, str) or not value:
        return value
    if _NUMERIC.fullmatch(value):
        shifted = _shift_number(float(value), years)
        return value if shifted == float(value) else _as_text(shifted)
    lowered = value.lower()
    if len(lowered) != len(value):  # -- a letter whose lower case is longer: the positions would not hold
        return value
    _, lowered = _take_events(lowered)
    _, _, lowered = _take_recurrences(lowered)
    spans = set()
    for item in _Grammar(lowered, _tokenize(lowered)).items():
        for atom in item.atoms:
            if atom.written and atom.year_at is not None and atom.valid:
                spans.add(atom.year_at)
    text = value
    for start, end in sorted(spans, reverse=True):
        digits = text[start:end]
        number = int(digits) + years
        new = f"{number % 100:02d}" if len(digits) == 2 else str(number)
        text = text[:start] + new + text[end:]
    return text


def _shift_date(value: dt.date, years: int) -> dt.date:
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # -- 29 February into a common year
        return value.replace(year=value.year + years, day=28)


def _shift_number(value: object, years: int) -> object:
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number):
        return value
    if number.is_integer() and MIN_YEAR <= number <= MAX_YEAR:
        return int(number) + years
    if _SERIAL_MIN <= number <= _SERIAL_MAX:
        day = _shift_date(_EXCEL_EPOCH + dt.timedelta(days=int(number)), years)
        serial = (day - _EXCEL_EPOCH).days
        return serial if number.is_integer() else serial + number - int(number)
    return value


def _as_text(number: object) -> str:
    value = float(number)  # type: ignore[arg-type]
    return str(int(value)) if value.is_integer() else str(number)
