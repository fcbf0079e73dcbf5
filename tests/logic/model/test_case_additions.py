"""The optional fields of 2026-12: read, refused when wrong, written only when they hold a value."""

import datetime as dt
import json

import pytest

from desktop.logic.model.case_io import CaseError, dumps_case, parse_case
from desktop.logic.model.messages import text_table
from tests.conftest import example_data
from tests.factories import case_data

ADDED = {
    "patient.weight_kg": 64.0,
    "virology": {
        "hbsag_positive": True,
        "hbv_dna_iu_per_ml": 120,
        "hbv_dna_date": "2026-05-02",
        "hbv_antiviral": True,
        "hcv_rna_detectable": False,
    },
    "liver.varices_assessed_on": "2026-04-14",
    "liver.icg_r15_date": "2026-05-10",
    "liver.flr_date": "2026-05-10",
    "history.last_major_surgery_date": "2026-03-02",
    "history.systemic_steroids_mg_prednisone_per_day": 0,
    "history.interstitial_lung_disease": False,
    "history.prior_immune_related_ae_grade3plus": False,
    "history.bleeding_or_arterial_thrombosis_within_6_months": False,
    "tumor.infiltrative": False,
    "tumor.bilobar": False,
    "tumor.segments": ["S7", "S8"],
    "labs_history": [
        {
            "date": "2026-04-10",
            "afp": {"value": 310, "unit": "ng/mL"},
            "pivka_ii": {"value": 400, "unit": "mAU/mL"},
        }
    ],
}


def test_every_addition_is_read_and_written_back_exactly():
    data = case_data(**ADDED)
    case = parse_case(data)
    assert case.patient.weight_kg == 64.0
    assert case.virology.hbsag_positive is True
    assert case.tumor.segments == ["S7", "S8"]
    assert case.labs_history[0].afp.ng_ml == 310
    assert json.loads(dumps_case(case)) == data


@pytest.mark.parametrize(
    "name",
    ["advanced-pvtt-conversion", "decompensated-high-bleeding-risk", "intermediate-multinodular"],
)
def test_files_without_additions_stay_valid_and_unchanged(name):
    data = example_data(name)
    case = parse_case(data)
    assert case.virology.hbsag_positive is None
    assert case.labs_history == []
    assert json.loads(dumps_case(case)) == data


def test_an_addition_without_a_value_is_not_written():
    data = case_data(
        **{
            "patient.weight_kg": None,
            "virology": {"hbsag_positive": None, "hbv_antiviral": True},
            "tumor.segments": [],
            "labs_history": [],
            "history.interstitial_lung_disease": None,
        }
    )
    written = json.loads(dumps_case(parse_case(data)))
    assert "weight_kg" not in written["patient"]
    assert written["virology"] == {"hbv_antiviral": True}
    assert "segments" not in written["tumor"]
    assert "labs_history" not in written
    assert "interstitial_lung_disease" not in written["history"]


def test_an_empty_virology_object_is_not_written():
    written = json.loads(dumps_case(parse_case(case_data(virology={}))))
    assert "virology" not in written


def _problems(**changes) -> list[str]:
    with pytest.raises(CaseError) as caught:
        parse_case(case_data(**changes))
    return caught.value.problems


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"patient.weight_kg": 0}, "patient.weight_kg: 0 is not accepted: must be greater than 0"),
        ({"patient.weight_kg": 400.1}, "patient.weight_kg: 400.1 is not accepted: must be less"),
        ({"virology.hbv_dna_iu_per_ml": -1}, "virology.hbv_dna_iu_per_ml: -1 is not accepted"),
        ({"virology.hbsag_positive": "yes"}, 'virology.hbsag_positive: "yes" is not accepted'),
        ({"virology.hbv_dna_date": "2026-13-01"}, "virology.hbv_dna_date: 2026-13-01 is not"),
        ({"virology.hcv_rna": True}, "virology.hcv_rna: unknown field"),
        (
            {"history.systemic_steroids_mg_prednisone_per_day": -0.5},
            "history.systemic_steroids_mg_prednisone_per_day: -0.5 is not accepted",
        ),
        ({"tumor.segments": ["S9"]}, 'tumor.segments[0]: "S9" is not allowed'),
        ({"tumor.segments": ["S2", "S2"]}, "tumor.segments: segment S2 is listed twice"),
        (
            {"labs_history": [{"date": "2026-04-01"}]},
            "labs_history[0]: the tumour-marker entry of 2026-04-01",
        ),
        (
            {"labs_history": [{"date": "2026-04-01", "afp": {"value": 3, "unit": "ug/L"}}]},
            'labs_history[0].afp.unit: "ug/L" is not allowed',
        ),
        ({"liver.flr_date": "10/11/2026"}, "liver.flr_date: expected a date written YYYY-MM-DD"),
    ],
)
def test_bad_additions_are_refused_naming_field_value_and_allowed(changes, expected):
    problems = _problems(**changes)
    assert any(p.startswith(expected) for p in problems), problems


def test_refusal_texts_of_the_additions_exist_in_both_languages():
    for kind in ("marker_without_value", "duplicate_segment"):
        texts = text_table()[f"case_error.{kind}"]
        assert texts["en"]
        assert texts["zh_CN"]


@pytest.mark.parametrize(
    "path",
    [
        "virology.hbv_dna_date",
        "liver.varices_assessed_on",
        "liver.icg_r15_date",
        "liver.flr_date",
        "history.last_major_surgery_date",
    ],
)
def test_an_added_date_after_the_day_of_evaluation_is_refused(path):
    data = case_data(**{path: "2026-07-02"})
    with pytest.raises(CaseError) as caught:
        parse_case(data, today=dt.date(2026, 7, 1))
    assert any(
        p.startswith(path) and "after the day of evaluation" in p for p in caught.value.problems
    ), caught.value.problems
    assert parse_case(data, today=dt.date(2026, 7, 2))  # the day itself is allowed


def test_a_marker_dated_after_today_or_before_birth_is_refused():
    late = case_data(labs_history=[{"date": "2026-07-02", "afp": {"value": 3, "unit": "ng/mL"}}])
    with pytest.raises(CaseError) as caught:
        parse_case(late, today=dt.date(2026, 7, 1))
    assert any(p.startswith("labs_history[0].date") for p in caught.value.problems)
    early = case_data(**{"patient.birth_date": "1960-01-01", "liver.icg_r15_date": "1959-12-31"})
    with pytest.raises(CaseError) as caught:
        parse_case(early)
    assert any(
        "liver.icg_r15_date 1959-12-31 is before the birth date" in p
        for p in caught.value.problems
    ), caught.value.problems
