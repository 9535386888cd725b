"""zi-sheets: Zona Integritas documents (Rencana Kerja, Monev, Lampiran) from one Excel workbook.

The command line is a shell over three functions, usable from Python as well::

    import zi_sheets

    workbook = zi_sheets.read("zi-2026.xlsx")
    report = zi_sheets.check(workbook)
    result = zi_sheets.build("zi-2026.xlsx", output="keluaran", bulan="2026-05")

Each raises `zi_sheets.common.errors.ZiSheetsError` (an `UnreadableWorkbook` for a file that cannot be read at
all) with one Indonesian sentence naming the file, sheet and cell; bad data is never an exception but a
finding in the report.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt

    from zi_sheets.common.model import Workbook
    from zi_sheets.common.report import Report
    from zi_sheets.delivery.builder import BuildResult

__version__ = "0.1.0"
__all__ = ["__version__", "build", "check", "read"]

# -- Every import below happens inside the functions: `import zi_sheets` (and so `zi-sheets --help`) must
# -- not load pandas, openpyxl or python-docx. --


def read(path: str | os.PathLike[str]) -> Workbook:
    """The workbook at `path` read into the model (`common.model.Workbook`); the file is never written.

    Raises UnreadableWorkbook when the file cannot be read at all (missing, not an .xlsx, encrypted, a
    required sheet or column missing).
    """
    from zi_sheets.reading.workbook import read_workbook

    return read_workbook(Path(path))


def check(workbook: str | os.PathLike[str] | Workbook, *, today: dt.date | None = None) -> Report:
    """The findings of `zi-sheets check` for `workbook`: a path, or a Workbook already returned by `read`.

    `today` is the date the checks take as today (it bounds plausible birth dates in an NIP); None means
    the real date. The Report holds the findings, the coverage figures and the exit code.
    """
    from zi_sheets.analysis.analyse import analyse
    from zi_sheets.lke.check import check_workbook

    if isinstance(workbook, str | os.PathLike):
        workbook = read(workbook)
    return check_workbook(analyse(workbook), today)


def build(path: str | os.PathLike[str], **options: Any) -> BuildResult:
    """Check the workbook at `path`, then write its documents as `zi-sheets build` does.

    `options` are the fields of `delivery.builder.BuildOptions`: `output` (the base folder, text or a
    Path; None means "output"), `strict`, `bulan` ("YYYY-MM"), `semester` or `triwulan` (the Monev period; all
    None means the latest Monev month), `pdf`, `docx_template`, `paket` and `paket_summary`. The
    BuildResult holds the report, the documents written, and `refused_by` (the findings that stopped the
    build; empty when the documents were written).
    """
    from zi_sheets.delivery.builder import BuildOptions
    from zi_sheets.delivery.builder import build as build_documents

    # -- a script passes folders as text; the core wants Paths --
    paths = {key: Path(value) for key, value in options.items() if key in _PATH_OPTIONS and value is not None}
    return build_documents(Path(path), BuildOptions(**{**options, **paths}))


_PATH_OPTIONS = ("output", "docx_template")
