"""The Monev progress chart: per area, the plan actions scheduled, reported and overdue, as a PNG."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class ChartSpec:
    """Everything the chart shows, as plain data (it crosses to the chart worker process)."""

    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, str, tuple[int, ...]], ...]  # (label, colour, one value per area)


def chart_spec(areas: Sequence[AreaProgress]) -> ChartSpec:
    """The chart of `areas`: per area the plan actions scheduled, reported and overdue."""
    end = areas[0].period.end_label if areas else ""
    return ChartSpec(
        title=f"Kemajuan Rencana Aksi per Area s.d. {end}".strip(),
        labels=tuple(_label(area) for area in areas),
        series=tuple(
            (label, colour, tuple(figure_of(a) for a in areas)) for label, colour, figure_of in _SERIES
        ),
    )


def progress_chart_png(areas: Sequence[AreaProgress]) -> bytes:
    """A horizontal grouped bar chart of `areas` (scheduled, reported, overdue) as PNG bytes, ~16 x 8 cm."""
    return render_png(chart_spec(areas))


def render_png(spec: ChartSpec) -> bytes:
    """Draw `spec` with matplotlib's Agg canvas, no pyplot (no global state, no display); deterministic."""
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
        positions = range(len(spec.labels))
        for index, (label, colour, values) in enumerate(spec.series):
            bars = axes.barh(
                [p + (index - 1) * bar for p in positions], values, height=bar, color=colour, label=label
            )
            axes.bar_label(bars, labels=[str(v) if v else "" for v in values], padding=2, fontsize=7)
        axes.set_yticks(list(positions), list(spec.labels))
        axes.invert_yaxis()
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        highest = max((v for _, _, values in spec.series for v in values), default=0)
        axes.set_xlim(0, max(highest, 1) * 1.12)
        axes.set_xlabel("Jumlah langkah aksi")
        axes.set_title(spec.title)
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(loc="best", fontsize=7, frameon=False)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _import_matplotlib() -> None:
    from matplotlib import figure  # noqa: F401
    from matplotlib.backends import backend_agg  # noqa: F401


class ChartWorker:
    """Draws charts in a second process that loads matplotlib while the main process reads and writes.

    -- Importing matplotlib costs about half a second, as much as the rest of a build of a typical
    -- workbook; started early, a second core pays it in parallel. Any failure falls back to drawing here.
    """

    def __init__(self) -> None:
        import concurrent.futures
        import multiprocessing
        import sys

        method = "fork" if sys.platform == "linux" else "spawn"
        try:
            self._pool: concurrent.futures.ProcessPoolExecutor | None = (
                concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(method))
            )
            self._pool.submit(_import_matplotlib)
        except (OSError, ValueError):
            self._pool = None

    def render(self, areas: Sequence[AreaProgress]) -> bytes:
        """The chart of `areas` as PNG bytes, from the worker when it is alive, else drawn here."""
        spec = chart_spec(areas)
        if self._pool is not None:
            try:
                return self._pool.submit(render_png, spec).result(timeout=120)
            except Exception:  # a dead or stuck worker must not cost the user the document
                self.close()
        return render_png(spec)

    def close(self) -> None:
        """Stop the worker process."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _label(area: AreaProgress) -> str:
    if area.area_no is None:
        return area.name
    return f"{area.numeral}. {SHORT_NAMES[area.area_no]}"
