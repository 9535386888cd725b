"""The Lampiran (appendices) of the Rencana Kerja: I Mekanisme Penetapan Tim, II Target Prioritas, and III
Susunan Tim Kerja when the TimKerja sheet is filled. Every heading names the unit from Identitas."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from zi_sheets.common.bahasa import roman
from zi_sheets.common.model import AREAS, EMPTY, Identitas, TargetPrioritas, TimMember, Workbook, is_no_nip
from zi_sheets.common.text import area_number, clean_text
from zi_sheets.reading.house_style import PageStyle
from zi_sheets.render.rencana_kerja import document_title
from zi_sheets.render.word.document import new_document, set_properties
from zi_sheets.render.word.layout import column_need, fit_shares, header_need, text_width_twips
from zi_sheets.render.word.oxml import set_fonts
from zi_sheets.render.word.page import add_page_number_footer
from zi_sheets.render.word.signature import add_signature_block, format_nip, unit_signers
from zi_sheets.render.word.styles import NORMAL, TITLE
from zi_sheets.render.word.tables import CellSpec, add_header_table, hold_table_ends
from zi_sheets.render.word.text import add_numbered_item, text_lines

# -- The heading block printed at the top right of every Lampiran ("LAMPIRAN I" / document / unit / year). --
LAMPIRAN_HEADING = "Lampiran Heading"


@dataclass(frozen=True)
class Lampiran:
    """One appendix: its title lines (the unit and Kabupaten/Kota follow), the sheet it comes from, its name
    in messages, and the function that writes its content."""

    title: tuple[str, ...]
    sheet: str
    name: str
    write: Callable[[Document, Workbook, PageStyle], None]
    is_empty: Callable[[Workbook], bool]


def build_lampiran(workbook: Workbook, style: PageStyle | None = None) -> Document:
    """The Lampiran of `workbook` as a python-docx Document (not saved); `style` None means F4, Arial 12.

    Each appendix whose sheet holds something is printed, numbered in order, each on a new page; an empty
    sheet leaves its appendix out (never a placeholder the unit did not write: `checks.structure` says so).
    `lampiran_parts` tells whether there is anything to print at all.
    """
    style = style or PageStyle()
    identitas = workbook.identitas
    document = new_document(style)
    _define_heading_style(document, style)
    unit = identitas.nama_unit.upper()
    title = " ".join(document_title(identitas))
    set_properties(document, identitas, f"LAMPIRAN {title} {unit}")

    for number, item in enumerate(lampiran_parts(workbook), start=1):
        _add_heading_block(document, identitas, title, number, new_page=number > 1)
        for line in _title_lines(item.title, identitas):
            document.add_paragraph(line, style=TITLE).paragraph_format.space_after = Pt(0)
        document.add_paragraph(style=NORMAL).paragraph_format.space_after = Pt(12)
        item.write(document, workbook, style)
        _add_signatures(document, identitas, style)

    hold_table_ends(document)
    add_page_number_footer(document.sections[0], position=style.page_number_position)
    return document


def lampiran_parts(workbook: Workbook) -> list[Lampiran]:
    """The appendices `workbook` fills, in order ([] when MekanismeTim, TargetPrioritas and TimKerja are all
    empty: then there is no Lampiran document)."""
    return [item for item in LAMPIRAN if not item.is_empty(workbook)]


def _define_heading_style(document: Document, style: PageStyle) -> None:
    if LAMPIRAN_HEADING in {s.name for s in document.styles}:
        return  # -- a Word template that defines it keeps its own look --
    heading = document.styles.add_style(LAMPIRAN_HEADING, WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = document.styles[NORMAL]
    heading.quick_style = True
    set_fonts(heading.element, style.font_name)
    heading.font.size = Pt(style.table_size_pt + 1)
    heading.font.bold = False
    fmt = heading.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fmt.line_spacing = 1.0
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.keep_with_next = True


def _add_heading_block(
    document: Document, identitas: Identitas, title: str, number: int, *, new_page: bool
) -> None:
    tahun = identitas.tahun or identitas.text("Tahun")
    lines = [f"LAMPIRAN {roman(number)}", title, identitas.nama_unit.upper()]
    lines += [f"TAHUN {tahun}"] if tahun else []
    for index, line in enumerate(line for line in lines if line):
        paragraph = document.add_paragraph(clean_text(line), style=LAMPIRAN_HEADING)
        paragraph.paragraph_format.page_break_before = new_page and index == 0
    document.add_paragraph(style=NORMAL).paragraph_format.space_after = Cm(0.5)


def _title_lines(title: Sequence[str], identitas: Identitas) -> list[str]:
    own = [identitas.nama_unit.upper(), identitas.kabupaten_kota.upper()]
    return [clean_text(line) for line in [*title, *own] if line]


# ---------------------------------------------------------------------------------------------------------
# Contents


def _write_mekanisme(document: Document, workbook: Workbook, style: PageStyle) -> None:
    steps = [text_lines(workbook.identitas.fill(step.langkah.text)) for step in workbook.mekanisme]
    # -- a step left empty by its placeholders is skipped without leaving a gap in the numbers --
    for number, lines in enumerate((lines for lines in steps if lines), start=1):
        add_numbered_item(document, number, lines)


def target_area(target: TargetPrioritas) -> str:
    """What the Area column shows: the area's name when the cell names one, else its text ('' when empty)."""
    number = area_number(target.area.text)
    return AREAS[number] if number in AREAS else target.area.text


def _write_target_prioritas(document: Document, workbook: Workbook, style: PageStyle) -> None:
    targets = workbook.target_prioritas
    # -- the seed's table has no Area column; it appears only when some target names an area; columns the
    # -- unit added (e.g. "% Target") follow, each when some target fills it --
    with_area = any(target.area for target in targets)
    extras = [
        header
        for header in dict.fromkeys(key for target in targets for key in target.extra)
        if any(target.extra.get(header) for target in targets)
    ]
    total = text_width_twips(document.sections[-1])
    columns = [("NO", 7.0), ("TARGET PRIORITAS", 63.0 if with_area else 93.0)]
    columns += [("AREA", 30.0)] if with_area else []
    needs = [header_need(header, total, style.table_size_pt) for header, _ in columns]
    needs += [
        column_need(h, [t.extra.get(h, EMPTY).text for t in targets], total, style.table_size_pt)
        for h in extras
    ]
    shares = fit_shares([share for _, share in columns] + [0.0] * len(extras), needs)
    headers = [header for header, _ in columns] + [header.upper() for header in extras]
    columns = list(zip(headers, shares, strict=True))
    writer = add_header_table(document, columns)
    for number, target in enumerate(targets, start=1):
        text = workbook.identitas.fill(target.target.text)
        cells = [CellSpec([str(number)], align="center"), CellSpec(text_lines(text))]
        if with_area:
            cells.append(CellSpec(text_lines(target_area(target))))
        cells += [CellSpec(target.extra.get(header, EMPTY).lines) for header in extras]
        writer.add_row(cells)


# -- A NIP as printed ("19800101 200501 2 003") is 18 digits and 3 spaces: 0.62 em a digit covers Arial
# -- (0.556) and the wider office faces; 0.3 em a space; plus the cell's two margins and a little slack. --
_NIP_EMS, _CELL_MARGINS_CM = 18 * 0.62 + 3 * 0.3, 0.5


def _write_tim_kerja(document: Document, workbook: Workbook, style: PageStyle) -> None:
    # -- the NIP column is as wide as a NIP in the table's type, so no NIP wraps; no header breaks inside a
    # -- word ("N/O"); NIP and JABATAN, empty in every row (a team listed by name only), are left out and
    # -- their width goes to the columns that hold text
    members = workbook.tim_kerja
    total = text_width_twips(document.sections[-1])
    nip_need = min(0.4, (_NIP_EMS * style.table_size_pt * 20 + Cm(_CELL_MARGINS_CM).twips) / total)
    cells: dict[str, Callable[[int, TimMember], CellSpec]] = {
        "NO": lambda number, member: CellSpec([str(number)], align="center"),
        "NAMA": lambda number, member: CellSpec(member.nama.lines),
        "NIP": lambda number, member: CellSpec(_nip_lines(member.nip.text, style)),
        "JABATAN": lambda number, member: CellSpec(member.jabatan.lines),
        "KEDUDUKAN DALAM TIM": lambda number, member: CellSpec(member.kedudukan.lines),
    }
    shares = {"NO": 6, "NAMA": 28, "NIP": 22, "JABATAN": 24, "KEDUDUKAN DALAM TIM": 20}
    optional = {
        "NIP": lambda member: not is_no_nip(member.nip.text),
        "JABATAN": lambda member: bool(member.jabatan),
    }
    names = [name for name in shares if name not in optional or any(map(optional[name], members))]
    needs = [
        # -- the header's words and the NIP on one line each, given here: `add_header_table` would give the
        # -- header its room from every column, the NIP's too
        max(header_need(name, total, style.table_size_pt), nip_need if name == "NIP" else 0.0)
        for name in names
    ]
    fitted = fit_shares([shares[name] for name in names], needs)
    writer = add_header_table(document, list(zip(names, fitted, strict=True)))
    for number, member in enumerate(members, start=1):
        writer.add_row([cells[name](number, member) for name in names])


def _nip_lines(nip: str, style: PageStyle) -> list[str]:
    return [] if is_no_nip(nip) else [format_nip(nip, spaced=style.nip_spaced)]


LAMPIRAN: tuple[Lampiran, ...] = (
    Lampiran(
        ("MEKANISME PENETAPAN TIM ZONA INTEGRITAS",),
        "MekanismeTim",
        "Mekanisme Penetapan Tim",
        write=_write_mekanisme,
        is_empty=lambda workbook: not workbook.mekanisme,
    ),
    Lampiran(
        ("PROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS", "TARGET PRIORITAS"),
        "TargetPrioritas",
        "Target Prioritas",
        write=_write_target_prioritas,
        is_empty=lambda workbook: not workbook.target_prioritas,
    ),
    Lampiran(
        ("SUSUNAN TIM KERJA ZONA INTEGRITAS",),
        "TimKerja",
        "Susunan Tim Kerja",
        write=_write_tim_kerja,
        is_empty=lambda workbook: not workbook.tim_kerja,
    ),
)


# ---------------------------------------------------------------------------------------------------------
# Signatures


def _add_signatures(document: Document, identitas: Identitas, style: PageStyle) -> None:
    left, right = unit_signers(identitas, single=style.single_signer, nip_spaced=style.nip_spaced)
    spacer = document.add_paragraph(style=NORMAL)
    spacer.paragraph_format.space_after = Pt(12)
    add_signature_block(document, left, right)
