"""The Monitoring dan Evaluasi (Monev) document of one period, in one of two forms.

- Without chapters (a month, by default): the matrices the layout asks for (the seed's achievements per area,
  the realisation per planned action, or both), then the progress against the Rencana Aksi (figures,
  sentences, chart, overdue actions, Kendala, Saran and Tindak Lanjut), then the signatures; all landscape.
- With chapters (a quarter or a half year, by default, when sheet LaporanMonev holds text): an optional
  cover, Kata Pengantar, BAB Pendahuluan, Pelaksanaan (with the progress figures and chart), Permasalahan dan
  Saran, Penutup (each left out when empty), the signatures, and the matrices as a landscape Lampiran.

Which plan rows are done, in progress or terlambat is `progress.PlanProgress.status` throughout.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from zi_sheets.analysis.analyse import Analysis
from zi_sheets.analysis.komponen import UNKNOWN_AREA
from zi_sheets.analysis.laporan import PENDAHULUAN, ReportTexts, report_texts
from zi_sheets.analysis.periods import Period
from zi_sheets.analysis.progress import AreaProgress, PlanProgress, is_achievement, total
from zi_sheets.common.bahasa import format_bulan, format_rentang, format_tanggal, roman
from zi_sheets.common.dates import parse_target
from zi_sheets.common.model import AREAS, Identitas, LaporanItem, MonevEntry
from zi_sheets.common.text import clean_text
from zi_sheets.reading.house_style import MonevLayout, PageStyle
from zi_sheets.render.cover import add_cover
from zi_sheets.render.monev_matrix import add_realisation_matrix
from zi_sheets.render.word.document import new_document, set_properties
from zi_sheets.render.word.page import (
    add_landscape_section,
    add_letterhead,
    add_page_number_footer,
    setup_section,
)
from zi_sheets.render.word.pictures import add_picture
from zi_sheets.render.word.signature import add_signature_block, unit_signers
from zi_sheets.render.word.styles import BODY_TEXT, HEADING_1, HEADING_2, TABLE_HEADING, TITLE
from zi_sheets.render.word.tables import (
    CellSpec,
    TableWriter,
    add_header_table,
    hold_table_ends,
    keep_table_together,
)
from zi_sheets.render.word.text import add_numbered_item, text_lines

DOCUMENT_TITLE = "DOKUMEN MONITORING DAN EVALUASI"
LAPORAN_TITLE = "LAPORAN MONITORING DAN EVALUASI"
CHART_WIDTH = Cm(16)

# -- (header, share of the width) of the progress table and of the overdue-actions table --
_PROGRESS_COLUMNS = (
    ("AREA", 28),
    ("DIJADWALKAN", 12),
    ("DILAPORKAN", 12),
    ("SELESAI", 12),
    ("DALAM PROSES", 12),
    ("BERJALAN", 12),
    ("TERLAMBAT", 12),
)
_OVERDUE_COLUMNS = (
    ("NO", 5),
    ("AREA", 16),
    ("KOMPONEN", 19),
    ("LANGKAH AKSI", 30),
    ("TARGET WAKTU", 13),
    ("KETERANGAN", 17),
)


def build_monev(
    analysis: Analysis,
    period: Period,
    style: PageStyle | None = None,
    layout: MonevLayout | None = None,
) -> Document:
    """The Monev document of an analysed workbook for `period` as a python-docx Document (not saved).

    `style` None means the default page style (F4, Arial 12); its letterhead, when set, heads the first
    page. `layout` None means the default Pengaturan: the matrices by what the workbook holds, chapters for a
    quarter or a half year. Progress is measured at the end of the period's last month.
    """
    style = style or PageStyle()
    layout = layout or MonevLayout()
    workbook = analysis.workbook
    texts = report_texts(workbook, period, analysis.plan_year)
    report = _Report(analysis, period, style, texts, _matrices(analysis, period, layout))
    chapters = texts.has_chapters and (
        layout.chapters == "always" or (layout.chapters == "period" and not period.is_month)
    )
    document = new_document(style)
    unit = workbook.identitas.nama_unit.upper()
    heading = f"PEMBANGUNAN ZONA INTEGRITAS {unit}".strip()
    title = LAPORAN_TITLE if chapters else DOCUMENT_TITLE
    set_properties(document, workbook.identitas, f"{title} {heading} {period.label}")
    if chapters:
        _build_laporan(document, report, heading, layout.cover)
    else:
        _build_plain(document, report, heading)
    hold_table_ends(document)
    for index, section in enumerate(document.sections):
        add_page_number_footer(
            section, title_page=chapters and layout.cover and index == 0, position=style.page_number_position
        )
    return document


@dataclass(frozen=True)
class _Report:
    """What one Monev document is made of."""

    analysis: Analysis
    period: Period
    style: PageStyle
    texts: ReportTexts
    matrices: tuple[bool, bool]  # (achievements per area, realisation per planned action)

    @property
    def identitas(self) -> Identitas:
        return self.analysis.workbook.identitas

    @cached_property
    def areas(self) -> list[AreaProgress]:
        return self.analysis.progress(self.period)


def _matrices(analysis: Analysis, period: Period, layout: MonevLayout) -> tuple[bool, bool]:
    """(achievements matrix, realisation matrix) as the layout asks; by default the realisation matrix
    when the Realisasi sheet reports on the period, the achievements matrix when the Monev sheet does (or
    when neither does, to say so)."""
    if layout.matrices is not None:
        return layout.matrices
    realised = any(r.counts_by(period.last) for found in analysis.realisasi.by_row.values() for r in found)
    reported = any(entry.month in period for entry in analysis.workbook.monev)
    return (reported or not realised, realised)


def _build_plain(document: Document, report: _Report, heading: str) -> None:
    style, period = report.style, report.period
    setup_section(document.sections[0], style, landscape=True)
    if style.letterhead is not None:
        add_letterhead(document, style.letterhead, style)
    first = document.add_paragraph(DOCUMENT_TITLE, style=TITLE)
    first.paragraph_format.space_after = Cm(0)
    document.add_paragraph(clean_text(heading), style=TITLE)
    kind = "BULAN" if period.is_month else "PERIODE"
    document.add_paragraph(f"{kind} : {period.label}", style=HEADING_1)
    _add_matrix_part(document, report, labelled=all(report.matrices))

    heading_paragraph = document.add_paragraph("KEMAJUAN TERHADAP RENCANA AKSI", style=HEADING_1)
    # -- after the one-page achievements matrix the progress starts a page; after the long realisation
    # -- matrix it runs on, so the matrix's last rows never stand alone on a page
    heading_paragraph.paragraph_format.page_break_before = not report.matrices[1]
    _add_figures(document, report)
    document.add_paragraph("Langkah Aksi yang Terlambat", style=HEADING_2)
    _add_overdue(document, report)
    texts = report.texts
    document.add_paragraph("Kendala", style=HEADING_2)
    none = "Tidak ada kendala yang dilaporkan."
    _add_area_texts(document, report, "kendala", texts.items("Permasalahan"), none)
    if texts.items("Saran"):
        document.add_paragraph("Saran", style=HEADING_2)
        _add_items(document, report, texts.items("Saran"))
    document.add_paragraph("Tindak Lanjut", style=HEADING_2)
    none = "Tidak ada tindak lanjut yang dilaporkan."
    _add_area_texts(document, report, "tindak_lanjut", texts.items("Tindak Lanjut"), none)
    _add_signatures(document, report)


def _add_matrix_part(document: Document, report: _Report, *, labelled: bool) -> None:
    """The matrices the layout asks for; each under its own heading when there are two."""
    capaian, rencana = report.matrices
    if capaian:
        if labelled:
            document.add_paragraph("MATRIKS CAPAIAN", style=HEADING_1)
        _add_matrices(document, report.analysis.workbook.monev, report.period)
    if rencana:
        if labelled:
            document.add_paragraph("MATRIKS MONEV RENCANA AKSI", style=HEADING_1)
        plans = report.analysis.plan_progress(report.period.last)
        add_realisation_matrix(document, plans, report.period, report.style)


# ---------------------------------------------------------------------------------------------------------
# The achievements matrix


def _add_matrices(document: Document, entries: Sequence[MonevEntry], period: Period) -> None:
    # -- an entry saying nothing was achieved ("belum disusun") is no achievement: the late list tells it
    entries = [entry for entry in entries if is_achievement(entry)]
    months = [month for month in period.months if any(entry.month == month for entry in entries)]
    if not months:
        document.add_paragraph(f"Belum ada capaian yang dilaporkan untuk {period.label}.", style=BODY_TEXT)
    for month in months:
        if not period.is_month:
            document.add_paragraph(f"BULAN : {format_bulan(*month)}", style=HEADING_2)
        _add_matrix(document, [entry for entry in entries if entry.month == month])


def matrix_columns(entries: Sequence[MonevEntry]) -> list[list[MonevEntry]]:
    """The entries of one month by column: areas I-VI in order, then (only when there are any) the entries
    whose area was not recognised."""
    columns = [[entry for entry in entries if entry.area_no == area_no] for area_no in AREAS]
    unknown = [entry for entry in entries if entry.area_no not in AREAS]
    return columns + ([unknown] if unknown else [])


def _add_matrix(document: Document, entries: Sequence[MonevEntry]) -> None:
    columns = matrix_columns(entries)
    headers = [name.upper() for name in AREAS.values()] + [UNKNOWN_AREA] * (len(columns) - 6)
    writer = add_header_table(document, [("NO", 4), *((header, 16) for header in headers)])
    for index in range(max(len(column) for column in columns)):
        cells = [CellSpec([str(index + 1)], align="center")]
        for column in columns:
            cells.append(CellSpec(column[index].capaian.lines if index < len(column) else []))
        writer.add_row(cells)


# ---------------------------------------------------------------------------------------------------------
# Progress against the Rencana Aksi


def _add_figures(document: Document, report: _Report) -> None:
    """What the plan scheduled by the end of the period against what was reported: the figures per area, the
    sentences and the chart."""
    areas, period = report.areas, report.period
    overall = total(areas)
    document.add_paragraph(
        "Langkah aksi yang dijadwalkan pada Rencana Aksi s.d. akhir periode dibandingkan dengan capaian yang "
        f"dilaporkan pada Monitoring dan Evaluasi s.d. {period.end_label}.",
        style=BODY_TEXT,
    )
    if document.sections[-1].orientation == WD_ORIENT.LANDSCAPE:
        writer = _add_progress_table(document, areas, overall)
    else:
        writer = _add_progress_table_across(document, areas, overall)
    keep_table_together(writer.table)
    # -- the sentence reads the table: a line of space apart from it, not glued to its last row --
    document.add_paragraph(overall.sentence, style=BODY_TEXT).paragraph_format.space_before = Pt(12)
    if overall.early:
        early = len(overall.early)
        document.add_paragraph(
            f"Selain itu, {early} langkah aksi telah dilaporkan sebelum jadwalnya.", style=BODY_TEXT
        )
    for area in areas:
        add_numbered_item(document, area.numeral, [f"{area.name}. {area.sentence}"])
    _add_chart(document, areas)


def _add_overdue(document: Document, report: _Report) -> None:
    overdue = total(report.areas).terlambat
    if overdue:
        introduction = document.add_paragraph(
            f"Langkah aksi yang telah jatuh tempo s.d. {report.period.end_label} tetapi belum dilaporkan "
            "kemajuannya:",
            style=BODY_TEXT,
        )
        introduction.paragraph_format.keep_with_next = True  # -- the colon leads into the table
        _add_overdue_table(document, overdue)
    else:
        document.add_paragraph("Tidak ada langkah aksi yang terlambat.", style=BODY_TEXT)


def _add_progress_table(document: Document, areas: list[AreaProgress], overall: AreaProgress) -> TableWriter:
    writer = add_header_table(document, _PROGRESS_COLUMNS)
    for area in areas:
        writer.add_row(
            [CellSpec([f"{area.numeral}. {area.name}"])]
            + [CellSpec([str(figure)], align="center") for figure in _figures(area)]
        )
    writer.add_row(
        [CellSpec(["JUMLAH"], style=TABLE_HEADING, align="left")]
        + [CellSpec([str(figure)], style=TABLE_HEADING) for figure in _figures(overall)]
    )
    return writer


def _add_progress_table_across(
    document: Document, areas: list[AreaProgress], overall: AreaProgress
) -> TableWriter:
    """The same figures for a portrait page: one row per figure, one column per area (by its numeral; the
    numbered sentences below name them), so that the long headers need not share a narrow page."""
    writer = add_header_table(
        document, [("URAIAN", 22), *((area.numeral, 10) for area in areas), ("JUMLAH", 18)]
    )
    columns = [_figures(area) for area in areas] + [_figures(overall)]
    for index, (header, _) in enumerate(_PROGRESS_COLUMNS[1:]):
        writer.add_row(
            [CellSpec([header.capitalize()])]
            + [CellSpec([str(figures[index])], align="center") for figures in columns[:-1]]
            + [CellSpec([str(columns[-1][index])], style=TABLE_HEADING)]
        )
    return writer


def _figures(area: AreaProgress) -> tuple[int, ...]:
    return (
        area.scheduled,
        area.reported,
        area.selesai,
        area.dalam_proses,
        area.berjalan,
        len(area.terlambat),
    )


def _add_chart(document: Document, areas: list[AreaProgress]) -> None:
    from zi_sheets.render.chart import HEIGHT_CM, WIDTH_CM, progress_chart_png

    # -- kept with the sentences it illustrates: smaller to fit under them, or with the last on a new page
    add_picture(
        document, progress_chart_png(areas), CHART_WIDTH, aspect=HEIGHT_CM / WIDTH_CM, keep_with_text=True
    )


def _add_overdue_table(document: Document, overdue: Sequence[PlanProgress]) -> None:
    # -- KETERANGAN holds a status's reason where it is not the obvious one; empty in every row, it is left
    # -- out and LANGKAH AKSI takes its width (no column the workbook gives nothing for)
    reasons = any(plan.reason for plan in overdue)
    columns = list(_OVERDUE_COLUMNS)
    if not reasons:
        (_, spare), (name, share) = columns.pop(), columns[3]
        columns[3] = (name, share + spare)
    writer = add_header_table(document, columns)
    for number, plan in enumerate(overdue, start=1):
        row = plan.row
        area = f"{roman(row.area_no)}. {AREAS[row.area_no]}" if row.area_no in AREAS else row.area.text
        writer.add_row(
            [
                CellSpec([str(number)], align="center"),
                CellSpec([area]),
                CellSpec(row.komponen.lines),
                # -- the unit's late action, which the LKE indicator only names the aim of
                CellSpec(row.langkah_aksi.lines or row.indikator.lines or row.bukti_fisik.lines),
                CellSpec(overdue_target(plan)),
                *(
                    [CellSpec([plan.reason[:1].upper() + plan.reason[1:]] if plan.reason else [])]
                    if reasons
                    else []
                ),
            ]
        )


def overdue_target(plan: PlanProgress) -> list[str]:
    """The late list's TARGET WAKTU of `plan`: the cell as written when it holds only the schedule, else
    the due period as read ("Januari 2021", "Januari–Desember 2021"), one line per span.

    -- A plan's Target Waktu cell is often merged with the Target Prioritas text below the schedule; printed
    -- whole in every late row it takes pages. Any line naming no month is such text. --
    """
    lines = plan.row.target_waktu.lines
    if not plan.target.spans or all(parse_target(line, plan.plan_year).parsed for line in lines):
        return list(lines)
    return [format_rentang(first, last) for first, last in sorted(plan.target.spans)]


def _add_area_texts(
    document: Document, report: _Report, name: str, report_level: Sequence[LaporanItem], none: str
) -> None:
    """The report-level items (sheet LaporanMonev) first, then each area's texts of the period, numbered
    on; `none` (when not '') says there is nothing."""
    number = _add_numbered(document, report_level, report.identitas)
    for area in report.areas:
        for text in getattr(area, name):
            lines = text_lines(text)
            if lines:
                number += 1
                add_numbered_item(document, number, [f"{area.name}: {lines[0]}", *lines[1:]])
    if number == 0 and none:
        document.add_paragraph(none, style=BODY_TEXT)


def _has_area_texts(areas: list[AreaProgress], name: str) -> bool:
    return any(text_lines(text) for area in areas for text in getattr(area, name))


def _add_numbered(
    document: Document, items: Sequence[LaporanItem], identitas: Identitas | None = None
) -> int:
    """Every item as a numbered list item; returns how many were written."""
    number = 0
    for item in items:
        lines = text_lines(identitas.fill(item.isi.text) if identitas else item.isi.text)
        if lines:
            number += 1
            add_numbered_item(document, number, lines)
    return number


def _add_items(document: Document, report: _Report, items: Sequence[LaporanItem]) -> None:
    """LaporanMonev rows as the Narasi's are printed: paragraphs, list items numbered from 1."""
    number = 0
    for item in items:
        lines = text_lines(report.identitas.fill(item.isi.text))
        if item.is_list_item:
            number += 1
            add_numbered_item(document, number, lines)
        else:
            for line in lines:
                document.add_paragraph(line, style=BODY_TEXT)


# ---------------------------------------------------------------------------------------------------------
# The report with chapters


def _build_laporan(document: Document, report: _Report, heading: str, cover: bool) -> None:
    style, period, texts = report.style, report.period, report.texts
    unit = report.identitas.nama_unit.upper()
    page_break = False
    if cover:
        add_cover(
            document,
            report.identitas,
            style,
            (LAPORAN_TITLE, "PEMBANGUNAN ZONA INTEGRITAS", unit, period.label.upper()),
        )
        page_break = True
    if texts.has("Kata Pengantar"):
        paragraph = document.add_paragraph("KATA PENGANTAR", style=HEADING_1)
        paragraph.paragraph_format.page_break_before = page_break
        _add_items(document, report, texts.items("Kata Pengantar"))
        page_break = True
    if not cover:
        first = document.add_paragraph(LAPORAN_TITLE, style=TITLE)
        first.paragraph_format.space_after = Cm(0)
        first.paragraph_format.page_break_before = page_break
        document.add_paragraph(clean_text(heading), style=TITLE)
        document.add_paragraph(f"PERIODE : {period.label}", style=HEADING_1)
        page_break = False

    chapters = _chapters(report)
    for bab_no, (title, parts) in enumerate(chapters, start=1):
        paragraph = document.add_paragraph(f"BAB {roman(bab_no)} {title}", style=HEADING_1)
        # -- chapters run on (as in the Rencana Kerja): a page break before each would leave pages holding
        # -- a chapter's last lines only; the first one starts after the cover or the Kata Pengantar
        paragraph.paragraph_format.page_break_before = page_break
        page_break = False
        sub_no = 0
        for sub_title, write in parts:
            if sub_title:
                sub_no += 1
                document.add_paragraph(f"{bab_no}.{sub_no} {sub_title}", style=HEADING_2)
            write(document)
    _add_signatures(document, report)

    add_landscape_section(document, style)
    lampiran = document.add_paragraph("LAMPIRAN", style=TITLE)
    lampiran.paragraph_format.space_after = Cm(0)
    document.add_paragraph(f"MATRIKS MONITORING DAN EVALUASI {heading}", style=TITLE)
    document.add_paragraph(f"PERIODE : {period.label}", style=HEADING_1)
    _add_matrix_part(document, report, labelled=all(report.matrices))


_Part = tuple[str, Callable[[Document], None]]


def _chapters(report: _Report) -> list[tuple[str, list[_Part]]]:
    """The chapters that have something to say, each (title, [(sub-section title or '', writer)])."""
    texts, areas = report.texts, report.areas

    def items(bagian: str) -> Callable[[Document], None]:
        return lambda document: _add_items(document, report, texts.items(bagian))

    chapters: list[tuple[str, list[_Part]]] = []
    pendahuluan = [(bagian, items(bagian)) for bagian in PENDAHULUAN if texts.has(bagian)]
    if pendahuluan:
        chapters.append(("PENDAHULUAN", pendahuluan))
    pelaksanaan: list[_Part] = [("", items("Pelaksanaan"))] if texts.has("Pelaksanaan") else []
    pelaksanaan += [
        ("Kemajuan Pelaksanaan Rencana Aksi", lambda document: _add_figures(document, report)),
        ("Langkah Aksi yang Terlambat", lambda document: _add_overdue(document, report)),
    ]
    chapters.append(("PELAKSANAAN", pelaksanaan))
    problems: list[_Part] = []
    for bagian, title, area_texts in (
        ("Permasalahan", "Permasalahan", "kendala"),
        ("Saran", "Saran", None),
        ("Tindak Lanjut", "Tindak Lanjut", "tindak_lanjut"),
    ):
        if texts.has(bagian) or (area_texts and _has_area_texts(areas, area_texts)):
            problems.append((title, _problem_writer(report, bagian, area_texts)))
    if problems:
        chapters.append(("PERMASALAHAN DAN SARAN", problems))
    if texts.has("Penutup"):
        chapters.append(("PENUTUP", [("", items("Penutup"))]))
    return chapters


def _problem_writer(report: _Report, bagian: str, area_texts: str | None) -> Callable[[Document], None]:
    def write(document: Document) -> None:
        if area_texts is None:
            _add_items(document, report, report.texts.items(bagian))
        else:
            _add_area_texts(document, report, area_texts, report.texts.items(bagian), "")

    return write


# ---------------------------------------------------------------------------------------------------------
# Signatures


def signature_date(period: Period) -> str:
    """The date the report is signed by default: the last day of the period, "31 Mei 2019"."""
    return format_tanggal(period.end_date)


# -- An undated report leaves the day and month to be written by hand. --
UNDATED = "......................."


def _add_signatures(document: Document, report: _Report) -> None:
    date = report.texts.date
    written = format_tanggal(date) if date is not None else f"{UNDATED} {report.period.last[0]}"
    pimpinan, ketua = unit_signers(report.identitas, written, nip_spaced=report.style.nip_spaced)
    document.add_paragraph(style=BODY_TEXT)  # -- held with the signatures, as is the block before it
    add_signature_block(document, pimpinan, ketua)
