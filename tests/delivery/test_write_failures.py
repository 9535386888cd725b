"""Writing where nothing can be written: one Indonesian sentence, exit code 3, nothing left behind."""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from factory import unit_workbook

from zi_sheets.cli.commands import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def one_line(result: Result) -> str:
    """The single stderr line of a failed command; fails on a traceback or anything more."""
    assert result.exit_code == 3, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    return line


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def refuse_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The operating system refusing every new file, as in a folder without write permission (the tests
    run as root on CI, where chmod does not stop anything)."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


def test_init_under_a_file_is_one_sentence(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "catatan.txt").write_text("isi", encoding="utf-8")
    line = one_line(runner.invoke(main, ["init", str(tmp_path / "catatan.txt" / "zi.xlsx")]))
    assert line == (
        f"zi-sheets: Folder {tmp_path / 'catatan.txt'} tidak dapat dibuat: "
        f"{tmp_path / 'catatan.txt'} adalah berkas, bukan folder."
    )
    assert files_under(tmp_path) == ["catatan.txt"]


def test_init_into_a_folder_that_cannot_be_written(runner: CliRunner, tmp_path: Path, refuse_writes) -> None:
    line = one_line(runner.invoke(main, ["init", str(tmp_path / "zi.xlsx")]))
    assert line == f"zi-sheets: Folder {tmp_path} tidak dapat ditulis: tidak ada izin menulis di sana."
    assert files_under(tmp_path) == []


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="chmod does not stop root or Windows"
)
def test_init_into_a_read_only_folder(runner: CliRunner, tmp_path: Path) -> None:
    locked = tmp_path / "terkunci"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        line = one_line(runner.invoke(main, ["init", str(locked / "zi.xlsx")]))
        assert "tidak ada izin menulis" in line
        assert files_under(locked) == []
    finally:
        locked.chmod(0o700)


def test_rekap_into_a_folder_that_cannot_be_written(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    units = tmp_path / "kiriman"
    units.mkdir()
    unit_workbook(units / "unit-01.xlsx", unit="Kecamatan Satu")
    monkeypatch.chdir(tmp_path)

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = runner.invoke(main, ["rekap", "kiriman", "-o", "hasil/rekap.xlsx"])
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines()[-1] == (
        "zi-sheets: Folder hasil tidak dapat ditulis: tidak ada izin menulis di sana."
    )
    assert "Traceback" not in result.output
    assert files_under(tmp_path) == ["hasil", "kiriman", "kiriman/unit-01.xlsx"]


def test_rekap_under_a_file_is_one_sentence(runner: CliRunner, tmp_path: Path) -> None:
    units = tmp_path / "kiriman"
    units.mkdir()
    unit_workbook(units / "unit-01.xlsx", unit="Kecamatan Satu")
    (tmp_path / "hasil").write_text("bukan folder", encoding="utf-8")
    result = runner.invoke(main, ["rekap", str(units), "-o", str(tmp_path / "hasil" / "rekap.xlsx")])
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines()[-1] == (
        f"zi-sheets: Folder {tmp_path / 'hasil'} tidak dapat dibuat: "
        f"{tmp_path / 'hasil'} adalah berkas, bukan folder."
    )
    assert files_under(tmp_path) == ["hasil", "kiriman", "kiriman/unit-01.xlsx"]


def test_rekap_with_a_word_name_is_refused_before_any_work(runner: CliRunner, tmp_path: Path) -> None:
    units = tmp_path / "kiriman"
    units.mkdir()
    unit_workbook(units / "unit-01.xlsx", unit="Kecamatan Satu")
    result = runner.invoke(main, ["rekap", str(units), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2
    assert "r.docx bukan nama workbook .xlsx" in result.stderr
    assert "memeriksa" not in result.stderr and "workbook:" not in result.stderr
    assert files_under(tmp_path) == ["kiriman", "kiriman/unit-01.xlsx"]


def test_build_into_a_folder_that_cannot_be_written(runner: CliRunner, tmp_path: Path, refuse_writes) -> None:
    workbook = unit_workbook(tmp_path / "zi.xlsx", unit="Kecamatan Satu", year=2024)
    result = runner.invoke(main, ["build", str(workbook), "-o", str(tmp_path / "hasil")])
    assert result.exit_code == 3
    folder = tmp_path / "hasil" / "kecamatan-satu-2024"
    assert result.stderr.strip().splitlines()[-1] == (
        f"zi-sheets: Folder {folder} tidak dapat ditulis: tidak ada izin menulis di sana."
    )
    assert not list((tmp_path / "hasil").rglob("*.docx"))
