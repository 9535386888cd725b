"""Official LKE workbooks made in tests from the real blank (tests/data/lke/LKE-ZI-kosong.xlsx, a copy of a
unit's 2026 LKE ZI of PermenPANRB 90/2021 with its answers removed), and an independent reference score.

The blank's questions are found here by position (every row whose Nilai holds the per-question IF formula,
in sheet order, is the catalogue's next row), not by the text matching the tool uses, so the fixture does
not share the code it tests. `reference_score` computes the regulation's figures from the catalogue CSV
alone (group weight x the mean of its items' values; Hasil weight x value), without zi_sheets.lke.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import openpyxl

BLANK = Path(__file__).parent / "data" / "lke" / "LKE-ZI-kosong.xlsx"
CATALOGUE = Path(__file__).parent.parent / "zi_sheets" / "data" / "catalogue-90-2021.csv"
SHEET = "LKE ZI"
PILIHAN, JAWABAN, NILAI, CATATAN, BUKTI, LINK = 10, 11, 12, 15, 16, 17


def catalogue() -> list[dict[str, str]]:
    with CATALOGUE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def question_rows(sheet) -> dict[str, int]:
    """Catalogue code -> the blank's row, by position (a row with a Pilihan Jawaban and the question IF)."""
    rows = [
        row
        for row in range(1, sheet.max_row + 1)
        if str(sheet.cell(row, NILAI).value or "").startswith("=IF") and sheet.cell(row, PILIHAN).value
    ]
    codes = [entry["indicator_code"] for entry in catalogue()]
    assert len(rows) == len(codes), (len(rows), len(codes))
    return dict(zip(codes, rows, strict=True))


def sample_answers(seed: int = 0) -> dict[str, object]:
    """An answer for every scored item, varied by position (`seed` shifts it): letters, Ya/Tidak, typed
    percentages (as Excel keeps them: 0-1 numbers), survey indices 0-4."""
    answers: dict[str, object] = {}
    for number, entry in enumerate(catalogue()):
        kind = entry["answer_type"]
        step = number + seed
        if entry["is_scored"] != "ya":
            continue
        if kind == "Ya/Tidak":
            answers[entry["indicator_code"]] = "Tidak" if step % 4 == 0 else "Ya"
        elif kind.startswith("A/"):
            letters = kind.split("/")
            answers[entry["indicator_code"]] = letters[step % len(letters)]
        elif kind.startswith("%"):
            answers[entry["indicator_code"]] = round(0.5 + (step % 5) / 10, 2)
        elif kind.startswith("Nilai"):
            answers[entry["indicator_code"]] = round(2.8 + (step % 7) / 10, 2)
    return answers


def write_filled(path: Path, answers: dict[str, object], *, notes: bool = True) -> Path:
    """The blank with `answers` (code -> what a unit types in Jawaban) at `path`; the formulas stay."""
    shutil.copyfile(BLANK, path)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    rows = question_rows(sheet)
    for code, value in answers.items():
        row = rows[code]
        sheet.cell(row, JAWABAN).value = value
        if notes:
            sheet.cell(row, CATATAN).value = f"catatan {code}"
            sheet.cell(row, BUKTI).value = f"{code} bukti.pdf"
    book.save(path)
    return path


def reference_score(answers: dict[str, object]) -> dict[str, float]:
    """The regulation's figures for `answers` from the catalogue CSV alone: every sub-area (group code),
    area half ("pemenuhan-1"), area ("area-1"), pengungkit, each Hasil group, hasil, total."""
    entries = [entry for entry in catalogue() if entry["is_scored"] == "ya"]

    def value(entry: dict[str, str]) -> float:
        answer = answers.get(entry["indicator_code"])
        if answer is None:
            return 0.0
        kind = entry["answer_type"]
        if kind.startswith("%"):
            return min(1.0, float(answer))  # type: ignore[arg-type]
        if kind.startswith("Nilai"):
            return float(answer) / 4  # type: ignore[arg-type]
        pairs = dict(part.split("=") for part in entry["score_values"].split(";"))
        return float(pairs[str(answer)])

    figures: dict[str, float] = {}
    groups: dict[str, list[dict[str, str]]] = {}
    for entry in entries:
        if entry["component"] == "pengungkit":
            groups.setdefault(entry["group_code"], []).append(entry)
    for code, members in groups.items():
        first = members[0]
        figure = float(first["group_weight"]) * sum(value(m) for m in members) / len(members)
        figures[code] = figure
        half = f"{first['subarea']}-{first['area_no']}"
        figures[half] = figures.get(half, 0.0) + figure
        figures[f"area-{first['area_no']}"] = figures.get(f"area-{first['area_no']}", 0.0) + figure
        figures["pengungkit"] = figures.get("pengungkit", 0.0) + figure
    for entry in entries:
        if entry["component"] != "pengungkit":
            figure = float(entry["weight"]) * value(entry)
            figures[entry["area_no"]] = figures.get(entry["area_no"], 0.0) + figure
            figures["hasil"] = figures.get("hasil", 0.0) + figure
    figures["total"] = figures["pengungkit"] + figures["hasil"]
    return figures


def write_layout(path: Path, key: str, answers: dict[str, object], *, formulas: dict[str, str] | None = None):
    """An official-layout questionnaire written from scratch from regulation `key`'s catalogue (the blank
    is of 90/2021 only): header in row 2 (Penilaian B, Bobot H, Pilihan Jawaban J, Jawaban K, Nilai L,
    Catatan O), a heading row per sub-area, one row per item; `formulas` are written into their cells."""
    with (CATALOGUE.parent / f"catalogue-{key}.csv").open(encoding="utf-8") as handle:
        entries = list(csv.DictReader(handle))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET
    for column, text in ((2, "Penilaian"), (8, "Bobot"), (10, "Pilihan Jawaban"), (11, "Jawaban")):
        sheet.cell(2, column).value = text
    sheet.cell(2, 12).value, sheet.cell(2, 15).value = "Nilai", "Catatan"
    row, group = 3, None
    for entry in entries:
        if entry["group_code"] != group and entry["group"]:
            group = entry["group_code"]
            sheet.cell(row, 5).value, sheet.cell(row, 6).value = "i.", entry["group"]
            sheet.cell(row, 8).value = float(entry["group_weight"] or 0)
            row += 1
        sheet.cell(row, 6).value = "a."
        sheet.cell(row, 7).value = entry["indicator"]
        sheet.cell(row, 10).value = entry["answer_type"]
        if entry["indicator_code"] in answers:
            sheet.cell(row, JAWABAN).value = answers[entry["indicator_code"]]
        row += 1
    for address, formula in (formulas or {}).items():
        sheet[address].value = formula
    book.create_sheet("Ctt Eval")
    book.create_sheet("Utama")
    book.save(path)
    return path
