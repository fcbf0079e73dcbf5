"""The response chart: sum of viable diameters per scan, AFP and PIVKA-II on a second axis.

Drawn with QPainter in the widget's own font, so the presentation screen enlarges it by setting
a bigger font, and in colours taken from its palette (light or dark). Where each text goes is
worked out first (desktop.ui.chart_layout) so none overlaps another, an axis or the edge. The
data are plain (date, value) points (clinical.response.ChartSeries); markers span decades, so
their axis is logarithmic. Every value is also in the tooltip and the accessible description.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.logic.clinical import ChartSeries, nice_ceiling, response_chart_series
from desktop.logic.model import Case
from desktop.ui.chart_layout import (
    LIGHT_SERIES,
    ChartLayout,
    PlacedText,
    chart_colours,
    chart_layout,
    note_layout,
    number,
    paint_layout,
)

SUM_COLOUR = QColor(LIGHT_SERIES[0])
__all__ = ["SUM_COLOUR", "ResponseChart", "nice_ceiling", "number", "series_for"]


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
        self._layout: ChartLayout | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self.setAccessibleName(self.tr("Response chart"))
        self.set_series(None)

    def sizeHint(self) -> QSize:  # noqa: N802 -- Qt override
        return QSize(560, 260)

    def series(self) -> ChartSeries | None:
        return self._series

    def set_series(self, series: ChartSeries | None) -> None:
        self._series = series
        summary = self._summary() if self.has_data() else self._empty_text()
        self.setToolTip(summary)
        self.setAccessibleDescription(summary)
        self.update()

    def has_data(self) -> bool:
        s = self._series
        return bool(s and (s.sum_mm or s.afp_ng_ml or s.pivka_ii_mau_ml))

    def chart_layout(self) -> ChartLayout:
        """Where every text, axis and point of the chart goes at the widget's size and font."""
        metrics = QFontMetricsF(self.font())
        colours = chart_colours(self.palette())
        area = QRectF(self.rect())
        if self._series is None or not self.has_data():
            return note_layout(area, self._empty_text(), metrics, colours.text)
        return chart_layout(area, self._series, self._labels(), metrics, colours)

    def placed_texts(self) -> list[PlacedText]:
        """The texts of the last paint (each a rectangle no other text or axis touches)."""
        return list(self._layout.texts) if self._layout else []

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 -- Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._layout = self.chart_layout()
        paint_layout(painter, self._layout, chart_colours(self.palette()))

    def _empty_text(self) -> str:
        return self.tr("No imaging or tumour markers yet: the chart appears after the first scan.")

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
