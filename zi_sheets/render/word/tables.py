"""Tables: column widths, borders, row and cell properties, vertical merges, the fast row writer and the
rules that keep a table's ends on a page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.table import Table
from lxml import etree

from zi_sheets.common.text import clean_text
from zi_sheets.render.word.layout import fit_shares, header_need, split_width, text_width_twips
from zi_sheets.render.word.oxml import (
    W_NS,
    insert_tblPr_child,
    set_tc_width,
    set_trPr_flag,
    tblPr_successors,
    tc_at,
)
from zi_sheets.render.word.styles import HEADER_FILL, TABLE_GRID, TABLE_HEADING, TABLE_TEXT

Align = Literal["left", "center", "right", "both"]


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
    insert_tblPr_child(
        tblPr, parse_xml(f'<w:tblW {nsdecls("w")} w:w="{total}" w:type="dxa"/>'), tblPr_successors("w:tblW")
    )
    insert_tblPr_child(
        tblPr, parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'), tblPr_successors("w:tblLayout")
    )
    for tr in tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            set_tc_width(tc, sum(widths[column : column + span]))
            column += span


def set_table_borders(table: Table, *, size: int = 4, visible: bool = True) -> None:
    """Single lines of `size` eighths of a point around and inside `table`, or none when not `visible`.

    -- Set on the table itself as well as by the Table Grid style: not every viewer resolves styles. --
    """
    value = f'w:val="single" w:sz="{size}" w:space="0" w:color="000000"' if visible else 'w:val="nil"'
    edges = "".join(
        f"<w:{edge} {value}/>" for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    borders = parse_xml(f"<w:tblBorders {nsdecls('w')}>{edges}</w:tblBorders>")
    insert_tblPr_child(table._tbl.tblPr, borders, tblPr_successors("w:tblBorders"))


def set_repeat_header(tr: etree._Element) -> None:
    """Mark row `tr` (a w:tr) as a header row that Word and LibreOffice repeat at the top of every page."""
    set_trPr_flag(tr, "w:tblHeader")


def set_cant_split(tr: etree._Element) -> None:
    """Keep row `tr` (a w:tr) whole on one page."""
    set_trPr_flag(tr, "w:cantSplit")


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
        tc = tc_at(rows[index], column)
        tc.vMerge = "restart" if index == first_row else "continue"  # type: ignore[attr-defined]
        if index != first_row:
            for p in tc.findall(qn("w:p"))[1:]:
                tc.remove(p)
            for p in tc.findall(qn("w:p")):
                for child in list(p):
                    if child.tag != qn("w:pPr"):
                        p.remove(child)


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
        parts = [f"<w:tr {W_NS}><w:trPr>{flags}</w:trPr>"]
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


# -- A summary table up to this many rows is short enough to keep whole on one page. --
SHORT_TABLE_ROWS = 12


def keep_table_together(table: Table) -> None:
    """Keep a short table (up to `SHORT_TABLE_ROWS` rows) whole on one page, and on the page of the
    paragraph before it: a seven-row summary split over two pages is read as two tables."""
    rows = table._tbl.tr_lst
    if len(rows) > SHORT_TABLE_ROWS:
        return
    for tr in rows[:-1]:
        set_cant_split(tr)
        keep_row_with_next(tr)
    previous = table._tbl.getprevious()
    if previous is not None and previous.tag == qn("w:p"):
        previous.get_or_add_pPr().keepNext_val = True  # type: ignore[attr-defined]


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
    total = text_width_twips(document.sections[-1])
    size = document.styles[TABLE_HEADING].font.size
    font_pt = size.pt if size is not None else 10.0
    # -- no header broken inside a word ("KETERANGA/N" on a portrait page): each column at least its
    # -- header's longest word; the others keep their proportions
    needs = [header_need(header, total, font_pt) for header, _ in columns]
    shares = fit_shares([share for _, share in columns], needs)
    widths = split_width(total, shares)
    writer = TableWriter(document, widths)
    writer.add_row(
        [CellSpec([header], style=TABLE_HEADING, shading=HEADER_FILL) for header, _ in columns], header=True
    )
    return writer
