"""The Monev progress chart: per area, the plan actions scheduled, reported and overdue, as a PNG."""

from __future__ import annotations

import io
from collections.abc import Sequence

from zi_sheets.progress import AreaProgress

WIDTH_CM, HEIGHT_CM, DPI = 16.0, 8.0, 180
_CM_PER_INCH = 2.54

# -- Short area labels that fit beside a bar; the document's table gives the full names. --
SHORT_NAMES = {
    1: "Manajemen Perubahan",
    2: "Tatalaksana",
    3: "Manajemen SDM",
    4: "Akuntabilitas Kinerja",
    5: "Pengawasan",
    6: "Pelayanan Publik",
}
# -- (label, colour, figure of an AreaProgress) for each bar of an area, top to bottom --
_SERIES = (
    ("Dijadwalkan", "#8c8c8c", lambda area: area.scheduled),
    ("Dilaporkan", "#2e7d32", lambda area: area.reported),
    ("Terlambat", "#c62828", lambda area: len(area.terlambat)),
)
# -- Fixed settings so the image does not depend on the user's matplotlibrc or on the run. --
_RC = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 9,
    "axes.edgecolor": "#404040",
    "svg.hashsalt": "zi-sheets",
    "path.simplify": True,
    "text.hinting": "default",
}


def progress_chart_png(areas: Sequence[AreaProgress]) -> bytes:
    """A horizontal grouped bar chart of `areas` (scheduled, reported, overdue) as PNG bytes, ~16 x 8 cm.

    Rendered with matplotlib's Agg canvas and no pyplot (no global figure state, no display needed); the
    same areas always give the same bytes.
    """
    # -- imported here so that commands which draw no chart (and `--help`) never load matplotlib --
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with matplotlib.rc_context(_RC):
        figure = Figure(figsize=(WIDTH_CM / _CM_PER_INCH, HEIGHT_CM / _CM_PER_INCH), dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        bar = 0.26
        positions = range(len(areas))
        for index, (label, colour, figure_of) in enumerate(_SERIES):
            values = [figure_of(area) for area in areas]
            bars = axes.barh(
                [p + (index - 1) * bar for p in positions], values, height=bar, color=colour, label=label
            )
            axes.bar_label(bars, labels=[str(v) if v else "" for v in values], padding=2, fontsize=7)
        axes.set_yticks(list(positions), [_label(area) for area in areas])
        axes.invert_yaxis()
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        highest = max((figure_of(area) for area in areas for _, _, figure_of in _SERIES), default=0)
        axes.set_xlim(0, max(highest, 1) * 1.12)
        axes.set_xlabel("Jumlah langkah aksi")
        end = areas[0].period.end_label if areas else ""
        axes.set_title(f"Kemajuan Rencana Aksi per Area s.d. {end}".strip())
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(loc="best", fontsize=7, frameon=False)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _label(area: AreaProgress) -> str:
    if area.area_no is None:
        return area.name
    return f"{area.numeral}. {SHORT_NAMES[area.area_no]}"
