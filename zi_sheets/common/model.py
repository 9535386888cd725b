"""Typed model of a ZI workbook; every value keeps the cell it was read from.

Only `workbook.py` builds these objects from a file; checks and documents read them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from zi_sheets.common.bahasa import month_number
from zi_sheets.common.text import normalize

# -- The six areas of both regulations, in the order of the LKE and of every Rencana Aksi. --
AREAS: dict[int, str] = {
    1: "Manajemen Perubahan",
    2: "Penataan Tatalaksana",
    3: "Penataan Sistem Manajemen SDM",
    4: "Penguatan Akuntabilitas Kinerja",
    5: "Penguatan Pengawasan",
    6: "Peningkatan Kualitas Pelayanan Publik",
}

# -- Identitas fields as `init` writes them; placeholders in Narasi use these names in braces. --
IDENTITAS_FIELDS: tuple[str, ...] = (
    "Nama Unit Kerja",
    "Instansi Induk",
    "Pemerintah Daerah",
    "Kabupaten/Kota",
    "Alamat",
    "Tahun",
    "Judul Dokumen",
    "Tempat Penetapan",
    "Tanggal Penetapan",
    "Jabatan Pimpinan",
    "Nama Pimpinan",
    "NIP Pimpinan",
    "Pangkat Pimpinan",
    "Jabatan Ketua Tim",
    "Nama Ketua Tim",
    "NIP Ketua Tim",
    "Target Predikat",
    "Regulasi",
    "Logo",
    "Email Inspektorat",
    "Tim Penilai",
)

# -- Pemerintah Daerah and Kabupaten/Kota are optional: a ministry's Balai or Kantor Wilayah has neither. --
REQUIRED_IDENTITAS: tuple[str, ...] = (
    "Nama Unit Kerja",
    "Tahun",
    "Tempat Penetapan",
    "Tanggal Penetapan",
    "Jabatan Pimpinan",
    "Nama Pimpinan",
    "NIP Pimpinan",
)
# -- Required only when a document prints the Ketua Tim's signature (see checks.check_identitas_required). --
KETUA_TIM_IDENTITAS: tuple[str, ...] = ("Jabatan Ketua Tim", "Nama Ketua Tim", "NIP Ketua Tim")

# -- Placeholders that name a part of the document rather than an Identitas field: a Narasi row holding
# -- only "{Rencana Aksi}" places the Rencana Aksi table there. --
RENCANA_AKSI_PLACEHOLDER = "Rencana Aksi"
DOCUMENT_PLACEHOLDERS: tuple[str, ...] = (RENCANA_AKSI_PLACEHOLDER,)

NARASI_BAGIAN: tuple[str, ...] = (
    "Latar Belakang",
    "Dasar Hukum",
    "Maksud dan Tujuan",
    "Pengertian Umum",
    "Pencanangan",
    "Proses Pembangunan",
    "Penutup",
)

MONEV_STATUS: tuple[str, ...] = ("Selesai", "Dalam Proses", "Belum")

# -- The report-level parts of a Monev report (sheet LaporanMonev), in the order the report prints them:
# -- Kata Pengantar; BAB Pendahuluan (the next four); Pelaksanaan; Permasalahan dan Saran (the next three);
# -- Penutup; and the date the report is signed. --
LAPORAN_BAGIAN: tuple[str, ...] = (
    "Kata Pengantar",
    "Latar Belakang",
    "Tujuan",
    "Ruang Lingkup",
    "Dasar Hukum",
    "Pelaksanaan",
    "Permasalahan",
    "Saran",
    "Tindak Lanjut",
    "Penutup",
    "Tanggal Laporan",
)


@dataclass(frozen=True, order=True, slots=True)
class CellRef:
    """A cell as the user sees it in Excel: sheet, row number and column letter."""

    sheet: str
    row: int
    column: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.column}{self.row}"


@dataclass(frozen=True, slots=True)
class CellValue:
    """One value read from the workbook.

    `text` is the stripped display text ('' for an empty cell); `raw` is what the file holds (str, int,
    float, datetime or None); `cell` is None only for values made in code, never for values read. A value
    read from a range merged over several rows keeps the range's top-left `cell` on every row it covers:
    rows that share a `cell` share one merged cell (see `same_merge`).
    """

    text: str = ""
    cell: CellRef | None = None
    raw: object = None

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def code(self) -> str:
        """The value read as a code (Kode LKE, No, Ref Rencana Aksi): a number as the file holds it ("1.2",
        where `text` shows the Indonesian "1,2"), anything else as its text."""
        raw = self.raw
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return str(int(raw)) if float(raw).is_integer() else repr(raw)
        return self.text

    @property
    def lines(self) -> list[str]:
        """The non-empty lines of a multi-line cell (Alt+Enter in Excel)."""
        return [line.strip() for line in self.text.splitlines() if line.strip()]


EMPTY = CellValue()


def same_merge(above: CellValue, below: CellValue, below_row: int) -> bool:
    """True when `below` (read on Excel row `below_row`) continues the cell merged down from `above`."""
    return below.cell is not None and below.cell == above.cell and below.cell.row != below_row


_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_TANGGAL = re.compile(r"(\d{1,2})[\s./-]+([A-Za-z]+|\d{1,2})[\s./-]+(\d{4})")


def parse_tanggal(text: str) -> dt.date | None:
    """A date written as "2 Januari 2019", "02-01-2019" or "2/1/2019"; None when it is not one."""
    match = _TANGGAL.search(text)
    if not match:
        return None
    day, month_text, year = match.groups()
    month = int(month_text) if month_text.isdigit() else month_number(month_text, prefix=True)
    try:
        return dt.date(int(year), month, int(day)) if month else None
    except ValueError:
        return None


def impossible_day(text: str) -> bool:
    """Whether `text` writes a day of a month that has no such day ("30 Februari 2024", "31/04/2024"):
    a month read from it would hide a typing error."""
    match = _TANGGAL.search(text)
    if not match:
        return False
    month_text = match.group(2)
    month = int(month_text) if month_text.isdigit() else month_number(month_text, prefix=True)
    return bool(month) and parse_tanggal(match.group(0)) is None


# -- Abbreviations a unit's name may use for the words of its region ("Kec. Pasirian Kab. Lumajang"). --
_ABBREVIATIONS = {
    "kab": "kabupaten",
    "kec": "kecamatan",
    "kel": "kelurahan",
    "prov": "provinsi",
    "pemkab": "pemerintah kabupaten",
    "pemkot": "pemerintah kota",
    "pemprov": "pemerintah provinsi",
}


def _expanded(text: str) -> str:
    return " ".join(_ABBREVIATIONS.get(word, word) for word in normalize(text).split())


def names_within(part: str, name: str) -> bool:
    """True when `name` already holds `part` word for word ("Kabupaten Lumajang" in "Dinas Kesehatan Kab.
    Lumajang"); False for an empty `part`."""
    needle = _expanded(part)
    return bool(needle) and f" {needle} " in f" {_expanded(name)} "


def is_no_nip(text: str) -> bool:
    """True for an NIP cell that says the signatory has none: empty, or a dash as staff write it."""
    return text.strip() in ("", "-", "\u2013", "\u2014", "--")


def nip_digits(text: str) -> str:
    """An NIP as written without the separators staff put in it ("19750921 199602.1-002"): the one rule for
    what is part of the number, shared by the NIP check and the printed signature."""
    return re.sub(r"[\s.\-]", "", text)


# -- A line of the unit's chain that is a local government ("Pemerintah Kabupaten Lumajang", "Pemkot Malang").
_LOCAL_GOVERNMENT = re.compile(
    r"\b(?:pemerintah|pemkab|pemkot|pemprov|kabupaten|kota|provinsi)\b", re.IGNORECASE
)


@dataclass
class Identitas:
    """The Identitas sheet: canonical field name to value; a field absent from the sheet reads as EMPTY."""

    fields: dict[str, CellValue] = field(default_factory=dict)

    def get(self, name: str) -> CellValue:
        """The value of field `name`, EMPTY when the sheet has no such field."""
        return self.fields.get(name, EMPTY)

    def text(self, name: str) -> str:
        """The text of field `name`, '' when absent."""
        return self.get(name).text

    @property
    def nama_unit(self) -> str:
        return self.text("Nama Unit Kerja")

    @property
    def induk(self) -> list[str]:
        """The hierarchy above the unit, top first, as written: the Pemerintah Daerah, then the lines of
        Instansi Induk (Alt+Enter); a line the unit's name already holds is left out, [] when none is filled.
        """
        lines = [self.text("Pemerintah Daerah"), *self.get("Instansi Induk").lines]
        return [line for line in lines if line and not names_within(line, self.nama_unit)]

    @property
    def kabupaten_kota(self) -> str:
        """The Kabupaten/Kota line printed under the unit's name: as written, '' when empty, already part of
        the unit's name (no "KABUPATEN LUMAJANG" after "DINAS KESEHATAN KABUPATEN LUMAJANG"), or when the
        unit is a ministry's office (a chain above it and none of it a local government: a Balai of
        Kementerian Pertanian in Kota Bogor prints no "KOTA BOGOR"; the field still tells where it is)."""
        region = self.text("Kabupaten/Kota")
        chain = self.induk
        if chain and not any(_LOCAL_GOVERNMENT.search(line) for line in chain):
            return ""
        return "" if names_within(region, self.nama_unit) else region

    @property
    def tahun(self) -> int | None:
        """The plan year, None when the cell holds no four-digit year."""
        match = re.fullmatch(r"\s*(\d{4})(?:\.0)?\s*", self.text("Tahun"))
        return int(match.group(1)) if match else None

    @property
    def tanggal_penetapan(self) -> dt.date | None:
        """The approval date, None when absent or not a date (parsed by `workbook.py`)."""
        value = self.get("Tanggal Penetapan")
        if isinstance(value.raw, dt.datetime):
            return value.raw.date()
        if isinstance(value.raw, dt.date):
            return value.raw
        return parse_tanggal(value.text)

    def fill(self, text: str) -> str:
        """`text` with `{Field}` placeholders filled from Identitas; unknown ones stay as written.

        A known field left empty disappears together with the space before it.
        """

        def replace(match: re.Match[str]) -> str:
            key = match.group(1).strip()
            canonical = next((f for f in IDENTITAS_FIELDS if f.lower() == key.lower()), None)
            if canonical is None:
                return match.group(0)
            if canonical == "Tanggal Penetapan" and self.tanggal_penetapan:
                from zi_sheets.common.bahasa import format_tanggal

                return format_tanggal(self.tanggal_penetapan)
            return self.text(canonical) or "\x00"

        return re.sub(r"[ \t]*\x00", "", _PLACEHOLDER.sub(replace, text))

    def unknown_placeholders(self, text: str) -> list[str]:
        """The placeholder names in `text` that name no Identitas field nor a part of the document."""
        known = {f.lower() for f in (*IDENTITAS_FIELDS, *DOCUMENT_PLACEHOLDERS)}
        return [m.group(1) for m in _PLACEHOLDER.finditer(text) if m.group(1).strip().lower() not in known]


@dataclass(frozen=True)
class NarasiItem:
    """One paragraph, list item or (in a Narasi sheet with a Judul column) heading of the narrative.

    `bagian` is the section the row belongs to: one of NARASI_BAGIAN in the classic sheet, the heading text
    as written in a Judul sheet. A list item's `isi` is its text without the marker typed before it;
    `marker` is that marker as written ("1.", "a)", "-"), '' for a paragraph. `is_heading` rows hold a
    heading in `isi`.
    """

    bagian: str
    isi: CellValue
    is_list_item: bool = False
    marker: str = ""
    is_heading: bool = False


@dataclass(frozen=True)
class PlanRow:
    """One Rencana Aksi row (one indicator with its actions).

    `area_no` is 1..6, None when the area could not be recognised (`area` then holds what was written).
    `row` is the Excel row of the record.
    """

    row: int
    area_no: int | None
    area: CellValue
    komponen: CellValue
    indikator: CellValue
    langkah_aksi: CellValue
    bukti_fisik: CellValue
    target_waktu: CellValue
    kode_lke: CellValue = EMPTY
    penanggung_jawab: CellValue = EMPTY
    no: CellValue = EMPTY
    # -- An optional Realisasi/Capaian column some plans carry (checked by `realisasi-in-plan`).
    realisasi: CellValue = EMPTY
    # -- Columns the unit added that the reader does not know, by header as written, in sheet order. --
    extra: Mapping[str, CellValue] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class MonevEntry:
    """One achievement reported in the Monev sheet; `month` is (year, month) or None when unreadable."""

    row: int
    bulan: CellValue
    month: tuple[int, int] | None
    area_no: int | None
    area: CellValue
    capaian: CellValue
    status: CellValue = EMPTY
    ref_rencana_aksi: CellValue = EMPTY
    bukti_dukung: CellValue = EMPTY
    kendala: CellValue = EMPTY
    tindak_lanjut: CellValue = EMPTY


@dataclass(frozen=True, slots=True)
class RealisasiPeriod:
    """What one planned action achieved in one period, from one column group of the Realisasi sheet.

    `periode` is the group's label as written above its columns ("Triwulan I 2026"; EMPTY for a sheet
    without labels, whose one group is the current state).
    """

    periode: CellValue
    status: CellValue = EMPTY
    realisasi: CellValue = EMPTY
    tanggal_selesai: CellValue = EMPTY
    bukti: CellValue = EMPTY
    kendala: CellValue = EMPTY
    tindak_lanjut: CellValue = EMPTY
    target_revisi: CellValue = EMPTY


@dataclass(frozen=True, slots=True)
class RealisasiRow:
    """One row of the Realisasi sheet: the plan row its Ref names, and the periods staff filled in.

    `langkah_aksi` is the copy `init` wrote for reading (never used to link); `periods` holds only the
    groups with at least one cell filled.
    """

    row: int
    ref: CellValue
    langkah_aksi: CellValue = EMPTY
    periods: tuple[RealisasiPeriod, ...] = ()


@dataclass(frozen=True)
class LaporanItem:
    """One paragraph or list item of the report-level Monev text (sheet LaporanMonev).

    `bagian` is one of LAPORAN_BAGIAN when recognised (else as written); `periode` EMPTY means every report,
    else the one report period it was written for ("Semester I 2026").
    """

    bagian: str
    isi: CellValue
    periode: CellValue = EMPTY
    is_list_item: bool = False


@dataclass(frozen=True)
class MekanismeStep:
    """One step of Lampiran 1 (the team-forming mechanism)."""

    row: int
    langkah: CellValue


@dataclass(frozen=True)
class TargetPrioritas:
    """One priority target of Lampiran 2; `area` is optional."""

    row: int
    target: CellValue
    area: CellValue = EMPTY
    # -- Columns the unit added (e.g. "% Target"), by header as written, in sheet order. --
    extra: Mapping[str, CellValue] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class TimMember:
    """One member of the ZI team (Lampiran 3)."""

    row: int
    nama: CellValue
    nip: CellValue = EMPTY
    jabatan: CellValue = EMPTY
    kedudukan: CellValue = EMPTY


@dataclass(frozen=True)
class LkeAnswer:
    """One row of the LKE sheet: the item's Kode, the unit's Jawaban, its Bukti Dukung (paths or links, one
    per line) and Catatan, each as written."""

    row: int
    kode: CellValue
    jawaban: CellValue = EMPTY
    bukti_dukung: CellValue = EMPTY
    catatan: CellValue = EMPTY


@dataclass(frozen=True)
class LkeSheet:
    """The LKE sheet: its name as the workbook spells it and its rows; `problem` is why it could not be
    read as an LKE sheet ('' when it could; then `rows` is empty)."""

    name: str
    rows: tuple[LkeAnswer, ...] = ()
    problem: str = ""

    @property
    def started(self) -> bool:
        """True when the sheet could be read and a row holds an answer: the unit has started its
        self-assessment (a fresh template has not)."""
        return not self.problem and any(row.jawaban for row in self.rows)


@dataclass(frozen=True)
class Penerimaan:
    """One row of the optional Diterima sheet: a finding (Kode + Sel) or a name (Nama) staff accept.

    `kode` may be empty with `nama` (the name is accepted for every finding that names it); `alasan` says
    why, for the evaluator.
    """

    row: int
    kode: CellValue = EMPTY
    sel: CellValue = EMPTY
    nama: CellValue = EMPTY
    alasan: CellValue = EMPTY


@dataclass(frozen=True)
class ActiveFilter:
    """An autofilter with criteria: `cell` is the first cell of its range (the header), `hidden_rows` the
    Excel rows of records it hides (read all the same)."""

    cell: CellRef
    hidden_rows: tuple[int, ...]


@dataclass
class Workbook:
    """Everything read from one workbook, plus what the reader noticed that checks must report."""

    path: Path
    identitas: Identitas
    narasi: list[NarasiItem] = field(default_factory=list)
    # -- True when the Narasi sheet writes its own headings (a Judul column): the outline is the unit's. --
    narasi_headings: bool = False
    rencana_aksi: list[PlanRow] = field(default_factory=list)
    # -- The plan fields whose column the Rencana Aksi sheet has (empty: not known, e.g. built in code). --
    plan_columns: frozenset[str] = frozenset()
    monev: list[MonevEntry] = field(default_factory=list)
    mekanisme: list[MekanismeStep] = field(default_factory=list)
    target_prioritas: list[TargetPrioritas] = field(default_factory=list)
    tim_kerja: list[TimMember] = field(default_factory=list)
    # -- The optional Realisasi sheet (per planned action, per period) and its name ('' when absent). --
    realisasi: list[RealisasiRow] = field(default_factory=list)
    realisasi_sheet: str = ""
    # -- The optional LaporanMonev sheet: report-level chapters and the date of signing. --
    laporan_monev: list[LaporanItem] = field(default_factory=list)
    # -- The optional Pengaturan sheet (house style), by setting name; see house_style.py. --
    pengaturan: dict[str, CellValue] = field(default_factory=dict)
    # -- The optional LKE sheet (self-assessment answers); None when the workbook has none. --
    lke: LkeSheet | None = None
    # -- last year's answers (`init --dari` writes them): what `nilai` compares this year's score with
    lke_tahun_lalu: LkeSheet | None = None
    # -- The optional Diterima sheet: findings and names staff judged fine (see diterima.py). --
    diterima: list[Penerimaan] = field(default_factory=list)
    # -- Reading observations, reported by the checks rather than by the reader. --
    hidden_rows: list[CellRef] = field(default_factory=list)
    active_filters: list[ActiveFilter] = field(default_factory=list)
    uncached_formulas: list[CellRef] = field(default_factory=list)
    # -- Optional sheets found by name but not laid out as zi-sheets reads them (left out, reported). --
    unrecognised_sheets: list[str] = field(default_factory=list)
    sheets_present: tuple[str, ...] = ()
    # -- The sheet read for each known sheet, by the name `init` writes ("Monev" -> "Monev 2026"). --
    sheets_found: dict[str, str] = field(default_factory=dict)

    def narasi_for(self, bagian: str) -> list[NarasiItem]:
        """The Narasi items of one section, in workbook order."""
        return [item for item in self.narasi if item.bagian == bagian]
