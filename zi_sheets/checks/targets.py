"""Checks of target dates: every Target Waktu reads as months of the plan year."""

from __future__ import annotations

from collections.abc import Iterator

from zi_sheets.checks.context import CheckContext
from zi_sheets.checks.registry import check
from zi_sheets.common.dates import MAX_YEAR, MIN_YEAR
from zi_sheets.common.findings import Finding, register
from zi_sheets.common.model import (
    CellRef,
    impossible_day,
)

# -- The finding types of this family (the README lists them in `lke.check.CATALOGUE_ORDER`). --
TARGET_UNPARSED = register(
    "target-unparsed",
    "warning",
    "Target Waktu tidak terbaca sebagai bulan",
    "Target {target!q} tidak terbaca sebagai bulan; tulis mis. 'Maret {tahun}', 'Januari s/d Desember "
    "{tahun}' atau 'Triwulan II'.",
    "Target Waktu yang tidak terbaca tidak dapat dipantau di Monev.",
)
TARGET_EVENT = register(
    "target-event",
    "info",
    "Target Waktu berupa kejadian, bukan bulan",
    "Target {target!q} berupa kejadian, bukan bulan; tambahkan bulan atau rentang bulan agar jadwalnya dapat "
    "dipantau.",
    "Target seperti 'setelah SK terbit' tidak punya bulan jatuh tempo.",
)
TARGET_OUTSIDE_YEAR = register(
    "target-outside-year",
    "warning",
    "Target Waktu di luar tahun rencana",
    "Target {target!q} jatuh pada tahun {years}, di luar tahun rencana {tahun}.",
    "Target bertahun lain biasanya tersalin dari rencana lama.",
)
TARGET_YEAR_IMPOSSIBLE = register(
    "target-year-impossible",
    "error",
    "Tahun pada Target Waktu tidak mungkin",
    "Tahun '{years}' pada target '{target}' tidak mungkin.",
    "Tahun seperti '208' adalah salah ketik.",
)


@check(emits=(TARGET_YEAR_IMPOSSIBLE, TARGET_EVENT, TARGET_UNPARSED, TARGET_OUTSIDE_YEAR))
def check_targets(context: CheckContext) -> Iterator[Finding]:
    """Target Waktu reads as months of the plan year."""
    year = context.plan_year
    example = year or context.today.year
    for row in context.plan:
        if not row.target_waktu:
            continue
        target = context.targets[row.row]
        cell = context.plan_cell(row, "target_waktu")
        text = row.target_waktu.text
        if isinstance(row.target_waktu.raw, str) and impossible_day(text):
            yield TARGET_UNPARSED.at(cell, target=text, tahun=example)  # -- "31/04/2024": no such day
        elif "impossible-year" in target.flags:
            bad = sorted(y for y in target.years if not MIN_YEAR <= y <= MAX_YEAR)
            yield TARGET_YEAR_IMPOSSIBLE.at(cell, target=text, years=bad)
        elif not target.months:
            if "event" in target.flags:
                yield TARGET_EVENT.at(cell, target=text)
            elif "multi-year-range" in target.flags and year is not None and year in target.years:
                continue  # "2015-2019": a span of years reaching the plan year; no month to check
            elif "multi-year-range" in target.flags and year is not None:
                yield _outside_year(cell, text, sorted(target.years), year)
            elif "no-year" not in target.flags:
                yield TARGET_UNPARSED.at(cell, target=text, tahun=example)
        elif year is not None:
            outside = sorted({y for y, _ in target.months if y != year})
            if outside:
                yield _outside_year(cell, text, outside, year)


def _outside_year(cell: CellRef, text: str, years: list[int], plan_year: int) -> Finding:
    return TARGET_OUTSIDE_YEAR.at(cell, target=text, years=years, tahun=plan_year)
