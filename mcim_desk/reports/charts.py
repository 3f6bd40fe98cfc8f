"""Horizontal bar charts drawn with reportlab.graphics: wrapped labels on the left, one bar
per answer with its count at the end, an integer scale below. Every string uses DejaVu Sans
(a chart's default Helvetica would be the one font not embedded)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

from .pdf import ACCENT, FONT, FONT_BOLD, MUTED, RULE, register_fonts

LABEL_SIZE = 8
LEADING = 9.6
MAX_LABEL_LINES = 4
MIN_ROW = 17.0
AXIS_HEIGHT = 16.0


def _wrap(text: str, width: float) -> list[str]:
    lines = simpleSplit(text, FONT, LABEL_SIZE, width) or [""]
    if len(lines) > MAX_LABEL_LINES:
        lines = lines[:MAX_LABEL_LINES]
        last = lines[-1]
        while last and simpleSplit(last + "…", FONT, LABEL_SIZE, width)[1:]:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


def _step(maximum: int) -> int:
    """A tick step giving at most six integer ticks."""
    if maximum <= 6:
        return 1
    raw = maximum / 5
    magnitude = 10 ** int(math.floor(math.log10(raw)))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)


def _row_heights(bars: Sequence[tuple[str, int]], label_width: float) -> tuple[list[list[str]], list[float]]:
    wrapped = [_wrap(label, label_width - 4) for label, _ in bars]
    return wrapped, [max(MIN_ROW, len(lines) * LEADING + 6) for lines in wrapped]


def bar_charts(bars: Sequence[tuple[str, int]], width: float, *, max_height: float = 520,
               label_share: float = 0.42) -> list[Drawing]:
    """One chart, or several on the same scale when the bars would not fit on a page."""
    register_fonts()
    _wrapped, heights = _row_heights(bars, width * label_share)
    maximum = max((count for _, count in bars), default=0)
    chunks: list[list[tuple[str, int]]] = [[]]
    used = AXIS_HEIGHT + 4
    for bar, height in zip(bars, heights, strict=True):
        if chunks[-1] and used + height > max_height:
            chunks.append([])
            used = AXIS_HEIGHT + 4
        chunks[-1].append(bar)
        used += height
    return [bar_chart(chunk, width, label_share=label_share, scale_max=maximum) for chunk in chunks]


def bar_chart(bars: Sequence[tuple[str, int]], width: float, *, label_share: float = 0.42,
              scale_max: int | None = None) -> Drawing:
    """A horizontal bar chart of ``(label, count)`` in the order given (``scale_max``: the
    largest count of the scale, when several charts share one)."""
    register_fonts()
    label_width = width * label_share
    count_space = 24.0
    plot_left = label_width + 6
    plot_width = max(40.0, width - plot_left - count_space)
    wrapped, heights = _row_heights(bars, label_width)
    height = sum(heights) + AXIS_HEIGHT + 4
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # else the drawing's initial state names Helvetica
    drawing.initialFontSize = LABEL_SIZE

    maximum = max((count for _, count in bars), default=0)
    if scale_max is not None:
        maximum = max(maximum, scale_max)
    step = _step(maximum)
    top_value = max(step, int(math.ceil(maximum / step)) * step) if maximum else 1
    scale = plot_width / top_value

    # Grid and scale.
    axis_y = AXIS_HEIGHT
    for tick in range(0, top_value + 1, step):
        x = plot_left + tick * scale
        drawing.add(Line(x, axis_y, x, height - 2, strokeColor=RULE, strokeWidth=0.3,
                         strokeDashArray=[1, 2] if tick else None))
        drawing.add(String(x, axis_y - 10, str(tick), fontName=FONT, fontSize=7,
                           fillColor=MUTED, textAnchor="middle"))
    drawing.add(Line(plot_left, axis_y, plot_left + plot_width, axis_y, strokeColor=RULE,
                     strokeWidth=0.6))

    y = height - 2
    for (_label, count), lines, row_height in zip(bars, wrapped, heights, strict=True):
        centre = y - row_height / 2
        text_top = centre + (len(lines) - 1) * LEADING / 2 - LABEL_SIZE * 0.35
        for index, line in enumerate(lines):
            drawing.add(String(label_width, text_top - index * LEADING, line, fontName=FONT,
                               fontSize=LABEL_SIZE, fillColor=colors.black, textAnchor="end"))
        bar_height = min(11.0, row_height - 6)
        if count:
            drawing.add(Rect(plot_left, centre - bar_height / 2, count * scale, bar_height,
                             fillColor=ACCENT, strokeColor=None))
        drawing.add(String(plot_left + count * scale + 3, centre - 3, str(count),
                           fontName=FONT_BOLD, fontSize=8, fillColor=colors.black))
        y -= row_height
    return drawing


__all__ = ["bar_chart", "bar_charts"]
