"""The command line through click's CliRunner: output streams, exit codes, nothing written on failure."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, ROOT, minimal_sheets
from docx import Document
from factory import unit_workbook
from openpyxl import load_workbook

from zi_sheets.cli.commands import main


@pytest.fixture
def runner():
    return CliRunner()


def test_build_example_writes_the_rencana_kerja(runner, tmp_path):
    result = runner.invoke(main, ["build", str(EXAMPLE), "-o", str(tmp_path)])
    # -- The example keeps the seed's real defects: exit 1, yet nothing blocks the documents.
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("pemeriksaan: 2 galat")
    written = re.findall(r"^ditulis: (.+)$", result.stderr, flags=re.MULTILINE)
    folder = tmp_path / "opd-kecamatan-pasirian-2019"
    assert written == [
        str(folder / "1.2.a Rencana Kerja Pembangunan ZI 2019.docx"),
        str(folder / "1.2.a Lampiran Rencana Kerja Pembangunan ZI 2019.docx"),
        str(folder / "1.3.b Monev Pembangunan ZI Mei 2019.docx"),
    ]
    document = Document(written[0])
    assert any("BAB III" in p.text for p in document.paragraphs)


@pytest.mark.parametrize("case", ["text-file", "no-rencana-aksi"])
def test_unreadable_input_exits_3_with_one_line_and_writes_nothing(runner, tmp_path, make_xlsx, case):
    if case == "text-file":
        path = tmp_path / "catatan.xlsx"
        path.write_text("bukan workbook", encoding="utf-8")
    else:
        sheets = minimal_sheets()
        del sheets["RencanaAksi"]
        path = make_xlsx(sheets, name="tanpa-rencana.xlsx")
    out = tmp_path / "hasil"
    result = runner.invoke(main, ["build", str(path), "-o", str(out)])
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and path.name in lines[0]
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert not out.exists()


def test_init_writes_and_refuses_overwrite(runner, tmp_path):
    path = tmp_path / "zi.xlsx"
    first = runner.invoke(main, ["init", str(path), "--unit-kerja", "Kecamatan Uji", "--tahun", "2024"])
    assert first.exit_code == 0 and path.exists()
    again = runner.invoke(main, ["init", str(path)])
    assert again.exit_code == 3 and "--force" in again.stderr


def test_catalogue_lists_both_regulations(runner):
    old = runner.invoke(main, ["catalogue", "--regulasi", "52-2014"])
    assert old.exit_code == 0
    assert old.stdout.splitlines()[0] == "PermenPANRB 52/2014: 6 area, 23 komponen, 81 indikator"
    new = runner.invoke(main, ["catalogue"])
    assert "P.1.ii.a" in new.stdout and "110 indikator" in new.stdout


def test_bad_option_is_a_usage_error(runner):
    assert runner.invoke(main, ["init", "--regulasi", "10-2019"]).exit_code == 2


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example_and_is_in_the_readme(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Contoh: zi-sheets " + command in result.output
    assert f"zi-sheets {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_check_example_text_and_exit_code(runner):
    result = runner.invoke(main, ["check", str(EXAMPLE)])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert lines[-1].startswith("2 galat") and "komponen 23 dari 23" in lines[-1]
    assert any(line.startswith("RencanaAksi!F64  galat  target-year-impossible") for line in lines)


def test_check_json_carries_cells(runner):
    import json

    result = runner.invoke(main, ["check", "--format", "json", str(EXAMPLE)])
    data = json.loads(result.stdout)
    refs = {(f["ref"], f["code"]) for f in data["findings"]}
    assert ("RencanaAksi!C15", "indikator-empty") in refs
    assert all({"sheet", "cell", "code", "severity", "message"} <= set(f) for f in data["findings"])
    assert data["coverage"]["komponen"] == [23, 23]


def test_check_exit_codes_and_strict(runner, make_xlsx, tmp_path):
    from zi_sheets.template.new_workbook import write_template

    blank = write_template(tmp_path / "kosong.xlsx", unit_kerja="Kecamatan Uji", tahun=2024)
    # -- The blank template has empty plan cells: errors, exit 1; unreadable input is 3.
    assert runner.invoke(main, ["check", str(blank)]).exit_code == 1
    assert runner.invoke(main, ["check", str(tmp_path / "tidak-ada.xlsx")]).exit_code == 3
    # -- A filled plan whose only finding is a warning (a hidden row) passes, but not with --strict.
    filled = unit_workbook(tmp_path / "unit.xlsx", monev_months=12)
    book = load_workbook(filled)
    book["RencanaAksi"].row_dimensions[5].hidden = True
    book.save(filled)
    plain = runner.invoke(main, ["check", str(filled)])
    assert plain.stdout.strip().splitlines()[-1].startswith("0 galat, 1 peringatan"), plain.stdout
    assert plain.exit_code == 0
    assert runner.invoke(main, ["check", "--strict", str(filled)]).exit_code == 1


def test_build_refuses_only_for_blocking_errors(runner, make_xlsx, tmp_path):
    sheets = minimal_sheets()
    sheets["Identitas"] = [row for row in sheets["Identitas"] if row[0] != "Nama Unit Kerja"]
    out = tmp_path / "hasil"
    result = runner.invoke(main, ["build", str(make_xlsx(sheets)), "-o", str(out)])
    assert result.exit_code == 4  # -- nothing written
    assert "identitas-missing" in result.stderr and "dokumen tidak ditulis" in result.stderr
    assert not out.exists()


def _two_month_workbook(make_xlsx):
    import datetime as dt

    sheets = minimal_sheets()
    sheets["Monev"] = [
        ["Bulan", "Area", "Capaian", "Status"],
        [dt.datetime(2024, 5, 1), "Manajemen Perubahan", "Capaian bulan Mei", "Selesai"],
        [dt.datetime(2024, 6, 1), "Penataan Tatalaksana", "Capaian bulan Juni", "Dalam Proses"],
    ]
    return make_xlsx(sheets, name="dua-bulan.xlsx")


def _monev_text(folder) -> tuple[str, str]:
    (monev,) = [p for p in folder.rglob("*Monev*.docx")]
    document = Document(str(monev))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return monev.name, "\n".join(texts)


@pytest.mark.parametrize(
    ("options", "name", "present", "absent"),
    [
        ([], "1.iii.b Monev Pembangunan ZI Juni 2024.docx", ["Capaian bulan Juni"], ["Capaian bulan Mei"]),
        (
            ["--bulan", "2024-05"],
            "1.iii.b Monev Pembangunan ZI Mei 2024.docx",
            ["Capaian bulan Mei"],
            ["Capaian bulan Juni"],
        ),
        (
            ["--semester", "1"],
            "1.iii.b Monev Pembangunan ZI Semester I 2024.docx",
            ["Capaian bulan Mei", "Capaian bulan Juni", "BULAN : Mei 2024", "BULAN : Juni 2024"],
            [],
        ),
    ],
)
def test_build_monev_period(runner, make_xlsx, tmp_path, options, name, present, absent):
    result = runner.invoke(
        main, ["build", str(_two_month_workbook(make_xlsx)), "-o", str(tmp_path), *options]
    )
    assert result.exit_code in (0, 1), result.output
    written, text = _monev_text(tmp_path)
    assert written == name
    for expected in present:
        assert expected in text
    for unexpected in absent:
        assert unexpected not in text


@pytest.mark.parametrize(
    ("options", "warnings"),
    [
        (["--bulan", "2024-05"], []),
        (["--semester", "1"], []),
        (["--bulan", "2023-05"], ["periode Monev Mei 2023 di luar tahun rencana 2024", "untuk Mei 2023;"]),
        (["--bulan", "2024-08"], ["tidak memuat capaian untuk Agustus 2024;"]),
        (["--triwulan", "3"], ["tidak memuat capaian untuk Triwulan III 2024;"]),
    ],
)
def test_a_period_outside_the_year_or_without_monev_is_a_warning_line(
    runner, make_xlsx, tmp_path, options, warnings
):
    result = runner.invoke(
        main, ["build", str(_two_month_workbook(make_xlsx)), "-o", str(tmp_path), *options]
    )
    assert result.exit_code == 1, result.output  # -- the minimal workbook lacks most komponen
    lines = [line for line in result.stderr.splitlines() if line.startswith("peringatan: ")]
    assert len(lines) == len(warnings)
    for line, expected in zip(lines, warnings, strict=True):
        assert expected in line


def test_build_rejects_two_periods_and_a_bad_month(runner, make_xlsx, tmp_path):
    path = _two_month_workbook(make_xlsx)
    both = runner.invoke(main, ["build", str(path), "--bulan", "2024-05", "--semester", "1"])
    assert both.exit_code == 2
    bad = runner.invoke(main, ["build", str(path), "-o", str(tmp_path / "x"), "--bulan", "2024-13"])
    assert bad.exit_code == 3 and len(bad.stderr.strip().splitlines()) == 1


def test_pdf_without_libreoffice_still_writes_docx(runner, make_xlsx, tmp_path, monkeypatch):
    monkeypatch.setattr("zi_sheets.delivery.pdf.find_office", lambda: None)
    result = runner.invoke(main, ["build", str(_two_month_workbook(make_xlsx)), "-o", str(tmp_path), "--pdf"])
    assert result.exit_code in (0, 1)
    assert "LibreOffice tidak ditemukan" in result.stderr
    assert list(tmp_path.rglob("*.docx")) and not list(tmp_path.rglob("*.pdf"))


LOST_NIP = 1.97805122005012e17  # -- 197805122005012009 typed in a General cell: Excel keeps ...2000


def _nip_as_number(make_xlsx, sheet: str, label: str):
    sheets = minimal_sheets()
    sheets["TimKerja"] = [["No", "Nama", "NIP", "Jabatan"], [1, "SITI AMINAH", "198001012005012003", "Ketua"]]
    if sheet == "Identitas":
        sheets["Identitas"] = [[r[0], LOST_NIP if r[0] == label else r[1], r[2]] for r in sheets["Identitas"]]
    else:
        sheets["TimKerja"][1][2] = LOST_NIP
    return make_xlsx(sheets)


@pytest.mark.parametrize(
    ("sheet", "label", "cell"),
    [("Identitas", "NIP Pimpinan", "Identitas!B10"), ("Identitas", "NIP Ketua Tim", "Identitas!B13")],
)
def test_a_signatorys_nip_stored_as_a_number_blocks_the_build_and_the_package(
    runner, make_xlsx, tmp_path, sheet, label, cell
):
    out = tmp_path / "hasil"
    result = runner.invoke(
        main, ["build", str(_nip_as_number(make_xlsx, sheet, label)), "-o", str(out), "--paket"]
    )
    assert result.exit_code == 4  # -- nothing written (1 would say: written, with error findings)
    lines = result.stderr.splitlines()
    refused = [line for line in lines if "nip-stored-as-number" in line]
    assert len(refused) == 1 and refused[0].startswith(cell)
    assert "197805122005012000" in refused[0] and "Format sel itu sebagai Teks" in refused[0]
    assert "dokumen tidak ditulis" in refused[0]
    assert lines[-1] == "dokumen tidak ditulis; perbaiki temuan di atas lalu ulangi."
    assert not out.exists()  # -- no signature block, no .eml drafted


def test_a_team_members_nip_stored_as_a_number_withholds_only_the_lampiran(runner, make_xlsx, tmp_path):
    # -- was: every document refused, as for a signatory's; a member's NIP is printed in the Lampiran only
    out = tmp_path / "hasil"
    result = runner.invoke(main, ["build", str(_nip_as_number(make_xlsx, "TimKerja", "NIP")), "-o", str(out)])
    assert result.exit_code == 1  # -- written, with findings
    written = sorted(path.name for path in out.rglob("*.docx"))
    assert written and not [name for name in written if "Lampiran" in name]
    assert any("Rencana Kerja" in name for name in written)
    (note,) = [line for line in result.stderr.splitlines() if line.startswith("Lampiran tidak ditulis")]
    assert "TimKerja!C2" in note and "nip-stored-as-number" in note and "197805122005012000" in note
