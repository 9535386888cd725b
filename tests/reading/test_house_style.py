"""House style from the Pengaturan sheet: values become a PageStyle; unusable values become findings."""

from __future__ import annotations

import pytest
from conftest import minimal_sheets

from zi_sheets.analysis.analyse import analyse
from zi_sheets.checks.run import run_checks
from zi_sheets.reading.house_style import PageStyle, house_style
from zi_sheets.reading.workbook import read_workbook


def _with_settings(make_xlsx, rows, identitas_extra=()):
    sheets = minimal_sheets()
    sheets["Identitas"] += [list(row) for row in identitas_extra]
    sheets["Pengaturan"] = [["Pengaturan", "Nilai", "Keterangan"], *rows]
    return read_workbook(make_xlsx(sheets))


def test_no_sheet_means_the_defaults_with_a_letterhead(make_xlsx):
    style = house_style(read_workbook(make_xlsx(minimal_sheets()))).style
    assert (style.paper_width_mm, style.paper_height_mm, style.font_name) == (215, 330, "Arial")
    assert style.letterhead is not None and style.letterhead.lines[:2] == (
        "PEMERINTAH KABUPATEN CONTOH",
        "KECAMATAN CONTOH",
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["Ukuran Kertas", "A4"]], {"paper_width_mm": 210, "paper_height_mm": 297}),
        ([["ukuran kertas", "folio"]], {"paper_width_mm": 215.9, "paper_height_mm": 330.2}),
        (
            [["Jenis Huruf", "Bookman Old Style"], ["Ukuran Huruf", 11]],
            {"font_name": "Bookman Old Style", "body_size_pt": 11},
        ),
        ([["Posisi Nomor Halaman", "Atas Kanan"]], {"page_number_position": "Atas Kanan"}),
        ([["Gaya Nama Penandatangan", "Tebal"]], {"signer_bold": True, "signer_underline": False}),
        ([["Kop Surat", "Tidak"]], {"letterhead": None}),
    ],
)
def test_settings_become_the_page_style(make_xlsx, rows, expected):
    found = house_style(_with_settings(make_xlsx, rows))
    assert found.problems == []
    for name, value in expected.items():
        assert getattr(found.style, name) == value


def test_unusable_values_fall_back_and_are_reported_at_their_cells(make_xlsx, tmp_path):
    workbook = _with_settings(
        make_xlsx,
        [["Ukuran Kertas", "B5"], ["Ukuran Huruf", "besar"], ["Posisi Nomor Halaman", "Bawah Tengah"]],
        identitas_extra=[["Logo", "tidak-ada.png"]],
    )
    found = house_style(workbook)
    assert found.style.paper_width_mm == PageStyle().paper_width_mm
    report = run_checks(analyse(workbook))
    assert {(f.cell_text, f.code) for f in report.of("pengaturan-invalid")} == {
        ("Pengaturan!B2", "pengaturan-invalid"),
        ("Pengaturan!B3", "pengaturan-invalid"),
        ("Identitas!B16", "pengaturan-invalid"),
    }


def test_logo_relative_to_the_workbook(make_xlsx, tmp_path):
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    workbook = _with_settings(make_xlsx, [], identitas_extra=[["Logo", "logo.png"]])
    assert house_style(workbook).style.letterhead.logo == tmp_path / "logo.png"
