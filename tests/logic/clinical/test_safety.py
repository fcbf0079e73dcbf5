"""Safety verdicts: each rule at and around its threshold, every regimen always present."""

import pytest

from desktop.logic.clinical.regimens import load_catalogue
from desktop.logic.clinical.safety import RegimenVerdict, assess_regimens
from desktop.logic.clinical.scores import child_pugh
from desktop.logic.model.case_io import parse_case
from desktop.logic.model.rules import Rules, default_rules
from tests.conftest import example_data
from tests.factories import make_case

CATALOGUE = load_catalogue()
ALL_IDS = [r.id for r in CATALOGUE.regimens]
TRIPLE_IDS = {r.id for r in CATALOGUE.regimens if r.triple}
TACE_IDS = {r.id for r in CATALOGUE.regimens if "tace" in r.classes}
ICI_IDS = {r.id for r in CATALOGUE.regimens if "ici" in r.classes}
TKI_IDS = {r.id for r in CATALOGUE.regimens if "tki" in r.classes}
LENVATINIB_IDS = {
    r.id for r in CATALOGUE.regimens if any(c.name == "lenvatinib" for c in r.components)
}
BEVACIZUMAB = "atezolizumab-bevacizumab"
SAFE_HISTORY = {
    "history.autoimmune_disease_active": False,
    "history.organ_transplant": False,
    "history.uncontrolled_hypertension": False,
    "history.proteinuria_g_per_24h": 0.1,
    "history.major_surgery_within_28_days": False,
    "liver.varices": "small",
    "liver.variceal_bleeding_within_6_months": False,
}


def assess(points=5, rules=None, **changes) -> dict[str, RegimenVerdict]:
    case = make_case(**{**SAFE_HISTORY, **changes})
    verdicts = assess_regimens(case, points, CATALOGUE, rules or default_rules())
    return {v.regimen.id: v for v in verdicts}


def verdicts_of(results: dict[str, RegimenVerdict]) -> dict[str, str]:
    return {rid: v.verdict for rid, v in results.items()}


def reasons(result: RegimenVerdict, lang: str = "en") -> list[str]:
    return result.to_output(lang)["reasons"]


def changed(rule_changes: dict[str, dict]) -> Rules:
    data = default_rules().model_dump()
    for rule_id, fields in rule_changes.items():
        data["rules"][rule_id].update(fields)
    return Rules.model_validate(data)


def example_verdicts(name: str) -> dict[str, RegimenVerdict]:
    case = parse_case(example_data(name))
    verdicts = assess_regimens(case, child_pugh(case).points, CATALOGUE, default_rules())
    return {v.regimen.id: v for v in verdicts}


@pytest.mark.parametrize(
    "name",
    ["advanced-pvtt-conversion", "decompensated-high-bleeding-risk", "intermediate-multinodular"],
)
def test_every_regimen_gets_a_verdict_with_reasons(name):
    results = example_verdicts(name)
    assert list(results) == ALL_IDS
    for result in results.values():
        assert result.verdict in {"suitable", "caution", "contraindicated"}
        assert reasons(result)


def test_every_regimen_present_for_minimal_and_end_stage_cases():
    for case in (make_case(), make_case(ecog=4)):
        ids = [v.regimen.id for v in assess_regimens(case, 5, CATALOGUE, default_rules())]
        assert ids == ALL_IDS


def test_clean_case_is_suitable_everywhere_with_no_contraindication_reason():
    results = assess()
    assert set(verdicts_of(results).values()) == {"suitable"}
    assert reasons(results["tace"]) == [
        "No contraindication found in the recorded data (rules 2026.11-1)."
    ]
    assert results["tace"].rules == ()


def test_suitable_regimen_names_missing_data_that_would_matter():
    case = make_case()  # no history, no varices recorded
    results = {v.regimen.id: v for v in assess_regimens(case, 5, CATALOGUE, default_rules())}
    bev = reasons(results[BEVACIZUMAB])
    assert results[BEVACIZUMAB].verdict == "suitable"
    assert bev[0].startswith("No contraindication found in the recorded data")
    assert "Varices not recorded (or unknown): bevacizumab bleeding risk not checked." in bev
    assert "Proteinuria not recorded: bevacizumab proteinuria check not done." in bev
    assert "Blood-pressure control not recorded: TKI hypertension check not done." in reasons(
        results["lenvatinib"]
    )
    assert not any("bevacizumab" in r for r in reasons(results["tace"]))


def test_unknown_varices_count_as_missing():
    bev = reasons(assess(**{"liver.varices": "unknown"})[BEVACIZUMAB])
    assert "Varices not recorded (or unknown): bevacizumab bleeding risk not checked." in bev


@pytest.mark.parametrize(("points", "expected"), [(9, "suitable"), (10, "contraindicated")])
def test_child_pugh_c_makes_every_regimen_contraindicated(points, expected):
    results = assess(points=points)
    assert verdicts_of(results)["y90-nivolumab"] == expected
    if expected == "contraindicated":
        assert set(verdicts_of(results).values()) == {"contraindicated"}
        assert reasons(results["sorafenib"])[0].startswith("Child-Pugh C10: end-stage")


@pytest.mark.parametrize(("ecog", "expected"), [(2, "suitable"), (3, "contraindicated")])
def test_ecog_3_makes_every_regimen_contraindicated(ecog, expected):
    results = assess(ecog=ecog)
    assert set(verdicts_of(results).values()) == {expected}


@pytest.mark.parametrize(("points", "expected"), [(6, "suitable"), (7, "caution"), (9, "caution")])
def test_child_pugh_b_triple_is_caution(points, expected):
    results = assess(points=points)
    assert verdicts_of(results)["haic-folfox-lenvatinib-pd1"] == expected
    assert verdicts_of(results)["haic-folfox"] == "suitable"


def test_child_pugh_b_triple_reason_names_the_source_and_policy():
    result = assess(points=7)["haic-folfox-lenvatinib-pd1"]
    assert reasons(result) == [
        "Child-Pugh B7: triple therapy (locoregional + TKI + ICI) is for relatively preserved "
        "liver function only (source: review section 5: triple therapy only with relatively "
        "preserved liver function; local policy, confirm)."
    ]
    assert result.rules == ("safety.child_pugh_b_triple_verdict",)


@pytest.mark.parametrize(("points", "expected"), [(6, "suitable"), (7, "caution")])
def test_child_pugh_b_with_child_pugh_a_only_evidence_is_caution(points, expected):
    result = assess(points=points)["lenvatinib"]
    assert result.verdict == expected
    if expected == "caution":
        assert "the cited study (ref 39) enrolled Child-Pugh A only" in reasons(result)[0]


@pytest.mark.parametrize(("points", "expected"), [(7, "suitable"), (8, "contraindicated")])
def test_tace_from_child_pugh_b8_is_contraindicated(points, expected):
    results = assess(points=points)
    assert {verdicts_of(results)[rid] for rid in TACE_IDS - TRIPLE_IDS} == {expected}
    assert verdicts_of(results)["haic-folfox"] == "suitable"


@pytest.mark.parametrize(
    ("field", "rule"),
    [
        ("history.autoimmune_disease_active", "safety.ici_autoimmune_verdict"),
        ("history.organ_transplant", "safety.ici_transplant_verdict"),
    ],
)
def test_ici_exclusions_contraindicate_ici_regimens_only(field, rule):
    results = assess(**{field: True})
    assert {rid for rid, v in verdicts_of(results).items() if v != "suitable"} == ICI_IDS
    assert {verdicts_of(results)[rid] for rid in ICI_IDS} == {"contraindicated"}
    assert results["y90-nivolumab"].rules == (rule,)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"liver.varices": "large_or_high_risk"}, "contraindicated"),
        ({"liver.varices": "treated"}, "suitable"),
        ({"liver.varices": "none"}, "suitable"),
        ({"liver.variceal_bleeding_within_6_months": True}, "contraindicated"),
        ({"history.major_surgery_within_28_days": True}, "contraindicated"),
        ({"history.uncontrolled_hypertension": True}, "caution"),
    ],
)
def test_bevacizumab_checks(changes, expected):
    results = assess(**changes)
    assert results[BEVACIZUMAB].verdict == expected
    assert results["y90-nivolumab"].verdict == "suitable"


@pytest.mark.parametrize(
    ("proteinuria", "expected"), [(1.99, "suitable"), (2.0, "caution"), (2.01, "caution")]
)
def test_bevacizumab_proteinuria_threshold(proteinuria, expected):
    result = assess(**{"history.proteinuria_g_per_24h": proteinuria})[BEVACIZUMAB]
    assert result.verdict == expected
    if expected == "caution":
        assert reasons(result)[0].startswith(f"Proteinuria {proteinuria:g} g/24 h, at or above 2")
        assert result.rules == (
            "safety.anti_vegf_proteinuria_verdict",
            "safety.anti_vegf_proteinuria_g_per_24h",
        )


def test_proteinuria_threshold_comes_from_the_rules_file():
    rules = changed({"safety.anti_vegf_proteinuria_g_per_24h": {"value": 3.0}})
    assert assess(rules=rules, **{"history.proteinuria_g_per_24h": 2.5})[BEVACIZUMAB].verdict == (
        "suitable"
    )


def test_uncontrolled_hypertension_puts_tki_regimens_on_caution():
    results = assess(**{"history.uncontrolled_hypertension": True})
    flagged = {rid for rid, v in verdicts_of(results).items() if v == "caution"}
    assert flagged == TKI_IDS | {BEVACIZUMAB}
    assert reasons(results["sorafenib"])[0].startswith(
        "Uncontrolled hypertension with a tyrosine kinase inhibitor"
    )


@pytest.mark.parametrize(("pvi", "expected"), [("vp3", "suitable"), ("vp4", "contraindicated")])
def test_tace_with_vp4_is_contraindicated(pvi, expected):
    results = assess(**{"tumor.portal_vein_invasion": pvi})
    assert {verdicts_of(results)[rid] for rid in TACE_IDS} == {expected}
    assert verdicts_of(results)["haic-folfox"] == "suitable"


@pytest.mark.parametrize(
    ("nodule", "expected"), [(9.99, "suitable"), (10.0, "suitable"), (10.01, "caution")]
)
def test_tace_with_nodule_over_10_cm_is_caution(nodule, expected):
    results = assess(**{"tumor.nodules_cm": [nodule, 2.0]})
    assert {verdicts_of(results)[rid] for rid in TACE_IDS} == {expected}
    if expected == "caution":
        assert reasons(results["tace"])[0].startswith("Largest nodule 10.01 cm, above 10 cm")


@pytest.mark.parametrize(("grade", "expected"), [(2, "suitable"), (3, "caution"), (4, "caution")])
def test_severe_adverse_event_puts_regimens_with_that_agent_on_caution(grade, expected):
    event = {"term": "alt_increased", "grade": grade, "attributed_to": ["lenvatinib"]}
    results = assess(adverse_events=[event])
    flagged = {rid for rid, v in verdicts_of(results).items() if v != "suitable"}
    assert flagged == (LENVATINIB_IDS if expected == "caution" else set())
    if expected == "caution":
        assert reasons(results["lenvatinib"])[0].startswith(
            f"Grade {grade} ALT increase on record (CTCAE v5.0), attributed to lenvatinib"
        )


def test_adverse_event_on_a_specific_pd1_matches_the_generic_component():
    event = {"term": "hepatitis", "grade": 3, "attributed_to": ["Sintilimab"]}
    results = assess(adverse_events=[event])
    flagged = {rid for rid, v in verdicts_of(results).items() if v != "suitable"}
    assert flagged == {"lenvatinib-pd1", "haic-folfox-lenvatinib-pd1"}
    assert "which this regimen contains as PD-1 inhibitor" in reasons(results["lenvatinib-pd1"])[0]


def test_adverse_event_on_oxaliplatin_matches_folfox_haic():
    event = {"term": "peripheral_neuropathy", "grade": 3, "attributed_to": ["oxaliplatin"]}
    flagged = {
        rid for rid, v in verdicts_of(assess(adverse_events=[event])).items() if v != "suitable"
    }
    assert flagged == {"haic-folfox", "haic-folfox-sorafenib", "haic-folfox-lenvatinib-pd1"}


def test_adverse_event_on_an_unknown_agent_is_reported_not_guessed():
    event = {"term": "rash", "grade": 3, "attributed_to": ["herbal tea"]}
    results = assess(adverse_events=[event])
    assert set(verdicts_of(results).values()) == {"suitable"}
    assert (
        "Grade 3 rash is attributed to herbal tea, an agent the planner does not know: "
        "not checked against the regimens."
    ) in reasons(results["tace"])


def test_verdict_is_the_worst_over_the_rules():
    results = assess(
        points=8,
        adverse_events=[{"term": "hypertension", "grade": 3, "attributed_to": ["lenvatinib"]}],
    )
    result = results["tace-lenvatinib-camrelizumab"]
    assert result.verdict == "contraindicated"
    assert result.rules == (
        "safety.tace_decompensated_verdict",
        "safety.tace_child_pugh_b_min_points",
        "safety.child_pugh_b_triple_verdict",
        "safety.adverse_event_verdict",
        "safety.adverse_event_min_grade",
    )


def test_verdicts_come_from_the_rules_file():
    rules = changed({"safety.tki_hypertension_verdict": {"value": "contraindicated"}})
    results = assess(rules=rules, **{"history.uncontrolled_hypertension": True})
    assert results["sorafenib"].verdict == "contraindicated"


def test_published_rule_carries_no_local_policy_mark():
    rules = changed({"safety.tace_vp4_verdict": {"status": "published", "source": "test source"}})
    result = assess(rules=rules, **{"tumor.portal_vein_invasion": "vp4"})["tace"]
    assert reasons(result)[0].endswith("(source: test source).")
    local = assess(**{"tumor.portal_vein_invasion": "vp4"})["tace"]
    assert reasons(local)[0].endswith("; local policy, confirm).")


def test_invalid_verdict_in_rules_is_refused():
    rules = changed({"safety.tace_vp4_verdict": {"value": "maybe"}})
    with pytest.raises(ValueError, match="safety.tace_vp4_verdict: verdict 'maybe'"):
        assess(rules=rules)


def test_output_renders_in_chinese():
    out = assess(points=7)["haic-folfox-lenvatinib-pd1"].to_output("zh_CN")
    assert out["name"] == "HAIC（FOLFOX方案）联合仑伐替尼及PD-1抑制剂"
    assert out["reasons"][0].startswith("Child-Pugh B7：三联治疗")
    assert out["reasons"][0].endswith("；本科室规定，请确认）。")
    assert out["evidence"][0]["design"] == "回顾性单臂研究"


def test_output_shape():
    out = assess()["haic-folfox-lenvatinib-pd1"].to_output()
    assert out["components"] == [
        {"name": "haic-folfox", "class": "haic"},
        {"name": "lenvatinib", "class": "tki"},
        {"name": "pd-1 inhibitor", "class": "ici"},
    ]
    assert out["evidence"][0] == {
        "ref": 55,
        "cited_with": [],
        "design": "retrospective single-arm study",
        "size": None,
        "trial": None,
        "finding": out["evidence"][0]["finding"],
        "figures": ["60%", "50.5 days"],
    }
    assert out["population"][0]["child_pugh_enrolled"] is None
    assert {
        "term": "alt_increased",
        "name": "ALT increase",
        "source": "review section 5, ref 59",
    } in (out["adverse_events"])
    assert (out["verdict"], out["triple"], out["rules"]) == ("suitable", True, [])


def test_decompensated_example():
    results = verdicts_of(example_verdicts("decompensated-high-bleeding-risk"))
    assert results[BEVACIZUMAB] == "contraindicated"
    assert {results[rid] for rid in TRIPLE_IDS} <= {"caution", "contraindicated"}
    assert {results[rid] for rid in TKI_IDS} <= {"caution", "contraindicated"}
    assert results["haic-folfox"] == "suitable"
    assert results["tace"] == "contraindicated"  # Child-Pugh B8


def test_decompensated_example_tki_reasons_name_hypertension():
    results = example_verdicts("decompensated-high-bleeding-risk")
    for rid in TKI_IDS:
        assert any("Uncontrolled hypertension" in r for r in reasons(results[rid])), rid


def test_advanced_pvtt_example_cautions_every_lenvatinib_regimen():
    results = verdicts_of(example_verdicts("advanced-pvtt-conversion"))
    assert {rid for rid, v in results.items() if v == "caution"} == LENVATINIB_IDS
    assert {rid for rid, v in results.items() if v == "suitable"} == set(ALL_IDS) - LENVATINIB_IDS


def test_multinodular_example_is_suitable_everywhere():
    results = verdicts_of(example_verdicts("intermediate-multinodular"))
    assert set(results.values()) == {"suitable"}
