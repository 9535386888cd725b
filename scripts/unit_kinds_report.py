"""Build the six unit kinds of tests/unit_kinds.py to PDF and print, per document, its pages (portrait and
landscape), the first lines of its first page and of the page its signature stands on; for a plan table,
the fewest rows on one of its pages.

    python scripts/unit_kinds_report.py [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pdf_pages import pages  # noqa: E402
from unit_kinds import KINDS, build_workbook  # noqa: E402

from zi_sheets.delivery.builder import BuildOptions, build  # noqa: E402
from zi_sheets.delivery.pdf import convert_to_pdf  # noqa: E402


def first_lines(text: str, width: int = 200) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())[:width]


def report(folder: Path) -> None:
    documents = []
    options = BuildOptions(output=folder / "hasil")
    for kind in KINDS:
        result = build(build_workbook(kind, folder), options)
        documents += [(kind, path) for path in result.documents if "Monev" not in path.name]
    pdfs = convert_to_pdf([path for _, path in documents])
    for (kind, _), pdf in zip(documents, pdfs, strict=True):
        laid_out = pages(pdf)
        landscape = [text for wide, text in laid_out if wide]
        name = "Lampiran" if "Lampiran" in pdf.name else "Rencana Kerja"
        print(f"{kind.name} | {name}: {len(laid_out)} halaman ({len(landscape)} melintang)")
        print(f"  halaman 1: {first_lines(laid_out[0][1])}")
        signer = kind.signature[0] or kind.signature[1]
        signed = [n for n, (_, text) in enumerate(laid_out, start=1) if signer[-2] in text]
        for number in signed:
            lines = [line.strip() for line in laid_out[number - 1][1].splitlines() if line.strip()]
            at = next(i for i, line in enumerate(lines) if line == signer[-2])
            print(f"  tanda tangan, halaman {number}: ... {' / '.join(lines[max(0, at - 8) : at + 2])}")
        rows = [len(re.findall(r"(?m)^(?:I|II|III|IV|V|VI)\.\d+\b", text)) for text in landscape]
        if name == "Rencana Kerja" and any(rows):
            print(f"  baris tabel per halaman melintang: {rows}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the workbooks, documents and PDFs here")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        report(args.keep)
        return
    with tempfile.TemporaryDirectory() as folder:
        report(Path(folder))


if __name__ == "__main__":
    main()
