"""Many workbooks at once, for an inspectorate: check or build each on both cores; render/rekap.py writes
the rekap.

One broken workbook never stops the others: each result is either a summary or the sentence saying why
the file could not be read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zi_sheets.errors import ZiSheetsError
from zi_sheets.findings import Report

if TYPE_CHECKING:
    from zi_sheets.analysis import Analysis
    from zi_sheets.builder import BuildOptions

# -- Excel's lock files (~$name.xlsx) and our own rekap are never unit workbooks. --
_SKIPPED_PREFIXES = ("~$", ".~")


def expand_inputs(paths: list[Path], exclude: Path | None = None) -> list[Path]:
    """The workbooks named: files as given, folders searched (recursively) for .xlsx, sorted by path."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.xlsx") if not p.name.startswith(_SKIPPED_PREFIXES))
        else:
            found.append(path)
    if exclude is not None:
        found = [p for p in found if p.resolve() != exclude.resolve()]
    return list(dict.fromkeys(found))


@dataclass
class UnitResult:
    """What checking (and maybe building) one workbook gave: its Report, or the sentence saying why the
    file could not be read (`problem`, and then `report` is None)."""

    path: Path
    problem: str = ""
    report: Report | None = None
    unit: str = ""
    year: int | None = None
    regulation: str = ""
    last_monev: str = ""
    exit_code: int = 0
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return self.report.errors if self.report else 0

    @property
    def warnings(self) -> int:
        return self.report.warnings if self.report else 0

    @property
    def overdue(self) -> int:
        """Plan actions past due with nothing reported (the `plan-overdue` findings)."""
        return len(self.report.of("plan-overdue")) if self.report else 0

    @property
    def status(self) -> str:
        """The verdict an evaluator filters on."""
        if self.problem:
            return "Tidak terbaca"
        if self.errors:
            return "Perlu perbaikan"
        return "Lengkap" if not self.warnings else "Lengkap, ada peringatan"


def _summarise(path: Path, report: Report, analysis: Analysis, strict: bool) -> UnitResult:
    latest = analysis.latest_period
    return UnitResult(
        path=path,
        report=report,
        unit=analysis.workbook.identitas.nama_unit,
        year=analysis.workbook.identitas.tahun,
        regulation=analysis.regulation_title,
        last_monev=latest.label if latest else "",
        exit_code=report.exit_code(strict),
    )


def check_one(path: Path, strict: bool = False) -> UnitResult:
    """Check one workbook; never raises for a bad file (the result carries the sentence instead)."""
    from zi_sheets.analysis import analyse
    from zi_sheets.checks import run_checks
    from zi_sheets.workbook import read_workbook

    try:
        analysis = analyse(read_workbook(path))
    except ZiSheetsError as error:
        return UnitResult(path, problem=str(error), exit_code=3)
    return _summarise(path, run_checks(analysis), analysis, strict)


def build_one(path: Path, options: BuildOptions) -> UnitResult:
    """Check and build one workbook (see `build.build`); never raises for a bad file."""
    from dataclasses import replace

    from zi_sheets.builder import build

    try:
        # -- both cores already build workbooks side by side: no extra chart process per build
        result = build(path, replace(options, chart_worker=False))
    except ZiSheetsError as error:
        return UnitResult(path, problem=str(error), exit_code=3)
    summary = _summarise(path, result.report, result.analysis, options.strict)
    if result.refused_by:
        summary.notes.append("dokumen tidak ditulis: " + "; ".join(f.line() for f in result.refused_by))
        summary.exit_code = 1
    package = [result.package.zip_path, result.package.eml_path] if result.package else []
    summary.written = [*result.documents, *result.pdfs, *package]
    summary.notes += result.notes
    return summary


def run_many(
    paths: list[Path], work: Callable[..., UnitResult], *arguments: object, jobs: int | None = None
) -> Iterator[UnitResult]:
    """`work(path, *arguments)` for every path, on up to `jobs` processes (default: every core).

    Results come as they finish; a worker that dies still yields a result for its workbook.
    """
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(paths)))
    if jobs == 1:
        for path in paths:
            yield work(path, *arguments)
        return
    with ProcessPoolExecutor(jobs) as pool:
        futures = {pool.submit(work, path, *arguments): path for path in paths}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as error:  # a crashed worker process: the other workbooks go on
                yield UnitResult(
                    futures[future], problem=f"gagal diproses ({type(error).__name__})", exit_code=3
                )


@dataclass
class BatchReport:
    """The results of many workbooks, in path order; owns the tally line, the JSON and the exit code."""

    results: list[UnitResult]

    def __post_init__(self) -> None:
        self.results = sorted(self.results, key=lambda r: str(r.path))

    @property
    def unreadable(self) -> list[UnitResult]:
        """The workbooks that could not be read at all."""
        return [r for r in self.results if r.problem]

    def exit_code(self) -> int:
        """The worst of the workbooks: 3 when one could not be read, else 1 when one fails, else 0."""
        return max((r.exit_code for r in self.results), default=0)

    def tally(self) -> str:
        """ "30 workbook: 25 tanpa galat, 2 ada galat, 3 tidak terbaca" """
        broken = len(self.unreadable)
        failing = sum(1 for r in self.results if not r.problem and r.errors)
        clean = len(self.results) - broken - failing
        return (
            f"{len(self.results)} workbook: {clean} tanpa galat, {failing} ada galat, {broken} tidak terbaca"
        )

    def to_json(self) -> str:
        """Every workbook's report as `Report.to_dict` gives it, with its berkas and read error."""
        files = [
            {
                "berkas": str(r.path),
                "galat_baca": r.problem or None,
                **(r.report.to_dict() if r.report else {}),
            }
            for r in self.results
        ]
        return json.dumps(files, ensure_ascii=False, indent=2, default=str)
