"""The Monev progress chart: per area, the plan actions scheduled, reported and overdue, as a PNG."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
_RC: dict[str, Any] = {
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

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]  # -- keys are typed as a Literal
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


def _serve(connection) -> None:
    """The worker process: load matplotlib at once, then draw every spec received until None arrives."""
    from matplotlib import figure  # noqa: F401
    from matplotlib.backends import backend_agg  # noqa: F401

    while (spec := connection.recv()) is not None:
        try:
            connection.send(render_png(spec))
        except Exception as error:  # reported to the main process, which then draws itself
            connection.send(error)


class ChartWorker:
    """Draws charts in a second process that loads matplotlib while the main process reads and writes.

    -- Importing matplotlib costs about half a second, as much as the rest of a build of a typical
    -- workbook; started first, a second core pays it in parallel. Any failure falls back to drawing here.
    """

    TIMEOUT_SECONDS = 120

    def __init__(self) -> None:
        import multiprocessing
        import sys

        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        try:
            self._connection, child = context.Pipe()
            # -- every concrete context has Process; the base class mypy sees does not declare it
            self._process = context.Process(target=_serve, args=(child,), daemon=True)  # type: ignore[attr-defined]
            self._process.start()
            child.close()  # -- only the worker holds its end: a dead worker then reads as EOF here
        except Exception:  # no second process here (a daemonic parent, a sandbox): draw in this one
            self._process = None

    def render(self, areas: Sequence[AreaProgress]) -> bytes:
        """The chart of `areas` as PNG bytes, from the worker when it is alive, else drawn here."""
        spec = chart_spec(areas)
        if self._process is not None:
            try:
                self._connection.send(spec)
                if self._connection.poll(self.TIMEOUT_SECONDS):
                    answer = self._connection.recv()
                    if isinstance(answer, bytes):
                        return answer
            except (OSError, EOFError):  # a dead worker must not cost the user the document
                pass
            self.close()
        return render_png(spec)

    def close(self) -> None:
        """Stop the worker; one still loading matplotlib (the workbook had no Monev) is simply ended."""
        if self._process is None:
            return
        try:
            self._connection.send(None)
        except OSError:
            pass
        self._process.join(timeout=0.2)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._connection.close()
        self._process = None


def _label(area: AreaProgress) -> str:
    if area.area_no is None:
        return area.name
    return f"{area.numeral}. {SHORT_NAMES[area.area_no]}"


# -- Bar colours of the score chart: below the WBK minimum, between the minima, at or above the WBBM one. --
_BELOW, _BETWEEN, _ABOVE = "#c62828", "#f9a825", "#2e7d32"


def area_score_png(
    labels: Sequence[str], percents: Sequence[float], minima: Sequence[tuple[str, float]] = ()
) -> bytes:
    """A horizontal bar per area of its score as a percentage of its weight, with a dashed line at each of
    `minima` ((label, percent), e.g. ("Minimal WBK", 60)), as PNG bytes (~16 x 8 cm, deterministic)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    lines = sorted(minima, key=lambda m: m[1])
    low = lines[0][1] if lines else None
    high = lines[-1][1] if lines else None

    def colour(value: float) -> str:
        if low is None or high is None:
            return "#8c8c8c"
        return _ABOVE if value >= high else _BETWEEN if value >= low else _BELOW

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]  # -- matplotlib types its keys as Literals
        figure = Figure(figsize=(WIDTH_CM / _CM_PER_INCH, HEIGHT_CM / _CM_PER_INCH), dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        positions = list(range(len(labels)))
        bars = axes.barh(positions, percents, height=0.6, color=[colour(v) for v in percents])
        axes.bar_label(bars, labels=[f"{v:.2f}".replace(".", ",") for v in percents], padding=2, fontsize=7)
        for (label, value), style in zip(lines, ("--", ":"), strict=False):
            axes.axvline(value, color="#404040", linestyle=style, linewidth=1, label=f"{label} ({value:g}%)")
        axes.set_yticks(positions, list(labels))
        axes.invert_yaxis()
        axes.set_xlim(0, 112)
        axes.set_xlabel("Nilai area (% dari bobot)")
        axes.set_title("Nilai per Area Pengungkit")
        axes.spines[["top", "right"]].set_visible(False)
        if lines:
            axes.legend(loc="lower right", fontsize=7, frameon=True)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
