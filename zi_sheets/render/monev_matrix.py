"""The Matriks Monev Rencana Aksi: every planned action once, grouped by area and komponen as the Rencana
Kerja prints them, with what happened to it by the end of the report period."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docx.document import Document

from zi_sheets.analysis.periods import Period
from zi_sheets.analysis.progress import SELESAI, PlanProgress
from zi_sheets.common.bahasa import format_bulan, format_tanggal
from zi_sheets.common.model import MonevEntry
from zi_sheets.reading.house_style import PageStyle
from zi_sheets.render.plan_table import add_plan_rows, no_need
from zi_sheets.render.word.layout import fit_shares
from zi_sheets.render.word.tables import CellSpec, add_header_table
from zi_sheets.render.word.text import text_lines

# -- (header, share of the width); NO and KOMPONEN are filled by the grouping --
MATRIX_COLUMNS: tuple[tuple[str, float], ...] = (
    ("NO", 4),
    ("KOMPONEN", 12),
    ("LANGKAH AKSI", 21),
    ("TARGET WAKTU", 10),
    ("REALISASI", 20),
    ("STATUS", 10),
    ("BUKTI", 12),
    ("KENDALA / TINDAK LANJUT", 15),
)


def add_realisation_matrix(
    document: Document, plans: Sequence[PlanProgress], period: Period, style: PageStyle
) -> None:
    """The matrix of `plans` (every plan row at the end of `period`, as `Analysis.plan_progress` gives
    them) at the end of `document`'s last section, its header repeated on every page; a row estimated
    taller than a third of the page may break across pages, shorter ones never do."""
    rows = [plan.row for plan in plans]
    needs = [no_need(document, rows, style.table_size_pt)] + [0.0] * (len(MATRIX_COLUMNS) - 1)
    shares = fit_shares([share for _, share in MATRIX_COLUMNS], needs)
    writer = add_header_table(document, [(h, s) for (h, _), s in zip(MATRIX_COLUMNS, shares, strict=True)])
    by_row = {plan.row.row: plan for plan in plans}
    add_plan_rows(
        document, writer, rows, lambda row: matrix_cells(by_row[row.row], period), style.table_size_pt
    )


def matrix_cells(plan: PlanProgress, period: Period) -> list[CellSpec]:
    """The cells of one action after NO and KOMPONEN: Langkah Aksi (the Indikator when it has none), Target
    Waktu (and the revised target), Realisasi, Status, Bukti, Kendala / Tindak Lanjut."""
    row = plan.row
    target = row.target_waktu.lines
    if plan.revision is not None:
        target = [*target, f"Revisi: {plan.revision.cells.target_revisi.text}"]
    realisasi = _carried(plan, "realisasi")
    if plan.status == SELESAI and plan.done_on is not None:
        realisasi.append(f"Selesai {format_tanggal(plan.done_on)}")
    realisasi += [line for entry in plan.progressed for line in _capaian(entry, period)]
    bukti = _carried(plan, "bukti")
    bukti += [line for entry in plan.progressed for line in text_lines(entry.bukti_dukung.text)]
    found = plan.realisasi.cells if plan.realisasi is not None else None
    within = [entry for entry in plan.reports if entry.month in period]
    kendala = ([found.kendala.text] if found else []) + [entry.kendala.text for entry in within]
    tindak = ([found.tindak_lanjut.text] if found else []) + [entry.tindak_lanjut.text for entry in within]
    notes = [f"Kendala: {text}" for text in _unique(kendala)]
    notes += [f"Tindak lanjut: {text}" for text in _unique(tindak)]
    status = [plan.label] + ([f"({plan.reason})"] if plan.reason else [])
    return [
        CellSpec(row.langkah_aksi.lines or row.indikator.lines or row.bukti_fisik.lines),
        CellSpec(target),
        CellSpec(_unique(realisasi)),
        CellSpec(status, align="center"),
        CellSpec(_unique(bukti)),
        CellSpec([line for note in notes for line in text_lines(note)]),
    ]


def _carried(plan: PlanProgress, field: str) -> list[str]:
    """The latest non-empty Realisasi or Bukti by the end of the period; from an earlier group than the
    one telling the state it is marked with that group's period ("(Triwulan I 2025)"): what was achieved
    then still stands."""
    text, found = plan.latest(field)
    lines = text_lines(text)
    if lines and found is not plan.realisasi and found is not None and found.period is not None:
        lines.append(f"({found.period.label})")
    return lines


def _capaian(entry: MonevEntry, period: Period) -> list[str]:
    """An achievement's lines, after its month when the report covers more than that month."""
    lines = text_lines(entry.capaian.text)
    if not lines or entry.month is None or (period.is_month and entry.month == period.last):
        return lines
    return [f"{format_bulan(*entry.month)}: {lines[0]}", *lines[1:]]


def _unique(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(text.strip() for text in texts if text.strip()))
