"""The Bukti Dukung of the LKE sheet: each line a file (relative to the workbook's folder) or a link.

Checks yield findings at the Bukti Dukung cell: a file that does not exist or lies outside the workbook's
folder, a link that is not a well-formed web address (or, on request, does not open, reaches an address
that is not public, or was left when the run's time was spent: `fetch`), "Ya"/"A" answers without evidence
(one finding per area), and one file used for unrelated items. Links are fetched only when asked.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from urllib.parse import urlsplit

from zi_sheets.common.bahasa import roman
from zi_sheets.common.findings import Finding
from zi_sheets.common.model import CellRef, LkeAnswer
from zi_sheets.lke import codes as f
from zi_sheets.lke.answers import Answer
from zi_sheets.lke.fetch import (
    REFUSED,
    TOTAL_SECONDS,
    UNCHECKED,
    UNREACHABLE,
    LinkResult,
    check_links,
    seconds_text,
)
from zi_sheets.lke.items import PILIHAN, YA_TIDAK

# -- A line is a link when it names a scheme, starts "www." or starts with a domain and a slash. --
_LINK = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|id|io|gov|edu|info|co)(?:/|$))",
    re.IGNORECASE,
)
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    """One line of a Bukti Dukung cell.

    For a link, `url_problem` says why it is not a well-formed http(s) address ('' when it is). For a file,
    `path` is where it resolves (None when it cannot exist on this computer, e.g. "D:\\..." on Linux),
    `exists` whether something is there and `inside` whether it lies in the workbook's folder.
    """

    text: str
    link: bool
    url_problem: str = ""
    path: Path | None = None
    exists: bool = False
    inside: bool = False

    @property
    def key(self) -> str:
        """What makes two lines the same evidence: the resolved file, or the link as written."""
        return str(self.path) if self.path is not None else self.text.rstrip("/")


def evidence_of(row: LkeAnswer | None, folder: Path) -> list[Evidence]:
    """Every line of the row's Bukti Dukung, read against `folder`, the workbook's folder already resolved
    (each file is resolved too, symlinks and ".." followed, so "inside the folder" means what it says)."""
    if row is None:
        return []
    return [_line(line, folder) for line in row.bukti_dukung.lines]


def shown_lines(row: LkeAnswer | None, folder: Path) -> list[str]:
    """The row's Bukti Dukung as a signed document lists it: a file that is not there marked "(tidak
    ditemukan)", never listed as if the unit held it (the lke-evidence-missing finding says where)."""
    return [e.text if e.link or e.exists else f"{e.text} (tidak ditemukan)" for e in evidence_of(row, folder)]


def _line(text: str, folder: Path) -> Evidence:
    if _LINK.match(text):
        return Evidence(text, link=True, url_problem=url_problem(text))
    written = text.replace("\\", "/") if os.sep == "/" else text
    if os.sep == "/" and PureWindowsPath(text).drive:
        return Evidence(text, link=False)  # -- "D:\Bukti\SK.pdf" names another computer's disk
    candidate = Path(written)
    resolved = (candidate if candidate.is_absolute() else folder / candidate).resolve()
    inside = resolved.is_relative_to(folder)
    return Evidence(text, link=False, path=resolved, exists=resolved.exists(), inside=inside)


def url_problem(text: str) -> str:
    """Why `text` is not a well-formed http(s) address (an Indonesian clause), '' when it is one."""
    if any(ch.isspace() for ch in text):
        return "memuat spasi"
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        return "tanpa awalan https://"
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return "nomor port atau alamat server tidak sah"
    if parts.scheme.lower() not in ("http", "https"):
        return f"skema '{parts.scheme}' bukan http atau https"
    host = parts.hostname or ""
    if _ip_literal(host):
        return ""  # -- an address, not a name: whether it may be opened is the fetch's (`fetch.py`)
    labels = host.split(".")
    if not host or not all(_HOST_LABEL.match(label) for label in labels):
        return "nama server tidak sah"
    if len(labels) < 2 and host != "localhost":
        return "nama server tanpa domain"
    if port == 0:
        return "nomor port tidak sah"
    return ""


def _ip_literal(host: str) -> bool:
    """Whether a URL's host is written as an address: IPv6 in brackets, or IPv4 in any form the system
    reads as one (127.0.0.1, but also 127.1, 0x7f.1 and 2130706433)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        try:
            socket.inet_aton(host)
        except OSError:
            return False
    return True


def evidence_findings(
    answers: Iterable[Answer], sheet: str, folder: Path, *, fetch_links: bool = False
) -> Iterator[Finding]:
    """The evidence findings of every answered row, in sheet order (see the module's docstring)."""
    rows = [(answer, evidence_of(answer.row, folder)) for answer in answers if answer.row is not None]
    rows.sort(key=lambda pair: pair[0].row.row if pair[0].row is not None else 0)
    links = {e.text for _, lines in rows for e in lines if e.link and not e.url_problem}
    fetched = check_links(sorted(links)) if fetch_links else {}
    used: dict[str, list[tuple[Answer, Evidence]]] = {}
    # -- best answers without evidence, by area: one fact per area (count and codes), not one line per item
    bare: dict[str, list[tuple[str, CellRef]]] = {}
    for answer, lines in rows:
        row = answer.row
        assert row is not None
        cell = row.bukti_dukung.cell or CellRef(sheet, row.row, "")
        code = answer.item.code
        if not lines and answer.item.kind in (YA_TIDAK, PILIHAN) and answer.counted == 1.0:
            bare.setdefault(_area_of(answer), []).append((code, cell))
        for evidence in lines:
            yield from _line_findings(evidence, cell, code, folder, fetched)
            if evidence.exists or (evidence.link and not evidence.url_problem):
                used.setdefault(evidence.key, []).append((answer, evidence))
    for area, items in bare.items():
        codes = ", ".join(code for code, _ in items)
        yield f.LKE_EVIDENCE_NONE.at(items[0][1], jumlah=len(items), area=area, kode=codes)
    yield from _shared(used, sheet)


def _area_of(answer: Answer) -> str:
    """The area of an LKE item as a finding names it: "area I. Manajemen Perubahan", "Hasil H.I"."""
    item = answer.item
    if item.area_no is not None:
        return f"area {roman(item.area_no)}. {item.area_name}".rstrip(". ")
    return f"Hasil {item.hasil_group}".strip()


def _line_findings(
    evidence: Evidence, cell: CellRef, code: str, folder: Path, fetched: dict[str, LinkResult]
) -> Iterator[Finding]:
    if evidence.link:
        result = fetched.get(evidence.text)
        if evidence.url_problem:
            yield f.LKE_LINK_MALFORMED.at(cell, kode=code, tautan=evidence.text, masalah=evidence.url_problem)
        elif result is None:
            pass  # -- links not fetched
        elif result.outcome == REFUSED:
            yield f.LKE_LINK_REFUSED.at(cell, kode=code, tautan=evidence.text, masalah=result.problem)
        elif result.outcome == UNREACHABLE:
            yield f.LKE_LINK_UNREACHABLE.at(cell, kode=code, tautan=evidence.text, masalah=result.problem)
        elif result.outcome == UNCHECKED:
            yield f.LKE_LINK_UNCHECKED.at(
                cell, kode=code, tautan=evidence.text, detik=seconds_text(TOTAL_SECONDS)
            )
        return
    if not evidence.exists:
        yield f.LKE_EVIDENCE_MISSING.at(cell, kode=code, berkas=evidence.text, folder=str(folder))
    elif not evidence.inside:
        yield f.LKE_EVIDENCE_OUTSIDE.at(cell, kode=code, berkas=evidence.text)


def _shared(used: dict[str, list[tuple[Answer, Evidence]]], sheet: str) -> Iterator[Finding]:
    """One file or link cited by items of different sub-areas: reported once, at its first use."""
    for uses in used.values():
        groups = {answer.item.group_code or answer.item.hasil_group for answer, _ in uses}
        if len(groups) < 2:
            continue
        first, evidence = uses[0]
        assert first.row is not None
        codes = list(dict.fromkeys(answer.item.code for answer, _ in uses))
        yield f.LKE_EVIDENCE_SHARED.at(
            first.row.bukti_dukung.cell or CellRef(sheet, first.row.row, ""),
            berkas=evidence.text,
            codes=codes,
        )
