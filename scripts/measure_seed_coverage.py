"""Measure how much of the seed's Rencana Kerja text (cover to BAB IV) a built document carries.

Dev tool, not part of the package: it reads ../shared/seed. Usage:
    python scripts/measure_seed_coverage.py "output/opd-kecamatan-pasirian-2019/1.2.a Rencana Kerja ...docx"
Prints the share of the seed's word occurrences found in the document, and the words that were not.
"""

from __future__ import annotations

import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

from defusedxml import ElementTree

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_f43e085d05b554f3.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[0-9a-z]+", text.lower()))


def seed_rencana_kerja(text: str) -> str:
    """The seed from the cover to BAB IV, without the Monev matrix and the Lampiran (other documents)."""
    monev_start = text.index("**DOKUMEN MONITORING DAN EVALUASI")
    bab_iv = text.index("## **BAB IV PENUTUP**")
    lampiran = text.index("Lampiran 1.")
    kept = text[:monev_start] + text[bab_iv:lampiran]
    kept = kept.replace("Handwritten signature of Egol Subandi in black ink.", "")  # the conversion's note
    return re.sub(r"</?[bi]>", " ", kept)


def document_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        pattern = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
        parts = [name for name in archive.namelist() if pattern.match(name)]
        texts = []
        for name in parts:
            root = ElementTree.fromstring(archive.read(name))
            for paragraph in root.iter(f"{W}p"):
                texts.append("".join(node.text or "" for node in paragraph.iter(f"{W}t")))
    return "\n".join(texts)


def main(document: str) -> None:
    seed = words(seed_rencana_kerja(SEED.read_text(encoding="utf-8")))
    built = words(document_text(Path(document)))
    found = sum(min(count, built[word]) for word, count in seed.items())
    total = sum(seed.values())
    missing = {word: count - built[word] for word, count in seed.items() if built[word] < count}
    print(f"seed words (cover to BAB IV): {total}")
    print(f"found in the document:        {found} ({found / total:.2%})")
    print("not found (word: times):", ", ".join(f"{w}: {n}" for w, n in sorted(missing.items())))


if __name__ == "__main__":
    main(sys.argv[1])
