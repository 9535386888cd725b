"""Open a workbook (.xlsx, or .ods as LibreOffice Calc saves it) safely and hand out its sheets' values: the
only module that touches the file.

Before anything is parsed, the file is refused with one clear sentence when it is missing, empty, an old
.xls, password-protected, not a workbook, damaged, or shaped like a zip or entity-expansion bomb. Cell values
come from python-calamine; hidden rows and formulas without a saved result from the sheet XML (of an .ods,
from its content.xml, which also gives its merged cells); `workbook.py` turns the values into the model.
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

from zi_sheets.common.archives import (
    DAMAGED,
    declared_too_big,
    inflates_as_declared,
    member_head,
    members,
)
from zi_sheets.common.bahasa import BULAN
from zi_sheets.common.errors import UnreadableWorkbook
from zi_sheets.common.model import CellRef, CellValue
from zi_sheets.common.numfmt import BUILTIN_FORMATS, format_number, needs_format
from zi_sheets.common.text import XML_ILLEGAL

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_OPENDOCUMENT = b"application/vnd.oasis.opendocument."
XLSX, ODS = "xlsx", "ods"


def open_xlsx(path: Path) -> Source:
    """The workbook (.xlsx or .ods) at `path`, opened after the checks that turn a bad file into one clear
    sentence.

    Raises UnreadableWorkbook for a missing, empty, .xls, encrypted, non-workbook, damaged or hostile file.
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
        if head.startswith(_ZIP_MAGIC):
            # -- a zip whose end (the directory of its parts) is missing: cut off while copied or mailed
            raise UnreadableWorkbook(
                f"Berkas {name} rusak: isinya terpotong (mungkin tidak utuh saat disalin atau diunduh); "
                "minta kiriman ulang atau simpan ulang dari aslinya."
            )
        raise UnreadableWorkbook(
            f"Berkas {name} bukan workbook Excel (.xlsx); simpan ulang dari Excel sebagai "
            "'Excel Workbook (*.xlsx)'."
        )
    return Source(path, _check_zip(path))


def _check_zip(path: Path) -> str:
    """XLSX or ODS; refuses archives that are no workbook, damaged, or whose sizes (declared, or streamed
    without keeping anything) would blow up memory (`common.archives`)."""
    damaged = (
        f"Berkas {path.name} rusak: arsipnya tidak utuh; minta kiriman ulang atau simpan ulang dari aslinya."
    )
    try:
        entries = members(path)
        refused = declared_too_big(entries) or not inflates_as_declared(path)
    except DAMAGED as error:
        raise UnreadableWorkbook(damaged) from error
    if refused:
        total = sum(entry.file_size for entry in entries)
        raise UnreadableWorkbook(
            f"Berkas {path.name} ditolak: isinya tidak wajar ({len(entries)} bagian, "
            f"{total // (1024 * 1024)} MB setelah diekstrak); kemungkinan berkas rusak atau berbahaya."
        )
    names = {entry.filename for entry in entries}
    try:
        with zipfile.ZipFile(path) as archive:
            mimetype = member_head(archive, "mimetype", 100).strip() if "mimetype" in names else b""
            has_manifest = mimetype and "META-INF/manifest.xml" in names
            manifest = member_head(archive, "META-INF/manifest.xml", 1 << 20) if has_manifest else b""
    except DAMAGED as error:
        raise UnreadableWorkbook(damaged) from error
    kind = XLSX
    if mimetype.startswith(_OPENDOCUMENT):
        if mimetype != _ODS_MIMETYPE or "content.xml" not in names:
            raise UnreadableWorkbook(
                f"Berkas {path.name} bukan workbook: dokumen OpenDocument lain (mungkin dokumen Writer yang "
                "diganti namanya); simpan workbook dari Calc sebagai .ods atau .xlsx."
            )
        if b"encryption-data" in manifest:
            raise UnreadableWorkbook(
                f"Berkas {path.name} dilindungi kata sandi; buka di LibreOffice Calc, hapus kata sandinya, "
                "lalu simpan ulang."
            )
        kind = ODS
    elif "[Content_Types].xml" not in names:
        raise UnreadableWorkbook(
            f"Berkas {path.name} bukan workbook Excel (.xlsx): arsip zip tanpa isi workbook "
            "(mungkin dokumen Word atau berkas lain yang diganti namanya)."
        )
    elif "xl/workbook.xml" not in names:
        raise UnreadableWorkbook(
            f"Berkas {path.name} bukan workbook Excel (.xlsx) (mungkin dokumen Word atau berkas lain "
            "yang diganti namanya)."
        )
    # -- Excel never writes a DTD; one in any part is an entity-expansion attack on whichever parser reads
    # -- that part (defusedxml guards ours; the value reader is refused the file before it sees it).
    with zipfile.ZipFile(path) as archive:
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels")):
                try:
                    prolog = member_head(archive, entry.filename, 2048)
                except DAMAGED as error:
                    raise UnreadableWorkbook(damaged) from error
                if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                    raise UnreadableWorkbook(
                        f"Berkas {path.name} ditolak: bagian {entry.filename} memuat deklarasi DTD/entitas "
                        "XML, yang tidak pernah ditulis Excel; kemungkinan berkas berbahaya."
                    )
    return kind


_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")
_RANGE = re.compile(r"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?")
# -- A formula element (<f> or <x:f ...>) or a hidden row; data validations' <formula1> do not count. --
_MAY_HAVE_FACTS = re.compile(rb"<(?:\w+:)?f[ >/]|<(?:\w+:)?row [^>]*hidden=\"(?:1|true)\"")


# -- A merged range as python-calamine gives it: ((first row, first column), (last row, last column)),
# -- 0-based. --
Merge = tuple[tuple[int, int], tuple[int, int]]


@dataclass
class SheetFacts:
    """What the cell values alone do not tell: hidden rows, formulas saved without their result, the range
    of an autofilter that has criteria (`filter_range`, e.g. "A1:I120"; None without one: its rows are
    hidden by the filter, not by hand), the number formats of cells, and (for an .ods, whose merges the value
    reader does not give) the merged ranges."""

    hidden_rows: set[int] = field(default_factory=set)
    uncached_formulas: list[CellRef] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
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
            _refuse_far_cells(path, name, *_extent(data))
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


# -- The value reader lays a sheet out as a full grid from A1 to its last cell, whatever lies between: a
# -- single cell at XFD1048576 would make it ask for 17 billion cells and abort the process. A Realisasi
# -- of 100,000 rows with a column group per month is 8.7 million. --
MAX_SHEET_CELLS = 12_000_000
# -- Every filled row becomes values, cells and records in memory (about 4 KB for a Realisasi row): a sheet
# -- of 200,000 filled rows stays under 1 GiB; an .ods row repeated a million times would not. --
MAX_SHEET_ROWS = 200_000
# -- a cell holding something: its reference (wherever among its attributes), then a value or an inline
# -- string, after a formula if any; an empty styled cell (<c r="XFD1048576" s="1"/>) the reader ignores --
_FILLED_CELL = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*(?<!/)>\s*'
    rb"(?:<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*)?<(?:\w+:)?(?:v|is)\b"
)


def _refuse_far_cells(path: Path, sheet: str, last_row: int, last_column: int) -> None:
    """UnreadableWorkbook when the grid from A1 to the sheet's last cell exceeds MAX_SHEET_CELLS, or its
    last filled row is past MAX_SHEET_ROWS."""
    if last_row > MAX_SHEET_ROWS:
        raise UnreadableWorkbook(
            f"Berkas {path.name} ditolak: sheet {sheet} terisi sampai baris {_dotted(last_row)} (batasnya "
            f"{_dotted(MAX_SHEET_ROWS)} baris); hapus baris di bawah tabelnya lalu simpan ulang."
        )
    if last_row * last_column > MAX_SHEET_CELLS:
        cells, limit = _dotted(last_row * last_column), _dotted(MAX_SHEET_CELLS)
        raise UnreadableWorkbook(
            f"Berkas {path.name} ditolak: sheet {sheet} terisi sampai sel "
            f"{column_letter(last_column)}{last_row} ({cells} sel, batasnya {limit}); hapus isi di "
            "luar tabelnya lalu simpan ulang."
        )


def _dotted(number: int) -> str:
    """A count as Indonesian writes it: 1.048.576."""
    return f"{number:,}".replace(",", ".")


def _extent(data: bytes) -> tuple[int, int]:
    """The last row and the last column (1-based) of a cell that holds something in a sheet's XML, by the
    cell's own reference (the value reader places a cell by it, whatever row element holds it).

    -- Byte searches, no parse: a 30 MB sheet takes a few tenths of a second. Column letters compare by
    -- length first, then alphabetically (Z < AA). --
    """
    cells = _FILLED_CELL.findall(data)
    rows = max((int(row) for _, row in cells), default=0)
    letters = max({column for column, _ in cells}, key=lambda found: (len(found), found), default=b"")
    return rows, column_index(letters.decode()) if letters else 0


# -- Names as expat gives them with namespace processing: "<namespace URI>}<local name>". --
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_SHEET, _ROW, _SHEET_NAME = f"{_TABLE}table", f"{_TABLE}table-row", f"{_TABLE}name"
_ODS_CELLS = frozenset((f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"))
_VALUE_TYPE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"
_FORMULA, _VISIBILITY = f"{_TABLE}formula", f"{_TABLE}visibility"
_ROWS_REPEATED, _COLUMNS_REPEATED = f"{_TABLE}number-rows-repeated", f"{_TABLE}number-columns-repeated"
_ROWS_SPANNED, _COLUMNS_SPANNED = f"{_TABLE}number-rows-spanned", f"{_TABLE}number-columns-spanned"


def ods_facts(path: Path) -> dict[str, SheetFacts]:
    """Hidden rows, formulas without a saved result and merged ranges of every sheet of an .ods, by sheet
    name, from one pass over its content.xml.

    -- Rows and cells repeat (`number-rows-repeated`, `number-columns-repeated`: a sheet's empty tail is one
    -- row repeated a million times), so positions are counted, never taken from the element order; a
    -- hidden row without a value is not recorded, the reader skips empty rows anyway. expat's callbacks
    -- are used directly, without building elements: defusedxml's parser is pure Python and took a second
    -- for a 2,000-row plan. Its guard is kept: a DTD or an entity declaration stops the parse. --
    """
    import xml.parsers.expat as expat

    scan = _OdsScan()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_dtd(*_: object) -> None:
        raise UnreadableWorkbook(
            f"Berkas {path.name} ditolak: content.xml memuat deklarasi DTD/entitas XML, yang tidak pernah "
            "ditulis LibreOffice; kemungkinan berkas berbahaya."
        )

    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
        parser.ParseFile(content)
    for name, (last_row, last_column) in scan.extents.items():
        _refuse_far_cells(path, name, last_row, last_column)
    return scan.facts


class _OdsScan:
    """The state of `ods_facts` while expat walks content.xml."""

    def __init__(self) -> None:
        self.facts: dict[str, SheetFacts] = {}
        self.found = SheetFacts()
        self.name = ""
        self.depth = 0  # -- tables open: a table inside a cell (a chart's) is not a sheet
        self.row = self.repeat = self.column = 1
        self.hidden = self.has_value = False
        # -- sheet -> (last row, last column) holding a value: repeated rows and cells count as written
        self.extents: dict[str, tuple[int, int]] = {}
        self.last_column = 0

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        # -- called for every element of the file: the common case (a cell) is tested first
        if tag in _ODS_CELLS:
            if self.depth == 1:
                self._cell(attributes)
        elif tag == _ROW:
            if self.depth == 1:
                self.repeat = int(attributes.get(_ROWS_REPEATED, "1"))
                self.hidden = attributes.get(_VISIBILITY, "visible") != "visible"
                self.column, self.has_value, self.last_column = 1, False, 0
        elif tag == _SHEET:
            self.depth += 1
            if self.depth == 1:
                self.name, self.row = attributes.get(_SHEET_NAME, ""), 1
                self.found = self.facts.setdefault(self.name, SheetFacts())

    def _cell(self, attributes: dict[str, str]) -> None:
        row, column = self.row, self.column
        cached = _VALUE_TYPE in attributes
        self.has_value = self.has_value or cached
        if _FORMULA in attributes and not cached:
            self.found.uncached_formulas.append(CellRef(self.name, row, column_letter(column)))
        rows = int(attributes.get(_ROWS_SPANNED, "1"))
        columns = int(attributes.get(_COLUMNS_SPANNED, "1"))
        if rows > 1 or columns > 1:
            self.found.merges.append(((row - 1, column - 1), (row + rows - 2, column + columns - 2)))
        repeated = int(attributes.get(_COLUMNS_REPEATED, "1"))
        if cached:
            self.last_column = max(self.last_column, column + repeated - 1)
        self.column += repeated

    def end(self, tag: str) -> None:
        if tag == _ROW and self.depth == 1:
            if self.has_value and self.hidden:
                self.found.hidden_rows.update(range(self.row, self.row + self.repeat))
            if self.has_value:
                last_row, last_column = self.extents.get(self.name, (0, 0))
                self.extents[self.name] = (self.row + self.repeat - 1, max(last_column, self.last_column))
            self.row += self.repeat
        elif tag == _SHEET:
            self.depth -= 1


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

    -- calamine reads values an order of magnitude faster than openpyxl and never loads styles; an .xlsx's
    -- merges come with the values, the rest from `sheet_facts` (an .ods's from `ods_facts`). --
    """

    def __init__(self, path: Path, kind: str = XLSX) -> None:
        from python_calamine import CalamineWorkbook

        try:
            # -- the guarded XML pass first: the value reader never sees a file it refuses
            self.facts = ods_facts(path) if kind == ODS else sheet_facts(path)
            self.book = CalamineWorkbook.from_path(str(path))
            self.sheetnames: list[str] = list(self.book.sheet_names)
        except UnreadableWorkbook:
            raise
        except Exception as error:  # calamine and the XML parser raise their own types for a damaged file
            saved_by = "LibreOffice Calc" if kind == ODS else "Excel"
            raise UnreadableWorkbook(
                f"Berkas {path.name} rusak: isinya tidak dapat dibaca sebagai workbook (.{kind}) "
                f"({type(error).__name__}); buka dan simpan ulang di {saved_by}."
            ) from error
        self.path = path
        self.kind = kind

    def grid(self, name: str) -> Grid:
        facts = self.facts.get(name, SheetFacts())
        try:
            sheet = self.book.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            # -- calamine gives an .xlsx's merges; an .ods's come from its content.xml
            merges = sheet.merged_cell_ranges or facts.merges
        except Exception as error:
            raise UnreadableWorkbook(
                f"Berkas {self.path.name}, sheet {name}: isinya tidak dapat dibaca ({type(error).__name__})."
            ) from error
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
        # -- row -> (first column, last column, first row) of each merge over it, 1-based, clipped to the
        # -- used range: a merge over a whole sheet (A2:XFD1048576) costs one entry per used row, never
        # -- one per cell it names --
        self._merged: dict[int, list[tuple[int, int, int]]] = {}
        width = len(self.columns)
        for (first_row, first_col), (last_row, last_col) in merges:
            if first_row >= self.max_row or first_col >= width:
                continue  # -- wholly outside the values: nothing there to fill or hide
            span = (first_col + 1, min(last_col, width - 1) + 1, first_row + 1)
            for row in range(first_row + 1, min(last_row, self.max_row - 1) + 2):
                self._merged.setdefault(row, []).append(span)

    @property
    def rows(self) -> Sequence[Sequence[object]]:
        """The sheet's values as read, row by row, merges not filled."""
        return self._rows

    def is_hidden(self, row: int) -> bool:
        return row in self._hidden

    def is_filtered(self, row: int) -> bool:
        """True when `row` is hidden by the sheet's active autofilter (its data rows below the header)."""
        return self.filter is not None and row in self._hidden and row in self.filter[1]

    def filled_columns(self, row: int) -> set[int] | None:
        """The columns of `row` whose cells hold something; None when a merge reaches the row (it may show
        a value from above). -- One pass over the row lets a wide sheet's empty column groups (most of a
        Realisasi row) be skipped without reading their cells one by one. --"""
        if row in self._merged:
            return None
        cells = self._rows[row - 1] if row <= self.max_row else ()
        return {col for col, raw in enumerate(cells, start=1) if raw is not None and raw != ""}

    def value(self, row: int, col: int) -> CellValue:
        source_row, source_col = row, col
        for first_col, last_col, first_row in self._merged.get(row, ()):
            # -- A merge spanning rows repeats its value down its first column (the NO/KOMPONEN case); a
            # -- merge across columns does not, or a title merged over six columns would fill all six.
            if col == first_col:
                source_row = first_row
            # -- The other cells of a merge show nothing in Excel, whatever the file keeps in them (Calc's
            # -- "keep the contents of the hidden cells" leaves old text there): they read as empty.
            elif first_col < col <= last_col:
                return CellValue("", CellRef(self.title, row, column_letter(col)), None)
        cells = self._rows[source_row - 1] if source_row <= self.max_row else ()
        raw = cells[source_col - 1] if source_col <= len(cells) else None
        raw = None if raw == "" else raw
        # -- Empty cells keep their position too, so a finding about a missing value can point at it.
        shown = cell_text(raw, self._formats.get((source_row, source_col)))
        return CellValue(shown, CellRef(self.title, source_row, column_letter(source_col)), raw)


def sheet_values(path: Path) -> dict[str, list[list[object]]]:
    """Every cell value of every sheet of the workbook at `path`, by sheet name, as read (to tell whether
    two files hold the same values); UnreadableWorkbook as `open_xlsx`."""
    source = open_xlsx(path)
    return {name: [list(row) for row in source.grid(name).rows] for name in source.sheetnames}


@functools.cache
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
    if isinstance(raw, int | float):
        return format_number(raw, number_format)
    # -- characters XML cannot hold: a cell may, a .docx may not; dropped as read, never met downstream
    text = XML_ILLEGAL.sub("", str(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    return "\n".join(line.strip() for line in text.strip().split("\n"))
