"""Read a ZI workbook into the model: each sheet's table (`reading.tables`) turned into model objects.

`source.py` opens the file safely and hands out cell values, `schema.py` says which sheets and columns
there are, `tables.py` finds them; this module knows what the rows mean. Tolerant of the layouts staff
actually use, among them the grouped Rencana Aksi layout (area header rows, NO/KOMPONEN written once). Bad
data is kept for the checks to report; only a file that cannot be read at all raises.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from pathlib import Path

from zi_sheets.common.bahasa import from_roman
from zi_sheets.common.catalogue import current_name
from zi_sheets.common.errors import UnreadableWorkbook
from zi_sheets.common.model import (
    EMPTY,
    IDENTITAS_FIELDS,
    NARASI_BAGIAN,
    CellValue,
    Identitas,
    LkeAnswer,
    LkeSheet,
    MekanismeStep,
    MonevEntry,
    NarasiItem,
    Penerimaan,
    PlanRow,
    TargetPrioritas,
    TimMember,
    Workbook,
    impossible_day,
)
from zi_sheets.common.text import area_number, is_bullet, normalize, split_marker
from zi_sheets.reading.laporan_sheet import read_laporan_monev
from zi_sheets.reading.realisasi_sheet import read_realisasi, realisasi_header
from zi_sheets.reading.schema import (
    DITERIMA,
    IDENTITAS,
    LAPORAN_MONEV,
    LKE,
    LKE_TAHUN_LALU,
    MEKANISME,
    MONEV,
    NARASI,
    PENGATURAN,
    REALISASI,
    RENCANA_AKSI,
    TARGET_PRIORITAS,
    TIM_KERJA,
    SheetSchema,
)
from zi_sheets.reading.source import open_xlsx
from zi_sheets.reading.tables import Record, SheetFinder, Table

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
    with _collector_paused():
        return _read_workbook(Path(path))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """-- Reading makes millions of small objects (a value and a cell per cell read) and no reference
    -- cycles: with the cyclic collector on, each of its full passes walks every object made so far, half
    -- the read time of a 100,000-row Realisasi. Counting references frees what reading drops. --"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_workbook(path: Path) -> Workbook:
    book = open_xlsx(path)
    sheets = SheetFinder(book, path)
    identitas = _read_identitas(sheets.require(IDENTITAS))
    sheets.year = identitas.tahun
    workbook = Workbook(path=path, identitas=identitas, sheets_present=tuple(book.sheetnames))
    plan = sheets.require(RENCANA_AKSI)
    workbook.rencana_aksi = _read_rencana_aksi(plan)
    workbook.plan_columns = plan.fields
    if (narasi := sheets.optional(NARASI)) is not None:
        workbook.narasi = _read_narasi(narasi)
        workbook.narasi_headings = "judul" in narasi.fields
    # -- the optional sheets in this order: it is the order of `sheets_found` and of the hidden rows --
    if (table := sheets.optional(MONEV)) is not None:
        # -- a Monev month written without its year ("Mei") takes the plan year, as targets do
        workbook.monev = _read_monev(table, identitas.tahun)
    if (table := sheets.optional(MEKANISME)) is not None:
        workbook.mekanisme = _read_mekanisme(table)
    if (table := sheets.optional(TARGET_PRIORITAS)) is not None:
        workbook.target_prioritas = _read_target_prioritas(table)
    if (table := sheets.optional(TIM_KERJA)) is not None:
        workbook.tim_kerja = _read_tim_kerja(table)
    if (table := sheets.optional(PENGATURAN)) is not None:
        workbook.pengaturan = _read_pengaturan(table)
    if (table := sheets.optional(LAPORAN_MONEV)) is not None:
        workbook.laporan_monev = read_laporan_monev(table)
    if (table := sheets.optional(DITERIMA)) is not None:
        workbook.diterima = _read_diterima(table)
    realisasi = sheets.optional_grid(REALISASI)
    layout = realisasi_header(realisasi) if realisasi is not None else None
    if realisasi is not None and layout is None:
        # -- a sheet of another shape under that name is the unit's own: reported, never fatal --
        workbook.unrecognised_sheets.append(realisasi.title)
    elif realisasi is not None and layout is not None:
        workbook.realisasi_sheet = realisasi.title
        workbook.realisasi = read_realisasi(realisasi, layout)
        sheets.note_hidden(realisasi, (r.row for r in workbook.realisasi))
    workbook.lke = _read_lke(sheets)
    workbook.lke_tahun_lalu = _read_lke(sheets, LKE_TAHUN_LALU)
    workbook.hidden_rows = sheets.hidden_rows
    workbook.active_filters = sheets.active_filters
    workbook.uncached_formulas = book.uncached_formulas
    workbook.sheets_found = sheets.found
    return workbook


def _has_content(record: Record, sheet: SheetSchema) -> bool:
    """True when `record` holds a value in one of the `content` columns of `sheet`."""
    return any(record.get(name) for name in sheet.content)


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
            komponen, no = _mended(record.get("komponen")), record.get("no")
        rows.append(
            PlanRow(
                row=record.row,
                area_no=area_no,
                area=area,
                komponen=komponen,
                indikator=_mended(record.get("indikator")),
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


def _mended(value: CellValue) -> CellValue:
    """A komponen or indicator name cut or misspelled by an earlier zi-sheets version ("Peta Proses Bisnis
    Mempengaruhi"), read as the catalogue's name: the unit never wrote it, so no finding and no document
    shows it."""
    now = current_name(value.text) if value else None
    return CellValue(now, value.cell, now) if now is not None else value


def _area_header(record: Record) -> tuple[int | None, CellValue] | None:
    """(area number, area cell) when the row is a grouped-layout area row ("I" | "MANAJEMEN PERUBAHAN")."""
    if _has_content(record, RENCANA_AKSI):
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
        if not _has_content(record, MONEV):
            continue
        parsed = parse_target(bulan.raw if bulan.raw is not None else bulan.text, plan_year)
        month = next(iter(parsed.months)) if len(parsed.months) == 1 else None
        if isinstance(bulan.raw, str) and impossible_day(bulan.text):
            month = None  # -- "30 Februari 2024": a typing error, not February
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
    return [
        MekanismeStep(r.row, _strip_marker(r.get("langkah")))
        for r in table.records
        if _has_content(r, MEKANISME)
    ]


def _read_target_prioritas(table: Table) -> list[TargetPrioritas]:
    return [
        TargetPrioritas(r.row, _strip_marker(r.get("target")), r.get("area"), table.extra(r))
        for r in table.records
        if _has_content(r, TARGET_PRIORITAS)
    ]


def _read_tim_kerja(table: Table) -> list[TimMember]:
    return [
        TimMember(r.row, r.get("nama"), r.get("nip"), r.get("jabatan"), r.get("kedudukan"))
        for r in table.records
        if _has_content(r, TIM_KERJA)
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
        if _has_content(r, DITERIMA)
    ]


def _read_lke(sheets: SheetFinder, schema: SheetSchema = LKE) -> LkeSheet | None:
    name = sheets.find(schema)
    if name is None:
        return None
    try:
        table = sheets.table(name, schema)
    except UnreadableWorkbook as error:
        # -- a sheet called LKE in another layout (a copy of the official LKE) must not make a workbook
        # -- that read before unreadable now; the checks report why it was not read --
        return LkeSheet(name, problem=str(error))
    rows = tuple(
        LkeAnswer(r.row, r.get("kode"), r.get("jawaban"), r.get("bukti_dukung"), r.get("catatan"))
        for r in table.records
        if _has_content(r, schema)
    )
    return LkeSheet(name, rows)


def _strip_marker(value: CellValue) -> CellValue:
    """A list item without the number or bullet typed before it (the documents number their lists)."""
    marker, rest = split_marker(value.text)
    return CellValue(rest, value.cell, value.raw) if marker else value
