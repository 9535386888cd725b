"""The documents as a real office suite renders them: LibreOffice converts, poppler reads the PDF back.

Skipped only where LibreOffice or poppler-utils is missing on a developer's machine; CI installs both and
sets ZI_SHEETS_REQUIRE_OFFICE=1, so there a missing suite fails instead of skipping.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLE
from docx import Document

from zi_sheets.builder import BuildOptions, build
from zi_sheets.pdf import find_office

MM_PER_PT = 25.4 / 72
_MISSING = find_office() is None or shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None
if _MISSING and os.environ.get("ZI_SHEETS_REQUIRE_OFFICE"):
    raise RuntimeError("ZI_SHEETS_REQUIRE_OFFICE is set but LibreOffice or poppler-utils is not installed")
pytestmark = pytest.mark.skipif(
    _MISSING, reason="LibreOffice (soffice) atau poppler-utils (pdftotext, pdfinfo) tidak terpasang"
)


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in mm of every page, as pdfinfo reports them."""
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out, flags=re.MULTILINE)
    return [(float(w) * MM_PER_PT, float(h) * MM_PER_PT) for w, h in sizes]


def page_text(pdf: Path, page: int, *, layout: bool = False) -> str:
    mode = "-layout" if layout else "-raw"
    command = ["pdftotext", mode, "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(EXAMPLE, BuildOptions(output=tmp_path_factory.mktemp("pdf"), pdf=True))


@pytest.fixture(scope="module")
def pdfs(built) -> dict[str, Path]:
    assert len(built.pdfs) == len(built.documents) == 3
    return {kind: next(p for p in built.pdfs if kind in p.name) for kind in ("Rencana", "Lampiran", "Monev")}


def _rencana(pdfs):
    return next(p for p in pdfs.values() if "Rencana Kerja" in p.name and "Lampiran" not in p.name)


def test_every_page_is_f4(pdfs):
    for pdf in pdfs.values():
        for width, height in page_sizes_mm(pdf):
            assert sorted((round(width), round(height))) == [215, 330], pdf.name


def test_landscape_exactly_where_the_rencana_aksi_table_is(pdfs):
    pdf = _rencana(pdfs)
    sizes = page_sizes_mm(pdf)
    landscape = [number for number, (w, h) in enumerate(sizes, start=1) if w > h]
    with_table = [n for n in range(1, len(sizes) + 1) if "LANGKAH AKSI" in page_text(pdf, n)]
    assert landscape == with_table
    assert landscape == list(range(landscape[0], landscape[-1] + 1))  # one run of pages
    assert 1 not in landscape and len(sizes) not in landscape  # cover portrait, BAB IV portrait


def test_rencana_aksi_header_on_each_of_its_pages(pdfs):
    pdf = _rencana(pdfs)
    landscape = [n for n, (w, h) in enumerate(page_sizes_mm(pdf), start=1) if w > h]
    header = "NOKOMPONENINDIKATORLANGKAHAKSIBUKTIFISIKTARGETWAKTU"
    assert len(landscape) >= 3
    for number in landscape:
        assert header in squeeze(page_text(pdf, number)), number


def test_monev_matrix_pages_are_landscape(pdfs):
    sizes = page_sizes_mm(pdfs["Monev"])
    assert all(w > h for w, h in sizes)


def test_no_text_lost(built, pdfs):
    for document_path in built.documents:
        pdf = document_path.with_suffix(".pdf")
        pages = len(page_sizes_mm(pdf))
        text = squeeze("".join(page_text(pdf, n) for n in range(1, pages + 1)))
        document = Document(str(document_path))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    lines += [p.text for p in cell.paragraphs]
        for line in lines:
            assert squeeze(line) in text, (document_path.name, line)


def test_page_numbers_present_and_increasing(pdfs):
    for kind, pdf in pdfs.items():
        pages = len(page_sizes_mm(pdf))
        numbers = []
        for number in range(1, pages + 1):
            lines = [
                line.strip() for line in page_text(pdf, number, layout=True).splitlines() if line.strip()
            ]
            numbers.append(int(lines[-1]) if lines and lines[-1].isdigit() else None)
        # -- the Rencana Kerja's cover carries no number; every other page does, in order
        first = 2 if kind == "Rencana" else 1
        assert numbers[first - 1 :] == list(range(first, pages + 1)), (pdf.name, numbers)
