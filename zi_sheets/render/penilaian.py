"""The Laporan Penilaian Mandiri: the LKE score per area (table and chart against the WBK/WBBM minima), the
threshold verdict, what closes each gap, and every item's answer, value and evidence, signed by the unit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from zi_sheets.common.bahasa import format_angka, format_tanggal, roman
from zi_sheets.common.text import clean_text
from zi_sheets.lke.assess import Assessment, gap_lines, status_text, threshold_rows
from zi_sheets.lke.items import JUMLAH, LkeItem
from zi_sheets.lke.score import PREDIKAT, PREDIKAT_TITLE
from zi_sheets.reading.house_style import PageStyle
from zi_sheets.render.word.document import new_document, set_properties
from zi_sheets.render.word.page import add_page_number_footer
from zi_sheets.render.word.pictures import add_picture
from zi_sheets.render.word.signature import add_signature_block, unit_signers
from zi_sheets.render.word.styles import (
    BODY_TEXT,
    GROUP_FILL,
    HEADING_2,
    NUMBERED_ITEM,
    TABLE_GROUP,
    TABLE_HEADING,
    TITLE,
)
from zi_sheets.render.word.tables import (
    CellSpec,
    TableWriter,
    add_header_table,
    hold_table_ends,
    keep_row_with_next,
)

DOCUMENT_TITLE = "LAPORAN PENILAIAN MANDIRI"
ITEMS_HEADING = "Lampiran: Jawaban per Butir LKE"
CHART_WIDTH = Cm(15)

# -- (header, share of the width) of the score table, the threshold table and the item table --
_SCORE_COLUMNS = (
    ("NO", 8),
    ("KOMPONEN", 28),
    ("BOBOT", 11),
    ("PEMENUHAN", 17),
    ("REFORM", 12),
    ("NILAI", 12),
    ("%", 12),
)
_THRESHOLD_COLUMNS = (("PERSYARATAN", 40), ("NILAI", 12), ("MENUJU WBK", 24), ("MENUJU WBBM", 24))
_FIGURE_COLUMNS = (("SEL", 14), ("ANGKA", 16), ("LKE RESMI", 11), ("REGULASI", 11), ("SEBAB", 48))
_ITEM_COLUMNS = (("KODE", 13), ("PERTANYAAN", 39), ("JAWABAN", 14), ("NILAI", 9), ("BUKTI DUKUNG", 25))


def build_penilaian(
    assessment: Assessment,
    style: PageStyle | None = None,
    date: dt.date | None = None,
) -> Document:
    """The Laporan Penilaian Mandiri of `assessment` as a python-docx Document (not saved).

    `style` None means the default page style (F4, Arial 12); `date` (None: today) dates the signatures.
    """
    style = style or PageStyle()
    identitas = assessment.workbook.identitas
    document = new_document(style)
    unit = identitas.nama_unit.upper()
    tahun = identitas.tahun or identitas.text("Tahun")
    set_properties(document, identitas, f"{DOCUMENT_TITLE} {unit} {tahun}")

    for index, line in enumerate(
        [DOCUMENT_TITLE, f"PEMBANGUNAN ZONA INTEGRITAS {unit}".strip(), f"TAHUN {tahun}" if tahun else ""]
    ):
        if line:
            paragraph = document.add_paragraph(clean_text(line), style=TITLE)
            paragraph.paragraph_format.space_after = Pt(0 if index < 2 else 18)
    document.add_paragraph(
        f"Penilaian mandiri atas Lembar Kerja Evaluasi (LKE) Zona Integritas menurut {assessment.lke.title}, "
        f"dihitung dari jawaban dan Bukti Dukung {_answers_source(assessment)}. "
        "Nilai setiap sub-area adalah bobotnya dikali rata-rata nilai jawaban butirnya; butir yang belum "
        "dijawab bernilai 0.",
        style=BODY_TEXT,
    )

    _add_heading(document, "A. Nilai per Area")
    _add_score_table(document, assessment)
    _add_chart(document, assessment)
    _add_sheet_figures(document, assessment)

    _add_heading(document, "B. Ambang Batas Predikat")
    _add_threshold_table(document, assessment)
    verdict = _plain(document.add_paragraph(style=BODY_TEXT))
    verdict.paragraph_format.space_before = Pt(12)
    verdict.add_run("Kesimpulan: ").bold = True
    verdict.add_run(assessment.verdict)
    for requirement in assessment.warnings:
        document.add_paragraph(
            # -- the tool's word for this reading of the thresholds ("bacaan b") means nothing to the reader
            f"Catatan (tidak menentukan predikat): {requirement.sentence} untuk "
            f"{PREDIKAT_TITLE[requirement.predikat]}.",
            style=BODY_TEXT,
        )
    for note in assessment.notes:
        document.add_paragraph(f"Catatan: {note}", style=BODY_TEXT)

    _add_heading(document, "C. Yang Perlu Diperbaiki")
    _add_gaps(document, assessment)

    _add_signatures(document, assessment, date or dt.date.today())

    # -- the item table is the report's appendix, after the signatures: a long table must not leave the
    # -- signature block alone on the last page --
    appendix = document.add_paragraph(ITEMS_HEADING, style=HEADING_2)
    appendix.paragraph_format.page_break_before = True
    _add_items(document, assessment)
    hold_table_ends(document)
    add_page_number_footer(document.sections[0], position=style.page_number_position)
    return document


def _add_heading(document: Document, text: str) -> None:
    document.add_paragraph(text, style=HEADING_2)


def _plain(paragraph: Paragraph) -> Paragraph:
    """A Body Text paragraph without its first-line indent (a caption, a verdict, a gap's title)."""
    paragraph.paragraph_format.first_line_indent = Cm(0)
    return paragraph


def keep_together(writer: TableWriter) -> None:
    """Keep a short table on one page: every row but the last keeps with the next (Word and LibreOffice
    then move the table whole rather than leave a few rows on the next page)."""
    for tr in writer.table._tbl.tr_lst[:-1]:
        keep_row_with_next(tr)


# ---------------------------------------------------------------------------------------------------------
# A. Scores


def _answers_source(assessment: Assessment) -> str:
    """Where the answers were read: the official LKE workbook by its sheet and file (the document units and
    evaluators both hold); our LKE sheet as the unit's LKE (a signed report names the unit's LKE, not the
    file it was typed in), as the LKE sheet when Identitas names no unit."""
    if assessment.official_source is not None:
        sheet, name = assessment.official_source
        return f"pada sheet {sheet} berkas {name}"
    unit = assessment.workbook.identitas.nama_unit
    return f"LKE {unit}" if unit else "pada sheet LKE"


def _add_score_table(document: Document, assessment: Assessment) -> None:
    score = assessment.score
    split = assessment.lke.has_subareas
    columns = (
        _SCORE_COLUMNS if split else tuple(c for c in _SCORE_COLUMNS if c[0] not in ("PEMENUHAN", "REFORM"))
    )
    writer = add_header_table(document, columns)

    def figures(*values: float | None) -> list[CellSpec]:
        return [CellSpec([format_angka(v)] if v is not None else [], align="right") for v in values]

    for area in score.areas:
        halves = figures(area.pemenuhan, area.reform) if split else []
        writer.add_row(
            [CellSpec([roman(area.no)], align="center"), CellSpec([area.name])]
            + figures(area.weight)
            + halves
            + figures(area.nilai, area.persen)
        )
    blank = 2 if split else 0

    def total_row(label: str, weight: float, nilai: float, percent: float | None = None) -> None:
        writer.add_row(
            [CellSpec([label], span=2, style=TABLE_HEADING, align="left")]
            + [CellSpec([format_angka(weight)], style=TABLE_HEADING, align="right")]
            + [CellSpec([]) for _ in range(blank)]
            + [CellSpec([format_angka(nilai)], style=TABLE_HEADING, align="right")]
            + [
                CellSpec(
                    [format_angka(percent)] if percent is not None else [], style=TABLE_HEADING, align="right"
                )
            ]
        )

    total_row("JUMLAH PENGUNGKIT", 60, score.pengungkit, 100 * score.pengungkit / 60)
    for group in score.hasil_groups:
        writer.add_row(
            [
                CellSpec([f"H.{group.code.removeprefix('H.')}"], align="center"),
                CellSpec([f"Hasil: {group.name}"]),
            ]
            + figures(group.weight)
            + [CellSpec([]) for _ in range(blank)]
            + figures(group.nilai, 100 * group.nilai / group.weight if group.weight else 0)
        )
    total_row("JUMLAH HASIL", 40, score.hasil, 100 * score.hasil / 40)
    total_row("NILAI TOTAL", 100, score.total)
    keep_together(writer)


def _add_chart(document: Document, assessment: Assessment) -> None:
    from zi_sheets.render.chart import SHORT_NAMES, area_score_png

    areas = assessment.score.areas
    minima = [
        (f"Minimal {PREDIKAT_TITLE[p].removeprefix('Menuju ')}", 100 * need)
        for t in assessment.lke.thresholds
        if t.scope == "area"
        for p in PREDIKAT
        if (need := t.need(p)) is not None
    ]
    labels = [f"{roman(area.no)}. {SHORT_NAMES[area.no]}" for area in areas]
    png = area_score_png(labels, [area.persen for area in areas], minima)
    paragraph = add_picture(document, png, CHART_WIDTH)
    paragraph.paragraph_format.keep_with_next = True  # -- with its caption
    paragraph.paragraph_format.space_before = Pt(12)
    caption = (
        "Garis putus-putus: nilai minimal setiap area (persen dari bobotnya) untuk Menuju WBK dan Menuju "
        "WBBM."
        if minima
        else f"{assessment.lke.title} tidak menetapkan nilai minimal per area."
    )
    _plain(document.add_paragraph(caption, style=BODY_TEXT)).alignment = WD_ALIGN_PARAGRAPH.CENTER


# ---------------------------------------------------------------------------------------------------------
# B. Thresholds and C. gaps


def _add_threshold_table(document: Document, assessment: Assessment) -> None:
    writer = add_header_table(document, _THRESHOLD_COLUMNS)
    for label, figure, by_predikat in threshold_rows(assessment.requirements):
        writer.add_row(
            [CellSpec([label]), CellSpec([format_angka(figure)], align="right")]
            + [CellSpec([status_text(by_predikat.get(p))], align="center") for p in PREDIKAT]
        )
    keep_together(writer)


def _add_gaps(document: Document, assessment: Assessment) -> None:
    if not assessment.gaps:
        document.add_paragraph("Semua ambang batas nilai Menuju WBBM telah terpenuhi.", style=BODY_TEXT)
        return
    document.add_paragraph(
        "Untuk setiap ambang batas yang belum terpenuhi: perubahan jawaban yang paling menaikkan nilainya, "
        "berurutan, sampai kekurangannya tertutup.",
        style=BODY_TEXT,
    )
    for gap in assessment.gaps:
        first, *rest = gap_lines(gap)
        heading = _plain(document.add_paragraph(style=BODY_TEXT))
        heading.paragraph_format.keep_with_next = True
        heading.add_run(first).bold = True
        for index, line in enumerate(rest):
            text = line.strip()
            number, dot, step = text.partition(". ")
            item = document.add_paragraph(
                f"{number}.\t{step}" if dot and number.isdigit() else text, style=NUMBERED_ITEM
            )
            item.paragraph_format.keep_with_next = index < len(rest) - 1


# ---------------------------------------------------------------------------------------------------------
# D. Items


def _add_items(document: Document, assessment: Assessment) -> None:
    writer = add_header_table(document, _ITEM_COLUMNS)
    proposed = {p.code: p.answer for p in assessment.proposals}
    score = assessment.score
    current_area: object = None
    current_group = ""
    for item in by_area(assessment.lke.items):
        area_key = item.area_no if item.area_no is not None else item.hasil_group
        if area_key != current_area:
            current_area, current_group = area_key, ""
            writer.add_row(
                [CellSpec([_area_title(assessment, item)], span=5, style=TABLE_GROUP, shading=GROUP_FILL)]
            )
        if item.group_code and item.group_code != current_group:
            current_group = item.group_code
            group_score = sum(
                score.added.get(i.code, 0.0) for i in assessment.lke.scored if i.group_code == item.group_code
            )
            half = f"{item.subarea.title()}: " if item.subarea else ""
            writer.add_row(
                [
                    CellSpec(
                        [
                            f"{half}{item.group_name} (nilai {format_angka(group_score)} dari "
                            f"{format_angka(item.group_weight)})"
                        ],
                        span=5,
                        style=TABLE_GROUP,
                    )
                ]
            )
        writer.add_row(_item_cells(assessment, item, proposed.get(item.code)))


def by_area(items: Sequence[LkeItem]) -> list[LkeItem]:
    """The items area by area, Pemenuhan before Reform within each, then Hasil (90/2021 prints all Pemenuhan
    areas first: a reader of one area wants its items together)."""
    halves = {"pemenuhan": 0, "reform": 1}
    return sorted(
        items, key=lambda i: (i.area_no is None, i.area_no or 0, i.hasil_group, halves.get(i.subarea, 0))
    )


def _area_title(assessment: Assessment, item: LkeItem) -> str:
    if item.area_no is not None:
        area = next(a for a in assessment.score.areas if a.no == item.area_no)
        return (
            f"{roman(area.no)}. {area.name.upper()}: nilai {format_angka(area.nilai)} dari "
            f"{format_angka(area.weight)} ({format_angka(area.persen)}%)"
        )
    group = next(g for g in assessment.score.hasil_groups if g.code == item.hasil_group)
    return (
        f"HASIL {group.code.removeprefix('H.')}. {group.name.upper()}: nilai {format_angka(group.nilai)} "
        f"dari {format_angka(group.weight)}"
    )


def _item_cells(assessment: Assessment, item: LkeItem, proposal: str | None) -> list[CellSpec]:
    answer = assessment.sheet.answers[item.code]
    # -- a Jumlah input is optional (its percentage may be written instead): empty, not "(kosong)"
    empty = "" if item.kind == JUMLAH else "(kosong)"
    shown = [answer.shown if answer.answered or answer.shown else empty]
    if answer.invalid:
        shown = [answer.row.jawaban.text if answer.row is not None else "", "(tidak sah)"]
    if proposal is not None and proposal != (answer.shown if answer.answered else ""):
        shown.append(f"usulan: {proposal}")
    value = "-" if item.kind == JUMLAH else format_angka(answer.counted)
    evidence = assessment.evidence(item.code)
    text = item.text if item.kind != JUMLAH else f"- {item.text}"
    return [
        CellSpec([item.code]),
        CellSpec([text]),
        CellSpec(shown, align="center"),
        CellSpec([value], align="right"),
        CellSpec(evidence),
    ]


def _add_signatures(document: Document, assessment: Assessment, date: dt.date) -> None:
    # -- the closing and the signatures travel with the paragraph before them, never alone on a page
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    closing = document.add_paragraph(
        "Demikian laporan penilaian mandiri ini dibuat sebagai bahan perbaikan sebelum pengusulan kepada Tim "
        "Penilai.",
        style=BODY_TEXT,
    )
    closing.paragraph_format.space_before = Pt(12)
    closing.paragraph_format.keep_with_next = True
    spacer = document.add_paragraph(style=BODY_TEXT)
    spacer.paragraph_format.keep_with_next = True
    pimpinan, ketua = unit_signers(assessment.workbook.identitas, format_tanggal(date))
    add_signature_block(document, pimpinan, ketua)


def _add_sheet_figures(document: Document, assessment: Assessment) -> None:
    """Where the official LKE workbook's own figures differ from the regulation's: both, by cell (issue 25;
    evaluators and units argue over exactly these)."""
    differing = [figure for figure in assessment.figures if figure.differs]
    if not differing:
        return
    document.add_paragraph(
        "Angka yang dihitung rumus LKE resmi berbeda dengan hitungan menurut bobot regulasi di atas:",
        style=BODY_TEXT,
    )
    writer = add_header_table(document, _FIGURE_COLUMNS)
    for figure in differing:
        sheet = "tak terbaca" if figure.sheet is None else format_angka(figure.sheet, 3)
        writer.add_row(
            [
                CellSpec([str(figure.cell)]),
                CellSpec([figure.label]),
                CellSpec([sheet], align="right"),
                CellSpec([format_angka(figure.regulation, 3)], align="right"),
                CellSpec([figure.why]),
            ]
        )
