"""The checks: each faulty case built in code, read back, and asserted as (cell, code) pairs."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil

import pytest
from conftest import EXAMPLE, PLAN_HEADER, minimal_sheets, plan_row
from factory import filled_template
from openpyxl import load_workbook

import zi_sheets.checks
from zi_sheets.analysis.analyse import analyse
from zi_sheets.analysis.progress import TERLAMBAT
from zi_sheets.checks.agencies import other_agencies, unit_profile
from zi_sheets.checks.registry import CHECKS, Check
from zi_sheets.checks.run import FAMILIES, all_checks, run_checks
from zi_sheets.checks.structure import nip_problem
from zi_sheets.checks.texts import old_years
from zi_sheets.common.bahasa import row_spans
from zi_sheets.common.catalogue import load_catalogue
from zi_sheets.common.model import CellRef, CellValue, Identitas
from zi_sheets.common.report import Report
from zi_sheets.reading.workbook import read_workbook
from zi_sheets.render.word.signature import format_nip

TODAY = dt.date(2024, 6, 1)
REMOVE = object()


def run(make_xlsx, sheets, **kwargs) -> Report:
    return run_checks(analyse(read_workbook(make_xlsx(sheets, **kwargs))), TODAY)


def pairs(report: Report, code: str) -> set[tuple[str, str]]:
    """The (cell, code) pairs of one code: what every test asserts, never the wording."""
    return {(finding.cell_text, finding.code) for finding in report.of(code)}


def with_identitas(**changes: object) -> dict[str, list[list[object]]]:
    """minimal_sheets() with Identitas values changed (keys with _ for spaces), or rows REMOVEd."""
    sheets = minimal_sheets()
    wanted = {
        key.replace("_", " ").replace("Kabupaten Kota", "Kabupaten/Kota"): v for key, v in changes.items()
    }
    rows = []
    for row in sheets["Identitas"]:
        if row[0] in wanted:
            if wanted[row[0]] is REMOVE:
                continue
            row = [row[0], wanted[row[0]], row[2]]
        rows.append(row)
    sheets["Identitas"] = rows
    return sheets


def with_plan(*rows: list[object]) -> dict[str, list[list[object]]]:
    sheets = minimal_sheets()
    sheets["RencanaAksi"] = [list(PLAN_HEADER), *rows]
    return sheets


# ---------------------------------------------------------------------------------------------------------
# A correct workbook is silent


@pytest.mark.parametrize(("regulasi", "tahun"), [("90-2021", 2024), ("52-2014", 2019)])
def test_correct_template_has_no_finding_at_all(tmp_path, regulasi, tahun):
    report = run_checks(
        analyse(read_workbook(filled_template(tmp_path / "baik.xlsx", regulasi, tahun))), TODAY
    )
    assert report.findings == []
    assert report.exit_code(strict=True) == 0
    catalogue = load_catalogue(regulasi)
    coverage = report.coverage
    assert (coverage.komponen_covered, coverage.komponen_total) == (len(catalogue.komponen),) * 2
    assert (coverage.indicators_covered, coverage.indicators_total) == (len(catalogue.indicators),) * 2
    assert report.summary().endswith("(100%)")


@pytest.mark.parametrize(("regulasi", "tahun"), [("90-2021", 2024), ("52-2014", 2019)])
def test_rows_without_kode_lke_are_matched_by_their_text(tmp_path, regulasi, tahun):
    # -- the Petunjuk allows an empty Kode LKE; 90/2021 names two komponen of area II "SPBE"
    path = filled_template(tmp_path / "tanpa-kode.xlsx", regulasi, tahun)
    book = load_workbook(path)
    for row in book["RencanaAksi"].iter_rows(min_row=2):
        row[3].value = None
    book.save(path)
    analysis = analyse(read_workbook(path))
    report = run_checks(analysis, TODAY)
    assert report.findings == []
    matched = [analysis.matches[row.row].indicator for row in analysis.workbook.rencana_aksi]
    assert [i.code if i else None for i in matched] == [i.code for i in load_catalogue(regulasi).indicators]


def test_every_check_is_a_registered_generator():
    # -- a check written but not registered would never run
    modules = [
        importlib.import_module(f"zi_sheets.checks.{info.name}")
        for info in pkgutil.iter_modules(zi_sheets.checks.__path__)
    ]
    written = {c for module in modules for name, c in vars(module).items() if name.startswith("check_")}
    assert all(isinstance(c, Check) for c in written)
    assert set(CHECKS) == written
    assert all(inspect.isgeneratorfunction(check.function) for check in CHECKS)
    # -- and every module that holds checks is a family `run_checks` orders
    assert {c.module for c in CHECKS} == {family.__name__ for family in FAMILIES}


def test_checks_run_in_family_order_whatever_was_imported_first():
    names = [c.name for c in all_checks()]
    assert names[:3] == ["check_hidden_rows", "check_active_filters", "check_formulas"]
    assert names.index("check_narasi_bagian") < names.index("check_pengaturan")
    assert (
        names.index("check_targets")
        < names.index("check_other_agencies")
        < names.index("check_evidence_years")
    )
    assert names.index("check_overdue") < names.index("check_langkah_not_action")
    # -- the every-unit family, then what the cells say against their indicators (content)
    assert names.index("check_years_outside_plan") < names.index("check_bukti_mismatch")
    assert names[-1] == "check_bukti_shared"


# ---------------------------------------------------------------------------------------------------------
# Structure and identity


def test_hidden_rows(make_xlsx):
    report = run(make_xlsx, minimal_sheets(), hidden={"RencanaAksi": [3]})
    assert pairs(report, "hidden-row") == {("RencanaAksi!A3", "hidden-row")}


def test_active_autofilter_is_one_finding_naming_the_filter(make_xlsx):
    rows = [
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", f"Indikator {n}", pj=f"Seksi {n % 2}")
        for n in range(10)
    ]  # -- Excel rows 2-11
    path = make_xlsx(with_plan(*rows), hidden={"RencanaAksi": [3, 5, 7, 9, 11]})
    book = load_workbook(path)
    plan = book["RencanaAksi"]
    plan.auto_filter.ref = "A1:I9"  # -- row 11 lies below the filter: hidden by hand
    plan.auto_filter.add_filter_column(8, ["Seksi 0"])
    book.save(path)
    report = run_checks(analyse(read_workbook(path)), TODAY)
    assert pairs(report, "autofilter-hidden-rows") == {("RencanaAksi!A1", "autofilter-hidden-rows")}
    (finding,) = report.of("autofilter-hidden-rows")
    assert finding.values["jumlah"] == 4 and finding.values["baris"] == "baris 3, 5, 7, 9"
    assert pairs(report, "hidden-row") == {("RencanaAksi!A11", "hidden-row")}


def test_filter_buttons_without_criteria_hide_nothing(make_xlsx):
    path = make_xlsx(minimal_sheets(), hidden={"RencanaAksi": [3]})
    book = load_workbook(path)
    book["RencanaAksi"].auto_filter.ref = "A1:I3"
    book.save(path)
    report = run_checks(analyse(read_workbook(path)), TODAY)
    assert pairs(report, "hidden-row") == {("RencanaAksi!A3", "hidden-row")}
    assert not report.of("autofilter-hidden-rows")


def test_row_spans():
    assert row_spans([4, 5, 6, 9, 12, 13]) == "baris 4-6, 9, 12-13"
    assert row_spans(range(2, 40, 2), limit=2) == "baris 2, 4, …"


def test_formula_without_value_reported_where_the_reader_found_it(make_xlsx):
    workbook = read_workbook(make_xlsx(minimal_sheets()))
    workbook.uncached_formulas = [CellRef("RencanaAksi", 2, "G")]
    report = run_checks(analyse(workbook), TODAY)
    assert pairs(report, "formula-without-value") == {("RencanaAksi!G2", "formula-without-value")}


def test_formula_without_value_end_to_end(make_xlsx):
    sheets = with_plan(plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim", bukti="=1+1"))
    report = run(make_xlsx, sheets)
    assert pairs(report, "formula-without-value") == {("RencanaAksi!G2", "formula-without-value")}


def test_required_identitas_empty_or_absent(make_xlsx):
    report = run(make_xlsx, with_identitas(Nama_Pimpinan=None, Tempat_Penetapan=REMOVE))
    found = report.of("identitas-missing")
    assert {x.values["field"] for x in found} == {"Nama Pimpinan", "Tempat Penetapan"}
    # -- An empty value points at its cell; a field absent from the sheet names the sheet.
    assert pairs(report, "identitas-missing") == {
        ("Identitas!B8", "identitas-missing"),
        ("Identitas", "identitas-missing"),
    }


@pytest.mark.parametrize("tahun", ["dua ribu", "208", "24", "20245"])
def test_tahun_not_a_year(make_xlsx, tahun):
    report = run(make_xlsx, with_identitas(Tahun=tahun))
    assert pairs(report, "tahun-invalid") == {("Identitas!B5", "tahun-invalid")}


def test_regulasi_unknown(make_xlsx):
    report = run(make_xlsx, with_identitas(Regulasi="PermenPANRB 10/2019"))
    assert pairs(report, "regulasi-unknown") == {("Identitas!B15", "regulasi-unknown")}
    assert pairs(run(make_xlsx, with_identitas(Regulasi="90-2021")), "regulasi-unknown") == set()


@pytest.mark.parametrize(("predikat", "found"), [("WTP", True), ("Menuju WBBM", False), ("wbk", False)])
def test_predikat(make_xlsx, predikat, found):
    report = run(make_xlsx, with_identitas(Target_Predikat=predikat))
    assert pairs(report, "predikat-invalid") == ({("Identitas!B14", "predikat-invalid")} if found else set())


@pytest.mark.parametrize(
    ("nip", "code"),
    [
        ("19750921 199602 1 00", "nip-length"),
        ("19750921 199602 1 0021", "nip-length"),
        ("19751321 199602 1 002", "nip-pattern"),  # month 13 of birth
        ("20150921 199602 1 002", "nip-pattern"),  # born 2015: too young
        ("19750921 198002 1 002", "nip-pattern"),  # appointed at five
        ("19750921 202502 1 002", "nip-pattern"),  # appointed after the plan year
        ("19750921 199613 1 002", "nip-pattern"),  # TMT month 13
        ("19750921 199602 3 002", "nip-pattern"),  # digit 15 neither 1 nor 2
        (197509211996021002, "nip-stored-as-number"),
        (1.97509211996021e17, "nip-stored-as-number"),
        ("1,97509E+17", "nip-stored-as-number"),  # -- the number's display, pasted as text
        ("1.97509211996021E+17", "nip-stored-as-number"),
    ],
)
def test_nip(make_xlsx, nip, code):
    report = run(make_xlsx, with_identitas(NIP_Pimpinan=nip))
    nip_codes = ("nip-length", "nip-pattern", "nip-stored-as-number")
    assert {pair for c in nip_codes for pair in pairs(report, c)} == {("Identitas!B10", code)}


@pytest.mark.parametrize("nip", ["19750921.199602.1.002", "19750921-199602-1-002", " 19750921 199602 1 002 "])
def test_nip_with_separators_is_read_as_the_signature_prints_it(make_xlsx, nip):
    """Dots, dashes and spaces are separators both for the check and for the printed NIP: one rule."""
    report = run(make_xlsx, with_identitas(NIP_Pimpinan=nip))
    assert [f for f in report.findings if f.code.startswith("nip-")] == []
    assert format_nip(nip) == "19750921 199602 1 002"
    assert format_nip(nip, spaced=False) == "197509211996021002"


def test_valid_nips_pass():
    assert nip_problem("197509211996021002", 2024, TODAY) is None
    assert nip_problem("198001012005012003", 2024, TODAY) is None


def test_nip_of_team_members(make_xlsx):
    sheets = minimal_sheets()
    sheets["TimKerja"] = [
        ["No", "Nama", "NIP", "Jabatan", "Kedudukan dalam Tim"],
        [1, "SITI AMINAH", "198001012005012003", "Sekretaris", "Ketua"],
        [2, "AHMAD", "1980", "Staf", "Anggota"],
    ]
    report = run(make_xlsx, sheets)
    assert pairs(report, "nip-length") == {("TimKerja!C3", "nip-length")}


def test_unknown_placeholders(make_xlsx):
    sheets = minimal_sheets()
    sheets["Narasi"] = [
        ["Bagian", "Isi"],
        ["Latar Belakang", "{Nama Unit Kerja} menyusun rencana tahun {Tahun}."],
        ["Latar Belakang", "{Nama Unit} menyusun rencana."],
    ]
    sheets["MekanismeTim"] = [["No", "Langkah"], [1, "Sekretaris {Unit Kerja} menyusun usulan."]]
    report = run(make_xlsx, sheets)
    assert pairs(report, "placeholder-unknown") == {
        ("Narasi!B3", "placeholder-unknown"),
        ("MekanismeTim!B2", "placeholder-unknown"),
    }


def test_unknown_narasi_bagian_once_per_run(make_xlsx):
    sheets = minimal_sheets()
    sheets["Narasi"] = [
        ["Bagian", "Isi"],
        ["Latar Belakang", "Paragraf."],
        ["Kata Sambutan", "Paragraf satu."],
        [None, "Paragraf dua, bagian yang sama."],
        ["Penutup", "Paragraf."],
    ]
    report = run(make_xlsx, sheets)
    assert pairs(report, "narasi-bagian-unknown") == {("Narasi!B3", "narasi-bagian-unknown")}


# ---------------------------------------------------------------------------------------------------------
# Completeness against the catalogue


def test_komponen_without_plan_row(make_xlsx):
    catalogue = load_catalogue("52-2014")
    rows = [
        plan_row(f"Area {komponen.area_no}", komponen.name, komponen.indicators[0].text, target="Mei 2019")
        for komponen in catalogue.komponen
        if komponen.code != "2.2"
    ]
    sheets = with_plan(*rows)
    sheets["Identitas"] = with_identitas(Tahun=2019, Regulasi="PermenPANRB 52/2014")["Identitas"]
    report = run(make_xlsx, sheets)
    assert pairs(report, "komponen-missing") == {("RencanaAksi", "komponen-missing")}
    assert [x.values["komponen"] for x in report.of("komponen-missing")] == ["2.2"]
    assert (report.coverage.komponen_covered, report.coverage.komponen_total) == (22, 23)


def test_coverage_counts_only_rows_with_a_langkah_aksi(tmp_path):
    from zi_sheets.template.new_workbook import write_template

    analysis = analyse(
        read_workbook(write_template(tmp_path / "baru.xlsx", unit_kerja="Kec. Uji", tahun=2024))
    )
    report = run_checks(analysis, TODAY)
    catalogue = load_catalogue("90-2021")
    assert report.summary().endswith(f"komponen 0 dari {len(catalogue.komponen)}, indikator 0 dari 110 (0%)")
    assert len(report.of("komponen-missing")) == len(catalogue.komponen)


def test_a_komponen_whose_rows_plan_nothing_is_missing(make_xlsx):
    rows = [
        plan_row(
            "I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja telah dibentuk", kode="P.1.i.a"
        ),
        plan_row("I. Manajemen Perubahan", "Rencana Pembangunan Zona Integritas", "Rencana", kode="P.1.ii.a"),
    ]
    rows[1][5] = rows[1][6] = None  # -- no Langkah Aksi, no Bukti Fisik: an indicator from the template
    report = run(make_xlsx, with_plan(*rows))
    missing = {finding.values["komponen"] for finding in report.of("komponen-missing")}
    assert "P.1.i" not in missing and "P.1.ii" in missing
    assert (report.coverage.indicators_covered, report.coverage.komponen_covered) == (1, 1)


def test_a_row_that_plans_only_an_output_covers_its_komponen(make_xlsx):
    # -- plans shaped Komponen -> Output -> Waktu: a row with a Bukti Fisik and no Langkah Aksi plans
    rows = [
        plan_row(
            "I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja telah dibentuk", kode="P.1.i.a"
        ),
        plan_row("I. Manajemen Perubahan", "Rencana Pembangunan Zona Integritas", "Rencana", kode="P.1.ii.a"),
    ]
    rows[1][5] = None
    report = run(make_xlsx, with_plan(*rows))
    missing = {finding.values["komponen"] for finding in report.of("komponen-missing")}
    assert "P.1.i" not in missing and "P.1.ii" not in missing
    assert (report.coverage.indicators_covered, report.coverage.komponen_covered) == (2, 2)
    assert pairs(report, "langkah-aksi-empty") == {("RencanaAksi!F3", "langkah-aksi-empty")}


@pytest.mark.parametrize(
    ("field", "code", "cell"),
    [
        ("indikator", "indikator-empty", "E3"),
        ("langkah", "langkah-aksi-empty", "F3"),
        ("bukti", "bukti-fisik-empty", "G3"),
        ("target", "target-waktu-empty", "H3"),
    ],
)
def test_empty_plan_cells(make_xlsx, field, code, cell):
    sheets = minimal_sheets()
    row = sheets["RencanaAksi"][2]
    row[{"indikator": 4, "langkah": 5, "bukti": 6, "target": 7}[field]] = None
    assert pairs(run(make_xlsx, sheets), code) == {(f"RencanaAksi!{cell}", code)}


def test_an_indicator_whose_row_plans_nothing_is_missing_as_the_coverage_counts(make_xlsx):
    # -- one computation of coverage: a row naming P.1.i.b with neither Langkah Aksi nor Bukti Fisik covers
    # -- nothing, so the
    # -- indicator is missing in the findings as in the coverage figures
    rows = [
        plan_row(
            "I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja telah dibentuk", kode="P.1.i.a"
        ),
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja kedua", kode="P.1.i.b"),
    ]
    rows[1][5] = rows[1][6] = None
    report = run(make_xlsx, with_plan(*rows))
    missing = {finding.values["kode"] for finding in report.of("indikator-missing")}
    komponen = load_catalogue("90-2021").komponen[0]
    assert komponen.code == "P.1.i"
    # -- P.1.i.b is uncovered as the coverage counts it, and said once: by its row, not again as missing
    assert missing == {i.code for i in komponen.indicators} - {"P.1.i.a", "P.1.i.b"}
    assert report.coverage.indicators_covered == 1
    assert pairs(report, "langkah-aksi-empty") == {("RencanaAksi!F3", "langkah-aksi-empty")}
    assert report.of("langkah-aksi-empty")[0].values["kolom"] == "Langkah Aksi dan Bukti Fisik"


def _output_plan() -> dict[str, list[list[object]]]:
    """A plan shaped Komponen -> Output -> Target -> Waktu (no Indikator, no Langkah Aksi column)."""
    sheets = minimal_sheets()
    sheets["RencanaAksi"] = [
        ["No", "Area", "Komponen", "Output", "Target", "Waktu"],
        ["1", "I. Manajemen Perubahan", "Penyusunan Tim Kerja", "SK Tim ZI", "1 SK", "B01"],
        [
            "2",
            "I. Manajemen Perubahan",
            "Rencana Pembangunan Zona Integritas",
            "Rencana Kerja ZI",
            "1",
            "B02",
        ],
        [
            "3",
            "II. Penataan Tatalaksana",
            "Prosedur Operasional Tetap (SOP) Kegiatan",
            "SOP",
            "10 SOP",
            "TW II",
        ],
        ["4", "II. Penataan Tatalaksana", "Keterbukaan Informasi Publik", "SK PPID", "1 SK", "B03, B06"],
    ]
    return sheets


def test_a_plan_without_indikator_and_langkah_columns_is_one_finding_per_column(make_xlsx):
    report = run(make_xlsx, _output_plan())
    absent = report.of("plan-column-absent")
    assert pairs(report, "plan-column-absent") == {("RencanaAksi", "plan-column-absent")}
    assert sorted((f.values["kolom"], f.values["jumlah"], f.values["total"]) for f in absent) == [
        ("Indikator", 4, 4),
        ("Langkah Aksi", 4, 4),
    ]
    langkah = next(f for f in absent if f.values["kolom"] == "Langkah Aksi")
    assert langkah.message.startswith(
        "Sheet RencanaAksi tidak punya kolom Langkah Aksi: 4 dari 4 baris hanya berisi Komponen, Bukti Fisik "
        "dan Target Waktu, tanpa Langkah Aksi (baris 2-5); LKE meminta langkah aksi per indikator"
    )
    # -- no row-by-row echo of the same fact, and no indicator listed one by one
    for code in ("indikator-empty", "langkah-aksi-empty", "indikator-missing", "target-unparsed"):
        assert not report.of(code), code
    # -- coverage counts what the plan plans: the four komponen with an output
    assert report.coverage.komponen_covered == 4
    covered = {"P.1.i", "P.1.ii", "P.2.iii", "P.2.iv"} & {
        f.values["komponen"] for f in report.of("komponen-missing")
    }
    assert covered == set()


def test_a_row_with_only_its_indicator_is_one_finding_and_several_empty_cells_of_a_row_are_one(make_xlsx):
    rows = [
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", f"Tim kerja {n} telah dibentuk")
        for n in range(4)
    ]
    rows[1][5] = rows[1][6] = rows[1][7] = None  # -- the indicator copied from the LKE, nothing planned
    rows[2][6] = rows[2][7] = None  # -- an action without evidence and date
    report = run(make_xlsx, with_plan(*rows))
    assert pairs(report, "plan-row-empty") == {("RencanaAksi!F3", "plan-row-empty")}
    (empty,) = report.of("plan-row-empty")
    assert empty.values["kolom"] == "Langkah Aksi, Bukti Fisik dan Target Waktu"
    assert pairs(report, "bukti-fisik-empty") == {("RencanaAksi!G4", "bukti-fisik-empty")}
    assert report.of("bukti-fisik-empty")[0].message.startswith(
        "Bukti Fisik dan Target Waktu kosong pada baris 4"
    )
    assert not report.of("langkah-aksi-empty") and not report.of("target-waktu-empty")


def test_a_column_empty_on_most_rows_is_one_finding_and_a_few_empty_cells_are_each_one(make_xlsx):
    rows = [
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", f"Indikator {n}", langkah="")
        for n in range(4)
    ]
    rows[0][5] = "Menyusun SK tim"
    rows[1][7] = None  # -- one empty Target Waktu among filled ones: that row's own defect
    report = run(make_xlsx, with_plan(*rows))
    (absent,) = report.of("plan-column-absent")
    assert (absent.values["kolom"], absent.values["jumlah"], absent.values["baris"]) == (
        "Langkah Aksi",
        3,
        "baris 3-5",
    )
    assert absent.values["keadaan"] == "Kolom Langkah Aksi kosong pada sebagian besar baris"
    assert not report.of("langkah-aksi-empty")
    assert pairs(report, "target-waktu-empty") == {("RencanaAksi!H3", "target-waktu-empty")}


def test_steps_written_under_their_indicator_are_no_plan_without_indikator(make_xlsx):
    # -- one indicator, three steps on the rows below it (Indikator written once): most rows have no
    # -- Indikator, yet the plan has its indicators; each inserted row is told how to join its indicator
    first = plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja telah dibentuk")
    steps = [
        [None, None, None, None, None, f"Langkah {n}", "SK Tim", "Februari 2024", None] for n in range(3)
    ]
    report = run(make_xlsx, with_plan(first, *steps))
    assert not report.of("plan-column-absent")
    assert len(report.of("langkah-row-without-indikator")) == 3


def test_inserted_second_langkah_row_is_told_how_to_join_its_indicator(make_xlsx):
    first = plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja telah dibentuk")
    second = [None, None, None, None, None, "Menetapkan SK tim", "SK Tim", "Februari 2024", None]
    third = [None, None, None, None, None, "Menyosialisasikan SK tim", "Foto", "Maret 2024", None]
    report = run(make_xlsx, with_plan(first, second, third))
    assert pairs(report, "langkah-row-without-indikator") == {
        ("RencanaAksi!E3", "langkah-row-without-indikator"),
        ("RencanaAksi!E4", "langkah-row-without-indikator"),
    }
    assert not report.of("indikator-empty")
    assert [f.values["above"] for f in report.of("langkah-row-without-indikator")] == [2, 2]
    # -- the advice followed: the Indikator cell merged over both rows reads as filled
    merged = run(make_xlsx, with_plan(first, second), merges={"RencanaAksi": ["E2:E3"]})
    assert not merged.of("langkah-row-without-indikator") and not merged.of("indikator-empty")


def test_empty_cell_in_a_column_never_filled_points_at_that_cell(make_xlsx):
    row = plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja telah dibentuk", bukti="")
    row[6] = None
    report = run(make_xlsx, with_plan(row))
    assert pairs(report, "bukti-fisik-empty") == {("RencanaAksi!G2", "bukti-fisik-empty")}


def test_kode_lke_unknown(make_xlsx):
    sheets = with_plan(
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim dibentuk", kode="P.1.i.a"),
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim dibentuk", kode="9.9.z"),
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "kode-lke-unknown") == {("RencanaAksi!D3", "kode-lke-unknown")}


def test_komponen_unmatched_once_per_komponen_cell(make_xlsx):
    rows = [
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"],
        ["I", "MANAJEMEN PERUBAHAN"],
        [1, "Kegiatan Olahraga Pegawai", "Senam pagi", "Melaksanakan senam", "Foto", "Januari 2024"],
        [None, None, "Jalan sehat", "Melaksanakan jalan sehat", "Foto", "Februari 2024"],
        [2, "E- Office (2)", "Surat elektronik", "Menerapkan surat elektronik", "Laporan", "Maret 2024"],
    ]
    sheets = minimal_sheets()
    sheets["RencanaAksi"] = rows
    report = run(make_xlsx, sheets, merges={"RencanaAksi": ["A3:A4", "B3:B4"]})
    assert pairs(report, "komponen-unmatched") == {("RencanaAksi!B3", "komponen-unmatched")}
    # -- E-Office is the 52/2014 name of an area II komponen; this plan is 90/2021 and writes it under area I
    assert pairs(report, "komponen-other-area") == {("RencanaAksi!B5", "komponen-other-area")}
    (moved,) = report.of("komponen-other-area")
    assert (moved.values["kode"], moved.values["area_katalog"]) == ("P.2.ii", "II. Penataan Tatalaksana")


def _grouped_plan(*komponen: tuple[object, str]) -> dict[str, list[list[object]]]:
    """A grouped 52/2014 plan: area rows, then (No, Komponen) each with two indicator rows, NO and
    KOMPONEN written on the first row only."""
    rows: list[list[object]] = [
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"]
    ]
    for no, name in komponen:
        if no == "area":
            rows.append([name.split(".")[0], name.split(". ", 1)[1]])
            continue
        rows.append([no, name, f"Indikator {name}", "Menyusun dokumen", "Dokumen", "Maret 2019"])
        rows.append([None, None, f"Indikator kedua {name}", "Melaksanakan evaluasi", "Laporan", "Juni 2019"])
    sheets = with_identitas(Tahun=2019, Regulasi="PermenPANRB 52/2014")
    sheets["RencanaAksi"] = rows
    return sheets


def test_komponen_as_real_plans_name_them(make_xlsx):
    sheets = _grouped_plan(
        ("area", "I. MANAJEMEN PERUBAHAN"),
        (1, "Tim ZI"),  # -- a short form
        (2, "Dokumen Rencana Pembangunan Zona Integritas"),
        (None, "Pemantauan dan Evaluasi Pembangunan WBK/WBBM"),  # -- no number between numbered ones
        (4, "Perubahan pola pikir dan budaya kerja"),
        ("area", "II. PENATAAN TATALAKSANA"),
        (1, "SOP"),
        (2, "Sistem Pemerintahan Berbasis Elektronik (SPBE)"),  # -- the 90/2021 name of E-Office
        (3, "Keterbukaan Informasi"),
        ("area", "V. PENGUATAN PENGAWASAN"),
        (1, "Penanganan Pengaduan Masyarakat dan Tindak"),  # -- cut at the end of its column
        (2, "Kegiatan Olahraga Pegawai"),  # -- nothing: one finding, not one per row
        ("area", "VI. PENINGKATAN KUALITAS PELAYANAN PUBLIK"),
        (1, "Standar Pelayanan"),
        (2, "SKM"),
        (3, "Pengaduan Masyarakat"),  # -- an area V komponen
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "komponen-numbering") == {("RencanaAksi!A7", "komponen-numbering")}
    assert report.of("komponen-numbering")[0].values["nomor"] == 3
    assert pairs(report, "komponen-other-regulation") == {("RencanaAksi!B14", "komponen-other-regulation")}
    assert report.of("komponen-other-regulation")[0].values["kode"] == "2.2"
    assert pairs(report, "komponen-truncated") == {("RencanaAksi!B19", "komponen-truncated")}
    assert report.of("komponen-truncated")[0].values["kode"] == "5.3"
    assert pairs(report, "komponen-unmatched") == {("RencanaAksi!B21", "komponen-unmatched")}
    assert report.of("komponen-unmatched")[0].values["baris"] == "baris 21-22"
    assert pairs(report, "komponen-other-area") == {("RencanaAksi!B28", "komponen-other-area")}
    # -- the short forms are the komponen themselves: no finding, and the coverage counts them; area V has
    # -- 5.3 twice (cut, and written under area VI), area VI its two own
    covered = report.coverage.areas
    assert [area.komponen_covered for area in covered] == [4, 3, 0, 0, 1, 2]
    named = {"komponen-unmatched", "komponen-truncated", "komponen-other-regulation", "komponen-other-area"}
    assert sum(1 for f in report.findings if f.code in named) == 4


def test_komponen_numbered_on_across_areas_is_no_numbering_finding(make_xlsx):
    sheets = _grouped_plan(
        ("area", "I. MANAJEMEN PERUBAHAN"),
        (1, "Tim ZI"),
        (2, "Dokumen Rencana Pembangunan Zona Integritas"),
        ("area", "II. PENATAAN TATALAKSANA"),
        (3, "SOP"),
        (4, "E-Office"),
        (6, "Keterbukaan Informasi Publik"),  # -- 5 skipped: the one break in the run
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "komponen-numbering") == {("RencanaAksi!A12", "komponen-numbering")}
    assert report.of("komponen-numbering")[0].values["nomor"] == 5


def test_names_cut_by_an_earlier_zi_sheets_are_read_whole_and_never_printed(make_xlsx):
    # -- init once wrote these cut or misspelled names from its catalogue; the unit never wrote them
    sheets = with_plan(
        plan_row("II. Penataan Tatalaksana", "Peta Proses Bisnis Mempengaruhi", "Peta proses bisnis disusun"),
        plan_row(
            "VI. Peningkatan Kualitas Pelayanan Publik",
            "Penanganan Pengaduan Pelayanan dan",
            "pengaduan masyarakat dtindaklanjuti",
        ),
    )
    workbook = read_workbook(make_xlsx(sheets))
    assert [row.komponen.text for row in workbook.rencana_aksi] == [
        "Peta Proses Bisnis Mempengaruhi Penyederhanaan Jabatan",
        "Penanganan Pengaduan Pelayanan dan Konsultasi",
    ]
    assert workbook.rencana_aksi[1].indikator.text == "pengaduan masyarakat ditindaklanjuti"
    assert workbook.rencana_aksi[0].komponen.cell is not None  # -- still where the unit can find it
    report = run_checks(analyse(workbook), TODAY)
    assert not report.of("komponen-truncated") and not report.of("komponen-unmatched")


def test_indikator_unmatched(make_xlsx):
    sheets = with_plan(
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Pengadaan kendaraan operasional"),
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim telah dibentuk untuk pembangunan ZI"),
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "indikator-unmatched") == {("RencanaAksi!E2", "indikator-unmatched")}


def test_an_unmatched_row_names_its_komponens_unplanned_indicators_once(make_xlsx):
    """A row in the unit's own words may be any of its komponen's unplanned indicators: one finding (the
    row's, naming them), not also one indikator-missing each; other komponen keep theirs."""
    sheets = with_plan(
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Pengadaan kendaraan operasional"),
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim telah dibentuk untuk pembangunan ZI"),
        plan_row("II. Penataan Tatalaksana", "Prosedur Operasional Tetap (SOP) Kegiatan", "SOP disusun"),
    )
    report = run(make_xlsx, sheets)
    (unmatched,) = report.of("indikator-unmatched")
    team = [k for k in load_catalogue("90-2021").komponen if k.name.startswith("Penyusunan Tim Kerja")][0]
    missing = {f.values["kode"] for f in report.of("indikator-missing")}
    assert not missing & {i.code for i in team.indicators}
    assert "belum punya baris: " in unmatched.message
    assert any(i.code in unmatched.message for i in team.indicators)
    assert missing, "the SOP komponen's other indicators are still reported"


def test_matching_komponen_and_indicators_of_the_example():
    report = run_checks(analyse(read_workbook(EXAMPLE)), TODAY)
    assert pairs(report, "komponen-unmatched") == set()
    assert pairs(report, "indikator-unmatched") == set()


# ---------------------------------------------------------------------------------------------------------
# Target dates


@pytest.mark.parametrize(
    ("target", "code"),
    [
        ("secepatnya", "target-unparsed"),
        ("apabila ada perubahan kebijakan", "target-event"),
        ("Januari 2022", "target-outside-year"),
        ("Feb-22", "target-outside-year"),
        ("Januari s/d Desember 2023", "target-outside-year"),
        ("Juni, Desember 2025", "target-outside-year"),
        ("2018-2020", "target-outside-year"),
        ("Juni, Desember 202", "target-year-impossible"),
    ],
)
def test_target_findings(make_xlsx, target, code):
    sheets = minimal_sheets()
    sheets["RencanaAksi"][2][7] = target
    report = run(make_xlsx, sheets)
    codes = ("target-unparsed", "target-event", "target-outside-year", "target-year-impossible")
    assert {pair for c in codes for pair in pairs(report, c)} == {("RencanaAksi!H3", code)}


@pytest.mark.parametrize(
    "target",
    [
        "Januari s/d Desember 2024",
        "Juni, Desember",
        "Triwulan II",
        "setiap 6 bulan",
        "Pebruari 2024",
        "Renstra 2020-2024, PK Januari 2024",
        dt.datetime(2024, 3, 1),
        2024,
    ],
)
def test_good_targets_are_silent(make_xlsx, target):
    sheets = minimal_sheets()
    sheets["RencanaAksi"][2][7] = target
    report = run(make_xlsx, sheets)
    assert not [x for x in report.findings if x.code.startswith("target-")]


# ---------------------------------------------------------------------------------------------------------
# Consistency


def test_other_agencies_named_anywhere(make_xlsx):
    sheets = with_plan(
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim", langkah="Kadin menetapkan SK tim"),
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim", bukti="Publikasi via website BKP"),
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim", bukti="Rapat di Balai Desa"),
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim", bukti="Data dari BKPSDM"),
        plan_row(
            "I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim", langkah="Camat Contoh menetapkan SK"
        ),
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim", pj="Ka UPT"),
    )
    sheets["Narasi"] = [["Bagian", "Isi"], ["Latar Belakang", "Disusun oleh Dispenduk capil Kab. Contoh."]]
    sheets["Monev"] = [
        ["Bulan", "Area", "Capaian"],
        ["Mei 2024", "Manajemen Perubahan", "Laporan dikirim ke Dinas Kependudukan dan Pencatatan Sipil"],
    ]
    sheets["TargetPrioritas"] = [["No", "Target Prioritas"], [1, "Sosialisasi oleh Kepala Balai"]]
    report = run(make_xlsx, sheets)
    assert pairs(report, "other-agency") == {
        ("RencanaAksi!F2", "other-agency"),
        ("RencanaAksi!G3", "other-agency"),
        ("RencanaAksi!I7", "other-agency"),
        ("Narasi!B2", "other-agency"),
        ("Monev!C2", "other-agency"),
        ("TargetPrioritas!B2", "other-agency"),
    }
    names = {tuple(x.values["names"]) for x in report.of("other-agency")}
    assert ("Dinas Kependudukan dan Pencatatan Sipil",) in names
    assert ("Dispenduk capil",) in names
    assert ("Kepala Balai",) in names


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("Kepala Dinas menetapkan SK", "Dinas Kesehatan", []),
        ("Kepala Dinas menetapkan SK", "Kecamatan Pasirian", ["Kepala Dinas"]),
        ("Puskesmas Pasirian", "UPT Puskesmas Pasirian", []),
        ("Website Dispenduk dan BKP", "OPD Kecamatan Pasirian", ["Dispenduk", "BKP"]),
        ("Kadis dan KADIN", "Kecamatan Pasirian", ["Kadis", "KADIN"]),
        ("SUBKP; BKP-x; bkp", "Kecamatan Pasirian", ["BKP"]),  # short capitals match only in capitals
    ],
)
def test_other_agency_names(text, unit, expected):
    profile = unit_profile(Identitas({"Nama Unit Kerja": CellValue(unit)}))
    assert [m.name for m in other_agencies(text, profile)] == expected


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Form Perencanaan pendidikan dan pelatihan tahun 2017", [2017]),
        ("SKP tahun 2015, SKP 2017", [2015, 2017]),
        ("Renstra 2010-2014", [2010]),
        ("SK Tim tahun 2018", [2018]),
        ("ISO 9001:2008 dan ISO 17025:2005", []),
        ("Pedoman mengacu PerMenPAN dan RB no 37/2012", []),
        ("Permenpan RB Nomor 52 Tahun 2014", []),
        ("UU 25 tahun 2009", []),
        ("Renstra 2015-2019", []),
        ("Renstra 2015 s/d 2019", []),
        ("LAKIP 2018 dan Laporan Kinerja tahun 2018", []),
        ("Anggaran Rp 2000 per peserta", []),
        ("LAKIN 2019", []),
    ],
)
def test_old_years(text, years):
    assert old_years(text, 2019) == years


def test_evidence_dated_before_the_plan(make_xlsx):
    sheets = with_plan(
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim", bukti="SK Tim tahun 2021"),
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim", langkah="Menyusun SKP 2020"),
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim", bukti="Sesuai ISO 9001:2015"),
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim", bukti="LAKIP 2023"),
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "evidence-year-old") == {
        ("RencanaAksi!G2", "evidence-year-old"),
        ("RencanaAksi!F3", "evidence-year-old"),
    }


def test_langkah_that_only_repeats_bukti(make_xlsx):
    documents = "Daftar Hadir Rapat; Notulen; Nota Dinas Perbaikan"
    sheets = with_plan(
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "A", langkah=documents, bukti=documents),
        plan_row(
            "I. Manajemen Perubahan",
            "Penyusunan Tim Kerja",
            "B",
            langkah="Prosedur Mutasi",
            bukti=("Dokumen Prosedur Mutasi"),
        ),
        plan_row(
            "I. Manajemen Perubahan",
            "Penyusunan Tim Kerja",
            "C",
            langkah="Menyusun Renstra, RKT",
            bukti="Renstra, RKT",
        ),
        plan_row(
            "I. Manajemen Perubahan",
            "Penyusunan Tim Kerja",
            "D",
            langkah="Rapat evaluasi SOP",
            bukti="SOP, notulen rapat evaluasi",
        ),
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "langkah-repeats-bukti") == {
        ("RencanaAksi!F2", "langkah-repeats-bukti"),
        ("RencanaAksi!F3", "langkah-repeats-bukti"),
    }


def test_duplicate_rows_point_at_the_later_row(make_xlsx):
    row = plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja telah dibentuk")
    other = plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja dievaluasi")
    report = run(make_xlsx, with_plan(row, other, list(row)))
    assert pairs(report, "duplicate-row") == {("RencanaAksi!E4", "duplicate-row")}
    assert report.of("duplicate-row")[0].values == {"row": 4, "earlier": 2}


# ---------------------------------------------------------------------------------------------------------
# Monev

MONEV_HEADER = ["Bulan", "Area", "Capaian", "Status", "Ref Rencana Aksi"]


def with_monev(*rows: list[object], plan: list[list[object]] | None = None) -> dict[str, list[list[object]]]:
    sheets = with_plan(*plan) if plan else minimal_sheets()
    sheets["Monev"] = [list(MONEV_HEADER), *rows]
    return sheets


def test_monev_months(make_xlsx):
    sheets = with_monev(
        ["Mei 2024", "I. Manajemen Perubahan", "Tim dibentuk"],
        ["Mei 2023", "I. Manajemen Perubahan", "Tim dibentuk"],
        [None, "II. Penataan Tatalaksana", "SOP disusun"],  # the month above carries down: one finding
        ["bulan depan", "I. Manajemen Perubahan", "Rencana disusun"],
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "monev-month-outside-year") == {("Monev!A3", "monev-month-outside-year")}
    assert pairs(report, "monev-month-unreadable") == {("Monev!A5", "monev-month-unreadable")}


def test_monev_month_without_a_year_takes_the_plan_year(make_xlsx):
    sheets = with_monev(
        ["Mei", "I. Manajemen Perubahan", "Tim dibentuk"],
        ["Juni", "II. Penataan Tatalaksana", "SOP disusun"],
    )
    workbook = read_workbook(make_xlsx(sheets))
    assert [entry.month for entry in workbook.monev] == [(2024, 5), (2024, 6)]
    report = run_checks(analyse(workbook), TODAY)
    assert not report.of("monev-month-unreadable") and not report.of("monev-month-outside-year")


def test_monev_unknown_area(make_xlsx):
    sheets = with_monev(
        ["Mei 2024", "Manajemen Perubahan", "Tim dibentuk"],
        ["Mei 2024", "Bagian Umum", "Surat diarsipkan"],
    )
    assert pairs(run(make_xlsx, sheets), "monev-area-unknown") == {("Monev!B3", "monev-area-unknown")}


def test_monev_status_words_outside_the_vocabulary(make_xlsx):
    sheets = with_monev(
        ["Mei 2024", "I", "Tim dibentuk", "Sudah"],
        ["Mei 2024", "I", "Tim dibentuk", "On Progress"],
        ["Mei 2024", "I", "Tim dibentuk", None],
        ["Mei 2024", "I", "Tim dibentuk", "Oke"],
        ["Mei 2024", "II", "SOP disusun", "Menunggu TTD"],
    )
    assert pairs(run(make_xlsx, sheets), "monev-status-unknown") == {
        ("Monev!D5", "monev-status-unknown"),
        ("Monev!D6", "monev-status-unknown"),
    }


def test_monev_reference_to_no_plan_row(make_xlsx):
    plan = [
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim dibentuk", no="I.1", kode="P.1.i.a"),
        plan_row("II. Penataan Tatalaksana", "Prosedur Operasional Tetap (SOP) Kegiatan", "SOP", no="II.1"),
    ]
    sheets = with_monev(
        ["Mei 2024", "I", "Tim dibentuk", "Selesai", "I.1"],
        ["Mei 2024", "I", "Tim dibentuk", "Selesai", "P.1.i.a"],
        ["Mei 2024", "I", "Tim dibentuk", "Selesai", "1.i.a"],
        ["Mei 2024", "II", "SOP", "Selesai", "II.1; I.1"],
        ["Mei 2024", "II", "SOP", "Selesai", "IX.9"],
        ["Mei 2024", "II", "SOP", "Selesai", "II.1, II.7"],
        plan=plan,
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "monev-ref-unknown") == {
        ("Monev!E6", "monev-ref-unknown"),
        ("Monev!E7", "monev-ref-unknown"),
    }


def test_overdue_plan_actions(make_xlsx):
    plan = [
        plan_row(
            "I. Manajemen Perubahan",
            "Penyusunan Tim Kerja",
            "Agen perubahan ditetapkan",
            langkah="Menetapkan SK agen perubahan",
            target="Januari 2024",
            no="I.1",
        ),
        plan_row(
            "I. Manajemen Perubahan",
            "Penyusunan Tim Kerja",
            "Tim kerja dibentuk",
            langkah="Menyusun SK tim kerja",
            target="Februari 2024",
            no="I.2",
        ),
        plan_row(
            "I. Manajemen Perubahan",
            "Penyusunan Tim Kerja",
            "Rapat evaluasi berkala",
            langkah="Rapat evaluasi",
            target="Juni, Desember 2024",
            no="I.3",
        ),
        plan_row(
            "I. Manajemen Perubahan",
            "Penyusunan Tim Kerja",
            "Budaya kerja dibangun",
            langkah="Apel pagi",
            target="Januari s/d Desember 2024",
            no="I.4",
        ),
        plan_row(
            "II. Penataan Tatalaksana",
            "Prosedur Operasional Tetap (SOP) Kegiatan",
            "SOP dievaluasi",
            langkah="Evaluasi SOP",
            target="Maret 2024",
            no="II.1",
        ),
        plan_row(
            "II. Penataan Tatalaksana",
            "Prosedur Operasional Tetap (SOP) Kegiatan",
            "SOP disusun",
            langkah="Menyusun SOP",
            target="Februari s/d Maret 2024",
            no="II.2",
        ),
    ]
    sheets = with_monev(
        ["Mei 2024", "I. Manajemen Perubahan", "Telah dibentuk tim kerja", "Selesai"],
        ["Mei 2024", "II. Penataan Tatalaksana", "Laporan evaluasi SOP", "Selesai", "II.1"],
        plan=plan,
    )
    report = run(make_xlsx, sheets)
    # -- I.1 due in January, nothing reported; I.2 reported by its words; I.3 due in June; I.4 runs to
    # -- December; II.1 reported by its Ref; II.2 due in March, and "evaluasi SOP" is another action.
    # -- one finding for the fact, at the first late row, naming the rows
    assert pairs(report, "plan-overdue") == {("RencanaAksi!H2", "plan-overdue")}
    (late,) = report.of("plan-overdue")
    assert (late.values["jumlah"], late.values["baris_excel"], late.values["tahun_lewat"]) == (
        2,
        "baris 2, 7",
        "",
    )


def test_a_plan_of_a_year_already_over_is_one_note(make_xlsx):
    plan = [
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", f"Tim kerja {n}", target="Januari 2024")
        for n in range(5)
    ]
    sheets = with_monev(["Mei 2024", "I. Manajemen Perubahan", "Lain hal", "Selesai", "II.9"], plan=plan)
    report = run_checks(analyse(read_workbook(make_xlsx(sheets))), dt.date(2026, 3, 1))
    (note,) = report.of("plan-overdue")
    assert note.values["jumlah"] == 5 and note.values["baris_excel"] == "baris 2-6"
    assert note.message.startswith(
        "Tahun rencana 2024 sudah berakhir; Monev sampai Mei 2024 belum melaporkan"
    )


def test_no_monev_no_overdue(make_xlsx):
    assert pairs(run(make_xlsx, minimal_sheets()), "plan-overdue") == set()


def test_ref_by_the_catalogue_code_a_row_was_matched_to(make_xlsx):
    # -- minimal_sheets(): row 2 has no Kode LKE but matches indicator P.1.i.a; row 3 matches none --
    sheets = with_monev(
        ["Mei 2024", "I. Manajemen Perubahan", "Lain hal", "Selesai", "1.i.a"],
        ["Mei 2024", "II. Penataan Tatalaksana", "Lain hal", "Selesai", "P.2.i.a"],
    )
    report = run(make_xlsx, sheets)
    assert pairs(report, "monev-ref-unknown") == {("Monev!E3", "monev-ref-unknown")}
    assert pairs(report, "plan-overdue") == {("RencanaAksi!H3", "plan-overdue")}
    # -- the Monev document's progress reads the Ref the same way: row 2 is reported, row 3 is late
    analysis = analyse(read_workbook(make_xlsx(sheets)))
    assert analysis.reports[2] and not analysis.reports[3]
    assert {p.row.row for p in analysis.plan_progress((2024, 5)) if p.status == TERLAMBAT} == {3}


# ---------------------------------------------------------------------------------------------------------
# The example: the real defects of the 2019 Pasirian plan


@pytest.fixture(scope="module")
def example_report() -> Report:
    return run_checks(analyse(read_workbook(EXAMPLE)), TODAY)


def test_example_defects_found_at_their_cells(example_report):
    report = example_report
    assert pairs(report, "target-outside-year") == {
        ("RencanaAksi!F31", "target-outside-year"),  # Januari s/d Desember 2017
        ("RencanaAksi!F32", "target-outside-year"),  # Januari s/d Desember 2017
        ("RencanaAksi!F42", "target-outside-year"),  # Feb-17
        ("RencanaAksi!F54", "target-outside-year"),  # Januari 2017
    }
    assert pairs(report, "target-year-impossible") == {("RencanaAksi!F64", "target-year-impossible")}
    assert pairs(report, "indikator-empty") == {("RencanaAksi!C15", "indikator-empty")}  # E-Office
    assert pairs(report, "other-agency") == {
        ("RencanaAksi!D18", "other-agency"),  # BKP Kelas I Lumajang
        ("RencanaAksi!E37", "other-agency"),  # Ka UPT
        ("RencanaAksi!D40", "other-agency"),  # Kadin
        ("RencanaAksi!D41", "other-agency"),  # Kadin
        ("RencanaAksi!D52", "other-agency"),  # Dinas kependudukan dan pencatatan sipil
        ("RencanaAksi!D53", "other-agency"),  # Dispenduk
        ("RencanaAksi!C54", "other-agency"),  # Dispenduk capil
        ("RencanaAksi!E62", "other-agency"),  # website BKP
        ("RencanaAksi!D66", "other-agency"),  # di BKP OPD Kec. Pasirian
    }
    names = {name.lower() for x in report.of("other-agency") for name in x.values["names"]}
    assert {"bkp", "kadin", "ka upt", "dispenduk", "dinas kependudukan dan pencatatan sipil"} <= names
    assert pairs(report, "evidence-year-old") == {
        ("RencanaAksi!E28", "evidence-year-old"),  # Form Perencanaan ... tahun 2017
        ("RencanaAksi!E33", "evidence-year-old"),  # SKP tahun 2015, SKP 2017
    }
    assert pairs(report, "langkah-repeats-bukti") == {
        ("RencanaAksi!D12", "langkah-repeats-bukti"),
        ("RencanaAksi!D25", "langkah-repeats-bukti"),
    }
    assert pairs(report, "target-event") == {("RencanaAksi!F55", "target-event")}
    # -- one Bukti for several indicators: ANJAB/ABK for 3.1.a-b, Renstra/RKT/PK for 4.2.a-c
    assert pairs(report, "bukti-shared") == {
        ("RencanaAksi!E21", "bukti-shared"),
        ("RencanaAksi!E43", "bukti-shared"),
    }
    assert pairs(report, "langkah-not-action") == {
        ("RencanaAksi!D6", "langkah-not-action"),  # "Terbentuknya Tim Kerja ZI"
        ("RencanaAksi!D14", "langkah-not-action"),  # "Seluruh pegawai telah memiliki SOP ..."
        ("RencanaAksi!D37", "langkah-not-action"),  # "Buku kode etik pegawai sudah didistribusikan ..."
        ("RencanaAksi!D41", "langkah-not-action"),  # "Kadin terlibat dalam penyusunan RENSTRA ..."
        ("RencanaAksi!D73", "langkah-not-action"),  # "SOP tersedia di ruang pelayanan"
        ("RencanaAksi!D78", "langkah-not-action"),  # "Pelayanan terpadu administrasi kependudukan"
    }
    # -- the ten indicators the seed has no row for (71 of 81 covered)
    assert len(report.of("indikator-missing")) == 10
    assert "5.4.b" in {x.values["kode"] for x in report.of("indikator-missing")}


def test_example_has_no_other_error_or_warning(example_report):
    expected_codes = {
        "target-outside-year",
        "target-year-impossible",
        "indikator-empty",
        "other-agency",
        "evidence-year-old",
        "langkah-repeats-bukti",
        "langkah-not-action",
        "bukti-shared",
    }
    serious = {x.code for x in example_report.findings if x.severity != "info"}
    assert serious == expected_codes
    assert example_report.exit_code() == 1
    assert {x.code for x in example_report.findings if x.severity == "info"} <= {
        "target-event",
        "plan-overdue",
        "indikator-missing",
    }
    # -- Overdue plan actions are one finding, at the first one's Target Waktu (column F), up to May 2019.
    (late,) = example_report.of("plan-overdue")
    assert late.cell.column == "F" and late.values["jatuh_tempo"] == "Januari 2019"
    assert late.values["monev_sampai"] == "Mei 2019"


def test_example_overdue_plan_actions(example_report):
    # -- The seed's Monev (May 2019) has no Ref and no Status: these rows are due by March and none of its
    # -- achievements names them. A year-long span still running in May ("Januari s/d Desember 2019",
    # -- row 9) is not overdue; the two spans of 2017 (rows 31, 32) were due before the plan year began. The
    # -- Monev document lists the same 21 (golden contoh-pasirian-2019).
    (late,) = example_report.of("plan-overdue")
    assert late.values["jumlah"] == 21 and late.cell.row == 10
    analysis = analyse(read_workbook(EXAMPLE))
    assert {p.row.row for p in analysis.plan_progress((2019, 5)) if p.status == TERLAMBAT} == {
        10,  # Januari 2019: Agen perubahan sudah ditetapkan
        11,  # Maret 2019
        12,  # Januari 2019, setiap ada pertemuan
        14,  # Januari 2019
        25,  # Maret 2019
        27,  # Februari s/d Maret 2019
        28,  # Februari 2019
        31,  # Januari s/d Desember 2017: before the plan year
        32,  # Januari s/d Desember 2017
        33,  # Januari, desember 2019: due in January too
        34,  # Januari, desember 2019
        40,  # Maret 2019
        43,  # Renstra 2015-2019 RKT Bln Februari 2019, PK Januari 2019
        44,  # the same
        46,  # the same
        47,  # Februari 2019
        48,  # Februari 2019: the LAKIN
        50,  # Januari 2019
        65,  # Januari 2019
        66,  # 02 Januari 2019
        72,  # Januari 2019
    }


def test_example_coverage(example_report):
    coverage = example_report.coverage
    assert coverage.regulation == "52-2014"
    assert (coverage.komponen_covered, coverage.komponen_total) == (23, 23)
    # -- The seed plans one row per catalogue indicator, each a different one: 72 rows (7, 6, 18, 11, 18
    # -- and 12 per area), less area II's E-Office row whose indicator is empty.
    assert (coverage.indicators_covered, coverage.indicators_total) == (71, 81)
    assert [area.indicators_covered for area in coverage.areas] == [7, 5, 18, 11, 18, 12]
    assert example_report.summary().endswith("; komponen 23 dari 23, indikator 71 dari 81 (87%)")


def test_laporan_monev_rows_name_a_known_bagian_a_readable_periode_and_date(make_xlsx):
    sheets = minimal_sheets()
    sheets["LaporanMonev"] = [
        ["Periode", "Bagian", "Isi"],
        ["Semester I 2024", "Latar Belakang", "Laporan ini disusun ..."],
        ["Semester I 2024", "Penutup Akhir", "Demikian ..."],  # no Bagian of the Monev report
        ["Semester I 2024", "Penutup Akhir", "... laporan ini."],  # the same run: one finding
        ["Semester ketiga", "Tanggal Laporan", "kapan-kapan"],
    ]
    report = run(make_xlsx, sheets)
    assert pairs(report, "laporan-bagian-unknown") == {("LaporanMonev!C3", "laporan-bagian-unknown")}
    assert pairs(report, "periode-unreadable") == {("LaporanMonev!A5", "periode-unreadable")}
    assert pairs(report, "tanggal-unreadable") == {("LaporanMonev!C5", "tanggal-unreadable")}
