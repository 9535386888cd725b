"""NameList matches exactly as the one alternation of all its names would, at every position of a text."""

from __future__ import annotations

import re

import pytest

from zi_sheets.common.namelist import CASE_FOLDED, NameList

SEPARATOR = r"[\s.\-/]"
BEFORE, AFTER = r"(?<![0-9a-z])(?<!\be\-)", r"(?![0-9a-z])"
NAMES = (
    "Badan Kepegawaian Daerah",
    "Kepala Dinas Kesehatan",
    "Mahkamah Syar'iyah",
    "Dinas Kesehatan",
    "Kepala Dinas",
    "Kemenpan RB",
    "Puskesmas",
    "Badan",
    "Dinas",
    "BKD",
    "Ka",
)


def _short(name: str) -> bool:
    return len(name) <= 3 and name.isupper()


def _one_alternation(flags: int) -> re.Pattern[str]:
    """The names as one regex, written out here independently of NameList."""
    alternatives = []
    for name in NAMES:
        body = r"[\s.\-/]*".join(re.escape(word) for word in re.findall(r"[0-9A-Za-z']+", name))
        alternatives.append(f"((?-i:{body}))" if _short(name) else f"({body})")
    return re.compile(f"{BEFORE}(?:{'|'.join(alternatives)}){AFTER}", flags)


@pytest.mark.parametrize("flags", [re.IGNORECASE, 0])
@pytest.mark.parametrize(
    "text",
    [
        "Surat Badan Kepegawaian Daerah dan Dinas Kesehatan",
        "Kepala Dinas Kesehatan; kepala  dinas; KEPALA DINAS",  # the longer name wins where it starts
        "DinasKesehatan, KemenpanRB, Kemenpan-RB, Kepala/Dinas",  # words written together or apart
        "Kepala" + " " * 90 + "Dinas" + " ." * 40 + "Kesehatan",  # separators longer than any name
        "Kepala\u00a0Dinas\u2003Kesehatan \u201cBKD\u201d \u2013 Ka.",  # Unicode spaces, quotes, dash
        "\u212aepala Dinas",  # a Kelvin sign, which case-insensitive matching takes for "k"
        "Dina\u017f Kesehatan, Kepala Dinas Ke\u017fehatan",  # a long s in a first and in a later word
        "Mahkamah Syar'iyah, Mahkamah Syar\u0131yah, MAHKAMAH SYAR'\u0130YAH",  # dotless and dotted I
        "e-Puskesmas, ePuskesmas, BKD's, xBKD, BKDx, Bkd, KA, ka",
        "Badan-Badan di Dinasnya, Kepala Din",
        "",
    ],
)
def test_matches_as_one_alternation(text: str, flags: int) -> None:
    names = NameList(NAMES, SEPARATOR, exact_case=_short, before=BEFORE, after=AFTER, flags=flags)
    one = _one_alternation(flags)
    for pos in range(len(text) + 1):
        expected = one.match(text, pos)
        found = names.match(text, pos)
        if expected is None:
            assert found is None, (text, pos)
        else:
            assert found is not None, (text, pos)
            match, index = found
            assert (match.span(), index) == (expected.span(), (expected.lastindex or 0) - 1), (text, pos)


def test_case_folded_letters_are_all_there_are() -> None:
    """CASE_FOLDED holds every non-ASCII character that case-insensitive matching takes for an ASCII letter
    or digit: the letter comparison may skip a text only when it holds none of them."""
    ascii_word = re.compile(r"[0-9A-Za-z']", re.IGNORECASE)
    others = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert set(ascii_word.findall(others)) == CASE_FOLDED


def test_first_words_in_the_case_compared() -> None:
    names = NameList(NAMES, SEPARATOR, flags=re.IGNORECASE)
    assert names.first_words == {"badan", "kepala", "mahkamah", "dinas", "kemenpan", "puskesmas", "bkd", "ka"}
    assert NameList(["Jember"], SEPARATOR).match("jember", 0) is None
