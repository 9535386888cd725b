"""Output collisions: two workbooks of one unit and year never write into one folder and mix.

The first build records its workbook in the folder (`.zi-sheets.json`); a build from another workbook is
refused with one sentence naming both files, in a batch and one after the other.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from factory import unit_workbook
from openpyxl import load_workbook

from zi_sheets.cli.commands import main
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.files import OWNER_FILE, claim_folder

FOLDER = "kecamatan-contoh-2024"


def signed_by(path: Path, pimpinan: str) -> Path:
    """A filled 2024 workbook of Kecamatan Contoh whose Nama Pimpinan tells its documents apart."""
    unit_workbook(path, unit="Kecamatan Contoh", year=2024)
    book = load_workbook(path)
    for row in book["Identitas"].iter_rows(min_row=2):
        if row[0].value == "Nama Pimpinan":
            row[1].value = pimpinan
    book.save(path)
    return path


def signers(folder: Path) -> set[str]:
    """Which of the test's Pimpinan names each .docx in `folder` prints."""
    found = set()
    for document in folder.glob("*.docx"):
        text = "\n".join(p.text for p in Document(str(document)).paragraphs)
        text += "\n".join(c.text for t in Document(str(document)).tables for r in t.rows for c in r.cells)
        found |= {name for name in ("ASLI PERTAMA", "REVISI KEDUA") if name in text}
    return found


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_a_second_workbook_into_the_first_ones_folder_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    first = signed_by(tmp_path / "zi.xlsx", "ASLI PERTAMA")
    second = signed_by(tmp_path / "zi (revisi).xlsx", "REVISI KEDUA")
    out = tmp_path / "hasil"
    built = runner.invoke(main, ["build", str(first), "-o", str(out)])
    assert built.exit_code in (0, 1), built.output
    folder = out / FOLDER
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert signers(folder) == {"ASLI PERTAMA"}

    refused = runner.invoke(main, ["build", str(second), "-o", str(out)])
    assert refused.exit_code == 3
    assert refused.stderr.strip().splitlines()[-1] == (
        f"zi-sheets: Folder {folder} sudah berisi dokumen dari zi.xlsx, bukan dari zi (revisi).xlsx; agar "
        "keduanya tidak tercampur, dokumen zi (revisi).xlsx tidak ditulis: pakai -o FOLDER lain, atau hapus "
        "folder itu bila zi (revisi).xlsx menggantikan zi.xlsx."
    )
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    assert signers(folder) == {"ASLI PERTAMA"}

    # -- the way out the sentence names: another folder
    elsewhere = runner.invoke(main, ["build", str(second), "-o", str(tmp_path / "revisi")])
    assert elsewhere.exit_code in (0, 1), elsewhere.output
    assert signers(tmp_path / "revisi" / FOLDER) == {"REVISI KEDUA"}


def test_the_same_workbook_rebuilds_into_its_folder(runner: CliRunner, tmp_path: Path) -> None:
    workbook = signed_by(tmp_path / "zi.xlsx", "ASLI PERTAMA")
    out = tmp_path / "hasil"
    assert runner.invoke(main, ["build", str(workbook), "-o", str(out)]).exit_code in (0, 1)
    signed_by(workbook, "REVISI KEDUA")  # -- staff edit the same file and build again
    again = runner.invoke(main, ["build", str(workbook), "-o", str(out)])
    assert again.exit_code in (0, 1), again.output
    assert signers(out / FOLDER) == {"REVISI KEDUA"}


def test_a_batch_of_two_workbooks_of_one_unit_and_year_writes_one(runner: CliRunner, tmp_path: Path) -> None:
    units = tmp_path / "kiriman"
    units.mkdir()
    signed_by(units / "zi.xlsx", "ASLI PERTAMA")
    signed_by(units / "zi (revisi).xlsx", "REVISI KEDUA")
    out = tmp_path / "hasil"
    result = runner.invoke(main, ["build", str(units), "-o", str(out)])
    assert result.exit_code == 3
    refused = [line for line in result.stderr.splitlines() if ": tidak ditulis: " in line]
    assert len(refused) == 1, result.stderr
    loser, _, sentence = refused[0].partition(": tidak ditulis: ")
    winner = ({"zi.xlsx", "zi (revisi).xlsx"} - {Path(loser).name}).pop()
    assert re.fullmatch(
        rf"Folder {re.escape(str(out / FOLDER))} sudah berisi dokumen dari {re.escape(winner)}, bukan dari "
        rf"{re.escape(Path(loser).name)}; .*",
        sentence,
    )
    assert result.stderr.strip().splitlines()[-1] == (
        "2 workbook: 1 tanpa galat, 0 ada galat, 0 tidak terbaca, 1 tidak ditulis"
    )
    expected = "ASLI PERTAMA" if winner == "zi.xlsx" else "REVISI KEDUA"
    assert signers(out / FOLDER) == {expected}


def test_workbook_and_output_moved_together_keep_their_link(runner: CliRunner, tmp_path: Path) -> None:
    project = tmp_path / "proyek"
    project.mkdir()
    workbook = signed_by(project / "zi.xlsx", "ASLI PERTAMA")
    assert runner.invoke(main, ["build", str(workbook), "-o", str(project / "output")]).exit_code in (0, 1)
    moved = shutil.move(project, tmp_path / "arsip")
    again = runner.invoke(main, ["build", str(Path(moved) / "zi.xlsx"), "-o", str(Path(moved) / "output")])
    assert again.exit_code in (0, 1), again.output


def test_a_folder_from_before_the_record_is_taken_over(tmp_path: Path) -> None:
    folder = tmp_path / FOLDER
    folder.mkdir()
    (folder / "1.ii.a Rencana Kerja Pembangunan ZI 2024.docx").write_bytes(b"lama")
    workbook = tmp_path / "zi.xlsx"
    workbook.write_bytes(b"")
    claim_folder(folder, workbook)
    claim_folder(folder, workbook)
    with pytest.raises(ZiSheetsError, match=r"dari zi\.xlsx, bukan dari lain\.xlsx"):
        claim_folder(folder, tmp_path / "lain.xlsx")


def test_an_unreadable_record_is_replaced(tmp_path: Path) -> None:
    folder = tmp_path / FOLDER
    folder.mkdir()
    (folder / OWNER_FILE).write_text("{rusak", encoding="utf-8")
    claim_folder(folder, tmp_path / "zi.xlsx")
    with pytest.raises(ZiSheetsError):
        claim_folder(folder, tmp_path / "lain.xlsx")
    assert os.path.exists(folder / OWNER_FILE)
