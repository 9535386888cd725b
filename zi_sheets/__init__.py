"""zi-sheets: Zona Integritas documents (Rencana Kerja, Monev, Lampiran) from one Excel workbook.

The command line is a shell over the functions of `zi_sheets.api`, usable from Python as well::

    import zi_sheets

    workbook = zi_sheets.read("zi-2026.xlsx")
    report = zi_sheets.check(workbook)
    assessment = zi_sheets.score(workbook)
    result = zi_sheets.build("zi-2026.xlsx", output="keluaran", bulan="2026-05")

`plan_frame` and `rekap_frame` give pandas DataFrames (the `pandas` extra). See `zi_sheets.api` for each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zi_sheets.api import build, check, next_year, plan_frame, read, rekap_frame, score

__version__ = "0.1.0"
__all__ = ["__version__", "build", "check", "next_year", "plan_frame", "read", "rekap_frame", "score"]

# -- The functions are re-exported lazily: `import zi_sheets` (and so `zi-sheets --help`) must not load
# -- openpyxl, python-docx or python-calamine, nor even the api module, until one is first used. --
_API = frozenset(__all__) - {"__version__"}


def __getattr__(name: str) -> object:
    if name not in _API:
        raise AttributeError(f"module 'zi_sheets' has no attribute {name!r}")
    from zi_sheets import api

    function = getattr(api, name)
    globals()[name] = function
    return function


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
