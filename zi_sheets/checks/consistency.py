"""Checks of the plan's consistency: evidence from earlier years, Langkah Aksi that only repeat their
Bukti Fisik, duplicate rows."""

from __future__ import annotations

from collections.abc import Iterator

from zi_sheets.checks.context import _FIELD_LABELS, PLAN_FIELDS, CheckContext
from zi_sheets.checks.registry import check
from zi_sheets.checks.texts import old_years
from zi_sheets.common.findings import Finding, register
from zi_sheets.common.model import (
    CellValue,
    PlanRow,
)
from zi_sheets.common.text import normalize

# -- The finding types of this family (the README lists them in `lke.check.CATALOGUE_ORDER`). --
EVIDENCE_YEAR_OLD = register(
    "evidence-year-old",
    "warning",
    "Bukti menyebut tahun sebelum tahun rencana",
    "{kolom} menyebut tahun {years}, sebelum tahun rencana {tahun}; periksa apakah tersalin dari dokumen "
    "lama: {teks!q}.",
    "Bukti bertahun lama biasanya tersalin dari rencana tahun sebelumnya.",
)
LANGKAH_REPEATS_BUKTI = register(
    "langkah-repeats-bukti",
    "warning",
    "Langkah Aksi hanya mengulang Bukti Fisik",
    "Langkah Aksi hanya mengulang Bukti Fisik ({bukti!q}); tulis kegiatan yang dilakukan, mis. 'Menyusun "
    "...', 'Melaksanakan ...'.",
    "Langkah Aksi menyebut kegiatan; Bukti Fisik menyebut dokumen hasilnya.",
)
DUPLICATE_ROW = register(
    "duplicate-row",
    "warning",
    "Baris rencana aksi ganda",
    "Baris {row} sama dengan baris {earlier} (Indikator, Langkah Aksi, Bukti Fisik dan Target Waktu); hapus "
    "salah satunya.",
    "Baris yang sama dua kali tercetak dua kali di dokumen.",
)


@check(emits=(EVIDENCE_YEAR_OLD,))
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
                yield EVIDENCE_YEAR_OLD.at(
                    value.cell, kolom=_FIELD_LABELS[name], years=found, tahun=year, teks=value.text
                )


# -- A Langkah Aksi step is an action when it starts with a verb (menyusun, disusun, berkoordinasi, the
# -- imperative "tetapkan"), an action noun (penyusunan, sosialisasi, rapat), or a subject and an active verb


@check(emits=(LANGKAH_REPEATS_BUKTI,))
def check_langkah_repeats_bukti(context: CheckContext) -> Iterator[Finding]:
    """A Langkah Aksi says what is done, not only the documents of its Bukti Fisik: the texts are the same,
    or nearly so with no step of the Langkah Aksi an action (two clear actions are no repeat)."""
    for row in context.plan:
        if row.row in context.repeats_bukti:
            yield LANGKAH_REPEATS_BUKTI.at(row.langkah_aksi.cell, bukti=row.bukti_fisik.text)


@check(emits=(DUPLICATE_ROW,))
def check_duplicate_rows(context: CheckContext) -> Iterator[Finding]:
    """No plan row repeats an earlier one."""
    first: dict[tuple[str, ...], PlanRow] = {}
    for row in context.plan:
        key = tuple(normalize(getattr(row, name).text) for name in PLAN_FIELDS)
        if not any(key):
            continue
        if key in first:
            earlier = first[key]
            yield DUPLICATE_ROW.at(context.plan_cell(row, "indikator"), row=row.row, earlier=earlier.row)
        else:
            first[key] = row
