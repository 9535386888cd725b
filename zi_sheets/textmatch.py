"""Indonesian words as the matchers compare them: normalised, without stop words, crudely stemmed.

Used by the catalogue matching of the checks (a plan's komponen and indicator against the LKE's names and
questions) and by the Monev matching of `progress` (an achievement against the plan rows).
"""

from __future__ import annotations

import functools

from zi_sheets.workbook import normalize

# -- Words that carry no meaning when a plan's statement ("SK Tim telah dibuat") is compared with the
# -- catalogue's question ("Apakah unit kerja telah membentuk tim ...?") or with a Monev achievement.
STOPWORDS = frozenset(
    "apakah telah sudah yang dan di ke dari dalam untuk atas terhadap secara dengan pada oleh terdapat ada "
    "dilakukan serta atau bagi akan agar sebagai tersebut itu ini".split()
)
# -- Also nothing to say about which action a Monev achievement reports on ("setiap", the unit's kind); not
# -- for the catalogue, whose questions name "unit kerja" and whose scores were calibrated without these.
REPORT_STOPWORDS = STOPWORDS | frozenset(
    "adanya masing setiap tiap kali per via melalui seluruh semua sesuai juga baik maupun mulai sampai unit "
    "opd kec kecamatan kab kabupaten kota pemerintah".split()
)
_VOWELS = "aiueo"


def words(text: str, stopwords: frozenset[str] = STOPWORDS) -> list[str]:
    """The normalised words of `text` (lower case, no punctuation), stop words left out, in order."""
    return [word for word in normalize(text).split() if word not in stopwords]


def stems(text: str, stopwords: frozenset[str] = STOPWORDS) -> frozenset[str]:
    """The stems of the meaningful words of `text` (numbers left out): what achievements are compared on."""
    return frozenset(stem(word) for word in words(text, stopwords) if not word.isdigit())


@functools.cache
def stem(word: str) -> str:
    """A crude Indonesian stem of a normalised word, enough to see "disusun", "menyusun" and "penyusunan"
    as one word.

    Strips -nya, then -an or -kan, then one prefix (di-, ter-, ber-, meN-/peN- with the nasal's lost initial
    restored: menyusun -> susun, memantau -> pantau, menetapkan -> tetap). Both sides of a comparison go
    through it, so an imperfect stem still compares equal.
    """
    if len(word) <= 4:
        return word
    if word.endswith("nya") and len(word) >= 7:
        word = word[:-3]
    # -- A noun (pe-, ke-) takes -an ("pembentukan"); a verb -kan ("ditetapkan").
    for suffix in ("an",) if word.startswith(("pe", "ke")) else ("kan", "an"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    for prefix, restored in (("meny", "s"), ("peny", "s"), ("meng", ""), ("peng", "")):
        if word.startswith(prefix) and len(word) > len(prefix) + 1 and word[len(prefix)] in _VOWELS:
            return restored + word[len(prefix) :]
    for prefix, restored in (("mem", "p"), ("pem", "p"), ("men", "t"), ("pen", "t")):
        if word.startswith(prefix) and len(word) > 4:
            rest = word[len(prefix) :]
            return restored + rest if rest[0] in _VOWELS else rest
    for prefix in ("ter", "ber", "me", "di"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix) :]
    if word.startswith("per") and len(word) > 5 and word[3] not in _VOWELS:
        return word[3:]
    return word[2:] if word.startswith("pe") and len(word) > 5 else word
