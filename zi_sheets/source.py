"""Open an .xlsx safely and hand out its sheets' values: the only module that touches the file.

Before anything is parsed, the file is refused with one clear sentence when it is missing, empty, an old
.xls, password-protected, not a workbook, damaged, or shaped like a zip or entity-expansion bomb. Cell values
come from python-calamine, hidden rows and formulas without a saved result from the sheet XML; `workbook.py`
turns the values into the model.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zi_sheets.bahasa import BULAN
from zi_sheets.errors import UnreadableWorkbook
from zi_sheets.model import CellRef, CellValue

# -- Limits checked before the file is parsed: a zip bomb must fail fast, not fill memory. --
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_COMPRESSION_RATIO = 100

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")

# -- Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/FFFF): a cell may hold
# -- them, a .docx may not, so they are dropped as the cell is read and nothing downstream meets them. --
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def open_xlsx(path: Path) -> Source:
    """The workbook at `path`, opened after the checks that turn a bad file into one clear sentence.

    Raises UnreadableWorkbook for a missing, empty, .xls, encrypted, non-xlsx, damaged or hostile file.
    """
    name = path.name
    if not path.is_file():
        raise UnreadableWorkbook(f"Berkas {name} tidak ditemukan.")
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise UnreadableWorkbook(f"Berkas {name} kosong (0 byte); simpan ulang workbook dari Excel.")
    if head.startswith(_OLE2_MAGIC):
        data = path.read_bytes()
        if _ENCRYPTED_MARK in data:
            raise UnreadableWorkbook(
                f"Berkas {name} dilindungi kata sandi; buka di Excel, hapus kata sandinya, lalu simpan ulang."
            )
        raise UnreadableWorkbook(
            f"Berkas {name} berformat Excel lama (.xls); buka di Excel dan simpan sebagai "
            "'Excel Workbook (*.xlsx)'."
        )
    if not zipfile.is_zipfile(path):
        raise UnreadableWorkbook(
            f"Berkas {name} bukan workbook Excel (.xlsx); simpan ulang dari Excel sebagai "
            "'Excel Workbook (*.xlsx)'."
        )
    _check_zip(path)
    return Source(path)


def _check_zip(path: Path) -> None:
    """Refuse archives whose declared sizes would blow up memory before anything inflates them."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as error:
        raise UnreadableWorkbook(f"Berkas {path.name} rusak (arsip .xlsx tidak utuh).") from error
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names:
        raise UnreadableWorkbook(
            f"Berkas {path.name} bukan workbook Excel (.xlsx): arsip zip tanpa isi workbook "
            "(mungkin dokumen Word atau berkas lain yang diganti namanya)."
        )
    if "xl/workbook.xml" not in names:
        raise UnreadableWorkbook(
            f"Berkas {path.name} bukan workbook Excel (.xlsx) (mungkin dokumen Word atau berkas lain "
            "yang diganti namanya)."
        )
    total = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries) or 1
    # -- Plain XML compresses 10-30x; only a large and extreme ratio marks a bomb.
    suspicious_ratio = total > 20 * 1024 * 1024 and total / packed > MAX_COMPRESSION_RATIO
    if len(entries) > MAX_ZIP_ENTRIES or total > MAX_UNCOMPRESSED_BYTES or suspicious_ratio:
        raise UnreadableWorkbook(
            f"Berkas {path.name} ditolak: isinya tidak wajar ({len(entries)} bagian, "
            f"{total // (1024 * 1024)} MB setelah diekstrak); kemungkinan berkas rusak atau berbahaya."
        )
    # -- Excel never writes a DTD; one in any part is an entity-expansion attack on whichever parser reads
    # -- that part (defusedxml guards ours; the value reader is refused the file before it sees it).
    with zipfile.ZipFile(path) as archive:
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels")):
                with archive.open(entry) as member:
                    prolog = member.read(2048)
                if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                    raise UnreadableWorkbook(
                        f"Berkas {path.name} ditolak: bagian {entry.filename} memuat deklarasi DTD/entitas "
                        "XML, yang tidak pernah ditulis Excel; kemungkinan berkas berbahaya."
                    )


_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")
# -- A formula element (<f> or <x:f ...>) or a hidden row; data validations' <formula1> do not count. --
_MAY_HAVE_FACTS = re.compile(rb"<(?:\w+:)?f[ >/]|<(?:\w+:)?row [^>]*hidden=\"(?:1|true)\"")


@dataclass
class SheetFacts:
    """What the cell values alone do not tell: hidden rows and formulas saved without their result."""

    hidden_rows: set[int] = field(default_factory=set)
    uncached_formulas: list[CellRef] = field(default_factory=list)


def sheet_facts(path: Path) -> dict[str, SheetFacts]:
    """Hidden rows and uncached formulas of every sheet, by sheet name, from one pass over the sheet XML.

    -- The value reader shows a formula without a saved result as an empty cell and knows nothing of
    -- hidden rows; a byte search skips the XML parse for the usual sheet that has neither. --
    """
    from defusedxml.ElementTree import fromstring, iterparse

    facts: dict[str, SheetFacts] = {}
    with zipfile.ZipFile(path) as archive:
        workbook = fromstring(archive.read("xl/workbook.xml"))
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {
            rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PACKAGE_REL_NS}Relationship")
        }
        for sheet in workbook.iter(f"{_MAIN_NS}sheet"):
            name = sheet.get("name", "")
            found = facts.setdefault(name, SheetFacts())
            target = targets.get(sheet.get(f"{_REL_NS}id"), "").lstrip("/")
            member = target if target.startswith("xl/") else f"xl/{target}"
            try:
                data = archive.read(member)
            except KeyError:
                continue
            if not _MAY_HAVE_FACTS.search(data):
                continue
            for _, element in iterparse(io.BytesIO(data)):
                if element.tag == f"{_MAIN_NS}c":
                    formula, value = element.find(f"{_MAIN_NS}f"), element.find(f"{_MAIN_NS}v")
                    if formula is not None and (value is None or not (value.text or "").strip()):
                        match = _CELL_REF.match(element.get("r", ""))
                        if match:
                            found.uncached_formulas.append(CellRef(name, int(match.group(2)), match.group(1)))
                    element.clear()
                elif element.tag == f"{_MAIN_NS}row":
                    if element.get("hidden") in ("1", "true"):
                        found.hidden_rows.add(int(element.get("r", "0")))
                    element.clear()
    return facts


class Source:
    """An opened workbook: cell values from python-calamine, hidden rows and formulas from the XML.

    -- calamine reads values an order of magnitude faster than openpyxl and never loads styles; merges come
    -- with the values, the rest from `sheet_facts`. --
    """

    def __init__(self, path: Path) -> None:
        from python_calamine import CalamineWorkbook

        try:
            self.book = CalamineWorkbook.from_path(str(path))
            self.sheetnames: list[str] = list(self.book.sheet_names)
            self.facts = sheet_facts(path)
        except Exception as error:  # calamine and the XML parser raise their own types for a damaged file
            raise UnreadableWorkbook(
                f"Berkas {path.name} tidak dapat dibaca sebagai workbook Excel (.xlsx) "
                f"({type(error).__name__}); buka dan simpan ulang di Excel."
            ) from error
        self.path = path

    def grid(self, name: str) -> Grid:
        try:
            sheet = self.book.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            merges = sheet.merged_cell_ranges or []
        except Exception as error:
            raise UnreadableWorkbook(
                f"Berkas {self.path.name}, sheet {name}: isinya tidak dapat dibaca ({type(error).__name__})."
            ) from error
        return Grid(name, rows, merges, self.facts.get(name, SheetFacts()).hidden_rows)

    @property
    def uncached_formulas(self) -> list[CellRef]:
        return [ref for facts in self.facts.values() for ref in facts.uncached_formulas]


class Grid:
    """Cell values of a sheet with vertical merges filled down, addressed by (row, column), 1-based."""

    def __init__(self, title: str, rows: Sequence[Sequence[object]], merges, hidden_rows: set[int]) -> None:
        self.title = title
        self._rows = rows
        self._hidden = hidden_rows
        self.max_row = len(rows)
        self.columns = range(1, max((len(row) for row in rows), default=0) + 1)
        self._filled: dict[tuple[int, int], tuple[int, int]] = {}
        self._covered: set[tuple[int, int]] = set()
        for (first_row, first_col), (last_row, last_col) in merges:
            # -- A merge spanning rows repeats its value down its first column (the NO/KOMPONEN case); a
            # -- merge across columns does not, or a title merged over six columns would fill all six.
            for row in range(first_row + 2, last_row + 2):
                self._filled[(row, first_col + 1)] = (first_row + 1, first_col + 1)
            # -- The other cells of a merge show nothing in Excel, whatever the file keeps in them (Calc's
            # -- "keep the contents of the hidden cells" leaves old text there): they read as empty.
            for row in range(first_row + 1, last_row + 2):
                for col in range(first_col + 2, last_col + 2):
                    self._covered.add((row, col))

    def is_hidden(self, row: int) -> bool:
        return row in self._hidden

    def value(self, row: int, col: int) -> CellValue:
        if (row, col) in self._covered:
            return CellValue("", CellRef(self.title, row, column_letter(col)), None)
        source_row, source_col = self._filled.get((row, col), (row, col))
        cells = self._rows[source_row - 1] if source_row <= self.max_row else ()
        raw = cells[source_col - 1] if source_col <= len(cells) else None
        raw = None if raw == "" else raw
        # -- Empty cells keep their position too, so a finding about a missing value can point at it.
        return CellValue(cell_text(raw), CellRef(self.title, source_row, column_letter(source_col)), raw)


@functools.cache
def column_letter(index: int) -> str:
    """The Excel column letters of a 1-based column index: 1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_text(raw: object) -> str:
    """The text a person sees for a cell value: dates in Indonesian, whole floats without ".0".

    A date on the first of a month reads as the month ("Mei 2019"): that is how Monev months and target
    months are typed; any other day is written in full ("2 Januari 2019").
    """
    if raw is None:
        return ""
    if type(raw) is str and raw.isprintable() and raw == raw.strip():
        return raw  # -- most cells: one line without control characters, no-break or outer spaces
    if isinstance(raw, dt.datetime | dt.date):
        date = raw.date() if isinstance(raw, dt.datetime) else raw
        if date.day != 1:
            return f"{date.day} {BULAN[date.month - 1]} {date.year}"
        return f"{BULAN[date.month - 1]} {date.year}"
    if isinstance(raw, dt.time | dt.timedelta):
        return str(raw)
    if isinstance(raw, bool):
        return "Ya" if raw else "Tidak"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    text = _XML_ILLEGAL.sub("", str(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    return "\n".join(line.strip() for line in text.strip().split("\n"))
