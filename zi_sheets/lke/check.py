"""Every check of `zi-sheets check`: the plan's (`checks.run_checks`) and then the LKE sheet's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from zi_sheets.analysis.analyse import Analysis
from zi_sheets.checks.run import CheckContext, run_checks
from zi_sheets.common.findings import Finding, Report


def check_workbook(analysis: Analysis, today: dt.date | None = None) -> Report:
    """The report of `zi-sheets check` for an analysed workbook; `today` as in `run_checks`."""
    return run_checks(analysis, today, also=(check_lke,))


def check_lke(context: CheckContext) -> Iterator[Finding]:
    """The LKE sheet's answers and evidence, once the unit has started answering (see `zi_sheets.lke`)."""
    if context.workbook.lke is None:
        return  # -- most workbooks have no LKE sheet: the assessment is not even imported
    from zi_sheets.lke.assess import check_findings

    yield from check_findings(context.analysis)
