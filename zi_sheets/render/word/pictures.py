"""Pictures: a chart as its own centred paragraph, a logo in a paragraph."""

from __future__ import annotations

import io
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length
from docx.text.paragraph import Paragraph
from lxml import etree

from zi_sheets.reading.house_style import read_logo
from zi_sheets.render.word.layout import (
    EMU_PER_TWIP,
    text_height_twips,
    text_height_twips_of,
    text_width_twips,
)

# -- A picture is not shrunk below this share of its size to fit the room left on a page: smaller, a chart's
# -- labels are no longer read; it then starts the next page with the paragraph before it. --
MIN_SCALE = 0.6
# -- The estimate of the room left is rough (see `layout.text_height_twips`): keep a margin of it. --
_ROOM_MARGIN = 0.85


def add_picture(
    document: Document,
    png: bytes,
    width: Length,
    *,
    aspect: float | None = None,
    keep_with_text: bool = False,
) -> Paragraph:
    """A centred paragraph at the end of `document` holding the image `png`, `width` wide or as wide as the
    section's text when that is narrower.

    With `aspect` (height / width) and `keep_with_text`, a picture that would not fit in the room left on
    the page is made smaller to fit, down to `MIN_SCALE`; when even that does not fit, the paragraph before
    it goes to the next page with it, so the picture never stands alone below a page of white.
    """
    fitted = min(width, Emu(text_width_twips(document.sections[-1]) * EMU_PER_TWIP))
    if keep_with_text:
        before = [child for child in document.element.body if child.tag in (qn("w:p"), qn("w:tbl"))]
        if aspect is not None:
            room = room_left_twips(document)
            height = fitted / EMU_PER_TWIP * aspect
            if room is not None and height > room * _ROOM_MARGIN:
                scale = room * _ROOM_MARGIN / height
                fitted = Emu(int(fitted * scale)) if scale >= MIN_SCALE else fitted
        if before and before[-1].tag == qn("w:p"):
            before[-1].get_or_add_pPr().keepNext_val = True  # type: ignore[attr-defined]
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run().add_picture(io.BytesIO(png), width=fitted)
    return paragraph


def add_logo(paragraph: Paragraph, logo: Path | None, height_cm: float) -> bool:
    """Put the logo image in `paragraph`; False when there is none or it is not an image Word can hold.

    -- A damaged image must not stop the documents: the checks already report an unusable logo. --
    """
    image = read_logo(logo) if logo is not None else None
    if image is None:
        return False
    try:
        # -- from the bytes read once as a regular file: the name is never opened again by python-docx
        paragraph.add_run().add_picture(io.BytesIO(image), height=Cm(height_cm))
    except Exception:  # python-docx raises its own and PIL-less parse errors for bad images
        return False
    return True


def room_left_twips(document: Document) -> int | None:
    """The estimated height left on the page at the end of `document`, in twips; None when where that page
    began is not known (no page break or section start after the previous page's end) or the text since
    runs over a page.

    -- An estimate from the text's length (`layout.text_height_twips`), not a layout: enough to tell a
    -- chart that fits from one that does not by a third of its height. --
    """
    section = document.sections[-1]
    page = text_height_twips_of(section)
    width = text_width_twips(section)
    blocks = [child for child in document.element.body if child.tag in (qn("w:p"), qn("w:tbl"))]
    used = 0
    for block in reversed(blocks):
        if block.tag == qn("w:tbl"):
            used += _table_height(document, block)
            continue
        if block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            break  # -- the previous section ends here: this one began a page
        used += _paragraph_height(document, block, width)
        flag = block.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}")
        if flag is not None and flag.get(qn("w:val"), "1") not in ("0", "false", "off"):
            break
        if used > page:
            return None
    else:
        return None  # -- the body's start: the page count since is not known
    return None if used > page else page - used


def _paragraph_height(document: Document, p: etree._Element, width: int, cell: bool = False) -> int:
    style_el = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    style_id = style_el.get(qn("w:val")) if style_el is not None else None
    style = next((s for s in document.styles if s.style_id == style_id), None) if style_id else None
    style = style or document.styles["Normal"]
    size, spacing, before, after = 12.0, 1.15, 0, 0
    for current in _style_chain(style):
        font = current.font.size  # type: ignore[attr-defined]
        fmt = current.paragraph_format  # type: ignore[attr-defined]
        size = font.pt if font is not None and size == 12.0 else size
        if isinstance(fmt.line_spacing, float) and spacing == 1.15:
            spacing = fmt.line_spacing
        before = before or (fmt.space_before or 0) // EMU_PER_TWIP
        after = after or (fmt.space_after or 0) // EMU_PER_TWIP
    if p.find(f".//{qn('w:drawing')}") is not None:
        extent = p.find(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent")
        return int(extent.get("cy", 0)) // EMU_PER_TWIP if extent is not None else 0
    text = "".join(t.text or "" for t in p.iter(qn("w:t")))
    lines = text_height_twips([text], width, size) * spacing / 1.15
    return int(lines) + (0 if cell else before + after)


def _style_chain(style: object) -> list[object]:
    chain: list[object] = []
    while style is not None and len(chain) < 10:
        chain.append(style)
        style = getattr(style, "base_style", None)
    return chain


def _table_height(document: Document, tbl: etree._Element) -> int:
    widths = [int(col.get(qn("w:w"), 0)) for col in tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    total = 0
    for tr in tbl.findall(qn("w:tr")):
        tallest = 0
        for tc in tr.findall(qn("w:tc")):
            tcw = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            width = int(tcw.get(qn("w:w"), 0)) if tcw is not None else (min(widths) if widths else 1440)
            tallest = max(
                tallest, sum(_paragraph_height(document, p, width, True) for p in tc.findall(qn("w:p")))
            )
        total += tallest
    return total
