"""`init`: the template's sheets, headers, rows and dropdowns, and the round trip to a document."""

from __future__ import annotations

import pytest
from conftest import TEMPLATE
from docx import Document
from openpyxl import load_workbook

from zi_sheets.common.catalogue import load_catalogue
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.delivery.builder import BuildOptions, build
from zi_sheets.reading.workbook import read_workbook
from zi_sheets.template.new_workbook import LAYOUTS, write_template


def _sheet_rows(path):
    book = load_workbook(path)
    return {name: [list(row) for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames}


def test_init_still_writes_the_committed_template(tmp_path):
    written = write_template(tmp_path / "baru.xlsx")
    assert _sheet_rows(written) == _sheet_rows(TEMPLATE)


def test_template_sheets_headers_and_layout(tmp_path):
    book = load_workbook(write_template(tmp_path / "baru.xlsx"))
    assert book.sheetnames == [
        "Petunjuk", "Identitas", "Narasi", "RencanaAksi", "Monev", "Realisasi", "LaporanMonev",
        "MekanismeTim", "TargetPrioritas", "TimKerja", "LKE", "Pengaturan",
    ]  # fmt: skip
    for layout in LAYOUTS:
        sheet = book[layout.name]
        assert [c.value for c in sheet[1]][: len(layout.init_headers)] == layout.init_headers
        assert sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["B"].width > 10
    validated = {
        (sheet.title, str(validation.sqref).split(":")[0])
        for sheet in book.worksheets
        for validation in sheet.data_validations.dataValidation
    }
    assert {("RencanaAksi", "B2"), ("Monev", "B2"), ("Monev", "D2")} <= validated
    identitas_rows = [row[0].value for row in book["Identitas"].iter_rows(min_row=2)]
    choices = {("Identitas", f"B{identitas_rows.index(n) + 2}") for n in ("Target Predikat", "Regulasi")}
    assert choices <= validated


@pytest.mark.parametrize("regulasi", ["90-2021", "52-2014"])
def test_template_holds_every_catalogue_indicator(tmp_path, regulasi):
    path = write_template(tmp_path / "baru.xlsx", unit_kerja="Kecamatan Uji", tahun=2024, regulasi=regulasi)
    workbook = read_workbook(path)
    catalogue = load_catalogue(regulasi)
    assert [row.kode_lke.text for row in workbook.rencana_aksi] == [i.code for i in catalogue.indicators]
    assert [row.indikator.text for row in workbook.rencana_aksi] == [i.text for i in catalogue.indicators]
    assert {row.area_no for row in workbook.rencana_aksi} == set(range(1, 7))
    assert workbook.identitas.nama_unit == "Kecamatan Uji"
    assert workbook.identitas.tahun == 2024
    assert catalogue.title in workbook.identitas.text("Regulasi")
    # -- Standard texts name the unit through placeholders, never literally.
    latar = " ".join(workbook.identitas.fill(i.isi.text) for i in workbook.narasi_for("1.1 Latar Belakang"))
    assert "Kecamatan Uji" in latar and "{" not in latar


def test_init_refuses_to_overwrite(tmp_path):
    path = write_template(tmp_path / "ada.xlsx")
    with pytest.raises(ZiSheetsError, match="sudah ada"):
        write_template(path)
    write_template(path, force=True)


def test_round_trip_init_fill_build(tmp_path):
    path = write_template(tmp_path / "isi.xlsx", unit_kerja="Kecamatan Uji", tahun=2024)
    book = load_workbook(path)
    identitas = book["Identitas"]
    values = {
        "Pemerintah Daerah": "Pemerintah Kabupaten Uji",
        "Kabupaten/Kota": "Kabupaten Uji",
        "Jabatan Pimpinan": "Camat Uji",
        "Nama Pimpinan": "ANDI WIJAYA, S.STP",
        "NIP Pimpinan": "197509211996021002",
        "Nama Ketua Tim": "RINA LESTARI, S.E.",
        "NIP Ketua Tim": "198001012005012003",
        "Jabatan Ketua Tim": "Ketua Tim Pembangunan ZI",
        "Tempat Penetapan": "Uji",
        "Tanggal Penetapan": "2 Januari 2024",
    }
    for row in identitas.iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    plan = book["RencanaAksi"]
    plan["F2"] = "Membentuk tim lintas seksi\nMenetapkan SK tim"
    plan["G2"] = "SK Tim Zona Integritas"
    plan["H2"] = "Januari 2024"
    plan["F3"] = "Menyusun SOP pemilihan anggota tim"
    book.save(path)

    result = build(path, BuildOptions(output=tmp_path / "hasil"))
    # -- No Monev rows in a fresh template: the Rencana Kerja and the Lampiran, no Monev.
    assert [p.name for p in result.documents] == [
        "1.ii.a Rencana Kerja Pembangunan ZI 2024.docx",
        "1.ii.a Lampiran Rencana Kerja Pembangunan ZI 2024.docx",
    ]
    document_path = result.documents[0]
    assert result.folder == tmp_path / "hasil" / "kecamatan-uji-2024"
    text = "\n".join(
        cell.text for table in Document(document_path).tables for row in table.rows for cell in row.cells
    )
    for expected in (
        "Membentuk tim lintas seksi",
        "Menetapkan SK tim",
        "SK Tim Zona Integritas",
        "Menyusun SOP pemilihan anggota tim",
        "ANDI WIJAYA, S.STP",
    ):
        assert expected in text
