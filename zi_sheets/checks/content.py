"""Checks that read what the plan says: evidence of another indicator's topic, a Langkah Aksi that is its
indicator's text with a verb put in front, a Target Prioritas that names only an audience, and one Bukti
Fisik answering several indicators.

The documents each komponen is usually evidenced by are data (`data/bukti-indikator.csv`, written from the
regulations' Penjelasan and the LKE's column I; its `sumber` column names the passage). The lists and
thresholds were set on the generated corpus (tests/corpus.py) and the Balai's real plan
(tests/data/corpus/patp-2021.xlsx), and held on the bundled example, not looked at while tuning.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from zi_sheets.checks.context import CheckContext
from zi_sheets.checks.langkah import is_action, langkah_steps
from zi_sheets.checks.registry import check
from zi_sheets.common.findings import Finding, register
from zi_sheets.common.model import PlanRow
from zi_sheets.common.text import normalize

# -- The finding types of this family (the README lists them in `lke.check.CATALOGUE_ORDER`). --
BUKTI_MISMATCH = register(
    "bukti-mismatch",
    "warning",
    "Bukti Fisik menjawab indikator lain",
    "Bukti Fisik {bukti!q} menyebut {lain}, bukan yang diminta indikator {kode} {indikator!q}: {diminta}.",
    "Bukti yang jelas milik topik lain (pengaduan untuk keterbukaan informasi, WBS untuk SOP) tidak menjawab "
    "indikatornya; yang diminta tiap komponen: data/bukti-indikator.csv, dari Penjelasan peraturan dan LKE.",
)
LANGKAH_COPIES_INDIKATOR = register(
    "langkah-copies-indikator",
    "warning",
    "Langkah Aksi hanya menyalin indikator",
    "Langkah Aksi {langkah!q} adalah teks indikatornya {indikator!q} dengan kata kerja di depannya; tulis "
    "kegiatan yang dilakukan untuk memenuhinya.",
    "Indikator yang disalin di belakang 'Melaksanakan' ('Melaksanakan telah terdapat sistem ...'), sering "
    "terpotong di tengah kata, tidak menyebut apa yang dikerjakan.",
)
TARGET_PRIORITAS_AUDIENCE = register(
    "target-prioritas-audience",
    "warning",
    "Target Prioritas hanya menyebut sasaran orang",
    "Target Prioritas {target!q} hanya menyebut siapa yang dituju, bukan target yang dapat diukur; tulis "
    "hasil yang hendak dicapai, mis. 'Seluruh layanan memiliki SOP'.",
    "Target Prioritas menyebut hasil yang terukur, bukan sasarannya ('seluruh pegawai', 'masyarakat').",
)
BUKTI_SHARED = register(
    "bukti-shared",
    "warning",
    "Satu Bukti Fisik untuk beberapa indikator",
    "Bukti Fisik {bukti!q} sama pada {jumlah} baris yang menjawab indikator berbeda ({baris}); tiap "
    "indikator perlu kegiatan dan bukti yang menjawabnya.",
    "Bukti yang sama untuk dua komponen, atau untuk beberapa indikator dengan target yang sama, biasanya "
    "tersalin dari baris lain; dilaporkan sekali dengan baris-barisnya.",
)

_FILE = "bukti-indikator.csv"


@dataclass(frozen=True)
class Topic:
    """One row of `data/bukti-indikator.csv`: the words that name a topic's documents, what its komponen
    ask for, whether naming it is a clear sign of another topic (`foreign`), and its komponen per
    regulation."""

    name: str
    words: tuple[str, ...]
    documents: str
    foreign: bool
    # -- per regulation key, its komponen codes; the first is the one whose documents it describes
    komponen: dict[str, tuple[str, ...]]

    def named_in(self, text: str) -> bool:
        """Whether normalized `text` names one of the topic's words or phrases as whole words."""
        padded = f" {text} "
        return any(f" {word} " in padded for word in self.words)


@cache
def topics() -> tuple[Topic, ...]:
    """The topics of `data/bukti-indikator.csv`, read once."""
    text = resources.files("zi_sheets.data").joinpath(_FILE).read_text(encoding="utf-8")
    return tuple(
        Topic(
            row["topik"],
            tuple(normalize(word) for word in row["kata"].split("|")),
            row["dokumen"],
            row["asing"] == "ya",
            {
                "52-2014": tuple(filter(None, row["komponen_52_2014"].split("|"))),
                "90-2021": tuple(filter(None, row["komponen_90_2021"].split("|"))),
            },
        )
        for row in csv.DictReader(io.StringIO(text))
    )


# -- Words of an indicator too common to tie a Bukti to it ("telah", "kegiatan", "pelaksanaan").
_STOP = frozenset(
    "apakah yang dan atau di ke dari dalam pada untuk dengan telah sudah terdapat dilakukan dilaksanakan "
    "unit kerja kegiatan pelaksanaan secara seluruh atas terhadap sesuai oleh bagi serta tersebut adanya "
    "hasil evaluasi monitoring monev berkala dokumen laporan kebijakan instansi organisasi pegawai".split()
)


def _content_words(text: str) -> set[str]:
    return {word for word in normalize(text).split() if len(word) > 3 and word not in _STOP}


@check(emits=(BUKTI_MISMATCH,))
def check_bukti_mismatch(context: CheckContext) -> Iterator[Finding]:
    """A Bukti Fisik that names the documents of a topic of another area, none of
    its own komponen's, and no word of its indicator: a clear mismatch only."""
    regulation = context.regulation
    for row in context.plan:
        match = context.matches[row.row]
        komponen = match.komponen
        if komponen is None:
            continue
        own = [t for t in topics() if komponen.code in t.komponen.get(regulation, ())]
        if not own:
            continue  # what the komponen asks for is not in the table: nothing to compare with
        asked = " ".join(filter(None, (row.indikator.text, match.indicator.text if match.indicator else "")))
        # -- the Bukti only: a Langkah Aksi lists several steps, and one of another topic is no mismatch
        bukti = row.bukti_fisik
        other = _foreign_topic(bukti.text, own, asked, regulation, context, komponen.area_no)
        if other is not None:
            yield BUKTI_MISMATCH.at(
                bukti.cell,
                bukti=bukti.text,
                lain=other.documents,
                kode=match.indicator.code if match.indicator else komponen.code,
                indikator=row.indikator.text or asked,
                diminta="; ".join(t.documents for t in _primary(own, komponen.code, regulation)),
            )


def _primary(own: list[Topic], code: str, regulation: str) -> list[Topic]:
    """The topics that describe komponen `code` first (its own documents), else all that cover it."""
    first = [t for t in own if t.komponen[regulation][0] == code]
    return first or own


def _foreign_topic(
    text: str, own: list[Topic], asked: str, regulation: str, context: CheckContext, area: int
) -> Topic | None:
    words = normalize(text)
    if not words or any(t.named_in(words) for t in own):
        return None
    if _content_words(text) & _content_words(asked):
        return None  # a word of the indicator itself: the row speaks of it
    catalogue = context.catalogue
    for topic in topics():
        codes = topic.komponen.get(regulation, ())
        if not topic.foreign or not codes or not topic.named_in(words):
            continue
        areas = {k.area_no for code in codes if (k := catalogue.komponen_by_code(code)) is not None}
        if area not in areas and not topic.named_in(normalize(asked)):
            return topic
    return None


# -- The words a copied indicator starts with after the verb put in front ("Melaksanakan telah terdapat").
_STATEMENT_WORDS = frozenset("telah sudah terdapat tersedia adanya dilakukan dilaksanakan".split())
_MARKER = re.compile(r"^\s*(?:[a-z]|\d{1,2})[.)]\s+", re.IGNORECASE)
# -- At least this many words of the indicator copied after the verb.
_COPIED_WORDS = 4


def copies_indikator(step: str, indikator: str) -> bool:
    """Whether a Langkah Aksi step is its indicator's text with one verb in front: the words after the verb
    are the indicator's first words (the last one maybe cut mid-word), and either cut or starting with a
    statement word ("telah", "terdapat") that no action is written with."""
    words = normalize(step).split()
    target = normalize(_MARKER.sub("", indikator)).split()
    rest = words[1:]
    if len(rest) < _COPIED_WORDS or len(rest) > len(target) or not is_action(words[0]):
        return False
    if rest[:-1] != target[: len(rest) - 1]:
        return False
    last, there = rest[-1], target[len(rest) - 1]
    if last == there:
        return rest[0] in _STATEMENT_WORDS and target[0] in _STATEMENT_WORDS
    return there.startswith(last)  # cut mid-word


@check(emits=(LANGKAH_COPIES_INDIKATOR,))
def check_langkah_copies_indikator(context: CheckContext) -> Iterator[Finding]:
    """No Langkah Aksi step is its row's indicator with a verb put in front."""
    for row in context.plan:
        langkah, indikator = row.langkah_aksi, row.indikator
        if not langkah or not indikator:
            continue
        step = next((s for s in langkah_steps(langkah.text) if copies_indikator(s, indikator.text)), None)
        if step is not None:
            yield LANGKAH_COPIES_INDIKATOR.at(langkah.cell, langkah=step, indikator=indikator.text)


# -- Words that name who a target is for, not what it achieves.
_AUDIENCE = frozenset(
    "seluruh semua para segenap pegawai pegawainya masyarakat warga asn aparatur pns pppk staf karyawan "
    "pengguna penerima layanan stakeholder stakeholders pemangku kepentingan pimpinan pejabat jajaran "
    "anggota tim unit kerja internal eksternal umum publik mitra pelanggan dan serta".split()
)


@check(emits=(TARGET_PRIORITAS_AUDIENCE,))
def check_target_prioritas_audience(context: CheckContext) -> Iterator[Finding]:
    """A Target Prioritas names what is to be achieved, not only an audience ("seluruh pegawai")."""
    for entry in context.workbook.target_prioritas:
        words = normalize(entry.target.text).split()
        if words and all(word in _AUDIENCE for word in words):
            yield TARGET_PRIORITAS_AUDIENCE.at(entry.target.cell, target=entry.target.text)


# -- Words any Bukti may hold (a document's kind, a record of a meeting): a Bukti with fewer than
# -- `_SPECIFIC_WORDS` others names no particular document, and many rows may share it.
_GENERIC = frozenset(
    "dokumen dok laporan lap foto foto2 dokumentasi daftar hadir absensi notulen notulensi notulasi notula "
    "undangan sk surat tugas bukti pelaksanaan kegiatan rekap rekapitulasi tangkapan layar screenshot "
    "screenshoot print out materi berita acara ba data arsip file softcopy hardcopy dan atau serta yang "
    "dll dsb lainnya tentang terkait hasil tahun bulan rapat form formulir lembar copy salinan".split()
)
_SPECIFIC_WORDS = 2


def _specific(text: str) -> bool:
    return sum(1 for w in normalize(text).split() if w not in _GENERIC and not w.isdigit()) >= _SPECIFIC_WORDS


@check(emits=(BUKTI_SHARED,))
def check_bukti_shared(context: CheckContext) -> Iterator[Finding]:
    """One Bukti Fisik naming a particular document answers one indicator: the same text on rows of two
    komponen, or of several indicators with the same Target Waktu, is one finding listing the rows."""
    groups: dict[str, list[PlanRow]] = {}
    for row in context.plan:
        if row.bukti_fisik and _specific(row.bukti_fisik.text):
            groups.setdefault(normalize(row.bukti_fisik.text), []).append(row)
    for rows in groups.values():
        answered = {_answers(context, row) for row in rows}
        if len(answered) < 2:
            continue  # the next step of one indicator, or a row repeated (duplicate-row's)
        komponen = {key[0] for key in answered}
        targets = {normalize(row.target_waktu.text) for row in rows}
        if len(komponen) < 2 and len(targets) > 1:
            continue  # steps of one komponen at different times: one document built up over the year
        if len(komponen) > 1 and _same_documents(context, komponen):
            continue  # komponen that ask for the same documents (pengaduan in areas V and VI)
        first = rows[0].bukti_fisik
        listed = ", ".join(str(row.row) for row in rows)
        yield BUKTI_SHARED.at(first.cell, bukti=first.text, jumlah=len(rows), baris=listed)


def _same_documents(context: CheckContext, komponen: set[str]) -> bool:
    """Whether one topic of `data/bukti-indikator.csv` covers every komponen of `komponen`."""
    return any(komponen <= set(t.komponen.get(context.regulation, ())) for t in topics())


def _answers(context: CheckContext, row: PlanRow) -> tuple[str, str]:
    """The komponen and indicator a row answers (its own indicator text when the catalogue has none)."""
    match = context.matches[row.row]
    komponen = match.komponen.code if match.komponen else normalize(row.komponen.text)
    indicator = match.indicator.code if match.indicator else normalize(row.indikator.text)
    return komponen, indicator
