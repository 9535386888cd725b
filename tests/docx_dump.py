"""A stable text dump of a .docx for golden files and asserts: sections, then the body in order.

Format, one item a line:
  S<n> <w>x<h>mm <orientation> margins <top>/<bottom>/<left>/<right>mm [title page]
    header: <text>                           only when the section has a header of its own
    footer: <text, fields as {PAGE}>        (and "first footer:" when the section has a title page)
  P[<style>] <text>                          a paragraph; tabs shown as "\\t", line breaks as "\\n"
  === end of section <n>                     after the paragraph that closes a section
  T <rows>x<cols> [<style>] grid <w1>,<w2>,... (twips)
    [header][cantSplit] <cell> | <cell> ...  one line per row
A cell is its paragraphs joined by " ¶ ", prefixed "<span n> " when it spans n columns; "^" is a vMerge
continuation, "v " marks the top of a vertical merge.
A picture shows in its paragraph as "[image <w>x<h>mm <type> <w>x<h>px]": its size on the page and the
image's own size, never its bytes (a chart's pixels differ between Pillow versions).
"""

from __future__ import annotations

import os
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.section import Section
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

_EMU_PER_MM = 36000


def dump_docx(path_or_document: str | os.PathLike[str] | Document) -> str:
    """The dump of a saved .docx (path) or of a Document in memory; identical for both."""
    document = (
        docx.Document(str(path_or_document))
        if isinstance(path_or_document, str | os.PathLike | Path)
        else path_or_document
    )
    lines: list[str] = []
    for number, section in enumerate(document.sections, start=1):
        lines += _section_lines(number, section)
    section_no = 1
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += table_lines(block)
            continue
        lines.append(f"P[{_style_name(block)}] {_escape(paragraph_text(block._p, document.part))}")
        if block._p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            lines.append(f"=== end of section {section_no}")
            section_no += 1
    return "\n".join(lines) + "\n"


def _section_lines(number: int, section: Section) -> list[str]:
    def mm(length: int | None) -> int:
        return round((length or 0) / _EMU_PER_MM)

    orientation = "landscape" if section.orientation == 1 else "portrait"
    margins = "/".join(
        str(mm(m))
        for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    )
    title = " title page" if section.different_first_page_header_footer else ""
    size = f"{mm(section.page_width)}x{mm(section.page_height)}mm"
    lines = [f"S{number} {size} {orientation} margins {margins}mm{title}"]
    if not section.header.is_linked_to_previous:
        header = section.header
        lines.append(f"  header: {' / '.join(paragraph_text(p._p, header.part) for p in header.paragraphs)}")
    footers = [("footer", section.footer)]
    if section.different_first_page_header_footer:
        footers.append(("first footer", section.first_page_footer))
    for label, footer in footers:
        linked = " (linked)" if footer.is_linked_to_previous else ""
        text = " / ".join(paragraph_text(p._p) for p in footer.paragraphs)
        lines.append(f"  {label}{linked}: {text}")
    return lines


def _style_name(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else "?"


def _escape(text: str) -> str:
    return text.replace("\t", "\\t").replace("\n", "\\n")


def paragraph_text(p: etree._Element, part: Part | None = None) -> str:
    """The text of a w:p with complex fields shown by their instruction, e.g. "{PAGE}".

    Pictures show as "[image ...]"; their pixel size only when `part` (the part holding `p`) is given.
    """
    parts: list[str] = []
    in_result = False
    tags = (qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:instrText"), qn("w:fldChar"), qn("w:drawing"))
    for element in p.iter(*tags):
        tag = element.tag
        if tag == qn("w:drawing"):
            parts.append(_picture_text(element, part))
        elif tag == qn("w:fldChar"):
            kind = element.get(qn("w:fldCharType"))
            in_result = kind == "separate"
            if kind == "end":
                in_result = False
        elif tag == qn("w:instrText"):
            parts.append("{" + (element.text or "").strip() + "}")
        elif in_result:
            continue
        elif tag == qn("w:t"):
            parts.append(element.text or "")
        elif tag == qn("w:tab"):
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _picture_text(drawing: etree._Element, part: Part | None) -> str:
    extent = drawing.find(f".//{qn('wp:extent')}")
    size = f"{round(int(extent.get('cx')) / _EMU_PER_MM)}x{round(int(extent.get('cy')) / _EMU_PER_MM)}mm"
    blip = drawing.find(f".//{qn('a:blip')}")
    if part is None or blip is None:
        return f"[image {size}]"
    image = part.related_parts[blip.get(qn("r:embed"))].image
    return f"[image {size} {image.content_type} {image.px_width}x{image.px_height}px]"


def table_lines(table: Table) -> list[str]:
    """The dump lines of one table (shape, style, grid widths, then one line per row)."""
    tbl = table._tbl
    widths = [col.get(qn("w:w")) or "?" for col in tbl.tblGrid.findall(qn("w:gridCol"))]
    style = table.style.name if table.style is not None else "-"
    lines = [f"T {len(tbl.tr_lst)}x{len(widths)} [{style}] grid {','.join(widths)}"]
    for tr in tbl.tr_lst:
        trPr = tr.trPr
        flags = ""
        if trPr is not None and trPr.find(qn("w:tblHeader")) is not None:
            flags += "[header]"
        if trPr is not None and trPr.find(qn("w:cantSplit")) is not None:
            flags += "[cantSplit]"
        cells = [cell_text(tc, table.part) for tc in tr.tc_lst]
        lines.append(f"  {flags} {' | '.join(cells)}".rstrip())
    return lines


def cell_text(tc: etree._Element, part: Part | None = None) -> str:
    """One cell as the dump writes it: merge markers, then its paragraphs joined by " ¶ "."""
    if tc.vMerge == "continue":
        return "^"
    prefix = f"<span {tc.grid_span}> " if tc.grid_span > 1 else ""
    if tc.vMerge == "restart":
        prefix += "v "
    text = " ¶ ".join(_escape(paragraph_text(p, part)) for p in tc.findall(qn("w:p")))
    return prefix + text


def saved(document: Document, tmp_path: Path, name: str = "dokumen.docx") -> Document:
    """`document` saved under `tmp_path` and opened again, as a user's Word would open it."""
    path = tmp_path / name
    document.save(str(path))
    return docx.Document(str(path))


def document_texts(document: Document) -> list[str]:
    """Every paragraph's text, in body order, with the paragraphs of table cells after their table's."""
    found: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            found += [p.text for row in block.rows for cell in row.cells for p in cell.paragraphs]
        else:
            found.append(block.text)
    return found


def signature_columns(table: Table) -> list[list[str]]:
    """The non-empty lines of a signature table per column, top to bottom over its rows (positions in the
    first row, names and NIPs in the second)."""
    columns: list[list[str]] = [[] for _ in table._tbl.tr_lst[0].tc_lst]
    for tr in table._tbl.tr_lst:
        for index, tc in enumerate(tr.tc_lst):
            columns[index] += [text for p in tc.p_lst if (text := paragraph_text(p))]
    return columns
