"""`zi-sheets init --dari LAMA.xlsx --tahun N`: next year's workbook from this year's."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, ROOT
from factory import fill_lke, filled_template, random_answers
from openpyxl import load_workbook

from zi_sheets import api
from zi_sheets.checks.texts import year_mentions
from zi_sheets.cli.commands import main
from zi_sheets.common.catalogue import load_catalogue
from zi_sheets.common.dates import parse_target
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.lke.assess import LkeNotScored
from zi_sheets.reading.workbook import read_workbook
from zi_sheets.template.tahun_baru import first_working_day, roll_over

CORPUS_PLAN = ROOT / "tests" / "data" / "corpus" / "patp-2021.xlsx"
# -- Sheets whose cells are not the unit's free text: the instructions, the read-only copies of the plan in
# -- Realisasi (refreshed from the plan by --sinkron-realisasi), and last year's LKE kept as it was. --
_NOT_FREE_TEXT = {"Petunjuk", "Realisasi", "LKE Tahun Lalu"}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cells_naming(path: Path, year: int) -> set[str]:
    """Every cell of the workbook (but `_NOT_FREE_TEXT`, Identitas's hints and the Regulasi `init` writes)
    whose text holds `year` other than in a citation or at the start of a period that runs on."""
    book = load_workbook(path)
    found = set()
    for sheet in book:
        if sheet.title in _NOT_FREE_TEXT:
            continue
        for row in sheet.iter_rows():
            for cell in row:
                text = cell.value
                if not isinstance(text, str) or not re.search(rf"(?<!\d){year}(?!\d)", text):
                    continue
                if sheet.title == "Identitas" and (
                    cell.column != 2 or sheet.cell(cell.row, 1).value == "Regulasi"
                ):
                    continue
                mentions = year_mentions(text)
                kept = [
                    m
                    for i, m in enumerate(mentions)
                    if m.year == year
                    and m.kind != "citation"
                    and not (m.kind == "span" and i + 1 < len(mentions) and mentions[i + 1].kind == "span")
                ]
                if kept:
                    found.add(f"{sheet.title}!{cell.coordinate}")
    return found


def _shifted(value: object, plan_year: int, years: int = 1):
    old = parse_target(value, plan_year)
    return {(y + years, m) for y, m in old.months}


@pytest.fixture(scope="module", params=["example", "corpus"])
def rolled(request, tmp_path_factory):
    source = EXAMPLE if request.param == "example" else CORPUS_PLAN
    before = _digest(source)
    target = tmp_path_factory.mktemp(request.param) / "baru.xlsx"
    result = roll_over(source, target)
    assert _digest(source) == before  # -- the old workbook is only read
    return source, target, result


def test_the_rolled_plan_checks_clean_on_the_new_years_first_day(rolled):
    source, target, result = rolled
    old = read_workbook(source)
    year = old.identitas.tahun + 1
    assert result.tahun == year and read_workbook(target).identitas.tahun == year
    report = api.check(target, today=dt.date(year, 1, 1))
    codes = {finding.code for finding in report.findings}
    assert "plan-overdue" not in codes
    assert not {code for code in codes if code.startswith("realisasi-")}
    # -- no target in the old year; a target the old plan already had outside its year moved on with it
    old_outside = {
        f.cell.row
        for f in api.check(source).findings
        if f.code == "target-outside-year" and f.cell is not None
    }
    new_rows = read_workbook(target).rencana_aksi
    by_new_row = {row.row: index for index, row in enumerate(new_rows)}
    for finding in report.findings:
        if finding.code == "target-outside-year":
            assert finding.cell is not None
            index = by_new_row[finding.cell.row]
            assert old.rencana_aksi[index].row in old_outside
            assert old.identitas.tahun not in parse_target(new_rows[index].target_waktu.raw, year).years


def test_every_row_and_member_is_carried_with_its_targets_a_year_on(rolled):
    source, target, result = rolled
    old, new = read_workbook(source), read_workbook(target)
    year = old.identitas.tahun
    assert len(new.rencana_aksi) == len(old.rencana_aksi) == result.rows
    for before, after in zip(old.rencana_aksi, new.rencana_aksi, strict=True):
        for field in ("indikator", "langkah_aksi", "bukti_fisik", "penanggung_jawab"):
            assert getattr(after, field).text == getattr(before, field).text
        assert after.area_no == before.area_no
        if not result.mapped:  # -- a plan kept in its catalogue keeps its komponen as written (merged too)
            assert after.komponen.text == before.komponen.text
            assert after.kode_lke.text == before.kode_lke.text
        assert parse_target(after.target_waktu.raw, year + 1).months == _shifted(
            before.target_waktu.raw, year
        )
        assert not after.realisasi
    assert [m.nama.text for m in new.tim_kerja] == [m.nama.text for m in old.tim_kerja]
    assert [m.nip.text for m in new.tim_kerja] == [m.nip.text for m in old.tim_kerja]
    assert [s.langkah.text for s in new.mekanisme] == [s.langkah.text for s in old.mekanisme]
    assert [t.target.text for t in new.target_prioritas] == [t.target.text for t in old.target_prioritas]
    assert [i.isi.text for i in new.narasi] == [i.isi.text for i in old.narasi]
    assert not new.monev and not any(p.status or p.realisasi for r in new.realisasi for p in r.periods)
    assert len(new.realisasi) == len(new.rencana_aksi)
    for field in ("Nama Unit Kerja", "Nama Pimpinan", "NIP Pimpinan", "Jabatan Pimpinan", "Nama Ketua Tim"):
        assert new.identitas.text(field) == old.identitas.text(field)
    assert new.identitas.tanggal_penetapan == first_working_day(year + 1)


def test_the_leftovers_are_exactly_the_cells_naming_the_old_year(rolled):
    source, target, result = rolled
    old_year = read_workbook(source).identitas.tahun
    listed = {leftover.cell for leftover in result.leftovers if "masih menyebut tahun" in leftover.reason}
    assert listed == _cells_naming(target, old_year)
    assert listed  # -- both plans name their year in Bukti and Langkah ("LAKIN 2019", "(Juli, Des 2021)")
    leader = {leftover.cell for leftover in result.leftovers if "Pimpinan" in leftover.reason}
    assert len(leader) == 2


def test_a_52_2014_plan_rolled_into_a_90_2021_year_is_named_by_the_new_catalogue(tmp_path):
    source = filled_template(tmp_path / "lama.xlsx", regulasi="52-2014", tahun=2021)
    book = load_workbook(source)
    plan = book["RencanaAksi"]
    plan.cell(2, 3, "Komponen buatan unit yang tidak ada di katalog mana pun")
    book.save(source)
    result = roll_over(source, tmp_path / "baru.xlsx", tahun=2022)
    assert result.regulation == "90-2021" and result.mapped
    new = read_workbook(tmp_path / "baru.xlsx")
    assert new.identitas.text("Regulasi") == "PermenPANRB 90/2021"
    names = {komponen.name for komponen in load_catalogue("90-2021").komponen}
    unmatched = [row for row in new.rencana_aksi if row.komponen.text not in names]
    assert [row.komponen.text for row in unmatched] == [
        "Komponen buatan unit yang tidak ada di katalog mana pun"
    ]
    listed = [leftover for leftover in result.leftovers if "padanannya" in leftover.reason]
    assert [leftover.cell for leftover in listed] == [str(unmatched[0].komponen.cell)]
    codes = {i.code for i in load_catalogue("90-2021").indicators}
    assert all(not row.kode_lke or row.kode_lke.text in codes for row in new.rencana_aksi)
    assert len(new.rencana_aksi) == len(read_workbook(source).rencana_aksi)
    # -- the Dasar Hukum that still cites the old regulation is named; every cell named does cite it
    cited = [leftover.cell for leftover in result.leftovers if "52/2014" in leftover.reason]
    narasi = {
        str(item.isi.cell) for item in new.narasi if re.search(r"52 Tahun 2014|52/2014", item.isi.text, re.I)
    }
    assert narasi and set(cited) >= narasi


def test_a_workbook_of_the_2026_11_30_format_without_realisasi_and_laporan_monev(tmp_path):
    source = filled_template(tmp_path / "lama.xlsx", tahun=2026)
    book = load_workbook(source)
    del book["Realisasi"], book["LaporanMonev"]
    book["TargetPrioritas"]["D1"] = "Indikator Keberhasilan"
    book["TargetPrioritas"]["D2"] = "SK Tim ditetapkan"
    book.save(source)
    roll_over(source, tmp_path / "baru.xlsx")
    book = load_workbook(tmp_path / "baru.xlsx")
    assert {"Realisasi", "LaporanMonev", "LKE", "Monev"} <= set(book.sheetnames)
    new = read_workbook(tmp_path / "baru.xlsx")
    assert new.identitas.tahun == 2027
    assert len(new.realisasi) == len(new.rencana_aksi) == len(read_workbook(source).rencana_aksi)
    assert book["Realisasi"].cell(1, 4).value == "Triwulan I 2027"
    old = read_workbook(source)
    assert new.narasi_headings and [(i.bagian, i.isi.text, i.is_heading) for i in new.narasi] == [
        (i.bagian, i.isi.text, i.is_heading) for i in old.narasi
    ]
    assert (
        [m.nama.text for m in new.tim_kerja] == [m.nama.text for m in old.tim_kerja] == ["SITI AMINAH, S.AP"]
    )
    assert [{h: v.text for h, v in t.extra.items()} for t in new.target_prioritas] == [
        {"Indikator Keberhasilan": "SK Tim ditetapkan"},
        {"Indikator Keberhasilan": ""},
    ]
    report = api.check(tmp_path / "baru.xlsx", today=dt.date(2027, 1, 1))
    assert not {f.code for f in report.findings} & {"plan-overdue", "target-outside-year"}


def test_real_excel_dates_in_target_waktu_move_a_year_on_as_dates(tmp_path):
    source = filled_template(tmp_path / "lama.xlsx", tahun=2024)
    book = load_workbook(source)
    plan = book["RencanaAksi"]
    plan.cell(2, 8, dt.datetime(2024, 2, 29))
    plan.cell(3, 8, dt.datetime(2024, 12, 31))
    plan.cell(3, 8).number_format = "dd/mm/yyyy"
    book.save(source)
    roll_over(source, tmp_path / "baru.xlsx")
    plan = load_workbook(tmp_path / "baru.xlsx")["RencanaAksi"]
    assert plan.cell(2, 8).value == dt.datetime(2025, 2, 28)
    assert plan.cell(3, 8).value == dt.datetime(2025, 12, 31)
    assert plan.cell(2, 8).is_date
    report = api.check(tmp_path / "baru.xlsx", today=dt.date(2025, 1, 1))
    assert not {f.code for f in report.findings} & {"plan-overdue", "target-outside-year"}


def test_last_years_lke_is_the_baseline_nilai_compares_with(tmp_path):
    source = fill_lke(filled_template(tmp_path / "lama.xlsx", tahun=2024), random_answers("90-2021", 7))
    last = api.score(source).score
    roll_over(source, tmp_path / "baru.xlsx")
    book = load_workbook(tmp_path / "baru.xlsx")
    baseline = book["LKE Tahun Lalu"]
    assert baseline.protection.sheet
    totals = {row[3].value: row[4].value for row in baseline.iter_rows(min_row=2) if row[3].value}
    assert totals["Nilai total"] == round(last.total, 2)
    # -- this year's LKE starts empty: no score of 0,00 beside last year's, until a first answer
    with pytest.raises(LkeNotScored, match="Sheet LKE berkas baru.xlsx belum berisi satu pun jawaban"):
        api.score(tmp_path / "baru.xlsx")
    fill_lke(tmp_path / "baru.xlsx", {"P.1.i.a": "Ya"})
    assessment = api.score(tmp_path / "baru.xlsx")
    assert assessment.baseline is not None and assessment.baseline.total == pytest.approx(last.total)
    text = assessment.to_text()
    assert "Tahun Lalu" in text.splitlines()[2]
    total_line = next(line for line in text.splitlines() if line.startswith("Nilai total "))
    assert total_line.split()[-1] == f"{last.total:.2f}".replace(".", ",")
    assert assessment.to_dict()["tahun_lalu"]["total"] == round(last.total, 2)


def test_cli_writes_lists_and_refuses_to_overwrite_without_timpa(tmp_path):
    runner = CliRunner()
    target = tmp_path / "zi-2020.xlsx"
    args = [
        "init",
        str(target),
        "--dari",
        str(EXAMPLE),
        "--tahun",
        "2020",
        "--tanggal-penetapan",
        "2020-01-06",
    ]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "perlu diperiksa" in result.stdout and "RencanaAksi!G33" in result.stdout
    assert read_workbook(target).identitas.tanggal_penetapan == dt.date(2020, 1, 6)
    before = _digest(target)
    refused = runner.invoke(main, args)
    assert refused.exit_code == 3 and "--timpa" in refused.stderr
    assert _digest(target) == before
    assert runner.invoke(main, [*args, "--timpa"]).exit_code == 0
    bad = runner.invoke(
        main, ["init", str(tmp_path / "x.xlsx"), "--dari", str(EXAMPLE), "--tanggal-penetapan", "besok"]
    )
    assert bad.exit_code == 2 and not (tmp_path / "x.xlsx").exists()
    back = runner.invoke(main, ["init", str(tmp_path / "x.xlsx"), "--dari", str(EXAMPLE), "--tahun", "2019"])
    assert back.exit_code == 3 and not (tmp_path / "x.xlsx").exists()


def test_a_failure_leaves_no_file(tmp_path, monkeypatch):
    from zi_sheets.template import tahun_baru

    def broken(*args, **kwargs):
        raise ZiSheetsError("disk penuh")

    monkeypatch.setattr(tahun_baru, "_fill_realisasi", broken)
    with pytest.raises(ZiSheetsError):
        roll_over(EXAMPLE, tmp_path / "baru.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_the_old_workbook_is_never_the_target(tmp_path):
    source = filled_template(tmp_path / "lama.xlsx", tahun=2024)
    before = _digest(source)
    with pytest.raises(ZiSheetsError, match="workbook lama"):
        roll_over(source, source, force=True)
    assert _digest(source) == before


def test_first_working_day_skips_new_year_and_the_weekend():
    assert first_working_day(2027) == dt.date(2027, 1, 4)  # -- 2 January 2027 is a Saturday
    assert first_working_day(2026) == dt.date(2026, 1, 2)


def test_a_logo_beside_the_old_workbook_is_still_found_and_diterima_is_named(tmp_path):
    from factory import logo_png

    (tmp_path / "2024").mkdir()
    (tmp_path / "2025").mkdir()
    source = filled_template(tmp_path / "2024" / "zi.xlsx", tahun=2024)
    logo_png(tmp_path / "2024" / "logo.png")
    book = load_workbook(source)
    for row in book["Identitas"].iter_rows(min_row=2):
        if row[0].value == "Logo":
            row[1].value = "logo.png"
    diterima = book.create_sheet("Diterima")
    diterima.append(["Kode", "Sel", "Nama", "Alasan"])
    diterima.append(["other-agency", "RencanaAksi!F14", "", "mitra kerja"])
    book.save(source)
    result = roll_over(source, tmp_path / "2025" / "zi.xlsx")
    new = read_workbook(tmp_path / "2025" / "zi.xlsx")
    assert (new.path.parent / new.identitas.text("Logo")).resolve() == (
        tmp_path / "2024" / "logo.png"
    ).resolve()
    assert [leftover.cell for leftover in result.leftovers if leftover.cell == "Diterima"] == ["Diterima"]
    assert not new.diterima


def test_old_years_in_free_text_are_listed_and_citations_and_running_periods_are_not(tmp_path):
    source = filled_template(tmp_path / "lama.xlsx", tahun=2025)
    book = load_workbook(source)
    plan, narasi = book["RencanaAksi"], book["Narasi"]
    plan["G2"] = "Laporan Monev 2025"
    plan["G3"] = "Dokumen sesuai Peraturan Menteri PANRB Nomor 90 Tahun 2025"
    plan["G4"] = "Renstra 2025-2029"
    plan["G5"] = "Road Map 2021-2025"
    narasi.cell(narasi.max_row + 1, 2, "Pada Tahun 2025 unit telah membangun zona integritas.")
    book.save(source)
    result = roll_over(source, tmp_path / "baru.xlsx")
    listed = {
        leftover.cell for leftover in result.leftovers if "masih menyebut tahun 2025" in leftover.reason
    }
    new = load_workbook(tmp_path / "baru.xlsx")

    def cells(*sheets: str, where) -> set[str]:
        return {
            f"{name}!{cell.coordinate}"
            for name in sheets
            for line in new[name].iter_rows()
            for cell in line
            if isinstance(cell.value, str) and where(cell.value)
        }

    planted = cells("Narasi", where=lambda text: text.startswith("Pada Tahun 2025"))
    # -- a period that ended with the old year is one to renew, in the standard texts too ("Grand Design
    # -- Reformasi Birokrasi 2010-2025" in a 2026 plan)
    ended = cells("Narasi", "LaporanMonev", where=lambda text: "2010-2025" in text)
    assert len(planted) == 1 and ended
    assert listed == {"RencanaAksi!G2", "RencanaAksi!G5"} | planted | ended
