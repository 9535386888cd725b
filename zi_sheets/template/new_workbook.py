"""Write a new, pre-filled workbook (`zi-sheets init`): every sheet, header, dropdown and standard text."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from zi_sheets.analysis.komponen import row_letter
from zi_sheets.common.bahasa import roman
from zi_sheets.common.catalogue import REGULATIONS, load_catalogue
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.files import write_atomic
from zi_sheets.common.model import AREAS, IDENTITAS_FIELDS, LAPORAN_BAGIAN, MONEV_STATUS
from zi_sheets.common.standard_texts import standard_outline
from zi_sheets.common.xlsx_book import keep_as_text, new_xlsx
from zi_sheets.reading.house_style import SETTINGS
from zi_sheets.reading.schema import (
    IDENTITAS,
    LAPORAN_MONEV,
    MEKANISME,
    MONEV,
    NARASI,
    PENGATURAN,
    REALISASI,
    RENCANA_AKSI,
    TARGET_PRIORITAS,
    TEMPLATE_SHEETS,
    TIM_KERJA,
)
from zi_sheets.template.layout import (
    AREA_CHOICES,
    HEADER_FONT,
    REALISASI_PERIODS,
    VALIDATION_ROWS,
    WRAP,
    list_formula,
    new_sheet,
    validate_column,
    write_laporan_monev,
    write_realisasi,
    write_rows,
)
from zi_sheets.template.lke_sheet import write_lke_sheet

# -- The sheets `init` writes with one header row (all but Petunjuk and Realisasi), in order. --
LAYOUTS = TEMPLATE_SHEETS

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
    "Tim Penilai": "Opsional: yang menilai unit, disapa di surel pengantar, mis. Tim Penilai Internal "
    "Pengadilan Tinggi Surabaya; kosong: Inspektorat Pemerintah Daerah atau TPI Instansi Induk.",
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
    narasi = new_sheet(book, NARASI)
    write_rows(narasi, standard_outline(regulasi))
    for row in narasi.iter_rows(min_row=2, max_col=1):
        row[0].font = HEADER_FONT

    plan = new_sheet(book, RENCANA_AKSI)
    rows = []
    for area in catalogue.areas:
        for index, komponen in enumerate(area.komponen, start=1):
            for letter, indicator in enumerate(komponen.indicators):
                # -- No numbers every row as units number their actions ("I.2.b"): each row's own Ref --
                number = f"{roman(area.no)}.{index}.{row_letter(letter)}"
                area_text = f"{roman(area.no)}. {AREAS[area.no]}"
                rows.append((number, area_text, komponen.name, indicator.code, indicator.text))
    write_rows(plan, rows)
    validate_column(
        plan, DataValidation(type="list", formula1=list_formula(AREA_CHOICES), allow_blank=True), "B"
    )

    monev = new_sheet(book, MONEV)
    for row in range(2, VALIDATION_ROWS + 2):
        monev.cell(row, 1).number_format = "mmmm yyyy"
    validate_column(
        monev, DataValidation(type="list", formula1=list_formula(AREA_CHOICES), allow_blank=True), "B"
    )
    validate_column(
        monev, DataValidation(type="list", formula1=list_formula(MONEV_STATUS), allow_blank=True), "D"
    )

    labels = [f"{label} {tahun}" if tahun else label for label in REALISASI_PERIODS[periode]]
    write_realisasi(book.create_sheet(REALISASI.name), [(row[0], row[4], "") for row in rows], labels)
    write_laporan_monev(new_sheet(book, LAPORAN_MONEV), regulasi)

    write_rows(new_sheet(book, MEKANISME), [(i, text) for i, text in enumerate(_MEKANISME_STANDAR, 1)])
    targets = new_sheet(book, TARGET_PRIORITAS)
    validate_column(
        targets, DataValidation(type="list", formula1=list_formula(AREA_CHOICES), allow_blank=True), "C"
    )
    tim = new_sheet(book, TIM_KERJA)
    for row in range(2, 202):
        tim.cell(row, 3).number_format = "@"
    write_lke_sheet(book, regulasi)
    _write_pengaturan(new_sheet(book, PENGATURAN))
    return book


def _write_pengaturan(sheet: Worksheet) -> None:
    write_rows(sheet, [(s.name, s.default, s.hint) for s in SETTINGS])
    for row, setting in enumerate(SETTINGS, start=2):
        sheet.cell(row, 1).font = HEADER_FONT
        if setting.choices:
            validation = DataValidation(type="list", formula1=list_formula(setting.choices), allow_blank=True)
            sheet.add_data_validation(validation)
            validation.add(f"B{row}")


def _write_identitas(book: XlsxWorkbook, unit_kerja: str, tahun: int | None, regulasi_title: str) -> None:
    sheet = new_sheet(book, IDENTITAS)
    defaults = {
        "Nama Unit Kerja": unit_kerja or None,
        "Tahun": tahun,
        "Target Predikat": "WBK",
        "Regulasi": regulasi_title,
    }
    rows = [(name, defaults.get(name), _IDENTITAS_HINTS[name]) for name in IDENTITAS_FIELDS]
    write_rows(sheet, rows)
    for row_index, name in enumerate(IDENTITAS_FIELDS, start=2):
        sheet.cell(row_index, 1).font = HEADER_FONT
        if name.startswith("NIP"):
            sheet.cell(row_index, 2).number_format = "@"
        if name == "Tanggal Penetapan":
            sheet.cell(row_index, 2).number_format = "d mmmm yyyy"
        if name == "Nama Unit Kerja" and unit_kerja:
            keep_as_text(sheet.cell(row_index, 2), unit_kerja)  # -- a name, even one like "=…", not a formula
    field_row = {name: index for index, name in enumerate(IDENTITAS_FIELDS, start=2)}
    predikat = ("WBK", "WBBM", "WBK/WBBM")
    for name, choices in (("Target Predikat", predikat), ("Regulasi", tuple(REGULATIONS.values()))):
        validation = DataValidation(type="list", formula1=list_formula(choices), allow_blank=True)
        sheet.add_data_validation(validation)
        validation.add(f"B{field_row[name]}")


def _write_petunjuk(sheet: Worksheet) -> None:
    sheet.column_dimensions["A"].width = 120
    for row, text in enumerate(PETUNJUK, start=1):
        cell = sheet.cell(row, 1, text or None)
        cell.alignment = WRAP
    sheet["A1"].font = Font(bold=True, size=13)
