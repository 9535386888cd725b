"""The checks measured on real plans: every workbook of tests/data/corpus/ and the bundled example, checked
as a user would, each finding set against a reviewer's judgement (labels.toml) and the defects an evaluator
listed (defects.json, mapped to findings by defect_findings.toml).

Files (tests/data/corpus/):
- `labels.toml`: one table per workbook (its file name without .xlsx), one key per finding, `"<code>
  <where>"` (where: the cell, "RencanaAksi!F12", or for a finding of a whole sheet "<sheet>#<kode>"), its
  value `[judgement, why]`: judgement "benar" (true), "salah" (false) or "ganda" (true but a repeat of
  another finding's fact), why one line. A finding the file does not name is "belum dinilai" (unlabelled):
  the report lists it with a line to paste (`python scripts/corpus_real.py --template`).
- `defect_findings.toml`: per workbook and defect id (defects.json), the finding codes and cells that show
  the defect and its status: "found" (the tests fail when it stops being found), "missed" (the checks should
  find it and do not yet) or "out-of-reach" (the workbook holds no trace of it, or no check reads that kind
  of thing), with why. A "cells" entry "*" stands for any cell of the code.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from zi_sheets.analysis.analyse import analyse
from zi_sheets.common.findings import Finding
from zi_sheets.common.report import Report
from zi_sheets.lke.check import check_workbook
from zi_sheets.reading.workbook import read_workbook

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
EXAMPLE = ROOT / "workbook_templates" / "contoh-pasirian-2019.xlsx"
JUDGEMENTS = ("benar", "salah", "ganda")


def workbooks() -> list[Path]:
    """Every real workbook of the corpus, then the bundled example."""
    return [*sorted(CORPUS.glob("*.xlsx")), EXAMPLE]


def where(finding: Finding) -> str:
    """Where a finding is, as labels.toml names it: its cell, or '<sheet>#<what>' for a sheet's finding."""
    if finding.cell is not None:
        return finding.cell_text
    values = finding.values
    what = values.get("kode") or values.get("komponen") or values.get("nama_sheet") or ""
    return f"{finding.sheet_name or '-'}#{what}"


def key(finding: Finding) -> str:
    return f"{finding.code} {where(finding)}"


def check(path: Path, today: dt.date | None = None) -> Report:
    """The report `zi-sheets check` gives on `path`, as on a day after the plan year (so the report does not
    change with the day the suite runs)."""
    analysis = analyse(read_workbook(path))
    year = analysis.plan_year or dt.date.today().year
    return check_workbook(analysis, today or dt.date(year + 1, 1, 15))


@dataclass
class WorkbookResult:
    """One workbook measured: its findings, their judgement, and the listed defects found and missed."""

    name: str
    summary: str
    findings: list[Finding]
    labels: dict[str, tuple[str, str]]
    defects: dict[str, dict[str, object]] = field(default_factory=dict)
    described: dict[str, str] = field(default_factory=dict)  # defect id -> what (defects.json)

    def judged(self, judgement: str) -> list[Finding]:
        return [f for f in self.findings if self.labels.get(key(f), ("",))[0] == judgement]

    @property
    def unlabelled(self) -> list[Finding]:
        return [f for f in self.findings if key(f) not in self.labels]

    @property
    def stale_labels(self) -> list[str]:
        """Labels of findings the tool no longer gives, except the false ones (kept as guards)."""
        given = {key(f) for f in self.findings}
        return [k for k, (judgement, _) in self.labels.items() if k not in given and judgement != "salah"]

    @property
    def guards(self) -> list[str]:
        """Findings judged false that the tool no longer gives: they must not come back."""
        given = {key(f) for f in self.findings}
        return [k for k, (judgement, _) in self.labels.items() if k not in given and judgement == "salah"]

    def shows(self, defect: dict[str, object]) -> bool:
        codes = set(defect.get("codes", []))  # type: ignore[arg-type]
        cells = set(defect.get("cells", ["*"]))  # type: ignore[arg-type]
        return any(f.code in codes and ("*" in cells or where(f) in cells) for f in self.findings)

    def defects_with(self, status: str) -> list[str]:
        return [d for d, entry in self.defects.items() if entry.get("status") == status]

    @property
    def found(self) -> list[str]:
        return [d for d, entry in self.defects.items() if entry.get("codes") and self.shows(entry)]

    @property
    def lost(self) -> list[str]:
        """Defects marked found that no finding shows any more."""
        return [d for d in self.defects_with("found") if not self.shows(self.defects[d])]


def _load_toml(name: str) -> dict[str, object]:
    path = CORPUS / name
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def measure(path: Path) -> WorkbookResult:
    """Check `path` and set its findings against labels.toml and defect_findings.toml."""
    name = path.stem
    report = check(path)
    raw = _load_toml("labels.toml").get(name, {})
    labels = {k: (str(v[0]), str(v[1])) for k, v in raw.items()}  # type: ignore[union-attr]
    defects = _load_toml("defect_findings.toml").get(name, {})
    described = {}
    listed = CORPUS / f"{name}.defects.json"
    if not listed.exists() and path.parent == CORPUS:
        listed = CORPUS / "defects.json"
    if listed.exists() and path.parent == CORPUS:
        described = {d["id"]: d["what"] for d in json.loads(listed.read_text(encoding="utf-8"))}
    return WorkbookResult(name, report.summary(), list(report.findings), labels, dict(defects), described)  # type: ignore[arg-type]


def render(result: WorkbookResult, template: bool = False) -> str:
    """The report of one workbook, in Indonesian, as scripts/corpus_real.py prints it."""
    lines = [f"== {result.name}: {result.summary}"]
    by_code = Counter((f.severity.value, f.code) for f in result.findings)
    order = {"error": 0, "warning": 1, "info": 2}
    lines.append("temuan per tingkat dan kode:")
    for (severity, code), count in sorted(by_code.items(), key=lambda item: (order[item[0][0]], item[0][1])):
        lines.append(f"  {severity:8} {code:28} {count:>4}")
    counts = Counter(result.labels.get(key(f), ("belum dinilai",))[0] for f in result.findings)
    lines.append(
        "penilaian: "
        + ", ".join(f"{judgement} {counts[judgement]}" for judgement in (*JUDGEMENTS, "belum dinilai"))
    )
    for finding in result.judged("salah"):
        lines.append(f"  SALAH {key(finding)}: {result.labels[key(finding)][1]}")
    if result.guards:
        lines.append(f"temuan salah yang tidak muncul lagi (dijaga): {len(result.guards)}")
    if result.defects:
        found, lost = result.found, result.lost
        missed = [d for d in result.defects_with("missed") if d not in found]
        reach = result.defects_with("out-of-reach")
        total = len(result.described) or len(result.defects)
        lines.append(
            f"cacat tercatat {total}: ditemukan {len(found)}, tidak ditemukan {len(missed) + len(lost)}, "
            f"di luar jangkauan workbook/pemeriksaan {len(reach)}"
        )
        lines.append(f"  ditemukan: {' '.join(found)}")
        for defect in lost:
            lines.append(f"  HILANG {defect}: {result.described.get(defect, '')[:100]}")
        for defect in missed:
            lines.append(f"  tidak ditemukan {defect}: {result.defects[defect].get('why', '')}")
        newly = [d for d in found if result.defects[d].get("status") != "found"]
        if newly:
            lines.append(f"  kini ditemukan (ubah status ke 'found'): {' '.join(newly)}")
    if result.unlabelled:
        lines.append(f"BELUM DINILAI ({len(result.unlabelled)}): tambahkan ke tests/data/corpus/labels.toml")
        for finding in result.unlabelled:
            if template:
                lines.append(f'"{key(finding)}" = ["benar", "{finding.message[:80]}"]')
            else:
                lines.append(f"  {key(finding)}: {finding.message[:100]}")
    if result.stale_labels:
        lines.append(f"label tanpa temuan lagi ({len(result.stale_labels)}): {' '.join(result.stale_labels)}")
    return "\n".join(lines)
