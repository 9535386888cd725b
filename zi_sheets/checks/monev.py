"""Checks of the Monev, Realisasi and LaporanMonev sheets: months, areas, statuses, references to plan rows,
doubtful matches, periods and dates, and plan rows overdue without a report."""

from __future__ import annotations

from collections.abc import Iterator

from zi_sheets.analysis.laporan import TANGGAL, is_end_of_period
from zi_sheets.analysis.periods import read_date, read_period
from zi_sheets.analysis.progress import TERLAMBAT, monev_status
from zi_sheets.analysis.realisasi import revised_target
from zi_sheets.checks.context import CheckContext
from zi_sheets.checks.registry import check
from zi_sheets.common.bahasa import format_bulan, row_spans
from zi_sheets.common.findings import Finding, quote, register
from zi_sheets.common.model import (
    LAPORAN_BAGIAN,
    CellRef,
    CellValue,
    MonevEntry,
    PlanRow,
)
from zi_sheets.reading.tables import HEADER_SEARCH_ROWS

# -- The finding types of this family (the README lists them in `lke.check.CATALOGUE_ORDER`). --
MONEV_MONTH_UNREADABLE = register(
    "monev-month-unreadable",
    "warning",
    "Bulan Monev tidak terbaca",
    "Bulan Monev {value!q} tidak terbaca sebagai satu bulan; tulis mis. 'Mei {tahun}' atau isi sel tanggal.",
    "Capaian tanpa bulan yang terbaca tidak masuk periode mana pun.",
)
MONEV_MONTH_OUTSIDE_YEAR = register(
    "monev-month-outside-year",
    "warning",
    "Bulan Monev di luar tahun rencana",
    "Bulan Monev {bulan} di luar tahun rencana {tahun}.",
    "Monev melaporkan capaian tahun rencana.",
)
MONEV_AREA_UNKNOWN = register(
    "monev-area-unknown",
    "warning",
    "Area Monev tidak dikenal",
    "Area Monev {value!q} bukan salah satu dari enam area; pilih dari daftar (mis. 'I. Manajemen "
    "Perubahan').",
    "Capaian tanpa area yang dikenal tidak masuk matriks per area.",
)
MONEV_STATUS_UNKNOWN = register(
    "monev-status-unknown",
    "warning",
    "Status Monev tidak dikenal",
    "Status {value!q} tidak dikenal, sehingga capaian ini dihitung belum selesai; tulis Selesai, Dalam "
    "Proses atau Belum (atau pilih dari daftar).",
    "Status menentukan apakah langkah aksi dihitung selesai di Monev; kata lain dihitung belum selesai.",
)
MONEV_REF_UNKNOWN = register(
    "monev-ref-unknown",
    "warning",
    "Ref Rencana Aksi tidak menunjuk baris mana pun",
    "Ref Rencana Aksi {value!q} tidak menunjuk baris rencana aksi mana pun; tulis No baris (mis. 'I.1') atau "
    "Kode LKE-nya.",
    "Ref menghubungkan capaian dengan baris rencana aksi yang dilaporkannya.",
)
MONEV_MATCH_DOUBTFUL = register(
    "monev-match-doubtful",
    "info",
    "Capaian Monev hanya mirip baris rencana aksi (tidak dihitung)",
    "Capaian {capaian!q} hanya mirip baris rencana aksi {baris} lewat kata yang umum di areanya, sehingga "
    "tidak dihitung sebagai laporannya; bila memang melaporkan baris itu, isi Ref Rencana Aksi (mis. {ref}).",
    "Capaian tanpa Ref dicocokkan dengan kata-katanya; kecocokan yang meragukan tidak dihitung.",
)
REALISASI_REF_UNKNOWN = register(
    "realisasi-ref-unknown",
    "warning",
    "Ref di sheet Realisasi tidak menunjuk satu baris rencana aksi",
    "Ref {value!q} di sheet Realisasi {keadaan}, sehingga isiannya tidak masuk Monev; tulis Ref satu baris "
    "rencana aksi (No-nya, mis. 'I.2.b').",
    "Setiap baris Realisasi melaporkan satu langkah aksi, ditunjuk dengan Ref-nya.",
)
REALISASI_ROWS_MISSING = register(
    "realisasi-rows-missing",
    "info",
    "Baris rencana aksi belum ada di sheet Realisasi",
    "{jumlah} baris rencana aksi belum ada di sheet {nama_sheet} (mis. {contoh}); jalankan 'zi-sheets init "
    "--sinkron-realisasi {berkas}' untuk menambahkannya tanpa mengubah isian yang ada.",
    "Baris rencana aksi yang ditambah setelah init perlu baris Realisasi sendiri.",
)
REALISASI_SHEET_UNREADABLE = register(
    "realisasi-sheet-unreadable",
    "warning",
    "Sheet Realisasi tidak terbaca",
    "Sheet {nama_sheet} tidak dibaca sebagai Realisasi: baris judul dengan kolom 'Ref' dan 'Status' atau "
    "'Realisasi' tidak ditemukan di {baris} baris pertama; isiannya tidak masuk Monev.",
    "Sheet Realisasi berisi Ref dan, per periode, Status, Realisasi, Tanggal Selesai, Bukti, Kendala, "
    "Tindak Lanjut dan Target Revisi.",
)
REALISASI_STATUS_UNKNOWN = register(
    "realisasi-status-unknown",
    "warning",
    "Status Realisasi tidak dikenal",
    "Status {value!q} tidak dikenal, sehingga dibaca dari isian lainnya; tulis Selesai, Dalam Proses atau "
    "Belum (atau pilih dari daftar).",
    "Status menentukan apakah langkah aksi selesai, dalam proses atau belum.",
)
PERIODE_UNREADABLE = register(
    "periode-unreadable",
    "warning",
    "Periode tidak terbaca",
    "Periode {value!q} tidak terbaca; tulis mis. 'Triwulan I {tahun}', 'Semester I {tahun}' atau "
    "'Mei {tahun}'.",
    "Isian Realisasi dan teks laporan masuk ke laporan periode yang tertulis di atas atau di sampingnya.",
)
TANGGAL_UNREADABLE = register(
    "tanggal-unreadable",
    "warning",
    "Tanggal atau target tidak terbaca",
    "{kolom} {value!q} tidak terbaca sebagai tanggal; tulis mis. '{contoh}' atau isi sel tanggal.",
    "Tanggal Penetapan, tanggal selesai, target revisi dan tanggal laporan dibaca sebagai tanggal atau "
    "bulan.",
)
LAPORAN_BAGIAN_UNKNOWN = register(
    "laporan-bagian-unknown",
    "warning",
    "Bagian LaporanMonev tidak dikenal",
    "Bagian {bagian!q} tidak dikenal, sehingga teksnya tidak masuk laporan Monev; pilih salah satu: "
    "{pilihan}.",
    "Setiap baris LaporanMonev masuk ke bab laporan Monev menurut Bagian-nya.",
)
PLAN_OVERDUE = register(
    "plan-overdue",
    "info",
    "Rencana aksi lewat jadwal tanpa laporan Monev",
    "{tahun_lewat}Monev sampai {monev_sampai} belum melaporkan capaian {jumlah} langkah aksi yang telah "
    "jatuh tempo ({baris_excel}), mis. {baris!q} dengan target {target!q} (jatuh tempo {jatuh_tempo}); bila "
    "sudah dilaporkan, isi Ref Rencana Aksi pada baris Monev-nya atau isian periodenya di sheet Realisasi.",
    "Langkah aksi yang telah jatuh tempo tanpa capaian dilaporkan terlambat di Monev (daftarnya di dokumen "
    "Monev); dilaporkan sekali, dengan jumlah dan barisnya, juga untuk rencana yang tahunnya sudah berakhir.",
)


def _monev_cell(
    context: CheckContext, entry: MonevEntry, value: CellValue, fallback: CellValue
) -> CellRef | None:
    return value.cell or fallback.cell or CellRef(context.monev_sheet, entry.row, "")


@check(emits=(MONEV_MONTH_UNREADABLE, MONEV_MONTH_OUTSIDE_YEAR))
def check_monev_months(context: CheckContext) -> Iterator[Finding]:
    """Every Monev month is readable and in the plan year (once per written month)."""
    year = context.plan_year
    seen: set[CellRef | None] = set()
    for entry in context.workbook.monev:
        cell = _monev_cell(context, entry, entry.bulan, entry.capaian)
        if cell in seen:
            continue  # a month written once for several rows is one finding
        if entry.month is None:
            seen.add(cell)
            yield MONEV_MONTH_UNREADABLE.at(cell, value=entry.bulan.text, tahun=year or context.today.year)
        elif year is not None and entry.month[0] != year:
            seen.add(cell)
            yield MONEV_MONTH_OUTSIDE_YEAR.at(cell, bulan=format_bulan(*entry.month), tahun=year)


@check(emits=(MONEV_AREA_UNKNOWN,))
def check_monev_areas(context: CheckContext) -> Iterator[Finding]:
    """Every Monev row names one of the six areas."""
    for entry in context.workbook.monev:
        if entry.area_no is None:
            yield MONEV_AREA_UNKNOWN.at(
                _monev_cell(context, entry, entry.area, entry.capaian), value=entry.area.text
            )


@check(emits=(MONEV_STATUS_UNKNOWN,))
def check_monev_status(context: CheckContext) -> Iterator[Finding]:
    """Every Monev Status is a word of the Status vocabulary (`progress.monev_status`)."""
    for entry in context.workbook.monev:
        if monev_status(entry.status.text) is None:
            yield MONEV_STATUS_UNKNOWN.at(
                _monev_cell(context, entry, entry.status, entry.capaian), value=entry.status.text
            )


@check(emits=(MONEV_REF_UNKNOWN,))
def check_monev_refs(context: CheckContext) -> Iterator[Finding]:
    """Every Ref Rencana Aksi names a plan row (see `progress.PlanRefs`)."""
    for entry in context.workbook.monev:
        if context.refs.unknown(entry):
            ref = entry.ref_rencana_aksi
            yield MONEV_REF_UNKNOWN.at(ref.cell, value=ref.text)


@check(emits=(MONEV_MATCH_DOUBTFUL,))
def check_monev_doubtful(context: CheckContext) -> Iterator[Finding]:
    """An achievement whose words only resemble plan rows is not counted; the user may name the row."""
    refs = context.refs
    for entry in context.workbook.monev:
        rows = context.analysis.doubtful.get(entry.row, ())
        if rows:
            yield MONEV_MATCH_DOUBTFUL.at(
                _monev_cell(context, entry, entry.capaian, entry.bulan),
                capaian=entry.capaian.text,
                baris=", ".join(f"{refs.own_ref(row)} ({quote(_row_text(row), 50)})" for row in rows[:3]),
                ref=refs.own_ref(rows[0]),
            )


def _row_text(row: PlanRow) -> str:
    return row.langkah_aksi.text or row.indikator.text or row.bukti_fisik.text


@check(emits=(REALISASI_REF_UNKNOWN, REALISASI_SHEET_UNREADABLE, REALISASI_ROWS_MISSING))
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
        yield REALISASI_REF_UNKNOWN.at(cell, value=source.ref.text, keadaan=state)
    for name in context.workbook.unrecognised_sheets:
        yield REALISASI_SHEET_UNREADABLE.at(None, sheet=name, nama_sheet=name, baris=HEADER_SEARCH_ROWS)
    sheet = context.workbook.realisasi_sheet
    missing = [row for row in context.plan if row.row not in links.listed]
    if sheet and missing:
        yield REALISASI_ROWS_MISSING.at(
            None,
            sheet=sheet,
            nama_sheet=sheet,
            jumlah=len(missing),
            contoh=", ".join(refs.own_ref(row) for row in missing[:3]),
            berkas=context.workbook.path.name,
        )


@check(emits=(PERIODE_UNREADABLE, REALISASI_STATUS_UNKNOWN, TANGGAL_UNREADABLE))
def check_realisasi_values(context: CheckContext) -> Iterator[Finding]:
    """Realisasi labels, statuses, dates done and revised targets are readable (each label cell once)."""
    year = context.plan_year
    example = year or context.today.year
    seen: set[CellRef | None] = set()
    for source in context.workbook.realisasi:
        for cells in source.periods:
            label = cells.periode
            if label and label.cell not in seen:
                seen.add(label.cell)  # -- a group's label is read once, not once per row under it
                if read_period(label, year) is None:
                    yield PERIODE_UNREADABLE.at(label.cell, value=label.text, tahun=example)
            if monev_status(cells.status.text) is None:
                yield REALISASI_STATUS_UNKNOWN.at(cells.status.cell, value=cells.status.text)
            if cells.tanggal_selesai and read_date(cells.tanggal_selesai, year) is None:
                yield TANGGAL_UNREADABLE.at(
                    cells.tanggal_selesai.cell,
                    kolom="Tanggal Selesai",
                    value=cells.tanggal_selesai.text,
                    contoh=f"12 Maret {example}",
                )
            if cells.target_revisi and not revised_target(cells.target_revisi, year).months:
                yield TANGGAL_UNREADABLE.at(
                    cells.target_revisi.cell,
                    kolom="Target Revisi",
                    value=cells.target_revisi.text,
                    contoh=f"Juni {example}",
                )


@check(emits=(LAPORAN_BAGIAN_UNKNOWN, PERIODE_UNREADABLE, TANGGAL_UNREADABLE))
def check_laporan_monev(context: CheckContext) -> Iterator[Finding]:
    """LaporanMonev rows name a known Bagian (once per run of rows), a readable Periode and date."""
    year = context.plan_year
    example = year or context.today.year
    previous: str | None = None
    seen: set[CellRef | None] = set()
    for item in context.workbook.laporan_monev:
        if item.bagian not in LAPORAN_BAGIAN and item.bagian != previous:
            yield LAPORAN_BAGIAN_UNKNOWN.at(item.isi.cell, bagian=item.bagian, pilihan=list(LAPORAN_BAGIAN))
        previous = item.bagian
        periode = item.periode
        if periode and periode.cell not in seen and read_period(periode, year) is None:
            seen.add(periode.cell)
            yield PERIODE_UNREADABLE.at(periode.cell, value=periode.text, tahun=example)
        date = item.isi
        if item.bagian == TANGGAL and date and not is_end_of_period(date.text) and not read_date(date, year):
            yield TANGGAL_UNREADABLE.at(
                item.isi.cell, kolom="Tanggal Laporan", value=item.isi.text, contoh=f"30 Juni {example}"
            )


@check(emits=(PLAN_OVERDUE,))
def check_overdue(context: CheckContext) -> Iterator[Finding]:
    """Plan actions due by the end of the latest reported period have something reported: terlambat in the
    Monev document's progress up to then (`progress.PlanProgress.status`)."""
    period = context.analysis.latest_period
    if period is None:
        return
    latest = period.last
    late = [
        plan
        for plan in context.analysis.plan_progress(latest)
        if plan.status == TERLAMBAT and plan.due is not None
    ]
    if not late:
        return
    # -- one fact: what the Monev has not reported; a plan of a year already over is one note, not a row
    # -- each
    first = late[0]
    row, due = first.row, first.due
    assert due is not None
    year = context.plan_year
    over = year is not None and year < context.today.year
    yield PLAN_OVERDUE.at(
        context.plan_cell(row, "target_waktu"),
        tahun_lewat=f"Tahun rencana {year} sudah berakhir; " if over else "",
        jumlah=len(late),
        baris_excel=row_spans(plan.row.row for plan in late),
        target=row.target_waktu.text,
        jatuh_tempo=format_bulan(*due),
        monev_sampai=format_bulan(*latest),
        baris=row.indikator.text or row.langkah_aksi.text or row.bukti_fisik.text,
    )
