"""Class 5: the user's own workbook rewritten by `init --sinkron-realisasi` and `init --lke-only`.

Each case is the kind of folder an unlucky user (or someone who planted a link there) has: an older backup,
a backup name that is a link to a file elsewhere, the workbook open in Excel or LibreOffice, read-only, a
link or a pipe, a full disk. Two runs at once need two processes started together: tests/template/
test_rewrite.py.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from factory import unit_workbook
from hostile import Case, Outcome, Run
from openpyxl import load_workbook

SINKRON = ["init", "--sinkron-realisasi", "zi.xlsx"]
LKE_ONLY = ["init", "--lke-only", "zi.xlsx"]
OLD_BACKUP = b"cadangan lama pengguna, bukan workbook\n"


def _workbook(home: Path, *, lke: bool = True) -> bytes:
    """zi.xlsx in the user's folder, with more plan rows than Realisasi rows (so sinkron has work); its
    bytes. `lke` False drops the LKE sheet, for --lke-only."""
    path = unit_workbook(home / "zi.xlsx", rows=150)
    if not lke:
        book = load_workbook(path)
        del book["LKE"]
        book.save(path)
    return path.read_bytes()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _backed_up(old: bytes, backup: str, mode: int) -> Callable[[Path, Outcome], None]:
    """`then`: the new backup is a regular file holding the old workbook's bytes and mode, the workbook was
    rewritten (sinkron added rows, or the LKE sheet is there) and kept its mode."""

    def then(home: Path, outcome: Outcome) -> None:
        copy = home / backup
        assert stat.S_ISREG(copy.lstat().st_mode)
        assert copy.read_bytes() == old
        assert _mode(copy) == mode and _mode(home / "zi.xlsx") == mode
        assert (home / "zi.xlsx").read_bytes() != old
        assert f"cadangan: {backup}" in outcome.output
        book = load_workbook(home / "zi.xlsx")
        added = re.search(r"baris Realisasi ditambahkan: (\d+)", outcome.output)
        assert (added and int(added.group(1)) > 0) or "LKE" in book.sheetnames
        assert not [name for name in os.listdir(home) if name.startswith(".~")]

    return then


def _unchanged(old: bytes) -> Callable[[Path, Outcome], None]:
    """`then` of a refusal: the workbook is byte for byte as it was and no backup was made (the harness
    checks that nothing else changed)."""

    def then(home: Path, outcome: Outcome) -> None:
        assert (home / "zi.xlsx").read_bytes() == old
        assert not list(home.glob("zi.xlsx.bak*")) or (home / "zi.xlsx.bak").read_bytes() == OLD_BACKUP

    return then


def _older_backup_kept(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    old = _workbook(home)
    (home / "zi.xlsx.bak").write_bytes(OLD_BACKUP)
    (home / "zi.xlsx").chmod(0o640)
    return Run(
        SINKRON,
        frozenset({0}),
        r"cadangan: zi\.xlsx\.bak\.1",
        may_write=["zi.xlsx", "zi.xlsx.bak.1"],
        then=_backed_up(old, "zi.xlsx.bak.1", 0o640),
    )


def _backup_names_are_links(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    """`zi.xlsx.bak` links to a file elsewhere, `zi.xlsx.bak.1` to a file elsewhere that does not exist yet:
    neither is written through (the harness sees `penting.txt` unchanged and no `baru.txt`)."""
    old = _workbook(home, lke=False)
    (home / "zi.xlsx.bak").symlink_to(elsewhere / "penting.txt")
    (home / "zi.xlsx.bak.1").symlink_to(elsewhere / "baru.txt")
    return Run(
        LKE_ONLY,
        frozenset({0}),
        r"cadangan: zi\.xlsx\.bak\.2",
        may_write=["zi.xlsx", "zi.xlsx.bak.2"],
        then=_backed_up(old, "zi.xlsx.bak.2", _mode(home / "zi.xlsx")),
    )


def _open_in_excel(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    old = _workbook(home)
    (home / "~$zi.xlsx").write_bytes(b"\x05Budi" + b" " * 49)
    return Run(SINKRON, frozenset({3}), r"sedang dibuka di Excel.*~\$zi\.xlsx", then=_unchanged(old))


def _open_in_libreoffice(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    old = _workbook(home, lke=False)
    (home / ".~lock.zi.xlsx#").write_text("Budi,budi,laptop,07.12.2026 10:00,file:///home/budi;\n")
    return Run(LKE_ONLY, frozenset({3}), r"sedang dibuka di LibreOffice", then=_unchanged(old))


def _read_only(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    old = _workbook(home)
    (home / "zi.xlsx").chmod(0o444)

    def then(home: Path, outcome: Outcome) -> None:
        _unchanged(old)(home, outcome)
        assert _mode(home / "zi.xlsx") == 0o444

    return Run(SINKRON, frozenset({3}), r"zi\.xlsx hanya dapat dibaca", then=then)


def _full_disk(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    """No file may grow past half the workbook (guarded.py's GUARD_FSIZE_LIMIT): the new workbook cannot be
    written; the workbook and the user's older backup stay as they were, no half-written file stays."""
    old = _workbook(home)
    (home / "zi.xlsx.bak").write_bytes(OLD_BACKUP)
    return Run(
        SINKRON,
        frozenset({3}),
        r"zi\.xlsx tidak dapat ditulis: disk penuh",
        env={"GUARD_FSIZE_LIMIT": str(len(old) // 2)},
        then=_unchanged(old),
    )


def _workbook_is_a_link(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    """zi.xlsx links to a workbook elsewhere: refused, the link and its target unchanged (the harness)."""
    old = unit_workbook(elsewhere / "zi.xlsx", rows=150).read_bytes()
    (home / "zi.xlsx").symlink_to(elsewhere / "zi.xlsx")

    def then(home: Path, outcome: Outcome) -> None:
        assert (home / "zi.xlsx").is_symlink() and (home / "zi.xlsx").read_bytes() == old

    return Run(SINKRON, frozenset({3}), r"zi\.xlsx adalah tautan ke .*berkas aslinya", then=then)


def _workbook_is_a_pipe(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    """A FIFO in the workbook's place: refused at once, never opened for a read that would block."""
    os.mkfifo(home / "zi.xlsx")
    return Run(LKE_ONLY, frozenset({3}), r"zi\.xlsx bukan berkas workbook biasa")


CASES = [
    Case("sinkron-older-backup-kept", 5, _older_backup_kept),
    Case("lke-only-backup-names-are-links", 5, _backup_names_are_links),
    Case("sinkron-open-in-excel", 5, _open_in_excel),
    Case("lke-only-open-in-libreoffice", 5, _open_in_libreoffice),
    Case("sinkron-read-only-workbook", 5, _read_only),
    Case("sinkron-full-disk", 5, _full_disk),
    Case("sinkron-workbook-is-a-link", 5, _workbook_is_a_link),
    Case("lke-only-workbook-is-a-pipe", 5, _workbook_is_a_pipe),
]
