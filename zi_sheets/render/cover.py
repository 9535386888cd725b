"""The cover page of the Rencana Kerja and of a Monev report with chapters."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.shared import Mm

from zi_sheets.common.model import Identitas
from zi_sheets.common.text import clean_text
from zi_sheets.reading.house_style import PageStyle
from zi_sheets.render.word.pictures import add_logo
from zi_sheets.render.word.styles import COVER_TEXT, COVER_TITLE

# -- The cover's logo: its height and the space above it. --
LOGO_HEIGHT_CM, LOGO_SPACE_MM = 4.0, 15
# -- For estimating the cover's height: a line of text is about 1.3 x its size (Arial's ascent and
# -- descent at line spacing 1.15), a bold capital about 0.7 x its size wide. --
_LINE_HEIGHT_EM, _CAPITAL_WIDTH_EM = 1.3, 0.7
_MM_PER_PT = 25.4 / 72


def add_cover(document: Document, identitas: Identitas, style: PageStyle, title: Sequence[str]) -> None:
    """The cover at the end of `document`: the `title` lines (empty ones left out), the logo when the kop
    has one, "Disusun oleh: TIM ZONA INTEGRITAS" mid-page and, at the foot, the unit's hierarchy as written
    (Pemerintah Daerah, Instansi Induk), its name and its Kabupaten/Kota when its name does not hold it.
    The whole cover stays on one page, with a logo and a long unit name too."""
    titles = [clean_text(text) for text in title if text]
    for line in titles:
        document.add_paragraph(line, style=COVER_TITLE)
    logo_mm = 0.0
    if style.letterhead is not None and style.letterhead.logo is not None:
        logo = document.add_paragraph(style=COVER_TEXT)
        logo.paragraph_format.space_before = Mm(LOGO_SPACE_MM)
        if add_logo(logo, style.letterhead.logo, LOGO_HEIGHT_CM):
            logo_mm = LOGO_SPACE_MM + LOGO_HEIGHT_CM * 10
    footer = [*identitas.induk, identitas.nama_unit, identitas.kabupaten_kota]
    footer = [clean_text(line.upper()) for line in footer if line]
    texts = ["Disusun oleh:", "TIM ZONA INTEGRITAS", *footer]
    gap = Mm(_cover_gap(style, titles, texts, logo_mm))
    prepared = document.add_paragraph(texts[0], style=COVER_TEXT)
    prepared.paragraph_format.space_before = gap
    document.add_paragraph(texts[1], style=COVER_TEXT)
    for index, line in enumerate(footer):
        paragraph = document.add_paragraph(line, style=COVER_TEXT)
        if index == 0:
            paragraph.paragraph_format.space_before = gap


def _cover_gap(style: PageStyle, titles: Sequence[str], texts: Sequence[str], logo_mm: float) -> float:
    """The space (mm) before "Disusun oleh:" and before the unit's hierarchy, so the cover fills one page.

    -- 35% of the text height each spreads a plain cover over the page; a logo or a long unit name takes
    -- that room, and then the gaps share what is left, with a reserve for a misjudged line wrap. A cover
    -- on two pages pushes the approval page and every page number after it. --
    """
    text_height = style.paper_height_mm - 10 * (style.margin_top_cm + style.margin_bottom_cm)
    text_width = style.paper_width_mm - 10 * (style.margin_left_cm + style.margin_right_cm)
    title_pt, text_pt = style.body_size_pt + 4, style.body_size_pt

    def height(lines: Sequence[str], size_pt: float) -> float:
        per_line = max(1, int(text_width / (size_pt * _CAPITAL_WIDTH_EM * _MM_PER_PT)))
        rows = sum(-(-max(len(line), 1) // per_line) for line in lines)
        return rows * size_pt * _LINE_HEIGHT_EM * _MM_PER_PT

    content = height(titles, title_pt) + logo_mm + height(texts, text_pt)
    reserve = 2 * title_pt * _LINE_HEIGHT_EM * _MM_PER_PT
    return max(0.0, min(0.35 * text_height, (text_height - content - reserve) / 2))
