"""The Monev progress chart: per area, the plan actions scheduled, reported and overdue, as a PNG."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from zi_sheets.progress import AreaProgress

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


def render_png(spec: ChartSpec) -> bytes:
    """Draw `spec` with Pillow: bars, values, axis, legend and title on white, deterministic.

    -- Drawn directly rather than through matplotlib, whose import and drawing cost more than the rest
    -- of a workbook's build together (a third of a second a chart, half a second to import). --
    """
    from PIL import Image, ImageDraw, ImageFont

    width, height = (round(cm / _CM_PER_INCH * DPI) for cm in (WIDTH_CM, HEIGHT_CM))

    def font(points: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        return ImageFont.load_default(round(points * DPI / 72))  # -- Pillow's own scalable sans

    title_font, label_font, value_font = font(9), font(8), font(7)
    image = Image.new("RGB", (width, height), _WHITE)
    draw = ImageDraw.Draw(image)

    def text_width(text: str, face: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> float:
        return draw.textlength(text, font=face)

    # -- the legend to the right of the bars (never over them): a gap, a swatch, a gap, the text, a margin
    legend = (
        30 + 32 + 10 + max((text_width(label, label_font) for label, _, _ in spec.series), default=0) + 16
    )
    left = 24 + max((text_width(label, label_font) for label in spec.labels), default=0) + 12
    right, top, bottom = width - legend, 64, height - 84
    highest = max((v for _, _, values in spec.series for v in values), default=0)
    step = _tick_step(max(highest, 1))
    # -- room right of the longest bar for its value --
    span = max(step * -(-max(highest, 1) * 1.1 // step), 1)

    def x_of(value: float) -> float:
        return left + (right - left) * value / span

    draw.text(((left + right) / 2, 30), spec.title, font=title_font, fill="black", anchor="mm")
    for tick in range(0, int(span) + 1, step):
        x = x_of(tick)
        draw.line([(x, top), (x, bottom)], fill=_GRID, width=1)
        draw.line([(x, bottom), (x, bottom + 8)], fill=_INK, width=2)
        draw.text((x, bottom + 12), str(tick), font=label_font, fill="black", anchor="mt")
    draw.text(
        ((left + right) / 2, height - 14), "Jumlah langkah aksi", font=label_font, fill="black", anchor="mb"
    )

    slot = (bottom - top) / max(len(spec.labels), 1)
    bar = slot * 0.26
    for row, label in enumerate(spec.labels):
        middle = top + slot * (row + 0.5)
        draw.line([(left - 8, middle), (left, middle)], fill=_INK, width=2)
        draw.text((left - 12, middle), label, font=label_font, fill="black", anchor="rm")
        for index, (_, colour, values) in enumerate(spec.series):
            y = middle + (index - 1.5) * bar
            value = values[row]
            if value:
                draw.rectangle([(left, round(y)), (round(x_of(value)), round(y + bar) - 1)], fill=colour)
                draw.text(
                    (x_of(value) + 6, y + bar / 2), str(value), font=value_font, fill="black", anchor="lm"
                )
    draw.line([(left, top), (left, bottom)], fill=_INK, width=2)
    draw.line([(left, bottom), (right, bottom)], fill=_INK, width=2)

    for index, (label, colour, _) in enumerate(spec.series):
        y = top + index * 34
        draw.rectangle([(right + 30, y), (right + 62, y + 18)], fill=colour)
        draw.text((right + 72, y + 9), label, font=label_font, fill="black", anchor="lm")

    buffer = io.BytesIO()
    image.save(buffer, format="png", optimize=False, compress_level=6, dpi=(DPI, DPI))
    return buffer.getvalue()


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
