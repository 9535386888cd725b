"""Next year's workbook from this year's (`zi-sheets init --dari LAMA.xlsx --tahun N`).

The old workbook is read as every command reads it (`reading.read_workbook`, any earlier format), and a new
one in today's format (`template.new_workbook.build_template`) is filled from it: Identitas, the Narasi as
written, every plan row with its targets a year on (`common.dates.shift_target`), the team, the Mekanisme,
the Target Prioritas and the Pengaturan. Monev, Realisasi and LaporanMonev start empty; the old LKE answers
become the read-only sheet `LKE Tahun Lalu` that `nilai` compares with. A 52/2014 plan rolled into a 90/2021
year has its komponen named by the 90/2021 catalogue (`analysis.matching`). What the tool cannot decide is
listed for a person (`Leftover`): cells still naming the old year, rows without a komponen in the new
catalogue, the leader to confirm. The old file is only read; the new one is written atomically.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.worksheet.worksheet import Worksheet

from zi_sheets.common.bahasa import roman
from zi_sheets.common.catalogue import REGULATIONS, load_catalogue, regulation_key
from zi_sheets.common.dates import shift_target
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.files import write_atomic
from zi_sheets.common.model import AREAS, EMPTY, CellValue, PlanRow, TargetPrioritas, Workbook
from zi_sheets.common.text import normalize
from zi_sheets.common.xlsx_book import keep_as_text
from zi_sheets.reading.schema import (
    IDENTITAS,
    LKE_TAHUN_LALU,
    MEKANISME,
    NARASI,
    PENGATURAN,
    REALISASI,
    RENCANA_AKSI,
    TARGET_PRIORITAS,
    TIM_KERJA,
)
from zi_sheets.template.layout import REALISASI_PERIODS, WRAP, header_cell, new_sheet_at, write_realisasi

if TYPE_CHECKING:
    from zi_sheets.lke.answers import AnswerSheet

# -- PermenPANRB 52/2014 as texts cite it: "Nomor 52 Tahun 2014", "52/2014". --
_OLD_REGULATION = re.compile(r"(?<!\d)52\s*(?:/|tahun\s+)2014(?!\d)", re.IGNORECASE)
# -- The plan's columns today's format writes, in its order, by model field. --
_PLAN_FIELDS = tuple(c.field for c in RENCANA_AKSI.columns if c.width is not None)
_REALISASI_HEADERS = frozenset(RENCANA_AKSI.column("realisasi").headers)


@dataclass(frozen=True)
class Leftover:
    """A cell of the new workbook a person must still look at, and why (one Indonesian sentence)."""

    cell: str
    reason: str

    def line(self) -> str:
        return f"{self.cell}: {self.reason}"


@dataclass(frozen=True)
class RollResult:
    """What `roll_over` wrote: the new file, its year and regulation, and what still needs a person."""

    path: Path
    tahun: int
    regulation: str
    rows: int
    members: int
    leftovers: tuple[Leftover, ...]
    mapped: bool = False


def first_working_day(year: int) -> dt.date:
    """The first working day of January: 1 January is a holiday (Tahun Baru), then the first weekday."""
    day = dt.date(year, 1, 2)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def roll_over(
    source: str | Path,
    target: str | Path,
    *,
    tahun: int | None = None,
    tanggal_penetapan: dt.date | None = None,
    periode: str = "triwulan",
    force: bool = False,
) -> RollResult:
    """Write at `target` the workbook of year `tahun` (default: the old year + 1) from the workbook at
    `source`, which is only read. ZiSheetsError when `target` exists and `force` is false, when it is the
    source, when `tahun` is not after the old year, or when either file cannot be read or written (no
    half-written file is left)."""
    from zi_sheets.reading.workbook import read_workbook

    source, target = Path(source), Path(target)
    if target.exists() and target.resolve() == source.resolve():
        raise ZiSheetsError(f"Berkas {target.name} adalah workbook lama; tulis tahun baru ke berkas lain.")
    if target.exists() and not force:
        raise ZiSheetsError(f"Berkas {target} sudah ada; pakai --timpa untuk menimpanya.")
    old = read_workbook(source)
    old_year = old.identitas.tahun
    if old_year is None:
        raise ZiSheetsError(
            f"Berkas {source.name}, sheet Identitas: Tahun tidak terbaca; isi tahun rencana lama lalu ulangi."
        )
    year = tahun if tahun is not None else old_year + 1
    if year <= old_year:
        raise ZiSheetsError(
            f"Tahun {year} tidak sesudah tahun workbook {source.name} ({old_year}); pilih tahun yang "
            "lebih baru."
        )
    plan = _NewPlan(old, old_year, year)
    plan.logo = _logo_from(old, target)
    penetapan = tanggal_penetapan or first_working_day(year)
    holder: dict[str, RollResult] = {}

    def write(temporary: str) -> None:
        book = _build(old, plan, penetapan, periode)
        book.save(temporary)
        # -- read back what was written: the Refs of the new plan and the cells a person must see are the
        # -- new workbook's own, as `check` will name them
        written = read_workbook(temporary)
        _fill_realisasi(book, written, year, periode)
        book.save(temporary)
        holder["result"] = RollResult(
            target,
            year,
            plan.regulation,
            len(old.rencana_aksi),
            len(old.tim_kerja),
            tuple(_leftovers(written, plan)),
            plan.mapped,
        )

    write_atomic(target, write)
    return holder["result"]


class _NewPlan:
    """The plan rows of the new year: targets a year on, komponen by the new catalogue when it changed."""

    def __init__(self, old: Workbook, old_year: int, year: int) -> None:
        from zi_sheets.analysis.analyse import regulation_of

        self.old_year, self.year = old_year, year
        self.old_regulation = regulation_of(old)
        # -- a plan never goes back to the older catalogue; otherwise the year decides (as `check` does)
        new = regulation_key("", year)
        self.regulation = "90-2021" if self.old_regulation == "90-2021" else new
        self.mapped = self.old_regulation != self.regulation
        self.unmatched: list[int] = []  # -- indexes of rows with no komponen in the new catalogue
        self.logo: str | None = None  # -- the Logo path as seen from the new workbook's folder
        self.rows = [self._row(index, row) for index, row in enumerate(old.rencana_aksi)]
        self.diterima = len(old.diterima)
        self.lke_problem = old.lke is not None and bool(old.lke.problem)

    def _row(self, index: int, row: PlanRow) -> dict[str, object]:
        values: dict[str, object] = {field: _value(getattr(row, field)) for field in _PLAN_FIELDS}
        values["target_waktu"] = shift_target(row.target_waktu.raw, self.year - self.old_year)
        if row.area_no is not None:
            values["area"] = f"{roman(row.area_no)}. {AREAS[row.area_no]}"
        if self.mapped:
            from zi_sheets.analysis.matching import match_row

            match = match_row(load_catalogue(self.regulation), replace(row, kode_lke=EMPTY))
            values["kode_lke"] = match.indicator.code if match.indicator is not None else None
            if match.komponen is not None:
                values["komponen"] = match.komponen.name
            else:
                self.unmatched.append(index)
        return values


def _value(value: CellValue) -> object:
    """What a new cell holds for an old one: a number or date as it was, text as read."""
    if isinstance(value.raw, int | float | dt.date) and not isinstance(value.raw, bool):
        return value.raw
    return value.text or None


def _put(sheet: Worksheet, row: int, col: int, value: object) -> None:
    cell = sheet.cell(row, col)
    if isinstance(value, str):
        keep_as_text(cell, value)  # -- the user's text, even one like "=…", never a formula
    else:
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = "d mmmm yyyy"
    cell.alignment = WRAP


def _clear(sheet: Worksheet) -> None:
    """Remove the rows below the header that `init` filled with its standard content."""
    if sheet.max_row > 1:
        sheet.delete_rows(2, sheet.max_row - 1)


def _build(old: Workbook, plan: _NewPlan, penetapan: dt.date, periode: str) -> XlsxWorkbook:
    from zi_sheets.template.new_workbook import build_template

    unit = old.identitas.nama_unit
    book = build_template(unit_kerja=unit, tahun=plan.year, regulasi=plan.regulation, periode=periode)
    _write_identitas(book[IDENTITAS.name], old, plan, penetapan)
    _write_narasi(book[NARASI.name], old)
    _write_plan(book[RENCANA_AKSI.name], old, plan)
    if old.mekanisme:
        _write_numbered(book[MEKANISME.name], [step.langkah for step in old.mekanisme])
    _write_targets(book[TARGET_PRIORITAS.name], old.target_prioritas)
    tim = book[TIM_KERJA.name]
    for index, member in enumerate(old.tim_kerja, start=2):
        values = (index - 1, member.nama.text, member.nip.text, member.jabatan.text, member.kedudukan.text)
        for col, value in enumerate(values, start=1):
            _put(tim, index, col, value or None)
    _write_pengaturan(book[PENGATURAN.name], old)
    if old.lke is not None and old.lke.rows and not old.lke.problem:
        _write_baseline(book, old, plan.old_regulation)
    return book


def _write_identitas(sheet: Worksheet, old: Workbook, plan: _NewPlan, penetapan: dt.date) -> None:
    fixed: dict[str, object] = {
        "Tahun": plan.year,
        "Tanggal Penetapan": penetapan,
        "Regulasi": REGULATIONS[plan.regulation],
    }
    if plan.logo is not None:
        fixed["Logo"] = plan.logo
    for row in sheet.iter_rows(min_row=2, max_col=2):
        name = row[0].value
        if not isinstance(name, str):
            continue
        if name in fixed:
            value = fixed[name]
        else:
            found = old.identitas.get(name)
            # -- an NIP as written (spaces and all), never a number that would lose its leading digits
            value = found.text if name.startswith("NIP") else _value(found)
        if value is not None:
            _put(sheet, row[0].row, 2, value)


def _logo_from(old: Workbook, target: Path) -> str | None:
    """A relative Logo path that finds the image from the new workbook's folder too (it is read from the
    workbook's own folder); None when it needs no change."""
    written = old.identitas.text("Logo")
    if not written or Path(written).is_absolute():
        return None
    image = (old.path.parent / written).resolve()
    if not image.is_file() or (target.parent / written).resolve() == image:
        return None
    try:
        return os.path.relpath(image, target.parent.resolve())
    except ValueError:  # -- another drive (Windows): the full path
        return str(image)


def _write_narasi(sheet: Worksheet, old: Workbook) -> None:
    """The Narasi as the unit wrote it: its headings (a Judul column) or its sections (Bagian), and each
    paragraph with the marker it was typed with."""
    if not old.narasi:
        return
    _clear(sheet)
    if not old.narasi_headings:
        header_cell(sheet, 1, 1, NARASI.column("bagian").label, None)
    for index, item in enumerate(old.narasi, start=2):
        text = item.isi.raw if isinstance(item.isi.raw, str) else item.isi.text
        if old.narasi_headings:
            _put(sheet, index, 1 if item.is_heading else 2, text.strip() or None)
        else:
            _put(sheet, index, 1, item.bagian)
            _put(sheet, index, 2, text.strip() or None)


def _write_plan(sheet: Worksheet, old: Workbook, plan: _NewPlan) -> None:
    _clear(sheet)
    extras: list[str] = []
    for row in old.rencana_aksi:
        extras += [header for header in row.extra if header not in extras]
    first_extra = len(_PLAN_FIELDS) + 1
    for offset, header in enumerate(extras):
        header_cell(sheet, 1, first_extra + offset, header, 16)
    for index, (values, row) in enumerate(zip(plan.rows, old.rencana_aksi, strict=True), start=2):
        for col, field in enumerate(_PLAN_FIELDS, start=1):
            _put(sheet, index, col, values[field])
        for offset, header in enumerate(extras):
            # -- the plan's own Realisasi column is kept, empty: this year's realisation is not done yet
            if normalize(header) not in _REALISASI_HEADERS:
                _put(sheet, index, first_extra + offset, _value(row.extra.get(header, EMPTY)))
    _merge_as_before(sheet, old.rencana_aksi, len(_PLAN_FIELDS))


def _merge_as_before(sheet: Worksheet, rows: Sequence[PlanRow], columns: int) -> None:
    """Merge down again what the old plan merged down (a Komponen over its rows): rows sharing one merged
    cell of a field are one cell in the new plan too, so a komponen stays one komponen."""
    for col, field in enumerate(_PLAN_FIELDS[:columns], start=1):
        start = 0
        for index in range(1, len(rows) + 1):
            same = (
                index < len(rows)
                and getattr(rows[index], field).cell is not None
                and getattr(rows[index], field).cell == getattr(rows[start], field).cell
                and getattr(rows[index], field).cell.row != rows[index].row
            )
            if not same:
                if index - start > 1:
                    sheet.merge_cells(
                        start_row=start + 2, start_column=col, end_row=index + 1, end_column=col
                    )
                start = index


def _write_numbered(sheet: Worksheet, rows: Sequence[CellValue]) -> None:
    _clear(sheet)
    for index, value in enumerate(rows, start=2):
        _put(sheet, index, 1, index - 1)
        _put(sheet, index, 2, value.text or None)


def _write_targets(sheet: Worksheet, rows: Sequence[TargetPrioritas]) -> None:
    """The Target Prioritas with the unit's own columns (Indikator, Target ...) after the standard ones."""
    extras: list[str] = []
    for row in rows:
        extras += [header for header in row.extra if header not in extras]
    first_extra = len(TARGET_PRIORITAS.init_columns) + 1
    for offset, header in enumerate(extras):
        header_cell(sheet, 1, first_extra + offset, header, 20)
    for index, row in enumerate(rows, start=2):
        _put(sheet, index, 1, index - 1)
        _put(sheet, index, 2, row.target.text or None)
        _put(sheet, index, 3, row.area.text or None)
        for offset, header in enumerate(extras):
            _put(sheet, index, first_extra + offset, _value(row.extra.get(header, EMPTY)))


def _write_pengaturan(sheet: Worksheet, old: Workbook) -> None:
    for row in sheet.iter_rows(min_row=2, max_col=2):
        name = row[0].value
        found = old.pengaturan.get(name) if isinstance(name, str) else None
        if found:
            _put(sheet, row[0].row, 2, _value(found))


def _write_baseline(book: XlsxWorkbook, old: Workbook, regulation: str) -> None:
    """Last year's LKE answers with what each scored and the totals, protected against editing: the
    baseline `nilai` compares this year's answers with."""
    from zi_sheets.lke.answers import read_answers
    from zi_sheets.lke.items import load_lke
    from zi_sheets.lke.score import compute

    lke = load_lke(regulation)
    answers: AnswerSheet = read_answers(lke, old.lke)
    score = compute(lke, answers.answers)
    sheet = new_sheet_at(
        book.create_sheet(LKE_TAHUN_LALU.name, index=book.sheetnames.index("LKE") + 1), LKE_TAHUN_LALU
    )
    assert old.lke is not None
    row_index = 2
    for row in old.lke.rows:
        item = lke.item(row.kode.text)
        added = score.added.get(item.code) if item is not None else None
        values = (row.kode.text, _value(row.jawaban), row.bukti_dukung.text, row.catatan.text, added)
        for col, value in enumerate(values, start=1):
            _put(sheet, row_index, col, value if value not in ("", None) else None)
        row_index += 1
    for label, figure in (
        ("Pengungkit", score.pengungkit),
        ("Hasil", score.hasil),
        ("Nilai total", score.total),
    ):
        _put(sheet, row_index + 1, 4, label)
        _put(sheet, row_index + 1, 5, round(figure, 2))
        row_index += 1
    sheet.protection.sheet = True  # -- read-only: a baseline is what was, not something to fill in


def _fill_realisasi(book: XlsxWorkbook, written: Workbook, year: int, periode: str) -> None:
    """The Realisasi sheet again, one empty row per plan row of the new workbook under its own Ref."""
    from zi_sheets.analysis.monev_match import PlanRefs
    from zi_sheets.analysis.realisasi import langkah_copy

    index = book.sheetnames.index(REALISASI.name)
    del book[REALISASI.name]
    sheet = book.create_sheet(REALISASI.name, index=index)
    refs = PlanRefs(written.rencana_aksi)
    rows = [(refs.own_ref(row), langkah_copy(row), row.target_waktu.text) for row in written.rencana_aksi]
    write_realisasi(sheet, rows, [f"{label} {year}" for label in REALISASI_PERIODS[periode]])


def _leftovers(written: Workbook, plan: _NewPlan) -> list[Leftover]:
    """What a person must still see in the new workbook, sheet by sheet as the cells stand."""
    from zi_sheets.checks.texts import cell_texts

    found: list[Leftover] = []
    for index in plan.unmatched:
        row = written.rencana_aksi[index]
        komponen = row.komponen.text or "(kosong)"
        found.append(
            Leftover(
                str(row.komponen.cell or f"RencanaAksi!C{row.row}"),
                f"komponen '{komponen}' tidak ada padanannya di katalog {REGULATIONS[plan.regulation]}; "
                "baris tetap ada, pilih komponennya.",
            )
        )
    texts = [value for value in cell_texts(written) if value.cell is not None]
    if plan.mapped:
        # -- the Dasar Hukum of a plan moved to the new catalogue still cites the old regulation
        cited = [v for v in texts if _OLD_REGULATION.search(v.text)]
        found += [
            Leftover(str(v.cell), f"masih merujuk PermenPANRB 52/2014; tahun {plan.year} memakai 90/2021.")
            for v in cited
        ]
    # -- Identitas too, but not the Regulasi `init` wrote ("PermenPANRB 90/2021" is a title, not a year)
    texts += [v for name, v in written.identitas.fields.items() if v.cell is not None and name != "Regulasi"]
    for value in texts:
        if old_year_named(value.text, plan.old_year):
            found.append(
                Leftover(str(value.cell), f"masih menyebut tahun {plan.old_year}: '{_short(value.text)}'.")
            )
    if plan.lke_problem:
        found.append(
            Leftover(
                "LKE",
                "sheet LKE tahun lalu tidak terbaca sebagai jawaban zi-sheets, jadi tidak disimpan sebagai "
                "pembanding di 'LKE Tahun Lalu'.",
            )
        )
    if plan.diterima:
        found.append(
            Leftover(
                "Diterima",
                f"{plan.diterima} baris Diterima tahun lalu tidak dibawa (sel dan temuannya berubah); terima "
                "ulang yang masih berlaku.",
            )
        )
    for field in ("Nama Pimpinan", "NIP Pimpinan"):
        value = written.identitas.get(field)
        shown = value.text or "(kosong)"
        found.append(
            Leftover(
                str(value.cell or "Identitas"), f"{field} '{shown}': pastikan masih benar tahun {plan.year}."
            )
        )
    return sorted(found, key=_cell_order(written))


def old_year_named(text: str, old_year: int) -> bool:
    """Whether `text` still names `old_year` as something to renew: in a date or a number ("TA.2019",
    "800/12/2019": last year's decree), or as the end of a period ("Road Map 2020-2024" is over); not in a
    citation of a regulation ("Nomor 90 Tahun 2021") nor inside a period that runs on ("2020-2026")."""
    from zi_sheets.checks.texts import year_mentions

    mentions = year_mentions(text)
    for index, mention in enumerate(mentions):
        if mention.year != old_year or mention.kind == "citation":
            continue
        after = mentions[index + 1] if index + 1 < len(mentions) else None
        starts_a_span = mention.kind == "span" and after is not None and after.kind == "span"
        if not starts_a_span:
            return True
    return False


def _short(text: str, width: int = 70) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "\u2026"


def _cell_order(written: Workbook) -> Callable[[Leftover], tuple[int, int, str]]:
    sheets = {name: index for index, name in enumerate(written.sheets_present)}

    def key(leftover: Leftover) -> tuple[int, int, str]:
        sheet, _, cell = leftover.cell.partition("!")
        digits = "".join(ch for ch in cell if ch.isdigit())
        return (sheets.get(sheet, len(sheets)), int(digits or 0), cell)

    return key
