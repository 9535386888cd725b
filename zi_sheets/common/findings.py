"""Findings of `zi-sheets check`: the catalogue of finding types, one finding, and the Report.

Every finding has a stable kebab-case `code` registered here once, with its severity and a title a
non-programmer can read (the README lists them from `all_codes()`). The Report owns the policy: exit
code, sort order and the one-line summary.
"""

from __future__ import annotations

import json
import math
import re
import string
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from zi_sheets.common.model import AREAS, CellRef


class Severity(StrEnum):
    """How bad a finding is: an error fails the check, a warning fails it only with --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """The Indonesian word printed in the text report."""
        return {"error": "galat", "warning": "peringatan", "info": "info"}[self.value]


@dataclass(frozen=True)
class Finding:
    """One thing the checks noticed.

    `cell` is None for a finding about a whole sheet (then `sheet` names it) or the whole workbook (both
    empty); a cell whose column is '' stands for its whole row. `values` holds the values involved, for
    JSON output and tests.
    """

    code: str
    severity: Severity
    cell: CellRef | None
    message: str
    values: dict[str, Any] = field(default_factory=dict)
    sheet: str = ""

    @property
    def sheet_name(self) -> str:
        """The sheet the finding is on, '' for the workbook as a whole."""
        return self.cell.sheet if self.cell is not None else self.sheet

    @property
    def address(self) -> str:
        """The address inside the sheet: "F14", "14:14" for a whole row, '' for a whole sheet."""
        if self.cell is None:
            return ""
        if not self.cell.column:
            return f"{self.cell.row}:{self.cell.row}"
        return f"{self.cell.column}{self.cell.row}"

    @property
    def cell_text(self) -> str:
        """Where to look, as Excel writes it: "RencanaAksi!F14", "RencanaAksi!14:14", "RencanaAksi" or ''."""
        if self.cell is None:
            return self.sheet
        return f"{self.cell.sheet}!{self.address}"

    def line(self) -> str:
        """The finding as one line of the text report."""
        return f"{self.cell_text or '(workbook)'}  {self.severity.label}  {self.code}  {self.message}"

    @property
    def title(self) -> str:
        """The title of this finding's type."""
        return FINDING_TYPES[self.code].title


class _MessageFormatter(string.Formatter):
    """Fills a finding type's message template: lists are joined with commas, `!q` quotes a cell's text on
    one shortened line (or says "kosong" for an empty one)."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "q":
            return quote(str(value)) if str(value).strip() else "kosong"
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, list | tuple | set | frozenset):
            value = ", ".join(str(item) for item in value)
        return super().format_field(value, format_spec)


_FORMATTER = _MessageFormatter()


def quote(text: str, limit: int = 70) -> str:
    """A cell's text for a message: in quotes, on one line, shortened to `limit` characters."""
    line = " ".join(text.split())
    return f"'{line if len(line) <= limit else line[: limit - 1].rstrip() + '…'}'"


@dataclass(frozen=True)
class FindingType:
    """One kind of finding, as frictionless' error classes: a stable code, its severity, a title a
    non-programmer can read, the message template the checks fill in, and a description of what to do."""

    code: str
    severity: Severity
    title: str
    message: str
    description: str

    @property
    def fields(self) -> frozenset[str]:
        """The values every finding of this type carries: the fields of its message template."""
        return frozenset(name for _, name, _, _ in _FORMATTER.parse(self.message) if name)

    def at(self, cell: CellRef | None, *, sheet: str = "", **values: Any) -> Finding:
        """A finding of this type at `cell` (None: the whole `sheet`, or the workbook when sheet is ''),
        its message filled in from `values`; ValueError when `values` are not the template's fields."""
        if set(values) != self.fields:
            raise ValueError(f"{self.code}: values {sorted(values)} are not {sorted(self.fields)}")
        return Finding(
            self.code, self.severity, cell, _FORMATTER.format(self.message, **values), values, sheet
        )


FINDING_TYPES: dict[str, FindingType] = {}
_CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _register(code: str, severity: str, title: str, message: str, description: str) -> FindingType:
    if not _CODE.fullmatch(code) or code in FINDING_TYPES:
        raise ValueError(f"bad or duplicate finding code {code!r}")
    FINDING_TYPES[code] = FindingType(code, Severity(severity), title, message, description)
    return FINDING_TYPES[code]


_PLAN_CELL_EMPTY = "{kolom} kosong pada baris {row} (komponen {komponen!q})."

# -- Structure and identity --
HIDDEN_ROW = _register(
    "hidden-row",
    "warning",
    "Baris tersembunyi ikut dibaca",
    "Baris {row} di sheet {nama_sheet} tersembunyi tetapi tetap dibaca dan masuk ke dokumen; tampilkan "
    "barisnya, atau hapus bila tidak dipakai.",
    "Baris yang disembunyikan di Excel tetap masuk ke dokumen.",
)
AUTOFILTER_HIDDEN_ROWS = _register(
    "autofilter-hidden-rows",
    "warning",
    "Filter aktif menyembunyikan baris yang tetap dibaca",
    "Filter aktif di sheet {nama_sheet} menyembunyikan {jumlah} baris ({baris}), yang tetap dibaca dan masuk "
    "ke dokumen; hapus filternya (Data > Filter) agar semua baris terlihat, lalu hapus baris yang memang "
    "tidak dipakai.",
    "Baris yang disembunyikan filter tetap masuk ke dokumen; satu temuan untuk filternya, bukan per baris.",
)
FORMULA_WITHOUT_VALUE = _register(
    "formula-without-value",
    "warning",
    "Rumus tanpa nilai tersimpan",
    "Sel {sel} berisi rumus tanpa nilai tersimpan, sehingga terbaca kosong; buka dan simpan ulang workbook "
    "di Excel.",
    "Workbook yang belum pernah dihitung ulang oleh Excel menyimpan rumus tanpa hasilnya.",
)
IDENTITAS_MISSING = _register(
    "identitas-missing",
    "error",
    "Isian wajib di sheet Identitas kosong",
    "Isian '{field}' di sheet Identitas {keadaan}; isian ini wajib untuk dokumen.",
    "Sampul, halaman pengesahan dan tanda tangan memerlukan isian ini; dokumen tidak ditulis tanpanya.",
)
TAHUN_INVALID = _register(
    "tahun-invalid",
    "error",
    "Tahun bukan tahun empat angka",
    "Tahun {value!q} bukan tahun empat angka (mis. 2026).",
    "Tahun rencana menentukan jadwal, katalog dan judul dokumen.",
)
REGULASI_UNKNOWN = _register(
    "regulasi-unknown",
    "warning",
    "Regulasi tidak dikenal",
    "Regulasi {value!q} tidak dikenal; dipakai katalog {katalog} menurut tahun. Tulis 'PermenPANRB 90/2021' "
    "atau 'PermenPANRB 52/2014'.",
    "Katalog LKE dipilih dari isian Regulasi, atau dari tahun bila isian itu tidak dikenal.",
)
PREDIKAT_INVALID = _register(
    "predikat-invalid",
    "warning",
    "Target Predikat bukan WBK atau WBBM",
    "Target Predikat {value!q} bukan WBK, WBBM atau WBK/WBBM.",
    "Predikat yang dituju: WBK, WBBM, atau WBK/WBBM bila unit menuju keduanya.",
)
NIP_STORED_AS_NUMBER = _register(
    "nip-stored-as-number",
    "error",
    "NIP tersimpan sebagai angka, bukan teks",
    "{label} '{value}' tersimpan sebagai angka, sehingga Excel hanya menyimpan 15 angka pertamanya; dokumen "
    "tidak ditulis. Format sel itu sebagai Teks, lalu ketik ulang NIP-nya (atau awali dengan tanda ').",
    "Excel membulatkan angka 18 digit, sehingga NIP yang tersimpan sebagai angka tercetak salah di tanda "
    "tangan; dokumen tidak ditulis sampai NIP diketik ulang sebagai teks.",
)
NIP_LENGTH = _register(
    "nip-length",
    "error",
    "NIP tidak 18 angka",
    "{label} '{value}' berisi {digits} angka; NIP harus 18 angka (spasi boleh, tanda lain tidak).",
    "NIP PNS terdiri atas 18 angka.",
)
NIP_PATTERN = _register(
    "nip-pattern",
    "error",
    "NIP tidak sesuai pola tanggal lahir, TMT dan jenis kelamin",
    "{label} '{value}': {problem}",
    "Angka NIP memuat tanggal lahir, TMT dan jenis kelamin; pola yang mustahil menandakan salah ketik.",
)
PLACEHOLDER_UNKNOWN = _register(
    "placeholder-unknown",
    "error",
    "Isian dalam kurung kurawal tidak dikenal",
    "{names} bukan nama isian Identitas, sehingga tertulis apa adanya di dokumen; perbaiki ejaannya (mis. "
    "{{Nama Unit Kerja}}, {{Tahun}}).",
    "Teks dalam kurung kurawal diganti dengan isian Identitas yang bernama sama.",
)
NARASI_BAGIAN_UNKNOWN = _register(
    "narasi-bagian-unknown",
    "warning",
    "Bagian Narasi tidak dikenal",
    "Bagian {bagian!q} tidak dikenal, sehingga teksnya tidak masuk dokumen; pilih salah satu: {pilihan}.",
    "Setiap baris Narasi masuk ke bab menurut Bagian-nya.",
)
PENGATURAN_INVALID = _register(
    "pengaturan-invalid",
    "warning",
    "Isian Pengaturan atau Logo tidak dapat dipakai (nilai bawaan dipakai)",
    "{setting} {value!q} tidak dapat dipakai; isi {expected}.",
    "Isian gaya dokumen yang tidak dapat dipakai diganti nilai bawaan.",
)
# -- Completeness against the catalogue --
KOMPONEN_MISSING = _register(
    "komponen-missing",
    "error",
    "Komponen LKE tanpa rencana aksi",
    "Komponen {komponen} '{nama}' (area {area}) belum punya baris rencana aksi berisi Langkah Aksi "
    "({katalog}).",
    "Setiap komponen (sub-area) LKE memerlukan sedikitnya satu baris rencana aksi berisi Langkah Aksi.",
)
INDIKATOR_MISSING = _register(
    "indikator-missing",
    "info",
    "Indikator LKE tanpa rencana aksi",
    "Indikator {kode} {indikator!q} (komponen {komponen} '{nama}') belum punya baris rencana aksi.",
    "Komponen yang sudah punya baris rencana aksi tetapi salah satu indikatornya belum; isi Kode LKE pada "
    "baris yang menjawabnya, atau tambahkan barisnya.",
)
AREA_TITLE_DIFFERS = _register(
    "area-title-differs",
    "warning",
    "Judul area berbeda dengan area LKE",
    "Judul area {judul!q} bukan area LKE {area}; tulis judul area sesuai {katalog}.",
    "Judul area yang lain dari area katalog (atau bernomor area lain) tercetak apa adanya di dokumen.",
)
INDIKATOR_EMPTY = _register(
    "indikator-empty",
    "error",
    "Indikator kosong",
    _PLAN_CELL_EMPTY,
    "Setiap baris rencana aksi memerlukan Indikator.",
)
LANGKAH_ROW_WITHOUT_INDIKATOR = _register(
    "langkah-row-without-indikator",
    "error",
    "Baris langkah tambahan tanpa Indikator",
    "Baris {row} berisi Langkah Aksi tanpa Indikator, di bawah indikator baris {above} ({indikator!q}); bila "
    "ini langkah berikutnya untuk indikator itu, gabungkan (Merge) sel Indikator baris {above} s.d. {row}, "
    "atau tulis semua langkahnya dalam satu sel Langkah Aksi dengan Alt+Enter.",
    "Baris yang disisipkan untuk langkah kedua perlu sel Indikator yang digabung dengan baris di atasnya.",
)
LANGKAH_AKSI_EMPTY = _register(
    "langkah-aksi-empty",
    "error",
    "Langkah Aksi kosong",
    _PLAN_CELL_EMPTY,
    "Setiap baris rencana aksi memerlukan Langkah Aksi.",
)
BUKTI_FISIK_EMPTY = _register(
    "bukti-fisik-empty",
    "error",
    "Bukti Fisik kosong",
    _PLAN_CELL_EMPTY,
    "Setiap baris memerlukan Bukti Fisik.",
)
TARGET_WAKTU_EMPTY = _register(
    "target-waktu-empty",
    "error",
    "Target Waktu kosong",
    _PLAN_CELL_EMPTY,
    "Setiap baris memerlukan Target Waktu agar jadwalnya dapat dipantau.",
)
KODE_LKE_UNKNOWN = _register(
    "kode-lke-unknown",
    "warning",
    "Kode LKE tidak ada di katalog",
    "Kode LKE {value!q} tidak ada di katalog {katalog}; baris ini dicocokkan menurut teks komponen dan "
    "indikatornya.",
    "Kode LKE yang tidak dikenal diabaikan; baris dicocokkan menurut teksnya.",
)
KOMPONEN_UNMATCHED = _register(
    "komponen-unmatched",
    "warning",
    "Komponen tidak cocok dengan katalog LKE",
    "Komponen {komponen!q} tidak cocok dengan komponen mana pun di area ini menurut {katalog}; periksa "
    "ejaannya atau isi Kode LKE.",
    "Baris yang komponennya tidak dikenali tidak dihitung dalam cakupan.",
)
INDIKATOR_UNMATCHED = _register(
    "indikator-unmatched",
    "info",
    "Indikator tidak cocok dengan katalog LKE",
    "Indikator {indikator!q} tidak cocok dengan indikator komponen {komponen} '{nama}'; isi Kode LKE agar "
    "tercatat.",
    "Indikator yang tidak dikenali tidak dihitung dalam cakupan indikator.",
)
# -- Target dates --
TARGET_UNPARSED = _register(
    "target-unparsed",
    "warning",
    "Target Waktu tidak terbaca sebagai bulan",
    "Target {target!q} tidak terbaca sebagai bulan; tulis mis. 'Maret {tahun}', 'Januari s/d Desember "
    "{tahun}' atau 'Triwulan II'.",
    "Target Waktu yang tidak terbaca tidak dapat dipantau di Monev.",
)
TARGET_EVENT = _register(
    "target-event",
    "info",
    "Target Waktu berupa kejadian, bukan bulan",
    "Target {target!q} berupa kejadian, bukan bulan; tambahkan bulan atau rentang bulan agar jadwalnya dapat "
    "dipantau.",
    "Target seperti 'setelah SK terbit' tidak punya bulan jatuh tempo.",
)
TARGET_OUTSIDE_YEAR = _register(
    "target-outside-year",
    "warning",
    "Target Waktu di luar tahun rencana",
    "Target {target!q} jatuh pada tahun {years}, di luar tahun rencana {tahun}.",
    "Target bertahun lain biasanya tersalin dari rencana lama.",
)
TARGET_YEAR_IMPOSSIBLE = _register(
    "target-year-impossible",
    "error",
    "Tahun pada Target Waktu tidak mungkin",
    "Tahun '{years}' pada target '{target}' tidak mungkin.",
    "Tahun seperti '208' adalah salah ketik.",
)
TARGET_CONTRADICTS_BUKTI = _register(
    "target-contradicts-bukti",
    "warning",
    "Bukti Fisik bertanggal di luar Target Waktu",
    "Bukti Fisik menyebut {bulan}, di luar Target Waktu {target!q}: {bukti!q}.",
    "Bukti yang bertanggal di luar jadwal barisnya biasanya tersalin dari baris atau rencana lain.",
)
# -- Consistency --
OTHER_AGENCY = _register(
    "other-agency",
    "warning",
    "Teks menyebut instansi lain (sisa salinan)",
    "Teks menyebut {names}, bukan {unit}; kemungkinan sisa salinan dari dokumen instansi lain: '{kutipan}'.",
    "Nama instansi lain di dokumen unit biasanya sisa salinan dari dokumen instansi lain.",
)
OTHER_REGION = _register(
    "other-region",
    "warning",
    "Teks menyebut daerah lain (sisa salinan)",
    "Teks menyebut {names}, bukan wilayah {wilayah}; kemungkinan sisa salinan dari dokumen daerah lain: "
    "'{kutipan}'.",
    "Nama kabupaten, kota atau provinsi lain di dokumen unit biasanya sisa salinan dari dokumen daerah lain.",
)
YEAR_OUTSIDE_PLAN = _register(
    "year-outside-plan",
    "warning",
    "Teks menyebut tahun lain dari tahun rencana",
    "Teks menyebut tahun {years}, bukan tahun rencana {tahun}: '{kutipan}'.",
    "Tahun lain di Narasi, Monev atau Lampiran biasanya tersalin dari dokumen tahun lain.",
)
EVIDENCE_YEAR_OLD = _register(
    "evidence-year-old",
    "warning",
    "Bukti menyebut tahun sebelum tahun rencana",
    "{kolom} menyebut tahun {years}, sebelum tahun rencana {tahun}; periksa apakah tersalin dari dokumen "
    "lama: {teks!q}.",
    "Bukti bertahun lama biasanya tersalin dari rencana tahun sebelumnya.",
)
LANGKAH_REPEATS_BUKTI = _register(
    "langkah-repeats-bukti",
    "warning",
    "Langkah Aksi hanya mengulang Bukti Fisik",
    "Langkah Aksi hanya mengulang Bukti Fisik ({bukti!q}); tulis kegiatan yang dilakukan, mis. 'Menyusun "
    "...', 'Melaksanakan ...'.",
    "Langkah Aksi menyebut kegiatan; Bukti Fisik menyebut dokumen hasilnya.",
)
LANGKAH_NOT_ACTION = _register(
    "langkah-not-action",
    "warning",
    "Langkah Aksi bukan kegiatan",
    "Langkah Aksi {langkah!q} menyebut hasil atau benda, bukan kegiatan; tulis kegiatannya, mis. "
    "'Menyusun ...', 'Melaksanakan ...'.",
    "Langkah Aksi menyebut apa yang dikerjakan ('Menyusun SOP'), bukan hasilnya ('SOP telah ditetapkan').",
)
REALISASI_IN_PLAN = _register(
    "realisasi-in-plan",
    "warning",
    "Rencana sudah melaporkan realisasi 100%",
    "Baris ini sudah melaporkan realisasi {realisasi!q}, padahal rencana ditetapkan {ditetapkan} dan "
    "targetnya {target!q}; laporkan realisasi di Monev, bukan di rencana aksi.",
    "Rencana yang ditetapkan di awal tahun belum dapat melaporkan kegiatan yang jatuh tempo sesudahnya "
    "sebagai selesai.",
)
DUPLICATE_ROW = _register(
    "duplicate-row",
    "warning",
    "Baris rencana aksi ganda",
    "Baris {row} sama dengan baris {earlier} (Indikator, Langkah Aksi, Bukti Fisik dan Target Waktu); hapus "
    "salah satunya.",
    "Baris yang sama dua kali tercetak dua kali di dokumen.",
)
# -- Monev --
MONEV_MONTH_UNREADABLE = _register(
    "monev-month-unreadable",
    "warning",
    "Bulan Monev tidak terbaca",
    "Bulan Monev {value!q} tidak terbaca sebagai satu bulan; tulis mis. 'Mei {tahun}' atau isi sel tanggal.",
    "Capaian tanpa bulan yang terbaca tidak masuk periode mana pun.",
)
MONEV_MONTH_OUTSIDE_YEAR = _register(
    "monev-month-outside-year",
    "warning",
    "Bulan Monev di luar tahun rencana",
    "Bulan Monev {bulan} di luar tahun rencana {tahun}.",
    "Monev melaporkan capaian tahun rencana.",
)
MONEV_AREA_UNKNOWN = _register(
    "monev-area-unknown",
    "warning",
    "Area Monev tidak dikenal",
    "Area Monev {value!q} bukan salah satu dari enam area; pilih dari daftar (mis. 'I. Manajemen "
    "Perubahan').",
    "Capaian tanpa area yang dikenal tidak masuk matriks per area.",
)
MONEV_STATUS_UNKNOWN = _register(
    "monev-status-unknown",
    "warning",
    "Status Monev tidak dikenal",
    "Status {value!q} tidak dikenal, sehingga capaian ini dihitung belum selesai; tulis Selesai, Dalam "
    "Proses atau Belum (atau pilih dari daftar).",
    "Status menentukan apakah langkah aksi dihitung selesai di Monev; kata lain dihitung belum selesai.",
)
MONEV_REF_UNKNOWN = _register(
    "monev-ref-unknown",
    "warning",
    "Ref Rencana Aksi tidak menunjuk baris mana pun",
    "Ref Rencana Aksi {value!q} tidak menunjuk baris rencana aksi mana pun; tulis No baris (mis. 'I.1') atau "
    "Kode LKE-nya.",
    "Ref menghubungkan capaian dengan baris rencana aksi yang dilaporkannya.",
)
MONEV_MATCH_DOUBTFUL = _register(
    "monev-match-doubtful",
    "info",
    "Capaian Monev hanya mirip baris rencana aksi (tidak dihitung)",
    "Capaian {capaian!q} hanya mirip baris rencana aksi {baris} lewat kata yang umum di areanya, sehingga "
    "tidak dihitung sebagai laporannya; bila memang melaporkan baris itu, isi Ref Rencana Aksi (mis. {ref}).",
    "Capaian tanpa Ref dicocokkan dengan kata-katanya; kecocokan yang meragukan tidak dihitung.",
)
# -- Realisasi and LaporanMonev --
REALISASI_REF_UNKNOWN = _register(
    "realisasi-ref-unknown",
    "warning",
    "Ref di sheet Realisasi tidak menunjuk satu baris rencana aksi",
    "Ref {value!q} di sheet Realisasi {keadaan}, sehingga isiannya tidak masuk Monev; tulis Ref satu baris "
    "rencana aksi (No-nya, mis. 'I.2.b').",
    "Setiap baris Realisasi melaporkan satu langkah aksi, ditunjuk dengan Ref-nya.",
)
REALISASI_ROWS_MISSING = _register(
    "realisasi-rows-missing",
    "info",
    "Baris rencana aksi belum ada di sheet Realisasi",
    "{jumlah} baris rencana aksi belum ada di sheet {nama_sheet} (mis. {contoh}); jalankan 'zi-sheets init "
    "--sinkron-realisasi {berkas}' untuk menambahkannya tanpa mengubah isian yang ada.",
    "Baris rencana aksi yang ditambah setelah init perlu baris Realisasi sendiri.",
)
REALISASI_SHEET_UNREADABLE = _register(
    "realisasi-sheet-unreadable",
    "warning",
    "Sheet Realisasi tidak terbaca",
    "Sheet {nama_sheet} tidak dibaca sebagai Realisasi: baris judul dengan kolom 'Ref' dan 'Status' atau "
    "'Realisasi' tidak ditemukan di {baris} baris pertama; isiannya tidak masuk Monev.",
    "Sheet Realisasi berisi Ref dan, per periode, Status, Realisasi, Tanggal Selesai, Bukti, Kendala, "
    "Tindak Lanjut dan Target Revisi.",
)
REALISASI_STATUS_UNKNOWN = _register(
    "realisasi-status-unknown",
    "warning",
    "Status Realisasi tidak dikenal",
    "Status {value!q} tidak dikenal, sehingga dibaca dari isian lainnya; tulis Selesai, Dalam Proses atau "
    "Belum (atau pilih dari daftar).",
    "Status menentukan apakah langkah aksi selesai, dalam proses atau belum.",
)
PERIODE_UNREADABLE = _register(
    "periode-unreadable",
    "warning",
    "Periode tidak terbaca",
    "Periode {value!q} tidak terbaca; tulis mis. 'Triwulan I {tahun}', 'Semester I {tahun}' atau "
    "'Mei {tahun}'.",
    "Isian Realisasi dan teks laporan masuk ke laporan periode yang tertulis di atas atau di sampingnya.",
)
TANGGAL_UNREADABLE = _register(
    "tanggal-unreadable",
    "warning",
    "Tanggal atau target tidak terbaca",
    "{kolom} {value!q} tidak terbaca sebagai tanggal; tulis mis. '{contoh}' atau isi sel tanggal.",
    "Tanggal selesai, target revisi dan tanggal laporan dibaca sebagai tanggal atau bulan.",
)
LAPORAN_BAGIAN_UNKNOWN = _register(
    "laporan-bagian-unknown",
    "warning",
    "Bagian LaporanMonev tidak dikenal",
    "Bagian {bagian!q} tidak dikenal, sehingga teksnya tidak masuk laporan Monev; pilih salah satu: "
    "{pilihan}.",
    "Setiap baris LaporanMonev masuk ke bab laporan Monev menurut Bagian-nya.",
)
PLAN_OVERDUE = _register(
    "plan-overdue",
    "info",
    "Rencana aksi lewat jadwal tanpa laporan Monev",
    "Target {target!q} jatuh tempo {jatuh_tempo}, tetapi Monev sampai {monev_sampai} belum melaporkan "
    "capaian untuk baris ini ({baris!q}); bila sudah dilaporkan, isi Ref Rencana Aksi pada baris Monev-nya "
    "atau isian periodenya di sheet Realisasi.",
    "Langkah aksi yang telah jatuh tempo tanpa capaian dilaporkan terlambat di Monev.",
)


# -- LKE self-assessment (the LKE sheet; see zi_sheets/lke/) --
LKE_SHEET_UNREADABLE = _register(
    "lke-sheet-unreadable",
    "warning",
    "Sheet LKE tidak terbaca sebagai jawaban LKE",
    "Sheet {nama_sheet} tidak dibaca sebagai jawaban LKE: {masalah} Judul kolom yang dibaca: Kode, Jawaban, "
    "Bukti Dukung, Catatan.",
    "Sheet bernama LKE dengan susunan lain (mis. salinan LKE resmi) tidak dinilai; workbook tetap terbaca.",
)
LKE_EMPTY = _register(
    "lke-empty",
    "warning",
    "Sheet LKE belum berisi jawaban",
    "Sheet {nama_sheet} belum berisi jawaban; semua {butir} butir dihitung 0.",
    "'zi-sheets nilai' menilai sheet LKE yang belum dijawab sebagai 0; 'check' baru memeriksanya setelah "
    "jawaban pertama diisi.",
)
LKE_UNANSWERED = _register(
    "lke-unanswered",
    "warning",
    "Butir LKE belum dijawab (dihitung 0)",
    "{kode} belum dijawab; dihitung 0. Pilih atau isi jawabannya di kolom Jawaban.",
    "Butir tanpa jawaban dihitung 0. Untuk butir persentase boleh diisi baris Jumlah di bawahnya; "
    "persentasenya dihitung dari situ.",
)
LKE_ITEM_MISSING = _register(
    "lke-item-missing",
    "warning",
    "Butir LKE tidak punya baris di sheet LKE (dihitung 0)",
    "{kode} tidak punya baris di sheet {nama_sheet}; dihitung 0. Tambahkan barisnya dengan Kode {kode} "
    "(salin dari workbook baru 'zi-sheets init').",
    "Baris butir yang terhapus dari sheet LKE tidak dapat dijawab; butirnya dihitung 0.",
)
LKE_KODE_UNKNOWN = _register(
    "lke-kode-unknown",
    "warning",
    "Kode di sheet LKE tidak ada di LKE",
    "Kode {kode!q} pada baris {row} tidak ada di LKE {katalog}, sehingga jawabannya tidak dinilai.",
    "Jawaban dinilai menurut Kode butirnya (mis. 'P.1.i.a'); baris tanpa Kode yang dikenal tidak dinilai.",
)
LKE_ANSWER_INVALID = _register(
    "lke-answer-invalid",
    "warning",
    "Jawaban LKE bukan salah satu pilihannya",
    "Jawaban {kode} {jawaban!q} {masalah}; {dihitung}.",
    "Jawaban yang tidak sesuai jenis butirnya (Ya/Tidak, huruf, persentase, nilai survei, jumlah) "
    "dihitung 0.",
)
LKE_JUMLAH_MISMATCH = _register(
    "lke-jumlah-mismatch",
    "warning",
    "Persentase berbeda dengan hitungan dari isian Jumlah",
    "Persentase {kode} tertulis {tertulis}, tetapi dari isian Jumlah-nya {hitungan}; yang dinilai hitungan "
    "dari Jumlah.",
    "Persentase dihitung dari isian Jumlah sebagaimana Penjelasan LKE; persentase yang diketik berbeda "
    "diabaikan.",
)
LKE_KODE_DUPLICATE = _register(
    "lke-kode-duplicate",
    "warning",
    "Kode LKE tercantum lebih dari sekali",
    "Kode {kode} sudah ada di baris {pertama}; yang dinilai hanya jawaban baris {pertama}.",
    "Setiap butir LKE dijawab pada satu baris.",
)
LKE_EVIDENCE_MISSING = _register(
    "lke-evidence-missing",
    "warning",
    "Berkas Bukti Dukung tidak ditemukan",
    "Berkas Bukti Dukung {kode} '{berkas}' tidak ditemukan (dicari relatif terhadap folder workbook "
    "{folder}); periksa nama dan foldernya.",
    "Tim Penilai memeriksa setiap jawaban terhadap berkas buktinya.",
)
LKE_EVIDENCE_OUTSIDE = _register(
    "lke-evidence-outside",
    "warning",
    "Berkas Bukti Dukung di luar folder workbook (tidak dikemas)",
    "Berkas Bukti Dukung {kode} '{berkas}' ada di luar folder workbook, sehingga tidak ikut dikemas 'build "
    "--paket'; pindahkan ke folder workbook (mis. subfolder 'Bukti Dukung').",
    "'build --paket' hanya mengemas berkas di dalam folder workbook.",
)
LKE_EVIDENCE_NONE = _register(
    "lke-evidence-none",
    "warning",
    "Jawaban Ya atau A tanpa Bukti Dukung",
    "{kode} dijawab {jawaban} tanpa Bukti Dukung; Tim Penilai memeriksa setiap jawaban terhadap buktinya. "
    "Tulis lokasi berkas (relatif terhadap folder workbook) atau tautannya.",
    "Jawaban terbaik tanpa bukti biasanya diturunkan oleh Tim Penilai.",
)
LKE_LINK_MALFORMED = _register(
    "lke-link-malformed",
    "warning",
    "Tautan Bukti Dukung bukan alamat web yang benar",
    "Tautan Bukti Dukung {kode} '{tautan}' bukan alamat web yang benar ({masalah}); salin alamat lengkapnya "
    "dari peramban, mis. https://drive.google.com/...",
    "Tautan harus alamat http(s) lengkap agar dapat dibuka Tim Penilai.",
)
LKE_LINK_UNREACHABLE = _register(
    "lke-link-unreachable",
    "warning",
    "Tautan Bukti Dukung tidak dapat dibuka",
    "Tautan Bukti Dukung {kode} '{tautan}' tidak dapat dibuka: {masalah}; pastikan tautannya dibagikan "
    "untuk umum atau untuk Tim Penilai.",
    "Hanya diperiksa dengan 'zi-sheets nilai --cek-tautan'.",
)
LKE_EVIDENCE_SHARED = _register(
    "lke-evidence-shared",
    "info",
    "Satu berkas Bukti Dukung dipakai untuk butir yang tidak berkaitan",
    "'{berkas}' dipakai sebagai Bukti Dukung untuk {codes} dari sub-area yang berbeda; periksa apakah "
    "setiap butir memang dijawab oleh berkas yang sama.",
    "Butir dari sub-area berbeda jarang dijawab oleh satu berkas yang sama.",
)
LKE_ANSWER_PROPOSED = _register(
    "lke-answer-proposed",
    "info",
    "Isi workbook mengusulkan jawaban lain untuk butir LKE",
    "Isi workbook mengusulkan {kode} = {usulan} ({alasan}); jawaban saat ini: {jawaban!q}. Jawaban tidak "
    "diubah; putuskan setelah memeriksa buktinya.",
    "Tim Kerja, Rencana Aksi, Target Prioritas dan Monev di workbook menunjukkan jawaban butir manajemen "
    "perubahan; usulan tidak pernah menimpa jawaban.",
)

# -- Accepted findings (the Diterima sheet) --
DITERIMA_INVALID = _register(
    "diterima-invalid",
    "warning",
    "Baris sheet Diterima tidak dapat dipakai",
    "Baris {row} sheet Diterima {masalah}; isi Kode dan Sel (mis. 'other-agency' dan 'RencanaAksi!F14'), "
    "atau Nama yang diterima.",
    "Setiap baris Diterima menyebut satu temuan (Kode dan Sel) atau satu nama yang diterima.",
)
DITERIMA_UNUSED = _register(
    "diterima-unused",
    "info",
    "Baris sheet Diterima tidak cocok dengan temuan mana pun",
    "Baris {row} sheet Diterima ({isi}) tidak cocok dengan temuan mana pun; hapus bila sudah diperbaiki.",
    "Penerimaan yang tidak lagi dipakai sebaiknya dihapus agar daftarnya tetap benar.",
)

# -- Errors that would make a signed document wrong: a cover without a unit, a year that is no year, a NIP
# -- whose last digits Excel has already lost (no document may print it). --
BLOCKING_CODES = frozenset({IDENTITAS_MISSING.code, TAHUN_INVALID.code, NIP_STORED_AS_NUMBER.code})


def all_codes() -> list[tuple[str, Severity, str]]:
    """Every finding type as (code, severity, title), in catalogue order (for the README and tests)."""
    return [(t.code, t.severity, t.title) for t in FINDING_TYPES.values()]


def all_types() -> list[FindingType]:
    """Every finding type, in catalogue order."""
    return list(FINDING_TYPES.values())


def markdown_table() -> str:
    """The README's table of finding codes, generated from the catalogue (scripts/readme_codes.py)."""
    rows = ["| kode | tingkat | arti | keterangan |", "|---|---|---|---|"]
    rows += [f"| `{t.code}` | {t.severity.label} | {t.title} | {t.description} |" for t in all_types()]
    return "\n".join(rows) + "\n"


# ---------------------------------------------------------------------------------------------------------
# Coverage figures


def _percent(covered: int, total: int) -> int:
    """Whole percent, rounded down so that 100% always means complete; 0 when there is nothing to cover."""
    return math.floor(100 * covered / total) if total else 0


@dataclass(frozen=True)
class AreaCoverage:
    """How much of one area of the catalogue the plan covers."""

    area_no: int
    komponen_covered: int
    komponen_total: int
    indicators_covered: int
    indicators_total: int

    @property
    def indicator_percent(self) -> int:
        return _percent(self.indicators_covered, self.indicators_total)

    def to_dict(self) -> dict[str, Any]:
        return {
            "area": self.area_no,
            "nama": AREAS.get(self.area_no, ""),
            "komponen": [self.komponen_covered, self.komponen_total],
            "indikator": [self.indicators_covered, self.indicators_total],
            "indikator_persen": self.indicator_percent,
        }


@dataclass(frozen=True)
class Coverage:
    """How much of the regulation's catalogue the plan covers: komponen with a row, indicators matched."""

    regulation: str
    komponen_covered: int
    komponen_total: int
    indicators_covered: int
    indicators_total: int
    areas: tuple[AreaCoverage, ...] = ()

    @property
    def indicator_percent(self) -> int:
        """Indicators covered as a whole percent, rounded down."""
        return _percent(self.indicators_covered, self.indicators_total)

    def sentence(self) -> str:
        """ "komponen 23 dari 23, indikator 61 dari 81 (75%)" """
        return (
            f"komponen {self.komponen_covered} dari {self.komponen_total}, indikator "
            f"{self.indicators_covered} dari {self.indicators_total} ({self.indicator_percent}%)"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "regulasi": self.regulation,
            "komponen": [self.komponen_covered, self.komponen_total],
            "indikator": [self.indicators_covered, self.indicators_total],
            "indikator_persen": self.indicator_percent,
            "area": [area.to_dict() for area in self.areas],
        }


# ---------------------------------------------------------------------------------------------------------
# The report

# -- Sheets in the order a person reads the workbook; others follow by name. Matched on the normalized
# -- sheet name so the variants the reader accepts ("Rencana Aksi", "Monitoring") sort the same way.
_SHEET_ORDER: tuple[tuple[str, ...], ...] = (
    ("identitas", "dataunit"),
    ("narasi", "teks"),
    ("rencanaaksi", "matriksrencanaaksi", "rencanakerja"),
    ("monev", "monitoring"),
)


def _sheet_rank(sheet: str) -> int:
    if not sheet:
        return -1
    key = re.sub(r"[^0-9a-z]", "", sheet.lower())
    for rank, prefixes in enumerate(_SHEET_ORDER):
        if key.startswith(prefixes):
            return rank
    return len(_SHEET_ORDER)


def _column_key(column: str) -> tuple[int, str]:
    """Excel column order: A..Z before AA."""
    return (len(column), column)


def _sort_key(finding: Finding) -> tuple[int, str, int, tuple[int, str]]:
    sheet = finding.sheet_name
    rank = _sheet_rank(sheet)
    if finding.cell is None:
        return (rank, sheet if rank >= len(_SHEET_ORDER) else "", 0, (0, ""))
    other = sheet if rank >= len(_SHEET_ORDER) else ""
    return (rank, other, finding.cell.row, _column_key(finding.cell.column))


@dataclass(frozen=True)
class Accepted:
    """A finding staff accepted in the Diterima sheet: still counted and listed, never failing a check.

    `by` is the Diterima row that accepted it; `alasan` its reason ('' when none was written).
    """

    finding: Finding
    by: CellRef | None
    alasan: str = ""


@dataclass
class Report:
    """The findings of one check run and the coverage figures; owns exit code, order and summary.

    `accepted` holds the findings the Diterima sheet accepted: counted in the summary and listed, but they
    neither fail the check (also with --strict) nor block a build.
    """

    findings: list[Finding] = field(default_factory=list)
    coverage: Coverage | None = None
    accepted: list[Accepted] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.findings = sorted(self.findings, key=_sort_key)
        self.accepted = sorted(self.accepted, key=lambda a: _sort_key(a.finding))

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def infos(self) -> int:
        return self.count(Severity.INFO)

    def codes(self) -> set[str]:
        """The distinct codes found."""
        return {f.code for f in self.findings}

    def of(self, code: str) -> list[Finding]:
        """The findings with this code, in report order."""
        return [f for f in self.findings if f.code == code]

    def exit_code(self, strict: bool = False) -> int:
        """0 without errors, 1 with errors; with `strict`, warnings count as errors."""
        if self.errors or (strict and self.warnings):
            return 1
        return 0

    def blocks_build(self, strict: bool = False) -> list[Finding]:
        """The findings that forbid writing the documents, [] when they may be written.

        Errors that would make a document wrong (`BLOCKING_CODES`) always block; with `strict`, every error
        and warning does. Any other error is printed and the documents are still written.
        """
        return [
            finding
            for finding in self.findings
            if finding.code in BLOCKING_CODES
            or (strict and finding.severity in (Severity.ERROR, Severity.WARNING))
        ]

    def summary(self) -> str:
        """One Indonesian line: "3 galat, 12 peringatan, 2 info, 1 diterima; komponen 23 dari 23, ..."; the
        accepted count only when the Diterima sheet accepted something."""
        counts = f"{self.errors} galat, {self.warnings} peringatan, {self.infos} info"
        if self.accepted:
            counts += f", {len(self.accepted)} diterima"
        return f"{counts}; {self.coverage.sentence()}" if self.coverage else counts

    def to_text(self) -> str:
        """One line per finding ("RencanaAksi!H14  galat  target-year-impossible  ..."), then one per
        accepted finding ("... diterima ..."), summary last."""
        lines = [finding.line() for finding in self.findings]
        for item in self.accepted:
            finding = item.finding
            reason = f" (diterima: {item.alasan})" if item.alasan else " (diterima)"
            lines.append(
                f"{finding.cell_text or '(workbook)'}  diterima  {finding.code}  {finding.message}{reason}"
            )
        lines.append(self.summary())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data: findings, counts, coverage figures and the summary line."""
        return {
            "summary": self.summary(),
            "counts": {
                "error": self.errors,
                "warning": self.warnings,
                "info": self.infos,
                "accepted": len(self.accepted),
            },
            "coverage": self.coverage.to_dict() if self.coverage else None,
            "findings": [_finding_dict(f) for f in self.findings],
            "accepted": [
                {**_finding_dict(a.finding), "accepted_by": str(a.by) if a.by else None, "alasan": a.alasan}
                for a in self.accepted
            ],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text (non-ASCII kept readable; unusual values written as text)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, default=str)


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "sheet": f.sheet_name,
        "cell": f.address or None,
        "ref": f.cell_text,
        "code": f.code,
        "severity": f.severity.value,
        "title": f.title,
        "message": f.message,
        "values": f.values,
    }
