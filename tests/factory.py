"""Generated unit workbooks: any size for the benchmark, batch and rekap tests; filled templates.

Starts from `init`'s template (every komponen and indicator of the catalogue) and fills it like a real unit
would: identity, actions, evidence, targets in the plan year, a few Monev months.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from openpyxl import load_workbook

from zi_sheets.common.bahasa import BULAN, roman
from zi_sheets.common.model import AREAS
from zi_sheets.template.new_workbook import build_template

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


_LANGKAH = (
    "Menyusun {x}",
    "Menetapkan {x} dengan keputusan pimpinan",
    "Melaksanakan sosialisasi {x} kepada seluruh pegawai",
    "Mengevaluasi pelaksanaan {x}\nMelaporkan hasil evaluasi kepada pimpinan",
)
_TARGETS = (
    "Januari {y}",
    "Februari {y}",
    "Maret {y}",
    "April {y}",
    "Triwulan II {y}",
    "Juni, Desember {y}",
    "Januari s/d Desember {y}",
    "Agustus {y}",
)
_LONG_REALISASI = (
    "Rapat koordinasi tim dilaksanakan pada minggu kedua\nDraf dokumen disusun oleh subbagian umum dan "
    "dibahas bersama seluruh kepala seksi\nMasukan pegawai dihimpun melalui kotak saran dan formulir daring"
    "\nPerbaikan draf sedang berjalan dan dijadwalkan selesai bulan berikutnya\nHasil pembahasan dicatat "
    "dalam notula dan daftar hadir\nTindak lanjut rapat dibagikan kepada seluruh seksi melalui surat "
    "edaran sekretaris kecamatan\nPemantauan berikutnya dijadwalkan pada rapat tim akhir bulan"
)


def realisation_workbook(
    path: Path, *, year: int = 2026, per_area: int = 8, layout: str = "Otomatis", tanggal: str | None = None
) -> Path:
    """A unit keeping its Monev per planned action: `per_area` plan rows in each area (48 by default), four
    months (January to April) of Realisasi and Monev rows, report chapters for Semester I in LaporanMonev,
    and Pengaturan's "Bentuk Monev" set to `layout`. `tanggal` None leaves the Semester I report's Tanggal
    Laporan as "15 Juli <year>"; '' leaves it empty (an undated report)."""
    from zi_sheets.reading.schema import REALISASI
    from zi_sheets.template.layout import REALISASI_PERIODS, write_realisasi

    book = build_template(unit_kerja="Kecamatan Sukamaju", tahun=year, regulasi="90-2021", periode="bulan")
    for row in book["Identitas"].iter_rows(min_row=2):
        template = _IDENTITAS.get(row[0].value)
        if template:
            row[1].value = template.format(kab="Contoh", unit="Sukamaju")
        if row[0].value == "Tanggal Penetapan":
            row[1].value = dt.datetime(year, 1, 5)
    plan = book["RencanaAksi"]
    catalogue = [[cell.value for cell in row] for row in plan.iter_rows(min_row=2)]
    # -- every komponen's first indicator, then second ones, in catalogue order: `per_area` rows per area on
    # -- average, every komponen covered
    first: dict[tuple[object, object], list[object]] = {}
    for row in catalogue:
        first.setdefault((row[1], row[2]), row)
    chosen = [*first.values(), *(row for row in catalogue if row not in first.values())]
    wanted = {id(row) for row in chosen[: max(len(first), per_area * len(AREAS))]}
    kept = [row for row in catalogue if id(row) in wanted]
    plan.delete_rows(2, plan.max_row)
    for index, base in enumerate(kept):
        subject = f"{base[2].lower()} ({base[0]})"
        plan.append(
            [
                *base[:5],
                _LANGKAH[index % 4].format(x=subject),
                f"Dokumen {base[2].lower()}",
                _TARGETS[index % len(_TARGETS)].format(y=year),
                "Sekretaris Kecamatan",
            ]
        )
    del book[REALISASI.name]
    sheet = book.create_sheet(REALISASI.name, index=book.sheetnames.index("Monev") + 1)
    labels = [f"{label} {year}" for label in REALISASI_PERIODS["bulan"]]
    rows = [
        (base[0], _LANGKAH[i % 4].format(x=f"{base[2].lower()} ({base[0]})"), "")
        for i, base in enumerate(kept)
    ]
    write_realisasi(sheet, rows, labels)
    group = 7  # columns per period, from column D

    def put(row: int, month: int, **values: object) -> None:
        fields = ("status", "realisasi", "selesai", "bukti", "kendala", "tindak", "revisi")
        for offset, name in enumerate(fields):
            if name in values:
                sheet.cell(row, 4 + (month - 1) * group + offset, values[name])

    monev = book["Monev"]
    monev_rows: list[list[object]] = []
    for index, base in enumerate(kept):
        row, area = index + 3, base[1]
        kind = index % 6
        if kind == 0:
            put(
                row,
                1,
                status="Selesai",
                realisasi=f"Telah {base[2].lower()}",
                selesai=dt.datetime(year, 1, 20),
                bukti="SK dan notula",
            )
        elif kind == 1:
            put(row, 2, status="Proses", realisasi="Draf disusun", kendala="Data dari seksi belum lengkap")
            put(
                row,
                3,
                status="Sudah",
                realisasi="Dokumen ditetapkan",
                selesai="20 Maret 2026",
                bukti="Dokumen final",
            )
        elif kind == 2:
            put(
                row,
                3,
                status="Belum",
                kendala="Narasumber belum tersedia",
                tindak="Bersurat ke BKPSDM",
                revisi=f"Mei {year}",
            )
            put(row, 4, status="Dalam Proses", realisasi="Narasumber dijadwalkan")
        elif kind == 4:
            put(row, 4, status="On Progress", realisasi=_LONG_REALISASI, bukti="Notula rapat\nDaftar hadir")
        elif kind == 5:
            month = 1 + (index // 6) % 4
            monev_rows.append(
                [
                    dt.datetime(year, month, 1),
                    area,
                    f"Laporan pelaksanaan {base[0]} disampaikan",
                    "Selesai",
                    base[0],
                    "Laporan",
                    None,
                    None,
                ]
            )
    monev_rows += [
        [
            dt.datetime(year, 2, 1),
            "II. Penataan Tatalaksana",
            "Sebagian SOP telah direviu",
            "Selesai",
            "II.1",
            "Notula",
            "Waktu reviu terbatas",
            "Reviu dilanjutkan",
        ],
        [
            dt.datetime(year, 4, 1),
            "VI. Peningkatan Kualitas Pelayanan Publik",
            "Survei kepuasan masyarakat dilaksanakan",
            "Dalam Proses",
            None,
            "Kuesioner",
            None,
            None,
        ],
    ]
    for values in sorted(monev_rows, key=lambda r: r[0]):
        monev.append(values)
    laporan = book["LaporanMonev"]
    semester = f"Semester I {year}"
    for periode, bagian, isi in (
        (
            semester,
            "Kata Pengantar",
            "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya laporan monitoring "
            "dan evaluasi pembangunan Zona Integritas {Nama Unit Kerja} semester pertama tahun {Tahun}.",
        ),
        (
            semester,
            None,
            "Laporan ini memuat kemajuan setiap langkah aksi, kendala yang dihadapi, serta saran dan "
            "tindak lanjutnya.",
        ),
        (
            semester,
            "Pelaksanaan",
            "Monitoring dan evaluasi semester pertama dilaksanakan melalui rapat tim setiap akhir bulan dan "
            "verifikasi bukti dukung setiap langkah aksi.",
        ),
        (
            semester,
            "Permasalahan",
            "- Sebagian bukti dukung belum diunggah tepat waktu oleh penanggung jawab;",
        ),
        (semester, None, "- Jadwal narasumber pelatihan belum pasti."),
        (
            semester,
            "Saran",
            "- Penanggung jawab mengunggah bukti dukung paling lambat tanggal 5 bulan berikutnya;",
        ),
        (semester, None, "- Tim menyusun jadwal pelatihan bersama BKPSDM untuk semester kedua."),
        (
            semester,
            "Tindak Lanjut",
            "- Sekretaris kecamatan menerbitkan surat edaran pengumpulan bukti dukung.",
        ),
        (semester, "Tanggal Laporan", f"15 Juli {year}" if tanggal is None else (tanggal or None)),
        (f"April {year}", "Permasalahan", "Rapat evaluasi bulan April tertunda karena kegiatan Musrenbang."),
    ):
        laporan.append([periode, bagian, isi])
    for row in book["Pengaturan"].iter_rows(min_row=2):
        if row[0].value == "Bentuk Monev":
            row[1].value = layout
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


def write_ods(path: Path, tables: Iterable[str]) -> Path:
    """An .ods as LibreOffice Calc lays one out, holding the <table:table> elements `tables`."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        "<office:body><office:spreadsheet>" + "".join(tables) + "</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path
