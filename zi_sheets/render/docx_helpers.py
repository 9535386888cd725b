"""Page setup, named styles, fast tables and signature blocks shared by every document zi-sheets writes.

Look lives in styles applied by name (the constants below); the only direct formatting is layout that a style
cannot express (cover spacing, page breaks, column widths).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Cm, Emu, Length, Mm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from zi_sheets.common.bahasa import format_tanggal
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.files import write_atomic
from zi_sheets.common.model import Identitas, is_no_nip
from zi_sheets.common.text import clean_text, fit_property
from zi_sheets.reading.house_style import PAGE_NUMBER_POSITIONS, Letterhead, PageStyle

__all__ = ["PageStyle"]  # -- re-exported: documents import their page style from here

# -- Style names the documents apply; built-in names keep Word's navigation pane and TOC working. --
NORMAL = "Normal"
TITLE = "Title"
HEADING_1 = "Heading 1"
HEADING_2 = "Heading 2"
HEADING_3 = "Heading 3"
BODY_TEXT = "Body Text"
NUMBERED_ITEM = "Numbered Item"
# -- list items of the second and third level, indented one and two steps further --
NUMBERED_ITEMS = (NUMBERED_ITEM, "Numbered Item 2", "Numbered Item 3")
COVER_TITLE = "Cover Title"
COVER_TEXT = "Cover Text"
TABLE_TEXT = "Table Text"
TABLE_HEADING = "Table Heading"
TABLE_GROUP = "Table Group"
SIGNATURE_TEXT = "Signature Text"
SIGNATURE_LEFT = "Signature Left"
SIGNER_NAME = "Signer Name"
FOOTER = "Footer"
TABLE_GRID = "Table Grid"

HEADER_FILL = "D9D9D9"
GROUP_FILL = "F2F2F2"

_BLACK = RGBColor(0, 0, 0)
_W_NS = nsdecls("w")
# -- twips (1/1440 inch) to EMU (1/914400 inch), the unit of a picture's size --
_EMU_PER_TWIP = 635

Align = Literal["left", "center", "right", "both"]


# ---------------------------------------------------------------------------------------------------------
# Text and fonts


def text_lines(text: str) -> list[str]:
    """The lines of a multi-line cell text, stripped and cleaned, empty ones left out."""
    return [line for line in (clean_text(part.strip()) for part in text.splitlines()) if line]


def add_numbered_item(document: Document, label: str | int, lines: Sequence[str]) -> None:
    """One item of a numbered list: "<label>.<tab><first line>", each further line its own paragraph.

    Nothing is written when `lines` is empty.
    """
    add_list_item(document, f"{label}.", lines)


def add_list_item(document: Document, marker: str, lines: Sequence[str], level: int = 1) -> list[Paragraph]:
    """One list item with its marker as printed ("1.", "a)", "-"), at nesting `level` 1-3; each further line
    its own paragraph under the first line's text. Returns the paragraphs written (none for no `lines`)."""
    style = NUMBERED_ITEMS[min(max(level, 1), len(NUMBERED_ITEMS)) - 1]
    # -- further lines start at the tab stop, under the first line's text (see `_numbered_item_indent`) --
    return [
        document.add_paragraph(f"{marker}\t{line}" if index == 0 else f"\t{line}", style=style)
        for index, line in enumerate(lines)
    ]


def set_fonts(element: etree._Element, font_name: str) -> None:
    """Set `font_name` in all four `w:rFonts` slots of the `w:rPr` under `element` (style or run).

    -- Word picks the slot by script (ascii, hAnsi, eastAsia, cs) and theme attributes win over names, so
    -- setting only ascii/hAnsi (python-docx's `font.name`) leaves LibreOffice on the theme font. --
    """
    rPr = element if element.tag == qn("w:rPr") else element.get_or_add_rPr()  # type: ignore[attr-defined]
    rFonts = rPr.get_or_add_rFonts()
    for theme_attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rFonts.attrib.pop(qn(theme_attribute), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rFonts.set(qn(slot), font_name)


# ---------------------------------------------------------------------------------------------------------
# Document and styles


# -- Styles a --docx-template must define itself; the others are added when missing, on its Normal. --
TEMPLATE_STYLES = (NORMAL, TITLE, HEADING_1, HEADING_2, TABLE_GRID)


def new_document(style: PageStyle | None = None) -> Document:
    """A new document with the named styles set up for `style` (None: the default F4, Arial 12).

    With `style.template` the document starts from that Word file, emptied, and keeps its styles: only
    the styles it lacks are added. The first section gets paper and margins either way.
    """
    style = style or PageStyle()
    stamp = None
    if style.template is not None:
        try:
            status = Path(style.template).stat()
            stamp = (status.st_mtime_ns, status.st_size)
        except OSError:
            stamp = None  # -- _from_template names the unreadable file
    # -- the letterhead names the unit but is drawn by the documents, not the styles: units share a blank
    document = docx.Document(io.BytesIO(_blank_document(replace(style, letterhead=None), stamp)))
    _remember_style_ids(document)
    return document


def _remember_style_ids(document: Document) -> None:
    """Look each style name up once per document.

    -- python-docx finds a name's style id by scanning every style, and then scans them all again for the
    -- default style, on each paragraph given a style: a fifth of a build's time. A name keeps its id once
    -- the styles are set up, so the answer is kept (a name not found raises and is not kept). --
    """
    part = document.part
    lookup = part.get_style_id
    known: dict[tuple[str, object], str | None] = {}

    def get_style_id(style_or_name: Any, style_type: Any) -> str | None:
        if not isinstance(style_or_name, str):
            return lookup(style_or_name, style_type)
        key = (style_or_name, style_type)
        if key not in known:
            known[key] = lookup(style_or_name, style_type)
        return known[key]

    part.get_style_id = get_style_id  # type: ignore[method-assign]


@functools.lru_cache(maxsize=8)
def _blank_document(style: PageStyle, stamp: tuple[int, int] | None) -> bytes:
    """The empty, styled document of `style` as .docx bytes; `stamp` (the template's mtime and size) makes
    an edited template a new entry.

    -- Setting up the styles costs ten times more than loading the result: a batch or a build of three
    -- documents prepares each house style once and loads a copy per document. --
    """
    if style.template is None:
        document = docx.Document()
        _prune_styles(document, style)
        _set_doc_defaults(document, style)
        _define_styles(document, style)
    else:
        document = _from_template(style)
    _drop_styles_with_effects(document)
    setup_section(document.sections[0], style)
    document.core_properties.language = style.language
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- Core properties the default template (or a --docx-template) fills that say nothing of our document. --
_FOREIGN_PROPERTIES = ("subject", "keywords", "comments", "category", "content_status", "identifier")


def set_properties(
    document: Document, identitas: Identitas, title: str, when: dt.datetime | None = None
) -> None:
    """The properties Word shows under File > Info: `title`, the unit as author and last modifier, created
    and modified at `when` (None: now), revision 1; texts cut to 255 characters.

    -- Without this the file says what python-docx's template says: author "python-docx", created 2013. --
    """
    properties = document.core_properties
    moment = (when or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    properties.title = fit_property(title)
    properties.author = properties.last_modified_by = fit_property(identitas.nama_unit)
    for name in _FOREIGN_PROPERTIES:
        setattr(properties, name, "")
    properties.created = properties.modified = moment
    properties.revision = 1


def _from_template(style: PageStyle) -> Document:
    template = Path(style.template)  # type: ignore[arg-type]
    try:
        document = docx.Document(str(template))
    except Exception as error:  # python-docx raises several types for a file that is not a .docx
        raise ZiSheetsError(
            f"Templat {template.name} bukan dokumen Word (.docx) yang dapat dibaca."
        ) from error
    names = {s.name for s in document.styles}
    missing = [name for name in TEMPLATE_STYLES if name not in names]
    if missing:
        raise ZiSheetsError(
            f"Templat {template.name} tidak memiliki gaya {', '.join(repr(m) for m in missing)}; di Word, "
            "pakai gaya itu sekali di templat (Word hanya menyimpan gaya yang pernah dipakai), lalu "
            "simpan ulang."
        )
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    # -- the template's own look stays; only zi-sheets' extra styles are created, on the template's Normal
    own = PageStyle(**{**style.__dict__, "font_name": _template_font(document) or style.font_name})
    for name, base, look in _style_specs(own):
        if name not in names:
            _look(_paragraph_style(document, name, base), own, **look)
    _numbered_item_indent(document, [name for name in NUMBERED_ITEMS if name not in names])
    if SIGNATURE_LEFT not in names:
        _signature_left_tab(document)
    if SIGNER_NAME not in names:
        _signer_style(document, own)
    return document


def _prune_styles(document: Document, style: PageStyle) -> None:
    """Drop the template's styles the documents never use (python-docx's default defines 164).

    -- python-docx resolves a style name by scanning every style element, once per paragraph; with the
    -- unused ones gone a long document builds several times faster, and Word's style list stays short. --
    """
    root = document.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    # -- styles.xml holds Word's internal names ("heading 1", "footer"), python-docx's API the UI names;
    # -- Header and Footer are the ids python-docx's own header and footer parts apply (a section's first
    # -- page footer is such a part, never restyled), so they must survive even though we name them too --
    wanted = {name for name, _, _ in _style_specs(style)} | {SIGNER_NAME, TABLE_GRID, "Header", FOOTER}
    wanted_internal = {BabelFish.ui2internal(name) for name in wanted}
    keep = {sid for sid, s in by_id.items() if s.get(qn("w:default")) == "1"}
    keep |= {sid for sid, s in by_id.items() if s.find(qn("w:name")).get(qn("w:val")) in wanted_internal}
    keep |= _style_references(document) & by_id.keys()
    pending = list(keep)
    while pending:  # -- styles the kept ones are based on, linked to or followed by stay too
        element = by_id[pending.pop()]
        for tag in ("w:basedOn", "w:link", "w:next"):
            reference = element.find(qn(tag))
            target = reference.get(qn("w:val")) if reference is not None else None
            if target in by_id and target not in keep:
                keep.add(target)
                pending.append(target)
    for sid, element in by_id.items():
        if sid not in keep:
            root.remove(element)


# -- every attribute through which a part other than styles.xml names a style id --
_STYLE_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink")


def _style_references(document: Document) -> set[str]:
    """The style ids that the package's XML parts other than styles.xml apply (body, numbering, ...)."""
    query = " | ".join(f".//{tag}/@w:val" for tag in _STYLE_REFERENCES)
    found: set[str] = set()
    for part in document.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is not None and element is not document.styles.element:
            found.update(element.xpath(query))
    return found


# -- Word 2010 wrote stylesWithEffects.xml as a copy of styles.xml with its text effects; Word 2013 and
# -- later neither write nor need it, and styles.xml alone is what every version reads. python-docx's
# -- template carries one, and once the styles are pruned and redefined it no longer matches styles.xml:
# -- a stale copy is what a strict reader may "repair". Dropping the relationship drops the part, and
# -- python-docx writes content types from the parts it saves, so its override goes too. Keeping it in
# -- step would mean rewriting it from styles.xml on every save, for no reader that needs it. --
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _drop_styles_with_effects(document: Document) -> None:
    rels = document.part.rels
    for rId in [rId for rId, rel in rels.items() if rel.reltype == _STYLES_WITH_EFFECTS]:
        del rels[rId]


def _template_font(document: Document) -> str | None:
    fonts = document.styles[NORMAL].element.xpath("./w:rPr/w:rFonts/@w:ascii")
    return fonts[0] if fonts else None


def _set_doc_defaults(document: Document, style: PageStyle) -> None:
    # -- docDefaults feed every style, including table styles and footers we never touch --
    rPr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rPr, style.font_name)
    for tag in ("w:sz", "w:szCs"):
        rPr.find(qn(tag)).set(qn("w:val"), str(round(style.body_size_pt * 2)))
    lang = rPr.find(qn("w:lang"))
    lang.set(qn("w:val"), style.language)
    lang.set(qn("w:eastAsia"), style.language)


def _paragraph_style(document: Document, name: str, base: str | None = NORMAL) -> BaseStyle:
    try:
        found = document.styles[name]
    except KeyError:
        found = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        found.quick_style = True
    if base is not None and name != base:
        found.base_style = document.styles[base]
    return found


def _look(
    found: BaseStyle,
    style: PageStyle,
    *,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    line_spacing: float | None = None,
    before: float | None = None,
    after: float | None = None,
    keep_with_next: bool | None = None,
) -> None:
    set_fonts(found.element, style.font_name)
    if not isinstance(found, CharacterStyle):  # -- a numbering style has no font of its own
        return
    font = found.font
    font.color.rgb = _BLACK
    font.size = Pt(size or style.body_size_pt)
    font.bold = bold
    font.italic = italic
    if found.type != WD_STYLE_TYPE.PARAGRAPH or not isinstance(found, ParagraphStyle):
        return
    fmt = found.paragraph_format
    if align is not None:
        fmt.alignment = align
    if line_spacing is not None:
        fmt.line_spacing = line_spacing
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if keep_with_next is not None:
        fmt.keep_with_next = keep_with_next


def _style_specs(style: PageStyle) -> list[tuple[str, str | None, dict[str, Any]]]:
    """(name, base style, look) of every paragraph style the documents apply."""
    center, left, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY
    body, table, spacing = style.body_size_pt, style.table_size_pt, style.line_spacing
    tight = {"line_spacing": 1.0, "before": 0, "after": 0}
    strong = {"bold": True, "keep_with_next": True}
    # -- (name, base style, look); None as base keeps the template's own base --
    specs: list[tuple[str, str | None, dict[str, Any]]] = [
        (NORMAL, None, {"align": left, "line_spacing": 1.15, "before": 0, "after": 0}),
        (TITLE, NORMAL, {"size": body + 2, "align": center, "before": 0, "after": 18, **strong}),
        (HEADING_1, NORMAL, {"align": center, "before": 12, "after": 12, **strong}),
        (HEADING_2, NORMAL, {"align": left, "before": 12, "after": 6, **strong}),
        (HEADING_3, NORMAL, {"align": left, "before": 6, "after": 3, **strong}),
        (BODY_TEXT, NORMAL, {"align": justify, "line_spacing": spacing, "before": 0, "after": 6}),
        *(
            (name, NORMAL, {"align": justify, "line_spacing": spacing, "before": 0, "after": 3})
            for name in NUMBERED_ITEMS
        ),
        (COVER_TITLE, NORMAL, {"size": body + 4, "bold": True, "align": center, "line_spacing": 1.15}),
        (COVER_TEXT, NORMAL, {"bold": True, "align": center, "line_spacing": 1.15}),
        (TABLE_TEXT, NORMAL, {"size": table, "align": left, **tight}),
        (TABLE_HEADING, TABLE_TEXT, {"size": table, "bold": True, "align": center, **tight}),
        # -- an area row must not stay alone at the foot of a page: keepNext holds it to the next row --
        (TABLE_GROUP, TABLE_TEXT, {"size": table, "align": left, **strong, **tight}),
        (SIGNATURE_TEXT, NORMAL, {"align": center, **tight}),
        (SIGNATURE_LEFT, NORMAL, {"align": left, **tight}),
        (FOOTER, NORMAL, {"size": table, "align": center, **tight}),
    ]
    return specs


def _define_styles(document: Document, style: PageStyle) -> None:
    for name, base, look in _style_specs(style):
        _look(_paragraph_style(document, name, base), style, **look)

    # -- the template's Title draws a blue rule under itself and its Footer has Letter-size tab stops --
    title_rule = document.styles[TITLE].element.xpath("./w:pPr/w:pBdr")
    footer_tabs = document.styles[FOOTER].element.xpath("./w:pPr/w:tabs")
    for stale in title_rule + footer_tabs:
        stale.getparent().remove(stale)
    document.styles[BODY_TEXT].paragraph_format.first_line_indent = Cm(1.25)
    _numbered_item_indent(document, NUMBERED_ITEMS)
    _signature_left_tab(document)
    _signer_style(document, style)
    _look(document.styles[TABLE_GRID], style, size=style.table_size_pt, bold=None, italic=None)


def _numbered_item_indent(document: Document, names: Sequence[str]) -> None:
    # -- numbers are written into the text ("1.<tab>") so every viewer and python-docx see them; the
    # -- hanging indent and the tab stop line the wrapped lines up under the text, not under the number;
    # -- each level of a nested list stands one step (0.75 cm) further in --
    for name in names:
        step = Cm(0.75 * (NUMBERED_ITEMS.index(name) + 1))
        item = document.styles[name].paragraph_format
        item.left_indent, item.first_line_indent = step, Cm(-0.75)
        item.tab_stops.add_tab_stop(step, WD_TAB_ALIGNMENT.LEFT)


def _signature_left_tab(document: Document) -> None:
    # -- "Ditetapkan di<tab>: Bogor" and "Pada tanggal<tab>: ..." put their colons under each other --
    document.styles[SIGNATURE_LEFT].paragraph_format.tab_stops.add_tab_stop(Cm(3.25), WD_TAB_ALIGNMENT.LEFT)


def _signer_style(document: Document, style: PageStyle) -> None:
    try:
        signer = document.styles[SIGNER_NAME]
    except KeyError:
        signer = document.styles.add_style(SIGNER_NAME, WD_STYLE_TYPE.CHARACTER)
    _look(signer, style, bold=style.signer_bold)
    signer.font.underline = style.signer_underline


# ---------------------------------------------------------------------------------------------------------
# Sections and footers


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


def text_height_twips_of(section: Section) -> int:
    """The height between the top and bottom margins of `section`, in twips."""
    return _twips(section.page_height) - _twips(section.top_margin) - _twips(section.bottom_margin)


def text_width_twips(section: Section) -> int:
    """The width between the margins of `section`, in twentieths of a point (the unit of table widths)."""
    return _twips(section.page_width) - _twips(section.left_margin) - _twips(section.right_margin)


def _twips(length: int | None) -> int:
    return round((length or 0) / _EMU_PER_TWIP)


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


def add_field(p: etree._Element, instruction: str, *, placeholder: str = "") -> None:
    """Append a complex field (fldChar begin / instrText / separate / result / end) to paragraph `p`.

    -- The complex form is what Word itself writes; a viewer that never updates fields shows `placeholder`.
    """
    w = nsdecls("w")
    for xml in (
        f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {w}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {w}><w:t>{placeholder}</w:t></w:r>",
        f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p.append(parse_xml(xml))


# ---------------------------------------------------------------------------------------------------------
# Tables


def split_width(total: int, proportions: Sequence[float]) -> list[int]:
    """`total` twips shared by `proportions`, rounded so the parts sum to `total` exactly."""
    weight = sum(proportions)
    exact = [total * p / weight for p in proportions]
    parts = [int(x) for x in exact]
    # -- largest remainder: hand the leftover twips to the columns that lost most in rounding --
    order = sorted(range(len(exact)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _insert_tblPr_child(tblPr: etree._Element, child: etree._Element, successors: Sequence[str]) -> None:
    for old in tblPr.findall(child.tag):
        tblPr.remove(old)
    tblPr.insert_element_before(child, *successors)  # type: ignore[attr-defined]


_TBLPR_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)


def _after(tag: str) -> tuple[str, ...]:
    return _TBLPR_ORDER[_TBLPR_ORDER.index(tag) + 1 :]


def set_column_widths(table: Table, widths: Sequence[int]) -> None:
    """Fix `table` to `widths` (twips): in w:tblGrid, in every cell's w:tcW, as the table width, fixed layout.

    -- Word reads tcW, LibreOffice reads tblGrid; with only one of them the other drifts. A spanned cell
    -- gets the sum of the columns it covers. --
    """
    tbl = table._tbl
    grid = tbl.tblGrid
    for gridCol in list(grid):
        grid.remove(gridCol)
    for width in widths:
        grid.append(parse_xml(f'<w:gridCol {nsdecls("w")} w:w="{width}"/>'))
    tblPr = tbl.tblPr
    total = sum(widths)
    _insert_tblPr_child(
        tblPr, parse_xml(f'<w:tblW {nsdecls("w")} w:w="{total}" w:type="dxa"/>'), _after("w:tblW")
    )
    _insert_tblPr_child(
        tblPr, parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'), _after("w:tblLayout")
    )
    for tr in tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            _set_tc_width(tc, sum(widths[column : column + span]))
            column += span


def _set_tc_width(tc: etree._Element, width: int) -> None:
    tcW = tc.get_or_add_tcPr().get_or_add_tcW()  # type: ignore[attr-defined]
    tcW.set(qn("w:w"), str(width))
    tcW.set(qn("w:type"), "dxa")


def set_table_borders(table: Table, *, size: int = 4, visible: bool = True) -> None:
    """Single lines of `size` eighths of a point around and inside `table`, or none when not `visible`.

    -- Set on the table itself as well as by the Table Grid style: not every viewer resolves styles. --
    """
    value = f'w:val="single" w:sz="{size}" w:space="0" w:color="000000"' if visible else 'w:val="nil"'
    edges = "".join(
        f"<w:{edge} {value}/>" for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    borders = parse_xml(f"<w:tblBorders {nsdecls('w')}>{edges}</w:tblBorders>")
    _insert_tblPr_child(table._tbl.tblPr, borders, _after("w:tblBorders"))


def set_repeat_header(tr: etree._Element) -> None:
    """Mark row `tr` (a w:tr) as a header row that Word and LibreOffice repeat at the top of every page."""
    _set_trPr_flag(tr, "w:tblHeader")


def set_cant_split(tr: etree._Element) -> None:
    """Keep row `tr` (a w:tr) whole on one page."""
    _set_trPr_flag(tr, "w:cantSplit")


def _set_trPr_flag(tr: etree._Element, tag: str) -> None:
    trPr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    if trPr.find(qn(tag)) is None:
        trPr.append(parse_xml(f"<{tag} {nsdecls('w')}/>"))


def set_cell_shading(tc: etree._Element, fill: str) -> None:
    """Fill cell `tc` (a w:tc) with the hex colour `fill`, e.g. "D9D9D9"."""
    tcPr = tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    for old in tcPr.findall(qn("w:shd")):
        tcPr.remove(old)
    shd = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    tcPr.insert_element_before(  # type: ignore[attr-defined]
        shd,
        "w:noWrap",
        "w:tcMar",
        "w:textDirection",
        "w:tcFitText",
        "w:vAlign",
        "w:hideMark",
        "w:headers",
        "w:cellIns",
        "w:cellDel",
        "w:cellMerge",
        "w:tcPrChange",
    )


def merge_vertically(table: Table, column: int, first_row: int, last_row: int) -> None:
    """Merge grid column `column` of `table` from `first_row` to `last_row` (inclusive) by w:vMerge.

    The top cell keeps its content; the cells below are emptied (Word shows only the top cell's).
    """
    rows = table._tbl.tr_lst
    for index in range(first_row, last_row + 1):
        tc = _tc_at(rows[index], column)
        tc.vMerge = "restart" if index == first_row else "continue"  # type: ignore[attr-defined]
        if index != first_row:
            for p in tc.findall(qn("w:p"))[1:]:
                tc.remove(p)
            for p in tc.findall(qn("w:p")):
                for child in list(p):
                    if child.tag != qn("w:pPr"):
                        p.remove(child)


def _tc_at(tr: etree._Element, column: int) -> etree._Element:
    offset = 0
    for tc in tr.tc_lst:  # type: ignore[attr-defined]
        if offset == column:
            return tc
        offset += tc.grid_span
    raise IndexError(f"no cell starts at grid column {column}")


@dataclass(frozen=True, slots=True)
class CellSpec:
    """One cell for `TableWriter.add_row`: each of `lines` becomes its own paragraph.

    `span` columns wide; `merge` is "restart" for the top of a vertical merge, "continue" below it, None for
    no merge; `style` is a paragraph style name (None: the writer's body style); `align` overrides the
    style's alignment (None: keep it); `shading` is a hex fill (None: none).
    """

    lines: Sequence[str] = ()
    span: int = 1
    merge: Literal["restart", "continue"] | None = None
    style: str | None = None
    align: Align | None = None
    shading: str | None = None


class TableWriter:
    """Writes the rows of a wide table as XML copied from prototypes.

    -- python-docx's `add_row()` and `cell()` rebuild the whole grid on every call (quadratic in rows);
    -- writing each row's XML and parsing it once keeps 2,000 rows to a fraction of a second. --
    """

    def __init__(
        self,
        document: Document,
        widths: Sequence[int],
        *,
        body_style: str = TABLE_TEXT,
        table_style: str | None = TABLE_GRID,
        borders: bool = True,
    ) -> None:
        """A new empty table at the end of `document`'s body, `widths` in twips (their sum is its width)."""
        self.widths = list(widths)
        self.table = document.add_table(rows=0, cols=len(self.widths))
        if table_style is not None:
            self.table.style = document.styles[table_style]
        set_column_widths(self.table, self.widths)
        set_table_borders(self.table, visible=borders)
        self._styles = document.styles
        self._body_style = body_style
        self._p_opens: dict[tuple[str, str | None], str] = {}

    def add_row(
        self, cells: Sequence[CellSpec], *, header: bool = False, cant_split: bool = True
    ) -> etree._Element:
        """Append one row of `cells` (their spans must cover every column) and return its w:tr.

        `header` repeats the row on every page; `cant_split` keeps it whole on one page.
        """
        if sum(cell.span for cell in cells) != len(self.widths):
            raise ValueError(
                f"cells span {sum(c.span for c in cells)} columns, the table has {len(self.widths)}"
            )
        flags = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
        parts = [f"<w:tr {_W_NS}><w:trPr>{flags}</w:trPr>"]
        column = 0
        for cell in cells:
            parts.append(self._tc_xml(cell, sum(self.widths[column : column + cell.span])))
            column += cell.span
        parts.append("</w:tr>")
        # -- one row is written as text and parsed once: element-by-element building through python-docx's
        # -- element classes costs several times more on a 2,000-row table --
        tr = parse_xml("".join(parts))
        self.table._tbl.append(tr)
        return tr

    def _tc_xml(self, cell: CellSpec, width: int) -> str:
        # -- text escaped with html.escape: xml.sax.saxutils would import urllib and http (40 ms a start)
        # -- tcPr children in schema order: tcW, gridSpan, vMerge, ..., shd --
        properties = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
        if cell.span > 1:
            properties.append(f'<w:gridSpan w:val="{cell.span}"/>')
        if cell.merge is not None:
            properties.append(f'<w:vMerge w:val="{cell.merge}"/>')
        if cell.shading is not None:
            properties.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{html.escape(cell.shading)}"/>')
        p_open = self._p_open(cell.style or self._body_style, cell.align)
        lines = [] if cell.merge == "continue" else [clean_text(line) for line in cell.lines]
        paragraphs = []
        for line in lines or [""]:
            if not line:
                paragraphs.append(p_open + "</w:p>")
                continue
            space = ' xml:space="preserve"' if line != line.strip() else ""
            paragraphs.append(f"{p_open}<w:r><w:t{space}>{html.escape(line, quote=False)}</w:t></w:r></w:p>")
        return f"<w:tc><w:tcPr>{''.join(properties)}</w:tcPr>{''.join(paragraphs)}</w:tc>"

    def _p_open(self, style_name: str, align: str | None) -> str:
        key = (style_name, align)
        if key not in self._p_opens:
            style_id = html.escape(self._styles[style_name].style_id)
            jc = f'<w:jc w:val="{align}"/>' if align else ""
            self._p_opens[key] = f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{jc}</w:pPr>'
        return self._p_opens[key]


# -- Arial's average character in Indonesian text (letters, digits, spaces) is 0.47 em wide (measured on the
# -- example's plan with Liberation Sans, Arial's metric twin) and
# -- its line about 1.15 em high; enough to tell a three-line row from a half-page one. --
_CHAR_EM = 0.48
_LINE_EM = 1.15
_CELL_MARGINS_TWIPS = 2 * 108


def text_height_twips(lines: Sequence[str], width: int, font_pt: float) -> int:
    """The estimated height of `lines` (one paragraph each) wrapped in a table cell `width` twips wide."""
    per_line = max(1, int((width - _CELL_MARGINS_TWIPS) / (font_pt * 20 * _CHAR_EM)))
    count = 0
    for line in lines:
        used = 0
        count += 1
        if len(line) <= per_line:
            continue  # -- most cell lines fit on one line: no need to wrap them word by word
        for word in line.split():
            if used and used + 1 + len(word) > per_line:
                count += 1
                used = 0
            used += (1 if used else 0) + len(word)
            while used > per_line:  # -- a word longer than the cell breaks where it must
                count += 1
                used -= per_line
    return round(max(count, 1) * font_pt * 20 * _LINE_EM) + 40


def column_need(header: str, texts: Sequence[str], total: int, font_pt: float) -> float:
    """The share of a table `total` twips wide that a column needs in `font_pt` type: room for its longest
    word on one line (the bold capital header's words included), widened for long texts to about three
    lines; at most 0.15.

    -- Capitals in bold run to 0.7 em a character, wider than running text: a header such as "ANGGARAN" or
    -- "% TARGET" must not break inside its word. --
    """
    words = [word for text in (header.upper(), *texts) for word in text.split()]
    longest = max((len(word) for word in words), default=1)
    lengths = sorted(len(text) for text in texts if text)
    typical = lengths[len(lengths) * 3 // 4] if lengths else 0
    em = font_pt * 20
    needed = max(longest * em * 0.7, typical * em * _CHAR_EM / 3) + _CELL_MARGINS_TWIPS
    return min(0.15, needed / total)


def fit_shares(shares: Sequence[float], needs: Sequence[float]) -> list[float]:
    """Column shares (any scale) as fractions of the width, each column given at least its need (a
    fraction); the columns given more keep their proportions in the width left."""
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(shares)) if i not in fixed]
        room = 1 - sum(fixed.values())
        weight = sum(shares[i] for i in free) or 1
        result = [fixed.get(i, room * shares[i] / weight) for i in range(len(shares))]
        short = [i for i in free if result[i] < needs[i]]
        if not short:
            return result
        fixed.update({i: needs[i] for i in short})


def keep_with_next(document: Document, count: int = 1) -> None:
    """Keep the last `count` blocks of `document`'s body on the page of what is added next: a paragraph
    as it is, a table by its last row (a signature block must not stand alone on a page)."""
    blocks = [child for child in document.element.body if child.tag in (qn("w:p"), qn("w:tbl"))]
    for block in blocks[-count:] if count else []:
        if block.tag == qn("w:p"):
            block.get_or_add_pPr().keepNext_val = True  # type: ignore[attr-defined]
        elif rows := block.findall(qn("w:tr")):
            keep_row_with_next(rows[-1])


# -- How many of a data table's last rows share a page: its last page never holds one or two rows alone. --
TABLE_TAIL_ROWS = 3


def hold_table_ends(document: Document) -> None:
    """Keep each data table's header with its first body row, and its last `TABLE_TAIL_ROWS` rows together,
    so no page holds a lone row of a table (a header at the foot of a page, or the last rows alone on a new
    page).

    A data table is one with a repeated header row (`add_header_table`); signature and letterhead tables
    are left alone. Call once, when the document is complete.
    """
    header_tag = f"{qn('w:trPr')}/{qn('w:tblHeader')}"
    for tbl in document.element.body.findall(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        header = [tr for tr in rows if tr.find(header_tag) is not None]
        if not header:
            continue
        body = rows[len(header) :]
        for tr in [*header, *body[:1], *body[-TABLE_TAIL_ROWS:-1]]:
            keep_row_with_next(tr)


def keep_row_with_next(tr: etree._Element) -> None:
    """Keep table row `tr` on the page of what follows it (the next row, or the paragraph after the table).

    -- Word and LibreOffice keep a row with the next when every paragraph in it is "keep with next". --
    """
    for p in tr.iter(qn("w:p")):
        p.get_or_add_pPr().keepNext_val = True  # type: ignore[attr-defined]


def add_header_table(document: Document, columns: Sequence[tuple[str, float]]) -> TableWriter:
    """A new table as wide as the text of the last section, with its header row written.

    `columns` are (header, share of the width) pairs; the header row is bold on grey and repeats on every
    page. Add the body rows with the returned writer's `add_row`.
    """
    widths = split_width(text_width_twips(document.sections[-1]), [share for _, share in columns])
    writer = TableWriter(document, widths)
    writer.add_row(
        [CellSpec([header], style=TABLE_HEADING, shading=HEADER_FILL) for header, _ in columns], header=True
    )
    return writer


# ---------------------------------------------------------------------------------------------------------
# Signatures, NIP, saving


@dataclass(frozen=True)
class Signer:
    """One signatory of a signature block.

    `place_date` ("Lumajang, 2 Januari 2019") and `lead` ("Mengetahui,") are '' to leave those lines out;
    `dated` holds (label, value) lines printed with their colons aligned ("Ditetapkan di : Bogor"), () for
    none; `jabatan` holds the position lines; `nip` is printed as given (see `format_nip`), and no NIP line
    is printed when it is '' or a dash.
    """

    nama: str
    jabatan: Sequence[str] = ()
    nip: str = ""
    lead: str = ""
    place_date: str = ""
    dated: Sequence[tuple[str, str]] = ()


# -- How many blocks before a signature move with it to a new page: the spacer or closing line and the text
# -- before it, so a signature never stands alone. --
SIGNATURE_COMPANIONS = 2


def add_signature_block(
    document: Document, left: Signer | None = None, right: Signer | None = None, *, signature_lines: int = 4
) -> Table:
    """A borderless two-column signature table at the end of `document`; a None side stays empty.

    The first row holds the place and date, the `dated` lines, the lead and the positions, each padded so
    both sides start them on one line; the second the room to sign, the names and "NIP. ...": both names
    stand on one line however many lines either position wraps to. One signer on the right is the usual
    single-signature layout. The name is bold and underlined. A signer with `dated` lines is set flush left
    in its column, as the "Ditetapkan di" formula is printed. The rows never split and stay together, and
    the block keeps the two blocks before it on its page.
    """
    signers = [s for s in (left, right) if s is not None]
    has_place = any(s.place_date for s in signers)
    has_lead = any(s.lead for s in signers)
    dated_count = max((len(s.dated) for s in signers), default=0)
    has_nip = any(not is_no_nip(s.nip) for s in signers)

    def heading(signer: Signer) -> list[str]:
        dated = [f"{label}\t: {value}" for label, value in signer.dated]
        dated += [""] * (dated_count - len(signer.dated))
        return [signer.place_date] * has_place + dated + [signer.lead] * has_lead + list(signer.jabatan)

    with_heading = any(heading(signer) for signer in signers)
    keep_with_next(document, SIGNATURE_COMPANIONS)
    table = document.add_table(rows=2 if with_heading else 1, cols=2)
    set_column_widths(table, split_width(text_width_twips(document.sections[-1]), (1, 1)))
    set_table_borders(table, visible=False)
    for row in table.rows:
        set_cant_split(row._tr)
    for column, signer in enumerate((left, right)):
        cells = [row.cells[column] for row in table.rows]
        style = SIGNATURE_LEFT if signer is not None and signer.dated else SIGNATURE_TEXT
        for cell in cells:
            cell.paragraphs[0].style = style
        if signer is None:
            continue
        if with_heading:
            _cell_lines(cells[0], heading(signer), style)
            keep_row_with_next(table.rows[0]._tr)  # -- the positions stay with the names below them
        foot = cells[-1]
        _cell_lines(foot, [""] * signature_lines, style)
        name = foot.add_paragraph(style=style) if signature_lines else foot.paragraphs[0]
        name.add_run(clean_text(signer.nama), style=SIGNER_NAME)
        if has_nip:
            nip = foot.add_paragraph(style=style)
            if not is_no_nip(signer.nip):
                nip.add_run(f"NIP. {signer.nip.strip()}")
    return table


def _cell_lines(cell: _Cell, lines: Sequence[str], style: str) -> None:
    """Write `lines` into `cell` (whose first paragraph is empty), one paragraph of `style` each."""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph(style=style)
        if line:
            paragraph.add_run(clean_text(line))


# -- How a jabatan line may start when someone signs for the head (atas nama, untuk beliau) or stands in
# -- for them (pelaksana tugas, pelaksana harian); printed in this spelling, the rest in capitals. --
_JABATAN_PREFIXES = {"an": "a.n.", "ub": "u.b.", "plt": "Plt.", "plh": "Plh."}
_JABATAN_PREFIX = re.compile(r"^\s*(a\.?\s?n|u\.?\s?b|plt|plh)\b\.?\s*", re.IGNORECASE)


def jabatan_lines(text: str) -> list[str]:
    """The lines of a Jabatan as a signature prints them: capitals, with a.n., u.b., Plt. or Plh. kept in
    their own spelling ("Plt. KEPALA DINAS KESEHATAN")."""
    lines = []
    for line in text_lines(text):
        match = _JABATAN_PREFIX.match(line)
        if match and line[match.end() :].strip():
            prefix = _JABATAN_PREFIXES[re.sub(r"[^a-z]", "", match.group(1).lower())]
            lines.append(f"{prefix} {line[match.end() :].strip().upper()}")
        else:
            lines.append(line.upper())
    return lines


def unit_signers(
    identitas: Identitas, date: str | None = None, *, single: bool = False, nip_spaced: bool = True
) -> tuple[Signer | None, Signer]:
    """The unit's signatories, `date` None meaning the Tanggal Penetapan.

    Two (`single` false): "Mengetahui," the Pimpinan (left) and the Ketua Tim (right), who dates the page
    "<Tempat Penetapan>, <date>". One (`single`): the Pimpinan alone on the right under "Ditetapkan di :
    <Tempat Penetapan>" and "Pada tanggal : <date>", the jabatan ending in a comma; the left is None.
    """
    if date is None:
        penetapan = identitas.tanggal_penetapan
        date = format_tanggal(penetapan) if penetapan else identitas.text("Tanggal Penetapan")
    tempat = identitas.text("Tempat Penetapan")

    def signer(role: str, **extra: Any) -> Signer:
        return Signer(
            nama=identitas.text(f"Nama {role}"),
            jabatan=jabatan_lines(identitas.text(f"Jabatan {role}")),
            nip=format_nip(identitas.text(f"NIP {role}"), spaced=nip_spaced),
            **extra,
        )

    if single:
        pimpinan = signer(
            "Pimpinan", dated=[(k, v) for k, v in (("Ditetapkan di", tempat), ("Pada tanggal", date)) if v]
        )
        jabatan = list(pimpinan.jabatan)
        if jabatan and not jabatan[-1].endswith(","):
            jabatan[-1] += ","
        return None, replace(pimpinan, jabatan=jabatan)
    place_date = ", ".join(part for part in (tempat, date) if part)
    return signer("Pimpinan", lead="Mengetahui,"), signer("Ketua Tim", place_date=place_date)


def add_picture(document: Document, png: bytes, width: Length) -> Paragraph:
    """A centred paragraph at the end of `document` holding the image `png`, `width` wide or as wide as the
    section's text when that is narrower."""
    fitted = min(width, Emu(text_width_twips(document.sections[-1]) * _EMU_PER_TWIP))
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run().add_picture(io.BytesIO(png), width=fitted)
    return paragraph


def add_logo(paragraph: Paragraph, logo: Path | None, height_cm: float) -> bool:
    """Put the logo image in `paragraph`; False when there is none or it is not an image Word can hold.

    -- A damaged image must not stop the documents: the checks already report an unusable logo. --
    """
    if logo is None:
        return False
    try:
        paragraph.add_run().add_picture(str(logo), height=Cm(height_cm))
    except Exception:  # python-docx raises its own and PIL-less parse errors for bad images
        return False
    return True


def add_letterhead(document: Document, letterhead: Letterhead, style: PageStyle) -> Table:
    """The kop at the top of the current page: the logo left, the lines centred, a double rule below."""
    section = document.sections[-1]
    table = document.add_table(rows=1, cols=2)
    logo_width = round(Cm(2.6) / _EMU_PER_TWIP)
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


def format_nip(text: str, *, spaced: bool = True) -> str:
    """An 18-digit NIP as printed: grouped "19750921 199602 1 002" (`spaced`) or "197509211996021002";
    anything else is returned as given."""
    compact = re.sub(r"[\s.\-]", "", text)
    if len(compact) == 18 and compact.isdigit():
        return f"{compact[:8]} {compact[8:14]} {compact[14]} {compact[15:]}" if spaced else compact
    return text.strip()


def save_atomic(document: Document, path: str | os.PathLike[str]) -> Path:
    """Save `document` to `path` through a temporary file in the same folder and a rename.

    A failed save leaves `path` as it was and no temporary file behind (see `zi_sheets.common.files`).
    """
    return write_atomic(Path(path), document.save)
