"""The Monitoring dan Evaluasi (Monev) document of one period: the achievements matrix, then the progress
against the Rencana Aksi (figures, sentences, chart, overdue actions, Kendala and Tindak Lanjut)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu

from zi_sheets.analysis import Analysis
from zi_sheets.bahasa import format_bulan, format_tanggal, roman
from zi_sheets.komponen import UNKNOWN_AREA
from zi_sheets.model import AREAS, Identitas, MonevEntry
from zi_sheets.periods import Period
from zi_sheets.progress import AreaProgress, PlanProgress, total
from zi_sheets.render.docx_helpers import (
    BODY_TEXT,
    HEADING_1,
    HEADING_2,
    TABLE_HEADING,
    TITLE,
    CellSpec,
    PageStyle,
    add_header_table,
    add_letterhead,
    add_numbered_item,
    add_page_number_footer,
    add_signature_block,
    clean_text,
    new_document,
    setup_section,
    text_lines,
    text_width_twips,
    unit_signers,
)

DOCUMENT_TITLE = "DOKUMEN MONITORING DAN EVALUASI"
CHART_WIDTH = Cm(16)
_EMU_PER_TWIP = 635

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
    ("NO", 6),
    ("AREA", 18),
    ("KOMPONEN", 22),
    ("INDIKATOR / LANGKAH AKSI", 36),
    ("TARGET WAKTU", 18),
)


def build_monev(
    analysis: Analysis,
    period: Period,
    style: PageStyle | None = None,
    chart: Callable[[Sequence[AreaProgress]], bytes] | None = None,
) -> Document:
    """The Monev document of an analysed workbook for `period` as a python-docx Document (not saved).

    `style` None means the default page style (F4, Arial 12); its letterhead, when set, heads the first
    page. `chart` draws the progress chart (None: `progress_chart_png` in this process). Every page is
    landscape (the matrix and the progress tables are wide); the progress part starts on a new page and
    is measured at the end of the period's last month.
    """
    style = style or PageStyle()
    workbook = analysis.workbook
    identitas = workbook.identitas
    document = new_document(style)
    setup_section(document.sections[0], style, landscape=True)
    unit = identitas.nama_unit.upper()
    heading = f"PEMBANGUNAN ZONA INTEGRITAS {unit}".strip()
    document.core_properties.title = f"{DOCUMENT_TITLE} {heading} {period.label}"
    document.core_properties.author = "Tim Zona Integritas"

    if style.letterhead is not None:
        add_letterhead(document, style.letterhead, style)
    first = document.add_paragraph(DOCUMENT_TITLE, style=TITLE)
    first.paragraph_format.space_after = Cm(0)
    document.add_paragraph(clean_text(heading), style=TITLE)
    kind = "BULAN" if period.is_month else "PERIODE"
    document.add_paragraph(f"{kind} : {period.label}", style=HEADING_1)
    _add_matrices(document, workbook.monev, period)

    areas = analysis.progress(period)
    _add_progress(document, areas, period, chart)
    _add_signatures(document, identitas, period)

    for section in document.sections:
        add_page_number_footer(section, position=style.page_number_position)
    return document


# ---------------------------------------------------------------------------------------------------------
# The achievements matrix


def _add_matrices(document: Document, entries: Sequence[MonevEntry], period: Period) -> None:
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


def _add_progress(
    document: Document,
    areas: list[AreaProgress],
    period: Period,
    chart: Callable[[Sequence[AreaProgress]], bytes] | None,
) -> None:
    overall = total(areas)
    heading = document.add_paragraph("KEMAJUAN TERHADAP RENCANA AKSI", style=HEADING_1)
    heading.paragraph_format.page_break_before = True
    document.add_paragraph(
        "Langkah aksi yang dijadwalkan pada Rencana Aksi s.d. akhir periode dibandingkan dengan capaian yang "
        f"dilaporkan pada Monitoring dan Evaluasi s.d. {period.end_label}.",
        style=BODY_TEXT,
    )
    _add_progress_table(document, areas, overall)
    document.add_paragraph(overall.sentence, style=BODY_TEXT)
    if overall.early:
        early = len(overall.early)
        document.add_paragraph(
            f"Selain itu, {early} langkah aksi telah dilaporkan sebelum jadwalnya.", style=BODY_TEXT
        )
    for area in areas:
        add_numbered_item(document, area.numeral, [f"{area.name}. {area.sentence}"])
    _add_chart(document, areas, chart)

    document.add_paragraph("Langkah Aksi yang Terlambat", style=HEADING_2)
    overdue = overall.terlambat
    if overdue:
        document.add_paragraph(
            f"Langkah aksi yang telah jatuh tempo s.d. {period.end_label} tetapi belum dilaporkan "
            "capaiannya:",
            style=BODY_TEXT,
        )
        _add_overdue_table(document, overdue)
    else:
        document.add_paragraph("Tidak ada langkah aksi yang terlambat.", style=BODY_TEXT)

    document.add_paragraph("Kendala", style=HEADING_2)
    _add_area_texts(document, areas, "kendala", "Tidak ada kendala yang dilaporkan.")
    document.add_paragraph("Tindak Lanjut", style=HEADING_2)
    _add_area_texts(document, areas, "tindak_lanjut", "Tidak ada tindak lanjut yang dilaporkan.")


def _add_progress_table(document: Document, areas: list[AreaProgress], overall: AreaProgress) -> None:
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


def _figures(area: AreaProgress) -> tuple[int, ...]:
    return (
        area.scheduled,
        area.reported,
        area.selesai,
        area.dalam_proses,
        area.berjalan,
        len(area.terlambat),
    )


def _add_chart(
    document: Document, areas: list[AreaProgress], chart: Callable[[Sequence[AreaProgress]], bytes] | None
) -> None:
    from zi_sheets.render.chart import progress_chart_png

    png = (chart or progress_chart_png)(areas)
    width = min(CHART_WIDTH, Emu(text_width_twips(document.sections[-1]) * _EMU_PER_TWIP))
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run().add_picture(io.BytesIO(png), width=width)


def _add_overdue_table(document: Document, overdue: Sequence[PlanProgress]) -> None:
    writer = add_header_table(document, _OVERDUE_COLUMNS)
    for number, plan in enumerate(overdue, start=1):
        row = plan.row
        area = f"{roman(row.area_no)}. {AREAS[row.area_no]}" if row.area_no in AREAS else row.area.text
        writer.add_row(
            [
                CellSpec([str(number)], align="center"),
                CellSpec([area]),
                CellSpec(row.komponen.lines),
                CellSpec(row.indikator.lines or row.langkah_aksi.lines),
                CellSpec(row.target_waktu.lines),
            ]
        )


def _add_area_texts(document: Document, areas: list[AreaProgress], name: str, none: str) -> None:
    number = 0
    for area in areas:
        for text in getattr(area, name):
            lines = text_lines(text)
            if lines:
                number += 1
                add_numbered_item(document, number, [f"{area.name}: {lines[0]}", *lines[1:]])
    if number == 0:
        document.add_paragraph(none, style=BODY_TEXT)


# ---------------------------------------------------------------------------------------------------------
# Signatures


def signature_date(period: Period) -> str:
    """The date the report is signed: the last day of the period, "31 Mei 2019"."""
    return format_tanggal(period.end_date)


def _add_signatures(document: Document, identitas: Identitas, period: Period) -> None:
    pimpinan, ketua = unit_signers(identitas, signature_date(period))
    spacer = document.add_paragraph(style=BODY_TEXT)
    spacer.paragraph_format.keep_with_next = True
    add_signature_block(document, pimpinan, ketua)
