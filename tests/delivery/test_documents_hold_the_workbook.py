"""Nothing in a formal document the unit did not write (issue 22, class 6): every document built from the
real corpus and the bundled example holds no placeholder text, no word that is neither the workbook's nor
the tool's own fixed wording, and no Kabupaten/Kota line under a ministry's office."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE, ROOT
from docx.oxml.ns import qn
from docx_dump import paragraph_text
from openpyxl import load_workbook

from zi_sheets.delivery.builder import BuildOptions, build
from zi_sheets.reading.workbook import read_workbook

CORPUS = sorted((ROOT / "tests" / "data" / "corpus").glob("*.xlsx"))
WORKBOOKS = [*CORPUS, EXAMPLE]
# -- What a document never holds: a note to the writer instead of the unit's text, an unfilled placeholder,
# -- a value Python wrote for an empty cell (a page-number field, shown by the dump as "{PAGE}", is none).
PLACEHOLDER = re.compile(
    r"belum diisi|\{(?!(?:PAGE|NUMPAGES|SECTIONPAGES)\})[^}]*\}|\bNone\b|\bnan\b|TODO|XXX|lorem ipsum",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{4,}")


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


@cache
def tool_words() -> frozenset[str]:
    """The words of the tool's own fixed wording: its string literals and its data (catalogue, LKE)."""
    words: set[str] = set()
    package = ROOT / "zi_sheets"
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                words |= _words(node.value)
    for path in (package / "data").iterdir():
        if path.suffix in (".csv", ".toml"):
            words |= _words(path.read_text(encoding="utf-8"))
    return frozenset(words)


def workbook_words(path: Path) -> set[str]:
    words: set[str] = set()
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book:
            for row in sheet.iter_rows(values_only=True):
                words |= {word for value in row if value is not None for word in _words(str(value))}
    finally:
        book.close()  # -- a read-only workbook keeps its file open until closed
    return words


def document_lines(path: Path) -> list[str]:
    """Every paragraph of a .docx, in the body, its tables, headers and footers."""
    document = docx.Document(str(path))
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element]
    return [paragraph_text(p) for part in parts for p in part.iter(qn("w:p"))]


# -- Each workbook as built by default (the last month reported) and for Semester I (the Monev report with
# -- its chapters from LaporanMonev, where the workbook has them).
BUILDS = [(path, period) for path in WORKBOOKS for period in (None, 1)]


@pytest.fixture(
    scope="module",
    params=BUILDS,
    ids=lambda build: f"{build[0].name}-{'semester-1' if build[1] else 'bawaan'}",
)
def built(request, tmp_path_factory) -> tuple[Path, list[Path]]:
    path, semester = request.param
    result = build(path, BuildOptions(output=tmp_path_factory.mktemp("docs"), semester=semester))
    documents = [d for d in result.documents if d.suffix == ".docx"]
    assert documents, result.refused_by
    return path, documents


def test_the_corpus_holds_real_workbooks():
    assert CORPUS, "tests/data/corpus/*.xlsx"


def test_no_placeholder_text(built):
    _, documents = built
    for document in documents:
        found = [line for line in document_lines(document) if PLACEHOLDER.search(line)]
        assert not found, f"{document.name}: {found[:3]}"


def test_every_word_is_the_workbooks_or_the_tools(built):
    path, documents = built
    known = workbook_words(path) | tool_words()
    for document in documents:
        strange = {
            word
            for line in document_lines(document)
            for word in _words(line)
            if word not in known and not word.startswith("image")
        }
        assert not strange, f"{document.name}: {sorted(strange)[:10]}"


# -- The corpus's ministry offices (a chain above them, no local government): their documents print no
# -- Kabupaten/Kota line, whatever the field holds.
MINISTRY_OFFICES = {"patp-2021.xlsx"}


def test_a_ministry_office_prints_no_kabupaten_line(built):
    path, documents = built
    if path.name not in MINISTRY_OFFICES:
        pytest.skip("a unit of a local government prints its Kabupaten/Kota")
    region = read_workbook(path).identitas.text("Kabupaten/Kota").strip().upper()
    assert region
    for document in documents:
        lines = [line.strip().upper() for line in document_lines(document)]
        assert region not in lines, document.name
