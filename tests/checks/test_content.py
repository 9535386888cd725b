"""Checks that read what the plan says (issue 23, classes 1-3): each case built in code, asserted as
(cell, code); the thresholds are set on the generated corpus and the Balai's plan and held on the bundled
example (tests/checks/test_corpus_real.py)."""

from __future__ import annotations

import datetime as dt

from conftest import IDENTITAS_ROWS, PLAN_HEADER, plan_row

from zi_sheets.analysis.analyse import analyse
from zi_sheets.checks.content import copies_indikator, topics
from zi_sheets.checks.run import run_checks
from zi_sheets.checks.texts import old_years
from zi_sheets.common.catalogue import load_catalogue
from zi_sheets.common.report import Report
from zi_sheets.reading.workbook import read_workbook

TODAY = dt.date(2024, 6, 1)
AREA_II = "II. Penataan Tatalaksana"
AREA_V = "V. Penguatan Pengawasan"
KIP = "Keterbukaan Informasi Publik"


def run(make_xlsx, *rows: list[object], targets: list[str] | None = None) -> Report:
    sheets = {"Identitas": [list(row) for row in IDENTITAS_ROWS], "RencanaAksi": [list(PLAN_HEADER), *rows]}
    if targets is not None:
        sheets["TargetPrioritas"] = [["No", "Target Prioritas"], *([i, t] for i, t in enumerate(targets, 1))]
    return run_checks(analyse(read_workbook(make_xlsx(sheets))), TODAY)


def cells(report: Report, code: str) -> list[str]:
    return [finding.cell_text for finding in report.of(code)]


# -- bukti-mismatch --


def test_complaints_evidence_for_public_information_is_a_mismatch_that_says_what_is_asked(make_xlsx):
    report = run(
        make_xlsx,
        plan_row(
            AREA_II,
            KIP,
            "Kebijakan informasi publik telah diterapkan",
            kode="P.2.iii.a",
            langkah="Menyediakan layanan informasi",
            bukti="SOP pengaduan. Form Pengaduan.",
        ),
    )
    assert cells(report, "bukti-mismatch") == ["RencanaAksi!G2"]
    message = report.of("bukti-mismatch")[0].message
    assert "'SOP pengaduan. Form Pengaduan.'" in message and "PPID" in message and "P.2.iii.a" in message


def test_evidence_of_its_own_topic_or_naming_its_indicator_is_no_mismatch(make_xlsx):
    report = run(
        make_xlsx,
        plan_row(
            AREA_II,
            KIP,
            "Kebijakan informasi publik telah diterapkan",
            kode="P.2.iii.a",
            bukti="SK PPID; Daftar Informasi Publik; SOP pengaduan informasi",
        ),
        plan_row(
            AREA_V,
            "Pengaduan Masyarakat",
            "Kebijakan pengaduan masyarakat telah diterapkan",
            kode="P.5.iii.a",
            bukti="SOP pengaduan masyarakat",
        ),
        # -- a generic record names no topic at all
        plan_row(
            AREA_II,
            KIP,
            "Monitoring dan evaluasi keterbukaan informasi",
            kode="P.2.iii.b",
            bukti="Daftar hadir; notulen rapat",
        ),
    )
    assert cells(report, "bukti-mismatch") == []


def test_abbreviations_of_other_meanings_name_no_topic(make_xlsx):
    # -- IKM is also small industry, ABK also children with special needs: only the spelled-out names count
    report = run(
        make_xlsx,
        plan_row(
            AREA_II,
            "Sistem Pemerintahan Berbasis Elektronik (SPBE)",
            "SPBE diterapkan",
            kode="P.2.ii.a",
            bukti="Aplikasi data IKM binaan; layanan ABK",
        ),
    )
    assert cells(report, "bukti-mismatch") == []


def test_every_topic_of_the_table_names_komponen_of_both_catalogues():
    komponen = {key: {k.code for k in load_catalogue(key).komponen} for key in ("52-2014", "90-2021")}
    for topic in topics():
        assert topic.words and topic.documents
        for key, codes in topic.komponen.items():
            assert codes and set(codes) <= komponen[key], (topic.name, key)


# -- langkah-copies-indikator --


def test_an_indicator_behind_a_verb_cut_mid_word_is_a_copy(make_xlsx):
    indikator = "Telah terdapat sistem pemberian penghargaan bagi petugas pemberi pelayanan yang berprestasi"
    report = run(
        make_xlsx,
        plan_row(
            "VI. Peningkatan Kualitas Pelayanan Publik",
            "Budaya Pelayanan Prima",
            indikator,
            langkah="Melaksanakan telah terdapat sistem pemberian penghargaan bagi petugas pemberi pela",
        ),
    )
    assert cells(report, "langkah-copies-indikator") == ["RencanaAksi!F2"]
    assert report.of("langkah-not-action") == []


def test_an_action_that_speaks_of_its_indicator_is_no_copy():
    indikator = "Dokumen pembangunan terdapat target-target prioritas yang relevan dengan tujuan"
    assert not copies_indikator("Penyusunan dokumen pembangunan terdapat target-target prioritas", indikator)
    assert not copies_indikator("Menyusun SOP", "SOP telah ditetapkan")
    assert copies_indikator(
        "Melaksanakan SOP telah ditetapkan dan diter", "a. SOP telah ditetapkan dan diterapkan."
    )
    assert copies_indikator(
        "Melaksanakan telah dilakukan monitoring dan evaluasi", "Telah dilakukan monitoring dan evaluasi"
    )


# -- target-prioritas-audience --


def test_a_target_of_only_an_audience_is_no_target(make_xlsx):
    report = run(
        make_xlsx,
        plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja telah dibentuk"),
        targets=[
            "Seluruh pegawai",
            "Masyarakat",
            "Seluruh pegawai memahami kode etik",
            "100% layanan ber-SOP",
        ],
    )
    assert cells(report, "target-prioritas-audience") == ["TargetPrioritas!B2", "TargetPrioritas!B3"]


# -- bukti-shared --


def test_one_document_for_two_komponen_is_one_finding_listing_the_rows(make_xlsx):
    shared = "Laporan kajian tata kelola pelayanan"
    report = run(
        make_xlsx,
        plan_row(AREA_II, KIP, "Kebijakan informasi publik telah diterapkan", kode="P.2.iii.a", bukti=shared),
        plan_row(AREA_V, "Whistle-Blowing System", "WBS telah diterapkan", kode="P.5.iv.a", bukti=shared),
        plan_row(AREA_V, "Whistle-Blowing System", "WBS dievaluasi", kode="P.5.iv.b", bukti=shared),
    )
    assert cells(report, "bukti-shared") == ["RencanaAksi!G2"]
    assert "(2, 3, 4)" in report.of("bukti-shared")[0].message


def test_steps_of_one_komponen_at_other_times_and_generic_records_are_not_shared(make_xlsx):
    report = run(
        make_xlsx,
        plan_row(
            AREA_V,
            "Whistle-Blowing System",
            "WBS telah diterapkan",
            kode="P.5.iv.a",
            bukti="Laporan evaluasi WBS",
            target="Juni 2024",
        ),
        plan_row(
            AREA_V,
            "Whistle-Blowing System",
            "WBS dievaluasi",
            kode="P.5.iv.b",
            bukti="Laporan evaluasi WBS",
            target="Desember 2024",
        ),
        plan_row(AREA_II, KIP, "Kebijakan informasi publik", kode="P.2.iii.a", bukti="Daftar hadir; notulen"),
        plan_row(
            AREA_V, "Pengaduan Masyarakat", "Pengaduan", kode="P.5.iii.a", bukti="Daftar hadir; notulen"
        ),
        # -- komponen that ask for the same documents: complaints in area V and in area VI
        plan_row(AREA_V, "Pengaduan Masyarakat", "Pengaduan", kode="P.5.iii.b", bukti="Rekap SP4N LAPOR"),
        plan_row(
            "VI. Peningkatan Kualitas Pelayanan Publik",
            "Pengelolaan Pengaduan",
            "Pengaduan",
            kode="P.6.iii.a",
            bukti="Rekap SP4N LAPOR",
        ),
    )
    assert cells(report, "bukti-shared") == []


# -- a stale year of evidence is evidence-year-old's: the report of a year is about the year before --


def test_a_report_two_years_old_is_stale_the_last_years_report_is_not():
    assert old_years("LKjIP 2021", 2024) == [2021]
    assert old_years("LKjIP 2023", 2024) == []


# -- a real sentence that mentions its document is no repeat of the Bukti (langkah.repeats_bukti) --


def test_a_sentence_that_mentions_its_document_does_not_repeat_the_bukti(make_xlsx):
    report = run(
        make_xlsx,
        plan_row(
            "I. Manajemen Perubahan",
            "Penyusunan Tim Kerja",
            "Tim kerja telah dibentuk",
            langkah="SK Tim Kerja ZI ditetapkan oleh Camat setelah rapat pemilihan anggota",
            bukti="SK Tim Kerja ZI",
        ),
        plan_row(
            "I. Manajemen Perubahan",
            "Penyusunan Tim Kerja",
            "Anggota tim dipilih",
            langkah="SK Tim Kerja ZI",
            bukti="SK Tim Kerja ZI",
        ),
    )
    assert cells(report, "langkah-repeats-bukti") == ["RencanaAksi!F3"]
