"""The checks of `zi-sheets check`: each a generator that yields findings and never raises on bad data.

`run_checks` wraps the workbook's `analysis.Analysis` (catalogue, parsed targets, catalogue matches, Monev
references and progress, each computed once) in a `CheckContext` and runs the registered checks over it in
order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from rapidfuzz import fuzz

from zi_sheets import findings as f
from zi_sheets.analysis import Analysis
from zi_sheets.bahasa import format_bulan, roman
from zi_sheets.catalogue import Catalogue, named_regulation
from zi_sheets.dates import MAX_YEAR, MIN_YEAR
from zi_sheets.findings import Finding, Report, quote
from zi_sheets.laporan import TANGGAL, is_end_of_period
from zi_sheets.model import (
    AREAS,
    LAPORAN_BAGIAN,
    NARASI_BAGIAN,
    REQUIRED_IDENTITAS,
    CellRef,
    CellValue,
    MonevEntry,
    PlanRow,
)
from zi_sheets.periods import read_date, read_period
from zi_sheets.progress import TERLAMBAT, status_word
from zi_sheets.realisasi import revised_target
from zi_sheets.text import normalize
from zi_sheets.workbook import HEADER_SEARCH_ROWS

# -- Langkah Aksi and Bukti Fisik repeat each other from this token-set ratio (0-100) on.
REPEAT_THRESHOLD = 90

PLAN_FIELDS = ("indikator", "langkah_aksi", "bukti_fisik", "target_waktu")
_FIELD_LABELS = {
    "no": "No",
    "area": "Area",
    "komponen": "Komponen",
    "kode_lke": "Kode LKE",
    "indikator": "Indikator",
    "langkah_aksi": "Langkah Aksi",
    "bukti_fisik": "Bukti Fisik",
    "target_waktu": "Target Waktu",
    "penanggung_jawab": "Penanggung Jawab",
}
_EMPTY_TYPES = {
    "indikator": f.INDIKATOR_EMPTY,
    "langkah_aksi": f.LANGKAH_AKSI_EMPTY,
    "bukti_fisik": f.BUKTI_FISIK_EMPTY,
    "target_waktu": f.TARGET_WAKTU_EMPTY,
}


# ---------------------------------------------------------------------------------------------------------
# The context shared by the checks


class CheckContext:
    """The analysis of one workbook, with where things are in it and the date the checks run on."""

    def __init__(self, analysis: Analysis, today: dt.date) -> None:
        self.analysis = analysis
        self.workbook = analysis.workbook
        self.today = today
        self.identitas = self.workbook.identitas
        self.plan_year = analysis.plan_year
        self.regulation = analysis.regulation
        self.catalogue: Catalogue = analysis.catalogue
        self.plan: list[PlanRow] = self.workbook.rencana_aksi
        self.targets = analysis.targets
        self.matches = analysis.matches
        self.refs = analysis.refs

    # -- where things are --

    @cached_property
    def plan_sheet(self) -> str:
        """The name of the Rencana Aksi sheet as the workbook spells it."""
        return next((cell.sheet for row in self.plan for cell in _row_cells(row)), "RencanaAksi")

    @cached_property
    def identitas_sheet(self) -> str:
        values = self.identitas.fields.values()
        return next((v.cell.sheet for v in values if v.cell is not None), "Identitas")

    @cached_property
    def columns(self) -> dict[str, str]:
        """Column letter of each plan field, from the first cell of that field that holds a value."""
        letters: dict[str, str] = {}
        for row in self.plan:
            for name in _FIELD_LABELS:
                cell = getattr(row, name).cell
                if cell is not None and name not in letters:
                    letters[name] = cell.column
        return letters

    def plan_cell(self, row: PlanRow, name: str) -> CellRef:
        """Where field `name` of a plan row is, also when empty (the whole row when the column is unknown)."""
        value: CellValue = getattr(row, name)
        if value.cell is not None and value.cell.row == row.row:
            return value.cell
        return CellRef(self.plan_sheet, row.row, self.columns.get(name, ""))


def _row_cells(row: PlanRow) -> Iterator[CellRef]:
    for name in _FIELD_LABELS:
        cell = getattr(row, name).cell
        if cell is not None:
            yield cell


# ---------------------------------------------------------------------------------------------------------
# Registry

Check = Callable[[CheckContext], Iterable[Finding]]
CHECKS: list[Check] = []


def check(function: Check) -> Check:
    """Register a check; checks run in registration order."""
    CHECKS.append(function)
    return function


def run_checks(analysis: Analysis, today: dt.date | None = None) -> Report:
    """Run every check over an analysed workbook; `today` (default: the real date) bounds plausible birth
    dates."""
    context = CheckContext(analysis, today or dt.date.today())
    found: list[Finding] = []
    for each in CHECKS:
        found.extend(each(context))
    return Report(found, analysis.coverage)


# ---------------------------------------------------------------------------------------------------------
# Structure and identity


@check
def check_hidden_rows(context: CheckContext) -> Iterator[Finding]:
    """Rows hidden in Excel are still read: the user may not know they end up in the documents."""
    for ref in context.workbook.hidden_rows:
        yield f.HIDDEN_ROW.at(ref, row=ref.row, nama_sheet=ref.sheet)


@check
def check_formulas(context: CheckContext) -> Iterator[Finding]:
    """Formula cells without a cached value read as empty (a file never recalculated by Excel)."""
    for ref in context.workbook.uncached_formulas:
        yield f.FORMULA_WITHOUT_VALUE.at(ref, sel=str(ref))


@check
def check_identitas_required(context: CheckContext) -> Iterator[Finding]:
    """Every required Identitas field is filled."""
    identitas = context.identitas
    for name in REQUIRED_IDENTITAS:
        value = identitas.get(name)
        if value:
            continue
        where = "kosong" if name in identitas.fields else "tidak ada"
        yield f.IDENTITAS_MISSING.at(value.cell, sheet=context.identitas_sheet, field=name, keadaan=where)


@check
def check_tahun(context: CheckContext) -> Iterator[Finding]:
    """Tahun is a four-digit year."""
    value = context.identitas.get("Tahun")
    if value and context.plan_year is None:
        yield f.TAHUN_INVALID.at(value.cell, sheet=context.identitas_sheet, value=value.text)


@check
def check_regulasi(context: CheckContext) -> Iterator[Finding]:
    """Regulasi names a catalogue the package knows."""
    value = context.identitas.get("Regulasi")
    if value and named_regulation(value.text) is None:
        yield f.REGULASI_UNKNOWN.at(
            value.cell, sheet=context.identitas_sheet, value=value.text, katalog=context.catalogue.title
        )


@check
def check_predikat(context: CheckContext) -> Iterator[Finding]:
    """Target Predikat is WBK or WBBM."""
    value = context.identitas.get("Target Predikat")
    written = re.sub(r"^menuju\s+", "", normalize(value.text))
    if value and written not in ("wbk", "wbbm"):
        yield f.PREDIKAT_INVALID.at(value.cell, sheet=context.identitas_sheet, value=value.text)


@check
def check_nips(context: CheckContext) -> Iterator[Finding]:
    """NIPs of the signatories and the team: text, 18 digits, a plausible birth date, TMT and sex digit."""
    nips = [(name, context.identitas.get(name)) for name in ("NIP Pimpinan", "NIP Ketua Tim")]
    nips += [(f"NIP {member.nama.text}", member.nip) for member in context.workbook.tim_kerja]
    for label, value in nips:
        if value:
            yield from _check_nip(context, label, value)


def _check_nip(context: CheckContext, label: str, value: CellValue) -> Iterator[Finding]:
    sheet = context.identitas_sheet
    if isinstance(value.raw, int | float) and not isinstance(value.raw, bool):
        yield f.NIP_STORED_AS_NUMBER.at(value.cell, sheet=sheet, label=label, value=value.text)
        return
    digits = re.sub(r"\s+", "", value.text)
    if not re.fullmatch(r"\d{18}", digits):
        count = sum(ch.isdigit() for ch in digits)
        yield f.NIP_LENGTH.at(value.cell, sheet=sheet, label=label, value=value.text, digits=count)
        return
    problem = nip_problem(digits, context.plan_year or context.today.year, context.today)
    if problem:
        yield f.NIP_PATTERN.at(value.cell, sheet=sheet, label=label, value=value.text, problem=problem)


def nip_problem(digits: str, plan_year: int, today: dt.date) -> str | None:
    """Why an 18-digit NIP is impossible (Indonesian sentence), None when its pattern is plausible.

    Digits 1-8 are the birth date (yyyymmdd), 9-14 the appointment (TMT) year and month, 15 the sex (1/2).
    """
    try:
        born = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return f"8 angka pertama '{digits[:8]}' bukan tanggal lahir (tttt bb hh)."
    latest_birth = today.replace(year=today.year - 17, day=min(today.day, 28))
    if not 1940 <= born.year or born > latest_birth:
        return f"tanggal lahir {born:%d-%m-%Y} pada 8 angka pertama tidak mungkin."
    tmt_year, tmt_month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= tmt_month <= 12:
        return f"bulan TMT '{digits[12:14]}' pada angka ke-13 dan ke-14 bukan bulan."
    if tmt_year < born.year + 17:
        return f"tahun TMT {tmt_year} pada angka ke-9 s.d. ke-12 tidak mungkin untuk kelahiran {born.year}."
    if tmt_year > plan_year:
        return f"tahun TMT {tmt_year} pada angka ke-9 s.d. ke-12 sesudah tahun rencana {plan_year}."
    if digits[14] not in "12":
        return f"angka ke-15 '{digits[14]}' harus 1 (laki-laki) atau 2 (perempuan)."
    return None


@check
def check_placeholders(context: CheckContext) -> Iterator[Finding]:
    """Every {placeholder} in Narasi and Lampiran texts names an Identitas field."""
    workbook = context.workbook
    values = [item.isi for item in workbook.narasi]
    values += [item.isi for item in workbook.laporan_monev]
    values += [step.langkah for step in workbook.mekanisme]
    values += [target.target for target in workbook.target_prioritas]
    for value in values:
        unknown = context.identitas.unknown_placeholders(value.text)
        if unknown:
            yield f.PLACEHOLDER_UNKNOWN.at(value.cell, names=["{" + name + "}" for name in unknown])


@check
def check_narasi_bagian(context: CheckContext) -> Iterator[Finding]:
    """Every Narasi row belongs to a known Bagian (reported once per run of rows)."""
    previous: str | None = None
    for item in context.workbook.narasi:
        if item.bagian not in NARASI_BAGIAN and item.bagian != previous:
            yield f.NARASI_BAGIAN_UNKNOWN.at(item.isi.cell, bagian=item.bagian, pilihan=list(NARASI_BAGIAN))
        previous = item.bagian


# ---------------------------------------------------------------------------------------------------------
# Completeness against the catalogue


@check
def check_pengaturan(context: CheckContext) -> Iterator[Finding]:
    """House-style settings and the logo are usable; an unusable one falls back to the default."""
    from zi_sheets.house_style import house_style

    for problem in house_style(context.workbook).problems:
        yield f.PENGATURAN_INVALID.at(
            problem.value.cell,
            sheet="Pengaturan",
            setting=problem.name,
            value=problem.value.text,
            expected=problem.expected,
        )


@check
def check_komponen_covered(context: CheckContext) -> Iterator[Finding]:
    """Every komponen of the regulation has at least one plan row."""
    covered = {m.komponen.code for m in context.matches.values() if m.komponen is not None}
    for komponen in context.catalogue.komponen:
        if komponen.code not in covered:
            area = f"{roman(komponen.area_no)}. {AREAS[komponen.area_no]}"
            yield f.KOMPONEN_MISSING.at(
                None,
                sheet=context.plan_sheet,
                komponen=komponen.code,
                nama=komponen.name,
                area=area,
                katalog=context.catalogue.title,
            )


@check
def check_plan_cells_filled(context: CheckContext) -> Iterator[Finding]:
    """Every plan row has Indikator, Langkah Aksi, Bukti Fisik and Target Waktu."""
    for row in context.plan:
        for name in PLAN_FIELDS:
            if getattr(row, name):
                continue
            yield _EMPTY_TYPES[name].at(
                context.plan_cell(row, name),
                kolom=_FIELD_LABELS[name],
                row=row.row,
                komponen=row.komponen.text,
            )


@check
def check_catalogue_match(context: CheckContext) -> Iterator[Finding]:
    """Plan rows match the catalogue: known Kode LKE, a komponen, and (info) an indicator."""
    reported_komponen: set[CellRef] = set()
    for row in context.plan:
        match = context.matches[row.row]
        if match.kode_unknown:
            yield f.KODE_LKE_UNKNOWN.at(
                context.plan_cell(row, "kode_lke"), value=row.kode_lke.text, katalog=context.catalogue.title
            )
        if match.komponen is None:
            cell = context.plan_cell(row, "komponen")
            if row.komponen.cell is not None:
                if row.komponen.cell in reported_komponen:
                    continue
                reported_komponen.add(row.komponen.cell)
                cell = row.komponen.cell
            yield f.KOMPONEN_UNMATCHED.at(cell, komponen=row.komponen.text, katalog=context.catalogue.title)
        elif match.indicator is None and row.indikator:
            yield f.INDIKATOR_UNMATCHED.at(
                row.indikator.cell,
                indikator=row.indikator.text,
                komponen=match.komponen.code,
                nama=match.komponen.name,
            )


# ---------------------------------------------------------------------------------------------------------
# Target dates


@check
def check_targets(context: CheckContext) -> Iterator[Finding]:
    """Target Waktu reads as months of the plan year."""
    year = context.plan_year
    example = year or context.today.year
    for row in context.plan:
        if not row.target_waktu:
            continue
        target = context.targets[row.row]
        cell = context.plan_cell(row, "target_waktu")
        text = row.target_waktu.text
        if "impossible-year" in target.flags:
            bad = sorted(y for y in target.years if not MIN_YEAR <= y <= MAX_YEAR)
            yield f.TARGET_YEAR_IMPOSSIBLE.at(cell, target=text, years=bad)
        elif not target.months:
            if "event" in target.flags:
                yield f.TARGET_EVENT.at(cell, target=text)
            elif "multi-year-range" in target.flags and year is not None and year in target.years:
                continue  # "2015-2019": a span of years reaching the plan year; no month to check
            elif "multi-year-range" in target.flags and year is not None:
                yield _outside_year(cell, text, sorted(target.years), year)
            elif "no-year" not in target.flags:
                yield f.TARGET_UNPARSED.at(cell, target=text, tahun=example)
        elif year is not None:
            outside = sorted({y for y, _ in target.months if y != year})
            if outside:
                yield _outside_year(cell, text, outside, year)


def _outside_year(cell: CellRef, text: str, years: list[int], plan_year: int) -> Finding:
    return f.TARGET_OUTSIDE_YEAR.at(cell, target=text, years=years, tahun=plan_year)


# ---------------------------------------------------------------------------------------------------------
# Consistency: copy-paste residue, old evidence, empty actions, duplicates


@dataclass(frozen=True)
class Agency:
    """One name from data/agencies.txt and the words that make it the unit's own."""

    name: str
    own: tuple[str, ...]
    pattern: re.Pattern[str]


def _phrase_pattern(name: str) -> str:
    words = [re.escape(word) for word in name.split()]
    return r"(?<![0-9a-z])" + r"[\s.-]*".join(words) + r"(?![0-9a-z])"


@cache
def load_agencies() -> tuple[tuple[Agency, ...], tuple[re.Pattern[str], ...]]:
    """The agency names (longest first) and the never-residue phrases of data/agencies.txt."""
    text = resources.files("zi_sheets.data").joinpath("agencies.txt").read_text(encoding="utf-8")
    agencies, exceptions = [], []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!"):
            exceptions.append(re.compile(_phrase_pattern(line[1:].strip()), re.IGNORECASE))
            continue
        name, _, own = line.partition("|")
        name = name.strip()
        own_words = tuple(normalize(word) for word in own.split(",") if word.strip())
        agencies.append(Agency(name, own_words, re.compile(_phrase_pattern(name), re.IGNORECASE)))
    agencies.sort(key=lambda a: len(a.name), reverse=True)
    return tuple(agencies), tuple(exceptions)


# -- A unit's own title words: the head of a Kecamatan is its Camat, of a Kelurahan its Lurah. --
_OWN_TITLES = {"kecamatan": ("camat",), "kelurahan": ("lurah",), "desa": ("kades",)}


def own_agencies(unit_name: str) -> set[str]:
    """The names of data/agencies.txt that are the unit's own (in its name, or of its kind)."""
    unit = normalize(unit_name)
    words = set(unit.split())
    for word in list(words):
        words.update(_OWN_TITLES.get(word, ()))
    agencies, _ = load_agencies()
    own = set()
    for agency in agencies:
        name = normalize(agency.name)
        if (
            (name and f" {name} " in f" {unit} ")
            or set(name.split()) <= words
            or any(f" {word} " in f" {unit} " for word in agency.own)
        ):
            own.add(agency.name)
    return own


@cache
def _key_words() -> tuple[str, ...]:
    """The longest word of every name, lower case: a text containing none of them names no agency."""
    agencies, _ = load_agencies()
    return tuple({max(agency.name.lower().split(), key=len) for agency in agencies})


def other_agencies(text: str, own: set[str]) -> list[tuple[str, int, int]]:
    """The agency names `text` mentions, as written, with where each is first written; the unit's own
    names and the excepted phrases left out."""
    lowered = text.lower()
    if not any(word in lowered for word in _key_words()):
        return []  # most cells: one pass of substring tests instead of one regex per name
    agencies, exceptions = load_agencies()
    taken: list[tuple[int, int]] = [m.span() for e in exceptions for m in e.finditer(text)]
    found: dict[str, tuple[int, int]] = {}
    for agency in agencies:
        for match in agency.pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue  # inside a longer name, or an excepted phrase
            taken.append((start, end))
            if agency.name not in own:
                found.setdefault(match.group(), (start, end))
    return sorted(((name, start, end) for name, (start, end) in found.items()), key=lambda m: m[1])


def _around(text: str, start: int, end: int, width: int = 30) -> str:
    """The words around text[start:end], for quoting a long cell."""
    line = text.replace("\n", " ")
    left = max(0, start - width)
    left = line.rfind(" ", 0, left) + 1 if left else 0
    right = line.find(" ", end + width)
    snippet = line[left : right if right != -1 else len(line)].strip()
    return ("…" if left else "") + " ".join(snippet.split()) + ("…" if right != -1 else "")


def _texts(context: CheckContext) -> Iterator[CellValue]:
    """Every cell of the plan, Narasi, Monev and Lampiran sheets that holds free text, each cell once."""
    workbook = context.workbook
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


@check
def check_other_agencies(context: CheckContext) -> Iterator[Finding]:
    """No cell names another agency than the unit (copy-paste residue)."""
    unit = context.identitas.nama_unit
    own = own_agencies(unit)
    for value in _texts(context):
        mentions = other_agencies(value.text, own)
        if mentions:
            yield f.OTHER_AGENCY.at(
                value.cell,
                names=[name for name, _, _ in mentions],
                unit=unit or "unit kerja ini",
                kutipan=_around(value.text, *mentions[0][1:]),
            )


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


@check
def check_evidence_years(context: CheckContext) -> Iterator[Finding]:
    """Langkah Aksi and Bukti Fisik name no year before the plan year."""
    year = context.plan_year
    if year is None:
        return
    for row in context.plan:
        for name in ("langkah_aksi", "bukti_fisik"):
            value: CellValue = getattr(row, name)
            found = old_years(value.text, year)
            if found:
                yield f.EVIDENCE_YEAR_OLD.at(
                    value.cell, kolom=_FIELD_LABELS[name], years=found, tahun=year, teks=value.text
                )


# -- A Langkah Aksi is an action when it starts with a verb (menyusun, dibuat, berkoordinasi) or an
# -- action noun; a list of document names is not.
_VERB = re.compile(r"^(?:mem|men|meng|meny|me[lrwy])[a-z]{3,}$|^ber[a-z]{3,}$|^di[a-z]{3,}(?:kan|i)$")
_ACTION_NOUNS = frozenset(
    "penyusunan pembuatan pelaksanaan pembentukan pengisian penilaian pemutakhiran pengumpulan pemasangan "
    "penyampaian penyebarluasan sosialisasi internalisasi rapat evaluasi monitoring monev koordinasi reviu "
    "review kaji survei pelatihan pembinaan pengarahan publikasi pengajuan pengusulan usulan "
    "penandatanganan pemantauan penerapan implementasi identifikasi analisis analisa".split()
)


def _is_action(text: str) -> bool:
    words = normalize(text).split()
    return bool(words) and (bool(_VERB.match(words[0])) or words[0] in _ACTION_NOUNS)


@check
def check_langkah_repeats_bukti(context: CheckContext) -> Iterator[Finding]:
    """A Langkah Aksi says what is done, not only the documents of its Bukti Fisik."""
    for row in context.plan:
        langkah, bukti = row.langkah_aksi, row.bukti_fisik
        if not langkah or not bukti:
            continue
        a, b = normalize(langkah.text), normalize(bukti.text)
        same = a == b
        similar = fuzz.token_set_ratio(a, b) >= REPEAT_THRESHOLD and not _is_action(langkah.text)
        if same or similar:
            yield f.LANGKAH_REPEATS_BUKTI.at(langkah.cell, bukti=bukti.text)


@check
def check_duplicate_rows(context: CheckContext) -> Iterator[Finding]:
    """No plan row repeats an earlier one."""
    first: dict[tuple[str, ...], PlanRow] = {}
    for row in context.plan:
        key = tuple(normalize(getattr(row, name).text) for name in PLAN_FIELDS)
        if not any(key):
            continue
        if key in first:
            earlier = first[key]
            yield f.DUPLICATE_ROW.at(context.plan_cell(row, "indikator"), row=row.row, earlier=earlier.row)
        else:
            first[key] = row


# ---------------------------------------------------------------------------------------------------------
# Monev


def _monev_cell(entry: MonevEntry, value: CellValue, fallback: CellValue) -> CellRef | None:
    return value.cell or fallback.cell or CellRef("Monev", entry.row, "")


@check
def check_monev_months(context: CheckContext) -> Iterator[Finding]:
    """Every Monev month is readable and in the plan year (once per written month)."""
    year = context.plan_year
    seen: set[CellRef | None] = set()
    for entry in context.workbook.monev:
        cell = _monev_cell(entry, entry.bulan, entry.capaian)
        if cell in seen:
            continue  # a month written once for several rows is one finding
        if entry.month is None:
            seen.add(cell)
            yield f.MONEV_MONTH_UNREADABLE.at(cell, value=entry.bulan.text, tahun=year or context.today.year)
        elif year is not None and entry.month[0] != year:
            seen.add(cell)
            yield f.MONEV_MONTH_OUTSIDE_YEAR.at(cell, bulan=format_bulan(*entry.month), tahun=year)


@check
def check_monev_areas(context: CheckContext) -> Iterator[Finding]:
    """Every Monev row names one of the six areas."""
    for entry in context.workbook.monev:
        if entry.area_no is None:
            yield f.MONEV_AREA_UNKNOWN.at(
                _monev_cell(entry, entry.area, entry.capaian), value=entry.area.text
            )


@check
def check_monev_refs(context: CheckContext) -> Iterator[Finding]:
    """Every Ref Rencana Aksi names a plan row (see `progress.PlanRefs`)."""
    for entry in context.workbook.monev:
        if context.refs.unknown(entry):
            ref = entry.ref_rencana_aksi
            yield f.MONEV_REF_UNKNOWN.at(ref.cell, value=ref.text)


@check
def check_monev_doubtful(context: CheckContext) -> Iterator[Finding]:
    """An achievement whose words only resemble plan rows is not counted; the user may name the row."""
    refs = context.refs
    for entry in context.workbook.monev:
        rows = context.analysis.doubtful.get(entry.row, ())
        if rows:
            yield f.MONEV_MATCH_DOUBTFUL.at(
                _monev_cell(entry, entry.capaian, entry.bulan),
                capaian=entry.capaian.text,
                baris=", ".join(f"{refs.own_ref(row)} ({quote(_row_text(row), 50)})" for row in rows[:3]),
                ref=refs.own_ref(rows[0]),
            )


def _row_text(row: PlanRow) -> str:
    return row.langkah_aksi.text or row.indikator.text


@check
def check_realisasi_refs(context: CheckContext) -> Iterator[Finding]:
    """Every filled Realisasi row names one plan row; every plan row has a Realisasi row (when the sheet is
    there)."""
    refs = context.refs
    links = context.analysis.realisasi
    for source, named in links.unlinked:
        if named:
            names = ", ".join(refs.own_ref(row) for row in named[:4])
            state = f"menunjuk {len(named)} baris rencana aksi ({names})"
        else:
            state = "kosong" if not source.ref else "tidak menunjuk baris rencana aksi mana pun"
        cell = source.ref.cell or CellRef(context.workbook.realisasi_sheet, source.row, "A")
        yield f.REALISASI_REF_UNKNOWN.at(cell, value=source.ref.text, keadaan=state)
    for name in context.workbook.unrecognised_sheets:
        yield f.REALISASI_SHEET_UNREADABLE.at(None, sheet=name, nama_sheet=name, baris=HEADER_SEARCH_ROWS)
    sheet = context.workbook.realisasi_sheet
    missing = [row for row in context.plan if row.row not in links.listed]
    if sheet and missing:
        yield f.REALISASI_ROWS_MISSING.at(
            None,
            sheet=sheet,
            nama_sheet=sheet,
            jumlah=len(missing),
            contoh=", ".join(refs.own_ref(row) for row in missing[:3]),
            berkas=context.workbook.path.name,
        )


@check
def check_realisasi_values(context: CheckContext) -> Iterator[Finding]:
    """Realisasi labels, statuses, dates done and revised targets are readable (each label cell once)."""
    year = context.plan_year
    example = year or context.today.year
    seen: set[CellRef | None] = set()
    for source in context.workbook.realisasi:
        for cells in source.periods:
            label = cells.periode
            if label and label.cell not in seen and read_period(label, year) is None:
                seen.add(label.cell)
                yield f.PERIODE_UNREADABLE.at(label.cell, value=label.text, tahun=example)
            if status_word(cells.status.text) is None:
                yield f.STATUS_UNKNOWN.at(cells.status.cell, value=cells.status.text)
            if cells.tanggal_selesai and read_date(cells.tanggal_selesai, year) is None:
                yield f.TANGGAL_UNREADABLE.at(
                    cells.tanggal_selesai.cell,
                    kolom="Tanggal Selesai",
                    value=cells.tanggal_selesai.text,
                    contoh=f"12 Maret {example}",
                )
            if cells.target_revisi and not revised_target(cells.target_revisi, year).months:
                yield f.TANGGAL_UNREADABLE.at(
                    cells.target_revisi.cell,
                    kolom="Target Revisi",
                    value=cells.target_revisi.text,
                    contoh=f"Juni {example}",
                )


@check
def check_laporan_monev(context: CheckContext) -> Iterator[Finding]:
    """LaporanMonev rows name a known Bagian (once per run of rows), a readable Periode and date."""
    year = context.plan_year
    example = year or context.today.year
    previous: str | None = None
    seen: set[CellRef | None] = set()
    for item in context.workbook.laporan_monev:
        if item.bagian not in LAPORAN_BAGIAN and item.bagian != previous:
            yield f.LAPORAN_BAGIAN_UNKNOWN.at(item.isi.cell, bagian=item.bagian, pilihan=list(LAPORAN_BAGIAN))
        previous = item.bagian
        periode = item.periode
        if periode and periode.cell not in seen and read_period(periode, year) is None:
            seen.add(periode.cell)
            yield f.PERIODE_UNREADABLE.at(periode.cell, value=periode.text, tahun=example)
        date = item.isi
        if item.bagian == TANGGAL and date and not is_end_of_period(date.text) and not read_date(date, year):
            yield f.TANGGAL_UNREADABLE.at(
                item.isi.cell, kolom="Tanggal Laporan", value=item.isi.text, contoh=f"30 Juni {example}"
            )


@check
def check_overdue(context: CheckContext) -> Iterator[Finding]:
    """Plan actions due by the end of the latest reported period have something reported: terlambat in the
    Monev document's progress up to then (`progress.PlanProgress.status`)."""
    period = context.analysis.latest_period
    if period is None:
        return
    latest = period.last
    for plan in context.analysis.plan_progress(latest):
        if plan.status != TERLAMBAT or plan.due is None:
            continue
        row, due = plan.row, plan.due
        yield f.PLAN_OVERDUE.at(
            context.plan_cell(row, "target_waktu"),
            target=row.target_waktu.text,
            jatuh_tempo=format_bulan(*due),
            monev_sampai=format_bulan(*latest),
            baris=row.indikator.text or row.langkah_aksi.text,
        )
