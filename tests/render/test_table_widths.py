"""Every table of every document is exactly as wide as the text area of its section (grid and cells)."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE
from docx import Document
from docx.oxml.ns import qn

from zi_sheets.delivery.builder import BuildOptions, build


def tables_with_text_width(document) -> list[tuple[object, int]]:
    """(w:tbl, text width in twips of the section it stands in) for every top-level table."""
    found, pending = [], []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            pending.append(child)
            continue
        sect_pr = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if child.tag == qn("w:p") else None
        if child.tag == qn("w:sectPr"):
            sect_pr = child
        if sect_pr is not None:
            size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
            width = (
                int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
            )
            found += [(table, width) for table in pending]
            pending = []
    return found


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    return build(EXAMPLE, BuildOptions(output=tmp_path_factory.mktemp("lebar"))).documents


def test_grid_and_cells_sum_to_the_text_width(documents):
    checked = []
    for path in documents:
        for table, width in tables_with_text_width(Document(str(path))):
            grid = [int(col.get(qn("w:w"))) for col in table.find(qn("w:tblGrid")).iter(qn("w:gridCol"))]
            assert sum(grid) == width, (path.name, grid, width)
            for tr in table.iter(qn("w:tr")):
                cells = [
                    int(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) for tc in tr.iter(qn("w:tc"))
                ]
                assert sum(cells) == width, (path.name, cells, width)
            checked.append(path.name.split()[1])
    # -- Rencana Kerja: approval signatures, Rencana Aksi; Lampiran: two signatures, Target Prioritas;
    # -- Monev: letterhead, matrix, progress, overdue actions, signatures
    assert checked == ["Rencana"] * 2 + ["Lampiran"] * 3 + ["Monev"] * 5
