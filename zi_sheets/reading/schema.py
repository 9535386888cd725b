"""The sheets of a ZI workbook, each defined once: its accepted names and its columns.

A column says which model field it fills, which headers the reader accepts for it, the header `init` writes
and findings name it by, its width in the template, whether the reader requires it and whether it is part
of a row's content. The reader (`reading.workbook`), `init` (`template.new_workbook`), the checks' column
labels, the Rencana Kerja table's headers and the tests' fixtures all derive from here.

-- Where the consumers disagreed before this module, each keeps what it did; the flags below make the
-- difference visible rather than remove it:
-- * RencanaAksi: the reader requires a Komponen column, but a row's content (what the checks require each
--   row to fill, and what tells an area header row of the grouped layout from a plan row) is Indikator,
--   Langkah Aksi, Bukti Fisik and Target Waktu only: Komponen is written once per group and carried down.
-- * RencanaAksi: the reader reads a Realisasi column that `init` does not write and the findings never
--   name; the documents print it after the standard columns as one of the unit's own (`extra`).
-- * Narasi: the reader requires Bagian, or Judul instead; `init` writes Judul and never Bagian.
-- * Identitas, Pengaturan and LKE: `init` writes columns for people (Keterangan; the LKE's Area, Sub-Area,
--   Pertanyaan and Pilihan Jawaban) that the reader does not read (their `headers` are empty).
-- * TimKerja: `init` writes "NIP" and "Kedudukan dalam Tim"; the reader's messages titled a column from its
--   first accepted header ("Nip", "Kedudukan Dalam Tim"), but they name only required columns, and neither
--   is one: for every required column the two spellings agree, so `label` serves both.
-- * Realisasi: its Target Waktu copy is found by two headers only ("target waktu", "target"), fewer than
--   RencanaAksi's Target Waktu accepts. --
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from zi_sheets.common.text import normalize


@dataclass(frozen=True)
class Column:
    """A column of a sheet.

    `field` is the model field it fills; `headers` the header texts the reader accepts (normalized; empty:
    the reader leaves the column to the unit's own columns); `label` the header `init` writes and the name
    findings and messages give the column; `width` its width in Excel character units in the template
    (None: `init` does not write it). A `required` column may be stood in for by the column named `instead`
    (None: by none). A `content` column is part of what makes a row a row of the sheet's data; an `extra`
    one is printed by the documents after the standard columns, as one of the unit's own.
    """

    field: str
    headers: tuple[str, ...]
    label: str
    width: int | None = None
    required: bool = False
    instead: str | None = None
    content: bool = False
    extra: bool = False


@dataclass(frozen=True)
class SheetSchema:
    """A sheet: its name as `init` writes it, the other names it is found by, and its columns in order."""

    name: str
    variants: tuple[str, ...]
    columns: tuple[Column, ...]

    @cached_property
    def read(self) -> tuple[Column, ...]:
        """The columns the reader looks for."""
        return tuple(column for column in self.columns if column.headers)

    @cached_property
    def init_columns(self) -> tuple[tuple[str, int], ...]:
        """(header, width) of each column `init` writes, left to right."""
        return tuple((c.label, c.width) for c in self.columns if c.width is not None)

    @property
    def init_headers(self) -> list[str]:
        """The headers `init` writes, left to right."""
        return [header for header, _ in self.init_columns]

    @cached_property
    def content(self) -> tuple[str, ...]:
        """The fields of the columns that make a row's content."""
        return tuple(column.field for column in self.columns if column.content)

    @cached_property
    def extra(self) -> tuple[str, ...]:
        """The fields the documents print as the unit's own columns."""
        return tuple(column.field for column in self.columns if column.extra)

    def column(self, field: str) -> Column:
        """The column of `field`; KeyError when the sheet has none."""
        for column in self.columns:
            if column.field == field:
                return column
        raise KeyError(field)


def sheet_key(name: str) -> str:
    """How sheet names are compared: "Rencana Aksi", "RENCANA_AKSI" and "RencanaAksi" alike."""
    return normalize(name).replace(" ", "")


def has_sheet(names: Iterable[str], sheet: SheetSchema) -> bool:
    """True when one of `names` is `sheet` (by its name or a variant, as the reader finds it)."""
    wanted = {sheet_key(variant) for variant in (sheet.name, *sheet.variants)}
    return any(sheet_key(name) in wanted for name in names)


def _note(label: str, width: int) -> Column:
    """A column `init` writes for people to read or fill that the reader does not read."""
    return Column("", (), label, width)


IDENTITAS = SheetSchema(
    "Identitas",
    ("identitas", "identitas unit", "data unit"),
    (
        Column("isian", ("isian", "uraian", "field", "data", "keterangan isian"), "Isian", 30, required=True),
        Column("nilai", ("nilai", "isi", "value", "jawaban"), "Nilai", 50, required=True),
        _note("Keterangan", 60),
    ),
)
NARASI = SheetSchema(
    "Narasi",
    ("narasi", "teks", "narasi dokumen"),
    (
        Column("bagian", ("bagian", "bab", "sub bab", "subbab"), "Bagian", required=True, instead="judul"),
        # -- a Judul column holds the unit's own headings, printed as written (the unit's outline) --
        Column("judul", ("judul", "judul bagian", "judul bab", "heading"), "Judul", 40),
        Column("isi", ("isi", "teks", "paragraf", "uraian"), "Isi", 110, required=True),
    ),
)
RENCANA_AKSI = SheetSchema(
    "RencanaAksi",
    ("rencanaaksi", "rencana aksi", "matriks rencana aksi", "rencana kerja"),
    (
        Column("no", ("no", "nomor", "no urut"), "No", 7),
        Column("area", ("area", "area perubahan", "area pengungkit"), "Area", 26),
        Column(
            "komponen",
            ("komponen", "sub area", "subarea", "program", "komponen sub area"),
            "Komponen",
            28,
            required=True,
        ),
        Column("kode_lke", ("kode lke", "kode", "kode indikator", "no lke"), "Kode LKE", 11),
        # -- Real plans come in other shapes: Komponen -> Output -> Target -> Waktu, with no Indikator or no
        # -- Langkah Aksi column. The reader needs a komponen and something planned for it (an action or
        # -- an output); `plan-column-absent` reports a column the plan lacks, once for the whole plan.
        Column("indikator", ("indikator", "indikator lke"), "Indikator", 45, content=True),
        Column(
            "langkah_aksi",
            ("langkah aksi", "langkah langkah aksi", "rencana aksi", "kegiatan", "rencana kegiatan"),
            "Langkah Aksi",
            45,
            required=True,
            instead="bukti_fisik",
            content=True,
        ),
        Column(
            "bukti_fisik",
            ("bukti fisik", "bukti dukung", "data dukung", "output", "keluaran", "bukti"),
            "Bukti Fisik",
            35,
            required=True,
            instead="langkah_aksi",
            content=True,
        ),
        # -- of a "Target" (how much: "1 dokumen") and a "Waktu" column, Waktu is the schedule: the reader
        # -- prefers the header written earlier in this list (`tables._find_header`)
        Column(
            "target_waktu",
            ("target waktu", "target dan waktu", "waktu pelaksanaan", "waktu", "jadwal", "target"),
            "Target Waktu",
            20,
            required=True,
            content=True,
        ),
        Column("penanggung_jawab", ("penanggung jawab", "pj", "pic", "pelaksana"), "Penanggung Jawab", 20),
        Column(
            "realisasi",
            ("realisasi", "capaian", "progres", "progress", "persentase realisasi"),
            "Realisasi",
            extra=True,
        ),
    ),
)
MONEV = SheetSchema(
    "Monev",
    ("monev", "monitoring", "monitoring dan evaluasi", "monitoring evaluasi"),
    (
        Column("bulan", ("bulan", "periode", "bulan laporan"), "Bulan", 14, required=True),
        Column("area", ("area", "area perubahan"), "Area", 30, required=True, content=True),
        Column(
            "capaian",
            ("capaian", "realisasi", "hasil", "capaian kegiatan"),
            "Capaian",
            50,
            required=True,
            content=True,
        ),
        Column("status", ("status", "keterangan status"), "Status", 14),
        Column(
            "ref",
            ("ref rencana aksi", "ref", "referensi", "no rencana aksi", "kode lke"),
            "Ref Rencana Aksi",
            14,
        ),
        Column("bukti_dukung", ("bukti dukung", "bukti fisik", "data dukung"), "Bukti Dukung", 30),
        Column("kendala", ("kendala", "hambatan"), "Kendala", 30),
        Column("tindak_lanjut", ("tindak lanjut", "rencana tindak lanjut"), "Tindak Lanjut", 30),
    ),
)
LAPORAN_MONEV = SheetSchema(
    "LaporanMonev",
    ("laporanmonev", "laporan monev", "bab laporan monev", "narasi monev"),
    (
        Column("periode", ("periode", "periode laporan", "untuk periode"), "Periode", 18),
        Column("bagian", ("bagian", "bab", "sub bab", "subbab"), "Bagian", 20, required=True),
        Column("isi", ("isi", "teks", "paragraf", "uraian"), "Isi", 110, required=True),
    ),
)
MEKANISME = SheetSchema(
    "MekanismeTim",
    ("mekanismetim", "mekanisme tim", "mekanisme", "mekanisme penetapan tim"),
    (
        Column("no", ("no", "nomor"), "No", 6),
        Column("langkah", ("langkah", "uraian", "tahapan"), "Langkah", 100, required=True, content=True),
    ),
)
TARGET_PRIORITAS = SheetSchema(
    "TargetPrioritas",
    ("targetprioritas", "target prioritas"),
    (
        Column("no", ("no", "nomor"), "No", 6),
        Column(
            "target",
            ("target prioritas", "target", "uraian"),
            "Target Prioritas",
            80,
            required=True,
            content=True,
        ),
        Column("area", ("area", "area perubahan"), "Area", 30),
    ),
)
TIM_KERJA = SheetSchema(
    "TimKerja",
    ("timkerja", "tim kerja", "susunan tim", "susunan tim kerja"),
    (
        Column("no", ("no", "nomor"), "No", 6),
        Column("nama", ("nama", "nama pegawai"), "Nama", 35, required=True, content=True),
        Column("nip", ("nip",), "NIP", 24),
        Column("jabatan", ("jabatan",), "Jabatan", 35),
        Column(
            "kedudukan",
            ("kedudukan dalam tim", "kedudukan", "jabatan dalam tim", "peran"),
            "Kedudukan dalam Tim",
            30,
        ),
    ),
)
LKE = SheetSchema(
    "LKE",
    ("lke", "lke zi", "lembar kerja evaluasi", "penilaian mandiri"),
    (
        Column(
            "kode",
            ("kode", "kode lke", "kode butir", "kode indikator"),
            "Kode",
            13,
            required=True,
            content=True,
        ),
        _note("Area", 24),
        _note("Sub-Area", 28),
        _note("Pertanyaan", 60),
        _note("Pilihan Jawaban", 55),
        Column(
            "jawaban",
            ("jawaban", "jawaban unit", "jawaban unit kerja"),
            "Jawaban",
            11,
            required=True,
            content=True,
        ),
        Column(
            "bukti_dukung",
            ("bukti dukung", "data dukung", "bukti", "tautan bukti dukung", "link bukti dukung"),
            "Bukti Dukung",
            40,
            content=True,
        ),
        Column("catatan", ("catatan", "keterangan"), "Catatan", 30),
    ),
)
# -- Last year's LKE answers, written by `init --dari` and read only for `nilai`'s comparison: the LKE's
# -- columns a score needs, and what each answer scored. --
LKE_TAHUN_LALU = SheetSchema(
    "LKE Tahun Lalu",
    ("lke tahun lalu", "lke lalu", "baseline lke"),
    (
        LKE.column("kode"),
        LKE.column("jawaban"),
        LKE.column("bukti_dukung"),
        LKE.column("catatan"),
        Column("nilai", ("nilai", "skor"), "Nilai", 10),
    ),
)
PENGATURAN = SheetSchema(
    "Pengaturan",
    ("pengaturan", "pengaturan dokumen", "gaya dokumen"),
    (
        Column("nama", ("pengaturan", "isian", "nama", "uraian"), "Pengaturan", 28, required=True),
        Column("nilai", ("nilai", "isi", "pilihan"), "Nilai", 26, required=True),
        _note("Keterangan", 80),
    ),
)
# -- Not written by `init`: a sheet staff add when they need it (see the Petunjuk). --
DITERIMA = SheetSchema(
    "Diterima",
    ("diterima", "temuan diterima", "pengecualian"),
    (
        Column("kode", ("kode", "kode temuan"), "Kode", content=True),
        Column("sel", ("sel", "cell", "lokasi"), "Sel", content=True),
        Column("nama", ("nama", "nama diterima", "nama instansi"), "Nama", content=True),
        Column("alasan", ("alasan", "keterangan"), "Alasan"),
    ),
)

# -- The Realisasi sheet: Ref and the copies of the plan for reading (`columns`), then one group of
# -- REALISASI_GROUP per period, each under its period label ("Triwulan I 2026") in the row above the headers.
# -- Its headers take two rows, so it is read by a reader of its own (`reading.realisasi_sheet`). --
REALISASI = SheetSchema(
    "Realisasi",
    ("realisasi", "realisasi rencana aksi", "monev rencana aksi", "matriks monev"),
    (
        Column("ref", ("ref", "ref rencana aksi", "no", "nomor", "no rencana aksi"), "Ref", 9, required=True),
        Column(
            "langkah_aksi",
            ("langkah aksi", "rencana aksi", "kegiatan", "uraian kegiatan"),
            "Langkah Aksi",
            45,
        ),
        Column("target_waktu", ("target waktu", "target"), "Target Waktu", 18),
    ),
)
REALISASI_GROUP: tuple[Column, ...] = (
    Column("status", ("status", "keterangan status", "status capaian"), "Status", 13),
    Column(
        "realisasi",
        ("realisasi", "capaian", "hasil", "realisasi kegiatan", "uraian realisasi"),
        "Realisasi",
        40,
    ),
    Column(
        "tanggal_selesai",
        ("tanggal selesai", "tgl selesai", "tanggal realisasi", "waktu realisasi", "waktu selesai"),
        "Tanggal Selesai",
        14,
    ),
    Column("bukti", ("bukti", "bukti dukung", "data dukung", "bukti fisik"), "Bukti", 28),
    Column("kendala", ("kendala", "hambatan", "permasalahan"), "Kendala", 28),
    Column("tindak_lanjut", ("tindak lanjut", "rencana tindak lanjut"), "Tindak Lanjut", 28),
    Column(
        "target_revisi",
        ("target revisi", "revisi target", "target waktu revisi", "target baru"),
        "Target Revisi",
        14,
    ),
)

# -- The sheets `init` writes with one header row, in the order it writes them. --
TEMPLATE_SHEETS = (
    IDENTITAS,
    NARASI,
    RENCANA_AKSI,
    MONEV,
    LAPORAN_MONEV,
    MEKANISME,
    TARGET_PRIORITAS,
    TIM_KERJA,
    LKE,
    PENGATURAN,
)

# -- The names findings give the plan's standard columns (all but the `extra` Realisasi), by field. --
PLAN_LABELS = {column.field: column.label for column in RENCANA_AKSI.columns if not column.extra}
