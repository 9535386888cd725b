"""`--pdf` starts LibreOffice once for all documents of a build, and once per core for a batch.

A stand-in office program records each start and writes a small PDF for every document it is given, so
these tests run (and count) without LibreOffice installed.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from factory import extreme_answers, fill_lke, unit_workbook

from zi_sheets.cli.commands import main
from zi_sheets.delivery.pdf import convert_many

FAKE_OFFICE = """#!{python}
import json, sys
from pathlib import Path
arguments = sys.argv[1:]
outdir = Path(arguments[arguments.index("--outdir") + 1])
documents = [a for a in arguments if a.endswith((".docx", ".xlsx"))]
with open({log!r}, "a") as log:
    log.write(json.dumps(documents) + "\\n")
outdir.mkdir(parents=True, exist_ok=True)
for name in documents:
    if "rusak" not in Path(name).read_bytes().decode("latin-1"):
        (outdir / (Path(name).stem + ".pdf")).write_bytes(b"%PDF-1.4 " + Path(name).name.encode())
"""


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The stand-in's log: one JSON list of documents per start."""
    log = tmp_path / "starts.log"
    program = tmp_path / "soffice"
    program.write_text(FAKE_OFFICE.format(python=sys.executable, log=str(log)))
    program.chmod(0o755)
    monkeypatch.setattr("zi_sheets.delivery.pdf.find_office", lambda: str(program))
    return log


def starts(log: Path) -> list[list[str]]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def test_one_start_for_the_documents_of_a_build(office: Path, tmp_path: Path) -> None:
    workbook = unit_workbook(tmp_path / "unit.xlsx", rows=6)
    result = CliRunner().invoke(main, ["build", str(workbook), "-o", str(tmp_path / "out"), "--pdf"])
    assert result.exit_code in (0, 1), result.output
    assert [len(documents) for documents in starts(office)] == [3]
    documents = sorted((tmp_path / "out").rglob("*.docx"))
    assert [p.with_suffix(".pdf") for p in documents] == sorted((tmp_path / "out").rglob("*.pdf"))


def test_a_batch_converts_many_documents_per_start_and_packs_the_pdfs(office: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for number in range(4):
        unit_workbook(folder / f"unit-{number}.xlsx", unit=f"Kecamatan Uji {number}", rows=4)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--pdf", "--paket"])
    assert result.exit_code in (0, 1), result.output
    recorded = starts(office)
    # -- twelve documents: at most one start per core, never one per workbook or per document
    assert 1 <= len(recorded) <= 2 and sum(len(documents) for documents in recorded) == 12
    for unit in out.iterdir():
        pdfs = sorted(p.name for p in unit.glob("*.pdf"))
        assert len(pdfs) == 3
        # -- the PDF is the one made from this unit's document, though all units share document names
        for pdf in unit.glob("*.pdf"):
            assert pdf.read_bytes().startswith(b"%PDF")
        (bundle,) = unit.glob("*-paket.zip")
        with zipfile.ZipFile(bundle) as archive:
            assert sorted(n for n in archive.namelist() if n.endswith(".pdf")) == pdfs
        assert str(unit / pdfs[0]) in result.stderr


@pytest.mark.parametrize("given", ["workbook", "folder"])
def test_only_word_documents_become_pdfs(office: Path, tmp_path: Path, given: str) -> None:
    # -- an answered LKE adds the Laporan Penilaian (.docx, printed) and the LKE workbook (.xlsx, not)
    (tmp_path / "kiriman").mkdir()
    unit = fill_lke(unit_workbook(tmp_path / "kiriman" / "zi.xlsx", rows=4), extreme_answers("90-2021"))
    source = unit if given == "workbook" else unit.parent
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "out"), "--pdf"])
    assert result.exit_code in (0, 1), result.output
    (converted,) = starts(office)
    assert len(converted) == 4 and all(document.endswith(".docx") for document in converted)
    pdfs = sorted(p.name for p in (tmp_path / "out").rglob("*.pdf"))
    assert len(pdfs) == 4 and "Laporan Penilaian Mandiri ZI 2024.pdf" in pdfs
    assert "tidak menghasilkan PDF" not in result.output


def test_same_named_documents_of_different_units_each_get_their_own_pdf(office: Path, tmp_path: Path) -> None:
    documents = []
    for unit in ("a", "b"):
        (tmp_path / unit).mkdir()
        documents.append(tmp_path / unit / "Rencana Kerja.docx")
        documents[-1].write_bytes(f"dokumen {unit}".encode())
    converted = convert_many(documents)
    assert [pdf.parent.name for pdf in converted.values() if pdf] == ["a", "b"]
    assert converted[documents[0]].read_bytes() != converted[documents[1]].read_bytes()  # type: ignore[union-attr]


def test_a_document_left_unconverted_is_named_and_the_others_are_written(
    office: Path, tmp_path: Path
) -> None:
    good, bad = tmp_path / "baik.docx", tmp_path / "rusak.docx"
    good.write_bytes(b"dokumen")
    bad.write_bytes(b"dokumen rusak")
    converted = convert_many([good, bad])
    assert converted == {good: good.with_suffix(".pdf"), bad: None}
    assert good.with_suffix(".pdf").is_file() and not bad.with_suffix(".pdf").exists()
