"""Standard narrative texts that `init` writes into the Narasi sheet.

Drawn from PermenPANRB 90/2021 (Pasal 1 definitions, Lampiran I on pencanangan and the six areas) and
PermenPANRB 52/2014 for older plans. Placeholders in braces are Identitas fields, filled in by the
documents, so the unit's name is written once. A leading "- " marks a numbered list item.
"""

from __future__ import annotations

from dataclasses import dataclass

from zi_sheets.common.bahasa import roman
from zi_sheets.common.model import RENCANA_AKSI_PLACEHOLDER
from zi_sheets.common.text import is_bullet, split_marker


@dataclass(frozen=True)
class Bab:
    """One chapter of the standard outline: its title, its numbered sub-sections as (heading, Narasi
    bagian), or Narasi directly under it (`bagian`, None for none), or the Rencana Aksi table
    (`rencana_aksi`, in a landscape section)."""

    title: str
    subsections: tuple[tuple[str, str], ...] = ()
    bagian: str | None = None
    rencana_aksi: bool = False


# -- The standard outline, BAB I-IV: what a classic Narasi sheet (Bagian | Isi) is printed under, and the
# -- headings `init` writes into a new Narasi sheet (Judul | Isi). --
BABS: tuple[Bab, ...] = (
    Bab(
        "PENDAHULUAN",
        (
            ("Latar Belakang", "Latar Belakang"),
            ("Dasar Hukum", "Dasar Hukum"),
            ("Maksud dan Tujuan", "Maksud dan Tujuan"),
            ("Pengertian Umum", "Pengertian Umum"),
        ),
    ),
    Bab(
        "PROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS",
        (
            ("Pencanangan Pembangunan Zona Integritas", "Pencanangan"),
            ("Proses Pembangunan Zona Integritas Menuju WBK/WBBM", "Proses Pembangunan"),
        ),
    ),
    Bab("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS", rencana_aksi=True),
    Bab("PENUTUP", bagian="Penutup"),
)


def bab_heading(number: int, bab: Bab) -> str:
    """ "BAB III RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS" for chapter `number` (1-based)."""
    return f"BAB {roman(number)} {bab.title}"


_PERMEN_90 = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 90 Tahun 2021 tentang "
    "Pembangunan dan Evaluasi Zona Integritas Menuju Wilayah Bebas dari Korupsi dan Wilayah Birokrasi "
    "Bersih dan Melayani di Instansi Pemerintah"
)
_PERMEN_52 = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 52 Tahun 2014 tentang "
    "Pedoman Pembangunan Zona Integritas Menuju Wilayah Bebas dari Korupsi dan Wilayah Birokrasi Bersih "
    "dan Melayani di Lingkungan Instansi Pemerintah"
)

_COMMON_START: list[tuple[str, str]] = [
    (
        "Latar Belakang",
        "Reformasi birokrasi merupakan langkah strategis untuk membangun aparatur negara agar lebih berdaya "
        "guna dan berhasil guna dalam mengemban tugas umum pemerintahan dan pembangunan nasional. Sasaran "
        "reformasi birokrasi adalah birokrasi yang bersih dan akuntabel, birokrasi yang kapabel, serta "
        "pelayanan publik yang prima.",
    ),
    (
        "Latar Belakang",
        "Untuk mempercepat pencapaian sasaran tersebut, instansi pemerintah perlu membangun unit kerja "
        "percontohan melalui pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK) dan "
        "Wilayah Birokrasi Bersih dan Melayani (WBBM). Oleh karena itu {Nama Unit Kerja} menyusun dokumen "
        "rencana kerja pembangunan Zona Integritas tahun {Tahun} ini dengan mengacu pada {Regulasi}.",
    ),
]

_DASAR_HUKUM_90 = [
    "- Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang Bersih dan Bebas dari "
    "Korupsi, Kolusi, dan Nepotisme;",
    "- Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    "- Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara;",
    "- Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi 2010-2025;",
    "- Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 25 Tahun 2020 tentang "
    "Road Map Reformasi Birokrasi 2020-2024;",
    f"- {_PERMEN_90}, sebagaimana telah diubah dengan Peraturan Menteri Pendayagunaan Aparatur Negara dan "
    "Reformasi Birokrasi Nomor 5 Tahun 2024.",
]

_DASAR_HUKUM_52 = [
    "- Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang Bersih dan Bebas dari "
    "Korupsi, Kolusi, dan Nepotisme;",
    "- Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    "- Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara;",
    "- Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi 2010-2025;",
    f"- {_PERMEN_52}.",
]

_MAKSUD_TUJUAN = [
    (
        "- Dokumen rencana kerja ini dimaksudkan sebagai acuan bagi {Nama Unit Kerja} dalam membangun Zona "
        "Integritas menuju Wilayah Bebas dari Korupsi (WBK)/Wilayah Birokrasi Bersih dan Melayani (WBBM); dan"
    ),
    (
        "- Tujuan penyusunan dokumen rencana kerja ini adalah memberikan keseragaman pemahaman dan tindakan "
        "seluruh pegawai {Nama Unit Kerja} dalam membangun Zona Integritas menuju WBK/WBBM."
    ),
]

_PENGERTIAN = [
    "Dalam dokumen rencana kerja ini, yang dimaksud dengan:",
    "- Zona Integritas (ZI) adalah instansi pemerintah yang pimpinan dan jajarannya telah berkomitmen untuk "
    "mewujudkan Wilayah Bebas dari Korupsi/Wilayah Birokrasi Bersih dan Melayani melalui reformasi "
    "birokrasi, khususnya dalam hal mewujudkan pemerintahan yang bersih dan akuntabel serta pelayanan "
    "publik yang prima;",
    "- Wilayah Bebas dari Korupsi (WBK) adalah predikat yang diberikan kepada suatu unit kerja/satuan kerja "
    "yang telah berhasil melaksanakan reformasi birokrasi dengan baik, yang telah memenuhi sebagian besar "
    "kriteria proses perbaikan pada komponen pengungkit serta mewujudkan pemerintahan yang bersih dan "
    "akuntabel serta pelayanan publik yang prima;",
    "- Wilayah Birokrasi Bersih dan Melayani (WBBM) adalah predikat yang diberikan kepada suatu unit "
    "kerja/satuan kerja yang telah berhasil melaksanakan reformasi birokrasi dengan sangat baik, dengan "
    "telah memenuhi sebagian besar kriteria proses perbaikan pada komponen pengungkit untuk mewujudkan "
    "pemerintahan yang bersih dan akuntabel serta pelayanan publik yang prima;",
    "- Instansi Pemerintah adalah instansi pusat dan instansi daerah;",
    "- Unit Kerja adalah unit/satuan kerja di lingkungan instansi pemerintah yang menyelenggarakan fungsi "
    "pelayanan, dalam dokumen ini {Nama Unit Kerja};",
    "- Tim Penilai Internal (TPI) adalah tim yang dibentuk oleh pimpinan instansi pemerintah untuk "
    "melakukan evaluasi/penilaian dan memberikan rekomendasi terhadap unit kerja/satuan kerja yang sedang "
    "membangun Zona Integritas.",
]

_PENCANANGAN = [
    "- Pencanangan Pembangunan Zona Integritas adalah deklarasi/pernyataan dari pimpinan {Nama Unit Kerja} "
    "bahwa unit kerja telah siap membangun Zona Integritas;",
    "- Pencanangan dilakukan setelah pimpinan dan seluruh atau sebagian besar pegawai menandatangani "
    "Dokumen Pakta Integritas; pegawai yang belum menandatangani dapat melengkapinya setelah pencanangan;",
    "- Pencanangan dipublikasikan secara luas agar semua pihak, termasuk masyarakat, dapat memantau, "
    "mengawal, mengawasi, dan berperan serta dalam pembangunan Zona Integritas.",
]

_PROSES = [
    "Program pembangunan Zona Integritas merupakan tindak lanjut pencanangan yang telah dilakukan oleh "
    "pimpinan. Proses pembangunan difokuskan pada enam area perubahan: Manajemen Perubahan, Penataan "
    "Tatalaksana, Penataan Sistem Manajemen SDM, Penguatan Akuntabilitas Kinerja, Penguatan Pengawasan, "
    "dan Peningkatan Kualitas Pelayanan Publik, yang dijabarkan dalam Rencana Aksi pada Bab III.",
]

_PENUTUP = [
    # -- signed while the unit is still building toward the predicate: it claims the aim, never the title
    "Pembangunan Zona Integritas di {Nama Unit Kerja} merupakan upaya pencegahan korupsi dan peningkatan "
    "kualitas pelayanan publik yang dilaksanakan secara konkret di dalam lingkup Zona Integritas, menuju "
    "predikat Wilayah Bebas dari Korupsi (WBK)/Wilayah Birokrasi Bersih dan Melayani (WBBM).",
    "Rencana kerja ini bersifat dinamis: ketentuan di dalamnya dapat diubah sesuai kebutuhan dan "
    "perkembangan lingkungan strategis, dan pelaksanaannya dipantau serta dievaluasi secara berkala.",
]


def standard_outline(regulation_key: str) -> list[tuple[str, str]]:
    """(Judul, Isi) rows for the Narasi sheet of a new workbook: the headings of BAB I-IV written out,
    each list item with its number typed, and "{Rencana Aksi}" where the table stands."""
    texts: dict[str, list[str]] = {}
    for bagian, text in standard_narasi(regulation_key):
        texts.setdefault(bagian, []).append(text)
    rows: list[tuple[str, str]] = []

    def write(heading: str, bagian: str | None) -> None:
        number = 0
        items = texts.get(bagian or "", [])
        if not items:
            rows.append((heading, ""))
        for index, text in enumerate(items):
            marker, rest = split_marker(text)
            if is_bullet(marker):
                number += 1
                text = f"{number}. {rest}"
            rows.append((heading if index == 0 else "", text))

    for bab_no, bab in enumerate(BABS, start=1):
        if bab.rencana_aksi:
            rows.append((bab_heading(bab_no, bab), "{" + RENCANA_AKSI_PLACEHOLDER + "}"))
            continue
        if bab.bagian is not None:
            write(bab_heading(bab_no, bab), bab.bagian)
            continue
        rows.append((bab_heading(bab_no, bab), ""))
        for sub_no, (heading, bagian) in enumerate(bab.subsections, start=1):
            write(f"{bab_no}.{sub_no} {heading}", bagian)
    return rows


def standard_narasi(regulation_key: str) -> list[tuple[str, str]]:
    """(Bagian, Isi) rows for the Narasi sheet of a new workbook under regulation "90-2021" or "52-2014"."""
    dasar_hukum = _DASAR_HUKUM_52 if regulation_key == "52-2014" else _DASAR_HUKUM_90
    rows = list(_COMMON_START)
    rows += [("Dasar Hukum", text) for text in dasar_hukum]
    rows += [("Maksud dan Tujuan", text) for text in _MAKSUD_TUJUAN]
    rows += [("Pengertian Umum", text) for text in _PENGERTIAN]
    rows += [("Pencanangan", text) for text in _PENCANANGAN]
    rows += [("Proses Pembangunan", text) for text in _PROSES]
    rows += [("Penutup", text) for text in _PENUTUP]
    return rows


_LAPORAN_LATAR = [
    "Pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK) dan Wilayah Birokrasi Bersih dan "
    "Melayani (WBBM) di {Nama Unit Kerja} dilaksanakan menurut rencana kerja dan rencana aksi tahun {Tahun}. "
    "Agar pelaksanaannya terarah dan hambatannya segera diatasi, setiap langkah aksi dipantau dan dievaluasi "
    "secara berkala.",
    "Monitoring dan evaluasi pembangunan Zona Integritas merupakan bagian dari area Manajemen Perubahan "
    "sebagaimana diamanatkan {Regulasi}; hasilnya dilaporkan kepada pimpinan sebagai bahan pengambilan "
    "keputusan dan perbaikan.",
]
_LAPORAN_TUJUAN = [
    "- Mengetahui kemajuan pelaksanaan setiap langkah aksi pembangunan Zona Integritas dibandingkan dengan "
    "target waktunya;",
    "- Mengidentifikasi kendala dan permasalahan dalam pelaksanaan rencana aksi; dan",
    "- Merumuskan saran dan tindak lanjut agar target pembangunan Zona Integritas tercapai.",
]
_LAPORAN_RUANG_LINGKUP = [
    "Monitoring dan evaluasi mencakup seluruh langkah aksi pada enam area perubahan: Manajemen Perubahan, "
    "Penataan Tatalaksana, Penataan Sistem Manajemen SDM, Penguatan Akuntabilitas Kinerja, Penguatan "
    "Pengawasan, dan Peningkatan Kualitas Pelayanan Publik, sampai dengan akhir periode laporan.",
]
_LAPORAN_PELAKSANAAN = [
    "Monitoring dan evaluasi dilaksanakan oleh Tim Zona Integritas {Nama Unit Kerja} dengan membandingkan "
    "realisasi setiap langkah aksi terhadap target waktunya pada rencana aksi, disertai bukti dukungnya.",
]
_LAPORAN_PENUTUP = [
    "Demikian laporan monitoring dan evaluasi pembangunan Zona Integritas {Nama Unit Kerja} ini disusun "
    "sebagai bahan evaluasi dan perbaikan berkelanjutan. Hasilnya menjadi dasar penyesuaian rencana aksi "
    "pada periode berikutnya.",
]


def standard_laporan_monev(regulation_key: str) -> list[tuple[str, str]]:
    """(Bagian, Isi) rows for every report in the LaporanMonev sheet of a new workbook: the chapters that do
    not change from one report to the next, and "akhir periode" as the date of signing."""
    dasar_hukum = _DASAR_HUKUM_52 if regulation_key == "52-2014" else _DASAR_HUKUM_90
    rows = [("Latar Belakang", text) for text in _LAPORAN_LATAR]
    rows += [("Tujuan", text) for text in _LAPORAN_TUJUAN]
    rows += [("Ruang Lingkup", text) for text in _LAPORAN_RUANG_LINGKUP]
    rows += [("Dasar Hukum", text) for text in dasar_hukum]
    rows += [("Pelaksanaan", text) for text in _LAPORAN_PELAKSANAAN]
    rows += [("Penutup", text) for text in _LAPORAN_PENUTUP]
    rows.append(("Tanggal Laporan", "akhir periode"))
    return rows
