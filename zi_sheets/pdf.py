"""PDF copies of the documents through LibreOffice (headless), when it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from zi_sheets.errors import ZiSheetsError

# -- Where office suites install themselves when they are not on PATH (Windows, macOS). --
_CANDIDATES = (
    "soffice",
    "libreoffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
CONVERT_TIMEOUT_SECONDS = 180
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


def convert_to_pdf(documents: list[Path], office: str | None = None) -> list[Path]:
    """Write `<name>.pdf` beside each document; ZiSheetsError when LibreOffice is absent or fails."""
    office = office or find_office()
    if office is None:
        raise ZiSheetsError(INSTALL_HINT)
    written = []
    # -- A private profile per run: LibreOffice refuses to start headless while another instance (the
    # -- user's open office suite, or a parallel build) holds the default profile.
    with tempfile.TemporaryDirectory(prefix="zi-sheets-lo-") as profile:
        for document in documents:
            with tempfile.TemporaryDirectory(dir=document.parent, prefix=".~pdf-") as staging:
                command = [
                    office,
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    staging,
                    str(document),
                ]
                try:
                    subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS, check=False)
                except (OSError, subprocess.TimeoutExpired) as error:
                    raise ZiSheetsError(
                        f"LibreOffice gagal mengubah {document.name} ke PDF: {error}."
                    ) from error
                produced = Path(staging) / (document.stem + ".pdf")
                if not produced.is_file():
                    raise ZiSheetsError(f"LibreOffice tidak menghasilkan PDF untuk {document.name}.")
                target = document.with_suffix(".pdf")
                os.replace(produced, target)  # -- same folder: the PDF appears whole or not at all
                written.append(target)
    return written
