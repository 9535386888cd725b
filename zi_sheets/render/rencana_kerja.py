"""The Rencana Kerja Pembangunan ZI document: cover, signatures, the unit's outline (or BAB I-IV) and the
Rencana Aksi matrix, in the body or as a Lampiran after the signature."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from docx.document import Document
from docx.shared import Cm, Pt

from zi_sheets.common.model import (
    EMPTY,
    RENCANA_AKSI_PLACEHOLDER,
    CellValue,
    Identitas,
    NarasiItem,
    PlanRow,
    Workbook,
)
from zi_sheets.common.standard_texts import BABS, bab_heading
from zi_sheets.common.text import clean_text, marker_kind, normalize, split_marker
from zi_sheets.reading.house_style import PageStyle
from zi_sheets.reading.schema import RENCANA_AKSI
from zi_sheets.render.cover import add_cover
from zi_sheets.render.plan_table import add_plan_rows, no_need
from zi_sheets.render.word.document import new_document, set_properties
from zi_sheets.render.word.layout import column_need, fit_shares, text_width_twips
from zi_sheets.render.word.page import add_landscape_section, add_page_number_footer, add_portrait_section
from zi_sheets.render.word.signature import add_signature_block, unit_signers
from zi_sheets.render.word.styles import (
    BODY_TEXT,
    COVER_TITLE,
    HEADING_1,
    HEADING_2,
    HEADING_3,
    NORMAL,
    TITLE,
)
from zi_sheets.render.word.tables import add_header_table, hold_table_ends
from zi_sheets.render.word.text import add_list_item, text_lines

DOCUMENT_TITLE = "DOKUMEN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS"
LAMPIRAN_TITLE = "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS"


def document_title(identitas: Identitas) -> list[str]:
    """The title lines: Judul Dokumen as written (Alt+Enter for several lines), else DOCUMENT_TITLE."""
    return [clean_text(line).upper() for line in identitas.get("Judul Dokumen").lines] or [DOCUMENT_TITLE]


def build_rencana_kerja(workbook: Workbook, style: PageStyle | None = None) -> Document:
    """The Rencana Kerja Pembangunan ZI of `workbook` as a python-docx Document (not saved).

    `style` None means the default page style (F4, Arial 12, two signers on an approval page).
    """
    style = style or PageStyle()
    identitas = workbook.identitas
    document = new_document(style)
    unit = identitas.nama_unit.upper()
    tahun = _tahun(identitas)
    title = document_title(identitas)
    set_properties(document, identitas, _join(*title, unit, tahun))

    add_cover(document, identitas, style, [*title, unit, tahun])
    if not style.single_signer:
        _add_approval_page(document, identitas, style, title, unit, tahun)

    heading = document.add_paragraph(_join(*title, unit, tahun), style=TITLE)
    heading.paragraph_format.page_break_before = True
    body = _Body(document, workbook, style)
    if workbook.narasi_headings:
        _write_outline(body, workbook.narasi)
    else:
        _write_babs(body, workbook)
    if style.single_signer:
        body.ensure_orientation(body.landscape)
        _add_closing_signature(document, identitas, style)
    if not body.table_written:
        _add_rencana_aksi_lampiran(document, workbook.rencana_aksi, style, unit)

    hold_table_ends(document)
    for index, section in enumerate(document.sections):
        add_page_number_footer(section, title_page=index == 0, position=style.page_number_position)
    return document


def _tahun(identitas: Identitas) -> str:
    return f"TAHUN {identitas.tahun or identitas.text('Tahun')}" if identitas.text("Tahun") else ""


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _lines(*texts: str) -> list[str]:
    return [clean_text(text) for text in texts if text]


def _add_approval_page(
    document: Document, identitas: Identitas, style: PageStyle, title: list[str], unit: str, tahun: str
) -> None:
    lines = _lines(*title, unit, identitas.kabupaten_kota.upper(), tahun)
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph(line, style=COVER_TITLE)
        paragraph.paragraph_format.page_break_before = index == 0
        if index == len(lines) - 1:
            paragraph.paragraph_format.space_after = Cm(3)
    pimpinan, ketua = unit_signers(identitas, nip_spaced=style.nip_spaced)
    add_signature_block(document, pimpinan, ketua)


def _add_closing_signature(document: Document, identitas: Identitas, style: PageStyle) -> None:
    """The single signer's "Ditetapkan di" block at the end of the text, kept with its last lines."""
    spacer = document.add_paragraph(style=NORMAL)
    spacer.paragraph_format.space_after = Pt(12)
    left, right = unit_signers(identitas, single=True, nip_spaced=style.nip_spaced)
    add_signature_block(document, left, right)


# ---------------------------------------------------------------------------------------------------------
# The body: headings written only above content, lists with their markers, the table in landscape


@dataclass
class _Pending:
    """A heading waiting for content: `rank` 1 (chapter) to 3; `text` gets the numbers of the headings
    written so far (classic outline) when it is written."""

    rank: int
    style: str
    text: Callable[[list[int]], list[str]]


@dataclass
class _Body:
    """Writes the body in order; a heading is written only when content follows it before a heading of
    the same or a higher rank, so no section without text leaves an empty heading."""

    document: Document
    workbook: Workbook
    style: PageStyle
    pending: list[_Pending] = field(default_factory=list)
    counters: list[int] = field(default_factory=lambda: [0, 0, 0])
    landscape: bool = False
    table_written: bool = False
    lists: _ListLevels = field(default_factory=lambda: _ListLevels())

    def heading(self, rank: int, style: str, text: Callable[[list[int]], list[str]]) -> None:
        self.pending = [p for p in self.pending if p.rank < rank]
        self.pending.append(_Pending(rank, style, text))
        self.lists.reset()

    def ensure_orientation(self, landscape: bool) -> None:
        if landscape != self.landscape:
            self.landscape = landscape
            (add_landscape_section if landscape else add_portrait_section)(self.document, self.style)

    def _flush(self) -> None:
        for pending in self.pending:
            self.counters[pending.rank - 1] += 1
            self.counters[pending.rank :] = [0] * (len(self.counters) - pending.rank)
            lines = pending.text(self.counters)
            paragraph = self.document.add_paragraph(style=pending.style)
            for index, line in enumerate(lines):
                run = paragraph.add_run(clean_text(line))
                if index < len(lines) - 1:
                    run.add_break()
        self.pending = []

    def narasi(self, item: NarasiItem, auto_number: Callable[[], int] | None = None) -> None:
        """One Narasi row: its paragraphs or list items (a further line of a cell that starts with a marker
        is an item of its own; one without continues the item above it)."""
        text = self.workbook.identitas.fill(item.isi.text)
        lines = text_lines(text)
        if not lines:
            return
        self.ensure_orientation(False)
        self._flush()
        marker = item.marker
        if item.is_list_item and not marker:
            marker = f"{auto_number()}." if auto_number is not None else "-"
            kind = "auto"
        else:
            kind = marker_kind(marker)
        item_lines: list[str] = []
        for index, line in enumerate(lines):
            own, rest = split_marker(line) if index else ("", line)
            if own:
                self._list_item(marker, kind, item_lines)
                marker, kind, item_lines = own, marker_kind(own), [rest]
            elif marker:
                item_lines.append(line)
            else:
                self.document.add_paragraph(line, style=BODY_TEXT)
                self.lists.reset()
        self._list_item(marker, kind, item_lines)

    def _list_item(self, marker: str, kind: str, lines: list[str]) -> None:
        if marker and lines:
            add_list_item(self.document, marker, lines, self.lists.level(kind))

    def table(self) -> None:
        self.ensure_orientation(True)
        self._flush()
        _add_rencana_aksi_table(self.document, self.workbook.rencana_aksi, self.style)
        self.table_written = True


@dataclass
class _ListLevels:
    """The nesting level of list items by the kind of their marker: the first kind met is level 1, a new
    kind one level deeper (at most 3), a kind met before its own level again. Restarts after a heading
    or a plain paragraph."""

    levels: dict[str, int] = field(default_factory=dict)
    last: int = 0

    def level(self, kind: str) -> int:
        if kind not in self.levels:
            self.levels[kind] = min(self.last + 1, 3)
        self.last = self.levels[kind]
        return self.last

    def reset(self) -> None:
        self.levels.clear()
        self.last = 0


def _is_table_placeholder(item: NarasiItem) -> bool:
    return normalize(item.isi.text) == normalize(RENCANA_AKSI_PLACEHOLDER) and "{" in item.isi.text


def _write_babs(body: _Body, workbook: Workbook) -> None:
    """The classic Narasi sheet (Bagian | Isi) under the standard BAB I-IV; numbers count only the
    chapters and sub-sections printed."""
    for bab in BABS:

        def chapter(counters: list[int], bab=bab) -> list[str]:
            return [bab_heading(counters[0], bab)]

        body.heading(1, HEADING_1, chapter)
        if bab.rencana_aksi:
            body.table()
        if bab.bagian is not None:
            _write_bagian(body, workbook, bab.bagian)
        for heading, bagian in bab.subsections:

            def sub(counters: list[int], heading=heading) -> list[str]:
                return [f"{counters[0]}.{counters[1]} {heading}"]

            body.heading(2, HEADING_2, sub)
            _write_bagian(body, workbook, bagian)


def _write_bagian(body: _Body, workbook: Workbook, bagian: str) -> None:
    count = 0

    def auto_number() -> int:
        nonlocal count
        count += 1
        return count

    for item in workbook.narasi_for(bagian):
        if not _is_table_placeholder(item):  # -- the classic outline has its table in BAB III
            body.narasi(item, auto_number)


# -- The kinds of heading a unit writes, told apart by how they are numbered. --
_BAB = re.compile(r"^BAB\s+([IVXLC]+|\d+)\b", re.IGNORECASE)
_DECIMAL = re.compile(r"^\d+((?:\.\d+)+)\.?\s")
_ROMAN = re.compile(r"^([IVXLC]+)[.)]\s")
_HEADINGS = (HEADING_1, HEADING_2, HEADING_3)


def heading_kinds(texts: Sequence[str]) -> list[str]:
    """The kind of each heading, in order: "BAB", "9.9" (1.1), "9.9.9", "I." (Roman), a list marker's kind
    ("Z." for "A.", "9." for "1."), or "plain".

    -- "C." and "I." may be letters or Roman numerals: a letter when the letter before it was the previous
    -- letter heading ("B." then "C."), or when no heading is numbered "II." or beyond. --
    """
    many_romans = any(len(m.group(1)) > 1 for m in map(_ROMAN.match, texts) if m)
    kinds: list[str] = []
    last_letter = ""
    for text in texts:
        roman_match = _ROMAN.match(text)
        decimal = _DECIMAL.match(text)
        if _BAB.match(text):
            kind = "BAB"
        elif decimal:
            kind = "9" + ".9" * decimal.group(1).count(".")
        elif roman_match and (
            len(roman_match.group(1)) > 1 or _reads_as_roman(roman_match, last_letter, many_romans)
        ):
            kind = "I."
        else:
            marker, _ = split_marker(text)
            kind = marker_kind(marker) if marker else "plain"
            if kind in ("Z.", "Z)"):
                last_letter = marker[0]
        kinds.append(kind)
    return kinds


def _reads_as_roman(match: re.Match[str], last_letter: str, many_romans: bool) -> bool:
    """True when the one-character numeral of `match` is a Roman numeral rather than a letter."""
    letter = match.group(1)
    follows = bool(last_letter) and ord(letter) == ord(last_letter) + 1
    return many_romans and not follows


def _written(lines: list[str]) -> Callable[[list[int]], list[str]]:
    """A heading's text as the unit wrote it, whatever was numbered before it."""

    def text(counters: list[int]) -> list[str]:
        return lines

    return text


def _write_outline(body: _Body, items: Sequence[NarasiItem]) -> None:
    """A Narasi sheet with a Judul column: the headings as written, ranked by how they are numbered.

    "BAB ..." headings are chapters (rank 1, Heading 1); the other kinds rank by their first appearance
    below them ("1.1" then "1.1.1"; or "A." then "1."), at most three ranks. Without chapters the first
    kind is rank 1 but printed as Heading 2: flush left, as "A. Latar Belakang" is printed.
    """
    headings = [item for item in items if item.is_heading]
    kinds = heading_kinds([item.isi.text for item in headings])
    kind_of = {id(item): kind for item, kind in zip(headings, kinds, strict=True)}
    has_bab = "BAB" in kinds
    others = [kind for kind in dict.fromkeys(kinds) if kind != "BAB"]
    ranks = {kind: min(index + (2 if has_bab else 1), 3) for index, kind in enumerate(others)}
    ranks["BAB"] = 1
    for item in items:
        if item.is_heading:
            rank = ranks[kind_of[id(item)]]
            style = _HEADINGS[min(rank + (0 if has_bab else 1), 3) - 1]
            body.heading(rank, style, _written(text_lines(body.workbook.identitas.fill(item.isi.text))))
        elif _is_table_placeholder(item):
            body.table()
        else:
            body.narasi(item)


# ---------------------------------------------------------------------------------------------------------
# The Rencana Aksi table


# -- The plan's columns the table prints, each (field, share of the width); the header is the column's
# -- label in `reading.schema`, in capitals. Area is printed as the group rows, Kode LKE not at all. --
_PRINTED = (
    ("no", 4),
    ("komponen", 14),
    ("indikator", 21),
    ("langkah_aksi", 25),
    ("bukti_fisik", 22),
    ("target_waktu", 14),
)
_PRINTED_WITH_PJ = (
    ("no", 4),
    ("komponen", 12),
    ("indikator", 18),
    ("langkah_aksi", 21),
    ("bukti_fisik", 18),
    ("target_waktu", 12),
    ("penanggung_jawab", 15),
)
# -- The NO and KOMPONEN columns are filled by grouping, not from the row's own field. --
_GROUPED = ("no", "komponen")


def _columns(printed: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float, str | None], ...]:
    """(header, share of the width, PlanRow field or None when filled by grouping) of each printed column."""
    return tuple(
        (RENCANA_AKSI.column(name).label.upper(), share, None if name in _GROUPED else name)
        for name, share in printed
    )


_COLUMNS = _columns(_PRINTED)
_COLUMNS_WITH_PJ = _columns(_PRINTED_WITH_PJ)


def _add_rencana_aksi_table(document: Document, rows: Sequence[PlanRow], style: PageStyle) -> None:
    base = _COLUMNS_WITH_PJ if any(row.penanggung_jawab for row in rows) else _COLUMNS
    # -- a plan without an Indikator or Langkah Aksi column (Komponen -> Output -> Waktu) prints none: a
    # -- column empty on every row is one the unit never wrote; its width goes to the others
    base = tuple(
        column
        for column in base
        if column[2] in (None, "target_waktu") or any(getattr(row, column[2]) for row in rows)
    )
    extras = [
        header
        for header in dict.fromkeys(key for row in rows for key in row.extra)
        if any(row.extra.get(header) for row in rows)
    ]
    total, font = text_width_twips(document.sections[-1]), style.table_size_pt
    headers = [header for header, _, _ in base] + [header.upper() for header in extras]
    # -- the standard columns keep their proportions in what the unit's columns leave; a No written longer
    # -- than the usual "12" ("VI.20") widens the NO column to hold it --
    needs = [no_need(document, rows, font)] + [0.0] * (len(base) - 1)
    needs += [column_need(h, [row.extra.get(h, EMPTY).text for row in rows], total, font) for h in extras]
    shares = fit_shares([share for _, share, _ in base] + [0.0] * len(extras), needs)
    writer = add_header_table(document, list(zip(headers, shares, strict=True)))
    names = [name for _, _, name in base[2:] if name]

    def cells(row: PlanRow) -> list[CellValue]:
        return [*(getattr(row, name) for name in names), *(row.extra.get(h, EMPTY) for h in extras)]

    add_plan_rows(document, writer, rows, cells, font)


def _add_rencana_aksi_lampiran(
    document: Document, rows: Sequence[PlanRow], style: PageStyle, unit: str
) -> None:
    """The Rencana Aksi as a Lampiran after the signature: a landscape page with its own title block."""
    add_landscape_section(document, style)
    for index, line in enumerate(_lines("LAMPIRAN", _join(LAMPIRAN_TITLE, unit))):
        paragraph = document.add_paragraph(line, style=TITLE)
        if index == 0:
            paragraph.paragraph_format.space_after = Pt(0)
    _add_rencana_aksi_table(document, rows, style)
