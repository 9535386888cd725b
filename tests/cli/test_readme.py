"""The README stays in step with the code: the finding-code table is the one the catalogue generates."""

from __future__ import annotations

from conftest import ROOT

from zi_sheets.lke.check import all_codes, markdown_table


def test_readme_holds_the_generated_finding_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "jalankan: python scripts/readme_codes.py"
    for code, severity, _ in all_codes():
        assert f"| `{code}` | {severity.label} |" in readme
