"""Signature blocks and their rules: who signs, how a Jabatan and a NIP are printed, what keeps a signature
off a page of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from docx.document import Document
from docx.table import Table, _Cell

from zi_sheets.common.bahasa import format_tanggal
from zi_sheets.common.model import Identitas, is_no_nip, nip_digits
from zi_sheets.common.text import clean_text
from zi_sheets.render.word.layout import split_width, text_width_twips
from zi_sheets.render.word.styles import SIGNATURE_LEFT, SIGNATURE_TEXT, SIGNER_NAME
from zi_sheets.render.word.tables import (
    keep_row_with_next,
    keep_with_next,
    set_cant_split,
    set_column_widths,
    set_table_borders,
)
from zi_sheets.render.word.text import text_lines


@dataclass(frozen=True)
class Signer:
    """One signatory of a signature block.

    `place_date` ("Lumajang, 2 Januari 2019") and `lead` ("Mengetahui,") are '' to leave those lines out;
    `dated` holds (label, value) lines printed with their colons aligned ("Ditetapkan di : Bogor"), () for
    none; `jabatan` holds the position lines; `pangkat` ("Pembina Tk. I (IV/b)", '' for none) is printed
    under the name; `nip` is printed as given (see `format_nip`), and no NIP line is printed when it is '' or
    a dash.
    """

    nama: str
    jabatan: Sequence[str] = ()
    nip: str = ""
    pangkat: str = ""
    lead: str = ""
    place_date: str = ""
    dated: Sequence[tuple[str, str]] = ()


# -- How many blocks before a signature move with it to a new page: the spacer or closing line and the text
# -- before it, so a signature never stands alone. --
SIGNATURE_COMPANIONS = 2


def add_signature_block(
    document: Document, left: Signer | None = None, right: Signer | None = None, *, signature_lines: int = 4
) -> Table:
    """A borderless two-column signature table at the end of `document`; a None side stays empty.

    The first row holds the place and date, the `dated` lines, the lead and the positions, each padded so
    both sides start them on one line; the second the room to sign, the names and "NIP. ...": both names
    stand on one line however many lines either position wraps to. One signer on the right is the usual
    single-signature layout. The name is bold and underlined. A signer with `dated` lines is set flush left
    in its column, as the "Ditetapkan di" formula is printed. The rows never split and stay together, and
    the block keeps the two blocks before it on its page.
    """
    signers = [s for s in (left, right) if s is not None]
    has_place = any(s.place_date for s in signers)
    has_lead = any(s.lead for s in signers)
    dated_count = max((len(s.dated) for s in signers), default=0)
    has_nip = any(not is_no_nip(s.nip) for s in signers)
    has_pangkat = any(s.pangkat.strip() for s in signers)

    def heading(signer: Signer) -> list[str]:
        dated = [f"{label}\t: {value}" for label, value in signer.dated]
        dated += [""] * (dated_count - len(signer.dated))
        return [signer.place_date] * has_place + dated + [signer.lead] * has_lead + list(signer.jabatan)

    with_heading = any(heading(signer) for signer in signers)
    keep_with_next(document, SIGNATURE_COMPANIONS)
    table = document.add_table(rows=2 if with_heading else 1, cols=2)
    set_column_widths(table, split_width(text_width_twips(document.sections[-1]), (1, 1)))
    set_table_borders(table, visible=False)
    for row in table.rows:
        set_cant_split(row._tr)
    for column, signer in enumerate((left, right)):
        cells = [row.cells[column] for row in table.rows]
        style = SIGNATURE_LEFT if signer is not None and signer.dated else SIGNATURE_TEXT
        for cell in cells:
            cell.paragraphs[0].style = style
        if signer is None:
            continue
        if with_heading:
            _cell_lines(cells[0], heading(signer), style)
            keep_row_with_next(table.rows[0]._tr)  # -- the positions stay with the names below them
        foot = cells[-1]
        _cell_lines(foot, [""] * signature_lines, style)
        name = foot.add_paragraph(style=style) if signature_lines else foot.paragraphs[0]
        name.add_run(clean_text(signer.nama), style=SIGNER_NAME)
        if has_pangkat:  # -- a line on both sides, so that the NIPs stand on one line
            pangkat = foot.add_paragraph(style=style)
            if signer.pangkat.strip():
                pangkat.add_run(clean_text(signer.pangkat.strip()))
        if has_nip:
            nip = foot.add_paragraph(style=style)
            if not is_no_nip(signer.nip):
                nip.add_run(f"NIP. {signer.nip.strip()}")
    return table


def _cell_lines(cell: _Cell, lines: Sequence[str], style: str) -> None:
    """Write `lines` into `cell` (whose first paragraph is empty), one paragraph of `style` each."""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph(style=style)
        if line:
            paragraph.add_run(clean_text(line))


# -- How a jabatan line may start when someone signs for the head (atas nama, untuk beliau) or stands in
# -- for them (pelaksana tugas, pelaksana harian); printed in this spelling, the rest in capitals. --
_JABATAN_PREFIXES = {"an": "a.n.", "ub": "u.b.", "plt": "Plt.", "plh": "Plh."}
_JABATAN_PREFIX = re.compile(r"^\s*(a\.?\s?n|u\.?\s?b|plt|plh)\b\.?\s*", re.IGNORECASE)


def jabatan_lines(text: str) -> list[str]:
    """The lines of a Jabatan as a signature prints them: capitals, with a.n., u.b., Plt. or Plh. kept in
    their own spelling ("Plt. KEPALA DINAS KESEHATAN")."""
    lines = []
    for line in text_lines(text):
        match = _JABATAN_PREFIX.match(line)
        if match and line[match.end() :].strip():
            prefix = _JABATAN_PREFIXES[re.sub(r"[^a-z]", "", match.group(1).lower())]
            lines.append(f"{prefix} {line[match.end() :].strip().upper()}")
        else:
            lines.append(line.upper())
    return lines


def unit_signers(
    identitas: Identitas, date: str | None = None, *, single: bool = False, nip_spaced: bool = True
) -> tuple[Signer | None, Signer]:
    """The unit's signatories, `date` None meaning the Tanggal Penetapan.

    Two (`single` false): "Mengetahui," the Pimpinan (left) and the Ketua Tim (right), who dates the page
    "<Tempat Penetapan>, <date>". One (`single`): the Pimpinan alone on the right under "Ditetapkan di :
    <Tempat Penetapan>" and "Pada tanggal : <date>", the jabatan ending in a comma; the left is None.
    """
    if date is None:
        penetapan = identitas.tanggal_penetapan
        date = format_tanggal(penetapan) if penetapan else identitas.text("Tanggal Penetapan")
    tempat = identitas.text("Tempat Penetapan")

    def signer(role: str, **extra: Any) -> Signer:
        return Signer(
            nama=identitas.text(f"Nama {role}"),
            jabatan=jabatan_lines(identitas.text(f"Jabatan {role}")),
            nip=format_nip(identitas.text(f"NIP {role}"), spaced=nip_spaced),
            # -- the workbook asks for the head's rank (Identitas "Pangkat Pimpinan"); the team's it does not
            pangkat=identitas.text("Pangkat Pimpinan") if role == "Pimpinan" else "",
            **extra,
        )

    if single:
        pimpinan = signer(
            "Pimpinan", dated=[(k, v) for k, v in (("Ditetapkan di", tempat), ("Pada tanggal", date)) if v]
        )
        jabatan = list(pimpinan.jabatan)
        if jabatan and not jabatan[-1].endswith(","):
            jabatan[-1] += ","
        return None, replace(pimpinan, jabatan=jabatan)
    place_date = ", ".join(part for part in (tempat, date) if part)
    return signer("Pimpinan", lead="Mengetahui,"), signer("Ketua Tim", place_date=place_date)


def format_nip(text: str, *, spaced: bool = True) -> str:
    """An 18-digit NIP as printed: grouped "19750921 199602 1 002" (`spaced`) or "197509211996021002";
    anything else is returned as given."""
    compact = nip_digits(text)
    if len(compact) == 18 and compact.isdigit():
        return f"{compact[:8]} {compact[8:14]} {compact[14]} {compact[15:]}" if spaced else compact
    return text.strip()
