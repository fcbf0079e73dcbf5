"""Where every part of one response chart goes, from the font's metrics, then its drawing.

Texts are placed before anything is drawn, each where no other text, axis, point marker, series
line or the widget's edge is: the legend wraps above the plot, tick labels thin out when
crowded, dates skip when they would touch, and a value label tries places around its point and
is left out (it stays in the chart's tooltip and accessible description) when none is free.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen, QPolygonF

from desktop.logic.clinical import ChartSeries, nice_ceiling

Points = Sequence[tuple[dt.date, float]]
LIGHT_SERIES = ("#1f4e79", "#b45f06", "#7b3f99")  # dark blue, brown, purple on a light base
DARK_SERIES = ("#8cc4ff", "#ffb066", "#dcaaf8")  # their light forms on a dark base
CENTRE = Qt.AlignmentFlag.AlignCenter
WRAP = Qt.TextFlag.TextWordWrap


@dataclass(frozen=True, slots=True)
class ChartColours:
    """Series and frame colours that read on the palette's base (light or dark)."""

    sum: QColor
    afp: QColor
    pivka: QColor
    text: QColor
    grid: QColor
    muted: QColor


def chart_colours(palette: QPalette) -> ChartColours:
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    sum_, afp, pivka = (QColor(c) for c in (DARK_SERIES if dark else LIGHT_SERIES))
    return ChartColours(
        sum_,
        afp,
        pivka,
        palette.color(QPalette.ColorRole.Text),
        palette.color(QPalette.ColorRole.Mid),
        palette.color(QPalette.ColorRole.PlaceholderText),
    )


@dataclass(frozen=True, slots=True)
class PlacedText:
    """One text of the chart: what kind ("legend", "tick", "date", "value", "note"), its
    rectangle (the text's own extent), the words and their colour."""

    kind: str
    rect: QRectF
    text: str
    colour: QColor
    wrap: bool = False


@dataclass(slots=True)
class Marker:
    at: QPointF
    radius: float
    colour: QColor
    shape: str

    def rect(self) -> QRectF:
        r = self.radius * 1.3
        return QRectF(self.at.x() - r, self.at.y() - r, 2 * r, 2 * r)


@dataclass(slots=True)
class ChartLayout:
    """Everything one paint draws; `texts` never overlap each other, `axes` or `markers`."""

    area: QRectF
    plot: QRectF = field(default_factory=QRectF)
    texts: list[PlacedText] = field(default_factory=list)
    swatches: list[tuple[QRectF, QColor]] = field(default_factory=list)
    grid_ys: list[float] = field(default_factory=list)
    axes: list[QRectF] = field(default_factory=list)
    lines: list[tuple[list[QPointF], QColor]] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def taken(self) -> list[QRectF]:
        return [t.rect for t in self.texts] + self.axes + [m.rect() for m in self.markers]

    def is_free(self, rect: QRectF) -> bool:
        inside = self.area.contains(rect)
        if not inside or any(rect.intersects(other) for other in self.taken()):
            return False
        return not any(crosses(rect, points) for points, _ in self.lines)


def crosses(rect: QRectF, points: Sequence[QPointF]) -> bool:
    """Whether the polyline through `points` passes through `rect` (a value label on its own
    series' line could not be read)."""
    corners = (rect.topLeft(), rect.topRight(), rect.bottomRight(), rect.bottomLeft())
    edges = [QLineF(corners[i], corners[(i + 1) % 4]) for i in range(4)]
    bounded = QLineF.IntersectionType.BoundedIntersection
    for start, end in itertools.pairwise(points):
        if rect.contains(start) or rect.contains(end):
            return True
        segment = QLineF(start, end)
        if any(segment.intersects(edge)[0] == bounded for edge in edges):
            return True
    return False


def note_layout(area: QRectF, text: str, metrics: QFontMetricsF, colour: QColor) -> ChartLayout:
    """The layout of a chart without data: its explanation, wrapped, in the middle."""
    inner = area.adjusted(metrics.height(), 0, -metrics.height(), 0)
    extent = metrics.boundingRect(inner, int(CENTRE) | int(WRAP), text)
    return ChartLayout(area, texts=[PlacedText("note", extent, text, colour, wrap=True)])


class ChartGeometry:
    """Builds the ChartLayout of `series` in `area` (texts measured with `metrics`)."""

    def __init__(
        self,
        area: QRectF,
        series: ChartSeries,
        labels: dict[str, str],
        metrics: QFontMetricsF,
        colours: ChartColours,
    ) -> None:
        self.s, self.labels, self.m, self.c = series, labels, metrics, colours
        self.line, self.digit = metrics.height(), metrics.horizontalAdvance("0")
        self.out = ChartLayout(area)
        self.pending: list[tuple[QPointF, float, str, QColor]] = []  # value labels to place
        dates = [d for d, _ in (*series.sum_mm, *self.markers())]
        self.first, self.last = min(dates), max(dates)
        self.sum_top = nice_ceiling(max((v for _, v in series.sum_mm), default=0) * 1.1)
        values = [v for _, v in self.markers() if v > 0]
        self.log_low = math.floor(math.log10(min(values))) if values else 0
        high = math.ceil(math.log10(max(values))) if values else 1
        self.log_high = max(high, self.log_low + 1)

    def markers(self) -> tuple[tuple[dt.date, float], ...]:
        return (*self.s.afp_ng_ml, *self.s.pivka_ii_mau_ml)

    def build(self) -> ChartLayout:
        area, out = self.out.area, self.out
        legend_bottom = self._legend()
        left_ticks = self._sum_ticks()
        right_ticks = self._marker_ticks() if self.markers() else []
        left = area.left() + max(self.m.horizontalAdvance(t) for t, _ in left_ticks) + self.digit
        right_room = max((self.m.horizontalAdvance(t) for t, _ in right_ticks), default=0)
        right = area.right() - right_room - self.digit * (1.0 if right_ticks else 2.0)
        out.plot = QRectF(
            QPointF(left, legend_bottom + self.line), QPointF(right, area.bottom() - self.line * 2)
        )
        out.axes = [
            QRectF(out.plot.left() - 1, out.plot.top(), 2, out.plot.height()),
            QRectF(out.plot.left(), out.plot.bottom() - 1, out.plot.width(), 2),
        ]
        self._place_ticks(left_ticks, self.y_sum, self.c.sum, right_side=False)
        self._place_ticks(right_ticks, self.y_marker, self.c.afp, right_side=True)
        self._dates()
        self._series(self.s.sum_mm, self.c.sum, self.y_sum, "square", " mm")
        self._series(self.s.afp_ng_ml, self.c.afp, self.y_marker, "diamond", "")
        self._series(self.s.pivka_ii_mau_ml, self.c.pivka, self.y_marker, "circle", "")
        self._value_labels()
        return out

    # scales

    def x_of(self, day: dt.date) -> float:
        plot = self.out.plot
        if self.first == self.last:
            return plot.center().x()
        return plot.left() + plot.width() * (day - self.first).days / (self.last - self.first).days

    def y_sum(self, value: float) -> float:
        plot = self.out.plot
        return plot.bottom() - plot.height() * value / self.sum_top

    def y_marker(self, value: float) -> float:
        exponent = math.log10(max(value, 10**self.log_low))
        share = (exponent - self.log_low) / (self.log_high - self.log_low)
        return self.out.plot.bottom() - self.out.plot.height() * share

    # texts

    def _legend(self) -> float:
        """Legend entries in rows from the top left, wrapped; returns the bottom of the last."""
        area, line = self.out.area, self.line
        entries = [
            (self.labels["sum"], self.c.sum, bool(self.s.sum_mm)),
            (self.labels["afp"], self.c.afp, bool(self.s.afp_ng_ml)),
            (self.labels["pivka"], self.c.pivka, bool(self.s.pivka_ii_mau_ml)),
            (f"({self.labels['log']})", None, bool(self.markers())),
        ]
        x, y, row_height = area.left(), area.top() + line * 0.2, line
        for text, colour, present in entries:
            if not present:
                continue
            width = line + self.m.horizontalAdvance(text)
            if x > area.left() and x + width > area.right():
                x, y, row_height = area.left(), y + row_height + line * 0.15, line
            room = QRectF(x + line, y, max(area.right() - x - line, self.digit), area.height())
            extent = self.m.boundingRect(room, int(Qt.AlignmentFlag.AlignLeft) | int(WRAP), text)
            self.out.texts.append(
                PlacedText("legend", extent, text, colour or self.c.muted, wrap=True)
            )
            if colour is not None:
                swatch = QRectF(x, y + line * 0.15, line * 0.7, line * 0.7)
                self.out.swatches.append((swatch, colour))
            row_height = max(row_height, extent.height())
            x = extent.right() + line
        return y + row_height

    def _sum_ticks(self) -> list[tuple[str, float]]:
        return [(number(self.sum_top * step / 4), self.sum_top * step / 4) for step in range(5)]

    def _marker_ticks(self) -> list[tuple[str, float]]:
        decades = range(self.log_low, self.log_high + 1)
        return [(number(10**exponent), float(10**exponent)) for exponent in decades]

    def _place_ticks(
        self,
        ticks: list[tuple[str, float]],
        y_of: Callable[[float], float],
        colour: QColor,
        right_side: bool,
    ) -> None:
        """Tick labels beside the plot, every one that keeps a line's gap from the last."""
        plot, shown_top = self.out.plot, math.inf
        for text, value in ticks:
            y = y_of(value)
            width = self.m.horizontalAdvance(text)
            gap = self.digit * 0.5
            x = plot.right() + gap if right_side else plot.left() - width - gap
            rect = QRectF(x, y - self.line / 2, width, self.line)
            if rect.bottom() > shown_top - self.line * 0.1 or not self.out.area.contains(rect):
                continue  # too close to the tick above the last one shown, or off the edge
            if not right_side:
                self.out.grid_ys.append(y)
            self.out.texts.append(PlacedText("tick", rect, text, colour))
            shown_top = rect.top()

    def _dates(self) -> None:
        area, plot = self.out.area, self.out.plot
        days = sorted({d for d, _ in (*self.s.sum_mm, *self.markers())})
        shown_right = -math.inf
        for day in days:
            text = day.isoformat()
            width = self.m.horizontalAdvance(text)
            x = min(max(self.x_of(day) - width / 2, area.left()), area.right() - width)
            rect = QRectF(x, plot.bottom() + self.line * 0.6, width, self.line)
            if rect.left() < shown_right + self.digit or not self.out.is_free(rect):
                continue
            self.out.texts.append(PlacedText("date", rect, text, self.c.text))
            shown_right = rect.right()

    # series

    def _series(
        self,
        points: Points,
        colour: QColor,
        y_of: Callable[[float], float],
        shape: str,
        unit: str,
    ) -> None:
        if not points:
            return
        xy = [QPointF(self.x_of(d), y_of(v)) for d, v in points]
        self.out.lines.append((xy, colour))
        radius = max(4.0, self.line / 4)
        for at, (_, value) in zip(xy, points, strict=True):
            self.out.markers.append(Marker(at, radius, colour, shape))
            self.pending.append((at, radius, number(value) + unit, colour))

    def _value_labels(self) -> None:
        for at, radius, text, colour in self.pending:
            width = self.m.horizontalAdvance(text)
            box = next(
                (c for c in self._candidates(at, radius * 1.3, width) if self.out.is_free(c)),
                None,
            )
            if box is None:
                self.out.skipped.append(text)
            else:
                self.out.texts.append(PlacedText("value", box, text, colour))

    def _candidates(self, at: QPointF, gap: float, width: float) -> list[QRectF]:
        """Above, below, right and left of the point, then further out and diagonally."""
        h, pad = self.line, self.digit * 0.3
        places = []
        for step in range(4):
            lift = gap + pad + h * step
            places += [
                QRectF(at.x() - width / 2, at.y() - lift - h, width, h),
                QRectF(at.x() - width / 2, at.y() + lift, width, h),
            ]
            if step == 0:
                places += [
                    QRectF(at.x() + gap + pad, at.y() - h / 2, width, h),
                    QRectF(at.x() - gap - pad - width, at.y() - h / 2, width, h),
                ]
            places += [
                QRectF(at.x() + gap, at.y() - lift - h, width, h),
                QRectF(at.x() - gap - width, at.y() - lift - h, width, h),
                QRectF(at.x() + gap, at.y() + lift, width, h),
                QRectF(at.x() - gap - width, at.y() + lift, width, h),
            ]
        return places


def chart_layout(
    area: QRectF,
    series: ChartSeries,
    labels: dict[str, str],
    metrics: QFontMetricsF,
    colours: ChartColours,
) -> ChartLayout:
    return ChartGeometry(area, series, labels, metrics, colours).build()


def paint_layout(painter: QPainter, layout: ChartLayout, colours: ChartColours) -> None:
    """Draw what `layout` placed: grid, axes, lines, markers, swatches, then every text."""
    plot = layout.plot
    painter.setPen(QPen(colours.grid, 1))
    for y in layout.grid_ys:
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
    if layout.axes:
        painter.setPen(QPen(colours.text, 1.5))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
    for points, colour in layout.lines:
        if len(points) > 1:
            painter.setPen(QPen(colour, max(2.0, painter.fontMetrics().height() / 8)))
            painter.drawPolyline(QPolygonF(points))
    for marker in layout.markers:
        _marker(painter, marker)
    for swatch, colour in layout.swatches:
        painter.fillRect(swatch, colour)
    for placed in layout.texts:
        painter.setPen(placed.colour)
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(WRAP) if placed.wrap else int(CENTRE)
        if placed.kind == "note":
            flags = int(CENTRE) | int(WRAP)
        painter.drawText(placed.rect, flags, placed.text)


def _marker(painter: QPainter, marker: Marker) -> None:
    at, radius = marker.at, marker.radius
    painter.setBrush(marker.colour)
    painter.setPen(Qt.PenStyle.NoPen)
    if marker.shape == "square":
        painter.drawRect(QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius))
    elif marker.shape == "circle":
        painter.drawEllipse(at, radius, radius)
    else:
        path = QPainterPath(QPointF(at.x(), at.y() - radius * 1.3))
        for dx, dy in ((radius * 1.3, 0), (0, radius * 1.3), (-radius * 1.3, 0)):
            path.lineTo(at.x() + dx, at.y() + dy)
        path.closeSubpath()
        painter.drawPath(path)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value < 1000 else f"{value:,.0f}"
