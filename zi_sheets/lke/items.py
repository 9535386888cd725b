"""The LKE of one regulation as the self-assessment scores it: every item with its answer type, options,
answer values and weight, the area and sub-area weights, the percentage formulas of the Reform items and
the WBK/WBBM thresholds.

Read from the catalogue CSVs and data/lke-ambang.csv (transcribed from the catalogue's thresholds.md); the
answer values and the formula are the convention of thresholds.md §1.3.
"""

from __future__ import annotations

import csv
import re
import textwrap
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from zi_sheets.common.bahasa import roman
from zi_sheets.common.catalogue import REGULATIONS, catalogue_rows, without_component_prefix
from zi_sheets.common.model import AREAS

# -- How an item is answered --
YA_TIDAK = "ya-tidak"
PILIHAN = "pilihan"  # one letter of A/B/C, A/B/C/D or A/B/C/D/E
PERSEN = "persen"
JUMLAH = "jumlah"  # a count feeding a percentage item, never scored itself
SURVEI = "survei"  # an external survey score 0-4

SURVEY_MAX = 4.0

# -- The LKE-Excel answer values (thresholds.md §1.3), for a catalogue row without score_values (52/2014). --
CONVENTION: dict[str, dict[str, float]] = {
    "Ya/Tidak": {"Ya": 1.0, "Tidak": 0.0},
    "A/B/C": {"A": 1.0, "B": 0.5, "C": 0.0},
    "A/B/C/D": {"A": 1.0, "B": 0.67, "C": 0.33, "D": 0.0},
    "A/B/C/D/E": {"A": 1.0, "B": 0.75, "C": 0.5, "D": 0.25, "E": 0.0},
}


@dataclass(frozen=True)
class Formula:
    """How a percentage item is computed from its Jumlah inputs: (sum of `plus` - sum of `minus`) divided
    by `denominator`; when the denominator is not given, the sum of its `parts` (its breakdown) stands in."""

    plus: tuple[str, ...]
    minus: tuple[str, ...]
    denominator: str
    parts: tuple[str, ...] = ()

    @property
    def inputs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.plus, *self.minus, self.denominator, *self.parts)))


# -- The Reform percentage formulas as the LKE "Penjelasan" words them (thresholds.md §1.3 table); R.1.i.b
# -- and R.5.ii.a are inferred there, and so here. --
FORMULAS: dict[str, Formula] = {
    "R.1.i.a": Formula(("R.1.i.a.2",), (), "R.1.i.a.1"),
    "R.1.i.b": Formula(("R.1.i.b.2",), (), "R.1.i.b.1"),
    "R.3.iii.a": Formula(("R.3.iii.a.1",), ("R.3.iii.a.2",), "R.3.iii.a.1"),
    "R.4.i.a": Formula(("R.4.i.a.2",), (), "R.4.i.a.1"),
    "R.5.ii.a": Formula(("R.5.ii.a.3",), (), "R.5.ii.a.1"),
    "R.5.iii.i.a": Formula(
        ("R.5.iii.i.a.5",), (), "R.5.iii.i.a.1", ("R.5.iii.i.a.2", "R.5.iii.i.a.3", "R.5.iii.i.a.4")
    ),
    "R.5.iii.ii.a": Formula(
        ("R.5.iii.ii.a.5",), (), "R.5.iii.ii.a.1", ("R.5.iii.ii.a.2", "R.5.iii.ii.a.3", "R.5.iii.ii.a.4")
    ),
    "R.6.i.b": Formula(("R.6.i.b.2",), (), "R.6.i.b.1"),
}


@dataclass(frozen=True)
class LkeItem:
    """One row of the LKE: a scored question, a Hasil item, or a Jumlah input of a percentage question.

    `area_no` is 1-6 for the enablers (pengungkit), None for Hasil, whose `hasil_group` is "H.I" or "H.II".
    `weight` is the item's share of the score: sub-area weight / scored items of the sub-area for an
    enabler, the printed weight for a Hasil item, 0 for a Jumlah input.
    """

    code: str
    text: str
    component: str
    area_no: int | None
    hasil_group: str
    area_name: str
    subarea: str
    group_code: str
    group_name: str
    group_weight: float
    answer_type: str
    kind: str
    options: tuple[str, ...]
    criteria: str
    values: tuple[tuple[str, float], ...]
    weight: float
    scored: bool
    parent_code: str

    @property
    def file_code(self) -> str:
        """The code as evidence files are named ("1.ii.a")."""
        return without_component_prefix(self.code)

    @property
    def letters(self) -> tuple[str, ...]:
        """The answers a Ya/Tidak or letter item accepts, best first ("Ya", "Tidak" / "A", "B", ...)."""
        return tuple(answer for answer, _ in self.values)

    def value_of(self, answer: str) -> float:
        """The value of answer `answer` (one of `letters`)."""
        return dict(self.values)[answer]

    @property
    def area_label(self) -> str:
        """ "I. Manajemen Perubahan", or "Hasil I. Birokrasi yang Bersih dan Akuntabel"."""
        if self.area_no is not None:
            return f"{roman(self.area_no)}. {AREAS.get(self.area_no, self.area_name)}"
        return f"Hasil {self.hasil_group.removeprefix('H.')}. {self.area_name}"

    @property
    def short_title(self) -> str:
        """A short title for folder names: the sub-area's name, or the item's text for a Hasil item."""
        title = self.group_name or self.text
        return textwrap.shorten(" ".join(title.split()), width=40, placeholder="")


@dataclass(frozen=True)
class Threshold:
    """One requirement of the WBK/WBBM predicates (data/lke-ambang.csv).

    `scope` is total, pengungkit, area (each area's score as a share of its weight), bagian (each area's
    Pemenuhan and Reform as a share of theirs: reading (b), a warning only), hasil (a Hasil group named by
    `target`) or butir (one Hasil item named by `target`). `wbk`/`wbbm` None: not required for it.
    """

    key: str
    syarat: str
    scope: str
    target: str
    wbk: float | None
    wbbm: float | None
    source: str

    def need(self, predikat: str) -> float | None:
        """The minimum for "WBK" or "WBBM", None when that predicate sets none."""
        return self.wbk if predikat == "WBK" else self.wbbm


@dataclass(frozen=True)
class Lke:
    """The LKE of one regulation: its items in LKE order, weights and thresholds."""

    key: str
    title: str
    items: tuple[LkeItem, ...]
    area_weights: dict[int, float]
    hasil_groups: dict[str, tuple[str, float]]  # "H.I" -> (name, weight)
    thresholds: tuple[Threshold, ...]

    @property
    def has_subareas(self) -> bool:
        """True when areas split into Pemenuhan and Reform (90/2021; 52/2014 does not)."""
        return any(item.subarea for item in self.items)

    @property
    def scored(self) -> tuple[LkeItem, ...]:
        """The items that carry a value (every item but the Jumlah inputs)."""
        return tuple(item for item in self.items if item.scored)

    def item(self, code: str) -> LkeItem | None:
        """The item with this code, with or without the P./R. prefix; None when there is none."""
        return self._by_code.get(code.strip().rstrip(".").lower())

    def subarea_weight(self, area_no: int, subarea: str) -> float:
        """The weight of the Pemenuhan or Reform half of an area (the sum of its sub-areas' weights)."""
        groups = {
            i.group_code: i.group_weight for i in self.scored if (i.area_no, i.subarea) == (area_no, subarea)
        }
        return sum(groups.values())

    def inputs_of(self, code: str) -> tuple[LkeItem, ...]:
        """The Jumlah inputs of a percentage item, in LKE order."""
        return tuple(item for item in self.items if item.parent_code == code)

    @cached_property
    def _by_code(self) -> dict[str, LkeItem]:
        index: dict[str, LkeItem] = {}
        for item in self.items:
            # -- as in catalogue.py: the bare "1.i.a" names the Pemenuhan item, as units file them
            index.setdefault(item.file_code.lower(), item)
            index[item.code.lower()] = item
        return index


def _kind(answer_type: str) -> str:
    if answer_type == "Ya/Tidak":
        return YA_TIDAK
    if answer_type.startswith("%"):
        return PERSEN
    if answer_type == "Jumlah":
        return JUMLAH
    if answer_type.startswith("Nilai"):
        return SURVEI
    if re.fullmatch(r"A(?:/[B-E])+", answer_type):
        return PILIHAN
    raise ValueError(f"unknown answer type {answer_type!r}")


def _values(row: dict[str, str]) -> tuple[tuple[str, float], ...]:
    """Answer -> value from the catalogue's score_values ("A=1;B=0.5;C=0"), else from the convention."""
    if row["answer_type"] not in CONVENTION:
        return ()  # -- percentages, counts and surveys are numbers ("nilai = skor/4"), not choices
    pairs = [part.split("=", 1) for part in row["score_values"].split(";") if "=" in part]
    if pairs:
        return tuple((answer.strip(), float(value)) for answer, value in pairs)
    return tuple(CONVENTION.get(row["answer_type"], {}).items())


def _options(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(part.strip() for part in row["options"].split("|") if part.strip())


@cache
def load_lke(key: str) -> Lke:
    """The LKE of regulation `key` ("90-2021" or "52-2014"); KeyError for another key."""
    rows = catalogue_rows(key)
    scored_in_group: dict[str, int] = {}
    for row in rows:
        if row["is_scored"] == "ya" and row["group_code"]:
            scored_in_group[row["group_code"]] = scored_in_group.get(row["group_code"], 0) + 1
    items = []
    group_weights: dict[int, dict[str, float]] = {}
    hasil_groups: dict[str, tuple[str, float]] = {}
    for row in rows:
        pengungkit = row["component"] == "pengungkit"
        group_weight = float(row["group_weight"] or 0)
        scored = row["is_scored"] == "ya"
        if not scored:
            weight = 0.0
        elif pengungkit:
            # -- unrounded, unlike the CSV's 4-decimal `weight` column (thresholds.md §1.3 step 2)
            weight = group_weight / scored_in_group[row["group_code"]]
        else:
            weight = float(row["weight"])
        area_no = int(row["area_no"]) if pengungkit else None
        if area_no is None:
            hasil_groups[row["area_no"]] = (row["area"].strip(), float(row["area_weight"]))
        elif scored:
            # -- the sum of the area's sub-area weights: 90/2021's `area_weight` column holds one half
            # -- (Pemenuhan or Reform, e.g. 4 of area I's 8), 52/2014's the whole
            group_weights.setdefault(area_no, {})[row["group_code"]] = group_weight
        items.append(
            LkeItem(
                code=row["indicator_code"],
                text=" ".join(row["indicator"].split()),
                component=row["component"],
                area_no=area_no,
                hasil_group="" if pengungkit else row["area_no"],
                area_name=row["area"].strip(),
                subarea=row["subarea"],
                group_code=row["group_code"],
                group_name=row["group"].strip(),
                group_weight=group_weight,
                answer_type=row["answer_type"],
                kind=_kind(row["answer_type"]),
                options=_options(row),
                criteria=" ".join(row["criteria"].split()),
                values=_values(row),
                weight=weight,
                scored=scored,
                parent_code=row["parent_code"],
            )
        )
    return Lke(
        key=key,
        title=REGULATIONS[key],
        items=tuple(items),
        area_weights={area: sum(groups.values()) for area, groups in group_weights.items()},
        hasil_groups=hasil_groups,
        thresholds=_thresholds(key),
    )


def _thresholds(key: str) -> tuple[Threshold, ...]:
    text = resources.files("zi_sheets.data").joinpath("lke-ambang.csv").read_text(encoding="utf-8")
    return tuple(
        Threshold(
            key=row["kode"],
            syarat=row["syarat"],
            scope=row["lingkup"],
            target=row["sasaran"],
            wbk=float(row["wbk"]) if row["wbk"] else None,
            wbbm=float(row["wbbm"]) if row["wbbm"] else None,
            source=row["sumber"],
        )
        for row in csv.DictReader(text.splitlines())
        if row["regulation"] == key
    )
