"""What a signed Monev says is what the workbook says (issue 24): statuses from the due months, the reports up
to the period and their dates, with the reason where it is not the plain reading; what earlier periods
achieved carried forward; the late list naming the unit's action; Kendala from the Realisasi too; a Capaian
that says nothing was achieved is no achievement.

The workbook is a court-shaped unit's of 2025 reporting by quarter (Realisasi groups per Triwulan)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import IDENTITAS_ROWS, PLAN_HEADER, plan_row
from docx.document import Document
from docx.table import Table
from docx_dump import cell_text, document_texts, saved

from zi_sheets.analysis.analyse import analyse
from zi_sheets.analysis.periods import Period
from zi_sheets.analysis.progress import DALAM_PROSES, SELESAI, TERLAMBAT
from zi_sheets.reading.workbook import read_workbook
from zi_sheets.render.monev import build_monev

AREA_I, AREA_II = "I. Manajemen Perubahan", "II. Penataan Tatalaksana"
GROUP = ["Status", "Realisasi", "Tanggal Selesai", "Bukti", "Kendala", "Tindak Lanjut", "Target Revisi"]
MONEV_HEADER = ["Bulan", "Area", "Capaian", "Status", "Ref Rencana Aksi", "Bukti Dukung", "Kendala"]
LABELS = ["Triwulan I 2025", "Triwulan II 2025"]

PLAN = [
    # -- row 2: due in March, reported "Belum" in both quarters and in the Monev sheet
    plan_row(AREA_I, "Tim", "Tim kerja telah dibentuk", langkah="Membentuk tim kerja", target="Maret 2025"),
    # -- row 3: a single month of the previous year
    plan_row(AREA_I, "Rencana", "Rencana kerja disusun", langkah="Menyusun rencana", target="Desember 2024"),
    # -- row 4: "Sudah" in Triwulan II, done in July
    plan_row(AREA_I, "Pola pikir", "Budaya kerja", langkah="Menyusun nilai budaya kerja", target="Juni 2025"),
    # -- row 5: done and evidenced in Triwulan I, only confirmed "Sudah" in Triwulan II
    plan_row(AREA_II, "SOP", "SOP ditetapkan", langkah="Menetapkan SK SOP", target="Maret 2025"),
    # -- row 6: in progress, its kendala written in the Realisasi only
    plan_row(AREA_II, "E-office", "Aplikasi digunakan", langkah="Memasang aplikasi", target="Desember 2025"),
]


def group(status=None, realisasi=None, selesai=None, bukti=None, kendala=None):
    return [status, realisasi, selesai, bukti, kendala, None, None]


REALISASI = [
    ["I.1.a", "Membentuk tim kerja", *group("Belum"), *group("Belum")],
    ["I.2.a", "Menyusun rencana", *group(), *group()],
    ["I.3.a", "Menyusun nilai budaya kerja", *group("Proses"),
     *group("Sudah", "Nilai disahkan", "10 Juli 2025")],
    ["II.1.a", "Menetapkan SK SOP", *group("Selesai", "SK SOP ditetapkan", dt.datetime(2025, 3, 20), "SK 12"),
     *group("Sudah")],
    ["II.2.a", "Memasang aplikasi", *group("Proses", "Server disiapkan"),
     *group("Proses", kendala="Jaringan internet belum stabil")],
]  # fmt: skip

MONEV = [
    ["Juni 2025", AREA_I, "Tim belum dibentuk", "Belum", "I.1.a", None, None],
    ["Juni 2025", AREA_II, "SOP pelayanan belum disusun", None, "II.1", None, None],
    ["Juni 2025", AREA_II, "Server aplikasi disiapkan", "Proses", "II.2.a", None, None],
]


def identitas() -> list[list[object]]:
    rows = [list(row) for row in IDENTITAS_ROWS]
    for row in rows:
        if row[0] == "Tahun":
            row[1] = 2025
        if row[0] == "Tanggal Penetapan":
            row[1] = dt.datetime(2025, 1, 6)
    return rows


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    top: list[object] = ["Ref", "Langkah Aksi"]
    for label in LABELS:
        top += [label] + [None] * (len(GROUP) - 1)
    content = {
        "Identitas": identitas(),
        "RencanaAksi": [list(PLAN_HEADER), *PLAN],
        "Monev": [MONEV_HEADER, *MONEV],
        "Realisasi": [top, ["Ref", "Langkah Aksi", *GROUP * len(LABELS)], *REALISASI],
    }
    for name, rows in content.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book["Realisasi"].merge_cells("C1:I1")
    book["Realisasi"].merge_cells("J1:P1")
    path = tmp_path_factory.mktemp("pengadilan") / "pengadilan-2025.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def plans(workbook_path):
    return {plan.row.row: plan for plan in analyse(read_workbook(workbook_path)).plan_progress((2025, 6))}


@pytest.fixture(scope="module")
def document(workbook_path, tmp_path_factory) -> Document:
    analysis = analyse(read_workbook(workbook_path))
    built = build_monev(analysis, Period.triwulan(2025, 2))
    return saved(built, tmp_path_factory.mktemp("monev"), "monev.docx")


def header(table: Table) -> list[str]:
    return [cell_text(tc) for tc in table._tbl.tr_lst[0].tc_lst]


def rows_of(document: Document, first: str) -> list[list[str]]:
    (table,) = [t for t in document.tables if header(t)[:4] == ["NO", "KOMPONEN", "LANGKAH AKSI", first]]
    return [[cell_text(tc) for tc in tr.tc_lst] for tr in table._tbl.tr_lst[1:] if len(tr.tc_lst) == 8]


def test_belum_in_every_report_past_due_is_late(plans) -> None:
    # -- was DALAM_PROSES: the Monev sheet's "Belum" counted as a report of progress
    assert plans[2].status == TERLAMBAT
    assert plans[2].reason == "dilaporkan belum dilaksanakan, target waktu Maret 2025 telah lewat"


def test_a_target_of_the_previous_year_is_late_not_running(plans) -> None:
    # -- was BERJALAN: a month before the plan year was never due
    assert plans[3].status == TERLAMBAT and plans[3].due == (2024, 12)
    assert plans[3].reason == "target waktu Desember 2024, sebelum tahun rencana 2025"


def test_a_sudah_done_after_the_period_says_why_it_is_in_progress(plans) -> None:
    assert plans[4].status == DALAM_PROSES
    assert plans[4].reason == "dilaporkan selesai 10 Juli 2025, setelah akhir periode"


def test_what_an_earlier_quarter_achieved_carries_forward(plans, document) -> None:
    assert plans[5].status == SELESAI and plans[5].done_on == dt.date(2025, 3, 20)
    (sop,) = [row for row in rows_of(document, "TARGET WAKTU") if row[2] == "Menetapkan SK SOP"]
    # -- REALISASI, STATUS, BUKTI: was empty, "Selesai", empty
    assert sop[4] == "SK SOP ditetapkan ¶ (Triwulan I 2025) ¶ Selesai 20 Maret 2025"
    assert sop[5] == "Selesai"
    assert sop[6] == "SK 12 ¶ (Triwulan I 2025)"


def test_the_status_cell_gives_the_reason(document) -> None:
    statuses = {row[2]: row[5] for row in rows_of(document, "TARGET WAKTU")}
    assert statuses["Menyusun nilai budaya kerja"] == (
        "Dalam Proses ¶ (dilaporkan selesai 10 Juli 2025, setelah akhir periode)"
    )
    assert statuses["Membentuk tim kerja"].startswith("Terlambat ¶ (dilaporkan belum dilaksanakan")


def test_the_late_list_names_the_units_action(document) -> None:
    (late,) = [t for t in document.tables if header(t)[:4] == ["NO", "AREA", "KOMPONEN", "LANGKAH AKSI"]]
    rows = [[cell_text(tc) for tc in tr.tc_lst] for tr in late._tbl.tr_lst[1:]]
    assert [row[3] for row in rows] == ["Membentuk tim kerja", "Menyusun rencana"]  # not "Tim kerja ..."
    assert rows[1][5] == "Target waktu Desember 2024, sebelum tahun rencana 2025"


def test_kendala_lists_the_realisasis_kendala(document) -> None:
    assert "1.\tPenataan Tatalaksana: Jaringan internet belum stabil" in document_texts(document)


def test_a_capaian_saying_nothing_was_achieved_is_no_achievement(document) -> None:
    found = document_texts(document)
    assert not [text for text in found if "belum disusun" in text or "Tim belum dibentuk" in text]
    assert "Server aplikasi disiapkan" in " ".join(found)


# ---------------------------------------------------------------------------------------------------------
# Default texts and what the workbook asks for (classes 4 and 7)


@pytest.mark.parametrize("regulation", ["90-2021", "52-2014"])
def test_the_standard_closing_claims_the_aim_not_the_predicate(regulation) -> None:
    from zi_sheets.common.standard_texts import standard_narasi

    # -- was: "{Nama Unit Kerja} yang berpredikat WBK/WBBM merupakan hasil ...", signed by a unit building
    # -- toward it; a sentence about the unit and a predicate says it goes toward it
    about_unit = [text for _, text in standard_narasi(regulation) if "{Nama Unit Kerja}" in text]
    claims = [text for text in about_unit if "predikat" in text.lower()]
    assert claims and all("menuju predikat" in text.lower() for text in claims)
    assert not [text for _, text in standard_narasi(regulation) if "berpredikat" in text]


@pytest.fixture(scope="module")
def with_pangkat(tmp_path_factory):
    from factory import unit_workbook

    folder = tmp_path_factory.mktemp("pangkat")
    path = unit_workbook(
        folder / "unit.xlsx",
        identitas={"Pangkat Pimpinan": "Pembina Utama Muda (IV/c)"},
        tim_kerja=[["SITI AMINAH, S.AP", "198203172006042011", "Sekretaris", "Ketua"]],
    )
    from zi_sheets.delivery.builder import BuildOptions, build

    return build(path, BuildOptions(output=folder / "out", paket=True))


def test_the_leaders_pangkat_is_printed_under_the_name(with_pangkat) -> None:
    import docx

    documents = [p for p in with_pangkat.documents if p.suffix == ".docx"]
    assert len(documents) >= 2
    for path in documents:
        texts = document_texts(docx.Document(str(path)))
        # -- was printed in no document
        assert "Pembina Utama Muda (IV/c)" in texts, path.name
        at = texts.index("Pembina Utama Muda (IV/c)")
        assert texts[at + 1].startswith("NIP.") or texts[at + 2].startswith("NIP."), texts[at - 2 : at + 3]


def test_the_package_puts_the_rencana_kerja_before_its_lampiran(with_pangkat) -> None:
    import zipfile

    package = with_pangkat.package
    assert package is not None
    names = zipfile.ZipFile(package.zip_path).namelist()
    rencana = next(i for i, n in enumerate(names) if "Rencana Kerja" in n and "Lampiran" not in n)
    lampiran = next(i for i, n in enumerate(names) if "Lampiran" in n)
    assert rencana < lampiran, names  # -- was: sorted by name, the Lampiran first


def test_a_unit_reporting_by_quarter_gets_a_quarterly_monev(workbook_path, tmp_path) -> None:
    from zi_sheets.delivery.builder import BuildOptions, build

    # -- its Monev sheet's latest month is June, its Realisasi's latest period Triwulan II: was "BULAN : Juni
    # -- 2025" over a report of the quarter
    analysis = analyse(read_workbook(workbook_path))
    assert analysis.latest_period == Period.triwulan(2025, 2)
    result = build(workbook_path, BuildOptions(output=tmp_path / "out", triwulan=2))
    assert [p.name for p in result.documents if "Monev" in p.name] == [
        "1.iii.b Monev Pembangunan ZI Triwulan II 2025.docx"
    ]
    # -- the Realisasi reports on the quarter: no warning that the document holds only the schedule
    assert not [note for note in result.notes if "hanya berisi jadwal" in note]


def test_the_laporan_penilaian_speaks_to_its_reader(tmp_path) -> None:
    from factory import extreme_answers, fill_lke

    from zi_sheets.lke.assess import assess
    from zi_sheets.render.penilaian import build_penilaian
    from zi_sheets.template.new_workbook import write_template

    answers = extreme_answers("90-2021")
    answers.update({"R.1.i.a": 0.0, "R.1.i.b": 0.0})  # -- a per-area reading that warns, not decides
    path = fill_lke(write_template(tmp_path / "lke-unit.xlsx", regulasi="90-2021"), answers)
    laporan = saved(build_penilaian(assess(analyse(read_workbook(path)))), tmp_path, "laporan.docx")
    text = "\n".join(document_texts(laporan))
    # -- was: "... pada sheet LKE workbook lke-unit.xlsx" and "Peringatan (bacaan b, bukan syarat): ..."
    assert "lke-unit.xlsx" not in text and ".xlsx" not in text
    assert "dihitung dari jawaban dan Bukti Dukung pada sheet LKE. " in text  # -- no unit: never "LKE ."
    assert "bacaan" not in text
    assert (
        "Catatan (tidak menentukan predikat): Reform area I Manajemen Perubahan 2,00 (minimal 2,40)" in text
    )


@pytest.mark.parametrize(
    ("fields", "greeting"),
    [
        # -- was "Yth. Inspektorat Kabupaten Lumajang" for each of the first three
        (
            {"Instansi Induk": "Mahkamah Agung Republik Indonesia\nPengadilan Tinggi Surabaya"},
            "Yth. Tim Penilai Internal Mahkamah Agung Republik Indonesia",
        ),
        (
            {"Instansi Induk": "Kementerian Pertanian\nBadan Karantina Pertanian"},
            "Yth. Tim Penilai Internal Kementerian Pertanian",
        ),
        ({"Pemerintah Daerah": "Pemerintah Provinsi Jawa Timur"}, "Yth. Inspektorat Provinsi Jawa Timur"),
        ({"Pemerintah Daerah": "Pemerintah Kabupaten Lumajang"}, "Yth. Inspektorat Kabupaten Lumajang"),
    ],
)
def test_the_cover_letter_greets_the_body_that_evaluates_the_unit(fields, greeting) -> None:
    from zi_sheets.common.model import CellValue, Identitas
    from zi_sheets.delivery.paket import body

    values = {"Nama Unit Kerja": "Unit Contoh", "Kabupaten/Kota": "Kabupaten Lumajang", **fields}
    identitas = Identitas({name: CellValue(text, raw=text) for name, text in values.items()})
    assert body(identitas, ["dokumen.docx"]).splitlines()[0] == greeting


def test_the_cover_letter_greets_the_tim_penilai_the_unit_names(tmp_path) -> None:
    from openpyxl import load_workbook

    from zi_sheets.delivery.paket import body
    from zi_sheets.template.new_workbook import write_template

    path = write_template(tmp_path / "pengadilan.xlsx", unit_kerja="Pengadilan Negeri Lumajang")
    book = load_workbook(path)
    sheet = book["Identitas"]
    rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
    assert sheet.cell(rows["Tim Penilai"], 3).value.startswith("Opsional")  # -- init writes it with a hint
    sheet.cell(rows["Instansi Induk"], 2).value = "Mahkamah Agung Republik Indonesia"
    book.save(path)

    def greeting() -> str:
        return body(read_workbook(path).identitas, ["dokumen.docx"]).splitlines()[0]

    # -- left empty (as every workbook written before the field): the chain's Tim Penilai Internal
    assert greeting() == "Yth. Tim Penilai Internal Mahkamah Agung Republik Indonesia"
    sheet.cell(rows["Tim Penilai"], 2).value = "Tim Penilai Internal\nPengadilan Tinggi Surabaya"
    book.save(path)
    assert greeting() == "Yth. Tim Penilai Internal Pengadilan Tinggi Surabaya"
    sheet.delete_rows(rows["Tim Penilai"])  # -- an older workbook without the row reads as before
    book.save(path)
    assert greeting() == "Yth. Tim Penilai Internal Mahkamah Agung Republik Indonesia"


def test_the_laporan_penilaian_describes_changes_and_lists_only_evidence_that_is_there(tmp_path) -> None:
    from factory import extreme_answers, fill_lke

    from zi_sheets.lke.assess import assess
    from zi_sheets.render.penilaian import build_penilaian
    from zi_sheets.template.new_workbook import write_template

    answers = extreme_answers("90-2021")
    answers.update({"R.5.i.a": "E", "R.5.ii.a": 0.5})  # -- area V 11,00 against the WBBM minimum 11,25
    # -- an IPAK of 3,58 prints 15,66 against 15,75 (kurang 0,09); 3,60 gives exactly 15,75 (+0,0875)
    answers["H.I.a"] = 3.58
    path = write_template(tmp_path / "lke-unit.xlsx", regulasi="90-2021")
    (tmp_path / "Bukti").mkdir()
    (tmp_path / "Bukti" / "SK Tim.pdf").write_bytes(b"%PDF-1.4\n")
    evidence = {"P.1.i.a": "Bukti/SK Tim.pdf\nBukti/Notulen Rapat.pdf\nhttps://contoh.go.id/sk"}
    fill_lke(path, answers, evidence)
    laporan = saved(build_penilaian(assess(analyse(read_workbook(path)))), tmp_path, "laporan.docx")
    text = "\n".join(document_texts(laporan))
    # -- was: "1.\tR.5.i.a E -> A: +2,50 di area V" and "1.\tH.I.a 3,58 -> 3,60: +0,09 di hasil I"
    assert "->" not in text
    assert "R.5.i.a: jawaban E menjadi A, menambah 2,50 pada nilai area V" in text
    assert "H.I.a: nilai survei 3,58 menjadi 3,60, menambah 0,09 pada nilai hasil I" in text
    # -- was: "(perubahan di atas belum cukup; ...)" under a change that meets 15,75 exactly
    assert "belum cukup" not in text
    # -- was: the missing Notulen listed like the SK that is there
    (row,) = [r for r in laporan.tables[-1].rows if r.cells[0].text == "P.1.i.a"]
    assert row.cells[4].text.splitlines() == [
        "Bukti/SK Tim.pdf",
        "Bukti/Notulen Rapat.pdf (tidak ditemukan)",
        "https://contoh.go.id/sk",
    ]
