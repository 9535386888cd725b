"""Read the LaporanMonev sheet: the Monev report's chapters, each for every report or for one period."""

from __future__ import annotations

import re

from zi_sheets.common.model import EMPTY, LAPORAN_BAGIAN, CellValue, LaporanItem
from zi_sheets.common.text import normalize, split_marker
from zi_sheets.reading.tables import Table


def read_laporan_monev(table: Table) -> list[LaporanItem]:
    """The report's paragraphs and list items in order, each with its Bagian and its Periode (EMPTY: for
    every report)."""
    items = []
    bagian, periode = "", EMPTY
    canonical = {normalize(name): name for name in LAPORAN_BAGIAN}
    for record in table.records:
        written = record.get("bagian").text
        if written:
            bagian, periode = _laporan_bagian(written, canonical), record.get("periode")
        elif record.get("periode"):
            periode = record.get("periode")
        isi = record.get("isi")
        if not isi and bagian != "Tanggal Laporan":
            continue  # -- an empty Tanggal Laporan is kept: it asks for an undated report
        marker, rest = split_marker(isi.text)
        if marker:
            isi = CellValue(rest, isi.cell, isi.raw)
        items.append(LaporanItem(bagian, isi, periode, is_list_item=bool(marker)))
    return items


# -- Other names staff give the report's parts. --
_LAPORAN_VARIANTS = {
    "kendala": "Permasalahan",
    "kendala permasalahan": "Permasalahan",
    "permasalahan kendala": "Permasalahan",
    "hambatan": "Permasalahan",
    "masalah": "Permasalahan",
    "maksud dan tujuan": "Tujuan",
    "maksud": "Tujuan",
    "tujuan monev": "Tujuan",
    "rekomendasi": "Saran",
    "saran rekomendasi": "Saran",
    "rencana tindak lanjut": "Tindak Lanjut",
    "pengantar": "Kata Pengantar",
    "tanggal": "Tanggal Laporan",
    "tanggal penandatanganan": "Tanggal Laporan",
    "tanggal tanda tangan": "Tanggal Laporan",
    "pelaksanaan monev": "Pelaksanaan",
    "pelaksanaan monitoring dan evaluasi": "Pelaksanaan",
    "hasil pelaksanaan": "Pelaksanaan",
    "landasan hukum": "Dasar Hukum",
}


def _laporan_bagian(written: str, canonical: dict[str, str]) -> str:
    """The LAPORAN_BAGIAN a written Bagian names ("1.2 Tujuan" -> Tujuan), else the text as written."""
    norm = re.sub(r"^(?:bab [ivx]+ |[ivx]+ |[a-z] |\d+(?: \d+)* )", "", normalize(written))
    return canonical.get(norm) or _LAPORAN_VARIANTS.get(norm) or written
