"""The README stays in step with the code: the finding-code table is the one the catalogue generates."""

from __future__ import annotations

from conftest import ROOT

from zi_sheets.lke.check import all_codes, markdown_table


def test_readme_holds_the_generated_finding_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "jalankan: python scripts/readme_codes.py"
    for code, severity, _ in all_codes():
        assert f"| `{code}` | {severity.label} |" in readme


def test_readme_shows_the_bundled_official_lke_as_nilai_prints_it(tmp_path):
    import re

    from click.testing import CliRunner

    from zi_sheets.cli.commands import main

    command = "zi-sheets nilai workbook_templates/contoh-lke-resmi-sukamaju-2026.xlsx -o output"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    shown = [line for line in block.splitlines() if line and line != "…" and not line.startswith("$ ")]
    example = ROOT / "workbook_templates" / "contoh-lke-resmi-sukamaju-2026.xlsx"
    result = CliRunner().invoke(main, ["nilai", str(example), "-o", str(tmp_path)])
    printed = result.stdout.splitlines()
    # -- every line the README shows is printed as shown (the total among them), and the exit code too
    assert [line for line in shown if line not in printed and not re.fullmatch(r"\d", line)] == []
    assert any(line.startswith("Nilai total") and "88,92" in line for line in shown)
    assert block.rstrip().splitlines()[-1] == str(result.exit_code)
