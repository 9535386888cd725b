"""Reading a file a workbook names (a logo) or the user passes (a --docx-template) without letting the name
do harm: only a regular file is read, never a pipe (which blocks until someone writes to it), a device
(/dev/zero never ends), a socket or a folder, and only as much of it as the caller can use.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

# -- O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer (a regular
# -- file ignores it); O_NOCTTY: a terminal device never becomes the process's controlling terminal --
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def is_regular_file(path: Path) -> bool:
    """Whether `path` (its links followed) is a regular file, asked without opening it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def read_regular_file(path: Path, limit: int) -> bytes | None:
    """The content of `path` when it is a regular file of at most `limit` bytes; None when it is missing,
    unreadable, larger, or anything but a regular file.

    -- Asked before opening (a device is never opened) and again on the opened descriptor (a name swapped
    -- for a pipe in between is caught without blocking). --
    """
    if not is_regular_file(path):
        return None
    try:
        handle = os.open(path, _FLAGS)
    except (OSError, ValueError):
        return None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        chunks, left = [], limit + 1
        while left > 0 and (chunk := os.read(handle, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(handle)


def inside(path: Path, folders: Iterable[Path]) -> bool:
    """Whether `path`, every link and ".." resolved, lies in one of `folders` (resolved too)."""
    try:
        resolved = path.resolve()
        return any(resolved.is_relative_to(folder.resolve()) for folder in folders)
    except (OSError, RuntimeError, ValueError):
        return False
