"""Shared fixtures: workbooks built in code, the example workbook, golden-file regeneration, and the OOXML
schema check of every .docx the session writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from ooxml import Report, WrittenDocuments
from openpyxl import Workbook

from zi_sheets.reading.schema import IDENTITAS, RENCANA_AKSI

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "workbook_templates" / "contoh-pasirian-2019.xlsx"
TEMPLATE = ROOT / "workbook_templates" / "zi-template.xlsx"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files of tests/golden/cases.toml from this run",
    )


_SCHEMA_REPORT = pytest.StashKey[Report]()


@pytest.fixture(scope="session", autouse=True)
def written_documents(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WrittenDocuments]:
    """Every .docx zi-sheets writes in this session, checked against the OOXML schema once all tests ran.

    -- A session fixture's teardown runs after the last test of the session, whatever tests were selected
    -- and in whatever order, so documents written by every module are seen; a problem fails the session
    -- as an error of that last test's teardown, naming the document and the test that wrote it. --
    """
    with WrittenDocuments(tmp_path_factory.mktemp("written-docx")).recording() as written:
        yield written
        report = written.validate()
    request.config.stash[_SCHEMA_REPORT] = report
    if report.problems:
        pytest.fail(f"{report.summary()}\n{report.details()}", pytrace=False)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    if _SCHEMA_REPORT in config.stash:
        terminalreporter.write_line(config.stash[_SCHEMA_REPORT].summary())


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


IDENTITAS_ROWS = [
    IDENTITAS.init_headers,
    ["Nama Unit Kerja", "Kecamatan Contoh", None],
    ["Pemerintah Daerah", "Pemerintah Kabupaten Contoh", None],
    ["Kabupaten/Kota", "Kabupaten Contoh", None],
    ["Tahun", 2024, None],
    ["Tempat Penetapan", "Contoh", None],
    ["Tanggal Penetapan", dt.datetime(2024, 1, 2), None],
    ["Jabatan Pimpinan", "Camat Contoh", None],
    ["Nama Pimpinan", "BUDI SANTOSO, S.STP", None],
    ["NIP Pimpinan", "19750921 199602 1 002", None],
    ["Jabatan Ketua Tim", "Ketua Tim Pembangunan ZI", None],
    ["Nama Ketua Tim", "SITI AMINAH, S.AP", None],
    ["NIP Ketua Tim", "198001012005012003", None],
    ["Target Predikat", "WBK", None],
    ["Regulasi", "PermenPANRB 90/2021", None],
]

# -- The headers `init` writes (`reading.schema`), so the fixtures are laid out as the template is. --
PLAN_HEADER = RENCANA_AKSI.init_headers
_PLAN_FIELDS = [column.field for column in RENCANA_AKSI.columns if column.width is not None]


def plan_row(area: str, komponen: str, indikator: str, **values: str) -> list[object]:
    """A flat RencanaAksi row with sensible filled-in defaults, in the columns of PLAN_HEADER."""
    by_field = {
        "no": values.get("no"),
        "area": area,
        "komponen": komponen,
        "kode_lke": values.get("kode"),
        "indikator": indikator,
        "langkah_aksi": values.get("langkah", f"Menyusun {indikator.lower()}"),
        "bukti_fisik": values.get("bukti", "Laporan"),
        "target_waktu": values.get("target", "Januari 2024"),
        "penanggung_jawab": values.get("pj"),
    }
    return [by_field[name] for name in _PLAN_FIELDS]


def minimal_sheets() -> dict[str, list[list[object]]]:
    """The two required sheets, flat layout, two areas."""
    return {
        "Identitas": [list(row) for row in IDENTITAS_ROWS],
        "RencanaAksi": [
            list(PLAN_HEADER),
            plan_row("I. Manajemen Perubahan", "Penyusunan Tim Kerja", "Tim kerja telah dibentuk"),
            plan_row("II. Penataan Tatalaksana", "Prosedur Operasional Tetap (SOP) Kegiatan", "SOP disusun"),
        ],
    }


MakeXlsx = Callable[..., Path]


@pytest.fixture
def make_xlsx(tmp_path: Path) -> MakeXlsx:
    """Write a workbook from {sheet: rows}; `merges` {sheet: ["B5:B7"]}, `hidden` {sheet: [row, ...]}."""
    counter = iter(range(1_000_000))

    def make(
        sheets: dict[str, list[list[object]]],
        *,
        merges: dict[str, list[str]] | None = None,
        hidden: dict[str, list[int]] | None = None,
        name: str | None = None,
    ) -> Path:
        book = Workbook()
        book.remove(book.active)
        for title, rows in sheets.items():
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
            for cell_range in (merges or {}).get(title, []):
                sheet.merge_cells(cell_range)
            for row in (hidden or {}).get(title, []):
                sheet.row_dimensions[row].hidden = True
        path = tmp_path / (name or f"workbook-{next(counter)}.xlsx")
        book.save(path)
        return path

    return make
