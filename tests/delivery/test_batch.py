"""Many workbooks at once: check and build over a folder on both cores, and the inspectorate's rekap."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from factory import unit_workbook
from openpyxl import load_workbook

from zi_sheets.cli.commands import main

BROKEN = {
    "unit-07.xlsx": b"bukan workbook",
    "unit-13.xlsx": b"",
    "unit-21.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
}


@pytest.fixture(scope="module")
def kabupaten(tmp_path_factory):
    """A folder of 30 unit workbooks as an inspectorate receives them, three of them broken."""
    folder = tmp_path_factory.mktemp("kiriman")
    for number in range(1, 31):
        path = folder / f"unit-{number:02d}.xlsx"
        if path.name in BROKEN:
            path.write_bytes(BROKEN[path.name])
        else:
            unit_workbook(path, unit=f"Kecamatan Uji {number:02d}", year=2024, monev_months=1 + number % 3)
    # -- a few real defects, so the figures differ between units
    (folder / "unit-02.xlsx").unlink()
    unit_workbook(folder / "unit-02.xlsx", unit="Kecamatan Uji 02", year=2024, rows=40)
    return folder


def test_rekap_lists_every_unit_and_agrees_with_check(kabupaten, tmp_path):
    target = tmp_path / "rekap.xlsx"
    result = CliRunner().invoke(main, ["rekap", str(kabupaten), "-o", str(target)])
    assert result.exit_code == 0, result.output
    for name in BROKEN:
        assert any(
            line.startswith(str(kabupaten / name)) and "tidak terbaca" in line
            for line in result.stderr.splitlines()
        )
    book = load_workbook(target)
    summary, findings = book["Ringkasan"], book["Temuan"]
    header = [c.value for c in summary[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in summary.iter_rows(min_row=2)]
    assert len(rows) == 30
    assert sorted(r["Berkas"] for r in rows if r["Status"] == "Tidak terbaca") == sorted(BROKEN)
    assert summary.freeze_panes == "A2" and summary.auto_filter.ref and summary.conditional_formatting
    assert findings.auto_filter.ref and findings.freeze_panes == "A2"
    for sheet in (summary, findings):  # -- printed landscape, one page wide, the header on every page
        setup = sheet.page_setup
        assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$1:$1"
    for row in rows:
        if row["Status"] == "Tidak terbaca":
            assert row["Keterangan"] and row["Galat"] is None and row["Jumlah Komponen"] is None
            continue
        single = CliRunner().invoke(main, ["check", "--format", "json", str(kabupaten / row["Berkas"])])
        data = json.loads(single.stdout)
        assert (row["Galat"], row["Peringatan"]) == (data["counts"]["error"], data["counts"]["warning"])
        assert row["Cakupan Indikator (%)"] == data["coverage"]["indikator_persen"]
        assert [row["Komponen Tercakup"], row["Jumlah Komponen"]] == data["coverage"]["komponen"]
        figures = (
            "Tahun",
            "Komponen Tercakup",
            "Jumlah Komponen",
            "Galat",
            "Peringatan",
            "Langkah Terlambat",
        )
        assert all(isinstance(row[name], int) for name in figures), row  # -- numbers Excel can sum
        overdue = sum(f["values"]["jumlah"] for f in data["findings"] if f["code"] == "plan-overdue")
        assert row["Langkah Terlambat"] == overdue
        listed = [r for r in findings.iter_rows(min_row=2, values_only=True) if r[1] == row["Berkas"]]
        assert len(listed) == len(data["findings"])


def test_check_folder_gives_each_workbook_its_line(kabupaten):
    result = CliRunner().invoke(main, ["check", str(kabupaten)])
    assert result.exit_code == 3  # -- the worst of them: three could not be read
    assert result.stdout.count("== ") == 30
    assert (
        result.stdout.strip().splitlines()[-1] == "30 workbook: 26 tanpa galat, 1 ada galat, 3 tidak terbaca"
    )


def test_build_several_files_writes_each_and_reports_the_broken(kabupaten, tmp_path):
    files = [str(kabupaten / name) for name in ("unit-01.xlsx", "unit-07.xlsx", "unit-03.xlsx")]
    result = CliRunner().invoke(main, ["build", *files, "-o", str(tmp_path)])
    assert result.exit_code == 3
    assert f"{files[1]}: tidak terbaca:" in result.stderr
    assert {p.parent.name for p in tmp_path.rglob("*.docx")} == {
        "kecamatan-uji-01-2024",
        "kecamatan-uji-03-2024",
    }
    assert len(list(tmp_path.rglob("*.docx"))) == 6
