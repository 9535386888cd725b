"""Open an .xlsx safely and hand out its sheets' values: the only module that touches the file.

Before anything is parsed, the file is refused with one clear sentence when it is missing, empty, an old
.xls, password-protected, not a workbook, damaged, or shaped like a zip or entity-expansion bomb. Cell values
come from python-calamine, hidden rows and formulas without a saved result from the sheet XML; `workbook.py`
turns the values into the model.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zi_sheets.bahasa import BULAN
from zi_sheets.errors import UnreadableWorkbook
from zi_sheets.model import CellRef, CellValue
from zi_sheets.numfmt import BUILTIN_FORMATS, format_number, needs_format

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
_RANGE = re.compile(r"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?")
# -- A formula element (<f> or <x:f ...>) or a hidden row; data validations' <formula1> do not count. --
_MAY_HAVE_FACTS = re.compile(rb"<(?:\w+:)?f[ >/]|<(?:\w+:)?row [^>]*hidden=\"(?:1|true)\"")


@dataclass
class SheetFacts:
    """What the cell values alone do not tell: hidden rows, formulas saved without their result, and the range
    of an autofilter that has criteria (`filter_range`, e.g. "A1:I120"; None without one): its rows are
    hidden by the filter, not by hand."""

    hidden_rows: set[int] = field(default_factory=set)
    uncached_formulas: list[CellRef] = field(default_factory=list)
    filter_range: str | None = None
    # -- (row, column), 1-based, of each number cell whose format shows it otherwise than General
    number_formats: dict[tuple[int, int], str] = field(default_factory=dict)


def sheet_facts(path: Path) -> dict[str, SheetFacts]:
    """Hidden rows, uncached formulas, active filters and number formats of every sheet, by sheet name, from
    one pass over the sheet XML.

    -- The value reader shows a formula without a saved result as an empty cell and knows nothing of
    -- hidden rows or formats; byte searches skip the XML parse for the usual sheet that has neither, and
    -- the styled number cells are found without one. --
    """
    from defusedxml.ElementTree import fromstring, iterparse

    facts: dict[str, SheetFacts] = {}
    with zipfile.ZipFile(path) as archive:
        formats = _number_formats(archive)
        styled = _styled_cells(formats)
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
            if styled is not None:
                found.number_formats = _formatted_numbers(data, styled, formats)
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
                elif element.tag == f"{_MAIN_NS}autoFilter":
                    # -- drop-down buttons alone hide nothing; a filterColumn holds the criteria that do
                    if element.find(f"{_MAIN_NS}filterColumn") is not None:
                        found.filter_range = element.get("ref")
    return facts


def _number_formats(archive: zipfile.ZipFile) -> dict[int, str]:
    """The format code of each cell style (its index in styles.xml's cellXfs) whose numbers read otherwise
    than General: percentages, thousands separators, fixed decimals, currency; {} when there is none."""
    from defusedxml.ElementTree import fromstring

    try:
        styles = fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return {}
    codes: dict[int, str] = dict(BUILTIN_FORMATS)
    for numfmt in styles.iter(f"{_MAIN_NS}numFmt"):
        if (numfmt.get("numFmtId") or "").isdigit():
            codes[int(numfmt.get("numFmtId", ""))] = numfmt.get("formatCode", "")
    found: dict[int, str] = {}
    xfs = styles.find(f"{_MAIN_NS}cellXfs")
    for index, xf in enumerate(xfs if xfs is not None else ()):
        number = xf.get("numFmtId") or "0"
        code = codes.get(int(number)) if number.isdigit() else None
        if code is not None and needs_format(code):
            found[index] = code
    return found


def _styled_cells(formats: dict[int, str]) -> tuple[re.Pattern[bytes], re.Pattern[bytes]] | None:
    """Start tags of number cells with one of the styles of `formats`, as Excel, LibreOffice and openpyxl
    write them (r, then t="n" when written, then s) and with s first; None when there is no such style.

    -- Literal patterns naming the styles leave the usual cell to the regex engine: a few milliseconds for a
    -- 2,000-row sheet, where parsing its XML would take a hundred. --
    """
    if not formats:
        return None
    styles = b"|".join(str(index).encode() for index in formats)
    return (
        re.compile(rb'<c r="([A-Z]+)(\d+)"(?: t="n")? s="(' + styles + rb')"'),
        re.compile(rb'<c s="(' + styles + rb')"(?: t="n")? r="([A-Z]+)(\d+)"'),
    )


def _formatted_numbers(
    data: bytes, styled: tuple[re.Pattern[bytes], re.Pattern[bytes]], formats: dict[int, str]
) -> dict[tuple[int, int], str]:
    """(row, column) -> format code of the number cells of a sheet's XML whose style is one of `formats`."""
    r_first, s_first = styled
    found = {
        (int(row), column_index(column.decode())): formats[int(style)]
        for column, row, style in r_first.findall(data)
    }
    for style, column, row in s_first.findall(data):
        found[(int(row), column_index(column.decode()))] = formats[int(style)]
    return found


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
        facts = self.facts.get(name, SheetFacts())
        return Grid(name, rows, merges, facts.hidden_rows, facts.filter_range, facts.number_formats)

    @property
    def uncached_formulas(self) -> list[CellRef]:
        return [ref for facts in self.facts.values() for ref in facts.uncached_formulas]


class Grid:
    """Cell values of a sheet with vertical merges filled down, addressed by (row, column), 1-based."""

    def __init__(
        self,
        title: str,
        rows: Sequence[Sequence[object]],
        merges,
        hidden_rows: set[int],
        filter_range: str | None = None,
        number_formats: dict[tuple[int, int], str] | None = None,
    ) -> None:
        self.title = title
        self._rows = rows
        self._hidden = hidden_rows
        self._formats = number_formats or {}
        self.filter: tuple[CellRef, range] | None = None
        found = _RANGE.fullmatch((filter_range or "").replace("$", ""))
        if found:
            first, last = int(found.group(2)), int(found.group(4) or found.group(2))
            self.filter = (CellRef(title, first, found.group(1)), range(first + 1, last + 1))
        self.max_row = len(rows)
        self.columns = range(1, max((len(row) for row in rows), default=0) + 1)
        self._filled: dict[tuple[int, int], tuple[int, int]] = {}
        for (first_row, first_col), (last_row, _) in merges:
            # -- A merge spanning rows repeats its value down its first column (the NO/KOMPONEN case); a
            # -- merge across columns does not, or a title merged over six columns would fill all six.
            for row in range(first_row + 2, last_row + 2):
                self._filled[(row, first_col + 1)] = (first_row + 1, first_col + 1)

    def is_hidden(self, row: int) -> bool:
        return row in self._hidden

    def is_filtered(self, row: int) -> bool:
        """True when `row` is hidden by the sheet's active autofilter (its data rows below the header)."""
        return self.filter is not None and row in self._hidden and row in self.filter[1]

    def value(self, row: int, col: int) -> CellValue:
        source_row, source_col = self._filled.get((row, col), (row, col))
        cells = self._rows[source_row - 1] if source_row <= self.max_row else ()
        raw = cells[source_col - 1] if source_col <= len(cells) else None
        raw = None if raw == "" else raw
        # -- Empty cells keep their position too, so a finding about a missing value can point at it.
        shown = cell_text(raw, self._formats.get((source_row, source_col)))
        return CellValue(shown, CellRef(self.title, source_row, column_letter(source_col)), raw)


def column_letter(index: int) -> str:
    """The Excel column letters of a 1-based column index: 1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_index(letters: str) -> int:
    """The 1-based index of Excel column letters: A -> 1, AA -> 27."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index


def cell_text(raw: object, number_format: str | None = None) -> str:
    """The text a person sees for a cell value: dates in Indonesian, numbers as Excel shows them under
    `number_format` (None: General) with Indonesian separators ("85%", "1.234.567", "1,5").

    A date on the first of a month reads as the month ("Mei 2019"): that is how Monev months and target
    months are typed; any other day is written in full ("2 Januari 2019").
    """
    if raw is None:
        return ""
    if isinstance(raw, dt.datetime | dt.date):
        date = raw.date() if isinstance(raw, dt.datetime) else raw
        if date.day != 1:
            return f"{date.day} {BULAN[date.month - 1]} {date.year}"
        return f"{BULAN[date.month - 1]} {date.year}"
    if isinstance(raw, dt.time | dt.timedelta):
        return str(raw)
    if isinstance(raw, bool):
        return "Ya" if raw else "Tidak"
    if isinstance(raw, int | float):
        return format_number(raw, number_format)
    text = _XML_ILLEGAL.sub("", str(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    return "\n".join(line.strip() for line in text.strip().split("\n"))
