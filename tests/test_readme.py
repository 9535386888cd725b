"""The README stays in step with the code: every finding code is listed, and no listed code is stale."""

from __future__ import annotations

import re

from conftest import ROOT

from zi_sheets.findings import all_codes


def test_readme_lists_every_finding_code_with_its_severity():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (galat|peringatan|info) \|", readme, flags=re.MULTILINE))
    assert listed == {code: severity.label for code, severity, _ in all_codes()}
