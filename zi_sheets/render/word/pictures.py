"""Pictures: a chart as its own centred paragraph, a logo in a paragraph."""

from __future__ import annotations

import io
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu, Length
from docx.text.paragraph import Paragraph

from zi_sheets.reading.house_style import read_logo
from zi_sheets.render.word.layout import EMU_PER_TWIP, text_width_twips


def add_picture(document: Document, png: bytes, width: Length) -> Paragraph:
    """A centred paragraph at the end of `document` holding the image `png`, `width` wide or as wide as the
    section's text when that is narrower."""
    fitted = min(width, Emu(text_width_twips(document.sections[-1]) * EMU_PER_TWIP))
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
