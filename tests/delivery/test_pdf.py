"""The documents as a real office suite renders them: LibreOffice converts, poppler reads the PDF back.

Skipped only where LibreOffice or poppler-utils is missing on a developer's machine; CI installs both and
sets ZI_SHEETS_REQUIRE_OFFICE=1, so there a missing suite fails instead of skipping.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLE
from docx import Document
from pdf_pages import page_sizes_mm, page_text

from zi_sheets.analysis.periods import Period
from zi_sheets.delivery.builder import BuildOptions, build
from zi_sheets.delivery.pdf import find_office

_MISSING = find_office() is None or shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None
if _MISSING and os.environ.get("ZI_SHEETS_REQUIRE_OFFICE"):
    raise RuntimeError("ZI_SHEETS_REQUIRE_OFFICE is set but LibreOffice or poppler-utils is not installed")
pytestmark = pytest.mark.skipif(
    _MISSING, reason="LibreOffice (soffice) atau poppler-utils (pdftotext, pdfinfo) tidak terpasang"
)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(EXAMPLE, BuildOptions(output=tmp_path_factory.mktemp("pdf"), pdf=True))


@pytest.fixture(scope="module")
def pdfs(built) -> dict[str, Path]:
    assert len(built.pdfs) == len(built.documents) == 3
    return {kind: next(p for p in built.pdfs if kind in p.name) for kind in ("Rencana", "Lampiran", "Monev")}


def _rencana(pdfs):
    return next(p for p in pdfs.values() if "Rencana Kerja" in p.name and "Lampiran" not in p.name)


def test_every_page_is_f4(pdfs):
    for pdf in pdfs.values():
        for width, height in page_sizes_mm(pdf):
            assert sorted((round(width), round(height))) == [215, 330], pdf.name


def test_landscape_exactly_where_the_rencana_aksi_table_is(pdfs):
    pdf = _rencana(pdfs)
    sizes = page_sizes_mm(pdf)
    landscape = [number for number, (w, h) in enumerate(sizes, start=1) if w > h]
    with_table = [n for n in range(1, len(sizes) + 1) if "LANGKAH AKSI" in page_text(pdf, n)]
    assert landscape == with_table
    assert landscape == list(range(landscape[0], landscape[-1] + 1))  # one run of pages
    assert 1 not in landscape and len(sizes) not in landscape  # cover portrait, BAB IV portrait


def test_rencana_aksi_header_on_each_of_its_pages(pdfs):
    pdf = _rencana(pdfs)
    landscape = [n for n, (w, h) in enumerate(page_sizes_mm(pdf), start=1) if w > h]
    header = "NOKOMPONENINDIKATORLANGKAHAKSIBUKTIFISIKTARGETWAKTU"
    assert len(landscape) >= 3
    for number in landscape:
        assert header in squeeze(page_text(pdf, number)), number


def test_monev_matrix_pages_are_landscape(pdfs):
    sizes = page_sizes_mm(pdfs["Monev"])
    assert all(w > h for w, h in sizes)


def test_no_text_lost(built, pdfs):
    for document_path in built.documents:
        pdf = document_path.with_suffix(".pdf")
        pages = len(page_sizes_mm(pdf))
        text = squeeze("".join(page_text(pdf, n) for n in range(1, pages + 1)))
        document = Document(str(document_path))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    lines += [p.text for p in cell.paragraphs]
        for line in lines:
            assert squeeze(line) in text, (document_path.name, line)


def test_page_numbers_present_and_increasing(pdfs):
    for kind, pdf in pdfs.items():
        pages = len(page_sizes_mm(pdf))
        numbers = []
        for number in range(1, pages + 1):
            lines = [
                line.strip() for line in page_text(pdf, number, layout=True).splitlines() if line.strip()
            ]
            numbers.append(int(lines[-1]) if lines and lines[-1].isdigit() else None)
        # -- the Rencana Kerja's cover carries no number; every other page does, in order
        first = 2 if kind == "Rencana" else 1
        assert numbers[first - 1 :] == list(range(first, pages + 1)), (pdf.name, numbers)


# ---------------------------------------------------------------------------------------------------------
# Page layouts an office suite decides: covers with a logo, NIPs, signature blocks at a page's foot.
# All documents below are converted together, in one LibreOffice start per core.

PAPERS = {"F4": (215, 330), "A4": (210, 297), "Folio": (216, 330)}
TEAM = [
    ("SITI AMINAH, S.AP", "198001012005012003", "Sekretaris Dinas", "Ketua"),
    (
        "Dr. H. MUHAMMAD ABDUL ROZAQ, S.KM., M.Kes.",
        "197805122005012009",
        "Kepala Bidang Pelayanan",
        "Anggota",
    ),
    ("RINA", "199001012015032001", "Analis", "Sekretaris"),
]
POSITION = "Kepala Dinas Kesehatan Kabupaten Lumajang Provinsi Jawa Timur"
# -- tindak lanjut lines before the Monev's signature: together they walk the block down a whole page
SWEEP = range(0, 24, 2)


def _sweep_workbook(path: Path, lines: int) -> Path:
    from conftest import IDENTITAS_ROWS, PLAN_HEADER, plan_row
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    area = "I. Manajemen Perubahan"
    monev = [
        ["Bulan", "Area", "Capaian", "Status", "Ref Rencana Aksi", "Bukti Dukung", "Kendala", "Tindak Lanjut"]
    ]
    monev += [
        ["Mei 2024", area, f"Capaian {n}", "Selesai", None, None, None, f"Tindak lanjut {n}"]
        for n in range(lines)
    ]
    monev += [["Mei 2024", area, "Capaian", "Selesai", None, None, None, None]]
    sheets = {
        "Identitas": IDENTITAS_ROWS,
        "RencanaAksi": [PLAN_HEADER, plan_row(area, "Tim Kerja", "Tim kerja dibentuk", target="Mei 2024")],
        "Monev": monev,
    }
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture(scope="module")
def layouts(tmp_path_factory) -> dict[str, Path]:
    """PDFs by name: "cover-<paper>" (Rencana Kerja with a logo and a unit name on two lines),
    "tim-<size>" (Lampiran with TimKerja, table font <size> pt, A4), "sweep-<n>" (Monev, n lines before
    the signature)."""
    from factory import logo_png, unit_workbook

    from zi_sheets.analysis.analyse import analyse
    from zi_sheets.delivery.pdf import convert_many
    from zi_sheets.reading.workbook import read_workbook
    from zi_sheets.render.monev import build_monev

    folder = tmp_path_factory.mktemp("layouts")
    logo = logo_png(folder / "logo.png")
    documents: dict[str, Path] = {}
    unit = "UPTD Puskesmas Rawat Inap Sumbersuko Dinas Kesehatan Kabupaten Lumajang"
    cases = {f"cover-{paper}": ({"Ukuran Kertas": paper}, "Rencana Kerja") for paper in PAPERS}
    cases |= {
        f"tim-{size}": ({"Ukuran Kertas": "A4", "Ukuran Huruf Tabel": size}, "Lampiran") for size in (10, 14)
    }
    for name, (settings, kind) in cases.items():
        workbook = unit_workbook(
            folder / f"{name}.xlsx",
            unit=unit,
            rows=4,
            identitas={"Logo": str(logo), "Jabatan Pimpinan": POSITION},
            settings=settings,
            tim_kerja=TEAM,
        )
        result = build(workbook, BuildOptions(output=folder / name))
        documents[name] = next(p for p in result.documents if p.name.startswith(f"1.ii.a {kind}"))
    for lines in SWEEP:
        analysis = analyse(read_workbook(_sweep_workbook(folder / f"sweep-{lines}.xlsx", lines)))
        path = folder / f"sweep-{lines}.docx"
        build_monev(analysis, Period.month(2024, 5)).save(str(path))
        documents[f"sweep-{lines}"] = path
    converted = convert_many(list(documents.values()), jobs=2)
    assert all(converted.values()), [d.name for d, pdf in converted.items() if pdf is None]
    return {name: converted[path] for name, path in documents.items()}  # type: ignore[misc]


def pages_of(pdf: Path) -> list[str]:
    """The text of every page, laid out as printed, spaces squeezed."""
    return [re.sub(r" +", " ", page_text(pdf, n, layout=True)) for n in range(1, len(page_sizes_mm(pdf)) + 1)]


@pytest.mark.parametrize("paper", list(PAPERS))
def test_a_logo_never_pushes_the_cover_onto_a_second_page(layouts, paper) -> None:
    pdf = layouts[f"cover-{paper}"]
    width, height = page_sizes_mm(pdf)[0]
    assert (round(width), round(height)) == pytest.approx(PAPERS[paper], abs=1)
    images = subprocess.run(
        ["pdfimages", "-list", "-f", "1", "-l", "1", str(pdf)], capture_output=True, text=True
    )
    assert len(images.stdout.strip().splitlines()) == 3, (
        "the logo is on the cover"
    )  # -- two header lines + one
    cover, approval = pages_of(pdf)[:2]
    assert "Disusun oleh:" in cover and "TIM ZONA INTEGRITAS" in cover
    assert "PEMERINTAH KABUPATEN CONTOH" in cover  # -- the government block at the cover's foot
    assert "Mengetahui," in approval and "Disusun" not in approval


@pytest.mark.parametrize("size", [10, 14])
def test_nips_never_wrap_in_the_tim_kerja_table(layouts, size) -> None:
    from zi_sheets.render.word.signature import format_nip

    text = "\n".join(pages_of(layouts[f"tim-{size}"]))
    for _, nip, _, _ in TEAM:
        assert format_nip(nip) in text, (size, nip)


def test_signature_names_share_one_line(layouts) -> None:
    for name in ("cover-A4", "tim-10", "sweep-0"):
        lines = [line for page in pages_of(layouts[name]) for line in page.splitlines()]
        together = [line for line in lines if "BUDI SANTOSO" in line and "SITI AMINAH, S.AP" in line]
        assert together, name


def test_a_signature_block_never_stands_alone_on_a_page(layouts) -> None:
    for lines in SWEEP:
        pages = pages_of(layouts[f"sweep-{lines}"])
        (page,) = [page for page in pages if "SITI AMINAH" in page]
        assert "KETUA TIM PEMBANGUNAN ZI" in page  # -- positions, names and NIPs on one page
        body = [
            line
            for line in page.splitlines()
            if line.strip()
            and not re.search(r"SITI|BUDI|NIP\.|Mengetahui|KETUA|CAMAT|Contoh, 31|^\s*\d+\s*$", line)
        ]
        assert body, f"{lines} lines: the signature stands alone on its page"


# ---------------------------------------------------------------------------------------------------------
# The Monev's pages (issue 24, class 8): a chart kept with its text, a late list of short rows.

CORPUS_PLAN = Path(__file__).parents[1] / "data" / "corpus" / "patp-2021.xlsx"


def _chart_page(pdf: Path) -> int:
    """The page (from 1) holding the progress chart: the one picture of a Monev without a letterhead logo."""
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
    pages = [int(line.split()[0]) for line in listing.stdout.splitlines()[2:] if line.split()]
    return pages[-1]


def _filled_share(pdf: Path, page: int) -> float:
    """How far down `page` its content (text or picture; the page number at its foot left out) reaches, as
    a share of its height: the page rendered, its inked rows read."""
    from PIL import Image

    out = subprocess.run(
        ["pdftoppm", "-r", "30", "-gray", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    image = Image.open(io.BytesIO(out))
    width, height = image.size
    pixels = image.load()
    inked = [y for y in range(height) if any(pixels[x, y] < 160 for x in range(width))]  # type: ignore[index]
    blocks: list[list[int]] = []
    for y in inked:
        if blocks and y - blocks[-1][1] <= 3:
            blocks[-1][1] = y
        else:
            blocks.append([y, y])
    return blocks[-2][1] / height  # -- the last block is the page number


@pytest.fixture(scope="module")
def corpus_monev(tmp_path_factory) -> Path:
    result = build(CORPUS_PLAN, BuildOptions(output=tmp_path_factory.mktemp("corpus"), semester=1, pdf=True))
    return next(p for p in result.pdfs if "Monev" in p.name)


def test_the_late_list_of_a_plan_with_merged_target_texts_fits_in_three_pages(corpus_monev) -> None:
    # -- 22 late actions; printed with the plan's merged Target Prioritas text they took 9 pages
    late = [
        n
        for n in range(1, len(page_sizes_mm(corpus_monev)) + 1)
        if re.search(r"AREA\s+KOMPONEN\s+LANGKAH AKSI\s+TARGET\s+WAKTU", page_text(corpus_monev, n))
    ]
    assert 1 <= len(late) <= 3, late
    assert "Meningkatnya penggunaan TI" not in "".join(page_text(corpus_monev, n) for n in late)


def test_the_chart_page_is_not_left_half_empty(pdfs, corpus_monev) -> None:
    for pdf in (pdfs["Monev"], corpus_monev):
        page = _chart_page(pdf)
        assert _filled_share(pdf, page) > 0.5, (pdf.name, page)
        assert "Dari " in page_text(pdf, page), (pdf.name, page)  # -- an area's sentence shares its page
