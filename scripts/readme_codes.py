"""Rewrite the finding-code table in README.md from the finding catalogue (`lke.check.markdown_table()`);
tests/cli/test_readme.py fails until this is run after a finding type changes."""

from __future__ import annotations

import re
from pathlib import Path

from zi_sheets.lke.check import markdown_table

README = Path(__file__).resolve().parent.parent / "README.md"
TABLE = re.compile(r"\| kode \| tingkat \| arti \|[^\n]*\n(?:\|.*\|\n)+")


def main() -> None:
    text = README.read_text(encoding="utf-8")
    README.write_text(TABLE.sub(lambda _: markdown_table(), text, count=1), encoding="utf-8")


if __name__ == "__main__":
    main()
