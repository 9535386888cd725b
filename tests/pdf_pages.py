"""Reading a PDF back as its reader sees it, page by page (poppler-utils' pdfinfo and pdftotext)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

MM_PER_PT = 25.4 / 72


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in mm of every page, as pdfinfo reports them."""
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out, flags=re.MULTILINE)
    return [(float(w) * MM_PER_PT, float(h) * MM_PER_PT) for w, h in sizes]


def page_text(pdf: Path, page: int, *, layout: bool = False) -> str:
    """The text of page `page` (from 1): in reading order, or laid out as printed with `layout`."""
    mode = "-layout" if layout else "-raw"
    command = ["pdftotext", mode, "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pages(pdf: Path) -> list[tuple[bool, str]]:
    """(landscape, text) of every page."""
    return [
        (width > height, page_text(pdf, number))
        for number, (width, height) in enumerate(page_sizes_mm(pdf), start=1)
    ]
