"""Checks of what the Monev report and the narrative claim, against the plan, the Monev matrix and the
regulations they cite (issue 23, classes 5 and 6): the report's text naming another period than its own,
a count of targets achieved that the matrix does not hold, an action done after the end of the
period that reports it, a plan area the Monev leaves out, an undated
report, a Narasi that gives the plan's areas fewer chapters (or another area's title) or numbers a list
twice or skips a number, and a regulation
cited with a title that is not its own; and (class 4) an LKE item answered with the best option for a
komponen the plan has no row for.

Precision first: each rule fires only on the form it names (a report calling itself the report of another
period, "X dari Y target tercapai", a Roman-numbered area heading, "Nomor N Tahun Y tentang ..."), never on a
text it only resembles. The thresholds were set on the Balai's plan (tests/data/corpus/patp-2021.xlsx) and
held on the bundled example and the generated corpus (tests/corpus.py).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz

from zi_sheets.analysis.laporan import TANGGAL, report_texts
from zi_sheets.analysis.periods import Period, read_period
from zi_sheets.analysis.progress import SELESAI, monev_status
from zi_sheets.checks.context import CheckContext
from zi_sheets.checks.registry import check
from zi_sheets.common.bahasa import format_bulan, format_tanggal, from_roman, month_number, roman
from zi_sheets.common.findings import Finding, quote, register
from zi_sheets.common.model import AREAS, CellRef, LaporanItem
from zi_sheets.common.text import normalize

# -- The finding types of this family (the README lists them in `lke.check.CATALOGUE_ORDER`). --
LAPORAN_PERIOD_MISMATCH = register(
    "laporan-period-mismatch",
    "warning",
    "Teks laporan Monev menyebut periode lain",
    "Teks laporan Monev {periode} menyebut dirinya laporan {lain}: {kutipan!q}{sel}; tulis periode "
    "laporan ini.",
    "Kata Pengantar, Pelaksanaan dan Penutup laporan Monev menyebut periode laporannya sendiri; teks "
    "yang disalin dari laporan bulan sebelumnya menyebut periode lain.",
)
LAPORAN_CLAIM_MISMATCH = register(
    "laporan-claim-mismatch",
    "warning",
    "Klaim capaian laporan Monev tidak sesuai matriks",
    "Laporan Monev {periode} menyatakan {klaim!q}, sedangkan Monev sampai {sampai} mencatat {selesai} "
    "capaian berstatus Selesai; sesuaikan angka klaimnya dengan matriks Monev.",
    "Jumlah target tercapai yang dinyatakan laporan dihitung dari matriks Monev (Status Selesai).",
)
MONEV_AREA_MISSING = register(
    "monev-area-missing",
    "warning",
    "Area rencana aksi tidak dilaporkan di Monev",
    "Monev sampai {sampai} melaporkan area {dilaporkan}, tetapi tidak ada capaian area {hilang} yang "
    "langkah aksinya sudah terjadwal di rencana aksi; laporkan capaiannya (atau statusnya 'Belum').",
    "Monev melaporkan setiap area rencana aksi yang sudah terjadwal, juga yang belum berjalan.",
)
REALISASI_DONE_AFTER_PERIOD = register(
    "realisasi-done-after-period",
    "warning",
    "Tanggal Selesai sesudah akhir periodenya",
    "Realisasi {periode} mencatat langkah aksi {ref} selesai {tanggal}, sesudah akhir periode itu "
    "({akhir}); isi capaiannya pada kolom periode tanggal itu, atau perbaiki tanggalnya.",
    "Kolom satu periode Realisasi melaporkan capaian sampai akhir periode itu; capaian yang lebih kemudian "
    "masuk periode berikutnya.",
)
LAPORAN_UNDATED = register(
    "laporan-undated",
    "info",
    "Laporan Monev tanpa tanggal",
    "Laporan Monev {periode} ditandatangani tanpa tanggal (Tanggal Laporan kosong); isi tanggalnya atau "
    "tulis 'akhir periode'.",
    "Laporan yang ditandatangani tanpa tanggal tidak menunjukkan kapan capaian dilaporkan.",
)
NARASI_AREA_MISSING = register(
    "narasi-area-missing",
    "warning",
    "Narasi tidak memberi bab untuk setiap area",
    "Narasi memberi judul bernomor Romawi untuk area {ada} saja; area {hilang} dari rencana aksi tidak "
    "berjudul sendiri{ditulis}.",
    "Bab Narasi mengikuti keenam area rencana aksi, masing-masing dengan judul bernomor Romawi.",
)
NARASI_AREA_TITLE = register(
    "narasi-area-title",
    "warning",
    "Judul area di Narasi adalah judul area lain",
    "Narasi menulis area {nomor} sebagai {judul!q}, judul area {lain} ({nama_lain}); judul area {nomor} "
    "adalah {nama!q}.",
    "Setiap judul area Narasi memakai nama areanya sendiri.",
)
NARASI_NUMBERING = register(
    "narasi-numbering",
    "warning",
    "Penomoran daftar di Narasi diulang atau dilompati",
    "Nomor {nomor!q} di Narasi ({bagian}) {keadaan}: sebelumnya {sebelumnya!q}; perbaiki urutan nomornya.",
    "Daftar bernomor di Narasi berurutan; nomor yang diulang atau dilompati biasanya tanda butir yang "
    "hilang atau tersalin dua kali.",
)
LKE_CLAIM_UNPLANNED = register(
    "lke-claim-unplanned",
    "warning",
    "Jawaban LKE terbaik untuk komponen tanpa rencana aksi",
    "LKE menjawab {kode} = {jawaban!q}{lain}, jawaban terbaik, untuk komponen {komponen!q}, tetapi Rencana "
    "Aksi tidak punya baris untuk komponen itu; rencanakan komponennya atau sesuaikan jawabannya.",
    "Jawaban LKE terbaik didukung rencana aksi dan buktinya; komponen tanpa baris rencana tidak "
    "mendukungnya.",
)
REGULASI_TITLE_WRONG = register(
    "regulasi-title-wrong",
    "warning",
    "Judul peraturan yang dikutip bukan judul resminya",
    "{kutipan!q} mengutip {peraturan} dengan judul {judul!q}; judul resminya {resmi!q}{milik}.",
    "Judul resmi peraturan yang biasa dikutip rencana ZI disimpan di data/regulasi.csv beserta sumbernya.",
)

REGULASI_NUMBER_WRONG = register(
    "regulasi-number-wrong",
    "warning",
    "Nomor atau tahun peraturan yang dikutip salah",
    "{kutipan!q} mengutip {peraturan} dengan judul {judul!q}, judul resmi {pemilik}; periksa nomor dan "
    "tahunnya.",
    "Peraturan dikutip dengan nomor, tahun dan judul resminya (data/regulasi.csv).",
)

# ---------------------------------------------------------------------------------------------------------
# The report's own period


@dataclass(frozen=True)
class _Named:
    """A period the report's text names itself the report of, with the words and cell."""

    period: Period
    words: str
    cell: CellRef | None


# -- "laporan (kegiatan|bulanan|monev|monitoring dan evaluasi) bulan Januari [2021]", "laporan triwulan II";
# -- a range after it ("bulan Januari-Juni", "Januari s.d. Juni") is the report's own span, not another.
_SELF_NAMED = re.compile(
    r"\blaporan (?:kegiatan |bulanan |monev |monitoring dan evaluasi )?"
    r"(?:(bulan) ([a-z]+)|(triwulan|semester) ([ivx]+|[1-4]))(?: (\d{4}))?(?! (?:s d|sd|sampai|hingga)\b)"
)


# -- The report speaks of itself: "Demikian laporan ...", or "laporan ... ini" within this many words of
# -- its clause ("laporan bulan Januari 2021 Balai PATP ini dapat diselesaikan"); a report that mentions an
# -- earlier report ("laporan bulan Januari telah disampaikan") does not.
_SELF_WORDS = 10


def _names_itself(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()].split()[-2:]
    if "demikian" in before:
        return True
    clause = text[match.end() :].split("|", 1)[0].split()
    return "ini" in clause[:_SELF_WORDS]


def _named_periods(item: LaporanItem, own: Period) -> Iterator[_Named]:
    # -- keep the hyphen of a range (normalize() turns it into a space) and the ends of clauses ("|")
    text = re.sub(r"\s*[-–]\s*", " - ", item.isi.text.lower())
    text = re.sub(r"[.,;:!?]+(?=\s|$)", " | ", text)
    text = " ".join(re.sub(r"[^\w\s|-]", " ", text).split())
    for match in _SELF_NAMED.finditer(text):
        after = text[match.end() : match.end() + 3]
        if after.startswith(" -") or after.startswith("-") or not _names_itself(text, match):
            continue
        bulan, name, kind, numeral, year = match.groups()
        year_of = int(year) if year else own.first[0]
        period: Period | None = None
        if bulan:
            month = month_number(name)
            period = Period.month(year_of, month) if month else None
        else:
            number = int(numeral) if numeral.isdigit() else from_roman(numeral)
            top = 2 if kind == "semester" else 4
            if number is not None and 1 <= number <= top:
                make = Period.semester if kind == "semester" else Period.triwulan
                period = make(year_of, number)
        if period is not None and (period.first, period.last) != (own.first, own.last):
            yield _Named(period, match.group(0), item.isi.cell)


def _report_periods(context: CheckContext) -> dict[Period, list[LaporanItem]]:
    found: dict[Period, list[LaporanItem]] = {}
    for item in context.workbook.laporan_monev:
        period = read_period(item.periode, context.plan_year) if item.periode else None
        if period is not None:
            found.setdefault(period, []).append(item)
    return found


@check(emits=(LAPORAN_PERIOD_MISMATCH,))
def check_laporan_period(context: CheckContext) -> Iterator[Finding]:
    """A report's text that calls itself the report of another period (copied from an earlier report):
    one finding per report, at the first such cell, naming the others."""
    for period, items in _report_periods(context).items():
        named = [each for item in items if item.bagian != TANGGAL for each in _named_periods(item, period)]
        if not named:
            continue
        first = named[0]
        cells = sorted({f"{each.cell.column}{each.cell.row}" for each in named if each.cell is not None})
        yield LAPORAN_PERIOD_MISMATCH.at(
            first.cell,
            periode=period.label,
            lain=first.period.label,
            kutipan=first.words,
            sel=f" (juga {', '.join(cells[1:])})" if len(cells) > 1 else "",
        )


# ---------------------------------------------------------------------------------------------------------
# What the report claims


# -- "15 dari 15 target tercapai", "dari 15 target tercapai 15", "15 target dari 15 target telah tercapai"
_CLAIMS = (
    (
        re.compile(
            r"\b(\d{1,3}) (?:target |kegiatan )?dari (\d{1,3}) (?:target|kegiatan) (?:telah )?tercapai"
        ),
        1,
    ),
    (re.compile(r"\bdari (\d{1,3}) (?:target|kegiatan) (?:telah )?tercapai (\d{1,3})\b"), 2),
)


def _claimed(text: str) -> tuple[int, str] | None:
    norm = normalize(text)
    for pattern, achieved in _CLAIMS:
        match = pattern.search(norm)
        if match:
            return int(match.group(achieved)), match.group(0)
    return None


@check(emits=(LAPORAN_CLAIM_MISMATCH,))
def check_laporan_claim(context: CheckContext) -> Iterator[Finding]:
    """A report's count of targets achieved above what the Monev marks Selesai by the period's end (the
    Monev entries and the plan rows done, whichever is more)."""
    for period, items in _report_periods(context).items():
        for item in items:
            claim = _claimed(item.isi.text)
            if claim is None:
                continue
            achieved, words = claim
            entries = sum(
                1
                for entry in context.workbook.monev
                if entry.month is not None
                and entry.month <= period.last
                and monev_status(entry.status.text) == "Selesai"
            )
            rows = sum(1 for plan in context.analysis.plan_progress(period.last) if plan.status == SELESAI)
            done = max(entries, rows)
            if achieved > done:
                yield LAPORAN_CLAIM_MISMATCH.at(
                    item.isi.cell,
                    periode=period.label,
                    klaim=words,
                    sampai=format_bulan(*period.last),
                    selesai=done,
                )
            break  # -- one claim per report: the first states it


# ---------------------------------------------------------------------------------------------------------
# Areas the Monev leaves out

# -- A Monev that reports fewer areas than this has not started its matrix: its gaps are no one fact each.
_MIN_REPORTED_AREAS = 2


@check(emits=(MONEV_AREA_MISSING,))
def check_monev_areas_missing(context: CheckContext) -> Iterator[Finding]:
    """A plan area with an action scheduled by the latest Monev period, of which the Monev (and the
    Realisasi sheet) reports nothing, while it reports other areas: one finding listing the areas."""
    period = context.analysis.latest_period
    if period is None:
        return
    until = period.last
    progress = context.analysis.plan_progress(until)
    reported = {e.area_no for e in context.workbook.monev if e.month is not None and e.month <= until}
    reported |= {plan.row.area_no for plan in progress if plan.reported}
    reported.discard(None)
    if len(reported) < _MIN_REPORTED_AREAS:
        return
    scheduled = {plan.row.area_no for plan in progress if plan.scheduled and plan.row.area_no is not None}
    missing = sorted(area for area in scheduled - reported if area is not None)
    if not missing:
        return
    yield MONEV_AREA_MISSING.at(
        None,
        sheet=context.monev_sheet,
        sampai=format_bulan(*until),
        dilaporkan=", ".join(roman(area) for area in sorted(a for a in reported if a is not None)),
        hilang=", ".join(f"{roman(area)} ({AREAS[area]})" for area in missing),
    )


@check(emits=(REALISASI_DONE_AFTER_PERIOD,))
def check_done_after_period(context: CheckContext) -> Iterator[Finding]:
    """A Realisasi group that reports an action done on a date after its own period ends: the achievement
    of a later period written in an earlier one's columns (the report of that period counts it not done)."""
    refs = context.refs
    plan = {row.row: row for row in context.plan}
    for row_number, found in context.analysis.realisasi.by_row.items():
        for each in found:
            period, done = each.period, each.done_on
            if period is None or done is None or done <= period.end_date:
                continue
            if monev_status(each.cells.status.text) not in ("Selesai", None):
                continue
            yield REALISASI_DONE_AFTER_PERIOD.at(
                each.cells.tanggal_selesai.cell,
                periode=period.label,
                ref=refs.own_ref(plan[row_number]) if row_number in plan else each.source.ref.text,
                tanggal=format_tanggal(done),
                akhir=format_tanggal(period.end_date),
            )


@check(emits=(LAPORAN_UNDATED,))
def check_laporan_undated(context: CheckContext) -> Iterator[Finding]:
    """A report with chapters whose Tanggal Laporan is left empty: signed without a date."""
    for period in _report_periods(context):
        texts = report_texts(context.workbook, period, context.plan_year)
        if texts.has_chapters and texts.date is None:
            dated = [item.periode.cell for item in texts.parts.get(TANGGAL, []) if item.periode.cell]
            column = next((i.isi.cell.column for i in context.workbook.laporan_monev if i.isi.cell), "")
            cell = CellRef(dated[-1].sheet, dated[-1].row, column) if dated else None
            yield LAPORAN_UNDATED.at(cell, sheet=context.sheet("LaporanMonev"), periode=period.label)


# ---------------------------------------------------------------------------------------------------------
# The Narasi's areas

_HEADING = re.compile(r"^\s*([IVX]{1,4})\s*[.)]\s*(.+?)\s*$")
_LETTERED = re.compile(r"^\s*([a-z])\s*[.)]\s*(.+?)\s*$")
# -- A heading names an area when its words are this close to the area's name (rapidfuzz, 0-100), set on
# -- the Balai's Narasi ("PENATAAN TATA LAKSANA", "Penguatan Akuntabilitas Kinerja") and held on the corpus.
_AREA_SIMILARITY = 85
# -- Headings of at least this many areas make a Narasi laid out by area.
_MIN_HEADINGS = 3
_HEADING_WORDS = 8


def _squash(text: str) -> str:
    return normalize(text).replace(" ", "")


def _area_of_title(title: str) -> int | None:
    """The area whose name a heading's title is (also with spaces written otherwise: 'Tata Laksana')."""
    if len(title.split()) > _HEADING_WORDS:
        return None
    scores = {area: fuzz.ratio(_squash(title), _squash(name)) for area, name in AREAS.items()}
    best = max(scores, key=lambda area: scores[area])
    return best if scores[best] >= _AREA_SIMILARITY else None


@check(emits=(NARASI_AREA_MISSING, NARASI_AREA_TITLE))
def check_narasi_areas(context: CheckContext) -> Iterator[Finding]:
    """A Narasi laid out by area (Roman-numbered headings of the areas' names) that heads fewer areas than
    the plan has, or heads an area with another area's name."""
    headed: dict[int, CellRef | None] = {}
    lettered: dict[int, tuple[str, CellRef | None]] = {}
    titled: list[tuple[int, int, str, CellRef | None]] = []
    for item in context.workbook.narasi:
        text = f"{item.marker} {item.isi.text}" if item.marker else item.isi.text
        if match := _HEADING.match(text):
            number, area = from_roman(match.group(1)), _area_of_title(match.group(2))
            if number is None or area is None or not 1 <= number <= 6:
                continue
            headed.setdefault(number, item.isi.cell)
            if area != number:
                titled.append((number, area, match.group(2), item.isi.cell))
        elif match := _LETTERED.match(text):
            area = _area_of_title(match.group(2))
            if area is not None:
                lettered.setdefault(area, (text.strip(), item.isi.cell))
    if len(headed) < _MIN_HEADINGS:
        return
    for number, area, title, cell in titled:
        yield NARASI_AREA_TITLE.at(
            cell,
            nomor=roman(number),
            judul=title,
            lain=roman(area),
            nama_lain=AREAS[area],
            nama=AREAS[number],
        )
    planned = {row.area_no for row in context.plan if row.area_no is not None}
    named = set(headed) | {area for _, area, _, _ in titled}
    missing = sorted(area for area in planned - named if area is not None)
    if not missing:
        return
    written = next((lettered[area] for area in missing if area in lettered), None)
    yield NARASI_AREA_MISSING.at(
        written[1] if written else None,
        sheet=context.sheet("Narasi") or "Narasi",
        ada=", ".join(roman(area) for area in sorted(headed)),
        hilang=", ".join(f"{roman(area)} ({AREAS[area]})" for area in missing),
        ditulis=f", hanya sebagai butir {quote(written[0], 50)}" if written else "",
    )


# ---------------------------------------------------------------------------------------------------------
# The Narasi's numbering

_MARKER = re.compile(r"^\(?(\d{1,2}|[a-zA-Z])\s*([.)])$")


def _marker(text: str) -> tuple[str, int] | None:
    """A list marker's style (digits, small or capital letters, with its dot or bracket) and number."""
    match = _MARKER.match(text.strip())
    if match is None:
        return None
    token, mark = match.groups()
    if token.isdigit():
        return f"1{mark}", int(token)
    return f"{'A' if token.isupper() else 'a'}{mark}", ord(token.lower()) - ord("a") + 1


@check(emits=(NARASI_NUMBERING,))
def check_narasi_numbering(context: CheckContext) -> Iterator[Finding]:
    """A Narasi list that repeats a number or skips one ('1. 2. 2.', 'a) b) d)'), within one Bagian and
    one marker style. A list of the same style nested in another restarts at 1 and the outer one goes on
    after it, so each style keeps the numbers it may go back to."""
    bagian: str | None = None
    state: dict[str, tuple[int, list[int]]] = {}
    for item in context.workbook.narasi:
        if item.bagian != bagian:
            bagian, state = item.bagian, {}
        found = _marker(item.marker) if item.marker else None
        if found is None:
            continue
        style, number = found
        current, outer = state.get(style, (0, []))
        problem = ""
        if number == current + 1:
            current = number
        elif number == 1:
            outer, current = [*outer, current], 1
        elif any(number == each + 1 for each in outer):
            level = max(i for i, each in enumerate(outer) if number == each + 1)
            outer, current = outer[:level], number
        elif number == current:
            problem = "diulang"
        elif number == current + 2:
            problem, current = "dilompati", number
        else:
            current = number  # -- a jump the numbering may mean (a list resumed after a quotation)
        state[style] = (current, outer)
        if problem:
            previous = current if problem == "diulang" else current - 2
            yield NARASI_NUMBERING.at(
                item.isi.cell,
                nomor=item.marker,
                keadaan=problem,
                sebelumnya=_label(style, previous),
                bagian=item.bagian,
            )


def _label(style: str, number: int) -> str:
    if style[0] == "1":
        return f"{number}{style[1]}"
    letter = chr(ord("a") + number - 1)
    return f"{letter.upper() if style[0] == 'A' else letter}{style[1]}"


# ---------------------------------------------------------------------------------------------------------
# The LKE against the plan


def _best_answer(answer: str, answer_type: str) -> bool:
    """True for the best option of a choice item: 'Ya' of Ya/Tidak, 'A' of a lettered item (a percentage,
    count or score is not a choice and is left to the LKE's own checks)."""
    norm = normalize(answer)
    if answer_type == "Ya/Tidak":
        return norm == "ya"
    if answer_type.startswith("A/"):
        return norm == "a" or norm.startswith("a ")
    return False


@check(emits=(LKE_CLAIM_UNPLANNED,))
def check_lke_unplanned(context: CheckContext) -> Iterator[Finding]:
    """A komponen the plan has no row for (`komponen-missing`) whose LKE items the unit answers with the
    best option: a claim the plan does not support. One finding per komponen, at its first such answer."""
    sheet = context.workbook.lke
    if sheet is None or not sheet.started:
        return
    answers = {normalize(row.kode.text): row for row in sheet.rows if row.kode and row.jawaban}
    covered = context.analysis.covered_komponen
    for komponen in context.catalogue.komponen:
        if komponen.code in covered:
            continue
        best = [
            (indicator, answers[normalize(indicator.code)])
            for indicator in komponen.indicators
            if normalize(indicator.code) in answers
            and _best_answer(answers[normalize(indicator.code)].jawaban.text, indicator.answer_type)
        ]
        if not best:
            continue
        indicator, row = best[0]
        others = [each.code for each, _ in best[1:]]
        yield LKE_CLAIM_UNPLANNED.at(
            row.jawaban.cell,
            kode=indicator.code,
            jawaban=row.jawaban.text,
            lain=f" (juga {', '.join(others)})" if others else "",
            komponen=komponen.name,
        )


# ---------------------------------------------------------------------------------------------------------
# Regulations cited


@dataclass(frozen=True)
class Regulation:
    """One regulation a ZI plan cites: its kind (uu, pp, perpres, inpres, permenpanrb), number, year and
    official title, with where the title was read (`data/regulasi.csv`)."""

    kind: str
    number: int
    year: int
    title: str
    source: str

    @property
    def cited(self) -> str:
        return f"{_KIND_NAMES[self.kind]} Nomor {self.number} Tahun {self.year}"


_KIND_NAMES = {
    "uu": "Undang-Undang",
    "pp": "Peraturan Pemerintah",
    "perpres": "Peraturan Presiden",
    "inpres": "Instruksi Presiden",
    "permenpanrb": "Peraturan Menteri PANRB",
}


@cache
def regulations() -> dict[tuple[str, int, int], Regulation]:
    """The official titles of `data/regulasi.csv`, by (kind, number, year)."""
    text = resources.files("zi_sheets.data").joinpath("regulasi.csv").read_text(encoding="utf-8")
    found = {}
    for line in csv.DictReader(text.splitlines()):
        key = (line["jenis"], int(line["nomor"]), int(line["tahun"]))
        found[key] = Regulation(*key, line["judul"], line["sumber"])
    return found


_KINDS = (
    (r"undang undang(?! dasar)|uu", "uu"),
    (r"peraturan pemerintah|pp", "pp"),
    (r"peraturan presiden|perpres", "perpres"),
    (r"instruksi presiden|inpres", "inpres"),
    (
        r"(?:peraturan menteri|permen) ?(?:pendayagunaan aparatur negara dan reformasi birokrasi|pan ?rb"
        r"|pan dan rb|panrb)|permenpan(?: ?rb)?",
        "permenpanrb",
    ),
)
_CITATION = re.compile(
    r"\b(" + "|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(_KINDS)) + r")"
    r"(?: republik indonesia| ri)? (?:nomor|no) (\d{1,3}) tahun (\d{4})"
    r"(?: tanggal \d{1,2} [a-z]+ \d{4})? tentang (.+?)(?= (?:dan )?(?:"
    + "|".join(p for p, _ in _KINDS)
    + r") (?:nomor|no) |$)"
)
# -- What units abbreviate in a title: read out before comparing.
_ABBREVIATIONS = (
    ("wbk wbbm", "wilayah bebas dari korupsi dan wilayah birokrasi bersih dan melayani"),
    ("wbbm", "wilayah birokrasi bersih dan melayani"),
    ("wbk", "wilayah bebas dari korupsi"),
    ("zi", "zona integritas"),
    ("kkn", "korupsi kolusi dan nepotisme"),
    ("panrb", "pendayagunaan aparatur negara dan reformasi birokrasi"),
    ("ri", ""),
)
# -- A cited title is another than the official one when their words share this little (rapidfuzz
# -- token_set_ratio and partial_ratio, 0-100); set on the Balai's and the example's Dasar Hukum, held on
# -- the generated corpus's. A title cut short or followed by more words shares more.
_TITLE_DIFFERS = 55
_MIN_TITLE_WORDS = 2
# -- The title cited is another regulation's when it is that one's, whole (this close) or cut short.
_OWNER_SIMILARITY = 90
_OWNER_WORDS = 3


def _expanded(title: str) -> str:
    words = f" {normalize(title)} "
    for short, long in _ABBREVIATIONS:
        words = words.replace(f" {short} ", f" {long} ")
    return " ".join(words.split())


def _differs(cited: str, official: str) -> bool:
    mine, theirs = _expanded(cited), _expanded(official)
    if len(mine.split()) < _MIN_TITLE_WORDS or theirs.startswith(mine) or mine.startswith(theirs):
        return False
    return max(fuzz.token_set_ratio(mine, theirs), fuzz.partial_ratio(mine, theirs)) < _TITLE_DIFFERS


def _same_title(cited: str, official: str) -> bool:
    """True when a cited title is the official one, written whole or cut short (at least three words)."""
    mine, theirs = _expanded(cited), _expanded(official)
    if len(mine.split()) >= _OWNER_WORDS and theirs.startswith(mine):
        return True
    return fuzz.token_sort_ratio(mine, theirs) >= _OWNER_SIMILARITY


@check(emits=(REGULASI_TITLE_WRONG, REGULASI_NUMBER_WRONG))
def check_regulations_cited(context: CheckContext) -> Iterator[Finding]:
    """A regulation of `data/regulasi.csv` cited by number and year with a title that is clearly not its
    own (naming, when it is, the regulation the title belongs to), or a number and year the table does not
    hold under the title of exactly one regulation it does: once per citation as written."""
    known = regulations()
    seen: set[tuple[tuple[str, int, int], str]] = set()
    for value in context.texts:
        text = normalize(value.text.replace("/", " "))
        for match in _CITATION.finditer(text):
            kind = next(k for i, (_, k) in enumerate(_KINDS) if match.group(f"k{i}"))
            key = (kind, int(match.group(len(_KINDS) + 2)), int(match.group(len(_KINDS) + 3)))
            title = match.group(len(_KINDS) + 4)
            regulation = known.get(key)
            if (key, title) in seen:
                continue
            seen.add((key, title))
            owners = [other for other in known.values() if _same_title(title, other.title)]
            owner = owners[0] if len(owners) == 1 else None  # -- only a title that is one regulation's
            if regulation is None:
                # -- a number the table does not hold, under the title of one it does, of the same kind
                if owner is not None and owner.kind == kind:
                    yield REGULASI_NUMBER_WRONG.at(
                        value.cell,
                        kutipan=value.text,
                        peraturan=f"{_KIND_NAMES[kind]} Nomor {key[1]} Tahun {key[2]}",
                        judul=title,
                        pemilik=owner.cited,
                    )
                continue
            if not _differs(title, regulation.title):
                continue
            yield REGULASI_TITLE_WRONG.at(
                value.cell,
                kutipan=value.text,
                peraturan=regulation.cited,
                judul=title,
                resmi=regulation.title,
                milik=f" (judul itu milik {owner.cited})" if owner else "",
            )
