"""Documents Word opens without a repair prompt: the OOXML schema and the style references of what is written.

Every document the whole session writes is checked by the `written_documents` fixture (conftest.py); the
builds here make sure the example's three documents and the main house-style options are among them, in
any selection or order of tests, and the broken copies prove the check sees the faults it is there for.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE
from docx.oxml.ns import nsmap, qn
from factory import unit_workbook
from lxml import etree
from ooxml import WrittenDocuments, undefined_styles, word_problems
from openpyxl import load_workbook

from zi_sheets.delivery.builder import BuildOptions, build


def _png(path: Path) -> Path:
    """A real 2 x 2 grey PNG (python-docx reads its header for the picture size)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunks)
    return path


def _unit(folder: Path, identitas: dict[str, str], pengaturan: dict[str, str]) -> Path:
    """A generated unit's workbook with `identitas` and `pengaturan` values set by field name."""
    path = unit_workbook(folder / "unit.xlsx", unit="Puskesmas Contoh")
    book = load_workbook(path)
    for sheet, values in (("Identitas", identitas), ("Pengaturan", pengaturan)):
        rows = {row[0].value: row for row in book[sheet].iter_rows(min_row=2)}
        for name, value in values.items():
            rows[name][1].value = value  # -- a KeyError names a field the template no longer has
    book.save(path)
    return path


def _template(folder: Path) -> Path:
    template = docx.Document()
    template.styles["Normal"].font.name = "Bookman Old Style"
    path = folder / "templat.docx"
    template.save(str(path))
    return path


def _kop_and_logo(folder: Path) -> Path:
    _png(folder / "logo.png")
    return _unit(
        folder,
        {"Logo": "logo.png", "Alamat": "Jl. Raya Contoh 1"},
        {"Ukuran Kertas": "A4", "Posisi Nomor Halaman": "Atas Kanan", "Gaya Nama Penandatangan": "Tebal"},
    )


def _no_kop(folder: Path) -> Path:
    settings = {"Kop Surat": "Tidak", "Ukuran Kertas": "Folio", "Posisi Nomor Halaman": "Bawah Kanan"}
    return _unit(folder, {}, settings)


def _named(label: str):
    def check(documents: list[Path]) -> None:
        assert any(label in path.name for path in documents)

    return check


def _templated(documents: list[Path]) -> None:
    for path in documents:
        assert docx.Document(str(path)).styles["Normal"].font.name == "Bookman Old Style"


def _kop_with_logo(documents: list[Path]) -> None:
    monev = docx.Document(str(next(p for p in documents if "Monev" in p.name)))
    assert monev.tables[0]._tbl.xpath(".//pic:pic")  # -- the logo, in the kop on the first page
    assert "PAGE" in "".join(t.text for t in monev.sections[0].header._element.iter(qn("w:instrText")))


def _without_kop(documents: list[Path]) -> None:
    monev = docx.Document(str(next(p for p in documents if "Monev" in p.name)))
    assert not any(t._tbl.xpath(".//pic:pic") for t in monev.tables)
    _named("Triwulan I 2024")(documents)


# -- each variant: the workbook, the build options, and what its documents must show, so that a variant
# -- really exercises what its name says --
VARIANTS = [
    pytest.param(lambda folder: EXAMPLE, {}, _named("Mei 2019"), id="contoh"),
    pytest.param(lambda folder: EXAMPLE, {"semester": 1}, _named("Semester I 2019"), id="contoh-semester"),
    pytest.param(lambda folder: EXAMPLE, {"docx_template": _template}, _templated, id="contoh-templat-word"),
    pytest.param(_kop_and_logo, {}, _kop_with_logo, id="kop-logo-a4-nomor-di-atas"),
    pytest.param(_no_kop, {"triwulan": 1}, _without_kop, id="tanpa-kop-folio-triwulan"),
]


@pytest.mark.parametrize(("workbook", "options", "shows"), VARIANTS)
def test_every_document_is_valid(workbook, options, shows, tmp_path, written_documents: WrittenDocuments):
    options = {name: value(tmp_path) if callable(value) else value for name, value in options.items()}
    result = build(workbook(tmp_path), BuildOptions(output=tmp_path / "hasil", **options))
    assert len(result.documents) == 3
    shows(result.documents)
    for path in result.documents:
        assert written_documents.problems(path) == [], path.name


# ---------------------------------------------------------------------------------------------------------
# The check sees what Word repairs


@pytest.fixture(scope="module")
def rencana_kerja(tmp_path_factory) -> Path:
    result = build(EXAMPLE, BuildOptions(output=tmp_path_factory.mktemp("rk")))
    return next(p for p in result.documents if p.name.startswith("1.2.a Rencana Kerja"))


def _rewritten(source: Path, target: Path, part: str, change) -> Path:
    """A copy of the .docx `source` with the XML of `part` passed through `change` (written by zipfile, so
    the session's registry of written documents never sees it)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == part:
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            copy.writestr(info, data)
    return target


def test_a_cell_property_out_of_order_is_found(rencana_kerja, tmp_path, written_documents):
    def width_last(root: etree._Element) -> None:
        tcPr = root.xpath("//w:tcPr[w:gridSpan]", namespaces=nsmap)[0]
        tcPr.append(tcPr.find(qn("w:tcW")))  # -- the schema wants tcW first

    broken = _rewritten(rencana_kerja, tmp_path / "rusak.docx", "word/document.xml", width_last)
    assert written_documents.problems(rencana_kerja) == []
    assert [p for p in word_problems(broken) if "/word/document.xml:" in p and "tcW" in p]


def test_a_style_that_styles_xml_lacks_is_found(rencana_kerja, tmp_path):
    def without_footer(root: etree._Element) -> None:
        (footer,) = [s for s in root.iter(qn("w:style")) if s.get(qn("w:styleId")) == "Footer"]
        root.remove(footer)

    broken = _rewritten(rencana_kerja, tmp_path / "rusak.docx", "word/styles.xml", without_footer)
    found = undefined_styles(broken)
    assert found and all("names style 'Footer', which" in line for line in found)
    assert any(line.startswith("/word/footer") for line in found)
    everything = word_problems(broken)
    assert set(found) <= set(everything)
    # -- openxml-audit sees it too
    assert any("/word/footer" in line and "'Footer'" in line for line in set(everything) - set(found))
