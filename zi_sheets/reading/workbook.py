"""Read a ZI workbook into the model: find each sheet's header row and turn its rows into model objects.

`source.py` opens the file safely and hands out cell values; this module knows the sheets. Tolerant of
the layouts staff actually use: title rows above the header, header-name variants, merged cells, blank
rows, and the grouped Rencana Aksi layout (area header rows, NO/KOMPONEN written once). Bad data is kept
for the checks to report; only a file that cannot be read at all raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

from zi_sheets.common.bahasa import from_roman
from zi_sheets.common.errors import UnreadableWorkbook
from zi_sheets.common.model import (
    EMPTY,
    IDENTITAS_FIELDS,
    LAPORAN_BAGIAN,
    NARASI_BAGIAN,
    ActiveFilter,
    CellRef,
    CellValue,
    Identitas,
    LaporanItem,
    LkeAnswer,
    LkeSheet,
    MekanismeStep,
    MonevEntry,
    NarasiItem,
    Penerimaan,
    PlanRow,
    RealisasiPeriod,
    RealisasiRow,
    TargetPrioritas,
    TimMember,
    Workbook,
)
from zi_sheets.common.text import area_number, is_bullet, normalize, split_marker
from zi_sheets.reading.source import Grid, Source, column_letter, open_xlsx

HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class Column:
    """A column a sheet may have: its field name and the header texts accepted for it (normalized).

    A `required` column may be stood in for by the column named `instead` (None: by none).
    """

    field: str
    headers: tuple[str, ...]
    required: bool = False
    instead: str | None = None


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
        Column("bagian", ("bagian", "bab", "sub bab", "subbab"), required=True, instead="judul"),
        # -- a Judul column holds the unit's own headings, printed as written (the unit's outline) --
        Column("judul", ("judul", "judul bagian", "judul bab", "heading")),
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
        Column("realisasi", ("realisasi", "capaian", "progres", "progress", "persentase realisasi")),
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
DITERIMA = SheetSpec(
    "Diterima",
    ("diterima", "temuan diterima", "pengecualian"),
    (
        Column("kode", ("kode", "kode temuan")),
        Column("sel", ("sel", "cell", "lokasi")),
        Column("nama", ("nama", "nama diterima", "nama instansi")),
        Column("alasan", ("alasan", "keterangan")),
    ),
)

LAPORAN_MONEV = SheetSpec(
    "LaporanMonev",
    ("laporanmonev", "laporan monev", "bab laporan monev", "narasi monev"),
    (
        Column("periode", ("periode", "periode laporan", "untuk periode")),
        Column("bagian", ("bagian", "bab", "sub bab", "subbab"), required=True),
        Column("isi", ("isi", "teks", "paragraf", "uraian"), required=True),
    ),
)
# -- The Realisasi sheet: Ref, the copies for reading, then one group of these columns per period, each
# -- group under its period label ("Triwulan I 2026") in the row above the headers. --
REALISASI_NAMES = ("realisasi", "realisasi rencana aksi", "monev rencana aksi", "matriks monev")
REALISASI_REF = Column("ref", ("ref", "ref rencana aksi", "no", "nomor", "no rencana aksi"), required=True)
REALISASI_COPY = Column("langkah_aksi", ("langkah aksi", "rencana aksi", "kegiatan", "uraian kegiatan"))
REALISASI_FIELDS: tuple[Column, ...] = (
    Column("status", ("status", "keterangan status", "status capaian")),
    Column("realisasi", ("realisasi", "capaian", "hasil", "realisasi kegiatan", "uraian realisasi")),
    Column(
        "tanggal_selesai",
        ("tanggal selesai", "tgl selesai", "tanggal realisasi", "waktu realisasi", "waktu selesai"),
    ),
    Column("bukti", ("bukti", "bukti dukung", "data dukung", "bukti fisik")),
    Column("kendala", ("kendala", "hambatan", "permasalahan")),
    Column("tindak_lanjut", ("tindak lanjut", "rencana tindak lanjut")),
    Column("target_revisi", ("target revisi", "revisi target", "target waktu revisi", "target baru")),
)

_IDENTITAS_VARIANTS = {
    "pemerintah daerah instansi induk": "Pemerintah Daerah",
    "pemda": "Pemerintah Daerah",
    "kementerian lembaga": "Instansi Induk",
    "kementerian": "Instansi Induk",
    "hierarki": "Instansi Induk",
    "hierarki unit": "Instansi Induk",
    "judul": "Judul Dokumen",
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


def read_workbook(path: str | Path) -> Workbook:
    """Read the workbook at `path`; raises UnreadableWorkbook when it cannot be read at all."""
    path = Path(path)
    book = open_xlsx(path)
    sheets = _SheetFinder(book, path)
    identitas = _read_identitas(sheets.require(IDENTITAS))
    sheets.year = identitas.tahun
    workbook = Workbook(path=path, identitas=identitas, sheets_present=tuple(book.sheetnames))
    workbook.rencana_aksi = _read_rencana_aksi(sheets.require(RENCANA_AKSI))
    narasi = sheets.optional(NARASI)
    if narasi is not None:
        workbook.narasi = _read_narasi(narasi)
        workbook.narasi_headings = "judul" in narasi.fields
    for spec, reader in (
        # -- a Monev month written without its year ("Mei") takes the plan year, as targets do
        (MONEV, lambda table: _read_monev(table, identitas.tahun)),
        (MEKANISME, _read_mekanisme),
        (TARGET_PRIORITAS, _read_target_prioritas),
        (TIM_KERJA, _read_tim_kerja),
        (PENGATURAN, _read_pengaturan),
        (LAPORAN_MONEV, _read_laporan_monev),
        (DITERIMA, _read_diterima),
    ):
        table = sheets.optional(spec)
        if table is not None:
            setattr(workbook, _ATTRIBUTE[spec.name], reader(table))
    realisasi = sheets.optional_grid("Realisasi", REALISASI_NAMES)
    layout = _realisasi_header(realisasi) if realisasi is not None else None
    if realisasi is not None and layout is None:
        # -- a sheet of another shape under that name is the unit's own: reported, never fatal --
        workbook.unrecognised_sheets.append(realisasi.title)
    elif realisasi is not None and layout is not None:
        workbook.realisasi_sheet = realisasi.title
        workbook.realisasi = _read_realisasi(realisasi, layout)
        sheets.note_hidden(realisasi, (r.row for r in workbook.realisasi))
    workbook.lke = _read_lke(sheets)
    workbook.hidden_rows = sheets.hidden_rows
    workbook.active_filters = sheets.active_filters
    workbook.uncached_formulas = book.uncached_formulas
    workbook.sheets_found = sheets.found
    return workbook


_ATTRIBUTE = {
    "Monev": "monev",
    "MekanismeTim": "mekanisme",
    "TargetPrioritas": "target_prioritas",
    "TimKerja": "tim_kerja",
    "Pengaturan": "pengaturan",
    "LaporanMonev": "laporan_monev",
    "Diterima": "diterima",
}


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
    """The records of one sheet below its header row.

    `fields` are the spec's columns found in the header row; `extra_headers` maps the key of every other
    headed column in a Record ("_<column index>") to its header as written (made unique), and
    the spec's columns listed in EXTRA_FIELDS (printed by the documents as the unit's own columns) are
    there under their field name.
    """

    sheet: str
    records: list[Record]
    fields: frozenset[str] = frozenset()
    extra_headers: dict[str, str] = dataclass_field(default_factory=dict)

    def extra(self, record: Record) -> dict[str, CellValue]:
        """The values of `record` in the columns a document prints after its standard ones (those the spec
        does not know, and its `EXTRA_FIELDS`), by header as written, in sheet order."""
        return {header: record.get(key) for key, header in self.extra_headers.items()}


# -- A year in a sheet name ("Monev 2026", "RencanaAksi_2026"): staff keep one sheet per year. --
_SHEET_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class _SheetFinder:
    """Finds sheets by name variants and turns them into Tables; remembers hidden rows for the checks.

    A name matches a variant ignoring case, spaces and punctuation, and also with a year in it
    ("Monev 2026"); of several such sheets the one of the plan's year (`year`) is read, else the latest.
    """

    def __init__(self, book: Source, path: Path) -> None:
        self.book = book
        self.path = path
        self.year: int | None = None
        self.hidden_rows: list[CellRef] = []
        self.found: dict[str, str] = {}
        self._by_name = {_key(name): name for name in book.sheetnames}
        self._dated: dict[str, list[tuple[int, str]]] = {}
        for name in book.sheetnames:
            years = _SHEET_YEAR.findall(normalize(name))
            if len(years) == 1:
                key = _key(_SHEET_YEAR.sub(" ", normalize(name)))
                self._dated.setdefault(key, []).append((int(years[0]), name))
        self.active_filters: list[ActiveFilter] = []

    def _find(self, spec: SheetSpec) -> str | None:
        variants = [_key(variant) for variant in (spec.name, *spec.variants)]
        found = next((self._by_name[key] for key in variants if key in self._by_name), None)
        if found is None:
            dated = next((self._dated[k] for k in variants if k in self._dated), [])
            of_year = [name for year, name in dated if year == self.year]
            found = of_year[0] if of_year else max(dated, default=(0, None))[1]
        if found is not None:
            self.found[spec.name] = found
        return found

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

    def optional_grid(self, name: str, variants: tuple[str, ...]) -> Grid | None:
        """The cells of an optional sheet a reader of its own walks, None when the workbook has none."""
        found = self._find(SheetSpec(name, variants, ()))
        return None if found is None else self.book.grid(found)

    def note_hidden(self, grid: Grid, rows: Iterable[int]) -> None:
        """Remember which of `rows` (read from `grid`) are hidden, for the checks."""
        self.hidden_rows += [CellRef(grid.title, row, "A") for row in rows if grid.is_hidden(row)]

    def _table(self, name: str, spec: SheetSpec) -> Table:
        grid = self.book.grid(name)
        header_row, columns = _find_header(grid, spec, self.path)
        records = []
        filtered: list[int] = []
        for row in range(header_row + 1, grid.max_row + 1):
            by_column = {col: grid.value(row, col) for col in grid.columns}
            texts = [value.text for value in by_column.values() if value]
            if not texts or _is_column_numbering(texts):
                continue
            values = {field: by_column[col] for field, col in columns.items()}
            extra = {f"_{col}": value for col, value in by_column.items() if col not in columns.values()}
            if grid.is_filtered(row):
                filtered.append(row)
            elif grid.is_hidden(row):
                self.hidden_rows.append(CellRef(name, row, "A"))
            records.append(Record(row, {**values, **extra}))
        if grid.filter is not None and filtered:
            self.active_filters.append(ActiveFilter(grid.filter[0], tuple(filtered)))
        headers = _extra_headers(grid, header_row, columns, spec.name)
        return Table(name, records, frozenset(columns), headers)


# -- Columns the reader knows (for the checks) that the documents print only as the unit's own columns,
# -- after the standard ones: a plan's Realisasi. --
EXTRA_FIELDS = {"RencanaAksi": ("realisasi",)}


def _extra_headers(grid: Grid, header_row: int, columns: dict[str, int], sheet: str) -> dict[str, str]:
    """Record key -> header as written of the headed columns the spec does not know (or lists in
    EXTRA_FIELDS), in sheet order; a header written twice is told apart by its column letter."""
    headers: dict[str, str] = {}
    printed = {columns[name]: name for name in EXTRA_FIELDS.get(sheet, ()) if name in columns}
    known = set(columns.values()) - set(printed)
    for col in grid.columns:
        header = " ".join(grid.value(header_row, col).text.split()) if header_row else ""
        if col in known or not header:
            continue
        if header in headers.values():
            header = f"{header} ({column_letter(col)})"
        headers[printed.get(col, f"_{col}")] = header
    return headers


def _key(name: str) -> str:
    """How sheet names are compared: "Rencana Aksi", "RENCANA_AKSI" and "RencanaAksi" alike."""
    return normalize(name).replace(" ", "")


def _find_header(grid: Grid, spec: SheetSpec, path: Path) -> tuple[int, dict[str, int]]:
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
    missing = [
        c for c in spec.columns if c.required and c.field not in found and (c.instead or "") not in found
    ]
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
        if name == "Instansi Induk" and name in fields and record.get("nilai"):
            # -- the hierarchy may be written one level a row ("Instansi Induk 1", "Instansi Induk 2") --
            first, more = fields[name], record.get("nilai")
            text = "\n".join(part for part in (first.text, more.text) if part)
            fields[name] = CellValue(text, first.cell or more.cell, text)
        elif name is not None and name not in fields:
            fields[name] = record.get("nilai")
    return Identitas(fields)


def _read_narasi(table: Table) -> list[NarasiItem]:
    """The Narasi rows in order. With a Judul column, each heading written there becomes a heading item
    and names the section of the rows below it; else Bagian names one of NARASI_BAGIAN."""
    if "judul" in table.fields:
        return _read_narasi_outline(table)
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
        if record.get("isi"):
            items.append(_narasi_item(bagian, record.get("isi"), keep_bullets=False))
    return items


def _read_narasi_outline(table: Table) -> list[NarasiItem]:
    items = []
    bagian = ""
    for record in table.records:
        judul = record.get("judul")
        if judul:
            bagian = " ".join(judul.text.split())
            items.append(NarasiItem(bagian, judul, is_heading=True))
        if record.get("isi"):
            items.append(_narasi_item(bagian, record.get("isi"), keep_bullets=True))
    return items


def _narasi_item(bagian: str, isi: CellValue, *, keep_bullets: bool) -> NarasiItem:
    """A paragraph, or a list item when its text starts with a marker, kept in `marker` as written; in the
    classic sheet a bullet ("- ") asks the document to number the item and is not kept."""
    marker, rest = split_marker(isi.text)
    if not marker:
        return NarasiItem(bagian, isi)
    return NarasiItem(
        bagian,
        CellValue(rest, isi.cell, isi.raw),
        is_list_item=True,
        marker="" if is_bullet(marker) and not keep_bullets else marker,
    )


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
                realisasi=record.get("realisasi"),
                extra=table.extra(record),
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


def _read_monev(table: Table, plan_year: int | None) -> list[MonevEntry]:
    from zi_sheets.common.dates import parse_target

    entries = []
    bulan = EMPTY
    for record in table.records:
        if record.get("bulan"):
            bulan = record.get("bulan")
        capaian = record.get("capaian")
        if not capaian and not record.get("area"):
            continue
        parsed = parse_target(bulan.raw if bulan.raw is not None else bulan.text, plan_year)
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


@dataclass(frozen=True)
class RealisasiLayout:
    """Where things are in a Realisasi sheet: the header row, the Ref column, the copies beside it (None
    when absent) and the period groups, each (label from the row above or EMPTY, field -> column)."""

    header_row: int
    ref_col: int
    copy_col: int | None
    target_col: int | None
    groups: tuple[tuple[CellValue, dict[str, int]], ...]


def has_sheet(names: Iterable[str], spec: SheetSpec) -> bool:
    """True when one of `names` is the sheet of `spec` (by its name or a variant, as the reader finds it)."""
    wanted = {normalize(variant).replace(" ", "") for variant in (spec.name, *spec.variants)}
    return any(normalize(name).replace(" ", "") in wanted for name in names)


def realisasi_layout(path: str | Path) -> tuple[str, RealisasiLayout | None] | None:
    """The Realisasi sheet of the workbook at `path`: its name and layout (None when it is not laid out as
    one); None when the workbook has no such sheet."""
    path = Path(path)
    grid = _SheetFinder(open_xlsx(path), path).optional_grid("Realisasi", REALISASI_NAMES)
    return None if grid is None else (grid.title, _realisasi_header(grid))


def _read_realisasi(grid: Grid, layout: RealisasiLayout) -> list[RealisasiRow]:
    rows = []
    for row in range(layout.header_row + 1, grid.max_row + 1):
        ref = grid.value(row, layout.ref_col)
        periods = []
        for label, columns in layout.groups:
            values = {name: grid.value(row, col) for name, col in columns.items()}
            if any(values.values()):
                periods.append(RealisasiPeriod(label, **values))
        if ref or periods:
            copy = grid.value(row, layout.copy_col) if layout.copy_col else EMPTY
            rows.append(RealisasiRow(row, ref, copy, tuple(periods)))
    return rows


def _realisasi_header(grid: Grid) -> RealisasiLayout | None:
    """The layout of a Realisasi sheet; None when it has no header row with Ref and a period column.

    The header row is the one (within the first rows) with the most period columns; a group starts at a
    new label in the row above, or where a field repeats.
    """
    fields = {header: column.field for column in REALISASI_FIELDS for header in column.headers}
    best: tuple[int, int] = (0, 0)
    for row in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
        texts = [normalize(grid.value(row, col).text) for col in grid.columns]
        count = sum(1 for text in texts if text in fields)
        if any(text in REALISASI_REF.headers for text in texts) and count > best[1]:
            best = (row, count)
    header_row = best[0]
    if not header_row:
        return None
    ref_col = copy_col = target_col = None
    groups: list[tuple[CellValue, dict[str, int]]] = []
    for col in grid.columns:
        header = normalize(grid.value(header_row, col).text)
        above = grid.value(header_row - 1, col) if header_row > 1 else EMPTY
        if ref_col is None and header in REALISASI_REF.headers:
            ref_col = col
        elif copy_col is None and not groups and header in REALISASI_COPY.headers:
            copy_col = col
        elif target_col is None and not groups and header in ("target waktu", "target"):
            target_col = col
        elif header in fields:
            relabelled = bool(above) and (not groups or above.text != groups[-1][0].text)
            if not groups or relabelled or fields[header] in groups[-1][1]:
                groups.append((above, {}))
            groups[-1][1][fields[header]] = col
    return RealisasiLayout(header_row, ref_col or 1, copy_col, target_col, tuple(groups))


def _read_laporan_monev(table: Table) -> list[LaporanItem]:
    items = []
    bagian, periode = "", EMPTY
    canonical = {normalize(name): name for name in LAPORAN_BAGIAN}
    for record in table.records:
        written = record.get("bagian").text
        if written:
            bagian, periode = _laporan_bagian(written, canonical), record.get("periode")
        elif record.get("periode"):
            periode = record.get("periode")
        isi = record.get("isi")
        if not isi and bagian != "Tanggal Laporan":
            continue  # -- an empty Tanggal Laporan is kept: it asks for an undated report
        marker, rest = split_marker(isi.text)
        if marker:
            isi = CellValue(rest, isi.cell, isi.raw)
        items.append(LaporanItem(bagian, isi, periode, is_list_item=bool(marker)))
    return items


# -- Other names staff give the report's parts. --
_LAPORAN_VARIANTS = {
    "kendala": "Permasalahan",
    "kendala permasalahan": "Permasalahan",
    "permasalahan kendala": "Permasalahan",
    "hambatan": "Permasalahan",
    "masalah": "Permasalahan",
    "maksud dan tujuan": "Tujuan",
    "maksud": "Tujuan",
    "tujuan monev": "Tujuan",
    "rekomendasi": "Saran",
    "saran rekomendasi": "Saran",
    "rencana tindak lanjut": "Tindak Lanjut",
    "pengantar": "Kata Pengantar",
    "tanggal": "Tanggal Laporan",
    "tanggal penandatanganan": "Tanggal Laporan",
    "tanggal tanda tangan": "Tanggal Laporan",
    "pelaksanaan monev": "Pelaksanaan",
    "pelaksanaan monitoring dan evaluasi": "Pelaksanaan",
    "hasil pelaksanaan": "Pelaksanaan",
    "landasan hukum": "Dasar Hukum",
}


def _laporan_bagian(written: str, canonical: dict[str, str]) -> str:
    """The LAPORAN_BAGIAN a written Bagian names ("1.2 Tujuan" -> Tujuan), else the text as written."""
    norm = re.sub(r"^(?:bab [ivx]+ |[ivx]+ |[a-z] |\d+(?: \d+)* )", "", normalize(written))
    return canonical.get(norm) or _LAPORAN_VARIANTS.get(norm) or written


def _read_mekanisme(table: Table) -> list[MekanismeStep]:
    return [MekanismeStep(r.row, _strip_marker(r.get("langkah"))) for r in table.records if r.get("langkah")]


def _read_target_prioritas(table: Table) -> list[TargetPrioritas]:
    return [
        TargetPrioritas(r.row, _strip_marker(r.get("target")), r.get("area"), table.extra(r))
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
    from zi_sheets.reading.house_style import SETTINGS

    canonical = {normalize(setting.name): setting.name for setting in SETTINGS}
    found: dict[str, CellValue] = {}
    for record in table.records:
        name = canonical.get(normalize(record.get("nama").text))
        if name is not None and name not in found:
            found[name] = record.get("nilai")
    return found


def _read_diterima(table: Table) -> list[Penerimaan]:
    return [
        Penerimaan(r.row, r.get("kode"), r.get("sel"), r.get("nama"), r.get("alasan"))
        for r in table.records
        if r.get("kode") or r.get("sel") or r.get("nama")
    ]


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


def _strip_marker(value: CellValue) -> CellValue:
    """A list item without the number or bullet typed before it (the documents number their lists)."""
    marker, rest = split_marker(value.text)
    return CellValue(rest, value.cell, value.raw) if marker else value
