"""Accepted findings: the optional Diterima sheet, where staff list a finding (Kode + Sel) or a name (Nama)
they judged fine, so that `--strict` stays usable.

An accepted finding is still counted in the summary and listed (`Report.accepted`), but it neither fails the
check nor blocks a build. A row that cannot be used, or that accepts nothing any more, is itself a finding.

    Kode          | Sel              | Nama             | Alasan
    other-agency  | RencanaAksi!F14  |                  | Dinas Kesehatan adalah mitra kami
                  |                  | Dinas Kesehatan  | mitra lintas sektor
    other-region  |                  | Kabupaten Jember | studi tiru
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from zi_sheets.common.findings import FINDING_TYPES, Finding, register
from zi_sheets.common.model import CellRef, CellValue, Penerimaan
from zi_sheets.common.report import BLOCKING_CODES, Accepted
from zi_sheets.common.text import normalize

DITERIMA_INVALID = register(
    "diterima-invalid",
    "warning",
    "Baris sheet Diterima tidak dapat dipakai",
    "Baris {row} sheet Diterima {masalah}; isi Kode dan Sel (mis. 'other-agency' dan 'RencanaAksi!F14'), "
    "atau Nama yang diterima.",
    "Setiap baris Diterima menyebut satu temuan (Kode dan Sel) atau satu nama yang diterima.",
)
DITERIMA_UNUSED = register(
    "diterima-unused",
    "info",
    "Baris sheet Diterima tidak cocok dengan temuan mana pun",
    "Baris {row} sheet Diterima ({isi}) tidak cocok dengan temuan mana pun; hapus bila sudah diperbaiki.",
    "Penerimaan yang tidak lagi dipakai sebaiknya dihapus agar daftarnya tetap benar.",
)
# -- What `apply_diterima` itself emits (it is no check: it runs after them, in `run.run_checks`). --
EMITS = (DITERIMA_INVALID, DITERIMA_UNUSED)

# -- What a Diterima row cannot accept: errors that make a signed document wrong, and its own findings. --
_NOT_ACCEPTABLE = BLOCKING_CODES | {DITERIMA_INVALID.code, DITERIMA_UNUSED.code}
_ADDRESS = re.compile(
    r"^(?:'?(?P<sheet>[^'!]+)'?!)?(?:\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>\d+)|(?P<whole>\d+):\d+)?$"
)


def _sheet_key(name: str) -> str:
    return normalize(name).replace(" ", "")


@dataclass(frozen=True)
class _Where:
    """A Sel as written: sheet (None: any sheet), column ('' for a whole row), row (None: the whole sheet)."""

    sheet: str | None
    column: str
    row: int | None

    def holds(self, finding: Finding) -> bool:
        if self.sheet is not None and _sheet_key(finding.sheet_name) != self.sheet:
            return False
        if self.row is None:
            return True
        cell = finding.cell
        return cell is not None and cell.row == self.row and (not self.column or cell.column == self.column)


def _where(text: str) -> _Where | None:
    match = _ADDRESS.match(text.strip())
    if not match or not text.strip():
        return None
    sheet = _sheet_key(match["sheet"]) if match["sheet"] else None
    if match["row"]:
        return _Where(sheet, match["col"].upper(), int(match["row"]))
    if match["whole"]:
        return _Where(sheet, "", int(match["whole"]))
    return _Where(sheet, "", None) if sheet else None


def _names(finding: Finding) -> set[str]:
    """What a finding names, normalised: the agency or region names, else the komponen or indicator it is
    about (findings without a cell)."""
    values = finding.values
    named = values.get("names")
    if named:
        return {normalize(str(name)) for name in named}
    return {normalize(str(values[key])) for key in ("kode", "komponen") if values.get(key)}


def _first_cell(row: Penerimaan) -> CellRef | None:
    for value in (row.kode, row.sel, row.nama, row.alasan):
        if value.cell is not None:
            return value.cell
    return None


def _describe(row: Penerimaan) -> str:
    parts = [value.text for value in (row.kode, row.sel, row.nama) if value]
    return " | ".join(parts)


@dataclass(frozen=True)
class _Rule:
    row: Penerimaan
    code: str
    where: _Where | None
    name: str


def _rules(rows: Iterable[Penerimaan]) -> tuple[list[_Rule], list[Finding]]:
    rules: list[_Rule] = []
    problems: list[Finding] = []

    def invalid(row: Penerimaan, value: CellValue, problem: str) -> None:
        problems.append(DITERIMA_INVALID.at(value.cell or _first_cell(row), row=row.row, masalah=problem))

    for row in rows:
        code = row.kode.text.strip().lower()
        if code and code not in FINDING_TYPES:
            invalid(row, row.kode, f"menyebut Kode '{row.kode.text}' yang bukan kode temuan")
            continue
        if code in _NOT_ACCEPTABLE:
            invalid(row, row.kode, f"menyebut Kode '{code}' yang tidak dapat diterima")
            continue
        where = _where(row.sel.text) if row.sel else None
        if row.sel and where is None:
            invalid(
                row, row.sel, f"menyebut Sel '{row.sel.text}' yang bukan alamat sel (mis. RencanaAksi!F14)"
            )
            continue
        if where is not None and not code:
            invalid(row, row.sel, "menyebut Sel tanpa Kode temuan")
            continue
        if where is None and not row.nama:
            invalid(row, row.kode, "tidak menyebut Sel atau Nama")
            continue
        rules.append(_Rule(row, code, where, normalize(row.nama.text)))
    return rules, problems


def _accepts(rule: _Rule, finding: Finding) -> bool:
    if rule.code and rule.code != finding.code:
        return False
    if rule.where is not None and not rule.where.holds(finding):
        return False
    return not rule.name or rule.name in _names(finding)


def apply_diterima(
    findings: list[Finding], rows: Iterable[Penerimaan]
) -> tuple[list[Finding], list[Accepted]]:
    """`findings` split into those that stand and those a Diterima row accepts, plus a finding for every row
    that cannot be used or accepts nothing.

    A finding naming several names is accepted when each of its names is (a cell naming an accepted partner
    and a residue name still stands).
    """
    rules, standing = _rules(rows)
    used: set[int] = set()
    accepted: list[Accepted] = []
    for finding in findings:
        if finding.code in _NOT_ACCEPTABLE:
            standing.append(finding)
            continue
        by_cell = next((r for r in rules if r.where is not None and _accepts(r, finding)), None)
        if by_cell is not None:
            used.add(by_cell.row.row)
            accepted.append(Accepted(finding, _first_cell(by_cell.row), by_cell.row.alasan.text))
            continue
        names = _names(finding)
        by_name = [r for r in rules if r.where is None and r.name in names and _accepts(r, finding)]
        if names and {r.name for r in by_name} >= names:
            used.update(r.row.row for r in by_name)
            first = by_name[0].row
            reasons = "; ".join(dict.fromkeys(r.row.alasan.text for r in by_name if r.row.alasan))
            accepted.append(Accepted(finding, _first_cell(first), reasons))
            continue
        standing.append(finding)
    for rule in rules:
        if rule.row.row not in used:
            standing.append(
                DITERIMA_UNUSED.at(_first_cell(rule.row), row=rule.row.row, isi=_describe(rule.row))
            )
    return standing, accepted
