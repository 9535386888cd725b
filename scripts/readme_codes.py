"""Rewrite the finding-code table in README.md from `zi_sheets.findings.all_codes()` (tests/test_readme.py
fails until this is run after a code is added)."""

from __future__ import annotations

import re
from pathlib import Path

from zi_sheets.findings import all_codes

README = Path(__file__).resolve().parent.parent / "README.md"


def main() -> None:
    rows = ["| kode | tingkat | arti |", "|---|---|---|"]
    rows += [f"| `{code}` | {severity.label} | {title} |" for code, severity, title in all_codes()]
    text = README.read_text(encoding="utf-8")
    text = re.sub(r"\| kode \| tingkat \| arti \|\n(?:\|.*\|\n)+", "\n".join(rows) + "\n", text)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
