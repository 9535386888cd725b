"""Which agencies a unit's texts may name: the nomenclature of Indonesian agencies (data/agencies.toml) and
the profile of the unit (its kinds, level and sector) read from Identitas.

A name in a cell is residue (`other-agency`) when it names a kind of agency the unit neither is nor works
with: a Kecamatan's plan naming "Dispenduk", a Puskesmas naming "Kepala Kantor Pertanahan". A Dinas
Kesehatan may name its Puskesmas, a Puskesmas its Kepala Dinas, a Balai its Kementerian and Badan, a
Kecamatan its desa and kelurahan; application names ("e-Puskesmas") and the chamber of commerce written out
are no agencies. A unit naming another unit of its own kind by name ("Kecamatan Tempeh" in the plan of
Kecamatan Pasirian) is residue too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from zi_sheets.checks.texts import named_as_partner
from zi_sheets.common.model import Identitas
from zi_sheets.common.namelist import WORD, NameList, words_pattern
from zi_sheets.common.text import normalize

# -- The unit's level decides its default partners; a unit with kinds of several levels takes the first of
# -- this order (a Balai of a ministry is vertikal, a UPTD Puskesmas daerah).
_LEVEL_ORDER = ("vertikal", "pt", "desa", "pemda", "daerah", "pusat")
# -- Words after an instance word that are no part of a unit's proper name ("Kecamatan Dalam Angka").
_INSTANCE_STOP = frozenset(
    "se dan di yang dalam angka setempat lain lainnya kabupaten kab kota provinsi prov wilayah tingkat "
    "terkait masing binaan sekitar".split()
)
# -- Words between an instance word and the proper name that grade the unit, not name it ("Lapas Kelas IIA
# -- Jember", "KPP Pratama Jember", "Kantor Imigrasi Kelas I Malang").
_INSTANCE_GRADE = frozenset("kelas i ii iii iv ia ib iia iib iiia iiib pratama madya besar khusus tk".split())


@dataclass(frozen=True)
class Kind:
    """One kind of agency of data/agencies.toml (see its header for the fields)."""

    id: str
    level: str
    unit: tuple[str, ...]
    names: tuple[str, ...]
    partners: tuple[str, ...]
    instance: tuple[str, ...]
    sector: str
    generic: bool


@dataclass(frozen=True)
class Nomenclature:
    """The kinds, every name (longest first), and the phrases that are never residue."""

    kinds: dict[str, Kind]
    defaults: dict[str, tuple[str, ...]]
    names: NameList
    name_kind: tuple[tuple[str, str], ...]  # index in `names` -> (name, kind id)
    name_words: tuple[frozenset[str], ...]  # index in `names` -> the name's normalised words
    name_written_out: tuple[str | None, ...]  # index in `names` -> the phrase that makes it no agency
    exceptions: re.Pattern[str] | None
    first_words: frozenset[str]  # the first word of every name, lower case: where a name may start


# -- What may stand between the words of a name: any spacing, ".", "-" or "/".
_SEPARATOR = r"[\s.\-/]"


def _short_capitals(name: str) -> bool:
    """Abbreviations of three letters or fewer in capitals ("BKP", "UPT") match only in capitals."""
    return len(name) <= 3 and name.isupper()


def _name_pattern(name: str) -> str:
    """A name as a regex: its words joined by any spacing, "." or "-"; short capitals match in capitals."""
    body = words_pattern(name, _SEPARATOR)
    return f"(?-i:{body})" if _short_capitals(name) else body


@cache
def nomenclature() -> Nomenclature:
    """data/agencies.toml, read once."""
    text = resources.files("zi_sheets.data").joinpath("agencies.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    kinds = {
        key: Kind(
            id=key,
            level=entry["level"],
            unit=tuple(normalize(word) for word in entry.get("unit", ())),
            names=tuple(entry.get("names", ())),
            partners=tuple(entry.get("partners", ())),
            instance=tuple(entry.get("instance", ())),
            sector=entry.get("sector", ""),
            generic=bool(entry.get("generic", False)),
        )
        for key, entry in data["kind"].items()
    }
    # -- longest first; names of one length name one kind in different spellings ("Satpol PP", "Satpol-PP")
    named = sorted(
        dict.fromkeys((name, kind.id) for kind in kinds.values() for name in kind.names),
        key=lambda n: -len(n[0]),
    )
    prefixes = data["exceptions"].get("app_prefixes", [])
    # -- "e-Puskesmas" is an application: no name right after an app prefix standing as a word
    not_app = "".join(f"(?<!\\b{re.escape(prefix)})" for prefix in prefixes)
    names = NameList(
        [name for name, _ in named],
        _SEPARATOR,
        exact_case=_short_capitals,
        before=rf"(?<![0-9a-z]){not_app}",
        after="(?![0-9a-z])",
        flags=re.IGNORECASE,
    )
    phrases = data["exceptions"].get("phrases", [])
    exceptions = (
        re.compile(
            r"(?<![0-9a-z])(?:" + "|".join(_name_pattern(p) for p in sorted(phrases, key=len)[::-1]) + r")",
            re.IGNORECASE,
        )
        if phrases
        else None
    )
    written_out = {normalize(k): v.lower() for k, v in data["exceptions"].get("written_out", {}).items()}
    defaults = {level: tuple(values) for level, values in data["defaults"].items()}
    return Nomenclature(
        kinds,
        defaults,
        names,
        tuple(named),
        tuple(frozenset(normalize(name).split()) for name, _ in named),
        tuple(written_out.get(normalize(name)) for name, _ in named),
        exceptions,
        names.first_words,
    )


def _has_phrase(text: str, phrase: str) -> bool:
    return f" {phrase} " in f" {text} "


@dataclass(frozen=True)
class UnitProfile:
    """What a unit is, from Identitas: its kinds, level and sectors, the kinds it may name, and the words of
    its own name and region (its proper names).

    `level` is None when the unit's name shows no kind: every level's partners are then allowed.
    """

    name: str
    kinds: frozenset[str]
    level: str | None
    sectors: frozenset[str]
    allowed: frozenset[str]
    own_words: frozenset[str]


def _kinds_in(text: str) -> set[str]:
    norm = normalize(text)
    return {k.id for k in nomenclature().kinds.values() if any(_has_phrase(norm, w) for w in k.unit if w)}


def _expand(items: tuple[str, ...], sectors: frozenset[str]) -> set[str]:
    kinds = nomenclature().kinds
    found: set[str] = set()
    for item in items:
        if not item.startswith("@"):
            found.add(item)
            continue
        level = item[1:]
        for kind in kinds.values():
            if kind.level != level:
                continue
            # -- a vertical unit of a known sector names its own ministry, not every ministry
            if level == "pusat" and sectors and kind.sector and kind.sector not in sectors:
                continue
            found.add(kind.id)
    return found


def unit_profile(identitas: Identitas) -> UnitProfile:
    """The profile of the unit Identitas describes (Nama Unit Kerja; Pemerintah Daerah / Instansi Induk)."""
    table = nomenclature()
    name = identitas.nama_unit
    kinds = _kinds_in(name)
    # -- the unit's hierarchy: its Pemerintah Daerah and the Instansi Induk lines (Kementerian, Badan) --
    parent = " ".join([identitas.text("Pemerintah Daerah"), *identitas.get("Instansi Induk").lines])
    parents = _kinds_in(parent)
    levels = {table.kinds[k].level for k in kinds}
    level = next((lv for lv in _LEVEL_ORDER if lv in levels), None)
    if level is None and parents:
        parent_levels = {table.kinds[k].level for k in parents}
        level = "vertikal" if "pusat" in parent_levels else "daerah" if "pemda" in parent_levels else None
    sectors = frozenset(table.kinds[k].sector for k in kinds | parents if table.kinds[k].sector)
    if level is None:
        allowed = {k for values in table.defaults.values() for k in _expand(values, sectors)}
    else:
        allowed = _expand(table.defaults.get(level, ()), sectors)
    for kind in kinds:
        allowed |= _expand(table.kinds[kind].partners, sectors)
    allowed |= kinds | parents
    # -- the unit's own words: its name, region and chain; not Tempat Penetapan or Alamat, which a copied
    # -- workbook may still hold from the unit it was copied from (they are checked, see residue.py)
    region = " ".join([identitas.text("Kabupaten/Kota"), parent])
    return UnitProfile(
        name=name,
        kinds=frozenset(kinds),
        level=level,
        sectors=sectors,
        allowed=frozenset(allowed),
        own_words=frozenset(normalize(f"{name} {region}").split()),
    )


@dataclass(frozen=True)
class Mention:
    """An agency named in a text: the name as written, where, and its kind."""

    name: str
    start: int
    end: int
    kind: str
    sibling: bool = False  # another unit of the unit's own kind, named by its proper name


@cache
def _instance_patterns(kinds: frozenset[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per kind of the unit that has instance words, the pattern of "<instance word> <Proper Name>"."""
    table = nomenclature().kinds
    patterns = []
    for kind_id in sorted(kinds):
        words = table[kind_id].instance
        if not words:
            continue
        # -- "PA", "PN", "MS": short capitals only in capitals (not "pa" for "Pak")
        any_case = "|".join(_name_pattern(w) for w in sorted(words, key=len, reverse=True))
        pattern = re.compile(rf"(?<![0-9A-Za-z])(?i:{any_case})\.?[ \t]+((?:[A-Z][A-Za-z'-]*[ \t]*){{1,4}})")
        patterns.append((kind_id, pattern))
    return tuple(patterns)


def _instance_mentions(text: str, profile: UnitProfile, taken: list[tuple[int, int]]) -> list[Mention]:
    """Other units of the unit's own kind named by their proper name ("Kecamatan Tempeh")."""
    names = nomenclature().names
    found = []
    for kind_id, pattern in _instance_patterns(profile.kinds):
        for match in pattern.finditer(text):
            longer = names.match(text, match.start())
            if (
                longer is not None
                and longer[0].end() > match.start(1)
                and nomenclature().name_kind[longer[1]][1] != kind_id
            ):
                continue  # "Puskesmas Pembantu Duren": a name of another kind, judged as such
            proper: list[str] = []
            for word in normalize(match.group(1)).split():
                if word in _INSTANCE_STOP:
                    break
                if word not in _INSTANCE_GRADE:
                    proper.append(word)
            if not proper or set(proper) & profile.own_words:
                continue
            if named_as_partner(text, match.start()):
                continue
            start, end = match.start(), match.start(1) + len(match.group(1).rstrip())
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append(Mention(text[start:end], start, end, kind_id, sibling=True))
    return found


def _may_name(text: str, table: Nomenclature) -> bool:
    """Whether a word of `text` starts a name: most cells name no agency and are done with in one pass."""
    # -- lower case keeps an ASCII text's words where they are; another text is lowered word by word
    words = WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in WORD.findall(text)]
    return not table.first_words.isdisjoint(words)


def _name_matches(text: str, table: Nomenclature) -> Iterator[tuple[re.Match[str], int]]:
    """Every name in `text`, left to right, longest first, with its index in `table.names`; names are
    tried only where a word that starts a name stands."""
    end = 0
    for word in WORD.finditer(text):
        if word.start() < end or word.group().lower() not in table.first_words:
            continue
        found = table.names.match(text, word.start())
        if found is not None:
            end = found[0].end()
            yield found


def other_agencies(text: str, profile: UnitProfile) -> list[Mention]:
    """The agencies `text` names that the unit may not, each name once, in the order written."""
    table = nomenclature()
    if not _may_name(text, table) and not any(p.search(text) for _, p in _instance_patterns(profile.kinds)):
        return []
    taken: list[tuple[int, int]] = []
    if table.exceptions is not None:
        taken = [m.span() for m in table.exceptions.finditer(text)]
    lowered = text.lower()
    found: dict[str, Mention] = {}
    for mention in _instance_mentions(text, profile, taken):
        found.setdefault(mention.name.lower(), mention)
    for match, index in _name_matches(text, table):
        start, end = match.span()
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        kind = table.name_kind[index][1]
        phrase = table.name_written_out[index]
        if phrase and phrase in lowered:
            continue  # "Kadin" in a cell that writes out "Kamar Dagang": the chamber of commerce
        if kind in profile.allowed or table.name_words[index] <= profile.own_words:
            continue
        if named_as_partner(text, start):
            continue  # "bekerja sama dengan Polres": a partner named as one
        found.setdefault(match.group().lower(), Mention(match.group(), start, end, kind))
    return sorted(found.values(), key=lambda m: m.start)
