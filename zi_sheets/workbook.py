"""Read a ZI workbook into the model; the only module that reads workbooks (python-calamine and the XML).

Tolerant of the layouts staff actually use: title rows above the header, header-name variants, merged
cells, blank rows, and the grouped Rencana Aksi layout (area header rows, NO/KOMPONEN written once).
Bad data is kept for the checks to report; only a file that cannot be read at all raises.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zi_sheets.bahasa import BULAN, from_roman
from zi_sheets.errors import UnreadableWorkbook
from zi_sheets.model import (
    EMPTY,
    IDENTITAS_FIELDS,
    NARASI_BAGIAN,
    CellRef,
    CellValue,
    Identitas,
    LkeAnswer,
    LkeSheet,
    MekanismeStep,
    MonevEntry,
    NarasiItem,
    PlanRow,
    TargetPrioritas,
    TimMember,
    Workbook,
)

# -- Limits checked before the file is parsed: a zip bomb must fail fast, not fill memory. --
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_COMPRESSION_RATIO = 100
HEADER_SEARCH_ROWS = 30

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def normalize(text: str) -> str:
    """Lower case, punctuation to spaces, spaces collapsed: how headers and labels are compared."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


@dataclass(frozen=True)
class Column:
    """A column a sheet may have: its field name and the header texts accepted for it (normalized)."""

    field: str
    headers: tuple[str, ...]
    required: bool = False


@dataclass(frozen=True)
class SheetSpec:
    """A sheet the reader knows: its name as `init` writes it, accepted variants and its columns."""

    name: str
    variants: tuple[str, ...]
    columns: tuple[Column, ...]


IDENTITAS = SheetSpec(
    "Identitas",
    ("identitas", "identitas unit", "data unit"),
    (
        Column("isian", ("isian", "uraian", "field", "data", "keterangan isian"), required=True),
        Column("nilai", ("nilai", "isi", "value", "jawaban"), required=True),
    ),
)
NARASI = SheetSpec(
    "Narasi",
    ("narasi", "teks", "narasi dokumen"),
    (
        Column("bagian", ("bagian", "bab", "sub bab", "subbab"), required=True),
        Column("isi", ("isi", "teks", "paragraf", "uraian"), required=True),
    ),
)
RENCANA_AKSI = SheetSpec(
    "RencanaAksi",
    ("rencanaaksi", "rencana aksi", "matriks rencana aksi", "rencana kerja"),
    (
        Column("no", ("no", "nomor", "no urut")),
        Column("area", ("area", "area perubahan", "area pengungkit")),
        Column("komponen", ("komponen", "sub area", "subarea", "program", "komponen sub area"), True),
        Column("kode_lke", ("kode lke", "kode", "kode indikator", "no lke")),
        Column("indikator", ("indikator", "indikator lke"), required=True),
        Column(
            "langkah_aksi",
            ("langkah aksi", "langkah langkah aksi", "rencana aksi", "kegiatan", "rencana kegiatan"),
            required=True,
        ),
        Column(
            "bukti_fisik",
            ("bukti fisik", "bukti dukung", "data dukung", "output", "keluaran", "bukti"),
            required=True,
        ),
        Column(
            "target_waktu",
            ("target waktu", "target dan waktu", "waktu", "target", "jadwal", "waktu pelaksanaan"),
            required=True,
        ),
        Column("penanggung_jawab", ("penanggung jawab", "pj", "pic", "pelaksana")),
    ),
)
MONEV = SheetSpec(
    "Monev",
    ("monev", "monitoring", "monitoring dan evaluasi", "monitoring evaluasi"),
    (
        Column("bulan", ("bulan", "periode", "bulan laporan"), required=True),
        Column("area", ("area", "area perubahan"), required=True),
        Column("capaian", ("capaian", "realisasi", "hasil", "capaian kegiatan"), required=True),
        Column("status", ("status", "keterangan status")),
        Column("ref", ("ref rencana aksi", "ref", "referensi", "no rencana aksi", "kode lke")),
        Column("bukti_dukung", ("bukti dukung", "bukti fisik", "data dukung")),
        Column("kendala", ("kendala", "hambatan")),
        Column("tindak_lanjut", ("tindak lanjut", "rencana tindak lanjut")),
    ),
)
MEKANISME = SheetSpec(
    "MekanismeTim",
    ("mekanismetim", "mekanisme tim", "mekanisme", "mekanisme penetapan tim"),
    (Column("no", ("no", "nomor")), Column("langkah", ("langkah", "uraian", "tahapan"), required=True)),
)
TARGET_PRIORITAS = SheetSpec(
    "TargetPrioritas",
    ("targetprioritas", "target prioritas"),
    (
        Column("no", ("no", "nomor")),
        Column("target", ("target prioritas", "target", "uraian"), required=True),
        Column("area", ("area", "area perubahan")),
    ),
)
PENGATURAN = SheetSpec(
    "Pengaturan",
    ("pengaturan", "pengaturan dokumen", "gaya dokumen"),
    (
        Column("nama", ("pengaturan", "isian", "nama", "uraian"), required=True),
        Column("nilai", ("nilai", "isi", "pilihan"), required=True),
    ),
)
TIM_KERJA = SheetSpec(
    "TimKerja",
    ("timkerja", "tim kerja", "susunan tim", "susunan tim kerja"),
    (
        Column("no", ("no", "nomor")),
        Column("nama", ("nama", "nama pegawai"), required=True),
        Column("nip", ("nip",)),
        Column("jabatan", ("jabatan",)),
        Column("kedudukan", ("kedudukan dalam tim", "kedudukan", "jabatan dalam tim", "peran")),
    ),
)
LKE = SheetSpec(
    "LKE",
    ("lke", "lke zi", "lembar kerja evaluasi", "penilaian mandiri"),
    (
        Column("kode", ("kode", "kode lke", "kode butir", "kode indikator"), required=True),
        Column("jawaban", ("jawaban", "jawaban unit", "jawaban unit kerja"), required=True),
        Column(
            "bukti_dukung",
            ("bukti dukung", "data dukung", "bukti", "tautan bukti dukung", "link bukti dukung"),
        ),
        Column("catatan", ("catatan", "keterangan")),
    ),
)

# -- Words that identify an area in headers, dropdowns and Monev rows, most specific first. --
_AREA_KEYWORDS: tuple[tuple[str, int], ...] = (
    ("manajemen perubahan", 1),
    ("tatalaksana", 2),
    ("tata laksana", 2),
    ("sdm", 3),
    ("sumber daya manusia", 3),
    ("akuntabilitas", 4),
    ("pengawasan", 5),
    ("pelayanan publik", 6),
    ("kualitas pelayanan", 6),
)

_IDENTITAS_VARIANTS = {
    "pemerintah daerah instansi induk": "Pemerintah Daerah",
    "instansi induk": "Pemerintah Daerah",
    "pemda": "Pemerintah Daerah",
    "nama unit": "Nama Unit Kerja",
    "unit kerja": "Nama Unit Kerja",
    "kabupaten kota": "Kabupaten/Kota",
    "kabupaten": "Kabupaten/Kota",
    "kota": "Kabupaten/Kota",
    "tahun anggaran": "Tahun",
    "tanggal": "Tanggal Penetapan",
    "tempat": "Tempat Penetapan",
    "predikat": "Target Predikat",
    "regulasi lke": "Regulasi",
    "email": "Email Inspektorat",
}

# -- Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/FFFF): a cell may hold
# -- them, a .docx may not, so they are dropped as the cell is read and nothing downstream meets them. --
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-\u2022*\u2013\u00b7])\s+")


def area_number(text: str) -> int | None:
    """The area (1-6) a text names: a Roman numeral, "Area III", or the area's words; None otherwise."""
    norm = normalize(text)
    if not norm:
        return None
    words = norm.split()
    for candidate in (words[0], words[1] if len(words) > 1 and words[0] == "area" else ""):
        number = from_roman(candidate) if candidate else None
        if number is None and candidate.isdigit():
            number = int(candidate)
        if number is not None and 1 <= number <= 6:
            return number
    return next((number for key, number in _AREA_KEYWORDS if key in norm), None)


def read_workbook(path: str | Path) -> Workbook:
    """Read the workbook at `path`; raises UnreadableWorkbook when it cannot be read at all."""
    path = Path(path)
    book = _open(path)
    sheets = _SheetFinder(book, path)
    identitas = _read_identitas(sheets.require(IDENTITAS))
    workbook = Workbook(path=path, identitas=identitas, sheets_present=tuple(book.sheetnames))
    workbook.rencana_aksi = _read_rencana_aksi(sheets.require(RENCANA_AKSI))
    for spec, reader in (
        (NARASI, _read_narasi),
        (MONEV, _read_monev),
        (MEKANISME, _read_mekanisme),
        (TARGET_PRIORITAS, _read_target_prioritas),
        (TIM_KERJA, _read_tim_kerja),
        (PENGATURAN, _read_pengaturan),
    ):
        table = sheets.optional(spec)
        if table is not None:
            setattr(workbook, _ATTRIBUTE[spec.name], reader(table))
    workbook.lke = _read_lke(sheets)
    workbook.hidden_rows = sheets.hidden_rows
    workbook.uncached_formulas = book.uncached_formulas
    return workbook


_ATTRIBUTE = {
    "Narasi": "narasi",
    "Monev": "monev",
    "MekanismeTim": "mekanisme",
    "TargetPrioritas": "target_prioritas",
    "TimKerja": "tim_kerja",
    "Pengaturan": "pengaturan",
}


# ---------------------------------------------------------------------------------------------------------
# Opening the file


def _open(path: Path) -> _Source:
    """Open the file after the checks that turn a bad file into a clear sentence."""
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
    return _Source(path)


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


class _Source:
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

    def grid(self, name: str) -> _Grid:
        try:
            sheet = self.book.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            merges = sheet.merged_cell_ranges or []
        except Exception as error:
            raise UnreadableWorkbook(
                f"Berkas {self.path.name}, sheet {name}: isinya tidak dapat dibaca ({type(error).__name__})."
            ) from error
        return _Grid(name, rows, merges, self.facts.get(name, SheetFacts()).hidden_rows)

    @property
    def uncached_formulas(self) -> list[CellRef]:
        return [ref for facts in self.facts.values() for ref in facts.uncached_formulas]


# ---------------------------------------------------------------------------------------------------------
# Sheets and tables


@dataclass
class Record:
    """One data row of a table: its Excel row number and its values by field."""

    row: int
    values: dict[str, CellValue]

    def get(self, field: str) -> CellValue:
        return self.values.get(field, EMPTY)

    def cells(self) -> list[CellValue]:
        """Every non-empty value of the row, including columns the spec does not know, left to right."""
        return [v for v in self.values.values() if v]


@dataclass
class Table:
    """The records of one sheet below its header row."""

    sheet: str
    records: list[Record]


class _SheetFinder:
    """Finds sheets by name variants and turns them into Tables; remembers hidden rows for the checks."""

    def __init__(self, book, path: Path) -> None:
        self.book = book
        self.path = path
        self.hidden_rows: list[CellRef] = []
        self._by_name = {normalize(name).replace(" ", ""): name for name in book.sheetnames}

    def _find(self, spec: SheetSpec) -> str | None:
        for variant in (spec.name, *spec.variants):
            found = self._by_name.get(normalize(variant).replace(" ", ""))
            if found:
                return found
        return None

    def require(self, spec: SheetSpec) -> Table:
        """The table of a sheet the workbook must have; UnreadableWorkbook when it is missing."""
        name = self._find(spec)
        if name is None:
            present = ", ".join(self.book.sheetnames)
            raise UnreadableWorkbook(
                f"Berkas {self.path.name}: sheet '{spec.name}' tidak ada (sheet yang ada: {present})."
            )
        return self._table(name, spec)

    def optional(self, spec: SheetSpec) -> Table | None:
        """The table of an optional sheet, None when the workbook has no such sheet."""
        name = self._find(spec)
        return None if name is None else self._table(name, spec)

    def _table(self, name: str, spec: SheetSpec) -> Table:
        grid = self.book.grid(name)
        header_row, columns = _find_header(grid, spec, self.path)
        records = []
        for row in range(header_row + 1, grid.max_row + 1):
            by_column = {col: grid.value(row, col) for col in grid.columns}
            texts = [value.text for value in by_column.values() if value]
            if not texts or _is_column_numbering(texts):
                continue
            values = {field: by_column[col] for field, col in columns.items()}
            extra = {f"_{col}": value for col, value in by_column.items() if col not in columns.values()}
            if grid.is_hidden(row):
                self.hidden_rows.append(CellRef(name, row, "A"))
            records.append(Record(row, {**values, **extra}))
        return Table(name, records)


class _Grid:
    """Cell values of a sheet with vertical merges filled down, addressed by (row, column), 1-based."""

    def __init__(self, title: str, rows: list[list[object]], merges, hidden_rows: set[int]) -> None:
        self.title = title
        self._rows = rows
        self._hidden = hidden_rows
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

    def value(self, row: int, col: int) -> CellValue:
        source_row, source_col = self._filled.get((row, col), (row, col))
        cells = self._rows[source_row - 1] if source_row <= self.max_row else ()
        raw = cells[source_col - 1] if source_col <= len(cells) else None
        raw = None if raw == "" else raw
        # -- Empty cells keep their position too, so a finding about a missing value can point at it.
        return CellValue(cell_text(raw), CellRef(self.title, source_row, column_letter(source_col)), raw)


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


def _find_header(grid: _Grid, spec: SheetSpec, path: Path) -> tuple[int, dict[str, int]]:
    """The header row (within the first rows) with the most known headers, and field -> column index."""
    best: tuple[int, dict[str, int]] = (0, {})
    for row in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
        found: dict[str, int] = {}
        for col in grid.columns:
            header = normalize(grid.value(row, col).text)
            if not header:
                continue
            for column in spec.columns:
                if column.field not in found and header in column.headers:
                    found[column.field] = col
                    break
        if len(found) > len(best[1]):
            best = (row, found)
    row, found = best
    missing = [c for c in spec.columns if c.required and c.field not in found]
    if missing:
        where = f"baris judul (baris {row})" if row else f"{HEADER_SEARCH_ROWS} baris pertama"
        expected = ", ".join(f"'{_title(c)}'" for c in missing)
        raise UnreadableWorkbook(
            f"Berkas {path.name}, sheet {grid.title}: kolom {expected} tidak ditemukan di {where}."
        )
    return row, found


def _title(column: Column) -> str:
    """The header text `init` writes for a column, for messages."""
    return column.headers[0].title().replace("Lke", "LKE")


def _is_column_numbering(texts: list[str]) -> bool:
    """True for the "1 | 2 | 3 ..." row some staff put under the header to number the columns."""
    return len(texts) >= 3 and texts == [str(i) for i in range(1, len(texts) + 1)]


# ---------------------------------------------------------------------------------------------------------
# The sheets


def _read_identitas(table: Table) -> Identitas:
    canonical = {normalize(name): name for name in IDENTITAS_FIELDS}
    fields: dict[str, CellValue] = {}
    for record in table.records:
        label = normalize(record.get("isian").text)
        name = canonical.get(label) or _IDENTITAS_VARIANTS.get(label)
        if name is None:
            name = next((canonical[key] for key in canonical if label.startswith(key)), None)
        if name is not None and name not in fields:
            fields[name] = record.get("nilai")
    return Identitas(fields)


def _read_narasi(table: Table) -> list[NarasiItem]:
    items = []
    bagian = ""
    canonical = {normalize(name): name for name in NARASI_BAGIAN}
    for record in table.records:
        written = record.get("bagian").text
        if written:
            norm = re.sub(r"^\d+(?: \d+)* ", "", normalize(written))  # "1.1 Latar Belakang" -> latar...
            bagian = canonical.get(norm) or next(
                (name for key, name in canonical.items() if norm.startswith(key.split()[0][:6])), written
            )
        isi = record.get("isi")
        if not isi:
            continue
        marker = _LIST_MARKER.match(isi.text)
        if marker:
            isi = CellValue(isi.text[marker.end() :].strip(), isi.cell, isi.raw)
        items.append(NarasiItem(bagian, isi, is_list_item=bool(marker)))
    return items


def _read_rencana_aksi(table: Table) -> list[PlanRow]:
    rows: list[PlanRow] = []
    area_no: int | None = None
    area = EMPTY
    komponen = no = EMPTY
    for record in table.records:
        header_area = _area_header(record)
        if header_area is not None:
            area_no, area = header_area
            komponen = no = EMPTY
            continue
        if record.get("area"):
            written = record.get("area")
            if written.text != area.text:
                komponen = no = EMPTY
            area_no, area = area_number(written.text), written
        if record.get("komponen"):
            komponen, no = record.get("komponen"), record.get("no")
        rows.append(
            PlanRow(
                row=record.row,
                area_no=area_no,
                area=area,
                komponen=komponen,
                indikator=record.get("indikator"),
                langkah_aksi=record.get("langkah_aksi"),
                bukti_fisik=record.get("bukti_fisik"),
                target_waktu=record.get("target_waktu"),
                kode_lke=record.get("kode_lke"),
                penanggung_jawab=record.get("penanggung_jawab"),
                no=record.get("no") or no,
            )
        )
    return rows


def _area_header(record: Record) -> tuple[int | None, CellValue] | None:
    """(area number, area cell) when the row is a grouped-layout area row ("I" | "MANAJEMEN PERUBAHAN")."""
    if any(record.get(f) for f in ("indikator", "langkah_aksi", "bukti_fisik", "target_waktu")):
        return None
    cells = record.cells()
    if len(cells) == 2 and from_roman(cells[0].text) is not None:
        return from_roman(cells[0].text), cells[1]
    if len(cells) == 1 and _is_area_title(cells[0].text):
        return area_number(cells[0].text), cells[0]
    return None


def _is_area_title(text: str) -> bool:
    """True for "I. MANAJEMEN PERUBAHAN", "Area II" or "PENGUATAN PENGAWASAN"; a lone komponen is not one."""
    norm = normalize(text)
    if area_number(text) is None:
        return False
    first = norm.split()[0]
    return bool(from_roman(first) or first == "area" or norm.startswith(_AREA_TITLE_STARTS))


_AREA_TITLE_STARTS = ("manajemen perubahan", "penataan", "penguatan", "peningkatan")


def _read_monev(table: Table) -> list[MonevEntry]:
    from zi_sheets.dates import parse_target

    entries = []
    bulan = EMPTY
    for record in table.records:
        if record.get("bulan"):
            bulan = record.get("bulan")
        capaian = record.get("capaian")
        if not capaian and not record.get("area"):
            continue
        parsed = parse_target(bulan.raw if bulan.raw is not None else bulan.text)
        month = next(iter(parsed.months)) if len(parsed.months) == 1 else None
        area = record.get("area")
        entries.append(
            MonevEntry(
                row=record.row,
                bulan=bulan,
                month=month,
                area_no=area_number(area.text),
                area=area,
                capaian=capaian,
                status=record.get("status"),
                ref_rencana_aksi=record.get("ref"),
                bukti_dukung=record.get("bukti_dukung"),
                kendala=record.get("kendala"),
                tindak_lanjut=record.get("tindak_lanjut"),
            )
        )
    return entries


def _read_mekanisme(table: Table) -> list[MekanismeStep]:
    return [MekanismeStep(r.row, _strip_marker(r.get("langkah"))) for r in table.records if r.get("langkah")]


def _read_target_prioritas(table: Table) -> list[TargetPrioritas]:
    return [
        TargetPrioritas(r.row, _strip_marker(r.get("target")), r.get("area"))
        for r in table.records
        if r.get("target")
    ]


def _read_tim_kerja(table: Table) -> list[TimMember]:
    return [
        TimMember(r.row, r.get("nama"), r.get("nip"), r.get("jabatan"), r.get("kedudukan"))
        for r in table.records
        if r.get("nama")
    ]


def _read_pengaturan(table: Table) -> dict[str, CellValue]:
    from zi_sheets.house_style import SETTINGS

    canonical = {normalize(setting.name): setting.name for setting in SETTINGS}
    found: dict[str, CellValue] = {}
    for record in table.records:
        name = canonical.get(normalize(record.get("nama").text))
        if name is not None and name not in found:
            found[name] = record.get("nilai")
    return found


def _read_lke(sheets: _SheetFinder) -> LkeSheet | None:
    name = sheets._find(LKE)
    if name is None:
        return None
    try:
        table = sheets._table(name, LKE)
    except UnreadableWorkbook as error:
        # -- a sheet called LKE in another layout (a copy of the official LKE) must not make a workbook
        # -- that read before unreadable now; the checks report why it was not read --
        return LkeSheet(name, problem=str(error))
    rows = tuple(
        LkeAnswer(r.row, r.get("kode"), r.get("jawaban"), r.get("bukti_dukung"), r.get("catatan"))
        for r in table.records
        if r.get("kode") or r.get("jawaban") or r.get("bukti_dukung")
    )
    return LkeSheet(name, rows)


def sheet_values(path: str | Path) -> dict[str, list[list[Any]]]:
    """Every cell value of every sheet, by sheet name, as the reader sees them (for comparing two files)."""
    source = _open(Path(path))
    return {name: source.book.get_sheet_by_name(name).to_python() for name in source.sheetnames}


def _strip_marker(value: CellValue) -> CellValue:
    """A list item without the number or bullet typed before it (the documents number their lists)."""
    marker = _LIST_MARKER.match(value.text)
    return CellValue(value.text[marker.end() :].strip(), value.cell, value.raw) if marker else value
