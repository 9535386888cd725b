"""The sheet LKE in the workbook: what `init` writes, `init --lke-only` on an existing workbook, reading it
back, proposals from the rest of the workbook, and the two documents of the self-assessment."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from conftest import minimal_sheets
from docx import Document
from factory import catalogue_csv, extreme_answers, fill_lke, lke_row, unit_workbook
from openpyxl import load_workbook

from zi_sheets.cli.commands import main
from zi_sheets.reading.workbook import read_workbook
from zi_sheets.template.new_workbook import write_template

LKE_HEADER = [
    "Kode",
    "Area",
    "Sub-Area",
    "Pertanyaan",
    "Pilihan Jawaban",
    "Jawaban",
    "Bukti Dukung",
    "Catatan",
]


def _validations(sheet) -> dict[str, object]:
    """Jawaban cell ("F12") -> the data validation that covers it."""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            for row in range(cell_range.min_row, cell_range.max_row + 1):
                found[f"F{row}"] = validation
    return found


@pytest.mark.parametrize(("regulasi", "items"), [("90-2021", 137), ("52-2014", 84)])
def test_init_writes_one_lke_row_per_item_with_a_fitting_jawaban_cell(tmp_path, regulasi, items):
    path = write_template(tmp_path / "baru.xlsx", regulasi=regulasi)
    sheet = load_workbook(path)["LKE"]
    assert [cell.value for cell in sheet[1]] == LKE_HEADER
    rows = catalogue_csv(regulasi)
    assert len(rows) == items and sheet.max_row == items + 1
    validations = _validations(sheet)
    for index, row in enumerate(rows, start=2):
        assert sheet.cell(index, 1).value == row["indicator_code"]
        assert sheet.cell(index, 4).value == " ".join(row["indicator"].split())
        validation = validations[f"F{index}"]
        kind = row["answer_type"]
        if kind == "Ya/Tidak":
            assert (validation.type, validation.formula1) == ("list", '"Ya,Tidak"')
        elif kind.startswith("A/"):
            assert (validation.type, validation.formula1) == ("list", '"' + kind.replace("/", ",") + '"')
        elif kind.startswith("%"):
            assert (validation.type, validation.formula1, validation.formula2) == ("decimal", "0", "1")
            assert sheet.cell(index, 6).number_format == "0%"
        elif kind.startswith("Nilai"):
            assert (validation.type, validation.formula1, validation.formula2) == ("decimal", "0", "4")
        else:
            assert (kind, validation.type) == ("Jumlah", "whole")
    if regulasi == "90-2021":  # -- the options as the LKE prints them, one per line
        first_letters = sheet.cell(3, 5).value.splitlines()
        assert [line[:2] for line in first_letters] == ["A.", "B.", "C."]


def test_the_lke_sheet_reads_back_with_every_value_at_its_cell(tmp_path):
    path = fill_lke(write_template(tmp_path / "zi.xlsx"), {"P.1.i.b": "B"}, {"P.1.i.b": "a.pdf\nb.pdf"})
    sheet = read_workbook(path).lke
    assert sheet is not None and sheet.name == "LKE" and not sheet.problem
    assert [row.kode.text for row in sheet.rows] == [
        row["indicator_code"] for row in catalogue_csv("90-2021")
    ]
    row = next(r for r in sheet.rows if r.kode.text == "P.1.i.b")
    assert (str(row.jawaban.cell), row.jawaban.text) == ("LKE!F3", "B")
    assert (str(row.bukti_dukung.cell), row.bukti_dukung.lines) == ("LKE!G3", ["a.pdf", "b.pdf"])


def _values(path) -> dict[str, list[list[object]]]:
    book = load_workbook(path)
    return {name: [list(r) for r in book[name].iter_rows(values_only=True)] for name in book.sheetnames}


def test_init_lke_only_adds_the_sheet_and_leaves_the_others_as_they_were(make_xlsx):
    sheets = minimal_sheets()
    sheets["Monev"] = [["Bulan", "Area", "Capaian"], ["Mei 2024", "I. Manajemen Perubahan", "SK Tim terbit"]]
    path = make_xlsx(sheets, merges={"RencanaAksi": ["J1:K1"]}, name="lama.xlsx")
    before = _values(path)
    result = CliRunner().invoke(main, ["init", "--lke-only", str(path)])
    assert result.exit_code == 0, result.output
    assert "sheet LKE ditambahkan" in result.stderr
    after = _values(path)
    assert {name: rows for name, rows in after.items() if name != "LKE"} == before
    assert list(after) == [*before, "LKE"]
    assert len(after["LKE"]) == 138  # -- the 90/2021 LKE of its Identitas: header and 137 items
    assert load_workbook(path)["RencanaAksi"].merged_cells.ranges  # -- formatting kept too
    again = CliRunner().invoke(main, ["init", "--lke-only", str(path)])
    assert again.exit_code == 3 and "sudah memiliki sheet LKE" in again.stderr
    assert _values(path) == after


def test_init_lke_only_takes_the_workbooks_regulation_unless_told(make_xlsx):
    sheets = minimal_sheets()
    sheets["Identitas"] = [
        row if row[0] != "Regulasi" else ["Regulasi", "PermenPANRB 52/2014", None]
        for row in sheets["Identitas"]
    ]
    own = make_xlsx(sheets, name="lama-2014.xlsx")
    assert CliRunner().invoke(main, ["init", "--lke-only", str(own)]).exit_code == 0
    assert load_workbook(own)["LKE"].max_row == 85
    told = make_xlsx(sheets, name="lama-2014-diganti.xlsx")
    assert CliRunner().invoke(main, ["init", "--lke-only", str(told), "--regulasi", "90-2021"]).exit_code == 0
    assert load_workbook(told)["LKE"].max_row == 138


def test_a_sheet_named_lke_in_another_layout_is_a_warning_not_an_unreadable_workbook(make_xlsx):
    sheets = minimal_sheets()
    sheets["LKE"] = [["Penilaian", "Bobot", "Nilai"], ["a. Tim telah dibentuk", 0.25, 1]]
    path = make_xlsx(sheets)
    checked = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    findings = json.loads(checked.stdout)["findings"]
    assert ("LKE", "lke-sheet-unreadable") in {(f["ref"], f["code"]) for f in findings}
    result = CliRunner().invoke(main, ["nilai", str(path)])
    assert result.exit_code == 3 and "Kode" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_nilai_without_an_lke_sheet_says_how_to_add_one(make_xlsx):
    path = make_xlsx(minimal_sheets(), name="tanpa-lke.xlsx")
    result = CliRunner().invoke(main, ["nilai", str(path)])
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        "zi-sheets: Berkas tanpa-lke.xlsx tidak memiliki sheet LKE; tambahkan dengan: zi-sheets init "
        "--lke-only tanpa-lke.xlsx, atau beri LKE resmi unit dengan --lke LKE-unit.xlsx"
    )


def test_unknown_and_repeated_codes_are_findings_at_the_kode_cell(make_xlsx):
    sheets = minimal_sheets()
    sheets["LKE"] = [
        ["Kode", "Pertanyaan", "Jawaban", "Bukti Dukung"],
        ["P.1.i.a", "Tim", "Ya", "sk.pdf"],
        ["P.9.x.z", "?", "A", None],
        ["1.i.a", "Tim lagi", "Tidak", None],  # -- the file code names P.1.i.a again
        [None, "tanpa kode", "B", None],
    ]
    findings = json.loads(
        CliRunner().invoke(main, ["check", str(make_xlsx(sheets)), "--format", "json"]).stdout
    )
    got = {(f["ref"], f["code"]) for f in findings["findings"] if f["sheet"] == "LKE"}
    assert {
        ("LKE!A3", "lke-kode-unknown"),
        ("LKE!A4", "lke-kode-duplicate"),
        ("LKE!A5", "lke-kode-unknown"),
    } <= got
    assert ("LKE!D2", "lke-evidence-missing") in got
    assert ("LKE!C6", "lke-unanswered") not in got  # -- row 6 has no item; P.1.i.b's row is simply missing
    missing = [f for f in findings["findings"] if f["code"] == "lke-item-missing"]
    assert ("LKE", "P.1.i.b") in {(f["ref"], f["values"]["kode"]) for f in missing}
    assert not [f for f in findings["findings"] if f["code"] == "lke-unanswered" and f["cell"] is None]


def test_the_workbook_proposes_answers_beside_the_staffs_never_over_them(tmp_path):
    path = unit_workbook(tmp_path / "zi.xlsx")
    book = load_workbook(path)
    tim = book["TimKerja"]
    for row, (nama, kedudukan) in enumerate((("SITI AMINAH, S.AP", "Ketua"), ("ANDI", "Anggota")), start=2):
        tim.cell(row, 2, nama)
        tim.cell(row, 5, kedudukan)
    book.save(path)
    answers = extreme_answers("90-2021")
    answers["P.1.i.a"] = "Tidak"
    fill_lke(path, answers)
    data = json.loads(CliRunner().invoke(main, ["nilai", str(path), "--format", "json"]).stdout)
    proposed = [f for f in data["findings"] if f["code"] == "lke-answer-proposed"]
    row = lke_row(path, "P.1.i.a")
    assert (f"LKE!F{row}", "Ya", "Tidak") in {
        (f["ref"], f["values"]["usulan"], f["values"]["jawaban"]) for f in proposed
    }
    assert data["area"][0]["pemenuhan"] == 3.75  # -- the staff's Tidak is what counts
    assert load_workbook(path)["LKE"].cell(row, 6).value == "Tidak"
    text = CliRunner().invoke(main, ["nilai", str(path)]).stdout
    assert "  P.1.i.a  jawaban: Tidak  usulan: Ya  (sheet TimKerja memuat 2 anggota tim)" in text


# ---------------------------------------------------------------------------------------------------------
# The documents


@pytest.fixture
def written(tmp_path):
    """`nilai -o` on a filled unit workbook whose area V is at its worst: (paths written, nilai's JSON)."""
    path = fill_lke(unit_workbook(tmp_path / "zi.xlsx"), extreme_answers("90-2021", worst_area=5))
    result = CliRunner().invoke(main, ["nilai", str(path), "-o", str(tmp_path / "hasil")])
    assert result.exit_code in (0, 1), result.output
    paths = [
        line.removeprefix("ditulis: ") for line in result.stderr.splitlines() if line.startswith("ditulis: ")
    ]
    data = json.loads(CliRunner().invoke(main, ["nilai", str(path), "--format", "json"]).stdout)
    return paths, data


def test_nilai_o_writes_the_laporan_and_the_lke_for_submission(written, tmp_path):
    paths, _ = written
    folder = tmp_path / "hasil" / "kecamatan-contoh-2024"
    assert paths == [
        str(folder / "Laporan Penilaian Mandiri ZI 2024.docx"),
        str(folder / "LKE Zona Integritas 2024.xlsx"),
    ]


def test_the_laporan_holds_scores_verdict_gaps_items_and_signatures(written):
    paths, data = written
    document = Document(paths[0])
    texts = [p.text for p in document.paragraphs]
    everything = "\n".join(texts + [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert not re.search(r"\bNone\b|\bnan\b|\{", everything)
    assert texts[:3] == [
        "LAPORAN PENILAIAN MANDIRI",
        "PEMBANGUNAN ZONA INTEGRITAS KECAMATAN CONTOH",
        "TAHUN 2024",
    ]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == [
        "A. Nilai per Area",
        "B. Ambang Batas Predikat",
        "C. Yang Perlu Diperbaiki",
        "Lampiran: Jawaban per Butir LKE",
    ]
    scores = document.tables[0]
    rows = [[c.text for c in r.cells] for r in scores.rows]
    assert rows[0] == ["NO", "KOMPONEN", "BOBOT", "PEMENUHAN", "REFORM", "NILAI", "%"]
    assert [r[1] for r in rows[1:7]] == [a["nama"] for a in data["area"]]
    assert rows[5][2:] == ["15,00", "0,00", "0,00", "0,00", "0,00"]
    assert rows[-1][0] == "NILAI TOTAL" and rows[-1][-2] == "85,00"
    assert len(document.inline_shapes) == 1  # -- the chart against the minima
    thresholds = [[c.text for c in r.cells] for r in document.tables[1].rows]
    area_v = next(r for r in thresholds if r[0].startswith("Area V"))
    assert area_v[1:] == ["0,00", "≥ 9,00 kurang 9,00", "≥ 11,25 kurang 11,25"]
    assert any(t.startswith("Kesimpulan: Belum memenuhi syarat nilai Menuju WBK") for t in texts)
    assert "1.\tR.5.ii.a: jawaban 0% menjadi 100%, menambah 3,00 pada nilai area V" in texts
    signatures, items = document.tables[2:]  # -- the signatures close the report, the items follow it
    assert "BUDI SANTOSO, S.STP" in signatures.cell(1, 0).text  # -- names in the block's second row
    assert "SITI AMINAH, S.AP" in signatures.cell(1, 1).text
    assert {row["indicator_code"] for row in catalogue_csv("90-2021")} <= {
        r.cells[0].text for r in items.rows
    }


def test_the_lke_for_submission_has_the_usual_columns_and_values_only(written):
    paths, data = written
    sheet = load_workbook(paths[1])["LKE"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[2] == [
        "Penilaian",
        "Bobot",
        "Penjelasan",
        "Pilihan Jawaban",
        "Jawaban",
        "Nilai",
        "%",
        "Bukti Dukung",
    ]
    assert not [v for row in rows for v in row if isinstance(v, str) and v.startswith("=")]
    labels = [row[0] for row in rows]
    assert labels.index("I. PEMENUHAN") < labels.index("1. Manajemen Perubahan") < labels.index("II. REFORM")
    tim = next(row for row in rows if row[0] and row[0].startswith("a. Unit kerja telah membentuk tim"))
    assert (tim[4], tim[5]) == ("Ya", 1)
    total = next(row for row in rows if row[0] and row[0].startswith("NILAI TOTAL"))
    assert total[5] == pytest.approx(data["total"], abs=0.01)


def test_a_kendala_in_the_realisasi_sheet_without_follow_up_counts_against_a_followed_up_answer(tmp_path):
    from factory import realisation_workbook

    path = realisation_workbook(tmp_path / "zi.xlsx")
    answers = extreme_answers("90-2021")
    answers["P.1.iii.c"] = "A"  # -- 'every kendala followed up'
    fill_lke(path, answers)
    data = json.loads(CliRunner().invoke(main, ["nilai", str(path), "--format", "json"]).stdout)
    proposed = {
        f["values"]["kode"]: f["values"] for f in data["findings"] if f["code"] == "lke-answer-proposed"
    }
    assert proposed["P.1.iii.c"]["usulan"] != "A"
    assert "di sheet Monev dan Realisasi" in proposed["P.1.iii.c"]["alasan"]
