"""Measures and estimates for laying out a page: section widths and heights in twips, shares of a table's
width, and how tall a text will wrap.

-- Arithmetic only: nothing here edits a document. --
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.section import Section

# -- twips (1/1440 inch) to EMU (1/914400 inch), the unit of a picture's size --
EMU_PER_TWIP = 635


def text_height_twips_of(section: Section) -> int:
    """The height between the top and bottom margins of `section`, in twips."""
    return _twips(section.page_height) - _twips(section.top_margin) - _twips(section.bottom_margin)


def text_width_twips(section: Section) -> int:
    """The width between the margins of `section`, in twentieths of a point (the unit of table widths)."""
    return _twips(section.page_width) - _twips(section.left_margin) - _twips(section.right_margin)


def _twips(length: int | None) -> int:
    return round((length or 0) / EMU_PER_TWIP)


def split_width(total: int, proportions: Sequence[float]) -> list[int]:
    """`total` twips shared by `proportions`, rounded so the parts sum to `total` exactly."""
    weight = sum(proportions)
    exact = [total * p / weight for p in proportions]
    parts = [int(x) for x in exact]
    # -- largest remainder: hand the leftover twips to the columns that lost most in rounding --
    order = sorted(range(len(exact)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


# -- Arial's average character in Indonesian text (letters, digits, spaces) is 0.47 em wide (measured on the
# -- example's plan with Liberation Sans, Arial's metric twin) and
# -- its line about 1.15 em high; enough to tell a three-line row from a half-page one. --
_CHAR_EM = 0.48
_LINE_EM = 1.15
_CELL_MARGINS_TWIPS = 2 * 108


def text_height_twips(lines: Sequence[str], width: int, font_pt: float) -> int:
    """The estimated height of `lines` (one paragraph each) wrapped in a table cell `width` twips wide."""
    per_line = max(1, int((width - _CELL_MARGINS_TWIPS) / (font_pt * 20 * _CHAR_EM)))
    count = 0
    for line in lines:
        used = 0
        count += 1
        if len(line) <= per_line:
            continue  # -- most cell lines fit on one line: no need to wrap them word by word
        for word in line.split():
            if used and used + 1 + len(word) > per_line:
                count += 1
                used = 0
            used += (1 if used else 0) + len(word)
            while used > per_line:  # -- a word longer than the cell breaks where it must
                count += 1
                used -= per_line
    return round(max(count, 1) * font_pt * 20 * _LINE_EM) + 40


def column_need(header: str, texts: Sequence[str], total: int, font_pt: float) -> float:
    """The share of a table `total` twips wide that a column needs in `font_pt` type: room for its longest
    word on one line (the bold capital header's words included), widened for long texts to about three
    lines; at most 0.15.

    -- Capitals in bold run to 0.8 em a character (N, O, M and W wider still: "NO" measured at 0.75 em a
    -- letter in Liberation Sans Bold), wider than running text (0.7 em covers its longest words): a header
    -- such as "NO", "ANGGARAN" or "% TARGET" must not break inside its word. --
    """
    header_longest = max((len(word) for word in header.upper().split()), default=1)
    longest = max((len(word) for text in texts for word in text.split()), default=1)
    lengths = sorted(len(text) for text in texts if text)
    typical = lengths[len(lengths) * 3 // 4] if lengths else 0
    em = font_pt * 20
    needed = max(header_longest * em * 0.8, longest * em * 0.7, typical * em * _CHAR_EM / 3)
    needed += _CELL_MARGINS_TWIPS
    return min(0.15, needed / total)


def header_need(header: str, total: int, font_pt: float) -> float:
    """The share of a table `total` twips wide that a bold capital header needs so that none of its words
    breaks (see `column_need`'s measure), however narrow the page: never capped."""
    longest = max((len(word) for word in header.upper().split()), default=1)
    return (longest * font_pt * 20 * 0.8 + _CELL_MARGINS_TWIPS) / total


def fit_shares(shares: Sequence[float], needs: Sequence[float]) -> list[float]:
    """Column shares (any scale) as fractions of the width, each column given at least its need (a
    fraction); the columns given more keep their proportions in the width left."""
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(shares)) if i not in fixed]
        room = 1 - sum(fixed.values())
        weight = sum(shares[i] for i in free) or 1
        result = [fixed.get(i, room * shares[i] / weight) for i in range(len(shares))]
        short = [i for i in free if result[i] < needs[i]]
        if not short:
            return result
        fixed.update({i: needs[i] for i in short})
