"""Plan rows matched to the LKE catalogue: by Kode LKE when it names an indicator or komponen, else by the
komponen and indicator text, fuzzily."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from zi_sheets.common.catalogue import Catalogue, Indicator, Komponen, load_catalogue
from zi_sheets.common.model import PlanRow
from zi_sheets.common.text import normalize, words

# -- Fuzzy-match thresholds, calibrated on the example workbook (seed komponen and indicator statements
# -- against the 52/2014 catalogue's names and questions); scores are 0-100, see `similarity`.
KOMPONEN_THRESHOLD = 75
INDICATOR_THRESHOLD = 50

# -- Abbreviations spelled out, so that "Penerapan SPIP (Sistem Pengendalian Intern Pemerintah)." and the
# -- 52/2014 name "Penerapan SPIP" read the same; a word written twice (abbreviation and spelled out) counts
# -- once.
_SYNONYMS = {
    "zi": "zona integritas",
    "wbs": "whistle blowing system",
    "survey": "survei",
    "spip": "sistem pengendalian intern pemerintah",
    "spbe": "sistem pemerintahan berbasis elektronik",
    "sop": "prosedur operasional tetap",
    "kip": "keterbukaan informasi publik",
    "lhkpn": "laporan harta kekayaan pejabat negara",
    "lhkasn": "laporan harta kekayaan aparatur sipil negara",
    "wbk": "wilayah bebas korupsi",
    "wbbm": "wilayah birokrasi bersih melayani",
    "sakip": "sistem akuntabilitas kinerja instansi pemerintah",
}


def comparable(text: str) -> str:
    """Normalized text without stop words, abbreviations spelled out, each word once: what fuzzy matching
    compares."""
    spelled = (part for word in words(text) for part in _SYNONYMS.get(word, word).split())
    return " ".join(dict.fromkeys(spelled))


def similarity(a: str, b: str, **_: object) -> float:
    """0-100: the mean of token-set (wording inside a longer text) and token-sort (same words) ratios.

    Token-set alone scores every subset 100 ("Dokumen perencanaan sudah ada" would tie with "... telah
    berorientasi hasil"); the token-sort half breaks such ties toward the text with the same words.
    """
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 2


# -- How a written komponen name was matched (`RowMatch.komponen_how`): by the catalogue's name or one of
# -- its short forms (""), by its name cut off at the end of its column ("cut": "Penanganan Pengaduan
# -- Masyarakat dan"), by its name in the other regulation ("other-regulation": "E-Office" in a 90/2021
# -- plan), or as a komponen of another area than the one it is written under ("other-area").
CUT, OTHER_REGULATION, OTHER_AREA = "cut", "other-regulation", "other-area"
# -- A name found in another area than its own must read as that komponen beyond doubt.
OTHER_AREA_THRESHOLD = 90
# -- Words no komponen name ends with: a name ending in one was cut off where its column ended.
_DANGLING = frozenset(
    "dan atau serta yang di ke dari untuk dengan pada oleh terhadap dalam bagi sebagai tentang menuju "
    "antara melalui maupun beserta tindak".split()
)


@dataclass(frozen=True)
class RowMatch:
    """What one plan row was matched to: komponen and indicator (None when nothing matched).

    `by_code` when its Kode LKE named them; `kode_unknown` when it has a Kode LKE the catalogue lacks;
    `komponen_how` how its written komponen name was read (see `CUT`, `OTHER_REGULATION`, `OTHER_AREA`).
    """

    komponen: Komponen | None
    indicator: Indicator | None
    by_code: bool = False
    kode_unknown: bool = False
    komponen_how: str = ""


def match_row(catalogue: Catalogue, row: PlanRow) -> RowMatch:
    """The catalogue komponen and indicator `row` stands for."""
    kode_unknown = False
    if row.kode_lke:
        indicator = catalogue.indicator(row.kode_lke.code)
        if indicator is not None:
            komponen = catalogue.komponen_by_code(indicator.komponen_code)
            how = _name_how(catalogue, row, komponen)
            return RowMatch(komponen, indicator, by_code=True, komponen_how=how)
        komponen = catalogue.komponen_by_code(row.kode_lke.code)
        if komponen is not None:
            indicator = match_indicator(komponen, row.indikator.text)
            how = _name_how(catalogue, row, komponen)
            return RowMatch(komponen, indicator, by_code=True, komponen_how=how)
        kode_unknown = True
    # -- a name several komponen of the area share (90/2021 has two "SPBE" in area II): the row's indicator
    # -- decides, so that neither is reported missing; a plan without Indikator, by what the row plans
    candidates, how = komponen_candidates(catalogue.key, row.area_no, row.komponen.text)
    best: tuple[float, Komponen | None, Indicator | None] = (-1.0, None, None)
    for komponen in candidates:
        indicator, score = _indicator_match(komponen, row.indikator.text)
        if not row.indikator and len(candidates) > 1:
            score = _indicator_match(komponen, f"{row.langkah_aksi.text} {row.bukti_fisik.text}")[1]
        if score > best[0]:
            best = (score, komponen, indicator)
    return RowMatch(best[1], best[2], kode_unknown=kode_unknown, komponen_how=how)


def _name_how(catalogue: Catalogue, row: PlanRow, komponen: Komponen | None) -> str:
    """How the written komponen name of a row matched by its Kode LKE reads: cut, or the other
    regulation's name, when it names that komponen; '' otherwise (the code decides the komponen)."""
    found, how = komponen_candidates(catalogue.key, row.area_no, row.komponen.text)
    return how if komponen in found and how in (CUT, OTHER_REGULATION) else ""


def match_indicator(komponen: Komponen, text: str) -> Indicator | None:
    """The indicator of `komponen` a written indicator statement means, None when none is close enough."""
    return _indicator_match(komponen, text)[0]


def _indicator_match(komponen: Komponen, text: str) -> tuple[Indicator | None, float]:
    """The indicator of `komponen` closest to `text` with its score; (None, 0) when none reaches the
    threshold."""
    query = comparable(text)
    if not query or not komponen.indicators:
        return None, 0.0
    choices = {i.code: comparable(i.text) for i in komponen.indicators}
    found = process.extractOne(query, choices, scorer=similarity, score_cutoff=INDICATOR_THRESHOLD)
    if found is None:
        return None, 0.0
    return next(i for i in komponen.indicators if i.code == found[2]), found[1]


@cache
def komponen_candidates(regulation: str, area_no: int | None, text: str) -> tuple[tuple[Komponen, ...], str]:
    """The catalogue komponen a written komponen name means, and how it was read (`RowMatch.komponen_how`).

    Searched within its area when known, by the catalogue's names, their short forms and their names in
    the other regulation: a name or form written whole wins, else the closest one, with any other it fits
    as well; a name no komponen of its area has is looked for in the other areas, beyond doubt only.
    ((), "") when none is close enough.
    """
    catalogue = load_catalogue(regulation)
    pool = catalogue.komponen
    own_area = area_no is not None and any(a.no == area_no for a in catalogue.areas)
    if own_area:
        pool = catalogue.area(area_no or 0).komponen
    query = comparable(text)
    if not query:
        return (), ""
    found = _closest(pool, query, KOMPONEN_THRESHOLD)
    if not found and own_area:
        others = tuple(k for k in catalogue.komponen if k.area_no != area_no)
        found = _closest(others, query, OTHER_AREA_THRESHOLD)
        if found:
            return found, OTHER_AREA
    if not found:
        return (), ""
    if any(query in {comparable(name) for name in k.other_names} for k in found):
        return found, OTHER_REGULATION
    return found, CUT if is_cut(text, found[0].name) else ""


def _closest(pool: tuple[Komponen, ...], query: str, threshold: float) -> tuple[Komponen, ...]:
    """The komponen of `pool` whose name or known name `query` is (all of them, when several are), else the
    closest ones reaching `threshold`; () when none does."""
    exact = tuple(k for k in pool if query in {comparable(name) for name in _names(k)})
    if exact:
        return exact
    scores = [(max(similarity(query, comparable(name)) for name in _names(k)), k) for k in pool]
    top = max((score for score, _ in scores), default=0.0)
    return tuple(k for score, k in scores if score == top) if top >= threshold else ()


def _names(komponen: Komponen) -> tuple[str, ...]:
    return (komponen.name, *komponen.short_names, *komponen.other_names)


def is_cut(written: str, name: str) -> bool:
    """True when a written komponen name is its catalogue `name` cut off at the end of its column: it ends
    in a word no name ends with ("... Masyarakat dan"), leaves a parenthesis open, or stops inside a word
    of the name ("Penegakan Aturan Kode Etik/Kode Perila")."""
    text = normalize(written.rstrip(" .,;:"))
    words = text.split()
    if not words or normalize(name) == text:
        return False
    if words[-1] in _DANGLING or written.count("(") > written.count(")"):
        return True
    full = normalize(name).split()
    last = words[-1]
    return len(words) >= 2 and last not in full and any(word.startswith(last) for word in full)
