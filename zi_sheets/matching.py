"""Plan rows matched to the LKE catalogue: by Kode LKE when it names an indicator or komponen, else by the
komponen and indicator text, fuzzily."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from zi_sheets.catalogue import Catalogue, Indicator, Komponen, load_catalogue
from zi_sheets.model import PlanRow
from zi_sheets.text import words

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


def _best(query: str, choices: dict[str, str], threshold: float) -> str | None:
    """The key of the choice most similar to `query` when it reaches `threshold`."""
    if not query or not choices:
        return None
    found = process.extractOne(query, choices, scorer=similarity, score_cutoff=threshold)
    return found[2] if found else None


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
        indicator = catalogue.indicator(row.kode_lke.text)
        if indicator is not None:
            return RowMatch(catalogue.komponen_by_code(indicator.komponen_code), indicator, by_code=True)
        komponen = catalogue.komponen_by_code(row.kode_lke.text)
        if komponen is not None:
            return RowMatch(komponen, match_indicator(komponen, row.indikator.text), by_code=True)
        kode_unknown = True
    komponen = match_komponen(catalogue.key, row.area_no, row.komponen.text)
    indicator = match_indicator(komponen, row.indikator.text) if komponen else None
    return RowMatch(komponen, indicator, kode_unknown=kode_unknown)


def match_indicator(komponen: Komponen, text: str) -> Indicator | None:
    """The indicator of `komponen` a written indicator statement means, None when none is close enough."""
    best = _best(
        comparable(text), {i.code: comparable(i.text) for i in komponen.indicators}, INDICATOR_THRESHOLD
    )
    return next(i for i in komponen.indicators if i.code == best) if best else None


@cache
def match_komponen(regulation: str, area_no: int | None, text: str) -> Komponen | None:
    """The catalogue komponen a written komponen name means, searched within its area when known."""
    catalogue = load_catalogue(regulation)
    pool = catalogue.komponen
    if area_no is not None and any(a.no == area_no for a in catalogue.areas):
        pool = catalogue.area(area_no).komponen
    best = _best(comparable(text), {k.code: comparable(k.name) for k in pool}, KOMPONEN_THRESHOLD)
    return next(k for k in pool if k.code == best) if best else None
