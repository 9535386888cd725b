"""`zi-sheets nilai`: the score against a second computation written here from the catalogue CSV and
thresholds.md, the thresholds and verdict, what closes a gap, and how answers are read."""

from __future__ import annotations

import json
import statistics
from collections import defaultdict

import pytest
from click.testing import CliRunner
from factory import catalogue_csv, extreme_answers, fill_lke, lke_row, random_answers

from zi_sheets.cli.commands import main
from zi_sheets.common.model import CellValue, LkeAnswer
from zi_sheets.lke.answers import parse_answer
from zi_sheets.lke.items import load_lke
from zi_sheets.template.new_workbook import write_template

# -- thresholds.md §1.1 (Tabel 3) and §1.2 (Tabel 6), PermenPANRB 90/2021 --
AREA_WEIGHTS = {1: 8, 2: 7, 3: 10, 4: 10, 5: 15, 6: 10}
WBK = {
    "total": 75,
    "pengungkit": 40,
    "area": 0.60,
    "H.I": 18.25,
    "H.I.a": 15.75,
    "H.I.b": 2.50,
    "H.II": 14.00,
}
WBBM = {
    "total": 85,
    "pengungkit": 48,
    "area": 0.75,
    "H.I": 19.50,
    "H.I.a": 15.75,
    "H.I.b": 3.75,
    "H.II": 15.75,
}
# -- thresholds.md §1.3, the Reform percentages from their Jumlah inputs --
FROM_JUMLAH = {
    "R.1.i.a": lambda j: j("R.1.i.a.2") / j("R.1.i.a.1"),
    "R.1.i.b": lambda j: j("R.1.i.b.2") / j("R.1.i.b.1"),
    "R.3.iii.a": lambda j: (j("R.3.iii.a.1") - j("R.3.iii.a.2")) / j("R.3.iii.a.1"),
    "R.4.i.a": lambda j: j("R.4.i.a.2") / j("R.4.i.a.1"),
    "R.5.ii.a": lambda j: j("R.5.ii.a.3") / j("R.5.ii.a.1"),
    "R.5.iii.i.a": lambda j: j("R.5.iii.i.a.5") / j("R.5.iii.i.a.1"),
    "R.5.iii.ii.a": lambda j: j("R.5.iii.ii.a.5") / j("R.5.iii.ii.a.1"),
    "R.6.i.b": lambda j: j("R.6.i.b.2") / j("R.6.i.b.1"),
}


def expected_score(answers: dict[str, object]) -> dict[str, object]:
    """The score of `answers` computed from the catalogue CSV: value per answer by the convention (the CSV's
    score_values), sub-area = group_weight x mean, areas, pengungkit, hasil, total, and the verdict."""
    rows = catalogue_csv("90-2021")

    def value(row: dict[str, str]) -> float:
        code, kind = row["indicator_code"], row["answer_type"]
        if kind == "%":
            inputs = [r["indicator_code"] for r in rows if r["parent_code"] == code]
            if code in FROM_JUMLAH and inputs and all(i in answers for i in inputs):
                fraction = FROM_JUMLAH[code](lambda c: float(answers[c]))
            else:
                fraction = float(answers[code])
            return min(1.0, max(0.0, fraction))
        if kind.startswith("Nilai"):
            return float(answers[code]) / 4
        table = dict(pair.split("=") for pair in row["score_values"].split(";"))
        return float(table[str(answers[code])])

    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["is_scored"] == "ya" and row["component"] == "pengungkit":
            groups[row["group_code"]].append(row)
    halves = {area: {"pemenuhan": 0.0, "reform": 0.0} for area in AREA_WEIGHTS}
    for members in groups.values():
        first = members[0]
        halves[int(first["area_no"])][first["subarea"]] += float(first["group_weight"]) * statistics.mean(
            value(m) for m in members
        )
    hasil_items = {
        row["indicator_code"]: value(row) * float(row["weight"])
        for row in rows
        if row["component"] == "hasil"
    }
    hasil_groups = {
        group: sum(v for code, v in hasil_items.items() if code.startswith(group + "."))
        for group in ("H.I", "H.II")
    }
    areas = {n: h["pemenuhan"] + h["reform"] for n, h in halves.items()}
    pengungkit, hasil = sum(areas.values()), sum(hasil_groups.values())

    def meets(need: dict) -> bool:
        r = lambda x: round(x + 1e-9, 2)  # noqa: E731
        return (
            r(pengungkit + hasil) >= need["total"]
            and r(pengungkit) >= need["pengungkit"]
            and all(r(areas[n]) >= r(need["area"] * w) for n, w in AREA_WEIGHTS.items())
            and r(hasil_groups["H.I"]) >= need["H.I"]
            and r(hasil_items["H.I.a"]) >= need["H.I.a"]
            and r(hasil_items["H.I.b"]) >= need["H.I.b"]
            and r(hasil_groups["H.II"]) >= need["H.II"]
        )

    return {
        "halves": halves,
        "areas": areas,
        "pengungkit": pengungkit,
        "hasil": hasil,
        "total": pengungkit + hasil,
        "wbk": meets(WBK),
        "wbbm": meets(WBBM),
    }


def nilai_json(path) -> dict:
    result = CliRunner().invoke(main, ["nilai", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def filled(tmp_path, answers, name="lke.xlsx", regulasi="90-2021"):
    return fill_lke(write_template(tmp_path / name, regulasi=regulasi), answers)


@pytest.mark.parametrize("jumlah", [True, False], ids=["jumlah-filled", "percent-typed"])
@pytest.mark.parametrize("seed", [1, 2, 3, 2024])
def test_random_answers_score_as_computed_from_the_catalogue(tmp_path, seed, jumlah):
    answers = random_answers("90-2021", seed, jumlah=jumlah)
    assert len(answers) == (137 if jumlah else 113)  # -- every item of the LKE is answered
    got = nilai_json(filled(tmp_path, answers))
    want = expected_score(answers)
    assert got["pengungkit"] == pytest.approx(want["pengungkit"], abs=0.01)
    assert got["hasil"] == pytest.approx(want["hasil"], abs=0.01)
    assert got["total"] == pytest.approx(want["total"], abs=0.01)
    assert [a["area"] for a in got["area"]] == [1, 2, 3, 4, 5, 6]
    for area in got["area"]:
        n = area["area"]
        assert area["bobot"] == AREA_WEIGHTS[n]
        assert area["pemenuhan"] == pytest.approx(want["halves"][n]["pemenuhan"], abs=0.01)
        assert area["reform"] == pytest.approx(want["halves"][n]["reform"], abs=0.01)
        assert area["nilai"] == pytest.approx(want["areas"][n], abs=0.01)
        assert area["persen"] == pytest.approx(100 * want["areas"][n] / AREA_WEIGHTS[n], abs=0.01)
    assert (got["predikat"]["wbk"], got["predikat"]["wbbm"]) == (want["wbk"], want["wbbm"])


def test_json_has_exactly_the_promised_shape(tmp_path):
    got = nilai_json(filled(tmp_path, random_answers("90-2021", 5)))
    assert set(got) == {"pengungkit", "hasil", "total", "area", "predikat", "lke_resmi", "findings"}
    assert len(got["area"]) == 6
    assert all(
        set(a) == {"area", "nama", "bobot", "pemenuhan", "reform", "nilai", "persen"} for a in got["area"]
    )
    assert set(got["predikat"]) == {"wbk", "wbbm", "kurang_wbk", "kurang_wbbm"}
    check_keys = {"sheet", "cell", "ref", "code", "severity", "title", "message", "values"}
    assert got["findings"] and all(set(f) == check_keys for f in got["findings"])


def test_best_answers_give_100_and_wbbm(tmp_path):
    path = filled(tmp_path, extreme_answers("90-2021"))
    got = nilai_json(path)
    assert (got["pengungkit"], got["hasil"], got["total"]) == (60.0, 40.0, 100.0)
    assert all(area["persen"] == 100.0 for area in got["area"])
    assert got["predikat"] == {"wbk": True, "wbbm": True, "kurang_wbk": [], "kurang_wbbm": []}
    text = CliRunner().invoke(main, ["nilai", str(path)]).stdout
    total_line = next(line for line in text.splitlines() if line.startswith("Nilai total "))
    assert total_line.split()[-1] == "100,00"
    assert "Memenuhi syarat nilai Menuju WBBM" in text


def test_area_v_at_its_worst_fails_wbk_and_names_area_v(tmp_path):
    path = filled(tmp_path, extreme_answers("90-2021", worst_area=5))
    got = nilai_json(path)
    assert got["total"] == 85.0 and got["pengungkit"] == 45.0  # -- 15 of area V's weight lost, nothing else
    area_v = got["area"][4]
    assert (area_v["nilai"], area_v["persen"]) == (0.0, 0.0)
    assert got["predikat"]["wbk"] is False and got["predikat"]["wbbm"] is False
    assert len(got["predikat"]["kurang_wbk"]) == 1
    assert got["predikat"]["kurang_wbk"][0].startswith("Area V Penguatan Pengawasan 0,00 (minimal 9,00)")
    # -- Menuju WBBM also needs a pengungkit of 48
    assert got["predikat"]["kurang_wbbm"] == [
        "Nilai pengungkit 45,00 (minimal 48,00)",
        "Area V Penguatan Pengawasan 0,00 (minimal 11,25)",
    ]


def test_gap_steps_raise_the_area_most_first_and_close_it(tmp_path):
    path = filled(tmp_path, extreme_answers("90-2021", worst_area=5))
    text = CliRunner().invoke(main, ["nilai", str(path)]).stdout
    lines = text.splitlines()
    start = lines.index("Menuju WBK: Area V Penguatan Pengawasan 0,00 (minimal 9,00), kurang 9,00")
    steps = []
    for line in lines[start + 1 :]:
        if not line.startswith("  ") or "(perubahan" in line:
            break
        steps.append(line.split(". ", 1)[1])
    gains = [float(step.split("menambah ", 1)[1].split()[0].replace(",", ".")) for step in steps]
    assert gains == sorted(gains, reverse=True) and sum(gains) >= 9.0 - 1e-9 and sum(gains[:-1]) < 9.0
    # -- R.5.ii.a alone is sub-area R.5.ii (weight 3): the largest single step in area V
    assert steps[0] == "R.5.ii.a: jawaban 0% menjadi 100%, menambah 3,00 pada nilai area V"
    assert all(step.endswith("pada nilai area V") for step in steps)


def test_item_thresholds_name_the_answer_that_meets_them(tmp_path):
    answers = extreme_answers("90-2021")
    answers.update({"H.I.a": 3.2, "H.I.b": "D"})
    text = CliRunner().invoke(main, ["nilai", str(filled(tmp_path, answers))]).stdout
    # -- an IPAK of 15,75 needs a survey of 3,60; kinerja C (0,5 x 5) is the WBK minimum, B (0,75 x 5) WBBM's
    assert "  1. H.I.a: nilai survei 3,20 menjadi 3,60, menambah 1,75 pada nilai hasil I" in text
    assert "  1. H.I.b: jawaban D menjadi C, menambah 1,25 pada nilai hasil I" in text
    assert "  1. H.I.b: jawaban D menjadi B, menambah 2,50 pada nilai hasil I" in text


def test_unanswered_counts_zero_and_is_a_finding_at_its_cell(tmp_path):
    answers = extreme_answers("90-2021")
    del answers["P.1.i.b"]
    path = filled(tmp_path, answers)
    got = nilai_json(path)
    # -- sub-area P.1.i (weight 0,5, two items): Ya and nothing give 0,25
    assert got["area"][0]["pemenuhan"] == 3.75
    unanswered = [f["ref"] for f in got["findings"] if f["code"] == "lke-unanswered"]
    assert unanswered == [f"LKE!F{lke_row(path, 'P.1.i.b')}"]


def test_a_fresh_lke_prints_no_score_for_nilai_and_nothing_for_check(tmp_path):
    path = write_template(tmp_path / "baru.xlsx")
    result = CliRunner().invoke(main, ["nilai", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    assert "Sheet LKE berkas baru.xlsx belum berisi satu pun jawaban" in result.stderr
    assert "kolom Jawaban setiap Kode" in result.stderr and "0,00" not in result.stderr
    checked = json.loads(CliRunner().invoke(main, ["check", str(path), "--format", "json"]).stdout)
    assert not [f for f in checked["findings"] if f["sheet"] == "LKE"]


def test_a_score_from_part_of_the_answers_says_how_many_are_missing(tmp_path):
    answers = extreme_answers("90-2021")
    for code in ("P.1.i.b", "P.2.i.a", "R.1.i.b"):
        del answers[code]
    got = nilai_json(filled(tmp_path, answers))
    counted = [f for f in got["findings"] if f["code"] == "lke-unanswered-count"]
    assert len(counted) == 1
    scored = len(load_lke("90-2021").scored)
    assert counted[0]["values"] == {"dijawab": scored - 3, "butir": scored, "kosong": 3}
    assert f"dari {scored - 3} dari {scored} butir; 3 butir" in counted[0]["message"]


def test_jumlah_inputs_compute_the_percentage_and_a_different_typed_one_is_a_warning(tmp_path):
    answers = extreme_answers("90-2021")
    answers.update({"R.1.i.a": 0.9, "R.1.i.a.1": 10, "R.1.i.a.2": 5})  # -- 5 changes by 10 agents: 50%
    path = filled(tmp_path, answers)
    got = nilai_json(path)
    # -- R.1.i (weight 2): R.1.i.a 50% and R.1.i.b 100% average 0,75 -> 1,50; area I reform 4 - 0,5
    assert got["area"][0]["reform"] == 3.5
    mismatch = [f for f in got["findings"] if f["code"] == "lke-jumlah-mismatch"]
    assert [f["ref"] for f in mismatch] == [f"LKE!F{lke_row(path, 'R.1.i.a')}"]
    assert (mismatch[0]["values"]["tertulis"], mismatch[0]["values"]["hitungan"]) == ("90%", "50%")


def test_the_same_percentage_from_jumlah_is_no_warning(tmp_path):
    answers = extreme_answers("90-2021")
    answers.update({"R.3.iii.a": 0.25, "R.3.iii.a.1": 8, "R.3.iii.a.2": 6})  # -- (8 - 6) / 8
    got = nilai_json(filled(tmp_path, answers))
    assert not [f for f in got["findings"] if f["code"] == "lke-jumlah-mismatch"]
    assert got["area"][2]["reform"] == pytest.approx(5 - 2 * 0.75, abs=0.01)


def test_52_2014_is_scored_with_its_own_weights_and_says_what_it_lacks(tmp_path):
    path = filled(tmp_path, extreme_answers("52-2014"), regulasi="52-2014")
    got = nilai_json(path)
    assert got["total"] == 100.0
    assert [a["bobot"] for a in got["area"]] == [5, 5, 15, 10, 15, 10]  # -- thresholds.md §2.1
    assert all(a["pemenuhan"] is None and a["reform"] is None for a in got["area"])
    assert got["predikat"]["wbbm"] is True
    text = CliRunner().invoke(main, ["nilai", str(path)]).stdout
    assert "tidak menetapkan ambang nilai pengungkit maupun ambang per area" in text
    assert "Nilai pengungkit" not in text.split("Ambang batas", 1)[1].split("Predikat:", 1)[0]


def test_52_2014_hasil_thresholds(tmp_path):
    answers = extreme_answers("52-2014")
    answers["H.I.2"] = 0.6  # -- TLHP 60% of 5 = 3,00 < 3,50 (thresholds.md §2.2)
    got = nilai_json(filled(tmp_path, answers, regulasi="52-2014"))
    assert got["predikat"]["wbk"] is False
    assert any("(H.I.2) 3,00 (minimal 3,50)" in line for line in got["predikat"]["kurang_wbk"])


def test_reading_b_is_a_warning_only(tmp_path):
    answers = extreme_answers("90-2021")
    answers.update({"R.1.i.a": 0.0, "R.1.i.b": 0.0})  # -- sub-area R.1.i (weight 2) at 0: Reform I 2 of 4
    path = filled(tmp_path, answers)
    got = nilai_json(path)
    assert (got["area"][0]["reform"], got["area"][0]["nilai"]) == (2.0, 6.0)  # -- area I 75%: (a) holds
    assert got["predikat"]["wbk"] is True and got["predikat"]["wbbm"] is True
    text = CliRunner().invoke(main, ["nilai", str(path)]).stdout
    warnings = [line for line in text.splitlines() if line.startswith("Peringatan (bacaan b")]
    assert warnings == [
        "Peringatan (bacaan b, bukan syarat): Reform area I Manajemen Perubahan 2,00 (minimal 2,40) untuk "
        "Menuju WBK."
    ]


@pytest.mark.parametrize(
    ("code", "raw", "shown", "value"),
    [
        ("P.1.i.a", "ya", "Ya", 1.0),
        ("P.1.i.a", "Tidak", "Tidak", 0.0),
        ("P.1.i.a", True, "Ya", 1.0),
        ("P.1.i.b", "b", "B", 0.5),
        ("P.1.i.b", "A. Jika dengan prosedur/mekanisme yang jelas", "A", 1.0),
        ("P.1.iii.a", "C", "C", 0.33),
        ("R.1.ii.a", "d", "D", 0.25),
        ("R.3.iii.a", 0.855, "85,5%", 0.855),
        ("R.3.iii.a", "85%", "85%", 0.85),
        ("R.3.iii.a", "85,5 %", "85,5%", 0.855),
        ("R.3.iii.a", 85, "85%", 0.85),
        ("R.3.iii.a", "120%", "120%", 1.0),
        ("H.I.a", "3,62", "3,62", 3.62 / 4),
        ("H.I.a", 4, "4,00", 1.0),
        # -- a survey on the 0-100 index scale (the SKM's) or as a percentage: the LKE's 0-4 is that / 25
        ("H.I.a", 87.5, "3,50", 3.5 / 4),
        ("H.II.a", "86,25%", "3,45", 3.45 / 4),
        ("R.1.i.a.1", "1.250", "1.250", None),
    ],
)
def test_answers_are_read_by_their_item_type(code, raw, shown, value):
    from zi_sheets.reading.source import cell_text

    item = load_lke("90-2021").item(code)
    assert item is not None
    answer = parse_answer(item, LkeAnswer(2, CellValue(code), CellValue(cell_text(raw), None, raw)))
    assert (answer.shown, answer.invalid) == (shown, "")
    assert answer.value == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize(
    ("code", "raw"),
    [("P.1.i.a", "mungkin"), ("P.1.i.b", "D"), ("R.1.ii.a", "F"), ("R.3.iii.a", "banyak"), ("H.I.a", 187.5)],
)
def test_an_answer_outside_its_choices_is_invalid_and_counts_zero(code, raw):
    from zi_sheets.reading.source import cell_text

    item = load_lke("90-2021").item(code)
    assert item is not None
    answer = parse_answer(item, LkeAnswer(2, CellValue(code), CellValue(cell_text(raw), None, raw)))
    assert answer.invalid and answer.counted == 0.0


def test_an_invalid_answer_is_a_finding_at_its_cell(tmp_path):
    answers = extreme_answers("90-2021")
    answers["P.2.i.a"] = "Z"
    path = filled(tmp_path, answers)
    got = nilai_json(path)
    found = [(f["ref"], f["code"]) for f in got["findings"] if f["code"].startswith("lke-answer")]
    assert (f"LKE!F{lke_row(path, 'P.2.i.a')}", "lke-answer-invalid") in found
