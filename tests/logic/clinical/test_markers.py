"""AFP and PIVKA-II over time: each dated value with its change from the first, in percent."""

import datetime as dt

import pytest

from desktop.logic.clinical.evaluation import evaluate, evaluation_output
from desktop.logic.clinical.markers import marker_series
from desktop.logic.clinical.response import response_chart_series
from desktop.logic.model.case_io import parse_case
from tests.conftest import example_data
from tests.factories import make_case

HISTORY = [
    {
        "date": "2026-03-01",
        "afp": {"value": 1000, "unit": "ng/mL"},
        "pivka_ii": {"value": 2000, "unit": "mAU/mL"},
    },
    {"date": "2026-04-15", "afp": {"value": 400, "unit": "IU/mL"}},
]


def test_series_from_labs_history_and_current_labs_in_date_order():
    case = make_case(
        labs_history=list(reversed(HISTORY)),
        **{
            "labs.afp": {"value": 500, "unit": "ng/mL"},
            "labs.pivka_ii": {"value": 3000, "unit": "mAU/mL"},
        },
    )
    out = marker_series(case).to_output()
    assert out["afp"] == [
        {"date": "2026-03-01", "value": 1000, "unit": "ng/mL", "change_from_first_pct": 0.0},
        {
            "date": "2026-04-15",
            "value": 484,
            "unit": "ng/mL",
            "change_from_first_pct": -51.6,
            "entered": "400 IU/mL",
        },
        {"date": "2026-06-01", "value": 500, "unit": "ng/mL", "change_from_first_pct": -50.0},
    ]
    assert out["pivka_ii"] == [
        {"date": "2026-03-01", "value": 2000, "unit": "mAU/mL", "change_from_first_pct": 0.0},
        {"date": "2026-06-01", "value": 3000, "unit": "mAU/mL", "change_from_first_pct": 50.0},
    ]


@pytest.mark.parametrize(
    ("first", "later", "change"),
    [(0, 10, None), (200, 200, 0.0), (3, 1, -66.7), (3, 2, -33.3), (8, 9, 12.5)],
)
def test_change_from_first(first, later, change):
    case = make_case(
        labs_history=[{"date": "2026-05-01", "afp": {"value": first, "unit": "ng/mL"}}],
        **{"labs.afp": {"value": later, "unit": "ng/mL"}},
    )
    assert marker_series(case).afp[-1].change_from_first_pct == change


def test_no_markers_gives_empty_series():
    assert marker_series(make_case()).to_output() == {"afp": [], "pivka_ii": []}


def test_markers_are_in_the_response_and_never_lost_without_imaging():
    pvtt = evaluation_output(
        evaluate(parse_case(example_data("advanced-pvtt-conversion")), as_of=dt.date(2026, 12, 1))
    )
    assert pvtt["response"]["markers"] == pvtt["markers"]
    assert pvtt["markers"]["afp"][0] == {
        "date": "2026-06-01",
        "value": 850,
        "unit": "ng/mL",
        "change_from_first_pct": 0.0,
    }
    no_scans = evaluation_output(evaluate(make_case(labs_history=HISTORY)))
    assert no_scans["response"] is None
    assert len(no_scans["markers"]["afp"]) == 2


def test_the_chart_draws_the_dated_series():
    chart = response_chart_series(make_case(labs_history=HISTORY))
    assert chart.afp_ng_ml == (
        (dt.date(2026, 3, 1), 1000.0),
        (dt.date(2026, 4, 15), pytest.approx(484.0)),
    )
    assert chart.pivka_ii_mau_ml == ((dt.date(2026, 3, 1), 2000.0),)
