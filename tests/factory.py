"""Generated unit workbooks: any size for the benchmark, batch and rekap tests; filled templates.

Starts from `init`'s template (every komponen and indicator of the catalogue) and fills it like a real unit
would: identity, actions, evidence, targets in the plan year, a few Monev months.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
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
    identitas: Mapping[str, object] | None = None,
    settings: Mapping[str, object] | None = None,
    tim_kerja: Sequence[Sequence[object]] = (),
) -> Path:
    """Write a filled workbook; `rows` None keeps one plan row per catalogue indicator, else repeats them.

    `identitas` overrides Identitas fields (e.g. Logo, Kabupaten/Kota), `settings` Pengaturan values (e.g.
    Ukuran Kertas); `tim_kerja` rows (Nama, NIP, Jabatan, Kedudukan) fill the TimKerja sheet.
    """
    book = build_template(unit_kerja=unit, tahun=year, regulasi="90-2021")
    for row in book["Identitas"].iter_rows(min_row=2):
        template = _IDENTITAS.get(row[0].value)
        if template:
            row[1].value = template.format(kab="Contoh", unit=unit.split()[-1])
        if row[0].value == "Tanggal Penetapan":
            row[1].value = dt.datetime(year, 1, 2)
        if identitas and row[0].value in identitas:
            row[1].value = identitas[row[0].value]
    for row in book["Pengaturan"].iter_rows(min_row=2):
        if settings and row[0].value in settings:
            row[1].value = settings[row[0].value]
    for number, member in enumerate(tim_kerja, start=1):
        for col, value in enumerate([number, *member], start=1):
            book["TimKerja"].cell(number + 1, col, value)
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


def filled_template(path: Path, regulasi: str = "90-2021", tahun: int = 2024) -> Path:
    """`init`'s template filled in the way a careful secretary would: every field, action and date."""
    book = build_template(unit_kerja="Kecamatan Contoh", tahun=tahun, regulasi=regulasi)
    values = {
        "Pemerintah Daerah": "Pemerintah Kabupaten Contoh",
        "Kabupaten/Kota": "Kabupaten Contoh",
        "Alamat": "Jl. Raya Contoh No. 1",
        "Tempat Penetapan": "Contoh",
        "Tanggal Penetapan": dt.datetime(tahun, 1, 2),
        "Jabatan Pimpinan": "Camat Contoh",
        "Nama Pimpinan": "BUDI SANTOSO, S.STP",
        "NIP Pimpinan": "19750921 199602 1 002",
        "Pangkat Pimpinan": "Pembina Tk. I (IV/b)",
        "Jabatan Ketua Tim": "Sekretaris Kecamatan Contoh",
        "Nama Ketua Tim": "SITI AMINAH, S.AP",
        "NIP Ketua Tim": "198001012005012003",
    }
    for row in book["Identitas"].iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    for index, row in enumerate(book["RencanaAksi"].iter_rows(min_row=2)):
        code = row[3].value
        row[5].value = f"Menyusun rencana kegiatan {code}\nMelaksanakan kegiatan dan mendokumentasikannya"
        row[6].value = f"Laporan pelaksanaan kegiatan {code}; foto kegiatan"
        row[7].value = f"{BULAN[index % 12]} {tahun}" if index % 3 else f"Januari s/d Desember {tahun}"
        row[8].value = "Sekretaris Kecamatan"
    targets = book["TargetPrioritas"]
    targets.append([1, "Pembentukan Tim Zona Integritas", "I. Manajemen Perubahan"])
    targets.append([2, "Penyusunan dan penerapan SOP seluruh layanan", "II. Penataan Tatalaksana"])
    tim = book["TimKerja"]
    tim.append([1, "SITI AMINAH, S.AP", "198001012005012003", "Sekretaris Kecamatan", "Ketua"])
    book.save(path)
    return path


def logo_png(path: Path, width: int = 300, height: int = 360) -> Path:
    """A small emblem-like PNG, as a unit's logo file would be (taller than wide, like most regional arms)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.polygon(
        [
            (width // 2, 0),
            (width, height // 3),
            (width * 4 // 5, height),
            (width // 5, height),
            (0, height // 3),
        ],
        fill="#1b5e20",
        outline="black",
    )
    draw.ellipse((width // 4, height // 3, width * 3 // 4, height * 2 // 3), fill="#fdd835")
    image.save(path)
    return path
