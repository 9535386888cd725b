"""Years in free text (issue 22, class 4): a regulation's year, a letter's number and a period are no stale
year; an impossible year in a date is found in every sheet that holds text."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import minimal_sheets
from factory import filled_template, realisation_workbook
from openpyxl import load_workbook

from zi_sheets.analysis.analyse import analyse
from zi_sheets.checks.run import run_checks
from zi_sheets.checks.texts import impossible_years, old_years, year_mentions
from zi_sheets.common.report import Report
from zi_sheets.reading.workbook import read_workbook

TODAY = dt.date(2024, 6, 1)


def run(make_xlsx, sheets) -> Report:
    return run_checks(analyse(read_workbook(make_xlsx(sheets))), TODAY)


def cells(report: Report, code: str) -> set[str]:
    return {finding.cell_text for finding in report.of(code)}


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Peraturan Menteri PANRB nomor 52 tahun 2014 tanggal 17 Oktober 2014 tentang", ["citation"] * 2),
        ("Nomor W.12.PAS-1903-KP.01.02 Tahun 2019 tentang Tim", ["number", "citation"]),
        ("Surat Bupati Nomor 800/1450/435.7/2018", ["citation"]),
        ("SK Nomor 44/Kpts/OT.160/H.1.1/01/2021", ["citation"]),
        ("berkas SE-1450.2018-KP", ["number"]),
        ("Renstra 2015-2019", ["span", "span"]),
        ("Undang-Undang Dasar 1945 dan UUD NRI Tahun 1945", ["citation", "citation"]),
        ("ISO 9001:2008", ["citation"]),
        ("rapat tanggal 12/03/2018", ["date"]),
        ("SK Tim tahun 2018.", ["date"]),
    ],
)
def test_what_a_year_in_a_text_is(text, kinds):
    assert [mention.kind for mention in year_mentions(text)] == kinds


def test_stale_years_are_only_dates():
    assert old_years("Nomor W.12.PAS-1903-KP.01.02 Tahun 2019", 2021) == []
    assert old_years("Renstra 2015-2019 dan Renstra 2020-2024", 2019) == []
    assert old_years("SK Tim tahun 2018", 2021) == [2018]
    assert old_years("Renstra 2010-2014", 2019) == [2010]  # a period that ended before the plan year


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tanggal 18 Maret 219 dilaksanakan rapat", ["18 Maret 219"]),
        ("laporan Juni 20211.", ["Juni 20211"]),
        ("1 Mei 3021", ["1 Mei 3021"]),
        ("bulan Maret 150 peserta", []),
        ("18 Maret 2019", []),
        ("Maret 2019, Juni 2019", []),
    ],
)
def test_impossible_years_in_dates(text, found):
    assert [written for written, _, _ in impossible_years(text)] == found


def test_an_impossible_year_is_found_in_every_sheet_that_holds_text(make_xlsx):
    sheets = minimal_sheets()
    sheets["Narasi"] = [["Bagian", "Isi"], ["Latar Belakang", "Dicanangkan tanggal 18 Maret 224."]]
    sheets["Monev"] = [
        ["Bulan", "Area", "Capaian", "Status"],
        ["Maret 2024", "Manajemen Perubahan", "Rapat tanggal 18 Maret 219", "Selesai"],
    ]
    sheets["LaporanMonev"] = [["Periode", "Bagian", "Isi"], [None, "Pelaksanaan", "Rapat 2 Mei 20244."]]
    sheets["TargetPrioritas"] = [["No", "Target Prioritas"], [1, "SOP ditetapkan 5 Juni 224"]]
    report = run(make_xlsx, sheets)
    assert cells(report, "text-year-impossible") == {
        "Narasi!B2",
        "Monev!C2",
        "LaporanMonev!C2",
        "TargetPrioritas!B2",
    }


def test_an_impossible_year_in_a_realisasi_cell(tmp_path):
    path = realisation_workbook(tmp_path / "zi.xlsx", year=2026)
    book = load_workbook(path)
    sheet = book["Realisasi"]
    column = next(cell.column_letter for cell in sheet[2] if cell.value == "Kendala")
    sheet[f"{column}5"] = "Rapat ditunda ke 18 Maret 226"
    book.save(path)
    report = run_checks(analyse(read_workbook(path)), dt.date(2026, 5, 1))
    assert cells(report, "text-year-impossible") == {f"Realisasi!{column}5"}


def test_target_waktu_is_reported_once_by_its_own_check(make_xlsx):
    sheets = minimal_sheets()
    row = sheets["RencanaAksi"][1]
    target = sheets["RencanaAksi"][0].index("Target Waktu")
    row[target] = "Juni, Desember 202"
    report = run(make_xlsx, sheets)
    assert report.of("target-year-impossible")
    assert not report.of("text-year-impossible")


def test_citations_letter_numbers_and_periods_are_no_year_outside_the_plan(make_xlsx):
    sheets = minimal_sheets()
    sheets["Narasi"] = [
        ["Bagian", "Isi"],
        ["Dasar Hukum", "Peraturan Menteri PANRB nomor 52 tahun 2014 tanggal 17 Oktober 2014 tentang"],
        ["Dasar Hukum", "Surat Kanwil Nomor W.12.PAS-1903-KP.01.02 Tahun 2019 tentang Pembangunan ZI"],
        ["Dasar Hukum", "Surat Bupati Nomor 800/1450/435.7/2018 tentang Zona Integritas"],
        ["Latar Belakang", "Renstra Tahun 2020-2024 menjadi acuan."],
        ["Latar Belakang", "Rencana Kerja Tahun 2017 ini menjadi acuan."],  # -- a stale year: still found
    ]
    sheets["Monev"] = [
        ["Bulan", "Area", "Capaian", "Status"],
        ["Maret 2024", "Area I", "Setia pada Pancasila dan Undang-Undang Dasar 1945", "Selesai"],
        ["Maret 2024", "Manajemen Perubahan", "Surat Nomor 800/12/435.7/2021 telah dikirim", "Selesai"],
    ]
    report = run(make_xlsx, sheets)
    assert cells(report, "year-outside-plan") == {"Narasi!B6"}


@pytest.mark.parametrize(("regulasi", "tahun"), [("90-2021", 2026), ("90-2021", 2030), ("52-2014", 2021)])
def test_the_dasar_hukum_init_writes_gives_no_finding_in_any_year(tmp_path, regulasi, tahun):
    path = filled_template(tmp_path / "zi.xlsx", regulasi, tahun)
    report = run_checks(analyse(read_workbook(path)), dt.date(tahun, 6, 1))
    assert not report.of("year-outside-plan")
    assert not report.of("text-year-impossible")
