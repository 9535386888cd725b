"""The library: read a workbook, check it, score its LKE, build its documents; the CLI is a shell over these.

Every function takes the workbook as text or a Path (`check`, `score` and `plan_frame` also take a Workbook
already returned by `read`) and raises `zi_sheets.common.errors.ZiSheetsError` (an `UnreadableWorkbook` for a
file that cannot be read at all) with one Indonesian sentence naming the file, sheet and cell; bad data is
never an exception but a finding in the report.

`plan_frame` and `rekap_frame` give pandas DataFrames for analysts who work in notebooks; pandas is an
optional extra (`pip install "zi-sheets[pandas]"`) imported only inside them.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zi_sheets.common.errors import ZiSheetsError

if TYPE_CHECKING:
    import datetime as dt

    import pandas

    from zi_sheets.common.model import Workbook
    from zi_sheets.common.report import Report
    from zi_sheets.delivery.builder import BuildResult
    from zi_sheets.lke.assess import Assessment
    from zi_sheets.template.tahun_baru import RollResult

__all__ = ["build", "check", "next_year", "plan_frame", "read", "rekap_frame", "score"]

# -- Every import of the stages happens inside the functions: `import zi_sheets` (and so `zi-sheets --help`)
# -- must not load openpyxl, python-docx or python-calamine. --

PathLike = str | os.PathLike[str]
_PATH_OPTIONS = ("output", "docx_template")
# -- the Ringkasan columns that hold counts, a year or a percentage: empty for an unreadable workbook --
_WHOLE_FIGURES = (
    "Tahun",
    "Komponen Tercakup",
    "Jumlah Komponen",
    "Cakupan Indikator (%)",
    "Galat",
    "Peringatan",
    "Langkah Terlambat",
)


def read(path: PathLike) -> Workbook:
    """The workbook at `path` read into the model (`common.model.Workbook`); the file is never written.

    Raises UnreadableWorkbook when the file cannot be read at all (missing, not an .xlsx, encrypted, a
    required sheet or column missing).
    """
    from zi_sheets.reading.workbook import read_workbook

    return read_workbook(Path(path))


def check(
    workbook: PathLike | Workbook, *, today: dt.date | None = None, lke: PathLike | None = None
) -> Report:
    """The findings of `zi-sheets check` for `workbook`: a path, or a Workbook already returned by `read`.

    `today` is the date the checks take as today (it bounds plausible birth dates in an NIP); None means
    the real date. `lke` names an official LKE workbook whose answers are checked instead of the LKE
    sheet. The Report holds the findings, the coverage figures and the exit code.
    """
    from zi_sheets.analysis.analyse import analyse
    from zi_sheets.lke.check import check_workbook
    from zi_sheets.lke.official import load_official

    official = load_official(Path(lke)) if lke is not None else None
    return check_workbook(analyse(_workbook(workbook)), today, official)


def score(
    workbook: PathLike | Workbook, *, fetch_links: bool = False, lke: PathLike | None = None
) -> Assessment:
    """The LKE self-assessment of `zi-sheets nilai`: the score per area, pengungkit, hasil and total, the
    Menuju WBK/WBBM requirements and the answers that would raise the score most.

    `fetch_links` opens every Bukti Dukung link and reports those that fail or reach an address that is not
    public, which is never connected to (False: links are not opened; see `zi_sheets.lke.fetch`).
    `workbook` may also be an official LKE workbook alone (sheets `LKE ZI`, `Ctt Eval`, `Utama`); `lke`
    names one whose answers stand in for the workbook's LKE sheet. Raises ZiSheetsError when the workbook
    cannot be read or has no LKE answers, LkeNotScored (exit code 1) when the answers are of
    another regulation than the workbook's.
    """
    from zi_sheets.analysis.analyse import analyse
    from zi_sheets.lke.assess import assess, assess_file
    from zi_sheets.lke.official import load_official

    if isinstance(workbook, str | os.PathLike):
        return assess_file(
            Path(workbook), fetch_links=fetch_links, lke_file=None if lke is None else Path(lke)
        )
    official = load_official(Path(lke)) if lke is not None else None
    return assess(analyse(workbook), fetch_links=fetch_links, official=official)


def build(path: PathLike, **options: Any) -> BuildResult:
    """Check the workbook at `path`, then write its documents as `zi-sheets build` does.

    `options` are the fields of `delivery.builder.BuildOptions`: `output` (the base folder, text or a
    Path; None means "output"), `strict`, `bulan` ("YYYY-MM"), `semester` or `triwulan` (the Monev period; all
    None means the latest Monev month), `pdf`, `docx_template`, `paket` and `paket_summary`. The
    BuildResult holds the report, the documents written, `refused_by` (the findings that stopped the
    build; empty when documents were written) and `withheld` (the documents not written, by title, with the
    findings that spoil them alone: a team member's NIP typed as a number withholds the Lampiran only).
    """
    from zi_sheets.delivery.builder import BuildOptions
    from zi_sheets.delivery.builder import build as build_documents

    # -- a script passes folders as text; the core wants Paths --
    paths = {key: Path(value) for key, value in options.items() if key in _PATH_OPTIONS and value is not None}
    return build_documents(Path(path), BuildOptions(**{**options, **paths}))


def next_year(source: PathLike, target: PathLike, **options: Any) -> RollResult:
    """Write at `target` next year's workbook from the one at `source` (only read): `tahun` (default the
    old year + 1), `tanggal_penetapan` (default the first working day of January), `periode`, `force`;
    see `zi_sheets.template.tahun_baru.roll_over`."""
    from zi_sheets.template.tahun_baru import roll_over

    return roll_over(Path(source), Path(target), **options)


def plan_frame(workbook: PathLike | Workbook) -> pandas.DataFrame:
    """The Rencana Aksi rows of `workbook` as a DataFrame, one row per plan row in sheet order.

    Columns: `sheet` and `row` (where the row is in the workbook), `area_no` (1-6; None when the area was not
    recognised), then each field's display text (`indikator`, `langkah_aksi`, ...) followed by its cell
    (`indikator_cell`, "RencanaAksi!C14"; None when the column is absent), then the unit's own columns by
    their header as written. Needs the `pandas` extra.
    """
    pandas = _pandas("plan_frame")
    from zi_sheets.common.model import CellValue, PlanRow

    book = _workbook(workbook)
    fields = [f.name for f in dataclasses.fields(PlanRow) if f.name not in ("row", "area_no", "extra")]
    sheet = book.sheets_found.get("RencanaAksi", "RencanaAksi")
    records = []
    for plan_row in book.rencana_aksi:
        record: dict[str, object] = {
            "sheet": sheet,
            "row": plan_row.row,
            "area_no": plan_row.area_no,
        }
        for name in fields:
            value: CellValue = getattr(plan_row, name)
            record[name] = value.text
            record[f"{name}_cell"] = str(value.cell) if value.cell else None
        for header, value in plan_row.extra.items():
            record.setdefault(header, value.text)
        records.append(record)
    columns = ["sheet", "row", "area_no", *(c for name in fields for c in (name, f"{name}_cell"))]
    frame = pandas.DataFrame.from_records(records, columns=_with_extras(columns, records))
    return frame.astype({"area_no": "Int64"})


def rekap_frame(paths: PathLike | Iterable[PathLike]) -> pandas.DataFrame:
    """The Ringkasan sheet `zi-sheets rekap` writes for the workbooks at `paths` (files, or folders searched
    recursively), as a DataFrame: one row per unit, the same columns, order and values.

    A workbook that cannot be read is a row with Status "Tidak terbaca" and the reason in Keterangan, its
    figures None (pandas: missing), as in the rekap. Needs the `pandas` extra.
    """
    pandas = _pandas("rekap_frame")
    from zi_sheets.delivery.batch import check_one, expand_inputs, run_many
    from zi_sheets.delivery.rekap import SUMMARY_COLUMNS, ordered, unit_row

    named = [Path(paths)] if isinstance(paths, str | os.PathLike) else [Path(p) for p in paths]
    missing = [str(path) for path in named if not path.exists()]
    if missing:
        raise ZiSheetsError(f"Berkas atau folder {', '.join(missing)} tidak ditemukan.")
    results = list(run_many(expand_inputs(named).workbooks, check_one))
    rows = [unit_row(result) for result in ordered(results)]
    frame = pandas.DataFrame(rows, columns=[name for name, _ in SUMMARY_COLUMNS])
    # -- whole numbers stay whole where a figure is missing (pandas would make the column float) --
    return frame.astype({name: "Int64" for name in _WHOLE_FIGURES})


def _workbook(workbook: PathLike | Workbook) -> Workbook:
    return read(workbook) if isinstance(workbook, str | os.PathLike) else workbook


def _with_extras(columns: list[str], records: list[dict[str, object]]) -> list[str]:
    """`columns`, then every other key of `records` in the order first met (the unit's own columns)."""
    return list(dict.fromkeys([*columns, *(key for record in records for key in record)]))


def _pandas(function: str) -> Any:
    """The pandas module, or a ZiSheetsError naming the extra that installs it."""
    try:
        import pandas
    except ImportError as error:
        raise ZiSheetsError(
            f"zi_sheets.{function} memerlukan pandas, yang tidak terpasang: pasang dengan "
            'pip install "zi-sheets[pandas]".'
        ) from error
    return pandas
