"""NameList matches exactly as the one alternation of all its names would, at every position of a text."""

from __future__ import annotations

import re

import pytest

from zi_sheets.namelist import WORD, NameList

BEFORE, AFTER = r"(?<![0-9a-z])(?<!\be\-)", r"(?![0-9a-z])"
NAMES = (
    "Badan Kepegawaian Daerah",
    "Dinas Kesehatan",
    "Kepala Dinas",
    "Kemenpan RB",
    "Puskesmas",
    "Badan",
    "Dinas",
    "BKD",
)


def _pattern(name: str) -> str:
    return r"[\s.\-/]*".join(re.escape(word) for word in WORD.findall(name))


def _lists(flags: int) -> tuple[NameList, re.Pattern[str]]:
    names = NameList(NAMES, _pattern, before=BEFORE, after=AFTER, flags=flags)
    one = "|".join(f"({_pattern(n)})" for n in NAMES)
    return names, re.compile(f"{BEFORE}(?:{one}){AFTER}", flags)


@pytest.mark.parametrize("flags", [re.IGNORECASE, 0])
@pytest.mark.parametrize(
    "text",
    [
        "Surat Badan Kepegawaian Daerah dan Dinas Kesehatan",
        "Kepala Dinas Kesehatan; kepala  dinas",  # the longer name wins where it starts
        "DinasKesehatan, KemenpanRB, Kemenpan-RB",  # words written together
        "\u212aepala Dinas",  # a Kelvin sign, which case-insensitive matching takes for "k"
        "Dina\u017f Kesehatan",  # a long s inside the first word
        "e-Puskesmas, ePuskesmas, BKD's, xBKD, BKDx",
        "Badan-Badan di Dinasnya",
        "",
    ],
)
def test_matches_as_one_alternation(text: str, flags: int) -> None:
    names, one = _lists(flags)
    for pos in range(len(text) + 1):
        expected = one.match(text, pos)
        found = names.match(text, pos)
        if expected is None:
            assert found is None, (text, pos)
        else:
            assert found is not None, (text, pos)
            match, index = found
            assert (match.span(), index) == (expected.span(), (expected.lastindex or 0) - 1), (text, pos)


def test_first_words_in_the_case_compared() -> None:
    names, _ = _lists(re.IGNORECASE)
    assert names.first_words == {"badan", "dinas", "kepala", "kemenpan", "puskesmas", "bkd"}
    assert NameList(["Jember"], re.escape).match("jember", 0) is None
