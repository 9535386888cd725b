"""Checks that hold for every kind of unit (issue 12): each case built in code, asserted as (cell, code).

The thresholds and lists behind these are set on the generated corpus (tests/corpus.py, test_corpus.py);
these tests pin single cases: who may name whom, accepted findings, other regions, the new checks.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import IDENTITAS_ROWS, PLAN_HEADER, minimal_sheets, plan_row

from zi_sheets.analysis.analyse import analyse
from zi_sheets.analysis.matching import komponen_candidates
from zi_sheets.checks.agencies import other_agencies, unit_profile
from zi_sheets.checks.every_unit import area_title_differs
from zi_sheets.checks.langkah import is_action, langkah_steps
from zi_sheets.checks.places import other_regions, unit_region
from zi_sheets.checks.run import run_checks
from zi_sheets.common.catalogue import load_catalogue
from zi_sheets.common.model import CellValue, Identitas
from zi_sheets.common.report import Report
from zi_sheets.reading.workbook import read_workbook

TODAY = dt.date(2024, 6, 1)
AREA_I = "I. Manajemen Perubahan"
TIM = "Penyusunan Tim Kerja"


def run(make_xlsx, sheets, **kwargs) -> Report:
    return run_checks(analyse(read_workbook(make_xlsx(sheets, **kwargs))), TODAY)


def pairs(report: Report, code: str) -> set[tuple[str, str]]:
    return {(finding.cell_text, finding.code) for finding in report.of(code)}


def identitas(unit: str, pemda: str = "Pemerintah Kabupaten Lumajang", kab: str = "Kabupaten Lumajang"):
    return Identitas(
        {
            "Nama Unit Kerja": CellValue(unit),
            "Pemerintah Daerah": CellValue(pemda),
            "Kabupaten/Kota": CellValue(kab),
        }
    )


def sheets_of(unit: str, *rows: list[object], pemda: str | None = None) -> dict[str, list[list[object]]]:
    sheets = minimal_sheets()
    table = []
    for row in sheets["Identitas"]:
        if row[0] == "Nama Unit Kerja":
            row = [row[0], unit, None]
        if row[0] == "Jabatan Pimpinan":
            row = [row[0], f"Kepala {unit}", None]  # -- not the fixture's Camat: that is another unit's head
        if row[0] == "Pemerintah Daerah" and pemda:
            row = [row[0], pemda, None]
        table.append(row)
    sheets["Identitas"] = table
    if rows:
        sheets["RencanaAksi"] = [list(PLAN_HEADER), *rows]
    return sheets


# ---------------------------------------------------------------------------------------------------------
# other-agency: each unit names its own partners without a finding


OWN_PARTNERS = [
    (
        "Dinas Kesehatan Kabupaten Contoh",
        "Pemerintah Kabupaten Contoh",
        "Pembinaan Puskesmas Sukamaju dan Kepala Puskesmas oleh Kepala Dinas Kesehatan; rujukan ke RSUD; "
        "data dari e-Puskesmas; BPJS Kesehatan; Kementerian Kesehatan; Labkesda",
    ),
    (
        "UPTD Puskesmas Sukamaju",
        "Pemerintah Kabupaten Contoh",
        "Laporan kepada Kepala Dinas Kesehatan dan Kepala Dinas; input e-Puskesmas; Puskesmas Pembantu "
        "Karanganyar; Posyandu; lokakarya mini bersama Camat dan Kepala Desa; rujukan ke RSUD",
    ),
    (
        "Balai Karantina Pertanian Kelas I Surabaya",
        "Badan Karantina Pertanian, Kementerian Pertanian",
        "Laporan kepada Kepala Badan Karantina Pertanian dan Kementerian Pertanian (Kementan); Kepala Balai; "
        "pembayaran melalui KPPN; Inspektorat Jenderal",
    ),
    (
        "Kecamatan Sukamaju",
        "Pemerintah Kabupaten Contoh",
        "Rapat bersama Kepala Desa Sukamaju, Lurah Karanganyar dan Sekretaris Desa; Kapolsek dan Danramil; "
        "KUA Kecamatan Sukamaju; Puskesmas Sukamaju; Musrenbang bersama Bappeda dan Bupati; Kamar Dagang dan "
        "Industri (Kadin) Kabupaten Contoh",
    ),
]


@pytest.mark.parametrize(("unit", "pemda", "text"), OWN_PARTNERS)
def test_units_name_their_own_partners_without_a_finding(make_xlsx, unit, pemda, text):
    assert other_agencies(text, unit_profile(identitas(unit, pemda))) == []
    # -- and end to end, in a plan cell
    sheets = sheets_of(
        unit, plan_row(AREA_I, TIM, "Tim dibentuk", langkah=f"Menyusun SK. {text}"), pemda=pemda
    )
    assert pairs(run(make_xlsx, sheets), "other-agency") == set()


@pytest.mark.parametrize(
    ("unit", "pemda", "text", "names"),
    [
        (
            "Kecamatan Sukamaju",
            "",
            "Arahan Kepala Dinas; website Dispendukcapil",
            ["Kepala Dinas", "Dispendukcapil"],
        ),
        ("Kecamatan Sukamaju", "", "Rapat di Kecamatan Tempeh", ["Kecamatan Tempeh"]),
        (
            "UPTD Puskesmas Sukamaju",
            "",
            "Laporan Puskesmas Tempeh; Kepala Kantor",
            ["Puskesmas Tempeh", "Kepala Kantor"],
        ),
        ("Dinas Kesehatan", "", "Diketahui Kepala Balai", ["Kepala Balai"]),
        (
            "Balai Karantina Pertanian",
            "Kementerian Pertanian",
            "Data BKPSDM; Kementerian Kesehatan",
            ["BKPSDM", "Kementerian Kesehatan"],
        ),
        (
            "Fakultas Teknik Universitas Contoh",
            "Universitas Contoh",
            "Dekan; Fakultas Hukum",
            ["Fakultas Hukum"],
        ),
        ("KPP Pratama Contoh", "Direktorat Jenderal Pajak", "Kepala Kantor; Camat; Kanwil DJP", ["Camat"]),
    ],
)
def test_residue_of_another_kind_of_agency(unit, pemda, text, names):
    assert [m.name for m in other_agencies(text, unit_profile(identitas(unit, pemda)))] == names


def test_kadin_is_the_chamber_of_commerce_when_written_out():
    profile = unit_profile(identitas("Kecamatan Sukamaju"))
    assert other_agencies("Kamar Dagang dan Industri (Kadin) Kabupaten Contoh", profile) == []
    assert other_agencies("Pelatihan Kamar Dagang; Kadin hadir", profile) == []
    assert [m.name for m in other_agencies("Kadin memberikan arahan", profile)] == ["Kadin"]


def test_app_names_are_not_agencies():
    profile = unit_profile(identitas("KPP Pratama Contoh", "Direktorat Jenderal Pajak"))
    assert [m.name for m in other_agencies("e-Puskesmas; Puskesmas", profile)] == ["Puskesmas"]


# ---------------------------------------------------------------------------------------------------------
# other-region


def test_places_of_another_region(make_xlsx):
    region = unit_region(identitas("Kecamatan Pasirian"))
    text = "Studi tiru ke Kabupaten Jember, Kota Malang dan Provinsi Jawa Tengah"
    assert [name for name, _, _ in other_regions(text, region)] == [
        "Kabupaten Jember",
        "Kota Malang",
        "Provinsi Jawa Tengah",
    ]
    own = "Kabupaten Lumajang, Provinsi Jawa Timur, di Surabaya, Universitas Jember, batu bata, Kota Batu?"
    assert [name for name, _, _ in other_regions(own, region)] == ["Kota Batu"]
    sheets = sheets_of("Kecamatan Pasirian", plan_row(AREA_I, TIM, "Tim", bukti="Laporan ke Pemkab Jember"))
    sheets["Identitas"] = [
        [r[0], "Kabupaten Lumajang", None] if r[0] == "Kabupaten/Kota" else r for r in sheets["Identitas"]
    ]
    report = run(make_xlsx, sheets)
    assert pairs(report, "other-region") == {("RencanaAksi!G2", "other-region")}


def test_a_province_wide_unit_names_its_province(make_xlsx):
    unit = identitas("Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur", "Kementerian Hukum dan HAM", "")
    profile = unit_profile(unit)
    region = unit_region(unit, province_wide="kanwil" in profile.kinds)
    assert other_regions("Lapas Kabupaten Lumajang; Kabupaten Jember", region) == []
    assert [n for n, _, _ in other_regions("Provinsi Bali", region)] == ["Provinsi Bali"]


# ---------------------------------------------------------------------------------------------------------
# Accepted findings (the Diterima sheet)


def test_accepted_findings_are_counted_not_hidden(make_xlsx):
    sheets = sheets_of(
        "Kecamatan Sukamaju",
        plan_row(AREA_I, TIM, "Tim", langkah="Menyusun SK bersama Dinas Kesehatan"),
        plan_row(AREA_I, TIM, "Tim", langkah="Menyusun SK; arahan Kepala Dinas"),
        plan_row(AREA_I, TIM, "Tim", bukti="Surat dari Dinas Kesehatan dan Kepala Balai"),
    )
    sheets["Diterima"] = [
        ["Kode", "Sel", "Nama", "Alasan"],
        ["other-agency", "RencanaAksi!F3", None, "Kepala Dinas Kesehatan membina kecamatan"],
        [None, None, "Dinas Kesehatan", "mitra lintas sektor"],
        ["other-agency", "Z99", None, "sudah diperbaiki"],
        ["tahun-invalid", "Identitas!B5", None, "tidak dapat diterima"],
        ["bukan-kode", "F2", None, "salah ketik"],
    ]
    report = run(make_xlsx, sheets)
    # -- F2 (Dinas Kesehatan, a name accepted) and F3 (by cell) accepted; G4 names Kepala Balai as well
    assert {a.finding.cell_text for a in report.accepted} == {"RencanaAksi!F2", "RencanaAksi!F3"}
    assert pairs(report, "other-agency") == {("RencanaAksi!G4", "other-agency")}
    assert pairs(report, "diterima-unused") == {("Diterima!A4", "diterima-unused")}
    assert pairs(report, "diterima-invalid") == {
        ("Diterima!A5", "diterima-invalid"),
        ("Diterima!A6", "diterima-invalid"),
    }
    assert ", 2 diterima; " in report.summary()
    data = json.loads(report.to_json())
    assert data["counts"]["accepted"] == 2
    assert {a["alasan"] for a in data["accepted"]} == {
        "Kepala Dinas Kesehatan membina kecamatan",
        "mitra lintas sektor",
    }
    assert "diterima  other-agency" in report.to_text()


def test_accepted_warnings_do_not_fail_strict(tmp_path: Path):
    from factory import filled_template
    from openpyxl import load_workbook

    path = filled_template(tmp_path / "baik.xlsx")
    book = load_workbook(path)
    book["RencanaAksi"]["G2"] = "Surat Kepala Balai"
    book.save(path)
    report = run_checks(analyse(read_workbook(path)), TODAY)
    assert pairs(report, "other-agency") == {("RencanaAksi!G2", "other-agency")}
    assert report.exit_code(strict=True) == 1
    book.create_sheet("Diterima").append(["Kode", "Sel", "Nama", "Alasan"])
    book["Diterima"].append(["other-agency", "G2", None, "Balai mitra kami"])
    book.save(path)
    report = run_checks(analyse(read_workbook(path)), TODAY)
    assert report.findings == [] and len(report.accepted) == 1
    assert report.exit_code(strict=True) == 0 and report.blocks_build(strict=True) == []
    assert report.summary().startswith("0 galat, 0 peringatan, 0 info, 1 diterima; ")


# ---------------------------------------------------------------------------------------------------------
# langkah-not-action and langkah-repeats-bukti


@pytest.mark.parametrize(
    ("step", "action"),
    [
        ("SOP telah ditetapkan", False),
        ("WBS telah diinternalisasikan", False),
        ("Data Base Terpadu", False),
        ("Seluruh pegawai sudah memiliki SOP", False),
        ("Tersedianya ruang tunggu", False),
        ("Menyusun SOP", True),
        ("Penyusunan SOP pelayanan", True),
        ("Sosialisasi SPIP", True),
        ("Tim SPIP melaksanakan pengendalian", True),
        ("Papan informasi dipasang di ruang tunggu", True),
        ("Tetapkan SK Tim", True),
        ("Berkoordinasi dengan Kepala Desa", True),
        # -- rows of one form read the same: the step after its label decides, whatever the label
        ("Pelayanan berbasis TI: Pembuatan aplikasi layanan", True),
        ("Pelayanan berbasis TI: Membuat website kecamatan", True),
        ("Pelayanan berbasis TI: aplikasi SIPRAJA", False),
        ("Menyusun SOP layanan:", True),
        # -- an activity as a noun said to be done is a result, as "SOP telah ditetapkan" is
        ("Penanganan gratifikasi telah dilaksanakan", False),
        ("Pemantauan survei sudah dilakukan tiap bulan", False),
        ("Evaluasi SOP yang telah ditetapkan", True),
        ("Menyusun laporan kegiatan yang sudah dilaksanakan", True),
        ("Melaksanakan apel telah menjadi kebiasaan", True),
    ],
)
def test_is_action(step, action):
    assert is_action(step) is action


def test_steps_of_a_langkah_cell():
    text = "Menyusun SOP layanan:\n- SOP KTP\n- SOP pindah\nMenetapkan SOP\nsetiap tahun"
    assert langkah_steps(text) == ["Menyusun SOP layanan:", "Menetapkan SOP"]


def test_langkah_not_action_and_repeats(make_xlsx):
    sheets = sheets_of(
        "Kecamatan Sukamaju",
        plan_row(AREA_I, TIM, "Tim", langkah="SOP telah ditetapkan", bukti="SK penetapan SOP"),
        plan_row(AREA_I, TIM, "Tim", langkah="Menyusun SK Tim\nData Base Terpadu", bukti="SK"),
        plan_row(AREA_I, TIM, "Tim", langkah="Notulen; daftar hadir", bukti="Notulen; daftar hadir rapat"),
        plan_row(AREA_I, TIM, "Tim", langkah="Susun SK Tim\nTetapkan SK Tim", bukti="SK Tim"),
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "langkah-not-action") == {
        ("RencanaAksi!F2", "langkah-not-action"),
        ("RencanaAksi!F3", "langkah-not-action"),
    }
    # -- two clear actions naming the document are no repeat; a list of documents is
    assert pairs(report, "langkah-repeats-bukti") == {("RencanaAksi!F4", "langkah-repeats-bukti")}


# ---------------------------------------------------------------------------------------------------------
# target-contradicts-bukti, realisasi-in-plan


def test_bukti_dated_outside_its_target(make_xlsx):
    sheets = sheets_of(
        "Kecamatan Sukamaju",
        plan_row(AREA_I, TIM, "Tim", bukti="Laporan bulan Oktober 2024", target="Maret 2024"),
        plan_row(
            AREA_I, TIM, "Tim", bukti="Laporan semester Juni dan Desember", target="Juni, Desember 2024"
        ),
        plan_row(AREA_I, TIM, "Tim", bukti="Laporan Juni 2024", target="Januari s/d Desember 2024"),
        plan_row(
            AREA_I, TIM, "Tim", bukti="Laporan Oktober 2024", target="Maret 2023"
        ),  # target-outside-year
        # -- the year of the document's name is no month of evidence; the months after it are
        plan_row(
            AREA_I, TIM, "Tim", bukti="Evaluasi rencana kerja 2024 (Juli, Des 2024)", target="Januari 2024"
        ),
        plan_row(
            AREA_I, TIM, "Tim", bukti="Evaluasi rencana kerja 2024 (Januari 2024)", target="Januari 2024"
        ),
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "target-contradicts-bukti") == {
        ("RencanaAksi!G2", "target-contradicts-bukti"),
        ("RencanaAksi!G6", "target-contradicts-bukti"),
    }


def test_realisation_reported_in_a_plan_signed_in_january(make_xlsx):
    header = [*PLAN_HEADER, "Realisasi"]
    sheets = sheets_of("Kecamatan Sukamaju")
    sheets["RencanaAksi"] = [
        header,
        [*plan_row(AREA_I, TIM, "Tim", target="Desember 2024"), "100%"],
        [*plan_row(AREA_I, TIM, "Tim", target="Desember 2024"), 1.0],  # 100% as Excel stores it
        [*plan_row(AREA_I, TIM, "Tim", target="Januari 2024"), "100%"],  # due when signed
        [*plan_row(AREA_I, TIM, "Tim", target="Desember 2024"), "0%"],
        [*plan_row(AREA_I, TIM, "Tim", bukti="Laporan (realisasi 100%)", target="Juni 2024"), None],
    ]
    report = run(make_xlsx, sheets)
    # -- one fact, one finding: the plan reports what it has yet to do, on rows 2, 3 and 6
    assert pairs(report, "realisasi-in-plan") == {("RencanaAksi!J2", "realisasi-in-plan")}
    (finding,) = report.of("realisasi-in-plan")
    assert (finding.values["jumlah"], finding.values["baris"]) == (3, "baris 2-3, 6")


# ---------------------------------------------------------------------------------------------------------
# area-title-differs, indikator-missing, komponen names with abbreviations


@pytest.mark.parametrize(
    ("written", "area", "differs"),
    [
        ("II. PENATAAN TATALAKSANA", 2, False),
        ("PENATAAN SISTEM MANAJEMEN SUMBER DAYA MANUSIA APARATUR", 3, False),
        ("Penguatan Akuntabilitas Kinerja", 4, False),
        ("Area 2", 2, False),
        ("II", 2, False),
        ("PENATAAN SISTEM MANAJEMEN SDM", 2, True),
        ("Manajemen Perubahan dan Inovasi", 1, True),
        ("Reformasi Birokrasi", None, True),
    ],
)
def test_area_titles(written, area, differs):
    assert area_title_differs(written, area, load_catalogue("90-2021")) is differs


def test_area_title_reported_once_at_its_cell(make_xlsx):
    rows = [
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"],
        ["I", "MANAJEMEN PERUBAHAN"],
        [1, TIM, "Tim dibentuk", "Menyusun SK", "SK", "Januari 2024"],
        ["II", "PENATAAN SISTEM MANAJEMEN SDM"],
        [1, "Prosedur Operasional Tetap (SOP) Kegiatan", "SOP", "Menyusun SOP", "SOP", "Maret 2024"],
        [None, None, "SOP diterapkan", "Menerapkan SOP", "Laporan", "Juni 2024"],
    ]
    sheets = sheets_of("Kecamatan Sukamaju")
    sheets["RencanaAksi"] = rows
    report = run(make_xlsx, sheets)
    assert pairs(report, "area-title-differs") == {("RencanaAksi!B4", "area-title-differs")}


def test_indikator_missing_named_by_its_catalogue_indicator(make_xlsx):
    catalogue = load_catalogue("90-2021")
    komponen = catalogue.komponen_by_code("P.1.i")
    sheets = sheets_of(
        "Kecamatan Sukamaju",
        plan_row(AREA_I, komponen.name, komponen.indicators[0].text, kode=komponen.indicators[0].code),
    )
    report = run(make_xlsx, sheets)
    missing = report.of("indikator-missing")
    # -- only komponen with a row are listed indicator by indicator; the others are komponen-missing
    assert [(x.cell_text, x.values["kode"]) for x in missing] == [("RencanaAksi", "P.1.i.b")]


@pytest.mark.parametrize(
    ("regulation", "area", "written", "code"),
    [
        ("52-2014", 5, "Penerapan SPIP (Sistem Pengendalian Intern Pemerintah).", "5.2"),
        ("90-2021", 5, "Penerapan SPIP (Sistem Pengendalian Intern Pemerintah).", "P.5.ii"),
        ("52-2014", 2, "Keterbukaan Informasi Publik (KIP).", "2.3"),
        ("90-2021", 5, "Penyampaian LHKPN", "R.5.iii.i"),
        ("90-2021", 1, "Penyusunan Tim Kerja.", "P.1.i"),
    ],
)
def test_komponen_with_abbreviation_and_full_stop(regulation, area, written, code):
    found, how = komponen_candidates(regulation, area, written)
    assert ([komponen.code for komponen in found], how) == ([code], "")


# ---------------------------------------------------------------------------------------------------------
# year-outside-plan


def test_years_of_another_plan_outside_the_plan_sheet(make_xlsx):
    sheets = sheets_of("Kecamatan Sukamaju")
    sheets["Narasi"] = [
        ["Bagian", "Isi"],
        ["Maksud dan Tujuan", "Rencana Kerja Pembangunan ZI Tahun 2021 ini menjadi acuan."],
        [
            "Latar Belakang",
            "Sejak tahun 2019 kecamatan melayani PATEN; pada tahun 2023 mendapat penghargaan.",
        ],
        ["Dasar Hukum", "Peraturan Menteri PANRB Nomor 90 Tahun 2021"],
        ["Latar Belakang", "Road Map Reformasi Birokrasi 2020-2024 menjadi acuan."],
    ]
    sheets["Monev"] = [
        ["Bulan", "Area", "Capaian"],
        ["Mei 2024", "I. Manajemen Perubahan", "Rapat evaluasi tahun 2022"],
        ["Mei 2024", "I. Manajemen Perubahan", "Laporan Triwulan I 2024"],
        ["Mei 2024", "I. Manajemen Perubahan", "Target tahun 2026 disepakati"],
    ]
    report = run(make_xlsx, sheets)
    assert pairs(report, "year-outside-plan") == {
        ("Narasi!B2", "year-outside-plan"),
        ("Monev!C2", "year-outside-plan"),
        ("Monev!C4", "year-outside-plan"),
    }


# ---------------------------------------------------------------------------------------------------------
# target-unparsed never on a cell emptied by a merge


def test_hidden_contents_of_a_merged_cell_read_as_empty(make_xlsx, tmp_path: Path):
    """LibreOffice can keep the old text of the cells a merge covers; Excel shows nothing there, nor do we."""
    sheets = {
        "Identitas": [list(r) for r in IDENTITAS_ROWS],
        "RencanaAksi": [
            list(PLAN_HEADER),
            plan_row(AREA_I, TIM, "Tim dibentuk", bukti="Laporan Januari s/d Desember 2024", target="x"),
        ],
    }
    path = make_xlsx(sheets, merges={"RencanaAksi": ["G2:H2"]})
    # -- openpyxl empties the covered cell H2 when merging: put the stale text back, as Calc leaves it
    patched = tmp_path / "calc.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                text = data.decode()
                stale = '<c r="H2" t="inlineStr"><is><t>lama sekali</t></is></c>'
                text = re.sub(r'(<row r="2"[^>]*>.*?)(</row>)', rf"\g<1>{stale}\g<2>", text, count=1)
                assert "lama sekali" in text
                data = text.encode()
            target.writestr(item, data)
    report = run_checks(analyse(read_workbook(patched)), TODAY)
    assert pairs(report, "target-unparsed") == set()
    assert pairs(report, "target-waktu-empty") == {("RencanaAksi!H2", "target-waktu-empty")}
