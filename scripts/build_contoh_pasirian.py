"""Build workbook_templates/contoh-pasirian-2019.xlsx from the seed text of the 2019 Pasirian work plan.

Dev script, not part of the package. Usage (from the repo root):

    python scripts/build_contoh_pasirian.py [--seed PATH] [--out PATH]

The workbook is a FAITHFUL transcription of the seed: typos and defects (years 2017 and "208", "Feb-17",
the empty E-Office indicator, text naming Dispenduk/BKP/Kadin/Ka UPT/Dinas Kependudukan, ...) are kept on
purpose so that the checks have something real to find. Only conversion artefacts are removed; every
fix-up is explicit and commented below:

- `<b>`, `</b>`, `<i>`, `</i>` tags, markdown `#` / `**` and single `*` italics markers are removed;
- a table row split at a page break (a line of `--` cells, then the rest of the row) is joined back into
  one row, cell by cell, with a single space;
- a Rencana Aksi cell whose items are separated by two or more spaces is written one item per line
  (Alt+Enter in Excel).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = REPO_ROOT / ".." / "shared" / "seed" / "000_f43e085d05b554f3.txt"
DEFAULT_OUT = REPO_ROOT / "workbook_templates" / "contoh-pasirian-2019.xlsx"

# Kept local on purpose (dev script): the same lists as zi_sheets.common.model.AREAS / IDENTITAS_FIELDS.
AREA_NAMES = (
    "Manajemen Perubahan",
    "Penataan Tatalaksana",
    "Penataan Sistem Manajemen SDM",
    "Penguatan Akuntabilitas Kinerja",
    "Penguatan Pengawasan",
    "Peningkatan Kualitas Pelayanan Publik",
)
ROMAN = ("I", "II", "III", "IV", "V", "VI")
MONEV_STATUS = ("Selesai", "Dalam Proses", "Belum")

# ----------------------------------------------------------------------------------------------------
# Cleaning and table parsing
# ----------------------------------------------------------------------------------------------------

_TAGS = re.compile(r"</?[bi]>")
_SEPARATOR_CELL = re.compile(r"^-+$")


def clean(text: str) -> str:
    """Remove the conversion artefacts of one line or cell; keep every printed word."""
    text = _TAGS.sub("", text)  # fix-up: <b> </b> <i> </i> tags
    text = re.sub(r"^#+\s*", "", text)  # fix-up: markdown heading marks
    text = text.replace("**", "")  # fix-up: markdown bold
    text = text.replace("*", "")  # fix-up: markdown italics (*Grand Design*, *outcome*, ...)
    return text.strip()


def split_items(text: str) -> str:
    """Fix-up: items that the conversion separated by two or more spaces go on separate lines."""
    return "\n".join(part.strip() for part in re.split(r" {2,}", text) if part.strip())


def is_separator(line: str) -> bool:
    """A line of `--` cells: the conversion's page-break marker inside a table."""
    cells = [c.strip() for c in line.split("\t")]
    return "\t" in line and any(cells) and all(_SEPARATOR_CELL.match(c) or not c for c in cells)


@dataclass
class TableRow:
    line: int  # 1-based seed line of the row's first part
    cells: list[str]
    joined_from: list[int] = field(default_factory=list)  # seed lines joined into this row


def parse_table(lines: list[str], start: int, stop: int, width: int) -> list[TableRow]:
    """The rows of the tab-separated table in lines[start:stop] (0-based), without its header line.

    Fix-up: a row that continues after a separator line is joined to the previous row, cell by cell,
    the two parts separated by a single space.
    """
    rows: list[TableRow] = []
    continues = False
    separator_line = 0
    for index in range(start, stop):
        line = lines[index]
        if not line.strip():
            continue  # blank lines are page breaks between complete rows
        if is_separator(line):
            continues = True
            separator_line = index + 1
            continue
        if "\t" not in line:
            raise SystemExit(f"seed line {index + 1}: expected a table row, got {line!r}")
        cells = [clean(c) for c in line.split("\t")]
        cells = (cells + [""] * width)[:width]
        if continues:
            previous = rows[-1]
            pairs = zip(previous.cells, cells, strict=True)
            previous.cells = [" ".join(part for part in pair if part) for pair in pairs]
            previous.joined_from.append(index + 1)
            continues = False
        else:
            rows.append(TableRow(index + 1, cells))
    if continues:
        # The Monev matrix ends with a separator line followed by nothing: no row to join.
        print(f"  note: separator at seed line {separator_line} ends its table; nothing to join")
    return rows


def find_line(lines: list[str], predicate, after: int = 0) -> int:
    """Index of the first line at or after `after` for which predicate(cleaned line) holds."""
    for index in range(after, len(lines)):
        if predicate(clean(lines[index]), lines[index]):
            return index
    raise SystemExit("seed: expected marker not found")


# ----------------------------------------------------------------------------------------------------
# Seed sections
# ----------------------------------------------------------------------------------------------------

NARASI_HEADINGS = (  # heading text (cleaned, lower case, prefix) -> Bagian; None = no rows follow
    ("bab i pendahuluan", None),
    ("1.1 latar belakang", "Latar Belakang"),
    ("1.2 dasar hukum", "Dasar Hukum"),
    ("1.3 maksud dan tujuan", "Maksud dan Tujuan"),
    ("1.4 pengertian umum", "Pengertian Umum"),
    ("bab ii", None),
    ("program kerja pembangunan zona integritas", None),
    # The seed misspells "Pencanangan" as "Pencanaan" and numbers both BAB II sections "2.1".
    ("2.1 pencanaan pembangunan", "Pencanangan"),
    ("2.1 proses pembangunan", "Proses Pembangunan"),
    ("bab iv penutup", "Penutup"),
)


def parse_narasi(lines: list[str], start: int, stop: int) -> list[tuple[str, str]]:
    """(Bagian, Isi) for every paragraph or list item in lines[start:stop]; headings are not rows."""
    rows: list[tuple[str, str]] = []
    bagian: str | None = None
    for index in range(start, stop):
        raw = lines[index]
        if not raw.strip():
            continue
        text = clean(raw)
        if raw.lstrip().startswith("#"):
            match = [b for h, b in NARASI_HEADINGS if text.lower().startswith(h)]
            if not match:
                raise SystemExit(f"seed line {index + 1}: unknown heading {text!r}")
            bagian = match[0]
            continue
        if bagian is None:
            raise SystemExit(f"seed line {index + 1}: text outside a known section: {text!r}")
        rows.append((bagian, text))  # list items keep their printed number ("1. ...")
    return rows


@dataclass
class Komponen:
    no: str
    name: str
    indicators: list[list[str]] = field(default_factory=list)  # [indikator, langkah, bukti, target]


@dataclass
class Area:
    roman: str
    name: str  # as printed, e.g. "PENGUATAN AKUNTABILITAS"
    komponen: list[Komponen] = field(default_factory=list)

    @property
    def indicator_count(self) -> int:
        return sum(len(k.indicators) for k in self.komponen)


def group_rencana_aksi(rows: list[TableRow]) -> list[Area]:
    areas: list[Area] = []
    for row in rows:
        no, komponen, *rest = row.cells
        if no in ROMAN and not any(rest):
            areas.append(Area(no, komponen))
            continue
        if not areas:
            raise SystemExit(f"seed line {row.line}: indicator row before the first area")
        rest = [split_items(c) for c in rest]
        if no:
            areas[-1].komponen.append(Komponen(no, komponen))
        elif komponen or not areas[-1].komponen:
            raise SystemExit(f"seed line {row.line}: komponen without a number")
        areas[-1].komponen[-1].indicators.append(rest)
    return areas


@dataclass
class Seed:
    narasi: list[tuple[str, str]]
    areas: list[Area]
    ra_joined: list[TableRow]
    monev: list[tuple[int, str, str]]  # (matrix row, area, capaian)
    monev_joined: list[TableRow]
    monev_month: dt.date
    mekanisme: list[str]
    targets: list[str]


def read_seed(path: Path) -> Seed:
    lines = path.read_text(encoding="utf-8").splitlines()

    # -- Narrative: BAB I and II run from the BAB I heading to the BAB III heading; BAB IV to Lampiran 1.
    bab1 = find_line(lines, lambda t, r: r.startswith("#") and t.lower() == "bab i pendahuluan")
    bab3 = find_line(lines, lambda t, r: r.startswith("#") and t.lower() == "bab iii", bab1)
    bab4 = find_line(lines, lambda t, r: r.startswith("#") and t.lower().startswith("bab iv"), bab3)
    lampiran1 = find_line(lines, lambda t, r: t == "Lampiran 1.", bab4)
    narasi = parse_narasi(lines, bab1, bab3) + parse_narasi(lines, bab4, lampiran1)

    # -- Rencana Aksi: header row "NO KOMPONEN ..." up to the Monev title.
    ra_header = find_line(lines, lambda t, r: r.startswith("NO\tKOMPONEN"), bab3)
    monev_title = find_line(lines, lambda t, r: t.startswith("DOKUMEN MONITORING DAN EVALUASI"), ra_header)
    ra_rows = parse_table(lines, ra_header + 1, monev_title, 6)
    areas = group_rencana_aksi(ra_rows)

    # -- Monev: the month line, then the matrix up to BAB IV.
    month_line = find_line(lines, lambda t, r: t.upper().startswith("BULAN"), monev_title)
    if "Mei 2019" not in clean(lines[month_line]):
        raise SystemExit(f"seed line {month_line + 1}: expected 'BULAN : Mei 2019'")
    monev_header = find_line(lines, lambda t, r: r.startswith("NO\tMANAJEMEN PERUBAHAN"), month_line)
    headers = [clean(c) for c in lines[monev_header].split("\t")][1:]
    if len(headers) != 6:
        raise SystemExit("seed: the Monev matrix should have six area columns")
    monev_rows = parse_table(lines, monev_header + 1, bab4, 7)
    monev: list[tuple[int, str, str]] = []
    for row in monev_rows:  # matrix order: row 1 left to right, then row 2, ...
        for column, capaian in enumerate(row.cells[1:]):
            if capaian:  # an empty matrix cell is not an achievement
                monev.append((int(row.cells[0]), AREA_NAMES[column], capaian))

    # -- Lampiran 1: "1. text" lines; Lampiran 2: "No<TAB>Target Prioritas" table to the end of the file.
    lampiran2 = find_line(lines, lambda t, r: t == "Lampiran 2.", lampiran1)
    mekanisme = []
    for index in range(lampiran1, lampiran2):
        match = re.match(r"^(\d+)\.\s+(.*)$", clean(lines[index]))
        if match:
            if int(match.group(1)) != len(mekanisme) + 1:
                raise SystemExit(f"seed line {index + 1}: step out of order")
            mekanisme.append(match.group(2))
    target_header = find_line(lines, lambda t, r: r.startswith("No\tTarget Prioritas"), lampiran2)
    targets = []
    for row in parse_table(lines, target_header + 1, len(lines), 2):
        if int(row.cells[0]) != len(targets) + 1:
            raise SystemExit(f"seed line {row.line}: target out of order")
        targets.append(row.cells[1])

    return Seed(
        narasi=narasi,
        areas=areas,
        ra_joined=[r for r in ra_rows if r.joined_from],
        monev=monev,
        monev_joined=[r for r in monev_rows if r.joined_from],
        monev_month=dt.date(2019, 5, 1),
        mekanisme=mekanisme,
        targets=targets,
    )


# ----------------------------------------------------------------------------------------------------
# Workbook writing
# ----------------------------------------------------------------------------------------------------

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
AREA_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def put(ws: Worksheet, row: int, column: int, value, *, border: bool = True):
    """Write one cell ('' is written as a truly empty cell) with wrapped, top-aligned text."""
    cell = ws.cell(row=row, column=column, value=None if value == "" else value)
    cell.alignment = WRAP
    if border:
        cell.border = BORDER
    return cell


def header(ws: Worksheet, row: int, names: list[str], widths: list[int]) -> None:
    for column, (name, width) in enumerate(zip(names, widths, strict=True), start=1):
        cell = put(ws, row, column, name)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


IDENTITAS = (  # (field, value, keterangan)
    ("Nama Unit Kerja", "OPD Kecamatan Pasirian", "Nama unit kerja yang membangun Zona Integritas"),
    ("Pemerintah Daerah", "Pemerintah Kabupaten Lumajang", "Pemerintah daerah / instansi induk"),
    ("Kabupaten/Kota", "Kabupaten Lumajang", "Kabupaten atau kota tempat unit kerja"),
    ("Alamat", "", "Alamat kantor untuk kop surat (boleh kosong)"),
    ("Tahun", 2019, "Tahun rencana kerja (empat angka)"),
    ("Tempat Penetapan", "Lumajang", "Kota tempat dokumen ditetapkan"),
    ("Tanggal Penetapan", dt.date(2019, 1, 2), "Tanggal penetapan (sel tanggal atau teks '2 Januari 2019')"),
    ("Jabatan Pimpinan", "Kepala OPD Kecamatan Pasirian", "Jabatan pimpinan yang menandatangani"),
    ("Nama Pimpinan", "WAN HADI PURNOMO, S.TP, MM", "Nama lengkap dengan gelar"),
    ("NIP Pimpinan", "19750921 199602 1 002", "NIP 18 angka, ditulis sebagai teks"),
    ("Pangkat Pimpinan", "", "Pangkat/golongan (boleh kosong)"),
    ("Jabatan Ketua Tim", "Ketua Tim Pembangunan ZI", "Jabatan ketua tim dalam dokumen"),
    ("Nama Ketua Tim", "EGOL SUBANDI, S.AP", "Nama lengkap dengan gelar"),
    ("NIP Ketua Tim", "19630501 198512 1 001", "NIP 18 angka, ditulis sebagai teks"),
    ("Target Predikat", "WBK", "WBK atau WBBM"),
    ("Regulasi", "PermenPANRB 52/2014", "Versi katalog: sampai 2021 52/2014, mulai 2022 90/2021"),
    ("Logo", "", "Path berkas logo untuk kop (boleh kosong)"),
    ("Email Inspektorat", "", "Alamat email Inspektorat (boleh kosong)"),
)

PETUNJUK = (
    "CONTOH WORKBOOK ZONA INTEGRITAS - OPD KECAMATAN PASIRIAN TAHUN 2019",
    "",
    "Workbook ini adalah contoh yang disalin dari Dokumen Rencana Kerja Pembangunan Zona Integritas "
    "OPD Kecamatan Pasirian, Kabupaten Lumajang, tahun 2019 (ditetapkan 2 Januari 2019).",
    'Isinya disalin apa adanya: salah ketik dan kekeliruan dokumen asli (misalnya tahun 2017 dan "208", '
    '"Feb-17", indikator E-Office yang kosong, teks yang menyebut Dispenduk, BKP, Kadin, Ka UPT atau '
    "Dinas Kependudukan) sengaja dibiarkan agar pemeriksaan dapat menemukannya.",
    "",
    "Isi setiap lembar:",
    "- Identitas: data unit kerja, pimpinan, ketua tim, tahun dan tanggal penetapan (satu baris per isian).",
    "- Narasi: paragraf dan butir BAB I, BAB II dan BAB IV; kolom Bagian menyebut bagiannya. "
    "Judul bagian dibuat otomatis oleh dokumen.",
    "- RencanaAksi: matriks rencana aksi enam area (BAB III), satu baris per indikator; "
    "NO dan KOMPONEN digabung ke bawah untuk semua indikatornya.",
    "- Monev: capaian monitoring dan evaluasi bulan Mei 2019, satu baris per capaian.",
    "- MekanismeTim: langkah-langkah penetapan Tim Zona Integritas (Lampiran 1).",
    "- TargetPrioritas: target prioritas program kerja (Lampiran 2).",
    "- TimKerja: susunan tim kerja (dokumen asli tidak memuatnya, jadi masih kosong).",
    "",
    "Lembar Petunjuk ini tidak dibaca oleh program.",
)


def write_workbook(seed: Seed, out: Path) -> dict[str, int]:
    wb = Workbook()
    counts: dict[str, int] = {}

    # 1. Petunjuk
    ws = wb.active
    ws.title = "Petunjuk"
    ws.column_dimensions["A"].width = 120
    for row, text in enumerate(PETUNJUK, start=1):
        cell = put(ws, row, 1, text, border=False)
        if row == 1:
            cell.font = BOLD
    counts["Petunjuk"] = len(PETUNJUK)

    # 2. Identitas
    ws = wb.create_sheet("Identitas")
    header(ws, 1, ["Isian", "Nilai", "Keterangan"], [24, 40, 60])
    for row, (name, value, hint) in enumerate(IDENTITAS, start=2):
        put(ws, row, 1, name)
        cell = put(ws, row, 2, value)
        if isinstance(value, dt.date):
            cell.number_format = "d mmmm yyyy"
        elif name.startswith("NIP"):
            cell.number_format = "@"  # text: Excel keeps only 15 digits of a number
        put(ws, row, 3, hint)
    counts["Identitas"] = len(IDENTITAS)

    # 3. Narasi
    ws = wb.create_sheet("Narasi")
    header(ws, 1, ["Bagian", "Isi"], [20, 120])
    for row, (bagian, isi) in enumerate(seed.narasi, start=2):
        put(ws, row, 1, bagian)
        put(ws, row, 2, isi)
    counts["Narasi"] = len(seed.narasi)

    # 4. RencanaAksi (the grouped layout of the seed)
    ws = wb.create_sheet("RencanaAksi")
    title = "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS"
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=13)
    ws.cell(row=2, column=1, value="OPD KECAMATAN PASIRIAN TAHUN 2019").font = Font(bold=True, size=12)
    header(
        ws,
        4,
        ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"],
        [6, 28, 45, 55, 45, 24],
    )
    row = 5
    for area in seed.areas:
        for column, value in enumerate([area.roman, area.name, "", "", "", ""], start=1):
            cell = put(ws, row, column, value)
            cell.font = BOLD
            cell.fill = AREA_FILL
        row += 1
        for komponen in area.komponen:
            first = row
            for indicator in komponen.indicators:
                is_first = row == first
                put(ws, row, 1, int(komponen.no) if is_first else "")
                put(ws, row, 2, komponen.name if is_first else "")
                for column, value in enumerate(indicator, start=3):
                    put(ws, row, column, value)
                row += 1
            if row - 1 > first:  # NO and KOMPONEN merged down over all rows of the komponen
                ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
                ws.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
    counts["RencanaAksi"] = sum(a.indicator_count for a in seed.areas)

    # 5. Monev
    ws = wb.create_sheet("Monev")
    columns = ["Bulan", "Area", "Capaian", "Status", "Ref Rencana Aksi", "Bukti Dukung", "Kendala"]
    header(ws, 1, columns + ["Tindak Lanjut"], [14, 34, 60, 14, 16, 30, 30, 30])
    last = len(seed.monev) + 1
    for row, (_, area, capaian) in enumerate(seed.monev, start=2):
        put(ws, row, 1, seed.monev_month).number_format = "mmmm yyyy"
        put(ws, row, 2, area)
        put(ws, row, 3, capaian)
        for column in range(4, 9):
            put(ws, row, column, "")
    area_list = DataValidation(type="list", formula1='"' + ",".join(AREA_NAMES) + '"', allow_blank=True)
    status_list = DataValidation(type="list", formula1='"' + ",".join(MONEV_STATUS) + '"', allow_blank=True)
    ws.add_data_validation(area_list)
    ws.add_data_validation(status_list)
    area_list.add(f"B2:B{max(last, 200)}")
    status_list.add(f"D2:D{max(last, 200)}")
    counts["Monev"] = len(seed.monev)

    # 6. MekanismeTim
    ws = wb.create_sheet("MekanismeTim")
    header(ws, 1, ["No", "Langkah"], [6, 120])
    for number, langkah in enumerate(seed.mekanisme, start=1):
        put(ws, number + 1, 1, number)
        put(ws, number + 1, 2, langkah)
    counts["MekanismeTim"] = len(seed.mekanisme)

    # 7. TargetPrioritas
    ws = wb.create_sheet("TargetPrioritas")
    header(ws, 1, ["No", "Target Prioritas", "Area"], [6, 100, 34])
    for number, target in enumerate(seed.targets, start=1):
        put(ws, number + 1, 1, number)
        put(ws, number + 1, 2, target)
        put(ws, number + 1, 3, "")
    counts["TargetPrioritas"] = len(seed.targets)

    # 8. TimKerja (the seed has no team list)
    ws = wb.create_sheet("TimKerja")
    header(ws, 1, ["No", "Nama", "NIP", "Jabatan", "Kedudukan dalam Tim"], [6, 36, 24, 40, 28])
    counts["TimKerja"] = 0

    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="seed text (default: %(default)s)")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="workbook to write (default: %(default)s)"
    )
    args = parser.parse_args(argv)

    seed = read_seed(args.seed)
    if [a.roman for a in seed.areas] != list(ROMAN):
        raise SystemExit(f"seed: expected areas I..VI, found {[a.roman for a in seed.areas]}")
    counts = write_workbook(seed, args.out)

    print(f"wrote {args.out}")
    for sheet, count in counts.items():
        print(f"  {sheet:16} {count:3} rows")
    print("RencanaAksi indicators per area:")
    for area in seed.areas:
        per_komponen = ", ".join(f"{k.no}:{len(k.indicators)}" for k in area.komponen)
        print(f"  {area.roman:4} {area.name:40} {area.indicator_count:3}  (komponen {per_komponen})")
    print("Monev achievements per area:")
    for name in AREA_NAMES:
        print(f"  {name:40} {sum(1 for _, a, _ in seed.monev if a == name):3}")
    if len(seed.monev) != 22:
        print(f"  note: the issue tracker expects 22 Monev rows; the May 2019 matrix holds {len(seed.monev)}")
    print("Rows joined across page breaks (seed lines):")
    for row in seed.ra_joined + seed.monev_joined:
        print(f"  {row.line} + {row.joined_from}: {row.cells[2][:60]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
