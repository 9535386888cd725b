"""Checks of the workbook's structure and identity: hidden rows and active filters, formulas without
a value, the Identitas fields (required, Tahun, Regulasi, Target Predikat, NIPs), placeholders and Narasi
sections."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from zi_sheets.checks.context import CheckContext
from zi_sheets.checks.monev import TANGGAL_UNREADABLE
from zi_sheets.checks.registry import check
from zi_sheets.common.bahasa import row_spans
from zi_sheets.common.catalogue import named_regulation
from zi_sheets.common.findings import Finding, register
from zi_sheets.common.model import (
    KETUA_TIM_IDENTITAS,
    NARASI_BAGIAN,
    REQUIRED_IDENTITAS,
    CellValue,
    Workbook,
    is_no_nip,
    nip_digits,
)
from zi_sheets.common.text import normalize

# -- The finding types of this family (the README lists them in `lke.check.CATALOGUE_ORDER`). --
LAMPIRAN_PART_EMPTY = register(
    "lampiran-part-empty",
    "info",
    "Bagian Lampiran tidak dicetak karena sheet-nya kosong",
    "Sheet {nama_sheet} {keadaan}, jadi Lampiran {bagian} tidak dicetak; isi sheet itu bila bagian ini "
    "akan dilampirkan.",
    "Dokumen hanya memuat yang ditulis unit: bagian yang sheet-nya kosong tidak dicetak, tanpa halaman "
    "'belum diisi'.",
)
HIDDEN_ROW = register(
    "hidden-row",
    "warning",
    "Baris tersembunyi ikut dibaca",
    "Baris {row} di sheet {nama_sheet} tersembunyi tetapi tetap dibaca dan masuk ke dokumen; tampilkan "
    "barisnya, atau hapus bila tidak dipakai.",
    "Baris yang disembunyikan di Excel tetap masuk ke dokumen.",
)
AUTOFILTER_HIDDEN_ROWS = register(
    "autofilter-hidden-rows",
    "warning",
    "Filter aktif menyembunyikan baris yang tetap dibaca",
    "Filter aktif di sheet {nama_sheet} menyembunyikan {jumlah} baris ({baris}), yang tetap dibaca dan masuk "
    "ke dokumen; hapus filternya (Data > Filter) agar semua baris terlihat, lalu hapus baris yang memang "
    "tidak dipakai.",
    "Baris yang disembunyikan filter tetap masuk ke dokumen; satu temuan untuk filternya, bukan per baris.",
)
FORMULA_WITHOUT_VALUE = register(
    "formula-without-value",
    "warning",
    "Rumus tanpa nilai tersimpan",
    "Sel {sel} berisi rumus tanpa nilai tersimpan, sehingga terbaca kosong; buka dan simpan ulang workbook "
    "di Excel.",
    "Workbook yang belum pernah dihitung ulang oleh Excel menyimpan rumus tanpa hasilnya.",
)
IDENTITAS_MISSING = register(
    "identitas-missing",
    "error",
    "Isian wajib di sheet Identitas kosong",
    "Isian '{field}' di sheet Identitas {keadaan}; isian ini wajib untuk dokumen.",
    "Sampul, halaman pengesahan dan tanda tangan memerlukan isian ini; dokumen tidak ditulis tanpanya.",
)
TAHUN_INVALID = register(
    "tahun-invalid",
    "error",
    "Tahun bukan tahun empat angka",
    "Tahun {value!q} bukan tahun empat angka (mis. 2026).",
    "Tahun rencana menentukan jadwal, katalog dan judul dokumen.",
)
REGULASI_UNKNOWN = register(
    "regulasi-unknown",
    "warning",
    "Regulasi tidak dikenal",
    "Regulasi {value!q} tidak dikenal; dipakai katalog {katalog} menurut tahun. Tulis 'PermenPANRB 90/2021' "
    "atau 'PermenPANRB 52/2014'.",
    "Katalog LKE dipilih dari isian Regulasi, atau dari tahun bila isian itu tidak dikenal.",
)
PREDIKAT_INVALID = register(
    "predikat-invalid",
    "warning",
    "Target Predikat bukan WBK atau WBBM",
    "Target Predikat {value!q} bukan WBK, WBBM atau WBK/WBBM.",
    "Predikat yang dituju: WBK, WBBM, atau WBK/WBBM bila unit menuju keduanya.",
)
NIP_STORED_AS_NUMBER = register(
    "nip-stored-as-number",
    "error",
    "NIP tersimpan sebagai angka, bukan teks",
    "{label} '{value}' tersimpan sebagai angka, sehingga Excel hanya menyimpan 15 angka pertamanya; {akibat} "
    "tidak ditulis. Format sel itu sebagai Teks, lalu ketik ulang NIP-nya (atau awali dengan tanda ').",
    "Excel membulatkan angka 18 digit, sehingga NIP yang tersimpan sebagai angka tercetak salah; dokumen "
    "yang memuatnya tidak ditulis sampai NIP diketik ulang sebagai teks: NIP Identitas ada di tanda tangan "
    "setiap dokumen, NIP anggota TimKerja hanya di Lampiran, sehingga dokumen lain tetap ditulis.",
)
NIP_LENGTH = register(
    "nip-length",
    "error",
    "NIP tidak 18 angka",
    "{label} '{value}' berisi {digits} angka; NIP harus 18 angka (spasi boleh, tanda lain tidak).",
    "NIP PNS terdiri atas 18 angka.",
)
NIP_PATTERN = register(
    "nip-pattern",
    "error",
    "NIP tidak sesuai pola tanggal lahir, TMT dan jenis kelamin",
    "{label} '{value}': {problem}",
    "Angka NIP memuat tanggal lahir, TMT dan jenis kelamin; pola yang mustahil menandakan salah ketik.",
)
PLACEHOLDER_UNKNOWN = register(
    "placeholder-unknown",
    "error",
    "Isian dalam kurung kurawal tidak dikenal",
    "{names} bukan nama isian Identitas, sehingga tertulis apa adanya di dokumen; perbaiki ejaannya (mis. "
    "{{Nama Unit Kerja}}, {{Tahun}}).",
    "Teks dalam kurung kurawal diganti dengan isian Identitas yang bernama sama.",
)
NARASI_BAGIAN_UNKNOWN = register(
    "narasi-bagian-unknown",
    "warning",
    "Bagian Narasi tidak dikenal",
    "Bagian {bagian!q} tidak dikenal, sehingga teksnya tidak masuk dokumen; pilih salah satu: {pilihan}.",
    "Setiap baris Narasi masuk ke bab menurut Bagian-nya.",
)


@check(emits=(HIDDEN_ROW,))
def check_hidden_rows(context: CheckContext) -> Iterator[Finding]:
    """Rows hidden in Excel are still read: the user may not know they end up in the documents."""
    for ref in context.workbook.hidden_rows:
        yield HIDDEN_ROW.at(ref, row=ref.row, nama_sheet=ref.sheet)


@check(emits=(AUTOFILTER_HIDDEN_ROWS,))
def check_active_filters(context: CheckContext) -> Iterator[Finding]:
    """Rows an active autofilter hides are still read: one finding for the filter, naming the reason."""
    for active in context.workbook.active_filters:
        yield AUTOFILTER_HIDDEN_ROWS.at(
            active.cell,
            nama_sheet=active.cell.sheet,
            jumlah=len(active.hidden_rows),
            baris=row_spans(active.hidden_rows),
        )


@check(emits=(FORMULA_WITHOUT_VALUE,))
def check_formulas(context: CheckContext) -> Iterator[Finding]:
    """Formula cells without a cached value read as empty (a file never recalculated by Excel)."""
    for ref in context.workbook.uncached_formulas:
        yield FORMULA_WITHOUT_VALUE.at(ref, sel=str(ref))


def signs_ketua_tim(workbook: Workbook) -> bool:
    """True when a document built from `workbook` prints the Ketua Tim's signature: the Rencana Kerja and
    Lampiran with two signers (Pengaturan Penandatangan), or a Monev report."""
    from zi_sheets.reading.house_style import house_style

    return bool(workbook.monev) or not house_style(workbook).style.single_signer


@check(emits=(IDENTITAS_MISSING,))
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
        yield IDENTITAS_MISSING.at(value.cell, sheet=context.identitas_sheet, field=name, keadaan=where)


@check(emits=(TAHUN_INVALID,))
def check_tahun(context: CheckContext) -> Iterator[Finding]:
    """Tahun is a four-digit year."""
    value = context.identitas.get("Tahun")
    if value and context.plan_year is None:
        yield TAHUN_INVALID.at(value.cell, sheet=context.identitas_sheet, value=value.text)


@check(emits=(TANGGAL_UNREADABLE,))
def check_tanggal_penetapan(context: CheckContext) -> Iterator[Finding]:
    """Tanggal Penetapan, printed under every signature, is a day that exists ("30 Februari 2024" and
    "31/04/2024" are not; nor is a date cell before year 1 or after 9999, which reads as no date)."""
    value = context.identitas.get("Tanggal Penetapan")
    if value and context.identitas.tanggal_penetapan is None:
        yield TANGGAL_UNREADABLE.at(
            value.cell,
            sheet=context.identitas_sheet,
            kolom="Tanggal Penetapan",
            value=value.text,
            contoh=f"2 Januari {context.plan_year or context.today.year}",
        )


@check(emits=(REGULASI_UNKNOWN,))
def check_regulasi(context: CheckContext) -> Iterator[Finding]:
    """Regulasi names a catalogue the package knows."""
    value = context.identitas.get("Regulasi")
    if value and named_regulation(value.text) is None:
        yield REGULASI_UNKNOWN.at(
            value.cell, sheet=context.identitas_sheet, value=value.text, katalog=context.catalogue.title
        )


@check(emits=(PREDIKAT_INVALID,))
def check_predikat(context: CheckContext) -> Iterator[Finding]:
    """Target Predikat is WBK or WBBM."""
    value = context.identitas.get("Target Predikat")
    written = re.sub(r"^menuju\s+", "", normalize(value.text))
    if value and written not in ("wbk", "wbbm", "wbk wbbm", "wbk dan wbbm"):
        yield PREDIKAT_INVALID.at(value.cell, sheet=context.identitas_sheet, value=value.text)


@check(emits=(NIP_STORED_AS_NUMBER, NIP_LENGTH, NIP_PATTERN))
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
        # -- a team member's NIP is printed in the Lampiran only; the signatories' in every document
        on_team = value.cell is not None and value.cell.sheet != sheet
        akibat = "Lampiran" if on_team else "dokumen"
        yield NIP_STORED_AS_NUMBER.at(value.cell, sheet=sheet, label=label, value=value.text, akibat=akibat)
        return
    digits = nip_digits(value.text)
    if not re.fullmatch(r"\d{18}", digits):
        count = sum(ch.isdigit() for ch in digits)
        yield NIP_LENGTH.at(value.cell, sheet=sheet, label=label, value=value.text, digits=count)
        return
    problem = nip_problem(digits, context.plan_year or context.today.year, context.today)
    if problem:
        yield NIP_PATTERN.at(value.cell, sheet=sheet, label=label, value=value.text, problem=problem)


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


@check(emits=(PLACEHOLDER_UNKNOWN,))
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
            yield PLACEHOLDER_UNKNOWN.at(value.cell, names=["{" + name + "}" for name in unknown])


@check(emits=(NARASI_BAGIAN_UNKNOWN,))
def check_narasi_bagian(context: CheckContext) -> Iterator[Finding]:
    """Every Narasi row belongs to a known Bagian (reported once per run of rows); a sheet with a Judul
    column writes its own headings."""
    if context.workbook.narasi_headings:
        return
    previous: str | None = None
    for item in context.workbook.narasi:
        if item.bagian not in NARASI_BAGIAN and item.bagian != previous:
            yield NARASI_BAGIAN_UNKNOWN.at(item.isi.cell, bagian=item.bagian, pilihan=list(NARASI_BAGIAN))
        previous = item.bagian


# -- The Lampiran parts the Rencana Kerja carries (render/lampiran.py prints each whose sheet holds
# -- something); TimKerja is optional (the SK Tim lists the team) and gives no note when empty.
_LAMPIRAN_PARTS = (("MekanismeTim", "Mekanisme Penetapan Tim"), ("TargetPrioritas", "Target Prioritas"))


@check(emits=(LAMPIRAN_PART_EMPTY,))
def check_lampiran_parts(context: CheckContext) -> Iterator[Finding]:
    """A Lampiran part whose sheet is absent or empty is left out of the document: say so, once each."""
    workbook = context.workbook
    filled = {"MekanismeTim": workbook.mekanisme, "TargetPrioritas": workbook.target_prioritas}
    for sheet, bagian in _LAMPIRAN_PARTS:
        if filled[sheet]:
            continue
        found = workbook.sheets_found.get(sheet, "")
        keadaan = "kosong" if found else "tidak ada"
        yield LAMPIRAN_PART_EMPTY.at(
            None, sheet=found, nama_sheet=found or sheet, keadaan=keadaan, bagian=bagian
        )
