"""The Monev progress chart: per area, the plan actions scheduled, reported and overdue, as a PNG."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from zi_sheets.analysis.progress import AreaProgress

WIDTH_CM, HEIGHT_CM, DPI = 16.0, 8.0, 180
_CM_PER_INCH = 2.54
# -- Labels of areas the workbook named its own way are cut to fit beside the bars. --
_LABEL_CHARS = 34

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
_INK, _GRID, _WHITE = "#404040", "#e6e6e6", "#ffffff"


@dataclass(frozen=True)
class ChartSpec:
    """Everything the chart shows, as plain data."""

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


class _Canvas:
    """A white ~16 x 8 cm image with Pillow's scalable sans in three sizes, and the horizontal-bar plot
    both charts share: a value axis with round ticks and grid lines, a label per row, a title."""

    def __init__(self) -> None:
        from PIL import Image, ImageDraw, ImageFont

        self.width, self.height = (round(cm / _CM_PER_INCH * DPI) for cm in (WIDTH_CM, HEIGHT_CM))

        def font(points: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
            return ImageFont.load_default(round(points * DPI / 72))  # -- Pillow's own scalable sans

        self.title_font, self.label_font, self.value_font = font(9), font(8), font(7)
        self.image = Image.new("RGB", (self.width, self.height), _WHITE)
        self.draw = ImageDraw.Draw(self.image)
        self.left = self.right = self.top = self.bottom = 0.0
        self.span = 1.0

    def text_width(self, text: str) -> float:
        return self.draw.textlength(text, font=self.label_font)

    def plot(self, title: str, labels: Sequence[str], span: float, step: int, axis_label: str) -> None:
        """Title, ticks every `step` up to `span`, the axis label and the row labels; `left`, `right`,
        `top` and `bottom` set beforehand frame the plot."""
        draw = self.draw
        self.span = span
        draw.text(((self.left + self.right) / 2, 30), title, font=self.title_font, fill="black", anchor="mm")
        for tick in range(0, int(span) + 1, step):
            x = self.x_of(tick)
            draw.line([(x, self.top), (x, self.bottom)], fill=_GRID, width=1)
            draw.line([(x, self.bottom), (x, self.bottom + 8)], fill=_INK, width=2)
            draw.text((x, self.bottom + 12), str(tick), font=self.label_font, fill="black", anchor="mt")
        middle = (self.left + self.right) / 2
        draw.text((middle, self.height - 14), axis_label, font=self.label_font, fill="black", anchor="mb")
        for row, label in enumerate(labels):
            y = self.row_middle(row, len(labels))
            draw.line([(self.left - 8, y), (self.left, y)], fill=_INK, width=2)
            draw.text((self.left - 12, y), label, font=self.label_font, fill="black", anchor="rm")

    def x_of(self, value: float) -> float:
        return self.left + (self.right - self.left) * value / self.span

    def row_middle(self, row: int, rows: int) -> float:
        return self.top + (self.bottom - self.top) / max(rows, 1) * (row + 0.5)

    def bar(self, y: float, thickness: float, value: float, colour: str, text: str) -> None:
        """A bar from 0 to `value` with its top at `y`, `text` written just right of it."""
        end = self.x_of(max(value, 0))
        if value > 0:
            self.draw.rectangle([(self.left, round(y)), (round(end), round(y + thickness) - 1)], fill=colour)
        self.draw.text((end + 6, y + thickness / 2), text, font=self.value_font, fill="black", anchor="lm")

    def legend(self, x: float, y: float, entries: Sequence[tuple[str, str, bool]]) -> None:
        """A legend at (x, y): per entry a swatch (a dashed line when its flag is set) and its label."""
        for index, (label, colour, dashed) in enumerate(entries):
            top = y + index * 34
            if dashed:
                for start in range(0, 32, 10):
                    self.draw.line([(x + start, top + 9), (x + start + 6, top + 9)], fill=colour, width=3)
            else:
                self.draw.rectangle([(x, top), (x + 32, top + 18)], fill=colour)
            self.draw.text((x + 42, top + 9), label, font=self.label_font, fill="black", anchor="lm")

    def axes(self) -> None:
        self.draw.line([(self.left, self.top), (self.left, self.bottom)], fill=_INK, width=2)
        self.draw.line([(self.left, self.bottom), (self.right, self.bottom)], fill=_INK, width=2)

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.image.save(buffer, format="png", optimize=False, compress_level=6, dpi=(DPI, DPI))
        return buffer.getvalue()


def render_png(spec: ChartSpec) -> bytes:
    """Draw `spec` with Pillow: bars, values, axis, legend and title on white, deterministic.

    -- Drawn directly rather than through matplotlib, whose import and drawing cost more than the rest
    -- of a workbook's build together (a third of a second a chart, half a second to import). --
    """
    canvas = _Canvas()
    # -- the legend to the right of the bars (never over them): a gap, a swatch, a gap, the text, a margin
    legend = 30 + 32 + 10 + max((canvas.text_width(label) for label, _, _ in spec.series), default=0) + 16
    canvas.left = 24 + max((canvas.text_width(label) for label in spec.labels), default=0) + 12
    canvas.right, canvas.top, canvas.bottom = canvas.width - legend, 64, canvas.height - 84
    highest = max((v for _, _, values in spec.series for v in values), default=0)
    step = _tick_step(max(highest, 1))
    # -- room right of the longest bar for its value --
    span = max(step * -(-max(highest, 1) * 1.1 // step), 1)
    canvas.plot(spec.title, spec.labels, span, step, "Jumlah langkah aksi")
    slot = (canvas.bottom - canvas.top) / max(len(spec.labels), 1)
    thickness = slot * 0.26
    for row in range(len(spec.labels)):
        middle = canvas.row_middle(row, len(spec.labels))
        for index, (_, colour, values) in enumerate(spec.series):
            if values[row]:  # -- no bar and no "0" for a figure of nought
                y = middle + (index - 1.5) * thickness
                canvas.bar(y, thickness, values[row], colour, str(values[row]))
    canvas.axes()
    canvas.legend(canvas.right + 30, canvas.top, [(label, colour, False) for label, colour, _ in spec.series])
    return canvas.png()


def _tick_step(highest: int) -> int:
    """A round step (1, 2, 5, 10, 20, 50, ...) giving at most eight ticks up to `highest`."""
    scale = 1
    while True:
        for step in (scale, 2 * scale, 5 * scale):
            if highest / step <= 8:
                return step
        scale *= 10


def _label(area: AreaProgress) -> str:
    if area.area_no is None:  # -- an area the workbook named its own way: cut to fit beside the bars
        name = " ".join(area.name.split())
        return name if len(name) <= _LABEL_CHARS else name[: _LABEL_CHARS - 3].rstrip() + "..."
    return f"{area.numeral}. {SHORT_NAMES[area.area_no]}"


# -- Bar colours of the score chart: below the WBK minimum, between the minima, at or above the WBBM one. --
_BELOW, _BETWEEN, _ABOVE = "#c62828", "#f9a825", "#2e7d32"
# -- The dashed lines of the WBK and WBBM minima. --
_MINIMUM_INKS = ("#404040", "#1565c0")


def area_score_png(
    labels: Sequence[str], percents: Sequence[float], minima: Sequence[tuple[str, float]] = ()
) -> bytes:
    """A horizontal bar per area of its score as a percentage of its weight, with a dashed line at each of
    `minima` ((label, percent), e.g. ("Minimal WBK", 60)), as PNG bytes (~16 x 8 cm, deterministic)."""
    lines = sorted(minima, key=lambda m: m[1])
    low = lines[0][1] if lines else None
    high = lines[-1][1] if lines else None

    def colour(value: float) -> str:
        if low is None or high is None:
            return "#8c8c8c"
        return _ABOVE if value >= high else _BETWEEN if value >= low else _BELOW

    canvas = _Canvas()
    legend = [(f"{label} ({value:g}%)", _MINIMUM_INKS[i % 2], True) for i, (label, value) in enumerate(lines)]
    legend_width = 30 + 32 + 10 + max((canvas.text_width(text) for text, _, _ in legend), default=0) + 16
    canvas.left = 24 + max((canvas.text_width(label) for label in labels), default=0) + 12
    canvas.right = canvas.width - (legend_width if legend else 40)
    canvas.top, canvas.bottom = 64, canvas.height - 84
    # -- 112: room right of a full bar for its value
    canvas.plot("Nilai per Area Pengungkit", labels, 112, 20, "Nilai area (% dari bobot)")
    slot = (canvas.bottom - canvas.top) / max(len(labels), 1)
    thickness = slot * 0.6
    for row, value in enumerate(percents):
        middle = canvas.row_middle(row, len(labels))
        text = f"{value:.2f}".replace(".", ",")
        canvas.bar(middle - thickness / 2, thickness, value, colour(value), text)
    for index, (_, value) in enumerate(lines):
        x = canvas.x_of(value)
        dash = (12, 8) if index % 2 == 0 else (4, 6)
        y = canvas.top
        while y < canvas.bottom:
            end = min(y + dash[0], canvas.bottom)
            canvas.draw.line([(x, y), (x, end)], fill=_MINIMUM_INKS[index % 2], width=2)
            y = end + dash[1]
    canvas.axes()
    canvas.legend(canvas.right + 30, canvas.top, legend)
    return canvas.png()
