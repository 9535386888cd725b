"""Workbooks saved by LibreOffice Calc in its own format (.ods) are read like the .xlsx they came from.

The round trip uses LibreOffice itself: an .xlsx built here is converted with `soffice --convert-to ods`
and both are checked. Skipped only where LibreOffice Calc is missing on a developer's machine; CI installs
it and sets ZI_SHEETS_REQUIRE_OFFICE=1, so there a missing Calc fails instead of skipping. The .ods
details the value reader does not give (hidden rows, merges, formulas) are also tested on content.xml
written here, without LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, PLAN_HEADER, minimal_sheets, plan_row
from docx_dump import dump_docx
from factory import unit_workbook, write_ods
from openpyxl import load_workbook

from zi_sheets.cli.commands import main
from zi_sheets.common.model import IDENTITAS_FIELDS
from zi_sheets.delivery.builder import BuildOptions, build
from zi_sheets.delivery.pdf import find_office
from zi_sheets.reading.workbook import read_workbook


def to_ods(workbooks: list[Path], folder: Path) -> list[Path]:
    """The workbooks converted by LibreOffice Calc in one start; skips (or fails on CI) without Calc."""
    office = find_office()
    converted: list[Path] = []
    if office is not None:
        with tempfile.TemporaryDirectory(prefix="zi-sheets-lo-") as profile:
            command = [office, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless"]
            command += ["--convert-to", "ods", "--outdir", str(folder), *map(str, workbooks)]
            subprocess.run(command, capture_output=True, timeout=300, check=False)
        converted = [folder / f"{path.stem}.ods" for path in workbooks]
    if all(path.is_file() for path in converted) and converted:
        return converted
    if os.environ.get("ZI_SHEETS_REQUIRE_OFFICE"):
        pytest.fail("ZI_SHEETS_REQUIRE_OFFICE is set but LibreOffice Calc cannot convert to .ods")
    pytest.skip("LibreOffice Calc (soffice) tidak terpasang")


def staff_workbook(path: Path) -> Path:
    """A filled 2024 plan with what staff leave in one: a hidden row, a merged indikator cell, a date cell
    target, a text month in Monev, copy-paste residue, an impossible year and a numeric NIP."""
    unit_workbook(path, unit="Dinas Kesehatan Contoh", year=2024, monev_months=3)
    book = load_workbook(path)
    plan = book["RencanaAksi"]
    plan.row_dimensions[6].hidden = True
    plan.merge_cells("E8:E9")  # -- a second langkah for one indikator, the indikator cell merged down
    plan["H10"] = dt.datetime(2024, 7, 1)
    plan["H11"] = "Juni, Desember 208"
    plan["F12"] = "Sesuai arahan Dispenduk dan BKP"
    for row in book["Identitas"].iter_rows(min_row=2):
        if row[0].value == "NIP Ketua Tim":
            row[1].value = 198001012005012003
    book["Monev"].append(["Juli 2024", "Penataan Tatalaksana", "SOP pelayanan ditetapkan", "Selesai"])
    book.save(path)
    return path


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("ods")
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    workbooks = [staff_workbook(folder / "dinas-kesehatan.xlsx"), folder / EXAMPLE.name]
    return list(zip(workbooks, to_ods(workbooks, folder), strict=True))


def test_calc_ods_gives_the_same_check_output_as_its_xlsx(pairs: list[tuple[Path, Path]]) -> None:
    for xlsx, ods in pairs:
        from_xlsx = CliRunner().invoke(main, ["check", str(xlsx)])
        from_ods = CliRunner().invoke(main, ["check", str(ods)])
        assert from_ods.stdout == from_xlsx.stdout
        assert from_ods.exit_code == from_xlsx.exit_code


def test_the_staff_workbook_findings_survive_the_round_trip(pairs: list[tuple[Path, Path]]) -> None:
    _xlsx, ods = pairs[0]
    output = CliRunner().invoke(main, ["check", str(ods)]).stdout
    for expected in (
        "RencanaAksi!A6  peringatan  hidden-row",
        "RencanaAksi!H11  galat  target-year-impossible",
        "RencanaAksi!F12  peringatan  other-agency",
        f"Identitas!B{IDENTITAS_FIELDS.index('NIP Ketua Tim') + 2}  galat  nip-stored-as-number",
    ):
        assert expected in output, output
    assert "RencanaAksi!E9" not in output  # -- the merged indikator is not empty on its second row
    workbook = read_workbook(ods)
    assert next(r for r in workbook.rencana_aksi if r.row == 9).indikator.cell.row == 8


def test_calc_ods_builds_the_same_documents(pairs: list[tuple[Path, Path]], tmp_path: Path) -> None:
    xlsx, ods = pairs[1]
    from_xlsx = build(xlsx, BuildOptions(output=tmp_path / "xlsx"))
    from_ods = build(ods, BuildOptions(output=tmp_path / "ods"))
    assert [p.name for p in from_ods.documents] == [p.name for p in from_xlsx.documents]
    for left, right in zip(from_xlsx.documents, from_ods.documents, strict=True):
        assert dump_docx(right) == dump_docx(left)


# -- content.xml written here: what the value reader does not give ------------------------------------


def _cell(value: str = "", **attributes: str) -> str:
    attrs = " ".join(f'{key.replace("__", ":").replace("_", "-")}="{v}"' for key, v in attributes.items())
    if not value:
        return f"<table:table-cell {attrs}/>"
    return f'<table:table-cell office:value-type="string" {attrs}><text:p>{value}</text:p></table:table-cell>'


def _row(cells: list[str], **attributes: str) -> str:
    attrs = " ".join(f'{key.replace("__", ":").replace("_", "-")}="{v}"' for key, v in attributes.items())
    return f"<table:table-row {attrs}>{''.join(cells)}</table:table-row>"


def _sheet(name: str, rows: list[list[object]]) -> str:
    return f'<table:table table:name="{name}">' + "".join(
        _row([_cell(str(v)) if v is not None else _cell() for v in row]) for row in rows
    )


def test_ods_hidden_rows_merges_and_formulas_from_content_xml(tmp_path: Path) -> None:
    sheets = minimal_sheets()
    header, first, second = sheets["RencanaAksi"]
    third = plan_row("II. Penataan Tatalaksana", "", "", langkah="Menetapkan SOP")
    plan = (
        '<table:table table:name="RencanaAksi">'
        + _row([_cell(str(v)) if v is not None else _cell() for v in PLAN_HEADER])
        # -- an empty row repeated, then the data: positions are counted through the repeat
        + _row([_cell(table__number_columns_repeated="9")], table__number_rows_repeated="2")
        + _row([_cell(str(v)) if v else _cell() for v in first], table__visibility="collapse")
        + _row(
            [_cell(str(v), table__number_rows_spanned="2") if i == 4 else _cell(str(v)) if v else _cell()
             for i, v in enumerate(second)]
        )
        + _row(
            [("<table:covered-table-cell/>" if i == 4 else _cell(str(v)) if v else _cell())
             for i, v in enumerate(third)]
        )
        + _row([_cell(table__number_columns_repeated="7"),
                '<table:table-cell table:formula="of:=[.G5]"/>'])
        + _row([_cell(table__number_columns_repeated="9")], table__number_rows_repeated="1048000",
               table__visibility="collapse")
        + "</table:table>"
    )  # fmt: skip
    identitas = _sheet("Identitas", sheets["Identitas"]) + "</table:table>"
    path = write_ods(tmp_path / "tangan.ods", [identitas, plan])
    workbook = read_workbook(path)
    assert [str(ref) for ref in workbook.hidden_rows] == ["RencanaAksi!A4"]
    assert [str(ref) for ref in workbook.uncached_formulas] == ["RencanaAksi!H7"]
    rows = {row.row: row for row in workbook.rencana_aksi}
    assert (rows[6].indikator.text, rows[6].indikator.cell.row) == ("SOP disusun", 5)


@pytest.mark.parametrize(
    ("mimetype", "manifest_extra", "says"),
    [
        ("application/vnd.oasis.opendocument.text", "", "dokumen OpenDocument lain"),
        ("application/vnd.oasis.opendocument.spreadsheet", "<manifest:encryption-data/>", "dilindungi kata"),
    ],
)
def test_other_opendocument_files_are_one_sentence(tmp_path: Path, mimetype, manifest_extra, says) -> None:
    path = tmp_path / "bukan.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<x/>")
        archive.writestr("META-INF/manifest.xml", f"<manifest>{manifest_extra}</manifest>")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 3
    (line,) = result.stderr.strip().splitlines()
    assert "bukan.ods" in line and says in line


def test_an_entity_declaration_past_the_first_bytes_is_refused(tmp_path: Path) -> None:
    """The prolog check reads 2 KB; a DTD behind a long comment meets the content.xml parser's guard."""
    bomb = (
        '<?xml version="1.0"?><!--' + " " * 4096 + "-->"
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&b;'
        "</office:document-content>"
    )
    path = tmp_path / "bom.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", bomb)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        "zi-sheets: Berkas bom.ods ditolak: content.xml memuat deklarasi DTD/entitas XML, yang tidak pernah "
        "ditulis LibreOffice; kemungkinan berkas berbahaya."
    )
