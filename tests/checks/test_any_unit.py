"""Any unit's Rencana Kerja and Lampiran (issue 10), case by case: each workbook built in code, read, built,
and the .docx re-opened. The six whole units are in tests/render/test_unit_kinds.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from conftest import IDENTITAS_ROWS, PLAN_HEADER, minimal_sheets, plan_row
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx_dump import cell_text, paragraph_text, signature_columns

from zi_sheets.analysis.analyse import analyse
from zi_sheets.checks.run import run_checks
from zi_sheets.common.model import CellValue, Identitas, same_merge
from zi_sheets.reading.house_style import house_style
from zi_sheets.reading.workbook import read_workbook
from zi_sheets.render.lampiran import build_lampiran
from zi_sheets.render.rencana_kerja import build_rencana_kerja, heading_kinds
from zi_sheets.render.word.document import new_document, save_atomic
from zi_sheets.render.word.layout import text_height_twips
from zi_sheets.render.word.signature import (
    Signer,
    add_signature_block,
    format_nip,
    jabatan_lines,
    unit_signers,
)
from zi_sheets.template.new_workbook import build_template

TODAY = dt.date(2024, 6, 1)
AREA_I = "I. Manajemen Perubahan"
TIM = "Penyusunan Tim Kerja"


def sheets_with(
    identitas: dict[str, object] | None = None, **sheets: list[list[object]]
) -> dict[str, list[list[object]]]:
    """minimal_sheets() with Identitas values set (None empties one; new labels are added) and sheets."""
    result = minimal_sheets()
    rows = [list(row) for row in IDENTITAS_ROWS]
    for label, value in (identitas or {}).items():
        row = next((r for r in rows if r[0] == label), None)
        if row is None:
            rows.append([label, value, None])
        else:
            row[1] = value
    result["Identitas"] = rows
    result.update(sheets)
    return result


def built(make_xlsx, tmp_path: Path, sheets, *, lampiran: bool = False, **kwargs) -> Document:
    workbook = read_workbook(make_xlsx(sheets, **kwargs))
    style = house_style(workbook).style
    render = build_lampiran if lampiran else build_rencana_kerja
    path = save_atomic(render(workbook, style), tmp_path / "dokumen.docx")
    return docx.Document(str(path))


def body(document: Document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def texts(document: Document) -> list[str]:
    return [b.text for b in body(document) if isinstance(b, Paragraph)]


def styled(document: Document) -> list[tuple[str, str]]:
    return [(b.style.name, b.text) for b in body(document) if isinstance(b, Paragraph) and b.text]


def plan_rows(document: Document) -> list[list[str]]:
    (table,) = [t for t in document.tables if cell_text(t._tbl.tr_lst[0].tc_lst[0]) == "NO"]
    return [[cell_text(tc) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def signature_lines(document: Document) -> list[list[str]]:
    (table,) = [t for t in document.tables if t.style.name != "Table Grid"]
    return signature_columns(table)


# ---------------------------------------------------------------------------------------------------------
# Identity


@pytest.mark.parametrize(
    ("identitas", "foot"),
    [
        # -- today's Kecamatan: Pemda, unit, Kabupaten
        ({}, ["PEMERINTAH KABUPATEN CONTOH", "KECAMATAN CONTOH", "KABUPATEN CONTOH"]),
        # -- the Kabupaten already in the unit's name (abbreviated) is not printed again
        (
            {"Nama Unit Kerja": "Dinas Kesehatan Kab. Contoh"},
            ["PEMERINTAH KABUPATEN CONTOH", "DINAS KESEHATAN KAB. CONTOH"],
        ),
        # -- a ministry's Balai: no Pemda, no Kabupaten, two levels above it written on two rows
        (
            {
                "Nama Unit Kerja": "Balai Besar Penelitian Veteriner",
                "Pemerintah Daerah": None,
                "Kabupaten/Kota": None,
                "Instansi Induk 1": "Kementerian Pertanian",
                "Instansi Induk 2": "Badan Penelitian dan Pengembangan Pertanian",
            },
            [
                "KEMENTERIAN PERTANIAN",
                "BADAN PENELITIAN DAN PENGEMBANGAN PERTANIAN",
                "BALAI BESAR PENELITIAN VETERINER",
            ],
        ),
    ],
)
def test_cover_prints_only_the_hierarchy_written(make_xlsx, tmp_path, identitas, foot) -> None:
    printed = texts(built(make_xlsx, tmp_path, sheets_with(identitas)))
    start = printed.index("TIM ZONA INTEGRITAS") + 1
    assert printed[start : start + len(foot) + 1] == [
        *foot,
        "DOKUMEN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS",
    ]


def test_hierarchy_lines_and_region_follow_the_units_name() -> None:
    identitas = Identitas(
        {
            "Nama Unit Kerja": CellValue("Puskesmas Klakah Kabupaten Lumajang"),
            "Pemerintah Daerah": CellValue("Pemerintah Kabupaten Lumajang"),
            "Instansi Induk": CellValue("Dinas Kesehatan\nPuskesmas Klakah"),
            "Kabupaten/Kota": CellValue("Kabupaten Lumajang"),
        }
    )
    assert identitas.induk == ["Pemerintah Kabupaten Lumajang", "Dinas Kesehatan"]
    assert identitas.kabupaten_kota == ""


def test_kop_prints_the_hierarchy_above_the_unit(make_xlsx) -> None:
    sheets = sheets_with(
        {"Pemerintah Daerah": None, "Instansi Induk": "Kementerian Pertanian\nBadan Karantina Pertanian"}
    )
    letterhead = house_style(read_workbook(make_xlsx(sheets))).style.letterhead
    assert letterhead is not None
    assert letterhead.lines == ("KEMENTERIAN PERTANIAN", "BADAN KARANTINA PERTANIAN", "KECAMATAN CONTOH")
    assert letterhead.unit_line == 2  # -- the unit's name is printed largest, the hierarchy above it


def test_document_title_is_settable(make_xlsx, tmp_path) -> None:
    title = "Dokumen Rencana Kerja Pembangunan Zona Integritas Menuju WBK dan WBBM"
    document = built(make_xlsx, tmp_path, sheets_with({"Judul": title}))
    printed = texts(document)
    assert printed[0] == title.upper()
    assert printed.count(title.upper()) == 2  # -- the cover and the approval page
    assert f"{title.upper()} KECAMATAN CONTOH TAHUN 2024" in printed
    assert "DOKUMEN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS" not in printed
    assert document.core_properties.title.startswith(title.upper())


# ---------------------------------------------------------------------------------------------------------
# Signers


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("Camat Contoh", ["CAMAT CONTOH"]),
        ("plt. kepala dinas", ["Plt. KEPALA DINAS"]),
        ("PLH Kepala Balai", ["Plh. KEPALA BALAI"]),
        ("a.n. Kepala Kantor\nKepala Bagian Umum", ["a.n. KEPALA KANTOR", "KEPALA BAGIAN UMUM"]),
        ("an Kepala Kantor\nub Kepala Subbagian", ["a.n. KEPALA KANTOR", "u.b. KEPALA SUBBAGIAN"]),
        ("Plantation Manager", ["PLANTATION MANAGER"]),
    ],
)
def test_jabatan_keeps_its_prefix(written: str, printed: list[str]) -> None:
    assert jabatan_lines(written) == printed


@pytest.mark.parametrize(
    ("spaced", "printed"), [(True, "19750921 199602 1 002"), (False, "197509211996021002")]
)
def test_nip_spaced_or_not(spaced: bool, printed: str) -> None:
    assert format_nip("19750921 199602 1 002", spaced=spaced) == printed
    assert format_nip("197509211996021002", spaced=spaced) == printed


def test_single_signer_formula(make_xlsx, tmp_path) -> None:
    sheets = sheets_with(
        {"Jabatan Pimpinan": "Kepala Balai Contoh", "Nama Ketua Tim": None, "NIP Ketua Tim": None},
        Narasi=[["Bagian", "Isi"], ["Penutup", "Demikian."]],
        Pengaturan=[["Pengaturan", "Nilai"], ["Penandatangan", "Pimpinan"], ["Format NIP", "Tanpa Spasi"]],
    )
    document = built(make_xlsx, tmp_path, sheets)
    assert signature_lines(document) == [
        [],
        [
            "Ditetapkan di\t: Contoh",
            "Pada tanggal\t: 2 Januari 2024",
            "KEPALA BALAI CONTOH,",
            "BUDI SANTOSO, S.STP",
            "NIP. 197509211996021002",
        ],
    ]
    blocks = body(document)
    signature = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and b.style.name != "Table Grid")
    # -- no approval page: the signature closes the text, right after the last section's words
    assert [b.text for b in blocks[:signature] if isinstance(b, Paragraph)].count("TAHUN 2024") == 1
    assert (
        isinstance(blocks[signature - 2], Paragraph) and blocks[signature - 2].paragraph_format.keep_with_next
    )


def test_a_dash_nip_prints_no_nip_line(tmp_path) -> None:
    document = new_document()
    add_signature_block(document, right=Signer(nama="Egol", jabatan=["Ketua Tim"], nip="-"))
    reopened = docx.Document(str(save_atomic(document, tmp_path / "s.docx")))
    assert [paragraph_text(p) for p in reopened.tables[0]._tbl.tr_lst[-1].tc_lst[1].p_lst][-1] == "Egol"
    assert "NIP" not in "".join(t.text for t in reopened.paragraphs)


def test_two_signers_one_without_nip_keep_their_names_level(tmp_path) -> None:
    identitas = Identitas(
        {
            "Nama Pimpinan": CellValue("Budi"),
            "NIP Pimpinan": CellValue("197509211996021002"),
            "Jabatan Pimpinan": CellValue("Camat"),
            "Nama Ketua Tim": CellValue("Siti"),
            "NIP Ketua Tim": CellValue("-"),
            "Jabatan Ketua Tim": CellValue("Ketua Tim"),
        }
    )
    left, right = unit_signers(identitas, "2 Januari 2024")
    assert left is not None and right.nip == "-"
    document = new_document()
    add_signature_block(document, left, right)
    # -- names and NIPs stand in the second row: level however many lines each position has
    cells = [[paragraph_text(p) for p in tc.p_lst] for tc in document.tables[0]._tbl.tr_lst[-1].tc_lst]
    assert cells[0].index("Budi") == cells[1].index("Siti")
    assert cells[0][-1] == "NIP. 19750921 199602 1 002" and cells[1][-1] == ""


# ---------------------------------------------------------------------------------------------------------
# The outline from the Narasi sheet


def outline(*rows: tuple[str, str]) -> list[list[object]]:
    return [["Judul", "Isi"], *[list(row) for row in rows]]


def test_outline_headings_levels_and_empty_sections(make_xlsx, tmp_path) -> None:
    narasi = outline(
        ("A. Dasar", "1. Undang-Undang Nomor 25 Tahun 2009;"),
        ("", "a. Pasal 1;"),
        ("", "b. Pasal 2;\n1) ayat (1);\n2) ayat (2);"),
        ("", "2. Peraturan Presiden Nomor 81 Tahun 2010."),
        ("B. Maksud dan Tujuan", "1. Acuan bagi {Nama Unit Kerja};"),
        ("", "- seluruh pegawai;"),
        ("C. Ruang Lingkup", ""),
        ("1. Wilayah", ""),
        ("D. Rencana Aksi", "{Rencana Aksi}"),
        ("E. Penutup", "Demikian."),
    )
    document = built(make_xlsx, tmp_path, sheets_with(Narasi=narasi))
    printed = styled(document)
    start = printed.index(("Heading 2", "A. Dasar"))
    assert printed[start:] == [
        ("Heading 2", "A. Dasar"),
        ("Numbered Item", "1.\tUndang-Undang Nomor 25 Tahun 2009;"),
        ("Numbered Item 2", "a.\tPasal 1;"),
        ("Numbered Item 2", "b.\tPasal 2;"),
        ("Numbered Item 3", "1)\tayat (1);"),
        ("Numbered Item 3", "2)\tayat (2);"),
        ("Numbered Item", "2.\tPeraturan Presiden Nomor 81 Tahun 2010."),
        ("Heading 2", "B. Maksud dan Tujuan"),
        ("Numbered Item", "1.\tAcuan bagi Kecamatan Contoh;"),
        ("Numbered Item 2", "-\tseluruh pegawai;"),
        # -- C. and its 1. hold no text: neither heading is printed
        ("Heading 2", "D. Rencana Aksi"),
        ("Heading 2", "E. Penutup"),
        ("Body Text", "Demikian."),
    ]
    assert len(document.sections) == 3 and document.sections[1].orientation == 1


def test_list_numbers_restart_where_the_source_restarts(make_xlsx, tmp_path) -> None:
    narasi = [
        ["Bagian", "Isi"],
        ["Dasar Hukum", "1. UU 25/2009"],
        ["Dasar Hukum", "2. Perpres 81/2010"],
        ["Dasar Hukum", "Pedoman teknis:"],
        ["Dasar Hukum", "1. Permen PANRB 90/2021"],
        ["Dasar Hukum", "a. Lampiran I"],
        ["Dasar Hukum", "2. Permen PANRB 5/2024"],
        ["Maksud dan Tujuan", "- Acuan"],
        ["Maksud dan Tujuan", "- Keseragaman"],
    ]
    printed = styled(built(make_xlsx, tmp_path, sheets_with(Narasi=narasi)))
    start = printed.index(("Heading 2", "1.1 Dasar Hukum"))
    # -- the classic sheet: typed numbers are kept and never renumbered across the chapter, a letter nests,
    # -- "- " is numbered by the document
    assert printed[start + 1 : start + 10] == [
        ("Numbered Item", "1.\tUU 25/2009"),
        ("Numbered Item", "2.\tPerpres 81/2010"),
        ("Body Text", "Pedoman teknis:"),
        ("Numbered Item", "1.\tPermen PANRB 90/2021"),
        ("Numbered Item 2", "a.\tLampiran I"),
        ("Numbered Item", "2.\tPermen PANRB 5/2024"),
        ("Heading 2", "1.2 Maksud dan Tujuan"),
        ("Numbered Item", "1.\tAcuan"),
        ("Numbered Item", "2.\tKeseragaman"),
    ]


@pytest.mark.parametrize(
    ("headings", "kinds"),
    [
        (["BAB I X", "1.1 Y", "1.1.1 Z", "BAB II W"], ["BAB", "9.9", "9.9.9", "BAB"]),
        (["A. Dasar", "B. Maksud", "C. Ruang", "D. Penutup"], ["Z.", "Z.", "Z.", "Z."]),
        (["I. PENDAHULUAN", "A. Latar", "B. Tujuan", "II. PENUTUP"], ["I.", "Z.", "Z.", "I."]),
        (["KATA PENGANTAR", "a. satu"], ["plain", "z."]),
    ],
)
def test_heading_kinds(headings: list[str], kinds: list[str]) -> None:
    assert heading_kinds(headings) == kinds


def test_without_its_placeholder_the_table_is_a_lampiran_after_the_signature(make_xlsx, tmp_path) -> None:
    narasi = outline(("BAB I PENDAHULUAN", "Teks."), ("BAB II PENUTUP", "Demikian."))
    sheets = sheets_with(
        {"Nama Ketua Tim": None},
        Narasi=narasi,
        Pengaturan=[["Pengaturan", "Nilai"], ["Penandatangan", "Pimpinan"]],
    )
    document = built(make_xlsx, tmp_path, sheets)
    blocks = body(document)
    kinds = [
        "signature"
        if isinstance(b, Table) and b.style.name != "Table Grid"
        else "table"
        if isinstance(b, Table)
        else b.text
        for b in blocks
    ]
    signature, table = kinds.index("signature"), kinds.index("table")
    assert kinds[signature - 3 : signature] == ["BAB II PENUTUP", "Demikian.", ""]
    assert kinds[signature + 1 : table] == [
        "",
        "LAMPIRAN",
        "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS KECAMATAN CONTOH",
    ]
    assert document.sections[-1].orientation == 1 and len(document.sections) == 2


# ---------------------------------------------------------------------------------------------------------
# The Rencana Aksi table


def test_reader_keeps_extra_columns_by_header_and_merged_cells_by_their_top_left(make_xlsx) -> None:
    header = [*PLAN_HEADER, "% REALISASI", "ANGGARAN", None, "Keterangan", "Keterangan"]
    rows = [
        [
            *plan_row(AREA_I, TIM, f"Indikator {i}", target="Januari s/d Desember 2024"),
            f"{i}0%",
            "Rp 1",
            "x",
            "",
            "b",
        ]
        for i in range(1, 4)
    ]
    sheets = sheets_with(RencanaAksi=[header, *rows])
    plan = read_workbook(make_xlsx(sheets, merges={"RencanaAksi": ["H2:H4", "K2:K3"]})).rencana_aksi
    assert list(plan[0].extra) == ["% REALISASI", "ANGGARAN", "Keterangan", "Keterangan (N)"]
    assert [row.extra["% REALISASI"].text for row in plan] == ["10%", "20%", "30%"]
    assert plan[0].realisasi.text == "10%"  # -- the checks read it too
    # -- the merged target belongs to every row it covers, and says where it was typed
    assert [row.target_waktu.text for row in plan] == ["Januari s/d Desember 2024"] * 3
    assert [
        same_merge(a.target_waktu, b.target_waktu, b.row) for a, b in zip(plan, plan[1:], strict=False)
    ] == [True, True]
    assert not same_merge(plan[0].indikator, plan[1].indikator, plan[1].row)
    report = run_checks(analyse(read_workbook(make_xlsx(sheets, merges={"RencanaAksi": ["H2:H4"]}))), TODAY)
    assert not report.of("target-waktu-empty")


def test_merged_cells_extra_columns_and_numbers_as_written(make_xlsx, tmp_path) -> None:
    header = [*PLAN_HEADER, "ANGGARAN"]
    rows = [
        [*plan_row(AREA_I, TIM, "Indikator 1", no="1.", target="Januari 2024\nJuni 2024"), "Rp 5.000.000"],
        [*plan_row(AREA_I, TIM, "Indikator 2", no="1.", target=None), None],
        [*plan_row("III. Penataan Sistem Manajemen SDM Aparatur", "Mutasi", "Indikator 3", no="a"), "Rp 1"],
        [*plan_row("III. Penataan Sistem Manajemen SDM Aparatur", "Mutasi", "Indikator 4", no="b"), None],
    ]
    sheets = sheets_with(RencanaAksi=[header, *rows])
    document = built(make_xlsx, tmp_path, sheets, merges={"RencanaAksi": ["H2:H3"]})
    assert plan_rows(document) == [
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU", "ANGGARAN"],
        ["I", "<span 6> MANAJEMEN PERUBAHAN"],
        [
            "v 1.",
            "v Penyusunan Tim Kerja",
            "Indikator 1",
            "Menyusun indikator 1",
            "Laporan",
            "v Januari 2024 ¶ Juni 2024",
            "Rp 5.000.000",
        ],
        ["^", "^", "Indikator 2", "Menyusun indikator 2", "Laporan", "^", ""],
        ["III", "<span 6> PENATAAN SISTEM MANAJEMEN SDM APARATUR"],
        ["a", "v Mutasi", "Indikator 3", "Menyusun indikator 3", "Laporan", "Januari 2024", "Rp 1"],
        ["b", "^", "Indikator 4", "Menyusun indikator 4", "Laporan", "Januari 2024", ""],
    ]


def test_only_short_rows_are_kept_whole_on_a_page(make_xlsx, tmp_path) -> None:
    long = " ".join(f"Langkah nomor {i} dilaksanakan bersama seluruh bidang." for i in range(60))
    rows = [plan_row(AREA_I, TIM, "Pendek"), plan_row(AREA_I, TIM, "Panjang", langkah=long)]
    document = built(make_xlsx, tmp_path, sheets_with(RencanaAksi=[list(PLAN_HEADER), *rows]))
    (table,) = [t for t in document.tables if t.style.name == "Table Grid"]
    flags = [tr.trPr.find(qn("w:cantSplit")) is not None for tr in table._tbl.tr_lst]
    assert flags == [True, True, True, False]  # -- header, area row, short row, the half-page row
    # -- the table's last rows keep together: the short row goes with the long one
    keep = [
        all(p.pPr is not None and p.pPr.keepNext_val for p in tr.iter(qn("w:p"))) for tr in table._tbl.tr_lst
    ]
    assert keep[2:] == [True, False]


def test_text_height_grows_with_text_and_shrinks_with_width() -> None:
    short = text_height_twips(["Menyusun SK"], 3000, 10)
    long = text_height_twips(["Menyusun SK tim kerja pembangunan zona integritas " * 10], 3000, 10)
    wide = text_height_twips(["Menyusun SK tim kerja pembangunan zona integritas " * 10], 9000, 10)
    assert short < wide < long
    assert text_height_twips(["a", "b", "c"], 3000, 10) > short


# ---------------------------------------------------------------------------------------------------------
# The Lampiran


def test_target_prioritas_extra_columns_and_the_last_row_kept_with_the_signatures(
    make_xlsx, tmp_path
) -> None:
    targets = [
        ["No", "Target Prioritas", "% Target", "Catatan"],
        [1, "SOP", "100%", None],
        [2, "SKM", "80%", None],
    ]
    document = built(make_xlsx, tmp_path, sheets_with(TargetPrioritas=targets), lampiran=True)
    (table,) = [t for t in document.tables if t.style.name == "Table Grid"]
    assert [[cell_text(tc) for tc in tr.tc_lst] for tr in table._tbl.tr_lst] == [
        ["NO", "TARGET PRIORITAS", "% TARGET"],
        ["1", "SOP", "100%"],
        ["2", "SKM", "80%"],
    ]
    last = table._tbl.tr_lst[-1]
    assert all(p.pPr.keepNext_val for p in last.iter(qn("w:p")))


def test_lampiran_uses_the_units_title_region_and_signer(make_xlsx, tmp_path) -> None:
    sheets = sheets_with(
        {"Nama Unit Kerja": "Kecamatan Contoh Kabupaten Contoh", "Judul Dokumen": "Rencana Kerja ZI"},
        MekanismeTim=[["No", "Langkah"], [1, "Membentuk tim"]],
        Pengaturan=[["Pengaturan", "Nilai"], ["Penandatangan", "Pimpinan"]],
    )
    document = built(make_xlsx, tmp_path, sheets, lampiran=True)
    printed = texts(document)
    assert printed[:4] == [
        "LAMPIRAN I",
        "RENCANA KERJA ZI",
        "KECAMATAN CONTOH KABUPATEN CONTOH",
        "TAHUN 2024",
    ]
    assert "KABUPATEN CONTOH" not in printed
    left, right = signature_lines(document)
    assert left == [] and right[:3] == [
        "Ditetapkan di\t: Contoh",
        "Pada tanggal\t: 2 Januari 2024",
        "CAMAT CONTOH,",
    ]


# ---------------------------------------------------------------------------------------------------------
# Checks and init


def check(make_xlsx, sheets) -> set[tuple[str, str]]:
    report = run_checks(analyse(read_workbook(make_xlsx(sheets))), TODAY)
    return {(f.code, f.values.get("field", "")) for f in report.findings if f.code != "plan-overdue"}


def test_pemda_and_kabupaten_are_optional(make_xlsx) -> None:
    found = check(make_xlsx, sheets_with({"Pemerintah Daerah": None, "Kabupaten/Kota": None}))
    assert not [code for code, _ in found if code == "identitas-missing"]


@pytest.mark.parametrize(
    ("signers", "monev", "missing"),
    [
        ("Pimpinan dan Ketua Tim", False, {"Nama Ketua Tim", "NIP Ketua Tim"}),
        ("Pimpinan", False, set()),
        ("Pimpinan", True, {"Nama Ketua Tim", "NIP Ketua Tim"}),  # -- the Monev prints the Ketua Tim
    ],
)
def test_ketua_tim_needed_only_when_printed(make_xlsx, signers: str, monev: bool, missing: set[str]) -> None:
    sheets = sheets_with(
        {"Nama Ketua Tim": None, "NIP Ketua Tim": None},
        Pengaturan=[["Pengaturan", "Nilai"], ["Penandatangan", signers]],
    )
    if monev:
        sheets["Monev"] = [
            ["Bulan", "Area", "Capaian", "Status"],
            ["Mei 2024", AREA_I, "Tim dibentuk", "Selesai"],
        ]
    found = check(make_xlsx, sheets)
    assert {field for code, field in found if code == "identitas-missing"} == missing


@pytest.mark.parametrize(("predikat", "found"), [("WBK/WBBM", False), ("WBK dan WBBM", False), ("ZI", True)])
def test_predikat_wbk_wbbm(make_xlsx, predikat: str, found: bool) -> None:
    assert (("predikat-invalid", "") in check(make_xlsx, sheets_with({"Target Predikat": predikat}))) == found


def test_a_dash_nip_is_no_finding(make_xlsx) -> None:
    found = check(make_xlsx, sheets_with({"NIP Ketua Tim": "-"}))
    assert not [code for code, _ in found if code.startswith("nip")]


def test_an_outline_sheet_names_its_own_sections(make_xlsx) -> None:
    narasi = outline(("A. Dasar", "Teks {Nama Unit Kerja}."), ("B. Rencana Aksi", "{Rencana Aksi}"))
    found = check(make_xlsx, sheets_with(Narasi=narasi))
    assert not [code for code, _ in found if code in ("narasi-bagian-unknown", "placeholder-unknown")]


def test_init_writes_the_new_fields_and_the_bab_outline(tmp_path) -> None:
    book = build_template(unit_kerja="Kecamatan Uji", tahun=2024)
    labels = [row[0].value for row in book["Identitas"].iter_rows(min_row=2)]
    assert {"Instansi Induk", "Judul Dokumen"} <= set(labels)
    validations = [v.formula1 for v in book["Identitas"].data_validations.dataValidation]
    assert any("WBK/WBBM" in formula for formula in validations)
    settings = [row[0].value for row in book["Pengaturan"].iter_rows(min_row=2)]
    assert {"Penandatangan", "Format NIP"} <= set(settings)
    assert [c.value for c in book["Narasi"][1]][:2] == ["Judul", "Isi"]
    path = tmp_path / "baru.xlsx"
    book.save(path)
    workbook = read_workbook(path)
    assert workbook.narasi_headings
    headings = [item.isi.text for item in workbook.narasi if item.is_heading]
    assert headings[:2] == ["BAB I PENDAHULUAN", "1.1 Latar Belakang"]
    assert "BAB III RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS" in headings
