"""PDF copies of the documents through LibreOffice (headless), when it is installed.

-- Starting LibreOffice costs seconds, converting a document a fraction of one: all documents of a build,
-- or of a whole batch, go through one start (or one per core for many), never one start per document.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.files import write_atomic

# -- Where office suites install themselves when they are not on PATH (Windows, macOS). --
_CANDIDATES = (
    "soffice",
    "libreoffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
# -- A start may take a minute on a slow office PC; then each document gets its own allowance. --
START_TIMEOUT_SECONDS, DOCUMENT_TIMEOUT_SECONDS = 120, 60
# -- Below this many documents a second LibreOffice is not worth its start. --
DOCUMENTS_PER_START = 6
INSTALL_HINT = (
    "LibreOffice tidak ditemukan, jadi PDF tidak dibuat (dokumen .docx tetap ditulis); pasang "
    "LibreOffice dari https://www.libreoffice.org atau 'sudo apt-get install libreoffice-writer', "
    "lalu ulangi dengan --pdf."
)


def find_office() -> str | None:
    """The LibreOffice program to run, None when it is not installed."""
    for candidate in _CANDIDATES:
        found = shutil.which(candidate) or (candidate if os.path.isfile(candidate) else None)
        if found:
            return found
    return None


def printed(documents: Sequence[Path]) -> list[Path]:
    """The documents of a build that get a PDF: the Word documents, not the LKE workbook beside them."""
    return [document for document in documents if document.suffix.lower() == ".docx"]


def convert_to_pdf(documents: Sequence[Path], office: str | None = None, jobs: int = 1) -> list[Path]:
    """Write `<name>.pdf` beside each document, in the documents' order (see `convert_many`).

    Raises ZiSheetsError when LibreOffice is absent, or naming a document it did not convert (the PDFs of
    the others are written).
    """
    converted = convert_many(documents, office, jobs)
    failed = [document.name for document, pdf in converted.items() if pdf is None]
    if failed:
        raise ZiSheetsError(f"LibreOffice tidak menghasilkan PDF untuk {', '.join(failed)}.")
    return [pdf for pdf in converted.values() if pdf is not None]


def convert_many(
    documents: Sequence[Path], office: str | None = None, jobs: int = 1
) -> dict[Path, Path | None]:
    """Convert `documents` with one LibreOffice start, or up to `jobs` side by side for many documents.

    Each PDF appears beside its document whole or not at all. Returns document -> PDF, None for a document
    LibreOffice did not convert. Raises ZiSheetsError when LibreOffice is absent.
    """
    office = office or find_office()
    if office is None:
        raise ZiSheetsError(INSTALL_HINT)
    documents = list(dict.fromkeys(Path(d) for d in documents))
    converted: dict[Path, Path | None] = dict.fromkeys(documents)
    if not documents:
        return converted
    starts = max(1, min(jobs, len(documents) // DOCUMENTS_PER_START))
    with tempfile.TemporaryDirectory(prefix="zi-sheets-pdf-") as work:
        staging, out = Path(work, "in"), Path(work, "out")
        staging.mkdir()
        # -- documents of several units share file names, and a name may look like an option
        # -- (`-o.docx`): each is staged under its own number
        names = [f"{index:05d}.docx" for index in range(len(documents))]
        for name, document in zip(names, documents, strict=True):
            _copy(document, staging / name)
        groups = [names[start::starts] for start in range(starts)]
        _run_office(office, groups, staging, out, Path(work))
        for name, document in zip(names, documents, strict=True):
            produced = out / (Path(name).stem + ".pdf")
            if produced.is_file() and produced.stat().st_size:
                converted[document] = _copy(produced, document.with_suffix(".pdf"), atomic=True)
    return converted


def _copy(source: Path, target: Path, *, atomic: bool = False) -> Path:
    try:
        if atomic:  # -- the PDF appears whole or not at all
            return write_atomic(target, functools.partial(shutil.copyfile, source))
        return Path(shutil.copyfile(source, target))
    except OSError as error:
        raise ZiSheetsError(
            f"Berkas {target if atomic else source} tidak dapat {'ditulis' if atomic else 'dibaca'} "
            f"({error.strerror}); tutup berkas itu bila sedang dibuka, lalu ulangi."
        ) from error


def _run_office(office: str, groups: list[list[str]], staging: Path, out: Path, work: Path) -> None:
    """One LibreOffice process per group of staged names, side by side; a hung one is ended."""
    processes = []
    for number, group in enumerate(groups):
        # -- A private profile per start: LibreOffice refuses to start headless while another instance
        # -- (the user's open office suite, or the other start) holds the profile.
        profile = (work / f"profile-{number}").as_uri()
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        # -- every path absolute: none can be read as an option, whatever the user's folder is called
        command += ["--outdir", str(out.resolve()), *(str((staging / name).resolve()) for name in group)]
        try:
            process = subprocess.Popen(
                command, cwd=staging, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        except OSError as error:
            raise ZiSheetsError(
                f"LibreOffice ({office}) tidak dapat dijalankan: {error.strerror}."
            ) from error
        deadline = time.monotonic() + START_TIMEOUT_SECONDS + DOCUMENT_TIMEOUT_SECONDS * len(group)
        processes.append((process, deadline))
    for process, deadline in processes:
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:  # -- what it converted stays; the rest is reported missing
            process.kill()
            process.wait()
