"""Every check of `zi-sheets check`: the plan's (`checks.run.run_checks`) and then the LKE sheet's; and so
every finding type the command may report, in the order of the README's table (`all_types`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from zi_sheets.analysis.analyse import Analysis
from zi_sheets.checks.context import CheckContext
from zi_sheets.checks.registry import check
from zi_sheets.checks.run import run_checks
from zi_sheets.common.findings import FINDING_TYPES, Finding, FindingType, Severity
from zi_sheets.common.report import Report
from zi_sheets.lke.codes import LKE_TYPES

if TYPE_CHECKING:
    from zi_sheets.lke.official import OfficialAnswers


def check_workbook(
    analysis: Analysis, today: dt.date | None = None, official: OfficialAnswers | None = None
) -> Report:
    """The report of `zi-sheets check` for an analysed workbook; `today` as in `run_checks`. `official` is
    an official LKE workbook (`--lke`) whose answers are checked instead of the LKE sheet."""
    if official is None:
        return run_checks(analysis, today, also=(check_lke,))

    @check(emits=LKE_TYPES, registered=False)
    def check_official(context: CheckContext) -> Iterator[Finding]:
        from zi_sheets.lke.assess import check_findings

        yield from check_findings(context.analysis, official)

    return run_checks(analysis, today, also=(check_official,))


@check(emits=LKE_TYPES, registered=False)
def check_lke(context: CheckContext) -> Iterator[Finding]:
    """The LKE sheet's answers and evidence, once the unit has started answering (see `zi_sheets.lke`)."""
    if context.workbook.lke is None:
        return  # -- most workbooks have no LKE sheet: the assessment is not even imported
    from zi_sheets.lke.assess import check_findings

    yield from check_findings(context.analysis)


# -- The catalogue's order, as the README lists it: by what a person reads first (structure and identity,
# -- completeness, targets, consistency, Monev, Realisasi, the LKE, the Diterima sheet), not by the module
# -- that defines each type. Every registered type is here once (tests/checks/test_finding_types.py).
CATALOGUE_ORDER = (
    "hidden-row",
    "autofilter-hidden-rows",
    "formula-without-value",
    "identitas-missing",
    "tahun-invalid",
    "regulasi-unknown",
    "predikat-invalid",
    "nip-stored-as-number",
    "nip-length",
    "nip-pattern",
    "placeholder-unknown",
    "narasi-bagian-unknown",
    "pengaturan-invalid",
    "lampiran-part-empty",
    "komponen-missing",
    "plan-row-empty",
    "plan-column-absent",
    "indikator-missing",
    "area-title-differs",
    "indikator-empty",
    "langkah-row-without-indikator",
    "langkah-aksi-empty",
    "bukti-fisik-empty",
    "target-waktu-empty",
    "kode-lke-unknown",
    "komponen-unmatched",
    "komponen-truncated",
    "komponen-other-regulation",
    "komponen-other-area",
    "komponen-numbering",
    "indikator-unmatched",
    "target-unparsed",
    "target-event",
    "target-outside-year",
    "target-year-impossible",
    "target-contradicts-bukti",
    "other-agency",
    "other-region",
    "year-outside-plan",
    "text-year-impossible",
    "evidence-year-old",
    "langkah-repeats-bukti",
    "langkah-not-action",
    "realisasi-in-plan",
    "duplicate-row",
    "bukti-mismatch",
    "langkah-copies-indikator",
    "target-prioritas-audience",
    "bukti-shared",
    "monev-month-unreadable",
    "monev-month-outside-year",
    "monev-area-unknown",
    "monev-status-unknown",
    "monev-ref-unknown",
    "monev-match-doubtful",
    "realisasi-ref-unknown",
    "realisasi-rows-missing",
    "realisasi-sheet-unreadable",
    "realisasi-status-unknown",
    "periode-unreadable",
    "tanggal-unreadable",
    "laporan-bagian-unknown",
    "plan-overdue",
    "monev-area-missing",
    "realisasi-done-after-period",
    "laporan-period-mismatch",
    "laporan-claim-mismatch",
    "laporan-undated",
    "narasi-area-missing",
    "narasi-area-title",
    "narasi-numbering",
    "regulasi-title-wrong",
    "regulasi-number-wrong",
    "lke-claim-unplanned",
    "lke-sheet-unreadable",
    "lke-regulation-mismatch",
    "lke-empty",
    "lke-unanswered",
    "lke-unanswered-count",
    "lke-item-missing",
    "lke-kode-unknown",
    "lke-answer-invalid",
    "lke-jumlah-mismatch",
    "lke-sheet-figure-differs",
    "lke-kode-duplicate",
    "lke-evidence-missing",
    "lke-evidence-outside",
    "lke-evidence-none",
    "lke-link-malformed",
    "lke-link-unreachable",
    "lke-link-refused",
    "lke-link-unchecked",
    "lke-evidence-shared",
    "lke-answer-proposed",
    "diterima-invalid",
    "diterima-unused",
)


def all_types() -> list[FindingType]:
    """Every finding type `zi-sheets check` and `zi-sheets nilai` may report, in catalogue order."""
    return [FINDING_TYPES[code] for code in CATALOGUE_ORDER]


def all_codes() -> list[tuple[str, Severity, str]]:
    """Every finding type as (code, severity, title), in catalogue order (for the README and tests)."""
    return [(t.code, t.severity, t.title) for t in all_types()]


def markdown_table() -> str:
    """The README's table of finding codes, generated from the catalogue (scripts/readme_codes.py)."""
    rows = ["| kode | tingkat | arti | keterangan |", "|---|---|---|---|"]
    rows += [f"| `{t.code}` | {t.severity.label} | {t.title} | {t.description} |" for t in all_types()]
    return "\n".join(rows) + "\n"
