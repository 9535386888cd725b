"""Writing output files atomically: a failed write leaves no half-written file behind.

Every failure to write becomes one Indonesian sentence (ZiSheetsError) naming the file or folder and the
reason, so no command answers a full disk or a read-only folder with a traceback.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from zi_sheets.common.errors import ZiSheetsError

_REASONS = {
    errno.EACCES: "tidak ada izin menulis di sana",
    errno.EPERM: "tidak ada izin menulis di sana",
    errno.ENOSPC: "disk penuh",
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
