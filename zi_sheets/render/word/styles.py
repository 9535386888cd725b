"""The named paragraph and character styles every document applies, set up on a new document or on a
--docx-template, and the cache of style lookups that makes applying them cheap.

Look lives in styles applied by name (the constants below); the only direct formatting is layout that a style
cannot express (cover spacing, page breaks, column widths).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle

from zi_sheets.common.archives import DAMAGED, declared_too_big, inflates_as_declared, members
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.regular_files import read_regular_file
from zi_sheets.reading.house_style import PageStyle
from zi_sheets.render.word.oxml import set_fonts

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


# -- Styles a --docx-template must define itself; the others are added when missing, on its Normal. --
TEMPLATE_STYLES = (NORMAL, TITLE, HEADING_1, HEADING_2, TABLE_GRID)


def remember_style_ids(document: Document) -> None:
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


def from_template(style: PageStyle) -> Document:
    """The --docx-template of `style`, its body emptied, with the styles it lacks added in its own font.

    Raises ZiSheetsError when the file is not a readable .docx or lacks one of `TEMPLATE_STYLES`.
    """
    template = Path(style.template)  # type: ignore[arg-type]
    document = _open_template(template)
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


# -- A house-style template is a few styled pages: what inflates past this is no template but a bomb. --
MAX_TEMPLATE_BYTES = 100 * 1024 * 1024


def _open_template(template: Path) -> Document:
    """The --docx-template opened: its bytes read once as a regular file and checked as a package (each
    member's declared and streamed size, `common.archives`) before python-docx parses any part of it.

    Raises ZiSheetsError naming the file: missing, not a regular file, too big, damaged or not a .docx.
    """
    unreadable = f"Templat {template.name} bukan dokumen Word (.docx) yang dapat dibaca."
    if not template.exists():
        raise ZiSheetsError(f"Templat {template} tidak ditemukan.")
    data = read_regular_file(template, MAX_TEMPLATE_BYTES)
    if data is None:
        raise ZiSheetsError(
            f"Templat {template.name} ditolak: bukan berkas dokumen biasa (folder, pipa atau perangkat) "
            f"atau lebih dari {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB."
        )
    package = io.BytesIO(data)
    try:
        entries = members(package)
        refused = declared_too_big(entries, MAX_TEMPLATE_BYTES) or not inflates_as_declared(
            package, MAX_TEMPLATE_BYTES
        )
    except DAMAGED as error:
        if not zipfile.is_zipfile(package):
            raise ZiSheetsError(unreadable) from error
        raise ZiSheetsError(
            f"Templat {template.name} rusak: isi arsipnya tidak sesuai dengan ukuran yang dinyatakan "
            "(mungkin terpotong atau berbahaya); simpan ulang templat dari Word."
        ) from error
    if refused:
        total = sum(entry.file_size for entry in entries)
        raise ZiSheetsError(
            f"Templat {template.name} ditolak: isinya tidak wajar ({len(entries)} bagian, "
            f"{total // (1024 * 1024)} MB setelah diekstrak); kemungkinan berkas rusak atau berbahaya."
        )
    try:
        return docx.Document(package)
    except Exception as error:  # python-docx raises several types for a file that is not a .docx
        raise ZiSheetsError(unreadable) from error


def prune_styles(document: Document, style: PageStyle) -> None:
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


def drop_styles_with_effects(document: Document) -> None:
    """Remove the stylesWithEffects part (see `_STYLES_WITH_EFFECTS`) from `document`."""
    rels = document.part.rels
    for rId in [rId for rId, rel in rels.items() if rel.reltype == _STYLES_WITH_EFFECTS]:
        del rels[rId]


def _template_font(document: Document) -> str | None:
    fonts = document.styles[NORMAL].element.xpath("./w:rPr/w:rFonts/@w:ascii")
    return fonts[0] if fonts else None


def set_doc_defaults(document: Document, style: PageStyle) -> None:
    """Give the document defaults the font, body size and language of `style`."""
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


def define_styles(document: Document, style: PageStyle) -> None:
    """Define every named style on python-docx's default template, in the look of `style`."""
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
