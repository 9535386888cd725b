"""Bring an existing workbook's Realisasi sheet up to its plan (`zi-sheets init --sinkron-realisasi`)."""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.worksheet.worksheet import Worksheet

from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.files import Rewrite, rewrite_in_place
from zi_sheets.reading.schema import LAPORAN_MONEV, REALISASI, has_sheet
from zi_sheets.template.layout import (
    REALISASI_PERIODS,
    append_realisasi_rows,
    copy_text,
    new_sheet_at,
    write_laporan_monev,
    write_realisasi,
)

if TYPE_CHECKING:
    from zi_sheets.reading.realisasi_sheet import RealisasiLayout


@dataclass(frozen=True)
class SyncResult:
    """What `sync_realisasi` did: the rows added, the sheets created, the copy of the file as it was, and
    notes for the user."""

    path: Path
    backup: Path
    added: int
    created: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def sync_realisasi(path: str | Path, *, periode: str = "triwulan") -> SyncResult:
    """Give every plan row of the workbook at `path` a row in its Realisasi sheet, without changing anything
    staff typed: new rows go below the last one, only the read-only copies (Langkah Aksi, Target Waktu) of
    rows already there are refreshed; a missing Realisasi (groups by `periode`) or LaporanMonev sheet is
    added. The file as it was is kept beside it as a new backup (`common.files.backup_name`: `<name>.bak`,
    or the next number when that exists); a second run on the same workbook waits for the first.

    ZiSheetsError when the workbook cannot be read or written (`common.files.rewrite_in_place`: a link,
    open in Excel or LibreOffice, read-only, a full disk); it is then as it was.
    """
    with rewrite_in_place(Path(path)) as rewrite:
        return _sync(rewrite, periode)


def _sync(rewrite: Rewrite, periode: str) -> SyncResult:
    """`sync_realisasi` on the workbook it holds: read, extend, commit."""
    from zi_sheets.analysis.analyse import analyse
    from zi_sheets.analysis.realisasi import langkah_copy
    from zi_sheets.reading.realisasi_sheet import realisasi_layout
    from zi_sheets.reading.workbook import read_workbook

    path = rewrite.path
    workbook = read_workbook(path)
    analysis = analyse(workbook)
    refs = analysis.refs
    wanted = {
        row.row: (refs.own_ref(row), langkah_copy(row), row.target_waktu.text)
        for row in workbook.rencana_aksi
    }
    book = _open_for_writing(path)
    created: list[str] = []
    found = realisasi_layout(path)
    if found is None:
        sheet = book.create_sheet(REALISASI.name, index=_after(book, "Monev"))
        year = analysis.plan_year
        labels = [f"{label} {year}" if year else label for label in REALISASI_PERIODS[periode]]
        write_realisasi(sheet, list(wanted.values()), labels)
        created.append(REALISASI.name)
        added = len(wanted)
    else:
        name, layout = found
        if layout is None:
            raise ZiSheetsError(
                f"Berkas {path.name}: sheet {name} bukan sheet Realisasi zi-sheets (tanpa kolom 'Ref' dan "
                "'Status'); ganti namanya lalu ulangi agar sheet Realisasi baru dapat dibuat."
            )
        sheet = book[name]
        linked = analysis.realisasi.linked
        new = [wanted[row] for row in wanted if row not in analysis.realisasi.listed]
        _extend_realisasi(
            sheet, layout, {source: wanted[plan_row] for source, plan_row in linked.items()}, new
        )
        added = len(new)
    if not has_sheet(workbook.sheets_present, LAPORAN_MONEV):
        laporan = book.create_sheet(LAPORAN_MONEV.name, index=book.sheetnames.index(sheet.title) + 1)
        write_laporan_monev(new_sheet_at(laporan, LAPORAN_MONEV), analysis.regulation)
        created.append(LAPORAN_MONEV.name)
    drawings = _has_drawings(path)
    backup = rewrite.commit(book.save)
    notes = []
    if drawings:
        notes.append(
            f"Gambar atau grafik di {path.name} tidak ikut tersimpan oleh sinkron; salin dari {backup.name} "
            "bila perlu."
        )
    return SyncResult(path, backup, added, tuple(created), tuple(notes))


def _extend_realisasi(
    sheet: Worksheet,
    layout: RealisasiLayout,
    present: dict[int, tuple[str, str, str]],
    new: Sequence[tuple[str, str, str]],
) -> None:
    """Refresh the copies of the rows `present` (sheet row -> what the plan row's copies say) and write the
    `new` rows below the last row in use; no other cell is touched."""
    for source_row, (_, copy, target) in present.items():
        for col, value in ((layout.copy_col, copy), (layout.target_col, target)):
            if col is not None and (sheet.cell(source_row, col).value or "") != value:
                copy_text(sheet, source_row, col, value)
    start = max(_last_used_row(sheet), layout.header_row) + 1
    append_realisasi_rows(sheet, new, start, (layout.ref_col, layout.copy_col, layout.target_col))


def _open_for_writing(path: Path) -> XlsxWorkbook:
    from openpyxl import load_workbook

    # -- openpyxl warns about Excel extensions it does not keep (e.g. some validations); the user was told
    # -- the file is kept as .bak, the warning would only repeat it in English --
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            return load_workbook(path)
        except Exception as error:  # openpyxl raises several types for files calamine could read
            raise ZiSheetsError(
                f"Berkas {path.name} tidak dapat dibuka untuk ditulis ({type(error).__name__}); buka dan "
                "simpan ulang di Excel sebagai .xlsx."
            ) from error


def _after(book: XlsxWorkbook, name: str) -> int:
    """The sheet index just after sheet `name` (matched loosely), or the end."""
    for index, title in enumerate(book.sheetnames):
        if title.replace(" ", "").lower().startswith(name.lower()):
            return index + 1
    return len(book.sheetnames)


def _last_used_row(sheet: Worksheet) -> int:
    """The last row holding a value (formatting alone does not count)."""
    last = 0
    for row in sheet.iter_rows():
        if any(cell.value not in (None, "") for cell in row):
            last = row[0].row
    return last


def _has_drawings(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return any(name.startswith(("xl/drawings/", "xl/charts/")) for name in archive.namelist())
