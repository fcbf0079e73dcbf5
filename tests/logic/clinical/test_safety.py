"""Verdicts built from checks: the contract's structure, the complete patient, one input removed,
and the patient-wide rules at their boundaries (clinical-rules.md, second edition)."""

import json

import pytest

from desktop.logic.clinical.checks import CHECK_RULES, THRESHOLDS
from desktop.logic.clinical.safety import data_checklist
from desktop.logic.model.case import Case
from desktop.logic.model.paths import resource
from desktop.logic.model.rules import RulesError, default_rules, load_rules
from tests.logic.clinical.safety_cases import (
    ALL_IDS,
    ANTI_VEGF,
    BEVACIZUMAB,
    HAIC,
    HBV_TREATED,
    ICI,
    LENVATINIB,
    REMOVE,
    TACE,
    TKI,
    assess,
    assess_case,
    changed_rules,
    check,
    complete_data,
    outcomes,
    verdicts_of,
)

PATIENT_WIDE = [
    "liver.child_pugh_c",
    "performance.ecog_3_4",
    "performance.ecog_2",
    "liver.child_pugh_b",
    "liver.albi_3",
    "liver.decompensation",
    "virus.hbv_screening",
    "ae.grade3_attributed",
]


# --- the contract's structure ------------------------------------------------------------------


def test_the_complete_patient_is_suitable_for_every_regimen_with_every_check_ok():
    results = assess()
    assert list(results) == ALL_IDS
    for result in results.values():
        assert result.verdict == "suitable", result.regimen.id
        assert {c.outcome for c in result.checks} == {"ok"}
        assert (result.incomplete, result.checks_not_done, result.reasons) == (False, 0, ())


def test_every_regimen_carries_the_patient_wide_checks_and_those_of_its_components():
    results = assess(**HBV_TREATED)
    for rid, result in results.items():
        rules = [c.rule for c in result.checks]
        assert rules[:4] == PATIENT_WIDE[:4]
        assert set(PATIENT_WIDE) | {"virus.hbv_antiviral"} <= set(rules)
        assert len(rules) == len(set(rules)), rid  # one entry per rule
        assert ("ici.steroids" in rules) is (rid in ICI)
        assert ("anti_vegf.varices" in rules) is (rid in ANTI_VEGF)
        assert ("tki.hypertension" in rules) is (rid in TKI)
        assert ("tki.proteinuria" in rules) is (rid in LENVATINIB)
        assert ("tace.vp4" in rules) is (rid in TACE)
        assert ("tace.renal" in rules) is (rid in TACE | HAIC)
        assert ("virus.hbv_dna" in rules) is (rid in ICI | TACE | HAIC)


def test_every_check_rule_is_in_the_rules_file_with_value_source_and_status():
    rules = default_rules()
    for rule_id in [*CHECK_RULES, *THRESHOLDS]:
        entry = rules.entry(rule_id)
        assert entry.status in ("published", "local policy"), rule_id
        assert entry.source
        assert entry.source_zh_CN
        assert entry.value is not None
    every_rule = {c.rule for r in assess(**HBV_TREATED).values() for c in r.checks}
    assert every_rule <= set(rules.rules)
    assert every_rule == {r for r in CHECK_RULES if r.count(".") == 1}


def test_check_output_is_rule_outcome_reason_and_source():
    result = assess(**{"history.autoimmune_disease_active": REMOVE})[BEVACIZUMAB]
    out = result.to_output()
    autoimmune = next(c for c in out["checks"] if c["rule"] == "ici.autoimmune")
    assert autoimmune == {
        "rule": "ici.autoimmune",
        "outcome": "unchecked",
        "reason": "Active autoimmune disease not recorded: the immune checkpoint inhibitor "
        "check was not done.",
        "source": "ICI with active autoimmune disease (trial exclusion criteria); "
        "local policy, confirm",
    }
    assert (out["verdict"], out["incomplete"], out["checks_not_done"]) == ("unchecked", True, 1)
    assert out["reasons"] == [autoimmune["reason"]]
    assert out["dose_note"] is None


def test_a_published_rule_carries_no_local_policy_mark():
    result = assess(**{"history.proteinuria_g_per_24h": 2.5})[BEVACIZUMAB]
    source = check(result, "anti_vegf.proteinuria").to_output()["source"]
    assert (
        source == "bevacizumab label: withhold for proteinuria >= 2 g/24 h until it is below "
        "2 g/24 h"
    )


@pytest.mark.parametrize(
    ("changes", "verdict"),
    [
        ({"history.interstitial_lung_disease": REMOVE}, "unchecked"),
        ({"history.interstitial_lung_disease": True}, "caution"),
        (
            {
                "history.interstitial_lung_disease": REMOVE,
                "history.autoimmune_disease_active": True,
            },
            "contraindicated",
        ),
        (
            {
                "history.interstitial_lung_disease": True,
                "history.autoimmune_disease_active": REMOVE,
            },
            "caution",
        ),
    ],
)
def test_verdict_is_the_worst_outcome(changes, verdict):
    result = assess(**changes)["y90-nivolumab"]
    assert result.verdict == verdict
    # a caution can hide a check that never ran: `incomplete` says so
    assert result.incomplete is any(c.outcome == "unchecked" for c in result.checks)


def test_reasons_are_the_non_ok_checks_reasons_in_check_order():
    result = assess(**{"history.interstitial_lung_disease": True, "ecog": 2})["y90-nivolumab"]
    assert [m.key for m in result.reasons] == [
        c.reason.key for c in result.checks if c.outcome != "ok"
    ]
    assert len(result.reasons) == 2


# --- one input removed --------------------------------------------------------------------------

EVERY = set(ALL_IDS)
REMOVED = [
    ("liver.variceal_bleeding_within_6_months", {}, EVERY),
    ("virology.hbsag_positive", {}, EVERY),
    ("virology.hbv_antiviral", HBV_TREATED, EVERY),
    ("virology.hbv_dna_iu_per_ml", HBV_TREATED, ICI | TACE | HAIC),
    ("virology.hbv_dna_date", HBV_TREATED, ICI | TACE | HAIC),
    ("history.autoimmune_disease_active", {}, ICI),
    ("history.organ_transplant", {}, ICI),
    ("history.systemic_steroids_mg_prednisone_per_day", {}, ICI),
    ("history.interstitial_lung_disease", {}, ICI),
    ("history.prior_immune_related_ae_grade3plus", {}, ICI),
    ("liver.varices", {}, ANTI_VEGF),
    ("liver.varices_assessed_on", {}, ANTI_VEGF),
    ("history.bleeding_or_arterial_thrombosis_within_6_months", {}, ANTI_VEGF | TKI),
    ("history.proteinuria_g_per_24h", {}, ANTI_VEGF | LENVATINIB),
    ("history.uncontrolled_hypertension", {}, ANTI_VEGF | TKI),
    ("history.major_surgery_within_28_days", {}, ANTI_VEGF | TKI),
    ("labs.creatinine", {}, TACE | HAIC),
    ("liver.dialysis_twice_in_past_week", {}, TACE | HAIC),
    ("tumor.infiltrative", {}, TACE),
]


@pytest.mark.parametrize(("path", "base", "dependent"), REMOVED)
def test_removing_one_safety_input_leaves_no_dependent_regimen_suitable(path, base, dependent):
    """Done when: for the same patient with any one safety input removed, no regimen that
    depends on it is `suitable`; the data checklist names the input once."""
    results = assess(**{**base, path: REMOVE})
    verdicts = verdicts_of(results)
    assert {rid for rid, v in verdicts.items() if v != "suitable"} == dependent
    assert {verdicts[rid] for rid in dependent} == {"unchecked"}
    checklist = data_checklist(list(results.values()))
    # without the 28-day flag, what the surgery checks need is the date of the last surgery
    asked = {"history.major_surgery_within_28_days": "history.last_major_surgery_date"}
    assert [item.input for item in checklist] == [asked.get(path, path)]


def test_a_case_file_without_any_new_field_is_never_suitable():
    """Files without the 2026-12 additions stay valid, and nothing in them reads as checked."""
    case = Case.model_validate(
        complete_data(
            **{
                "virology.hbsag_positive": REMOVE,
                "history.systemic_steroids_mg_prednisone_per_day": REMOVE,
                "history.interstitial_lung_disease": REMOVE,
                "liver.varices_assessed_on": REMOVE,
                "history.prior_immune_related_ae_grade3plus": REMOVE,
                "tumor.infiltrative": REMOVE,
                "history.bleeding_or_arterial_thrombosis_within_6_months": REMOVE,
            }
        )
    )
    assert set(verdicts_of(assess_case(case)).values()) == {"unchecked"}


def test_the_data_checklist_lists_each_missing_input_once_with_its_rules():
    results = assess(**{"history.uncontrolled_hypertension": REMOVE, "labs.creatinine": REMOVE})
    checklist = {item.input: item.to_output() for item in data_checklist(list(results.values()))}
    assert checklist == {
        "history.uncontrolled_hypertension": {
            "input": "history.uncontrolled_hypertension",
            "item": "Blood-pressure control",
            "rules": ["anti_vegf.hypertension", "tki.hypertension"],
        },
        "labs.creatinine": {
            "input": "labs.creatinine",
            "item": "Creatinine",
            "rules": ["tace.renal"],
        },
    } or sorted(checklist["history.uncontrolled_hypertension"]["rules"]) == [
        "anti_vegf.hypertension",
        "tki.hypertension",
    ]
    assert sorted(checklist["history.uncontrolled_hypertension"]["rules"]) == [
        "anti_vegf.hypertension",
        "tki.hypertension",
    ]
    assert checklist["labs.creatinine"]["rules"] == ["tace.renal"]
    assert data_checklist(list(assess().values())) == ()


# --- liver function and performance status -----------------------------------------------------


# Child-Pugh from the labs: bilirubin > 3 mg/dL (3) + albumin < 2.8 g/dL (3) + INR + 1 + 1.
@pytest.mark.parametrize("bili", [(3.1, "mg/dL"), (53.01, "umol/L")])
@pytest.mark.parametrize(
    ("inr", "label", "c_outcome"), [(1.69, "B9", "ok"), (1.7, "C10", "contraindicated")]
)
def test_child_pugh_c_contraindicates_every_regimen(bili, inr, label, c_outcome):
    results = assess(
        **{
            "labs.bilirubin": {"value": bili[0], "unit": bili[1]},
            "labs.albumin": {"value": 27, "unit": "g/L"},
            "labs.inr": inr,
        }
    )
    assert set(outcomes(results, "liver.child_pugh_c").values()) == {c_outcome}
    assert (
        check(results["tace"], "liver.child_pugh_c")
        .to_output()["reason"]
        .startswith(f"Child-Pugh {label}")
    )
    if c_outcome == "contraindicated":
        assert set(verdicts_of(results).values()) == {"contraindicated"}
    else:
        assert set(outcomes(results, "liver.child_pugh_b").values()) == {"caution"}


@pytest.mark.parametrize("bili", [("mg/dL", 1.99, 2.0), ("umol/L", 34.1, 34.2)])
def test_child_pugh_b_cautions_every_regimen_naming_its_enrolled_population(bili):
    unit, below, at = bili
    albumin = {"labs.albumin": {"value": 3.5, "unit": "g/dL"}}  # 2 points
    a6 = assess(**albumin, **{"labs.bilirubin": {"value": below, "unit": unit}})
    b7 = assess(**albumin, **{"labs.bilirubin": {"value": at, "unit": unit}})
    assert set(outcomes(a6, "liver.child_pugh_b").values()) == {"ok"}
    assert set(outcomes(b7, "liver.child_pugh_b").values()) == {"caution"}
    assert set(verdicts_of(b7).values()) == {"caution"}
    reason = check(b7[BEVACIZUMAB], "liver.child_pugh_b").to_output()["reason"]
    assert reason.startswith("Child-Pugh B7: the evidence for the systemic regimens comes from")
    assert "ref 41 enrolled Child-Pugh A, ECOG PS 0-1 (IMbrave150" in reason
    assert "ref 42: enrolled Child-Pugh class and ECOG PS not stated in the review" in reason
    lenvatinib = check(b7["lenvatinib"], "liver.child_pugh_b").to_output("zh_CN")["reason"]
    assert "文献38纳入Child-Pugh A级、ECOG PS 0-1分的患者（REFLECT" in lenvatinib


@pytest.mark.parametrize(
    ("ecog", "ecog_2", "ecog_3_4"),
    [
        (0, "ok", "ok"),
        (1, "ok", "ok"),
        (2, "caution", "ok"),
        (3, "ok", "contraindicated"),
        (4, "ok", "contraindicated"),
    ],
)
def test_performance_status(ecog, ecog_2, ecog_3_4):
    results = assess(ecog=ecog)
    assert set(outcomes(results, "performance.ecog_2").values()) == {ecog_2}
    assert set(outcomes(results, "performance.ecog_3_4").values()) == {ecog_3_4}
    expected = {"ok": "suitable"}.get(ecog_3_4, ecog_3_4) if ecog_2 == "ok" else ecog_2
    assert set(verdicts_of(results).values()) == {expected}


def test_ecog_2_names_the_trials_enrolment_per_regimen():
    results = assess(ecog=2)
    reason = check(results["lenvatinib-pd1"], "performance.ecog_2").to_output()["reason"]
    assert "ECOG PS 0-1" in reason
    assert "LEAP-002" in reason
    source = check(results["sorafenib"], "performance.ecog_2").to_output()["source"]
    assert "SHARP (sorafenib) enrolled ECOG PS 0-2" in source


@pytest.mark.parametrize(("albumin_g_l", "outcome"), [(26.0, "ok"), (25.9, "caution")])
@pytest.mark.parametrize("unit", ["g/L", "g/dL"])
def test_albi_grade_3_cautions(albumin_g_l, outcome, unit):
    value = albumin_g_l if unit == "g/L" else round(albumin_g_l / 10, 3)
    results = assess(
        **{
            "labs.bilirubin": {"value": 17.1, "unit": "umol/L"},
            "labs.albumin": {"value": value, "unit": unit},
        }
    )
    assert set(outcomes(results, "liver.albi_3").values()) == {outcome}


@pytest.mark.parametrize(
    ("changes", "outcome", "words"),
    [
        ({}, "ok", "No ascites"),
        ({"liver.ascites": "mild"}, "caution", "mild ascites"),
        ({"liver.encephalopathy": "grade_1_2"}, "caution", "grade 1-2 hepatic encephalopathy"),
        ({"liver.variceal_bleeding_within_6_months": True}, "caution", "variceal bleeding"),
        ({"liver.ascites": "moderate_severe"}, "contraindicated", "moderate/severe"),
        ({"liver.encephalopathy": "grade_3_4"}, "contraindicated", "grade 3-4 hepatic"),
        ({"liver.variceal_bleeding_within_6_months": REMOVE}, "unchecked", "not recorded"),
        (
            {"liver.variceal_bleeding_within_6_months": REMOVE, "liver.ascites": "mild"},
            "caution",
            "mild ascites",
        ),
        (
            {"liver.variceal_bleeding_within_6_months": REMOVE, "liver.ascites": "moderate_severe"},
            "contraindicated",
            "end-stage",
        ),
    ],
)
def test_decompensation(changes, outcome, words):
    results = assess(**changes)
    assert set(outcomes(results, "liver.decompensation").values()) == {outcome}
    assert words in check(results["sorafenib"], "liver.decompensation").to_output()["reason"]


# --- hepatitis B --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        ({}, "ok"),  # HBsAg negative recorded
        ({"virology.hbsag_positive": REMOVE}, "unchecked"),
        ({"virology.hbsag_positive": REMOVE, "etiology": ["hbv"]}, "ok"),
        ({"virology.hbsag_positive": REMOVE, "etiology": ["hcv"]}, "unchecked"),
    ],
)
def test_hbv_screening_for_every_patient(changes, outcome):
    results = assess(**changes)
    assert set(outcomes(results, "virus.hbv_screening").values()) == {outcome}
    if outcome == "unchecked":
        reason = check(results["tace"], "virus.hbv_screening").to_output()["reason"]
        assert reason == "HBsAg not recorded: screen for hepatitis B before anticancer therapy."
        assert "Hwang" in check(results["tace"], "virus.hbv_screening").to_output()["source"]


@pytest.mark.parametrize(
    ("antiviral", "outcome"), [(True, "ok"), (False, "caution"), (REMOVE, "unchecked")]
)
@pytest.mark.parametrize(
    "present",
    [{"virology.hbsag_positive": True}, {"virology.hbsag_positive": REMOVE, "etiology": ["hbv"]}],
)
def test_hbv_antiviral_for_every_regimen_when_hbv_is_present(antiviral, outcome, present):
    results = assess(**{**HBV_TREATED, **present, "virology.hbv_antiviral": antiviral})
    assert outcomes(results, "virus.hbv_antiviral") == dict.fromkeys(ALL_IDS, outcome)


def test_hbv_rules_do_not_apply_without_hbv():
    results = assess()
    assert outcomes(results, "virus.hbv_antiviral") == {}
    assert outcomes(results, "virus.hbv_dna") == {}


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        ({"virology.hbv_dna_iu_per_ml": 499}, "ok"),
        ({"virology.hbv_dna_iu_per_ml": 499.9}, "ok"),
        ({"virology.hbv_dna_iu_per_ml": 500}, "caution"),
        ({"virology.hbv_dna_date": "2026-03-15"}, "ok"),  # exactly 3 months before 2026-06-15
        ({"virology.hbv_dna_date": "2026-03-14"}, "unchecked"),
        ({"virology.hbv_dna_date": REMOVE}, "unchecked"),
        # a finding that something is wrong stands however old (or undated) it is
        ({"virology.hbv_dna_iu_per_ml": 800, "virology.hbv_dna_date": "2025-01-01"}, "caution"),
        ({"virology.hbv_dna_iu_per_ml": 800, "virology.hbv_dna_date": REMOVE}, "caution"),
    ],
)
def test_hbv_dna_for_ici_tace_and_haic(changes, outcome):
    results = assess(**{**HBV_TREATED, **changes})
    assert outcomes(results, "virus.hbv_dna") == dict.fromkeys(
        [rid for rid in ALL_IDS if rid in ICI | TACE | HAIC], outcome
    )


def test_hbv_dna_threshold_and_age_come_from_the_rules_file():
    rules = changed_rules(
        {
            "virus.hbv_dna.threshold_iu_per_ml": {"value": 2000},
            "virus.hbv_dna.max_age_months": {"value": 6},
        }
    )
    changes = {
        **HBV_TREATED,
        "virology.hbv_dna_iu_per_ml": 1500,
        "virology.hbv_dna_date": "2026-01-01",
    }
    assert set(outcomes(assess(rules, **changes), "virus.hbv_dna").values()) == {"ok"}
    assert set(outcomes(assess(**changes), "virus.hbv_dna").values()) == {"caution"}


# --- rules file ---------------------------------------------------------------------------------


def test_a_department_can_soften_a_rule_in_its_rules_file():
    rules = changed_rules({"tace.vp4": {"value": "caution"}})
    results = assess(rules, **{"tumor.portal_vein_invasion": "vp4"})
    assert set(outcomes(results, "tace.vp4").values()) == {"caution"}


@pytest.mark.parametrize(
    ("rule", "value", "words"),
    [
        ("tace.vp4", "ok", "allowed outcomes: caution, contraindicated"),
        ("tace.vp4", "maybe", "tace.vp4 holds 'maybe'"),
        ("tace.size_10cm.limit_cm", "ten", "a number >= 0 is needed"),
        ("tace.size_10cm.limit_cm", -1, "a number >= 0 is needed"),
    ],
)
def test_an_unusable_rules_entry_is_refused_in_words(rule, value, words):
    with pytest.raises(RulesError, match=words):
        assess(changed_rules({rule: {"value": value}}))


def test_a_rule_missing_from_the_rules_file_is_refused_in_words():
    data = default_rules().model_dump()
    del data["rules"]["ici.steroids"]
    rules = type(default_rules()).model_validate(data)
    with pytest.raises(RulesError, match="rule ici.steroids is missing"):
        assess(rules)


@pytest.mark.parametrize(
    ("changes", "en", "zh"),
    [
        ({}, "suitable", "适合"),
        (
            {"history.interstitial_lung_disease": REMOVE},
            "unchecked, 1 check not done",
            "未核查，1项核查未完成",
        ),
        (
            {
                "history.interstitial_lung_disease": True,
                "history.organ_transplant": REMOVE,
                "history.autoimmune_disease_active": REMOVE,
            },
            "caution, 2 checks not done",
            "慎用，2项核查未完成",
        ),
    ],
)
def test_the_verdict_is_shown_with_the_number_of_checks_not_done(changes, en, zh):
    result = assess(**changes)["y90-nivolumab"]
    assert result.to_output()["verdict_label"] == en
    assert result.to_output("zh_CN")["verdict_label"] == zh


@pytest.mark.parametrize(
    ("rule", "value", "allowed"),
    [
        ("tace.vp4", "suitable", "one of caution, contraindicated"),
        ("liver.child_pugh_b", "unchecked", "one of caution, contraindicated"),
        ("virus.hbv_screening", "suitable", "one of unchecked, caution, contraindicated"),
    ],
)
def test_a_rules_file_that_would_switch_a_check_off_is_refused_when_read(
    tmp_path, rule, value, allowed
):
    data = json.loads(resource("rules.json").read_text(encoding="utf-8"))
    data["rules"][rule]["value"] = value
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    assert caught.value.problems == [
        f'rule {rule}: value "{value}" is not allowed; allowed: {allowed}'
    ]


def test_a_department_may_make_screening_stricter(tmp_path):
    data = json.loads(resource("rules.json").read_text(encoding="utf-8"))
    data["rules"]["virus.hbv_screening"]["value"] = "caution"
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    results = assess(load_rules(path), **{"virology.hbsag_positive": REMOVE})
    assert set(outcomes(results, "virus.hbv_screening").values()) == {"caution"}
