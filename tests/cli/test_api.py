"""The Python API: `zi_sheets.read`, `check`, `score` and `build`, on the example and on a generated unit."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, ROOT
from docx_dump import document_texts
from factory import fill_lke, random_answers, unit_workbook
from openpyxl import load_workbook

import zi_sheets
from zi_sheets.cli.commands import main
from zi_sheets.common.errors import UnreadableWorkbook, ZiSheetsError


@pytest.fixture(scope="module")
def unit(tmp_path_factory) -> Path:
    """A Puskesmas' workbook for 2024 with three Monev months."""
    folder = tmp_path_factory.mktemp("api")
    return unit_workbook(folder / "puskesmas.xlsx", unit="Puskesmas Sumberjaya", year=2024, monev_months=3)


def test_import_loads_no_heavy_library() -> None:
    heavy = "{'pandas', 'docx', 'openpyxl', 'python_calamine', 'zi_sheets.api'}"
    code = f"import sys, zi_sheets; print(sorted({heavy} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_help_loads_no_heavy_library_and_runs_the_commands_once() -> None:
    code = (
        "import sys, runpy; sys.argv = ['zi-sheets', '--help']\n"
        "try:\n    runpy.run_module('zi_sheets.cli.commands', run_name='__main__', alter_sys=True)\n"
        "except SystemExit:\n    pass\n"
        "print(sorted({'pandas', 'docx', 'openpyxl', 'python_calamine'} & set(sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True)
    # -- no runpy warning: the cli package does not import its commands module on the way in --
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == "[]"
    assert "PERINTAH [ARGUMEN]" in run.stdout


def test_the_functions_are_those_of_the_api_module() -> None:
    from zi_sheets import api

    for name in ("read", "check", "score", "build", "plan_frame", "rekap_frame"):
        assert getattr(zi_sheets, name) is getattr(api, name)
    assert {"read", "check", "score", "build"} <= set(dir(zi_sheets))
    with pytest.raises(AttributeError, match="nilai"):
        zi_sheets.nilai  # noqa: B018


def test_build_stays_the_function_after_its_module_is_imported() -> None:
    # -- the documents module is `zi_sheets.delivery.builder`, so importing it never shadows the function --
    code = (
        "from zi_sheets.delivery.builder import BuildOptions; import zi_sheets; "
        "print(zi_sheets.build.__doc__[:5])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "Check"


def test_read_gives_the_model_with_cells(unit: Path) -> None:
    workbook = zi_sheets.read(unit)
    assert workbook.identitas.nama_unit == "Puskesmas Sumberjaya"
    assert workbook.identitas.tahun == 2024
    first = workbook.rencana_aksi[0]
    assert (first.area_no, first.indikator.cell.sheet, first.indikator.cell.row) == (1, "RencanaAksi", 2)
    assert {entry.month for entry in workbook.monev} == {(2024, 1), (2024, 2), (2024, 3)}


def test_read_refuses_a_file_that_is_no_workbook(tmp_path: Path) -> None:
    path = tmp_path / "laporan.xlsx"
    path.write_bytes(b"bukan workbook")
    with pytest.raises(UnreadableWorkbook, match=r"^Berkas laporan\.xlsx bukan workbook Excel"):
        zi_sheets.read(path)


def test_check_of_the_example_points_at_its_cells() -> None:
    report = zi_sheets.check(EXAMPLE)
    found = {(finding.cell_text, finding.code) for finding in report.findings}
    # -- the seed's empty indicator cell and its "Juni, Desember 208" are its two errors --
    assert {(f.cell_text, f.code) for f in report.findings if f.severity.name == "ERROR"} == {
        ("RencanaAksi!C15", "indikator-empty"),
        ("RencanaAksi!F64", "target-year-impossible"),
    }
    # -- copy-paste residue from another agency, and a target copied from 2017 ("Feb-17") --
    assert ("RencanaAksi!D53", "other-agency") in found
    assert ("RencanaAksi!F42", "target-outside-year") in found
    assert report.exit_code() == 1


def test_check_takes_a_workbook_already_read_and_a_date_for_today(unit: Path) -> None:
    workbook = zi_sheets.read(unit)
    # -- the Pimpinan's NIP says born 1975: plausible today, not for a check dated 1990 --
    assert not zi_sheets.check(workbook).of("nip-pattern")
    sheet = load_workbook(unit)["Identitas"]
    nip_row = next(row[0].row for row in sheet.iter_rows() if row[0].value == "NIP Pimpinan")
    early = zi_sheets.check(workbook, today=dt.date(1990, 6, 1))
    assert f"Identitas!B{nip_row}" in {finding.cell_text for finding in early.of("nip-pattern")}


def test_score_is_what_nilai_prints(tmp_path: Path) -> None:
    answers = random_answers("90-2021", seed=3)
    path = fill_lke(unit_workbook(tmp_path / "lke.xlsx"), answers)
    assessment = zi_sheets.score(str(path))
    printed = CliRunner().invoke(main, ["nilai", str(path), "--format", "json"])
    assert printed.output == assessment.to_json() + "\n"
    assert 0 < assessment.score.total <= 100
    assert zi_sheets.score(zi_sheets.read(path)).to_json() == assessment.to_json()


def test_score_refuses_a_workbook_without_lke_sheet(unit: Path, tmp_path: Path) -> None:
    book = load_workbook(unit)
    del book["LKE"]
    book.save(tmp_path / "tanpa-lke.xlsx")
    with pytest.raises(ZiSheetsError, match="LKE"):
        zi_sheets.score(tmp_path / "tanpa-lke.xlsx")


def test_build_writes_the_three_documents(unit: Path, tmp_path: Path) -> None:
    result = zi_sheets.build(str(unit), output=str(tmp_path))
    assert result.refused_by == []
    assert result.folder == tmp_path / "puskesmas-sumberjaya-2024"
    names = sorted(path.name for path in result.documents)
    assert names == [
        "1.ii.a Lampiran Rencana Kerja Pembangunan ZI 2024.docx",
        "1.ii.a Rencana Kerja Pembangunan ZI 2024.docx",
        "1.iii.b Monev Pembangunan ZI Maret 2024.docx",
    ]
    texts = {path.name: document_texts(docx.Document(str(path))) for path in result.documents}
    assert "PUSKESMAS SUMBERJAYA" in texts[names[1]]
    assert "LAMPIRAN I" in texts[names[0]]
    assert "BULAN : Maret 2024" in texts[names[2]]


def test_build_options_choose_the_period_and_strictness(tmp_path: Path) -> None:
    monthly = zi_sheets.build(EXAMPLE, output=tmp_path / "bulan", bulan="2019-03")
    (monev,) = [path for path in monthly.documents if "Monev" in path.name]
    assert "BULAN : Maret 2019" in document_texts(docx.Document(str(monev)))
    strict = zi_sheets.build(EXAMPLE, output=tmp_path / "ketat", strict=True)
    assert strict.documents == [] and not (tmp_path / "ketat").exists()
    assert {"indikator-empty", "target-year-impossible"} <= {f.code for f in strict.refused_by}


def test_build_refuses_an_unknown_option(unit: Path) -> None:
    with pytest.raises(TypeError, match="bulann"):
        zi_sheets.build(unit, bulann="2024-03")


def _readme_examples() -> list[tuple[str, str]]:
    """Each Python example of the README's "Pakai dari Python" and the output shown beneath it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Pakai dari Python") :]
    section = section[: section.index("\n## ")]
    return re.findall(r"```python\n(.*?)```\s*```console\n(.*?)```", section, re.DOTALL)


def test_readme_shows_the_five_line_example_first() -> None:
    code, _ = _readme_examples()[0]
    lines = [line for line in code.splitlines() if line.strip()]
    assert len(lines) == 5 and lines[0] == "import zi_sheets"


@pytest.mark.parametrize("example", range(3))
def test_readme_example_prints_what_the_readme_shows(example: int, tmp_path: Path) -> None:
    code, shown = _readme_examples()[example]
    if "_frame(" in code:
        pytest.importorskip("pandas")
    shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout == shown


def test_readme_holds_three_examples() -> None:
    assert len(_readme_examples()) == 3
