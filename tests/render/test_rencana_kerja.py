"""The Rencana Kerja document: built from a workbook made in code, saved, re-opened and inspected."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx_dump import cell_text, dump_docx, paragraph_text

from zi_sheets.analysis.komponen import group_by_area
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.model import (
    AREAS,
    IDENTITAS_FIELDS,
    CellValue,
    Identitas,
    NarasiItem,
    PlanRow,
    Workbook,
)
from zi_sheets.reading.house_style import PageStyle
from zi_sheets.render.rencana_kerja import build_rencana_kerja
from zi_sheets.render.word.document import new_document, save_atomic
from zi_sheets.render.word.layout import split_width
from zi_sheets.render.word.signature import Signer, add_signature_block, format_nip
from zi_sheets.render.word.tables import (
    CellSpec,
    TableWriter,
    merge_vertically,
    set_cell_shading,
    set_column_widths,
    set_repeat_header,
)

UNIT = "Kecamatan Sukamaju"
NIP_PIMPINAN = "197509211996021002"
NIP_KETUA = "196305011985121001"

IDENTITAS = {
    "Nama Unit Kerja": UNIT,
    "Instansi Induk": "",
    "Pemerintah Daerah": "Pemerintah Kabupaten Lumajang",
    "Kabupaten/Kota": "Kabupaten Lumajang",
    "Alamat": "Jl. Raya Sukamaju 1",
    "Tahun": "2024",
    "Judul Dokumen": "Dokumen Rencana Kerja Pembangunan Zona Integritas",
    "Tempat Penetapan": "Lumajang",
    "Jabatan Pimpinan": "Camat Sukamaju",
    "Nama Pimpinan": "Wan Hadi Purnomo, S.TP, MM",
    "NIP Pimpinan": NIP_PIMPINAN,
    "Pangkat Pimpinan": "Pembina Tk. I (IV/b)",
    "Jabatan Ketua Tim": "Ketua Tim Pembangunan ZI",
    "Nama Ketua Tim": "Egol Subandi, S.AP",
    "NIP Ketua Tim": NIP_KETUA,
    "Target Predikat": "WBK",
    "Regulasi": "90/2021",
    "Logo": "logo.png",
    "Email Inspektorat": "inspektorat@lumajangkab.go.id",
    "Tim Penilai": "Inspektorat Kabupaten Lumajang",
}

# -- (bagian, text, is_list_item) --
NARASI = [
    ("Latar Belakang", "Reformasi birokrasi di {Nama Unit Kerja} dimulai tahun {Tahun}.", False),
    ("Latar Belakang", "Pembangunan Zona Integritas adalah langkah konkret.", False),
    ("Dasar Hukum", "Peraturan Presiden Nomor 81 Tahun 2010.", True),
    ("Dasar Hukum", "Peraturan Menteri PANRB Nomor 90 Tahun 2021.", True),
    ("Maksud dan Tujuan", "Acuan bagi {Nama Unit Kerja}.", True),
    ("Maksud dan Tujuan", "Keseragaman pemahaman.", True),
    ("Pengertian Umum", "Dalam dokumen rencana kerja ini, yang dimaksud dengan:", False),
    ("Pengertian Umum", "Zona Integritas adalah predikat.", True),
    ("Pengertian Umum", "WBK adalah predikat.", True),
    ("Pengertian Umum", "WBBM adalah predikat.", True),
    ("Pencanangan", "Deklarasi pimpinan.", True),
    ("Pencanangan", "Penandatanganan Pakta Integritas.", True),
    ("Pencanangan", "Publikasi pencanangan.", True),
    ("Proses Pembangunan", "Program pembangunan Zona Integritas merupakan tindak lanjut.", False),
    ("Penutup", "{Nama Unit Kerja}, {Kabupaten/Kota} menuju WBK.", False),
    ("Penutup", "Program Kerja ini bersifat dinamis.", False),
]

# -- (area_no, komponen, indikator, langkah aksi, bukti fisik, target waktu); area 4 before 3 on purpose --
PLAN = [
    (
        1,
        "Tim Kerja",
        "SK Tim Kerja ZI telah dibuat",
        "Menyusun SOP pemilihan tim\nMemilih anggota tim\nMenetapkan SK",
        "SOP; SK Tim",
        "Januari 2024",
    ),
    (
        1,
        "Perubahan pola pikir dan budaya kerja",
        "Pimpinan berperan sebagai role model",
        "Pimpinan mengisi daftar hadir",
        "Daftar hadir",
        "Januari s/d Desember 2024",
    ),
    (1, "", "Agen perubahan sudah ditetapkan", "Menetapkan SK agen", "SK agen perubahan", "Januari 2024"),
    (
        1,
        "Perubahan pola pikir dan budaya kerja",
        "Budaya kerja sudah dibangun",
        "Pengarahan pimpinan",
        "Notulen",
        "Maret 2024",
    ),
    (
        2,
        "Prosedur operasional tetap (SOP)",
        "SOP mengacu pada proses bisnis",
        "Evaluasi SOP",
        "Laporan evaluasi SOP",
        "Juni 2024",
    ),
    (2, "E-Office", "Sistem kinerja berbasis TI", "Aplikasi surat", "Tangkapan layar", "Desember 2024"),
    (
        4,
        "Keterlibatan Pimpinan",
        "Pimpinan terlibat dalam perencanaan",
        "Rapat perencanaan",
        "Notulen",
        "Februari 2024",
    ),
    (
        3,
        "Pola Mutasi Internal",
        "Mutasi mengacu pada kompetensi",
        "Analisa kebutuhan pegawai",
        "Laporan",
        "Juli 2024",
    ),
    (
        5,
        "Pengendalian Gratifikasi",
        "Public campaign gratifikasi",
        "Memasang poster",
        "Foto poster",
        "Januari 2024",
    ),
    (
        5,
        "Pengendalian Gratifikasi",
        "Pengendalian gratifikasi diimplementasikan",
        "Laporan UPG",
        "",
        "Januari s/d Desember 2024",
    ),
    (
        6,
        "Standar Pelayanan",
        "Terdapat kebijakan standar pelayanan",
        "Menyusun standar pelayanan",
        "SK standar pelayanan",
        "Januari 2024",
    ),
]

ROMAN = ["I", "II", "III", "IV", "V", "VI"]
HEADER = ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"]


def make_workbook(
    *,
    penanggung_jawab: bool = False,
    identitas: dict[str, str] | None = None,
    tanggal: object = dt.date(2024, 1, 2),
    narasi: list[tuple[str, str, bool]] | None = None,
    plan: list[tuple[int | None, str, str, str, str, str]] | None = None,
    area_text: str = "",
) -> Workbook:
    """A Workbook as the reader would build it; every value made in code, empty strings for empty cells."""
    fields = {name: CellValue(text) for name, text in (IDENTITAS if identitas is None else identitas).items()}
    fields["Tanggal Penetapan"] = CellValue(
        format_date(tanggal) if isinstance(tanggal, dt.date) else str(tanggal or ""), raw=tanggal
    )
    rows = [
        PlanRow(
            row=index + 4,
            area_no=area_no,
            area=CellValue(AREAS[area_no] if area_no else area_text),
            komponen=CellValue(komponen),
            indikator=CellValue(indikator),
            langkah_aksi=CellValue(langkah),
            bukti_fisik=CellValue(bukti),
            target_waktu=CellValue(target),
            penanggung_jawab=CellValue("Sekretaris Camat" if penanggung_jawab and index % 2 == 0 else ""),
        )
        for index, (area_no, komponen, indikator, langkah, bukti, target) in enumerate(
            PLAN if plan is None else plan
        )
    ]
    items = [NarasiItem(bagian, CellValue(text), listed) for bagian, text, listed in (narasi or NARASI)]
    return Workbook(path=Path("contoh.xlsx"), identitas=Identitas(fields), narasi=items, rencana_aksi=rows)


def format_date(date: dt.date) -> str:
    return date.isoformat()


@pytest.fixture
def build(tmp_path: Path) -> Callable[..., Document]:
    """Build from `make_workbook(**kwargs)`, save with save_atomic, and re-open with python-docx."""

    def run(workbook: Workbook | None = None, style: PageStyle | None = None, **kwargs: object) -> Document:
        path = save_atomic(
            build_rencana_kerja(workbook or make_workbook(**kwargs), style), tmp_path / "rk.docx"
        )
        return docx.Document(str(path))

    return run


@pytest.fixture
def document(build: Callable[..., Document]) -> Document:
    return build()


# -- reading helpers ------------------------------------------------------------------------------------


def blocks_by_section(document: Document) -> Iterator[tuple[int, Paragraph | Table]]:
    """(section index, block) for every body block; the paragraph carrying a sectPr ends its section."""
    section = 0
    for block in document.iter_inner_content():
        yield section, block
        if isinstance(block, Paragraph) and block._p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            section += 1


def body_paragraphs(document: Document) -> list[Paragraph]:
    return [block for block in document.iter_inner_content() if isinstance(block, Paragraph)]


def all_texts(document: Document) -> list[str]:
    """Every paragraph text as Word shows it (field results, not codes): body, table cells, footers."""
    roots = [document.element.body]
    for section in document.sections:
        for footer in (section.footer, section.first_page_footer):
            if not footer.is_linked_to_previous:
                roots.append(footer._element)
    return [Paragraph(p, None).text for root in roots for p in root.iter(qn("w:p"))]


def rencana_table(document: Document) -> Table:
    (table,) = [t for t in document.tables if cell_text(t._tbl.tr_lst[0].tc_lst[0]) == "NO"]
    return table


def rows_of(table: Table) -> list[list[str]]:
    return [[cell_text(tc) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def is_area_row(tr) -> bool:
    return any(tc.grid_span > 1 for tc in tr.tc_lst)


def twips(element, tag: str) -> int:
    return int(element.get(qn(tag)))


# -- structure and text -----------------------------------------------------------------------------------

EXPECTED_HEADINGS = [
    ("Heading 1", "BAB I PENDAHULUAN"),
    ("Heading 2", "1.1 Latar Belakang"),
    ("Heading 2", "1.2 Dasar Hukum"),
    ("Heading 2", "1.3 Maksud dan Tujuan"),
    ("Heading 2", "1.4 Pengertian Umum"),
    ("Heading 1", "BAB II PROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS"),
    ("Heading 2", "2.1 Pencanangan Pembangunan Zona Integritas"),
    ("Heading 2", "2.2 Proses Pembangunan Zona Integritas Menuju WBK/WBBM"),
    ("Heading 1", "BAB III RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS"),
    ("Heading 1", "BAB IV PENUTUP"),
]


def headings(document: Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in body_paragraphs(document) if p.style.name.startswith("Heading")]


def test_headings_once_each_in_order(document: Document) -> None:
    assert headings(document) == EXPECTED_HEADINGS


def test_cover_and_title(document: Document) -> None:
    texts = [p.text for p in body_paragraphs(document)]
    cover = texts[: texts.index("Disusun oleh:") + 5]
    assert cover == [
        "DOKUMEN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS",
        "KECAMATAN SUKAMAJU",
        "TAHUN 2024",
        "Disusun oleh:",
        "TIM ZONA INTEGRITAS",
        "PEMERINTAH KABUPATEN LUMAJANG",
        "KECAMATAN SUKAMAJU",
        "KABUPATEN LUMAJANG",
    ]
    titles = [p for p in body_paragraphs(document) if p.style.name == "Title"]
    assert [p.text for p in titles] == [
        "DOKUMEN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS KECAMATAN SUKAMAJU TAHUN 2024"
    ]
    assert titles[0].paragraph_format.page_break_before


def section_items(document: Document) -> dict[str, list[str]]:
    """Body paragraphs after each Heading 2, until the next heading."""
    result: dict[str, list[str]] = {}
    current = None
    for paragraph in body_paragraphs(document):
        if paragraph.style.name.startswith("Heading"):
            current = paragraph.text if paragraph.style.name == "Heading 2" else None
            if current:
                result[current] = []
        elif current is not None and paragraph.text:
            result[current].append(f"{paragraph.style.name}: {paragraph.text}")
    return result


def test_list_numbering_restarts_in_each_subsection(document: Document) -> None:
    items = section_items(document)
    numbers = {
        heading: [int(m.group(1)) for line in lines if (m := re.match(r"Numbered Item: (\d+)\.\t", line))]
        for heading, lines in items.items()
    }
    assert numbers == {
        "1.1 Latar Belakang": [],
        "1.2 Dasar Hukum": [1, 2],
        "1.3 Maksud dan Tujuan": [1, 2],
        "1.4 Pengertian Umum": [1, 2, 3],
        "2.1 Pencanangan Pembangunan Zona Integritas": [1, 2, 3],
        "2.2 Proses Pembangunan Zona Integritas Menuju WBK/WBBM": [],
    }
    assert (
        items["1.4 Pengertian Umum"][0] == "Body Text: Dalam dokumen rencana kerja ini, yang dimaksud dengan:"
    )


def test_placeholders_are_filled(document: Document) -> None:
    items = section_items(document)
    assert items["1.1 Latar Belakang"] == [
        f"Body Text: Reformasi birokrasi di {UNIT} dimulai tahun 2024.",
        "Body Text: Pembangunan Zona Integritas adalah langkah konkret.",
    ]
    assert items["1.3 Maksud dan Tujuan"][0] == f"Numbered Item: 1.\tAcuan bagi {UNIT}."
    penutup = [p.text for _, p in blocks_by_section(document) if isinstance(p, Paragraph)]
    assert f"{UNIT}, Kabupaten Lumajang menuju WBK." in penutup


def test_empty_known_field_leaves_no_placeholder(build: Callable[..., Document]) -> None:
    identitas = {k: v for k, v in IDENTITAS.items() if k != "Alamat"}
    narasi = [("Latar Belakang", "Kantor di {Alamat}.", False), ("Penutup", "{Alamat} Selesai.", False)]
    texts = [p.text for p in body_paragraphs(build(identitas=identitas, narasi=narasi))]
    assert "Kantor di." in texts
    assert "Selesai." in texts


def test_unknown_placeholder_stays_visible(build: Callable[..., Document]) -> None:
    document = build(narasi=[("Latar Belakang", "Unit {Nama Unti Kerja}.", False)])
    assert "Unit {Nama Unti Kerja}." in [p.text for p in body_paragraphs(document)]


def test_empty_subsection_is_left_out_and_the_numbers_close_up(build: Callable[..., Document]) -> None:
    narasi = [item for item in NARASI if item[0] not in ("Pencanangan", "Penutup")]
    document = build(narasi=narasi)
    expected = [h for h in EXPECTED_HEADINGS if "Pencanangan" not in h[1] and "PENUTUP" not in h[1]]
    expected = [(s, t.replace("2.2 Proses", "2.1 Proses")) for s, t in expected]
    assert headings(document) == expected


def test_multi_line_narasi_item_keeps_its_number_once(build: Callable[..., Document]) -> None:
    document = build(narasi=[("Dasar Hukum", "Perpres 81/2010\ntentang Grand Design", True)])
    assert section_items(document)["1.1 Dasar Hukum"] == [
        "Numbered Item: 1.\tPerpres 81/2010",
        "Numbered Item: \ttentang Grand Design",
    ]


# -- sections and page setup ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "orientation", "size_mm", "first_heading"),
    [
        (0, "portrait", (215, 330), "BAB I PENDAHULUAN"),
        (1, "landscape", (330, 215), "BAB III RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS"),
        (2, "portrait", (215, 330), "BAB IV PENUTUP"),
    ],
)
def test_sections(
    document: Document, index: int, orientation: str, size_mm: tuple[int, int], first_heading: str
) -> None:
    assert len(document.sections) == 3
    section = document.sections[index]
    assert section.orientation == (1 if orientation == "landscape" else 0)
    assert (round(section.page_width.mm), round(section.page_height.mm)) == size_mm
    in_section = [b for i, b in blocks_by_section(document) if i == index]
    section_headings = [
        b.text for b in in_section if isinstance(b, Paragraph) and b.style.name == "Heading 1"
    ]
    assert section_headings[0] == first_heading
    tables = [b for b in in_section if isinstance(b, Table) and rows_of(b)[0][0] == "NO"]
    assert len(tables) == (1 if orientation == "landscape" else 0)


def test_portrait_margins(document: Document) -> None:
    section = document.sections[0]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.cm, 2) for m in margins] == [2.0, 2.5, 3.0, 2.0]


def test_a4_page_style(build: Callable[..., Document]) -> None:
    document = build(style=PageStyle.a4())
    sizes = [(round(s.page_width.mm), round(s.page_height.mm)) for s in document.sections]
    assert sizes == [(210, 297), (297, 210), (210, 297)]


def test_page_number_field_in_every_footer_but_the_cover(document: Document) -> None:
    for index, section in enumerate(document.sections):
        footer = section.footer._element
        instructions = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
        kinds = [f.get(qn("w:fldCharType")) for f in footer.iter(qn("w:fldChar"))]
        assert instructions == ["PAGE"], index
        assert kinds == ["begin", "separate", "end"]
        assert not section.footer.is_linked_to_previous
        assert section.different_first_page_header_footer == (index == 0)
    cover_footer = document.sections[0].first_page_footer
    assert not cover_footer.is_linked_to_previous
    assert list(cover_footer._element.iter(qn("w:instrText"))) == []


@pytest.mark.parametrize(
    "style_name", ["Normal", "Title", "Heading 1", "Heading 2", "Body Text", "Table Text"]
)
def test_fonts_in_all_four_slots(document: Document, style_name: str) -> None:
    rFonts = document.styles[style_name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    slots = {name: rFonts.get(qn(f"w:{name}")) for name in ("ascii", "hAnsi", "eastAsia", "cs")}
    assert slots == dict.fromkeys(slots, "Arial")
    assert not [a for a in rFonts.attrib if a.endswith("Theme") or a.endswith("theme")]


@pytest.mark.parametrize(("style_name", "size"), [("Normal", 12), ("Body Text", 12), ("Table Text", 10)])
def test_font_sizes(document: Document, style_name: str, size: int) -> None:
    assert document.styles[style_name].font.size.pt == size


def test_body_text_is_justified_and_black(document: Document) -> None:
    body = document.styles["Body Text"]
    assert body.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert 1.15 <= body.paragraph_format.line_spacing <= 1.5
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        assert str(document.styles[name].font.color.rgb) == "000000"


# -- the Rencana Aksi table -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("penanggung_jawab", "header"), [(False, HEADER), (True, [*HEADER, "PENANGGUNG JAWAB"])]
)
def test_table_header(build: Callable[..., Document], penanggung_jawab: bool, header: list[str]) -> None:
    table = rencana_table(build(penanggung_jawab=penanggung_jawab))
    rows = rows_of(table)
    assert rows[0] == header
    assert {len(table._tbl.tblGrid.findall(qn("w:gridCol")))} == {len(header)}
    if penanggung_jawab:
        body = [r for tr, r in zip(table._tbl.tr_lst[1:], rows[1:], strict=True) if not is_area_row(tr)]
        assert [r[-1] for r in body[:2]] == ["Sekretaris Camat", ""]


def test_a_plan_without_indikator_and_langkah_aksi_prints_neither_column(
    build: Callable[..., Document],
) -> None:
    # -- Komponen -> Output -> Waktu: no empty INDIKATOR or LANGKAH AKSI column the unit never wrote, and
    # -- the table still fills the text width
    plan = [
        (1, "Penyusunan Tim Kerja", "", "", "SK Tim ZI", "B01"),
        (2, "Prosedur Operasional Tetap (SOP) Kegiatan", "", "", "Laporan Evaluasi SOP", "TW II"),
    ]
    table = rencana_table(build(plan=plan))
    assert rows_of(table)[0] == ["NO", "KOMPONEN", "BUKTI FISIK", "TARGET WAKTU"]
    assert len(table._tbl.tblGrid.findall(qn("w:gridCol"))) == 4
    body = [r for tr, r in zip(table._tbl.tr_lst[1:], rows_of(table)[1:], strict=True) if not is_area_row(tr)]
    assert [r[2:] for r in body] == [["SK Tim ZI", "B01"], ["Laporan Evaluasi SOP", "TW II"]]


def test_header_repeats_and_no_row_splits(document: Document) -> None:
    trs = rencana_table(document)._tbl.tr_lst
    header_flags = [tr.trPr.find(qn("w:tblHeader")) is not None for tr in trs]
    assert header_flags == [True] + [False] * (len(trs) - 1)
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in trs)


def test_header_row_is_bold_and_shaded(document: Document) -> None:
    header = rencana_table(document)._tbl.tr_lst[0]
    for tc in header.tc_lst:
        assert tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "D9D9D9"
    style_ids = {tc.p_lst[0].pPr.pStyle.val for tc in header.tc_lst}
    assert style_ids == {"TableHeading"}
    assert document.styles["Table Heading"].font.bold


def test_six_area_rows_in_area_order(document: Document) -> None:
    table = rencana_table(document)
    area_rows = [
        cells for tr, cells in zip(table._tbl.tr_lst, rows_of(table), strict=True) if is_area_row(tr)
    ]
    assert area_rows == [[roman, f"<span 5> {AREAS[i + 1].upper()}"] for i, roman in enumerate(ROMAN)]


def test_one_row_per_plan_row_in_area_then_workbook_order(document: Document) -> None:
    table = rencana_table(document)
    body = [
        cells
        for tr, cells in zip(table._tbl.tr_lst[1:], rows_of(table)[1:], strict=True)
        if not is_area_row(tr)
    ]
    # -- PLAN puts area IV's row before area III's: the table follows the areas, then the workbook
    assert [cells[2] for cells in body] == [
        "SK Tim Kerja ZI telah dibuat",
        "Pimpinan berperan sebagai role model",
        "Agen perubahan sudah ditetapkan",
        "Budaya kerja sudah dibangun",
        "SOP mengacu pada proses bisnis",
        "Sistem kinerja berbasis TI",
        "Mutasi mengacu pada kompetensi",
        "Pimpinan terlibat dalam perencanaan",
        "Public campaign gratifikasi",
        "Pengendalian gratifikasi diimplementasikan",
        "Terdapat kebijakan standar pelayanan",
    ]


def test_komponen_numbered_and_merged_down(document: Document) -> None:
    table = rencana_table(document)
    rows = rows_of(table)
    first_area = rows[2 : 2 + 4]
    assert [r[:2] for r in first_area] == [
        ["1", "Tim Kerja"],
        ["v 2", "v Perubahan pola pikir dan budaya kerja"],
        ["^", "^"],
        ["^", "^"],
    ]
    gratifikasi = [
        r[:2] for r in rows if len(r) > 2 and r[2].startswith(("Public campaign", "Pengendalian gratifikasi"))
    ]
    assert gratifikasi == [["v 1", "v Pengendalian Gratifikasi"], ["^", "^"]]
    continuation = table._tbl.tr_lst[4].tc_lst[1]
    assert continuation.vMerge == "continue"


def test_multi_line_cell_is_separate_paragraphs(document: Document) -> None:
    table = rencana_table(document)
    langkah = table._tbl.tr_lst[2].tc_lst[3]
    assert [paragraph_text(p) for p in langkah.p_lst] == [
        "Menyusun SOP pemilihan tim",
        "Memilih anggota tim",
        "Menetapkan SK",
    ]
    assert not [text for text in all_texts(document) if "\n" in text]


@pytest.mark.parametrize("penanggung_jawab", [False, True])
def test_column_widths_fill_the_landscape_text_width(
    build: Callable[..., Document], penanggung_jawab: bool
) -> None:
    document = build(penanggung_jawab=penanggung_jawab)
    sectPr = document.sections[1]._sectPr
    pgSz, pgMar = sectPr.find(qn("w:pgSz")), sectPr.find(qn("w:pgMar"))
    text_width = twips(pgSz, "w:w") - twips(pgMar, "w:left") - twips(pgMar, "w:right")
    tbl = rencana_table(document)._tbl
    assert sum(twips(col, "w:w") for col in tbl.tblGrid.findall(qn("w:gridCol"))) == text_width
    for tr in tbl.tr_lst:
        assert sum(twips(tc.tcPr.find(qn("w:tcW")), "w:w") for tc in tr.tc_lst) == text_width
    assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert twips(tbl.tblPr.find(qn("w:tblW")), "w:w") == text_width


def test_unrecognised_area_goes_last_under_its_own_text(build: Callable[..., Document]) -> None:
    plan = [(None, "Inovasi", "Inovasi daerah", "Lomba inovasi", "Piagam", "Mei 2024"), *PLAN]
    table = rencana_table(build(plan=plan, area_text="Area Tambahan"))
    rows = rows_of(table)
    assert rows[-2:] == [
        ["", "<span 5> AREA TAMBAHAN"],
        ["1", "Inovasi", "Inovasi daerah", "Lomba inovasi", "Piagam", "Mei 2024"],
    ]


def test_group_by_area_starts_a_komponen_only_on_change() -> None:
    plan = [
        (1, "A", "1", "", "", ""),
        (1, "", "2", "", "", ""),
        (1, "a ", "3", "", "", ""),
        (1, "B", "4", "", "", ""),
        (1, "A", "5", "", "", ""),
    ]
    (area,) = group_by_area(make_workbook(plan=plan).rencana_aksi)
    assert [(k.number, k.komponen.text, [r.indikator.text for r in k.rows]) for k in area.komponen] == [
        (1, "A", ["1", "2", "3"]),
        (2, "B", ["4"]),
        (3, "A", ["5"]),
    ]


# -- approval page --------------------------------------------------------------------------------------


def signature_cells(document: Document) -> list[list[str]]:
    """The lines of the signature block's left and right columns, top row to bottom row."""
    rows = document.tables[0]._tbl.tr_lst
    return [[paragraph_text(p) for tr in rows for p in tr.tc_lst[side].p_lst] for side in (0, 1)]


def test_approval_page_signatures(document: Document) -> None:
    left, right = signature_cells(document)
    assert [line for line in left if line] == [
        "Mengetahui,",
        "CAMAT SUKAMAJU",
        "Wan Hadi Purnomo, S.TP, MM",
        "Pembina Tk. I (IV/b)",  # -- the Pangkat Pimpinan the workbook asks for, under the name
        "NIP. 19750921 199602 1 002",
    ]
    # -- an empty line under the Ketua Tim's name keeps both NIPs on one line
    assert left.index("NIP. 19750921 199602 1 002") == right.index("NIP. 19630501 198512 1 001")
    assert [line for line in right if line] == [
        "Lumajang, 2 Januari 2024",
        "KETUA TIM PEMBANGUNAN ZI",
        "Egol Subandi, S.AP",
        "NIP. 19630501 198512 1 001",
    ]
    # -- both names on the same line, with room for the signature above them --
    assert left.index("Wan Hadi Purnomo, S.TP, MM") == right.index("Egol Subandi, S.AP") >= 6


def test_signer_names_use_the_bold_underlined_style(document: Document) -> None:
    names = [
        r
        for r in document.tables[0]._tbl.iter(qn("w:r"))
        if r.find(qn("w:rPr")) is not None and r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}") is not None
    ]
    assert [paragraph_text(r) for r in names] == ["Wan Hadi Purnomo, S.TP, MM", "Egol Subandi, S.AP"]
    style = document.styles["Signer Name"]
    assert style.font.bold and style.font.underline


def test_approval_date_falls_back_to_cell_text(build: Callable[..., Document]) -> None:
    left, right = signature_cells(build(tanggal="2 Januari 2024"))
    assert right[0] == "Lumajang, 2 Januari 2024"


def test_approval_title_block(document: Document) -> None:
    texts = [p.text for p in body_paragraphs(document)]
    start = texts.index(
        "DOKUMEN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS", texts.index("TIM ZONA INTEGRITAS")
    )
    assert texts[start : start + 4] == [
        "DOKUMEN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS",
        "KECAMATAN SUKAMAJU",
        "KABUPATEN LUMAJANG",
        "TAHUN 2024",
    ]
    assert body_paragraphs(document)[start].paragraph_format.page_break_before


# -- nothing from empty values --------------------------------------------------------------------------


@pytest.mark.parametrize("penanggung_jawab", [False, True])
@pytest.mark.parametrize("empty_fields", [(), ("Alamat", "Tahun", "Tempat Penetapan", "NIP Ketua Tim")])
def test_no_none_nan_or_brace(
    build: Callable[..., Document], penanggung_jawab: bool, empty_fields: tuple[str, ...]
) -> None:
    identitas = {k: ("" if k in empty_fields else v) for k, v in IDENTITAS.items()}
    narasi = [*NARASI, ("Penutup", "Alamat: {Alamat}; tahun {Tahun}.", False)]
    document = build(penanggung_jawab=penanggung_jawab, identitas=identitas, narasi=narasi, tanggal=None)
    texts = all_texts(document)
    for text in texts:
        assert not re.search(r"\bNone\b|\bnan\b|\{", text), text
    assert any(UNIT in text for text in texts)


# -- helpers ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "printed"),
    [
        ("197509211996021002", "19750921 199602 1 002"),
        ("19750921 199602 1 002", "19750921 199602 1 002"),
        ("19750921.199602.1.002", "19750921 199602 1 002"),
        (" 1975092119960210 ", "1975092119960210"),
        ("1.97509211996021E+17", "1.97509211996021E+17"),
        ("", ""),
    ],
)
def test_format_nip(given: str, printed: str) -> None:
    assert format_nip(given) == printed


@pytest.mark.parametrize(
    ("total", "shares"), [(16158, (4, 14, 21, 25, 22, 14)), (9354, (1, 1)), (100, (1, 1, 1))]
)
def test_split_width_sums_exactly(total: int, shares: tuple[int, ...]) -> None:
    parts = split_width(total, shares)
    assert sum(parts) == total
    assert max(abs(p - total * s / sum(shares)) for p, s in zip(parts, shares, strict=True)) < 1


def test_single_signer_block_sits_right(tmp_path: Path) -> None:
    document = new_document()
    add_signature_block(document, right=Signer(nama="Egol", jabatan=["Ketua Tim"], nip=format_nip(NIP_KETUA)))
    reopened = docx.Document(str(save_atomic(document, tmp_path / "s.docx")))
    left, right = signature_cells(reopened)
    assert left == ["", ""]  # -- an empty cell in each of the two rows
    assert [line for line in right if line] == ["Ketua Tim", "Egol", "NIP. 19630501 198512 1 001"]


def test_table_helpers_on_a_python_docx_table(tmp_path: Path) -> None:
    document = new_document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1))
    for row in range(3):
        table.cell(row, 2).text = f"r{row}"
    set_column_widths(table, [1000, 2000, 3000])
    merge_vertically(table, 2, 0, 2)
    set_repeat_header(table.rows[0]._tr)
    set_cell_shading(table.rows[0]._tr.tc_lst[0], "D9D9D9")
    reopened = docx.Document(str(save_atomic(document, tmp_path / "t.docx")))
    tbl = reopened.tables[0]._tbl
    widths = [[twips(tc.tcPr.find(qn("w:tcW")), "w:w") for tc in tr.tc_lst] for tr in tbl.tr_lst]
    assert widths == [[3000, 3000], [1000, 2000, 3000], [1000, 2000, 3000]]
    assert rows_of(reopened.tables[0]) == [["<span 2> ", "v r0"], ["", "", "^"], ["", "", "^"]]
    assert [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in tbl.tr_lst] == [
        True,
        False,
        False,
    ]
    assert tbl.tr_lst[0].tc_lst[0].tcPr.find(qn("w:shd")).get(qn("w:fill")) == "D9D9D9"


def test_table_writer_refuses_rows_that_do_not_cover_the_grid() -> None:
    writer = TableWriter(new_document(), [1000, 1000, 1000])
    with pytest.raises(ValueError, match="span 2 columns"):
        writer.add_row([CellSpec(["a"]), CellSpec(["b"])])


def test_save_atomic_leaves_only_the_document(tmp_path: Path, document: Document) -> None:
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rk.docx"]


def test_failed_save_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "rk.docx"
    target.write_bytes(b"previous")
    document = build_rencana_kerja(make_workbook())

    def broken(stream: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(document, "save", broken)
    with pytest.raises(ZiSheetsError, match=r"rk\.docx tidak dapat ditulis: disk penuh\.$"):
        save_atomic(document, target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["rk.docx"]


def test_failed_write_removes_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "locked by Word")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ZiSheetsError, match="sedang dibuka di Word atau Excel"):
        save_atomic(build_rencana_kerja(make_workbook()), tmp_path / "rk.docx")
    assert list(tmp_path.iterdir()) == []


# -- dump and speed ---------------------------------------------------------------------------------------


def test_dump_is_stable_and_shows_structure(tmp_path: Path) -> None:
    built = build_rencana_kerja(make_workbook())
    dumped = dump_docx(built)
    assert dumped == dump_docx(save_atomic(built, tmp_path / "rk.docx"))
    assert dumped == dump_docx(build_rencana_kerja(make_workbook()))
    lines = dumped.splitlines()
    assert lines[:3] == [
        "S1 215x330mm portrait margins 20/25/30/20mm title page",
        "  footer: {PAGE}",
        "  first footer: ",
    ]
    assert "S2 330x215mm landscape margins 30/20/25/20mm" in lines
    assert (
        "  [header][cantSplit] NO | KOMPONEN | INDIKATOR | LANGKAH AKSI | BUKTI FISIK | TARGET WAKTU" in lines
    )
    assert "  [cantSplit] I | <span 5> MANAJEMEN PERUBAHAN" in lines
    assert (
        "  [cantSplit] ^ | ^ | Agen perubahan sudah ditetapkan | Menetapkan SK agen | SK agen perubahan | "
        "Januari 2024" in lines
    )
    assert (
        lines.index("=== end of section 1")
        < lines.index("P[Heading 1] BAB III RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS")
        < lines.index("=== end of section 2")
    )
    assert "P[Numbered Item] 1.\\tPeraturan Presiden Nomor 81 Tahun 2010." in lines


def test_two_thousand_rows_all_written(tmp_path: Path) -> None:
    # -- Speed is measured by the benchmark script, not here; this checks the large table stays whole.
    plan = [
        (
            1 + i * 6 // 2000,
            f"Komponen {i // 4}",
            f"Indikator {i}",
            "Langkah satu\nLangkah dua",
            "Bukti",
            "Januari 2024",
        )
        for i in range(2000)
    ]
    workbook = make_workbook(plan=plan)
    path = save_atomic(build_rencana_kerja(workbook), tmp_path / "besar.docx")
    rows = rencana_table(docx.Document(str(path)))._tbl.tr_lst
    assert len(rows) == 1 + 6 + 2000


def test_identitas_fields_cover_the_model() -> None:
    # -- the factory fills every Identitas field the model knows, so placeholders of all of them are tested --
    assert set(IDENTITAS) | {"Tanggal Penetapan"} == set(IDENTITAS_FIELDS)


def test_indikator_merged_over_its_steps_is_merged_in_the_table(make_xlsx) -> None:
    from conftest import PLAN_HEADER, minimal_sheets, plan_row

    from zi_sheets.reading.workbook import read_workbook

    sheets = minimal_sheets()
    first = plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja telah dibentuk")
    second = [None, None, None, None, None, "Menetapkan SK tim", "SK Tim", "Februari 2024", None]
    own = plan_row("I. Manajemen Perubahan", None, "Anggota tim dipilih dengan prosedur")
    sheets["RencanaAksi"] = [list(PLAN_HEADER), first, second, own]
    workbook = read_workbook(make_xlsx(sheets, merges={"RencanaAksi": ["E2:E3"]}))
    rows = rows_of(rencana_table(build_rencana_kerja(workbook)))
    body = [r[2:4] for r in rows if len(r) > 3 and not r[0].startswith("<span")][1:]
    assert body == [
        ["v Tim kerja telah dibentuk", "Menyusun tim kerja telah dibentuk"],
        ["^", "Menetapkan SK tim"],
        ["Anggota tim dipilih dengan prosedur", "Menyusun anggota tim dipilih dengan prosedur"],
    ]
