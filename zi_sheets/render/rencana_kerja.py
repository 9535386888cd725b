"""The Rencana Kerja Pembangunan ZI document: cover, approval page, BAB I-IV and the Rencana Aksi matrix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.shared import Cm

from zi_sheets.bahasa import roman
from zi_sheets.model import Identitas, PlanRow, Workbook
from zi_sheets.render.cover import add_cover
from zi_sheets.render.docx_helpers import (
    BODY_TEXT,
    COVER_TITLE,
    HEADING_1,
    HEADING_2,
    TITLE,
    CellSpec,
    PageStyle,
    add_header_table,
    add_landscape_section,
    add_numbered_item,
    add_page_number_footer,
    add_portrait_section,
    add_signature_block,
    clean_text,
    new_document,
    text_lines,
    unit_signers,
)
from zi_sheets.render.plan_table import add_plan_rows

DOCUMENT_TITLE = "DOKUMEN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS"


@dataclass(frozen=True)
class Bab:
    """One chapter: its title, its numbered sub-sections as (heading, Narasi bagian), or Narasi directly
    under it (`bagian`, None for none), or the Rencana Aksi table (`rencana_aksi`, in a landscape section).
    """

    title: str
    subsections: tuple[tuple[str, str], ...] = ()
    bagian: str | None = None
    rencana_aksi: bool = False


# -- The one list the BAB and sub-section numbers are generated from. --
BABS: tuple[Bab, ...] = (
    Bab(
        "PENDAHULUAN",
        (
            ("Latar Belakang", "Latar Belakang"),
            ("Dasar Hukum", "Dasar Hukum"),
            ("Maksud dan Tujuan", "Maksud dan Tujuan"),
            ("Pengertian Umum", "Pengertian Umum"),
        ),
    ),
    Bab(
        "PROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS",
        (
            ("Pencanangan Pembangunan Zona Integritas", "Pencanangan"),
            ("Proses Pembangunan Zona Integritas Menuju WBK/WBBM", "Proses Pembangunan"),
        ),
    ),
    Bab("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS", rencana_aksi=True),
    Bab("PENUTUP", bagian="Penutup"),
)

# -- (header, share of the width, PlanRow field); the NO and KOMPONEN columns are filled by grouping. --
_COLUMNS: tuple[tuple[str, float, str | None], ...] = (
    ("NO", 4, None),
    ("KOMPONEN", 14, None),
    ("INDIKATOR", 21, "indikator"),
    ("LANGKAH AKSI", 25, "langkah_aksi"),
    ("BUKTI FISIK", 22, "bukti_fisik"),
    ("TARGET WAKTU", 14, "target_waktu"),
)
_COLUMNS_WITH_PJ: tuple[tuple[str, float, str | None], ...] = (
    ("NO", 4, None),
    ("KOMPONEN", 12, None),
    ("INDIKATOR", 18, "indikator"),
    ("LANGKAH AKSI", 21, "langkah_aksi"),
    ("BUKTI FISIK", 18, "bukti_fisik"),
    ("TARGET WAKTU", 12, "target_waktu"),
    ("PENANGGUNG JAWAB", 15, "penanggung_jawab"),
)


def build_rencana_kerja(workbook: Workbook, style: PageStyle | None = None) -> Document:
    """The Rencana Kerja Pembangunan ZI of `workbook` as a python-docx Document (not saved).

    `style` None means the default page style (F4, Arial 12).
    """
    style = style or PageStyle()
    identitas = workbook.identitas
    document = new_document(style)
    unit = identitas.nama_unit.upper()
    tahun = _tahun(identitas)
    document.core_properties.title = _join(DOCUMENT_TITLE, unit, tahun)
    document.core_properties.author = "Tim Zona Integritas"

    add_cover(document, identitas, style, (DOCUMENT_TITLE, unit, tahun))
    _add_approval_page(document, identitas, unit, tahun)

    title = document.add_paragraph(_join(DOCUMENT_TITLE, unit, tahun), style=TITLE)
    title.paragraph_format.page_break_before = True
    landscape = False
    for bab_no, bab in enumerate(BABS, start=1):
        if bab.rencana_aksi != landscape:
            landscape = bab.rencana_aksi
            (add_landscape_section if landscape else add_portrait_section)(document, style)
        document.add_paragraph(f"BAB {roman(bab_no)} {bab.title}", style=HEADING_1)
        if bab.bagian is not None:
            _add_narasi(document, workbook, bab.bagian)
        for sub_no, (heading, bagian) in enumerate(bab.subsections, start=1):
            document.add_paragraph(f"{bab_no}.{sub_no} {heading}", style=HEADING_2)
            _add_narasi(document, workbook, bagian)
        if bab.rencana_aksi:
            _add_rencana_aksi_table(document, workbook.rencana_aksi)

    for index, section in enumerate(document.sections):
        add_page_number_footer(section, title_page=index == 0, position=style.page_number_position)
    return document


def _tahun(identitas: Identitas) -> str:
    return f"TAHUN {identitas.tahun or identitas.text('Tahun')}" if identitas.text("Tahun") else ""


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _lines(*texts: str) -> list[str]:
    return [clean_text(text) for text in texts if text]


def _add_approval_page(document: Document, identitas: Identitas, unit: str, tahun: str) -> None:
    lines = _lines(DOCUMENT_TITLE, unit, identitas.text("Kabupaten/Kota").upper(), tahun)
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph(line, style=COVER_TITLE)
        paragraph.paragraph_format.page_break_before = index == 0
        if index == len(lines) - 1:
            paragraph.paragraph_format.space_after = Cm(3)
    pimpinan, ketua = unit_signers(identitas)
    add_signature_block(document, pimpinan, ketua)


def _add_narasi(document: Document, workbook: Workbook, bagian: str) -> None:
    number = 0
    for item in workbook.narasi_for(bagian):
        lines = text_lines(workbook.identitas.fill(item.isi.text))
        if not lines:
            continue
        if item.is_list_item:
            number += 1
            add_numbered_item(document, number, lines)
        else:
            for line in lines:
                document.add_paragraph(line, style=BODY_TEXT)


def _add_rencana_aksi_table(document: Document, rows: Sequence[PlanRow]) -> None:
    columns = _COLUMNS_WITH_PJ if any(row.penanggung_jawab for row in rows) else _COLUMNS
    writer = add_header_table(document, [(header, share) for header, share, _ in columns])
    fields = [name for _, _, name in columns[2:] if name]
    add_plan_rows(
        writer,
        rows,
        lambda row, indikator: [
            CellSpec(getattr(row, name).lines, merge=indikator if name == "indikator" else None)
            for name in fields
        ],
    )
