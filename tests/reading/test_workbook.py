"""The reader: flat and grouped layouts, merged cells, variants, and unreadable files."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from conftest import EXAMPLE, PLAN_HEADER, minimal_sheets

from zi_sheets.common.errors import UnreadableWorkbook
from zi_sheets.common.model import CellRef
from zi_sheets.common.text import area_number
from zi_sheets.reading.workbook import read_workbook


def test_flat_layout_values_keep_their_cells(make_xlsx):
    workbook = read_workbook(make_xlsx(minimal_sheets()))
    first, second = workbook.rencana_aksi
    assert (first.area_no, second.area_no) == (1, 2)
    assert first.komponen.text == "Penyusunan Tim Kerja"
    assert str(first.indikator.cell) == "RencanaAksi!E2"
    assert second.target_waktu.cell == CellRef("RencanaAksi", 3, "H")
    assert workbook.identitas.nama_unit == "Kecamatan Contoh"
    assert workbook.identitas.tahun == 2024
    assert workbook.identitas.tanggal_penetapan == dt.date(2024, 1, 2)
    assert str(workbook.identitas.get("NIP Pimpinan").cell) == "Identitas!B10"


def test_grouped_layout_with_title_rows_area_rows_and_merged_komponen(make_xlsx):
    rows = [
        ["RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS"],
        ["KECAMATAN CONTOH TAHUN 2024"],
        [],
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET DAN WAKTU"],
        ["I", "MANAJEMEN PERUBAHAN"],
        [1, "Tim Kerja", "SK Tim", "Menyusun SK", "SK", "Januari 2024"],
        [None, None, "Prosedur tim", "Menyusun SOP", "SOP", "Februari 2024"],
        [None, None, "Evaluasi tim", "Rapat", "Notulen", "Juni 2024"],
        [2, "Rencana Pembangunan", "Dokumen rencana", "Menyusun", "Dokumen", "Januari 2024"],
        [],
        ["II", "PENATAAN TATALAKSANA"],
        [1, "SOP", "SOP disusun", "Menyusun SOP", "SOP", "Maret 2024"],
        [None, None, "SOP dievaluasi", "Evaluasi", "Laporan", "Desember 2024"],
    ]
    sheets = minimal_sheets()
    sheets["RencanaAksi"] = rows
    workbook = read_workbook(make_xlsx(sheets, merges={"RencanaAksi": ["A6:A8", "B6:B8"]}))
    plan = workbook.rencana_aksi
    assert [row.area_no for row in plan] == [1, 1, 1, 1, 2, 2]
    assert [row.komponen.text for row in plan] == ["Tim Kerja"] * 3 + ["Rencana Pembangunan", "SOP", "SOP"]
    # -- A value merged down keeps the cell the user typed it in.
    assert {str(row.komponen.cell) for row in plan[:3]} == {"RencanaAksi!B6"}
    assert [row.row for row in plan] == [6, 7, 8, 9, 12, 13]
    assert plan[2].target_waktu.text == "Juni 2024"
    assert plan[4].area.text == "PENATAAN TATALAKSANA"


def test_header_variants_extra_columns_and_column_numbering_row(make_xlsx):
    sheets = minimal_sheets()
    sheets["RencanaAksi"] = [
        ["  area ", "Sub Area", "INDIKATOR", "Catatan", "Rencana Aksi", "Data Dukung", "Target dan Waktu"],
        [1, 2, 3, 4, 5, 6, 7],
        ["Area V", "Pengaduan", "Pengaduan ditindaklanjuti", "abaikan", "Menyusun", "Laporan", "Triwulan II"],
    ]
    (row,) = read_workbook(make_xlsx(sheets)).rencana_aksi
    assert row.area_no == 5
    assert row.langkah_aksi.text == "Menyusun"
    assert row.bukti_fisik.text == "Laporan"
    assert row.target_waktu.text == "Triwulan II"
    assert row.row == 3


def test_blank_rows_skipped_and_hidden_rows_recorded(make_xlsx):
    sheets = minimal_sheets()
    sheets["RencanaAksi"].insert(2, [None] * 9)
    workbook = read_workbook(make_xlsx(sheets, hidden={"RencanaAksi": [4]}))
    assert [row.row for row in workbook.rencana_aksi] == [2, 4]
    assert workbook.hidden_rows == [CellRef("RencanaAksi", 4, "A")]


def test_multi_line_cells_and_spaces(make_xlsx):
    sheets = minimal_sheets()
    sheets["RencanaAksi"][1][5] = "  Menyusun SOP\r\nMenetapkan SK  \n\n"
    (row, _) = read_workbook(make_xlsx(sheets)).rencana_aksi
    assert row.langkah_aksi.lines == ["Menyusun SOP", "Menetapkan SK"]


def test_identitas_variants_and_numeric_nip_kept_raw(make_xlsx):
    sheets = minimal_sheets()
    sheets["Identitas"][2][0] = "Pemerintah Daerah / Instansi Induk"
    sheets["Identitas"][9][1] = 197509211996021002
    identitas = read_workbook(make_xlsx(sheets)).identitas
    assert identitas.text("Pemerintah Daerah") == "Pemerintah Kabupaten Contoh"
    assert isinstance(identitas.get("NIP Pimpinan").raw, int | float)  # Excel keeps only 15 digits


def test_narasi_list_items_bagian_carried_and_placeholders(make_xlsx):
    sheets = minimal_sheets()
    sheets["Narasi"] = [
        ["Bagian", "Isi"],
        ["1.1 Latar Belakang", "Paragraf {Nama Unit Kerja}."],
        ["Dasar Hukum", "1. Undang-Undang A;"],
        [None, "- Peraturan B."],
        ["Penutup", "Selesai {Tidak Dikenal}."],
    ]
    workbook = read_workbook(make_xlsx(sheets))
    assert [(i.bagian, i.is_list_item) for i in workbook.narasi] == [
        ("Latar Belakang", False),
        ("Dasar Hukum", True),
        ("Dasar Hukum", True),
        ("Penutup", False),
    ]
    assert workbook.narasi[1].isi.text == "Undang-Undang A;"
    assert workbook.identitas.fill(workbook.narasi[0].isi.text) == "Paragraf Kecamatan Contoh."
    assert workbook.identitas.unknown_placeholders(workbook.narasi[3].isi.text) == ["Tidak Dikenal"]


def test_monev_months_and_areas(make_xlsx):
    sheets = minimal_sheets()
    sheets["Monev"] = [
        ["Bulan", "Area", "Capaian", "Status"],
        [dt.datetime(2024, 5, 1), "Manajemen Perubahan", "Tim dibentuk", "Selesai"],
        [None, "Penguatan Pengawasan", "SPIP ditetapkan", "Dalam Proses"],
        ["Juni 2024", "VI. Peningkatan Kualitas Pelayanan Publik", "Inovasi", "Selesai"],
    ]
    monev = read_workbook(make_xlsx(sheets)).monev
    assert [(m.month, m.area_no) for m in monev] == [((2024, 5), 1), ((2024, 5), 5), ((2024, 6), 6)]
    assert monev[1].bulan.cell == CellRef("Monev", 2, "A")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I", 1),
        ("II. Penataan Tatalaksana", 2),
        ("PENATAAN SISTEM MANAJEMEN SDM", 3),
        ("Penguatan Akuntabilitas", 4),
        ("Area V", 5),
        ("PENINGKATAN KUALITAS PELAYANAN PUBLIK", 6),
        ("Tim Kerja", None),
        ("", None),
    ],
)
def test_area_number(text, expected):
    assert area_number(text) == expected


# -- Files that cannot be read at all: one sentence naming the file and what is wrong. --


def test_text_file_renamed_xlsx(tmp_path):
    path = tmp_path / "catatan.xlsx"
    path.write_text("ini bukan workbook", encoding="utf-8")
    with pytest.raises(UnreadableWorkbook, match=r"catatan\.xlsx bukan workbook Excel"):
        read_workbook(path)


def test_empty_file(tmp_path):
    path = tmp_path / "kosong.xlsx"
    path.write_bytes(b"")
    with pytest.raises(UnreadableWorkbook, match=r"kosong\.xlsx kosong"):
        read_workbook(path)


def test_other_zip_renamed_xlsx(tmp_path):
    path = tmp_path / "surat.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(UnreadableWorkbook, match=r"surat\.xlsx bukan workbook Excel"):
        read_workbook(path)


def test_missing_sheet_names_it_and_lists_present(make_xlsx):
    sheets = minimal_sheets()
    del sheets["RencanaAksi"]
    path = make_xlsx(sheets, name="tanpa-ra.xlsx")
    with pytest.raises(UnreadableWorkbook, match=r"tanpa-ra\.xlsx: sheet 'RencanaAksi' tidak ada.*Identitas"):
        read_workbook(path)


def test_missing_required_column_names_sheet_and_header(make_xlsx):
    sheets = minimal_sheets()
    sheets["RencanaAksi"] = [[h for h in PLAN_HEADER if h != "Target Waktu"], ["I", "Tim", "x"]]
    with pytest.raises(UnreadableWorkbook, match=r"sheet RencanaAksi: kolom 'Target Waktu' tidak ditemukan"):
        read_workbook(make_xlsx(sheets))
    # -- a plan needs an action or an output for its komponen: either column will do, and the message
    # -- names the two as one want
    sheets["RencanaAksi"] = [
        [h for h in PLAN_HEADER if h not in ("Bukti Fisik", "Langkah Aksi")],
        ["I", "Tim", "x"],
    ]
    with pytest.raises(
        UnreadableWorkbook,
        match=r"sheet RencanaAksi: kolom 'Langkah Aksi' atau 'Bukti Fisik' tidak ditemukan di baris judul",
    ):
        read_workbook(make_xlsx(sheets))


def test_a_plan_shaped_komponen_output_target_waktu_is_read(make_xlsx):
    # -- many units' matrices have no Indikator and no Langkah Aksi: Komponen -> Output -> Target -> Waktu;
    # -- of "Target" (how much) and "Waktu" (when), the schedule is Waktu
    sheets = minimal_sheets()
    sheets["RencanaAksi"] = [
        ["No", "Area", "Komponen", "Output", "Target", "Waktu"],
        ["1", "I. Manajemen Perubahan", "Penyusunan Tim Kerja", "SK Tim ZI", "1 Dokumen", "B01"],
        ["2", "II. Penataan Tatalaksana", "SOP", "Laporan Evaluasi SOP", "1 Laporan", "TW II"],
    ]
    workbook = read_workbook(make_xlsx(sheets))
    assert workbook.plan_columns == {"no", "area", "komponen", "bukti_fisik", "target_waktu"}
    first = workbook.rencana_aksi[0]
    assert (first.bukti_fisik.text, first.target_waktu.text, first.langkah_aksi.text) == (
        "SK Tim ZI",
        "B01",
        "",
    )
    assert first.target_waktu.cell is not None and first.target_waktu.cell.column == "F"
    assert dict((k, v.text) for k, v in first.extra.items()) == {"Target": "1 Dokumen"}


def test_old_xls_and_encrypted_containers(tmp_path):
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    old = tmp_path / "lama.xlsx"
    old.write_bytes(ole2)
    with pytest.raises(UnreadableWorkbook, match=r"lama\.xlsx berformat Excel lama \(\.xls\)"):
        read_workbook(old)
    locked = tmp_path / "terkunci.xlsx"
    locked.write_bytes(ole2 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(UnreadableWorkbook, match=r"terkunci\.xlsx dilindungi kata sandi"):
        read_workbook(locked)


def test_input_file_is_never_changed(make_xlsx):
    path = make_xlsx(minimal_sheets())
    before = path.read_bytes()
    read_workbook(path)
    assert path.read_bytes() == before


# -- The bundled example, transcribed from the 2019 Pasirian plan. --


@pytest.fixture(scope="module")
def example():
    return read_workbook(EXAMPLE)


def test_example_identity(example):
    identitas = example.identitas
    assert identitas.nama_unit == "OPD Kecamatan Pasirian"
    assert identitas.tahun == 2019
    assert identitas.tanggal_penetapan == dt.date(2019, 1, 2)
    assert identitas.text("NIP Pimpinan") == "19750921 199602 1 002"
    assert identitas.text("Nama Ketua Tim") == "EGOL SUBANDI, S.AP"


def test_example_plan_rows_per_area(example):
    per_area = [sum(1 for row in example.rencana_aksi if row.area_no == area) for area in range(1, 7)]
    assert per_area == [7, 6, 18, 11, 18, 12]
    assert all(row.komponen for row in example.rencana_aksi)


def test_example_keeps_the_defects(example):
    by_target = {row.target_waktu.text for row in example.rencana_aksi}
    assert {"Feb-17", "Juni, Desember 208", "Januari 2017"} <= by_target
    e_office = [row for row in example.rencana_aksi if row.komponen.text.startswith("E- Office")]
    assert e_office and not e_office[0].indikator


def test_example_other_sheets(example):
    assert len(example.mekanisme) == 7
    assert len(example.target_prioritas) == 15
    assert {item.bagian for item in example.narasi} == {
        "Latar Belakang",
        "Dasar Hukum",
        "Maksud dan Tujuan",
        "Pengertian Umum",
        "Pencanangan",
        "Proses Pembangunan",
        "Penutup",
    }
    assert all(entry.month == (2019, 5) for entry in example.monev)
    assert {entry.area_no for entry in example.monev} == set(range(1, 7))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2 Januari 2024", dt.date(2024, 1, 2)),
        ("02 Pebruari 2019", dt.date(2019, 2, 2)),
        ("31-12-2019", dt.date(2019, 12, 31)),
        ("30 Februari 2019", None),
        ("Januari", None),
    ],
)
def test_tanggal_penetapan_written_as_text(make_xlsx, written, expected):
    sheets = minimal_sheets()
    sheets["Identitas"][6][1] = written
    assert read_workbook(make_xlsx(sheets)).identitas.tanggal_penetapan == expected


def _with_number_formats(path, sheet: str, formats: dict[str, str]):
    """The workbook at `path` with number formats set on cells ({"F2": "0%"}), saved in place."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    for cell, code in formats.items():
        book[sheet][cell].number_format = code
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (0.85, "0%", "85%"),
        (0.1234, "0.00%", "12,34%"),
        (1.5, "General", "1,5"),
        (1234567, "#,##0", "1.234.567"),
        (1234567.891, "#,##0.00", "1.234.567,89"),
        (1234567, '_-[$Rp-421]* #,##0_-;\\-[$Rp-421]* #,##0_-;_-[$Rp-421]* "-"_-;_-@_-', "Rp 1.234.567"),
        (-1234.5, "#,##0.0;(#,##0.0)", "(1.234,5)"),
        (12, '0 "orang"', "12 orang"),
        (2024, "0", "2024"),
    ],
)
def test_numbers_read_as_excel_shows_them_in_indonesian(make_xlsx, value, code, shown):
    sheets = minimal_sheets()
    sheets["RencanaAksi"][1][6] = value  # -- Bukti Fisik of the first plan row, RencanaAksi!G2
    path = _with_number_formats(make_xlsx(sheets), "RencanaAksi", {"G2": code})
    (first, _) = read_workbook(path).rencana_aksi
    assert (first.bukti_fisik.text, first.bukti_fisik.raw) == (shown, value)


def test_numbers_in_the_documents_as_excel_shows_them(make_xlsx, tmp_path):
    from docx_dump import dump_docx

    from zi_sheets.delivery.builder import BuildOptions, build

    sheets = minimal_sheets()
    sheets["RencanaAksi"][1][6] = 0.85
    sheets["RencanaAksi"][2][6] = 1234567
    sheets["Monev"] = [["Bulan", "Area", "Capaian"], ["Januari 2024", "I. Manajemen Perubahan", 1.5]]
    path = _with_number_formats(make_xlsx(sheets), "RencanaAksi", {"G2": "0%", "G3": "#,##0"})
    result = build(path, BuildOptions(output=tmp_path / "hasil"))
    text = "\n".join(dump_docx(document) for document in result.documents)
    assert "| 85% |" in text and "| 1.234.567 |" in text and "1,5" in text
    assert "0.85" not in text and "1234567" not in text


def test_codes_typed_as_numbers_still_name_their_rows(make_xlsx):
    from zi_sheets.analysis.analyse import analyse

    sheets = minimal_sheets()
    sheets["Identitas"] = [[r[0], 2019 if r[0] == "Tahun" else r[1], r[2]] for r in sheets["Identitas"]]
    sheets["Identitas"] = [r for r in sheets["Identitas"] if r[0] != "Regulasi"]  # -- 2019: 52/2014
    sheets["RencanaAksi"][1][3] = 1.2  # -- Kode LKE 1.2, shown "1,2" by an Indonesian Excel
    sheets["RencanaAksi"][1][0] = 1.1  # -- No
    sheets["Monev"] = [
        ["Bulan", "Area", "Capaian", "Status", "Ref Rencana Aksi"],
        ["Mei 2019", "I. Manajemen Perubahan", "Rencana disusun", "Selesai", 1.1],
    ]
    analysis = analyse(read_workbook(make_xlsx(sheets)))
    first = analysis.workbook.rencana_aksi[0]
    assert (first.kode_lke.text, first.kode_lke.code) == ("1,2", "1.2")
    assert analysis.matches[first.row].komponen.code == "1.2"
    assert [entry.capaian.text for entry in analysis.reports[first.row]] == ["Rencana disusun"]
