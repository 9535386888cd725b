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
from typing import TYPE_CHECKING, Any

from zi_sheets.common.errors import UnreadableWorkbook, ZiSheetsError
from zi_sheets.common.report import EXIT_NOT_WRITTEN, Report

if TYPE_CHECKING:
    from zi_sheets.analysis.analyse import Analysis
    from zi_sheets.common.model import Identitas
    from zi_sheets.delivery.builder import BuildOptions
    from zi_sheets.delivery.paket import Entry

# -- What a folder search takes as a workbook; an old .xls is taken too, so that it is named as unreadable
# -- with the sentence saying how to resave it (and gets its row in the rekap) instead of being dropped. --
WORKBOOK_SUFFIXES = (".xlsx", ".ods", ".xls")
# -- Excel's lock file (~$name.xlsx), LibreOffice's (.~lock.name.xlsx#) and our own temporary files (.~…)
# -- stand beside a workbook while it is open or being written; they are never workbooks. --
_LOCK_PREFIXES = ("~$", ".~")
# -- Files an operating system leaves in folders on its own; never meant for us, so not even named. --
_SYSTEM_FILES = {"thumbs.db", "desktop.ini"}


@dataclass
class Inputs:
    """The workbooks a command was given, and the files of its folders that are not workbooks, each with
    the reason it was skipped, so that none is dropped without a word."""

    workbooks: list[Path]
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def expand_inputs(paths: list[Path], exclude: tuple[Path, ...] = ()) -> Inputs:
    """The workbooks named: files as given, folders searched recursively, sorted by path.

    Files and folders under `exclude` (the rekap being written, the build's output folder) are left out.
    Hidden files (a name starting with a dot) are left out without a word unless they look like workbooks.
    """
    excluded = [p.resolve() for p in exclude]
    inputs = Inputs([])
    for path in paths:
        if not path.is_dir():
            inputs.workbooks.append(path)
            continue
        for found in sorted(p for p in path.rglob("*") if p.is_file()):
            resolved = found.resolve()
            if any(resolved == e or e in resolved.parents for e in excluded):
                continue
            reason = _skip_reason(found.relative_to(path))
            if reason is None:
                inputs.workbooks.append(found)
            elif reason:
                inputs.skipped.append((found, reason))
    inputs.workbooks = [p for p in dict.fromkeys(inputs.workbooks) if p.resolve() not in excluded]
    return inputs


def _skip_reason(relative: Path) -> str | None:
    """None for a workbook, "" for a file skipped without a word, else why the file is skipped."""
    name = relative.name
    if name.startswith(_LOCK_PREFIXES):
        if name.startswith(("~$", ".~lock.")):
            return "berkas kunci Excel/LibreOffice yang ada selama workbook dibuka, bukan workbook"
        return "berkas sementara, bukan workbook"
    hidden = any(part.startswith(".") for part in relative.parts)
    if relative.suffix.lower() in WORKBOOK_SUFFIXES:
        return None
    if hidden or name.lower() in _SYSTEM_FILES:
        return ""
    return "bukan workbook .xlsx atau .ods"


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
    # -- what `finish_builds` needs of a built workbook: its documents, folder, Identitas and Monev period
    documents: list[Path] = field(default_factory=list)
    folder: Path | None = None
    identitas: Identitas | None = None
    period_label: str | None = None
    evidence: list[Entry] = field(default_factory=list)  # -- the LKE's Bukti Dukung for the package
    # -- True when the workbook was read but its documents could not be written (another workbook's
    # -- documents in its folder, a folder that cannot be written); `problem` says why. --
    unwritten: bool = False

    @property
    def problem_label(self) -> str:
        """How the one-line result names the problem: "tidak terbaca" or "tidak ditulis"."""
        return "tidak ditulis" if self.unwritten else "tidak terbaca"

    @property
    def errors(self) -> int:
        return self.report.errors if self.report else 0

    @property
    def warnings(self) -> int:
        return self.report.warnings if self.report else 0

    @property
    def overdue(self) -> int:
        """Plan actions past due with nothing reported (the count of the one `plan-overdue` finding)."""
        return sum(int(f.values["jumlah"]) for f in self.report.of("plan-overdue")) if self.report else 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of one workbook, the same for one file and for many: its berkas, the sentence
        saying why it could not be read (`galat_baca`, else None), then `Report.to_dict`'s keys (summary,
        counts and coverage None and no findings when it could not be read)."""
        unread: dict[str, Any] = {
            "summary": None,
            "counts": None,
            "coverage": None,
            "findings": [],
            "accepted": [],
        }
        report = self.report.to_dict() if self.report else unread
        return {"berkas": str(self.path), "galat_baca": self.problem or None, **report}

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


def check_one(path: Path, strict: bool = False, lke: Path | None = None) -> UnitResult:
    """Check one workbook (with the answers of the official LKE workbook `lke` when given); never raises
    for a bad file (the result carries the sentence instead)."""
    from zi_sheets.analysis.analyse import analyse
    from zi_sheets.lke.check import check_workbook
    from zi_sheets.lke.official import load_official
    from zi_sheets.reading.workbook import read_workbook

    try:
        analysis = analyse(read_workbook(path))
        official = load_official(lke) if lke is not None else None
    except ZiSheetsError as error:
        return UnitResult(path, problem=str(error), exit_code=3)
    return _summarise(path, check_workbook(analysis, official=official), analysis, strict)


def build_one(path: Path, options: BuildOptions) -> UnitResult:
    """Check and write the .docx documents of one workbook (see `builder.build`); never raises for a bad
    file. PDFs and packages are left to `finish_builds`, which does them for the whole batch at once."""
    from dataclasses import replace

    from zi_sheets.delivery.builder import build

    try:
        # -- PDFs and packages are made once all workbooks are built: one LibreOffice start per core
        result = build(path, replace(options, pdf=False, paket=False))
    except UnreadableWorkbook as error:
        return UnitResult(path, problem=str(error), exit_code=3)
    except ZiSheetsError as error:
        return UnitResult(path, problem=str(error), exit_code=3, unwritten=True)
    summary = _summarise(path, result.report, result.analysis, options.strict)
    if result.refused_by:
        summary.notes.append("dokumen tidak ditulis: " + "; ".join(f.line() for f in result.refused_by))
        summary.exit_code = EXIT_NOT_WRITTEN
    summary.written = list(result.documents)
    summary.notes += result.notes
    if result.documents:
        summary.documents, summary.folder = list(result.documents), result.folder
        summary.identitas = result.analysis.workbook.identitas
        summary.period_label = result.period.label if result.period else None
        if options.paket:
            from zi_sheets.delivery.lke_paket import evidence_entries

            summary.evidence = evidence_entries(result.analysis)
    return summary


def finish_builds(results: list[UnitResult], options: BuildOptions, jobs: int | None = None) -> None:
    """The PDFs (`options.pdf`) and packages (`options.paket`) of every built workbook, added to its
    `written`; a workbook whose PDF or package failed gets a note, the others go on.

    -- LibreOffice starts once per core for the whole batch, not once per workbook or per document. --
    """
    built = [r for r in results if r.documents]
    if options.pdf and built:
        from zi_sheets.delivery.pdf import INSTALL_HINT, convert_many, find_office, printed

        if find_office() is None:
            built[0].notes.append(INSTALL_HINT)
        else:
            try:
                converted = convert_many(
                    [d for r in built for d in printed(r.documents)], jobs=jobs or os.cpu_count() or 1
                )
            except ZiSheetsError as error:
                built[0].notes.append(str(error))
                converted = {}
            for result in built:
                documents = printed(result.documents)
                pdfs = [converted.get(document) for document in documents]
                result.written += [pdf for pdf in pdfs if pdf is not None]
                failed = [d.name for d, pdf in zip(documents, pdfs, strict=True) if pdf is None]
                if failed and converted:
                    result.notes.append(f"LibreOffice tidak menghasilkan PDF untuk {', '.join(failed)}.")
    if options.paket:
        from zi_sheets.delivery.paket import write_package

        for result in built:
            assert result.folder is not None and result.identitas is not None and result.report is not None
            try:
                package = write_package(
                    result.identitas,
                    list(result.written),  # -- its documents (the LKE workbook too) and their PDFs
                    result.folder,
                    summary=result.report.summary() if options.paket_summary else None,
                    month_label=result.period_label,
                    evidence=result.evidence,
                )
            except ZiSheetsError as error:
                result.notes.append(str(error))
                continue
            result.written += [package.zip_path, package.eml_path]
            result.notes += package.notes


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
        return [r for r in self.results if r.problem and not r.unwritten]

    @property
    def unwritten(self) -> list[UnitResult]:
        """The workbooks read whose documents could not be written."""
        return [r for r in self.results if r.unwritten]

    def exit_code(self) -> int:
        """The worst of the workbooks: 3 when one could not be read, else 1 when one fails, else 0."""
        return max((r.exit_code for r in self.results), default=0)

    def tally(self) -> str:
        """ "30 workbook: 25 tanpa galat, 2 ada galat, 3 tidak terbaca" """
        broken, unwritten = len(self.unreadable), len(self.unwritten)
        failing = sum(1 for r in self.results if not r.problem and r.errors)
        clean = len(self.results) - broken - unwritten - failing
        tally = (
            f"{len(self.results)} workbook: {clean} tanpa galat, {failing} ada galat, {broken} tidak terbaca"
        )
        return f"{tally}, {unwritten} tidak ditulis" if unwritten else tally

    def to_json(self) -> str:
        """A JSON list with `UnitResult.to_dict` of every workbook, in path order."""
        return json.dumps([r.to_dict() for r in self.results], ensure_ascii=False, indent=2, default=str)
