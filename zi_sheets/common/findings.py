"""The finding model of `zi-sheets check`: a severity, one finding, a finding type and their registry.

Every finding has a stable kebab-case `code` registered here once (`register`), with its severity, a title
a non-programmer can read, a message template and a description. The types themselves live beside the
stage that emits them (the checks' in their family module under `zi_sheets/checks/`, the LKE's in
`zi_sheets/lke/codes.py`); `lke.check.all_types()` lists them all in catalogue order. The Report is in
`common/report.py`.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from zi_sheets.common.model import CellRef


class Severity(StrEnum):
    """How bad a finding is: an error fails the check, a warning fails it only with --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """The Indonesian word printed in the text report."""
        return {"error": "galat", "warning": "peringatan", "info": "info"}[self.value]


@dataclass(frozen=True)
class Finding:
    """One thing the checks noticed.

    `cell` is None for a finding about a whole sheet (then `sheet` names it) or the whole workbook (both
    empty); a cell whose column is '' stands for its whole row. `values` holds the values involved, for
    JSON output and tests.
    """

    code: str
    severity: Severity
    cell: CellRef | None
    message: str
    values: dict[str, Any] = field(default_factory=dict)
    sheet: str = ""

    @property
    def sheet_name(self) -> str:
        """The sheet the finding is on, '' for the workbook as a whole."""
        return self.cell.sheet if self.cell is not None else self.sheet

    @property
    def address(self) -> str:
        """The address inside the sheet: "F14", "14:14" for a whole row, '' for a whole sheet."""
        if self.cell is None:
            return ""
        if not self.cell.column:
            return f"{self.cell.row}:{self.cell.row}"
        return f"{self.cell.column}{self.cell.row}"

    @property
    def cell_text(self) -> str:
        """Where to look, as Excel writes it: "RencanaAksi!F14", "RencanaAksi!14:14", "RencanaAksi" or ''."""
        if self.cell is None:
            return self.sheet
        return f"{self.cell.sheet}!{self.address}"

    def line(self) -> str:
        """The finding as one line of the text report."""
        return f"{self.cell_text or '(workbook)'}  {self.severity.label}  {self.code}  {self.message}"

    @property
    def title(self) -> str:
        """The title of this finding's type."""
        return FINDING_TYPES[self.code].title


class _MessageFormatter(string.Formatter):
    """Fills a finding type's message template: lists are joined with commas, `!q` quotes a cell's text on
    one shortened line (or says "kosong" for an empty one)."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "q":
            return quote(str(value)) if str(value).strip() else "kosong"
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, list | tuple | set | frozenset):
            value = ", ".join(str(item) for item in value)
        return super().format_field(value, format_spec)


_FORMATTER = _MessageFormatter()


def quote(text: str, limit: int = 70) -> str:
    """A cell's text for a message: in quotes, on one line, shortened to `limit` characters."""
    line = " ".join(text.split())
    return f"'{line if len(line) <= limit else line[: limit - 1].rstrip() + '…'}'"


@dataclass(frozen=True)
class FindingType:
    """One kind of finding, as frictionless' error classes: a stable code, its severity, a title a
    non-programmer can read, the message template the checks fill in, and a description of what to do."""

    code: str
    severity: Severity
    title: str
    message: str
    description: str

    @property
    def fields(self) -> frozenset[str]:
        """The values every finding of this type carries: the fields of its message template."""
        return frozenset(name for _, name, _, _ in _FORMATTER.parse(self.message) if name)

    def at(self, cell: CellRef | None, *, sheet: str = "", **values: Any) -> Finding:
        """A finding of this type at `cell` (None: the whole `sheet`, or the workbook when sheet is ''),
        its message filled in from `values`; ValueError when `values` are not the template's fields."""
        if set(values) != self.fields:
            raise ValueError(f"{self.code}: values {sorted(values)} are not {sorted(self.fields)}")
        return Finding(
            self.code, self.severity, cell, _FORMATTER.format(self.message, **values), values, sheet
        )


FINDING_TYPES: dict[str, FindingType] = {}
_CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def register(code: str, severity: str, title: str, message: str, description: str) -> FindingType:
    """Register the finding type `code` (once; ValueError for a code that is not kebab-case or taken) and
    return it; each stage registers its own types beside the checks that emit them."""
    if not _CODE.fullmatch(code) or code in FINDING_TYPES:
        raise ValueError(f"bad or duplicate finding code {code!r}")
    FINDING_TYPES[code] = FindingType(code, Severity(severity), title, message, description)
    return FINDING_TYPES[code]
