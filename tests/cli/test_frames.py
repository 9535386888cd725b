"""The pandas extra: `zi_sheets.plan_frame` and `rekap_frame`, and the core that never imports pandas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, MakeXlsx, minimal_sheets
from factory import unit_workbook

import zi_sheets
from zi_sheets.common.errors import ZiSheetsError


def test_core_never_imports_pandas(tmp_path: Path) -> None:
    code = (
        "import sys, zi_sheets; "
        f"workbook = zi_sheets.read({str(EXAMPLE)!r}); zi_sheets.check(workbook); "
        f"zi_sheets.build({str(EXAMPLE)!r}, output={str(tmp_path)!r}); "
        "print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
    assert list((tmp_path / "opd-kecamatan-pasirian-2019").glob("*.docx"))


@pytest.mark.parametrize("function", [zi_sheets.plan_frame, zi_sheets.rekap_frame])
def test_without_pandas_the_error_names_the_extra(function, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # -- `import pandas` now raises ImportError
    with pytest.raises(ZiSheetsError, match=r'memerlukan pandas.*pip install "zi-sheets\[pandas\]"'):
        function(EXAMPLE)


def test_plan_frame_of_the_example_keeps_every_row_and_cell() -> None:
    pytest.importorskip("pandas")
    frame = zi_sheets.plan_frame(str(EXAMPLE))
    assert len(frame) == 72
    first = frame.iloc[0]
    assert (first["sheet"], first["row"], first["area_no"]) == ("RencanaAksi", 6, 1)
    assert first["area"] == "MANAJEMEN PERUBAHAN"
    # -- the area is merged down from B5, so every row of the area names that cell --
    assert first["area_cell"] == "RencanaAksi!B5"
    assert (first["komponen"], first["komponen_cell"]) == ("Tim Kerja", "RencanaAksi!B6")
    assert first["indikator_cell"] == "RencanaAksi!C6"
    assert (first["target_waktu"], first["target_waktu_cell"]) == ("Januari 2019", "RencanaAksi!F6")
    # -- the example has no Kode LKE column: empty text and no cell --
    assert first["kode_lke"] == "" and first["kode_lke_cell"] is None
    # -- the seed's empty indicator cell and its "Juni, Desember 208" (the two errors of `check`) --
    by_row = frame.set_index("row")
    assert by_row.loc[15, "indikator"] == "" and by_row.loc[15, "indikator_cell"] == "RencanaAksi!C15"
    assert by_row.loc[64, "target_waktu_cell"] == "RencanaAksi!F64"
    assert "208" in by_row.loc[64, "target_waktu"]
    assert sorted(frame["area_no"].unique()) == [1, 2, 3, 4, 5, 6]


def test_plan_frame_takes_a_workbook_read_and_keeps_the_units_own_columns(make_xlsx: MakeXlsx) -> None:
    pytest.importorskip("pandas")
    sheets = minimal_sheets()
    plan = sheets["RencanaAksi"]
    plan[0].append("Anggaran (Rp)")
    plan[1].append(1500000)
    plan[2].append(None)
    workbook = zi_sheets.read(make_xlsx(sheets))
    frame = zi_sheets.plan_frame(workbook)
    assert list(frame["row"]) == [2, 3]
    assert list(frame["area_no"]) == [1, 2]
    assert list(frame["komponen"]) == ["Penyusunan Tim Kerja", "Prosedur Operasional Tetap (SOP) Kegiatan"]
    assert list(frame["indikator_cell"]) == ["RencanaAksi!E2", "RencanaAksi!E3"]
    assert list(frame["langkah_aksi"]) == ["Menyusun tim kerja telah dibentuk", "Menyusun sop disusun"]
    assert frame.columns[-1] == "Anggaran (Rp)"
    assert frame.iloc[0]["Anggaran (Rp)"] == "1500000"


def test_rekap_frame_holds_the_rekaps_rows(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    folder = tmp_path / "unit"
    folder.mkdir()
    unit_workbook(folder / "puskesmas.xlsx", unit="Puskesmas Sumberjaya", year=2024, monev_months=3)
    (folder / "rusak.xlsx").write_bytes(b"bukan workbook")
    frame = zi_sheets.rekap_frame([folder, str(EXAMPLE)])
    assert list(frame.columns[:3]) == ["Unit Kerja", "Berkas", "Tahun"]
    # -- the rekap's order: the unreadable first, then by unit name --
    assert list(frame["Berkas"]) == ["rusak.xlsx", "contoh-pasirian-2019.xlsx", "puskesmas.xlsx"]
    broken, example, unit = (frame.iloc[index] for index in range(3))
    assert (broken["Unit Kerja"], broken["Status"]) == ("(tidak terbaca)", "Tidak terbaca")
    assert broken["Keterangan"].startswith("Berkas rusak.xlsx bukan workbook Excel")
    assert broken.isna()["Tahun"] and broken.isna()["Galat"]
    assert (example["Unit Kerja"], example["Tahun"], example["Regulasi"]) == (
        "OPD Kecamatan Pasirian",
        2019,
        "PermenPANRB 52/2014",
    )
    assert (example["Komponen Tercakup"], example["Jumlah Komponen"], example["Cakupan Indikator (%)"]) == (
        23,
        23,
        87,
    )
    assert (example["Galat"], example["Peringatan"], example["Monev Terakhir"]) == (2, 25, "Mei 2019")
    assert example["Status"] == "Perlu perbaikan"
    assert (unit["Unit Kerja"], unit["Tahun"], unit["Galat"], unit["Status"]) == (
        "Puskesmas Sumberjaya",
        2024,
        0,
        "Lengkap",
    )
    assert unit["Monev Terakhir"] == "Maret 2024"
    assert str(frame["Galat"].dtype) == "Int64"


def test_rekap_frame_refuses_a_path_that_does_not_exist(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    with pytest.raises(ZiSheetsError, match="tidak-ada tidak ditemukan"):
        zi_sheets.rekap_frame(tmp_path / "tidak-ada")
