"""Free text as the checks read it: every text cell of the workbook once, the years a text names, and the
words around a match for quoting a long cell."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from zi_sheets.common.model import CellRef, CellValue, Workbook


def around(text: str, start: int, end: int, width: int = 30) -> str:
    """The words around text[start:end], for quoting a long cell."""
    line = text.replace("\n", " ")
    left = max(0, start - width)
    left = line.rfind(" ", 0, left) + 1 if left else 0
    right = line.find(" ", end + width)
    snippet = line[left : right if right != -1 else len(line)].strip()
    return ("…" if left else "") + " ".join(snippet.split()) + ("…" if right != -1 else "")


# -- A name after these words, in the same clause, names a partner ("bekerja sama dengan Pemkot Malang",
# -- "berkoordinasi dengan Polres"): no residue of another unit's document.
_PARTNER_BEFORE = re.compile(
    r"\b(?:(?:be)?kerja\s*sama|berkoordinasi|koordinasi|kolaborasi|berkolaborasi|bersinergi|sinergi|"
    r"kemitraan|mitra|nota\s+kesepahaman|mou|pks|perjanjian\s+kerja\s*sama)\b"
    r"(?:\s+(?:dengan|antara|bersama))?[^.;:!?\n]{0,60}$",
    re.IGNORECASE,
)


def named_as_partner(text: str, start: int) -> bool:
    """Whether the name at text[start:] is named as a partner (`_PARTNER_BEFORE`)."""
    return bool(_PARTNER_BEFORE.search(text, max(0, start - 120), start))


def cell_texts(workbook: Workbook) -> Iterator[CellValue]:
    """Every cell of the plan, Narasi, Monev, Realisasi, LaporanMonev and Lampiran sheets that holds free
    text, each cell once."""
    seen: set[CellRef] = set()
    values: list[CellValue] = []
    for row in workbook.rencana_aksi:
        values += [row.komponen, row.indikator, row.langkah_aksi, row.bukti_fisik, row.target_waktu]
        values.append(row.penanggung_jawab)
    values += [item.isi for item in workbook.narasi]
    values += [item.isi for item in workbook.laporan_monev]
    for entry in workbook.monev:
        values += [entry.capaian, entry.bukti_dukung, entry.kendala, entry.tindak_lanjut]
    for realisasi in workbook.realisasi:
        for period in realisasi.periods:
            values += [period.realisasi, period.bukti, period.kendala, period.tindak_lanjut]
    values += [step.langkah for step in workbook.mekanisme]
    values += [target.target for target in workbook.target_prioritas]
    for member in workbook.tim_kerja:
        values += [member.jabatan, member.kedudukan]
    for value in values:
        if value and value.cell is not None and value.cell not in seen:
            seen.add(value.cell)
            yield value


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_RANGE_TO = r"\s*(?:-|\u2013|\u2014|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*"
_RANGE_END = re.compile(_RANGE_TO + r"((?:19|20)\d\d)(?!\d)")
_RANGE_START = re.compile(r"(?<!\d)((?:19|20)\d\d)" + _RANGE_TO + "$")
# -- What a year is not the date of: a standard's edition (ISO 9001:2008), a regulation's or a letter's number
# -- and year ("no 37/2012", "Nomor 52 Tahun 2014", "Nomor W.12.PAS-1903-KP.01.02 Tahun 2019"), an amount of
# -- money, the Constitution ("Undang-Undang Dasar 1945", "UUD NRI Tahun 1945").
_NOT_A_DATE_BEFORE = re.compile(
    r"(?::\s*|\d\s*/\s*|\d+[a-z]?\s*(?:tahun|thn|th)\.?\s*|\brp\.?\s*|"
    r"\b(?:undang\W+undang\s+dasar|uud)(?:\s+(?:negara\s+)?(?:republik\s+indonesia|nri|ri))?"
    r"(?:\s+tahun)?\s*)$",
    re.IGNORECASE,
)
# -- A regulation's own date right after its number ("Nomor 52 Tahun 2014 tanggal 17 Oktober 2014").
_CITED_DATE_BEFORE = re.compile(
    r"(?:nomor|no\.?)\s*\S+\s+(?:tahun|thn|th)\.?\s*(?:19|20)\d\d\s*,?\s*(?:tanggal|tgl\.?)\s+\d{1,2}\s+"
    r"[a-z]+\s*$",
    re.IGNORECASE,
)
# -- A year inside a number: "800/1450/435.7/2018", "W.12.PAS-1903-KP.01.02" (not a date "12/03/2018" nor
# -- a span "2015-2019").
_TOKEN_EDGE = "()[]{}\"'\u201c\u201d,;:"
_DATE_TOKEN = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}")
_SPAN_TOKEN = re.compile(r"(?:19|20)\d\d[-/\u2013](?:19|20)\d\d")
# -- Documents that report on the year before the plan (LAKIP 2018 in a 2019 plan is current evidence).
_REPORT_WORDS = re.compile(
    r"\b(?:laporan|lap|lakip|lakin|lkjip|lkj|lppd|lhkpn|lhkasn|skp|realisasi|capaian|evaluasi|spt)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class YearMention:
    """A year written in a text, and what it is: `date` (the date of what the text tells), `citation` (the
    year of a cited regulation or letter, or its date), `number` (part of a letter's or file's number) or
    `span` (one end of a period, "Renstra 2015-2019")."""

    year: int
    start: int
    end: int
    kind: str


def _token_around(text: str, start: int, end: int) -> str:
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:right].strip(_TOKEN_EDGE).rstrip(".")


def year_mentions(text: str) -> list[YearMention]:
    """Every year (1900-2099) written in `text`, left to right, with its kind (`YearMention`)."""
    found: list[YearMention] = []
    for match in _YEAR.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        token = _token_around(text, match.start(), match.end())
        if _DATE_TOKEN.fullmatch(token):
            kind = "date"
        elif _NOT_A_DATE_BEFORE.search(before) or _CITED_DATE_BEFORE.search(before):
            kind = "citation"
        elif _RANGE_END.match(after) or _RANGE_START.search(before):
            kind = "span"
        elif token != match.group() and not _DATE_TOKEN.fullmatch(token) and not _SPAN_TOKEN.fullmatch(token):
            kind = "number" if re.search(r"[0-9A-Za-z][./-]|[./-][0-9A-Za-z]", token) else "date"
        else:
            kind = "date"
        found.append(YearMention(int(match.group()), match.start(), match.end(), kind))
    return found


def old_years(text: str, plan_year: int) -> list[int]:
    """Years in `text` before `plan_year` that date what the text tells: not a regulation, a number, or a
    period that reaches the plan year (a period that ended before it, "Renstra 2010-2014" in 2019, is old)."""
    years: list[int] = []
    for mention in year_mentions(text):
        year = mention.year
        if year >= plan_year or mention.kind not in ("date", "span"):
            continue
        if mention.kind == "span":
            end = _RANGE_END.match(text, mention.end)
            if end is None or int(end.group(1)) >= plan_year:
                continue  # the end of a span, or a period that reaches the plan year ("Renstra 2015-2019")
        if year == plan_year - 1 and _REPORT_WORDS.search(text[: mention.start][-40:]):
            continue
        if year not in years:
            years.append(year)
    return years


def later_years(text: str, plan_year: int) -> list[int]:
    """Years after the plan year that date what the text tells (not a period "2020-2026", a regulation or
    a number)."""
    return [m.year for m in year_mentions(text) if m.year > plan_year and m.kind == "date"]


# -- A date whose year cannot be ("18 Maret 219", "Juni 20211"): a month written out, then a number of three
# -- or five digits, or four outside 1900-2100, standing at the end of the date (not "Maret 150 peserta").
_MONTH_WORDS = (
    "januari|februari|pebruari|febuari|maret|april|mei|juni|juli|agustus|agust|september|oktober|november|"
    "nopember|desember"
)
_IMPOSSIBLE_DATE = re.compile(
    rf"(?<![0-9A-Za-z])(?P<day>\d{{1,2}}\s+)?(?:{_MONTH_WORDS})\s+(?P<year>\d{{3}}|\d{{4}}|\d{{5,6}})"
    r"(?![0-9])(?![.,]\d)",
    re.IGNORECASE,
)


def impossible_years(text: str) -> list[tuple[str, int, int]]:
    """Dates in `text` whose year cannot be: (the date as written, start, end), left to right."""
    found = []
    for match in _IMPOSSIBLE_DATE.finditer(text):
        digits = match.group("year")
        if len(digits) == 4 and 1900 <= int(digits) <= 2100:
            continue
        rest = text[match.end() :]
        if not match.group("day") and re.match(r"\s*[A-Za-z]", rest):
            continue  # "Maret 150 peserta": a count after a month, not a year
        found.append((match.group().strip(), match.start(), match.end()))
    return found
