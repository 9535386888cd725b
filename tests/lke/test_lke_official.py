"""The official LKE workbook (`LKE ZI`, `Ctt Eval`, `Utama`) as units fill it: `nilai` on it alone and with
`--lke` beside a plan, its layout variants, odd answers, the sheet's own formulas against the regulation's
weights, and answers of another regulation refused (exit 1)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from factory import fill_lke
from lke_official import (
    BLANK,
    JAWABAN,
    SHEET,
    question_rows,
    reference_score,
    sample_answers,
    write_filled,
)

from zi_sheets import api
from zi_sheets.cli.commands import main
from zi_sheets.lke.assess import Assessment
from zi_sheets.template.new_workbook import write_template

TOLERANCE = 0.001


def _figures(assessment: Assessment) -> dict[str, float]:
    score = assessment.score
    found: dict[str, float] = {
        "pengungkit": score.pengungkit,
        "hasil": score.hasil,
        "total": score.total,
    }
    for area in score.areas:
        found[f"area-{area.no}"] = area.nilai
        found[f"pemenuhan-{area.no}"] = area.pemenuhan or 0.0
        found[f"reform-{area.no}"] = area.reform or 0.0
    for group in score.hasil_groups:
        found[group.code] = group.nilai
    # -- every sub-area, as the sheet comparison states the regulation's figure for it
    for figure in assessment.figures:
        if figure.label[:2] in ("P.", "R.") and figure.label.count(".") >= 2:
            found[figure.label] = figure.regulation
    return found


def _assert_reference(assessment: Assessment, answers: dict[str, object]) -> None:
    expected = reference_score(answers)
    got = _figures(assessment)
    for key, value in got.items():
        if key in expected or key.startswith(("P.", "R.")):
            assert value == pytest.approx(expected.get(key, 0.0), abs=TOLERANCE), key
    sub_areas = [key for key in expected if key.startswith(("P.", "R."))]
    if assessment.figures:
        assert set(sub_areas) <= set(got), sorted(set(sub_areas) - set(got))


def test_nilai_of_the_official_workbook_alone_is_the_regulations_score(tmp_path):
    answers = sample_answers(3)
    path = write_filled(tmp_path / "LKE-unit.xlsx", answers)
    assessment = api.score(path)
    assert assessment.lke.key == "90-2021"
    assert not [a for a in assessment.sheet.answers.values() if a.item.scored and not a.answered]
    _assert_reference(assessment, answers)


def test_a_held_out_filled_case_with_blanks_and_jumlah_rows_matches_the_reference(tmp_path):
    # -- Not a real unit's filled LKE (none was available): answers other than the tuning seed, a few
    # -- questions left blank, the LHKPN percentage computed by the sheet from its Jumlah rows.
    answers = sample_answers(11)
    for code in ("P.2.i.b", "P.5.iv.c", "R.4.iii.a"):
        answers.pop(code)
    answers.pop("R.5.iii.i.a")
    path = write_filled(tmp_path / "LKE-unit.xlsx", answers)
    book = openpyxl.load_workbook(path)
    rows = question_rows(book[SHEET])
    for code, number in (("R.5.iii.i.a.2", 1), ("R.5.iii.i.a.3", 6), ("R.5.iii.i.a.4", 1)):
        book[SHEET].cell(rows[code], JAWABAN).value = number
    book[SHEET].cell(rows["R.5.iii.i.a.5"], JAWABAN).value = 6
    book.save(path)
    assessment = api.score(path)
    _assert_reference(assessment, {**answers, "R.5.iii.i.a": 6 / 8})
    codes = [finding.code for finding in assessment.report.findings]
    assert codes.count("lke-unanswered") == 3
    counted = next(f for f in assessment.report.findings if f.code == "lke-unanswered-count")
    assert "dari 110 dari 113 butir" in counted.message.replace("dihitung dari", "dari")


def test_the_sheets_own_formulas_are_named_where_they_part_from_the_regulation(tmp_path):
    path = write_filled(tmp_path / "LKE-unit.xlsx", sample_answers(3))
    assessment = api.score(path)
    differs = {str(f.cell): f for f in assessment.report.findings if f.code == "lke-sheet-figure-differs"}
    # -- J8 says "Ya", not "Ya/Tidak": the sheet's IF chain gives "-" and AVERAGE leaves P.1.i.a out
    assert "J8 ('Ya')" in differs["LKE ZI!L7"].message
    # -- LHKPN's percentage counted twice (L176 and L177 under L175), LHKASN (row 184) left out
    reform_5 = differs["LKE ZI!L167"].message
    assert "tidak menghitung baris 184 (R.5.iii.ii.a)" in reform_5
    assert "baris 177 (R.5.iii.i.a) lebih dari sekali" in reform_5
    assert "LKE ZI!L208" in differs
    figure = next(f for f in assessment.figures if str(f.cell) == "LKE ZI!L208")
    assert figure.regulation == pytest.approx(assessment.score.total)
    assert abs(figure.sheet - figure.regulation) > TOLERANCE
    # -- sub-areas whose formula is the regulation's are not findings
    assert "LKE ZI!L10" not in differs and "LKE ZI!L62" not in differs


def test_a_cached_figure_is_the_sheets_own(tmp_path):
    path = write_filled(tmp_path / "LKE-unit.xlsx", sample_answers(3))
    book = openpyxl.load_workbook(path)
    book[SHEET]["L10"].value = 0.123  # -- a number where the formula was: what Excel showed the unit
    book.save(path)
    assessment = api.score(path)
    figure = next(f for f in assessment.figures if str(f.cell) == "LKE ZI!L10")
    assert figure.sheet == pytest.approx(0.123)
    assert figure.differs


def _variant(path: Path, change) -> Path:
    book = openpyxl.load_workbook(path)
    change(book[SHEET])
    book.save(path)
    return path


def _insert_row(sheet, at: int) -> None:
    """A row inserted as Excel does it: the merged ranges below move down with their cells (openpyxl's
    insert_rows leaves them where they were)."""
    ranges = [str(merged) for merged in sheet.merged_cells.ranges]
    for merged in ranges:
        sheet.unmerge_cells(merged)
    sheet.insert_rows(at)
    for merged in ranges:
        first, last = merged.split(":")
        moved = [
            re.sub(r"\d+", lambda m: str(int(m.group()) + (int(m.group()) >= at)), p) for p in (first, last)
        ]
        sheet.merge_cells(":".join(moved))


def _extra_column(sheet) -> None:
    sheet.insert_cols(11)  # -- before Jawaban
    sheet.cell(2, 11).value = "Keterangan Tambahan"


def _one_column_less(sheet) -> None:
    sheet.delete_cols(9)  # -- Penjelasan


def _another_header_row(sheet) -> None:
    _insert_row(sheet, 2)
    sheet.cell(2, 2).value = "LEMBAR KERJA EVALUASI ZONA INTEGRITAS"


def _merged(sheet) -> None:
    # -- the header's Penilaian over two rows, sub-area headings over the question column
    sheet.merge_cells("B2:G3")
    for heading in ("F7:G7", "F14:G14", "F127:G127"):
        sheet.merge_cells(heading)


def _edition_2024(sheet) -> None:
    # -- two header rows: "Unit Kerja" merged over Jawaban and Nilai, words of a later edition
    _insert_row(sheet, 3)
    sheet.cell(2, 11).value = "Unit Kerja"
    sheet.merge_cells(start_row=2, start_column=11, end_row=2, end_column=12)
    sheet.cell(3, 11).value = "Jawaban Unit Kerja"
    sheet.cell(3, 12).value = "Nilai Unit"
    sheet.cell(2, 10).value = "Opsi Jawaban"
    sheet.cell(2, 16).value = "Bukti Dukung"
    sheet.cell(2, 17).value = "Link Bukti Dukung"


@pytest.mark.parametrize(
    "change",
    [_extra_column, _one_column_less, _another_header_row, _merged, _edition_2024],
    ids=["a-column-more", "a-column-less", "another-header-row", "merged-cells", "edition-2024"],
)
def test_layout_variants_give_the_same_score(tmp_path, change):
    answers = sample_answers(5)
    path = _variant(write_filled(tmp_path / "LKE-unit.xlsx", answers), change)
    assessment = api.score(path)
    expected = reference_score(answers)
    assert assessment.score.total == pytest.approx(expected["total"], abs=TOLERANCE)
    assert assessment.score.pengungkit == pytest.approx(expected["pengungkit"], abs=TOLERANCE)
    assert assessment.score.hasil == pytest.approx(expected["hasil"], abs=TOLERANCE)
    assert "lke-unanswered-count" not in {f.code for f in assessment.report.findings}


def test_a_2021_edition_in_lampiran_order_and_typed_letters_is_read(tmp_path):
    # -- an older copy: lettering "a" without a dot, a question's words cut short by a typo
    path = write_filled(tmp_path / "LKE-2021.xlsx", sample_answers(2))
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    sheet["G86"].value = "Pengaduan masyarakat ditindak lanjuti"
    sheet["F25"].value = "a"
    book.save(path)
    assessment = api.score(path)
    assert assessment.sheet.answers["P.5.iii.b"].answered
    assert assessment.score.total == pytest.approx(reference_score(sample_answers(2))["total"], abs=TOLERANCE)


ODD_FORMS = [
    ("P.1.ii.a", "ya", "Ya"),
    ("P.3.i.a", "Y", "Ya"),
    ("P.3.i.c", "√", "Ya"),
    ("P.1.i.b", "A.", "A"),
    ("R.1.i.a", "80%", "80%"),
    ("R.1.i.b", "0,8", "80%"),
    ("R.3.iii.a", "80 persen", "80%"),
    ("R.4.i.a", "85", "85%"),
    ("H.I.a", "86,25", "3,45"),
    ("H.II.a", "3,6", "3,60"),
]


def test_odd_answer_forms_are_read(tmp_path):
    answers = sample_answers(1)
    for code, typed, _ in ODD_FORMS:
        answers[code] = typed
    assessment = api.score(write_filled(tmp_path / "LKE-unit.xlsx", answers))
    for code, _, shown in ODD_FORMS:
        assert assessment.sheet.answers[code].shown == shown, code
    assert "lke-answer-invalid" not in {f.code for f in assessment.report.findings}


def test_an_answer_outside_its_choices_is_a_finding_at_its_cell(tmp_path):
    answers = sample_answers(1)
    answers["P.1.ii.b"] = "Mungkin"
    path = write_filled(tmp_path / "LKE-unit.xlsx", answers)
    row = question_rows(openpyxl.load_workbook(path)[SHEET])["P.1.ii.b"]
    assessment = api.score(path)
    invalid = [f for f in assessment.report.findings if f.code == "lke-answer-invalid"]
    assert [str(f.cell) for f in invalid] == [f"LKE ZI!K{row}"]
    assert "lke-unanswered-count" in {f.code for f in assessment.report.findings}


def test_nilai_cli_on_the_official_workbook(tmp_path):
    path = write_filled(tmp_path / "LKE-unit.xlsx", sample_answers(3))
    result = CliRunner().invoke(main, ["nilai", str(path)])
    assert result.exit_code == 0, result.output
    assert "Nilai total" in result.output
    assert "lke-sheet-figure-differs" in result.output
    data = json.loads(CliRunner().invoke(main, ["nilai", str(path), "--format", "json"]).stdout)
    total = next(f for f in data["lke_resmi"] if f["sel"] == "LKE ZI!L208")
    assert total["berbeda"] and total["nilai_regulasi"] == pytest.approx(data["total"], abs=0.005)


def test_the_blank_prints_no_score_and_exits_1(tmp_path):
    path = shutil.copyfile(BLANK, tmp_path / "kosong.xlsx")
    for extra in ([], ["--format", "json"]):
        result = CliRunner().invoke(main, ["nilai", str(path), *extra])
        assert result.exit_code == 1, result.output
        assert result.stdout == ""  # -- no table, no JSON: nothing that reads as a score of 0,00
        message = result.stderr.strip()
        assert message.count("\n") == 0
        assert "kosong.xlsx" in message and "Sheet LKE ZI" in message
        assert "belum berisi satu pun jawaban" in message and "kolom Jawaban (K)" in message
        assert "0,00" not in message


def test_check_and_build_with_a_blank_lke_is_an_error_and_no_laporan(tmp_path):
    from factory import filled_template

    blank = shutil.copyfile(BLANK, tmp_path / "kosong.xlsx")
    plan = filled_template(tmp_path / "zi.xlsx")  # -- its own LKE sheet as `init` writes it: empty
    checked = CliRunner().invoke(main, ["check", str(plan), "--lke", str(blank), "--format", "json"])
    assert checked.exit_code == 1
    empty = [f for f in json.loads(checked.stdout)["findings"] if f["code"] == "lke-empty"]
    assert [(f["severity"], f["sheet"]) for f in empty] == [("error", "LKE ZI")]
    out = tmp_path / "keluaran"
    built = CliRunner().invoke(main, ["build", str(plan), "--lke", str(blank), "-o", str(out)])
    assert built.exit_code == 1, built.output
    assert "Laporan Penilaian tidak ditulis: Sheet LKE ZI berkas kosong.xlsx belum berisi" in built.output
    written = [p.name for p in out.rglob("*.docx")]
    assert written and not [name for name in written if "Penilaian" in name]
    assert not list(out.rglob("*.xlsx"))  # -- nor the LKE for upload
    # -- and the plan's own empty LKE sheet: its documents, no Laporan Penilaian, no error for a fresh LKE
    alone = tmp_path / "sendiri"
    built = CliRunner().invoke(main, ["build", str(plan), "-o", str(alone)])
    assert built.exit_code == 0, built.output
    written = [p.name for p in alone.rglob("*.docx")]
    assert written and not [name for name in written if "Penilaian" in name]


def test_an_official_question_not_recognised_names_the_sheet_row(tmp_path):
    answers = sample_answers(3)
    path = write_filled(tmp_path / "LKE-unit.xlsx", answers)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    row = question_rows(sheet)["P.1.i.b"]
    text_cell = next(
        cell for cell in sheet[row] if isinstance(cell.value, str) and cell.value.startswith("Penentuan")
    )
    text_cell.value = "Pertanyaan yang diketik ulang oleh unit dengan kata-kata lain sama sekali"
    book.save(path)
    assessment = api.score(path)
    missing = [f for f in assessment.report.findings if f.code == "lke-item-missing"]
    assert [f.values["kode"] for f in missing] == ["P.1.i.b"]
    message = missing[0].message
    assert f"mungkin baris {row}," in message and "sheet 'LKE ZI'" in message
    assert "tidak dikenali" in message and "zi-sheets init" not in message
    counted = next(f for f in assessment.report.findings if f.code == "lke-unanswered-count")
    assert counted.values["kosong"] == 1


def _plan(tmp_path: Path, regulasi: str) -> Path:
    return write_template(tmp_path / f"zi-{regulasi}.xlsx", tahun=2024, regulasi=regulasi)


def test_lke_beside_the_plan(tmp_path):
    answers = sample_answers(4)
    official = write_filled(tmp_path / "LKE-unit.xlsx", answers)
    plan = _plan(tmp_path, "90-2021")
    assessment = api.score(plan, lke=official)
    assert assessment.score.total == pytest.approx(reference_score(answers)["total"], abs=TOLERANCE)
    result = CliRunner().invoke(main, ["nilai", str(plan), "--lke", str(official)])
    assert result.exit_code == 0, result.output


def test_official_lke_of_another_regulation_than_the_plans_exits_1(tmp_path):
    official = write_filled(tmp_path / "LKE-unit.xlsx", sample_answers(4))
    plan = _plan(tmp_path, "52-2014")
    result = CliRunner().invoke(main, ["nilai", str(plan), "--lke", str(official)])
    assert result.exit_code == 1
    assert "PermenPANRB 90/2021" in result.output and "PermenPANRB 52/2014" in result.output
    assert "0,00" not in result.output
    assert "zi-sheets nilai LKE-unit.xlsx" in result.output


def test_an_lke_sheet_of_90_2021_in_a_52_2014_plan_exits_1_never_zero(tmp_path):
    plan = _plan(tmp_path, "90-2021")
    fill_lke(plan, {"P.1.i.a": "Ya", "P.1.i.b": "A", "P.1.ii.a": "Ya", "R.1.ii.a": "B"})
    book = openpyxl.load_workbook(plan)
    for row in book["Identitas"].iter_rows(min_row=2):
        if row[0].value == "Regulasi":
            row[1].value = "PermenPANRB 52/2014"
    book.save(plan)
    result = CliRunner().invoke(main, ["nilai", str(plan)])
    assert result.exit_code == 1, result.output
    assert "PermenPANRB 90/2021" in result.output and "PermenPANRB 52/2014" in result.output
    assert "Regulasi di sheet Identitas" in result.output
    assert "nilai total" not in result.output
    check = api.check(plan)
    mismatch = [f for f in check.findings if f.code == "lke-regulation-mismatch"]
    assert len(mismatch) == 1 and check.exit_code() == 1


def test_check_and_build_with_lke_beside_the_plan(tmp_path):
    from factory import filled_template

    official = write_filled(tmp_path / "LKE-unit.xlsx", sample_answers(3))
    plan = filled_template(tmp_path / "zi.xlsx")
    report = api.check(plan, lke=official)
    cells = {str(f.cell) for f in report.findings if f.code == "lke-sheet-figure-differs"}
    assert "LKE ZI!L167" in cells
    result = CliRunner().invoke(
        main, ["build", str(plan), "--lke", str(official), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    laporan = list((tmp_path / "out").rglob("Laporan Penilaian Mandiri*.docx"))
    assert len(laporan) == 1
    other = filled_template(tmp_path / "zi52.xlsx", regulasi="52-2014", tahun=2020)
    result = CliRunner().invoke(main, ["check", str(other), "--lke", str(official)])
    assert result.exit_code == 1
    assert "lke-regulation-mismatch" in result.output


def test_the_bundled_example_scores_in_full_and_its_laporan_prints_both_figures(tmp_path):
    import docx

    example = Path(__file__).parents[2] / "workbook_templates" / "contoh-lke-resmi-sukamaju-2026.xlsx"
    result = CliRunner().invoke(main, ["nilai", str(example), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Nilai total" in result.output and "lke-unanswered-count" not in result.output
    (laporan,) = tmp_path.rglob("Laporan Penilaian Mandiri*.docx")
    cells = [
        cell.text for table in docx.Document(str(laporan)).tables for row in table.rows for cell in row.cells
    ]
    assert "LKE ZI!L167" in cells
    row = cells.index("LKE ZI!L167")
    assert cells[row + 2 : row + 4] == ["7,200", "7,100"]
    intro = [p.text for p in docx.Document(str(laporan)).paragraphs if p.text.startswith("Penilaian mandiri")]
    assert len(intro) == 1
    assert (
        "dihitung dari jawaban dan Bukti Dukung pada sheet LKE ZI berkas " + example.name + ". " in intro[0]
    )


def test_the_laporan_names_where_its_answers_were_read(tmp_path):
    import docx
    from factory import filled_template

    official = write_filled(tmp_path / "LKE-unit.xlsx", sample_answers(3))
    plan = filled_template(tmp_path / "zi.xlsx")
    beside = CliRunner().invoke(main, ["nilai", str(plan), "--lke", str(official), "-o", str(tmp_path / "a")])
    ours = CliRunner().invoke(
        main, ["nilai", str(fill_lke(plan, sample_answers(3))), "-o", str(tmp_path / "b")]
    )
    said = []
    for result, folder in ((beside, "a"), (ours, "b")):
        assert result.exit_code in (0, 1), result.output
        (laporan,) = (tmp_path / folder).rglob("Laporan Penilaian Mandiri*.docx")
        paragraphs = [p.text for p in docx.Document(str(laporan)).paragraphs]
        said.append(next(p for p in paragraphs if p.startswith("Penilaian mandiri")))
    assert "Bukti Dukung pada sheet LKE ZI berkas LKE-unit.xlsx." in said[0]
    assert "Bukti Dukung LKE Kecamatan Contoh." in said[1] and "zi.xlsx" not in said[1]


def test_init_lke_dari_carries_the_answers_into_our_lke_sheet(tmp_path):
    answers = sample_answers(6)
    official = write_filled(tmp_path / "LKE-unit.xlsx", answers)
    new = tmp_path / "zi-2026.xlsx"
    result = CliRunner().invoke(main, ["init", str(new), "--tahun", "2026", "--lke-dari", str(official)])
    assert result.exit_code == 0, result.output
    carried = api.score(new)
    assert carried.score.total == pytest.approx(reference_score(answers)["total"], abs=TOLERANCE)
    sheet = openpyxl.load_workbook(new)["LKE"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "P.1.ii.a")
    assert sheet.cell(row, 6).value == answers["P.1.ii.a"]
    assert sheet.cell(row, 7).value == "P.1.ii.a bukti.pdf" and sheet.cell(row, 8).value == "catatan P.1.ii.a"

    # -- into an existing workbook without an LKE sheet: the safe rewrite, a backup kept
    old = write_template(tmp_path / "lama.xlsx", tahun=2026)
    book = openpyxl.load_workbook(old)
    del book["LKE"]
    book.save(old)
    result = CliRunner().invoke(main, ["init", str(old), "--lke-only", "--lke-dari", str(official)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "lama.xlsx.bak").exists()
    assert api.score(old).score.total == pytest.approx(carried.score.total, abs=TOLERANCE)


def test_init_lke_dari_of_another_regulation_writes_nothing(tmp_path):
    official = write_filled(tmp_path / "LKE-unit.xlsx", sample_answers(6))
    new = tmp_path / "zi-2020.xlsx"
    result = CliRunner().invoke(
        main, ["init", str(new), "--tahun", "2020", "--regulasi", "52-2014", "--lke-dari", str(official)]
    )
    assert result.exit_code == 1
    assert "PermenPANRB 90/2021" in result.output and "PermenPANRB 52/2014" in result.output
    assert not new.exists()


def test_an_official_lke_of_52_2014_is_told_by_its_questions(tmp_path):
    from factory import filled_template, random_answers
    from lke_official import write_layout

    answers = {c: v for c, v in random_answers("52-2014", seed=3).items() if isinstance(v, str)}
    official = write_layout(tmp_path / "LKE-2014.xlsx", "52-2014", answers)
    alone = api.score(official)
    assert alone.lke.key == "52-2014"
    assert sum(a.answered for a in alone.sheet.answers.values()) == len(
        [c for c in answers if alone.lke.item(c) is not None and alone.lke.item(c).scored]
    )
    plan = filled_template(tmp_path / "zi.xlsx")  # -- a 2024 plan: PermenPANRB 90/2021
    result = CliRunner().invoke(main, ["nilai", str(plan), "--lke", str(official)])
    assert result.exit_code == 1
    assert "PermenPANRB 52/2014" in result.output and "PermenPANRB 90/2021" in result.output


def test_hostile_formulas_give_no_figure_and_no_exception(tmp_path):
    from lke_official import write_layout

    chain = {f"L{row}": f"=L{row + 1}" for row in range(3, 1503)}  # -- deeper than Python's stack
    chain |= {"L2000": "=SUM(L1:L1048576)", "L2001": "=L2001", "L2002": '=HYPERLINK("x")'}
    official = write_layout(tmp_path / "LKE-hostile.xlsx", "90-2021", sample_answers(1), formulas=chain)
    assessment = api.score(official)  # -- no RecursionError, no million-cell walk
    expected = reference_score(sample_answers(1))["total"]
    assert assessment.score.total == pytest.approx(expected, abs=TOLERANCE)


def test_answers_under_codes_of_no_item_exit_1_never_zero(tmp_path):
    plan = _plan(tmp_path, "90-2021")
    book = openpyxl.load_workbook(plan)
    sheet = book["LKE"]
    for row in range(2, 6):
        sheet.cell(row, 1).value = f"X.{row}"
        sheet.cell(row, 6).value = "Ya"
    book.save(plan)
    result = CliRunner().invoke(main, ["nilai", str(plan)])
    assert result.exit_code == 1, result.output
    assert "tidak satu pun Kode-nya" in result.output and "0,00" not in result.output


def test_a_unit_without_a_survey_yet_is_told_so_at_the_cell(tmp_path):
    answers = sample_answers(1)
    answers["H.II.a"] = "Belum ada survei"
    path = write_filled(tmp_path / "LKE-unit.xlsx", answers)
    assessment = api.score(path)
    (finding,) = [f for f in assessment.report.findings if f.code == "lke-answer-invalid"]
    assert "survei belum ada" in finding.message and str(finding.cell) == "LKE ZI!K205"
    assert assessment.score.hasil_groups[1].nilai == 0


@pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice (soffice) tidak terpasang",
)
def test_the_sheets_formulas_as_a_spreadsheet_computes_them(tmp_path):
    # -- A filled workbook recalculated and saved by LibreOffice holds cached results, as a unit's file from
    # -- Excel does: the sheet's figures read from them equal those this tool computes from the formulas,
    # -- and the regulation's figures do not change.
    import subprocess

    from zi_sheets.delivery.pdf import find_office

    answers = sample_answers(7)
    answers.pop("R.5.iii.i.a")  # -- the LHKPN percentage left to the sheet's own formula over its Jumlah rows
    plain = write_filled(tmp_path / "LKE-unit.xlsx", answers)
    book = openpyxl.load_workbook(plain)
    rows = question_rows(book[SHEET])
    for code, number in (("R.5.iii.i.a.2", 1), ("R.5.iii.i.a.3", 3), ("R.5.iii.i.a.4", 0)):
        book[SHEET].cell(rows[code], JAWABAN).value = number
    book[SHEET].cell(rows["R.5.iii.i.a.5"], JAWABAN).value = 3
    book.save(plain)
    office = find_office()
    assert office is not None
    profile = f"-env:UserInstallation=file://{tmp_path}/lo"
    command = [
        office,
        profile,
        "--headless",
        "--calc",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(tmp_path / "lo"),
    ]
    subprocess.run([*command, str(plain)], check=True, capture_output=True, timeout=180)
    saved = tmp_path / "lo" / "LKE-unit.xlsx"
    cached = openpyxl.load_workbook(saved, data_only=True)[SHEET]
    assert isinstance(cached["L208"].value, float)  # -- the results are there
    computed, recalculated = api.score(plain), api.score(saved)
    by_cell = {str(f.cell): f for f in computed.figures}
    assert len(recalculated.figures) == len(by_cell) > 60
    for figure in recalculated.figures:
        cell = str(figure.cell)
        assert figure.sheet == pytest.approx(cached[cell.split("!")[1]].value, abs=1e-9), cell
        assert figure.sheet == pytest.approx(by_cell[cell].sheet, abs=1e-9), cell
        assert figure.regulation == pytest.approx(by_cell[cell].regulation, abs=1e-9), cell
    assert recalculated.score.total == pytest.approx(
        reference_score({**answers, "R.5.iii.i.a": 3 / 4})["total"]
    )


def test_a_plan_holding_a_copy_of_the_official_sheet_is_scored_from_it(tmp_path):
    answers = sample_answers(8)
    official = openpyxl.load_workbook(write_filled(tmp_path / "LKE-unit.xlsx", answers))[SHEET]
    plan = write_template(tmp_path / "zi.xlsx", tahun=2026)
    book = openpyxl.load_workbook(plan)
    del book["LKE"]
    copy = book.create_sheet(SHEET)
    for row in official.iter_rows():
        for cell in row:
            if cell.value is not None:
                copy.cell(cell.row, cell.column).value = cell.value
    for merged in official.merged_cells.ranges:
        copy.merge_cells(str(merged))
    book.save(plan)
    assessment = api.score(plan)
    assert assessment.score.total == pytest.approx(reference_score(answers)["total"], abs=TOLERANCE)
    assert "lke-sheet-unreadable" not in {f.code for f in api.check(plan).findings}
