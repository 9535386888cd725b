"""Running the checks of `zi-sheets check`: every family's checks in one fixed order, then a later stage's.

`run_checks` wraps the workbook's `analysis.Analysis` (catalogue, parsed targets, catalogue matches, Monev
references and progress, each computed once) in a `CheckContext` and runs the registered checks over it.
The families run in the order of `FAMILIES`, each family's checks in the order of its module: the order of
the findings on one cell, whatever module a caller imported first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from zi_sheets.analysis.analyse import Analysis
from zi_sheets.checks import (
    claims,
    completeness,
    consistency,
    content,
    every_unit,
    monev,
    residue,
    structure,
    targets,
)
from zi_sheets.checks.context import CheckContext
from zi_sheets.checks.diterima import apply_diterima
from zi_sheets.checks.registry import CHECKS, Check
from zi_sheets.common.findings import Finding
from zi_sheets.common.report import Report

# -- The families of checks, in the order they run: the workbook's structure and identity, completeness
# -- against the catalogue, target dates, copy-paste residue, consistency, Monev and Realisasi, and what
# -- holds for every kind of unit, and what the plan's cells say against their indicators.
FAMILIES = (structure, completeness, targets, residue, consistency, monev, claims, every_unit, content)


def all_checks() -> list[Check]:
    """Every registered check, in the order they run (by family, then as written in the family)."""
    order = {family.__name__: index for index, family in enumerate(FAMILIES)}
    return sorted(CHECKS, key=lambda each: order[each.module])


def run_checks(analysis: Analysis, today: dt.date | None = None, also: Iterable[Check] = ()) -> Report:
    """Run every check over an analysed workbook, then the checks in `also` (a later stage's, such as the
    LKE's: `lke.check.check_workbook`); `today` (default: the real date) bounds plausible birth dates."""
    context = CheckContext(analysis, today or dt.date.today())
    found: list[Finding] = []
    for each in (*all_checks(), *also):
        found.extend(each(context))
    standing, accepted = apply_diterima(found, analysis.workbook.diterima)
    return Report(standing, analysis.coverage, accepted, analysis.workbook.sheets_found)
