"""Monev pages as a careful typist makes them (issue 24, class 8): a late list that prints the due period
and not a whole merged Target Prioritas text, a summary table never split, a chart kept with its text."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IDENTITAS_ROWS, PLAN_HEADER, plan_row
from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx_dump import cell_text
from openpyxl import Workbook

from zi_sheets.analysis.analyse import analyse
from zi_sheets.analysis.periods import Period
from zi_sheets.common.bahasa import format_rentang
from zi_sheets.reading.workbook import read_workbook
from zi_sheets.render.monev import build_monev
from zi_sheets.render.word.document import new_document
from zi_sheets.render.word.pictures import room_left_twips
from zi_sheets.render.word.styles import BODY_TEXT

AREA = "I. Manajemen Perubahan"
# -- a schedule line, then the Target Prioritas text the plan merged into the same cell
MERGED = "Januari 2024\n1. Meningkatnya kualitas pelayanan publik di seluruh unit layanan\n2. " + "Teks " * 60
SCHEDULE = "Maret 2024\nJuni 2024"  # -- every line a schedule: printed as written


def _workbook(path: Path) -> Path:
    book = Workbook()
    book.remove(book.active)
    plan = [
        PLAN_HEADER,
        plan_row(AREA, "Tim Kerja", "Tim kerja dibentuk", target=MERGED),
        plan_row(AREA, "Rencana Kerja", "Rencana kerja disusun", target=SCHEDULE),
        plan_row(AREA, "Monev", "Monev dilaksanakan", target="Februari s/d Juli 2024"),
    ]
    monev = [["Bulan", "Area", "Capaian", "Status", "Ref Rencana Aksi", "Bukti Dukung", "Kendala"]]
    monev += [["Mei 2024", AREA, "Monev dilaksanakan", "Selesai", None, None, None]]
    for title, rows in {"Identitas": IDENTITAS_ROWS, "RencanaAksi": plan, "Monev": monev}.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture(scope="module")
def monev(tmp_path_factory):
    folder = tmp_path_factory.mktemp("monev-pages")
    analysis = analyse(read_workbook(_workbook(folder / "unit.xlsx")))
    path = folder / "monev.docx"
    build_monev(analysis, Period.month(2024, 7)).save(str(path))
    return open_docx(str(path))


def _table(document, header: str) -> Table:
    return next(t for t in document.tables if header in [cell_text(tc) for tc in t._tbl.tr_lst[0].tc_lst])


def test_format_rentang() -> None:
    assert format_rentang((2021, 1), (2021, 1)) == "Januari 2021"
    assert format_rentang((2021, 1), (2021, 12)) == "Januari–Desember 2021"
    assert format_rentang((2020, 12), (2021, 1)) == "Desember 2020–Januari 2021"


def test_the_late_list_prints_the_due_period_of_a_cell_holding_more_than_the_schedule(monev) -> None:
    late = _table(monev, "TARGET WAKTU")
    columns = [cell_text(tc) for tc in late._tbl.tr_lst[0].tc_lst]
    target = columns.index("TARGET WAKTU")
    by_action = {
        cell_text(tr.tc_lst[3]): [cell_text_of(p) for p in tr.tc_lst[target].iter(qn("w:p"))]
        for tr in late._tbl.tr_lst[1:]
    }
    merged = next(lines for action, lines in by_action.items() if "tim kerja" in action.lower())
    schedule = next(lines for action, lines in by_action.items() if "rencana kerja" in action.lower())
    assert merged == ["Januari 2024"]
    assert schedule == ["Maret 2024", "Juni 2024"]


def cell_text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def test_the_progress_table_is_kept_whole_with_its_lead_sentence(monev) -> None:
    table = _table(monev, "DIJADWALKAN")
    rows = table._tbl.tr_lst
    for tr in rows:
        assert tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None
    for tr in rows[:-1]:
        assert all(p.pPr is not None and p.pPr.keepNext_val for p in tr.iter(qn("w:p")))
    lead = Paragraph(table._tbl.getprevious(), table._parent)
    assert lead.text.startswith("Langkah aksi yang dijadwalkan") and lead.paragraph_format.keep_with_next


def test_the_chart_is_kept_with_the_sentence_before_it(monev) -> None:
    blocks = list(monev.iter_inner_content())
    chart = next(
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Paragraph) and b._p.find(f".//{qn('w:drawing')}") is not None
    )
    before = blocks[chart - 1]
    assert isinstance(before, Paragraph) and before.text.strip() and before.paragraph_format.keep_with_next


def test_room_left_is_known_only_from_a_page_start() -> None:
    document = new_document()
    document.add_paragraph("Teks pembuka.", style=BODY_TEXT)
    assert room_left_twips(document) is None  # -- the body's start: how many pages before is unknown
    start = document.add_paragraph("Bagian baru", style=BODY_TEXT)
    start.paragraph_format.page_break_before = True
    room = room_left_twips(document)
    assert room is not None
    for _ in range(5):
        document.add_paragraph("Kalimat yang cukup panjang untuk satu baris penuh di halaman ini. " * 2)
    after = room_left_twips(document)
    assert after is not None and after < room
    for _ in range(200):
        document.add_paragraph("Kalimat yang cukup panjang untuk satu baris penuh di halaman ini. " * 2)
    assert room_left_twips(document) is None  # -- run over a page


def test_a_chart_is_made_smaller_to_fit_the_room_left_or_kept_whole_with_its_sentence() -> None:
    from docx.shared import Cm

    from zi_sheets.render.chart import HEIGHT_CM, WIDTH_CM, progress_chart_png
    from zi_sheets.render.word.pictures import MIN_SCALE, add_picture

    png = progress_chart_png([])
    aspect = HEIGHT_CM / WIDTH_CM
    widths = {}
    for lines in range(0, 60, 2):
        document = new_document()
        start = document.add_paragraph("Halaman baru", style=BODY_TEXT)
        start.paragraph_format.page_break_before = True
        for _ in range(lines):
            document.add_paragraph("Satu baris kalimat pendek.", style=BODY_TEXT)
        room = room_left_twips(document)
        picture = add_picture(document, png, Cm(16), aspect=aspect, keep_with_text=True)
        width = picture._p.find(f".//{qn('wp:extent')}").get("cx")
        widths[lines] = (room, int(width))
        assert document.paragraphs[-2].paragraph_format.keep_with_next
    full = Cm(16)
    shrunk = [w for room, w in widths.values() if w < full]
    assert shrunk, widths  # -- some room between the chart's height and its least size: made smaller
    assert all(w >= full * MIN_SCALE - 1 for w in shrunk)
    assert widths[0][1] == full  # -- an empty page: the full size
