"""Build the documents of one workbook into its output folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zi_sheets.analysis.analyse import Analysis, analyse
from zi_sheets.analysis.periods import Period
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.files import claim_folder, make_folder
from zi_sheets.common.findings import Finding
from zi_sheets.common.model import Workbook
from zi_sheets.common.report import Report
from zi_sheets.delivery.names import (
    DEFAULT_OUTPUT,
    LAMPIRAN,
    MONEV,
    RENCANA_KERJA,
    document_filename,
    output_folder,
)
from zi_sheets.lke.check import check_workbook
from zi_sheets.reading.workbook import read_workbook

if TYPE_CHECKING:
    from docx.document import Document

    from zi_sheets.delivery.paket import Package


@dataclass
class BuildResult:
    """What a build did: the check report, and the folder and documents written (none when refused).

    `refused_by` holds the findings that forbid every document (nothing written); `withheld` the documents
    not written, by title, with the findings that spoil them alone (the others are written)."""

    report: Report
    analysis: Analysis
    folder: Path | None = None
    documents: list[Path] = field(default_factory=list)
    refused_by: list[Finding] = field(default_factory=list)
    withheld: dict[str, list[Finding]] = field(default_factory=dict)
    period: Period | None = None
    pdfs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    package: Package | None = None


@dataclass(frozen=True)
class BuildOptions:
    """What `zi-sheets build` was asked for; every field None/False means the default."""

    output: Path | None = None
    strict: bool = False
    bulan: str | None = None
    semester: int | None = None
    triwulan: int | None = None
    pdf: bool = False
    docx_template: Path | None = None
    paket: bool = False
    paket_summary: bool = False
    # -- an official LKE workbook whose answers stand in for the LKE sheet (`--lke`) --
    lke: Path | None = None


def monev_period(analysis: Analysis, options: BuildOptions) -> Period | None:
    """The Monev report's period: --bulan, --semester or --triwulan, else the latest period reported on
    (`Analysis.latest_period`: the latest Monev month, or a later Realisasi period).

    None when the workbook has nothing to report on. ZiSheetsError for a period that cannot be.
    """
    latest = analysis.latest_month
    year = analysis.workbook.identitas.tahun or (latest or (None,))[0]
    try:
        if options.bulan:
            return Period.parse(options.bulan)
        if options.semester and year:
            return Period.semester(year, options.semester)
        if options.triwulan and year:
            return Period.triwulan(year, options.triwulan)
    except ValueError as error:
        raise ZiSheetsError(str(error)) from error
    return analysis.latest_period


def why_no_monev(workbook: Workbook) -> str:
    """The line saying why a build wrote no Monev: no sheet, an empty sheet, or no month that reads."""
    sheet = workbook.sheets_found.get("Monev")
    if sheet is None:
        return "Monev tidak ditulis: workbook tidak memiliki sheet Monev."
    if not workbook.monev:
        return f"Monev tidak ditulis: sheet {sheet} belum berisi capaian."
    return (
        f"Monev tidak ditulis: tidak ada Bulan yang terbaca di sheet {sheet} (lihat temuan "
        "monev-month-unreadable); tulis bulannya seperti 'Mei 2026' atau pakai --bulan."
    )


def period_warnings(analysis: Analysis, period: Period) -> list[str]:
    """Warning lines for a Monev period asked for by --bulan, --semester or --triwulan that lies outside the
    plan year, or on which neither the Monev nor the Realisasi sheet reports; [] when there is nothing to
    say."""
    warnings = []
    year = analysis.plan_year
    if year is not None and (period.first[0] != year or period.last[0] != year):
        warnings.append(f"peringatan: periode Monev {period.label} di luar tahun rencana {year}.")
    realised = any(
        r.period is not None and r.period.first <= period.last and r.period.last >= period.first
        for found in analysis.realisasi.by_row.values()
        for r in found
    )
    if not realised and not any(entry.month in period for entry in analysis.workbook.monev):
        warnings.append(
            f"peringatan: sheet Monev tidak memuat capaian untuk {period.label}; dokumen Monev hanya berisi "
            f"jadwal rencana aksi s.d. {period.end_label}."
        )
    return warnings


def spoils_lampiran_only(finding: Finding, workbook: Workbook) -> bool:
    """True when a finding that forbids a document is on a sheet only the Lampiran prints (a team member's
    NIP typed as a number): the Lampiran is withheld, the other documents are written."""
    from zi_sheets.reading.schema import MEKANISME, TARGET_PRIORITAS, TIM_KERJA

    names = {workbook.sheets_found.get(s.name, s.name) for s in (MEKANISME, TARGET_PRIORITAS, TIM_KERJA)}
    return finding.sheet_name in names


def build(path: str | Path, options: BuildOptions | None = None) -> BuildResult:
    """Check the workbook at `path`, then write its documents unless an error forbids it.

    Raises ZiSheetsError when the workbook cannot be read or a file cannot be written.
    """
    options = options or BuildOptions()
    return _build(analyse(read_workbook(path)), options)


def _build(analysis: Analysis, options: BuildOptions) -> BuildResult:
    from zi_sheets.reading.house_style import house_style
    from zi_sheets.render.lampiran import build_lampiran, lampiran_parts
    from zi_sheets.render.monev import build_monev
    from zi_sheets.render.rencana_kerja import build_rencana_kerja
    from zi_sheets.render.word.document import new_document, save_atomic

    workbook = analysis.workbook
    official = None
    if options.lke is not None:
        from zi_sheets.lke.official import load_official

        official = load_official(options.lke)
        workbook.lke = official.answers  # -- the documents read the official answers as the LKE sheet
    report = check_workbook(analysis, official=official)
    blocking = report.blocks_build(options.strict)
    # -- with --strict every error forbids every document; otherwise a finding spoils what prints its cell
    lampiran_only = [] if options.strict else [f for f in blocking if spoils_lampiran_only(f, workbook)]
    refused_by = [finding for finding in blocking if finding not in lampiran_only]
    if refused_by:
        return BuildResult(report, analysis, refused_by=refused_by)
    chosen = house_style(workbook, options.docx_template)
    style = chosen.style
    if style.template is not None:
        new_document(style)  # -- fail on an unusable template before anything is written
    period = monev_period(analysis, options)
    folder = output_folder(workbook, options.output or DEFAULT_OUTPUT)
    make_folder(folder)
    claim_folder(folder, workbook.path)
    result = BuildResult(report, analysis, folder, period=period)
    if lampiran_only:
        result.withheld[LAMPIRAN] = lampiran_only
    if period is None:
        result.notes.append(why_no_monev(workbook))
    elif options.bulan or options.semester or options.triwulan:
        result.notes += period_warnings(analysis, period)
    documents: list[tuple[str, str | None, Callable[[], Document]]] = [
        (RENCANA_KERJA, None, lambda: build_rencana_kerja(workbook, style)),
    ]
    if lampiran_only:
        result.notes += [f"Lampiran tidak ditulis; perbaiki lalu ulangi: {f.line()}" for f in lampiran_only]
    elif lampiran_parts(workbook):
        documents.append((LAMPIRAN, None, lambda: build_lampiran(workbook, style)))
    else:
        result.notes.append(
            "Lampiran tidak ditulis: sheet MekanismeTim, TargetPrioritas dan TimKerja belum berisi langkah, "
            "target atau anggota tim."
        )
    if period is not None:
        documents.append((MONEV, period.label, lambda: build_monev(analysis, period, style, chosen.monev)))
    for title, label, render in documents:
        target = folder / document_filename(title, analysis, label)
        save_atomic(render(), target)
        result.documents.append(target)
    from zi_sheets.delivery.lke_documents import (
        build_documents,  # -- the self-assessment, once the LKE is answered
    )

    result.documents += build_documents(analysis, folder, style)
    empty = [finding for finding in report.findings if finding.code == "lke-empty"]
    if empty:  # -- a blank LKE given with --lke: said where the documents are named, not only counted
        result.notes.append(f"Laporan Penilaian tidak ditulis: {empty[0].message}")
    if options.pdf:
        _write_pdfs(result)
    if options.paket:
        from zi_sheets.delivery.lke_paket import (
            evidence_entries,  # -- the LKE's evidence folder, once answered
        )
        from zi_sheets.delivery.paket import write_package

        result.package = write_package(
            workbook.identitas,
            [*result.documents, *result.pdfs],
            folder,
            summary=report.summary() if options.paket_summary else None,
            month_label=period.label if period else None,
            evidence=evidence_entries(analysis),
        )
        result.notes += result.package.notes
    return result


def _write_pdfs(result: BuildResult) -> None:
    """PDFs beside the documents; without LibreOffice the .docx stay and a note says how to get it."""
    from zi_sheets.delivery.pdf import INSTALL_HINT, convert_to_pdf, find_office, printed

    if find_office() is None:
        result.notes.append(INSTALL_HINT)
        return
    result.pdfs = convert_to_pdf(printed(result.documents))
