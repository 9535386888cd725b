"""Writing output files atomically: a failed write leaves no half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: str | Path, write: Callable[[str], object]) -> Path:
    """Call `write(temporary_path)`, then rename the result onto `path`; the temporary file never stays."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".~", suffix=path.suffix)
    os.close(handle)
    try:
        write(temporary)
        # -- mkstemp creates the file 0600; give the result the permissions a normal save would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return path
