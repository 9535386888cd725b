"""What the plan scheduled against what the Monev reported: periods, matching, statuses, figures."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLE, IDENTITAS_ROWS, PLAN_HEADER, plan_row

from zi_sheets.analysis.analyse import analyse
from zi_sheets.analysis.komponen import group_by_area, komponen_numbers
from zi_sheets.analysis.monev_match import PlanRefs, match_reports
from zi_sheets.analysis.periods import Period, latest_month
from zi_sheets.analysis.progress import (
    BELUM_JADWAL,
    BERJALAN,
    DALAM_PROSES,
    SELESAI,
    TERLAMBAT,
    due_months,
    monev_status,
    total,
)
from zi_sheets.common.dates import parse_target
from zi_sheets.common.model import AREAS, MONEV_STATUS
from zi_sheets.reading.workbook import read_workbook

MONEV_HEADER = [
    "Bulan", "Area", "Capaian", "Status", "Ref Rencana Aksi", "Bukti Dukung", "Kendala", "Tindak Lanjut",
]  # fmt: skip


def monev_row(bulan: object, area: str, capaian: str, **values: str) -> list[object]:
    """A Monev row; `status`, `ref`, `kendala`, `tindak` optional."""
    return [
        bulan,
        area,
        capaian,
        values.get("status"),
        values.get("ref"),
        None,
        values.get("kendala"),
        values.get("tindak"),
    ]


def sheets(plan: list[list[object]], monev: list[list[object]]) -> dict[str, list[list[object]]]:
    return {
        "Identitas": [list(row) for row in IDENTITAS_ROWS],
        "RencanaAksi": [list(PLAN_HEADER), *plan],
        "Monev": [list(MONEV_HEADER), *monev],
    }


AREA_I, AREA_II = "I. Manajemen Perubahan", "II. Penataan Tatalaksana"


@pytest.fixture(scope="module")
def example():
    return read_workbook(EXAMPLE)


def rows_of(workbook, capaian: str, codes=None) -> list[int]:
    """The plan rows the Monev entry with this Capaian was matched to."""
    matches = match_reports(workbook, PlanRefs(workbook.rencana_aksi, codes))
    return sorted(row for row, entries in matches.items() if any(e.capaian.text == capaian for e in entries))


# ---------------------------------------------------------------------------------------------------------
# Periods


@pytest.mark.parametrize(
    "period, label, months",
    [
        (Period.month(2019, 5), "Mei 2019", [(2019, 5)]),
        (Period.month(2024, 12), "Desember 2024", [(2024, 12)]),
        (Period.semester(2019, 1), "Semester I 2019", [(2019, m) for m in range(1, 7)]),
        (Period.semester(2019, 2), "Semester II 2019", [(2019, m) for m in range(7, 13)]),
        (Period.triwulan(2019, 2), "Triwulan II 2019", [(2019, 4), (2019, 5), (2019, 6)]),
        (Period.triwulan(2019, 4), "Triwulan IV 2019", [(2019, 10), (2019, 11), (2019, 12)]),
    ],
)
def test_period_labels_and_months(period: Period, label: str, months: list) -> None:
    assert period.label == label
    assert period.months == months
    assert (period.first, period.last) == (months[0], months[-1])
    assert months[0] in period and (months[-1][0], months[-1][1] + 1) not in period
    assert None not in period


@pytest.mark.parametrize(
    "make, args", [(Period.month, (2019, 13)), (Period.semester, (2019, 3)), (Period.triwulan, (2019, 0))]
)
def test_period_rejects_impossible_numbers(make, args) -> None:
    with pytest.raises(ValueError):
        make(*args)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2019-05", Period.month(2019, 5)),
        ("Mei 2019", Period.month(2019, 5)),
        ("des 2024", Period.month(2024, 12)),
        ("Semester I 2019", Period.semester(2019, 1)),
        ("semester 2 2019", Period.semester(2019, 2)),
        ("Triwulan II 2019", Period.triwulan(2019, 2)),
        ("TW 4 2019", Period.triwulan(2019, 4)),
    ],
)
def test_period_parse(text: str, expected: Period) -> None:
    assert Period.parse(text) == expected


@pytest.mark.parametrize("text", ["", "2019", "Semester III 2019", "Mei", "2019-13"])
def test_period_parse_refuses_in_indonesian(text: str) -> None:
    with pytest.raises(ValueError, match="tidak dikenali|harus"):
        Period.parse(text)


@pytest.mark.parametrize(
    "period, end",
    [
        (Period.month(2019, 5), dt.date(2019, 5, 31)),
        (Period.month(2024, 2), dt.date(2024, 2, 29)),
        (Period.semester(2019, 2), dt.date(2019, 12, 31)),
        (Period.triwulan(2023, 1), dt.date(2023, 3, 31)),
    ],
)
def test_period_end_date(period: Period, end: dt.date) -> None:
    assert period.end_date == end


def test_latest_month(example, make_xlsx) -> None:
    assert latest_month(example) == (2019, 5)
    two = sheets([], [monev_row("Juni 2024", AREA_I, "a"), monev_row("Mei 2024", AREA_I, "b")])
    assert latest_month(read_workbook(make_xlsx(two))) == (2024, 6)
    assert latest_month(read_workbook(make_xlsx(sheets([], [])))) is None


# ---------------------------------------------------------------------------------------------------------
# Matching


PLAN = [
    plan_row(AREA_I, "Penyusunan Tim Kerja", "Tim kerja telah dibentuk", kode="1.a.1", target="Januari 2024"),
    plan_row(AREA_I, "", "SOP pemilihan tim disusun", target="Februari 2024"),
    plan_row(AREA_I, "Rencana Pembangunan ZI", "Dokumen rencana kerja disusun", target="Maret 2024"),
    plan_row(
        AREA_II, "Prosedur Operasional Tetap (SOP)", "SOP kegiatan utama ditetapkan", target="Juni 2024"
    ),
]


def test_match_by_kode_lke(make_xlsx) -> None:
    entry = monev_row("Mei 2024", AREA_I, "Lain hal", ref="1.A.1")
    workbook = read_workbook(make_xlsx(sheets(PLAN, [entry])))
    assert rows_of(workbook, "Lain hal") == [2]


@pytest.mark.parametrize(
    "ref, area, rows",
    [
        ("I.1", AREA_I, [2, 3]),  # komponen 1 of area I: its two rows
        ("I.2", AREA_I, [4]),
        ("II.1", AREA_I, [5]),  # the Ref wins over the area written
        ("i.2 ; II.1", AREA_I, [4, 5]),
        ("2", AREA_I, [4]),  # a bare komponen number, within the entry's area
    ],
)
def test_match_by_area_and_komponen_number(make_xlsx, ref: str, area: str, rows: list[int]) -> None:
    workbook = read_workbook(make_xlsx(sheets(PLAN, [monev_row("Mei 2024", area, "Lain hal", ref=ref)])))
    assert rows_of(workbook, "Lain hal") == rows


NUMBERED_PLAN = [
    plan_row(AREA_I, "Penyusunan Tim Kerja", "Tim kerja telah dibentuk", no="I.1", kode="P.1.i.a"),
    plan_row(AREA_I, "Penyusunan Tim Kerja", "Anggota tim dipilih", no="I.2"),  # komponen I.1 too
    plan_row(AREA_I, "Rencana Pembangunan ZI", "Rencana kerja disusun", no="3"),
    plan_row(AREA_II, "SOP", "SOP ditetapkan"),
]


@pytest.mark.parametrize(
    "ref, area, rows",
    [
        ("I.1", AREA_I, [2]),  # the row whose No is I.1 before komponen I.1 (rows 2 and 3)
        ("I.2", AREA_I, [3]),  # its No, although komponen I.2 is row 4
        ("I.3", AREA_I, [4]),  # area I, No 3
        ("3", AREA_I, [4]),
        ("II.1", AREA_I, [5]),  # no No II.1: komponen II.1
        ("1.i.a", AREA_II, [2]),  # the Kode LKE P.1.i.a without its prefix
        ("P.1.I.A", AREA_II, [2]),
    ],
)
def test_a_row_named_by_its_own_codes_before_its_komponen(make_xlsx, ref: str, area: str, rows) -> None:
    workbook = read_workbook(make_xlsx(sheets(NUMBERED_PLAN, [monev_row("Mei 2024", area, "x", ref=ref)])))
    assert rows_of(workbook, "x") == rows


def test_extra_codes_name_rows(make_xlsx) -> None:
    entry = monev_row("Mei 2024", AREA_II, "Lain hal", ref="2.iii.b")
    workbook = read_workbook(make_xlsx(sheets(NUMBERED_PLAN, [entry])))
    assert rows_of(workbook, "Lain hal") == []
    assert rows_of(workbook, "Lain hal", codes={4: ["2.iii.b"]}) == [4]


def test_unknown_refs(make_xlsx) -> None:
    monev = [
        monev_row("Mei 2024", AREA_I, "a", ref="I.1; IX.9, 7"),
        monev_row("Mei 2024", AREA_I, "b", ref="I.3"),
        monev_row("Mei 2024", AREA_I, "c"),
    ]
    workbook = read_workbook(make_xlsx(sheets(NUMBERED_PLAN, monev)))
    refs = PlanRefs(workbook.rencana_aksi)
    assert [refs.unknown(entry) for entry in workbook.monev] == [["ix.9", "7"], [], []]


def test_unknown_ref_falls_back_to_the_text(make_xlsx) -> None:
    entry = monev_row("Mei 2024", AREA_I, "Dokumen rencana kerja telah disusun", ref="IX.9")
    workbook = read_workbook(make_xlsx(sheets(PLAN, [entry])))
    assert rows_of(workbook, "Dokumen rencana kerja telah disusun") == [4]


def test_text_matching_stays_within_the_area(make_xlsx) -> None:
    entry = monev_row("Mei 2024", AREA_II, "Dokumen rencana kerja telah disusun")
    workbook = read_workbook(make_xlsx(sheets(PLAN, [entry])))
    assert rows_of(workbook, "Dokumen rencana kerja telah disusun") == []


@pytest.mark.parametrize(
    "capaian, rows",
    [
        ("Telah Dibentuk Tim Kerja", [6]),  # the Tim Kerja row, not the Agen Perubahan team (row 10)
        ("Telah Disusun Rencana Kerja", [7]),  # not the Tim Kerja row that only shares "kerja"
        ("Telah disusun IKU IKI", [41, 45]),  # the IKU row and the one naming "Dokumen IKU"
        ("public campaign telah dilaksanakan", [52]),
        ("Telah ditetapkannya Tim SPIP", [54]),
        ("Whistleblowing system telah disusun", [62]),
        ("Telah diterapkannya Sangsi Pelanggaran Pegawai sesuai Peraturan", [37]),
        ("Aploud Dok. Kelengkapan Sakip", []),
        ("Hasil Printout Presensi Si Perlu bulan Mei 2019 Hadir Semua", []),
        ("Masing Unit Kerja/Kasi telah Menyusun SOP", []),
    ],
)
def test_text_matching_on_the_seed(example, capaian: str, rows: list[int]) -> None:
    assert rows_of(example, capaian) == rows


def test_every_plan_row_has_an_entry_list(example) -> None:
    matches = match_reports(example, PlanRefs(example.rencana_aksi))
    assert sorted(matches) == sorted(row.row for row in example.rencana_aksi)


def test_komponen_numbers_follow_the_rencana_kerja(example) -> None:
    # -- per area, the komponen number of each plan row as the Rencana Kerja's NO column prints it
    # -- (golden contoh-pasirian-2019: a number where a komponen starts, merged down its rows)
    numbers = komponen_numbers(group_by_area(example.rencana_aksi))
    per_area: dict[int, list[int]] = {}
    for row in example.rencana_aksi:
        per_area.setdefault(row.area_no, []).append(numbers[row.row])
    assert per_area == {
        1: [1, 2, 3, 4, 4, 4, 4],
        2: [1, 2, 2, 2, 3, 3],
        3: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 6],
        4: [1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2],
        5: [1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5],
        6: [1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3],
    }


# ---------------------------------------------------------------------------------------------------------
# Statuses


STATUS_PLAN = [
    plan_row(AREA_I, "Tim", "Tim kerja telah dibentuk", target="Januari 2024"),  # row 2: never reported
    plan_row(AREA_I, "Tim", "Agen perubahan ditetapkan", target="Juni 2024"),  # row 3: later
    plan_row(AREA_I, "Rencana", "Rencana kerja disusun", target="Februari 2024"),  # row 4: Selesai
    plan_row(AREA_I, "Rencana", "Rencana aksi disosialisasikan", target="Maret 2024"),  # row 5: no status
    plan_row(AREA_I, "Pola pikir", "Budaya kerja dibangun", target="Maret 2024"),  # row 6: Belum
    plan_row(AREA_I, "Role model", "Role model pimpinan", target="setiap ada pertemuan"),  # row 7: no month
    plan_row(AREA_II, "SOP", "SOP ditetapkan", target="Januari 2024"),  # row 8: reported in June only
]
STATUS_MONEV = [
    monev_row("Maret 2024", AREA_I, "Rencana kerja selesai", status="Selesai", ref="I.2"),
    monev_row("Maret 2024", AREA_I, "Rencana kerja direvisi", status="Dalam Proses", ref="I.2"),
    monev_row("Maret 2024", AREA_I, "Sosialisasi rencana aksi", ref="I.2", kendala="Jadwal rapat bentrok"),
    monev_row("Maret 2024", AREA_I, "Budaya kerja", status="Belum", ref="I.3", tindak="Rapat ulang"),
    monev_row("Maret 2024", AREA_I, "Budaya kerja lagi", ref="I.3", kendala="Jadwal rapat bentrok"),
    monev_row("Juni 2024", AREA_II, "SOP ditetapkan", status="Selesai", ref="II.1"),
]


@pytest.fixture
def status_workbook(make_xlsx):
    return read_workbook(make_xlsx(sheets(STATUS_PLAN, STATUS_MONEV)))


def test_statuses_at_the_end_of_march(status_workbook) -> None:
    plans = {plan.row.row: plan for plan in analyse(status_workbook).plan_progress((2024, 3))}
    # -- rows 4 and 5 share komponen I.2: every I.2 report counts for both, but a komponen Ref never marks
    # -- every action of the komponen done, whatever its Status says --
    assert {row: plan.status for row, plan in plans.items()} == {
        2: TERLAMBAT,
        3: BELUM_JADWAL,
        4: DALAM_PROSES,
        5: DALAM_PROSES,
        6: DALAM_PROSES,  # one report says Belum, the other (no Status) tells of progress
        7: BELUM_JADWAL,  # no target month: never scheduled
        8: TERLAMBAT,  # its report comes in June, after the period
    }
    assert plans[2].scheduled_by(2024, 1) and not plans[2].scheduled_by(2023, 12)
    assert plans[2].due == (2024, 1) and plans[7].due is None


@pytest.mark.parametrize(
    "target, due",
    [
        ("Maret 2024", [(2024, 3)]),
        ("Juni, Desember 2024", [(2024, 6), (2024, 12)]),  # a list: due at each month
        ("Januari s/d Desember 2024", [(2024, 12)]),  # a span: one activity, due at its end
        ("Desember 2023 s/d Februari 2024", [(2024, 2)]),
        ("Tahun 2024", [(2024, 12)]),
        ("setiap bulan", [(2024, 12)]),
        ("setiap 6 bulan", [(2024, 6), (2024, 12)]),
        ("Januari 2024, setiap ada pertemuan", [(2024, 1)]),
        ("Januari 2023", [(2023, 1)]),  # before the plan year: due before it began, so late in it
        ("Januari 2025", []),  # after the plan year: never due within it (the checks report the year)
        ("setiap ada pertemuan", []),
        # -- a period is one activity, due at the end of the period --
        ("Triwulan I", [(2024, 3)]),
        ("Triwulan II", [(2024, 6)]),
        ("Semester I", [(2024, 6)]),
        ("Triwulan III 2024", [(2024, 9)]),
        ("Semester II", [(2024, 12)]),
        ("Triwulan I, Triwulan III", [(2024, 3), (2024, 9)]),  # a list of periods: at each end
        ("Semester I - II", [(2024, 12)]),
        ("Januari - Maret, Juli - September 2024", [(2024, 3), (2024, 9)]),  # a list of spans
        ("Januari, Juni s/d Desember 2024", [(2024, 1), (2024, 12)]),
        ("Oktober 2024 s/d Maret 2025", [(2024, 12)]),  # runs past the plan year
        ("setiap triwulan", [(2024, 3), (2024, 6), (2024, 9), (2024, 12)]),
    ],
)
def test_due_months(target: str, due: list) -> None:
    assert due_months(parse_target(target, 2024), 2024) == due


@pytest.mark.parametrize(
    "cell, due",
    [(dt.datetime(2024, 5, 1), [(2024, 5)]), (2024, [(2024, 12)]), (45444, [(2024, 6)])],
)
def test_due_months_of_date_and_number_cells(cell: object, due: list) -> None:
    assert due_months(parse_target(cell, 2024), 2024) == due


PERIOD_PLAN = [
    plan_row(AREA_I, "Tim", "Rapat koordinasi", target="Triwulan II"),  # row 2
    plan_row(AREA_I, "Tim", "Evaluasi tim", target="Semester I"),  # row 3
    plan_row(AREA_I, "Tim", "Survei internal", target="Triwulan I"),  # row 4
]


@pytest.mark.parametrize(
    "until, statuses",
    [
        ((2024, 3), [BELUM_JADWAL, BERJALAN, TERLAMBAT]),
        ((2024, 5), [BERJALAN, BERJALAN, TERLAMBAT]),  # running work is not late before June
        ((2024, 6), [TERLAMBAT, TERLAMBAT, TERLAMBAT]),
    ],
)
def test_period_targets_are_late_only_after_the_period(make_xlsx, until, statuses: list[str]) -> None:
    workbook = read_workbook(make_xlsx(sheets(PERIOD_PLAN, [])))
    assert [plan.status for plan in analyse(workbook).plan_progress(until)] == statuses


def test_due_months_without_a_plan_year() -> None:
    assert due_months(parse_target("Januari 2023", None), None) == [(2023, 1)]


SPAN_PLAN = [
    plan_row(AREA_I, "Tim", "Tim kerja bekerja", target="Januari s/d Desember 2024"),  # row 2
    plan_row(AREA_I, "Tim", "Rapat evaluasi", target="Februari, Juni 2024"),  # row 3
    plan_row(AREA_I, "Tim", "Apel pagi", target="Januari s/d Desember 2023"),  # row 4: last year, late
    plan_row(AREA_I, "Tim", "Survei kepuasan", target="Juli 2024"),  # row 5
]


@pytest.mark.parametrize(
    "until, statuses",
    [
        ((2024, 1), [BERJALAN, BELUM_JADWAL, TERLAMBAT, BELUM_JADWAL]),
        ((2024, 3), [BERJALAN, TERLAMBAT, TERLAMBAT, BELUM_JADWAL]),  # February has passed
        ((2024, 11), [BERJALAN, TERLAMBAT, TERLAMBAT, TERLAMBAT]),
        ((2024, 12), [TERLAMBAT, TERLAMBAT, TERLAMBAT, TERLAMBAT]),  # the span ends
    ],
)
def test_late_only_once_due(make_xlsx, until, statuses: list[str]) -> None:
    workbook = read_workbook(make_xlsx(sheets(SPAN_PLAN, [])))
    plans = analyse(workbook).plan_progress(until)
    assert [plan.status for plan in plans] == statuses
    assert all(plan.scheduled for plan in plans if plan.status in (BERJALAN, TERLAMBAT))


def test_running_span_counts_as_scheduled_not_late(make_xlsx) -> None:
    workbook = read_workbook(make_xlsx(sheets(SPAN_PLAN, [])))
    (area_i, *_) = analyse(workbook).progress(Period.month(2024, 3))
    assert (area_i.scheduled, area_i.reported, area_i.berjalan, len(area_i.terlambat)) == (3, 0, 1, 2)
    assert area_i.sentence == "Dari 3 langkah aksi yang dijadwalkan s.d. Maret 2024, 0 telah dilaporkan (0%)."


def test_a_later_report_clears_an_overdue_row(status_workbook) -> None:
    plans = {plan.row.row: plan for plan in analyse(status_workbook).plan_progress((2024, 6))}
    assert plans[8].status == SELESAI
    assert plans[3].status == TERLAMBAT


@pytest.mark.parametrize(
    "written, meaning",
    [
        ("Selesai", "Selesai"),
        ("Sudah", "Selesai"),
        ("Selesai 100%", "Selesai"),
        ("Tercapai", "Selesai"),
        ("100%", "Selesai"),
        ("Dalam Proses", "Dalam Proses"),
        ("Proses", "Dalam Proses"),
        ("On Progress", "Dalam Proses"),
        ("Sedang berjalan", "Dalam Proses"),
        ("belum selesai", "Dalam Proses"),
        ("selesai sebagian", "Dalam Proses"),  # not Selesai
        ("50%", "Dalam Proses"),
        ("Belum", "Belum"),
        ("Tidak", "Belum"),
        ("Tidak terlaksana", "Belum"),
        ("", ""),
        ("Oke", None),
        ("Lanjut", None),
        ("Selesai?", "Selesai"),
        ("Menunggu tanda tangan", None),
    ],
)
def test_monev_status_vocabulary(written: str, meaning: str | None) -> None:
    assert monev_status(written) == meaning
    assert meaning in (*MONEV_STATUS, "", None)


@pytest.mark.parametrize(
    "status, done",
    [
        ("Sudah", True),
        ("Tercapai", True),
        ("selesai sebagian", False),
        ("belum selesai", False),
        ("Oke", False),
    ],
)
def test_only_a_done_status_counts_as_selesai(make_xlsx, status: str, done: bool) -> None:
    workbook = read_workbook(
        make_xlsx(
            sheets(
                STATUS_PLAN[:1],
                [monev_row("Januari 2024", AREA_I, "Tim kerja telah dibentuk", status=status, ref="I.1")],
            )
        )
    )
    (plan,) = analyse(workbook).plan_progress((2024, 1))
    assert plan.status == (SELESAI if done else DALAM_PROSES)


def test_report_without_status_is_in_progress(make_xlsx) -> None:
    workbook = read_workbook(
        make_xlsx(sheets(STATUS_PLAN[:1], [monev_row("Januari 2024", AREA_I, "Tim kerja telah dibentuk")]))
    )
    (plan,) = analyse(workbook).plan_progress((2024, 1))
    assert plan.reported and plan.status == DALAM_PROSES


def test_area_figures_add_up(status_workbook) -> None:
    area_i, area_ii, *others = analyse(status_workbook).progress(Period.month(2024, 3))
    assert (area_i.scheduled, area_i.reported, area_i.selesai, area_i.dalam_proses) == (4, 3, 0, 3)
    assert [plan.row.row for plan in area_i.terlambat] == [2] and area_i.berjalan == 0
    assert (area_ii.scheduled, area_ii.reported, len(area_ii.terlambat)) == (1, 0, 1)
    assert all(area.scheduled == 0 for area in others)
    assert area_i.kendala == ["Jadwal rapat bentrok"]
    assert area_i.tindak_lanjut == ["Rapat ulang"]
    overall = total(analyse(status_workbook).progress(Period.month(2024, 3)))
    assert (overall.area_no, overall.scheduled, overall.reported) == (None, 5, 3)


def test_kendala_only_from_the_period(status_workbook) -> None:
    (area_i, *_) = analyse(status_workbook).progress(Period.month(2024, 6))
    assert area_i.kendala == [] and area_i.tindak_lanjut == []
    assert area_i.scheduled == 5  # progress still counts everything up to June


def test_early_report(make_xlsx) -> None:
    workbook = read_workbook(
        make_xlsx(sheets(STATUS_PLAN[1:2], [monev_row("Januari 2024", AREA_I, "Agen", ref="I.1")]))
    )
    (area_i, *_) = analyse(workbook).progress(Period.month(2024, 1))
    assert area_i.scheduled == 0 and [plan.row.row for plan in area_i.early] == [2]


# ---------------------------------------------------------------------------------------------------------
# Sentences


def test_sentence(status_workbook) -> None:
    area_i, area_ii, area_iii, *_ = analyse(status_workbook).progress(Period.month(2024, 3))
    prefix = "langkah aksi yang dijadwalkan s.d. Maret 2024"
    assert area_i.sentence == f"Dari 4 {prefix}, 3 telah dilaporkan (75%)."
    assert area_ii.sentence == f"Dari 1 {prefix}, 0 telah dilaporkan (0%)."
    assert area_iii.sentence == "Belum ada langkah aksi yang dijadwalkan s.d. Maret 2024."
    assert area_iii.percent is None


def test_sentence_with_nothing_scheduled(make_xlsx) -> None:
    workbook = read_workbook(make_xlsx(sheets(STATUS_PLAN[1:2], [])))
    overall = total(analyse(workbook).progress(Period.month(2024, 2)))
    assert overall.sentence == "Belum ada langkah aksi yang dijadwalkan s.d. Februari 2024."
    semester = total(analyse(workbook).progress(Period.semester(2024, 1)))
    assert semester.sentence == (
        "Dari 1 langkah aksi yang dijadwalkan s.d. Juni 2024, 0 telah dilaporkan (0%)."
    )


def test_percent_rounds_half_up(make_xlsx) -> None:
    plan = [plan_row(AREA_I, f"K{i}", f"Indikator {i}", target="Januari 2024") for i in range(8)]
    monev = [monev_row("Januari 2024", AREA_I, "x", ref=f"I.{i + 1}") for i in range(5)]
    overall = total(analyse(read_workbook(make_xlsx(sheets(plan, monev)))).progress(Period.month(2024, 1)))
    assert overall.percent == 63  # 62.5 -> 63


# ---------------------------------------------------------------------------------------------------------
# The example


def test_example_figures(example) -> None:
    areas = analyse(example).progress(Period.month(2019, 5))
    plan_year = example.identitas.tahun
    for area in areas:
        # -- an independent count: rows of the area with a parsed target month up to May 2019 --
        targets = [
            parse_target(row.target_waktu.raw or row.target_waktu.text, plan_year)
            for row in example.rencana_aksi
            if row.area_no == area.area_no
        ]
        expected = sum(1 for target in targets if any(m <= (2019, 5) for m in target.months))
        assert area.scheduled == expected
        assert area.scheduled == area.selesai + area.dalam_proses + area.berjalan + len(area.terlambat)
        assert area.selesai == 0  # the seed's Monev has no Status
        assert all(plan.due <= (2019, 5) and not plan.reported for plan in area.terlambat)
    assert [area.area_no for area in areas] == list(AREAS)
    assert [len(area.entries) for area in areas] == [4, 5, 5, 5, 3, 4]  # the Monev sheet's rows per area
    # -- (scheduled, reported, berjalan, terlambat): the year-long spans are running, not late; area III's two
    # -- spans of 2017 were due before the plan year began, so are late --
    assert [(a.scheduled, a.reported, a.berjalan, len(a.terlambat)) for a in areas] == [
        (6, 2, 1, 3),
        (4, 0, 3, 1),
        (10, 1, 2, 7),
        (11, 3, 1, 7),
        (13, 3, 8, 2),
        (8, 3, 4, 1),
    ]
    overall = total(areas)
    assert (overall.berjalan, len(overall.terlambat), len(overall.early)) == (19, 21, 5)
    assert (
        overall.sentence == "Dari 52 langkah aksi yang dijadwalkan s.d. Mei 2019, 12 telah dilaporkan (23%)."
    )
