"""The official indicator catalogue (LKE) of PermenPANRB 52/2014 and 90/2021, read from package data."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

# -- Keys as the CLI takes them (`--regulasi 90-2021`), with the title documents cite. --
REGULATIONS: dict[str, str] = {
    "90-2021": "PermenPANRB 90/2021",
    "52-2014": "PermenPANRB 52/2014",
}
_FILES = {"90-2021": "catalogue-90-2021.csv", "52-2014": "catalogue-52-2014.csv"}
# -- Plans up to 2021 were evaluated with the 52/2014 LKE, later ones with 90/2021 (catalogue README). --
FIRST_YEAR_OF_90_2021 = 2022


def without_component_prefix(code: str) -> str:
    """An LKE code without the P. (pengungkit) or R. (reform) prefix of 90/2021: "P.1.ii.a" -> "1.ii.a".

    The one P./R. rule: units file evidence and write Refs by the bare code, which names the P. item.
    """
    return re.sub(r"^[PRpr]\.", "", code.strip())


@dataclass(frozen=True)
class Indicator:
    """One scored LKE question; `code` as units name their evidence files (`1.2.a`, `P.1.ii.a`)."""

    code: str
    text: str
    area_no: int
    komponen_code: str
    weight: float
    answer_type: str

    @property
    def file_code(self) -> str:
        """The code without the P./R. prefix, as evidence files are named (`1.ii.a`)."""
        return without_component_prefix(self.code)


@dataclass(frozen=True)
class Komponen:
    """A sub-area (the KOMPONEN column of a Rencana Aksi); `subarea` is pemenuhan/reform, '' for 52/2014."""

    code: str
    name: str
    area_no: int
    weight: float
    subarea: str
    indicators: tuple[Indicator, ...]
    # -- the names units write for it besides the catalogue's (`data/komponen-nama.csv`): its short forms
    # -- ("SOP", "SKM") and its name in the other regulation ("E-Office" for SPBE)
    short_names: tuple[str, ...] = ()
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Area:
    """One of the six enabler areas with its weight and komponen."""

    no: int
    name: str
    weight: float
    komponen: tuple[Komponen, ...]


@dataclass(frozen=True)
class Catalogue:
    """The enabler part (areas 1-6) of one regulation's LKE; the Hasil items are not planned, so left out."""

    key: str
    title: str
    areas: tuple[Area, ...]

    @property
    def komponen(self) -> tuple[Komponen, ...]:
        return tuple(k for area in self.areas for k in area.komponen)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for k in self.komponen for i in k.indicators)

    def area(self, number: int) -> Area:
        """The area numbered `number` (1-6)."""
        return next(a for a in self.areas if a.no == number)

    def indicator(self, code: str) -> Indicator | None:
        """The indicator with this code, with or without the P./R. prefix; None when there is none."""
        return self._by_code.get(code.strip().rstrip(".").lower())

    def komponen_by_code(self, code: str) -> Komponen | None:
        """The komponen with this code ("1.2", "P.1.ii" or "1.ii"); None when there is none."""
        return self._komponen_index.get(code.strip().rstrip(".").lower())

    @cached_property
    def _komponen_index(self) -> dict[str, Komponen]:
        index: dict[str, Komponen] = {}
        for komponen in self.komponen:
            index.setdefault(without_component_prefix(komponen.code.lower()), komponen)
            index[komponen.code.lower()] = komponen
        return index

    @cached_property
    def _by_code(self) -> dict[str, Indicator]:
        index: dict[str, Indicator] = {}
        for indicator in self.indicators:
            # -- 90/2021 has P.1.i.a and R.1.i.a: the bare "1.i.a" names the first, as units file them
            index.setdefault(indicator.file_code.lower(), indicator)
            index[indicator.code.lower()] = indicator
        return index


def named_regulation(regulasi: str) -> str | None:
    """The catalogue key a Regulasi text names ("PermenPANRB 52/2014", "90-2021", "52"), None for none."""
    digits = re.sub(r"\D", "", regulasi)
    for key in REGULATIONS:
        if key.replace("-", "") in digits or digits == key.split("-")[0]:
            return key
    return None


def regulation_key(regulasi: str, tahun: int | None) -> str:
    """The catalogue key for the Regulasi field, else by plan year (up to 2021: 52/2014, else 90/2021)."""
    named = named_regulation(regulasi)
    if named is not None:
        return named
    if tahun is not None and tahun < FIRST_YEAR_OF_90_2021:
        return "52-2014"
    return "90-2021"


@cache
def catalogue_rows(key: str) -> tuple[dict[str, str], ...]:
    """Every row of regulation `key`'s catalogue CSV as read (all columns, Hasil and count inputs too);
    KeyError for another key."""
    text = resources.files("zi_sheets.data").joinpath(_FILES[key]).read_text(encoding="utf-8")
    return tuple(csv.DictReader(text.splitlines()))


@cache
def load_catalogue(key: str) -> Catalogue:
    """The catalogue of regulation `key` ("90-2021" or "52-2014"); KeyError for another key."""
    rows = [r for r in catalogue_rows(key) if r["component"] == "pengungkit"]
    areas: list[Area] = []
    for area_no in sorted({int(r["area_no"]) for r in rows}):
        area_rows = [r for r in rows if int(r["area_no"]) == area_no]
        komponen_codes = list(dict.fromkeys(r["group_code"] for r in area_rows))
        komponen = []
        for code in komponen_codes:
            group = [r for r in area_rows if r["group_code"] == code]
            indicators = tuple(
                Indicator(
                    code=r["indicator_code"],
                    text=r["indicator"].strip(),
                    area_no=area_no,
                    komponen_code=code,
                    weight=float(r["weight"] or 0),
                    answer_type=r["answer_type"],
                )
                for r in group
                if r["is_scored"] == "ya"
            )
            first = group[0]
            names = _known_names(key)
            komponen.append(
                Komponen(
                    code=code,
                    name=first["group"].strip(),
                    area_no=area_no,
                    weight=float(first["group_weight"] or 0),
                    subarea=first["subarea"],
                    indicators=indicators,
                    short_names=names.get((code, "singkat"), ()),
                    other_names=names.get((code, "regulasi-lain"), ()),
                )
            )
        areas.append(
            Area(
                no=area_no,
                name=area_rows[0]["area"].strip(),
                weight=float(area_rows[0]["area_weight"] or 0),
                komponen=tuple(komponen),
            )
        )
    return Catalogue(key=key, title=REGULATIONS[key], areas=tuple(areas))


# -- The names a komponen or an indicator is known by besides the catalogue's, one per row of
# -- `data/komponen-nama.csv`: `singkat` a short form units write ("SOP"), `regulasi-lain` its name in the
# -- other regulation ("E-Office"), `versi-lama` a name an earlier zi-sheets version wrote into workbooks
# -- (cut off, a marker, a misspelling since corrected), mended on read (`current_name`).
_NAMES_FILE = "komponen-nama.csv"


@cache
def _known_names(key: str) -> dict[tuple[str, str], tuple[str, ...]]:
    text = resources.files("zi_sheets.data").joinpath(_NAMES_FILE).read_text(encoding="utf-8")
    names: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in csv.DictReader(text.splitlines()):
        if row["regulation"] == key:
            slot = (row["code"], row["kind"])
            names[slot] = (*names.get(slot, ()), row["name"].strip())
    return names


@cache
def _mended() -> dict[str, str]:
    """Each name an earlier zi-sheets version wrote (whitespace collapsed) -> the catalogue's name now."""
    mended: dict[str, str] = {}
    for key in REGULATIONS:
        catalogue = load_catalogue(key)
        for (code, kind), old in _known_names(key).items():
            if kind != "versi-lama":
                continue
            komponen = catalogue.komponen_by_code(code)
            indicator = catalogue.indicator(code)
            now = komponen.name if komponen is not None else indicator.text if indicator is not None else ""
            for name in old:
                if now:
                    mended[" ".join(name.split())] = now
    return mended


def current_name(text: str) -> str | None:
    """The catalogue's name for a komponen or indicator name an earlier zi-sheets version wrote into a
    workbook ("Peta Proses Bisnis Mempengaruhi"), None for any other text."""
    return _mended().get(" ".join(text.split()))
