"""The response chart of the summary: sum of viable diameters over time on the left axis, the
dated AFP and PIVKA-II series on a logarithmic right axis (as the app's chart draws them).

Drawn with reportlab graphics in the embedded report font (no built-in Helvetica labels).
Labels sit beside their points, never on an axis; date labels too close to the one before are
left out (the table below the chart lists every scan).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.logic.clinical import ChartSeries, nice_ceiling
from desktop.logic.model import msg
from desktop.logic.report.fonts import report_font

SUM_COLOUR = colors.HexColor("#1f4e79")
AFP_COLOUR = colors.HexColor("#b45f06")
PIVKA_COLOUR = colors.HexColor("#6a3d9a")
GRID_COLOUR = colors.HexColor("#d0d0d0")
Plot = tuple[float, float, float, float]  # left, bottom, right, top
Points = Sequence[tuple[dt.date, float]]
XOf = Callable[[dt.date], float]
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_TOP = 46, 50, 26, 24
DATE_GAP = 48  # points between two date labels (a date is about 38 points wide at 7 pt)
FONT_SIZE = 7
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
# Where a point's value may go, nearest first: (dx, dy, anchor); above-first or below-first.
ABOVE = ((5, 4, "start"), (-5, 4, "end"), (5, 12, "start"), (-5, 12, "end"))
BELOW = ((5, -10, "start"), (-5, -10, "end"), (5, -18, "start"), (-5, -18, "end"))


class Labels:
    """The chart's texts, each kept clear of those already placed (ticks, titles, dates and
    the values placed before it)."""

    def __init__(self, drawing: Drawing, font: str) -> None:
        self.drawing, self.font = drawing, font
        self.boxes: list[Box] = []

    def fixed(self, x: float, y: float, text: str, colour: colors.Color, anchor: str) -> None:
        self._add(x, y, text, colour, anchor)

    def beside(self, x: float, y: float, text: str, colour: colors.Color, above: bool) -> None:
        """A point's value next to it, where it touches no other text."""
        candidates = (ABOVE + BELOW) if above else (BELOW + ABOVE)
        for dx, dy, anchor in candidates:
            box = self._box(x + dx, y + dy, text, anchor)
            if not any(_overlap(box, other) for other in self.boxes):
                self._add(x + dx, y + dy, text, colour, anchor)
                return
        dx, dy, anchor = candidates[0]  # crowded: the nearest place, as on screen
        self._add(x + dx, y + dy, text, colour, anchor)

    def _add(self, x: float, y: float, text: str, colour: colors.Color, anchor: str) -> None:
        self.drawing.add(_label(x, y, text, self.font, colour, anchor))
        self.boxes.append(self._box(x, y, text, anchor))

    def _box(self, x: float, y: float, text: str, anchor: str) -> Box:
        width = stringWidth(text, self.font, FONT_SIZE)
        left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
        return left - 1, y - 2, left + width + 1, y + FONT_SIZE


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def response_chart(
    series: ChartSeries, lang: str, width: float = 440, height: float = 180
) -> Drawing:
    """The chart of `series`; the marker axis appears only when a marker was recorded."""
    font = report_font()
    drawing = Drawing(width, height, initialFontName=font)
    plot = (MARGIN_LEFT, MARGIN_BOTTOM, width - MARGIN_RIGHT, height - MARGIN_TOP)
    markers = [
        (points, colour, kind)
        for points, colour, kind in (
            (series.afp_ng_ml, AFP_COLOUR, "afp"),
            (series.pivka_ii_mau_ml, PIVKA_COLOUR, "pivka"),
        )
        if points
    ]
    dates = [d for d, _ in series.sum_mm] + [d for points, _, _ in markers for d, _ in points]
    if not dates:
        return drawing
    first, span = min(dates), max((max(dates) - min(dates)).days, 1)

    def x_of(day: dt.date) -> float:
        return plot[0] + (plot[2] - plot[0]) * (day - first).days / span

    labels = Labels(drawing, font)
    top = nice_ceiling(max((s for _, s in series.sum_mm), default=0))
    _sum_axis(drawing, labels, plot, top, lang)
    axis = _decades([v for points, _, _ in markers for _, v in points])
    if markers:
        _marker_axis(drawing, labels, plot, axis, [(c, k) for _, c, k in markers], lang)
    _date_labels(labels, plot, sorted(set(dates)), x_of)
    _sums(drawing, labels, plot, series.sum_mm, top, x_of)
    for points, colour, kind in markers:
        _marker_line(drawing, labels, plot, points, axis, x_of, colour, kind)
    return drawing


def _sum_axis(drawing: Drawing, labels: Labels, plot: Plot, top: float, lang: str) -> None:
    left, bottom, right, upper = plot
    for step in range(5):
        value = top * step / 4
        y = bottom + (upper - bottom) * step / 4
        drawing.add(Line(left, y, right, y, strokeColor=GRID_COLOUR, strokeWidth=0.5))
        labels.fixed(left - 4, y - 3, _number(value), colors.black, "end")
    drawing.add(Line(left, bottom, left, upper, strokeColor=colors.black, strokeWidth=0.8))
    drawing.add(Line(left, bottom, right, bottom, strokeColor=colors.black, strokeWidth=0.8))
    labels.fixed(left, upper + 6, msg("report.response.sum_mm").render(lang), SUM_COLOUR, "start")


def _sums(
    drawing: Drawing, labels: Labels, plot: Plot, points: Points, top: float, x_of: XOf
) -> None:
    """The line of sums, each value beside its point, clear of the axes and other texts."""
    _left, bottom, _right, upper = plot
    xy = [(x_of(d), bottom + (upper - bottom) * s / top) for d, s in points]
    if len(xy) > 1:
        drawing.add(PolyLine([c for pt in xy for c in pt], strokeColor=SUM_COLOUR, strokeWidth=1.6))
    for (x, y), (_day, value) in zip(xy, points, strict=True):
        drawing.add(Rect(x - 2.5, y - 2.5, 5, 5, fillColor=SUM_COLOUR, strokeColor=None))
        labels.beside(x, y, _number(value), SUM_COLOUR, above=True)


def _decades(values: list[float]) -> tuple[float, float]:
    """The log axis: from the decade at or below the smallest value to the one above the
    largest (one decade at least)."""
    positive = [v for v in values if v > 0] or [1.0]
    low = 10.0 ** math.floor(math.log10(min(positive)))
    high = 10.0 ** math.ceil(math.log10(max(positive)))
    return low, high if high > low else low * 10


def _log_y(value: float, plot: Plot, axis: tuple[float, float]) -> float:
    low, high = axis
    _left, bottom, _right, upper = plot
    share = (math.log10(max(value, low)) - math.log10(low)) / (math.log10(high) - math.log10(low))
    return bottom + (upper - bottom) * share


def _marker_axis(
    drawing: Drawing, labels: Labels, plot: Plot, axis: tuple[float, float],
    kinds: list[tuple[colors.Color, str]], lang: str,
) -> None:  # fmt: skip
    """The right axis (log scale) with its decades, and the markers' names above it."""
    _left, bottom, right, upper = plot
    drawing.add(Line(right, bottom, right, upper, strokeColor=colors.black, strokeWidth=0.8))
    decades = round(math.log10(axis[1] / axis[0]))
    for step in range(decades + 1) if decades <= 4 else (0, decades):
        value = axis[0] * 10**step
        labels.fixed(right + 4, _log_y(value, plot, axis) - 3, _grouped(value), colors.black,
                     "start")  # fmt: skip
    names = {"afp": "report.chart.afp_axis", "pivka": "report.chart.pivka_axis"}
    titles = [(msg(names[kind]).render(lang), colour) for colour, kind in kinds]
    titles.append((msg("report.chart.log_scale").render(lang), colors.black))
    x = right + MARGIN_RIGHT - 2
    for text, colour in reversed(titles):  # right-aligned, one after the other
        labels.fixed(x, upper + 6, text, colour, "end")
        x -= stringWidth(text, labels.font, FONT_SIZE) + 6


def _marker_line(
    drawing: Drawing, labels: Labels, plot: Plot, points: Points, axis: tuple[float, float],
    x_of: XOf, colour: colors.Color, kind: str,
) -> None:  # fmt: skip
    """One marker's values joined: AFP as diamonds, PIVKA-II as circles, each value labelled."""
    xy = [(x_of(d), _log_y(v, plot, axis)) for d, v in points]
    if len(xy) > 1:
        drawing.add(PolyLine([c for pt in xy for c in pt], strokeColor=colour, strokeWidth=1.2))
    for (x, y), (_day, value) in zip(xy, points, strict=True):
        if kind == "afp":
            diamond = [x, y + 4, x + 4, y, x, y - 4, x - 4, y]
            drawing.add(Polygon(diamond, fillColor=colour, strokeColor=None))
        else:
            drawing.add(Circle(x, y, 3, fillColor=colour, strokeColor=None))
        labels.beside(x, y, _grouped(value), colour, above=kind != "afp")


def _date_labels(labels: Labels, plot: Plot, days: list[dt.date], x_of: XOf) -> None:
    """A date under its point, leaving out one that would touch the label before it."""
    placed: list[float] = []
    for day in days:
        x = x_of(day)
        if not placed or x - placed[-1] >= DATE_GAP:
            labels.fixed(x, plot[1] - 13, day.isoformat(), colors.black, "middle")
            placed.append(x)


def _label(x: float, y: float, text: str, font: str, colour: colors.Color, anchor: str) -> String:
    return String(x, y, text, fontName=font, fontSize=FONT_SIZE, fillColor=colour,
                  textAnchor=anchor)  # fmt: skip


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _grouped(value: float) -> str:
    """A marker value as the app writes it: thousands grouped (12,500), no trailing zeros."""
    return f"{value:,.1f}".rstrip("0").rstrip(".")
