"""Answers the rest of the workbook already supports: a team in TimKerja, a complete Rencana Aksi, priority
targets, Monev months and their follow-up. They are proposals shown beside the unit's answer, never written
over it: the workbook shows that a document exists, not always everything the LKE question asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from zi_sheets.analysis.analyse import Analysis
from zi_sheets.analysis.periods import Period
from zi_sheets.analysis.progress import total
from zi_sheets.common.bahasa import format_bulan
from zi_sheets.lke.items import Lke
from zi_sheets.reading.schema import RENCANA_AKSI

# -- The items each fact answers, per regulation (the 52/2014 LKE asks the same questions under 1.x). --
_CODES = {
    "90-2021": {
        "tim": "P.1.i.a",
        "rencana": "P.1.ii.a",
        "target": "P.1.ii.b",
        "pelaksanaan": "P.1.iii.a",
        "monev": "P.1.iii.b",
        "tindak_lanjut": "P.1.iii.c",
    },
    "52-2014": {
        "tim": "1.1.a",
        "rencana": "1.2.a",
        "target": "1.2.b",
        "pelaksanaan": "1.3.a",
        "monev": "1.3.b",
        "tindak_lanjut": "1.3.c",
    },
}
# -- Monev is periodic ("secara berkala") when no two reported months are more than a quarter apart. --
MAX_MONTHS_BETWEEN_REPORTS = 3


@dataclass(frozen=True)
class Proposal:
    """An answer the workbook supports for item `code`, and why (an Indonesian clause)."""

    code: str
    answer: str
    reason: str


def proposals(analysis: Analysis, lke: Lke) -> list[Proposal]:
    """The answers the analysed workbook supports, in LKE order; an item the workbook says nothing about has
    none."""
    codes = _CODES[lke.key]
    found = []
    for name, propose in (
        ("tim", _tim),
        ("rencana", _rencana),
        ("target", _target),
        ("pelaksanaan", _pelaksanaan),
        ("monev", _monev),
        ("tindak_lanjut", _tindak_lanjut),
    ):
        item = lke.item(codes[name])
        proposed = propose(analysis)
        if item is not None and proposed is not None and proposed[0] in item.letters:
            found.append(Proposal(item.code, *proposed))
    return found


def _tim(analysis: Analysis) -> tuple[str, str] | None:
    workbook = analysis.workbook
    if not workbook.tim_kerja:
        return None
    return "Ya", f"sheet TimKerja memuat {len(workbook.tim_kerja)} anggota tim"


def _rencana(analysis: Analysis) -> tuple[str, str] | None:
    plan = analysis.workbook.rencana_aksi
    if not plan or not all(getattr(row, name) for row in plan for name in RENCANA_AKSI.content):
        return None
    coverage = analysis.coverage
    if coverage.komponen_covered < coverage.komponen_total:
        return None
    return "Ya", (
        f"Rencana Aksi memuat {len(plan)} baris yang lengkap untuk semua {coverage.komponen_total} komponen"
    )


def _target(analysis: Analysis) -> tuple[str, str] | None:
    workbook = analysis.workbook
    if not workbook.target_prioritas:
        return None
    count = len(workbook.target_prioritas)
    return (
        "A",
        f"sheet TargetPrioritas memuat {count} target prioritas; pastikan semuanya relevan dengan WBK/WBBM",
    )


def _pelaksanaan(analysis: Analysis) -> tuple[str, str] | None:
    latest = analysis.latest_month
    if latest is None or not analysis.workbook.rencana_aksi:
        return None
    overall = total(analysis.progress(Period.month(*latest)))
    if not overall.scheduled:
        return None
    share = overall.reported / overall.scheduled
    answer = "A" if share >= 1 else "B" if share >= 0.5 else "C" if share > 0 else "D"
    return answer, (
        f"Monev s.d. {format_bulan(*latest)} melaporkan {overall.reported} dari {overall.scheduled} langkah "
        f"aksi yang dijadwalkan ({overall.percent}%)"
    )


def _monev(analysis: Analysis) -> tuple[str, str] | None:
    months = sorted({entry.month for entry in analysis.workbook.monev if entry.month is not None})
    if not months:
        return None
    ordinals = [year * 12 + month for year, month in months]
    periodic = len(months) >= 2 and all(
        b - a <= MAX_MONTHS_BETWEEN_REPORTS for a, b in zip(ordinals, ordinals[1:], strict=False)
    )
    span = (
        f"{format_bulan(*months[0])} s.d. {format_bulan(*months[-1])}"
        if len(months) > 1
        else format_bulan(*months[0])
    )
    if periodic:
        return "A", f"Monev dilaporkan berkala ({len(months)} bulan, {span}) dan diketahui pimpinan"
    return "B", f"Monev dilaporkan {len(months)} bulan ({span}), belum berkala"


def _tindak_lanjut(analysis: Analysis) -> tuple[str, str] | None:
    # -- a kendala is written in the Monev sheet or, per period, in the Realisasi sheet; each is one
    workbook = analysis.workbook
    kendala = [(entry.kendala, entry.tindak_lanjut) for entry in workbook.monev if entry.kendala]
    realisasi = [(cells.kendala, cells.tindak_lanjut) for row in workbook.realisasi for cells in row.periods]
    kendala += [pair for pair in realisasi if pair[0]]
    if not kendala:
        return None
    followed = sum(1 for _, tindak_lanjut in kendala if tindak_lanjut)
    share = followed / len(kendala)
    answer = "A" if share >= 1 else "B" if share >= 0.5 else "C" if share > 0 else "D"
    sheets = "Monev dan Realisasi" if any(pair[0] for pair in realisasi) else "Monev"
    return answer, f"{followed} dari {len(kendala)} kendala di sheet {sheets} memiliki Tindak Lanjut"
