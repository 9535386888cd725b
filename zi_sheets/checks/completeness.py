"""Checks of completeness against the catalogue: the Pengaturan settings, every komponen planned, every plan
cell filled, and each row matched to a komponen and an indicator."""

from __future__ import annotations

from collections.abc import Iterator

from zi_sheets.checks.context import _FIELD_LABELS, PLAN_FIELDS, CheckContext
from zi_sheets.checks.registry import check
from zi_sheets.common.bahasa import roman
from zi_sheets.common.findings import Finding, register
from zi_sheets.common.model import (
    AREAS,
    CellRef,
    PlanRow,
)

# -- The finding types of this family (the README lists them in `lke.check.CATALOGUE_ORDER`). --
_PLAN_CELL_EMPTY = "{kolom} kosong pada baris {row} (komponen {komponen!q})."

PENGATURAN_INVALID = register(
    "pengaturan-invalid",
    "warning",
    "Isian Pengaturan atau Logo tidak dapat dipakai (nilai bawaan dipakai)",
    "{setting} {value!q} tidak dapat dipakai; isi {expected}.",
    "Isian gaya dokumen yang tidak dapat dipakai diganti nilai bawaan.",
)
KOMPONEN_MISSING = register(
    "komponen-missing",
    "error",
    "Komponen LKE tanpa rencana aksi",
    "Komponen {komponen} '{nama}' (area {area}) belum punya baris rencana aksi berisi Langkah Aksi "
    "({katalog}).",
    "Setiap komponen (sub-area) LKE memerlukan sedikitnya satu baris rencana aksi berisi Langkah Aksi.",
)
INDIKATOR_EMPTY = register(
    "indikator-empty",
    "error",
    "Indikator kosong",
    _PLAN_CELL_EMPTY,
    "Setiap baris rencana aksi memerlukan Indikator.",
)
LANGKAH_ROW_WITHOUT_INDIKATOR = register(
    "langkah-row-without-indikator",
    "error",
    "Baris langkah tambahan tanpa Indikator",
    "Baris {row} berisi Langkah Aksi tanpa Indikator, di bawah indikator baris {above} ({indikator!q}); bila "
    "ini langkah berikutnya untuk indikator itu, gabungkan (Merge) sel Indikator baris {above} s.d. {row}, "
    "atau tulis semua langkahnya dalam satu sel Langkah Aksi dengan Alt+Enter.",
    "Baris yang disisipkan untuk langkah kedua perlu sel Indikator yang digabung dengan baris di atasnya.",
)
LANGKAH_AKSI_EMPTY = register(
    "langkah-aksi-empty",
    "error",
    "Langkah Aksi kosong",
    _PLAN_CELL_EMPTY,
    "Setiap baris rencana aksi memerlukan Langkah Aksi.",
)
BUKTI_FISIK_EMPTY = register(
    "bukti-fisik-empty",
    "error",
    "Bukti Fisik kosong",
    _PLAN_CELL_EMPTY,
    "Setiap baris memerlukan Bukti Fisik.",
)
TARGET_WAKTU_EMPTY = register(
    "target-waktu-empty",
    "error",
    "Target Waktu kosong",
    _PLAN_CELL_EMPTY,
    "Setiap baris memerlukan Target Waktu agar jadwalnya dapat dipantau.",
)
KODE_LKE_UNKNOWN = register(
    "kode-lke-unknown",
    "warning",
    "Kode LKE tidak ada di katalog",
    "Kode LKE {value!q} tidak ada di katalog {katalog}; baris ini dicocokkan menurut teks komponen dan "
    "indikatornya.",
    "Kode LKE yang tidak dikenal diabaikan; baris dicocokkan menurut teksnya.",
)
KOMPONEN_UNMATCHED = register(
    "komponen-unmatched",
    "warning",
    "Komponen tidak cocok dengan katalog LKE",
    "Komponen {komponen!q} tidak cocok dengan komponen mana pun di area ini menurut {katalog}; periksa "
    "ejaannya atau isi Kode LKE.",
    "Baris yang komponennya tidak dikenali tidak dihitung dalam cakupan.",
)
INDIKATOR_UNMATCHED = register(
    "indikator-unmatched",
    "info",
    "Indikator tidak cocok dengan katalog LKE",
    "Indikator {indikator!q} tidak cocok dengan indikator komponen {komponen} '{nama}'; isi Kode LKE agar "
    "tercatat.",
    "Indikator yang tidak dikenali tidak dihitung dalam cakupan indikator.",
)


_EMPTY_TYPES = {
    "indikator": INDIKATOR_EMPTY,
    "langkah_aksi": LANGKAH_AKSI_EMPTY,
    "bukti_fisik": BUKTI_FISIK_EMPTY,
    "target_waktu": TARGET_WAKTU_EMPTY,
}


@check(emits=(PENGATURAN_INVALID,))
def check_pengaturan(context: CheckContext) -> Iterator[Finding]:
    """House-style settings and the logo are usable; an unusable one falls back to the default."""
    from zi_sheets.reading.house_style import house_style

    for problem in house_style(context.workbook).problems:
        yield PENGATURAN_INVALID.at(
            problem.value.cell,
            sheet=context.sheet("Pengaturan"),
            setting=problem.name,
            value=problem.value.text,
            expected=problem.expected,
        )


@check(emits=(KOMPONEN_MISSING,))
def check_komponen_covered(context: CheckContext) -> Iterator[Finding]:
    """Every komponen of the regulation has at least one plan row with a Langkah Aksi (as the coverage
    counts, `Analysis.covered_komponen`)."""
    for komponen in context.catalogue.komponen:
        if komponen.code not in context.analysis.covered_komponen:
            area = f"{roman(komponen.area_no)}. {AREAS[komponen.area_no]}"
            yield KOMPONEN_MISSING.at(
                None,
                sheet=context.plan_sheet,
                komponen=komponen.code,
                nama=komponen.name,
                area=area,
                katalog=context.catalogue.title,
            )


@check(
    emits=(
        INDIKATOR_EMPTY,
        LANGKAH_ROW_WITHOUT_INDIKATOR,
        LANGKAH_AKSI_EMPTY,
        BUKTI_FISIK_EMPTY,
        TARGET_WAKTU_EMPTY,
    )
)
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
                yield LANGKAH_ROW_WITHOUT_INDIKATOR.at(
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


@check(emits=(KODE_LKE_UNKNOWN, KOMPONEN_UNMATCHED, INDIKATOR_UNMATCHED))
def check_catalogue_match(context: CheckContext) -> Iterator[Finding]:
    """Plan rows match the catalogue: known Kode LKE, a komponen, and (info) an indicator."""
    reported_komponen: set[CellRef] = set()
    for row in context.plan:
        match = context.matches[row.row]
        if match.kode_unknown:
            yield KODE_LKE_UNKNOWN.at(
                context.plan_cell(row, "kode_lke"), value=row.kode_lke.text, katalog=context.catalogue.title
            )
        if match.komponen is None:
            cell = context.plan_cell(row, "komponen")
            if row.komponen.cell is not None:
                if row.komponen.cell in reported_komponen:
                    continue
                reported_komponen.add(row.komponen.cell)
                cell = row.komponen.cell
            yield KOMPONEN_UNMATCHED.at(cell, komponen=row.komponen.text, katalog=context.catalogue.title)
        elif match.indicator is None and row.indikator:
            yield INDIKATOR_UNMATCHED.at(
                row.indikator.cell,
                indikator=row.indikator.text,
                komponen=match.komponen.code,
                nama=match.komponen.name,
            )
