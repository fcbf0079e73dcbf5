"""The response chart of the summary: sum of viable diameters over time, with AFP beside it.

Drawn with reportlab graphics in the embedded report font (no built-in Helvetica labels).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from desktop.logic.clinical import nice_ceiling
from desktop.logic.model import msg
from desktop.logic.report.fonts import report_font

SUM_COLOUR = colors.HexColor("#1f4e79")
AFP_COLOUR = colors.HexColor("#b45f06")
GRID_COLOUR = colors.HexColor("#d0d0d0")
Plot = tuple[float, float, float, float]  # left, bottom, right, top
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_TOP = 46, 50, 26, 14


def response_chart(
    points: Sequence[tuple[dt.date, float]],
    afp: tuple[dt.date, float] | None,
    lang: str,
    width: float = 440,
    height: float = 170,
) -> Drawing:
    """Sum of viable diameters (mm) per scan date; AFP (ng/mL) as diamonds on the right axis."""
    font = report_font()
    drawing = Drawing(width, height, initialFontName=font)
    plot = (MARGIN_LEFT, MARGIN_BOTTOM, width - MARGIN_RIGHT, height - MARGIN_TOP)
    dates = [d for d, _ in points] + ([afp[0]] if afp else [])
    first, last = min(dates), max(dates)
    span = max((last - first).days, 1)
    top = nice_ceiling(max((s for _, s in points), default=0))

    def x_of(day: dt.date) -> float:
        return plot[0] + (plot[2] - plot[0]) * (day - first).days / span

    def y_of(value: float, ceiling: float) -> float:
        return plot[1] + (plot[3] - plot[1]) * value / ceiling

    _axes(drawing, plot, top, font, lang)
    xy = [(x_of(d), y_of(s, top)) for d, s in points]
    drawing.add(PolyLine([c for pt in xy for c in pt], strokeColor=SUM_COLOUR, strokeWidth=1.6))
    for (x, y), (day, value) in zip(xy, points, strict=True):
        drawing.add(Rect(x - 2.5, y - 2.5, 5, 5, fillColor=SUM_COLOUR, strokeColor=None))
        drawing.add(_label(x, y + 5, _number(value), font, SUM_COLOUR, "middle"))
        drawing.add(_label(x, plot[1] - 11, day.isoformat(), font, colors.black, "middle"))
    if afp:
        _afp_marker(drawing, plot, x_of(afp[0]), afp[1], font, lang)
    return drawing


def _axes(drawing: Drawing, plot: Plot, top: float, font: str, lang: str) -> None:
    left, bottom, right, upper = plot
    for step in range(5):
        value = top * step / 4
        y = bottom + (upper - bottom) * step / 4
        drawing.add(Line(left, y, right, y, strokeColor=GRID_COLOUR, strokeWidth=0.5))
        drawing.add(_label(left - 4, y - 3, _number(value), font, colors.black, "end"))
    drawing.add(Line(left, bottom, left, upper, strokeColor=colors.black, strokeWidth=0.8))
    drawing.add(Line(left, bottom, right, bottom, strokeColor=colors.black, strokeWidth=0.8))
    axis_title = msg("report.response.sum_mm").render(lang)
    drawing.add(_label(left, upper + 4, axis_title, font, SUM_COLOUR, "start"))


def _afp_marker(
    drawing: Drawing, plot: Plot, x: float, value: float, font: str, lang: str
) -> None:
    """One AFP value: a diamond on the right axis scaled to that value's own decade."""
    left, bottom, right, upper = plot
    ceiling = nice_ceiling(value)
    y = bottom + (upper - bottom) * value / ceiling
    drawing.add(Line(right, bottom, right, upper, strokeColor=AFP_COLOUR, strokeWidth=0.8))
    drawing.add(_label(right + 4, upper - 3, _number(ceiling), font, AFP_COLOUR, "start"))
    drawing.add(_label(right + 4, bottom - 3, "0", font, AFP_COLOUR, "start"))
    diamond = [x, y + 4, x + 4, y, x, y - 4, x - 4, y]
    drawing.add(Polygon(diamond, fillColor=AFP_COLOUR, strokeColor=None))
    drawing.add(_label(x + 6, y - 3, _number(value), font, AFP_COLOUR, "start"))
    axis_title = msg("report.chart.afp_axis").render(lang)
    drawing.add(_label(right, upper + 4, axis_title, font, AFP_COLOUR, "end"))


def _label(x: float, y: float, text: str, font: str, colour: colors.Color, anchor: str) -> String:
    return String(x, y, text, fontName=font, fontSize=7, fillColor=colour, textAnchor=anchor)


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
