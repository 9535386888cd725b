"""Zip packages (a workbook, a --docx-template) checked before any parser sees them: a zip bomb must be
refused fast, never inflated into memory.

Two sizes are checked: what each member declares (the central directory, read without inflating
anything) and what it really inflates to, streamed in chunks and never kept, stopping as soon as a member
outgrows its declared size or the package its limit. The callers word the refusal for their file.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import IO

# -- a package as a path or as its bytes already read (io.BytesIO)
Package = Path | IO[bytes]

MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_COMPRESSION_RATIO = 100
# -- Plain XML compresses 10-30x; only a large and extreme ratio marks a bomb.
_RATIO_FROM_BYTES = 20 * 1024 * 1024
_CHUNK = 1024 * 1024

# -- what zipfile and zlib raise for a package that is damaged, cut off or lies about its members
DAMAGED = (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, ValueError)


def members(path: Package) -> list[zipfile.ZipInfo]:
    """The members the package at `path` declares; raises one of `DAMAGED` when it is no readable zip."""
    with zipfile.ZipFile(path) as archive:
        return archive.infolist()


def declared_too_big(entries: Sequence[zipfile.ZipInfo], limit: int = MAX_UNCOMPRESSED_BYTES) -> bool:
    """Whether the members' declared sizes, counts or compression ratio are those of a bomb."""
    total = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries) or 1
    suspicious_ratio = total > _RATIO_FROM_BYTES and total / packed > MAX_COMPRESSION_RATIO
    return len(entries) > MAX_ZIP_ENTRIES or total > limit or suspicious_ratio


def inflates_as_declared(path: Package, limit: int = MAX_UNCOMPRESSED_BYTES) -> bool:
    """Whether every member inflates to no more than it declares and all of them to no more than `limit`:
    each is streamed and dropped, so at most one chunk is in memory. Raises one of `DAMAGED` for a member
    that does not inflate (zipfile stops at the declared size and then finds the CRC wrong).

    -- zipfile itself never reads past a member's declared size, but other readers (the value reader,
    -- python-docx's) may trust the stream instead; a member that lies is refused before they see it. --
    """
    total = 0
    with zipfile.ZipFile(path) as archive:
        for entry in archive.infolist():
            with archive.open(entry) as stream:
                inflated = 0
                while chunk := stream.read(_CHUNK):
                    inflated += len(chunk)
                    total += len(chunk)
                    if inflated > entry.file_size or total > limit:
                        return False
    return True


def member_head(archive: zipfile.ZipFile, member: str, limit: int) -> bytes:
    """The first `limit` bytes of a member: never more is inflated, whatever the member declares."""
    with archive.open(member) as stream:
        return stream.read(limit)
