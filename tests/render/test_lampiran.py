"""The Lampiran document: built, saved, re-opened with python-docx and inspected."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE, minimal_sheets
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx_dump import cell_text, document_texts, dump_docx
from docx_dump import saved as saved_document

from zi_sheets.reading.house_style import PageStyle
from zi_sheets.reading.workbook import read_workbook
from zi_sheets.render.lampiran import LAMPIRAN_HEADING, build_lampiran, lampiran_parts

HEADING_STYLES = {LAMPIRAN_HEADING, "Title"}


def saved(document: Document, tmp_path: Path, name: str = "lampiran.docx") -> Document:
    return saved_document(document, tmp_path, name)


def blocks(document: Document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def texts(document: Document) -> list[str]:
    return document_texts(document)


def headings(document: Document) -> list[Paragraph]:
    return [p for p in document.paragraphs if p.style.name in HEADING_STYLES]


def lampiran_starts(document: Document) -> list[Paragraph]:
    return [p for p in document.paragraphs if p.text.startswith("LAMPIRAN ")]


def rows(table: Table) -> list[list[str]]:
    return [[cell_text(tc) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def alignment(paragraph: Paragraph) -> WD_ALIGN_PARAGRAPH | None:
    """The alignment in effect: the paragraph's own, else its style's."""
    return paragraph.alignment or paragraph.style.paragraph_format.alignment


# ---------------------------------------------------------------------------------------------------------
# The example


@pytest.fixture(scope="module")
def example():
    return read_workbook(EXAMPLE)


@pytest.fixture(scope="module")
def document(example, tmp_path_factory) -> Document:
    return saved(build_lampiran(example), tmp_path_factory.mktemp("lampiran"))


def test_two_lampiran_without_tim_kerja(document: Document, example) -> None:
    assert example.tim_kerja == []
    assert [p.text for p in lampiran_starts(document)] == ["LAMPIRAN I", "LAMPIRAN II"]
    assert not any("SUSUNAN TIM KERJA" in text for text in texts(document))


def test_heading_block_at_the_right(document: Document) -> None:
    for start in lampiran_starts(document):
        block = [start]
        following = start._p.getnext()
        while following is not None and Paragraph(following, start._parent).style.name == LAMPIRAN_HEADING:
            block.append(Paragraph(following, start._parent))
            following = following.getnext()
        assert [p.text for p in block[1:]] == [
            "DOKUMEN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS",
            "OPD KECAMATAN PASIRIAN",
            "TAHUN 2019",
        ]
        assert all(alignment(p) == WD_ALIGN_PARAGRAPH.RIGHT for p in block)


def test_each_lampiran_after_the_first_starts_a_page(document: Document) -> None:
    first, second = lampiran_starts(document)
    assert not first.paragraph_format.page_break_before
    assert second.paragraph_format.page_break_before


def test_titles_name_the_unit_never_another_agency(document: Document) -> None:
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == [
        "MEKANISME PENETAPAN TIM ZONA INTEGRITAS",
        "OPD KECAMATAN PASIRIAN",
        "KABUPATEN LUMAJANG",
        "PROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS",
        "TARGET PRIORITAS",
        "OPD KECAMATAN PASIRIAN",
        "KABUPATEN LUMAJANG",
    ]
    assert all(
        alignment(p) == WD_ALIGN_PARAGRAPH.CENTER for p in headings(document) if p.style.name == "Title"
    )
    assert all("KEPENDUDUKAN" not in p.text.upper() for p in headings(document))
    assert all("KEPENDUDUKAN" not in text.upper() for text in texts(document))


def test_mekanisme_steps_numbered(document: Document) -> None:
    # -- the example's seven MekanismeTim rows, numbered by the document, their text as the seed wrote it
    steps = [p.text for p in document.paragraphs if p.style.name == "Numbered Item"]
    assert [step.split("\t")[0] for step in steps] == [f"{n}." for n in range(1, 8)]
    assert steps[0] == (
        "1.\tSekertaris Kecamatan Pasirian membuat rencana kegiatan dan mengidentifikasi jumlah dan "
        "kualifikasi kebutuhan personil Tim Kerja Agen Perubahan ."
    )
    assert steps[4] == "5.\tCamat menetapkan melalui \u201cKeputusan\u201d Tim Zona Integritas."
    assert steps[-1] == "7.\tSekertaris Kecamatan Pasirian mendokumentasikan Keputusan Tim Zona Integritas."


def test_target_prioritas_table(document: Document) -> None:
    (table,) = [t for t in document.tables if rows(t)[0][:2] == ["NO", "TARGET PRIORITAS"]]
    assert rows(table)[0] == ["NO", "TARGET PRIORITAS"]  # no Area column: no target names one
    body = rows(table)[1:]
    # -- the example's fifteen TargetPrioritas rows
    assert [row[0] for row in body] == [str(n) for n in range(1, 16)]
    assert body[0] == ["1", "Pembentukan Tim Zona Integritas"]
    assert body[9] == ["10", "Peningkatan akuntabilitas kinerja OPD Kecamatan Pasirian"]
    assert body[-1] == ["15", "Pelaporan kegiatan TIM ZI."]
    assert table._tbl.tr_lst[0].trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None


def test_each_lampiran_ends_with_signatures(document: Document) -> None:
    signatures = [t for t in document.tables if "Mengetahui," in cell_text(t._tbl.tr_lst[0].tc_lst[0])]
    assert len(signatures) == 2
    for table in signatures:
        left, right = (" ¶ ".join(cell_text(tr.tc_lst[side]) for tr in table._tbl.tr_lst) for side in (0, 1))
        assert "KEPALA OPD KECAMATAN PASIRIAN" in left and "WAN HADI PURNOMO, S.TP, MM" in left
        assert right.startswith("Lumajang, 2 Januari 2019") and "EGOL SUBANDI, S.AP" in right
        assert "NIP. 19630501 198512 1 001" in right
    # -- the first signature closes Lampiran I, right before Lampiran II starts --
    items = blocks(document)
    second_start = next(
        i for i, b in enumerate(items) if isinstance(b, Paragraph) and b.text == "LAMPIRAN II"
    )
    assert items[second_start - 1]._tbl is signatures[0]._tbl


def test_page_number_and_f4(document: Document) -> None:
    (section,) = document.sections
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (215, 330)
    assert "PAGE" in "".join(t.text for t in section.footer._element.iter(docx.oxml.ns.qn("w:instrText")))


def test_no_none_nan_or_brace(document: Document) -> None:
    for text in texts(document):
        assert "None" not in text and "nan" not in text.split() and "{" not in text


# ---------------------------------------------------------------------------------------------------------
# Workbooks made in code


def with_sheets(**extra: list[list[object]]) -> dict[str, list[list[object]]]:
    sheets = minimal_sheets()
    sheets.update(extra)
    return sheets


def test_tim_kerja_makes_lampiran_iii(make_xlsx, tmp_path: Path) -> None:
    workbook = read_workbook(
        make_xlsx(
            with_sheets(
                TimKerja=[
                    ["No", "Nama", "NIP", "Jabatan", "Kedudukan dalam Tim"],
                    [1, "BUDI SANTOSO, S.STP", "197509211996021002", "Camat", "Penanggung Jawab"],
                    [2, "SITI AMINAH", None, "Staf", "Anggota"],
                ]
            )
        )
    )
    document = saved(build_lampiran(workbook), tmp_path)
    # -- MekanismeTim and TargetPrioritas are empty: the team is the only appendix, numbered I
    assert [p.text for p in lampiran_starts(document)] == ["LAMPIRAN I"]
    assert "SUSUNAN TIM KERJA ZONA INTEGRITAS" in texts(document)
    (table,) = [t for t in document.tables if rows(t)[0][:2] == ["NO", "NAMA"]]
    assert rows(table) == [
        ["NO", "NAMA", "NIP", "JABATAN", "KEDUDUKAN DALAM TIM"],
        ["1", "BUDI SANTOSO, S.STP", "19750921 199602 1 002", "Camat", "Penanggung Jawab"],
        ["2", "SITI AMINAH", "", "Staf", "Anggota"],
    ]


def test_an_empty_sheet_leaves_its_appendix_out_without_a_placeholder(make_xlsx, tmp_path: Path) -> None:
    sheets = minimal_sheets()
    sheets["TargetPrioritas"] = [["No", "Target Prioritas"], [1, "SOP pelayanan ditetapkan"]]
    workbook = read_workbook(make_xlsx(sheets))
    assert [part.sheet for part in lampiran_parts(workbook)] == ["TargetPrioritas"]
    document = saved(build_lampiran(workbook), tmp_path)
    assert [p.text for p in lampiran_starts(document)] == ["LAMPIRAN I"]
    found = texts(document)
    assert "TARGET PRIORITAS" in found and "MEKANISME PENETAPAN TIM ZONA INTEGRITAS" not in found
    assert not [text for text in found if "Belum diisi" in text or "sheet MekanismeTim" in text]
    assert "KECAMATAN CONTOH" in found and "KABUPATEN CONTOH" in found
    # -- nothing at all to append: no parts
    assert lampiran_parts(read_workbook(make_xlsx(minimal_sheets()))) == []


def test_a_team_listed_by_name_only_prints_no_empty_columns(make_xlsx, tmp_path: Path) -> None:
    """NIP and Jabatan empty in every row (a team copied from its SK): left out, the width goes to the
    columns that hold text, and no header breaks inside a word."""
    tim = [["No", "Nama", "NIP", "Jabatan", "Kedudukan dalam Tim"]]
    tim += [[i, f"Anggota Tim Nomor {i}, S.TP", None, None, "Anggota"] for i in range(1, 4)]
    workbook = read_workbook(make_xlsx(with_sheets(TimKerja=tim)))
    document = saved(build_lampiran(workbook), tmp_path)
    (table,) = [t for t in document.tables if rows(t)[0][:2] == ["NO", "NAMA"]]
    assert rows(table)[0] == ["NO", "NAMA", "KEDUDUKAN DALAM TIM"]
    widths = [int(cell.width.twips) for cell in table.rows[0].cells]
    # -- "NO" in bold capitals at the table's size, plus the cell's margins, fits its column
    assert widths[0] >= 2 * 0.8 * 10 * 20 + 2 * 108
    assert sum(widths) == pytest.approx(table_width(document), abs=3)


def table_width(document: Document) -> int:
    section = document.sections[-1]
    return round((section.page_width - section.left_margin - section.right_margin) / 635)


def test_a_ministry_office_prints_no_kabupaten_line(make_xlsx, tmp_path: Path) -> None:
    """A Balai of a Kementerian in Kota Bogor: its documents name the Balai, not the town."""
    sheets = with_sheets(TargetPrioritas=[["No", "Target Prioritas"], [1, "SOP pelayanan ditetapkan"]])
    identitas = []
    for row in sheets["Identitas"]:
        if row[0] == "Nama Unit Kerja":
            row = [row[0], "Balai Pengelola Alih Teknologi Pertanian", None]
        elif row[0] == "Pemerintah Daerah":
            row = ["Instansi Induk", "Kementerian Pertanian", None]
        elif row[0] == "Kabupaten/Kota":
            row = [row[0], "Kota Bogor", None]
        identitas.append(row)
    sheets["Identitas"] = identitas
    document = saved(build_lampiran(read_workbook(make_xlsx(sheets))), tmp_path)
    found = texts(document)
    assert "BALAI PENGELOLA ALIH TEKNOLOGI PERTANIAN" in found
    assert "KOTA BOGOR" not in found


def test_placeholders_filled_and_area_column(make_xlsx, tmp_path: Path) -> None:
    workbook = read_workbook(
        make_xlsx(
            with_sheets(
                MekanismeTim=[
                    ["No", "Langkah"],
                    [1, "Sekretaris {Nama Unit Kerja} menyusun draf"],
                    [2, "Camat menetapkan"],
                ],
                TargetPrioritas=[
                    ["No", "Target Prioritas", "Area"],
                    [1, "Pembentukan tim", "I"],
                    [2, "SOP kegiatan", "Penataan Tatalaksana"],
                    [3, "Kerja sama desa", "Lintas area"],
                    [4, "Pelaporan", None],
                ],
            )
        )
    )
    document = saved(build_lampiran(workbook), tmp_path)
    found = texts(document)
    assert "1.\tSekretaris Kecamatan Contoh menyusun draf" in found
    assert "2.\tCamat menetapkan" in found
    (table,) = [t for t in document.tables if rows(t)[0][:2] == ["NO", "TARGET PRIORITAS"]]
    assert rows(table) == [
        ["NO", "TARGET PRIORITAS", "AREA"],
        ["1", "Pembentukan tim", "Manajemen Perubahan"],
        ["2", "SOP kegiatan", "Penataan Tatalaksana"],
        ["3", "Kerja sama desa", "Lintas area"],
        ["4", "Pelaporan", ""],
    ]
    signature = next(t for t in document.tables if "Mengetahui," in cell_text(t._tbl.tr_lst[0].tc_lst[0]))
    assert cell_text(signature._tbl.tr_lst[0].tc_lst[1]).startswith("Contoh, 2 Januari 2024")


def test_step_emptied_by_its_placeholder_leaves_no_gap_in_the_numbers(make_xlsx, tmp_path: Path) -> None:
    # -- the unit left Alamat empty, so the second step's only text disappears --
    steps = [["No", "Langkah"], [1, "Usulan tim"], [2, "{Alamat}"], [3, "Camat menetapkan\nSK dibagikan"]]
    workbook = read_workbook(make_xlsx(with_sheets(MekanismeTim=steps)))
    document = saved(build_lampiran(workbook), tmp_path)
    items = [p.text for p in document.paragraphs if p.style.name == "Numbered Item"]
    assert items == ["1.\tUsulan tim", "2.\tCamat menetapkan", "\tSK dibagikan"]


def test_page_number_in_the_header_when_asked(example, tmp_path: Path) -> None:
    document = saved(build_lampiran(example, PageStyle(page_number_position="Atas Kanan")), tmp_path)
    (section,) = document.sections
    assert "PAGE" in "".join(t.text for t in section.header._element.iter(docx.oxml.ns.qn("w:instrText")))
    assert dump_docx(document).splitlines()[1:3] == ["  header: {PAGE}", "  footer (linked): "]


def test_word_template_keeps_its_own_heading_style(example, tmp_path: Path) -> None:
    template = docx.Document()
    own = template.styles.add_style(LAMPIRAN_HEADING, WD_STYLE_TYPE.PARAGRAPH)
    own.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    template.save(str(tmp_path / "templat.docx"))
    style = PageStyle(template=tmp_path / "templat.docx")
    document = saved(build_lampiran(example, style), tmp_path)
    start = lampiran_starts(document)[0]
    assert start.style.name == LAMPIRAN_HEADING and alignment(start) == WD_ALIGN_PARAGRAPH.LEFT
