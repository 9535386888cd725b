"""The evidence folder of `build --paket`: "Bukti Dukung/<kode> <judul singkat>/<berkas>" for every file the
LKE sheet names, the way evaluators open it, with an index sheet of every item, answer and file.

Only files inside the workbook's folder are packed (a workbook from elsewhere must not pack this computer's
files); links are listed in the index and in a Tautan.txt of their item's folder, never downloaded.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from zi_sheets.analysis.analyse import Analysis
from zi_sheets.common.bahasa import format_angka
from zi_sheets.delivery.paket import Entry
from zi_sheets.lke.answers import Answer, read_answers
from zi_sheets.lke.evidence import Evidence, evidence_of
from zi_sheets.lke.items import JUMLAH, LkeItem, load_lke

FOLDER = "Bukti Dukung"
INDEX = "Indeks Bukti Dukung.xlsx"
LINKS = "Tautan.txt"
# -- Files found by walking one evidence folder; a folder of thousands is a mistake, not evidence. --
MAX_FILES_PER_FOLDER = 500


@dataclass(frozen=True)
class _Line:
    item: LkeItem
    answer: Answer
    written: str
    packed: str
    note: str


def safe_name(text: str, limit: int = 80) -> str:
    """`text` as one file or folder name on any system: no path separators or reserved characters."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", " ".join(text.split())).strip(" .")
    return name[:limit].rstrip(" .") or "berkas"


def item_folder(item: LkeItem) -> str:
    """ "Bukti Dukung/P.1.i.a Penyusunan Tim Kerja": the folder of one item's evidence in the zip."""
    return f"{FOLDER}/{safe_name(f'{item.code} {item.short_title}')}"


def evidence_entries(analysis: Analysis) -> list[Entry]:
    """The zip members of the evidence folder, index last; none when the LKE sheet holds no answer."""
    workbook = analysis.workbook
    sheet = workbook.lke
    if sheet is None or not sheet.started:
        return []
    lke = load_lke(analysis.regulation)
    answers = read_answers(lke, sheet).answers
    base = workbook.path.resolve().parent
    entries: list[Entry] = []
    lines: list[_Line] = []
    for item in lke.items:
        answer = answers[item.code]
        folder = item_folder(item)
        taken: set[str] = set()
        links = []
        found = evidence_of(answer.row, base)
        for evidence in found:
            packed, note = _pack(evidence, folder, taken, entries)
            lines.append(_Line(item, answer, evidence.text, packed, note))
            if evidence.link and not evidence.url_problem:
                links.append(evidence.text)
        if links:
            entries.append(Entry(f"{folder}/{LINKS}", data=("\r\n".join(links) + "\r\n").encode("utf-8")))
        if not found:
            lines.append(_Line(item, answer, "", "", ""))
    entries.append(Entry(f"{FOLDER}/{INDEX}", data=_index(lines, workbook.identitas.nama_unit)))
    return entries


def _pack(evidence: Evidence, folder: str, taken: set[str], entries: list[Entry]) -> tuple[str, str]:
    """Add the entries of one evidence line; (where it is in the zip, a note for the index)."""
    if evidence.link:
        return (f"{folder}/{LINKS}", "tautan") if not evidence.url_problem else ("", "tautan tidak sah")
    if evidence.path is None or not evidence.exists:
        return "", "berkas tidak ditemukan"
    if not evidence.inside:
        return "", "di luar folder workbook, tidak dikemas"
    path = evidence.path
    files = (
        [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())[:MAX_FILES_PER_FOLDER]
    )
    names = []
    for file in files:
        relative = file.relative_to(path) if file != path else Path(file.name)
        name = "/".join(safe_name(part) for part in relative.parts)
        name = _unique(name, taken)
        entries.append(Entry(f"{folder}/{name}", source=file))
        names.append(f"{folder}/{name}")
    if not names:
        return "", "folder kosong"
    return (names[0] if len(names) == 1 else f"{folder}/ ({len(names)} berkas)"), "dikemas"


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or "name (2).pdf" when the item's folder already holds that name."""
    candidate, number = name, 2
    stem, dot, suffix = name.rpartition(".")
    while candidate.lower() in taken:
        candidate = f"{stem} ({number}).{suffix}" if dot else f"{name} ({number})"
        number += 1
    taken.add(candidate.lower())
    return candidate


_INDEX_COLUMNS = (
    ("Kode", 13),
    ("Area", 26),
    ("Sub-Area", 28),
    ("Pertanyaan", 55),
    ("Jawaban", 10),
    ("Nilai", 8),
    ("Bukti Dukung (di workbook)", 40),
    ("Di paket", 50),
    ("Keterangan", 28),
)


def _index(lines: list[_Line], unit: str) -> bytes:
    """The index workbook: one row per item and evidence line (an item without evidence gets one row)."""
    from openpyxl.styles import Alignment, Font, PatternFill

    from zi_sheets.common.xlsx_book import new_xlsx, put

    book = new_xlsx(f"Indeks Bukti Dukung LKE {unit}", unit)
    sheet = book.active
    sheet.title = "Indeks"
    for col, (header, width) in enumerate(_INDEX_COLUMNS, start=1):
        cell = sheet.cell(1, col, header)
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="D9E2F3")
        sheet.column_dimensions[cell.column_letter].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, line in enumerate(lines, start=2):
        item, answer = line.item, line.answer
        subarea = f"{item.subarea.title()}: {item.group_name}" if item.subarea else item.group_name
        value = "" if item.kind == JUMLAH else format_angka(answer.counted)
        shown = answer.shown if answer.answered else "(kosong)"
        values = (
            item.code,
            item.area_label,
            subarea,
            item.text,
            shown,
            value,
            line.written,
            line.packed,
            line.note,
        )
        for col, text in enumerate(values, start=1):
            put(sheet, row, col, text).alignment = wrap  # -- answers, evidence and file names: text
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
