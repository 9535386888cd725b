"""Generated unit workbooks: any size for the benchmark, batch and rekap tests; filled templates.

Starts from `init`'s template (every komponen and indicator of the catalogue) and fills it like a real unit
would: identity, actions, evidence, targets in the plan year, a few Monev months.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from openpyxl import load_workbook

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


# ---------------------------------------------------------------------------------------------------------
# LKE answers, chosen from the catalogue CSV itself (read with csv, never through the package's code)

DATA = Path(__file__).resolve().parent.parent / "zi_sheets" / "data"


def catalogue_csv(regulasi: str = "90-2021") -> list[dict[str, str]]:
    """The rows of the packaged catalogue CSV, as written."""
    with (DATA / f"catalogue-{regulasi}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def choices(row: dict[str, str]) -> list[str]:
    """The answers a letter or Ya/Tidak row accepts, best first ("Ya", "Tidak" / "A", "B", ...)."""
    if row["answer_type"] == "Ya/Tidak":
        return ["Ya", "Tidak"]
    return row["answer_type"].split("/")


def random_answers(regulasi: str, seed: int, *, jumlah: bool = True) -> dict[str, object]:
    """An answer for every item: a random choice, percentage (a fraction), survey score or count.

    `jumlah` False leaves the Jumlah inputs empty, so the typed percentages count.
    """
    rng = random.Random(seed)
    answers: dict[str, object] = {}
    for row in catalogue_csv(regulasi):
        kind = row["answer_type"]
        if kind == "Jumlah":
            if jumlah:
                answers[row["indicator_code"]] = rng.randint(1, 40)
        elif kind.startswith("%"):
            answers[row["indicator_code"]] = round(rng.random(), 4)
        elif kind.startswith("Nilai"):
            answers[row["indicator_code"]] = round(rng.uniform(0, 4), 2)
        else:
            answers[row["indicator_code"]] = rng.choice(choices(row))
    return answers


def extreme_answers(regulasi: str, *, worst_area: int | None = None) -> dict[str, object]:
    """The best answer to every item (A, Ya, 100%, survey 4), the worst in area `worst_area` when given.

    No Jumlah input is filled, so each percentage counts as written.
    """
    answers: dict[str, object] = {}
    for row in catalogue_csv(regulasi):
        worst = row["area_no"] == str(worst_area)
        kind = row["answer_type"]
        if kind == "Jumlah":
            continue
        if kind.startswith("%"):
            answers[row["indicator_code"]] = 0.0 if worst else 1.0
        elif kind.startswith("Nilai"):
            answers[row["indicator_code"]] = 0.0 if worst else 4.0
        else:
            answers[row["indicator_code"]] = choices(row)[-1 if worst else 0]
    return answers


def fill_lke(path: Path, answers: dict[str, object], evidence: dict[str, str] | None = None) -> Path:
    """Write `answers` (by Kode) into the Jawaban cells of the workbook's LKE sheet and `evidence` into
    its Bukti Dukung cells, as a person would in Excel; returns `path`."""
    book = load_workbook(path)
    sheet = book["LKE"]
    header = [cell.value for cell in sheet[1]]
    jawaban, bukti = header.index("Jawaban") + 1, header.index("Bukti Dukung") + 1
    for row in range(2, sheet.max_row + 1):
        code = sheet.cell(row, 1).value
        if code in answers:
            sheet.cell(row, jawaban, answers[code])
        if evidence and code in evidence:
            sheet.cell(row, bukti, evidence[code])
    book.save(path)
    return path


def lke_row(path: Path, code: str) -> int:
    """The Excel row of item `code` on the workbook's LKE sheet."""
    book = load_workbook(path, read_only=True)
    try:
        for index, row in enumerate(book["LKE"].iter_rows(min_col=1, max_col=1, values_only=True), start=1):
            if row[0] == code:
                return index
    finally:
        book.close()
    raise KeyError(code)
