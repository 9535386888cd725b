"""Write a new, pre-filled workbook (`zi-sheets init`): every sheet, header, dropdown and standard text."""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from zi_sheets.bahasa import roman
from zi_sheets.catalogue import REGULATIONS, load_catalogue
from zi_sheets.errors import ZiSheetsError
from zi_sheets.files import write_atomic
from zi_sheets.house_style import SETTINGS
from zi_sheets.lke.items import FORMULAS, JUMLAH, PERSEN, PILIHAN, SURVEI, YA_TIDAK, LkeItem, load_lke
from zi_sheets.model import AREAS, IDENTITAS_FIELDS, MONEV_STATUS
from zi_sheets.standard_texts import standard_outline

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
LAYOUTS = (IDENTITAS, NARASI, RENCANA_AKSI, MONEV, MEKANISME, TARGET_PRIORITAS, TIM_KERJA, LKE, PENGATURAN)

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
    "boleh ditambah; Kode LKE boleh dikosongkan.",
    "Monev: satu baris per capaian yang dilaporkan dalam satu bulan. Bulan berupa tanggal atau teks "
    "('Mei 2026'); Status: Selesai / Dalam Proses / Belum; Ref Rencana Aksi: No atau Kode LKE baris "
    "rencana aksi yang dilaporkan.",
    "MekanismeTim: langkah-langkah penetapan Tim Zona Integritas (Lampiran 1), satu langkah per baris.",
    "TargetPrioritas: target prioritas pembangunan ZI (Lampiran 2), satu per baris.",
    "TimKerja (opsional): susunan tim (Lampiran 3).",
    "LKE (opsional): penilaian mandiri, satu baris per butir LKE. Isi Jawaban (pilih dari daftar; "
    "persentase seperti 85%; nilai survei 0-4 seperti 3,62; untuk butir persentase boleh diisi baris Jumlah "
    "di bawahnya), Bukti Dukung (lokasi berkas relatif terhadap folder workbook, mis. 'Bukti Dukung/SK Tim "
    "ZI.pdf', atau tautan https://..., satu per baris dengan Alt+Enter) dan Catatan. 'zi-sheets nilai "
    "NAMA-BERKAS.xlsx' menghitung nilai per area, total, dan syarat Menuju WBK/WBBM.",
    "Pengaturan (opsional): gaya dokumen: ukuran kertas (F4, A4, Folio), jenis dan ukuran huruf, posisi "
    "nomor halaman, gaya nama penandatangan, kop surat (memakai Logo, Pemerintah Daerah, Instansi Induk, "
    "Nama Unit Kerja dan Alamat dari Identitas), penandatangan (Pimpinan dan Ketua Tim, atau Pimpinan "
    "saja dengan 'Ditetapkan di') dan format NIP.",
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
    force: bool = False,
) -> Path:
    """Write a new workbook at `path`; ZiSheetsError when it exists and `force` is false."""
    path = Path(path)
    if path.exists() and not force:
        raise ZiSheetsError(f"Berkas {path} sudah ada; pakai --force untuk menimpanya.")
    book = build_template(unit_kerja=unit_kerja, tahun=tahun, regulasi=regulasi)
    return write_atomic(path, book.save)


def build_template(
    *, unit_kerja: str = "", tahun: int | None = None, regulasi: str = "90-2021"
) -> XlsxWorkbook:
    """The template workbook in memory (for `init` and for tests that fill it in code)."""
    catalogue = load_catalogue(regulasi)
    book = XlsxWorkbook()
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
            for indicator in komponen.indicators:
                area_text = f"{roman(area.no)}. {AREAS[area.no]}"
                rows.append((str(index), area_text, komponen.name, indicator.code, indicator.text))
    _write_rows(plan, rows)
    _validate(plan, DataValidation(type="list", formula1=_choices(AREA_CHOICES), allow_blank=True), "B")

    monev = _new_sheet(book, MONEV)
    for row in range(2, VALIDATION_ROWS + 2):
        monev.cell(row, 1).number_format = "mmmm yyyy"
    _validate(monev, DataValidation(type="list", formula1=_choices(AREA_CHOICES), allow_blank=True), "B")
    _validate(monev, DataValidation(type="list", formula1=_choices(MONEV_STATUS), allow_blank=True), "D")

    _write_rows(_new_sheet(book, MEKANISME), [(i, text) for i, text in enumerate(_MEKANISME_STANDAR, 1)])
    targets = _new_sheet(book, TARGET_PRIORITAS)
    _validate(targets, DataValidation(type="list", formula1=_choices(AREA_CHOICES), allow_blank=True), "C")
    tim = _new_sheet(book, TIM_KERJA)
    for row in range(2, 202):
        tim.cell(row, 3).number_format = "@"
    write_lke_sheet(book, regulasi)
    _write_pengaturan(_new_sheet(book, PENGATURAN))
    return book


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

    from zi_sheets.analysis import regulation_of
    from zi_sheets.source import sheet_values
    from zi_sheets.workbook import read_workbook

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
    sheet = book.create_sheet(layout.name)
    for col, (header, width) in enumerate(layout.columns, start=1):
        cell = sheet.cell(1, col, header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    return sheet


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
