"""Shared fixtures: workbooks built in code, the example workbook, golden-file regeneration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

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


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


IDENTITAS_ROWS = [
    ["Isian", "Nilai", "Keterangan"],
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

PLAN_HEADER = [
    "No",
    "Area",
    "Komponen",
    "Kode LKE",
    "Indikator",
    "Langkah Aksi",
    "Bukti Fisik",
    "Target Waktu",
    "Penanggung Jawab",
]


def plan_row(area: str, komponen: str, indikator: str, **values: str) -> list[object]:
    """A flat RencanaAksi row with sensible filled-in defaults."""
    return [
        values.get("no"),
        area,
        komponen,
        values.get("kode"),
        indikator,
        values.get("langkah", f"Menyusun {indikator.lower()}"),
        values.get("bukti", "Laporan"),
        values.get("target", "Januari 2024"),
        values.get("pj"),
    ]


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
