"""The .xlsx workbooks zi-sheets writes (init's template, the LKE for submission, the evidence index, the
rekap) start here, so that Excel's File > Info names what they are and whom they are for, not "openpyxl"."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from zi_sheets.common.text import fit_property

if TYPE_CHECKING:
    from openpyxl import Workbook

# -- The author of a workbook of no one unit (a template not yet filled, an inspectorate's rekap). --
PROGRAM = "zi-sheets"


def new_xlsx(title: str, author: str = "") -> Workbook:
    """An empty workbook whose properties hold `title` and `author` (the program when '' ), created now."""
    from openpyxl import Workbook

    book = Workbook()
    properties = book.properties
    properties.title = fit_property(title)
    properties.creator = properties.lastModifiedBy = fit_property(author) or PROGRAM
    properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return book
