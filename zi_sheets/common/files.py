"""Writing files safely: output files atomically (a failed write leaves no half-written file behind), and
the user's own workbook rewritten in place (`rewrite_in_place`: locked, backed up, replaced only when the new
file is complete).

Every failure to write becomes one Indonesian sentence (ZiSheetsError) naming the file or folder and the
reason, so no command answers a full disk or a read-only folder with a traceback.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from zi_sheets.common.errors import ZiSheetsError

try:  # -- advisory locks are POSIX; elsewhere two runs at once are not kept apart
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_REASONS = {
    errno.EACCES: "tidak ada izin menulis di sana",
    errno.EPERM: "tidak ada izin menulis di sana",
    errno.ENOSPC: "disk penuh",
    # -- a quota, or a size limit set for the process (RLIMIT_FSIZE), is a full disk to the user --
    getattr(errno, "EDQUOT", errno.ENOSPC): "disk penuh",
    errno.EFBIG: "disk penuh",
    errno.EROFS: "disk atau folder itu hanya dapat dibaca",
    errno.ENAMETOOLONG: "namanya terlalu panjang",
}


def os_reason(error: OSError, path: Path | None = None) -> str:
    """Why the operating system refused, in Indonesian ("disk penuh"); `path` helps name a file in the way."""
    if isinstance(error, NotADirectoryError | FileExistsError) and path is not None:
        blocking = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            return f"{blocking} adalah berkas, bukan folder"
    if isinstance(error, IsADirectoryError) and path is not None:
        return f"{path} adalah folder"
    reason = _REASONS.get(error.errno or 0)
    if reason:
        return reason
    if isinstance(error, FileNotFoundError):
        return "folder itu tidak ada"
    return error.strerror or type(error).__name__


def make_folder(folder: Path) -> Path:
    """Create `folder` and its parents; ZiSheetsError naming the folder and the reason when that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ZiSheetsError(f"Folder {folder} tidak dapat dibuat: {os_reason(error, folder)}.") from error
    return folder


def write_atomic(path: str | Path, write: Callable[[str], object]) -> Path:
    """Call `write(temporary_path)`, then rename the result onto `path`; the temporary file never stays.

    Raises ZiSheetsError when the folder cannot be written, the disk is full or `path` is locked (a
    document open in Word on Windows); `path` is then as it was before.
    """
    path = Path(path)
    make_folder(path.parent)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".~", suffix=path.suffix)
    except OSError as error:
        raise ZiSheetsError(
            f"Folder {path.parent} tidak dapat ditulis: {os_reason(error, path.parent)}."
        ) from error
    os.close(handle)
    try:
        write(temporary)
        # -- mkstemp creates the file 0600; give the result the permissions a normal save would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except PermissionError as error:
        # -- Windows refuses to replace a file another program holds open; a locked folder failed above.
        raise ZiSheetsError(
            f"Berkas {path} tidak dapat ditulis (mungkin sedang dibuka di Word atau Excel); "
            "tutup lalu ulangi."
        ) from error
    except OSError as error:
        raise ZiSheetsError(f"Berkas {path} tidak dapat ditulis: {os_reason(error, path)}.") from error
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return path


# -- The file in an output folder that names the workbook its documents come from. --
OWNER_FILE = ".zi-sheets.json"


def claim_folder(folder: Path, workbook: Path) -> None:
    """Make `folder` the output folder of `workbook`, unless another workbook's documents are there.

    Two workbooks of one unit and year map to one folder; writing both there would mix their documents
    (`zi.xlsx` and `zi (revisi).xlsx`). The first build records its workbook in the folder; a build from
    another workbook is refused with ZiSheetsError naming both files. A folder written before this record
    existed is taken over as it is.
    """
    owner_file = folder / OWNER_FILE
    record = json.dumps({"workbook": _relative(workbook, folder)}, ensure_ascii=False)
    try:
        # -- O_EXCL: of two builds racing for a new folder (a batch on two cores), exactly one claims it.
        handle = os.open(owner_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        owner = _owner(owner_file, folder)
        if owner is None or _same_file(owner, workbook):
            if owner is None:
                owner_file.write_text(record, encoding="utf-8")
            return
        raise ZiSheetsError(
            f"Folder {folder} sudah berisi dokumen dari {owner.name}, bukan dari {workbook.name}; agar "
            f"keduanya tidak tercampur, dokumen {workbook.name} tidak ditulis: pakai -o FOLDER lain, atau "
            f"hapus folder itu bila {workbook.name} menggantikan {owner.name}."
        ) from None
    except OSError as error:
        raise ZiSheetsError(f"Folder {folder} tidak dapat ditulis: {os_reason(error, folder)}.") from error
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(record)


def _relative(workbook: Path, folder: Path) -> str:
    """The workbook's path from the folder, so that moving both together keeps the record true."""
    try:
        return Path(os.path.relpath(workbook.resolve(), folder.resolve())).as_posix()
    except ValueError:  # -- another drive on Windows: no relative path exists
        return workbook.resolve().as_posix()


def _owner(owner_file: Path, folder: Path) -> Path | None:
    """The workbook recorded in `owner_file`; None when the record is unreadable.

    -- A build claiming the folder this instant has created the file but not yet written it: wait a
    -- moment for its content rather than take an empty file for no owner. --
    """
    for _ in range(40):
        try:
            text = owner_file.read_text(encoding="utf-8")
        except OSError:
            return None
        if text.strip():
            try:
                recorded = json.loads(text).get("workbook")
            except (ValueError, AttributeError):
                return None
            return folder / recorded if isinstance(recorded, str) and recorded else None
        time.sleep(0.05)
    return None


def _same_file(first: Path, second: Path) -> bool:
    return os.path.normcase(first.resolve()) == os.path.normcase(second.resolve())


# -- Rewriting the user's own workbook (`init --sinkron-realisasi`, `init --lke-only`). --

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
# -- how long a run waits for another run on the same workbook before it gives up with a message
LOCK_WAIT_S = 120.0


@dataclass(frozen=True)
class Rewritten:
    """A workbook rewritten in place, and the copy of it as it was."""

    path: Path
    backup: Path


def backup_name(path: Path) -> Path:
    """The next free backup of `path`: `zi.xlsx.bak`, then `zi.xlsx.bak.1`, `zi.xlsx.bak.2`, ...

    The number is one more than the highest already in the folder, so the newest backup always has the
    highest number (even when the user deleted an older one). A name taken by anything, a link included,
    is never reused.
    """
    base = path.name + ".bak"
    try:
        names = os.listdir(path.parent)
    except OSError:
        names = []
    if base not in names:
        return path.with_name(base)
    numbers = [
        int(n[len(base) + 1 :]) for n in names if n.startswith(base + ".") and n[len(base) + 1 :].isdigit()
    ]
    return path.with_name(f"{base}.{max(numbers, default=0) + 1}")


class Rewrite:
    """The workbook at `path`, open and locked against other zi-sheets runs; `commit` replaces it."""

    def __init__(self, path: Path, handle: int, info: os.stat_result) -> None:
        self.path, self._handle, self._info = path, handle, info

    def commit(self, write: Callable[[str], object]) -> Path:
        """Call `write(temporary_path)` for the new workbook (a file in the same folder), back the old one
        up (`backup_name`) and rename the new one onto it; returns the backup.

        The new file gets the workbook's permissions. Whatever fails (a full disk, a folder without write
        permission, the workbook changed by another program meanwhile), ZiSheetsError says so, the workbook
        and every backup are as they were, and no new file stays behind.
        """
        path = self.path
        try:
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".~", suffix=path.suffix)
        except OSError as error:
            raise ZiSheetsError(
                f"Folder {path.parent} tidak dapat ditulis: {os_reason(error, path.parent)}; {path.name} "
                "tidak diubah."
            ) from error
        os.close(handle)
        backup: Path | None = None
        try:
            code = _write_reporting_errno(write, temporary)
            if code is None:
                code = _finish(temporary, stat.S_IMODE(self._info.st_mode))
            if code is not None:
                raise ZiSheetsError(
                    f"Berkas {path} tidak dapat ditulis: {_reason(code)}; berkas itu dan cadangannya tetap "
                    "seperti semula."
                )
            if not self._unchanged():
                raise ZiSheetsError(
                    f"Berkas {path} diubah program lain selama zi-sheets bekerja; tidak ada yang ditulis, "
                    "simpan dan tutup berkas itu lalu ulangi."
                )
            backup = self._backup()
            os.replace(temporary, path)
        except PermissionError as error:
            # -- Windows refuses to replace a file another program holds open
            raise ZiSheetsError(
                f"Berkas {path} tidak dapat ditulis (mungkin sedang dibuka di Excel); tutup lalu ulangi."
            ) from error
        except OSError as error:
            raise ZiSheetsError(f"Berkas {path} tidak dapat ditulis: {os_reason(error, path)}.") from error
        finally:
            if os.path.lexists(temporary):
                os.remove(temporary)
                if backup is not None:  # -- the workbook was not replaced: its new backup is no backup
                    os.remove(backup)
        return backup

    def _unchanged(self) -> bool:
        """Whether the file at the path is still the one read (no program saved over it meanwhile)."""
        try:
            now = os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        keys = ("st_dev", "st_ino", "st_size", "st_mtime_ns")
        return all(getattr(now, key) == getattr(self._info, key) for key in keys)

    def _backup(self) -> Path:
        """Copy the workbook as it was into a new backup file; never onto an existing file or through a link.

        -- O_EXCL|O_NOFOLLOW: a name that exists, a link to a file elsewhere included, is skipped, never
        -- written; the copy comes from the open, locked workbook, so it is the file that was read. --
        """
        backup = backup_name(self.path)
        while True:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
            try:
                handle = os.open(backup, flags, 0o600)
            except FileExistsError:
                # -- taken since the folder was listed (not by zi-sheets: it holds the lock), or a folder
                # -- that cannot be listed: the next number
                number = backup.name[len(self.path.name) + len(".bak.") :]
                backup = self.path.with_name(f"{self.path.name}.bak.{int(number or 0) + 1}")
                continue
            except OSError as error:
                raise ZiSheetsError(
                    f"Cadangan {backup} tidak dapat ditulis: {os_reason(error, backup)}; {self.path.name} "
                    "tidak diubah."
                ) from error
            try:
                _copy_handle(self._handle, handle)
                if os.chmod in os.supports_fd:
                    os.chmod(handle, stat.S_IMODE(self._info.st_mode))
                if os.utime in os.supports_fd:  # -- the backup keeps the time the workbook was last saved
                    os.utime(handle, ns=(self._info.st_atime_ns, self._info.st_mtime_ns))
                os.fsync(handle)
            except OSError as error:
                os.close(handle)
                os.remove(backup)
                raise ZiSheetsError(
                    f"Cadangan {backup} tidak dapat ditulis: {os_reason(error, backup)}; {self.path.name} "
                    "dan cadangan lamanya tidak diubah."
                ) from error
            os.close(handle)
            return backup


@contextmanager
def rewrite_in_place(path: str | Path) -> Iterator[Rewrite]:
    """Hold the workbook at `path` for rewriting: read it inside the block, then `rewrite.commit(write)`.

    Refused with ZiSheetsError, before anything is read or written, when `path` is a symbolic link (the
    tool never writes through a link: the user runs it on the file itself), is missing or not a regular
    file, is open in Excel or LibreOffice (their lock file `~$zi.xlsx` or `.~lock.zi.xlsx#` beside it) or
    is read-only. A second run on the same workbook waits here until the first is done (an advisory lock
    on the workbook itself, so no lock file is left behind and a run that died holds nothing), then reads
    the workbook the first one wrote.
    """
    path = Path(path)
    if path.is_symlink():
        raise ZiSheetsError(
            f"Berkas {path} adalah tautan ke {os.readlink(path)}; zi-sheets tidak menulis melalui tautan: "
            "jalankan pada berkas aslinya."
        )
    handle, info = _open_locked(path)
    try:
        if not stat.S_ISREG(info.st_mode):
            raise ZiSheetsError(f"{path} bukan berkas workbook biasa; tidak ada yang diubah.")
        _refuse_if_open_elsewhere(path)
        # -- access() answers for the user; the mode bits catch a file marked read-only even for root
        if not os.access(path, os.W_OK) or not info.st_mode & 0o222:
            raise ZiSheetsError(
                f"Berkas {path} hanya dapat dibaca (tanpa izin tulis); zi-sheets tidak mengubah izinnya: "
                "beri izin tulis lalu ulangi."
            )
        yield Rewrite(path, handle, info)
    finally:
        os.close(handle)  # -- also releases the lock, after the new workbook is in place


def _open_locked(path: Path) -> tuple[int, os.stat_result]:
    """Open the workbook and take its lock, waiting for another run (at most LOCK_WAIT_S).

    -- The run waited for replaces the file: once the lock is ours, a path that now names another file
    -- means that new file is the workbook to lock. --
    """
    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        try:
            # -- O_NONBLOCK: opening a FIFO put in the workbook's place must not hang; O_NOFOLLOW: no link
            handle = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | _BINARY)
        except FileNotFoundError:
            raise ZiSheetsError(f"Berkas {path.name} tidak ditemukan.") from None
        except OSError as error:
            raise ZiSheetsError(f"Berkas {path} tidak dapat dibuka: {os_reason(error, path)}.") from error
        if not _lock(handle, deadline):
            os.close(handle)
            raise ZiSheetsError(
                f"Berkas {path} masih ditulis oleh zi-sheets lain setelah {LOCK_WAIT_S:.0f} detik; tidak "
                "ada yang diubah, ulangi nanti."
            )
        info = os.fstat(handle)
        try:
            now = os.stat(path, follow_symlinks=False)
        except FileNotFoundError:
            os.close(handle)
            raise ZiSheetsError(f"Berkas {path.name} tidak ditemukan.") from None
        if (now.st_dev, now.st_ino) == (info.st_dev, info.st_ino):
            return handle, info
        os.close(handle)


def _lock(handle: int, deadline: float) -> bool:
    """Take the exclusive advisory lock on `handle`; False when another holder keeps it past `deadline`."""
    if fcntl is None:
        return True
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        except OSError:  # -- a file system without locks (some network shares): go on unlocked
            return True


def office_lock_files(path: Path) -> list[Path]:
    """The lock files Excel and LibreOffice keep beside a workbook they have open, where present.

    -- Excel: `~$` and the name (Word-style, `~$` over the first two letters, too); LibreOffice:
    -- `.~lock.<name>#`. --
    """
    names = [f"~${path.name}", f".~lock.{path.name}#"]
    if len(path.stem) > 2:
        names.append(f"~${path.name[2:]}")
    return [path.with_name(name) for name in names if os.path.lexists(path.with_name(name))]


def _refuse_if_open_elsewhere(path: Path) -> None:
    for lock in office_lock_files(path):
        program = "LibreOffice" if lock.name.startswith(".~lock.") else "Excel"
        raise ZiSheetsError(
            f"Berkas {path} sedang dibuka di {program} (ada berkas kunci {lock.name}); tutup dulu lalu "
            f"ulangi, atau hapus {lock.name} bila berkas itu sebenarnya tidak sedang dibuka."
        )


def _write_reporting_errno(write: Callable[[str], object], temporary: str) -> int | None:
    """Call `write(temporary)`; the errno when it failed to write (a full disk), None when it succeeded.

    Any other error propagates. -- The failed writer's objects (an open zip, an XML stream) fail again
    when they are freed, on the same full disk; that second failure would print a traceback, so it is
    silenced while they are collected. --
    """
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        try:
            write(temporary)
            return None
        except Exception as error:
            code = _io_errno(error)
            if code is None:
                raise
        gc.collect()  # -- outside the except block: the traceback holding the writer's frames is gone
        return code
    finally:
        sys.unraisablehook = hook


def _io_errno(error: BaseException) -> int | None:
    """The errno of a failure to write: an OSError's, or lxml's SerialisationError("IO_ENOSPC")."""
    if isinstance(error, OSError):
        return error.errno or errno.EIO
    text = str(error)
    if type(error).__module__.startswith("lxml") and text.startswith("IO_"):
        return getattr(errno, text[3:], errno.EIO)
    return None


def _finish(temporary: str, mode: int) -> int | None:
    """Give the new file the workbook's permissions and put it on disk; the errno when that fails."""
    try:
        os.chmod(temporary, mode)
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
    except OSError as error:
        return error.errno or errno.EIO
    return None


def _copy_handle(source: int, target: int) -> None:
    os.lseek(source, 0, os.SEEK_SET)
    while chunk := os.read(source, 1 << 20):
        view = memoryview(chunk)
        while view:
            view = view[os.write(target, view) :]


def _reason(code: int) -> str:
    return os_reason(OSError(code, os.strerror(code)))
