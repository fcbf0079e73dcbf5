"""mRECIST / RECIST 1.1 response series: boundaries, CR, PD, missing lesions, best response."""

import datetime as dt
import json
from typing import Any

import pytest

from desktop.logic.clinical.response import assess_response, nice_ceiling, response_chart_series
from desktop.logic.model.case import Case, Imaging
from desktop.logic.model.messages import render_all
from desktop.logic.model.paths import resource
from tests.factories import make_case

DATES = ["2026-01-05", "2026-03-02", "2026-05-04", "2026-07-06", "2026-09-07"]


def scan(day: int, lesions: dict[str, float], criteria: str = "mRECIST", **extra: Any) -> Imaging:
    return Imaging.model_validate(
        {
            "date": DATES[day],
            "modality": "MRI",
            "criteria": criteria,
            "lesions": [{"id": i, "viable_diameter_mm": mm} for i, mm in lesions.items()],
            **extra,
        }
    )


def series(*sums: float, criteria: str = "mRECIST") -> list[Imaging]:
    return [scan(day, {"L1": total}, criteria) for day, total in enumerate(sums)]


def why_text(messages) -> str:
    return " ".join(render_all(messages))


def test_pvtt_example_sums_categories_current_and_best(pvtt_case_data):
    result = assess_response(Case.model_validate(pvtt_case_data).imaging)
    out = result.to_output("en")
    assert out["criteria"] == "mRECIST"
    assert [p["sum_mm"] for p in out["timepoints"]] == [105, 64, 31]
    assert [p["category"] for p in out["timepoints"]] == ["baseline", "PR", "PR"]
    assert [p["change_from_baseline_pct"] for p in out["timepoints"]] == [0.0, -39.0, -70.5]
    assert out["timepoints"][0]["change_from_nadir_pct"] == 0.0
    assert out["timepoints"][2]["change_from_nadir_pct"] == -51.6
    assert (out["current"], out["best"]) == ("PR", "PR")
    assert out["timepoints"][0]["date"] == "2026-06-01"


def test_fewer_than_two_scans_gives_none():
    assert assess_response([]) is None
    assert assess_response(series(40)) is None


@pytest.mark.parametrize(
    ("baseline", "follow_up", "category", "pct"),
    [
        (100, 70, "PR", -30.0),
        (100, 70.1, "SD", -29.9),
        (100, 69.9, "PR", -30.1),
        (43.3, 30.31, "PR", -30.0),  # exactly -30 % with decimals: exact arithmetic
        (43.3, 30.32, "SD", -30.0),  # -29.98 %: rounds to -30.0 but is SD
    ],
)
def test_partial_response_boundary(baseline, follow_up, category, pct):
    point = assess_response(series(baseline, follow_up)).timepoints[1]
    assert point.category == category
    assert point.change_from_baseline_pct == pct


def test_near_boundary_why_shows_enough_decimals():
    point = assess_response(series(43.3, 30.32)).timepoints[1]
    assert "-29.98%" in why_text(point.why)


@pytest.mark.parametrize(
    ("follow_up", "category", "pct"),
    [(120, "PD", 20.0), (119.9, "SD", 19.9), (120.1, "PD", 20.1)],
)
def test_progression_boundary_from_baseline_nadir(follow_up, category, pct):
    point = assess_response(series(100, follow_up)).timepoints[1]
    assert (point.category, point.change_from_nadir_pct) == (category, pct)


@pytest.mark.parametrize(("last", "category"), [(60, "PD"), (59.9, "PR")])
def test_progression_is_measured_from_the_nadir_not_the_baseline(last, category):
    points = assess_response(series(100, 50, last)).timepoints
    assert points[2].category == category
    assert points[2].change_from_baseline_pct <= -40.0


@pytest.mark.parametrize(
    ("criteria", "follow_up", "category"),
    [
        ("RECIST1.1", 24, "SD"),  # +20 % but only 4 mm
        ("RECIST1.1", 25, "PD"),  # +25 % and 5 mm
        ("mRECIST", 24, "PD"),  # mRECIST has no absolute rule
        ("RECIST1.1", 23.9, "SD"),
    ],
)
def test_recist_absolute_increase(criteria, follow_up, category):
    result = assess_response(series(20, follow_up, criteria=criteria))
    assert result.timepoints[1].category == category
    assert result.criteria == criteria


def test_recist_four_millimetres_says_why_not_progression():
    point = assess_response(series(20, 24, criteria="RECIST1.1")).timepoints[1]
    assert "only 4 mm larger" in why_text(point.why)


def test_complete_response_needs_every_condition():
    imaging = [scan(0, {"L1": 30, "L2": 10}), scan(1, {"L1": 0, "L2": 0})]
    result = assess_response(imaging)
    assert (result.current, result.best) == ("CR", "CR")
    assert result.timepoints[1].change_from_baseline_pct == -100.0


@pytest.mark.parametrize(
    ("extra", "category", "phrase"),
    [
        ({"non_target": "present"}, "PR", "non-target lesions are still present"),
        ({"new_lesions": True}, "PD", "new lesion"),
        ({"non_target": "unequivocal_progression"}, "PD", "Unequivocal progression"),
    ],
)
def test_zero_sum_is_not_cr_when_other_conditions_fail(extra, category, phrase):
    imaging = [scan(0, {"L1": 30}), scan(1, {"L1": 0}, **extra)]
    point = assess_response(imaging).timepoints[1]
    assert point.category == category
    assert phrase in why_text(point.why)


def test_new_lesion_is_progression_even_while_shrinking():
    imaging = [scan(0, {"L1": 50}), scan(1, {"L1": 20}, new_lesions=True)]
    point = assess_response(imaging).timepoints[1]
    assert point.category == "PD"
    assert point.change_from_baseline_pct == -60.0


def test_missing_target_lesion_is_not_evaluable_not_zero():
    imaging = [scan(0, {"L1": 50, "L2": 20}), scan(1, {"L1": 30})]
    result = assess_response(imaging)
    point = result.timepoints[1]
    assert (point.category, point.sum_mm, point.change_from_baseline_pct) == ("NE", None, None)
    assert "L2" in why_text(point.why)
    assert "0 mm is not assumed" in why_text(point.why)
    assert result.current == "NE"


@pytest.mark.parametrize(
    ("follow_up", "extra", "category"),
    [
        ({"L1": 30}, {"new_lesions": True}, "PD"),
        ({"L1": 84}, {}, "PD"),  # measured lesion alone is 20 % above the nadir of 70
        ({"L1": 83.9}, {}, "NE"),
    ],
)
def test_missing_lesion_still_shows_progression_when_certain(follow_up, extra, category):
    imaging = [scan(0, {"L1": 50, "L2": 20}), scan(1, follow_up, **extra)]
    assert assess_response(imaging).timepoints[1].category == category


def test_not_evaluable_scan_does_not_set_the_nadir():
    imaging = [scan(0, {"L1": 50, "L2": 20}), scan(1, {"L1": 10}), scan(2, {"L1": 40, "L2": 20})]
    points = assess_response(imaging).timepoints
    assert points[2].change_from_nadir_pct == pytest.approx(-14.3)
    assert points[2].category == "SD"


def test_lesion_not_at_baseline_is_not_in_the_sum():
    imaging = [scan(0, {"L1": 50}), scan(1, {"L1": 40, "L9": 30})]
    point = assess_response(imaging).timepoints[1]
    assert point.sum_mm == 40
    assert "L9 was not a baseline target lesion" in why_text(point.why)


def test_non_target_lesions_are_not_in_the_sum():
    baseline = Imaging.model_validate(
        {
            "date": DATES[0],
            "modality": "CT",
            "criteria": "mRECIST",
            "lesions": [
                {"id": "L1", "viable_diameter_mm": 50},
                {"id": "N1", "target": False, "viable_diameter_mm": 80},
            ],
            "non_target": "present",
        }
    )
    result = assess_response([baseline, scan(1, {"L1": 35, "N1": 90}, non_target="present")])
    assert [p.sum_mm for p in result.timepoints] == [50, 35]


def test_more_than_five_targets_uses_the_first_five_and_says_so():
    lesions = {f"L{i}": 10 for i in range(1, 8)}
    follow = {**{f"L{i}": 10 for i in range(1, 6)}, "L6": 90, "L7": 90}
    result = assess_response([scan(0, lesions), scan(1, follow)])
    assert result.timepoints[0].sum_mm == 50
    assert result.timepoints[1].category == "SD"
    assert "only the first 5 are used and L6, L7 is not counted" in why_text(result.why)


def test_mixed_criteria_use_the_baseline_criteria_and_say_so():
    imaging = [scan(0, {"L1": 20}, "RECIST1.1"), scan(1, {"L1": 24}, "mRECIST")]
    result = assess_response(imaging)
    assert result.criteria == "RECIST1.1"
    assert result.timepoints[1].category == "SD"  # RECIST 1.1 absolute rule applied
    assert "2026-03-02" in why_text(result.why)
    assert "baseline's criteria, RECIST 1.1" in why_text(result.why)


def test_baseline_sum_zero_gives_null_percentages():
    imaging = [scan(0, {"L1": 0}, non_target="present"), scan(1, {"L1": 0}, non_target="present")]
    result = assess_response(imaging)
    base, follow = result.timepoints
    assert (base.change_from_baseline_pct, base.change_from_nadir_pct) == (None, None)
    assert (follow.change_from_baseline_pct, follow.category) == (None, "SD")
    assert "baseline sum is 0 mm" in why_text(base.why)


@pytest.mark.parametrize(
    ("criteria", "regrowth", "category"),
    [("mRECIST", 3, "PD"), ("RECIST1.1", 4, "PR"), ("RECIST1.1", 5, "PD")],  # 4 mm: -87 %
)
def test_regrowth_after_a_zero_nadir(criteria, regrowth, category):
    imaging = [
        scan(0, {"L1": 30}, criteria),
        scan(1, {"L1": 0}, criteria),
        scan(2, {"L1": regrowth}, criteria),
    ]
    point = assess_response(imaging).timepoints[2]
    assert (point.category, point.change_from_nadir_pct) == (category, None)


@pytest.mark.parametrize(
    ("sums", "current", "best", "new_baseline"),
    [
        ((100, 60, 80), "PD", "PR", True),
        ((100, 90, 0), "CR", "CR", False),
        ((100, 130, 125), "PD", "PD", True),
        ((100, 90, 125), "PD", "SD", True),
        # scans after the first PD never improve the best response (RECIST 1.1)
        ((100, 130, 0), "CR", "PD", True),
        ((100, 60, 80, 0), "CR", "PR", True),
        ((100, 60, 80, 10, 0), "CR", "PR", True),
        ((100, 90, 60, 0), "CR", "CR", False),
    ],
)
def test_current_and_best_response(sums, current, best, new_baseline):
    result = assess_response(series(*sums))
    assert (result.current, result.best) == (current, best)
    assert result.needs_new_baseline is new_baseline
    assert result.to_output()["needs_new_baseline"] is new_baseline
    assert ("a new baseline is needed" in why_text(result.why)) is new_baseline


def test_scans_after_a_pd_are_still_categorised_against_the_nadir():
    result = assess_response(series(100, 60, 80, 40))
    assert [p.category for p in result.timepoints] == ["baseline", "PR", "PD", "PR"]
    assert result.timepoints[3].change_from_nadir_pct == pytest.approx(-33.3)
    assert "Progression (PD) on 2026-05-04" in why_text(result.why)


def test_a_new_lesion_is_the_first_pd_for_the_best_response():
    imaging = [
        scan(0, {"L1": 100}),
        scan(1, {"L1": 90}, new_lesions=True),
        scan(2, {"L1": 0}),
    ]
    result = assess_response(imaging)
    assert (result.current, result.best, result.needs_new_baseline) == ("CR", "PD", True)


def test_sum_output_keeps_fractions_and_whole_numbers_as_int():
    out = assess_response(series(40, 12.5)).to_output("en")
    assert [p["sum_mm"] for p in out["timepoints"]] == [40, 12.5]
    assert isinstance(out["timepoints"][0]["sum_mm"], int)


def test_chinese_output_is_rendered(pvtt_case_data):
    out = assess_response(Case.model_validate(pvtt_case_data).imaging).to_output("zh_CN")
    assert "部分缓解（PR）" in out["why"][-1]
    assert "靶病灶直径总和 64 mm" in out["timepoints"][1]["why"][0]


def test_every_response_text_has_both_languages():
    entries = json.loads(resource("text", "response.json").read_text(encoding="utf-8"))
    for key, texts in entries.items():
        assert texts["en"].strip(), key
        assert texts["zh_CN"].strip(), key
        assert texts["en"].count("{") == texts["zh_CN"].count("{"), key


def test_chart_series_has_evaluable_sums_and_markers(pvtt_case_data):
    chart = response_chart_series(Case.model_validate(pvtt_case_data))
    assert chart.sum_mm == (
        (dt.date(2026, 6, 1), 105.0),
        (dt.date(2026, 8, 10), 64.0),
        (dt.date(2026, 10, 20), 31.0),
    )
    assert chart.afp_ng_ml == ((dt.date(2026, 6, 1), 850.0),)
    assert chart.pivka_ii_mau_ml == ((dt.date(2026, 6, 1), 1200.0),)


def test_chart_series_converts_afp_and_skips_what_is_unknown():
    case = make_case(**{"labs.afp": {"value": 100, "unit": "IU/mL"}})
    chart = response_chart_series(case)
    assert chart.afp_ng_ml == ((dt.date(2026, 6, 1), pytest.approx(121.0)),)
    assert (chart.sum_mm, chart.pivka_ii_mau_ml) == ((), ())


@pytest.mark.parametrize(
    ("value", "ceiling"),
    [
        (0, 10),
        (-3, 10),
        (float("nan"), 10),
        (0.04, 0.05),
        (0.4, 0.5),
        (0.5, 0.5),  # the screen and the PDF once disagreed here (0.5 and 1)
        (0.50001, 1),
        (0.2, 0.2),
        (0.25, 0.25),
        (0.3, 0.5),
        (1, 1),
        (1.1, 2),
        (2, 2),
        (2.01, 2.5),
        (2.5, 2.5),
        (2.51, 5),
        (5, 5),
        (5.01, 10),
        (9.99, 10),
        (10, 10),
        (96, 100),
        (101, 200),
        (105, 200),
        (200, 200),
        (200.00000000001, 200),
        (201, 250),
        (240, 250),
        (251, 500),
        (850, 1000),
        (1000, 1000),
        (1001, 2000),
        (2600, 5000),
        (1e6, 1e6),
    ],
)
def test_nice_ceiling(value, ceiling):
    assert nice_ceiling(value) == ceiling
