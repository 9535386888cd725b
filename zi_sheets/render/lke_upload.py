"""The LKE workbook for submission: the LKE in its usual column layout (Penilaian | Bobot | Penjelasan |
Pilihan Jawaban | Jawaban | Nilai | % | Bukti Dukung), every figure written as a value, no formulas, ready
to upload or to copy into an evaluation platform."""

from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from zi_sheets.common.bahasa import roman
from zi_sheets.common.files import write_atomic
from zi_sheets.common.xlsx_book import keep_as_text, new_xlsx, put
from zi_sheets.lke.assess import Assessment
from zi_sheets.lke.items import JUMLAH, SURVEI, LkeItem

COLUMNS = (
    ("Penilaian", 70),
    ("Bobot", 9),
    ("Penjelasan", 50),
    ("Pilihan Jawaban", 50),
    ("Jawaban", 11),
    ("Nilai", 9),
    ("%", 9),
    ("Bukti Dukung", 45),
)
# -- The columns holding the unit's own text (Jawaban, Bukti Dukung); the others are the LKE's. --
_UNIT_TEXT = frozenset({5, 8})
SHEET = "LKE"
HEADER_ROW = 3
_HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
_GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_submission(assessment: Assessment, target: Path) -> Path:
    """Write the LKE of `assessment` to `target` (.xlsx) atomically and return it."""
    identitas = assessment.workbook.identitas
    who = " ".join(part for part in (identitas.nama_unit, str(identitas.tahun or "")) if part)
    book = new_xlsx(f"Lembar Kerja Evaluasi Zona Integritas {who}", identitas.nama_unit)
    sheet = book.active
    sheet.title = SHEET
    put(sheet, 1, 1, f"LEMBAR KERJA EVALUASI ZONA INTEGRITAS {who.upper()}".strip()).font = Font(
        bold=True, size=12
    )
    sheet.cell(2, 1, f"{assessment.lke.title}; penilaian mandiri unit kerja").font = Font(italic=True)
    for col, (header, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(HEADER_ROW, col, header)
        cell.font, cell.fill, cell.alignment = Font(bold=True), _HEADER_FILL, _WRAP
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    rows = _rows(assessment)
    for index, (values, bold) in enumerate(rows, start=HEADER_ROW + 1):
        for col, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            # -- the unit's answers and evidence lines are its text, neutralised; the LKE's own labels
            # -- ("- Jumlah pegawai") print as the LKE prints them, marked as text the way Excel marks them
            if col in _UNIT_TEXT or not isinstance(value, str):
                cell = put(sheet, index, col, value)
            else:
                cell = keep_as_text(sheet.cell(index, col), value)
            cell.alignment = _WRAP
            if isinstance(value, float) and col in (2, 6):
                cell.number_format = "0.00"
            if col == 7 and isinstance(value, float):
                cell.number_format = "0.00%"
        if bold:
            for col in range(1, len(COLUMNS) + 1):
                sheet.cell(index, col).font = Font(bold=True)
                sheet.cell(index, col).fill = _GROUP_FILL
    return write_atomic(target, book.save)


Row = tuple[list[object], bool]


def _share(nilai: float, bobot: float) -> float | None:
    return nilai / bobot if bobot else None


def _rows(assessment: Assessment) -> list[Row]:
    """(values, is a heading row) for every row below the header, in the LKE's order: 90/2021 lists every
    area's Pemenuhan, then every area's Reform; 52/2014 lists the areas once."""
    lke, score = assessment.lke, assessment.score
    rows: list[Row] = [_heading("A. PENGUNGKIT", 60.0, score.pengungkit)]
    if lke.has_subareas:
        for number, half in enumerate(("pemenuhan", "reform"), start=1):
            weight = sum(lke.subarea_weight(area.no, half) for area in score.areas)
            figure = sum(getattr(area, half) or 0.0 for area in score.areas)
            rows.append(_heading(f"{roman(number)}. {half.upper()}", weight, figure))
            for area in score.areas:
                items = [i for i in lke.items if i.area_no == area.no and i.subarea == half]
                rows.append(
                    _heading(
                        f"{area.no}. {area.name}",
                        lke.subarea_weight(area.no, half),
                        getattr(area, half) or 0.0,
                    )
                )
                rows += _group_rows(assessment, items)
    else:
        for area in score.areas:
            rows.append(_heading(f"{roman(area.no)}. {area.name.upper()}", area.weight, area.nilai))
            rows += _group_rows(assessment, [i for i in lke.items if i.area_no == area.no])
    rows.append(_heading("B. HASIL", 40.0, score.hasil))
    for group in score.hasil_groups:
        rows.append(
            _heading(f"{group.code.removeprefix('H.')}. {group.name.upper()}", group.weight, group.nilai)
        )
        for item in (i for i in lke.items if i.hasil_group == group.code):
            rows.append(_item_row(assessment, item, hasil=True))
    rows.append(_heading("NILAI TOTAL (PENGUNGKIT + HASIL)", 100.0, score.total))
    return rows


def _heading(label: str, bobot: float, nilai: float) -> Row:
    return ([label, bobot, "", "", "", nilai, _share(nilai, bobot)], True)


def _group_rows(assessment: Assessment, items: list[LkeItem]) -> list[Row]:
    rows: list[Row] = []
    group = ""
    for item in items:
        if item.group_code != group:
            group = item.group_code
            nilai = sum(
                assessment.score.added.get(i.code, 0.0)
                for i in assessment.lke.scored
                if i.group_code == group
            )
            label = f"{group.rsplit('.', 1)[-1]}. {item.group_name}"
            rows.append(
                ([label, item.group_weight, "", "", "", nilai, _share(nilai, item.group_weight)], True)
            )
        rows.append(_item_row(assessment, item))
    return rows


def _item_row(assessment: Assessment, item: LkeItem, *, hasil: bool = False) -> Row:
    answer = assessment.sheet.answers[item.code]
    row = answer.row
    written: object = answer.shown if answer.answered else (row.jawaban.text if row is not None else "")
    if answer.answered and answer.number is not None and item.kind in (SURVEI, JUMLAH):
        written = answer.number
    elif answer.answered and answer.number is not None:
        written = answer.shown
    letter = item.code.rsplit(".", 1)[-1]
    label = f"- {item.text}" if item.kind == JUMLAH else f"{letter}. {item.text}"
    value: object = "" if item.kind == JUMLAH else answer.counted
    bobot: object = item.weight if hasil else ""
    percent: object = answer.counted if hasil else ""
    if hasil:
        value = answer.counted * item.weight
    evidence = "\n".join(row.bukti_dukung.lines) if row is not None else ""
    options = "\n".join(item.options)
    return ([label, bobot, item.criteria, options, written, value, percent, evidence], False)
