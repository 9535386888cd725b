"""Which plan rows a Monev entry reports on: by its Ref Rencana Aksi (`PlanRefs`), else by its words.

A Ref names rows by Kode LKE (with or without its P./R. prefix), by No, by area and No ("I.4"), by the
catalogue code a row was matched to, or by komponen ("I.1": area I's first komponen). Without a Ref that
names rows, an achievement's words are compared with the plan rows of its area.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process

from zi_sheets.bahasa import roman
from zi_sheets.catalogue import without_component_prefix
from zi_sheets.komponen import group_by_area, komponen_numbers
from zi_sheets.model import AREAS, MonevEntry, PlanRow, Workbook
from zi_sheets.text import REPORT_STOPWORDS, normalize, stems

# -- Text matching, calibrated on the example workbook (26 achievements of May 2019 against 72 plan rows):
# -- an achievement's words are weighted by how rare they are among the plan rows (IDF), so "susun" or
# -- "laporan" count little and "SPIP" or "whistleblowing" much. A row matches when it shares at least
# -- MIN_SHARED_WORDS words and either MIN_COVERAGE of the achievement's weight or STRONG_EVIDENCE weight
# -- (a long achievement), and scores at least BAND of the best row's weight (the runner-up that only
# -- shares "tim kerja" with "Telah Dibentuk Tim Kerja" does not). Words compare equal at WORD_SIMILARITY
# -- (rapidfuzz ratio, 0-100) to absorb typos such as "analysis" / "analisis".
MIN_SHARED_WORDS = 2
MIN_COVERAGE = 0.35
STRONG_EVIDENCE = 12.0
BAND = 0.75
WORD_SIMILARITY = 85


Codes = Mapping[int, Iterable[str]]


def match_reports(workbook: Workbook, refs: PlanRefs) -> dict[int, tuple[MonevEntry, ...]]:
    """Every plan row (by Excel row number) with the Monev entries, of any month, that report on it: by
    the entry's Ref when that names rows (`refs`), else by comparing its Capaian with the rows of its area."""
    reports: dict[int, list[MonevEntry]] = {row.row: [] for row in workbook.rencana_aksi}
    if not workbook.monev:
        return {row: () for row in reports}  # -- no Monev: nothing to index the plan's words for
    matcher = _Matcher(workbook, refs)
    for entry in workbook.monev:
        for row in matcher.rows_for(entry):
            reports[row.row].append(entry)
    return {row: tuple(entries) for row, entries in reports.items()}


def ref_key(text: str) -> str:
    """A reference as compared: no spaces, no final dot, lower case ("I. 1." -> "i.1")."""
    return re.sub(r"\s+", "", text).rstrip(".").lower()


def split_refs(text: str) -> list[str]:
    """The references of a Ref Rencana Aksi cell ("I.1; II.2, 1.a.1"), each as `ref_key` gives it."""
    return [key for key in (ref_key(part) for part in re.split(r"[,;\n]+", text)) if key]


class PlanRefs:
    """Every way a Monev Ref Rencana Aksi may name plan rows: what `match_reports` follows and what the
    checks call unknown.

    A reference names, first, the rows written for it: a Kode LKE (with or without its P./R. prefix), a No as
    written, area and No ("I.4": No 4 of area I) or an extra code of the row (`codes`); else a komponen as
    the Rencana Kerja numbers them ("I.1": area I's first komponen, all its rows). A bare number ("2") is
    read within the entry's area.
    """

    def __init__(self, rows: Sequence[PlanRow], codes: Codes | None = None) -> None:
        self.rows = list(rows)
        self.exact: dict[str, list[PlanRow]] = {}
        self.komponen: dict[str, list[PlanRow]] = {}
        numbers = komponen_numbers(group_by_area(self.rows))
        for row in self.rows:
            kode, no = ref_key(row.kode_lke.code), ref_key(row.no.code)
            keys = {kode, without_component_prefix(kode), no}
            keys.update(ref_key(code) for code in (codes or {}).get(row.row, ()))
            if row.row in numbers and row.area_no is not None:
                numeral = roman(row.area_no).lower()
                if no.isdigit():
                    keys.add(f"{numeral}.{no}")
                self.komponen.setdefault(f"{numeral}.{numbers[row.row]}", []).append(row)
            for key in keys - {""}:
                self.exact.setdefault(key, []).append(row)

    def named(self, key: str, area_no: int | None) -> list[PlanRow]:
        """The rows one reference (as `split_refs` gives it) of an entry of area `area_no` names; [] for
        none."""
        if re.fullmatch(r"\d{1,2}", key) and area_no in AREAS:
            key = f"{roman(area_no)}.{key}".lower()  # a bare number within the entry's area
        return self.exact.get(key) or self.komponen.get(key, [])

    def unknown(self, entry: MonevEntry) -> list[str]:
        """The references of `entry` that name no plan row."""
        return [key for key in split_refs(entry.ref_rencana_aksi.code) if not self.named(key, entry.area_no)]

    def rows_for(self, entry: MonevEntry) -> list[PlanRow]:
        """The plan rows `entry`'s Ref names, in workbook order."""
        found = {
            row.row
            for key in split_refs(entry.ref_rencana_aksi.code)
            for row in self.named(key, entry.area_no)
        }
        return [row for row in self.rows if row.row in found]


class _Matcher:
    """The references and the weighted words of one workbook's plan rows."""

    def __init__(self, workbook: Workbook, refs: PlanRefs) -> None:
        self.rows = list(workbook.rencana_aksi)
        identitas = workbook.identitas
        own_name = normalize(f"{identitas.nama_unit} {identitas.text('Kabupaten/Kota')}").split()
        self.stopwords = REPORT_STOPWORDS | set(own_name)
        self.refs = refs
        self.words = {row.row: self._stems(" ".join(_row_texts(row))) for row in self.rows}
        counts: dict[str, int] = {}
        for words in self.words.values():
            for word in words:
                counts[word] = counts.get(word, 0) + 1
        total = len(self.rows)
        self.idf = {word: math.log((total + 1) / (n + 1)) + 1 for word, n in counts.items()}
        self.unseen_idf = math.log(total + 1) + 1
        self.vocabulary = [word for word in counts if len(word) >= 5]
        self._similar: dict[str, frozenset[str]] = {}

    def rows_for(self, entry: MonevEntry) -> list[PlanRow]:
        """The plan rows `entry` reports on: by its Ref when that names rows, else by its Capaian's words."""
        return self.refs.rows_for(entry) or self._by_text(entry)

    def _by_text(self, entry: MonevEntry) -> list[PlanRow]:
        words = self._stems(entry.capaian.text)
        if not words:
            return []
        weight = {word: self.idf.get(word, self.unseen_idf) for word in words}
        total = sum(weight.values())
        scored: list[tuple[float, PlanRow]] = []
        for row in self.rows:
            if entry.area_no is not None and row.area_no != entry.area_no:
                continue
            row_words = self.words[row.row]
            shared = [word for word in words if word in row_words or self.similar(word) & row_words]
            evidence = sum(weight[word] for word in shared)
            if len(shared) >= MIN_SHARED_WORDS and (
                evidence >= MIN_COVERAGE * total or evidence >= STRONG_EVIDENCE
            ):
                scored.append((evidence, row))
        best = max((evidence for evidence, _ in scored), default=0.0)
        return [row for evidence, row in scored if evidence >= BAND * best]

    def similar(self, word: str) -> frozenset[str]:
        """The plan's words (of 5 letters or more) spelled like `word`, e.g. "analysis" for "analisis"."""
        if word not in self._similar:
            found = (
                process.extract(
                    word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY, limit=None
                )
                if len(word) >= 5
                else []
            )
            self._similar[word] = frozenset(match[0] for match in found)
        return self._similar[word]

    def _stems(self, text: str) -> frozenset[str]:
        return stems(text, self.stopwords)


def _row_texts(row: PlanRow) -> tuple[str, ...]:
    return (row.komponen.text, row.indikator.text, row.langkah_aksi.text, row.bukti_fisik.text)
