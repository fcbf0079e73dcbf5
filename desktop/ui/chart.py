"""The response chart: sum of viable diameters per scan, AFP and PIVKA-II on a second axis.

Drawn with QPainter in the widget's own font, so the presentation screen enlarges it by setting
a bigger font. The data are plain (date, value) points (clinical.response.ChartSeries);
markers span decades, so their axis is logarithmic.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.logic.clinical import ChartSeries, nice_ceiling, response_chart_series
from desktop.logic.model import Case

SUM_COLOUR = QColor("#1f4e79")
AFP_COLOUR = QColor("#b45f06")
PIVKA_COLOUR = QColor("#7b3f99")
GRID_COLOUR = QColor("#d0d0d0")
Points = Sequence[tuple[dt.date, float]]


def series_for(cases: Iterable[Case]) -> ChartSeries:
    """The chart of the newest case, with AFP/PIVKA-II from every earlier revision's labs."""
    cases = list(cases)
    current = response_chart_series(cases[-1])
    afp: dict[dt.date, float] = {}
    pivka: dict[dt.date, float] = {}
    for case in cases:
        series = response_chart_series(case)
        afp.update(series.afp_ng_ml)
        pivka.update(series.pivka_ii_mau_ml)
    return ChartSeries(current.sum_mm, tuple(sorted(afp.items())), tuple(sorted(pivka.items())))


class ResponseChart(QWidget):
    """A line chart of one case's response series; `set_series(None)` shows why it is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: ChartSeries | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)

    def sizeHint(self) -> QSize:
        return QSize(560, 260)

    def series(self) -> ChartSeries | None:
        return self._series

    def set_series(self, series: ChartSeries | None) -> None:
        self._series = series
        self.setToolTip(self._summary())
        self.update()

    def has_data(self) -> bool:
        s = self._series
        return bool(s and (s.sum_mm or s.afp_ng_ml or s.pivka_ii_mau_ml))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 -- Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        series = self._series
        if series is None or not self.has_data():
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr(
                    "No imaging or tumour markers yet: the chart appears after the first scan."
                ),
            )
            return
        _Plot(painter, QRectF(self.rect()), series, self._labels()).draw()

    def _labels(self) -> dict[str, str]:
        return {
            "sum": self.tr("Sum of viable diameters (mm)"),
            "afp": self.tr("AFP (ng/mL)"),
            "pivka": self.tr("PIVKA-II (mAU/mL)"),
            "log": self.tr("markers, log scale"),
        }

    def _summary(self) -> str:
        series = self._series
        if series is None:
            return ""
        lines = [f"{d.isoformat()}: {v:g} mm" for d, v in series.sum_mm]
        lines += [f"AFP {d.isoformat()}: {v:g} ng/mL" for d, v in series.afp_ng_ml]
        lines += [f"PIVKA-II {d.isoformat()}: {v:g} mAU/mL" for d, v in series.pivka_ii_mau_ml]
        return "\n".join(lines)


class _Plot:
    """One drawing pass: the geometry derived from the font, then axes, lines and legend."""

    def __init__(
        self, painter: QPainter, area: QRectF, series: ChartSeries, labels: dict[str, str]
    ) -> None:
        self.p, self.s, self.labels = painter, series, labels
        self.taken: list[QRectF] = []  # value labels already drawn, so later ones avoid them
        metrics = QFontMetricsF(painter.font())
        self.metrics = metrics
        self.line = metrics.height()
        self.digit = metrics.horizontalAdvance("0")
        left, right = self.digit * 6, self.digit * 8.5 if self._markers() else self.digit * 2
        self.width = area.width()
        self.plot = area.adjusted(left, self.line * 3.6, -right, -self.line * 2.2)
        dates = [d for d, _ in (*series.sum_mm, *self._markers())]
        self.first, self.last = min(dates), max(dates)
        self.sum_top = nice_ceiling(max((v for _, v in series.sum_mm), default=0) * 1.1)
        marker_values = [v for _, v in self._markers() if v > 0]
        self.log_low = math.floor(math.log10(min(marker_values))) if marker_values else 0
        self.log_high = max(
            math.ceil(math.log10(max(marker_values))) if marker_values else 1, self.log_low + 1
        )

    def _markers(self) -> tuple[tuple[dt.date, float], ...]:
        return (*self.s.afp_ng_ml, *self.s.pivka_ii_mau_ml)

    def x_of(self, day: dt.date) -> float:
        span = max((self.last - self.first).days, 1)
        if self.first == self.last:
            return self.plot.center().x()
        return self.plot.left() + self.plot.width() * (day - self.first).days / span

    def y_sum(self, value: float) -> float:
        return self.plot.bottom() - self.plot.height() * value / self.sum_top

    def y_marker(self, value: float) -> float:
        exponent = math.log10(max(value, 10**self.log_low))
        share = (exponent - self.log_low) / (self.log_high - self.log_low)
        return self.plot.bottom() - self.plot.height() * share

    def draw(self) -> None:
        self._grid()
        self._dates()
        self._line(self.s.sum_mm, SUM_COLOUR, self.y_sum, "square", " mm")
        self._line(self.s.afp_ng_ml, AFP_COLOUR, self.y_marker, "diamond", "")
        self._line(self.s.pivka_ii_mau_ml, PIVKA_COLOUR, self.y_marker, "circle", "")
        self._legend()

    def _grid(self) -> None:
        p, plot = self.p, self.plot
        for step in range(5):
            y = plot.bottom() - plot.height() * step / 4
            p.setPen(QPen(GRID_COLOUR, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(SUM_COLOUR)
            box = QRectF(0, y - self.line / 2, plot.left() - self.digit, self.line)
            p.drawText(
                box,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                number(self.sum_top * step / 4),
            )
        if self._markers():
            p.setPen(AFP_COLOUR)
            for exponent in range(self.log_low, self.log_high + 1):
                y = self.y_marker(10**exponent)
                box = QRectF(
                    plot.right() + self.digit, y - self.line / 2, self.digit * 7, self.line
                )
                p.drawText(
                    box,
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    number(10**exponent),
                )
        p.setPen(QPen(self.p.pen().color().darker(), 1.5))
        p.setPen(QPen(QColor("#333333"), 1.5))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())

    def _dates(self) -> None:
        days = sorted({d for d, _ in (*self.s.sum_mm, *self._markers())})
        width = self.digit * 11
        shown_right = -math.inf
        self.p.setPen(QColor("#333333"))
        for day in days:
            x = self.x_of(day)
            if x - width / 2 < shown_right:
                continue  # would overlap the previous label
            box = QRectF(x - width / 2, self.plot.bottom() + self.line * 0.3, width, self.line)
            self.p.drawText(box, Qt.AlignmentFlag.AlignCenter, day.isoformat())
            shown_right = x + width / 2

    def _line(
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
        self.p.setPen(QPen(colour, max(2.0, self.line / 8)))
        if len(xy) > 1:
            self.p.drawPolyline(QPolygonF(xy))
        radius = max(4.0, self.line / 4)
        for point, (_, value) in zip(xy, points, strict=True):
            self._marker(point, radius, colour, shape)
            text = number(value) + unit
            box = self._free_label_box(point, radius, self.metrics.horizontalAdvance(text))
            self.p.setPen(colour)
            self.p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _free_label_box(self, at: QPointF, radius: float, text_width: float) -> QRectF:
        """Above the point, else below, right or left: the first place no other label holds."""
        width, height = text_width + self.digit, self.line
        gap = radius + self.line * 0.1
        candidates = [
            QRectF(at.x() + gap, at.y() - height / 2, width, height),
            QRectF(at.x() - gap - width, at.y() - height / 2, width, height),
        ]
        for step in range(3):  # above and below, moving further out when taken
            lift = gap + height * step
            candidates.insert(
                2 * step, QRectF(at.x() - width / 2, at.y() - lift - height, width, height)
            )
            candidates.insert(
                2 * step + 1, QRectF(at.x() - width / 2, at.y() + lift, width, height)
            )
        box = next((c for c in candidates if not any(c.intersects(t) for t in self.taken)), None)
        box = box or candidates[0]
        self.taken.append(box)
        return box

    def _marker(self, at: QPointF, radius: float, colour: QColor, shape: str) -> None:
        self.p.setBrush(colour)
        self.p.setPen(Qt.PenStyle.NoPen)
        if shape == "square":
            self.p.drawRect(QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius))
        elif shape == "circle":
            self.p.drawEllipse(at, radius, radius)
        else:
            path = QPainterPath(QPointF(at.x(), at.y() - radius * 1.3))
            for dx, dy in ((radius * 1.3, 0), (0, radius * 1.3), (-radius * 1.3, 0)):
                path.lineTo(at.x() + dx, at.y() + dy)
            path.closeSubpath()
            self.p.drawPath(path)
        self.p.setBrush(Qt.BrushStyle.NoBrush)

    def _legend(self) -> None:
        entries = [
            (self.labels["sum"], SUM_COLOUR, bool(self.s.sum_mm)),
            (self.labels["afp"], AFP_COLOUR, bool(self.s.afp_ng_ml)),
            (self.labels["pivka"], PIVKA_COLOUR, bool(self.s.pivka_ii_mau_ml)),
        ]
        if self._markers():
            entries.append((f"({self.labels['log']})", QColor("#555555"), True))
        metrics = QFontMetricsF(self.p.font())
        x, y = self.plot.left(), self.line * 0.2
        for text, colour, present in entries:
            width = self.line * 1.2 + metrics.horizontalAdvance(text)
            if not present:
                continue
            if x > self.plot.left() and x + width > self.width:
                x, y = self.plot.left(), y + self.line * 1.1  # wrap to a second legend line
            if not text.startswith("("):
                self.p.fillRect(
                    QRectF(x, y + self.line * 0.15, self.line * 0.7, self.line * 0.7), colour
                )
            self.p.setPen(colour)
            self.p.drawText(QPointF(x + self.line, y + self.line * 0.8), text)
            x += width + self.line


def number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value < 1000 else f"{value:,.0f}"
