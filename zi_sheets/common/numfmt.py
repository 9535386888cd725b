"""Numbers as Excel shows them under a cell's number format, written the Indonesian way.

A 0.85 cell formatted `0%` reads "85%", 1234567 under `#,##0` "1.234.567", 1.5 in a General cell "1,5".
Format codes are stored in the file in Excel's invariant form (`.` decimal, `,` thousands); the separators
shown are Indonesia's (`,` decimal, `.` thousands), as Excel set to Indonesian shows them. What this module
does not render (fractions, dates, conditions) falls back to General: the number, never a wrong one.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# -- The built-in formats a cell may name by id alone (ECMA-376 Part 1, 18.8.30); the currency ids 5-8 depend
# -- on the machine's locale, so they are left to General.
BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}

# -- One token of a format section: a quoted literal, an escaped character, a padding or fill character, a
# -- bracketed part ([Red], [$Rp-421], [>100]), or a single character.
_TOKEN = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|.', re.DOTALL)
_DATE_LETTERS = frozenset("yYmMdDhHsS")
_PLACEHOLDERS = frozenset("0#?.,")


@functools.lru_cache(maxsize=256)
def needs_format(code: str) -> bool:
    """True when numbers under `code` read differently from General: not General, text (@) or a date or
    time (whose cells the value reader already gives as dates)."""
    stripped = code.strip()
    return bool(stripped) and stripped.lower() != "general" and stripped != "@" and not is_date_format(code)


def is_date_format(code: str) -> bool:
    """True for a date or time format ("d/m/yyyy", "[h]:mm"): a date letter outside quotes and brackets."""
    for token in _TOKEN.findall(code.split(";")[0]):
        if token[0] == "[" and re.fullmatch(r"\[[hms]+\]", token, re.IGNORECASE):
            return True
        if len(token) == 1 and token in _DATE_LETTERS:
            return True
    return False


def general(value: float) -> str:
    """A number as a General cell shows it: whole numbers in full, others to ten significant digits, with a
    decimal comma ("1,5", "2026", "0,3" for 0.1 + 0.2)."""
    if isinstance(value, int) or (math.isfinite(value) and value.is_integer()):
        return str(int(value))
    if not math.isfinite(value):
        return str(value)
    text = format(value, ".10g")
    mantissa, _, exponent = text.partition("e")
    shown = mantissa.replace(".", ",")
    return f"{shown}E{exponent[0]}{exponent[1:].zfill(2)}" if exponent else shown


def format_number(value: float, code: str | None) -> str:
    """`value` as Excel shows it under format `code` (None or General: `general`), in Indonesian."""
    if code is None or not math.isfinite(value) or not needs_format(code):
        return general(value)
    sections = _compile(code)
    if value < 0 and len(sections) > 1:
        section, value, sign = sections[1], -value, ""
    elif value == 0 and len(sections) > 2:
        section, sign = sections[2], ""
    else:
        section, sign = sections[0], "-" if value < 0 else ""
        value = abs(value)
    if section is None:
        return general(-value if sign else value)
    number = section.digits.render(value * 100**section.percent) if section.digits else ""
    if number is None:
        return general(-value if sign else value)
    return " ".join((sign + section.before + number + section.after).split())


@dataclass(frozen=True)
class _Digits:
    """The digit placeholders of a section ("#,##0.00", "0.00E+00"), read once."""

    whole: int  # -- digits always shown before the decimal comma ("000": 3)
    decimals: int  # -- places rounded to
    required: int  # -- places always shown ("0.0#": 1)
    grouped: bool  # -- thousands separated
    scale: int  # -- trailing commas: thousands divided out
    exponent: int | None  # -- digits of the exponent of a scientific pattern, None for a plain one

    def render(self, value: float) -> str | None:
        """The digits of a non-negative `value`; None when it cannot be rounded."""
        if self.exponent is not None:
            return self._scientific(value)
        rounded = _round(value / 1000**self.scale, self.decimals)
        if rounded is None:
            return None
        whole, _, fraction = f"{rounded:f}".partition(".")
        fraction = fraction[: self.decimals].rstrip("0").ljust(self.required, "0")
        whole = whole.lstrip("0").rjust(self.whole, "0")
        if self.grouped and whole:
            whole = f"{int(whole):,}".replace(",", ".")
        return whole + ("," + fraction if fraction else "")

    def _scientific(self, value: float) -> str | None:
        exponent = 0 if value == 0 else math.floor(math.log10(value))
        mantissa = _round(value / 10**exponent, self.decimals)
        if mantissa is not None and mantissa >= 10:
            exponent += 1
            mantissa = _round(value / 10**exponent, self.decimals)
        if mantissa is None:
            return None
        sign = "-" if exponent < 0 else "+"
        digits = str(abs(exponent)).zfill(self.exponent or 1)
        return f"{mantissa:.{self.decimals}f}".replace(".", ",") + f"E{sign}{digits}"


@dataclass(frozen=True)
class _Section:
    """One section of a format code: literal text around its digits, and how many % signs scale it."""

    before: str
    after: str
    percent: int
    digits: _Digits | None  # -- None for a section of text only ('"-"' for zero)


@functools.lru_cache(maxsize=256)
def _compile(code: str) -> tuple[_Section | None, ...]:
    """The sections of a format code, each read once (None for a section beyond this module)."""
    sections: list[list[str]] = [[]]
    for token in _TOKEN.findall(code):
        if token == ";":
            sections.append([])
        else:
            sections[-1].append(token)
    return tuple(_section(tokens) for tokens in sections)


def _section(tokens: list[str]) -> _Section | None:
    before: list[str] = []
    pattern = ""
    after: list[str] = []
    percent = 0
    for token in tokens:
        if len(token) == 1 and (token in _PLACEHOLDERS or (token in "Ee+-" and _in_exponent(pattern, token))):
            if after:
                return None  # -- literals between digit placeholders ("000-000"): left to General
            pattern += token
            continue
        literal = _literal(token)
        if literal is None:
            return None
        percent += token == "%"
        (after if pattern else before).append(literal)
    if not any(ch in pattern for ch in "0#?"):
        return _Section("".join(before) + pattern + "".join(after), "", 0, None)
    return _Section("".join(before), "".join(after), percent, _digits(pattern))


def _in_exponent(pattern: str, token: str) -> bool:
    """True for the E and sign of a scientific pattern ("0.00E+00"), read after digit placeholders."""
    if token in "Ee":
        return bool(pattern)
    return bool(pattern) and pattern[-1] in "Ee"


def _literal(token: str) -> str | None:
    """The text a non-placeholder token shows; None for what this module does not render."""
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    if token.startswith("_"):
        return ""  # -- padding the width of a character, for alignment: nothing to read
    if token.startswith("*"):
        return " "  # -- a fill repeated to the column's width: one space in running text
    if token.startswith("["):
        currency = re.fullmatch(r"\[\$([^-\]]*)(?:-[0-9A-Fa-f]+)?\]", token)
        if currency:
            return currency.group(1)
        if re.fullmatch(r"\[[A-Za-z]+\d*\]", token):
            return ""  # -- a colour: [Red], [Color10]
        return None  # -- a condition ([>100]) or elapsed time
    if token in "/@" or token in _DATE_LETTERS:
        return None  # -- fractions, text sections, dates
    return token


def _digits(pattern: str) -> _Digits:
    """The placeholders of a pattern ("#,##0.00", "0.00E+00") read into a `_Digits`."""
    scientific = re.split(r"[Ee][+-]", pattern, maxsplit=1)
    mantissa = scientific[0]
    integer_part, _, fraction_part = mantissa.partition(".")
    stripped = integer_part.rstrip(",")
    return _Digits(
        whole=stripped.count("0"),
        decimals=sum(ch in "0#?" for ch in fraction_part),
        required=fraction_part.count("0"),
        grouped="," in stripped,
        scale=0 if len(scientific) > 1 else len(integer_part) - len(stripped),
        exponent=scientific[1].count("0") if len(scientific) > 1 else None,
    )


def _round(value: float, decimals: int) -> Decimal | None:
    """`value` to `decimals` places, half away from zero as Excel rounds (on the shortest repr of the float,
    so 2.675 rounds to 2.68 as Excel shows it)."""
    try:
        return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return None
