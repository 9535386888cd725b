"""What the Monev report and the narrative claim (checks/claims.py): each case built in code, read back and
asserted as (cell, code) pairs; each rule also shown silent on the form it must not take for a defect."""

from __future__ import annotations

import datetime as dt

from conftest import PLAN_HEADER, minimal_sheets, plan_row

from zi_sheets.analysis.analyse import analyse
from zi_sheets.checks.claims import regulations
from zi_sheets.checks.run import run_checks
from zi_sheets.common.model import AREAS
from zi_sheets.common.report import Report
from zi_sheets.reading.workbook import read_workbook

TODAY = dt.date(2024, 8, 1)


def run(make_xlsx, sheets) -> Report:
    return run_checks(analyse(read_workbook(make_xlsx(sheets))), TODAY)


def pairs(report: Report, code: str) -> set[tuple[str, str]]:
    return {(finding.cell_text, finding.code) for finding in report.of(code)}


def _six_areas(target: str = "Maret 2024") -> list[list[object]]:
    return [
        list(PLAN_HEADER),
        *(
            plan_row(f"{n}. {name}", "Komponen", f"Indikator {n}", target=target)
            for n, name in zip(("I", "II", "III", "IV", "V", "VI"), AREAS.values(), strict=True)
        ),
    ]


def _monev(*areas: int, status: str = "Selesai") -> list[list[object]]:
    return [
        ["Bulan", "Area", "Capaian", "Status"],
        *(["Mei 2024", AREAS[area], f"Kegiatan area {area} dilaksanakan", status] for area in areas),
    ]


def _laporan(*rows: tuple[str, str]) -> list[list[object]]:
    return [["Periode", "Bagian", "Isi"], *(["Semester I 2024", bagian, isi] for bagian, isi in rows)]


def test_a_report_calling_itself_the_report_of_another_period_is_one_finding_at_its_first_cell(make_xlsx):
    sheets = minimal_sheets()
    sheets["LaporanMonev"] = _laporan(
        ("Kata Pengantar", "Laporan bulan Januari 2024 ini disusun; Laporan Bulan Januari-Juni memuat ..."),
        ("Latar Belakang", "Pada bulan Januari telah dilaksanakan sosialisasi."),  # a month inside: its own
        ("Pelaksanaan", "Laporan bulan Januari telah disampaikan kepada pimpinan."),  # an earlier report
        ("Penutup", "Demikian Laporan Kegiatan Bulan Januari disusun."),
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "laporan-period-mismatch") == {("LaporanMonev!C2", "laporan-period-mismatch")}
    assert "C5" in report.of("laporan-period-mismatch")[0].message


def test_a_report_naming_its_own_period_or_its_span_is_silent(make_xlsx):
    sheets = minimal_sheets()
    sheets["LaporanMonev"] = _laporan(
        ("Kata Pengantar", "Laporan Semester I 2024 ini memuat laporan bulan Januari s.d. Juni."),
        ("Penutup", "Demikian laporan monev semester I disusun."),
    )
    assert not run(make_xlsx, sheets).of("laporan-period-mismatch")


def test_a_claim_of_more_targets_achieved_than_the_monev_marks_done_is_a_finding(make_xlsx):
    sheets = minimal_sheets()
    sheets["RencanaAksi"] = _six_areas()
    sheets["Monev"] = _monev(1, 2, 3)
    sheets["LaporanMonev"] = _laporan(
        ("Pelaksanaan", "Telah sesuai target yaitu dari 15 target tercapai 15.")
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "laporan-claim-mismatch") == {("LaporanMonev!C2", "laporan-claim-mismatch")}
    # -- a claim the matrix holds is silent
    sheets["LaporanMonev"] = _laporan(("Pelaksanaan", "Sebanyak 3 dari 6 target tercapai."))
    assert not run(make_xlsx, sheets).of("laporan-claim-mismatch")


def test_a_scheduled_area_the_monev_leaves_out_is_one_finding_for_the_monev(make_xlsx):
    sheets = minimal_sheets()
    sheets["RencanaAksi"] = _six_areas()
    sheets["Monev"] = _monev(1, 2, 3, 4, 6, status="Dalam Proses")
    report = run(make_xlsx, sheets)
    assert pairs(report, "monev-area-missing") == {("Monev", "monev-area-missing")}
    assert "V (Penguatan Pengawasan)" in report.of("monev-area-missing")[0].message
    # -- an area not yet scheduled by the Monev's month need not be reported
    sheets["RencanaAksi"] = _six_areas(target="Desember 2024")
    assert not run(make_xlsx, sheets).of("monev-area-missing")
    # -- a Monev of one area has not started its matrix: no finding for the others
    sheets["RencanaAksi"] = _six_areas()
    sheets["Monev"] = _monev(1)
    assert not run(make_xlsx, sheets).of("monev-area-missing")


def test_a_report_whose_tanggal_laporan_is_left_empty_is_undated(make_xlsx):
    sheets = minimal_sheets()
    sheets["LaporanMonev"] = [
        *_laporan(("Penutup", "Demikian laporan ini.")),
        ["Semester I 2024", "Tanggal Laporan", None],
    ]
    assert pairs(run(make_xlsx, sheets), "laporan-undated") == {("LaporanMonev!C3", "laporan-undated")}
    sheets["LaporanMonev"][-1][2] = "akhir periode"
    assert not run(make_xlsx, sheets).of("laporan-undated")


def _narasi(*headings: str) -> list[list[object]]:
    rows = [["Bagian", "Isi"]]
    for heading in headings:
        rows += [["Proses Pembangunan", heading], ["Proses Pembangunan", "Kegiatan area ini ..."]]
    return rows


def test_a_narasi_by_area_that_heads_fewer_areas_or_another_areas_title_is_found(make_xlsx):
    sheets = minimal_sheets()
    sheets["RencanaAksi"] = _six_areas()
    sheets["Narasi"] = _narasi(
        "I. Manajemen Perubahan",
        "II. PENATAAN TATA LAKSANA",
        "III. Penguatan Pengawasan",  # area V's title over area III
        "IV. Penguatan Akuntabilitas Kinerja",
        "V. Penguatan Pengawasan",
        "f. Penguatan Kualitas Pelayanan Publik",  # area VI only as an item of V
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "narasi-area-title") == {("Narasi!B6", "narasi-area-title")}
    assert pairs(report, "narasi-area-missing") == {("Narasi!B12", "narasi-area-missing")}
    # -- a Narasi not laid out by area says nothing of the areas
    sheets["Narasi"] = _narasi("I. Manajemen Perubahan", "1. Tim Kerja", "a. Pelayanan Publik")
    report = run(make_xlsx, sheets)
    assert not report.of("narasi-area-missing") and not report.of("narasi-area-title")


def test_a_regulation_cited_with_another_title_is_found_and_a_cut_or_abbreviated_title_is_not(make_xlsx):
    sheets = minimal_sheets()
    sheets["Narasi"] = [
        ["Bagian", "Isi"],
        [
            "Dasar Hukum",
            "Peraturan Presiden Nomor 81 Tahun 2010 tentang Strategi Nasional Pencegahan Korupsi",
        ],
        [
            "Dasar Hukum",
            "Instruksi Presiden Nomor 9 Tahun 2011 tentang Rencana Aksi",
        ],  # cut at the cell's end
        ["Dasar Hukum", "PermenPAN-RB No. 52 Tahun 2014 tentang Pedoman Pembangunan ZI menuju WBK/WBBM"],
        [
            "Dasar Hukum",
            "Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggara Negara yang Bersih dan Bebas KKN",
        ],
        [
            "Dasar Hukum",
            "Peraturan Bupati Nomor 81 Tahun 2010 tentang Apa Saja",
        ],  # not a kind the table holds
    ]
    sheets["Narasi"].append(
        [
            "Dasar Hukum",
            "Peraturan Menteri PANRB Nomor 25 Tahun 2014 tentang Pedoman Pembangunan Zona Integritas Menuju "
            "Wilayah Bebas dari Korupsi dan Wilayah Birokrasi Bersih dan Melayani di Lingkungan Instansi "
            "Pemerintah",
        ]
    )
    sheets["Narasi"].append(
        ["Dasar Hukum", "Peraturan Menteri PANRB Nomor 7 Tahun 2011 tentang Pedoman Umum"]
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "regulasi-title-wrong") == {("Narasi!B2", "regulasi-title-wrong")}
    # -- 52/2014's whole title under another number; an unknown regulation with a title of its own is silent
    assert pairs(report, "regulasi-number-wrong") == {("Narasi!B7", "regulasi-number-wrong")}
    assert "Peraturan Presiden Nomor 54 Tahun 2018" in report.of("regulasi-title-wrong")[0].message


def test_the_regulation_table_holds_the_regulations_the_issue_names_with_a_source():
    table = regulations()
    for key in (
        ("permenpanrb", 52, 2014),
        ("permenpanrb", 10, 2019),
        ("permenpanrb", 90, 2021),
        ("uu", 28, 1999),
        ("perpres", 81, 2010),
    ):
        assert table[key].title and table[key].source


def test_a_best_lke_answer_for_a_komponen_the_plan_has_no_row_for_is_a_claim_it_does_not_support(make_xlsx):
    sheets = minimal_sheets()  # -- the plan has rows for Penyusunan Tim Kerja (P.1.i) and SOP, no other
    sheets["LKE"] = [
        ["Kode", "Jawaban", "Bukti Dukung"],
        ["P.1.i.a", "Ya", None],  # a planned komponen: the plan supports it
        ["P.1.ii.a", "Ya", None],  # Rencana Pembangunan Zona Integritas: no row, best answer
        ["P.1.ii.b", "A", None],  # the same komponen: named in the one finding
        ["P.1.iv.a", "Tidak", None],  # no row, but no claim
    ]
    report = run(make_xlsx, sheets)
    assert pairs(report, "lke-claim-unplanned") == {("LKE!B3", "lke-claim-unplanned")}
    assert "juga P.1.ii.b" in report.of("lke-claim-unplanned")[0].message


def test_a_narasi_list_that_repeats_or_skips_a_number_is_found_and_a_nested_list_is_not(make_xlsx):
    sheets = minimal_sheets()
    sheets["Narasi"] = [
        ["Bagian", "Isi"],
        ["Maksud dan Tujuan", "1. Tim Kerja"],
        ["Maksud dan Tujuan", "a) pembentukan tim"],
        ["Maksud dan Tujuan", "b) penentuan anggota"],
        ["Maksud dan Tujuan", "2. Dokumen Rencana"],
        ["Maksud dan Tujuan", "1. rencana kerja"],  # a nested list of the same style
        ["Maksud dan Tujuan", "2. target prioritas"],
        ["Maksud dan Tujuan", "3. Pemantauan"],  # the outer list goes on after the nested one
        ["Maksud dan Tujuan", "4. Perubahan Pola Pikir"],
        ["Maksud dan Tujuan", "4. Agen Perubahan"],  # repeated
        ["Maksud dan Tujuan", "6. Budaya Kerja"],  # 5. skipped
        ["Latar Belakang", "1. Latar belakang pertama"],  # another Bagian starts anew
    ]
    report = run(make_xlsx, sheets)
    assert pairs(report, "narasi-numbering") == {
        ("Narasi!B10", "narasi-numbering"),
        ("Narasi!B11", "narasi-numbering"),
    }


def test_an_action_done_after_the_end_of_the_period_that_reports_it_is_found(tmp_path):
    from factory import realisation_workbook
    from openpyxl import load_workbook

    path = realisation_workbook(tmp_path / "zi.xlsx")
    clean = run_checks(analyse(read_workbook(path)), TODAY)
    assert not clean.of("realisasi-done-after-period")
    book = load_workbook(path)
    book["Realisasi"].cell(3, 6, dt.datetime(2026, 2, 20))  # -- January's group, done 20 February
    book.save(path)
    report = run_checks(analyse(read_workbook(path)), TODAY)
    assert pairs(report, "realisasi-done-after-period") == {("Realisasi!F3", "realisasi-done-after-period")}
