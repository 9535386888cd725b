"""What the documents are called and where they go: one rule for every file a build or `nilai -o` writes."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from zi_sheets.common.catalogue import load_catalogue

if TYPE_CHECKING:
    from zi_sheets.analysis.analyse import Analysis
    from zi_sheets.common.model import Workbook

DEFAULT_OUTPUT = Path("output")

# -- The LKE indicator each document answers, so an evaluator can file it under that code. --
RENCANA_KERJA = "Rencana Kerja Pembangunan ZI"
LAMPIRAN = "Lampiran Rencana Kerja Pembangunan ZI"
MONEV = "Monev Pembangunan ZI"
DOCUMENT_CODES: dict[str, dict[str, str]] = {
    RENCANA_KERJA: {"90-2021": "P.1.ii.a", "52-2014": "1.2.a"},
    LAMPIRAN: {"90-2021": "P.1.ii.a", "52-2014": "1.2.a"},
    MONEV: {"90-2021": "P.1.iii.b", "52-2014": "1.3.b"},
}


def slug(text: str) -> str:
    """A file-system-safe lower-case name: "OPD Kecamatan Pasirian" -> "opd-kecamatan-pasirian"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "unit-kerja"


def document_filename(title: str, analysis: Analysis, period_label: str | None = None) -> str:
    """`1.ii.a Rencana Kerja Pembangunan ZI 2019.docx`: the LKE code, the title, then the year or period."""
    key = analysis.regulation
    indicator = load_catalogue(key).indicator(DOCUMENT_CODES[title][key])
    code = indicator.file_code if indicator else ""
    when = period_label or analysis.workbook.identitas.tahun or ""
    return safe_filename(" ".join(str(part) for part in (code, title, when) if part), ".docx")


def output_folder(workbook: Workbook, base: Path) -> Path:
    """`<base>/<unit-slug>-<tahun>`; the name comes from Identitas, sanitised, never from a path."""
    name = slug(workbook.identitas.nama_unit)
    tahun = workbook.identitas.tahun
    return base / (f"{name}-{tahun}" if tahun else name)


def safe_filename(name: str, suffix: str) -> str:
    """`name` + `suffix` with the characters Windows forbids in a file name replaced by "-"."""
    return re.sub(r'[\\/:*?"<>|]+', "-", name) + suffix
