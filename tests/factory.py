"""Generated unit workbooks of any size: for the benchmark, the batch and rekap tests.

Starts from `init`'s template (every komponen and indicator of the catalogue) and fills it like a real unit
would: identity, actions, evidence, targets in the plan year, a few Monev months.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zi_sheets.bahasa import BULAN, roman
from zi_sheets.model import AREAS
from zi_sheets.template import build_template

_IDENTITAS = {
    "Pemerintah Daerah": "Pemerintah Kabupaten {kab}",
    "Kabupaten/Kota": "Kabupaten {kab}",
    "Tempat Penetapan": "{kab}",
    "Jabatan Pimpinan": "Camat {unit}",
    "Nama Pimpinan": "BUDI SANTOSO, S.STP",
    "NIP Pimpinan": "19750921 199602 1 002",
    "Jabatan Ketua Tim": "Ketua Tim Pembangunan ZI",
    "Nama Ketua Tim": "SITI AMINAH, S.AP",
    "NIP Ketua Tim": "19800101 200501 2 003",
    "Email Inspektorat": "inspektorat@contoh.go.id",
}
_ACTIONS = ("Menyusun {x}", "Menetapkan {x}", "Melaksanakan sosialisasi {x}", "Mengevaluasi {x}")


def unit_workbook(
    path: Path,
    *,
    unit: str = "Kecamatan Contoh",
    year: int = 2024,
    rows: int | None = None,
    monev_months: int = 2,
) -> Path:
    """Write a filled workbook; `rows` None keeps one plan row per catalogue indicator, else repeats them."""
    book = build_template(unit_kerja=unit, tahun=year, regulasi="90-2021")
    identitas = book["Identitas"]
    for row in identitas.iter_rows(min_row=2):
        template = _IDENTITAS.get(row[0].value)
        if template:
            row[1].value = template.format(kab="Contoh", unit=unit.split()[-1])
        if row[0].value == "Tanggal Penetapan":
            row[1].value = dt.datetime(year, 1, 2)
    plan = book["RencanaAksi"]
    catalogue_rows = [[cell.value for cell in row] for row in plan.iter_rows(min_row=2)]
    wanted = rows or len(catalogue_rows)
    for index in range(wanted):
        base = catalogue_rows[index % len(catalogue_rows)]
        month = index % 12
        subject = f"dokumen {base[2].lower()} ({index + 1})"
        values = [
            *base[:5],
            f"{_ACTIONS[index % 4].format(x=subject)}\nMelaporkan hasilnya kepada pimpinan",
            f"Laporan {subject}",
            f"{BULAN[month]} {year}" if index % 3 else f"Januari s/d Desember {year}",
            "Sekretaris",
        ]
        for col, value in enumerate(values, start=1):
            plan.cell(index + 2, col, value)
    monev = book["Monev"]
    areas = [f"{roman(number)}. {name}" for number, name in AREAS.items()]
    row = 2
    for month in range(1, monev_months + 1):
        for area in areas:
            monev.cell(row, 1, dt.datetime(year, month, 1))
            monev.cell(row, 2, area)
            subject = area.split(". ")[1].lower()
            monev.cell(row, 3, f"Telah menyusun dokumen {subject} bulan {BULAN[month - 1]}")
            monev.cell(row, 4, "Selesai")
            row += 1
    targets = book["TargetPrioritas"]
    for index, text in enumerate(("Pembentukan Tim Zona Integritas", "Penyusunan rencana kerja"), start=1):
        targets.cell(index + 1, 1, index)
        targets.cell(index + 1, 2, text)
    book.save(path)
    return path
