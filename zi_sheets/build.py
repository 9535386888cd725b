"""Build the documents of one workbook into its output folder."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from zi_sheets.catalogue import load_catalogue, regulation_key
from zi_sheets.checks import run_checks
from zi_sheets.errors import ZiSheetsError
from zi_sheets.findings import Finding, Report, Severity
from zi_sheets.model import Workbook
from zi_sheets.workbook import read_workbook

DEFAULT_OUTPUT = Path("output")

# -- The LKE indicator each document answers, so an evaluator can file it under that code. --
DOCUMENT_CODES: dict[str, dict[str, str]] = {
    "Rencana Kerja Pembangunan ZI": {"90-2021": "P.1.ii.a", "52-2014": "1.2.a"},
}


# -- Errors that would make a document wrong (a cover without a unit, a year that is no year); any other
# -- error is printed and the documents are still written, unless --strict. --
BLOCKING_CODES = frozenset({"identitas-missing", "tahun-invalid"})


@dataclass
class BuildResult:
    """What a build did: the check report, and the folder and documents written (none when refused)."""

    report: Report
    folder: Path | None = None
    documents: list[Path] = field(default_factory=list)
    refused_by: list[Finding] = field(default_factory=list)


def slug(text: str) -> str:
    """A file-system-safe lower-case name: "OPD Kecamatan Pasirian" -> "opd-kecamatan-pasirian"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "unit-kerja"


def document_filename(title: str, workbook: Workbook) -> str:
    """`1.ii.a Rencana Kerja Pembangunan ZI 2019.docx`: the LKE code first, then the title and year."""
    key = regulation_key(workbook.identitas.text("Regulasi"), workbook.identitas.tahun)
    indicator = load_catalogue(key).indicator(DOCUMENT_CODES[title][key])
    code = indicator.file_code if indicator else ""
    year = workbook.identitas.tahun or ""
    return " ".join(str(part) for part in (code, title, year) if part) + ".docx"


def output_folder(workbook: Workbook, base: Path) -> Path:
    """`<base>/<unit-slug>-<tahun>`; the name comes from Identitas, sanitised, never from a path."""
    name = slug(workbook.identitas.nama_unit)
    tahun = workbook.identitas.tahun
    return base / (f"{name}-{tahun}" if tahun else name)


def build(path: str | Path, output: str | Path | None = None, *, strict: bool = False) -> BuildResult:
    """Check the workbook at `path`, then write its documents unless an error forbids it.

    Raises ZiSheetsError when the workbook cannot be read or a file cannot be written.
    """
    from zi_sheets.render.docx_helpers import save_atomic
    from zi_sheets.render.rencana_kerja import build_rencana_kerja

    workbook = read_workbook(path)
    report = run_checks(workbook)
    refused_by = [
        finding
        for finding in report.findings
        if (finding.severity is Severity.ERROR and (strict or finding.code in BLOCKING_CODES))
        or (strict and finding.severity is Severity.WARNING)
    ]
    if refused_by:
        return BuildResult(report, refused_by=refused_by)
    folder = output_folder(workbook, Path(output) if output else DEFAULT_OUTPUT)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ZiSheetsError(f"Folder {folder} tidak dapat dibuat: {error.strerror}.") from error
    result = BuildResult(report, folder)
    title = "Rencana Kerja Pembangunan ZI"
    target = folder / document_filename(title, workbook)
    try:
        save_atomic(build_rencana_kerja(workbook), target)
    except PermissionError as error:
        raise ZiSheetsError(
            f"Berkas {target} tidak dapat ditulis (mungkin sedang dibuka di Word); tutup lalu ulangi."
        ) from error
    result.documents.append(target)
    return result
