"""The response chart: data in, painted pixels out, marker history across revisions."""

import datetime as dt

import pytest
from PySide6.QtGui import QColor

from desktop.logic.clinical.response import ChartSeries
from desktop.ui.chart import SUM_COLOUR, ResponseChart, number, series_for
from tests.factories import make_case

D1, D2 = dt.date(2026, 6, 1), dt.date(2026, 8, 1)


def _colours(widget):
    image = widget.grab().toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


def test_empty_chart_says_why(qtbot):
    chart = ResponseChart()
    qtbot.addWidget(chart)
    chart.set_series(None)
    assert not chart.has_data()
    assert SUM_COLOUR.name() not in _colours(chart)


def test_sum_line_is_painted(qtbot):
    chart = ResponseChart()
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    chart.set_series(ChartSeries(((D1, 105.0), (D2, 64.0)), ((D1, 850.0),), ()))
    assert chart.has_data()
    assert SUM_COLOUR.name() in _colours(chart)
    assert QColor("#b45f06").name() in _colours(chart)
    assert chart.toolTip().splitlines()[:2] == ["2026-06-01: 105 mm", "2026-08-01: 64 mm"]


def test_series_for_collects_marker_history_from_revisions():
    early = make_case(**{"labs.afp": {"value": 850, "unit": "ng/mL"}})
    late = make_case(**{"assessed_on": "2026-08-01", "labs.afp": {"value": 20, "unit": "IU/mL"}})
    series = series_for([early, late])
    assert series.afp_ng_ml == ((D1, 850.0), (D2, pytest.approx(24.2)))


def test_number_format():
    assert [number(18.0), number(1.25), number(12500)] == ["18", "1.2", "12,500"]
