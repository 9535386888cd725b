"""Monev per planned action: Refs by the unit's numbering, komponen Refs, the status vocabulary, doubtful text
matches, the Realisasi sheet (periods, dates done, revised targets) and `init --sinkron-realisasi`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, IDENTITAS_ROWS, PLAN_HEADER, plan_row
from openpyxl import load_workbook

from zi_sheets.analysis.analyse import analyse
from zi_sheets.analysis.periods import Period
from zi_sheets.analysis.progress import (
    BELUM_JADWAL,
    BERJALAN,
    DALAM_PROSES,
    SELESAI,
    TERLAMBAT,
)
from zi_sheets.checks.run import run_checks
from zi_sheets.cli.commands import main
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.reading.workbook import read_workbook
from zi_sheets.template.new_workbook import write_template
from zi_sheets.template.sinkron import sync_realisasi

MONEV_HEADER = ["Bulan", "Area", "Capaian", "Status", "Ref Rencana Aksi"]
AREA_I, AREA_II, AREA_IV = "I. Manajemen Perubahan", "II. Penataan Tatalaksana", "IV. Penguatan Akuntabilitas"
GROUP = ["Status", "Realisasi", "Tanggal Selesai", "Bukti", "Kendala", "Tindak Lanjut", "Target Revisi"]


def sheets(plan, monev=(), realisasi=None):
    found = {
        "Identitas": [list(row) for row in IDENTITAS_ROWS],
        "RencanaAksi": [list(PLAN_HEADER), *plan],
        "Monev": [list(MONEV_HEADER), *monev],
    }
    if realisasi is not None:
        found["Realisasi"] = realisasi
    return found


def realisasi_sheet(labels: list[str], rows: list[list[object]]) -> list[list[object]]:
    """A Realisasi sheet as `init` lays it out: labels over their groups, the fields below."""
    top: list[object] = ["Ref", "Langkah Aksi"]
    for label in labels:
        top += [label] + [None] * (len(GROUP) - 1)
    return [top, ["Ref", "Langkah Aksi", *GROUP * len(labels)], *rows]


def group(status=None, realisasi=None, selesai=None, bukti=None, kendala=None, tindak=None, revisi=None):
    return [status, realisasi, selesai, bukti, kendala, tindak, revisi]


def statuses(workbook, until) -> dict[int, str]:
    return {plan.row.row: plan.status for plan in analyse(workbook).plan_progress(until)}


def codes(workbook) -> list[tuple[str, str]]:
    return [(f.code, f.cell_text) for f in run_checks(analyse(workbook)).findings]


# ---------------------------------------------------------------------------------------------------------
# The Status vocabulary


def test_monev_status_words_mark_done(make_xlsx) -> None:
    plan = [plan_row(AREA_I, "Tim", "Tim dibentuk", no="I.1.a"), plan_row(AREA_I, "Tim", "SK", no="I.1.b")]
    monev = [["Januari 2024", AREA_I, "Tim dibentuk", "Sudah", "I.1.a"]]
    monev += [["Januari 2024", AREA_I, "SK", "belum selesai", "I.1.b"]]
    workbook = read_workbook(make_xlsx(sheets(plan, monev)))
    assert statuses(workbook, (2024, 1)) == {2: SELESAI, 3: DALAM_PROSES}


# ---------------------------------------------------------------------------------------------------------
# Refs: the unit's numbering, komponen Refs


NUMBERING_PLAN = [
    plan_row(AREA_I, "Tim Kerja", "Tim dibentuk"),  # row 2: I.1.a
    plan_row(AREA_I, "Tim Kerja", "Anggota dipilih"),  # row 3: I.1.b
    plan_row(AREA_I, "Rencana", "Rencana disusun"),  # row 4: I.2.a
    plan_row(AREA_II, "SOP", "SOP disusun"),  # row 5: II.1.a
    plan_row(AREA_IV, "Kinerja", "IKU disusun", no="IV.1.c"),  # row 6: its own No
]


@pytest.mark.parametrize(
    "ref, rows",
    [
        ("I.1.b", [3]),  # area I, komponen 1, second row
        ("1.1.b", [3]),  # the same in Arabic numerals
        ("i.2.a", [4]),
        ("II.1.a", [5]),
        ("IV.1.c", [6]),  # the No the unit wrote
        ("IV.1.a", [6]),  # ... and its place in the plan
        ("#5", [5]),  # the Excel row
        ("I.1", [2, 3]),  # the komponen
    ],
)
def test_ref_by_the_units_numbering(make_xlsx, ref: str, rows: list[int]) -> None:
    workbook = read_workbook(make_xlsx(sheets(NUMBERING_PLAN, [["Mei 2024", AREA_I, "x", "Selesai", ref]])))
    reported = analyse(workbook).reports
    assert [row for row, entries in reported.items() if entries] == rows
    assert not [f for f in run_checks(analyse(workbook)).findings if f.code == "monev-ref-unknown"]


def test_own_refs(make_xlsx) -> None:
    workbook = read_workbook(make_xlsx(sheets(NUMBERING_PLAN)))
    refs = analyse(workbook).refs
    assert [refs.own_ref(row) for row in workbook.rencana_aksi] == [
        "I.1.a",
        "I.1.b",
        "I.2.a",
        "II.1.a",
        "IV.1.c",
    ]


def test_komponen_ref_never_marks_every_action_done(make_xlsx) -> None:
    monev = [
        ["Januari 2024", AREA_I, "Tim lengkap", "Selesai", "I.1"],  # komponen of two rows
        ["Januari 2024", AREA_I, "Rencana selesai", "Selesai", "I.2"],  # komponen of one row
    ]
    workbook = read_workbook(make_xlsx(sheets(NUMBERING_PLAN, monev)))
    found = statuses(workbook, (2024, 1))
    assert (found[2], found[3]) == (DALAM_PROSES, DALAM_PROSES)
    assert found[4] == SELESAI  # the komponen's only row: named alone


def test_a_no_shared_by_several_rows_marks_none_done(make_xlsx) -> None:
    plan = [plan_row(AREA_I, "Tim", "Tim dibentuk", no="I.1"), plan_row(AREA_I, "Tim", "SK", no="I.1")]
    both = read_workbook(make_xlsx(sheets(plan, [["Januari 2024", AREA_I, "Tim", "Selesai", "I.1"]])))
    assert statuses(both, (2024, 1)) == {2: DALAM_PROSES, 3: DALAM_PROSES}
    one = read_workbook(make_xlsx(sheets(plan, [["Januari 2024", AREA_I, "Tim", "Selesai", "I.1.a; I.1.b"]])))
    assert statuses(one, (2024, 1)) == {2: SELESAI, 3: SELESAI}  # each named alone


# ---------------------------------------------------------------------------------------------------------
# Text matches: never an unrelated row with confidence


COMMON_PLAN = [
    plan_row(
        AREA_III := "III. Penataan Sistem Manajemen SDM",
        "Data",
        "Data pegawai",
        langkah="Laporan data pegawai",
    ),
    plan_row(AREA_III, "Disiplin", "Disiplin pegawai", langkah="Laporan disiplin pegawai"),
    plan_row(AREA_III, "Kinerja", "Kinerja pegawai", langkah="Laporan kinerja pegawai"),
    plan_row(AREA_III, "Mutasi", "Mutasi pegawai", langkah="Laporan mutasi pegawai"),
]


def test_words_common_to_the_area_link_no_row(make_xlsx) -> None:
    entry = ["Mei 2024", AREA_III, "Laporan pegawai", None, None]
    workbook = read_workbook(make_xlsx(sheets(COMMON_PLAN, [entry])))
    analysis = analyse(workbook)
    assert not any(analysis.reports.values())
    assert [row.row for row in analysis.doubtful[2]] == [2, 3, 4, 5]
    (finding,) = [f for f in run_checks(analysis).findings if f.code == "monev-match-doubtful"]
    assert finding.cell_text == "Monev!C2" and finding.values["ref"] == "III.1.a"


def test_a_distinctive_word_links_its_row(make_xlsx) -> None:
    entry = ["Mei 2024", AREA_III, "Laporan mutasi pegawai telah disusun", None, None]
    workbook = read_workbook(make_xlsx(sheets(COMMON_PLAN, [entry])))
    analysis = analyse(workbook)
    assert [row for row, entries in analysis.reports.items() if entries] == [5]
    assert not analysis.doubtful


def test_the_areas_own_name_links_no_row(make_xlsx) -> None:
    # -- "manajemen perubahan" names area I itself: within the area it points at no row, so the achievement
    # -- is not the agen perubahan row's, which shares only those words and "laporan" --
    plan = [
        plan_row(AREA_I, "Tim", "Tim kerja dibentuk"),
        plan_row(
            AREA_I, "Agen", "Agen perubahan sebagai role model manajemen perubahan", langkah="Menetapkan agen"
        ),
        plan_row(AREA_I, "Rencana", "Rencana kerja disusun"),
    ]
    entry = ["Mei 2024", AREA_I, "Telah menyusun laporan manajemen perubahan", None, None]
    analysis = analyse(read_workbook(make_xlsx(sheets(plan, [entry]))))
    assert not any(analysis.reports.values())


# ---------------------------------------------------------------------------------------------------------
# The Realisasi sheet


REALISASI_PLAN = [
    plan_row(AREA_I, "Tim", "Tim dibentuk", target="Februari 2024"),  # row 2, I.1.a
    plan_row(AREA_I, "Tim", "SK ditetapkan", target="Maret 2024"),  # row 3, I.1.b
    plan_row(AREA_I, "Rencana", "Rencana disusun", target="Maret 2024"),  # row 4, I.2.a
    plan_row(AREA_II, "SOP", "SOP disusun", target="Juni 2024"),  # row 5, II.1.a
]


@pytest.fixture
def realisasi_workbook(make_xlsx):
    rows = [
        ["I.1.a", "Tim dibentuk", *group("Selesai", "Tim dibentuk", dt.datetime(2024, 2, 10)), *group()],
        ["I.1.b", "SK", *group("Proses", "Draf SK"), *group("Sudah", "SK ditetapkan", "12 Mei 2024", "SK")],
        ["I.2.a", "Rencana", *group("Belum", kendala="Rapat tertunda", revisi="Mei 2024"), *group()],
        ["II.1.a", "SOP", *group(), *group("Selesai", "SOP terbit", dt.datetime(2024, 7, 3))],
    ]
    path = make_xlsx(
        sheets(REALISASI_PLAN, realisasi=realisasi_sheet(["Triwulan I 2024", "Triwulan II 2024"], rows)),
        merges={"Realisasi": ["A1:A2", "B1:B2", "C1:I1", "J1:P1"]},
    )
    return read_workbook(path)


def test_realisasi_is_read_by_period(realisasi_workbook) -> None:
    rows = realisasi_workbook.realisasi
    assert [row.ref.text for row in rows] == ["I.1.a", "I.1.b", "I.2.a", "II.1.a"]
    assert [[p.periode.text for p in row.periods] for row in rows] == [
        ["Triwulan I 2024"],
        ["Triwulan I 2024", "Triwulan II 2024"],
        ["Triwulan I 2024"],
        ["Triwulan II 2024"],
    ]
    assert rows[1].periods[1].tanggal_selesai.text == "12 Mei 2024"
    assert (
        rows[1].periods[1].status.cell is not None and str(rows[1].periods[1].status.cell) == "Realisasi!J4"
    )


@pytest.mark.parametrize(
    "until, expected",
    [
        # -- March: Triwulan I tells; I.2.a's target moved to May, so it is not late yet
        ((2024, 3), {2: SELESAI, 3: DALAM_PROSES, 4: BERJALAN, 5: BELUM_JADWAL}),
        # -- April: Triwulan II has begun; I.1.b is "Sudah" but done on 12 May, II.1.a on 3 July
        ((2024, 4), {2: SELESAI, 3: DALAM_PROSES, 4: BERJALAN, 5: DALAM_PROSES}),
        # -- May: I.1.b done; the revised target of I.2.a has passed with nothing reported
        ((2024, 5), {2: SELESAI, 3: SELESAI, 4: TERLAMBAT, 5: DALAM_PROSES}),
        ((2024, 6), {2: SELESAI, 3: SELESAI, 4: TERLAMBAT, 5: DALAM_PROSES}),
        ((2024, 7), {2: SELESAI, 3: SELESAI, 4: TERLAMBAT, 5: SELESAI}),
    ],
)
def test_realisasi_status_at_the_end_of_a_month(realisasi_workbook, until, expected) -> None:
    assert statuses(realisasi_workbook, until) == expected


def test_revised_target_replaces_the_plans(realisasi_workbook) -> None:
    (plan,) = [p for p in analyse(realisasi_workbook).plan_progress((2024, 3)) if p.row.row == 4]
    assert plan.due == (2024, 5) and plan.revised is not None and plan.revised.months == {(2024, 5)}
    assert plan.revision is not None and plan.revision.cells.target_revisi.text == "Mei 2024"
    # -- the same figures, the check and the document agree: terlambat only from May on
    areas = analyse(realisasi_workbook).progress(Period.month(2024, 3))
    assert [len(area.terlambat) for area in areas] == [0] * 6
    overdue = [f for f in run_checks(analyse(realisasi_workbook)).findings if f.code == "plan-overdue"]
    assert [f.cell_text for f in overdue] == ["RencanaAksi!H4"]  # at the latest period, Triwulan II


def test_latest_period_is_the_latest_realisasi_group(realisasi_workbook) -> None:
    assert analyse(realisasi_workbook).latest_period == Period.triwulan(2024, 2)


def test_realisasi_without_labels_is_the_current_state(make_xlsx) -> None:
    rows = [
        ["Ref", "Status", "Realisasi", "Tanggal Selesai"],
        ["I.2.a", "Selesai", "Rencana", "20 Maret 2024"],
    ]
    workbook = read_workbook(make_xlsx(sheets(REALISASI_PLAN, realisasi=rows)))
    assert statuses(workbook, (2024, 2))[4] == DALAM_PROSES  # done on 20 March
    assert statuses(workbook, (2024, 3))[4] == SELESAI


def test_realisasi_problems_are_findings(make_xlsx) -> None:
    rows = [
        ["I.1.a", "x", *group("Lanjut", "Tim"), *group("Selesai")],  # unknown status word
        ["IX.9", "x", *group("Selesai"), *group()],  # names no plan row
        ["I.1", "x", *group("Selesai"), *group()],  # names two rows
        ["I.2.a", "x", *group("Proses", selesai="kapan-kapan", revisi="nanti")],
    ]
    path = make_xlsx(
        sheets(REALISASI_PLAN, realisasi=realisasi_sheet(["Triwulan I 2024", "TW kelima"], rows))
    )
    found = [(code, cell) for code, cell in codes(read_workbook(path)) if code not in ("plan-overdue",)]
    assert ("periode-unreadable", "Realisasi!J1") in found
    assert ("realisasi-status-unknown", "Realisasi!C3") in found
    assert ("realisasi-ref-unknown", "Realisasi!A4") in found
    assert ("realisasi-ref-unknown", "Realisasi!A5") in found
    assert ("tanggal-unreadable", "Realisasi!E6") in found
    assert ("tanggal-unreadable", "Realisasi!I6") in found
    # -- rows II.1.a and I.1.b have no Realisasi row
    (missing,) = [
        f for f in run_checks(analyse(read_workbook(path))).findings if f.code == "realisasi-rows-missing"
    ]
    assert missing.values["jumlah"] == 2 and missing.sheet_name == "Realisasi"


def test_a_sheet_named_realisasi_of_another_shape_is_reported_not_fatal(make_xlsx) -> None:
    path = make_xlsx(sheets(REALISASI_PLAN, realisasi=[["Tanggal", "Uang"], ["1 Mei", 5000]]))
    workbook = read_workbook(path)
    assert workbook.realisasi == [] and workbook.realisasi_sheet == ""
    assert ("realisasi-sheet-unreadable", "Realisasi") in codes(workbook)


def test_init_prefills_realisasi_with_every_plan_row(tmp_path) -> None:
    path = write_template(tmp_path / "baru.xlsx", unit_kerja="Kecamatan Uji", tahun=2026)
    workbook = read_workbook(path)
    refs = analyse(workbook).refs
    assert [row.ref.text for row in workbook.realisasi] == [refs.own_ref(r) for r in workbook.rencana_aksi]
    assert len({row.ref.text for row in workbook.realisasi}) == len(workbook.rencana_aksi)
    assert workbook.realisasi[0].ref.text == "I.1.a"
    sheet = load_workbook(path)["Realisasi"]
    assert [sheet.cell(1, col).value for col in (4, 11, 18, 25)] == [
        f"Triwulan {n} 2026" for n in ("I", "II", "III", "IV")
    ]
    assert not [f for f in run_checks(analyse(workbook)).findings if "realisasi" in f.code]


# ---------------------------------------------------------------------------------------------------------
# init --sinkron-realisasi


def _values(path: Path) -> dict[str, dict[str, object]]:
    book = load_workbook(path)
    return {
        sheet.title: {
            cell.coordinate: cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None
        }
        for sheet in book.worksheets
    }


def test_sync_adds_new_plan_rows_and_keeps_what_staff_typed(tmp_path) -> None:
    path = write_template(tmp_path / "zi.xlsx", unit_kerja="Kecamatan Uji", tahun=2026)
    book = load_workbook(path)
    plan, realisasi = book["RencanaAksi"], book["Realisasi"]
    plan["F2"] = "Membentuk tim lintas seksi"
    plan["H2"] = "Februari 2026"
    # -- two actions added under the first komponen, one with its own No, one without
    plan.append(
        [
            "I.1.z",
            "I. Manajemen Perubahan",
            plan["C2"].value,
            None,
            "Tambahan",
            "Rapat tim",
            "Notula",
            "Mei 2026",
        ]
    )
    plan.append(
        [None, "I. Manajemen Perubahan", plan["C2"].value, None, "Tambahan 2", "Apel", "Foto", "Juni 2026"]
    )
    realisasi["D3"], realisasi["E3"], realisasi["F3"] = (
        "Selesai",
        "Tim terbentuk\nSK terbit",
        dt.datetime(2026, 2, 9),
    )
    realisasi["H5"] = "Narasumber belum ada"
    realisasi["AE100"] = "catatan staf"
    book.save(path)
    before = _values(path)

    result = sync_realisasi(path)

    after = _values(path)
    assert result.added == 2 and result.created == ()
    assert _values(shutil.copy(result.backup, tmp_path / "cadangan.xlsx")) == before
    for sheet, cells in before.items():
        for coordinate, value in cells.items():
            if sheet == "Realisasi" and coordinate[0] in "BC" and coordinate[1:] not in ("1", "2"):
                continue  # the copies for reading are refreshed
            assert after[sheet][coordinate] == value, (sheet, coordinate)
    assert after["Realisasi"]["B3"] == "Membentuk tim lintas seksi"  # refreshed copy
    assert after["Realisasi"]["C3"] == "Februari 2026"
    last = max(int(c[1:]) for c in before["Realisasi"] if c[0] == "A" and c[1].isdigit())
    # -- the first by its own No; the second by its place (rows added at the sheet's end start a komponen)
    assert (after["Realisasi"][f"A{last + 1}"], after["Realisasi"][f"A{last + 2}"]) == ("I.1.z", "I.8.b")
    assert after["Realisasi"][f"B{last + 1}"] == "Rapat tim"
    workbook = read_workbook(path)
    assert analyse(workbook).realisasi.listed == {row.row for row in workbook.rencana_aksi}
    assert statuses(workbook, (2026, 2))[2] == SELESAI
    assert sync_realisasi(path).added == 0


def test_sync_gives_an_older_workbook_its_sheets(tmp_path) -> None:
    path = tmp_path / "lama.xlsx"
    shutil.copy(EXAMPLE, path)
    before = _values(path)
    result = sync_realisasi(path, periode="semester")
    assert result.created == ("Realisasi", "LaporanMonev")
    after = _values(path)
    assert {sheet: after[sheet] for sheet in before} == before
    workbook = read_workbook(path)
    assert len(workbook.realisasi) == len(workbook.rencana_aksi) == len(analyse(workbook).realisasi.listed)
    assert [workbook.realisasi[0].ref.text, load_workbook(path)["Realisasi"]["D1"].value] == [
        "I.1.a",
        "Semester I 2019",
    ]
    assert {item.bagian for item in workbook.laporan_monev} >= {"Latar Belakang", "Tanggal Laporan"}


def test_sync_refuses_a_foreign_realisasi_sheet(tmp_path) -> None:
    path = write_template(tmp_path / "zi.xlsx")
    book = load_workbook(path)
    del book["Realisasi"]
    book.create_sheet("Realisasi").append(["Tanggal", "Uang"])
    book.save(path)
    with pytest.raises(ZiSheetsError, match="bukan sheet Realisasi"):
        sync_realisasi(path)


def test_cli_sync(tmp_path) -> None:
    path = write_template(tmp_path / "zi.xlsx")
    result = CliRunner().invoke(main, ["init", "--sinkron-realisasi", str(path)])
    assert result.exit_code == 0, result.output
    assert "baris Realisasi ditambahkan: 0" in result.stderr
    assert f"cadangan: {path}.bak" in result.stderr
    missing = CliRunner().invoke(main, ["init", "--sinkron-realisasi", str(tmp_path / "tidak-ada.xlsx")])
    assert missing.exit_code == 3 and "tidak ditemukan" in missing.stderr


def test_sync_of_a_workbook_without_the_plan_row_copies(tmp_path, make_xlsx) -> None:
    rows = [["Ref", "Status", "Realisasi"], ["I.1.a", "Selesai", "Tim dibentuk"]]
    path = make_xlsx(sheets(REALISASI_PLAN, realisasi=rows))
    assert sync_realisasi(path).added == 3
    sheet = load_workbook(path)["Realisasi"]
    assert [sheet.cell(row, 1).value for row in range(1, 6)] == ["Ref", "I.1.a", "I.1.b", "I.2.a", "II.1.a"]
    assert sheet["B2"].value == "Selesai" and sheet["B3"].value is None


def test_a_workbook_without_realisasi_needs_none(make_xlsx) -> None:
    workbook = read_workbook(make_xlsx(sheets(REALISASI_PLAN)))
    assert not [code for code, _ in codes(workbook) if "realisasi" in code]


def test_rekap_names_the_latest_realisasi_period(realisasi_workbook) -> None:
    from zi_sheets.delivery.batch import check_one

    assert check_one(realisasi_workbook.path).last_monev == "Triwulan II 2024"
