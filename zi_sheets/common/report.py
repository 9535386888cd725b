"""The Report of one check run: its findings in reading order, the accepted ones, the coverage figures, the
exit code and the one-line summary, as text or JSON (black's `Report` owns the policy the same way)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from zi_sheets.common.findings import Finding, Severity
from zi_sheets.common.model import CellRef

# -- Errors that would make a signed document wrong: a cover without a unit, a year that is no year, a NIP
# -- whose last digits Excel has already lost (no document may print it). The types are the structure
# -- checks' (`checks.structure`); tests/checks/test_finding_types.py holds these codes to the registry. --
BLOCKING_CODES = frozenset({"identitas-missing", "tahun-invalid", "nip-stored-as-number"})
# -- `build`: findings forbade every document, nothing was written; 1 is "written, with error findings"
EXIT_NOT_WRITTEN = 4


class CoverageFigures(Protocol):
    """How much of the catalogue a plan covers, as the Report and the rekap print it
    (`analysis.coverage.Coverage`, computed by the analysis stage)."""

    @property
    def komponen_covered(self) -> int:
        """Komponen with at least one planned row."""
        ...

    @property
    def komponen_total(self) -> int:
        """Komponen of the regulation's catalogue."""
        ...

    @property
    def indicator_percent(self) -> int:
        """Indicators covered as a whole percent, rounded down."""
        ...

    def sentence(self) -> str:
        """ "komponen 23 dari 23, indikator 61 dari 81 (75%)" """
        ...

    def to_dict(self) -> dict[str, Any]:
        """The figures as plain data, for JSON output."""
        ...


# -- The sheets a person reads first, in this order, as `init` names them (the reader's
# -- `Workbook.sheets_found` says how the workbook spells each); every other sheet follows by name.
READING_ORDER = ("Identitas", "Narasi", "RencanaAksi", "Monev")
# -- A Report made from findings alone, without the workbook's sheets, ranks a sheet by the start of its
# -- normalized name instead: the variants the reader accepts ("Rencana Aksi", "Monitoring").
_NAME_PREFIXES: tuple[tuple[str, ...], ...] = (
    ("identitas", "dataunit"),
    ("narasi", "teks"),
    ("rencanaaksi", "matriksrencanaaksi", "rencanakerja"),
    ("monev", "monitoring"),
)


def _sheet_rank(sheet: str, sheets: Mapping[str, str]) -> int:
    if not sheet:
        return -1
    if sheets:
        spelled = [sheets.get(name) for name in READING_ORDER]
        return spelled.index(sheet) if sheet in spelled else len(READING_ORDER)
    key = re.sub(r"[^0-9a-z]", "", sheet.lower())
    for rank, prefixes in enumerate(_NAME_PREFIXES):
        if key.startswith(prefixes):
            return rank
    return len(READING_ORDER)


def _column_key(column: str) -> tuple[int, str]:
    """Excel column order: A..Z before AA."""
    return (len(column), column)


def _sort_key(finding: Finding, sheets: Mapping[str, str]) -> tuple[int, str, int, tuple[int, str]]:
    sheet = finding.sheet_name
    rank = _sheet_rank(sheet, sheets)
    other = sheet if rank >= len(READING_ORDER) else ""
    if finding.cell is None:
        return (rank, other, 0, (0, ""))
    return (rank, other, finding.cell.row, _column_key(finding.cell.column))


@dataclass(frozen=True)
class Accepted:
    """A finding staff accepted in the Diterima sheet: still counted and listed, never failing a check.

    `by` is the Diterima row that accepted it; `alasan` its reason ('' when none was written).
    """

    finding: Finding
    by: CellRef | None
    alasan: str = ""


@dataclass
class Report:
    """The findings of one check run and the coverage figures; owns exit code, order and summary.

    `accepted` holds the findings the Diterima sheet accepted: counted in the summary and listed, but they
    neither fail the check (also with --strict) nor block a build. `sheets` is the reader's
    `Workbook.sheets_found`, which orders the findings by sheet (empty: by the start of each sheet's name).
    """

    findings: list[Finding] = field(default_factory=list)
    coverage: CoverageFigures | None = None
    accepted: list[Accepted] = field(default_factory=list)
    sheets: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.findings = sorted(self.findings, key=lambda f: _sort_key(f, self.sheets))
        self.accepted = sorted(self.accepted, key=lambda a: _sort_key(a.finding, self.sheets))

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def infos(self) -> int:
        return self.count(Severity.INFO)

    def codes(self) -> set[str]:
        """The distinct codes found."""
        return {f.code for f in self.findings}

    def of(self, code: str) -> list[Finding]:
        """The findings with this code, in report order."""
        return [f for f in self.findings if f.code == code]

    def exit_code(self, strict: bool = False) -> int:
        """0 without errors, 1 with errors; with `strict`, warnings count as errors."""
        if self.errors or (strict and self.warnings):
            return 1
        return 0

    def blocks_build(self, strict: bool = False) -> list[Finding]:
        """The findings that forbid writing the documents, [] when they may be written.

        Errors that would make a document wrong (`BLOCKING_CODES`) always block; with `strict`, every error
        and warning does. Any other error is printed and the documents are still written.
        """
        return [
            finding
            for finding in self.findings
            if finding.code in BLOCKING_CODES
            or (strict and finding.severity in (Severity.ERROR, Severity.WARNING))
        ]

    def summary(self) -> str:
        """One Indonesian line: "3 galat, 12 peringatan, 2 info, 1 diterima; komponen 23 dari 23, ..."; the
        accepted count only when the Diterima sheet accepted something."""
        counts = f"{self.errors} galat, {self.warnings} peringatan, {self.infos} info"
        if self.accepted:
            counts += f", {len(self.accepted)} diterima"
        return f"{counts}; {self.coverage.sentence()}" if self.coverage else counts

    def to_text(self) -> str:
        """One line per finding ("RencanaAksi!H14  galat  target-year-impossible  ..."), then one per
        accepted finding ("... diterima ..."), summary last."""
        lines = [finding.line() for finding in self.findings]
        for item in self.accepted:
            finding = item.finding
            reason = f" (diterima: {item.alasan})" if item.alasan else " (diterima)"
            lines.append(
                f"{finding.cell_text or '(workbook)'}  diterima  {finding.code}  {finding.message}{reason}"
            )
        lines.append(self.summary())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data: findings, counts, coverage figures and the summary line."""
        return {
            "summary": self.summary(),
            "counts": {
                "error": self.errors,
                "warning": self.warnings,
                "info": self.infos,
                "accepted": len(self.accepted),
            },
            "coverage": self.coverage.to_dict() if self.coverage else None,
            "findings": [_finding_dict(f) for f in self.findings],
            "accepted": [
                {**_finding_dict(a.finding), "accepted_by": str(a.by) if a.by else None, "alasan": a.alasan}
                for a in self.accepted
            ],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text (non-ASCII kept readable; unusual values written as text)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, default=str)


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "sheet": f.sheet_name,
        "cell": f.address or None,
        "ref": f.cell_text,
        "code": f.code,
        "severity": f.severity.value,
        "title": f.title,
        "message": f.message,
        "values": f.values,
    }
