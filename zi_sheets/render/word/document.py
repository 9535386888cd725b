"""A new document with its styles and first section set up, its file properties, and saving it."""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
from dataclasses import replace
from pathlib import Path

import docx
from docx.document import Document

from zi_sheets.common.files import write_atomic
from zi_sheets.common.model import Identitas
from zi_sheets.common.text import fit_property
from zi_sheets.reading.house_style import PageStyle
from zi_sheets.render.word.page import setup_section
from zi_sheets.render.word.styles import (
    define_styles,
    drop_styles_with_effects,
    from_template,
    prune_styles,
    remember_style_ids,
    set_doc_defaults,
)


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
            stamp = None  # -- from_template names the unreadable file
    # -- the letterhead names the unit but is drawn by the documents, not the styles: units share a blank
    document = docx.Document(io.BytesIO(_blank_document(replace(style, letterhead=None), stamp)))
    remember_style_ids(document)
    return document


@functools.lru_cache(maxsize=8)
def _blank_document(style: PageStyle, stamp: tuple[int, int] | None) -> bytes:
    """The empty, styled document of `style` as .docx bytes; `stamp` (the template's mtime and size) makes
    an edited template a new entry.

    -- Setting up the styles costs ten times more than loading the result: a batch or a build of three
    -- documents prepares each house style once and loads a copy per document. --
    """
    if style.template is None:
        document = docx.Document()
        prune_styles(document, style)
        set_doc_defaults(document, style)
        define_styles(document, style)
    else:
        document = from_template(style)
    drop_styles_with_effects(document)
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


def save_atomic(document: Document, path: str | os.PathLike[str]) -> Path:
    """Save `document` to `path` through a temporary file in the same folder and a rename.

    A failed save leaves `path` as it was and no temporary file behind (see `zi_sheets.common.files`).
    """
    return write_atomic(Path(path), document.save)
