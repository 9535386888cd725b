"""The Monev document as units report it: the realisation matrix per planned action, the achievements
matrix, both; monthly, quarterly and semester reports with chapters from sheet LaporanMonev; built from a
workbook of 48 actions and four months of Monev (tests/factory.py `realisation_workbook`), re-opened and
inspected."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx_dump import cell_text
from factory import realisation_workbook
from openpyxl import load_workbook

from zi_sheets.analysis.analyse import analyse
from zi_sheets.analysis.progress import TERLAMBAT
from zi_sheets.checks.run import run_checks
from zi_sheets.delivery.builder import BuildOptions, build
from zi_sheets.reading.workbook import read_workbook

MATRIX_HEADER = [
    "NO", "KOMPONEN", "LANGKAH AKSI", "TARGET WAKTU", "REALISASI", "STATUS", "BUKTI",
    "KENDALA / TINDAK LANJUT",
]  # fmt: skip
CAPAIAN_HEADER_START = ["NO", "MANAJEMEN PERUBAHAN"]


def monev_of(workbook: Path, tmp_path: Path, *args: object) -> Document:
    """The Monev document `zi-sheets build` writes for `workbook` with options like ("bulan", "2026-04")."""
    chosen = dict(zip(args[::2], args[1::2], strict=True))
    options = BuildOptions(output=tmp_path / "hasil", **chosen)
    result = build(workbook, options)
    (path,) = [p for p in result.documents if "Monev" in p.name]
    return docx.Document(str(path))


def edited(path: Path, **settings: str) -> Path:
    """The workbook at `path` with Pengaturan settings changed (by name, spaces as underscores)."""
    book = load_workbook(path)
    for row in book["Pengaturan"].iter_rows(min_row=2):
        name = str(row[0].value).replace(" ", "_")
        if name in settings:
            row[1].value = settings[name]
    book.save(path)
    return path


def without_laporan(path: Path, *bagian: str) -> Path:
    """The workbook at `path` without the LaporanMonev rows of `bagian` (and the rows continuing them)."""
    book = load_workbook(path)
    sheet = book["LaporanMonev"]
    current, doomed = None, []
    for row in sheet.iter_rows(min_row=2):
        current = row[1].value or current
        if current in bagian:
            doomed.append(row[0].row)
    for number in reversed(doomed):
        sheet.delete_rows(number)
    book.save(path)
    return path


def blocks(document: Document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def header(table: Table) -> list[str]:
    return [cell_text(tc) for tc in table._tbl.tr_lst[0].tc_lst]


def tables_with(document: Document, start: list[str]) -> list[Table]:
    return [table for table in document.tables if header(table)[: len(start)] == start]


def action_rows(matrix: Table) -> list[list[str]]:
    """The matrix's rows of actions (no header, no area rows), as cell texts."""
    rows = [[cell_text(tc) for tc in tr.tc_lst] for tr in matrix._tbl.tr_lst[1:]]
    return [row for row in rows if len(row) == len(MATRIX_HEADER)]


def texts_of(document: Document) -> list[str]:
    """The non-empty paragraphs of the body (the kop's table and its spacer left out)."""
    return [p.text for p in document.paragraphs if p.text]


def headings(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")]


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory) -> Path:
    return realisation_workbook(tmp_path_factory.mktemp("wb") / "sukamaju.xlsx")


@pytest.fixture(scope="module")
def plan_rows(workbook_path):
    return read_workbook(workbook_path).rencana_aksi


# ---------------------------------------------------------------------------------------------------------
# The monthly Monev with the realisation matrix


@pytest.fixture(scope="module")
def april(tmp_path_factory) -> Document:
    folder = tmp_path_factory.mktemp("april")
    path = realisation_workbook(folder / "sukamaju.xlsx", layout="Matriks Rencana Aksi")
    return monev_of(path, folder, "bulan", "2026-04")


def test_the_workbook_is_big_enough_to_show(plan_rows, workbook_path) -> None:
    workbook = read_workbook(workbook_path)
    assert len(plan_rows) >= 40
    assert sorted({entry.month for entry in workbook.monev}) == [(2026, m) for m in range(1, 5)]
    filled = {cells.periode.text for row in workbook.realisasi for cells in row.periods}
    assert filled == {"Januari 2026", "Februari 2026", "Maret 2026", "April 2026"}


def test_monthly_matrix_holds_every_planned_action_once(april: Document, plan_rows) -> None:
    (matrix,) = tables_with(april, MATRIX_HEADER)
    rows = action_rows(matrix)
    assert len(rows) == len(plan_rows)
    assert [row[2] for row in rows] == [" ¶ ".join(r.langkah_aksi.lines) for r in plan_rows]
    assert not tables_with(april, CAPAIAN_HEADER_START)  # layout: Matriks Rencana Aksi only
    assert texts_of(april)[:3] == [
        "DOKUMEN MONITORING DAN EVALUASI",
        "PEMBANGUNAN ZONA INTEGRITAS KECAMATAN SUKAMAJU",
        "BULAN : April 2026",
    ]


def test_matrix_statuses_are_the_progress_statuses(april: Document, workbook_path) -> None:
    (matrix,) = tables_with(april, MATRIX_HEADER)
    plans = analyse(read_workbook(workbook_path)).plan_progress((2026, 4))
    # -- the status, and below it why where it is not the plain reading of the reports
    assert [row[5] for row in action_rows(matrix)] == [
        f"{plan.label} ¶ ({plan.reason})" if plan.reason else plan.label for plan in plans
    ]


def test_terlambat_means_the_same_in_matrix_figures_overdue_table_and_checks(april, workbook_path) -> None:
    (matrix,) = tables_with(april, MATRIX_HEADER)
    late_in_matrix = [row[2] for row in action_rows(matrix) if row[5].startswith("Terlambat")]
    (figures,) = tables_with(april, ["AREA", "DIJADWALKAN"])
    total_row = [cell_text(tc) for tc in figures._tbl.tr_lst[-1].tc_lst]
    (overdue,) = tables_with(april, ["NO", "AREA", "KOMPONEN", "LANGKAH AKSI"])
    analysis = analyse(read_workbook(workbook_path))
    checked = [f for f in run_checks(analysis).findings if f.code == "plan-overdue"]
    late = [plan for plan in analysis.plan_progress((2026, 4)) if plan.status == TERLAMBAT]
    (finding,) = checked
    counted = finding.values["jumlah"]
    assert len(late_in_matrix) == int(total_row[-1]) == len(overdue.rows) - 1 == counted == len(late) > 0


def test_matrix_row_content(april: Document) -> None:
    (matrix,) = tables_with(april, MATRIX_HEADER)
    rows = action_rows(matrix)
    # -- done in January by the Realisasi sheet: its text, the date done, the evidence
    done = [row for row in rows if row[4].endswith("Selesai 20 Januari 2026")]
    assert done and all(row[5:7] == ["Selesai", "SK dan notula"] for row in done)
    # -- Belum in March with a revised target, in progress in April
    revised = [row for row in rows if "Revisi: Mei 2026" in row[3]]
    assert revised and all(row[4].startswith("Narasumber dijadwalkan") for row in revised)
    assert all(row[5] == "Dalam Proses" for row in revised)
    assert all("Kendala: Narasumber belum tersedia" not in row[7] for row in revised)  # March's, not April's
    # -- Monev rows reporting by the unit's numbering, in earlier months
    reported = [row[4] for row in rows if "Laporan pelaksanaan" in row[4]]
    months = {text.split(": ")[0] for text in reported if ": " in text}
    assert months == {"Januari 2026", "Februari 2026", "Maret 2026"}  # April's need no month
    assert all(row[5] == "Selesai" for row in rows if "Laporan pelaksanaan" in row[4])


def test_matrix_pagination(april: Document) -> None:
    (matrix,) = tables_with(april, MATRIX_HEADER)
    rows = matrix._tbl.tr_lst
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    whole = [tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows[1:]]
    tall = ["Rapat koordinasi tim" in "".join(tr.itertext()) for tr in rows[1:]]
    assert any(tall) and all(not keep for keep, long in zip(whole, tall, strict=True) if long)
    assert all(keep for keep, long in zip(whole, tall, strict=True) if not long)
    assert april.sections[0].orientation == WD_ORIENT.LANDSCAPE


def test_area_and_komponen_grouping_as_the_plan(april: Document, plan_rows) -> None:
    (matrix,) = tables_with(april, MATRIX_HEADER)
    areas = [cell_text(tr.tc_lst[1]) for tr in matrix._tbl.tr_lst[1:] if len(tr.tc_lst) == 2]
    assert areas == [
        "<span 7> MANAJEMEN PERUBAHAN",
        "<span 7> PENATAAN TATALAKSANA",
        "<span 7> PENATAAN SISTEM MANAJEMEN SDM",
        "<span 7> PENGUATAN AKUNTABILITAS KINERJA",
        "<span 7> PENGUATAN PENGAWASAN",
        "<span 7> PENINGKATAN KUALITAS PELAYANAN PUBLIK",
    ]
    komponen = [row[1] for row in action_rows(matrix)]
    assert komponen[:3] == ["v Penyusunan Tim Kerja", "^", "v Rencana Pembangunan Zona Integritas"]


def test_report_level_kendala_is_not_attached_to_an_area(april: Document) -> None:
    texts = [p.text for p in april.paragraphs]
    start = texts.index("Kendala")
    assert texts[start + 1] == "1.\tRapat evaluasi bulan April tertunda karena kegiatan Musrenbang."
    assert texts[start + 2].startswith("2.\tPenataan Tatalaksana: ") is False  # not in April
    assert not [
        t for t in texts if t.startswith(("1.\tManajemen Perubahan: Rapat", "Manajemen Perubahan: Rapat"))
    ]


def test_monthly_report_has_no_chapters_and_is_signed_at_month_end(april: Document) -> None:
    assert "BAB I PENDAHULUAN" not in headings(april)
    (signatures,) = [t for t in april.tables if "Mengetahui," in cell_text(t._tbl.tr_lst[0].tc_lst[0])]
    assert "Contoh, 30 April 2026" in cell_text(signatures._tbl.tr_lst[0].tc_lst[1])


# ---------------------------------------------------------------------------------------------------------
# Layouts


@pytest.mark.parametrize(
    "layout, capaian, rencana",
    [
        ("Matriks Capaian", 1, 0),
        ("Matriks Rencana Aksi", 0, 1),
        ("Keduanya", 1, 1),
        ("Otomatis", 1, 1),  # April has Monev rows and Realisasi groups
    ],
)
def test_both_layouts(tmp_path, layout: str, capaian: int, rencana: int) -> None:
    path = realisation_workbook(tmp_path / "wb.xlsx", layout=layout)
    document = monev_of(path, tmp_path, "bulan", "2026-04")
    assert len(tables_with(document, CAPAIAN_HEADER_START)) == capaian
    assert len(tables_with(document, MATRIX_HEADER)) == rencana
    labelled = {"MATRIKS CAPAIAN", "MATRIKS MONEV RENCANA AKSI"} <= set(headings(document))
    assert labelled == (capaian and rencana)


def test_otomatis_without_realisasi_in_the_period_is_the_seed_layout(tmp_path) -> None:
    # -- in January only the Monev sheet and the January group report; in a workbook whose Realisasi is
    # -- empty, the achievements matrix alone (the seed's layout; the golden files pin the example)
    path = realisation_workbook(tmp_path / "wb.xlsx")
    book = load_workbook(path)
    sheet = book["Realisasi"]
    for row in sheet.iter_rows(min_row=3, min_col=4):
        for cell in row:
            cell.value = None
    book.save(path)
    document = monev_of(path, tmp_path, "bulan", "2026-01")
    assert len(tables_with(document, CAPAIAN_HEADER_START)) == 1
    assert not tables_with(document, MATRIX_HEADER)


# ---------------------------------------------------------------------------------------------------------
# The semester report with chapters


@pytest.fixture(scope="module")
def semester(workbook_path, tmp_path_factory) -> Document:
    return monev_of(workbook_path, tmp_path_factory.mktemp("semester"), "semester", 1)


def test_semester_report_chapters(semester: Document) -> None:
    assert headings(semester) == [
        "KATA PENGANTAR",
        "BAB I PENDAHULUAN",
        "1.1 Latar Belakang",
        "1.2 Tujuan",
        "1.3 Ruang Lingkup",
        "1.4 Dasar Hukum",
        "BAB II PELAKSANAAN",
        "2.1 Kemajuan Pelaksanaan Rencana Aksi",
        "2.2 Langkah Aksi yang Terlambat",
        "BAB III PERMASALAHAN DAN SARAN",
        "3.1 Permasalahan",
        "3.2 Saran",
        "3.3 Tindak Lanjut",
        "BAB IV PENUTUP",
        "PERIODE : Semester I 2026",  # the Lampiran
        "MATRIKS CAPAIAN",
        "BULAN : Januari 2026",
        "BULAN : Februari 2026",
        "BULAN : Maret 2026",
        "BULAN : April 2026",
        "MATRIKS MONEV RENCANA AKSI",
    ]


def test_semester_cover_title_and_date(semester: Document) -> None:
    cover = [p.text for p in semester.paragraphs if p.style.name == "Cover Title"]
    assert cover == [
        "LAPORAN MONITORING DAN EVALUASI",
        "PEMBANGUNAN ZONA INTEGRITAS",
        "KECAMATAN SUKAMAJU",
        "SEMESTER I 2026",
    ]
    assert semester.sections[0].different_first_page_header_footer  # no page number on the cover
    (signatures,) = [t for t in semester.tables if "Mengetahui," in cell_text(t._tbl.tr_lst[0].tc_lst[0])]
    assert "Contoh, 15 Juli 2026" in cell_text(signatures._tbl.tr_lst[0].tc_lst[1])
    assert semester.core_properties.title.startswith("LAPORAN MONITORING DAN EVALUASI")


def test_semester_report_level_narrative(semester: Document) -> None:
    texts = [p.text for p in semester.paragraphs]
    start = texts.index("3.1 Permasalahan")
    assert texts[start + 1 : start + 4] == [
        "1.\tSebagian bukti dukung belum diunggah tepat waktu oleh penanggung jawab;",
        "2.\tJadwal narasumber pelatihan belum pasti.",
        # -- each area's: the Realisasi's kendala of the period as well as the Monev sheet's
        "3.\tManajemen Perubahan: Data dari seksi belum lengkap",
    ]
    assert "5.\tPenataan Tatalaksana: Waktu reviu terbatas" in texts  # the Monev sheet's, after area I's
    assert "Puji syukur" in texts[texts.index("KATA PENGANTAR") + 1]
    assert "Kecamatan Sukamaju semester pertama tahun 2026" in texts[texts.index("KATA PENGANTAR") + 1]
    # -- the April-only Permasalahan belongs to April's report
    assert not [t for t in texts if "Musrenbang" in t]


def test_semester_report_pages(semester: Document) -> None:
    orientations = [section.orientation for section in semester.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    # -- the signatures close the chapters, before the Lampiran; nothing but the Lampiran follows
    items = blocks(semester)
    sign = next(
        i
        for i, b in enumerate(items)
        if isinstance(b, Table) and "Mengetahui," in cell_text(b._tbl.tr_lst[0].tc_lst[0])
    )
    following = [b.text for b in items[sign + 1 :] if isinstance(b, Paragraph) and b.text]
    assert following[:2] == [
        "LAMPIRAN",
        "MATRIKS MONITORING DAN EVALUASI PEMBANGUNAN ZONA INTEGRITAS KECAMATAN SUKAMAJU",
    ]
    (matrix,) = tables_with(semester, MATRIX_HEADER)
    assert len(action_rows(matrix)) == 48


def test_no_heading_stands_empty(semester: Document, april: Document) -> None:
    for document in (semester, april):
        items = blocks(document)
        for block, following in zip(items, items[1:], strict=False):
            if isinstance(block, Paragraph) and block.style.name == "Heading 2":
                assert not (
                    isinstance(following, Paragraph) and following.style.name.startswith("Heading")
                ), block.text


def test_empty_chapters_are_omitted(tmp_path) -> None:
    path = realisation_workbook(tmp_path / "wb.xlsx")
    without_laporan(
        path, "Latar Belakang", "Tujuan", "Ruang Lingkup", "Dasar Hukum", "Penutup", "Saran", "Kata Pengantar"
    )
    document = monev_of(path, tmp_path, "semester", 1)
    found = headings(document)
    assert [h for h in found if h.startswith("BAB")] == ["BAB I PELAKSANAAN", "BAB II PERMASALAHAN DAN SARAN"]
    assert "KATA PENGANTAR" not in found and "2.2 Saran" not in found
    assert ["2.1 Permasalahan", "2.2 Tindak Lanjut"] == [h for h in found if h.startswith("2.")]


def test_a_report_without_any_chapter_text_is_the_plain_document(tmp_path) -> None:
    path = realisation_workbook(tmp_path / "wb.xlsx")
    book = load_workbook(path)
    book.remove(book["LaporanMonev"])
    book.save(path)
    document = monev_of(path, tmp_path, "semester", 1)
    assert texts_of(document)[0] == "DOKUMEN MONITORING DAN EVALUASI"
    assert texts_of(document)[2] == "PERIODE : Semester I 2026"
    assert "BAB I PENDAHULUAN" not in headings(document)
    (signatures,) = [t for t in document.tables if "Mengetahui," in cell_text(t._tbl.tr_lst[0].tc_lst[0])]
    assert "Contoh, 30 Juni 2026" in cell_text(signatures._tbl.tr_lst[0].tc_lst[1])  # the period's end


def test_undated_report(tmp_path) -> None:
    path = realisation_workbook(tmp_path / "wb.xlsx", tanggal="")
    document = monev_of(path, tmp_path, "semester", 1)
    (signatures,) = [t for t in document.tables if "Mengetahui," in cell_text(t._tbl.tr_lst[0].tc_lst[0])]
    right = cell_text(signatures._tbl.tr_lst[0].tc_lst[1])
    assert right.startswith("Contoh, ....") and right.split(" ¶ ")[0].endswith(" 2026")
    assert "Juni" not in right and "Juli" not in right


def test_quarter_report_takes_the_texts_for_every_report(tmp_path, workbook_path) -> None:
    document = monev_of(workbook_path, tmp_path, "triwulan", 1)
    cover = [p.text for p in document.paragraphs if p.style.name == "Cover Title"]
    assert cover[-1] == "TRIWULAN I 2026"
    found = headings(document)
    assert "KATA PENGANTAR" not in found  # written for Semester I only
    assert "3.2 Saran" not in found and "3.1 Permasalahan" in found  # the Monev sheet's kendala of February
    (signatures,) = [t for t in document.tables if "Mengetahui," in cell_text(t._tbl.tr_lst[0].tc_lst[0])]
    assert "Contoh, 31 Maret 2026" in cell_text(signatures._tbl.tr_lst[0].tc_lst[1])  # "akhir periode"


@pytest.mark.parametrize(
    "chapters, cover, period, expected_first",
    [
        ("Setiap Laporan", "Ya", ("bulan", "2026-04"), "LAPORAN MONITORING DAN EVALUASI"),
        ("Tidak", "Ya", ("semester", 1), "DOKUMEN MONITORING DAN EVALUASI"),
        ("Triwulan dan Semester", "Tidak", ("semester", 1), "KATA PENGANTAR"),
    ],
)
def test_chapter_and_cover_settings(tmp_path, chapters, cover, period, expected_first) -> None:
    path = edited(
        realisation_workbook(tmp_path / "wb.xlsx"), Bab_Laporan_Monev=chapters, Sampul_Laporan_Monev=cover
    )
    document = monev_of(path, tmp_path, *period)
    assert texts_of(document)[0] == expected_first
    if cover == "Tidak":
        texts = texts_of(document)
        assert texts[texts.index("KATA PENGANTAR") + 3 : texts.index("KATA PENGANTAR") + 6] == [
            "LAPORAN MONITORING DAN EVALUASI",
            "PEMBANGUNAN ZONA INTEGRITAS KECAMATAN SUKAMAJU",
            "PERIODE : Semester I 2026",
        ]


def test_progress_runs_on_after_the_realisation_matrix(april: Document, tmp_path) -> None:
    # -- after the long realisation matrix the progress part runs on (no page holding the matrix's last
    # -- row alone); after the one-page achievements matrix it starts a page, as the seed's document does
    (heading,) = [p for p in april.paragraphs if p.text == "KEMAJUAN TERHADAP RENCANA AKSI"]
    assert not heading.paragraph_format.page_break_before
    path = realisation_workbook(tmp_path / "wb.xlsx", layout="Matriks Capaian")
    (heading,) = [
        p for p in monev_of(path, tmp_path, "bulan", "2026-04").paragraphs if p.text == heading.text
    ]
    assert heading.paragraph_format.page_break_before
