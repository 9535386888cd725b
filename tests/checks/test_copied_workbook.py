"""Whose text it is (issue 22, class 5): the unit's own chain and partners named as partners are no residue;
what a workbook copied from a sibling unit keeps of that unit is found wherever it sits."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import PLAN_HEADER, minimal_sheets, plan_row

from zi_sheets.analysis.analyse import analyse
from zi_sheets.checks.agencies import other_agencies, unit_profile
from zi_sheets.checks.run import run_checks
from zi_sheets.common.model import CellValue, Identitas
from zi_sheets.common.report import Report
from zi_sheets.reading.workbook import read_workbook

TODAY = dt.date(2024, 6, 1)
AREA_I, TIM = "I. Manajemen Perubahan", "Penyusunan Tim Kerja"


def run(make_xlsx, sheets) -> Report:
    return run_checks(analyse(read_workbook(make_xlsx(sheets))), TODAY)


def cells(report: Report, code: str) -> set[str]:
    return {finding.cell_text for finding in report.of(code)}


def unit_sheets(identity: dict[str, object], *rows: list[object]) -> dict[str, list[list[object]]]:
    """minimal_sheets() with Identitas values set (a None value removes the row)."""
    sheets = minimal_sheets()
    table, seen = [], set()
    for row in sheets["Identitas"]:
        if row[0] in identity:
            seen.add(row[0])
            if identity[row[0]] is None:
                continue
            row = [row[0], identity[row[0]], None]
        table.append(row)
    table += [[name, value, None] for name, value in identity.items() if name not in seen and value]
    sheets["Identitas"] = table
    if rows:
        sheets["RencanaAksi"] = [list(PLAN_HEADER), *rows]
    return sheets


def profile(unit: str, **fields: str):
    values = {"Nama Unit Kerja": CellValue(unit)}
    values.update({name.replace("_", " "): CellValue(value) for name, value in fields.items()})
    return unit_profile(Identitas(values))


@pytest.mark.parametrize(
    ("unit", "text"),
    [
        # -- a vertical office's Kanwil and Kementerian, without Instansi Induk (a workbook of before it)
        ("Lembaga Pemasyarakatan Kelas IIA Jember", "Laporan kepada Kepala Kantor Wilayah dan Kakanwil"),
        ("Lembaga Pemasyarakatan Kelas IIA Jember", "Arahan Kanwil Kemenkumham Jawa Timur dan Ditjen PAS"),
        ("Kantor Imigrasi Kelas I Malang", "Rapat di Kantor Wilayah Kemenkumham"),
        # -- a court's Pengadilan Tinggi, Badilag and Mahkamah Agung
        ("Pengadilan Agama Jember", "Pembinaan PTA Surabaya, Badilag dan Mahkamah Agung"),
        ("Pengadilan Negeri Lumajang", "Pengawasan oleh Pengadilan Tinggi Surabaya dan Badilum"),
        # -- a Puskesmas's Dinas Kesehatan and Pemkab, a Kecamatan's Pemkab, Kelurahan and Desa
        ("Puskesmas Sukodono", "Laporan ke Dinas Kesehatan dan Pemkab Lumajang"),
        ("Kecamatan Sukodono", "Rapat bersama Pemkab, Lurah dan Kepala Desa"),
        # -- a sibling's name in the unit's own name: its own
        ("Pengadilan Agama Jember", "Tim ZI PA Jember dan Pengadilan Agama Jember"),
        ("Lembaga Pemasyarakatan Kelas IIA Jember", "Pegawai Lapas Kelas IIA Jember"),
        # -- partners named as partners
        ("Kecamatan Sukodono", "Pelayanan kerja sama dengan Mal Pelayanan Publik"),
        ("Pengadilan Agama Jember", "Sidang keliling bekerja sama dengan Polres dan Dispendukcapil"),
        ("Puskesmas Sukodono", "Berkoordinasi dengan Kepala Kantor Pertanahan untuk lahan"),
    ],
)
def test_the_own_chain_and_partners_are_no_residue(unit, text):
    assert other_agencies(text, profile(unit, Kabupaten_Kota="Kabupaten Jember")) == []


@pytest.mark.parametrize(
    ("unit", "text", "name"),
    [
        ("Pengadilan Agama Jember", "Laporan Ketua PA Lumajang", "PA Lumajang"),
        ("Pengadilan Agama Jember", "SK Pengadilan Agama Lumajang", "Pengadilan Agama Lumajang"),
        ("Lembaga Pemasyarakatan Kelas IIA Jember", "Lapas Kelas IIA Lumajang", "Lapas Kelas IIA Lumajang"),
        ("Kantor Imigrasi Kelas I Malang", "Seksi Lalu Lintas Kanim Blitar", "Kanim Blitar"),
        ("Kantor Pelayanan Pajak Pratama Jember", "Sosialisasi KPP Pratama Lumajang", "KPP Pratama Lumajang"),
        ("Puskesmas Sukodono", "Kepala Puskesmas Tempeh", "Puskesmas Tempeh"),
    ],
)
def test_a_sibling_of_the_same_kind_is_residue(unit, text, name):
    assert [m.name for m in other_agencies(text, profile(unit, Kabupaten_Kota="Kabupaten Jember"))] == [name]


def test_a_short_abbreviation_matches_in_capitals_only():
    assert other_agencies("pa Lumajang bilang begitu", profile("Pengadilan Agama Jember")) == []


def test_a_workbook_copied_from_a_sibling_court_is_found_wherever_it_sits(make_xlsx):
    """Pengadilan Agama Jember's workbook, copied from Pengadilan Agama Lumajang and renamed."""
    identity = {
        "Nama Unit Kerja": "Pengadilan Agama Jember",
        "Pemerintah Daerah": None,
        "Kabupaten/Kota": "Kabupaten Jember",
        "Instansi Induk": "Mahkamah Agung\nBadan Peradilan Agama",
        "Alamat": "Jl. Kartini No. 5, Lumajang",
        "Tempat Penetapan": "Lumajang",
        "Jabatan Pimpinan": "Ketua Pengadilan Agama Jember",
        "Jabatan Ketua Tim": "Wakil Ketua PA Lumajang",
    }
    sheets = unit_sheets(
        identity,
        plan_row(AREA_I, TIM, "Tim dibentuk", langkah="Menyusun SK Tim ZI Pengadilan Agama Lumajang"),
        plan_row(AREA_I, TIM, "Tim dievaluasi", langkah="Rapat evaluasi bersama PTA Surabaya dan Badilag"),
    )
    sheets["Narasi"] = [["Bagian", "Isi"], ["Latar Belakang", "Tim ZI PA Lumajang berkomitmen membangun ZI."]]
    sheets["Monev"] = [
        ["Bulan", "Area", "Capaian", "Status"],
        ["Maret 2024", "Manajemen Perubahan", "SK Ketua Pengadilan Agama Lumajang terbit", "Selesai"],
    ]
    sheets["TimKerja"] = [
        ["No", "Nama", "NIP", "Jabatan", "Kedudukan dalam Tim"],
        [1, "AHMAD", None, "Panitera PA Lumajang", "Anggota"],
    ]
    report = run(make_xlsx, sheets)
    rows = {row[0]: index for index, row in enumerate(sheets["Identitas"], start=1)}
    assert cells(report, "other-agency") == {
        f"Identitas!B{rows['Jabatan Ketua Tim']}",
        "RencanaAksi!F2",
        "Narasi!B2",
        "Monev!C2",
        "TimKerja!D2",
    }
    # -- the town the copy kept, once: not again inside "PA Lumajang"
    assert cells(report, "other-region") == {
        f"Identitas!B{rows['Alamat']}",
        f"Identitas!B{rows['Tempat Penetapan']}",
    }


def test_an_identity_that_names_no_place_takes_its_place_from_where_it_signs(make_xlsx):
    identity = {
        "Nama Unit Kerja": "Puskesmas Sukodono",
        "Pemerintah Daerah": None,
        "Kabupaten/Kota": None,
        "Tempat Penetapan": "Lumajang",
        "Jabatan Pimpinan": "Kepala Puskesmas Sukodono",
    }
    row = plan_row(AREA_I, TIM, "Tim dibentuk", bukti="SK; laporan ke Dinas Kesehatan Kabupaten Lumajang")
    other = plan_row(AREA_I, TIM, "Tim dievaluasi", bukti="Laporan sesuai format Kabupaten Jember")
    report = run(make_xlsx, unit_sheets(identity, row, other))
    assert cells(report, "other-region") == {"RencanaAksi!G3"}
    assert not report.of("other-agency")


def test_a_partner_region_named_as_a_partner_is_no_residue(make_xlsx):
    identity = {
        "Nama Unit Kerja": "Kecamatan Sukodono",
        "Kabupaten/Kota": "Kabupaten Lumajang",
        "Jabatan Pimpinan": "Camat Sukodono",
    }
    row = plan_row(AREA_I, TIM, "Tim dibentuk", bukti="Perjanjian kerja sama dengan Pemkot Malang")
    assert not run(make_xlsx, unit_sheets(identity, row)).of("other-region")
    row = plan_row(AREA_I, TIM, "Tim dibentuk", bukti="Sesuai SOP Pemkot Malang")
    assert run(make_xlsx, unit_sheets(identity, row)).of("other-region")


def test_a_town_in_a_road_name_is_an_address(make_xlsx):
    identity = {
        "Nama Unit Kerja": "Kecamatan Sukodono",
        "Kabupaten/Kota": "Kabupaten Lumajang",
        "Jabatan Pimpinan": "Camat Sukodono",
        "Alamat": "Jl. Raya Lumajang-Jember No. 5, Sukodono",
    }
    assert not run(make_xlsx, unit_sheets(identity)).of("other-region")
    identity["Alamat"] = "Jl. Kartini No. 5, Jember"  # -- the town the copy kept, after the road
    assert run(make_xlsx, unit_sheets(identity)).of("other-region")
