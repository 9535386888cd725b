"""No table header broken inside a word (issue 24: "KETERANGA/N", "N/O" on a portrait page): the longest word
of every header cell, measured in Liberation Sans Bold (Arial's metric twin, as LibreOffice prints it) at the
header's size, fits the cell's width less its margins, in every table of the documents of the corpus plans,
the example (month and chaptered semester report), a unit keeping its Monev per action and a court's plan.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE, ROOT
from docx.oxml.ns import qn
from factory import realisation_workbook
from PIL import ImageFont

from zi_sheets.delivery.builder import BuildOptions, build
from zi_sheets.render.word.styles import TABLE_HEADING

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf")
CELL_MARGINS_PT = 2 * 108 / 20  # -- Word's default left and right cell margins, 0.19 cm each
CORPUS = sorted((ROOT / "tests" / "data" / "corpus").glob("*.xlsx"))


def _court(path: Path) -> Path:
    """The quarterly court workbook of test_signed_claims, as a chaptered report would print it."""
    from openpyxl import load_workbook

    book = load_workbook(realisation_workbook(path, year=2025, per_area=3))
    for row in book["Identitas"].iter_rows(min_row=2):
        if row[0].value == "Nama Unit Kerja":
            row[1].value = "Pengadilan Negeri Lumajang"
        if row[0].value == "Instansi Induk":
            row[1].value = "Mahkamah Agung Republik Indonesia\nPengadilan Tinggi Surabaya"
    book.save(path)
    return path


CASES = [
    *((path.stem, lambda tmp, path=path: path, {}) for path in CORPUS),
    ("contoh", lambda tmp: EXAMPLE, {}),
    ("contoh-semester", lambda tmp: EXAMPLE, {"semester": 1}),
    ("per-langkah-semester", lambda tmp: realisation_workbook(tmp / "unit.xlsx"), {"semester": 1}),
    ("pengadilan-semester", lambda tmp: _court(tmp / "pn.xlsx"), {"semester": 1}),
]


def _width_twips(tc) -> int:
    tcw = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    return int(tcw.get(qn("w:w")))


@pytest.mark.skipif(not FONT.exists(), reason="Liberation Sans Bold is not installed")
@pytest.mark.parametrize(("name", "workbook", "options"), CASES, ids=[case[0] for case in CASES])
def test_no_header_breaks_inside_a_word(name, workbook, options, tmp_path) -> None:
    result = build(workbook(tmp_path), BuildOptions(output=tmp_path / "out", **options))
    assert result.documents, result.refused_by
    broken = []
    for path in (p for p in result.documents if p.suffix == ".docx"):
        document = docx.Document(str(path))
        size = document.styles[TABLE_HEADING].font.size
        font = ImageFont.truetype(str(FONT), size=100)
        scale = (size.pt if size is not None else 10.0) / 100
        for table in document.tables:
            rows = table._tbl.tr_lst
            if not rows or rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None:
                continue  # -- a table without a repeated header row (the kop, the signatures)
            for tc in rows[0].tc_lst:
                words = "".join(t.text or "" for t in tc.iter(qn("w:t"))).split()
                if not words:
                    continue
                room = _width_twips(tc) / 20 - CELL_MARGINS_PT
                longest = max(words, key=lambda word: font.getlength(word))
                if font.getlength(longest) * scale > room:
                    broken.append((path.name, longest, round(font.getlength(longest) * scale, 1), room))
    assert not broken, broken
