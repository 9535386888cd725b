"""What a Langkah Aksi says: its steps, whether a step is an action, and whether it only repeats its
row's Bukti Fisik (read by the consistency and every-unit checks and by `CheckContext.repeats_bukti`)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from zi_sheets.common.model import CellValue
from zi_sheets.common.text import normalize

# -- Langkah Aksi and Bukti Fisik repeat each other from this token-set ratio (0-100) on.
REPEAT_THRESHOLD = 90

_ACTIVE = re.compile(r"^(?:mem|men|meng|meny|me[lrwy])[a-z]{3,}$|^ber[a-z]{3,}$")
_PASSIVE = re.compile(r"^di[a-z]{4,}$")
_NOT_VERBS = frozenset(
    "menteri mental mentor member memori memo berita berkas bersama beras bersih berkala berbasis "
    "berdasarkan berupa berikut dinas direktur direktorat disiplin digital dimensi diri dimana distrik "
    "divisi".split()
)
_ACTION_NOUNS = frozenset(
    "sosialisasi internalisasi rapat evaluasi monitoring monev koordinasi reviu review kaji kajian survei "
    "survey pelatihan publikasi usulan implementasi identifikasi analisis analisa diklat bimtek workshop "
    "lokakarya seminar apel kunjungan studi fgd audit asesmen assessment inventarisasi verifikasi validasi "
    "konsultasi revisi update upload unggah input launching optimalisasi digitalisasi pemetaan tindak "
    "tindaklanjut kegiatan lomba pemilihan penjaringan seleksi rekrutmen kampanye deklarasi pencanangan "
    "sidak inspeksi pemantauan pengawasan pendampingan integrasi kerja kerjasama".split()
)
_IMPERATIVES = frozenset("susun buat bentuk isi pasang kirim adakan ikuti catat rekap lapor".split())
# -- pe-an words that name a document or a thing, not an activity
_NOT_ACTION_NOUNS = frozenset(
    "pedoman peraturan perjanjian pernyataan persyaratan pengumuman penghargaan perangkat pelayanan pegawai "
    "pejabat pengaduan pendapatan".split()
)
_RESULT_WORDS = frozenset("telah sudah sudah terlah".split())
_SUBJECT_SPAN = 8


def _starts_action(word: str) -> bool:
    if word in _NOT_VERBS or word in _NOT_ACTION_NOUNS:
        return False
    if word in _ACTION_NOUNS or word in _IMPERATIVES:
        return True
    if _ACTIVE.match(word) or _PASSIVE.match(word):
        return True
    if re.match(r"^pe[a-z]{3,}an$", word) or re.match(r"^pe[a-z]{3,}(?:kan|an)$", word):
        return True  # penyusunan, pembentukan, pelaksanaan: actions as nouns
    # -- the imperative of -kan and -i verbs: "Tetapkan SK", "Laksanakan apel"
    return word.endswith("kan") and len(word) > 5 and not word.startswith(("pe", "ke"))


def _is_verb(word: str) -> bool:
    return (
        word in _IMPERATIVES
        or bool(_ACTIVE.match(word) or _PASSIVE.match(word))
        or (word.endswith("kan") and not word.startswith(("pe", "ke")))
    )


def _states_result(words: list[str]) -> bool:
    """Whether `telah`/`sudah` says what the words before it have become ("… telah dilaksanakan"), not
    what a thing named after `yang` already is ("Evaluasi SOP yang telah ditetapkan")."""
    return any(
        word in _RESULT_WORDS and (index == 0 or words[index - 1] != "yang")
        for index, word in enumerate(words)
    )


def is_action(step: str) -> bool:
    """True when one Langkah Aksi step (one line) says what is done; a step under a label ("Pelayanan
    berbasis TI: pembuatan aplikasi") is read by what follows the label as well, so that rows of the same
    form read the same whatever the label."""
    label, colon, rest = step.partition(":")
    if colon and rest.strip() and label.strip():
        return _is_action(label) or _is_action(rest)
    return _is_action(step)


def _is_action(step: str) -> bool:
    words = normalize(step).split()
    if not words:
        return True
    if words[0] in _RESULT_WORDS:
        return False
    if _starts_action(words[0]):
        # -- an activity named as a noun and then said to be done ("Penanganan pengaduan telah
        # -- ditindaklanjuti") states a result, as "SOP telah ditetapkan" does; a verb first stays an action
        return _is_verb(words[0]) or not _states_result(words[1:_SUBJECT_SPAN])
    for word in words[1:_SUBJECT_SPAN]:
        if word in _RESULT_WORDS:
            return False  # "SOP telah ditetapkan", "Seluruh pegawai sudah memiliki SOP"
        if word not in _NOT_VERBS and (_ACTIVE.match(word) or _PASSIVE.match(word)):
            return True  # "Tim SPIP melaksanakan ...", "Papan informasi dipasang ..."
    return False


_STEP_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-\u2022*\u2013\u00b7])\s*")


def langkah_steps(text: str) -> list[str]:
    """The steps of a Langkah Aksi cell: its lines without their list markers; a line continuing the one
    before (lower-case start) or an item listed under a line ending in ':' is no step of its own."""
    steps: list[str] = []
    listing = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        item = _STEP_MARKER.sub("", line)
        listing = listing and item != line  # items go on while lines carry a list marker
        continues = item[:1].islower() and bool(steps)
        if not continues and not listing and item:
            steps.append(item)
        listing = listing or line.endswith(":")
    return steps


def repeats_bukti(langkah: CellValue, bukti: CellValue) -> bool:
    """True when a Langkah Aksi is its Bukti Fisik again: the same text, or nearly so with no step an
    action."""
    if not langkah or not bukti:
        return False
    a, b = normalize(langkah.text), normalize(bukti.text)
    if a == b:
        return True
    steps = langkah_steps(langkah.text)
    return fuzz.token_set_ratio(a, b) >= REPEAT_THRESHOLD and not any(is_action(s) for s in steps)
