"""Paragraph helpers: the lines of a cell text and numbered or marked list items."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.text.paragraph import Paragraph

from zi_sheets.common.text import clean_text
from zi_sheets.render.word.styles import NUMBERED_ITEMS


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
    # -- further lines start at the tab stop, under the first line's text (see
    # -- `styles._numbered_item_indent`) --
    return [
        document.add_paragraph(f"{marker}\t{line}" if index == 0 else f"\t{line}", style=style)
        for index, line in enumerate(lines)
    ]
