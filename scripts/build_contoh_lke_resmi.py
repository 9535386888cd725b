"""Build workbook_templates/contoh-lke-resmi-sukamaju-2026.xlsx: the official LKE ZI workbook (PermenPANRB
90/2021 Lampiran III, the real blank in tests/data/lke/) filled for a fictional unit, Puskesmas Sukamaju.

Dev script, not part of the package. Usage (from the repo root):

    python scripts/build_contoh_lke_resmi.py [--out PATH]

The blank's formulas are kept (they are what `nilai` compares with the regulation's weights); the real
unit's links left in its Bukti and Link columns are removed and replaced by the fictional unit's. Answers
are a fixed, plausible mix: mostly good, a few weak, the Hasil surveys written as units get them (an index
0-4, the SKM's 0-100 index), the LHKPN percentage left to the sheet's own Jumlah rows.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
BLANK = ROOT / "tests" / "data" / "lke" / "LKE-ZI-kosong.xlsx"
OUT = ROOT / "workbook_templates" / "contoh-lke-resmi-sukamaju-2026.xlsx"
SHEET = "LKE ZI"
PILIHAN, JAWABAN, NILAI, CATATAN, BUKTI, LINK = 10, 11, 12, 15, 16, 17
SITE = "https://pkm-sukamaju.contoh.go.id/zi"
# -- Weaker answers than the rule below gives, so the example has gaps to close. --
WEAK = {"P.3.iii.c": "C", "P.5.iv.b": "B", "P.5.iv.c": "C", "R.2.iii.b": "C", "P.6.ii.f": "B"}
SURVEYS = {"H.I.a": "3,58", "H.II.a": "86,40"}  # -- IPAK as an index 0-4, the service survey (SKM) 0-100
JUMLAH = {"R.5.iii.i.a.2": 1, "R.5.iii.i.a.3": 4, "R.5.iii.i.a.4": 0, "R.5.iii.i.a.5": 5}


def _codes(sheet) -> dict[int, str]:
    """The blank's question rows, by position, with the catalogue's codes (as tests/lke_official.py)."""
    import csv

    with (ROOT / "zi_sheets" / "data" / "catalogue-90-2021.csv").open(encoding="utf-8") as handle:
        entries = list(csv.DictReader(handle))
    rows = [
        row
        for row in range(1, sheet.max_row + 1)
        if str(sheet.cell(row, NILAI).value or "").startswith("=IF") and sheet.cell(row, PILIHAN).value
    ]
    return {row: entry for row, entry in zip(rows, entries, strict=True)}


def build(out: Path) -> Path:
    shutil.copyfile(BLANK, out)
    book = openpyxl.load_workbook(out)
    sheet = book[SHEET]
    for row in range(3, sheet.max_row + 1):
        for column in (BUKTI, LINK):
            sheet.cell(row, column).value = None  # -- the real unit's links
    for row, entry in _codes(sheet).items():
        code, kind = entry["indicator_code"], entry["answer_type"]
        if code in JUMLAH:
            sheet.cell(row, JAWABAN).value = JUMLAH[code]
            continue
        if entry["is_scored"] != "ya" or code == "R.5.iii.i.a":
            continue  # -- the other Jumlah rows stay empty; LHKPN's percentage is the sheet's formula
        if code in SURVEYS:
            answer: object = SURVEYS[code]
        elif code in WEAK:
            answer = WEAK[code]
        elif kind == "Ya/Tidak":
            answer = "Ya"
        elif kind.startswith("A/"):
            answer = "A" if sum(map(ord, code)) % 3 else "B"
        elif kind.startswith("%"):
            answer = 0.9
        else:
            answer = "A"
        sheet.cell(row, JAWABAN).value = answer
        sheet.cell(row, CATATAN).value = "Dokumen tersedia; diperbarui Triwulan III 2026."
        sheet.cell(row, LINK).value = f"{SITE}/{code}"
    book.save(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    print(build(parser.parse_args().out))


if __name__ == "__main__":
    main()
