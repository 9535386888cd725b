"""Dates at the edge of Python's calendar (years 1 and 9999) and days that do not exist (30 Februari,
31/04): every period and date function answers or says "unreadable", never raises; the checks name the
cell (issue 30, class 4)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from conftest import minimal_sheets, plan_row
from hypothesis import given
from hypothesis import strategies as st

from zi_sheets.analysis.analyse import analyse
from zi_sheets.analysis.periods import Period, month_end, read_date, read_period
from zi_sheets.checks.run import run_checks
from zi_sheets.common.model import CellRef, CellValue, impossible_day
from zi_sheets.reading.workbook import read_workbook

YEARS = st.integers(min_value=dt.MINYEAR, max_value=dt.MAXYEAR)
CELL = CellRef("Realisasi", 1, "D")


@given(YEARS, st.integers(min_value=1, max_value=12))
def test_every_month_of_every_year_ends_on_its_last_day(year, month):
    end = Period.month(year, month).end_date
    assert (end.year, end.month, end.day) == (year, month, calendar.monthrange(year, month)[1])
    assert month_end((year, month)) == end


@given(YEARS, st.sampled_from([("semester", 2), ("triwulan", 4)]), st.data())
def test_every_half_year_and_quarter_ends_within_its_year(year, kind, data):
    name, count = kind
    period = getattr(Period, name)(year, data.draw(st.integers(min_value=1, max_value=count)))
    assert period.end_date.year == year and period.end_date == month_end(period.last)


@pytest.mark.parametrize("year", [-1, 0, 10000, 99999])
def test_a_year_outside_the_calendar_is_no_period(year):
    with pytest.raises(ValueError, match="Tahun"):
        Period.month(year, 12)
    assert read_period(CellValue(f"Desember {year:04d}", CELL, f"Desember {year:04d}"), 2026) is None


_TEXTS = st.one_of(
    st.text(max_size=30),
    st.builds(
        "{} {} {:04d}".format,
        st.integers(min_value=0, max_value=40),
        st.sampled_from(["Januari", "Februari", "April", "Desember", "13", "02", "Semester II", "TW IV"]),
        st.integers(min_value=0, max_value=10001),
    ),
    st.builds("{}/{}/{}".format, st.integers(0, 40), st.integers(0, 13), st.integers(0, 10001)),
)
_RAWS = st.one_of(
    st.none(),
    st.dates(),
    st.datetimes(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**12), max_value=10**12),
)


@given(_TEXTS, _RAWS, st.one_of(st.none(), st.integers(min_value=1990, max_value=2100)))
def test_reading_a_period_or_a_date_never_raises(text, raw, plan_year):
    value = CellValue(text.strip(), CELL, raw if raw is not None else text)
    period = read_period(value, plan_year)
    if period is not None:
        assert dt.MINYEAR <= period.first[0] <= period.last[0] <= dt.MAXYEAR
        assert period.end_date >= dt.date(*period.first, 1)
    read_date(value, plan_year)


@pytest.mark.parametrize(
    "text, impossible",
    [
        ("30 Februari 2024", True),
        ("29 Februari 2023", True),
        ("31/04/2024", True),
        ("Target 31-06-2024", True),
        ("29 Februari 2024", False),
        ("30 April 2024", False),
        ("Januari s/d Desember 2024", False),
        ("Triwulan II 2024", False),
        ("1 - 4 2024", False),
    ],
)
def test_a_day_the_month_does_not_have(text, impossible):
    assert impossible_day(text) is impossible


def _report(make_xlsx, sheets):
    return run_checks(analyse(read_workbook(make_xlsx(sheets))), dt.date(2024, 6, 1))


def _found(report, code):
    return {finding.cell_text for finding in report.of(code)}


def test_days_that_do_not_exist_are_findings_at_their_cells(make_xlsx):
    sheets = minimal_sheets()
    sheets["Identitas"] = [
        [name, "30 Februari 2024" if name == "Tanggal Penetapan" else value, note]
        for name, value, note in sheets["Identitas"]
    ]
    sheets["RencanaAksi"].append(
        plan_row("III. Penataan Sistem Manajemen SDM", "Pola Mutasi", "Mutasi", target="31/04/2024")
    )
    sheets["Monev"] = [
        ["Bulan", "Area", "Capaian", "Status"],
        ["30 Februari 2024", "I. Manajemen Perubahan", "Tim dibentuk", "Selesai"],
        ["Maret 2024", "I. Manajemen Perubahan", "SK ditetapkan", "Selesai"],
    ]
    report = _report(make_xlsx, sheets)
    penetapan = next(
        row for row, cells in enumerate(sheets["Identitas"], 1) if cells[0] == "Tanggal Penetapan"
    )
    assert f"Identitas!B{penetapan}" in _found(report, "tanggal-unreadable")
    assert "RencanaAksi!H4" in _found(report, "target-unparsed")
    assert _found(report, "monev-month-unreadable") == {"Monev!A2"}


def test_a_monev_month_of_desember_9999_is_a_finding_and_its_report_has_an_end(make_xlsx):
    sheets = minimal_sheets()
    sheets["Monev"] = [
        ["Bulan", "Area", "Capaian", "Status"],
        [dt.datetime(9999, 12, 1), "I. Manajemen Perubahan", "Tim dibentuk", "Selesai"],
    ]
    analysis = analyse(read_workbook(make_xlsx(sheets)))
    assert analysis.latest_period is not None and analysis.latest_period.end_date == dt.date(9999, 12, 31)
    assert _found(run_checks(analysis, dt.date(2024, 6, 1)), "monev-month-outside-year") == {"Monev!A2"}
