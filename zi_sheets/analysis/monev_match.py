"""Which plan rows a Monev entry reports on: by its Ref Rencana Aksi (`PlanRefs`), else by its words.

A Ref names rows by Kode LKE (with or without its P./R. prefix), by No, by area and No ("I.4"), by the
catalogue code a row was matched to, by the row's place in the plan as units number their actions ("I.4.b",
"1.4.b": area I, komponen 4, second row) or by komponen ("I.1": area I's first komponen). Without a Ref that
names rows, an achievement's words are compared with the plan rows of its area.

A report names a row *alone* when one of its references (or its words) names that row and no other; only
then can its Status mark the row done. A Ref naming a komponen, or words that fit several rows, report on
each of them, but leave them in progress (`MonevLinks.broad`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from zi_sheets.analysis.komponen import action_numbers, group_by_area, komponen_numbers
from zi_sheets.common.bahasa import roman
from zi_sheets.common.catalogue import without_component_prefix
from zi_sheets.common.model import AREAS, MonevEntry, PlanRow, Workbook
from zi_sheets.common.text import REPORT_STOPWORDS, normalize, stems

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
# -- A text match is sure only when the words shared include one that is rare among the plan rows of the
# -- area (found in at most DISTINCTIVE_SHARE of them): "SPIP", "renstra", "inovasi". A row that shares only
# -- words most rows of the area hold ("pegawai", "laporan", "dokumen") is a guess: it is reported as a
# -- finding (`monev-match-doubtful`), not counted. The words of the area's own name are left out of an
# -- achievement, since within the area they point at no row.
DISTINCTIVE_SHARE = 1 / 3


Codes = Mapping[int, Iterable[str]]


@dataclass(frozen=True)
class MonevLinks:
    """What the Monev entries report on, by plan row (Excel row).

    `reports` holds every plan row with the entries reporting on it; `broad` the entries (by their Excel row)
    that name a row only together with others (a komponen Ref, words fitting several rows), which count as
    reported but never as done; `doubtful` the entries, by their Excel row, whose words only resemble plan
    rows, with those rows (not counted).
    """

    reports: Mapping[int, tuple[MonevEntry, ...]]
    broad: Mapping[int, frozenset[int]]
    doubtful: Mapping[int, tuple[PlanRow, ...]]


def link_reports(workbook: Workbook, refs: PlanRefs) -> MonevLinks:
    """Every plan row with the Monev entries, of any month, that report on it: by the entry's Ref when that
    names rows (`refs`), else by comparing its Capaian with the rows of its area."""
    reports: dict[int, list[MonevEntry]] = {row.row: [] for row in workbook.rencana_aksi}
    broad: dict[int, set[int]] = {}
    doubtful: dict[int, tuple[PlanRow, ...]] = {}
    if workbook.monev:  # -- no Monev: nothing to index the plan's words for
        matcher = _Matcher(workbook, refs)
        for entry in workbook.monev:
            rows, alone, guesses = matcher.rows_for(entry)
            for row in rows:
                reports[row.row].append(entry)
                if row.row not in alone:
                    broad.setdefault(row.row, set()).add(entry.row)
            if guesses:
                doubtful[entry.row] = tuple(guesses)
    return MonevLinks(
        {row: tuple(entries) for row, entries in reports.items()},
        {row: frozenset(entries) for row, entries in broad.items()},
        doubtful,
    )


def match_reports(workbook: Workbook, refs: PlanRefs) -> dict[int, tuple[MonevEntry, ...]]:
    """Every plan row (by Excel row number) with the Monev entries that report on it (`link_reports`)."""
    return dict(link_reports(workbook, refs).reports)


def ref_key(text: str) -> str:
    """A reference as compared: no spaces, no final dot, lower case ("I. 1." -> "i.1")."""
    return re.sub(r"\s+", "", text).rstrip(".").lower()


def split_refs(text: str) -> list[str]:
    """The references of a Ref Rencana Aksi cell ("I.1; II.2, 1.a.1"), each as `ref_key` gives it."""
    return [key for key in (ref_key(part) for part in re.split(r"[,;\n]+", text)) if key]


class PlanRefs:
    """Every way a Monev Ref Rencana Aksi may name plan rows: what `link_reports` follows and what the
    checks call unknown.

    A reference names, first, the rows written for it: a Kode LKE (with or without its P./R. prefix), a No
    as written, area and No ("I.4": No 4 of area I), an extra code of the row (`codes`) or "#15" (the plan
    row on Excel row 15); else a row by its place in the plan ("I.4.b" or "1.4.b"); else a komponen as the
    Rencana Kerja numbers them ("I.1": area I's first komponen, all its rows). A bare number ("2") is read
    within the entry's area.
    """

    def __init__(self, rows: Sequence[PlanRow], codes: Codes | None = None) -> None:
        self.rows = list(rows)
        self.exact: dict[str, list[PlanRow]] = {}
        self.numbered: dict[str, list[PlanRow]] = {}
        self.komponen: dict[str, list[PlanRow]] = {}
        groups = group_by_area(self.rows)
        numbers = komponen_numbers(groups)
        self.numbers = action_numbers(groups)
        for row in self.rows:
            kode, no = ref_key(row.kode_lke.code), ref_key(row.no.code)
            keys = {kode, without_component_prefix(kode), no}
            keys.update(ref_key(code) for code in (codes or {}).get(row.row, ()))
            if row.row in numbers and row.area_no is not None:
                numeral = roman(row.area_no).lower()
                if no.isdigit():
                    keys.add(f"{numeral}.{no}")
                self.komponen.setdefault(f"{numeral}.{numbers[row.row]}", []).append(row)
                place = ref_key(self.numbers[row.row])
                for key in (place, f"{row.area_no}.{place.split('.', 1)[1]}"):
                    self.numbered.setdefault(key, []).append(row)
            for key in keys - {""}:
                self.exact.setdefault(key, []).append(row)
            self.exact.setdefault(f"#{row.row}", []).append(row)

    def named(self, key: str, area_no: int | None) -> list[PlanRow]:
        """The rows one reference (as `split_refs` gives it) of an entry of area `area_no` names; [] for
        none."""
        if re.fullmatch(r"\d{1,2}", key) and area_no in AREAS:
            key = f"{roman(area_no)}.{key}".lower()  # a bare number within the entry's area
        return self.exact.get(key) or self.numbered.get(key) or self.komponen.get(key, [])

    def unknown(self, entry: MonevEntry) -> list[str]:
        """The references of `entry` that name no plan row."""
        return [key for key in split_refs(entry.ref_rencana_aksi.code) if not self.named(key, entry.area_no)]

    def rows_for(self, entry: MonevEntry) -> list[PlanRow]:
        """The plan rows `entry`'s Ref names, in workbook order."""
        return self.rows_and_alone(entry)[0]

    def rows_and_alone(self, entry: MonevEntry) -> tuple[list[PlanRow], set[int]]:
        """The plan rows `entry`'s Ref names, in workbook order, and those (by Excel row) one of its
        references names alone."""
        found: set[int] = set()
        alone: set[int] = set()
        for key in split_refs(entry.ref_rencana_aksi.code):
            rows = self.named(key, entry.area_no)
            found.update(row.row for row in rows)
            if len(rows) == 1:
                alone.add(rows[0].row)
        return [row for row in self.rows if row.row in found], alone

    def own_ref(self, row: PlanRow) -> str:
        """The reference that names `row` alone, as the Realisasi sheet writes it: the row's No when that
        names it alone (the unit's own numbering), else its place in the plan ("I.2.b"), else "#<row>"."""
        for candidate in (row.no.code.strip(), self.numbers.get(row.row, "")):
            if candidate and [r.row for r in self.named(ref_key(candidate), None)] == [row.row]:
                return candidate
        return f"#{row.row}"


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
        self.area_words: dict[int | None, frozenset[str]] = {
            number: self._stems(name) for number, name in AREAS.items()
        }

    def rows_for(self, entry: MonevEntry) -> tuple[list[PlanRow], set[int], list[PlanRow]]:
        """The plan rows `entry` reports on (by its Ref when that names rows, else by its Capaian's words),
        those it names alone (by Excel row), and the rows its words only resemble (not reported on)."""
        rows, alone = self.refs.rows_and_alone(entry)
        if rows:
            return rows, alone, []
        sure, guesses = self._by_text(entry)
        return sure, ({sure[0].row} if len(sure) == 1 else set()), guesses

    def _by_text(self, entry: MonevEntry) -> tuple[list[PlanRow], list[PlanRow]]:
        words = self._stems(entry.capaian.text) - self.area_words.get(entry.area_no, frozenset())
        if not words:
            return [], []
        weight = {word: self.idf.get(word, self.unseen_idf) for word in words}
        total = sum(weight.values())
        area_rows = [row for row in self.rows if entry.area_no is None or row.area_no == entry.area_no]
        scored: list[tuple[float, PlanRow, list[str]]] = []
        for row in area_rows:
            row_words = self.words[row.row]
            shared = [word for word in words if self._holds(row_words, word)]
            evidence = sum(weight[word] for word in shared)
            if len(shared) >= MIN_SHARED_WORDS and (
                evidence >= MIN_COVERAGE * total or evidence >= STRONG_EVIDENCE
            ):
                scored.append((evidence, row, shared))
        best = max((evidence for evidence, _, _ in scored), default=0.0)
        band = [(row, shared) for evidence, row, shared in scored if evidence >= BAND * best]
        rare = max(1, math.floor(len(area_rows) * DISTINCTIVE_SHARE))

        def distinctive(word: str) -> bool:
            return sum(1 for row in area_rows if self._holds(self.words[row.row], word)) <= rare

        sure = [row for row, shared in band if any(distinctive(word) for word in shared)]
        return (sure, []) if sure else ([], [row for row, _ in band])

    def _holds(self, row_words: frozenset[str], word: str) -> bool:
        return word in row_words or bool(self.similar(word) & row_words)

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
