"""The report-level text of one Monev report (sheet LaporanMonev): its chapters and the date it is signed.

Rows whose Periode is empty serve every report; rows written for a period ("Semester I 2026") serve that
report only and, for their Bagian, replace the rows for every report. Empty chapters are left out of the
report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from zi_sheets.analysis.periods import Period, read_date, read_period
from zi_sheets.common.model import LaporanItem, Workbook
from zi_sheets.common.text import normalize

TANGGAL = "Tanggal Laporan"
# -- What a Tanggal Laporan may say instead of a date: sign on the last day of the period. --
END_OF_PERIOD = frozenset({"akhir periode", "akhir bulan", "akhir triwulan", "akhir semester"})

# -- The chapters of a report with chapters: (title, ((sub-section title, Bagian), ...)); a chapter with
# -- None as its Bagian list holds the Bagian of the same name directly. Pelaksanaan always stands: it holds
# -- the progress figures and the matrix. --
PENDAHULUAN = ("Latar Belakang", "Tujuan", "Ruang Lingkup", "Dasar Hukum")
PERMASALAHAN = ("Permasalahan", "Saran", "Tindak Lanjut")


def is_end_of_period(text: str) -> bool:
    """True for a Tanggal Laporan that asks for the last day of the period ("akhir periode")."""
    return normalize(text) in END_OF_PERIOD


@dataclass(frozen=True)
class ReportTexts:
    """The LaporanMonev rows of one report by Bagian, and the date it is signed (None: undated)."""

    parts: dict[str, list[LaporanItem]] = field(default_factory=dict)
    date: dt.date | None = None

    def items(self, bagian: str) -> list[LaporanItem]:
        """The rows of one Bagian with text, in sheet order ([] for none)."""
        return [item for item in self.parts.get(bagian, []) if item.isi]

    def has(self, *bagian: str) -> bool:
        """True when any of `bagian` has text."""
        return any(self.items(name) for name in bagian)

    @property
    def has_chapters(self) -> bool:
        """True when the workbook wrote any chapter text for this report (the date alone is none)."""
        return any(self.items(name) for name in self.parts if name != TANGGAL)


def report_texts(workbook: Workbook, period: Period, plan_year: int | None) -> ReportTexts:
    """The report-level text of the report for `period`, and its signing date: the Tanggal Laporan written
    (for the period, else for every report), the period's last day when it says "akhir periode", is
    unreadable or is not written at all, None (undated) when its cell is left empty."""
    general: dict[str, list[LaporanItem]] = {}
    own: dict[str, list[LaporanItem]] = {}
    for item in workbook.laporan_monev:
        if not item.periode:
            general.setdefault(item.bagian, []).append(item)
        elif read_period(item.periode, plan_year) == period:
            own.setdefault(item.bagian, []).append(item)
    parts = {**general, **own}
    return ReportTexts(parts, _signing_date(parts.get(TANGGAL, []), period, plan_year))


def _signing_date(items: list[LaporanItem], period: Period, plan_year: int | None) -> dt.date | None:
    if not items:
        return period.end_date
    value = items[-1].isi
    if not value:
        return None
    if is_end_of_period(value.text):
        return period.end_date
    return read_date(value, plan_year) or period.end_date
