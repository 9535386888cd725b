"""The inspectorate's rekap workbook (`zi-sheets rekap`): a Ringkasan row per unit, every finding on Temuan.

`batch.py` checks the workbooks; this module only writes what their results say.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill

from zi_sheets.files import write_atomic

if TYPE_CHECKING:
    from zi_sheets.batch import UnitResult


def _unit_row(result: UnitResult) -> dict[str, object]:
    """The Ringkasan row of one unit; the figures stay empty for a workbook that could not be read."""
    report, coverage = result.report, result.report.coverage if result.report else None
    return {
        "Unit Kerja": result.unit or "(tidak terbaca)",
        "Berkas": result.path.name,
        "Tahun": result.year,
        "Regulasi": result.regulation,
        "Komponen": f"{coverage.komponen_covered} dari {coverage.komponen_total}" if coverage else "",
        "Cakupan Indikator (%)": coverage.indicator_percent if coverage else None,
        "Galat": report.errors if report else None,
        "Peringatan": report.warnings if report else None,
        "Langkah Terlambat": result.overdue if report else None,
        "Monev Terakhir": result.last_monev,
        "Status": result.status,
        "Keterangan": result.problem,
    }


def write_rekap(results: list[UnitResult], target: Path) -> Path:
    """The inspectorate's overview: a row per unit and every finding, formatted for reading and filtering."""
    results = sorted(results, key=lambda r: (r.status != "Tidak terbaca", r.unit.lower(), str(r.path)))
    units = pd.DataFrame([_unit_row(r) for r in results])
    findings = pd.DataFrame(
        [
            {
                "Unit Kerja": r.unit,
                "Berkas": r.path.name,
                "Sheet": f.sheet_name,
                "Sel": f.cell_text,
                "Kode": f.code,
                "Tingkat": f.severity.label,
                "Pesan": f.message,
            }
            for r in results
            if r.report
            for f in r.report.findings
        ],
        columns=["Unit Kerja", "Berkas", "Sheet", "Sel", "Kode", "Tingkat", "Pesan"],
    )

    def write(temporary: str) -> None:
        with pd.ExcelWriter(temporary, engine="openpyxl") as writer:
            units.to_excel(writer, sheet_name="Ringkasan", index=False)
            findings.to_excel(writer, sheet_name="Temuan", index=False)
            widths = {
                "Ringkasan": (30, 34, 7, 21, 13, 12, 8, 11, 11, 15, 22, 70),
                "Temuan": (30, 34, 14, 20, 26, 12, 100),
            }
            for name, sheet in writer.sheets.items():
                for index, width in enumerate(widths[name]):
                    sheet.column_dimensions[chr(65 + index)].width = width
                for cell in sheet[1]:
                    cell.font = Font(bold=True)
                    cell.fill = PatternFill("solid", fgColor="D9E2F3")
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                sheet.freeze_panes = "A2"
                sheet.auto_filter.ref = sheet.dimensions
            summary = writer.sheets["Ringkasan"]
            last = summary.max_row
            red, amber, green = ("F8CBAD", "FFE699", "C6EFCE")
            for colour, formula in (
                (red, '$K2="Tidak terbaca"'),
                (red, '$K2="Perlu perbaikan"'),
                (amber, '$K2="Lengkap, ada peringatan"'),
                (green, '$K2="Lengkap"'),
            ):
                summary.conditional_formatting.add(
                    f"A2:L{last}", FormulaRule(formula=[formula], fill=PatternFill("solid", bgColor=colour))
                )
            for row in summary.iter_rows(min_row=2):
                row[-1].alignment = Alignment(wrap_text=True, vertical="top")

    return write_atomic(target, write)
