"""The checks of `zi-sheets check`: each a generator that yields findings and never raises on bad data.

`run_checks` wraps the workbook's `analysis.Analysis` (catalogue, parsed targets, catalogue matches, Monev
references and progress, each computed once) in a `CheckContext` and runs the registered checks over it in
order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property

from rapidfuzz import fuzz

from zi_sheets.analysis.analyse import Analysis
from zi_sheets.analysis.laporan import TANGGAL, is_end_of_period
from zi_sheets.analysis.periods import read_date, read_period
from zi_sheets.analysis.progress import TERLAMBAT, monev_status
from zi_sheets.analysis.realisasi import revised_target
from zi_sheets.checks.agencies import Mention, UnitProfile, other_agencies, unit_profile
from zi_sheets.checks.diterima import apply_diterima
from zi_sheets.checks.places import Region, other_regions, unit_region
from zi_sheets.common import findings as f
from zi_sheets.common.bahasa import format_bulan, format_tanggal, roman
from zi_sheets.common.catalogue import Catalogue, named_regulation
from zi_sheets.common.dates import MAX_YEAR, MIN_YEAR, parse_target
from zi_sheets.common.findings import Finding, Report, quote
from zi_sheets.common.model import (
    AREAS,
    KETUA_TIM_IDENTITAS,
    LAPORAN_BAGIAN,
    NARASI_BAGIAN,
    REQUIRED_IDENTITAS,
    CellRef,
    CellValue,
    MonevEntry,
    PlanRow,
    Workbook,
    is_no_nip,
)
from zi_sheets.common.text import normalize
from zi_sheets.reading.schema import PLAN_LABELS, RENCANA_AKSI
from zi_sheets.reading.tables import HEADER_SEARCH_ROWS

# -- Langkah Aksi and Bukti Fisik repeat each other from this token-set ratio (0-100) on.
REPEAT_THRESHOLD = 90

# -- The fields every plan row fills, and the names findings give the plan's columns (`reading.schema`). --
PLAN_FIELDS = RENCANA_AKSI.content
_FIELD_LABELS = PLAN_LABELS
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

    @cached_property
    def texts(self) -> list[CellValue]:
        """Every cell of the plan, Narasi, Monev and Lampiran sheets that holds free text, each cell once."""
        return list(_texts(self.workbook))

    @cached_property
    def profile(self) -> UnitProfile:
        """What the unit is and which agencies it may name (`agencies.unit_profile`)."""
        return unit_profile(self.identitas)

    @cached_property
    def region(self) -> Region:
        """The unit's own region (`places.unit_region`)."""
        wide = bool(self.profile.kinds & _PROVINCE_WIDE)
        return unit_region(self.identitas, province_wide=wide)

    @cached_property
    def repeats_bukti(self) -> frozenset[int]:
        """The Excel rows of the plan whose Langkah Aksi repeats their Bukti Fisik (`_repeats_bukti`)."""
        return frozenset(row.row for row in self.plan if _repeats_bukti(row.langkah_aksi, row.bukti_fisik))

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


def run_checks(analysis: Analysis, today: dt.date | None = None, also: Iterable[Check] = ()) -> Report:
    """Run every check over an analysed workbook, then the checks in `also` (a later stage's, such as the
    LKE's: `lke.check.check_workbook`); `today` (default: the real date) bounds plausible birth dates."""
    context = CheckContext(analysis, today or dt.date.today())
    found: list[Finding] = []
    for each in (*CHECKS, *also):
        found.extend(each(context))
    standing, accepted = apply_diterima(found, analysis.workbook.diterima)
    return Report(standing, analysis.coverage, accepted)


# ---------------------------------------------------------------------------------------------------------
# Structure and identity


@check
def check_hidden_rows(context: CheckContext) -> Iterator[Finding]:
    """Rows hidden in Excel are still read: the user may not know they end up in the documents."""
    for ref in context.workbook.hidden_rows:
        yield f.HIDDEN_ROW.at(ref, row=ref.row, nama_sheet=ref.sheet)


@check
def check_active_filters(context: CheckContext) -> Iterator[Finding]:
    """Rows an active autofilter hides are still read: one finding for the filter, naming the reason."""
    for active in context.workbook.active_filters:
        yield f.AUTOFILTER_HIDDEN_ROWS.at(
            active.cell,
            nama_sheet=active.cell.sheet,
            jumlah=len(active.hidden_rows),
            baris=row_spans(active.hidden_rows),
        )


def row_spans(rows: Iterable[int], limit: int = 6) -> str:
    """Row numbers as Excel users read them, runs joined: "4-6, 9, 12-30"; after `limit` runs, "…"."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    texts = [f"{first}-{last}" if last > first else str(first) for first, last in runs[:limit]]
    return "baris " + ", ".join(texts) + (", …" if len(runs) > limit else "")


@check
def check_formulas(context: CheckContext) -> Iterator[Finding]:
    """Formula cells without a cached value read as empty (a file never recalculated by Excel)."""
    for ref in context.workbook.uncached_formulas:
        yield f.FORMULA_WITHOUT_VALUE.at(ref, sel=str(ref))


def signs_ketua_tim(workbook: Workbook) -> bool:
    """True when a document built from `workbook` prints the Ketua Tim's signature: the Rencana Kerja and
    Lampiran with two signers (Pengaturan Penandatangan), or a Monev report."""
    from zi_sheets.reading.house_style import house_style

    return bool(workbook.monev) or not house_style(workbook).style.single_signer


@check
def check_identitas_required(context: CheckContext) -> Iterator[Finding]:
    """Every required Identitas field is filled; the Ketua Tim's only when a document prints them."""
    identitas = context.identitas
    required = REQUIRED_IDENTITAS
    if signs_ketua_tim(context.workbook):
        required += KETUA_TIM_IDENTITAS
    for name in required:
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
    if value and written not in ("wbk", "wbbm", "wbk wbbm", "wbk dan wbbm"):
        yield f.PREDIKAT_INVALID.at(value.cell, sheet=context.identitas_sheet, value=value.text)


@check
def check_nips(context: CheckContext) -> Iterator[Finding]:
    """NIPs of the signatories and the team: text, 18 digits, a plausible birth date, TMT and sex digit."""
    nips = [(name, context.identitas.get(name)) for name in ("NIP Pimpinan", "NIP Ketua Tim")]
    nips += [(f"NIP {member.nama.text}", member.nip) for member in context.workbook.tim_kerja]
    for label, value in nips:
        if not is_no_nip(value.text):  # -- a dash says the signatory has no NIP
            yield from _check_nip(context, label, value)


_SCIENTIFIC = re.compile(r"\d[.,]\d+\s*[eE]\+?\d+")


def _check_nip(context: CheckContext, label: str, value: CellValue) -> Iterator[Finding]:
    sheet = context.identitas_sheet
    # -- a number, or the text Excel shows for one ("1,97805E+17" pasted as text): digits already lost
    number = isinstance(value.raw, int | float) and not isinstance(value.raw, bool)
    if number or _SCIENTIFIC.fullmatch(value.text.strip()):
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
    """Every Narasi row belongs to a known Bagian (reported once per run of rows); a sheet with a Judul
    column writes its own headings."""
    if context.workbook.narasi_headings:
        return
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
    from zi_sheets.reading.house_style import house_style

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
    """Every komponen of the regulation has at least one plan row with a Langkah Aksi (as the coverage
    counts, `Analysis.planned`)."""
    covered = {m.komponen.code for m in context.analysis.planned if m.komponen is not None}
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
    """Every plan row has Indikator, Langkah Aksi, Bukti Fisik and Target Waktu; a row inserted under an
    indicator for its next step is told how to join it."""
    above: PlanRow | None = None  # -- the last row with an Indikator, within the same komponen cell
    for row in context.plan:
        if row.indikator:
            above = row
        elif above is not None and row.komponen.cell != above.komponen.cell:
            above = None
        for name in PLAN_FIELDS:
            if getattr(row, name):
                continue
            if name == "indikator" and above is not None and _inserted_langkah(row):
                yield f.LANGKAH_ROW_WITHOUT_INDIKATOR.at(
                    context.plan_cell(row, name), row=row.row, above=above.row, indikator=above.indikator.text
                )
                continue
            yield _EMPTY_TYPES[name].at(
                context.plan_cell(row, name),
                kolom=_FIELD_LABELS[name],
                row=row.row,
                komponen=row.komponen.text,
            )


def _inserted_langkah(row: PlanRow) -> bool:
    """True for a row with a Langkah Aksi whose komponen was carried down from a row above (not written on
    it): the row staff insert under an indicator for its second step."""
    cell = row.komponen.cell
    return bool(row.langkah_aksi) and cell is not None and cell.row < row.row


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


def _around(text: str, start: int, end: int, width: int = 30) -> str:
    """The words around text[start:end], for quoting a long cell."""
    line = text.replace("\n", " ")
    left = max(0, start - width)
    left = line.rfind(" ", 0, left) + 1 if left else 0
    right = line.find(" ", end + width)
    snippet = line[left : right if right != -1 else len(line)].strip()
    return ("…" if left else "") + " ".join(snippet.split()) + ("…" if right != -1 else "")


def _texts(workbook: Workbook) -> Iterator[CellValue]:
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
    """No cell names an agency the unit neither is nor works with (copy-paste residue; see agencies.py)."""
    unit = context.identitas.nama_unit
    judged: dict[str, list[Mention]] = {}  # -- texts repeat down a plan (komponen, targets, PJ)
    for value in context.texts:
        mentions = judged.get(value.text)
        if mentions is None:
            mentions = judged[value.text] = other_agencies(value.text, context.profile)
        if mentions:
            yield f.OTHER_AGENCY.at(
                value.cell,
                names=[m.name for m in mentions],
                unit=unit or "unit kerja ini",
                kutipan=_around(value.text, mentions[0].start, mentions[0].end),
            )


@check
def check_other_regions(context: CheckContext) -> Iterator[Finding]:
    """No cell names a kabupaten, kota or province other than the unit's own (see places.py)."""
    region = context.region
    judged: dict[str, list[tuple[str, int, int]]] = {}
    for value in context.texts:
        places = judged.get(value.text)
        if places is None:
            places = judged[value.text] = other_regions(value.text, region)
        if places:
            yield f.OTHER_REGION.at(
                value.cell,
                names=[name for name, _, _ in places],
                wilayah=region.label,
                kutipan=_around(value.text, *places[0][1:]),
            )


# -- Units whose area is a province (or more): every place of their province is theirs.
_PROVINCE_WIDE = frozenset({"kanwil", "balai", "bpom", "mahkamah_agung", "djp", "kemenkumham"})


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


# -- A Langkah Aksi step is an action when it starts with a verb (menyusun, disusun, berkoordinasi, the
# -- imperative "tetapkan"), an action noun (penyusunan, sosialisasi, rapat), or a subject and an active verb
# -- ("Tim SPIP melaksanakan ..."); a result ("SOP telah ditetapkan", "Seluruh pegawai sudah memiliki SOP")
# -- or a noun ("Data Base Terpadu", a list of documents) is not.
_ACTIVE = re.compile(r"^(?:mem|men|meng|meny|me[lrwy])[a-z]{3,}$|^ber[a-z]{3,}$")
_PASSIVE = re.compile(r"^di[a-z]{4,}$")
_NOT_VERBS = frozenset(
    "menteri mental mentor member memori memo berita berkas bersama beras bersih berkala berbasis "
    "berdasarkan berupa berikut dinas direktur direktorat disiplin digital dimensi diri dimana distrik "
    "divisi".split()
)
_ACTION_NOUNS = frozenset(
    "sosialisasi internalisasi rapat evaluasi monitoring monev koordinasi reviu review kaji kajian survei "
    "survey pelatihan publikasi usulan implementasi identifikasi analisis analisa diklat bimtek workshop "
    "lokakarya seminar apel kunjungan studi fgd audit asesmen assessment inventarisasi verifikasi validasi "
    "konsultasi revisi update upload unggah input launching optimalisasi digitalisasi pemetaan tindak "
    "tindaklanjut kegiatan lomba pemilihan penjaringan seleksi rekrutmen kampanye deklarasi pencanangan "
    "sidak inspeksi pemantauan pengawasan pendampingan integrasi kerja kerjasama".split()
)
_IMPERATIVES = frozenset("susun buat bentuk isi pasang kirim adakan ikuti catat rekap lapor".split())
# -- pe-an words that name a document or a thing, not an activity
_NOT_ACTION_NOUNS = frozenset(
    "pedoman peraturan perjanjian pernyataan persyaratan pengumuman penghargaan perangkat pelayanan pegawai "
    "pejabat pengaduan pendapatan".split()
)
_RESULT_WORDS = frozenset("telah sudah sudah terlah".split())
_SUBJECT_SPAN = 8


def _starts_action(word: str) -> bool:
    if word in _NOT_VERBS or word in _NOT_ACTION_NOUNS:
        return False
    if word in _ACTION_NOUNS or word in _IMPERATIVES:
        return True
    if _ACTIVE.match(word) or _PASSIVE.match(word):
        return True
    if re.match(r"^pe[a-z]{3,}an$", word) or re.match(r"^pe[a-z]{3,}(?:kan|an)$", word):
        return True  # penyusunan, pembentukan, pelaksanaan: actions as nouns
    # -- the imperative of -kan and -i verbs: "Tetapkan SK", "Laksanakan apel"
    return word.endswith("kan") and len(word) > 5 and not word.startswith(("pe", "ke"))


def is_action(step: str) -> bool:
    """True when one Langkah Aksi step (one line) says what is done."""
    words = normalize(step).split()
    if not words:
        return True
    if words[0] in _RESULT_WORDS:
        return False
    if _starts_action(words[0]):
        return True
    for word in words[1:_SUBJECT_SPAN]:
        if word in _RESULT_WORDS:
            return False  # "SOP telah ditetapkan", "Seluruh pegawai sudah memiliki SOP"
        if word not in _NOT_VERBS and (_ACTIVE.match(word) or _PASSIVE.match(word)):
            return True  # "Tim SPIP melaksanakan ...", "Papan informasi dipasang ..."
    return False


_STEP_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-\u2022*\u2013\u00b7])\s*")


def langkah_steps(text: str) -> list[str]:
    """The steps of a Langkah Aksi cell: its lines without their list markers; a line continuing the one
    before (lower-case start) or an item listed under a line ending in ':' is no step of its own."""
    steps: list[str] = []
    listing = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        item = _STEP_MARKER.sub("", line)
        listing = listing and item != line  # items go on while lines carry a list marker
        continues = item[:1].islower() and bool(steps)
        if not continues and not listing and item:
            steps.append(item)
        listing = listing or line.endswith(":")
    return steps


@check
def check_langkah_repeats_bukti(context: CheckContext) -> Iterator[Finding]:
    """A Langkah Aksi says what is done, not only the documents of its Bukti Fisik: the texts are the same,
    or nearly so with no step of the Langkah Aksi an action (two clear actions are no repeat)."""
    for row in context.plan:
        if row.row in context.repeats_bukti:
            yield f.LANGKAH_REPEATS_BUKTI.at(row.langkah_aksi.cell, bukti=row.bukti_fisik.text)


def _repeats_bukti(langkah: CellValue, bukti: CellValue) -> bool:
    if not langkah or not bukti:
        return False
    a, b = normalize(langkah.text), normalize(bukti.text)
    if a == b:
        return True
    steps = langkah_steps(langkah.text)
    return fuzz.token_set_ratio(a, b) >= REPEAT_THRESHOLD and not any(is_action(s) for s in steps)


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
def check_monev_status(context: CheckContext) -> Iterator[Finding]:
    """Every Monev Status is a word of the Status vocabulary (`progress.monev_status`)."""
    for entry in context.workbook.monev:
        if monev_status(entry.status.text) is None:
            yield f.MONEV_STATUS_UNKNOWN.at(
                _monev_cell(entry, entry.status, entry.capaian), value=entry.status.text
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
            if monev_status(cells.status.text) is None:
                yield f.REALISASI_STATUS_UNKNOWN.at(cells.status.cell, value=cells.status.text)
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


# ---------------------------------------------------------------------------------------------------------
# What holds for every kind of unit: actions, dates of evidence, area titles, realisation, indicators and
# years outside the plan (thresholds set on the generated corpus, tests/corpus.py)


@check
def check_langkah_not_action(context: CheckContext) -> Iterator[Finding]:
    """Every step of a Langkah Aksi is an action, not a result or a noun (a repeat of the Bukti Fisik is
    reported as `langkah-repeats-bukti` instead)."""
    for row in context.plan:
        langkah = row.langkah_aksi
        if not langkah or row.row in context.repeats_bukti:
            continue
        step = next((s for s in langkah_steps(langkah.text) if not is_action(s)), None)
        if step is not None:
            yield f.LANGKAH_NOT_ACTION.at(langkah.cell, langkah=step)


# -- A month named in running text: full names and the old spellings, not the three-letter abbreviations
# -- ("des" in "desa", "mar" in "markas").
_MONTH_IN_TEXT = re.compile(
    r"(?<![0-9a-z])(?:januari|februari|pebruari|febuari|maret|april|mei|juni|juli|agustus|agust|september|"
    r"oktober|november|nopember|desember)(?![0-9a-z])",
    re.IGNORECASE,
)


@check
def check_target_contradicts_bukti(context: CheckContext) -> Iterator[Finding]:
    """A Bukti Fisik that names months names at least one month of its row's Target Waktu."""
    year = context.plan_year
    for row in context.plan:
        bukti = row.bukti_fisik
        target = context.targets[row.row]
        if not bukti or not target.months or not _MONTH_IN_TEXT.search(bukti.text):
            continue
        named = parse_target(bukti.text, year).months
        # -- another year is `evidence-year-old`'s or `target-outside-year`'s to report
        in_year = {m for m in named if year is None or m[0] == year}
        planned = {m for m in target.months if year is None or m[0] == year}
        if in_year and planned and not in_year & planned:
            bulan = ", ".join(format_bulan(*m) for m in sorted(in_year))
            yield f.TARGET_CONTRADICTS_BUKTI.at(
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


@check
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
            yield f.AREA_TITLE_DIFFERS.at(
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


@check
def check_realisasi_in_plan(context: CheckContext) -> Iterator[Finding]:
    """A plan signed before a row's target month reports no 100% realisation for that row."""
    signed = context.identitas.tanggal_penetapan
    if signed is None:
        return
    for row in context.plan:
        target = context.targets[row.row]
        if target.last is None or target.last <= (signed.year, signed.month):
            continue
        cells = [(row.realisasi, True)] + [
            (getattr(row, name), False) for name in ("langkah_aksi", "bukti_fisik", "target_waktu")
        ]
        value = next((v for v, column in cells if full_realisation(v, column)), None)
        if value is not None:
            yield f.REALISASI_IN_PLAN.at(
                value.cell,
                realisasi=value.text,
                ditetapkan=format_tanggal(signed),
                target=row.target_waktu.text,
            )


@check
def check_indikator_missing(context: CheckContext) -> Iterator[Finding]:
    """Every indicator of a komponen the plan covers has a plan row (a komponen without any row is
    `komponen-missing`)."""
    matched = [m for m in context.matches.values() if m.komponen is not None]
    covered = {m.komponen.code for m in matched if m.komponen is not None}
    hit = {m.indicator.code for m in matched if m.indicator is not None}
    for komponen in context.catalogue.komponen:
        if komponen.code not in covered:
            continue
        for indicator in komponen.indicators:
            if indicator.code not in hit:
                yield f.INDIKATOR_MISSING.at(
                    None,
                    sheet=context.plan_sheet,
                    kode=indicator.code,
                    indikator=indicator.text,
                    komponen=komponen.code,
                    nama=komponen.name,
                )


# -- In Narasi a year dates the plan's own document when written as "Tahun 2017" / "TA 2017"; a year after
# -- "sejak", "pada" and the like is history the narrative may tell.
_NARASI_YEAR = re.compile(r"(?:\btahun\s+anggaran|\bta\.?|\btahun)\s*$", re.IGNORECASE)
_HISTORY = re.compile(
    r"\b(?:sejak|pada|mulai|sampai|hingga|dari|sebelum|sesudah|setelah|selama|periode|lalu|tanggal)\b"
    r"(?:\s+\S+){0,2}\s*$",
    re.IGNORECASE,
)


def _dated_texts(context: CheckContext) -> Iterator[tuple[CellValue, bool]]:
    """Texts outside the plan sheet that date what they describe: (value, is Narasi)."""
    workbook = context.workbook
    for item in workbook.narasi:
        yield item.isi, True
    for entry in workbook.monev:
        for value in (entry.capaian, entry.bukti_dukung, entry.kendala, entry.tindak_lanjut):
            yield value, False
    for target in workbook.target_prioritas:
        yield target.target, False
    for step in workbook.mekanisme:
        yield step.langkah, False


@check
def check_years_outside_plan(context: CheckContext) -> Iterator[Finding]:
    """Narasi, Monev and Lampiran texts name no year before the plan year (Narasi: only a year that dates
    the plan's document, "Tahun 2017"); Monev names no year after it."""
    year = context.plan_year
    if year is None:
        return
    seen: set[CellRef] = set()
    for value, narasi in _dated_texts(context):
        if not value or value.cell is None or value.cell in seen:
            continue
        seen.add(value.cell)
        text = context.identitas.fill(value.text) if narasi else value.text
        found = old_years(text, year)
        if narasi:
            found = [y for y in found if _dates_document(text, y)]
        elif value.cell.sheet == _monev_sheet(context):
            found += [y for y in _later_years(text, year) if y not in found]
        if found:
            where = re.search(str(found[0]), text)
            start, end = where.span() if where else (0, 0)
            yield f.YEAR_OUTSIDE_PLAN.at(
                value.cell, years=sorted(found), tahun=year, kutipan=_around(text, start, end)
            )


def _dates_document(text: str, year: int) -> bool:
    for match in re.finditer(rf"(?<!\d){year}(?!\d)", text):
        before = text[: match.start()]
        if _NARASI_YEAR.search(before) and not _HISTORY.search(before):
            return True
    return False


def _later_years(text: str, plan_year: int) -> list[int]:
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


def _monev_sheet(context: CheckContext) -> str:
    cells = (e.capaian.cell for e in context.workbook.monev if e.capaian.cell is not None)
    return next((cell.sheet for cell in cells), "Monev")
