"""Write a new, pre-filled workbook (`zi-sheets init`): every sheet, header, dropdown and standard text; and
bring an existing workbook's Realisasi sheet up to its plan (`zi-sheets init --sinkron-realisasi`)."""

from __future__ import annotations

import shutil
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from zi_sheets.analysis.komponen import row_letter
from zi_sheets.common.bahasa import BULAN, roman
from zi_sheets.common.catalogue import REGULATIONS, load_catalogue
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.files import write_atomic
from zi_sheets.common.model import AREAS, IDENTITAS_FIELDS, LAPORAN_BAGIAN, MONEV_STATUS
from zi_sheets.common.standard_texts import standard_laporan_monev, standard_outline
from zi_sheets.common.xlsx_book import new_xlsx
from zi_sheets.lke.items import FORMULAS, JUMLAH, PERSEN, PILIHAN, SURVEI, YA_TIDAK, LkeItem, load_lke
from zi_sheets.reading.house_style import SETTINGS

if TYPE_CHECKING:
    from zi_sheets.reading.workbook import RealisasiLayout

HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
# -- Enough rows of dropdowns for a year of Monev reports without the user copying validations. --
VALIDATION_ROWS = 2000


@dataclass(frozen=True)
class SheetLayout:
    """A sheet `init` writes: its headers with column widths (in Excel character units)."""

    name: str
    columns: tuple[tuple[str, int], ...]

    @property
    def headers(self) -> list[str]:
        return [header for header, _ in self.columns]


IDENTITAS = SheetLayout("Identitas", (("Isian", 30), ("Nilai", 50), ("Keterangan", 60)))
NARASI = SheetLayout("Narasi", (("Judul", 40), ("Isi", 110)))
RENCANA_AKSI = SheetLayout(
    "RencanaAksi",
    (
        ("No", 7),
        ("Area", 26),
        ("Komponen", 28),
        ("Kode LKE", 11),
        ("Indikator", 45),
        ("Langkah Aksi", 45),
        ("Bukti Fisik", 35),
        ("Target Waktu", 20),
        ("Penanggung Jawab", 20),
    ),
)
MONEV = SheetLayout(
    "Monev",
    (
        ("Bulan", 14),
        ("Area", 30),
        ("Capaian", 50),
        ("Status", 14),
        ("Ref Rencana Aksi", 14),
        ("Bukti Dukung", 30),
        ("Kendala", 30),
        ("Tindak Lanjut", 30),
    ),
)
LAPORAN_MONEV = SheetLayout("LaporanMonev", (("Periode", 18), ("Bagian", 20), ("Isi", 110)))
MEKANISME = SheetLayout("MekanismeTim", (("No", 6), ("Langkah", 100)))
TARGET_PRIORITAS = SheetLayout("TargetPrioritas", (("No", 6), ("Target Prioritas", 80), ("Area", 30)))
PENGATURAN = SheetLayout("Pengaturan", (("Pengaturan", 28), ("Nilai", 26), ("Keterangan", 80)))
TIM_KERJA = SheetLayout(
    "TimKerja",
    (("No", 6), ("Nama", 35), ("NIP", 24), ("Jabatan", 35), ("Kedudukan dalam Tim", 30)),
)
LKE = SheetLayout(
    "LKE",
    (
        ("Kode", 13),
        ("Area", 24),
        ("Sub-Area", 28),
        ("Pertanyaan", 60),
        ("Pilihan Jawaban", 55),
        ("Jawaban", 11),
        ("Bukti Dukung", 40),
        ("Catatan", 30),
    ),
)
LAYOUTS = (
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

# -- The Realisasi sheet: Ref and copies of the plan for reading (merged over the two header rows), then one
# -- group of columns per period under its label. Its headers take two rows, so it is no SheetLayout. --
REALISASI = "Realisasi"
REALISASI_COPIES: tuple[tuple[str, int], ...] = (("Ref", 9), ("Langkah Aksi", 45), ("Target Waktu", 18))
REALISASI_GROUP: tuple[tuple[str, int], ...] = (
    ("Status", 13),
    ("Realisasi", 40),
    ("Tanggal Selesai", 14),
    ("Bukti", 28),
    ("Kendala", 28),
    ("Tindak Lanjut", 28),
    ("Target Revisi", 14),
)
# -- The period groups `init` writes, by how often the unit reports (`--periode-realisasi`). --
REALISASI_PERIODS: dict[str, tuple[str, ...]] = {
    "bulan": BULAN,
    "triwulan": tuple(f"Triwulan {roman(n)}" for n in range(1, 5)),
    "semester": ("Semester I", "Semester II"),
}

AREA_CHOICES = [f"{roman(no)}. {name}" for no, name in AREAS.items()]

_IDENTITAS_HINTS = {
    "Nama Unit Kerja": "Nama lengkap unit, mis. Kecamatan Pasirian; dipakai di seluruh dokumen.",
    "Instansi Induk": "Opsional: satu atau dua baris di atas nama unit (Alt+Enter), mis. Kementerian "
    "Pertanian / Badan Penelitian dan Pengembangan Pertanian, atau Dinas Kesehatan untuk Puskesmas.",
    "Pemerintah Daerah": "Opsional, mis. Pemerintah Kabupaten Lumajang; kosongkan untuk instansi vertikal.",
    "Kabupaten/Kota": "Opsional, mis. Kabupaten Lumajang; tidak dicetak bila sudah ada di nama unit.",
    "Alamat": "Opsional, untuk kop surat.",
    "Tahun": "Tahun rencana kerja, empat angka, mis. 2026.",
    "Judul Dokumen": "Opsional; kosong: DOKUMEN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS.",
    "Tempat Penetapan": "Kota tempat dokumen ditetapkan, mis. Lumajang.",
    "Tanggal Penetapan": "Tanggal (sel tanggal) atau teks, mis. 2 Januari 2026.",
    "Jabatan Pimpinan": "Mis. Camat Pasirian / Kepala Dinas ...; boleh diawali a.n., Plt. atau Plh.",
    "Nama Pimpinan": "Nama lengkap dengan gelar.",
    "NIP Pimpinan": "18 angka, ditulis sebagai teks (boleh dengan spasi); '-' bila tidak ada.",
    "Pangkat Pimpinan": "Opsional, mis. Pembina Tk. I (IV/b).",
    "Jabatan Ketua Tim": "Mis. Ketua Tim Pembangunan ZI (perlu bila Ketua Tim ikut menandatangani).",
    "Nama Ketua Tim": "Nama lengkap dengan gelar.",
    "NIP Ketua Tim": "18 angka, ditulis sebagai teks; '-' bila tidak ada.",
    "Target Predikat": "WBK, WBBM atau WBK/WBBM.",
    "Regulasi": "Katalog indikator: PermenPANRB 90/2021 (sejak 2022) atau 52/2014 (rencana s.d. 2021).",
    "Logo": "Opsional: lokasi berkas gambar logo untuk kop.",
    "Email Inspektorat": "Opsional: alamat email tujuan pengiriman dokumen.",
}

_MEKANISME_STANDAR = (
    "Sekretaris {Nama Unit Kerja} menyusun rencana kegiatan dan mengidentifikasi jumlah serta kualifikasi "
    "anggota Tim Zona Integritas yang dibutuhkan.",
    "Sekretaris mengusulkan calon anggota tim dari pegawai yang ada sesuai kompetensi, pangkat dan "
    "golongan, mewakili seluruh unsur unit kerja.",
    "Pimpinan memeriksa usulan dan mendisposisikan pembuatan rancangan Keputusan Tim Zona Integritas.",
    "Sekretaris menyusun rancangan Keputusan dan mengajukannya kepada pimpinan untuk disetujui dan "
    "ditandatangani.",
    "Pimpinan menetapkan Keputusan Tim Zona Integritas {Nama Unit Kerja}.",
    "Keputusan disampaikan kepada seluruh anggota tim dan didokumentasikan.",
)

PETUNJUK = (
    "PETUNJUK PENGISIAN WORKBOOK ZONA INTEGRITAS (zi-sheets)",
    "",
    "Isi workbook ini di Excel atau LibreOffice Calc seperti biasa, lalu jalankan "
    "'zi-sheets check NAMA-BERKAS.xlsx' untuk memeriksa dan 'zi-sheets build NAMA-BERKAS.xlsx' untuk membuat "
    "dokumen Word. Jangan mengganti nama sheet dan judul kolom.",
    "",
    "Identitas: satu baris per isian. Isi kolom Nilai. Nama unit, tahun, pejabat dan NIP dipakai di semua "
    "dokumen, jadi cukup ditulis sekali di sini. Tulis NIP sebagai teks (18 angka).",
    "Narasi: isi dokumen, satu baris per paragraf atau butir, berurutan. Kolom Judul: judul bab atau "
    "subbab persis seperti dicetak (mis. 'BAB I PENDAHULUAN', '1.1 Latar Belakang', atau 'A. Dasar'); "
    "tingkatnya mengikuti penomorannya. Kolom Isi: paragraf, atau butir dengan nomornya ('1.', 'a.', "
    "'a)', '1)', '-'), dicetak seperti ditulis. Judul tanpa isi di bawahnya tidak dicetak. Baris "
    "'{Rencana Aksi}' menaruh tabel Rencana Aksi di tempat itu; tanpa baris itu tabel dicetak sebagai "
    "Lampiran setelah tanda tangan. Tulisan dalam kurung kurawal, mis. {Nama Unit Kerja} atau {Tahun}, "
    "diganti otomatis dari sheet Identitas.",
    "RencanaAksi: satu baris per indikator; sudah terisi semua area, komponen dan indikator dari katalog "
    "LKE. Isi Langkah Aksi, Bukti Fisik, Target Waktu (mis. 'Januari s/d Desember 2026', 'Juni, Desember "
    "2026', 'Triwulan II') dan Penanggung Jawab. Beberapa langkah dalam satu sel: tekan Alt+Enter. Baris "
    "boleh ditambah; Kode LKE boleh dikosongkan. No adalah nomor baris (mis. I.2.b: area I, komponen 2, "
    "baris b) yang dipakai Ref di sheet Monev dan Realisasi: jangan diubah setelah Realisasi diisi.",
    "Monev: satu baris per capaian yang dilaporkan dalam satu bulan. Bulan berupa tanggal atau teks "
    "('Mei 2026'); Status: Selesai / Dalam Proses / Belum (juga 'Sudah', 'Proses', 'On Progress'); Ref "
    "Rencana Aksi: No baris rencana aksi yang dilaporkan (mis. I.2.b) atau Kode LKE-nya. Ref sebuah komponen "
    "(mis. I.2) dihitung sebagai laporan untuk setiap langkah aksi komponen itu, tetapi tidak pernah "
    "menjadikannya selesai. Capaian tanpa Ref dicocokkan dengan kata-katanya; yang meragukan tidak dihitung "
    "dan disebut dalam pemeriksaan.",
    "Realisasi: satu baris per langkah aksi, sudah berisi Ref (No baris rencana aksi), Langkah Aksi dan "
    "Target Waktu (salinan untuk dibaca). Untuk setiap periode (judul di atas kelompok kolom, mis. "
    "'Triwulan I 2026') isi Status, Realisasi, Tanggal Selesai, Bukti, Kendala, Tindak Lanjut dan, bila "
    "jadwal bergeser, Target Revisi (menggantikan Target Waktu dalam menentukan keterlambatan). Isian "
    "suatu periode adalah keadaan langkah aksi pada periode itu; laporan memakai periode terakhir yang "
    "sudah dimulai. Kelompok kolom boleh disalin ke kanan untuk periode lain (ganti judulnya). Setelah "
    "menambah baris rencana aksi (beri No sendiri), jalankan 'zi-sheets init --sinkron-realisasi "
    "NAMA-BERKAS.xlsx': baris baru ditambahkan di bawah, isian yang ada tidak diubah, salinan Langkah "
    "Aksi dan Target Waktu diperbarui, dan berkas lama disimpan sebagai NAMA-BERKAS.xlsx.bak.",
    "LaporanMonev: teks laporan Monev satu baris per paragraf atau butir. Bagian: "
    + ", ".join(LAPORAN_BAGIAN)
    + ". Periode kosong: untuk setiap laporan; diisi (mis. 'Semester I 2026'): hanya untuk laporan periode "
    "itu, menggantikan teks umum Bagian yang sama. Bagian yang kosong tidak dicetak. Tanggal Laporan: "
    "'akhir periode' (bawaan), tanggal tertentu, atau kosong untuk laporan tanpa tanggal.",
    "MekanismeTim: langkah-langkah penetapan Tim Zona Integritas (Lampiran 1), satu langkah per baris.",
    "TargetPrioritas: target prioritas pembangunan ZI (Lampiran 2), satu per baris.",
    "TimKerja (opsional): susunan tim (Lampiran 3).",
    "LKE (opsional): penilaian mandiri, satu baris per butir LKE. Isi Jawaban (pilih dari daftar; "
    "persentase seperti 85%; nilai survei 0-4 seperti 3,62; untuk butir persentase boleh diisi baris Jumlah "
    "di bawahnya), Bukti Dukung (lokasi berkas relatif terhadap folder workbook, mis. 'Bukti Dukung/SK Tim "
    "ZI.pdf', atau tautan https://..., satu per baris dengan Alt+Enter) dan Catatan. 'zi-sheets nilai "
    "NAMA-BERKAS.xlsx' menghitung nilai per area, total, dan syarat Menuju WBK/WBBM.",
    "Pengaturan (opsional): gaya dokumen: ukuran kertas (F4, A4, Folio), jenis dan ukuran huruf, posisi "
    "nomor halaman, gaya nama penandatangan, dan kop surat (memakai Logo, Pemerintah Daerah, Nama Unit "
    "Kerja, Instansi Induk dan Alamat dari Identitas); penandatangan (Pimpinan dan Ketua Tim, atau "
    "Pimpinan saja dengan 'Ditetapkan di'), format NIP; bentuk Monev: Matriks Capaian (capaian per area "
    "dari sheet Monev), Matriks Rencana Aksi (setiap langkah aksi dengan realisasinya), Keduanya, atau "
    "Otomatis; laporan "
    "berbab (untuk triwulan dan semester, setiap laporan, atau tidak) dan sampulnya. Laporan bulanan, "
    "triwulan atau semester dibuat dengan 'zi-sheets build' --bulan, --triwulan atau --semester.",
    "Diterima (opsional, buat sendiri bila perlu): kolom Kode | Sel | Nama | Alasan. Satu baris "
    "menerima satu temuan pemeriksaan (Kode dan Sel, mis. other-agency dan RencanaAksi!F14) atau satu "
    "nama (Nama, mis. Dinas Kesehatan) yang menurut tim memang benar. Temuan yang diterima tetap dihitung "
    "dan dicetak, tetapi tidak membuat pemeriksaan gagal.",
    "",
    "Nomor area (I-VI) dibuat otomatis; kolom No RencanaAksi dicetak seperti ditulis (kosong: nomor "
    "komponen dibuat otomatis). Kolom tambahan di RencanaAksi dan TargetPrioritas (mis. Anggaran, "
    "% Realisasi, Keterangan) ikut dicetak dengan judulnya. Sel yang digabung (merge) ke bawah dicetak "
    "sebagai satu sel.",
)


def write_template(
    path: str | Path,
    *,
    unit_kerja: str = "",
    tahun: int | None = None,
    regulasi: str = "90-2021",
    periode: str = "triwulan",
    force: bool = False,
) -> Path:
    """Write a new workbook at `path`; ZiSheetsError when it exists and `force` is false. `periode` is how
    often the unit reports its realisation ("bulan", "triwulan", "semester"): the groups of the Realisasi
    sheet."""
    path = Path(path)
    if path.exists() and not force:
        raise ZiSheetsError(f"Berkas {path} sudah ada; pakai --force untuk menimpanya.")
    book = build_template(unit_kerja=unit_kerja, tahun=tahun, regulasi=regulasi, periode=periode)
    return write_atomic(path, book.save)


def build_template(
    *, unit_kerja: str = "", tahun: int | None = None, regulasi: str = "90-2021", periode: str = "triwulan"
) -> XlsxWorkbook:
    """The template workbook in memory (for `init` and for tests that fill it in code)."""
    catalogue = load_catalogue(regulasi)
    book = new_xlsx(f"Workbook Zona Integritas {unit_kerja} {tahun or ''}".strip(), unit_kerja)
    petunjuk = book.active
    petunjuk.title = "Petunjuk"
    _write_petunjuk(petunjuk)
    _write_identitas(book, unit_kerja, tahun, REGULATIONS[regulasi])
    narasi = _new_sheet(book, NARASI)
    _write_rows(narasi, standard_outline(regulasi))
    for row in narasi.iter_rows(min_row=2, max_col=1):
        row[0].font = HEADER_FONT

    plan = _new_sheet(book, RENCANA_AKSI)
    rows = []
    for area in catalogue.areas:
        for index, komponen in enumerate(area.komponen, start=1):
            for letter, indicator in enumerate(komponen.indicators):
                # -- No numbers every row as units number their actions ("I.2.b"): each row's own Ref --
                number = f"{roman(area.no)}.{index}.{row_letter(letter)}"
                area_text = f"{roman(area.no)}. {AREAS[area.no]}"
                rows.append((number, area_text, komponen.name, indicator.code, indicator.text))
    _write_rows(plan, rows)
    _validate(plan, DataValidation(type="list", formula1=_choices(AREA_CHOICES), allow_blank=True), "B")

    monev = _new_sheet(book, MONEV)
    for row in range(2, VALIDATION_ROWS + 2):
        monev.cell(row, 1).number_format = "mmmm yyyy"
    _validate(monev, DataValidation(type="list", formula1=_choices(AREA_CHOICES), allow_blank=True), "B")
    _validate(monev, DataValidation(type="list", formula1=_choices(MONEV_STATUS), allow_blank=True), "D")

    labels = [f"{label} {tahun}" if tahun else label for label in REALISASI_PERIODS[periode]]
    write_realisasi(book.create_sheet(REALISASI), [(row[0], row[4], "") for row in rows], labels)
    _write_laporan_monev(_new_sheet(book, LAPORAN_MONEV), regulasi)

    _write_rows(_new_sheet(book, MEKANISME), [(i, text) for i, text in enumerate(_MEKANISME_STANDAR, 1)])
    targets = _new_sheet(book, TARGET_PRIORITAS)
    _validate(targets, DataValidation(type="list", formula1=_choices(AREA_CHOICES), allow_blank=True), "C")
    tim = _new_sheet(book, TIM_KERJA)
    for row in range(2, 202):
        tim.cell(row, 3).number_format = "@"
    write_lke_sheet(book, regulasi)
    _write_pengaturan(_new_sheet(book, PENGATURAN))
    return book


def _write_laporan_monev(sheet: Worksheet, regulasi: str) -> None:
    _write_rows(sheet, [(None, bagian, text) for bagian, text in standard_laporan_monev(regulasi)])
    _validate(sheet, DataValidation(type="list", formula1=_choices(LAPORAN_BAGIAN), allow_blank=True), "B")


def write_realisasi(sheet: Worksheet, rows: Sequence[tuple[str, str, str]], labels: Sequence[str]) -> None:
    """Lay out an empty Realisasi sheet: the two header rows (a group of columns per period `labels`), then
    one row per plan action, each (Ref, Langkah Aksi copy, Target Waktu copy)."""
    for col, (header, width) in enumerate(REALISASI_COPIES, start=1):
        _header_cell(sheet, 1, col, header, width)
        sheet.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    first = len(REALISASI_COPIES) + 1
    statuses = DataValidation(type="list", formula1=_choices(MONEV_STATUS), allow_blank=True)
    statuses.error, statuses.errorTitle = "Pilih salah satu isian dari daftar.", "Isian tidak dikenal"
    sheet.add_data_validation(statuses)
    for index, label in enumerate(labels):
        start = first + index * len(REALISASI_GROUP)
        _header_cell(sheet, 1, start, label, None)
        sheet.merge_cells(
            start_row=1, start_column=start, end_row=1, end_column=start + len(REALISASI_GROUP) - 1
        )
        for offset, (header, width) in enumerate(REALISASI_GROUP):
            _header_cell(sheet, 2, start + offset, header, width)
        letter = get_column_letter(start)
        statuses.add(f"{letter}3:{letter}{VALIDATION_ROWS + 2}")
    sheet.freeze_panes = f"{get_column_letter(first)}3"
    append_realisasi_rows(sheet, rows, 3, (1, 2, 3))


def append_realisasi_rows(
    sheet: Worksheet, rows: Sequence[tuple[str, str, str]], start: int, columns: Sequence[int | None]
) -> None:
    """Write `rows` (Ref, Langkah Aksi copy, Target Waktu copy) from sheet row `start` into `columns` (the
    Ref, copy and target columns; None: the sheet has no such column)."""
    for offset, values in enumerate(rows):
        for col, value in zip(columns, values, strict=True):
            if col is not None:
                sheet.cell(start + offset, col, value or None).alignment = WRAP


def _header_cell(sheet: Worksheet, row: int, col: int, text: str, width: int | None) -> None:
    cell = sheet.cell(row, col, text)
    cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    if width is not None:
        sheet.column_dimensions[get_column_letter(col)].width = width


# ---------------------------------------------------------------------------------------------------------
# The LKE sheet

# -- (validation type, operator, bounds, number format, prompt) per answer kind; a percentage cell holds a
# -- fraction shown as %, so 85 typed into it is 85% in Excel. --
_LKE_INPUT: dict[str, tuple[str, str | None, tuple[float, ...], str | None, str]] = {
    PERSEN: ("decimal", "between", (0, 1), "0%", "Isi persentase 0% sampai 100%, mis. 85%."),
    SURVEI: (
        "decimal",
        "between",
        (0, 4),
        "0.00",
        "Isi nilai hasil survei eksternal, 0 sampai 4 (mis. 3,62).",
    ),
    JUMLAH: ("whole", "greaterThanOrEqual", (0,), "0", "Isi jumlahnya (angka bulat 0 atau lebih)."),
}


def write_lke_sheet(book: XlsxWorkbook, regulasi: str) -> Worksheet:
    """Add the sheet LKE of regulation `regulasi` at the end of `book`: one row per LKE item, pre-filled,
    with a Jawaban cell that accepts only what the item's type allows."""
    sheet = _new_sheet(book, LKE)
    cells: dict[tuple[str, ...], list[str]] = {}
    for row, item in enumerate(load_lke(regulasi).items, start=2):
        values = (item.code, item.area_label, _lke_subarea(item), item.text, _lke_choices(item))
        for col, value in enumerate(values, start=1):
            sheet.cell(row, col, value).alignment = WRAP
        if item.kind == JUMLAH:
            sheet.cell(row, 4).alignment = Alignment(wrap_text=True, vertical="top", indent=2)
        answer = sheet.cell(row, 6)
        answer.fill = INPUT_FILL
        answer.alignment = Alignment(horizontal="center", vertical="top")
        for col in (7, 8):
            sheet.cell(row, col).alignment = WRAP
        if item.kind in _LKE_INPUT:
            answer.number_format = _LKE_INPUT[item.kind][3] or "General"
            cells.setdefault((item.kind,), []).append(f"F{row}")
        else:
            cells.setdefault(item.letters, []).append(f"F{row}")
    for key, refs in cells.items():
        if key[0] in _LKE_INPUT:
            kind, operator, bounds, _, prompt = _LKE_INPUT[key[0]]
            validation = DataValidation(type=kind, operator=operator, allow_blank=True)
            validation.formula1 = str(bounds[0])
            if len(bounds) > 1:
                validation.formula2 = str(bounds[1])
        else:
            validation = DataValidation(type="list", formula1=_choices(key), allow_blank=True)
            prompt = f"Pilih {' / '.join(key)}."
        validation.prompt, validation.showInputMessage = prompt, True
        validation.error, validation.errorTitle = prompt, "Jawaban tidak sesuai"
        sheet.add_data_validation(validation)
        for ref in refs:
            validation.add(ref)
    return sheet


def _lke_subarea(item: LkeItem) -> str:
    if not item.group_name:
        return ""
    return f"{item.subarea.title()}: {item.group_name}" if item.subarea else item.group_name


def _lke_choices(item: LkeItem) -> str:
    """The Pilihan Jawaban cell: the options as the LKE prints them, with the explanation where it helps."""
    criteria = [item.criteria] if item.criteria else []
    if item.kind == YA_TIDAK:
        return "\n".join(["Ya / Tidak", *criteria])
    if item.kind == PILIHAN:
        return "\n".join(
            item.options or [" / ".join(item.letters) + " (uraian pilihan tidak ada di katalog)"]
        )
    if item.kind == PERSEN:
        jumlah = (
            ["Atau isi baris Jumlah di bawahnya: persentasenya dihitung."] if item.code in FORMULAS else []
        )
        return "\n".join(["Persentase 0% - 100%", *criteria, *jumlah])
    if item.kind == SURVEI:
        return "\n".join(["Nilai survei 0 - 4", *criteria])
    return "Jumlah (angka)"


# -- Parts of an .xlsx that openpyxl may not write back as they were; adding the LKE sheet must keep them. --
_KEPT_PARTS = (
    "xl/drawings/",
    "xl/charts/",
    "xl/media/",
    "xl/pivot",
    "xl/comments",
    "xl/vbaProject",
    "xl/slicer",
)


def add_lke_sheet(path: str | Path, regulasi: str | None = None) -> Path:
    """Add the sheet LKE to the existing workbook at `path`, leaving every other sheet as it was.

    `regulasi` None takes the workbook's own regulation (Identitas Regulasi, or its year). The result is
    verified before it replaces the file: every other sheet's values and every drawing, chart, image and
    comment must be unchanged, else ZiSheetsError and the file stays as it was. ZiSheetsError too when the
    workbook cannot be read or already has an LKE sheet.
    """
    from openpyxl import load_workbook

    from zi_sheets.analysis.analyse import regulation_of
    from zi_sheets.reading.source import sheet_values
    from zi_sheets.reading.workbook import read_workbook

    path = Path(path)
    workbook = read_workbook(path)
    if workbook.lke is not None:
        raise ZiSheetsError(
            f"Berkas {path.name} sudah memiliki sheet {workbook.lke.name}; tidak ada yang diubah."
        )
    key = regulasi or regulation_of(workbook)
    before = sheet_values(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = load_workbook(path)
    dropped = [str(w.message) for w in caught if "will be removed" in str(w.message)]
    if dropped:
        raise ZiSheetsError(
            f"Berkas {path.name} memuat bagian yang tidak dapat disimpan ulang utuh ({dropped[0]}); sheet "
            "LKE tidak ditambahkan. Buat workbook baru dengan 'zi-sheets init' lalu salin sheet LKE-nya ke "
            "berkas ini."
        )
    write_lke_sheet(book, key)

    def write(temporary: str) -> None:
        book.save(temporary)
        after = sheet_values(Path(temporary))
        changed = [name for name, rows in before.items() if after.get(name) != rows]
        lost = [prefix for prefix in _KEPT_PARTS if _parts(temporary, prefix) < _parts(path, prefix)]
        if changed or lost:
            what = f"isi sheet {', '.join(changed)}" if changed else f"bagian {', '.join(lost)}"
            raise ZiSheetsError(
                f"Menambahkan sheet LKE ke {path.name} akan mengubah {what}; berkas tidak diubah. Buat "
                "workbook baru dengan 'zi-sheets init' lalu salin sheet LKE-nya ke berkas ini."
            )

    return write_atomic(path, write)


def _parts(path: str | Path, prefix: str) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(1 for name in archive.namelist() if name.startswith(prefix))


def _write_pengaturan(sheet: Worksheet) -> None:
    _write_rows(sheet, [(s.name, s.default, s.hint) for s in SETTINGS])
    for row, setting in enumerate(SETTINGS, start=2):
        sheet.cell(row, 1).font = HEADER_FONT
        if setting.choices:
            validation = DataValidation(type="list", formula1=_choices(setting.choices), allow_blank=True)
            sheet.add_data_validation(validation)
            validation.add(f"B{row}")


def _choices(values) -> str:
    """A list validation's formula: the choices quoted and comma-separated (Excel caps it at 255 chars)."""
    return '"' + ",".join(values) + '"'


def _validate(sheet: Worksheet, validation: DataValidation, column: str) -> None:
    validation.error = "Pilih salah satu isian dari daftar."
    validation.errorTitle = "Isian tidak dikenal"
    sheet.add_data_validation(validation)
    validation.add(f"{column}2:{column}{VALIDATION_ROWS + 1}")


def _new_sheet(book: XlsxWorkbook, layout: SheetLayout) -> Worksheet:
    return _new_sheet_at(book.create_sheet(layout.name), layout)


def _write_rows(sheet: Worksheet, rows) -> None:
    for row_index, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            sheet.cell(row_index, col, value).alignment = WRAP


def _write_identitas(book: XlsxWorkbook, unit_kerja: str, tahun: int | None, regulasi_title: str) -> None:
    sheet = _new_sheet(book, IDENTITAS)
    defaults = {
        "Nama Unit Kerja": unit_kerja or None,
        "Tahun": tahun,
        "Target Predikat": "WBK",
        "Regulasi": regulasi_title,
    }
    rows = [(name, defaults.get(name), _IDENTITAS_HINTS[name]) for name in IDENTITAS_FIELDS]
    _write_rows(sheet, rows)
    for row_index, name in enumerate(IDENTITAS_FIELDS, start=2):
        sheet.cell(row_index, 1).font = HEADER_FONT
        if name.startswith("NIP"):
            sheet.cell(row_index, 2).number_format = "@"
        if name == "Tanggal Penetapan":
            sheet.cell(row_index, 2).number_format = "d mmmm yyyy"
    field_row = {name: index for index, name in enumerate(IDENTITAS_FIELDS, start=2)}
    predikat = ("WBK", "WBBM", "WBK/WBBM")
    for name, choices in (("Target Predikat", predikat), ("Regulasi", tuple(REGULATIONS.values()))):
        validation = DataValidation(type="list", formula1=_choices(choices), allow_blank=True)
        sheet.add_data_validation(validation)
        validation.add(f"B{field_row[name]}")


def _write_petunjuk(sheet: Worksheet) -> None:
    sheet.column_dimensions["A"].width = 120
    for row, text in enumerate(PETUNJUK, start=1):
        cell = sheet.cell(row, 1, text or None)
        cell.alignment = WRAP
    sheet["A1"].font = Font(bold=True, size=13)


# ---------------------------------------------------------------------------------------------------------
# Bringing an existing workbook's Realisasi sheet up to its plan


@dataclass(frozen=True)
class SyncResult:
    """What `sync_realisasi` did: the rows added, the sheets created, the copy of the file as it was, and
    notes for the user."""

    path: Path
    backup: Path
    added: int
    created: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def sync_realisasi(path: str | Path, *, periode: str = "triwulan") -> SyncResult:
    """Give every plan row of the workbook at `path` a row in its Realisasi sheet, without changing anything
    staff typed: new rows go below the last one, only the read-only copies (Langkah Aksi, Target Waktu) of
    rows already there are refreshed; a missing Realisasi (groups by `periode`) or LaporanMonev sheet is
    added. The file as it was is kept beside it as `<name>.bak`.

    ZiSheetsError when the workbook cannot be read or written.
    """
    from zi_sheets.analysis.analyse import analyse
    from zi_sheets.analysis.realisasi import langkah_copy
    from zi_sheets.reading.workbook import LAPORAN_MONEV as LAPORAN_MONEV_SPEC
    from zi_sheets.reading.workbook import has_sheet, read_workbook, realisasi_layout

    path = Path(path)
    workbook = read_workbook(path)
    analysis = analyse(workbook)
    refs = analysis.refs
    wanted = {
        row.row: (refs.own_ref(row), langkah_copy(row), row.target_waktu.text)
        for row in workbook.rencana_aksi
    }
    book = _open_for_writing(path)
    created: list[str] = []
    found = realisasi_layout(path)
    if found is None:
        sheet = book.create_sheet(REALISASI, index=_after(book, "Monev"))
        year = analysis.plan_year
        labels = [f"{label} {year}" if year else label for label in REALISASI_PERIODS[periode]]
        write_realisasi(sheet, list(wanted.values()), labels)
        created.append(REALISASI)
        added = len(wanted)
    else:
        name, layout = found
        if layout is None:
            raise ZiSheetsError(
                f"Berkas {path.name}: sheet {name} bukan sheet Realisasi zi-sheets (tanpa kolom 'Ref' dan "
                "'Status'); ganti namanya lalu ulangi agar sheet Realisasi baru dapat dibuat."
            )
        sheet = book[name]
        linked = analysis.realisasi.linked
        new = [wanted[row] for row in wanted if row not in analysis.realisasi.listed]
        _extend_realisasi(
            sheet, layout, {source: wanted[plan_row] for source, plan_row in linked.items()}, new
        )
        added = len(new)
    if not has_sheet(workbook.sheets_present, LAPORAN_MONEV_SPEC):
        laporan = book.create_sheet(LAPORAN_MONEV.name, index=book.sheetnames.index(sheet.title) + 1)
        _write_laporan_monev(_new_sheet_at(laporan, LAPORAN_MONEV), analysis.regulation)
        created.append(LAPORAN_MONEV.name)
    notes = []
    if _has_drawings(path):
        notes.append(
            f"Gambar atau grafik di {path.name} tidak ikut tersimpan oleh sinkron; salin dari berkas .bak "
            "bila perlu."
        )
    backup = path.with_name(path.name + ".bak")
    try:
        shutil.copy2(path, backup)
    except OSError as error:
        raise ZiSheetsError(f"Cadangan {backup} tidak dapat ditulis: {error.strerror}.") from error
    try:
        write_atomic(path, book.save)
    except PermissionError as error:
        raise ZiSheetsError(
            f"Berkas {path} tidak dapat ditulis (mungkin sedang dibuka di Excel); tutup lalu ulangi."
        ) from error
    return SyncResult(path, backup, added, tuple(created), tuple(notes))


def _extend_realisasi(
    sheet: Worksheet,
    layout: RealisasiLayout,
    present: dict[int, tuple[str, str, str]],
    new: Sequence[tuple[str, str, str]],
) -> None:
    """Refresh the copies of the rows `present` (sheet row -> what the plan row's copies say) and write the
    `new` rows below the last row in use; no other cell is touched."""
    for source_row, (_, copy, target) in present.items():
        for col, value in ((layout.copy_col, copy), (layout.target_col, target)):
            if col is not None and (sheet.cell(source_row, col).value or "") != value:
                sheet.cell(source_row, col, value or None)
    start = max(_last_used_row(sheet), layout.header_row) + 1
    append_realisasi_rows(sheet, new, start, (layout.ref_col, layout.copy_col, layout.target_col))


def _open_for_writing(path: Path) -> XlsxWorkbook:
    from openpyxl import load_workbook

    # -- openpyxl warns about Excel extensions it does not keep (e.g. some validations); the user was told
    # -- the file is kept as .bak, the warning would only repeat it in English --
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            return load_workbook(path)
        except Exception as error:  # openpyxl raises several types for files calamine could read
            raise ZiSheetsError(
                f"Berkas {path.name} tidak dapat dibuka untuk ditulis ({type(error).__name__}); buka dan "
                "simpan ulang di Excel sebagai .xlsx."
            ) from error


def _after(book: XlsxWorkbook, name: str) -> int:
    """The sheet index just after sheet `name` (matched loosely), or the end."""
    for index, title in enumerate(book.sheetnames):
        if title.replace(" ", "").lower().startswith(name.lower()):
            return index + 1
    return len(book.sheetnames)


def _new_sheet_at(sheet: Worksheet, layout: SheetLayout) -> Worksheet:
    for col, (header, width) in enumerate(layout.columns, start=1):
        _header_cell(sheet, 1, col, header, width)
    sheet.freeze_panes = "A2"
    return sheet


def _last_used_row(sheet: Worksheet) -> int:
    """The last row holding a value (formatting alone does not count)."""
    last = 0
    for row in sheet.iter_rows():
        if any(cell.value not in (None, "") for cell in row):
            last = row[0].row
    return last


def _has_drawings(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return any(name.startswith(("xl/drawings/", "xl/charts/")) for name in archive.namelist())
