"""House style: paper, fonts, page numbers, signatures and letterhead, from the optional Pengaturan sheet.

Kept free of python-docx so `check` can validate the settings without loading the document machinery.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from zi_sheets.common.model import CellValue, Workbook
from zi_sheets.common.regular_files import inside, is_regular_file, read_regular_file

# -- Paper sizes offices use, in mm (portrait width, height). Folio is 8.5 x 13 inch. --
PAPERS: dict[str, tuple[float, float]] = {"F4": (215, 330), "A4": (210, 297), "Folio": (215.9, 330.2)}
# -- Page-number position: (part of the page, alignment). --
PAGE_NUMBER_POSITIONS: dict[str, tuple[str, str]] = {
    "Bawah Tengah": ("footer", "center"),
    "Bawah Kanan": ("footer", "right"),
    "Atas Tengah": ("header", "center"),
    "Atas Kanan": ("header", "right"),
}
# -- Signatory name style: (bold, underline). --
SIGNER_STYLES: dict[str, tuple[bool, bool]] = {
    "Tebal dan Garis Bawah": (True, True),
    "Tebal": (True, False),
    "Garis Bawah": (False, True),
    "Biasa": (False, False),
}
YES_NO = {"Ya": True, "Tidak": False}
# -- Which matrices the Monev report prints: (achievements per area as the seed, realisation per planned
# -- action); None: by what the workbook holds for the period. --
MONEV_LAYOUTS: dict[str, tuple[bool, bool] | None] = {
    "Otomatis": None,
    "Matriks Capaian": (True, False),
    "Matriks Rencana Aksi": (False, True),
    "Keduanya": (True, True),
}
# -- Which Monev reports get chapters (cover, Pendahuluan, Pelaksanaan, ..., from sheet LaporanMonev). --
MONEV_CHAPTERS = {"Triwulan dan Semester": "period", "Setiap Laporan": "always", "Tidak": "never"}
# -- Who signs the Rencana Kerja and its Lampiran: True for the single "Ditetapkan di" signer. --
SIGNERS: dict[str, bool] = {"Pimpinan dan Ketua Tim": False, "Pimpinan": True}
# -- How an 18-digit NIP is printed: True for "19750921 199602 1 002", False for "197509211996021002". --
NIP_FORMATS: dict[str, bool] = {"Dengan Spasi": True, "Tanpa Spasi": False}


@dataclass(frozen=True)
class Setting:
    """One row of the Pengaturan sheet as `init` writes it: name, default, accepted values (None: free)."""

    name: str
    default: object
    hint: str
    choices: tuple[str, ...] | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "Ukuran Kertas",
        "F4",
        "F4 (215 x 330 mm), A4 (210 x 297 mm) atau Folio (8,5 x 13 inci).",
        tuple(PAPERS),
    ),
    Setting("Jenis Huruf", "Arial", "Nama huruf seperti di Word, mis. Arial, Bookman Old Style."),
    Setting("Ukuran Huruf", 12, "Ukuran huruf isi dokumen (poin), 9 sampai 16."),
    Setting("Ukuran Huruf Tabel", 10, "Ukuran huruf tabel lebar (poin), 7 sampai 14."),
    Setting("Posisi Nomor Halaman", "Bawah Tengah", "Letak nomor halaman.", tuple(PAGE_NUMBER_POSITIONS)),
    Setting("Gaya Nama Penandatangan", "Tebal dan Garis Bawah", "Gaya nama pejabat.", tuple(SIGNER_STYLES)),
    Setting(
        "Kop Surat", "Ya", "Ya: kop (logo, pemda, unit, alamat) di halaman pertama Monev.", tuple(YES_NO)
    ),
    Setting(
        "Bentuk Monev",
        "Otomatis",
        "Matriks Capaian (capaian per area, sheet Monev), Matriks Rencana Aksi (setiap langkah aksi dengan "
        "realisasinya), Keduanya, atau Otomatis (menurut isian sheet Monev dan Realisasi).",
        tuple(MONEV_LAYOUTS),
    ),
    Setting(
        "Bab Laporan Monev",
        "Triwulan dan Semester",
        "Laporan Monev dengan bab dari sheet LaporanMonev (Pendahuluan, Pelaksanaan, Permasalahan dan Saran, "
        "Penutup): untuk laporan triwulan dan semester, setiap laporan, atau tidak pernah.",
        tuple(MONEV_CHAPTERS),
    ),
    Setting("Sampul Laporan Monev", "Ya", "Ya: laporan Monev yang berbab diberi sampul.", tuple(YES_NO)),
    Setting(
        "Penandatangan",
        "Pimpinan dan Ketua Tim",
        "Rencana Kerja dan Lampiran. Pimpinan dan Ketua Tim: dua kolom dengan 'Mengetahui,' di halaman "
        "pengesahan. Pimpinan: satu penandatangan 'Ditetapkan di / Pada tanggal' di akhir naskah.",
        tuple(SIGNERS),
    ),
    Setting(
        "Format NIP",
        "Dengan Spasi",
        "Dengan Spasi: 19750921 199602 1 002. Tanpa Spasi: 197509211996021002.",
        tuple(NIP_FORMATS),
    ),
)


@dataclass(frozen=True)
class Letterhead:
    """The kop: an optional logo image and the lines beside it (government, unit, address)."""

    lines: tuple[str, ...]
    logo: Path | None = None
    # -- the index in `lines` of the unit's name, printed largest; the hierarchy above it, the address below
    unit_line: int = 1


@dataclass(frozen=True)
class PageStyle:
    """Paper, margins, fonts and house-style choices of a document; defaults follow Tata Naskah Dinas.

    `landscape_margins_cm` (top, bottom, left, right) is None to rotate the portrait margins with the sheet,
    so the binding margin (portrait left) becomes the landscape top. `template` is a Word file whose styles
    the documents take (None: zi-sheets' own styles); `letterhead` None means no kop. `single_signer` puts
    the Pimpinan alone ("Ditetapkan di") under the Rencana Kerja and Lampiran; `nip_spaced` prints NIPs
    grouped 8-6-1-3.
    """

    paper_width_mm: float = 215
    paper_height_mm: float = 330
    margin_top_cm: float = 2.0
    margin_bottom_cm: float = 2.5
    margin_left_cm: float = 3.0
    margin_right_cm: float = 2.0
    landscape_margins_cm: tuple[float, float, float, float] | None = None
    font_name: str = "Arial"
    body_size_pt: float = 12
    table_size_pt: float = 10
    line_spacing: float = 1.5
    language: str = "id-ID"
    page_number_position: str = "Bawah Tengah"
    signer_bold: bool = True
    signer_underline: bool = True
    single_signer: bool = False
    nip_spaced: bool = True
    letterhead: Letterhead | None = None
    template: Path | None = None

    @classmethod
    def a4(cls, **changes: object) -> PageStyle:
        """The same style on A4 paper (210 x 297 mm); `changes` override any other field."""
        return cls(paper_width_mm=210, paper_height_mm=297, **changes)  # type: ignore[arg-type]

    def margins_cm(self, landscape: bool = False) -> tuple[float, float, float, float]:
        """(top, bottom, left, right) in cm for a portrait or landscape section."""
        if not landscape:
            return (self.margin_top_cm, self.margin_bottom_cm, self.margin_left_cm, self.margin_right_cm)
        if self.landscape_margins_cm is not None:
            return self.landscape_margins_cm
        # -- the sheet turned a quarter clockwise: left edge to the top, top to the right, and so on --
        return (self.margin_left_cm, self.margin_right_cm, self.margin_bottom_cm, self.margin_top_cm)


@dataclass(frozen=True)
class SettingProblem:
    """A Pengaturan value that could not be used (the default was used instead) or a missing logo file."""

    name: str
    value: CellValue
    expected: str


@dataclass(frozen=True)
class MonevLayout:
    """What a Monev report holds: the matrices (`matrices` None: by what the workbook holds for the period;
    else (achievements per area, realisation per planned action)), when it has chapters ("period": for a
    quarter or a half year, "always", "never") and whether a report with chapters has a cover."""

    matrices: tuple[bool, bool] | None = None
    chapters: str = "period"
    cover: bool = True


@dataclass
class HouseStyle:
    """The PageStyle a workbook asks for, its Monev layout, and what in its settings could not be used."""

    style: PageStyle
    problems: list[SettingProblem] = field(default_factory=list)
    monev: MonevLayout = MonevLayout()


def house_style(workbook: Workbook, template: Path | None = None) -> HouseStyle:
    """The PageStyle the Pengaturan sheet and Identitas ask for; defaults where a value is unusable."""
    problems: list[SettingProblem] = []
    settings = workbook.pengaturan

    def choice(name: str, options: Mapping[str, Any]) -> Any:
        value = settings.get(name)
        setting = next(s for s in SETTINGS if s.name == name)
        if value is None or not value.text:
            return options[str(setting.default)]
        key = next((k for k in options if k.lower() == value.text.strip().lower()), None)
        if key is None:
            problems.append(SettingProblem(name, value, "salah satu dari: " + ", ".join(options)))
            return options[str(setting.default)]
        return options[key]

    def number(name: str, low: float, high: float) -> float | None:
        value = settings.get(name)
        if value is None or not value.text:
            return None
        try:
            number_value = float(value.text.replace(",", "."))
        except ValueError:
            number_value = -1
        if not low <= number_value <= high:
            problems.append(SettingProblem(name, value, f"angka {low:g} sampai {high:g}"))
            return None
        return number_value

    width, height = choice("Ukuran Kertas", PAPERS)
    bold, underline = choice("Gaya Nama Penandatangan", SIGNER_STYLES)
    position = choice("Posisi Nomor Halaman", {k: k for k in PAGE_NUMBER_POSITIONS})
    style = PageStyle(
        paper_width_mm=width,
        paper_height_mm=height,
        page_number_position=str(position),
        signer_bold=bold,
        signer_underline=underline,
        single_signer=choice("Penandatangan", SIGNERS),
        nip_spaced=choice("Format NIP", NIP_FORMATS),
        template=template,
    )
    font = settings.get("Jenis Huruf")
    if font is not None and font.text:
        style = replace(style, font_name=font.text.strip())
    body = number("Ukuran Huruf", 9, 16)
    table = number("Ukuran Huruf Tabel", 7, 14)
    style = replace(
        style, body_size_pt=body or style.body_size_pt, table_size_pt=table or style.table_size_pt
    )
    if choice("Kop Surat", YES_NO):
        style = replace(style, letterhead=_letterhead(workbook, problems))
    monev = MonevLayout(
        choice("Bentuk Monev", MONEV_LAYOUTS),
        choice("Bab Laporan Monev", MONEV_CHAPTERS),
        choice("Sampul Laporan Monev", YES_NO),
    )
    return HouseStyle(style, problems, monev)


def _letterhead(workbook: Workbook, problems: list[SettingProblem]) -> Letterhead:
    identitas = workbook.identitas
    above = [line.upper() for line in identitas.induk]
    unit = [identitas.nama_unit.upper()] if identitas.nama_unit else []
    address = [identitas.text("Alamat")] if identitas.text("Alamat") else []
    lines = tuple(above + unit + address)
    logo_value = identitas.get("Logo")
    logo = None
    if logo_value.text:
        folder = workbook.path.parent
        # -- a relative path is read from the workbook's folder, where users keep the logo beside it
        candidate = folder / Path(logo_value.text)
        expected = _logo_problem(candidate, folder)
        if expected:
            problems.append(SettingProblem("Logo", logo_value, expected))
        else:
            logo = candidate
    return Letterhead(lines, logo, unit_line=len(above) if unit else -1)


# -- The first bytes of the image formats Word embeds; a renamed or damaged file is refused early. --
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")
# -- A kop's logo is a few hundred kilobytes; a bigger file is not read into the documents. --
MAX_LOGO_BYTES = 20 * 1024 * 1024


def read_logo(path: Path) -> bytes | None:
    """The logo's bytes when it is a regular file of at most MAX_LOGO_BYTES; None otherwise (a pipe, a
    device or a folder is never read, see `common.regular_files`)."""
    return read_regular_file(path, MAX_LOGO_BYTES)


def _logo_problem(path: Path, folder: Path) -> str | None:
    """What the Logo cell must name instead of `path` (the `expected` of its finding); None when usable.

    -- Only a regular image file inside the workbook's folder is a logo: a workbook from someone else must
    -- not make the build read a system file (/etc/passwd) or block on a pipe or a device (/dev/zero). --
    """
    if not inside(path, [folder]):
        return "berkas gambar PNG/JPG di dalam folder workbook (berkas di luar folder itu tidak dibuka)"
    if not path.exists():
        return "berkas gambar PNG/JPG yang ada"
    if not is_regular_file(path):
        return "berkas gambar PNG/JPG biasa (bukan folder, pipa atau perangkat)"
    data = read_logo(path)
    if data is None:
        return f"berkas gambar PNG/JPG yang dapat dibaca, paling besar {MAX_LOGO_BYTES // (1024 * 1024)} MB"
    if not data.startswith(_IMAGE_SIGNATURES):
        return "berkas gambar PNG/JPG yang ada"
    return None
