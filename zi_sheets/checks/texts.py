"""Free text as the checks read it: every text cell of the workbook once, the years a text names, and the
words around a match for quoting a long cell."""

from __future__ import annotations

import re
from collections.abc import Iterator

from zi_sheets.common.model import CellRef, CellValue, Workbook


def around(text: str, start: int, end: int, width: int = 30) -> str:
    """The words around text[start:end], for quoting a long cell."""
    line = text.replace("\n", " ")
    left = max(0, start - width)
    left = line.rfind(" ", 0, left) + 1 if left else 0
    right = line.find(" ", end + width)
    snippet = line[left : right if right != -1 else len(line)].strip()
    return ("…" if left else "") + " ".join(snippet.split()) + ("…" if right != -1 else "")


def cell_texts(workbook: Workbook) -> Iterator[CellValue]:
    """Every cell of the plan, Narasi, Monev and Lampiran sheets that holds free text, each cell once."""
    seen: set[CellRef] = set()
    values: list[CellValue] = []
    for row in workbook.rencana_aksi:
        values += [row.komponen, row.indikator, row.langkah_aksi, row.bukti_fisik, row.target_waktu]
        values.append(row.penanggung_jawab)
    values += [item.isi for item in workbook.narasi]
    values += [item.isi for item in workbook.laporan_monev]
    for entry in workbook.monev:
        values += [entry.capaian, entry.bukti_dukung, entry.kendala, entry.tindak_lanjut]
    values += [step.langkah for step in workbook.mekanisme]
    values += [target.target for target in workbook.target_prioritas]
    for member in workbook.tim_kerja:
        values += [member.jabatan, member.kedudukan]
    for value in values:
        if value and value.cell is not None and value.cell not in seen:
            seen.add(value.cell)
            yield value


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_RANGE_TO = r"\s*(?:-|\u2013|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*"
_RANGE_END = re.compile(_RANGE_TO + r"((?:19|20)\d\d)(?!\d)")
_RANGE_START = re.compile(r"(?<!\d)((?:19|20)\d\d)" + _RANGE_TO + "$")
# -- What a year is not the date of: a standard's edition (ISO 9001:2008), a regulation's number and year
# -- ("no 37/2012", "Nomor 52 Tahun 2014"), an amount of money.
_NOT_A_DATE_BEFORE = re.compile(
    r"(?::\s*|\d\s*/\s*|\d+[a-z]?\s*(?:tahun|thn|th)\.?\s*|\brp\.?\s*)$", re.IGNORECASE
)
# -- Documents that report on the year before the plan (LAKIP 2018 in a 2019 plan is current evidence).
_REPORT_WORDS = re.compile(
    r"\b(?:laporan|lap|lakip|lakin|lkjip|lkj|lppd|lhkpn|lhkasn|skp|realisasi|capaian|evaluasi|spt)\b",
    re.IGNORECASE,
)


def old_years(text: str, plan_year: int) -> list[int]:
    """Years in `text` before `plan_year` that date a document, not a standard, regulation or span."""
    years: list[int] = []
    for match in _YEAR.finditer(text):
        year = int(match.group())
        if year >= plan_year:
            continue
        before, after = text[: match.start()], text[match.end() :]
        if _NOT_A_DATE_BEFORE.search(before):
            continue
        end = _RANGE_END.match(after)
        if end and int(end.group(1)) >= plan_year:
            continue  # "Renstra 2015-2019": a span that reaches the plan year
        if _RANGE_START.search(before):
            continue  # the end of a span; its start was judged already
        if year == plan_year - 1 and _REPORT_WORDS.search(before[-40:]):
            continue
        if year not in years:
            years.append(year)
    return years


def later_years(text: str, plan_year: int) -> list[int]:
    """Years after the plan year, not the end of a span that starts at or before it ("2020-2026")."""
    years = []
    for match in _YEAR.finditer(text):
        found = int(match.group())
        if found <= plan_year or _RANGE_START.search(text[: match.start()]):
            continue
        if _NOT_A_DATE_BEFORE.search(text[: match.start()]):
            continue
        years.append(found)
    return years
