"""Plan rows matched to the LKE catalogue: by Kode LKE when it names an indicator or komponen, else by the
komponen and indicator text, fuzzily."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from zi_sheets.common.catalogue import Catalogue, Indicator, Komponen, load_catalogue
from zi_sheets.common.model import PlanRow
from zi_sheets.common.text import words

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


@dataclass(frozen=True)
class RowMatch:
    """What one plan row was matched to: komponen and indicator (None when nothing matched).

    `by_code` when its Kode LKE named them; `kode_unknown` when it has a Kode LKE the catalogue lacks.
    """

    komponen: Komponen | None
    indicator: Indicator | None
    by_code: bool = False
    kode_unknown: bool = False


def match_row(catalogue: Catalogue, row: PlanRow) -> RowMatch:
    """The catalogue komponen and indicator `row` stands for."""
    kode_unknown = False
    if row.kode_lke:
        indicator = catalogue.indicator(row.kode_lke.code)
        if indicator is not None:
            return RowMatch(catalogue.komponen_by_code(indicator.komponen_code), indicator, by_code=True)
        komponen = catalogue.komponen_by_code(row.kode_lke.code)
        if komponen is not None:
            return RowMatch(komponen, match_indicator(komponen, row.indikator.text), by_code=True)
        kode_unknown = True
    # -- a name several komponen of the area share (90/2021 has two "SPBE" in area II): the row's indicator
    # -- decides, so that neither is reported missing
    best: tuple[float, Komponen | None, Indicator | None] = (-1.0, None, None)
    for komponen in komponen_candidates(catalogue.key, row.area_no, row.komponen.text):
        indicator, score = _indicator_match(komponen, row.indikator.text)
        if score > best[0]:
            best = (score, komponen, indicator)
    return RowMatch(best[1], best[2], kode_unknown=kode_unknown)


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
def komponen_candidates(regulation: str, area_no: int | None, text: str) -> tuple[Komponen, ...]:
    """The catalogue komponen a written komponen name means, searched within its area when known: the closest
    one, with any other whose name it fits as well; () when none is close enough."""
    catalogue = load_catalogue(regulation)
    pool = catalogue.komponen
    if area_no is not None and any(a.no == area_no for a in catalogue.areas):
        pool = catalogue.area(area_no).komponen
    query = comparable(text)
    if not query:
        return ()
    scores = [(similarity(query, comparable(k.name)), k) for k in pool]
    top = max((score for score, _ in scores), default=0.0)
    return tuple(k for score, k in scores if score == top) if top >= KOMPONEN_THRESHOLD else ()
