"""What a folder holds besides workbooks is named, never dropped; JSON has one schema for one and many."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE
from factory import unit_workbook

from zi_sheets.cli.commands import main
from zi_sheets.delivery.batch import expand_inputs

KEYS = ["berkas", "galat_baca", "summary", "counts", "coverage", "findings", "accepted"]


@pytest.fixture(scope="module")
def kiriman(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder as a unit's mail attachments land: workbooks, an old .xls, lock files, a PDF, OS litter."""
    folder = tmp_path_factory.mktemp("kiriman")
    unit_workbook(folder / "unit-a.xlsx", unit="Kecamatan A", year=2024)
    (folder / "sub").mkdir()
    unit_workbook(folder / "sub" / "unit-b.xlsx", unit="Kecamatan B", year=2024)
    (folder / "unit-c.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    (folder / "~$unit-a.xlsx").write_bytes(b"kunci Excel")
    (folder / ".~lock.unit-a.xlsx#").write_text("kunci LibreOffice", encoding="utf-8")
    (folder / "surat pengantar.pdf").write_bytes(b"%PDF-1.4")
    (folder / "Thumbs.db").write_bytes(b"")
    (folder / ".DS_Store").write_bytes(b"")
    return folder


def test_folder_inputs_take_workbooks_and_name_every_other_file(kiriman: Path) -> None:
    inputs = expand_inputs([kiriman])
    assert [p.relative_to(kiriman).as_posix() for p in inputs.workbooks] == [
        "sub/unit-b.xlsx",
        "unit-a.xlsx",
        "unit-c.xls",
    ]
    lock = "berkas kunci Excel/LibreOffice yang ada selama workbook dibuka, bukan workbook"
    assert [(p.name, reason) for p, reason in inputs.skipped] == [
        (".~lock.unit-a.xlsx#", lock),
        ("surat pengantar.pdf", "bukan workbook .xlsx atau .ods"),
        ("~$unit-a.xlsx", lock),
    ]


def test_check_folder_names_each_skipped_file_in_one_line(kiriman: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(kiriman)])
    skipped = [line for line in result.stderr.splitlines() if line.startswith("dilewati: ")]
    assert skipped == [
        f"dilewati: {kiriman / '.~lock.unit-a.xlsx#'} (berkas kunci Excel/LibreOffice yang ada selama "
        "workbook dibuka, bukan workbook)",
        f"dilewati: {kiriman / 'surat pengantar.pdf'} (bukan workbook .xlsx atau .ods)",
        f"dilewati: {kiriman / '~$unit-a.xlsx'} (berkas kunci Excel/LibreOffice yang ada selama workbook "
        "dibuka, bukan workbook)",
    ]
    # -- the .xls is not dropped: it is a unit's workbook, named unreadable with how to resave it
    assert f"== {kiriman / 'unit-c.xls'}\ntidak terbaca: Berkas unit-c.xls berformat Excel lama (.xls)" in (
        result.stdout
    )
    assert result.stdout.strip().splitlines()[-1] == "3 workbook: 2 tanpa galat, 0 ada galat, 1 tidak terbaca"
    assert result.exit_code == 3


def test_build_of_a_folder_does_not_name_its_own_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit_workbook(tmp_path / "zi.xlsx", unit="Kecamatan A", year=2024)
    unit_workbook(tmp_path / "zi-b.xlsx", unit="Kecamatan B", year=2024)
    monkeypatch.chdir(tmp_path)
    first = CliRunner().invoke(main, ["build", "."])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(main, ["build", "."])
    assert again.exit_code == 0, again.output
    assert "dilewati" not in again.stderr
    assert again.stderr.strip().splitlines()[-1] == "2 workbook: 2 tanpa galat, 0 ada galat, 0 tidak terbaca"


def test_a_folder_without_workbooks_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "catatan.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines() == [
        f"dilewati: {tmp_path / 'catatan.txt'} (bukan workbook .xlsx atau .ods)",
        f"zi-sheets: Tidak ada workbook .xlsx atau .ods di {tmp_path}.",
    ]


def test_json_is_one_object_per_workbook_for_one_file_and_for_many(kiriman: Path) -> None:
    single = CliRunner().invoke(main, ["check", "--format", "json", str(kiriman / "unit-a.xlsx")])
    one = json.loads(single.stdout)
    assert list(one) == KEYS
    assert one["berkas"] == str(kiriman / "unit-a.xlsx") and one["galat_baca"] is None
    many = json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(kiriman)]).stdout)
    assert isinstance(many, list) and all(list(item) == KEYS for item in many)
    (same,) = [item for item in many if item["berkas"] == one["berkas"]]
    assert same == one
    (unread,) = [item for item in many if item["galat_baca"]]
    assert unread["berkas"].endswith("unit-c.xls")
    assert [unread[key] for key in ("summary", "counts", "coverage", "findings")] == [None, None, None, []]


def test_json_of_one_unreadable_file_is_the_same_object_and_exit_3(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"bukan workbook")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(broken)])
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert list(data) == KEYS and data["galat_baca"].startswith("Berkas rusak.xlsx bukan workbook")
    assert result.stderr.strip() == f"zi-sheets: {data['galat_baca']}"


def test_json_of_one_file_keeps_the_keys_it_always_had() -> None:
    data = json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(EXAMPLE)]).stdout)
    assert {"summary", "counts", "coverage", "findings"} <= set(data)
    assert data["counts"] == {"error": 2, "warning": 25, "info": 12, "accepted": 0}
