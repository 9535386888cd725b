"""Checks of completeness against the catalogue: the Pengaturan settings, every komponen planned, every plan
cell filled, and each row matched to a komponen and an indicator."""

from __future__ import annotations

import re
from collections.abc import Iterator

from zi_sheets.analysis.komponen import AreaGroup, group_by_area
from zi_sheets.analysis.matching import CUT, OTHER_AREA, OTHER_REGULATION
from zi_sheets.checks.context import _FIELD_LABELS, PLAN_FIELDS, CheckContext
from zi_sheets.checks.registry import check
from zi_sheets.common.bahasa import daftar, roman, row_spans
from zi_sheets.common.findings import Finding, register
from zi_sheets.common.model import AREAS, PlanRow
from zi_sheets.common.text import normalize

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
    "Komponen {komponen} '{nama}' (area {area}) belum punya baris rencana aksi yang merencanakan sesuatu "
    "(Langkah Aksi atau Bukti Fisik) ({katalog}).",
    "Setiap komponen (sub-area) LKE memerlukan sedikitnya satu baris rencana aksi berisi Langkah Aksi atau "
    "Bukti Fisik.",
)
PLAN_COLUMN_ABSENT = register(
    "plan-column-absent",
    "error",
    "Kolom rencana aksi tidak dipakai",
    "{keadaan}: {jumlah} dari {total} baris hanya berisi {berisi}, tanpa {kolom} ({baris}); {alasan}.",
    "Rencana yang tidak memakai salah satu kolom Indikator, Langkah Aksi, Bukti Fisik atau Target Waktu "
    "(kolom itu tidak ada, atau kosong pada lebih dari separuh baris) dilaporkan sekali untuk seluruh "
    "rencana.",
)
PLAN_ROW_EMPTY = register(
    "plan-row-empty",
    "error",
    "Baris rencana aksi tanpa rencana",
    "Baris {row} hanya berisi Indikator {indikator!q}: {kolom} kosong (komponen {komponen!q}); tulis "
    "rencananya atau hapus barisnya.",
    "Baris yang hanya menyalin indikator belum merencanakan apa pun; dilaporkan sekali per baris, bukan "
    "sekali per sel kosong.",
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
    "Komponen {komponen!q} ({baris}) tidak cocok dengan komponen mana pun di area ini menurut {katalog}; "
    "periksa ejaannya atau isi Kode LKE.",
    "Baris yang komponennya tidak dikenali tidak dihitung dalam cakupan; satu temuan per nama komponen.",
)
KOMPONEN_TRUNCATED = register(
    "komponen-truncated",
    "warning",
    "Nama komponen terpotong",
    "Nama komponen {komponen!q} ({baris}) terpotong; dibaca sebagai komponen {kode} {nama!q} menurut "
    "{katalog}: tulis namanya utuh agar dokumen tidak mencetak nama yang terpotong.",
    "Nama yang terpotong di akhir kolomnya (berakhir dengan 'dan', kurung yang tidak ditutup, atau kata "
    "yang terpenggal) dicocokkan dengan katalog dan dilaporkan sekali per nama.",
)
KOMPONEN_OTHER_REGULATION = register(
    "komponen-other-regulation",
    "warning",
    "Nama komponen menurut regulasi lain",
    "Komponen {komponen!q} ({baris}) adalah nama menurut regulasi lain; menurut {katalog} komponen ini "
    "bernama {nama!q} ({kode}): pakai nama itu.",
    "Rencana yang menyalin nama komponen dari regulasi lain (mis. 'E-Office' pada rencana PermenPANRB "
    "90/2021) dicocokkan dengan komponen padanannya.",
)
KOMPONEN_NUMBERING = register(
    "komponen-numbering",
    "warning",
    "Nomor komponen tidak berurutan",
    "Komponen {komponen!q} di area {area} {keadaan}, di antara komponen yang bernomor; beri nomor {nomor}.",
    "Komponen di setiap area bernomor 1, 2, 3, ... seperti dicetak Rencana Kerja; komponen tanpa nomor atau "
    "bernomor lain di antara yang bernomor dilaporkan sekali, di tempat urutannya putus.",
)
KOMPONEN_OTHER_AREA = register(
    "komponen-other-area",
    "warning",
    "Komponen tertulis di bawah area lain",
    "Komponen {komponen!q} ({baris}) tertulis di bawah area {area}, padahal komponen {kode} {nama!q} "
    "termasuk area {area_katalog} menurut {katalog}; pindahkan barisnya ke area itu.",
    "Komponen yang ditulis di bawah area lain tetap dihitung dalam cakupan area katalognya.",
)
INDIKATOR_UNMATCHED = register(
    "indikator-unmatched",
    "info",
    "Indikator tidak cocok dengan katalog LKE",
    "Indikator {indikator!q} tidak cocok dengan indikator komponen {komponen} '{nama}'; isi Kode LKE agar "
    "tercatat{tanpa_baris}.",
    "Indikator yang tidak dikenali tidak dihitung dalam cakupan indikator; indikator komponennya yang belum "
    "punya baris disebut di pesan ini (baris ini mungkin salah satunya), bukan sebagai indikator-missing.",
)


# -- Why the LKE needs each plan column, for the plan that does not use it. --
_WHY = {
    "indikator": "LKE menilai per indikator; tulis indikator LKE yang dijawab tiap baris",
    "langkah_aksi": "LKE meminta langkah aksi per indikator; tulis kegiatan yang akan dilakukan",
    "bukti_fisik": "LKE meminta bukti dukung; tulis dokumen yang dihasilkan tiap langkah",
    "target_waktu": "tanpa bulan target jadwalnya tidak dapat dipantau di Monev; tulis bulannya",
}

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
    """Every komponen of the regulation has at least one plan row that plans something, an action or an
    output (as the coverage counts, `Analysis.covered_komponen`)."""
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


@check(emits=(PLAN_COLUMN_ABSENT,))
def check_plan_columns_used(context: CheckContext) -> Iterator[Finding]:
    """A plan column the plan does not use (`CheckContext.unused_columns`) is one finding for the whole plan,
    with the count and the first rows."""
    columns = context.workbook.plan_columns
    for name, rows in context.unused_columns.items():
        kolom = _FIELD_LABELS[name]
        if columns and name not in columns:
            keadaan = f"Sheet {context.plan_sheet} tidak punya kolom {kolom}"
        elif len(rows) == len(context.plan):
            keadaan = f"Kolom {kolom} kosong"
        else:
            keadaan = f"Kolom {kolom} kosong pada sebagian besar baris"
        without = set(rows)
        filled = [
            _FIELD_LABELS[other]
            for other in ("komponen", *PLAN_FIELDS)
            if other != name and any(getattr(row, other) for row in context.plan if row.row in without)
        ]
        yield PLAN_COLUMN_ABSENT.at(
            None,
            sheet=context.plan_sheet,
            keadaan=keadaan,
            jumlah=len(rows),
            total=len(context.plan),
            berisi=daftar(filled) or _FIELD_LABELS["komponen"],
            kolom=kolom,
            baris=row_spans(rows),
            alasan=_WHY[name],
        )


@check(
    emits=(
        PLAN_ROW_EMPTY,
        INDIKATOR_EMPTY,
        LANGKAH_ROW_WITHOUT_INDIKATOR,
        LANGKAH_AKSI_EMPTY,
        BUKTI_FISIK_EMPTY,
        TARGET_WAKTU_EMPTY,
    )
)
def check_plan_cells_filled(context: CheckContext) -> Iterator[Finding]:
    """Every plan row has Indikator, Langkah Aksi, Bukti Fisik and Target Waktu; a row inserted under an
    indicator for its next step is told how to join it. A row holding only its Indikator is one finding
    (`plan-row-empty`), and a column the plan does not use is reported once (`check_plan_columns_used`),
    not here."""
    above: PlanRow | None = None  # -- the last row with an Indikator, within the same komponen cell
    used = [name for name in PLAN_FIELDS if name not in context.unused_columns]
    planning = [name for name in used if name != "indikator"]
    for row in context.plan:
        if row.indikator:
            above = row
        elif above is not None and row.komponen.cell != above.komponen.cell:
            above = None
        empty = [name for name in planning if not getattr(row, name)]
        if row.indikator and len(empty) >= 2 and empty == planning:
            yield PLAN_ROW_EMPTY.at(
                context.plan_cell(row, empty[0]),
                row=row.row,
                indikator=row.indikator.text,
                kolom=daftar([_FIELD_LABELS[name] for name in empty]),
                komponen=row.komponen.text,
            )
            continue
        if not row.indikator and "indikator" in used:
            if above is not None and _inserted_langkah(row):
                yield LANGKAH_ROW_WITHOUT_INDIKATOR.at(
                    context.plan_cell(row, "indikator"),
                    row=row.row,
                    above=above.row,
                    indikator=above.indikator.text,
                )
            else:
                empty = ["indikator", *empty]
        if empty:
            # -- several empty cells of one row are one fact: one finding, under the first one's code
            yield _EMPTY_TYPES[empty[0]].at(
                context.plan_cell(row, empty[0]),
                kolom=daftar([_FIELD_LABELS[name] for name in empty]),
                row=row.row,
                komponen=row.komponen.text,
            )


@check(emits=(KOMPONEN_UNMATCHED, KOMPONEN_TRUNCATED, KOMPONEN_OTHER_REGULATION, KOMPONEN_OTHER_AREA))
def check_komponen_names(context: CheckContext) -> Iterator[Finding]:
    """A komponen name written as no catalogue komponen of its area, cut off, by the other regulation's
    name or under another area: one finding per name as written (within its area), however many rows
    carry it, at its first cell."""
    named: dict[tuple[str, str], list[PlanRow]] = {}
    for row in context.plan:
        match = context.matches[row.row]
        if not row.komponen or (match.by_code and not match.komponen_how):
            continue
        if match.komponen is not None and not match.komponen_how:
            continue
        area = str(row.area_no) if row.area_no is not None else normalize(row.area.text)
        named.setdefault((area, normalize(row.komponen.text)), []).append(row)
    katalog = context.catalogue.title
    for rows in named.values():
        first = rows[0]
        match = context.matches[first.row]
        cell = first.komponen.cell or context.plan_cell(first, "komponen")
        baris = row_spans(row.row for row in rows)
        found, written = match.komponen, first.komponen.text
        if found is None:
            yield KOMPONEN_UNMATCHED.at(cell, komponen=written, baris=baris, katalog=katalog)
        elif match.komponen_how == CUT:
            yield KOMPONEN_TRUNCATED.at(
                cell, komponen=written, baris=baris, kode=found.code, nama=found.name, katalog=katalog
            )
        elif match.komponen_how == OTHER_REGULATION:
            yield KOMPONEN_OTHER_REGULATION.at(
                cell, komponen=written, baris=baris, kode=found.code, nama=found.name, katalog=katalog
            )
        elif match.komponen_how == OTHER_AREA:
            yield KOMPONEN_OTHER_AREA.at(
                cell,
                komponen=written,
                baris=baris,
                area=first.area.text or (roman(first.area_no) if first.area_no else "?"),
                kode=found.code,
                nama=found.name,
                area_katalog=f"{roman(found.area_no)}. {AREAS[found.area_no]}",
                katalog=katalog,
            )


_KOMPONEN_NUMBER = re.compile(r"(\d{1,2})\.?")


@check(emits=(KOMPONEN_NUMBERING,))
def check_komponen_numbering(context: CheckContext) -> Iterator[Finding]:
    """Where an area numbers its komponen (1, 2, 3 on each komponen's first row, as the grouped layout
    does), none is left without its number and the numbers run on: reported where the run breaks. A plan
    numbers its komponen when an area has two numbered ones; an area then is checked from one number on."""
    areas: list[tuple[AreaGroup, list[tuple[PlanRow, int | None]]]] = []
    for area in group_by_area(context.plan):
        if area.area_no is None:
            continue
        numbers: list[tuple[PlanRow, int | None]] = []
        for group in area.komponen:
            first = group.rows[0]
            written = first.no if first.no.cell is not None and first.no.cell.row == first.row else None
            found = _KOMPONEN_NUMBER.fullmatch(written.text) if written is not None else None
            if written is not None and written.text and found is None:
                numbers = []  # -- "I.2.b": rows numbered their own way, not komponen
                break
            numbers.append((first, int(found.group(1)) if found else None))
        areas.append((area, numbers))
    counts = [sum(1 for _, number in numbers if number is not None) for _, numbers in areas]
    if max(counts, default=0) < 2:
        return
    for (area, numbers), count in zip(areas, counts, strict=True):
        if not count:
            continue
        # -- an area may go on from the one before (1-4, then 5-7): its first number sets where it starts
        at, start = next((k, number) for k, (_, number) in enumerate(numbers) if number is not None)
        previous = max(start - at, 1) - 1
        for row, number in numbers:
            if number is None or number != previous + 1:
                keadaan = "tanpa nomor" if number is None else f"bernomor {number}"
                yield KOMPONEN_NUMBERING.at(
                    context.plan_cell(row, "no"),
                    komponen=row.komponen.text,
                    area=area.numeral,
                    keadaan=keadaan,
                    nomor=previous + 1,
                )
            previous = previous + 1 if number is None else number


def _inserted_langkah(row: PlanRow) -> bool:
    """True for a row with a Langkah Aksi whose komponen was carried down from a row above (not written on
    it): the row staff insert under an indicator for its second step."""
    cell = row.komponen.cell
    return bool(row.langkah_aksi) and cell is not None and cell.row < row.row


@check(emits=(KODE_LKE_UNKNOWN, INDIKATOR_UNMATCHED))
def check_catalogue_match(context: CheckContext) -> Iterator[Finding]:
    """Plan rows match the catalogue: known Kode LKE and (info) an indicator."""
    for row in context.plan:
        match = context.matches[row.row]
        if match.kode_unknown:
            yield KODE_LKE_UNKNOWN.at(
                context.plan_cell(row, "kode_lke"), value=row.kode_lke.text, katalog=context.catalogue.title
            )
        if match.komponen is not None and match.indicator is None and row.indikator:
            missing = context.unplanned_indicators.get(match.komponen.code, [])
            yield INDIKATOR_UNMATCHED.at(
                row.indikator.cell,
                indikator=row.indikator.text,
                komponen=match.komponen.code,
                nama=match.komponen.name,
                tanpa_baris=f" (indikator komponen ini yang belum punya baris: {', '.join(missing)})"
                if missing
                else "",
            )
