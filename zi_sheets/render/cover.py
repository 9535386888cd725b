"""The cover page of the Rencana Kerja and of a Monev report with chapters."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.shared import Mm

from zi_sheets.model import Identitas
from zi_sheets.render.docx_helpers import COVER_TEXT, COVER_TITLE, PageStyle, add_logo, clean_text


def add_cover(document: Document, identitas: Identitas, style: PageStyle, title: Sequence[str]) -> None:
    """The cover at the end of `document`: the `title` lines (empty ones left out), the logo when the kop
    has one, "Disusun oleh: TIM ZONA INTEGRITAS" mid-page and, at the foot, the unit's hierarchy as written
    (Pemerintah Daerah, Instansi Induk), its name and its Kabupaten/Kota when its name does not hold it."""
    for line in (clean_text(text) for text in title if text):
        document.add_paragraph(line, style=COVER_TITLE)
    if style.letterhead is not None and style.letterhead.logo is not None:
        logo = document.add_paragraph(style=COVER_TEXT)
        logo.paragraph_format.space_before = Mm(15)
        add_logo(logo, style.letterhead.logo, 4.0)
    # -- the cover spreads over the page: "Disusun oleh" in the middle, the unit's hierarchy at the foot;
    # -- 35% of the text height before each still leaves room for a unit name on two lines, F4 or A4 --
    gap = Mm((style.paper_height_mm - 10 * (style.margin_top_cm + style.margin_bottom_cm)) * 0.35)
    prepared = document.add_paragraph("Disusun oleh:", style=COVER_TEXT)
    prepared.paragraph_format.space_before = gap
    document.add_paragraph("TIM ZONA INTEGRITAS", style=COVER_TEXT)
    footer = [*identitas.induk, identitas.nama_unit, identitas.kabupaten_kota]
    footer = [line.upper() for line in footer]
    for index, line in enumerate(clean_text(text) for text in footer if text):
        paragraph = document.add_paragraph(line, style=COVER_TEXT)
        if index == 0:
            paragraph.paragraph_format.space_before = gap
