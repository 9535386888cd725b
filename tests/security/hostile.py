"""The hostile corpus of issue 30: each case writes its files in code, runs zi-sheets in its own process as
a user would (tests/security/guarded.py), and is judged by the same rules, whatever its class:

- the exit code is one the README documents for it, and the output says what happened, in Indonesian (the
  case's own pattern), with no traceback and no Python exception's name;
- the process stays under 1 GiB of resident memory and ends within 30 s;
- it connects to no address that is not public (loopback, private, link-local, multicast, reserved);
- nothing is written outside the case's output folder, or, for a rewrite of the user's workbook, other than
  the files the case names (the workbook and its new backup); every other file of the user, and every file
  elsewhere on the "machine" (a folder beside the user's), is byte-for-byte and mode-for-mode unchanged; no
  temporary file is left behind.

The cases live in `cases_*.py` beside this module, one module per class, each a list `CASES` of `Case`.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import ipaddress
import json
import os
import re
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

GUARD = Path(__file__).with_name("guarded.py")
MEMORY_LIMIT_KIB = 1024 * 1024
TIME_LIMIT_S = 30.0
DOCUMENTED_EXIT_CODES = frozenset({0, 1, 2, 3, 4})  # README "Kode keluar"; 4: build wrote nothing
# what a user must never see: Python talking instead of the tool
PYTHON_NOISE = re.compile(r"Traceback \(most recent call last\)|\b[A-Z]\w*(Error|Exception)\b")


@dataclass(frozen=True)
class Run:
    """How one case runs and what it may do. Paths are relative to the user's folder (the working folder)."""

    args: Sequence[str]
    exit_codes: frozenset[int]
    says: str  # a regular expression the output (stdout and stderr together) must match
    output: str | None = None  # the folder the run writes its results into, if any
    may_write: Sequence[
        str
    ] = ()  # globs, relative to the user's folder, of other files it may create or change
    stdin: str = ""
    env: Mapping[str, str] = field(default_factory=dict)
    then: Callable[[Path, Outcome], None] | None = None  # the class's own assertions on what was written


@dataclass(frozen=True)
class Case:
    id: str
    kind: int  # the class of issue 30 (1 formulas, 2 links, 3 bombs and special files, 4 dates,
    #            5 rewriting the workbook, 6 e-mail headers, 7 names like options)
    make: Callable[[Path, Path, contextlib.ExitStack], Run]  # (user's folder, elsewhere, cleanups) -> Run


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    output: str
    seconds: float
    peak_kib: int
    connections: list[list[str]]


def _snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under root as (kind, content hash or link target, mode), links never followed."""
    entries: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                entries[str(path.relative_to(root))] = ("link", os.readlink(path), 0)
            elif stat.S_ISREG(info.st_mode):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                entries[str(path.relative_to(root))] = ("file", digest, stat.S_IMODE(info.st_mode))
            elif stat.S_ISDIR(info.st_mode):
                entries[str(path.relative_to(root))] = ("dir", "", stat.S_IMODE(info.st_mode))
            else:
                entries[str(path.relative_to(root))] = ("special", "", stat.S_IMODE(info.st_mode))
    return entries


def _changed(before: dict[str, tuple], after: dict[str, tuple]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def is_public(address: Sequence[str]) -> bool:
    """Whether a connected address is a public one (a Unix socket path is no connection out)."""
    try:
        ip = ipaddress.ip_address(address[0].split("%")[0])
    except ValueError:
        return address[0].startswith("/")
    return ip.is_global


def run_case(case: Case, tmp: Path) -> Outcome:
    """Make the case under tmp, run it guarded, and assert the rules every case shares."""
    home, elsewhere, temp = tmp / "home", tmp / "elsewhere", tmp / "temp"
    for folder in (home, elsewhere, temp):
        folder.mkdir()
    (elsewhere / "penting.txt").write_text("berkas pengguna di luar folder kerja\n", encoding="utf-8")
    with contextlib.ExitStack() as cleanups:
        run = case.make(home, elsewhere, cleanups)
        before = _snapshot(tmp)
        log = tmp / "guard.json"
        env = {**os.environ, "HOME": str(home), "TMPDIR": str(temp), "PYTHONWARNINGS": "ignore", **run.env}
        env.pop("ZI_SHEETS_SMTP_PASSWORD", None)
        started = time.monotonic()
        try:
            done = subprocess.run(
                [sys.executable, str(GUARD), str(log), "zi-sheets", *run.args],
                cwd=home,
                env=env,
                input=run.stdin,
                capture_output=True,
                text=True,
                timeout=TIME_LIMIT_S,
            )
        except subprocess.TimeoutExpired as expired:
            raise AssertionError(f"{case.id}: still running after {TIME_LIMIT_S:.0f} s") from expired
        seconds = time.monotonic() - started
        guard = json.loads(log.read_text(encoding="utf-8"))
        log.unlink()
        after = _snapshot(tmp)
    outcome = Outcome(
        done.returncode, done.stdout + done.stderr, seconds, guard["peak_kib"], guard["connections"]
    )

    assert outcome.exit_code in run.exit_codes & DOCUMENTED_EXIT_CODES, (outcome.exit_code, outcome.output)
    assert not PYTHON_NOISE.search(outcome.output), outcome.output
    assert re.search(run.says, outcome.output), (run.says, outcome.output)
    assert outcome.peak_kib < MEMORY_LIMIT_KIB, f"{case.id}: {outcome.peak_kib // 1024} MiB"
    assert [address for address in outcome.connections if not is_public(address)] == []

    allowed = [f"home/{run.output}", f"home/{run.output}/*"] if run.output else []
    allowed += [f"home/{pattern}" for pattern in run.may_write]
    unexpected = sorted(
        path for path in _changed(before, after) if not any(fnmatch.fnmatch(path, glob) for glob in allowed)
    )
    assert unexpected == [], f"{case.id}: changed {unexpected}"
    if run.then is not None:
        run.then(home, outcome)
    return outcome
