"""The official LKE Zona Integritas workbook (PermenPANRB Lampiran III: sheets `LKE ZI`, `Ctt Eval`, `Utama`)
as units fill it: the questionnaire's rows with their cells, found by header text, never by column letter.

Opened with `source.open_xlsx` (size, zip and format checks first: a workbook from another unit is untrusted);
values come from the value reader (cached results of formulas included), the formulas of the questionnaire
sheet from one guarded pass over its XML. Matching the rows to the LKE's items is `lke.official`'s work.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from zi_sheets.common.errors import UnreadableWorkbook
from zi_sheets.common.model import CellValue
from zi_sheets.reading.source import Grid, Source, column_letter, open_xlsx

QUESTIONNAIRE = "lke zi"
RECAP_SHEETS = ("ctt eval", "utama")
# -- The rows searched for the header; a sheet whose header sits lower is not the official layout. --
HEADER_ROWS = 20
# -- The questionnaire has about 220 rows; a sheet of thousands is not one, and is not walked to its end. --
MAX_ROWS = 2000

# -- A header cell's words -> the field (checked in this order: "pilihan jawaban" before "jawaban"). --
_HEADERS = (
    ("pilihan", re.compile(r"^pilihan( jawaban)?$|^opsi jawaban$")),
    ("penilaian", re.compile(r"^(penilaian|komponen|uraian|komponen penilaian)$")),
    ("bobot", re.compile(r"^bobot$")),
    ("penjelasan", re.compile(r"^(penjelasan|kriteria|kriteria penilaian)$")),
    ("jawaban", re.compile(r"^jawaban( unit( kerja)?| instansi| penilaian mandiri)?$")),
    ("nilai", re.compile(r"^nilai( unit( kerja)?| penilaian mandiri)?$")),
    ("catatan", re.compile(r"^catatan\b")),
    ("bukti", re.compile(r"^(data )?bukti\b|^eviden")),
    ("link", re.compile(r"^(link|tautan|url)\b")),
)
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL = re.compile(r"([A-Z]+)(\d+)$")


def header_field(text: str) -> str | None:
    """The field a header cell names ("Pilihan Jawaban" -> "pilihan"), None for any other text."""
    words = " ".join(re.sub(r"[^a-z ]", " ", text.lower()).split())
    for name, pattern in _HEADERS:
        if pattern.search(words):
            return name
    return None


@dataclass(frozen=True)
class OfficialRow:
    """One row of the questionnaire below the header: the Penilaian cells (the tree's labels and texts,
    left to right) and the cells of each found column (EMPTY where the sheet has no such column)."""

    row: int
    penilaian: tuple[CellValue, ...]
    cells: dict[str, CellValue]

    def get(self, name: str) -> CellValue:
        return self.cells.get(name, CellValue())


@dataclass
class OfficialSheet:
    """The questionnaire sheet read: its name, header row, columns (field -> letter), rows, and the formulas
    of its cells by address ("L7" -> "AVERAGE(L8:L9)*H7")."""

    path: Path
    name: str
    header_row: int
    columns: dict[str, str]
    rows: list[OfficialRow]
    formulas: dict[str, str] = field(default_factory=dict)
    # -- every value of the sheet by address, for the formulas' references ("H7" -> 0.5) --
    values: dict[str, CellValue] = field(default_factory=dict)
    sheetnames: tuple[str, ...] = ()


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def is_official(sheetnames: list[str] | tuple[str, ...]) -> bool:
    """True when the workbook has the official LKE's questionnaire sheet (`LKE ZI`)."""
    return any(_key(name) == QUESTIONNAIRE for name in sheetnames)


def read_official(path: Path, source: Source | None = None) -> OfficialSheet:
    """The questionnaire of the official LKE workbook at `path`; UnreadableWorkbook when the file cannot be
    opened, has no `LKE ZI` sheet, or its header (Penilaian ... Jawaban) is not found."""
    source = source or open_xlsx(path)
    name = next((n for n in source.sheetnames if _key(n) == QUESTIONNAIRE), None)
    if name is None:
        raise UnreadableWorkbook(
            f"Berkas {path.name} bukan LKE resmi: sheet 'LKE ZI' tidak ada ({', '.join(source.sheetnames)})."
        )
    grid = source.grid(name)
    header, columns = _header(grid)
    if header is None or "jawaban" not in columns:
        raise UnreadableWorkbook(
            f"Berkas {path.name}, sheet {name}: judul kolom Penilaian dan Jawaban tidak ditemukan di "
            f"{HEADER_ROWS} baris pertama; LKE resmi tidak dapat dibaca."
        )
    if "catatan" in columns and "bukti" not in columns and "link" not in columns:
        # -- Lampiran III's sheet heads Catatan only; the two columns after it hold the evidence and its link
        # -- without a header of their own (the real blank: O Catatan, P Bukti dukung, Q Link)
        after = columns["catatan"]
        if not {after + 1, after + 2} & set(columns.values()):
            columns["bukti"], columns["link"] = after + 1, after + 2
    first = columns.get("penilaian", 1)
    others = [col for key, col in columns.items() if key != "penilaian" and col > first]
    last = min(others) - 1 if others else first
    rows = []
    values: dict[str, CellValue] = {}
    end = min(grid.max_row, MAX_ROWS)
    for row in range(header + 1, end + 1):
        penilaian = tuple(grid.value(row, col) for col in range(first, last + 1))
        cells = {key: grid.value(row, col) for key, col in columns.items() if key != "penilaian"}
        for cell in (*penilaian, *cells.values()):
            if cell.cell is not None and cell:
                values[f"{cell.cell.column}{cell.cell.row}"] = cell
        rows.append(OfficialRow(row, penilaian, cells))
    letters = {key: column_letter(col) for key, col in columns.items()}
    wanted = {letters[key] for key in ("nilai", "jawaban") if key in letters}
    return OfficialSheet(
        path,
        name,
        header,
        letters,
        rows,
        _formulas(path, name, wanted, end),
        values,
        tuple(source.sheetnames),
    )


def _header(grid: Grid) -> tuple[int | None, dict[str, int]]:
    """The header row (the first with Jawaban and Penilaian or Bobot) and the field of each column; a second
    header row under it (a merged "Unit Kerja" over Jawaban and Nilai) adds the columns it names."""
    for row in range(1, min(grid.max_row, HEADER_ROWS) + 1):
        found = _fields(grid, row)
        if "jawaban" in found and ("penilaian" in found or "bobot" in found):
            below = _fields(grid, row + 1)
            for key, col in below.items():
                if key not in found and col not in found.values():
                    found[key] = col
            return (row + 1 if below else row), found
        if ("penilaian" in found or "bobot" in found) and len(found) >= 2:
            below = _fields(grid, row + 1)
            if "jawaban" in below:
                for key, col in below.items():
                    found.setdefault(key, col)
                return row + 1, found
    return None, {}


def _fields(grid: Grid, row: int) -> dict[str, int]:
    found: dict[str, int] = {}
    if row > grid.max_row:
        return found
    for col in grid.columns:
        cell = grid.value(row, col)
        name = header_field(cell.text) if cell else None
        if name is not None and name not in found:
            found[name] = col
    return found


def _formulas(path: Path, sheet: str, columns: set[str], last_row: int) -> dict[str, str]:
    """The formulas of the cells of `columns` of `sheet`, by address; {} when the XML gives none."""
    from defusedxml.ElementTree import fromstring, iterparse

    found: dict[str, str] = {}
    with zipfile.ZipFile(path) as archive:
        workbook = fromstring(archive.read("xl/workbook.xml"))
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {
            rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PACKAGE_REL_NS}Relationship")
        }
        member = ""
        for element in workbook.iter(f"{_MAIN_NS}sheet"):
            if element.get("name") == sheet:
                target = targets.get(element.get(f"{_REL_NS}id"), "").lstrip("/")
                member = target if target.startswith("xl/") else f"xl/{target}"
        try:
            data = archive.read(member)
        except KeyError:
            return found
    for _, element in iterparse(io.BytesIO(data)):
        if element.tag == f"{_MAIN_NS}c":
            match = _CELL.match(element.get("r", ""))
            formula = element.find(f"{_MAIN_NS}f")
            if match and formula is not None and formula.text and match.group(1) in columns:
                if int(match.group(2)) <= last_row:
                    found[element.get("r", "")] = formula.text
            element.clear()
    return found
