"""Edits of the raw WordprocessingML elements under python-docx's proxies: fonts, fields, table, row and
cell properties.

The lowest layer of `zi_sheets.render.word`: it imports nothing from the layers above.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

W_NS = nsdecls("w")


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


def insert_tblPr_child(tblPr: etree._Element, child: etree._Element, successors: Sequence[str]) -> None:
    """Put `child` into `tblPr` (a w:tblPr) in place of any of its tag, before the first of `successors`."""
    for old in tblPr.findall(child.tag):
        tblPr.remove(old)
    tblPr.insert_element_before(child, *successors)  # type: ignore[attr-defined]


# -- the order in which CT_TblPr declares its children: python-docx keeps it as `_tag_seq` and deletes it
# -- after the class body, so it cannot be imported; a child inserted before its successors lands where
# -- the schema wants it --
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


def tblPr_successors(tag: str) -> tuple[str, ...]:
    """The w:tblPr children that must follow a `tag` child, in schema order."""
    return _TBLPR_ORDER[_TBLPR_ORDER.index(tag) + 1 :]


def set_tc_width(tc: etree._Element, width: int) -> None:
    """Set the width of cell `tc` (a w:tc) to `width` twips."""
    tcW = tc.get_or_add_tcPr().get_or_add_tcW()  # type: ignore[attr-defined]
    tcW.set(qn("w:w"), str(width))
    tcW.set(qn("w:type"), "dxa")


def set_trPr_flag(tr: etree._Element, tag: str) -> None:
    """Switch on the on/off property `tag` ("w:cantSplit", "w:tblHeader") of row `tr` (a w:tr)."""
    trPr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    if trPr.find(qn(tag)) is None:
        trPr.append(parse_xml(f"<{tag} {nsdecls('w')}/>"))


def tc_at(tr: etree._Element, column: int) -> etree._Element:
    """The cell of row `tr` that starts at grid column `column`; IndexError when none starts there."""
    offset = 0
    for tc in tr.tc_lst:  # type: ignore[attr-defined]
        if offset == column:
            return tc
        offset += tc.grid_span
    raise IndexError(f"no cell starts at grid column {column}")
