"""Text as zi-sheets compares it: normalised labels, the area a text names, and Indonesian words without
stop words, crudely stemmed.

`normalize` is how the reader matches headers and labels; `area_number` reads an area from a header,
dropdown or Monev row; `words`, `stems` and `stem` serve the catalogue matching of the checks (a plan's
komponen and indicator against the LKE's names and questions) and the Monev matching of `progress` (an
achievement against the plan rows).
"""

from __future__ import annotations

import functools
import re

from zi_sheets.common.bahasa import from_roman

_ALNUM = re.compile(r"[0-9a-z]+")
# -- Characters XML 1.0 forbids (and lone surrogates); Excel cells can hold them (e.g. _x000B_), lxml and
# -- the documents' XML refuse them. --
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# -- Word's and Excel's File > Info fields hold at most 255 characters; python-docx refuses longer text. --
PROPERTY_LIMIT = 255


def clean_text(text: str) -> str:
    """`text` without the control characters that XML cannot hold (lxml refuses them)."""
    return XML_ILLEGAL.sub("", text)


def shown(text: str) -> str:
    """`text` as a message quotes it: every character that does not print (a line break, a tab, an
    escape sequence, a direction override) written as its escape (\\r, \\x1b, \\u202e), so that a value
    or a file name can neither break the message's one line nor pass for output of its own."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def fit_property(text: str) -> str:
    """`text` on one line, cut at a word to fit a document property (255 characters), "…" marking the cut."""
    flat = " ".join(clean_text(text).split())
    if len(flat) <= PROPERTY_LIMIT:
        return flat
    cut = flat[: PROPERTY_LIMIT - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def normalize(text: str) -> str:
    """Lower case, punctuation to spaces, spaces collapsed: how headers and labels are compared."""
    # -- the runs of letters and digits joined by one space; one pass, called for every cell a check reads
    return " ".join(_ALNUM.findall(text.lower()))


# -- Words that identify an area in headers, dropdowns and Monev rows, most specific first. --
_AREA_KEYWORDS: tuple[tuple[str, int], ...] = (
    ("manajemen perubahan", 1),
    ("tatalaksana", 2),
    ("tata laksana", 2),
    ("sdm", 3),
    ("sumber daya manusia", 3),
    ("akuntabilitas", 4),
    ("pengawasan", 5),
    ("pelayanan publik", 6),
    ("kualitas pelayanan", 6),
)


def area_number(text: str) -> int | None:
    """The area (1-6) a text names: a Roman numeral, "Area III", or the area's words; None otherwise."""
    norm = normalize(text)
    if not norm:
        return None
    tokens = norm.split()
    for candidate in (tokens[0], tokens[1] if len(tokens) > 1 and tokens[0] == "area" else ""):
        number = from_roman(candidate) if candidate else None
        if number is None and candidate.isdigit():
            number = int(candidate)
        if number is not None and 1 <= number <= 6:
            return number
    return next((number for key, number in _AREA_KEYWORDS if key in norm), None)


_AREA_NUMBER = re.compile(r"^\s*(?:area\s+)?(?:[IVX]+|[1-6])\b\s*[.):\-]?\s*", re.IGNORECASE)


def area_title(text: str) -> str:
    """An area's title as written, without the numeral before it: "I. Manajemen Perubahan" ->
    "Manajemen Perubahan"; '' when nothing but a numeral is written."""
    return " ".join(_AREA_NUMBER.sub("", text, count=1).split())


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


# -- A list marker typed before an item: "1." "1)" "(1)" "a." "a)" "(a)" "A." or a bullet ("-", "•", "*",
# -- "–", "·"), followed by a space. --
_LIST_MARKER = re.compile(
    r"^\s*(\d{1,2}[.)]|\(\d{1,2}\)|[a-zA-Z][.)]|\([a-zA-Z]\)|[-\u2022*\u2013\u00b7])\s+"
)
_BULLETS = frozenset("-\u2022*\u2013\u00b7")


def split_marker(text: str) -> tuple[str, str]:
    """(marker as written, the rest of the text) of a list item; ('', text) when `text` has no marker."""
    match = _LIST_MARKER.match(text)
    if not match:
        return "", text
    return match.group(1), text[match.end() :].strip()


def is_bullet(marker: str) -> bool:
    """True for a bullet marker ("-", "•"), False for a number or letter ("1.", "a)")."""
    return marker in _BULLETS


def marker_kind(marker: str) -> str:
    """What kind of marker a list item has, the same for every item of one list: "1." and "12." are "9.",
    "a)" and "c)" are "z)", "(a)" is "(z)", "A." is "Z."; a bullet is itself."""
    kind = re.sub(r"\d{1,2}", "9", marker)
    kind = re.sub(r"[a-z]", "z", kind)
    return re.sub(r"[A-Z]", "Z", kind)
