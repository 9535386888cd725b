"""Checks that hold for every kind of unit: actions, dates of evidence, area titles, realisation, indicators
and years outside the plan (thresholds set on the generated corpus, tests/corpus.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from zi_sheets.checks.context import CheckContext
from zi_sheets.checks.langkah import is_action, langkah_steps
from zi_sheets.checks.registry import check
from zi_sheets.checks.texts import around, impossible_years, later_years, old_years, year_mentions
from zi_sheets.common.bahasa import format_bulan, format_tanggal, roman, row_spans
from zi_sheets.common.catalogue import Catalogue
from zi_sheets.common.dates import parse_target
from zi_sheets.common.findings import Finding, register
from zi_sheets.common.model import (
    AREAS,
    CellRef,
    CellValue,
)
from zi_sheets.common.text import normalize

# -- The finding types of this family (the README lists them in `lke.check.CATALOGUE_ORDER`). --
INDIKATOR_MISSING = register(
    "indikator-missing",
    "info",
    "Indikator LKE tanpa rencana aksi",
    "Indikator {kode} {indikator!q} (komponen {komponen} '{nama}') belum punya baris rencana aksi.",
    "Komponen yang sudah punya baris rencana aksi tetapi salah satu indikatornya belum; isi Kode LKE pada "
    "baris yang menjawabnya, atau tambahkan barisnya.",
)
AREA_TITLE_DIFFERS = register(
    "area-title-differs",
    "warning",
    "Judul area berbeda dengan area LKE",
    "Judul area {judul!q} bukan area LKE {area}; tulis judul area sesuai {katalog}.",
    "Judul area yang lain dari area katalog (atau bernomor area lain) tercetak apa adanya di dokumen.",
)
TARGET_CONTRADICTS_BUKTI = register(
    "target-contradicts-bukti",
    "warning",
    "Bukti Fisik bertanggal di luar Target Waktu",
    "Bukti Fisik menyebut {bulan}, di luar Target Waktu {target!q}: {bukti!q}.",
    "Bukti yang bertanggal di luar jadwal barisnya biasanya tersalin dari baris atau rencana lain.",
)
YEAR_OUTSIDE_PLAN = register(
    "year-outside-plan",
    "warning",
    "Teks menyebut tahun lain dari tahun rencana",
    "Teks menyebut tahun {years}, bukan tahun rencana {tahun}: '{kutipan}'.",
    "Tahun lain di Narasi, Monev atau Lampiran biasanya tersalin dari dokumen tahun lain.",
)
TEXT_YEAR_IMPOSSIBLE = register(
    "text-year-impossible",
    "warning",
    "Tanggal di teks bertahun mustahil",
    "Tanggal {tanggal!q} bertahun mustahil; periksa salah ketiknya: '{kutipan}'.",
    "Tahun seperti '219' pada tanggal di Narasi, Monev, Realisasi atau laporan adalah salah ketik yang "
    "tercetak apa adanya di dokumen (Target Waktu diperiksa oleh target-year-impossible).",
)
LANGKAH_NOT_ACTION = register(
    "langkah-not-action",
    "warning",
    "Langkah Aksi bukan kegiatan",
    "Langkah Aksi {langkah!q} menyebut hasil atau benda, bukan kegiatan; tulis kegiatannya, mis. "
    "'Menyusun ...', 'Melaksanakan ...'.",
    "Langkah Aksi menyebut apa yang dikerjakan ('Menyusun SOP'), bukan hasilnya ('SOP telah ditetapkan').",
)
REALISASI_IN_PLAN = register(
    "realisasi-in-plan",
    "warning",
    "Rencana sudah melaporkan realisasi 100%",
    "{jumlah} baris rencana sudah melaporkan realisasi 100% ({baris}), padahal rencana ditetapkan "
    "{ditetapkan} dan targetnya jatuh sesudahnya (mis. {realisasi!q} dengan target {target!q}); laporkan "
    "realisasi di Monev, bukan di rencana aksi.",
    "Rencana yang ditetapkan di awal tahun belum dapat melaporkan kegiatan yang jatuh tempo sesudahnya "
    "sebagai selesai; dilaporkan sekali untuk seluruh rencana, dengan jumlah dan barisnya.",
)


@check(emits=(LANGKAH_NOT_ACTION,))
def check_langkah_not_action(context: CheckContext) -> Iterator[Finding]:
    """Every step of a Langkah Aksi is an action, not a result or a noun (a repeat of the Bukti Fisik is
    reported as `langkah-repeats-bukti` instead)."""
    for row in context.plan:
        langkah = row.langkah_aksi
        if not langkah or row.row in context.repeats_bukti:
            continue
        step = next((s for s in langkah_steps(langkah.text) if not is_action(s)), None)
        if step is not None:
            yield LANGKAH_NOT_ACTION.at(langkah.cell, langkah=step)


# -- A month named in running text: full names and the old spellings, not the three-letter abbreviations
# -- ("des" in "desa", "mar" in "markas").
_MONTH_IN_TEXT = re.compile(
    r"(?<![0-9a-z])(?:januari|februari|pebruari|febuari|maret|april|mei|juni|juli|agustus|agust|september|"
    r"oktober|november|nopember|desember)(?![0-9a-z])",
    re.IGNORECASE,
)


@check(emits=(TARGET_CONTRADICTS_BUKTI,))
def check_target_contradicts_bukti(context: CheckContext) -> Iterator[Finding]:
    """A Bukti Fisik that names months names at least one month of its row's Target Waktu."""
    year = context.plan_year
    for row in context.plan:
        bukti = row.bukti_fisik
        target = context.targets[row.row]
        first_month = _MONTH_IN_TEXT.search(bukti.text) if bukti and target.months else None
        if first_month is None:
            continue
        # -- the months the Bukti names, from its first month word on: a year before it names the document
        # -- ("rencana kerja 2021 (Juli, Des 2021)"), not a whole year of evidence
        named = parse_target(bukti.text[first_month.start() :], year).months
        # -- another year is `evidence-year-old`'s or `target-outside-year`'s to report
        in_year = {m for m in named if year is None or m[0] == year}
        planned = {m for m in target.months if year is None or m[0] == year}
        if in_year and planned and not in_year & planned:
            bulan = ", ".join(format_bulan(*m) for m in sorted(in_year))
            yield TARGET_CONTRADICTS_BUKTI.at(
                bukti.cell, bulan=bulan, target=row.target_waktu.text, bukti=bukti.text
            )


# -- Area titles compare as these words: "Sumber Daya Manusia" is "SDM", "Tata Laksana" "Tatalaksana".
_AREA_PHRASES = (("sumber daya manusia", "sdm"), ("tata laksana", "tatalaksana"))
_AREA_SPARE = frozenset("area dan aparatur kinerja".split())
_AREA_LEAD = re.compile(r"^\s*(?:area\s+)?(?:[ivx]+|\d+)(?:\s*[.):-]\s*|\s+|$)", re.IGNORECASE)


def _area_words(text: str) -> set[str]:
    norm = normalize(text)
    for phrase, short in _AREA_PHRASES:
        norm = norm.replace(phrase, short)
    return set(norm.split()) - _AREA_SPARE


def area_title_differs(written: str, area_no: int | None, catalogue: Catalogue) -> bool:
    """True when a written area title ("II. PENATAAN TATALAKSANA") is not the title of area `area_no`:
    another area's title, extra words, or a misspelling. A bare number ("Area 2", "II") differs from
    nothing."""
    title = _AREA_LEAD.sub("", written).strip()
    if not normalize(title) or normalize(title) == "area":
        return False
    if area_no is None or not any(a.no == area_no for a in catalogue.areas):
        return True
    expected = _area_words(AREAS[area_no]) | _area_words(catalogue.area(area_no).name)
    words = _area_words(title)
    return not words <= expected or len(words) * 2 < len(_area_words(AREAS[area_no]))


@check(emits=(AREA_TITLE_DIFFERS,))
def check_area_titles(context: CheckContext) -> Iterator[Finding]:
    """Every area title written in the plan is its catalogue area's title (once per distinct title)."""
    seen: set[tuple[str, int | None]] = set()
    for row in context.plan:
        area = row.area
        key = (normalize(area.text), row.area_no)
        if not area or key in seen:
            continue
        seen.add(key)
        if area_title_differs(area.text, row.area_no, context.catalogue):
            name = f"{roman(row.area_no)}. {AREAS[row.area_no]}" if row.area_no in AREAS else "mana pun"
            yield AREA_TITLE_DIFFERS.at(
                area.cell, judul=area.text, area=name, katalog=context.catalogue.title
            )


_FULL_REALISATION = re.compile(
    r"(?:realisasi|capaian|progres|progress|terealisasi|tercapai|terlaksana)\s*:?\s*100\s*%|"
    r"100\s*%\s*(?:terealisasi|tercapai|terlaksana|selesai)",
    re.IGNORECASE,
)
_DONE_WORDS = frozenset("selesai sudah tercapai terlaksana terealisasi done".split())


def full_realisation(value: CellValue, column: bool) -> bool:
    """True when a cell reports 100% realisation: '100%' (or 100, or 1 as an Excel percentage) or a word
    of completion in a Realisasi column (`column`), a phrase such as 'realisasi 100%' in any text."""
    if not value:
        return False
    if column:
        raw = value.raw
        if isinstance(raw, int | float) and not isinstance(raw, bool) and raw in (1, 100):
            return True
        text = normalize(value.text)
        if re.fullmatch(r"100(?: 0+)?", text) or value.text.strip().replace(" ", "") in ("100%", "100,00%"):
            return True
        if text in _DONE_WORDS:
            return True
    # -- both forms of the phrase hold "100": most cells are done with without the search
    return "100" in value.text and bool(_FULL_REALISATION.search(value.text))


@check(emits=(REALISASI_IN_PLAN,))
def check_realisasi_in_plan(context: CheckContext) -> Iterator[Finding]:
    """A plan signed before a row's target month reports no 100% realisation for that row: one finding for
    the plan (the rows are one fact: a plan that reports what it has yet to do), at the first such cell."""
    signed = context.identitas.tanggal_penetapan
    if signed is None:
        return
    found: list[tuple[CellValue, str]] = []
    for row in context.plan:
        target = context.targets[row.row]
        if target.last is None or target.last <= (signed.year, signed.month):
            continue
        cells = [(row.realisasi, True)] + [
            (getattr(row, name), False) for name in ("langkah_aksi", "bukti_fisik", "target_waktu")
        ]
        value = next((v for v, column in cells if full_realisation(v, column)), None)
        if value is not None:
            found.append((value, row.target_waktu.text))
    if found:
        first, first_target = found[0]
        yield REALISASI_IN_PLAN.at(
            first.cell,
            jumlah=len(found),
            baris=row_spans(v.cell.row for v, _ in found if v.cell is not None),
            realisasi=first.text,
            ditetapkan=format_tanggal(signed),
            target=first_target,
        )


@check(emits=(INDIKATOR_MISSING,))
def check_indikator_missing(context: CheckContext) -> Iterator[Finding]:
    """Every indicator of a komponen the plan covers has a plan row (a komponen without any row is
    `komponen-missing`); a plan without Indikator says so once (`plan-column-absent`), not per indicator."""
    if "indikator" in context.unused_columns:
        return
    # -- a komponen with a row in the unit's own words: that row's indikator-unmatched names the komponen's
    # -- unplanned indicators (the row may be one of them), so they are not a second finding here
    unplanned = context.unplanned_indicators
    for komponen in context.catalogue.komponen:
        if komponen.code in context.komponen_with_unmatched_rows:
            continue
        for indicator in komponen.indicators:
            if indicator.code in unplanned.get(komponen.code, ()):
                yield INDIKATOR_MISSING.at(
                    None,
                    sheet=context.plan_sheet,
                    kode=indicator.code,
                    indikator=indicator.text,
                    komponen=komponen.code,
                    nama=komponen.name,
                )


@check(emits=(TEXT_YEAR_IMPOSSIBLE,))
def check_text_years_impossible(context: CheckContext) -> Iterator[Finding]:
    """No date in a text of any sheet has an impossible year ("18 Maret 219"); the plan's Target Waktu is
    `target-year-impossible`'s."""
    targets = {row.target_waktu.cell for row in context.plan}
    for value in context.texts:
        if value.cell in targets:
            continue
        found = impossible_years(value.text)
        if found:
            written, start, end = found[0]
            yield TEXT_YEAR_IMPOSSIBLE.at(value.cell, tanggal=written, kutipan=around(value.text, start, end))


# -- In Narasi a year dates the plan's own document when written as "Tahun 2017" / "TA 2017"; a year after
# -- "sejak", "pada" and the like is history the narrative may tell.
_NARASI_YEAR = re.compile(r"(?:\btahun\s+anggaran|\bta\.?|\btahun)\s*$", re.IGNORECASE)
_HISTORY = re.compile(
    r"\b(?:sejak|pada|mulai|sampai|hingga|dari|sebelum|sesudah|setelah|selama|periode|lalu|tanggal)\b"
    r"(?:\s+\S+){0,2}\s*$",
    re.IGNORECASE,
)


def _dated_texts(context: CheckContext) -> Iterator[tuple[CellValue, bool]]:
    """Texts outside the plan sheet that date what they describe: (value, is narrative: Narasi or the
    Monev report's text, which may tell the unit's history)."""
    workbook = context.workbook
    for item in workbook.narasi:
        yield item.isi, True
    for laporan in workbook.laporan_monev:
        yield laporan.isi, True
    for entry in workbook.monev:
        for value in (entry.capaian, entry.bukti_dukung, entry.kendala, entry.tindak_lanjut):
            yield value, False
    for row in workbook.realisasi:
        for period in row.periods:
            for value in (period.realisasi, period.bukti, period.kendala, period.tindak_lanjut):
                yield value, False
    for target in workbook.target_prioritas:
        yield target.target, False
    for step in workbook.mekanisme:
        yield step.langkah, False


@check(emits=(YEAR_OUTSIDE_PLAN,))
def check_years_outside_plan(context: CheckContext) -> Iterator[Finding]:
    """Narasi, Monev, Realisasi, the Monev report and Lampiran texts name no year before the plan year
    (narrative: only a year that dates the plan's own document, "Tahun 2017"); Monev and Realisasi name no
    year after it. A regulation's year, a letter's number and a period are no date (`texts.year_mentions`)."""
    year = context.plan_year
    if year is None:
        return
    seen: set[CellRef] = set()
    later_sheets = {context.monev_sheet, context.sheet("Realisasi")} - {""}
    for value, narrative in _dated_texts(context):
        if not value or value.cell is None or value.cell in seen:
            continue
        seen.add(value.cell)
        text = context.identitas.fill(value.text) if narrative else value.text
        found = old_years(text, year)
        if narrative:
            found = [y for y in found if _dates_document(text, y)]
        elif value.cell.sheet in later_sheets:
            found += [y for y in later_years(text, year) if y not in found]
        if found:
            where = re.search(str(found[0]), text)
            start, end = where.span() if where else (0, 0)
            yield YEAR_OUTSIDE_PLAN.at(
                value.cell, years=sorted(found), tahun=year, kutipan=around(text, start, end)
            )


def _dates_document(text: str, year: int) -> bool:
    for mention in year_mentions(text):
        if mention.year != year or mention.kind != "date":
            continue
        before = text[: mention.start]
        if _NARASI_YEAR.search(before) and not _HISTORY.search(before):
            return True
    return False
