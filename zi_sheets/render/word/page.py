"""Page setup: paper, orientation and margins of a section, new sections, page numbers, the letterhead."""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt
from docx.table import Table

from zi_sheets.common.text import clean_text
from zi_sheets.reading.house_style import PAGE_NUMBER_POSITIONS, Letterhead, PageStyle
from zi_sheets.render.word.layout import EMU_PER_TWIP, text_width_twips
from zi_sheets.render.word.oxml import add_field
from zi_sheets.render.word.pictures import add_logo
from zi_sheets.render.word.styles import FOOTER, SIGNATURE_TEXT
from zi_sheets.render.word.tables import set_column_widths, set_table_borders


def setup_section(section: Section, style: PageStyle, *, landscape: bool = False) -> None:
    """Give `section` the paper size, orientation and margins of `style`."""
    short, long = Mm(style.paper_width_mm), Mm(style.paper_height_mm)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    top, bottom, left, right = style.margins_cm(landscape)
    section.top_margin, section.bottom_margin = Cm(top), Cm(bottom)
    section.left_margin, section.right_margin = Cm(left), Cm(right)
    section.header_distance, section.footer_distance = Cm(1.25), Cm(1.25)


def add_landscape_section(document: Document, style: PageStyle) -> Section:
    """Start a new landscape section on a new page (for wide tables) and return it."""
    return _add_section(document, style, landscape=True)


def add_portrait_section(document: Document, style: PageStyle) -> Section:
    """Start a new portrait section on a new page (back from a landscape one) and return it."""
    return _add_section(document, style, landscape=False)


def _add_section(document: Document, style: PageStyle, *, landscape: bool) -> Section:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    # -- the new section is a clone of the previous one: drop a cover's title-page flag --
    section.different_first_page_header_footer = False
    setup_section(section, style, landscape=landscape)
    return section


def add_page_number_footer(
    section: Section, *, title_page: bool = False, position: str = "Bawah Tengah"
) -> None:
    """Put a PAGE field in the footer (or header) of `section`, where `position` says (house_style names).

    `title_page` leaves the section's first page unnumbered.
    -- Each section gets its own footer instead of inheriting the previous one, so a section's numbering
    -- never depends on how a viewer resolves "linked to previous". --
    """
    part, align = PAGE_NUMBER_POSITIONS.get(position, ("footer", "center"))
    story = section.header if part == "header" else section.footer
    story.is_linked_to_previous = False
    paragraph = story.paragraphs[0]
    paragraph.style = FOOTER
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if align == "right" else WD_ALIGN_PARAGRAPH.CENTER
    for run in paragraph.runs:
        run._r.getparent().remove(run._r)
    add_field(paragraph._p, "PAGE", placeholder="1")
    section.different_first_page_header_footer = title_page
    if title_page:
        first = section.first_page_header if part == "header" else section.first_page_footer
        first.is_linked_to_previous = False


def add_letterhead(document: Document, letterhead: Letterhead, style: PageStyle) -> Table:
    """The kop at the top of the current page: the logo left, the lines centred, a double rule below."""
    section = document.sections[-1]
    table = document.add_table(rows=1, cols=2)
    logo_width = round(Cm(2.6) / EMU_PER_TWIP)
    set_column_widths(table, [logo_width, text_width_twips(section) - logo_width])
    set_table_borders(table, visible=False)
    logo_cell, text_cell = table.rows[0].cells
    logo_paragraph = logo_cell.paragraphs[0]
    logo_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_logo(logo_paragraph, letterhead.logo, 2.2)
    # -- the hierarchy above the unit bold, the unit's name bold and largest, the address below it small --
    unit = letterhead.unit_line
    for index, line in enumerate(letterhead.lines):
        paragraph = text_cell.paragraphs[0] if index == 0 else text_cell.add_paragraph()
        paragraph.style = SIGNATURE_TEXT
        run = paragraph.add_run(clean_text(line))
        above = index < unit
        size = style.body_size_pt + 4 if index == unit else style.body_size_pt + 2 if above else None
        run.font.size = Pt(size or style.table_size_pt)
        run.font.bold = index <= unit
    # -- the kop's double rule: a thick-thin bottom border on the table, as on printed letterheads --
    tblPr = table._tbl.tblPr
    borders = tblPr.find(qn("w:tblBorders"))
    bottom = borders.find(qn("w:bottom"))
    bottom.set(qn("w:val"), "thinThickSmallGap")
    bottom.set(qn("w:sz"), "18")
    bottom.set(qn("w:color"), "000000")
    bottom.set(qn("w:space"), "0")
    document.add_paragraph()
    return table
