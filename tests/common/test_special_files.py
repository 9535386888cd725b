"""Reading files a workbook names: only regular files, never blocking (common/regular_files.py); zip
packages checked by declared and streamed size before any parser (common/archives.py)."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

from zi_sheets.common.archives import DAMAGED, declared_too_big, inflates_as_declared, members
from zi_sheets.common.regular_files import inside, is_regular_file, read_regular_file

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "security"))
from zipped import declare_size  # noqa: E402


def test_a_regular_file_is_read_up_to_its_limit(tmp_path):
    path = tmp_path / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 100)
    assert read_regular_file(path, 108) == path.read_bytes()
    assert read_regular_file(path, 107) is None  # -- larger than the caller can use: not read at all


def test_a_pipe_a_device_a_folder_and_a_missing_file_are_never_read(tmp_path):
    os.mkfifo(tmp_path / "pipa.png")
    for path in (tmp_path / "pipa.png", Path("/dev/zero"), tmp_path, tmp_path / "tidak-ada.png"):
        assert not is_regular_file(path)
        assert read_regular_file(path, 1 << 20) is None  # -- returns at once: the pipe has no writer


def test_inside_resolves_links_and_dot_dots(tmp_path):
    folder, outside = tmp_path / "kerja", tmp_path / "lain"
    folder.mkdir()
    outside.mkdir()
    (outside / "logo.png").write_bytes(b"x")
    (folder / "tautan.png").symlink_to(outside / "logo.png")
    (folder / "logo.png").write_bytes(b"x")
    assert inside(folder / "logo.png", [folder])
    assert not inside(folder / "tautan.png", [folder])
    assert not inside(folder / ".." / "lain" / "logo.png", [folder])
    assert not inside(Path("/etc/passwd"), [folder])


def _package(members_: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members_.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def test_declared_sizes_over_the_limit_or_extreme_ratios_are_a_bomb():
    small = _package({"a.xml": b"<a/>" * 100})
    assert not declared_too_big(members(small))
    spaces = _package({"a.xml": b" " * (30 << 20)})  # -- 30 MB that packs into a few kB
    assert declared_too_big(members(spaces))
    assert declared_too_big(members(_package({"a.xml": b"<a/>" * 1000})), limit=1000)


def test_streamed_sizes_are_checked_against_the_limit_and_a_member_that_lies(tmp_path):
    package = _package({"a.xml": b"<a/>" * 1000, "b.xml": b"<b/>" * 1000})
    assert inflates_as_declared(package)
    assert not inflates_as_declared(package, limit=5000)  # -- together past the limit
    path = tmp_path / "bohong.zip"
    path.write_bytes(_package({"a.xml": b" " * 100_000}).getvalue())
    declare_size(path, "a.xml", 1000)
    with pytest.raises(DAMAGED):
        inflates_as_declared(path)
