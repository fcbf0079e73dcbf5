"""Gaps before a meeting: missing items, stale labs and imaging, new data since a decision."""

import datetime as dt

import pytest

from desktop.logic.clinical.completeness import (
    AREAS,
    age_in_days,
    is_stale,
    meeting_decision,
    meeting_question,
    readiness,
    rediscussion_reasons,
)
from desktop.logic.model.case import Case
from desktop.logic.model.records import seal
from tests.factories import make_case
from tests.logic.clinical.safety_cases import COMPLETE

MEETING = dt.date(2026, 7, 1)
SCAN = {
    "date": "2026-06-01",
    "modality": "MRI",
    "criteria": "mRECIST",
    "lesions": [{"id": "L1", "viable_diameter_mm": 30}],
}


def _complete(**changes):
    """A case with nothing missing for the meeting of MEETING."""
    base = {
        "labs.creatinine": {"value": 70, "unit": "umol/L"},
        "labs.platelets": {"value": 150, "unit": "10^9/L"},
        "labs.afp": {"value": 20, "unit": "ng/mL"},
        "labs.pivka_ii": {"value": 40, "unit": "mAU/mL"},
        "liver.varices": "none",
        "tumor.hepatic_vein_invasion": "none",
        "tumor.lymph_node_metastasis": False,
        **{k: v for k, v in COMPLETE.items() if not k.startswith("labs.")},
        "etiology": ["alcohol"],  # HBsAg negative in COMPLETE: not hepatitis B
        "imaging": [SCAN],
        "decisions": [
            {
                "meeting_date": "2026-07-01",
                "status": "draft",
                "question": "Resectable now?",
                "recommendation": "Resect.",
                "attendees": [{"name": "Li Ming", "role": "hepatobiliary surgeon"}],
                "adjuvant_plan": {"option": "continue-preoperative-regimen"},
            }
        ],
    }
    base.update(changes)
    return make_case(**base)


def _texts(result):
    return [gap.message.render("en") for gap in result.gaps]


def test_complete_case_is_ready():
    result = readiness(_complete(), MEETING, 30)
    assert result.ready
    assert [result.area_state(a) for a in ("patient", "response", "decision")] == [
        "complete",
        "complete",
        "complete",
    ]


@pytest.mark.parametrize(
    ("assessed_on", "stale"),
    [("2026-06-01", False), ("2026-05-31", True), ("2026-06-02", False)],
)
def test_labs_stale_at_and_around_the_limit(assessed_on, stale):
    # MEETING - 2026-06-01 = 30 days: exactly the limit is still current.
    case = _complete(assessed_on=assessed_on, imaging=[{**SCAN, "date": "2026-06-20"}])
    result = readiness(case, MEETING, 30)
    assert (result.area_state("patient") == "stale") is stale
    assert result.count("stale") == int(stale)


def test_stale_labs_message_names_date_age_and_limit():
    case = _complete(assessed_on="2026-05-01", imaging=[{**SCAN, "date": "2026-06-20"}])
    [text] = _texts(readiness(case, MEETING, 30))
    assert text == (
        "Labs from 2026-05-01 are 61 days old (local policy: at most 30 days before the meeting)"
    )


@pytest.mark.parametrize(("days", "stale"), [(29, True), (30, False), (31, False)])
def test_imaging_stale_follows_the_configured_days(days, stale):
    case = _complete(assessed_on="2026-06-30")
    assert (readiness(case, MEETING, days).area_state("response") == "stale") is stale


def test_no_imaging_is_missing_not_stale():
    result = readiness(_complete(imaging=[]), MEETING, 30)
    assert result.area_state("response") == "incomplete"
    assert _texts(result) == [
        "No imaging on record: a baseline CT or MRI is needed for staging and response"
    ]


@pytest.mark.parametrize("lab", ["creatinine", "platelets", "afp", "pivka_ii"])
def test_each_missing_marker_lab_is_named(lab):
    data = _complete().to_json_dict()
    del data["labs"][lab]
    result = readiness(Case.model_validate(data), MEETING, 30)
    assert result.area_state("patient") == "incomplete"
    assert len(result.in_area("patient")) == 1


def test_minimal_case_lists_every_gap_in_workflow_order():
    result = readiness(make_case(), MEETING, 30)
    areas = [gap.area for gap in result.gaps]
    assert areas == sorted(
        areas, key=["patient", "tumour", "regimen", "response", "adjuvant", "decision"].index
    )
    assert "Creatinine (needed for MELD): not recorded" in _texts(result)
    assert "Aetiology (HBV, HCV, alcohol...): not recorded" in _texts(result)
    assert "No question for the MDT meeting on 2026-07-01" in _texts(result)
    # A new, empty case is never "complete" in any area.
    assert {result.area_state(a) for a in AREAS} == {"incomplete"}


def _draft(**changes):
    record = {
        "meeting_date": "2026-07-01",
        "status": "draft",
        "question": "Resectable now?",
        "recommendation": "Resect.",
        "attendees": [{"name": "Li Ming", "role": "hepatobiliary surgeon"}],
        "adjuvant_plan": {"option": "continue-preoperative-regimen"},
    }
    record.update(changes)
    return _complete(decisions=[{k: v for k, v in record.items() if v is not None}])


@pytest.mark.parametrize(
    ("changes", "area", "text"),
    [
        ({"attendees": []}, "decision", "No attendee recorded for the MDT meeting on 2026-07-01"),
        (
            {"recommendation": None},
            "decision",
            "No recommendation written for the MDT meeting on 2026-07-01",
        ),
        (
            {"adjuvant_plan": None},
            "adjuvant",
            "No adjuvant plan chosen for the MDT meeting on 2026-07-01",
        ),
    ],
)
def test_a_decision_record_is_complete_only_with_attendees_recommendation_and_plan(
    changes, area, text
):
    result = readiness(_draft(**changes), MEETING, 30)
    assert result.area_state(area) == "incomplete"
    assert _texts(result) == [text]


def test_the_meeting_question_is_the_meetings_own():
    case = _complete()
    assert meeting_question(case, MEETING) == "Resectable now?"
    assert meeting_question(case, dt.date(2026, 7, 8)) is None


def test_chinese_rendering():
    result = readiness(_complete(imaging=[]), MEETING, 30)
    assert result.gaps[0].message.render("zh_CN").startswith("无影像学记录")


def test_scan_not_after_treatment_start_is_missing():
    treatment = {
        "regimen": "lenvatinib",
        "started": "2026-06-05",
        "agents": [{"name": "lenvatinib", "last_dose": "2026-06-25"}],
    }
    result = readiness(_complete(assessed_on="2026-06-30", treatments=[treatment]), MEETING, 30)
    assert _texts(result) == [
        "No scan since treatment started on 2026-06-05: response cannot be assessed"
    ]


def test_ongoing_agent_without_last_dose_is_missing():
    treatment = {
        "regimen": "lenvatinib",
        "started": "2026-05-05",
        "agents": [{"name": "lenvatinib"}],
    }
    result = readiness(_complete(assessed_on="2026-06-30", treatments=[treatment]), MEETING, 30)
    assert _texts(result) == [
        "Last dose of lenvatinib not recorded: the surgery washout cannot be timed"
    ]


@pytest.mark.parametrize(("planned", "flagged"), [("2026-08-01", True), (None, False)])
def test_flr_needed_only_when_resection_is_in_view(planned, flagged):
    case = _complete(assessed_on="2026-06-30", planned_surgery_date=planned)
    texts = _texts(readiness(case, MEETING, 30))
    assert ("Future liver remnant (FLR, %): not recorded" in texts) is flagged


def test_question_of_another_meeting_does_not_count():
    assert meeting_decision(_complete(), dt.date(2026, 7, 8)) is None
    result = readiness(_complete(assessed_on="2026-06-30"), dt.date(2026, 7, 8), 60)
    assert _texts(result) == [
        "No adjuvant plan chosen for the MDT meeting on 2026-07-08",
        "No question for the MDT meeting on 2026-07-08",
    ]


@pytest.mark.parametrize(
    ("recorded", "days", "stale"),
    [(dt.date(2026, 6, 1), 0, False), (dt.date(2026, 5, 31), 0, True)],
)
def test_is_stale_with_zero_days(recorded, days, stale):
    assert is_stale(recorded, dt.date(2026, 6, 1), days) is stale


def test_age_in_days():
    assert age_in_days(dt.date(2026, 6, 1), MEETING) == 30


def test_negative_stale_days_refused():
    with pytest.raises(ValueError, match="stale_days must be 0 or more"):
        readiness(make_case(), MEETING, -1)


def _decided(**changes):
    record = seal(
        {"meeting_date": "2026-06-10", "status": "final", "reopen_conditions": ["any new lesion"]},
        "",
    )
    return make_case(**{"decisions": [record], **changes})


def test_no_rediscussion_without_final_decision():
    assert rediscussion_reasons(make_case(imaging=[SCAN])) == []


def test_no_rediscussion_without_new_data():
    assert rediscussion_reasons(_decided(imaging=[SCAN])) == []


def test_new_scan_with_new_lesions_calls_for_rediscussion():
    later = {**SCAN, "date": "2026-07-20", "new_lesions": True}
    reasons = [m.render("en") for m in rediscussion_reasons(_decided(imaging=[SCAN, later]))]
    assert reasons == [
        "New imaging on 2026-07-20, after the final decision of 2026-06-10",
        "New lesions reported on the scan of 2026-07-20",
        "Check the reopen conditions set by the MDT: any new lesion",
    ]


def test_new_labs_call_for_rediscussion():
    reasons = rediscussion_reasons(_decided(assessed_on="2026-06-20"))
    assert (
        reasons[0].render("en") == "New labs on 2026-06-20, after the final decision of 2026-06-10"
    )


@pytest.mark.parametrize(
    ("changes", "item"),
    [
        ({"history.interstitial_lung_disease": None}, "Interstitial lung disease"),
        ({"virology.hbsag_positive": None}, "HBsAg (hepatitis B screening)"),
        ({"liver.varices_assessed_on": "2025-12-31"}, "Date of the upper endoscopy (recent)"),
    ],
)
def test_the_regimen_area_is_incomplete_while_a_safety_check_cannot_run(changes, item):
    result = readiness(_complete(**changes), MEETING, 30)
    assert result.area_state("regimen") == "incomplete"
    assert [g.message.render("en") for g in result.in_area("regimen")] == [f"{item}: not recorded"]


def test_the_regimen_area_is_complete_when_every_check_ran():
    assert readiness(_complete(), MEETING, 30).area_state("regimen") == "complete"
