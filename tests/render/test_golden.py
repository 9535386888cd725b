"""Golden cases (tests/golden/cases.toml): every document a build writes, dumped to text, equals its file.

The files change only through `python -m pytest --update-golden`; a missing file fails, it is never written
by a plain run. Beside the comparison, every dump is checked for what no document may ever hold.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, GOLDEN
from docx_dump import dump_docx
from factory import filled_template, realisation_workbook, unit_workbook

from zi_sheets.cli.commands import main

CASES_FILE = GOLDEN / "cases.toml"
UPDATE_HINT = (
    "run `python -m pytest tests/render/test_golden.py --update-golden`, then read `git diff tests/golden`"
)


def _example(path: Path) -> Path:
    return EXAMPLE


WORKBOOKS: dict[str, Callable[..., Path]] = {
    "example": _example,
    "factory": unit_workbook,
    "filled-template": filled_template,
    "realisation": realisation_workbook,
}


@dataclass(frozen=True)
class GoldenCase:
    """One [[case]] of cases.toml; `documents` empty means every document written."""

    name: str
    workbook: str
    workbook_args: dict[str, object] = field(default_factory=dict)
    args: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()

    def wants(self, filename: str) -> bool:
        return not self.documents or any(part in filename for part in self.documents)


def load_cases() -> list[GoldenCase]:
    entries = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))["case"]
    cases = []
    for entry in entries:
        case = GoldenCase(
            name=entry.pop("name"),
            workbook=entry.pop("workbook"),
            workbook_args=entry.pop("workbook_args", {}),
            args=tuple(entry.pop("args", ())),
            documents=tuple(entry.pop("documents", ())),
        )
        # -- a misspelt key would silently change what a case builds
        assert not entry, f"{CASES_FILE.name}, case {case.name}: unknown keys {sorted(entry)}"
        assert case.workbook in WORKBOOKS, f"{CASES_FILE.name}, case {case.name}: workbook {case.workbook!r}"
        cases.append(case)
    names = [case.name for case in cases]
    assert len(names) == len(set(names)), f"{CASES_FILE.name}: a case name is used twice"
    return cases


CASES = load_cases()


def built_dumps(case: GoldenCase, work: Path) -> dict[str, str]:
    """{golden file name: dump} of the documents the case's build writes."""
    workbook = WORKBOOKS[case.workbook](work / "workbook.xlsx", **case.workbook_args)
    out = work / "hasil"
    result = CliRunner().invoke(main, ["build", str(workbook), "-o", str(out), *case.args])
    # -- 1: findings that do not block the documents (the example keeps the seed's real defects)
    assert result.exit_code in (0, 1), result.output
    return {
        path.stem + ".txt": dump_docx(path) for path in sorted(out.rglob("*.docx")) if case.wants(path.name)
    }


def write_golden(folder: Path, dumps: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.txt"):
        if stale.name not in dumps:
            stale.unlink()
    for name, dump in dumps.items():
        (folder / name).write_text(dump, encoding="utf-8")


def difference(name: str, expected: str, actual: str, limit: int = 60) -> str:
    lines = list(
        difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), f"golden/{name}", "built", lineterm="", n=1
        )
    )
    more = f"\n... {len(lines) - limit} more diff lines" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_documents_equal_their_golden_dumps(case: GoldenCase, tmp_path: Path, update_golden: bool) -> None:
    dumps = built_dumps(case, tmp_path)
    assert dumps, f"case {case.name}: the build wrote no document the case compares"
    folder = GOLDEN / case.name
    if update_golden:
        write_golden(folder, dumps)
    stored = {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
    missing = [f"no golden file for {name}" for name in sorted(set(dumps) - set(stored))]
    stale = [f"{name} is the golden file of no document" for name in sorted(set(stored) - set(dumps))]
    if missing or stale:
        pytest.fail(f"case {case.name} ({folder}): {'; '.join(missing + stale)}; {UPDATE_HINT}")
    changed = [difference(name, stored[name], dump) for name, dump in dumps.items() if dump != stored[name]]
    if changed:
        pytest.fail(
            f"case {case.name}: documents differ from their golden dumps; {UPDATE_HINT}\n\n"
            + "\n\n".join(changed)
        )


# -- What no document may hold, whatever its golden file says: Python's None or NaN, a placeholder left in
# -- braces (fields such as {PAGE} are the dump's own notation), a heading or title without text.
_FIELD = re.compile(r"\{(?:PAGE|NUMPAGES|SECTIONPAGES)\}")
_LEFTOVER = re.compile(r"\bNone\b|\bnan\b|\{|\}")
_EMPTY_HEADING = re.compile(r"^P\[(?:Heading \d|Title|Lampiran Heading)\] *$")


def leftovers(dump: str) -> list[str]:
    """The dump lines holding something no document may hold."""
    return [
        line
        for line in dump.splitlines()
        if _LEFTOVER.search(_FIELD.sub("", line)) or _EMPTY_HEADING.match(line)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "P[Body Text] Nama: None",
        "  [cantSplit] 1 | nan | x",
        "P[Body Text] Unit {Nama Unti Kerja}.",
        "P[Heading 2] ",
        "P[Title] ",
    ],
)
def test_leftovers_are_seen(line: str) -> None:
    assert leftovers(f"P[Normal] Baik\n{line}\n  footer: {{PAGE}}\n") == [line]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_dumps_hold_no_leftovers(case: GoldenCase) -> None:
    for path in sorted((GOLDEN / case.name).glob("*.txt")):
        assert leftovers(path.read_text(encoding="utf-8")) == [], path.name
