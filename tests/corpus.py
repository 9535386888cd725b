"""A generated corpus of unit plans, for setting and proving the checks on plans they were not written for.

Twelve kinds of unit (Kecamatan, Kelurahan, Dinas Kesehatan, Dinas Pendidikan, a Badan, a Puskesmas, an
RSUD, a ministry's Balai, a Kantor Wilayah, a KPP, a Pengadilan Negeri, a university faculty), in both
regulations' structure (90/2021 from 2022, 52/2014 up to 2021), in the two layouts staff use (the flat one
`init` writes, and the grouped one with area rows and merged NO/KOMPONEN cells). Each is written the way its
staff write: its own head, its partners ("Kepala Dinas Kesehatan" and "e-Puskesmas" in a Puskesmas, the
desa in a Kecamatan, the Kementerian and Badan in a Balai), its region, regulations with their years, a
history sentence in the Narasi.

`plant` then puts known defects at known cells (residue of another kind of agency, another region's place
name, wrong years in targets and evidence, empty cells, result-phrased Langkah Aksi, evidence dated outside
its target, another area's title, a realisation already at 100%, a missing indicator, ...), and every other
row must stay clean. `corpus_report` runs the checks over every workbook and counts, per code, what was
planted, found, and found where nothing was planted (false positives), and the false positives per unit
kind. scripts/corpus_report.py prints the table; tests/checks/test_corpus.py asserts the targets.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from conftest import PLAN_HEADER
from openpyxl import Workbook as XlsxWorkbook

from zi_sheets.analysis.analyse import analyse
from zi_sheets.analysis.matching import komponen_candidates
from zi_sheets.checks import content
from zi_sheets.checks.run import run_checks
from zi_sheets.common.bahasa import BULAN, roman
from zi_sheets.common.catalogue import Komponen, load_catalogue
from zi_sheets.common.dates import parse_target
from zi_sheets.common.findings import Finding, Severity
from zi_sheets.common.model import AREAS
from zi_sheets.reading.workbook import read_workbook

TODAY = dt.date(2025, 6, 1)


@dataclass(frozen=True)
class Unit:
    """One unit of the corpus, in its own words.

    `partners` are phrases naming the agencies it works with (used in clean rows); `residue` names of
    agencies of another kind (planted as copy-paste residue); `other_place` a kabupaten/kota outside its
    region; `kode` whether its plan carries Kode LKE; `grouped` the seed's layout; `realisasi` whether its
    plan carries a Realisasi column; `shape` "output" for a matrix of Komponen -> Output -> Target -> Waktu
    (no Indikator, no Langkah Aksi column, as many units write theirs), "no-langkah" for Komponen ->
    Indikator -> Bukti Fisik -> Target Waktu; `codes` whether its Target Waktu is
    written in month codes and period words ("B03", "TW II", "Setiap Triwulan", "Akhir Tahun").
    """

    kind: str
    name: str
    pemda: str
    kabupaten: str
    tempat: str
    year: int
    jabatan: str
    head: str
    partners: tuple[str, ...]
    residue: tuple[str, ...]
    other_place: str
    service: str
    app: str
    kode: bool = True
    grouped: bool = False
    realisasi: bool = False
    shape: str = ""
    codes: bool = False
    dasar_hukum: tuple[str, ...] = ()
    # -- clean sentences naming its own partners, places and apps the way its staff do
    extras: tuple[str, ...] = ()


UNITS: tuple[Unit, ...] = (
    Unit(
        "Kecamatan",
        "Kecamatan Sukodono",
        "Pemerintah Kabupaten Lumajang",
        "Kabupaten Lumajang",
        "Lumajang",
        2024,
        "Camat Sukodono",
        "Camat",
        (
            "Kepala Desa Dawuhan Wangi",
            "Kepala Desa Kebonagung",
            "Puskesmas Sukodono",
            "KUA Kecamatan Sukodono",
            "Kapolsek dan Danramil",
            "Bappeda (Musrenbang Kecamatan)",
            "Inspektorat Kabupaten Lumajang",
        ),
        ("Kepala Dinas", "Dispendukcapil", "Kepala Balai", "KPP Pratama", "Kecamatan Tempeh"),
        "Kabupaten Jember",
        "pelayanan administrasi terpadu kecamatan (PATEN)",
        "aplikasi SIPRAJA",
        extras=(
            "Berkoordinasi dengan Kepala Desa Dawuhan Wangi, Kecamatan Sukodono, Kabupaten Lumajang",
            "Melatih UMKM bersama Kamar Dagang dan Industri (Kadin) Kabupaten Lumajang",
            "Forum Musrenbang Kecamatan dihadiri Bupati Lumajang dan Bappeda",
            "Lurah dan Kepala Desa se-Kecamatan Sukodono mengikuti sosialisasi",
        ),
    ),
    Unit(
        "Kelurahan",
        "Kelurahan Citrodiwangsan",
        "Pemerintah Kabupaten Lumajang",
        "Kabupaten Lumajang",
        "Lumajang",
        2020,
        "Lurah Citrodiwangsan",
        "Lurah",
        ("Camat Lumajang", "Puskesmas Rogotrunan", "Ketua RW dan RT", "Babinsa dan Bhabinkamtibmas"),
        ("Kepala Dinas", "Kepala Kantor Pertanahan", "Dekan", "Kelurahan Jogotrunan"),
        "Kota Probolinggo",
        "pelayanan surat pengantar dan keterangan",
        "aplikasi SIPAKDE",
        kode=False,
        grouped=True,
        extras=(
            "Rapat bersama Camat Lumajang di Kantor Kecamatan Lumajang",
            "Melayani surat keterangan di Kelurahan Citrodiwangsan Kabupaten Lumajang",
        ),
    ),
    Unit(
        "Dinas Kesehatan",
        "Dinas Kesehatan Kabupaten Banyuwangi",
        "Pemerintah Kabupaten Banyuwangi",
        "Kabupaten Banyuwangi",
        "Banyuwangi",
        2024,
        "Kepala Dinas Kesehatan Kabupaten Banyuwangi",
        "Kepala Dinas",
        (
            "Puskesmas Genteng",
            "Puskesmas Rogojampi",
            "RSUD Blambangan",
            "Labkesda",
            "BPJS Kesehatan",
            "Kementerian Kesehatan",
            "e-Puskesmas",
        ),
        ("Kepala Balai", "KPP Pratama", "Lapas", "Dekan", "Kementerian Pertanian"),
        "Kabupaten Situbondo",
        "pelayanan perizinan kesehatan",
        "aplikasi SIMPUS",
        realisasi=True,
        dasar_hukum=("Peraturan Menteri Kesehatan Nomor 43 Tahun 2019 tentang Pusat Kesehatan Masyarakat",),
        extras=(
            "Pembinaan Puskesmas Genteng dan Puskesmas Rogojampi oleh Kepala Dinas Kesehatan",
            "Merekap kunjungan dari e-Puskesmas seluruh Puskesmas se-Kabupaten Banyuwangi",
            "Koordinasi rujukan dengan RSUD Blambangan dan BPJS Kesehatan",
            "Melapor ke Dinas Kesehatan Provinsi Jawa Timur",
        ),
    ),
    Unit(
        "Dinas Pendidikan",
        "Dinas Pendidikan Kabupaten Jember",
        "Pemerintah Kabupaten Jember",
        "Kabupaten Jember",
        "Jember",
        2019,
        "Kepala Dinas Pendidikan Kabupaten Jember",
        "Kepala Dinas",
        ("Korwil Pendidikan", "UPT Satuan Pendidikan", "Kemendikbud", "kepala sekolah SD dan SMP"),
        ("Direktur RSUD", "Kantor Imigrasi", "BBPOM", "Kepala Kantor Pertanahan", "Ketua Pengadilan Negeri"),
        "Kabupaten Bondowoso",
        "pelayanan legalisir ijazah dan mutasi siswa",
        "aplikasi Dapodik",
        kode=False,
        grouped=True,
        shape="no-langkah",
        extras=(
            "Rapat bersama Korwil Pendidikan di 31 kecamatan",
            "Pembinaan kepala sekolah oleh Kepala Dinas Pendidikan Kabupaten Jember",
        ),
    ),
    Unit(
        "Badan",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Malang",
        "Pemerintah Kabupaten Malang",
        "Kabupaten Malang",
        "Kepanjen",
        2024,
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Kepala Badan",
        ("seluruh Perangkat Daerah", "Inspektorat Daerah", "BKN Kantor Regional II", "Dinas Kesehatan"),
        ("Kepala Balai", "KPP Pratama", "Ketua Pengadilan Negeri", "Dekan", "Kepala Kantor Imigrasi"),
        "Kabupaten Pasuruan",
        "pelayanan kenaikan pangkat dan pensiun",
        "aplikasi SIMASN",
        extras=(
            "Verifikasi usulan kenaikan pangkat dari seluruh Perangkat Daerah, Kecamatan dan Puskesmas",
            "Integrasi data dengan SIASN BKN",
        ),
    ),
    Unit(
        "Puskesmas",
        "UPTD Puskesmas Klakah",
        "Pemerintah Kabupaten Lumajang",
        "Kabupaten Lumajang",
        "Lumajang",
        2024,
        "Kepala UPTD Puskesmas Klakah",
        "Kepala Puskesmas",
        (
            "Kepala Dinas Kesehatan",
            "Dinas Kesehatan",
            "Puskesmas Pembantu Duren",
            "Posyandu",
            "Kepala Desa se-Kecamatan Klakah",
            "Camat Klakah",
            "RSUD dr. Haryoto",
            "BPJS Kesehatan",
            "e-Puskesmas",
        ),
        ("Kepala Kantor", "Kepala Balai", "Dispendukcapil", "Lapas", "Puskesmas Tempeh"),
        "Kabupaten Probolinggo",
        "pelayanan rawat jalan",
        "e-Puskesmas",
        kode=False,
        grouped=True,
        dasar_hukum=("Peraturan Menteri Kesehatan Nomor 43 Tahun 2019 tentang Pusat Kesehatan Masyarakat",),
        extras=(
            "Lokakarya mini lintas sektor bersama Camat Klakah dan Kepala Desa se-Kecamatan Klakah",
            "Input data kunjungan pada e-Puskesmas; laporan ke Kepala Dinas Kesehatan Kabupaten Lumajang",
            "Merujuk pasien ke RSUD dr. Haryoto melalui aplikasi P-Care BPJS Kesehatan",
            "Pembinaan Puskesmas Pembantu Duren dan Posyandu",
        ),
    ),
    Unit(
        "RSUD",
        "RSUD dr. Haryoto Kabupaten Lumajang",
        "Pemerintah Kabupaten Lumajang",
        "Kabupaten Lumajang",
        "Lumajang",
        2020,
        "Direktur RSUD dr. Haryoto",
        "Direktur",
        ("Dinas Kesehatan", "Puskesmas", "BPJS Kesehatan", "Kementerian Kesehatan"),
        ("Camat", "Kepala Desa", "Kantor Imigrasi", "Dekan", "Kepala Kantor Pertanahan"),
        "Kabupaten Jember",
        "pelayanan rawat inap",
        "SIMRS",
        realisasi=True,
        extras=(
            "Koordinasi rujukan balik dengan Puskesmas dan Dinas Kesehatan",
            "Mengajukan klaim layanan melalui BPJS Kesehatan",
        ),
    ),
    Unit(
        "Balai",
        "Balai Karantina Pertanian Kelas I Surabaya",
        "Badan Karantina Pertanian, Kementerian Pertanian",
        "Kota Surabaya",
        "Surabaya",
        2019,
        "Kepala Balai Karantina Pertanian Kelas I Surabaya",
        "Kepala Balai",
        ("Badan Karantina Pertanian", "Kementerian Pertanian", "KPPN Surabaya I", "Inspektorat Jenderal"),
        ("BKPSDM", "Kepala Dinas", "Camat", "Kepala Puskesmas", "Kementerian Kesehatan"),
        "Provinsi Bali",
        "pelayanan sertifikasi karantina",
        "aplikasi IQFAST",
        kode=False,
        grouped=True,
        extras=(
            "Melapor kepada Kepala Badan Karantina Pertanian dan Kementerian Pertanian",
            "Melayani pengguna jasa di Pelabuhan Tanjung Perak Surabaya dan Bandara Juanda Sidoarjo",
            "Pembayaran PNBP melalui KPPN Surabaya I",
        ),
    ),
    Unit(
        "Kantor Wilayah",
        "Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur",
        "Kementerian Hukum dan HAM Republik Indonesia",
        "Provinsi Jawa Timur",
        "Surabaya",
        2024,
        "Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur",
        "Kepala Kantor Wilayah",
        ("Lapas Kelas IIB Lumajang", "Kantor Imigrasi Malang", "Bapas Surabaya", "Ditjen PAS", "Itjen"),
        ("BKPSDM", "Camat", "Dinas Pendidikan", "Kepala Puskesmas", "Sekretariat Daerah"),
        "Provinsi Jawa Tengah",
        "pelayanan kekayaan intelektual",
        "aplikasi SIMPEG Kemenkumham",
        extras=(
            "Monitoring Lapas Kelas IIB Lumajang, Rutan Kelas I Surabaya dan Kantor Imigrasi Malang",
            "Melapor kepada Kementerian Hukum dan HAM dan Inspektorat Jenderal",
        ),
    ),
    Unit(
        "KPP",
        "Kantor Pelayanan Pajak Pratama Lumajang",
        "Direktorat Jenderal Pajak, Kementerian Keuangan",
        "Kabupaten Lumajang",
        "Lumajang",
        2024,
        "Kepala Kantor Pelayanan Pajak Pratama Lumajang",
        "Kepala Kantor",
        ("Kanwil DJP Jawa Timur III", "KPPN Lumajang", "Pemkab Lumajang", "Bapenda"),
        ("Kepala Dinas", "Camat", "Kepala Puskesmas", "Kantor Imigrasi", "BKPSDM"),
        "Kabupaten Jember",
        "pelayanan NPWP dan SPT",
        "aplikasi e-Filing",
        kode=False,
        grouped=True,
        shape="output",
        codes=True,
        extras=(
            "Melapor kepada Kanwil DJP Jawa Timur III",
            "Kerja sama dengan Pemkab Lumajang dan Bapenda dalam pemadanan data",
        ),
    ),
    Unit(
        "Pengadilan Negeri",
        "Pengadilan Negeri Lumajang",
        "Mahkamah Agung Republik Indonesia",
        "Kabupaten Lumajang",
        "Lumajang",
        2019,
        "Ketua Pengadilan Negeri Lumajang",
        "Ketua Pengadilan",
        ("Pengadilan Tinggi Surabaya", "Badilum", "Kejaksaan Negeri Lumajang", "Lapas Lumajang"),
        ("Pengadilan Agama", "Kepala Dinas", "Camat", "BKPSDM", "Kepala Puskesmas"),
        "Kabupaten Jember",
        "pelayanan terpadu satu pintu (PTSP) pengadilan",
        "e-Court",
        codes=True,
        extras=(
            "Koordinasi dengan Kejaksaan Negeri Lumajang dan Lapas Lumajang",
            "Melapor kepada Pengadilan Tinggi Surabaya dan Badilum Mahkamah Agung",
        ),
    ),
    Unit(
        "Fakultas",
        "Fakultas Teknik Universitas Jember",
        "Universitas Jember",
        "Kabupaten Jember",
        "Jember",
        2024,
        "Dekan Fakultas Teknik",
        "Dekan",
        (
            "Rektor",
            "LP3M",
            "SPI Universitas Jember",
            "Gugus Penjaminan Mutu",
            "Program Studi",
            "Kemendikbudristek",
        ),
        ("Fakultas Hukum", "Kepala Dinas", "Camat", "Kepala Puskesmas", "Kepala Kantor Pertanahan"),
        "Kota Malang",
        "pelayanan akademik mahasiswa",
        "aplikasi SISTER",
        extras=(
            "Audit mutu internal oleh LP3M Universitas Jember",
            "Melapor kepada Rektor; berkoordinasi dengan Gugus Penjaminan Mutu setiap Program Studi",
        ),
    ),
)


# ---------------------------------------------------------------------------------------------------------
# How each komponen's rows are written: (Langkah Aksi lines, Bukti Fisik), by the komponen's topic

_TOPICS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("tim kerja", "penyusunan tim"), "tim"),
    (("rencana pembangunan",), "rencana"),
    (("pemantauan dan evaluasi",), "monev"),
    (("pola pikir", "budaya kerja", "komitmen dalam", "membangun budaya"), "budaya"),
    (("komitmen pimpinan", "keterlibatan pimpinan"), "pimpinan"),
    (("prosedur", "proses bisnis"), "sop"),
    (("spbe", "e office", "transformasi digital", "teknologi informasi"), "it"),
    (("keterbukaan informasi",), "kip"),
    (("kebutuhan pegawai",), "kebutuhan"),
    (("mutasi",), "mutasi"),
    (("kompetensi", "assessment"), "kompetensi"),
    (("kinerja individu",), "kinerja"),
    (("disiplin", "pelanggaran"), "disiplin"),
    (("informasi kepegawaian",), "simpeg"),
    (("akuntabilitas", "capaian kinerja", "kerangka logis", "reward"), "akip"),
    (("gratifikasi",), "gratifikasi"),
    (("spip", "pengendalian intern", "mekanisme pengendalian"), "spip"),
    (("pengaduan",), "pengaduan"),
    (("whistle",), "wbs"),
    (("benturan",), "benturan"),
    (("harta kekayaan",), "lhkpn"),
    (("standar pelayanan",), "standar"),
    (("budaya pelayanan",), "prima"),
    (("kepuasan",), "skm"),
    (("inovasi",), "inovasi"),
)

_WRITING: dict[str, tuple[tuple[str, str], ...]] = {
    "tim": (
        (
            "Menyusun SOP pemilihan anggota Tim ZI\nMenetapkan SK Tim Pembangunan ZI oleh {head}",
            "SOP pemilihan; SK Tim ZI",
        ),
        (
            "Melaksanakan seleksi anggota tim dari setiap bidang\nMengusulkan nama anggota kepada {head}",
            "Berita acara seleksi; daftar usulan",
        ),
    ),
    "rencana": (
        (
            "Menyusun rencana kerja pembangunan ZI\nMembahas rancangan bersama {partner}",
            "Dokumen rencana kerja ZI",
        ),
        ("Menetapkan target prioritas pembangunan ZI", "Dokumen target prioritas"),
        (
            "Mensosialisasikan rencana kerja melalui media sosial dan banner",
            "Foto banner; tangkapan layar media sosial",
        ),
    ),
    "monev": (
        (
            "Melaksanakan rapat monitoring dan evaluasi pembangunan ZI bersama {head}",
            "Undangan, daftar hadir, notulen rapat monev",
        ),
        ("Menindaklanjuti rekomendasi hasil monev", "Laporan tindak lanjut hasil monev"),
    ),
    "budaya": (
        ("{head} memberi contoh hadir tepat waktu setiap apel pagi", "Daftar hadir apel; foto kegiatan"),
        (
            "Menetapkan agen perubahan\nMelaksanakan pembinaan agen perubahan",
            "SK agen perubahan; laporan pembinaan",
        ),
        ("Melaksanakan kegiatan internalisasi budaya kerja", "Laporan internalisasi budaya kerja"),
        (
            "Melibatkan seluruh pegawai dalam penyusunan inovasi {service}",
            "Notulen rapat; daftar usulan pegawai",
        ),
    ),
    "pimpinan": (
        (
            "{head} memimpin penyusunan Perjanjian Kinerja dan Rencana Kerja",
            "Perjanjian Kinerja; Rencana Kerja",
        ),
        ("{head} memantau capaian kinerja secara berkala dalam rapat staf", "Notulen rapat staf"),
    ),
    "sop": (
        ("Menyusun peta proses bisnis dan SOP {service}", "Peta proses bisnis; SOP"),
        (
            "Menerapkan SOP pada seluruh layanan\nMelakukan evaluasi penerapan SOP",
            "Laporan evaluasi penerapan SOP",
        ),
    ),
    "it": (
        ("Mengembangkan {app} untuk {service}", "Tangkapan layar {app}; panduan penggunaan"),
        ("Menggunakan aplikasi e-Kinerja untuk pengukuran kinerja pegawai", "Rekap e-Kinerja"),
        ("Melakukan monitoring pemanfaatan teknologi informasi bersama {partner}", "Laporan monitoring TI"),
    ),
    "kip": (
        (
            "Menetapkan SK PPID pelaksana\nMengunggah informasi publik di website",
            "SK PPID; tangkapan layar website",
        ),
        ("Menyusun laporan layanan informasi publik", "Laporan layanan informasi publik"),
    ),
    "kebutuhan": (
        ("Menyusun analisis jabatan dan analisis beban kerja", "Dokumen ANJAB dan ABK"),
        ("Mengusulkan kebutuhan pegawai sesuai ABK", "Surat usulan kebutuhan pegawai"),
        ("Melakukan evaluasi penempatan pegawai", "Laporan evaluasi penempatan pegawai"),
    ),
    "mutasi": (
        ("Menyusun pola mutasi internal", "Dokumen pola mutasi internal"),
        ("Melaksanakan rotasi pegawai antar bidang", "SK rotasi pegawai"),
        ("Melakukan monev pelaksanaan mutasi internal", "Laporan monev mutasi"),
    ),
    "kompetensi": (
        ("Melaksanakan analisis kebutuhan diklat pegawai", "Dokumen analisis kebutuhan diklat"),
        ("Mengikutsertakan pegawai dalam pelatihan dan bimtek", "Sertifikat pelatihan; surat tugas"),
        ("Menyusun rencana pengembangan kompetensi pegawai", "Rencana pengembangan kompetensi"),
        ("Melaksanakan in house training {service}", "Laporan in house training"),
        ("Melakukan evaluasi hasil pengembangan kompetensi", "Laporan evaluasi pengembangan kompetensi"),
        ("Menyusun data kesenjangan kompetensi pegawai", "Data kesenjangan kompetensi"),
    ),
    "kinerja": (
        ("Menyusun SKP seluruh pegawai", "Dokumen SKP"),
        ("Melakukan penilaian kinerja pegawai setiap bulan", "Rekap penilaian kinerja bulanan"),
        ("Menetapkan pegawai teladan berdasarkan hasil penilaian kinerja", "SK pegawai teladan"),
    ),
    "disiplin": (
        ("Mensosialisasikan kode etik dan disiplin pegawai", "Daftar hadir sosialisasi; buku saku kode etik"),
        ("Menjatuhkan sanksi disiplin sesuai ketentuan", "Rekap pelanggaran dan sanksi"),
    ),
    "simpeg": (("Memutakhirkan data pegawai pada SIMPEG", "Tangkapan layar SIMPEG"),),
    "akip": (
        ("Menyusun Renstra, Rencana Kerja dan Perjanjian Kinerja", "Renstra; Renja; Perjanjian Kinerja"),
        ("Menyusun Laporan Kinerja tepat waktu", "Laporan Kinerja"),
        ("Melaksanakan bimtek penyusunan SAKIP bersama {partner}", "Laporan bimtek SAKIP"),
        ("Melakukan pengukuran kinerja triwulanan", "Laporan pengukuran kinerja"),
    ),
    "gratifikasi": (
        ("Membentuk UPG dan memasang banner anti gratifikasi", "SK UPG; foto banner"),
        ("Menyampaikan laporan gratifikasi kepada Inspektorat", "Laporan gratifikasi"),
    ),
    "spip": (
        ("Menyusun peta risiko {service}", "Dokumen peta risiko"),
        ("Melaksanakan kegiatan pengendalian sesuai rencana tindak pengendalian", "Laporan pengendalian"),
        ("Mensosialisasikan SPIP kepada seluruh pegawai", "Daftar hadir; materi sosialisasi SPIP"),
        ("Menyusun rencana tindak pengendalian", "Dokumen RTP"),
    ),
    "pengaduan": (
        ("Menyediakan kanal pengaduan masyarakat", "Foto kotak pengaduan; tangkapan layar SP4N-LAPOR"),
        ("Menindaklanjuti pengaduan masyarakat", "Rekap tindak lanjut pengaduan"),
        ("Melakukan evaluasi penanganan pengaduan", "Laporan evaluasi pengaduan"),
    ),
    "wbs": (
        ("Menetapkan pengelola whistle blowing system", "SK pengelola WBS"),
        ("Melakukan evaluasi penerapan WBS", "Laporan evaluasi WBS"),
    ),
    "benturan": (
        ("Melakukan identifikasi benturan kepentingan", "Dokumen identifikasi benturan kepentingan"),
        ("Mensosialisasikan pedoman penanganan benturan kepentingan", "Daftar hadir sosialisasi"),
        ("Menyusun laporan penanganan benturan kepentingan", "Laporan penanganan benturan kepentingan"),
    ),
    "lhkpn": (
        ("Mengingatkan wajib lapor untuk menyampaikan laporan harta kekayaan", "Tanda terima LHKPN/LHKASN"),
    ),
    "standar": (
        ("Menyusun standar pelayanan {service}", "SK standar pelayanan"),
        ("Menyusun maklumat pelayanan dan memasangnya di ruang pelayanan", "Maklumat pelayanan; foto"),
        ("Melakukan reviu standar pelayanan bersama {partner}", "Laporan reviu standar pelayanan"),
    ),
    "prima": (
        ("Melaksanakan pelatihan pelayanan prima", "Laporan pelatihan pelayanan prima"),
        ("Menyediakan informasi pelayanan melalui {app}", "Tangkapan layar {app}"),
        ("Menerapkan sistem reward dan punishment bagi petugas layanan", "SK reward dan punishment"),
        ("Menyediakan sarana ruang tunggu dan ruang laktasi", "Foto sarana pelayanan"),
    ),
    "skm": (
        ("Melaksanakan survei kepuasan masyarakat", "Laporan SKM"),
        ("Mempublikasikan hasil SKM di website", "Tangkapan layar website"),
        ("Menindaklanjuti hasil SKM", "Laporan tindak lanjut SKM"),
    ),
    "inovasi": (("Mengembangkan inovasi {service} bersama {partner}", "Dokumen inovasi; SK inovasi"),),
    "umum": (("Melaksanakan kegiatan sesuai indikator bersama {partner}", "Laporan kegiatan"),),
}


# -- Clean rewrites that a careful reviewer accepts: action nouns, subject + verb, passive, an imperative,
# -- items listed under a colon.
_CLEAN_VARIANTS: tuple[tuple[str, str], ...] = (
    ("Penyusunan SOP {service}", "SOP {service}"),
    ("Sosialisasi kebijakan kepada seluruh pegawai", "Daftar hadir; foto sosialisasi"),
    ("Rapat koordinasi bersama {partner}", "Undangan; notulen rapat koordinasi"),
    ("Lakukan evaluasi pelaksanaan kegiatan setiap semester", "Laporan evaluasi semester"),
    ("Menyusun SOP layanan:\n- SOP {service}\n- SOP penanganan pengaduan", "SOP layanan"),
    ("Tim ZI melaksanakan evaluasi bulanan\nHasil evaluasi dilaporkan kepada {head}", "Laporan evaluasi"),
    ("Papan informasi layanan dipasang di ruang tunggu", "Foto papan informasi"),
    ("Koordinasi dengan {partner}\nPenyampaian laporan kepada {head}", "Notulen; laporan"),
    ("1. Menyusun kuesioner survei\n2. Mengolah hasil survei", "Rekap kuesioner; laporan survei"),
)


def _topic(komponen: Komponen) -> str:
    name = komponen.name.lower().replace("-", " ")
    return next((topic for keys, topic in _TOPICS if any(k in name for k in keys)), "umum")


# -- How grouped-layout units write a komponen: the catalogue's name, sometimes in capitals, sometimes with
# -- the abbreviation spelled out and a full stop.
_SPIP = "Penerapan SPIP (Sistem Pengendalian Intern Pemerintah)."
_KOMPONEN_VARIANTS = {
    "Penerapan SPIP": _SPIP,
    "Penerapan Sistem Pengendalian Intern Pemerintah (SPIP)": _SPIP,
    "Keterbukaan Informasi Publik": "Keterbukaan Informasi Publik (KIP).",
    "Whistle-Blowing System": "Whistle Blowing System (WBS)",
    # -- short forms units write (the catalogue's known short names, `data/komponen-nama.csv`)
    "Prosedur operasional tetap (SOP) kegiatan utama": "SOP",
    "Penilaian kepuasan terhadap pelayanan": "Survei Kepuasan Masyarakat",
    "Sistem Informasi Kepegawaian": "SIMPEG",
    "Tim Kerja": "Tim ZI",
}


@dataclass
class Row:
    """One plan row before it is written: area, komponen and the texts of its cells."""

    area_no: int
    komponen: Komponen
    kode: str
    indikator: str
    langkah: str
    bukti: str
    target: str
    pj: str
    realisasi: str = ""
    jumlah: str = ""  # -- the Target (how much) of an Output-shaped plan


@dataclass
class Plan:
    """A unit's workbook before it is written, and what was planted in it."""

    unit: Unit
    regulation: str
    rows: list[Row]
    area_titles: dict[int, str]
    narasi: list[tuple[str, str]]
    monev: list[tuple[object, str, str, str]]
    targets: list[str]
    # -- (sheet, code, where): where is a column letter + the Row object, or a key for sheet-level findings
    planted: list[tuple[str, str, object]] = field(default_factory=list)
    allowed: list[tuple[str, str, object]] = field(default_factory=list)
    # -- Identitas values that replace the unit's own (a copied workbook's leftovers)
    identitas: dict[str, object] = field(default_factory=dict)
    # -- komponen written otherwise than by the catalogue's name (code -> name), and those left unnumbered
    written_names: dict[str, str] = field(default_factory=dict)
    unnumbered: set[str] = field(default_factory=set)


def _month(year: int, index: int) -> str:
    return f"{BULAN[index % 12]} {year}"


def _coded(spread: int) -> tuple[str, ...]:
    """Target Waktu as units write their schedules in codes and period words (spread: a month 0-11)."""
    quarter = roman(spread // 3 + 1)
    return (
        f"B{spread + 1:02d}",
        "B03, B06, B09 dan B12",
        f"Bln {spread + 1}",
        f"TW {quarter}",
        f"Triw. {quarter}",
        "Tiap Bulan",
        "Setiap Triwulan",
        "Per Semester",
        f"Minggu ke-2 {BULAN[spread]}",
        "Akhir Tahun",
    )


# -- The shapes without a Langkah Aksi column. --
_NO_LANGKAH = frozenset({"output", "no-langkah"})
# -- What an Output-shaped plan writes in its Target column (how much), beside the Waktu (when). --
_QUANTITIES = ("1 Dokumen", "1 Laporan", "100%", "1 SK", "4 Laporan", "1 Paket")


def write_plan(unit: Unit, rng: random.Random) -> Plan:
    """The clean plan of `unit`: one row per catalogue indicator, in its own words."""
    regulation = "90-2021" if unit.year >= 2022 else "52-2014"
    catalogue = load_catalogue(regulation)
    rows: list[Row] = []
    used: set[str] = set()
    for komponen in catalogue.komponen:
        writing = _WRITING[_topic(komponen)]
        for index, indicator in enumerate(komponen.indicators):
            langkah, bukti = writing[index % len(writing)]
            partner = unit.partners[(len(rows) + index) % len(unit.partners)]
            values = {"head": unit.head, "partner": partner, "service": unit.service, "app": unit.app}
            statement = indicator.text.replace("Apakah ", "").rstrip(" ?").strip()
            statement = statement[0].upper() + statement[1:]
            spread = rng.randrange(12)
            target = rng.choice(
                (
                    _month(unit.year, spread),
                    f"Januari s/d Desember {unit.year}",
                    f"Juni, Desember {unit.year}",
                    f"Triwulan {roman(spread // 3 + 1)} {unit.year}",
                    _month(unit.year, spread),
                )
            )
            if unit.codes and rng.random() < 0.7:
                target = rng.choice(_coded(spread))
            if rng.random() < 0.2:
                langkah, bukti = rng.choice(_CLEAN_VARIANTS)
            if unit.extras and rng.random() < 0.15:
                extra = rng.choice(unit.extras)
                if rng.random() < 0.5:
                    langkah = f"{langkah}\n{extra}"
                else:
                    bukti = f"{bukti}; {extra}"
            if target.startswith("Juni, Desember") and rng.random() < 0.5:
                bukti = f"{bukti}; laporan semester bulan Juni dan Desember {unit.year}"
            elif target == _month(unit.year, spread) and rng.random() < 0.3:
                bukti = f"{bukti} bulan {BULAN[spread % 12]}"
            if bukti.format(**values) in used:
                # -- a careful unit gives each indicator its own evidence: a Bukti again names what it answers
                words = [word for word in statement.split()[:6] if not any(c.isdigit() for c in word)]
                bukti = f"{bukti} untuk {' '.join(words).lower().rstrip(',.;:')}"
            used.add(bukti.format(**values))
            if unit.shape == "output":
                # -- only the output: what the row produces, told apart by what it answers
                words = [word for word in statement.split()[:5] if not any(c.isdigit() for c in word)]
                bukti = f"{bukti} ({' '.join(words).lower().rstrip(',.;:')})"
            rows.append(
                Row(
                    area_no=komponen.area_no,
                    komponen=komponen,
                    kode=indicator.code if unit.kode else "",
                    indikator="" if unit.shape == "output" else indicator.text if unit.kode else statement,
                    langkah="" if unit.shape in _NO_LANGKAH else langkah.format(**values),
                    bukti=bukti.format(**values),
                    target=target,
                    pj=rng.choice(("Sekretaris", "Kasubag Umum dan Kepegawaian", "Tim ZI", unit.head)),
                    realisasi="0%" if unit.realisasi else "",
                    jumlah=rng.choice(_QUANTITIES) if unit.shape == "output" else "",
                )
            )
    areas = {a.no: a.name for a in catalogue.areas}
    titles = {no: (AREAS[no].upper() if unit.grouped else f"{roman(no)}. {AREAS[no]}") for no in areas}
    narasi = [
        (
            "Latar Belakang",
            f"{{Nama Unit Kerja}} berkomitmen membangun Zona Integritas di wilayah {unit.kabupaten}.",
        ),
        (
            "Latar Belakang",
            f"Sejak tahun {unit.year - 3}, {{Nama Unit Kerja}} telah melaksanakan {unit.service}.",
        ),
        (
            "Latar Belakang",
            f"Pada tahun {unit.year - 1}, {{Nama Unit Kerja}} menerima penghargaan pelayanan publik; "
            f"Road Map Reformasi Birokrasi {unit.year - 4}-{unit.year + 1} menjadi acuan.",
        ),
        *(("Latar Belakang", extra) for extra in unit.extras[:1]),
        ("Dasar Hukum", "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"),
        (
            "Dasar Hukum",
            "Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi 2010-2025",
        ),
        (
            "Dasar Hukum",
            "Peraturan Menteri PANRB Nomor 90 Tahun 2021 tentang Pembangunan dan Evaluasi Zona Integritas"
            if regulation == "90-2021"
            else "Peraturan Menteri PANRB Nomor 52 Tahun 2014 tentang Pedoman Pembangunan Zona Integritas",
        ),
        *(("Dasar Hukum", text) for text in unit.dasar_hukum),
        # -- years that date no document: a letter's number and year, a regulation's own date, a period
        (
            "Dasar Hukum",
            f"Surat Edaran Nomor B/{unit.year - 3}/M.KT.01/{unit.year - 3} Tahun {unit.year - 3} tanggal "
            f"12 Maret {unit.year - 3} tentang Percepatan Pembangunan Zona Integritas",
        ),
        ("Latar Belakang", f"Renstra {unit.year - 4}-{unit.year} menjadi acuan rencana kerja ini."),
        (
            "Maksud dan Tujuan",
            "Dokumen rencana kerja ini menjadi acuan {Nama Unit Kerja} pada Tahun {Tahun}.",
        ),
        ("Pencanangan", f"Pencanangan disaksikan oleh {unit.partners[0]} dan seluruh pegawai."),
        ("Penutup", "Rencana kerja ini bersifat dinamis dan dievaluasi setiap semester."),
    ]
    monev = []
    for month in (2, 3):
        for area in (1, 2, 6):
            monev.append(
                (
                    dt.datetime(unit.year, month, 1),
                    f"{roman(area)}. {AREAS[area]}",
                    f"Telah dilaksanakan kegiatan area {AREAS[area].lower()} bersama "
                    f"{unit.partners[area % len(unit.partners)]}; laporan Triwulan I {unit.year}",
                    "Selesai",
                )
            )
    targets = [f"Peningkatan kualitas {unit.service}", "Penyusunan SOP seluruh layanan"]
    plan = Plan(unit, regulation, rows, titles, narasi, monev, targets)
    return plan


# ---------------------------------------------------------------------------------------------------------
# Planting defects: each defect changes one cell of one row and records (cell, code)

Defect = Callable[[Plan, Row, random.Random], None]


def _plant(plan: Plan, code: str, column: str, row: Row) -> None:
    plan.planted.append(("RencanaAksi", code, (column, id(row))))


def _residue(plan: Plan, row: Row, rng: random.Random) -> None:
    name = rng.choice(plan.unit.residue)
    choice = rng.randrange(1 if plan.unit.shape in _NO_LANGKAH else 0, 3)
    if choice == 0:
        row.langkah = f"{row.langkah} sesuai arahan {name}"
        _plant(plan, "other-agency", "langkah", row)
    elif choice == 1:
        row.bukti = f"{row.bukti}; surat dari {name}"
        _plant(plan, "other-agency", "bukti", row)
    else:
        row.pj = name
        _plant(plan, "other-agency", "pj", row)


def _region(plan: Plan, row: Row, rng: random.Random) -> None:
    row.bukti = f"{row.bukti} {plan.unit.other_place}"
    _plant(plan, "other-region", "bukti", row)


def _target_year(plan: Plan, row: Row, rng: random.Random) -> None:
    row.target = rng.choice((f"Januari s/d Desember {plan.unit.year - 2}", f"Maret {plan.unit.year - 1}"))
    _plant(plan, "target-outside-year", "target", row)


def _target_impossible(plan: Plan, row: Row, rng: random.Random) -> None:
    row.target = f"Juni, Desember {str(plan.unit.year)[:3]}"
    _plant(plan, "target-year-impossible", "target", row)


def _evidence_old(plan: Plan, row: Row, rng: random.Random) -> None:
    joint = "; arsip" if row.bukti[-1:].isdigit() else ""
    row.bukti = f"{row.bukti}{joint} tahun {plan.unit.year - 2}"
    _plant(plan, "evidence-year-old", "bukti", row)


def _empty(field_name: str, code: str) -> Defect:
    def plant(plan: Plan, row: Row, rng: random.Random) -> None:
        setattr(row, field_name, "")
        _plant(plan, code, field_name, row)
        siblings = [r for r in plan.rows if r.komponen is row.komponen]
        if field_name in ("langkah", "bukti") and all(not (r.langkah or r.bukti) for r in siblings):
            # -- a komponen whose only row lost its action or output plans nothing: it is missing too
            plan.allowed.append(("RencanaAksi", "komponen-missing", row.komponen.code))
        if field_name == "indikator" and not plan.unit.kode:
            # -- a row without Kode LKE and without indicator text answers no indicator any more
            plan.allowed.append(("RencanaAksi", "indikator-missing", row.komponen.indicators[0].code))
            plan.allowed.append(("RencanaAksi", "indikator-missing", _indicator_of(plan, row)))

    return plant


def _row_empty(plan: Plan, row: Row, rng: random.Random) -> None:
    """Only the indicator, as a row copied from the LKE and never planned: one finding for the row."""
    row.langkah = row.bukti = row.target = ""
    _plant(plan, "plan-row-empty", "bukti" if plan.unit.shape in _NO_LANGKAH else "langkah", row)
    if all(not (r.langkah or r.bukti) for r in plan.rows if r.komponen is row.komponen):
        plan.allowed.append(("RencanaAksi", "komponen-missing", row.komponen.code))
    # -- its indicator is planned nowhere now
    plan.allowed.append(("RencanaAksi", "indikator-missing", row.kode or _indicator_of(plan, row)))


def _indicator_of(plan: Plan, row: Row) -> str:
    index = [r for r in plan.rows if r.komponen is row.komponen].index(row)
    return row.komponen.indicators[index].code


_RESULTS = (
    "SOP telah ditetapkan",
    "Pengendalian gratifikasi telah dilaksanakan",
    "WBS telah diinternalisasikan",
    "Data Base Terpadu",
    "Seluruh pegawai sudah memahami kode etik",
    "Tersedianya ruang pelayanan yang nyaman",
)


def _not_action(plan: Plan, row: Row, rng: random.Random) -> None:
    row.langkah = rng.choice(_RESULTS)
    _plant(plan, "langkah-not-action", "langkah", row)


def _repeats(plan: Plan, row: Row, rng: random.Random) -> None:
    row.langkah = row.bukti
    _plant(plan, "langkah-repeats-bukti", "langkah", row)


def _contradicts(plan: Plan, row: Row, rng: random.Random) -> None:
    row.target = f"Maret {plan.unit.year}"
    row.bukti = f"{row.bukti} bulan Oktober {plan.unit.year}"
    _plant(plan, "target-contradicts-bukti", "bukti", row)


def _realisasi(plan: Plan, row: Row, rng: random.Random) -> None:
    last = parse_target(row.target, plan.unit.year).last
    if last is None or last <= (plan.unit.year, 1):
        row.target = f"Januari s/d Desember {plan.unit.year}"  # due after the plan is signed
    if plan.unit.realisasi:
        row.realisasi = "100%"
        _plant(plan, "realisasi-in-plan", "realisasi", row)
    else:
        row.bukti = f"{row.bukti} (realisasi 100%)"
        _plant(plan, "realisasi-in-plan", "bukti", row)


def _drop_row(plan: Plan, row: Row, rng: random.Random) -> None:
    siblings = [r for r in plan.rows if r.komponen is row.komponen]
    if len(siblings) < 2:
        return
    code = _indicator_of(plan, row)
    plan.rows.remove(row)
    plan.planted.append(("RencanaAksi", "indikator-missing", code))


def _duplicate(plan: Plan, row: Row, rng: random.Random) -> None:
    if not plan.unit.kode:
        return
    copy = Row(**{**row.__dict__})
    plan.rows.insert(plan.rows.index(row) + 1, copy)
    _plant(plan, "duplicate-row", "indikator", copy)


def _kode_unknown(plan: Plan, row: Row, rng: random.Random) -> None:
    if not plan.unit.kode:
        return
    row.kode = "9.ix.z"
    _plant(plan, "kode-lke-unknown", "kode", row)
    # -- matched by its text instead, the row may miss its indicator
    plan.allowed.append(("RencanaAksi", "indikator-missing", _indicator_of(plan, row)))


def _twinned(plan: Plan, row: Row) -> bool:
    """Whether a row has a copy (a planted duplicate-row), which a change to it would undo."""
    return sum(1 for r in plan.rows if r.bukti == row.bukti and r.langkah == row.langkah) > 1


def _own_topics(plan: Plan, row: Row) -> list[content.Topic]:
    return [t for t in content.topics() if row.komponen.code in t.komponen[plan.regulation]]


def _mismatch(plan: Plan, row: Row, rng: random.Random) -> None:
    """Evidence of a topic of another area (whistle-blowing, else the satisfaction survey)."""
    if not _own_topics(plan, row) or _twinned(plan, row):
        return  # what the komponen asks for is not in the table
    evidence = "Laporan hasil SKM semester I" if row.area_no == 5 else "Pedoman Whistle Blowing System"
    row.bukti = evidence
    _plant(plan, "bukti-mismatch", "bukti", row)


def _copies_indikator(plan: Plan, row: Row, rng: random.Random) -> None:
    """The indicator with a verb in front, cut mid-word after its sixth word."""
    words = row.indikator.split()
    if len(words) < 8 or len(words[6]) < 5 or _twinned(plan, row):
        return
    row.langkah = "Melaksanakan " + " ".join(words[:6]).lower() + " " + words[6][:3].lower()
    _plant(plan, "langkah-copies-indikator", "langkah", row)


def _shared(plan: Plan, row: Row, rng: random.Random) -> None:
    """One document for two komponen that ask for different documents."""
    own = {t.name for t in _own_topics(plan, row)}
    other = next(
        (
            r
            for r in plan.rows
            if r.komponen is not row.komponen
            and r.bukti
            and not _twinned(plan, r)
            and not own & {t.name for t in _own_topics(plan, r)}
            and not any(key[1] == id(r) for _, _, key in plan.planted if isinstance(key, tuple))
        ),
        None,
    )
    if other is None or _twinned(plan, row):
        return
    row.bukti = other.bukti = f"Laporan kajian tata kelola {plan.unit.service}"
    first = min((row, other), key=plan.rows.index)
    _plant(plan, "bukti-shared", "bukti", first)


DEFECTS: dict[str, Defect] = {
    "other-agency": _residue,
    "other-region": _region,
    "target-outside-year": _target_year,
    "target-year-impossible": _target_impossible,
    "evidence-year-old": _evidence_old,
    "indikator-empty": _empty("indikator", "indikator-empty"),
    "langkah-aksi-empty": _empty("langkah", "langkah-aksi-empty"),
    "bukti-fisik-empty": _empty("bukti", "bukti-fisik-empty"),
    "target-waktu-empty": _empty("target", "target-waktu-empty"),
    "plan-row-empty": _row_empty,
    "langkah-not-action": _not_action,
    "langkah-repeats-bukti": _repeats,
    "target-contradicts-bukti": _contradicts,
    "realisasi-in-plan": _realisasi,
    "indikator-missing": _drop_row,
    "duplicate-row": _duplicate,
    "kode-lke-unknown": _kode_unknown,
    "bukti-mismatch": _mismatch,
    "langkah-copies-indikator": _copies_indikator,
    "bukti-shared": _shared,
}


# -- Defects of cells a plan of another shape has no column for (an Output-shaped plan's indicators are not
# -- listed one by one either: the absent Indikator column is the one finding).
_WITHOUT_LANGKAH = frozenset(
    {"langkah-aksi-empty", "langkah-not-action", "langkah-repeats-bukti", "langkah-copies-indikator"}
)
_WITHOUT_INDIKATOR = frozenset(
    {
        "indikator-empty",
        "langkah-aksi-empty",
        "langkah-not-action",
        "langkah-repeats-bukti",
        "indikator-missing",
        "duplicate-row",
        "kode-lke-unknown",
        "plan-row-empty",
        "langkah-copies-indikator",
    }
)
_NEEDS_COLUMNS = {"output": _WITHOUT_INDIKATOR, "no-langkah": _WITHOUT_LANGKAH}


def plant(plan: Plan, rng: random.Random, per_code: int = 1) -> None:
    """Plant every defect `per_code` times, each on its own row; plus a Monev year from the year before, a
    Monev date with an impossible year, another area's title over one area and a second other-agency in the
    Narasi."""
    free = list(plan.rows)
    rng.shuffle(free)
    for _ in range(per_code):
        for code, defect in DEFECTS.items():
            if code in _NEEDS_COLUMNS.get(plan.unit.shape, ()):
                continue
            defect(plan, free.pop(), rng)
    if plan.unit.shape in _NO_LANGKAH:
        # -- the plan's shape is the defect, once per column it lacks
        plan.planted.append(("RencanaAksi", "plan-column-absent", "Langkah Aksi"))
    if plan.unit.shape == "output":
        plan.planted.append(("RencanaAksi", "plan-column-absent", "Indikator"))
    _komponen_names(plan, rng)
    year = plan.unit.year
    bulan, area, capaian, status = plan.monev[1]
    plan.monev[1] = (bulan, area, f"{capaian} sesuai rencana aksi tahun {year - 1}", status)
    plan.planted.append(("Monev", "year-outside-plan", ("capaian", 1)))
    bulan, area, capaian, status = plan.monev[3]
    plan.monev[3] = (bulan, area, f"{capaian}; rapat evaluasi tanggal 18 Maret {str(year)[:3]}", status)
    plan.planted.append(("Monev", "text-year-impossible", ("capaian", 3)))
    wrong = 3 if not plan.unit.grouped else 2
    plan.area_titles[wrong] = (
        "PENATAAN SISTEM MANAJEMEN SDM" if wrong == 2 else "III. Penataan Tatalaksana dan Inovasi"
    )
    plan.planted.append(("RencanaAksi", "area-title-differs", ("area", wrong)))
    plan.targets.append("Seluruh pegawai dan masyarakat")
    plan.planted.append(
        ("TargetPrioritas", "target-prioritas-audience", ("target-prioritas", len(plan.targets) - 1))
    )
    _claims(plan)
    name = rng.choice(plan.unit.residue)
    plan.narasi.append(("Proses Pembangunan", f"Pembangunan ZI dikoordinasikan oleh {name}."))
    plan.planted.append(("Narasi", "other-agency", ("narasi", len(plan.narasi) - 1)))
    _copied_from_sibling(plan)


def _claims(plan: Plan) -> None:
    """What the Monev and the Narasi say against the plan (issue 23): the Monev reports every area but V
    (areas III and IV added to the clean plan's I, II and VI); the Narasi, laid out by area as plans write
    it, heads area III with area V's title and area VI only as a lettered item and numbers a list 1, 2, 4;
    a Dasar Hukum cites Perpres 81/2010 under the title of Perpres 54/2018 and another Perpres 18/2010 under
    81/2010's title."""
    year = plan.unit.year
    for month in (2, 3):
        for area in (3, 4):
            plan.monev.append(
                (
                    dt.datetime(year, month, 1),
                    f"{roman(area)}. {AREAS[area]}",
                    f"Kegiatan area {area}",
                    "Selesai",
                )
            )
    plan.planted.append(("Monev", "monev-area-missing", ""))
    written = {3: f"III. {AREAS[5]}", 6: f"f. {AREAS[6]}"}
    for area in AREAS:
        heading = written.get(area, f"{roman(area)}. {AREAS[area]}")
        plan.narasi.append(("Proses Pembangunan", heading))
        if area == 3:
            plan.planted.append(("Narasi", "narasi-area-title", ("narasi", len(plan.narasi) - 1)))
        if area == 6:
            plan.planted.append(("Narasi", "narasi-area-missing", ("narasi", len(plan.narasi) - 1)))
        plan.narasi.append(
            ("Proses Pembangunan", f"Kegiatan area {AREAS[area].lower()} sesuai rencana aksi.")
        )
    for text in ("1. Membangun komitmen pegawai", "2. Menyusun rencana kerja", "4. Melaksanakan monev"):
        plan.narasi.append(("Maksud dan Tujuan", text))
    plan.planted.append(("Narasi", "narasi-numbering", ("narasi", len(plan.narasi) - 1)))
    plan.narasi.append(
        ("Dasar Hukum", "Peraturan Presiden Nomor 81 Tahun 2010 tentang Strategi Nasional Pencegahan Korupsi")
    )
    plan.planted.append(("Narasi", "regulasi-title-wrong", ("narasi", len(plan.narasi) - 1)))
    plan.narasi.append(
        (
            "Dasar Hukum",
            "Peraturan Presiden Nomor 18 Tahun 2010 tentang Grand Design Reformasi Birokrasi 2010-2025",
        )
    )
    plan.planted.append(("Narasi", "regulasi-number-wrong", ("narasi", len(plan.narasi) - 1)))


# -- Per unit kind with a sibling of its own kind: the sibling as its own workbook names itself, and its town
# -- when that is another kabupaten (then the copy keeps it as Tempat Penetapan).
_SIBLINGS = {
    "Kecamatan": ("Kecamatan Tempeh", ""),
    "Kelurahan": ("Kelurahan Jogotrunan", ""),
    "Puskesmas": ("Puskesmas Tempeh", ""),
    "KPP": ("KPP Pratama Jember", "Jember"),
    "Pengadilan Negeri": ("PN Jember", "Jember"),
    "Fakultas": ("Fakultas Hukum", ""),
}


def _copied_from_sibling(plan: Plan) -> None:
    """The leftovers of a workbook copied from a sibling unit and renamed: the sibling in Jabatan Ketua Tim
    and in a Narasi line, its town as Tempat Penetapan."""
    sibling, town = _SIBLINGS.get(plan.unit.kind, ("", ""))
    if not sibling:
        return
    plan.identitas["Jabatan Ketua Tim"] = f"Sekretaris {sibling}"
    plan.planted.append(("Identitas", "other-agency", ("identitas", "Jabatan Ketua Tim")))
    plan.narasi.append(("Maksud dan Tujuan", f"Rencana kerja ini menjadi pedoman seluruh pegawai {sibling}."))
    plan.planted.append(("Narasi", "other-agency", ("narasi", len(plan.narasi) - 1)))
    if town:
        plan.identitas["Tempat Penetapan"] = town
        plan.planted.append(("Identitas", "other-region", ("identitas", "Tempat Penetapan")))


def _komponen_names(plan: Plan, rng: random.Random) -> None:
    """Komponen as real plans name them: one name cut off at the end of its column, one by the other
    regulation's name and, in the grouped layout, one komponen left without its number; one finding each,
    at the komponen's first row."""
    catalogue = load_catalogue(plan.regulation)
    firsts = {}
    for row in plan.rows:
        firsts.setdefault(row.komponen.code, row)
    cuttable = []
    for komponen in catalogue.komponen:
        words = komponen.name.split()
        if komponen.code not in firsts or len(words) < 3 or len(words[-1]) < 6:
            continue
        cut = " ".join([*words[:-1], words[-1][:3]])
        if komponen_candidates(plan.regulation, komponen.area_no, cut) == ((komponen,), "cut"):
            cuttable.append((komponen, cut))
    komponen, cut = rng.choice(cuttable)
    plan.written_names[komponen.code] = cut
    plan.planted.append(("RencanaAksi", "komponen-truncated", ("komponen", id(firsts[komponen.code]))))
    other = "2.2" if plan.regulation == "52-2014" else "P.2.ii"
    named = catalogue.komponen_by_code(other)
    if other in firsts and named is not None and named.other_names:
        plan.written_names[other] = named.other_names[0]
        plan.planted.append(("RencanaAksi", "komponen-other-regulation", ("komponen", id(firsts[other]))))
    if plan.unit.grouped:
        numbered = [
            k.code for k in catalogue.komponen if k.code in firsts and k.code not in plan.written_names
        ]
        code = rng.choice(numbered)
        plan.unnumbered.add(code)
        plan.planted.append(("RencanaAksi", "komponen-numbering", ("no", id(firsts[code]))))


# ---------------------------------------------------------------------------------------------------------
# Writing the workbook and locating what was planted

_GROUPED_HEADER = ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"]
_OUTPUT_HEADER = ["NO", "KOMPONEN", "OUTPUT", "TARGET", "WAKTU"]
_NO_LANGKAH_HEADER = ["NO", "KOMPONEN", "INDIKATOR", "BUKTI FISIK", "TARGET WAKTU"]


def save(plan: Plan, path: Path) -> dict[tuple[str, str, object], str]:
    """Write `plan` to `path`; the address of every planted and allowed finding."""
    unit = plan.unit
    book = XlsxWorkbook()
    identitas = book.active
    identitas.title = "Identitas"
    identitas.append(["Isian", "Nilai", "Keterangan"])
    for label, value in (
        ("Nama Unit Kerja", unit.name),
        ("Pemerintah Daerah", unit.pemda),
        ("Kabupaten/Kota", unit.kabupaten),
        ("Tahun", unit.year),
        ("Tempat Penetapan", unit.tempat),
        ("Tanggal Penetapan", dt.datetime(unit.year, 1, 2)),
        ("Jabatan Pimpinan", unit.jabatan),
        ("Nama Pimpinan", "Drs. AHMAD FAUZI, M.Si"),
        ("NIP Pimpinan", "19700512 199503 1 004"),
        ("Jabatan Ketua Tim", "Ketua Tim Pembangunan ZI"),
        ("Nama Ketua Tim", "SRI WAHYUNI, S.E."),
        ("NIP Ketua Tim", "19820317 200604 2 011"),
        ("Target Predikat", "WBK"),
        ("Regulasi", "PermenPANRB 90/2021" if plan.regulation == "90-2021" else "PermenPANRB 52/2014"),
    ):
        identitas.append([label, plan.identitas.get(label, value), None])
    sheet = book.create_sheet("RencanaAksi")
    where: dict[tuple[str, object], str] = {
        ("identitas", row[0].value): f"B{row[0].row}" for row in identitas.iter_rows(min_row=2)
    }
    columns: dict[str, str]
    output = unit.shape == "output"
    no_langkah = unit.shape == "no-langkah"
    if unit.grouped:
        header = list(_OUTPUT_HEADER if output else _NO_LANGKAH_HEADER if no_langkah else _GROUPED_HEADER)
        columns = {"komponen": "B", "indikator": "C", "langkah": "D", "bukti": "E", "target": "F", "pj": "G"}
        if output:
            columns = {"komponen": "B", "bukti": "C", "target": "E", "pj": "F"}
        if no_langkah:
            columns = {"komponen": "B", "indikator": "C", "bukti": "D", "target": "E", "pj": "F"}
        columns["no"] = "A"
        header.append("PENANGGUNG JAWAB")
        if unit.realisasi:
            header.append("REALISASI")
            columns["realisasi"] = "H"
        sheet.append([f"MATRIKS RENCANA AKSI PEMBANGUNAN ZI {unit.name.upper()}"])
        sheet.append([f"TAHUN {unit.year}"])
        sheet.append(header)
        current_area: int | None = None
        current: Komponen | None = None
        number = 0
        for row in plan.rows:
            if row.area_no != current_area:
                current_area, current, number = row.area_no, None, 0
                sheet.append([roman(row.area_no), plan.area_titles[row.area_no]])
                where[("area", row.area_no)] = f"B{sheet.max_row}"
            first = row.komponen is not current
            if first:
                number += 1
                current = row.komponen
                name = plan.written_names.get(
                    row.komponen.code, _KOMPONEN_VARIANTS.get(row.komponen.name, row.komponen.name)
                )
            values = [
                number if first and row.komponen.code not in plan.unnumbered else None,
                name if first else None,
                *(
                    (row.bukti, row.jumlah)
                    if output
                    else (row.indikator, row.bukti)
                    if no_langkah
                    else (row.indikator, row.langkah, row.bukti)
                ),
                row.target,
                row.pj,
            ]
            if unit.realisasi:
                values.append(row.realisasi)
            sheet.append(values)
            _remember(where, row, sheet.max_row, columns)
        _merge_komponen(sheet, plan)
    else:
        header = list(PLAN_HEADER) + (["Realisasi"] if unit.realisasi else [])
        columns = {
            "area": "B",
            "komponen": "C",
            "kode": "D",
            "indikator": "E",
            "langkah": "F",
            "bukti": "G",
            "target": "H",
            "pj": "I",
            "realisasi": "J",
        }
        sheet.append(header)
        numbers: Counter[int] = Counter()
        for row in plan.rows:
            numbers[row.area_no] += 1
            values = [
                f"{roman(row.area_no)}.{numbers[row.area_no]}",
                plan.area_titles[row.area_no],
                plan.written_names.get(row.komponen.code, row.komponen.name),
                row.kode,
                row.indikator,
                row.langkah,
                row.bukti,
                row.target,
                row.pj,
            ]
            if unit.realisasi:
                values.append(row.realisasi)
            sheet.append(values)
            _remember(where, row, sheet.max_row, columns)
            where.setdefault(("area", row.area_no), f"B{sheet.max_row}")
    narasi = book.create_sheet("Narasi")
    narasi.append(["Bagian", "Isi"])
    for index, (bagian, isi) in enumerate(plan.narasi):
        narasi.append([bagian, isi])
        where[("narasi", index)] = f"B{narasi.max_row}"
    monev = book.create_sheet("Monev")
    monev.append(["Bulan", "Area", "Capaian", "Status"])
    for index, entry in enumerate(plan.monev):
        monev.append(list(entry))
        where[("capaian", index)] = f"C{monev.max_row}"
    targets = book.create_sheet("TargetPrioritas")
    targets.append(["No", "Target Prioritas"])
    for index, text in enumerate(plan.targets, start=1):
        targets.append([index, text])
        where[("target-prioritas", index - 1)] = f"B{targets.max_row}"
    book.save(path)
    addresses = {}
    for sheet_name, code, key in plan.planted + plan.allowed:
        if isinstance(key, str):
            addresses[(sheet_name, code, key)] = f"{sheet_name}#{key}"
        elif key in where:
            addresses[(sheet_name, code, key)] = f"{sheet_name}!{where[key]}"
    return addresses


def _remember(
    where: dict[tuple[str, object], str], row: Row, excel_row: int, columns: dict[str, str]
) -> None:
    for name, letter in columns.items():
        where[(name, id(row))] = f"{letter}{excel_row}"


def _merge_komponen(sheet, plan: Plan) -> None:
    """Merge the NO and KOMPONEN cells down their komponen's rows, as the seed does."""
    start = None
    for excel_row in range(4, sheet.max_row + 2):
        value = sheet.cell(excel_row, 2).value if excel_row <= sheet.max_row else "end"
        is_area = excel_row <= sheet.max_row and sheet.cell(excel_row, 3).value is None
        if value is not None or is_area:
            if start is not None and excel_row - 1 > start:
                sheet.merge_cells(f"A{start}:A{excel_row - 1}")
                sheet.merge_cells(f"B{start}:B{excel_row - 1}")
            start = None if is_area else excel_row


# ---------------------------------------------------------------------------------------------------------
# Running the checks over the corpus

# -- What counts: errors and warnings, and the infos these checks add; plan-overdue depends on the Monev's
# -- refs and date, not on a defect.
_IGNORED = frozenset({"plan-overdue", "target-event"})
# -- One defect, a more specific code: an empty Indikator under a carried-down komponen is reported as the
# -- inserted second-langkah row it usually is (with the advice to merge the Indikator cell).
_SAME_DEFECT = {"langkah-row-without-indikator": "indikator-empty"}


def _key(finding: Finding) -> str:
    if finding.cell is None:
        values = finding.values
        return f"{finding.sheet_name}#{values.get('kode', values.get('komponen', values.get('kolom', '')))}"
    return finding.cell_text


@dataclass
class CorpusResult:
    """Per code: planted, found (planted and reported), false positives; false positives per unit kind."""

    planted: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    false_positives: Counter[str] = field(default_factory=Counter)
    fp_by_kind: Counter[str] = field(default_factory=Counter)
    fp_by_workbook: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        total = sum(self.planted.values())
        return sum(self.found.values()) / total if total else 1.0

    def table(self) -> str:
        """The corpus table: per code planted / found / false positives, then per unit kind."""
        codes = sorted(set(self.planted) | set(self.false_positives))
        lines = [f"{'kode':28} {'ditanam':>8} {'ditemukan':>10} {'positif palsu':>14}"]
        for code in codes:
            lines.append(
                f"{code:28} {self.planted[code]:>8} {self.found[code]:>10} {self.false_positives[code]:>14}"
            )
        total_planted, total_found = sum(self.planted.values()), sum(self.found.values())
        lines.append(
            f"{'jumlah':28} {total_planted:>8} {total_found:>10} {sum(self.false_positives.values()):>14}"
        )
        lines.append(f"recall {100 * self.recall:.1f}%")
        lines.append("")
        lines.append(f"{'jenis unit':22} {'workbook':>9} {'positif palsu':>14}")
        kinds = Counter(name.split(" | ")[0] for name in self.fp_by_workbook)
        for kind in sorted(kinds):
            lines.append(f"{kind:22} {kinds[kind]:>9} {self.fp_by_kind[kind]:>14}")
        return "\n".join(lines)


def corpus_report(folder: Path, seeds: tuple[int, ...] = (1, 2)) -> CorpusResult:
    """Generate every unit with each seed into `folder`, plant defects, check, and count."""
    result = CorpusResult()
    for seed in seeds:
        for index, unit in enumerate(UNITS):
            rng = random.Random(seed * 1000 + index)
            plan = write_plan(unit, rng)
            plant(plan, rng)
            path = folder / f"{unit.kind.lower().replace(' ', '-')}-{seed}.xlsx"
            addresses = save(plan, path)
            planted = {
                (code, addresses[(s, code, key)])
                for s, code, key in plan.planted
                if (s, code, key) in addresses
            }
            allowed = {
                (code, addresses[(s, code, key)])
                for s, code, key in plan.allowed
                if (s, code, key) in addresses
            }
            report = run_checks(analyse(read_workbook(path)), TODAY)
            seen = {
                (_SAME_DEFECT.get(f.code, f.code), _key(f))
                for f in report.findings
                if f.code not in _IGNORED
                and (f.severity is not Severity.INFO or f.code.startswith("indikator"))
            }
            label = f"{unit.kind} | {path.name}"
            fps = 0
            for code, where in planted:
                result.planted[code] += 1
                if (code, where) in seen:
                    result.found[code] += 1
                else:
                    result.missed.append(f"{path.name}: {code} at {where}")
            for code, where in seen - planted - allowed:
                result.false_positives[code] += 1
                fps += 1
                message = next(f.message for f in report.findings if (f.code, _key(f)) == (code, where))
                result.spurious.append(f"{path.name}: {code} at {where}: {message}")
            result.fp_by_kind[unit.kind] += fps
            result.fp_by_workbook[label] = fps
    return result
