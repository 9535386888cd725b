"""An empty part of the workbook leaves its part of the Lampiran out, and the check says so (issue 22,
class 6)."""

from __future__ import annotations

import datetime as dt

from conftest import minimal_sheets

from zi_sheets.analysis.analyse import analyse
from zi_sheets.checks.run import run_checks
from zi_sheets.reading.workbook import read_workbook


def test_an_empty_or_absent_lampiran_sheet_is_one_note_each(make_xlsx):
    sheets = minimal_sheets()
    sheets["MekanismeTim"] = [["No", "Langkah"]]
    report = run_checks(analyse(read_workbook(make_xlsx(sheets))), dt.date(2024, 6, 1))
    notes = report.of("lampiran-part-empty")
    assert sorted((f.sheet_name, f.values["keadaan"]) for f in notes) == [
        ("", "tidak ada"),
        ("MekanismeTim", "kosong"),
    ]
    assert all(f.severity.value == "info" for f in notes)


def test_filled_lampiran_sheets_give_no_note(make_xlsx):
    sheets = minimal_sheets()
    sheets["MekanismeTim"] = [["No", "Langkah"], [1, "Camat menetapkan Tim"]]
    sheets["TargetPrioritas"] = [["No", "Target Prioritas"], [1, "SOP ditetapkan"]]
    report = run_checks(analyse(read_workbook(make_xlsx(sheets))), dt.date(2024, 6, 1))
    assert not report.of("lampiran-part-empty")
