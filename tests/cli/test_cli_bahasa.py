"""click speaks Indonesian: help headings, usage errors, and the exit codes the README promises."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from zi_sheets.cli.commands import main

INVALID = "Nilai tidak sah untuk "
COMMANDS = ["init", "check", "build", "catalogue", "rekap", "kirim"]

# -- click's own English, which must not reach a user of any command's help or usage error. --
ENGLISH = re.compile(r"Usage:|Options:|Commands:|Show this message|Show the version|Error:|Try '|\[OPTIONS\]")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_main_help_is_indonesian(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Penggunaan: main [OPSI] PERINTAH [ARGUMEN]..."
    assert "Opsi:" in lines and "Perintah:" in lines
    assert re.search(r"^  -h, --help\s+Tampilkan pesan ini lalu keluar\.$", result.output, re.MULTILINE)
    assert re.search(r"^  --version\s+Tampilkan versi lalu keluar\.$", result.output, re.MULTILINE)
    assert not ENGLISH.search(result.output)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_is_indonesian(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "-h"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Penggunaan: main {command} [OPSI]")
    assert "Tampilkan pesan ini lalu keluar." in result.output
    assert not ENGLISH.search(result.output), result.output


def test_version_is_indonesian(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert re.fullmatch(r"zi-sheets, versi \S+\n", result.output)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["build", "x.xlsx", "--semester", "3"], INVALID + "'--semester': 3 di luar rentang 1-2."),
        (["build", "x.xlsx", "--triwulan", "0"], INVALID + "'--triwulan': 0 di luar rentang 1-4."),
        (
            ["build", "x.xlsx", "--semester", "satu"],
            "Nilai tidak sah untuk '--semester': 'satu' bukan bilangan bulat yang sah.",
        ),
        (["init", "--tahun", "1999"], "Nilai tidak sah untuk '--tahun': 1999 di luar rentang 2000-2100."),
        (
            ["init", "--regulasi", "10-2019"],
            "Nilai tidak sah untuk '--regulasi': '10-2019' bukan salah satu dari '52-2014', '90-2021'.",
        ),
        (["check"], "Argumen belum diberikan: 'WORKBOOK...'."),
        (["build", "x.xlsx", "--pdff"], "Opsi '--pdff' tidak dikenal. Maksudnya '--pdf'?"),
        (["bangun"], "Perintah 'bangun' tidak dikenal."),
        (["build", "x.xlsx", "--bulan"], "Opsi '--bulan' memerlukan nilai."),
        (
            ["rekap", ".", "-o", "r.docx"],
            INVALID + "'-o' / '--output': r.docx bukan nama workbook .xlsx; pakai mis. rekap.xlsx.",
        ),
        (
            ["init", "zi.ods"],
            INVALID + "'[PATH]': zi.ods bukan nama workbook .xlsx; pakai mis. zi-2026.xlsx.",
        ),
    ],
)
def test_usage_errors_are_one_indonesian_sentence_exit_2(
    runner: CliRunner, arguments: list[str], message: str
) -> None:
    result = runner.invoke(main, arguments)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == f"Galat: {message}"
    assert not ENGLISH.search(result.stderr)


@pytest.mark.parametrize(
    "arguments",
    [
        ["check", "tidak-ada.xlsx"],
        ["check", "--format", "json", "tidak-ada.xlsx"],
        ["build", "tidak-ada.xlsx"],
        ["check", "tidak-ada.xlsx", "juga-tidak.xlsx"],
        ["rekap", "folder-tidak-ada"],
        ["kirim", "folder-tidak-ada"],
    ],
)
def test_a_missing_input_path_is_exit_3_not_a_usage_error(
    runner: CliRunner, tmp_path, monkeypatch, arguments: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, arguments)
    assert result.exit_code == 3
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("zi-sheets: ") and "tidak ditemukan" in line and arguments[-1] in line
    assert list(tmp_path.iterdir()) == []
