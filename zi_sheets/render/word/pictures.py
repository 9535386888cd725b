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
    measure = _Measure(document)
    used = 0
    for block in reversed([c for c in document.element.body if c.tag in (qn("w:p"), qn("w:tbl"))]):
        if block.tag == qn("w:tbl"):
            used += measure.table(block, page - used)
            if used > page:
                return None
            continue
        if block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            break  # -- the previous section ends here: this one began a page
        used += measure.paragraph(block, text_width_twips(section))
        if used > page:
            return None
        flag = block.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}")
        if flag is not None and flag.get(qn("w:val"), "1") not in ("0", "false", "off"):
            break
    else:
        return None  # -- the body's start: how many pages the text before fills is not known
    return page - used


_WP_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"


class _Measure:
    """Estimated heights of a document's paragraphs and tables, by their styles' size and spacing."""

    def __init__(self, document: Document) -> None:
        self.styles = {style.style_id: style for style in document.styles}
        self.normal = document.styles["Normal"]
        self.metrics: dict[str | None, tuple[float, float, int]] = {}

    def _metrics(self, style_id: str | None) -> tuple[float, float, int]:
        """(font size in points, line spacing, space before and after in twips) of a paragraph style."""
        if style_id not in self.metrics:
            size: float | None = None
            spacing: float | None = None
            before: int | None = None
            after: int | None = None
            style: object = self.styles.get(style_id or "", self.normal)
            while style is not None:
                fmt = style.paragraph_format  # type: ignore[attr-defined]
                font = style.font.size  # type: ignore[attr-defined]
                size = size if size is not None or font is None else font.pt
                if spacing is None and isinstance(fmt.line_spacing, float):
                    spacing = fmt.line_spacing
                before = before if before is not None or fmt.space_before is None else fmt.space_before
                after = after if after is not None or fmt.space_after is None else fmt.space_after
                style = style.base_style  # type: ignore[attr-defined]
            space = ((before or 0) + (after or 0)) // EMU_PER_TWIP
            self.metrics[style_id] = (size or 12.0, spacing or 1.15, space)
        return self.metrics[style_id]

    def paragraph(self, p: etree._Element, width: int, *, in_cell: bool = False) -> int:
        extent = p.find(f".//{_WP_EXTENT}")
        if extent is not None:
            return int(extent.get("cy", 0)) // EMU_PER_TWIP
        style_el = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        size, spacing, space = self._metrics(style_el.get(qn("w:val")) if style_el is not None else None)
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        # -- one line of `text_height_twips` is a single-spaced line: Word multiplies it by the spacing
        height = text_height_twips([text], width, size) * spacing
        return int(height) + (0 if in_cell else space)

    def table(self, tbl: etree._Element, budget: int) -> int:
        """The table's height, summed only until it passes `budget` twips."""
        total = 0
        for tr in tbl.findall(qn("w:tr")):
            tallest = 0
            for tc in tr.findall(qn("w:tc")):
                tcw = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
                width = int(tcw.get(qn("w:w"), 1440)) if tcw is not None else 1440
                paragraphs = tc.findall(qn("w:p"))
                tallest = max(tallest, sum(self.paragraph(p, width, in_cell=True) for p in paragraphs))
            total += tallest
            if total > budget:
                break
        return total
