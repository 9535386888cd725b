"""Findings and the Report: the code catalogue, exit codes, sort order, summary, text and JSON output."""

from __future__ import annotations

import json
import re

import pytest

from zi_sheets.analysis.coverage import Coverage
from zi_sheets.checks.completeness import KOMPONEN_MISSING, LANGKAH_AKSI_EMPTY
from zi_sheets.checks.residue import OTHER_AGENCY
from zi_sheets.checks.structure import HIDDEN_ROW, PLACEHOLDER_UNKNOWN
from zi_sheets.checks.targets import TARGET_EVENT, TARGET_YEAR_IMPOSSIBLE
from zi_sheets.common.findings import FINDING_TYPES, Finding, Severity
from zi_sheets.common.model import CellRef
from zi_sheets.common.report import Report
from zi_sheets.lke.check import all_codes, all_types


def test_codes_are_unique_kebab_case_with_titles():
    codes = all_codes()
    assert len(codes) == len({code for code, _, _ in codes})
    for code, severity, title in codes:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", code), code
        assert isinstance(severity, Severity)
        assert title and title[0].isupper() and not title.endswith(".")
    assert {severity for _, severity, _ in codes} == set(Severity)


def test_finding_type_makes_findings_with_its_code_and_severity():
    finding = TARGET_YEAR_IMPOSSIBLE.at(CellRef("RencanaAksi", 14, "H"), target="Juni 208", years=[208])
    assert (finding.code, finding.severity) == ("target-year-impossible", Severity.ERROR)
    assert finding.values == {"target": "Juni 208", "years": [208]}
    assert finding.title == "Tahun pada Target Waktu tidak mungkin"
    assert finding.message == "Tahun '208' pada target 'Juni 208' tidak mungkin."


def test_message_template_quotes_lists_and_empty_cells():
    long_text = "Penyusunan " + "dokumen " * 20
    finding = LANGKAH_AKSI_EMPTY.at(CellRef("RencanaAksi", 9, "F"), kolom="Langkah Aksi", row=9, komponen="")
    assert finding.message == "Langkah Aksi kosong pada baris 9 (komponen kosong)."
    quoted = TARGET_EVENT.at(None, target=long_text).message
    assert quoted.startswith("Target 'Penyusunan dokumen") and "…'" in quoted and "\n" not in quoted
    names = PLACEHOLDER_UNKNOWN.at(None, names=["{Nama Unit}", "{Thn}"]).message
    assert names.startswith("{Nama Unit}, {Thn} bukan nama isian") and "{Nama Unit Kerja}" in names


def test_a_finding_needs_exactly_the_values_its_message_names():
    with pytest.raises(ValueError, match="target-event"):
        TARGET_EVENT.at(None)
    with pytest.raises(ValueError, match="target-event"):
        TARGET_EVENT.at(None, target="x", extra=1)


def test_every_type_has_a_message_and_a_description():
    for kind in all_types():
        assert kind.message and kind.description.endswith("."), kind.code


@pytest.mark.parametrize(
    ("cell", "sheet", "expected"),
    [
        (CellRef("RencanaAksi", 14, "F"), "", "RencanaAksi!F14"),
        (CellRef("RencanaAksi", 14, ""), "", "RencanaAksi!14:14"),
        (None, "RencanaAksi", "RencanaAksi"),
        (None, "", ""),
    ],
)
def test_cell_text(cell, sheet, expected):
    assert HIDDEN_ROW.at(cell, sheet=sheet, row=14, nama_sheet="RencanaAksi").cell_text == expected


def _finding(code: str, sheet: str = "RencanaAksi", row: int = 2, column: str = "E") -> Finding:
    kind = FINDING_TYPES[code]
    return Finding(code, kind.severity, CellRef(sheet, row, column), f"{code} {sheet}!{column}{row}")


@pytest.mark.parametrize(
    ("codes", "strict", "expected"),
    [
        ([], False, 0),
        (["plan-overdue"], True, 0),
        (["hidden-row", "plan-overdue"], False, 0),
        (["hidden-row"], True, 1),
        (["indikator-empty"], False, 1),
        (["indikator-empty", "hidden-row"], True, 1),
    ],
)
def test_exit_code(codes, strict, expected):
    assert Report([_finding(code) for code in codes]).exit_code(strict=strict) == expected


def test_sorted_by_sheet_order_then_row_then_column():
    unsorted = [
        _finding("hidden-row", "TimKerja", 2, "A"),
        _finding("monev-area-unknown", "Monev", 3, "B"),
        _finding("indikator-empty", "RencanaAksi", 10, "E"),
        _finding("duplicate-row", "RencanaAksi", 9, "AA"),
        _finding("langkah-aksi-empty", "RencanaAksi", 9, "F"),
        Finding("komponen-missing", Severity.ERROR, None, "tanpa sel", sheet="RencanaAksi"),
        _finding("placeholder-unknown", "Narasi", 5, "B"),
        _finding("hidden-row", "MekanismeTim", 4, "A"),
        _finding("nip-length", "Identitas", 10, "B"),
    ]
    report = Report(unsorted)
    assert [x.cell_text for x in report.findings] == [
        "Identitas!B10",
        "Narasi!B5",
        "RencanaAksi",
        "RencanaAksi!F9",
        "RencanaAksi!AA9",
        "RencanaAksi!E10",
        "Monev!B3",
        "MekanismeTim!A4",
        "TimKerja!A2",
    ]


def test_sheet_order_follows_the_sheets_the_reader_found():
    # -- with the reader's sheets_found, the sheets read as Identitas, RencanaAksi and Monev come first
    # -- whatever their names; another sheet named like one of them follows by name
    sheets = {"Identitas": "Data", "RencanaAksi": "RA 2026", "Monev": "Monev 2026"}
    unsorted = [
        _finding("hidden-row", "Monev 2025", 1, "A"),
        _finding("monev-area-unknown", "Monev 2026", 3, "B"),
        _finding("langkah-aksi-empty", "RA 2026", 9, "F"),
        Finding("komponen-missing", Severity.ERROR, None, "tanpa sel", sheet="RA 2026"),
        _finding("nip-length", "Data", 10, "B"),
    ]
    report = Report(unsorted, sheets=sheets)
    assert [x.cell_text for x in report.findings] == [
        "Data!B10",
        "RA 2026",
        "RA 2026!F9",
        "Monev 2026!B3",
        "Monev 2025!A1",
    ]


def test_summary_counts_and_coverage():
    report = Report(
        [_finding("indikator-empty"), _finding("hidden-row"), _finding("hidden-row", row=3)],
        Coverage("52-2014", 23, 23, 61, 81),
    )
    assert (
        report.summary() == "1 galat, 2 peringatan, 0 info; komponen 23 dari 23, indikator 61 dari 81 (75%)"
    )
    assert Report([]).summary() == "0 galat, 0 peringatan, 0 info"


def test_percent_is_rounded_down_so_100_means_complete():
    assert Coverage("90-2021", 43, 43, 109, 110).indicator_percent == 99
    assert Coverage("90-2021", 0, 0, 0, 0).indicator_percent == 0


def test_to_text_one_line_per_finding_and_summary_last():
    finding = TARGET_YEAR_IMPOSSIBLE.at(
        CellRef("RencanaAksi", 14, "H"), target="Juni, Desember 208", years=[208]
    )
    lines = Report([finding]).to_text().splitlines()
    assert lines == [
        "RencanaAksi!H14  galat  target-year-impossible  Tahun '208' pada target 'Juni, Desember 208' "
        "tidak mungkin.",
        "1 galat, 0 peringatan, 0 info",
    ]


def test_to_json_has_every_finding_with_position_code_and_values():
    report = Report(
        [
            OTHER_AGENCY.at(
                CellRef("RencanaAksi", 18, "D"), names=["BKP"], unit="Kecamatan X", kutipan="BKP"
            ),
            KOMPONEN_MISSING.at(
                None,
                sheet="RencanaAksi",
                komponen="2.2",
                nama="SOP",
                area="II",
                katalog="PermenPANRB 52/2014",
            ),
        ],
        Coverage("52-2014", 22, 23, 70, 81),
    )
    data = json.loads(report.to_json())
    assert data["summary"] == "1 galat, 1 peringatan, 0 info; komponen 22 dari 23, indikator 70 dari 81 (86%)"
    assert data["counts"] == {"error": 1, "warning": 1, "info": 0, "accepted": 0}
    assert data["accepted"] == []
    assert data["coverage"]["komponen"] == [22, 23]
    assert data["coverage"]["indikator"] == [70, 81]
    assert [(x["sheet"], x["cell"], x["code"], x["severity"]) for x in data["findings"]] == [
        ("RencanaAksi", None, "komponen-missing", "error"),
        ("RencanaAksi", "D18", "other-agency", "warning"),
    ]
    assert data["findings"][1]["values"] == {"names": ["BKP"], "unit": "Kecamatan X", "kutipan": "BKP"}
    assert data["findings"][1]["message"].startswith("Teks menyebut BKP, bukan Kecamatan X;")
