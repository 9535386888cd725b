"""The Monev document and its chart: built, saved, re-opened with python-docx and inspected."""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, IDENTITAS_ROWS, PLAN_HEADER, plan_row
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx_dump import cell_text, document_texts
from docx_dump import saved as saved_document

from zi_sheets.analysis.analyse import analyse
from zi_sheets.analysis.periods import Period
from zi_sheets.common.model import AREAS
from zi_sheets.reading.house_style import Letterhead, PageStyle
from zi_sheets.reading.workbook import read_workbook
from zi_sheets.render.chart import progress_chart_png
from zi_sheets.render.monev import build_monev

AREA_HEADERS = [
    "MANAJEMEN PERUBAHAN",
    "PENATAAN TATALAKSANA",
    "PENATAAN SISTEM MANAJEMEN SDM",
    "PENGUATAN AKUNTABILITAS KINERJA",
    "PENGUATAN PENGAWASAN",
    "PENINGKATAN KUALITAS PELAYANAN PUBLIK",
]
MONEV_HEADER = [
    "Bulan", "Area", "Capaian", "Status", "Ref Rencana Aksi", "Bukti Dukung", "Kendala", "Tindak Lanjut",
]  # fmt: skip
AREA_NAMES = [
    f"{n}. {name}" for n, name in zip(["I", "II", "III", "IV", "V", "VI"], AREAS.values(), strict=True)
]


def saved(document: Document, tmp_path: Path, name: str = "monev.docx") -> Document:
    return saved_document(document, tmp_path, name)


def blocks(document: Document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def texts(document: Document) -> list[str]:
    return document_texts(document)


def column(table: Table, index: int) -> list[str]:
    """The non-empty cell texts of one column below the header."""
    return [t for t in (cell_text(tr.tc_lst[index]) for tr in table._tbl.tr_lst[1:]) if t]


def header(table: Table) -> list[str]:
    return [cell_text(tc) for tc in table._tbl.tr_lst[0].tc_lst]


def text_width(section: Section) -> int:
    """The width between the margins in twips, from the section's own page size and margins."""
    return section.page_width.twips - section.left_margin.twips - section.right_margin.twips


def table_after(document: Document, text: str) -> Table:
    """The first table after the paragraph whose text is `text`."""
    items = blocks(document)
    start = next(i for i, b in enumerate(items) if isinstance(b, Paragraph) and b.text == text)
    return next(b for b in items[start:] if isinstance(b, Table))


# ---------------------------------------------------------------------------------------------------------
# The example, May 2019


@pytest.fixture(scope="module")
def example():
    return read_workbook(EXAMPLE)


@pytest.fixture(scope="module")
def document(example, tmp_path_factory) -> Document:
    return saved(build_monev(analyse(example), Period.month(2019, 5)), tmp_path_factory.mktemp("monev"))


def test_title_names_the_unit_and_month(document: Document) -> None:
    assert [p.text for p in document.paragraphs[:3]] == [
        "DOKUMEN MONITORING DAN EVALUASI",
        "PEMBANGUNAN ZONA INTEGRITAS OPD KECAMATAN PASIRIAN",
        "BULAN : Mei 2019",
    ]


def test_matrix_holds_every_achievement_in_its_area_column(document: Document) -> None:
    # -- the example's Monev sheet: 26 achievements of May 2019, in sheet order within each area
    matrix = document.tables[0]
    assert header(matrix) == ["NO", *AREA_HEADERS]
    assert [len(column(matrix, i)) for i in range(1, 7)] == [4, 5, 5, 5, 3, 4]
    assert column(matrix, 1) == [
        "Telah Dibentuk Tim Kerja",
        "Telah Disusun Rencana Kerja",
        "Hasil Printout Presensi Si Perlu bulan Mei 2019 Hadir Semua",
        "Aktifitas Harian pada Si Perlu Persetujuan Atasan dilakukan tiap hari",
    ]
    assert column(matrix, 5) == [
        "public campaign telah dilaksanakan",
        "Telah ditetapkannya Tim SPIP",
        "Whistleblowing system telah disusun",
    ]
    assert column(matrix, 2)[-1] == "Adanya PPID Kec. Dan KIM Desa"  # the sheet's row 25, area II's fifth


def test_matrix_has_as_many_rows_as_the_fullest_area(document: Document) -> None:
    matrix = document.tables[0]
    assert len(matrix.rows) == 1 + 5  # areas II, III and IV report five achievements each
    assert column(matrix, 0) == ["1", "2", "3", "4", "5"]
    assert cell_text(matrix._tbl.tr_lst[5].tc_lst[1]) == ""  # area I has four


def test_matrix_is_landscape_with_repeated_header_and_whole_rows(document: Document) -> None:
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    rows = document.tables[0]._tbl.tr_lst
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
    assert all(tr.trPr.find(qn("w:tblHeader")) is None for tr in rows[1:])


def test_matrix_widths_fill_the_text_width(document: Document) -> None:
    table = document.tables[0]._tbl
    grid = [int(col.get(qn("w:w"))) for col in table.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) == text_width(document.sections[0])
    for tr in table.tr_lst:
        assert [int(tc.tcPr.tcW.get(qn("w:w"))) for tc in tr.tc_lst] == grid


def test_progress_sentences(document: Document) -> None:
    # -- the figures of test_progress.test_example_figures, where the 52 are counted independently
    found = texts(document)
    prefix = "langkah aksi yang dijadwalkan s.d. Mei 2019"
    assert f"Dari 52 {prefix}, 12 telah dilaporkan (23%)." in found
    assert [text for text in found if re.match(r"[IV]+\.\t", text)] == [
        f"I.\tManajemen Perubahan. Dari 6 {prefix}, 2 telah dilaporkan (33%).",
        f"II.\tPenataan Tatalaksana. Dari 4 {prefix}, 0 telah dilaporkan (0%).",
        f"III.\tPenataan Sistem Manajemen SDM. Dari 10 {prefix}, 1 telah dilaporkan (10%).",
        f"IV.\tPenguatan Akuntabilitas Kinerja. Dari 11 {prefix}, 3 telah dilaporkan (27%).",
        f"V.\tPenguatan Pengawasan. Dari 13 {prefix}, 3 telah dilaporkan (23%).",
        f"VI.\tPeningkatan Kualitas Pelayanan Publik. Dari 8 {prefix}, 3 telah dilaporkan (38%).",
    ]


def test_progress_table(document: Document) -> None:
    table = table_after(document, "KEMAJUAN TERHADAP RENCANA AKSI")
    assert header(table) == [
        "AREA", "DIJADWALKAN", "DILAPORKAN", "SELESAI", "DALAM PROSES", "BERJALAN", "TERLAMBAT",
    ]  # fmt: skip
    assert column(table, 0) == [*AREA_NAMES, "JUMLAH"]
    figures = [
        [int(cell) for cell in (cell_text(tc) for tc in tr.tc_lst[1:])] for tr in table._tbl.tr_lst[1:]
    ]
    # -- the seed's Monev has no Status: whatever was reported is "dalam proses", nothing "selesai"
    assert figures == [
        [6, 2, 0, 2, 1, 3],
        [4, 0, 0, 0, 3, 1],
        [10, 1, 0, 1, 2, 7],  # two spans of 2017, before the plan year: late
        [11, 3, 0, 3, 1, 7],
        [13, 3, 0, 3, 8, 2],
        [8, 3, 0, 3, 4, 1],
        [52, 12, 0, 12, 19, 21],
    ]
    # -- every scheduled action is selesai, dalam proses, berjalan or terlambat: exactly one of them
    for row in table.rows[1:]:
        values = [int(cell.text) for cell in row.cells[1:]]
        assert values[0] == values[2] + values[3] + values[4] + values[5]


def test_chart_image_is_in_the_document(document: Document) -> None:
    assert len(document.inline_shapes) == 1
    parts = document.part.package.parts
    assert any(part.content_type == "image/png" for part in parts)
    assert document.inline_shapes[0].width.twips <= text_width(document.sections[-1])


def test_overdue_actions_listed(document: Document) -> None:
    table = table_after(document, "Langkah Aksi yang Terlambat")
    assert header(table) == ["NO", "AREA", "KOMPONEN", "LANGKAH AKSI", "TARGET WAKTU", "KETERANGAN"]
    # -- the 21 rows the check's one plan-overdue counts (test_checks.test_example_overdue_plan_actions), in
    # -- plan order: each due by March 2019 (two before the plan year, which says so); no span running to
    # -- December
    assert column(table, 0) == [str(n) for n in range(1, 22)]
    assert column(table, 5).count("Target waktu Desember 2017, sebelum tahun rencana 2019") == 2
    # -- the unit's late action, not the LKE indicator it serves ("Agen perubahan sudah ditetapkan")
    assert column(table, 3)[0].startswith("Menyusun SOP Pemilihan anggota Tim Agen Perubahan")
    assert column(table, 4) == [
        "Januari 2019",
        "Maret 2019",
        "Januari 2019, setiap ada pertemuan",
        "Januari 2019",
        "Maret 2019",
        "Februari s/d Maret 2019",
        "Februari 2019",
        *["Januari s/d Desember 2017"] * 2,
        "Januari, desember 2019",
        "Januari, desember 2019",
        "Maret 2019",
        *["Renstra 2015-2019 RKT Bln Februari 2019, PK Januari 2019"] * 3,
        "Februari 2019",
        "Februari 2019",
        "Januari 2019",
        "Januari 2019",
        "02 Januari 2019",
        "Januari 2019",
    ]


def test_no_kendala_reported(document: Document) -> None:
    found = texts(document)
    assert "Tidak ada kendala yang dilaporkan." in found
    assert "Tidak ada tindak lanjut yang dilaporkan." in found


def test_signatures(document: Document) -> None:
    signature = document.tables[-1]
    left, right = (" ¶ ".join(cell_text(tr.tc_lst[side]) for tr in signature._tbl.tr_lst) for side in (0, 1))
    assert "Mengetahui," in left and "KEPALA OPD KECAMATAN PASIRIAN" in left
    assert "WAN HADI PURNOMO, S.TP, MM" in left and "NIP. 19750921 199602 1 002" in left
    assert right.startswith("Lumajang, 31 Mei 2019")
    assert "KETUA TIM PEMBANGUNAN ZI" in right and "EGOL SUBANDI, S.AP" in right
    assert "NIP. 19630501 198512 1 001" in right


def test_page_numbers_in_every_footer(document: Document) -> None:
    for section in document.sections:
        instructions = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
        assert instructions == ["PAGE"]


def test_one_landscape_f4_section_by_default(document: Document) -> None:
    (section,) = document.sections
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (330, 215)


def test_progress_starts_a_new_page(document: Document) -> None:
    heading = next(p for p in document.paragraphs if p.text == "KEMAJUAN TERHADAP RENCANA AKSI")
    assert heading.paragraph_format.page_break_before


def test_no_none_nan_or_brace(document: Document) -> None:
    for text in texts(document):
        assert "None" not in text and "nan" not in text.split() and "{" not in text


# ---------------------------------------------------------------------------------------------------------
# Workbooks made in code


AREA_I, AREA_II = "I. Manajemen Perubahan", "II. Penataan Tatalaksana"
TWO_MONTHS = {
    "Identitas": [list(row) for row in IDENTITAS_ROWS],
    "RencanaAksi": [
        list(PLAN_HEADER),
        plan_row(AREA_I, "Tim Kerja", "Tim kerja telah dibentuk", target="Mei 2024"),
        plan_row(AREA_II, "SOP", "SOP kegiatan utama ditetapkan", target="Juni 2024"),
        plan_row(AREA_II, "E-Office", "Aplikasi surat elektronik digunakan", target="Juni 2024"),
    ],
    "Monev": [
        list(MONEV_HEADER),
        ["Mei 2024", AREA_I, "Tim kerja telah dibentuk", "Selesai", "I.1", None, None, None],
        ["Mei 2024", AREA_II, "Draf SOP disusun", "Dalam Proses", "II.1", None, "Narasumber belum ada", None],
        [dt.datetime(2024, 6, 1), AREA_II, "SOP ditetapkan", "Selesai", "II.1", None, None, "Sosialisasi"],
        ["Juni 2024", "Area X", "Capaian tanpa area", None, None, None, None, None],
    ],
}


@pytest.fixture
def two_months(make_xlsx):
    return read_workbook(make_xlsx(TWO_MONTHS))


def test_one_month_shows_only_its_achievements(two_months, tmp_path: Path) -> None:
    document = saved(build_monev(analyse(two_months), Period.month(2024, 6)), tmp_path)
    assert "BULAN : Juni 2024" in texts(document)
    assert not any("Mei 2024" in text for text in texts(document))
    matrix = document.tables[0]
    assert header(matrix) == ["NO", *AREA_HEADERS, "LAIN-LAIN"]
    assert column(matrix, 2) == ["SOP ditetapkan"]
    assert column(matrix, 7) == ["Capaian tanpa area"]
    assert column(matrix, 1) == []


def test_semester_has_one_matrix_per_month_and_progress_at_its_end(two_months, tmp_path: Path) -> None:
    document = saved(build_monev(analyse(two_months), Period.semester(2024, 1)), tmp_path)
    found = texts(document)
    assert "PERIODE : Semester I 2024" in found
    assert [t for t in found if t.startswith("BULAN : ")] == ["BULAN : Mei 2024", "BULAN : Juni 2024"]
    may, june = table_after(document, "BULAN : Mei 2024"), table_after(document, "BULAN : Juni 2024")
    assert (column(may, 1), column(may, 2)) == (["Tim kerja telah dibentuk"], ["Draf SOP disusun"])
    assert header(may) == ["NO", *AREA_HEADERS]  # no LAIN-LAIN column in May
    assert column(june, 2) == ["SOP ditetapkan"]
    assert "Dari 3 langkah aksi yang dijadwalkan s.d. Juni 2024, 2 telah dilaporkan (67%)." in found
    progress_table = table_after(document, "KEMAJUAN TERHADAP RENCANA AKSI")
    assert column(progress_table, 3)[-1] == "2"  # selesai: the Tim Kerja row and the SOP row
    assert cell_text(document.tables[-1]._tbl.tr_lst[0].tc_lst[1]).startswith("Contoh, 30 Juni 2024")
    assert "2.\tPenataan Tatalaksana: Narasumber belum ada" not in found
    assert "1.\tPenataan Tatalaksana: Narasumber belum ada" in found
    assert "1.\tPenataan Tatalaksana: Sosialisasi" in found


def test_overdue_row_listed_when_nothing_reported(two_months, tmp_path: Path) -> None:
    document = saved(build_monev(analyse(two_months), Period.month(2024, 6)), tmp_path)
    table = table_after(document, "Langkah Aksi yang Terlambat")
    assert column(table, 3) == ["Menyusun aplikasi surat elektronik digunakan"]  # the action, not the aim
    assert column(table, 1) == ["II. Penataan Tatalaksana"]


def test_period_without_achievements(two_months, tmp_path: Path) -> None:
    document = saved(build_monev(analyse(two_months), Period.month(2024, 3)), tmp_path)
    found = texts(document)
    assert "Belum ada capaian yang dilaporkan untuk Maret 2024." in found
    assert "Belum ada langkah aksi yang dijadwalkan s.d. Maret 2024." in found
    assert "Tidak ada langkah aksi yang terlambat." in found
    assert len(document.inline_shapes) == 1


def test_a4_page_style(two_months, tmp_path: Path) -> None:
    document = saved(build_monev(analyse(two_months), Period.month(2024, 6), PageStyle.a4()), tmp_path)
    (landscape,) = document.sections
    assert (round(landscape.page_width.mm), round(landscape.page_height.mm)) == (297, 210)


# ---------------------------------------------------------------------------------------------------------
# The chart


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def test_chart_is_deterministic_and_about_16_by_8_cm(example) -> None:
    areas = analyse(example).progress(Period.month(2019, 5))
    first, second = progress_chart_png(areas), progress_chart_png(areas)
    assert first == second
    width, height = png_size(first)
    assert 1000 <= width <= 1300 and 2 * height == pytest.approx(width, abs=4)
    assert b"Software" not in first


def test_chart_of_empty_areas(make_xlsx) -> None:
    workbook = read_workbook(make_xlsx({"Identitas": TWO_MONTHS["Identitas"], "RencanaAksi": [PLAN_HEADER]}))
    assert png_size(progress_chart_png(analyse(workbook).progress(Period.month(2024, 1))))[0] > 0


def _colours(png: bytes) -> set[tuple[int, int, int]]:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return {colour for _, colour in image.convert("RGB").getcolors(1 << 20)}


def test_the_lke_score_chart_colours_each_area_against_the_minima() -> None:
    from zi_sheets.render.chart import area_score_png

    red, amber, green, grey = (198, 40, 40), (249, 168, 37), (46, 125, 50), (140, 140, 140)
    labels = ["I. Manajemen Perubahan", "II. Tatalaksana", "III. Manajemen SDM"]
    minima = [("Minimal WBK", 60.0), ("Minimal WBBM", 75.0)]
    below_between_above = area_score_png(labels, [40.0, 70.0, 90.0], minima)
    assert below_between_above == area_score_png(labels, [40.0, 70.0, 90.0], minima)
    assert {red, amber, green} <= _colours(below_between_above)
    assert png_size(below_between_above) == png_size(progress_chart_png([]))
    all_above = _colours(area_score_png(labels, [80.0, 95.0, 100.0], minima))
    assert green in all_above and red not in all_above and amber not in all_above
    assert grey in _colours(area_score_png(labels, [40.0, 70.0, 90.0]))  # -- no minima: no verdict colours


def test_a_build_never_loads_matplotlib(tmp_path: Path) -> None:
    # -- the chart is drawn with Pillow: matplotlib's import alone cost half a second a build
    code = (
        "import sys; from zi_sheets.delivery.builder import build, BuildOptions; from pathlib import Path; "
        f"build(Path({str(EXAMPLE)!r}), BuildOptions(output=Path({str(tmp_path)!r}))); "
        "print('matplotlib' in sys.modules, 'PIL' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]


def test_letterhead_and_page_number_position(two_months, tmp_path: Path) -> None:
    kop = Letterhead(("PEMERINTAH KABUPATEN CONTOH", "KECAMATAN CONTOH", "Jl. Raya Contoh 1"))
    style = PageStyle(letterhead=kop, page_number_position="Bawah Kanan")
    document = saved(build_monev(analyse(two_months), Period.month(2024, 6), style), tmp_path)
    first = blocks(document)[0]
    assert isinstance(first, Table)
    assert "KECAMATAN CONTOH ¶ Jl. Raya Contoh 1" in cell_text(first._tbl.tr_lst[0].tc_lst[1])
    assert header(document.tables[1])[0] == "NO"  # the matrix follows the kop
    for section in document.sections:
        (paragraph,) = section.footer.paragraphs
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.RIGHT
