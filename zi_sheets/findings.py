"""Findings of `zi-sheets check`: the catalogue of finding types, one finding, and the Report.

Every finding has a stable kebab-case `code` registered here once, with its severity and a title a
non-programmer can read (the README lists them from `all_codes()`). The Report owns the policy: exit
code, sort order and the one-line summary.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from zi_sheets.model import AREAS, CellRef


class Severity(StrEnum):
    """How bad a finding is: an error fails the check, a warning fails it only with --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """The Indonesian word printed in the text report."""
        return {"error": "galat", "warning": "peringatan", "info": "info"}[self.value]


@dataclass(frozen=True)
class Finding:
    """One thing the checks noticed.

    `cell` is None for a finding about a whole sheet (then `sheet` names it) or the whole workbook (both
    empty); a cell whose column is '' stands for its whole row. `values` holds the values involved, for
    JSON output and tests.
    """

    code: str
    severity: Severity
    cell: CellRef | None
    message: str
    values: dict[str, Any] = field(default_factory=dict)
    sheet: str = ""

    @property
    def sheet_name(self) -> str:
        """The sheet the finding is on, '' for the workbook as a whole."""
        return self.cell.sheet if self.cell is not None else self.sheet

    @property
    def address(self) -> str:
        """The address inside the sheet: "F14", "14:14" for a whole row, '' for a whole sheet."""
        if self.cell is None:
            return ""
        if not self.cell.column:
            return f"{self.cell.row}:{self.cell.row}"
        return f"{self.cell.column}{self.cell.row}"

    @property
    def cell_text(self) -> str:
        """Where to look, as Excel writes it: "RencanaAksi!F14", "RencanaAksi!14:14", "RencanaAksi" or ''."""
        if self.cell is None:
            return self.sheet
        return f"{self.cell.sheet}!{self.address}"

    def line(self) -> str:
        """The finding as one line of the text report."""
        return f"{self.cell_text or '(workbook)'}  {self.severity.label}  {self.code}  {self.message}"

    @property
    def title(self) -> str:
        """The title of this finding's type."""
        return FINDING_TYPES[self.code].title


@dataclass(frozen=True)
class FindingType:
    """One kind of finding: stable code, severity and a readable Indonesian title."""

    code: str
    severity: Severity
    title: str

    def at(self, cell: CellRef | None, message: str, *, sheet: str = "", **values: Any) -> Finding:
        """A finding of this type at `cell` (None: the whole `sheet`, or the workbook when sheet is '')."""
        return Finding(self.code, self.severity, cell, message, dict(values), sheet)


FINDING_TYPES: dict[str, FindingType] = {}
_CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _register(code: str, severity: str, title: str) -> FindingType:
    if not _CODE.fullmatch(code) or code in FINDING_TYPES:
        raise ValueError(f"bad or duplicate finding code {code!r}")
    FINDING_TYPES[code] = FindingType(code, Severity(severity), title)
    return FINDING_TYPES[code]


# -- Structure and identity --
HIDDEN_ROW = _register("hidden-row", "warning", "Baris tersembunyi ikut dibaca")
FORMULA_WITHOUT_VALUE = _register("formula-without-value", "warning", "Rumus tanpa nilai tersimpan")
IDENTITAS_MISSING = _register("identitas-missing", "error", "Isian wajib di sheet Identitas kosong")
TAHUN_INVALID = _register("tahun-invalid", "error", "Tahun bukan tahun empat angka")
REGULASI_UNKNOWN = _register("regulasi-unknown", "warning", "Regulasi tidak dikenal")
PREDIKAT_INVALID = _register("predikat-invalid", "warning", "Target Predikat bukan WBK atau WBBM")
NIP_STORED_AS_NUMBER = _register("nip-stored-as-number", "error", "NIP tersimpan sebagai angka, bukan teks")
NIP_LENGTH = _register("nip-length", "error", "NIP tidak 18 angka")
NIP_PATTERN = _register("nip-pattern", "error", "NIP tidak sesuai pola tanggal lahir, TMT dan jenis kelamin")
PLACEHOLDER_UNKNOWN = _register("placeholder-unknown", "error", "Isian dalam kurung kurawal tidak dikenal")
NARASI_BAGIAN_UNKNOWN = _register("narasi-bagian-unknown", "warning", "Bagian Narasi tidak dikenal")
PENGATURAN_INVALID = _register(
    "pengaturan-invalid", "warning", "Isian Pengaturan atau Logo tidak dapat dipakai (nilai bawaan dipakai)"
)
# -- Completeness against the catalogue --
KOMPONEN_MISSING = _register("komponen-missing", "error", "Komponen LKE tanpa rencana aksi")
INDIKATOR_EMPTY = _register("indikator-empty", "error", "Indikator kosong")
LANGKAH_AKSI_EMPTY = _register("langkah-aksi-empty", "error", "Langkah Aksi kosong")
BUKTI_FISIK_EMPTY = _register("bukti-fisik-empty", "error", "Bukti Fisik kosong")
TARGET_WAKTU_EMPTY = _register("target-waktu-empty", "error", "Target Waktu kosong")
KODE_LKE_UNKNOWN = _register("kode-lke-unknown", "warning", "Kode LKE tidak ada di katalog")
KOMPONEN_UNMATCHED = _register("komponen-unmatched", "warning", "Komponen tidak cocok dengan katalog LKE")
INDIKATOR_UNMATCHED = _register("indikator-unmatched", "info", "Indikator tidak cocok dengan katalog LKE")
# -- Target dates --
TARGET_UNPARSED = _register("target-unparsed", "warning", "Target Waktu tidak terbaca sebagai bulan")
TARGET_EVENT = _register("target-event", "info", "Target Waktu berupa kejadian, bukan bulan")
TARGET_OUTSIDE_YEAR = _register("target-outside-year", "warning", "Target Waktu di luar tahun rencana")
TARGET_YEAR_IMPOSSIBLE = _register("target-year-impossible", "error", "Tahun pada Target Waktu tidak mungkin")
# -- Consistency --
OTHER_AGENCY = _register("other-agency", "warning", "Teks menyebut instansi lain (sisa salinan)")
EVIDENCE_YEAR_OLD = _register("evidence-year-old", "warning", "Bukti menyebut tahun sebelum tahun rencana")
LANGKAH_REPEATS_BUKTI = _register(
    "langkah-repeats-bukti", "warning", "Langkah Aksi hanya mengulang Bukti Fisik"
)
DUPLICATE_ROW = _register("duplicate-row", "warning", "Baris rencana aksi ganda")
# -- Monev --
MONEV_MONTH_UNREADABLE = _register("monev-month-unreadable", "warning", "Bulan Monev tidak terbaca")
MONEV_MONTH_OUTSIDE_YEAR = _register(
    "monev-month-outside-year", "warning", "Bulan Monev di luar tahun rencana"
)
MONEV_AREA_UNKNOWN = _register("monev-area-unknown", "warning", "Area Monev tidak dikenal")
MONEV_REF_UNKNOWN = _register(
    "monev-ref-unknown", "warning", "Ref Rencana Aksi tidak menunjuk baris mana pun"
)
PLAN_OVERDUE = _register("plan-overdue", "info", "Rencana aksi lewat jadwal tanpa laporan Monev")
# -- LKE self-assessment (sheet LKE; see zi_sheets/lke/) --
LKE_SHEET_UNREADABLE = _register(
    "lke-sheet-unreadable", "warning", "Sheet LKE tidak terbaca sebagai jawaban LKE"
)
LKE_UNANSWERED = _register("lke-unanswered", "warning", "Butir LKE belum dijawab (dihitung 0)")
LKE_ANSWER_INVALID = _register("lke-answer-invalid", "warning", "Jawaban LKE bukan salah satu pilihannya")
LKE_JUMLAH_MISMATCH = _register(
    "lke-jumlah-mismatch", "warning", "Persentase berbeda dengan hitungan dari isian Jumlah"
)
LKE_KODE_DUPLICATE = _register("lke-kode-duplicate", "warning", "Kode LKE tercantum lebih dari sekali")
LKE_EVIDENCE_MISSING = _register("lke-evidence-missing", "warning", "Berkas Bukti Dukung tidak ditemukan")
LKE_EVIDENCE_OUTSIDE = _register(
    "lke-evidence-outside", "warning", "Berkas Bukti Dukung di luar folder workbook (tidak dikemas)"
)
LKE_EVIDENCE_NONE = _register("lke-evidence-none", "warning", "Jawaban Ya atau A tanpa Bukti Dukung")
LKE_LINK_MALFORMED = _register(
    "lke-link-malformed", "warning", "Tautan Bukti Dukung bukan alamat web yang benar"
)
LKE_LINK_UNREACHABLE = _register("lke-link-unreachable", "warning", "Tautan Bukti Dukung tidak dapat dibuka")
LKE_EVIDENCE_SHARED = _register(
    "lke-evidence-shared", "info", "Satu berkas Bukti Dukung dipakai untuk butir yang tidak berkaitan"
)
LKE_ANSWER_PROPOSED = _register(
    "lke-answer-proposed", "info", "Isi workbook mengusulkan jawaban lain untuk butir LKE"
)


def all_codes() -> list[tuple[str, Severity, str]]:
    """Every finding type as (code, severity, title), in catalogue order (for the README and tests)."""
    return [(t.code, t.severity, t.title) for t in FINDING_TYPES.values()]


# ---------------------------------------------------------------------------------------------------------
# Coverage figures


def _percent(covered: int, total: int) -> int:
    """Whole percent, rounded down so that 100% always means complete; 0 when there is nothing to cover."""
    return math.floor(100 * covered / total) if total else 0


@dataclass(frozen=True)
class AreaCoverage:
    """How much of one area of the catalogue the plan covers."""

    area_no: int
    komponen_covered: int
    komponen_total: int
    indicators_covered: int
    indicators_total: int

    @property
    def indicator_percent(self) -> int:
        return _percent(self.indicators_covered, self.indicators_total)

    def to_dict(self) -> dict[str, Any]:
        return {
            "area": self.area_no,
            "nama": AREAS.get(self.area_no, ""),
            "komponen": [self.komponen_covered, self.komponen_total],
            "indikator": [self.indicators_covered, self.indicators_total],
            "indikator_persen": self.indicator_percent,
        }


@dataclass(frozen=True)
class Coverage:
    """How much of the regulation's catalogue the plan covers: komponen with a row, indicators matched."""

    regulation: str
    komponen_covered: int
    komponen_total: int
    indicators_covered: int
    indicators_total: int
    areas: tuple[AreaCoverage, ...] = ()

    @property
    def indicator_percent(self) -> int:
        """Indicators covered as a whole percent, rounded down."""
        return _percent(self.indicators_covered, self.indicators_total)

    def sentence(self) -> str:
        """ "komponen 23 dari 23, indikator 61 dari 81 (75%)" """
        return (
            f"komponen {self.komponen_covered} dari {self.komponen_total}, indikator "
            f"{self.indicators_covered} dari {self.indicators_total} ({self.indicator_percent}%)"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "regulasi": self.regulation,
            "komponen": [self.komponen_covered, self.komponen_total],
            "indikator": [self.indicators_covered, self.indicators_total],
            "indikator_persen": self.indicator_percent,
            "area": [area.to_dict() for area in self.areas],
        }


# ---------------------------------------------------------------------------------------------------------
# The report

# -- Sheets in the order a person reads the workbook; others follow by name. Matched on the normalized
# -- sheet name so the variants the reader accepts ("Rencana Aksi", "Monitoring") sort the same way.
_SHEET_ORDER: tuple[tuple[str, ...], ...] = (
    ("identitas", "dataunit"),
    ("narasi", "teks"),
    ("rencanaaksi", "matriksrencanaaksi", "rencanakerja"),
    ("monev", "monitoring"),
)


def _sheet_rank(sheet: str) -> int:
    if not sheet:
        return -1
    key = re.sub(r"[^0-9a-z]", "", sheet.lower())
    for rank, prefixes in enumerate(_SHEET_ORDER):
        if key.startswith(prefixes):
            return rank
    return len(_SHEET_ORDER)


def _column_key(column: str) -> tuple[int, str]:
    """Excel column order: A..Z before AA."""
    return (len(column), column)


def _sort_key(finding: Finding) -> tuple[int, str, int, tuple[int, str]]:
    sheet = finding.sheet_name
    rank = _sheet_rank(sheet)
    if finding.cell is None:
        return (rank, sheet if rank >= len(_SHEET_ORDER) else "", 0, (0, ""))
    other = sheet if rank >= len(_SHEET_ORDER) else ""
    return (rank, other, finding.cell.row, _column_key(finding.cell.column))


@dataclass
class Report:
    """The findings of one check run and the coverage figures; owns exit code, order and summary."""

    findings: list[Finding] = field(default_factory=list)
    coverage: Coverage | None = None

    def __post_init__(self) -> None:
        self.findings = sorted(self.findings, key=_sort_key)

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def infos(self) -> int:
        return self.count(Severity.INFO)

    def codes(self) -> set[str]:
        """The distinct codes found."""
        return {f.code for f in self.findings}

    def of(self, code: str) -> list[Finding]:
        """The findings with this code, in report order."""
        return [f for f in self.findings if f.code == code]

    def exit_code(self, strict: bool = False) -> int:
        """0 without errors, 1 with errors; with `strict`, warnings count as errors."""
        if self.errors or (strict and self.warnings):
            return 1
        return 0

    def summary(self) -> str:
        """One Indonesian line: "3 galat, 12 peringatan, 2 info; komponen 23 dari 23, indikator ..."."""
        counts = f"{self.errors} galat, {self.warnings} peringatan, {self.infos} info"
        return f"{counts}; {self.coverage.sentence()}" if self.coverage else counts

    def to_text(self) -> str:
        """One line per finding ("RencanaAksi!H14  galat  target-year-impossible  ..."), summary last."""
        lines = [finding.line() for finding in self.findings]
        lines.append(self.summary())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data: findings, counts, coverage figures and the summary line."""
        return {
            "summary": self.summary(),
            "counts": {"error": self.errors, "warning": self.warnings, "info": self.infos},
            "coverage": self.coverage.to_dict() if self.coverage else None,
            "findings": [
                {
                    "sheet": f.sheet_name,
                    "cell": f.address or None,
                    "ref": f.cell_text,
                    "code": f.code,
                    "severity": f.severity.value,
                    "title": f.title,
                    "message": f.message,
                    "values": f.values,
                }
                for f in self.findings
            ],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text (non-ASCII kept readable; unusual values written as text)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, default=str)
