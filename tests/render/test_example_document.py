"""The Rencana Kerja built from the bundled example: what must always hold (its golden dump: test_golden)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLE
from docx import Document
from docx.oxml.ns import qn

from zi_sheets.delivery.builder import BuildOptions, build
from zi_sheets.reading.workbook import read_workbook


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    result = build(EXAMPLE, BuildOptions(output=tmp_path_factory.mktemp("hasil")))
    (path,) = [
        p
        for p in result.documents
        if "Rencana Kerja Pembangunan ZI 2019" in p.name and "Lampiran" not in p.name
    ]
    return path


@pytest.fixture(scope="module")
def document(built):
    return Document(str(built))


@pytest.fixture(scope="module")
def workbook():
    return read_workbook(EXAMPLE)


def _plan_table(document):
    return next(t for t in document.tables if t.rows[0].cells[0].text == "NO")


def _all_text(document) -> str:
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def test_every_rencana_aksi_cell_is_in_the_table(document, workbook):
    table_text = "\n".join(cell.text for row in _plan_table(document).rows for cell in row.cells)
    fields = ("komponen", "indikator", "langkah_aksi", "bukti_fisik", "target_waktu")
    for plan_row in workbook.rencana_aksi:
        for field in fields:
            for line in getattr(plan_row, field).lines:
                assert line in table_text, (plan_row.row, field, line)


def test_every_narrative_paragraph_is_present(document, workbook):
    text = _all_text(document)
    assert len(workbook.narasi) == 20
    # -- the example's Narasi has no placeholder: each paragraph appears exactly as typed
    for item in workbook.narasi:
        assert item.isi.text in text


def test_six_area_rows_in_order_and_one_row_per_indicator(document, workbook):
    rows = _plan_table(document).rows
    areas = [
        row.cells[0].text for row in rows[1:] if row.cells[1].text.isupper() and row.cells[0].text.isalpha()
    ]
    assert areas == ["I", "II", "III", "IV", "V", "VI"]
    assert len(rows) == 1 + 6 + len(workbook.rencana_aksi) == 79


def test_komponen_merged_header_repeated_rows_whole(document):
    table = _plan_table(document)
    trs = table._tbl.tr_lst
    assert trs[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in trs)
    merges = [tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") for tr in trs[1:] for tc in tr.tc_lst[1:2]]
    continued = [m for m in merges if m is not None and m.get(qn("w:val")) in (None, "continue")]
    # -- 72 indicator rows in 23 komponen: 49 rows continue the komponen above them.
    assert len(continued) == 72 - 23


def test_landscape_only_for_the_rencana_aksi(document):
    orientations = [s.orientation for s in document.sections]
    assert orientations == [0, 1, 0]
    landscape_texts = []
    body = document.element.body
    section = 0
    for block in body.iterchildren():
        if section == 1 and block.tag == qn("w:tbl"):
            landscape_texts.append("table")
        if block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            section += 1
    assert landscape_texts == ["table"]


def test_names_nips_and_no_leftovers(document):
    text = _all_text(document)
    for expected in (
        "WAN HADI PURNOMO, S.TP, MM",
        "NIP. 19750921 199602 1 002",
        "EGOL SUBANDI, S.AP",
        "NIP. 19630501 198512 1 001",
        "Lumajang, 2 Januari 2019",
    ):
        assert expected in text
    assert not re.search(r"\bNone\b|\bnan\b|\{", text)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings.count("2.1 Pencanangan Pembangunan Zona Integritas") == 1
    assert [h for h in headings if h.startswith("BAB")] == [
        "BAB I PENDAHULUAN",
        "BAB II PROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS",
        "BAB III RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS",
        "BAB IV PENUTUP",
    ]
