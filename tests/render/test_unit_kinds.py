"""Six kinds of unit (tests/unit_kinds.py), each built: the documents print the unit's identity, signers,
outline, lists and columns as its workbook writes them, and nothing it did not write (issue 10).

The .docx are re-opened and read; where the layout itself is the point (pages, rows per page, a signature
block never alone), LibreOffice renders them and poppler reads the PDF back.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx_dump import cell_text, dump_docx, paragraph_text, signature_columns
from pdf_pages import pages
from test_golden import leftovers
from unit_kinds import KINDS, MERGED_ROWS, MERGED_TARGET, Kind, build_workbook

from zi_sheets.delivery.builder import BuildOptions, BuildResult, build
from zi_sheets.delivery.pdf import convert_to_pdf, find_office

IDS = [kind.name for kind in KINDS]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildResult]:
    folder = tmp_path_factory.mktemp("jenis-unit")
    results = {}
    for kind in KINDS:
        path = build_workbook(kind, folder)
        results[kind.name] = build(path, BuildOptions(output=folder / "hasil"))
    return results


def document(built: dict[str, BuildResult], kind: Kind, title: str) -> Document:
    result = built[kind.name]
    assert not result.refused_by, [f.message for f in result.refused_by]
    path = next(
        p for p in result.documents if title in p.name and (title == "Lampiran" or "Lampiran" not in p.name)
    )
    return docx.Document(str(path))


def rencana_kerja(built: dict[str, BuildResult], kind: Kind) -> Document:
    return document(built, kind, "Rencana Kerja")


def paragraphs(doc: Document) -> list[Paragraph]:
    return [block for block in doc.iter_inner_content() if isinstance(block, Paragraph)]


def signature_tables(doc: Document) -> list[Table]:
    return [
        t for t in doc.tables if len(t.rows) <= 2 and len(t.columns) == 2 and t.style.name != "Table Grid"
    ]


def signature_lines(table: Table) -> tuple[list[str], list[str]]:
    left, right = signature_columns(table)
    return left, right


def plan_table(doc: Document) -> Table:
    (table,) = [t for t in doc.tables if cell_text(t._tbl.tr_lst[0].tc_lst[0]) == "NO"]
    return table


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_cover_prints_the_hierarchy_the_unit_wrote(built, kind: Kind) -> None:
    texts = [p.text for p in paragraphs(rencana_kerja(built, kind))]
    start = texts.index("TIM ZONA INTEGRITAS") + 1
    foot = []
    for text in texts[start:]:
        if text.startswith("DOKUMEN RENCANA KERJA"):
            break
        foot.append(text)
    assert foot == kind.cover_foot


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_headings_are_the_units_and_empty_sections_are_left_out(built, kind: Kind) -> None:
    doc = rencana_kerja(built, kind)
    headings = [(p.style.name, p.text) for p in paragraphs(doc) if p.style.name.startswith("Heading")]
    assert headings == kind.headings
    assert leftovers(dump_docx(doc)) == []


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_list_markers_and_nesting_as_written(built, kind: Kind) -> None:
    printed = [(p.style.name, p.text) for p in paragraphs(rencana_kerja(built, kind))]
    positions = [printed.index(item) for item in kind.lists]
    assert positions == sorted(positions)


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
@pytest.mark.parametrize("title", ["Rencana Kerja", "Lampiran"])
def test_signer_formula(built, kind: Kind, title: str) -> None:
    doc = document(built, kind, title)
    tables = signature_tables(doc)
    assert tables
    for table in tables:
        assert signature_lines(table) == kind.signature
    body = list(doc.iter_inner_content())
    first = body.index(next(b for b in body if isinstance(b, Table) and b._tbl is tables[0]._tbl))
    title_at = next(i for i, b in enumerate(body) if isinstance(b, Paragraph) and b.style.name == "Title")
    if title == "Rencana Kerja":
        # -- two signers sign the approval page before the text; one signer closes the text
        single = not kind.signature[0]
        assert (first > title_at) == single
        assert len(tables) == 1


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_rencana_aksi_columns_and_place(built, kind: Kind) -> None:
    doc = rencana_kerja(built, kind)
    table = plan_table(doc)
    assert [cell_text(tc) for tc in table._tbl.tr_lst[0].tc_lst] == kind.table_header
    body = list(doc.iter_inner_content())
    at = next(i for i, b in enumerate(body) if isinstance(b, Table) and b._tbl is table._tbl)
    before = [b.text for b in body[at - 2 : at] if isinstance(b, Paragraph)]
    unit = doc.core_properties.title.split(" TAHUN ")[0].split("INTEGRITAS ")[-1]
    if kind.table_as_lampiran:
        assert before == ["LAMPIRAN", f"RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS {unit}"]
        signature = next(i for i, b in enumerate(body) if isinstance(b, Table) and b._tbl is not table._tbl)
        assert signature < at
    else:
        assert not any(isinstance(b, Paragraph) and b.text == "LAMPIRAN" for b in body)
    assert doc.sections[-1 if kind.table_as_lampiran else 1].orientation == 1


def test_a_cell_merged_over_eight_rows_is_printed_once(built) -> None:
    dinas = next(kind for kind in KINDS if kind.name == "Dinas Kesehatan")
    table = plan_table(rencana_kerja(built, dinas))
    header = [cell_text(tc) for tc in table._tbl.tr_lst[0].tc_lst]
    column = header.index("TARGET WAKTU")
    cells = [tr.tc_lst[column] for tr in table._tbl.tr_lst[2 : 2 + MERGED_ROWS + 1]]
    assert [tc.vMerge for tc in cells] == ["restart"] + ["continue"] * (MERGED_ROWS - 1) + [None]
    assert [paragraph_text(p) for p in cells[0].p_lst] == MERGED_TARGET.splitlines()
    texts = "\n".join(paragraph_text(p) for p in table._tbl.iter(qn("w:p")))
    assert texts.count(MERGED_TARGET.splitlines()[0]) == 1
    realisasi = [cell_text(tr.tc_lst[header.index("% REALISASI")]) for tr in table._tbl.tr_lst[2:5]]
    assert realisasi == ["14%", "21%", "28%"]


def test_target_prioritas_prints_the_units_own_column(built) -> None:
    rsud = next(kind for kind in KINDS if kind.name == "RSUD")
    doc = document(built, rsud, "Lampiran")
    (table,) = [t for t in doc.tables if cell_text(t._tbl.tr_lst[0].tc_lst[0]) == "NO"]
    rows = [[cell_text(tc) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
    assert rows[0] == ["NO", "TARGET PRIORITAS", "% TARGET"]
    assert [row[2] for row in rows[1:]] == ["100%", "75%"]


# ---------------------------------------------------------------------------------------------------------
# As LibreOffice lays them out

_NO_OFFICE = find_office() is None or shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None


@pytest.fixture(scope="module")
def pdfs(built: dict[str, BuildResult]) -> dict[tuple[str, str], Path]:
    if _NO_OFFICE:
        pytest.skip("LibreOffice (soffice) atau poppler-utils tidak terpasang")
    documents = {
        (name, "Lampiran" if "Lampiran" in path.name else "Rencana Kerja"): path
        for name, result in built.items()
        for path in result.documents
        if "Monev" not in path.name
    }
    converted = convert_to_pdf(list(documents.values()))
    return dict(zip(documents, converted, strict=True))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_pdf_first_page_is_the_cover_and_the_signature_stands_with_text(pdfs, kind: Kind) -> None:
    laid_out = pages(pdfs[(kind.name, "Rencana Kerja")])
    cover = squeeze(laid_out[0][1])
    assert all(squeeze(line) in cover for line in kind.cover_foot)
    pimpinan = squeeze(kind.signature[1][-2] if not kind.signature[0] else kind.signature[0][-2])
    signed = [text for _, text in laid_out if pimpinan in squeeze(text)]
    assert len(signed) == 1
    if not kind.signature[0]:  # -- the closing "Ditetapkan di" shares its page with the last section
        assert "Ditetapkandi" in squeeze(signed[0])
        assert squeeze(kind.headings[-1][1]) in squeeze(signed[0])


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_pdf_no_lampiran_page_holds_only_a_signature_block(pdfs, kind: Kind) -> None:
    signature = {squeeze(line) for side in kind.signature for line in side} | {"Mengetahui,"}
    for number, (_, text) in enumerate(pages(pdfs[(kind.name, "Lampiran")]), start=1):
        lines = [squeeze(line) for line in text.splitlines() if squeeze(line)]
        own = [line for line in lines if line not in signature and not line.isdigit()]
        assert own, f"page {number} holds only {lines}"


def test_pdf_the_plan_table_has_no_page_with_fewer_than_three_rows(pdfs) -> None:
    laid_out = pages(pdfs[("Dinas Kesehatan", "Rencana Kerja")])
    table_pages = [text for landscape, text in laid_out if landscape]
    # -- every row of the flat layout starts with its No as written: "I.1", "VI.20"
    rows = [len(re.findall(r"(?m)^(?:I|II|III|IV|V|VI)\.\d+\b", text)) for text in table_pages]
    assert len(table_pages) > 5 and min(rows) >= 3, rows
    # -- an area row is never the last row of its page: the row after it comes along
    for text in table_pages:
        lines = text.splitlines()
        areas = [i for i, line in enumerate(lines) if re.match(r"(?:I|II|III|IV|V|VI) [A-Z]{4,}", line)]
        numbered = [i for i, line in enumerate(lines) if re.match(r"(?:I|II|III|IV|V|VI)\.\d+\b", line)]
        assert all(any(n > a for n in numbered) for a in areas), text
    assert all("%REALISASI" in squeeze(text) for text in table_pages)
    assert sum(squeeze(text).count(squeeze(MERGED_TARGET.splitlines()[0])) for text in table_pages) == 1
