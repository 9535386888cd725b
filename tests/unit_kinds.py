"""Six kinds of unit as their Sekretariat writes the workbook, for the documents (issue 10).

Each starts from the plan tests/corpus.py writes for that kind of unit (its rows, partners and region, with no
defects planted) and is then given what its own documents print: the hierarchy above its name, its title,
one or two signers, its outline in a Narasi sheet with a Judul column (or the classic Bagian sheet), its own
columns and merged cells. `KINDS` holds, beside each workbook, what its documents must show; the tests in
tests/render/test_unit_kinds.py assert it and scripts/unit_kinds_report.py builds each to PDF.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from corpus import UNITS, save, write_plan
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

# -- An 11-line target, merged in the workbook over the Target Waktu cells of eight rows: printed once. --
MERGED_TARGET = "\n".join(
    f"{month} 2024: {step}"
    for month, step in (
        ("Januari", "penyusunan rencana"),
        ("Februari", "penetapan SK"),
        ("Maret", "sosialisasi"),
        ("April", "pelaksanaan tahap I"),
        ("Mei", "pelaksanaan tahap II"),
        ("Juni", "evaluasi semester I"),
        ("Juli", "tindak lanjut"),
        ("Agustus", "pelaksanaan tahap III"),
        ("September", "pelaksanaan tahap IV"),
        ("Oktober", "evaluasi akhir"),
        ("November", "pelaporan"),
    )
)
MERGED_ROWS = 8


@dataclass(frozen=True)
class Kind:
    """One unit kind: how its workbook departs from the corpus plan, and what its documents must show.

    `identitas` sets Identitas fields (None clears one); `narasi` replaces the Narasi sheet with a Judul
    sheet of (Judul, Isi) rows (None keeps the corpus's classic Bagian sheet); `pengaturan` adds a
    Pengaturan sheet; `edit` changes the saved workbook further (columns, merges). The rest is expected:
    `cover_foot` the lines under "TIM ZONA INTEGRITAS", `headings` every heading of the Rencana Kerja,
    `signature` the non-empty lines of each signature column, `lists` list items that must be printed as
    they are (style, text), `table_header` the Rencana Aksi header, `table_as_lampiran` whether the table
    follows the signature.
    """

    name: str
    corpus_kind: str
    identitas: dict[str, object]
    cover_foot: list[str]
    headings: list[tuple[str, str]]
    signature: tuple[list[str], list[str]]
    table_header: list[str]
    narasi: list[tuple[str, str]] | None = None
    pengaturan: dict[str, str] = field(default_factory=dict)
    edit: Callable[[Path], None] | None = None
    lists: list[tuple[str, str]] = field(default_factory=list)
    table_as_lampiran: bool = False


def build_workbook(kind: Kind, folder: Path) -> Path:
    """Write the workbook of `kind` into `folder` and return its path."""
    index, unit = next((i, u) for i, u in enumerate(UNITS) if u.kind == kind.corpus_kind)
    plan = write_plan(unit, random.Random(index))
    path = folder / f"{kind.name.lower().replace(' ', '-')}.xlsx"
    save(plan, path)
    book = load_workbook(path)
    _set_identitas(book["Identitas"], kind.identitas)
    if kind.narasi is not None:
        del book["Narasi"]
        narasi = book.create_sheet("Narasi")
        narasi.append(["Judul", "Isi"])
        for row in kind.narasi:
            narasi.append(list(row))
    if kind.pengaturan:
        sheet = book.create_sheet("Pengaturan")
        sheet.append(["Pengaturan", "Nilai"])
        for row in kind.pengaturan.items():
            sheet.append(list(row))
    book.save(path)
    if kind.edit is not None:
        kind.edit(path)
    return path


def _set_identitas(sheet: Worksheet, values: dict[str, object]) -> None:
    rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
    for label, value in values.items():
        row = rows.get(label)
        if row is None:
            row = sheet.max_row + 1
            sheet.cell(row, 1, label)
        sheet.cell(row, 2).value = value  # -- cell(row, col, None) would keep the old value


def _plan_sheet(path: Path, change: Callable[[Worksheet], None]) -> None:
    book = load_workbook(path)
    change(book["RencanaAksi"])
    book.save(path)


def _column(sheet: Worksheet, header: str) -> int:
    for row in sheet.iter_rows(max_row=5):
        for cell in row:
            if cell.value == header:
                return cell.column
    raise KeyError(header)


def _dinas_columns(path: Path) -> None:
    """% REALISASI (the corpus's Realisasi column, renamed as staff write it), an 11-line target merged
    over eight rows."""

    def change(sheet: Worksheet) -> None:
        realisasi = _column(sheet, "Realisasi")
        sheet.cell(1, realisasi, "% REALISASI")
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row, realisasi, f"{(row * 7) % 60}%")
        target = _column(sheet, "Target Waktu")
        sheet.cell(2, target, MERGED_TARGET)
        letter = sheet.cell(2, target).column_letter
        sheet.merge_cells(f"{letter}2:{letter}{1 + MERGED_ROWS}")

    _plan_sheet(path, change)


def _many_targets(path: Path) -> None:
    """42 priority targets: as many as put Lampiran II's signature block alone on a page of its own when
    nothing keeps it with the table (measured with LibreOffice on F4)."""
    book = load_workbook(path)
    targets = book["TargetPrioritas"]
    for index in range(targets.max_row, 43):
        targets.append([index, f"Target prioritas nomor {index} pembangunan zona integritas kecamatan"])
    book.save(path)


def _no_monev(path: Path) -> None:
    """A plan not yet reported on: no Monev sheet, so no document prints a Ketua Tim."""
    book = load_workbook(path)
    del book["Monev"]
    book.save(path)


def _rsud_columns(path: Path) -> None:
    """ANGGARAN and KETERANGAN after the standard columns; a % Target column in TargetPrioritas."""

    def change(sheet: Worksheet) -> None:
        first = sheet.max_column + 1
        sheet.cell(1, first, "ANGGARAN")
        sheet.cell(1, first + 1, "KETERANGAN")
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row, first, f"Rp {(row % 9 + 1) * 2_500_000:,}".replace(",", "."))
            if row % 4 == 0:
                sheet.cell(row, first + 1, "Dana BLUD")

    _plan_sheet(path, change)
    book = load_workbook(path)
    targets = book["TargetPrioritas"]
    targets.cell(1, 3, "% Target")
    for row, value in ((2, "100%"), (3, "75%")):
        targets.cell(row, 3, value)
    book.save(path)


_STANDARD_TITLE = "DOKUMEN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS"
_PIMPINAN = "Drs. AHMAD FAUZI, M.Si"
_KETUA = "SRI WAHYUNI, S.E."
_NIP_PIMPINAN = "NIP. 19700512 199503 1 004"
_NIP_KETUA = "NIP. 19820317 200604 2 011"
# -- The corpus's classic Narasi has no Pengertian Umum and no Proses Pembangunan: neither heading is printed.
_CLASSIC_HEADINGS = [
    ("Heading 1", "BAB I PENDAHULUAN"),
    ("Heading 2", "1.1 Latar Belakang"),
    ("Heading 2", "1.2 Dasar Hukum"),
    ("Heading 2", "1.3 Maksud dan Tujuan"),
    ("Heading 1", "BAB II PROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS"),
    ("Heading 2", "2.1 Pencanangan Pembangunan Zona Integritas"),
    ("Heading 1", "BAB III RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS"),
    ("Heading 1", "BAB IV PENUTUP"),
]
_STANDARD_COLUMNS = ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"]


KINDS: tuple[Kind, ...] = (
    # -- The classic workbook of a Kecamatan: Bagian | Isi, two signers, Pemda and Kabupaten on the cover,
    # -- a long list of priority targets.
    Kind(
        "Kecamatan",
        "Kecamatan",
        {},
        cover_foot=["PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN SUKODONO", "KABUPATEN LUMAJANG"],
        headings=_CLASSIC_HEADINGS,
        signature=(
            ["Mengetahui,", "CAMAT SUKODONO", _PIMPINAN, _NIP_PIMPINAN],
            ["Lumajang, 2 Januari 2024", "KETUA TIM PEMBANGUNAN ZI", _KETUA, _NIP_KETUA],
        ),
        table_header=[*_STANDARD_COLUMNS, "PENANGGUNG JAWAB"],
        edit=_many_targets,
    ),
    # -- A Dinas whose name holds its Kabupaten (printed once), a Plt. head, NIPs unspaced, its own BAB
    # -- outline with a section left empty, % REALISASI and a target merged over eight rows.
    Kind(
        "Dinas Kesehatan",
        "Dinas Kesehatan",
        {"Jabatan Pimpinan": "plt kepala dinas kesehatan kabupaten banyuwangi"},
        cover_foot=["PEMERINTAH KABUPATEN BANYUWANGI", "DINAS KESEHATAN KABUPATEN BANYUWANGI"],
        headings=[
            ("Heading 1", "BAB I PENDAHULUAN"),
            ("Heading 2", "1.1 Latar Belakang"),
            ("Heading 2", "1.2 Dasar Hukum"),
            ("Heading 1", "BAB II RENCANA AKSI"),
            ("Heading 1", "BAB III PENUTUP"),
        ],
        signature=(
            [
                "Mengetahui,",
                "Plt. KEPALA DINAS KESEHATAN KABUPATEN BANYUWANGI",
                _PIMPINAN,
                "NIP. 197005121995031004",
            ],
            ["Banyuwangi, 2 Januari 2024", "KETUA TIM PEMBANGUNAN ZI", _KETUA, "NIP. 198203172006042011"],
        ),
        table_header=[*_STANDARD_COLUMNS, "PENANGGUNG JAWAB", "% REALISASI"],
        narasi=[
            ("BAB I PENDAHULUAN", ""),
            ("1.1 Latar Belakang", "{Nama Unit Kerja} melayani perizinan kesehatan di {Kabupaten/Kota}."),
            ("1.2 Dasar Hukum", "1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;"),
            ("", "2. Peraturan Menteri PANRB Nomor 90 Tahun 2021."),
            ("1.3 Sistematika Penulisan", ""),
            ("BAB II RENCANA AKSI", "{Rencana Aksi}"),
            ("BAB III PENUTUP", "Rencana kerja ini dievaluasi setiap semester."),
        ],
        pengaturan={"Format NIP": "Tanpa Spasi"},
        edit=_dinas_columns,
        lists=[
            ("Numbered Item", "1.\tUndang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;"),
            ("Numbered Item", "2.\tPeraturan Menteri PANRB Nomor 90 Tahun 2021."),
        ],
    ),
    # -- A Puskesmas under its Dinas: three lines of hierarchy, the grouped layout of the seed, a Ketua Tim
    # -- without NIP ("-"), the classic Narasi.
    Kind(
        "Puskesmas",
        "Puskesmas",
        {"Instansi Induk": "Dinas Kesehatan", "NIP Ketua Tim": "-"},
        cover_foot=[
            "PEMERINTAH KABUPATEN LUMAJANG",
            "DINAS KESEHATAN",
            "UPTD PUSKESMAS KLAKAH",
            "KABUPATEN LUMAJANG",
        ],
        headings=_CLASSIC_HEADINGS,
        signature=(
            ["Mengetahui,", "KEPALA UPTD PUSKESMAS KLAKAH", _PIMPINAN, _NIP_PIMPINAN],
            ["Lumajang, 2 Januari 2024", "KETUA TIM PEMBANGUNAN ZI", _KETUA],
        ),
        table_header=[*_STANDARD_COLUMNS, "PENANGGUNG JAWAB"],
    ),
    # -- An RSUD with its own long title, WBK/WBBM, extra columns, a % Target column in TargetPrioritas and
    # -- an outline three levels deep.
    Kind(
        "RSUD",
        "RSUD",
        {
            "Judul Dokumen": "Dokumen Rencana Kerja Pembangunan Zona Integritas Menuju Wilayah Bebas dari "
            "Korupsi (WBK) dan Wilayah Birokrasi Bersih dan Melayani (WBBM)",
            "Target Predikat": "WBK/WBBM",
        },
        cover_foot=["PEMERINTAH KABUPATEN LUMAJANG", "RSUD DR. HARYOTO KABUPATEN LUMAJANG"],
        headings=[
            ("Heading 1", "BAB I PENDAHULUAN"),
            ("Heading 2", "1.1 Latar Belakang"),
            ("Heading 2", "1.2 Ruang Lingkup"),
            ("Heading 3", "1.2.1 Pelayanan Rawat Inap"),
            ("Heading 1", "BAB II RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS"),
        ],
        signature=(
            ["Mengetahui,", "DIREKTUR RSUD DR. HARYOTO", _PIMPINAN, _NIP_PIMPINAN],
            ["Lumajang, 2 Januari 2020", "KETUA TIM PEMBANGUNAN ZI", _KETUA, _NIP_KETUA],
        ),
        table_header=[*_STANDARD_COLUMNS, "PENANGGUNG JAWAB", "REALISASI", "ANGGARAN", "KETERANGAN"],
        narasi=[
            ("BAB I PENDAHULUAN", ""),
            ("1.1 Latar Belakang", "{Nama Unit Kerja} menuju predikat {Target Predikat}."),
            ("1.2 Ruang Lingkup", ""),
            ("1.2.1 Pelayanan Rawat Inap", "Ruang lingkup rencana kerja meliputi:"),
            ("", "a. pelayanan rawat inap;"),
            ("", "b. pelayanan penunjang:"),
            ("", "1) laboratorium;"),
            ("", "2) radiologi."),
            ("1.2.2 Pelayanan Rawat Jalan", ""),
            ("BAB II RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS", "{Rencana Aksi}"),
        ],
        edit=_rsud_columns,
        lists=[
            ("Numbered Item", "a.\tpelayanan rawat inap;"),
            ("Numbered Item", "b.\tpelayanan penunjang:"),
            ("Numbered Item 2", "1)\tlaboratorium;"),
            ("Numbered Item 2", "2)\tradiologi."),
        ],
    ),
    # -- A ministry's Balai: Kementerian and Badan above its name, no Pemda nor Kabupaten, one signer
    # -- ("Ditetapkan di") at the end, sections A-E of its own with lists three levels deep and restarting,
    # -- the Rencana Aksi as a Lampiran after the signature, no Ketua Tim.
    Kind(
        "Balai",
        "Balai",
        {
            "Pemerintah Daerah": None,
            "Kabupaten/Kota": None,
            "Instansi Induk": "Kementerian Pertanian\nBadan Karantina Pertanian",
            "Jabatan Ketua Tim": None,
            "Nama Ketua Tim": None,
            "NIP Ketua Tim": None,
        },
        cover_foot=[
            "KEMENTERIAN PERTANIAN",
            "BADAN KARANTINA PERTANIAN",
            "BALAI KARANTINA PERTANIAN KELAS I SURABAYA",
        ],
        headings=[
            ("Heading 2", "A. Latar Belakang"),
            ("Heading 2", "B. Dasar Hukum"),
            ("Heading 2", "C. Maksud dan Tujuan"),
            ("Heading 2", "E. Penutup"),
        ],
        signature=(
            [],
            [
                "Ditetapkan di\t: Surabaya",
                "Pada tanggal\t: 2 Januari 2019",
                "KEPALA BALAI KARANTINA PERTANIAN KELAS I SURABAYA,",
                _PIMPINAN,
                _NIP_PIMPINAN,
            ],
        ),
        table_header=[*_STANDARD_COLUMNS, "PENANGGUNG JAWAB"],
        narasi=[
            ("A. Latar Belakang", "{Nama Unit Kerja} melayani sertifikasi karantina di Surabaya."),
            ("B. Dasar Hukum", "1. Undang-Undang Nomor 21 Tahun 2019 tentang Karantina:"),
            ("", "a. Pasal 1;\nb. Pasal 2:\n1) ayat (1);\n2) ayat (2);"),
            ("", "2. Peraturan Menteri PANRB Nomor 52 Tahun 2014."),
            ("C. Maksud dan Tujuan", "1. Acuan pembangunan Zona Integritas;"),
            ("", "2. Keseragaman langkah seluruh pegawai."),
            ("D. Ruang Lingkup", ""),
            ("E. Penutup", "Rencana kerja ini ditetapkan untuk dilaksanakan."),
        ],
        pengaturan={"Penandatangan": "Pimpinan"},
        edit=_no_monev,
        lists=[
            ("Numbered Item", "1.\tUndang-Undang Nomor 21 Tahun 2019 tentang Karantina:"),
            ("Numbered Item 2", "a.\tPasal 1;"),
            ("Numbered Item 2", "b.\tPasal 2:"),
            ("Numbered Item 3", "1)\tayat (1);"),
            ("Numbered Item 3", "2)\tayat (2);"),
            ("Numbered Item", "2.\tPeraturan Menteri PANRB Nomor 52 Tahun 2014."),
            ("Numbered Item", "1.\tAcuan pembangunan Zona Integritas;"),
        ],
        table_as_lampiran=True,
    ),
    # -- A Kantor Wilayah: the Kementerian above it, no Kabupaten, an "a.n." Ketua Tim line, chapters
    # -- numbered "I." with sections "A.", lists with "1)" and "-".
    Kind(
        "Kantor Wilayah",
        "Kantor Wilayah",
        {"Kabupaten/Kota": None, "Jabatan Ketua Tim": "a.n. Kepala Kantor Wilayah\nKepala Bagian Umum"},
        cover_foot=[
            "KEMENTERIAN HUKUM DAN HAM REPUBLIK INDONESIA",
            "KANTOR WILAYAH KEMENTERIAN HUKUM DAN HAM JAWA TIMUR",
        ],
        headings=[
            ("Heading 2", "I. PENDAHULUAN"),
            ("Heading 3", "A. Latar Belakang"),
            ("Heading 3", "B. Tujuan"),
            ("Heading 2", "II. RENCANA AKSI"),
            ("Heading 2", "III. PENUTUP"),
        ],
        signature=(
            [
                "Mengetahui,",
                "KEPALA KANTOR WILAYAH KEMENTERIAN HUKUM DAN HAM JAWA TIMUR",
                _PIMPINAN,
                _NIP_PIMPINAN,
            ],
            [
                "Surabaya, 2 Januari 2024",
                "a.n. KEPALA KANTOR WILAYAH",
                "KEPALA BAGIAN UMUM",
                _KETUA,
                _NIP_KETUA,
            ],
        ),
        table_header=[*_STANDARD_COLUMNS, "PENANGGUNG JAWAB"],
        narasi=[
            ("I. PENDAHULUAN", ""),
            ("A. Latar Belakang", "{Nama Unit Kerja} membangun Zona Integritas sejak 2022."),
            ("B. Tujuan", "Tujuan rencana kerja:"),
            ("", "1) pelayanan kekayaan intelektual yang cepat;"),
            ("", "- tanpa biaya tambahan;"),
            ("", "2) pengawasan yang kuat."),
            ("II. RENCANA AKSI", "{Rencana Aksi}"),
            ("III. PENUTUP", "Demikian rencana kerja ini disusun."),
        ],
        lists=[
            ("Numbered Item", "1)\tpelayanan kekayaan intelektual yang cepat;"),
            ("Numbered Item 2", "-\ttanpa biaya tambahan;"),
            ("Numbered Item", "2)\tpengawasan yang kuat."),
        ],
    ),
)
