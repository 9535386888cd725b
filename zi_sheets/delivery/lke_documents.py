"""The two documents of a self-assessment, written side by side: the Laporan Penilaian Mandiri (.docx) and
the LKE workbook for submission (.xlsx). `zi-sheets nilai -o` writes them, and so does `build` when the LKE
sheet holds answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.delivery.names import output_folder, safe_filename

if TYPE_CHECKING:  # -- a build without LKE answers never loads the assessment
    from zi_sheets.analysis.analyse import Analysis
    from zi_sheets.common.model import Workbook
    from zi_sheets.lke.assess import Assessment
    from zi_sheets.reading.house_style import PageStyle

LAPORAN = "Laporan Penilaian Mandiri ZI"
LKE_UNGGAH = "LKE Zona Integritas"


def filename(title: str, workbook: Workbook, suffix: str) -> str:
    """ "Laporan Penilaian Mandiri ZI 2024.docx": the title and the plan year, safe as a file name."""
    return safe_filename(
        " ".join(str(part) for part in (title, workbook.identitas.tahun or "") if part), suffix
    )


def write_into(
    assessment: Assessment, folder: Path, style: PageStyle | None = None, date: dt.date | None = None
) -> list[Path]:
    """Write both documents into `folder`; ZiSheetsError when a file cannot be written."""
    from zi_sheets.render.lke_upload import write_submission
    from zi_sheets.render.penilaian import build_penilaian
    from zi_sheets.render.word.document import save_atomic

    workbook = assessment.workbook
    laporan = folder / filename(LAPORAN, workbook, ".docx")
    unggah = folder / filename(LKE_UNGGAH, workbook, ".xlsx")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        save_atomic(build_penilaian(assessment, style, date), laporan)
        write_submission(assessment, unggah)
    except OSError as error:
        raise ZiSheetsError(
            f"Dokumen penilaian tidak dapat ditulis di {folder} ({error.strerror}); tutup berkasnya bila "
            "sedang dibuka, lalu ulangi."
        ) from error
    return [laporan, unggah]


def write_documents(assessment: Assessment, base: Path, style: PageStyle | None = None) -> list[Path]:
    """Write both documents into the workbook's output folder under `base` (`<base>/<unit>-<tahun>/`), in
    the house style of its Pengaturan sheet when `style` is None."""
    from zi_sheets.reading.house_style import house_style

    workbook = assessment.workbook
    return write_into(assessment, output_folder(workbook, base), style or house_style(workbook).style)


def build_documents(analysis: Analysis, folder: Path, style: PageStyle) -> list[Path]:
    """For `build`: both documents in `folder` when the LKE sheet holds at least one answer, else none."""
    sheet = analysis.workbook.lke
    if sheet is None or not sheet.started:
        return []
    from zi_sheets.lke.assess import assess

    return write_into(assess(analysis), folder, style)
