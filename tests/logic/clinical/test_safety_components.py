"""Component rules at their boundaries, both unit systems where units apply: immune checkpoint
inhibitors, anti-angiogenic drugs, TACE/HAIC, radioembolisation, adverse events, lenvatinib dose."""

import datetime as dt

import pytest

from tests.logic.clinical.safety_cases import (
    ALL_IDS,
    ANTI_VEGF,
    BEVACIZUMAB,
    HAIC,
    ICI,
    LENVATINIB,
    REMOVE,
    SIRT,
    TACE,
    TKI,
    assess,
    check,
    outcomes,
    verdicts_of,
)


def only(ids: set[str], outcome: str) -> dict[str, str]:
    return {rid: outcome for rid in ALL_IDS if rid in ids}


# --- immune checkpoint inhibitors ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "rule", "fired"),
    [
        ("history.autoimmune_disease_active", "ici.autoimmune", "contraindicated"),
        ("history.organ_transplant", "ici.transplant", "contraindicated"),
        ("history.interstitial_lung_disease", "ici.interstitial_lung_disease", "caution"),
        ("history.prior_immune_related_ae_grade3plus", "ici.prior_severe_irae", "caution"),
    ],
)
@pytest.mark.parametrize("value", [True, False, REMOVE])
def test_ici_history_flags(path, rule, fired, value):
    results = assess(**{path: value})
    expected = {True: fired, False: "ok"}.get(value, "unchecked")
    assert outcomes(results, rule) == only(ICI, expected)
    verdicts = verdicts_of(results)
    assert {rid for rid, v in verdicts.items() if v != "suitable"} == (
        set() if value is False else ICI
    )


@pytest.mark.parametrize(
    ("dose", "outcome"),
    [(0, "ok"), (10, "ok"), (10.01, "caution"), (20, "caution"), (REMOVE, "unchecked")],
)
def test_ici_steroids_above_10_mg_prednisone(dose, outcome):
    results = assess(**{"history.systemic_steroids_mg_prednisone_per_day": dose})
    assert outcomes(results, "ici.steroids") == only(ICI, outcome)


# --- anti-angiogenic drugs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        ({"liver.varices": "large_or_high_risk"}, "contraindicated"),
        # untreated large varices found long ago still stand
        (
            {"liver.varices": "large_or_high_risk", "liver.varices_assessed_on": "2025-01-01"},
            "contraindicated",
        ),
        (
            {"liver.varices": "large_or_high_risk", "liver.varices_assessed_on": REMOVE},
            "contraindicated",
        ),
        ({"liver.varices": "none"}, "ok"),
        ({"liver.varices": "small"}, "ok"),
        ({"liver.varices": "treated"}, "ok"),
        ({"liver.varices": "unknown"}, "unchecked"),
        ({"liver.varices": REMOVE}, "unchecked"),
        # "no varices" must be recent: IMbrave150 required an endoscopy within 6 months
        ({"liver.varices_assessed_on": "2025-12-15"}, "ok"),  # exactly 6 months
        ({"liver.varices_assessed_on": "2025-12-14"}, "unchecked"),
        ({"liver.varices_assessed_on": REMOVE}, "unchecked"),
    ],
)
def test_bevacizumab_varices(changes, outcome):
    results = assess(**changes)
    assert outcomes(results, "anti_vegf.varices") == {BEVACIZUMAB: outcome}
    assert verdicts_of(results)["lenvatinib"] == "suitable"


def test_old_reassuring_varices_name_the_date():
    result = assess(**{"liver.varices_assessed_on": "2025-11-30"})[BEVACIZUMAB]
    reason = check(result, "anti_vegf.varices").to_output()["reason"]
    assert reason.startswith('Varices "none" at an endoscopy on 2025-11-30, more than 6 months')


def test_varices_recency_counts_to_the_day_of_evaluation():
    changes = {"liver.varices_assessed_on": "2026-01-10"}
    assert outcomes(assess(as_of=dt.date(2026, 7, 10), **changes), "anti_vegf.varices") == {
        BEVACIZUMAB: "ok"
    }
    assert outcomes(assess(as_of=dt.date(2026, 7, 11), **changes), "anti_vegf.varices") == {
        BEVACIZUMAB: "unchecked"
    }


@pytest.mark.parametrize(
    ("value", "outcome"), [(True, "contraindicated"), (False, "ok"), (REMOVE, "unchecked")]
)
def test_bevacizumab_variceal_bleeding(value, outcome):
    results = assess(**{"liver.variceal_bleeding_within_6_months": value})
    assert outcomes(results, "anti_vegf.bleeding") == {BEVACIZUMAB: outcome}


@pytest.mark.parametrize(
    ("value", "outcome"), [(True, "contraindicated"), (False, "ok"), (REMOVE, "unchecked")]
)
def test_bleeding_or_arterial_thrombosis_for_bevacizumab_and_every_vegfr_tki(value, outcome):
    results = assess(**{"history.bleeding_or_arterial_thrombosis_within_6_months": value})
    assert outcomes(results, "antiangiogenic.bleeding_or_thrombosis") == only(
        ANTI_VEGF | TKI, outcome
    )


@pytest.mark.parametrize(
    ("value", "outcome"),
    [(1.99, "ok"), (2.0, "contraindicated"), (2.01, "contraindicated"), (REMOVE, "unchecked")],
)
def test_proteinuria_for_bevacizumab_and_lenvatinib(value, outcome):
    results = assess(**{"history.proteinuria_g_per_24h": value})
    assert outcomes(results, "anti_vegf.proteinuria") == {BEVACIZUMAB: outcome}
    assert outcomes(results, "tki.proteinuria") == only(LENVATINIB, outcome)
    assert "tki.proteinuria" not in {c.rule for c in results["sorafenib"].checks}
    if outcome == "contraindicated":
        reason = check(results["lenvatinib"], "tki.proteinuria").to_output()["reason"]
        assert reason.startswith(f"Proteinuria {value:g} g/24 h, at or above 2 g/24 h")


@pytest.mark.parametrize(
    ("value", "outcome"), [(True, "caution"), (False, "ok"), (REMOVE, "unchecked")]
)
def test_uncontrolled_hypertension_for_bevacizumab_and_tkis(value, outcome):
    results = assess(**{"history.uncontrolled_hypertension": value})
    assert outcomes(results, "anti_vegf.hypertension") == {BEVACIZUMAB: outcome}
    assert outcomes(results, "tki.hypertension") == only(TKI, outcome)


# Day of evaluation 2026-06-15: 2026-06-01 is 14 days before, 2026-05-18 is 28 days before.
@pytest.mark.parametrize(
    ("date", "anti_vegf", "tki"),
    [
        ("2026-06-15", "contraindicated", "contraindicated"),
        ("2026-06-01", "contraindicated", "contraindicated"),  # day 14: inside both windows
        ("2026-05-31", "contraindicated", "ok"),  # day 15
        ("2026-05-18", "contraindicated", "ok"),  # day 28: inside the bevacizumab window
        ("2026-05-17", "ok", "ok"),  # day 29
    ],
)
def test_recent_major_surgery_counts_days_to_the_day_of_evaluation(date, anti_vegf, tki):
    flag = (dt.date(2026, 6, 15) - dt.date.fromisoformat(date)).days <= 28
    results = assess(
        **{
            "history.last_major_surgery_date": date,
            "history.major_surgery_within_28_days": flag,
        }
    )
    assert outcomes(results, "anti_vegf.recent_surgery") == {BEVACIZUMAB: anti_vegf}
    assert outcomes(results, "tki.recent_surgery") == only(TKI, tki)


@pytest.mark.parametrize(
    ("flag", "outcome"), [(True, "unchecked"), (False, "ok"), (REMOVE, "unchecked")]
)
def test_recent_surgery_flag_without_a_date(flag, outcome):
    results = assess(**{"history.major_surgery_within_28_days": flag})
    assert outcomes(results, "anti_vegf.recent_surgery") == {BEVACIZUMAB: outcome}
    assert outcomes(results, "tki.recent_surgery") == only(TKI, outcome)


# --- TACE, HAIC, radioembolisation --------------------------------------------------------------


@pytest.mark.parametrize(("pvi", "outcome"), [("vp3", "ok"), ("vp4", "contraindicated")])
def test_tace_vp4(pvi, outcome):
    results = assess(**{"tumor.portal_vein_invasion": pvi})
    assert outcomes(results, "tace.vp4") == only(TACE, outcome)
    assert verdicts_of(results)["haic-folfox"] == "suitable"


@pytest.mark.parametrize(("nodule", "outcome"), [(9.99, "ok"), (10.0, "ok"), (10.01, "caution")])
def test_tace_nodule_over_10_cm(nodule, outcome):
    results = assess(**{"tumor.nodules_cm": [nodule]})
    assert outcomes(results, "tace.size_10cm") == only(TACE, outcome)


@pytest.mark.parametrize("bili", [("mg/dL", 1.99, 2.0), ("umol/L", 34.1, 34.2)])
def test_tace_from_child_pugh_8(bili):
    unit, below, at = bili
    # albumin 2.8 g/dL (2) + INR 1.7 (2) + bilirubin (1 or 2) + 1 + 1 -> 7 or 8 points
    base = {"labs.albumin": {"value": 28, "unit": "g/L"}, "labs.inr": 1.7}
    seven = assess(**base, **{"labs.bilirubin": {"value": below, "unit": unit}})
    eight = assess(**base, **{"labs.bilirubin": {"value": at, "unit": unit}})
    assert outcomes(seven, "tace.child_pugh_b8") == only(TACE, "ok")
    assert outcomes(eight, "tace.child_pugh_b8") == only(TACE, "contraindicated")


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        ({}, "ok"),
        ({"liver.ascites": "mild"}, "contraindicated"),
        ({"liver.encephalopathy": "grade_1_2"}, "contraindicated"),
    ],
)
def test_tace_and_radioembolisation_with_any_ascites_or_encephalopathy(changes, outcome):
    results = assess(**changes)
    assert outcomes(results, "tace.decompensation") == only(TACE, outcome)
    assert outcomes(results, "sirt.decompensation") == only(SIRT, outcome)


@pytest.mark.parametrize(
    ("creatinine", "dialysis", "outcome"),
    [
        ({"value": 1.99, "unit": "mg/dL"}, False, "ok"),
        ({"value": 2.0, "unit": "mg/dL"}, False, "contraindicated"),
        ({"value": 176.7, "unit": "umol/L"}, False, "ok"),
        ({"value": 176.8, "unit": "umol/L"}, False, "contraindicated"),  # 2.0 mg/dL
        ({"value": 177, "unit": "umol/L"}, False, "contraindicated"),
        ({"value": 1.0, "unit": "mg/dL"}, True, "contraindicated"),
        (REMOVE, True, "contraindicated"),
        (REMOVE, False, "unchecked"),
        ({"value": 1.0, "unit": "mg/dL"}, REMOVE, "unchecked"),
        ({"value": 2.5, "unit": "mg/dL"}, REMOVE, "contraindicated"),
    ],
)
def test_tace_and_haic_renal_function(creatinine, dialysis, outcome):
    results = assess(
        **{"labs.creatinine": creatinine, "liver.dialysis_twice_in_past_week": dialysis}
    )
    assert outcomes(results, "tace.renal") == only(TACE | HAIC, outcome)


@pytest.mark.parametrize(
    ("nodules", "outcome"),
    [
        ([4.0, 2.0], "ok"),
        ([5.0, 1.0], "ok"),
        ([5.01, 1.0], "caution"),
        ([3.0, 2.0, 1.0, 1.0], "ok"),
        ([3.01, 2.0, 1.0, 1.0], "caution"),
    ],
)
def test_tace_without_a_systemic_agent_beyond_up_to_seven(nodules, outcome):
    results = assess(**{"tumor.nodules_cm": nodules})
    # TACE alone and TACE + HAIC (locoregional, not exempt); combinations with a TKI, ICI,
    # anti-VEGF antibody or systemic chemotherapy are exempt
    assert outcomes(results, "tace.beyond_up_to_seven") == {"tace": outcome, "tace-haic": outcome}


@pytest.mark.parametrize(
    ("value", "outcome"), [(True, "caution"), (False, "ok"), (REMOVE, "unchecked")]
)
def test_tace_infiltrative(value, outcome):
    assert outcomes(assess(**{"tumor.infiltrative": value}), "tace.infiltrative") == only(
        TACE, outcome
    )


@pytest.mark.parametrize(
    ("bilirubin", "outcome"),
    [
        ({"value": 2.0, "unit": "mg/dL"}, "ok"),
        ({"value": 2.01, "unit": "mg/dL"}, "contraindicated"),
        ({"value": 34.2, "unit": "umol/L"}, "ok"),  # exactly 2.0 mg/dL
        ({"value": 34.3, "unit": "umol/L"}, "contraindicated"),
    ],
)
def test_radioembolisation_bilirubin_above_2(bilirubin, outcome):
    results = assess(**{"labs.bilirubin": bilirubin})
    assert outcomes(results, "sirt.bilirubin") == only(SIRT, outcome)


# --- adverse events -----------------------------------------------------------------------------


def event(term="alt_increased", grade=3, agents=("lenvatinib",), resolved=None):
    return {
        "term": term,
        "grade": grade,
        "onset": "2026-05-01",
        "resolved": resolved,
        "attributed_to": list(agents),
    }


def ae_outcomes(*events):
    return outcomes(assess(adverse_events=list(events)), "ae.grade3_attributed")


@pytest.mark.parametrize(("grade", "outcome"), [(2, "ok"), (3, "caution"), (4, "caution")])
def test_severe_event_on_an_agent_of_the_regimen(grade, outcome):
    found = ae_outcomes(event(grade=grade))
    assert {rid for rid, o in found.items() if o != "ok"} == (
        LENVATINIB if outcome == "caution" else set()
    )


def test_an_immune_related_event_counts_for_every_ici_regimen_class_not_brand():
    found = ae_outcomes(event(term="colitis", grade=3, agents=["sintilimab"]))
    assert {rid for rid, o in found.items() if o != "ok"} == ICI
    assert set(found[rid] for rid in ICI) == {"caution"}


@pytest.mark.parametrize(
    ("term", "grade", "outcome"),
    [
        ("myocarditis", 1, "contraindicated"),
        ("pneumonitis", 2, "ok"),
        ("pneumonitis", 3, "contraindicated"),
        ("colitis", 3, "caution"),
        ("colitis", 4, "contraindicated"),
    ],
)
def test_ici_events_that_stop_the_class(term, grade, outcome):
    results = assess(adverse_events=[event(term=term, grade=grade, agents=["atezolizumab"])])
    assert set(outcomes(results, "ae.grade3_attributed")[rid] for rid in ICI) == {outcome}
    if outcome == "contraindicated":
        out = check(results["y90-nivolumab"], "ae.grade3_attributed").to_output()
        assert out["reason"].startswith("Immune-related event that stops every immune")
        assert "permanently discontinue" in out["source"]


def test_unresolved_events_are_named_first():
    reason = check(
        assess(
            adverse_events=[
                event(term="hypertension", resolved="2026-05-20"),
                event(term="alt_increased"),
            ]
        )["lenvatinib"],
        "ae.grade3_attributed",
    ).to_output()["reason"]
    assert reason.index("ALT increase (unresolved)") < reason.index("(resolved)")


@pytest.mark.parametrize(
    ("agents", "words"),
    [
        (["herbal tea"], "attributed to herbal tea, an agent the planner does not know"),
        ([], "is attributed to no agent"),
    ],
)
def test_an_event_that_cannot_be_matched_leaves_the_check_undone(agents, words):
    results = assess(adverse_events=[event(term="rash", agents=agents)])
    assert set(outcomes(results, "ae.grade3_attributed").values()) == {"unchecked"}
    assert words in check(results["tace"], "ae.grade3_attributed").to_output()["reason"]


# --- lenvatinib dose ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weight", "note"),
    [
        (59.9, "Lenvatinib 8 mg once daily: body weight 59.9 kg, below 60 kg"),
        (60.0, "Lenvatinib 12 mg once daily: body weight 60 kg, at or above 60 kg"),
        (REMOVE, "Lenvatinib dose: body weight needed (8 mg once daily below 60 kg, 12 mg"),
    ],
)
def test_lenvatinib_dose_by_weight_never_changes_the_verdict(weight, note):
    results = assess(**{"patient.weight_kg": weight})
    for rid, result in results.items():
        out = result.to_output()
        if rid in LENVATINIB:
            assert out["dose_note"].startswith(note)
        else:
            assert out["dose_note"] is None
        assert out["verdict"] == "suitable"


def test_lenvatinib_dose_says_the_label_gives_no_dose_for_child_pugh_b():
    results = assess(
        **{
            "labs.albumin": {"value": 3.5, "unit": "g/dL"},
            "labs.bilirubin": {"value": 2.0, "unit": "mg/dL"},
        }
    )
    note = results["lenvatinib"].to_output()["dose_note"]
    assert note.endswith("The label gives no HCC dose for Child-Pugh B liver function.")
    assert (
        results["lenvatinib"]
        .to_output("zh_CN")["dose_note"]
        .endswith("说明书未给出Child-Pugh B级肝功能肝癌患者的剂量。")
    )


def test_a_stale_28_day_flag_is_named_and_the_date_decides():
    results = assess(
        **{
            "history.last_major_surgery_date": "2026-04-01",
            "history.major_surgery_within_28_days": True,
        }
    )
    check_out = check(results[BEVACIZUMAB], "anti_vegf.recent_surgery").to_output()
    assert check_out["outcome"] == "ok"  # 75 days before 2026-06-15
    assert (
        "disagrees with this date as of the day of evaluation: the date is used"
        in (check_out["reason"])
    )
