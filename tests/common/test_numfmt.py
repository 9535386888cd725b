"""Numbers under Excel number formats, shown the Indonesian way."""

from __future__ import annotations

import pytest

from zi_sheets.common.numfmt import BUILTIN_FORMATS, format_number, general, is_date_format, needs_format

RUPIAH = '_-[$Rp-421]* #,##0_-;\\-[$Rp-421]* #,##0_-;_-[$Rp-421]* "-"_-;_-@_-'


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (0.85, "0%", "85%"),
        (-0.85, "0%", "-85%"),
        (0.1234, "0.00%", "12,34%"),
        (1234567, "#,##0", "1.234.567"),
        (1234567.891, "#,##0.00", "1.234.567,89"),
        (2.675, "0.00", "2,68"),  # -- half away from zero, on the number as Excel shows it
        (12, "000", "012"),
        (1234567, "#,##0,", "1.235"),  # -- a trailing comma scales by a thousand
        (-1234.5, "#,##0.0;(#,##0.0)", "(1.234,5)"),
        (1234567, RUPIAH, "Rp 1.234.567"),
        (-5000, RUPIAH, "-Rp 5.000"),
        (0, RUPIAH, "Rp -"),
        (0, BUILTIN_FORMATS[41], "-"),
        (-1234, BUILTIN_FORMATS[41], "(1.234)"),
        (12345.678, "0.00E+00", "1,23E+04"),
        (5, '0 "orang"', "5 orang"),
        (3, "[Red]0", "3"),
        (0.5, "# ?/?", "0,5"),  # -- fractions: left to General
        (150, "[>100]0;0", "150"),  # -- conditions: left to General
        (1.5, None, "1,5"),
        (1.5, "General", "1,5"),
    ],
)
def test_format_number(value, code, shown):
    assert format_number(value, code) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (2024, "2024"),
        (2024.0, "2024"),
        (1.5, "1,5"),
        (0.1 + 0.2, "0,3"),
        (-0.25, "-0,25"),
        (1.2e-05, "1,2E-05"),
    ],
)
def test_general(value, shown):
    assert general(value) == shown


@pytest.mark.parametrize(
    ("code", "date", "needed"),
    [
        ("General", False, False),
        ("@", False, False),
        ("d/m/yyyy", True, False),
        ("[$-421]dd mmmm yyyy", True, False),
        ("[h]:mm", True, False),
        ("0%", False, True),
        ('#,##0 "hari"', False, True),
    ],
)
def test_which_formats_need_rendering(code, date, needed):
    assert (is_date_format(code), needs_format(code)) == (date, needed)
