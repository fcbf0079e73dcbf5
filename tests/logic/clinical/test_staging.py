"""BCLC 2022 and CNLC 2022 in rule order, Milan, up-to-seven, Cheng's type and stage discordance."""

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.logic.clinical.scores import albi, child_pugh, meld
from desktop.logic.clinical.staging import (
    BCLC_SYSTEM,
    CNLC_SYSTEM,
    Stage,
    bclc,
    cheng_note,
    cheng_type,
    cnlc,
    milan,
    stage_discordance,
    up_to_seven,
)
from desktop.logic.model.case import Case
from desktop.logic.model.messages import Term, render_all
from desktop.logic.model.paths import resource
from tests.conftest import example_data
from tests.factories import case_data, make_case

CHILD_PUGH_C = {  # bilirubin 3, albumin 3, INR 3, ascites 2, encephalopathy 1 = C12
    "labs.bilirubin": {"value": 60, "unit": "umol/L"},
    "labs.albumin": {"value": 25, "unit": "g/L"},
    "labs.inr": 2.5,
    "liver.ascites": "mild",
}
CHILD_PUGH_C_MG = {
    "labs.bilirubin": {"value": 3.5, "unit": "mg/dL"},
    "labs.albumin": {"value": 2.5, "unit": "g/dL"},
    "labs.inr": 2.5,
    "liver.ascites": "mild",
}
CHILD_PUGH_B = {"labs.albumin": {"value": 30, "unit": "g/L"}, "liver.ascites": "mild"}  # B7
BOTH_MISSING = ["hepatic vein", "lymph-node"]
RECORDED = {"tumor.hepatic_vein_invasion": "none", "tumor.lymph_node_metastasis": False}


def staged(**changes):
    case = make_case(**{**RECORDED, **changes})
    cp = child_pugh(case)
    return bclc(case, cp), cnlc(case, cp)


def why_text(result):
    return " ".join(render_all(result.why))


# ---------------------------------------------------------------- BCLC in rule order
@pytest.mark.parametrize(
    ("changes", "stage"),
    [
        # rule 1: D
        ({"ecog": 3}, "D"),
        ({"ecog": 4}, "D"),
        (CHILD_PUGH_C, "D"),
        (CHILD_PUGH_C_MG, "D"),
        ({"ecog": 3, "tumor.portal_vein_invasion": "vp2"}, "D"),  # D before C
        ({**CHILD_PUGH_C, "tumor.extrahepatic_spread": True}, "D"),
        # rule 2: C
        ({"tumor.portal_vein_invasion": "vp1"}, "C"),
        ({"tumor.portal_vein_invasion": "vp2"}, "C"),
        ({"tumor.portal_vein_invasion": "vp3"}, "C"),
        ({"tumor.portal_vein_invasion": "vp4"}, "C"),
        ({"tumor.hepatic_vein_invasion": "vv1"}, "C"),
        ({"tumor.hepatic_vein_invasion": "vv2"}, "C"),
        ({"tumor.hepatic_vein_invasion": "vv3"}, "C"),
        ({"tumor.extrahepatic_spread": True}, "C"),
        ({"tumor.lymph_node_metastasis": True}, "C"),
        ({"ecog": 1}, "C"),
        ({"ecog": 2}, "C"),
        ({"ecog": 1, "tumor.nodules_cm": [1.0]}, "C"),  # C before 0
        ({"tumor.portal_vein_invasion": "vp1", "tumor.nodules_cm": [1.5]}, "C"),
        # rule 3: 0
        ({"tumor.nodules_cm": [1.9]}, "0"),
        ({"tumor.nodules_cm": [2.0]}, "0"),
        # rule 4: A
        ({"tumor.nodules_cm": [2.1]}, "A"),
        ({"tumor.nodules_cm": [15.0]}, "A"),
        ({"tumor.nodules_cm": [1.0, 1.0]}, "A"),  # two nodules are never BCLC 0
        ({"tumor.nodules_cm": [3.0, 2.9]}, "A"),
        ({"tumor.nodules_cm": [3.0, 3.0, 3.0]}, "A"),
        # rule 5: B
        ({"tumor.nodules_cm": [3.1, 1.0]}, "B"),
        ({"tumor.nodules_cm": [3.1, 1.0, 1.0]}, "B"),
        ({"tumor.nodules_cm": [1.0, 1.0, 1.0, 1.0]}, "B"),
        # Child-Pugh B keeps the tumour stage
        ({**CHILD_PUGH_B, "tumor.nodules_cm": [1.0]}, "0"),
        ({**CHILD_PUGH_B, "tumor.nodules_cm": [1.0, 1.0, 1.0, 1.0]}, "B"),
    ],
)
def test_bclc_rules_in_order(changes, stage):
    result, _ = staged(**changes)
    assert result.stage == stage
    assert result.system == BCLC_SYSTEM


@pytest.mark.parametrize(
    ("changes", "stage"),
    [
        # rule 1: IV
        ({"ecog": 3}, "IV"),
        ({"ecog": 4}, "IV"),
        (CHILD_PUGH_C, "IV"),
        (CHILD_PUGH_C_MG, "IV"),
        ({"ecog": 4, "tumor.extrahepatic_spread": True}, "IV"),  # IV before IIIb
        # rule 2: IIIb, with or without vascular invasion
        ({"tumor.extrahepatic_spread": True}, "IIIb"),
        ({"tumor.lymph_node_metastasis": True}, "IIIb"),
        ({"tumor.extrahepatic_spread": True, "tumor.portal_vein_invasion": "vp4"}, "IIIb"),
        # rule 3: IIIa
        ({"tumor.portal_vein_invasion": "vp1"}, "IIIa"),
        ({"tumor.portal_vein_invasion": "vp2"}, "IIIa"),
        ({"tumor.portal_vein_invasion": "vp3"}, "IIIa"),
        ({"tumor.portal_vein_invasion": "vp4"}, "IIIa"),
        ({"tumor.hepatic_vein_invasion": "vv1"}, "IIIa"),
        ({"tumor.hepatic_vein_invasion": "vv3"}, "IIIa"),
        ({"tumor.portal_vein_invasion": "vp2", "tumor.nodules_cm": [1.0]}, "IIIa"),
        # rule 4: Ia (ECOG 1-2 does not upstage CNLC)
        ({"tumor.nodules_cm": [4.9]}, "Ia"),
        ({"tumor.nodules_cm": [5.0]}, "Ia"),
        ({"tumor.nodules_cm": [5.0], "ecog": 2}, "Ia"),
        ({**CHILD_PUGH_B, "tumor.nodules_cm": [5.0]}, "Ia"),
        # rule 5: Ib
        ({"tumor.nodules_cm": [5.1]}, "Ib"),
        ({"tumor.nodules_cm": [3.0, 3.0]}, "Ib"),
        ({"tumor.nodules_cm": [3.0, 1.0, 2.9]}, "Ib"),
        # rule 6: IIa
        ({"tumor.nodules_cm": [3.1, 1.0]}, "IIa"),
        ({"tumor.nodules_cm": [1.0, 1.0, 8.0]}, "IIa"),
        # rule 7: IIb
        ({"tumor.nodules_cm": [1.0, 1.0, 1.0, 1.0]}, "IIb"),
        ({"tumor.nodules_cm": [12.0, 1.0, 1.0, 1.0, 1.0]}, "IIb"),
    ],
)
def test_cnlc_rules_in_order(changes, stage):
    _, result = staged(**changes)
    assert result.stage == stage
    assert result.system == CNLC_SYSTEM


def test_bclc_liver_function_note_keeps_the_stage():
    note = "liver function not preserved"
    result, _ = staged(**{**CHILD_PUGH_B, "tumor.nodules_cm": [4.0]})
    assert (result.stage, note in why_text(result)) == ("A", True)
    assert "Child-Pugh B7" in why_text(result)
    ascites_only, _ = staged(**{"liver.ascites": "mild", "tumor.nodules_cm": [4.0]})
    assert (ascites_only.stage, note in why_text(ascites_only)) == ("A", True)
    preserved, _ = staged(**{"tumor.nodules_cm": [4.0]})
    assert note not in why_text(preserved)
    advanced, _ = staged(**{**CHILD_PUGH_B, "tumor.portal_vein_invasion": "vp2"})
    assert (advanced.stage, note in why_text(advanced)) == ("C", True)


def test_bclc_ps_note_when_ecog_decides_c():
    note = "cancer-related symptoms"
    by_ecog, _ = staged(ecog=2)
    assert render_all(by_ecog.why)[0] == "BCLC C (advanced stage; BCLC 2022): ECOG PS 2"
    assert note in render_all(by_ecog.why)[1]
    by_vessel, _ = staged(**{"tumor.portal_vein_invasion": "vp3"})
    assert note not in why_text(by_vessel)


def test_bclc_why_lists_every_deciding_input():
    result, _ = staged(
        **{"tumor.portal_vein_invasion": "vp2", "tumor.hepatic_vein_invasion": "vv2",
           "tumor.lymph_node_metastasis": True}
    )  # fmt: skip
    first = render_all(result.why)[0]
    assert "Vp2" in first
    assert "Vv2" in first
    assert "lymph-node metastasis" in first


@pytest.mark.parametrize(
    ("changes", "bclc_says", "cnlc_says"),
    [
        # tumour-only stages: either missing finding could move both systems
        ({"tumor.nodules_cm": [4.0]}, BOTH_MISSING, BOTH_MISSING),
        # vascular invasion already decides: only lymph nodes can still move CNLC (IIIa -> IIIb)
        ({"tumor.portal_vein_invasion": "vp2"}, [], ["lymph-node"]),
        # extrahepatic spread or end stage already decides: nothing missing matters
        ({"tumor.extrahepatic_spread": True}, [], []),
        ({"ecog": 3}, [], []),
    ],
)  # fmt: skip
def test_missing_findings_named_only_when_they_could_change_the_stage(
    changes, bclc_says, cnlc_says
):
    case = make_case(**changes)  # hepatic_vein_invasion and lymph_node_metastasis absent
    cp = child_pugh(case)
    for result, expected in ((bclc(case, cp), bclc_says), (cnlc(case, cp), cnlc_says)):
        text = why_text(result)
        mentioned = [
            name
            for name in BOTH_MISSING
            if f"{name} invasion not recorded" in text or f"{name} metastasis not recorded" in text
        ]
        assert mentioned == expected
        assert text.count("not recorded") == len(expected)


def test_missing_findings_are_never_invented():
    result, cnlc_result = staged(**{"tumor.nodules_cm": [4.0]})
    case = make_case(**{"tumor.nodules_cm": [4.0]})
    cp = child_pugh(case)
    assert (bclc(case, cp).stage, cnlc(case, cp).stage) == (result.stage, cnlc_result.stage)
    assert "not recorded" not in why_text(result)


# ---------------------------------------------------------------- discordance
@pytest.mark.parametrize(
    ("bclc_stage", "cnlc_stage", "differs"),
    [
        ("0", "Ia", False),
        ("A", "Ia", False),
        ("A", "Ib", False),
        ("B", "IIa", True),  # TACE against resection
        ("B", "IIb", True),  # TACE against TACE with resection still considered
        ("C", "IIIa", True),  # systemic against systemic with resection still considered
        ("C", "IIIb", False),
        ("C", "Ia", True),  # ECOG 1 alone: systemic against resection
        ("D", "IV", False),
    ],
)
def test_stage_discordance(bclc_stage, cnlc_stage, differs):
    sentence = stage_discordance(
        Stage(BCLC_SYSTEM, bclc_stage, ()), Stage(CNLC_SYSTEM, cnlc_stage, ())
    )
    assert (sentence is not None) == differs
    if differs:
        text = sentence.render()
        assert f"BCLC {bclc_stage}" in text
        assert f"CNLC {cnlc_stage}" in text
        assert "Figure 1" in text
        assert f"CNLC {cnlc_stage}期" in sentence.render("zh_CN")


def test_discordance_names_surgery_for_cnlc_iiia():
    text = stage_discordance(Stage(BCLC_SYSTEM, "C", ()), Stage(CNLC_SYSTEM, "IIIa", ())).render()
    assert "BCLC C recommends systemic therapy" in text
    assert "CNLC IIIa recommends systemic therapy, with resection still considered" in text


# ---------------------------------------------------------------- Milan and up-to-seven
@pytest.mark.parametrize(
    ("changes", "within"),
    [
        ({"tumor.nodules_cm": [5.0]}, True),
        ({"tumor.nodules_cm": [5.1]}, False),
        ({"tumor.nodules_cm": [3.0, 3.0, 3.0]}, True),
        ({"tumor.nodules_cm": [3.1, 1.0]}, False),
        ({"tumor.nodules_cm": [1.0, 1.0, 1.0, 1.0]}, False),
        ({"tumor.nodules_cm": [2.0], "tumor.portal_vein_invasion": "vp1"}, False),
        ({"tumor.nodules_cm": [2.0], "tumor.hepatic_vein_invasion": "vv1"}, False),
        ({"tumor.nodules_cm": [2.0], "tumor.extrahepatic_spread": True}, False),
        ({"tumor.nodules_cm": [2.0], "tumor.lymph_node_metastasis": True}, False),
    ],
)
def test_milan(changes, within):
    result = milan(make_case(**{**RECORDED, **changes}))
    assert (result.within, result.value) == (within, None)
    assert "Mazzaferro" in why_text(result)


@pytest.mark.parametrize(
    ("changes", "value", "within"),
    [
        ({"tumor.nodules_cm": [6.0]}, 7.0, True),
        ({"tumor.nodules_cm": [6.1]}, 7.1, False),
        ({"tumor.nodules_cm": [4.0, 1.0, 1.0]}, 7.0, True),
        ({"tumor.nodules_cm": [4.1, 1.0, 1.0]}, 7.1, False),
        ({"tumor.nodules_cm": [3.9, 1.0, 1.0]}, 6.9, True),
        ({"tumor.nodules_cm": [1.0] * 6}, 7.0, True),
        ({"tumor.nodules_cm": [1.0] * 7}, 8.0, False),
        ({"tumor.nodules_cm": [6.004]}, 7.0, False),  # shown as 7.0, decided on 7.004
        ({"tumor.nodules_cm": [2.0], "tumor.portal_vein_invasion": "vp1"}, 3.0, False),
        ({"tumor.nodules_cm": [2.0], "tumor.hepatic_vein_invasion": "vv2"}, 3.0, False),
        ({"tumor.nodules_cm": [2.0], "tumor.extrahepatic_spread": True}, 3.0, False),
        ({"tumor.nodules_cm": [2.0], "tumor.lymph_node_metastasis": True}, 3.0, False),
    ],
)
def test_up_to_seven(changes, value, within):
    result = up_to_seven(make_case(**{**RECORDED, **changes}))
    assert (result.within, result.value) == (within, value)
    assert "ref 39" in why_text(result)


def test_criteria_name_missing_findings_only_when_within():
    within = milan(make_case(**{"tumor.nodules_cm": [2.0]}))
    assert within.within is True
    assert why_text(within).count("not recorded") == 2
    beyond = up_to_seven(make_case(**{"tumor.nodules_cm": [8.0]}))
    assert beyond.within is False
    assert "not recorded" not in why_text(beyond)


# ---------------------------------------------------------------- Cheng's type
@pytest.mark.parametrize(
    ("vp", "cheng"),
    [("none", None), ("vp1", None), ("vp2", "I"), ("vp3", "II"), ("vp4", "III")],
)
def test_cheng_type(vp, cheng):
    assert cheng_type(vp) == cheng


def test_cheng_note_says_the_systems_differ():
    assert "not identical" in cheng_note().render()
    assert "不完全等同" in cheng_note().render("zh_CN")


# ---------------------------------------------------------------- shared examples
@pytest.mark.parametrize(
    ("name", "bclc_stage", "cnlc_stage", "uts", "discordant"),
    [
        ("advanced-pvtt-conversion", "C", "IIIa", (False, 10.5), True),
        ("decompensated-high-bleeding-risk", "C", "IIIa", (False, 7.0), True),
        ("intermediate-multinodular", "B", "IIb", (False, 9.5), True),
    ],
)
def test_shared_examples(name, bclc_stage, cnlc_stage, uts, discordant):
    case = Case.model_validate(example_data(name))
    cp = child_pugh(case)
    bclc_result, cnlc_result = bclc(case, cp), cnlc(case, cp)
    assert bclc_result.to_output()["stage"] == bclc_stage
    assert cnlc_result.to_output()["stage"] == cnlc_stage
    output = up_to_seven(case).to_output()
    assert (output["within"], output["value"]) == uts
    assert milan(case).within is False
    assert (stage_discordance(bclc_result, cnlc_result) is not None) == discordant


def test_pvtt_example_outputs():
    case = Case.model_validate(example_data("advanced-pvtt-conversion"))
    cp = child_pugh(case)
    output = bclc(case, cp).to_output()
    assert output == {
        "stage": "C",
        "system": "BCLC 2022 (Reig et al., J Hepatol 2022)",
        "why": [
            "BCLC C (advanced stage; BCLC 2022): portal vein invasion Vp2 (macrovascular invasion)"
        ],
    }
    assert cnlc(case, cp).to_output("zh_CN")["why"][0].startswith("CNLC IIIa期")


# ---------------------------------------------------------------- never raises
def lab(low, high, unit):
    return st.fixed_dictionaries(
        {"value": st.floats(low, high, exclude_min=True, allow_nan=False), "unit": st.just(unit)}
    )


LABS = {
    "labs.bilirubin": lab(0, 1000, "umol/L") | lab(0, 58.4, "mg/dL"),
    "labs.albumin": lab(5, 70, "g/L") | lab(0.5, 7, "g/dL"),
    "labs.inr": st.floats(0.5, 15),
    "labs.creatinine": st.none() | lab(0, 3000, "umol/L") | lab(0, 33.9, "mg/dL"),
    "labs.sodium": st.none() | lab(90, 200, "mmol/L"),
}
CLINICAL = {
    "ecog": st.integers(0, 4),
    "liver.ascites": st.sampled_from(["none", "mild", "moderate_severe"]),
    "liver.encephalopathy": st.sampled_from(["none", "grade_1_2", "grade_3_4"]),
    "liver.dialysis_twice_in_past_week": st.none() | st.booleans(),
    "tumor.nodules_cm": st.lists(
        st.floats(0, 30, exclude_min=True, allow_nan=False), min_size=1, max_size=50
    ),
    "tumor.portal_vein_invasion": st.sampled_from(["none", "vp1", "vp2", "vp3", "vp4"]),
    "tumor.hepatic_vein_invasion": st.none() | st.sampled_from(["none", "vv1", "vv2", "vv3"]),
    "tumor.extrahepatic_spread": st.booleans(),
    "tumor.lymph_node_metastasis": st.none() | st.booleans(),
}


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(changes=st.fixed_dictionaries({**LABS, **CLINICAL}))
def test_scores_and_staging_never_raise_on_a_valid_case(changes):
    case = Case.model_validate(case_data(**changes))
    cp = child_pugh(case)
    bclc_result, cnlc_result = bclc(case, cp), cnlc(case, cp)
    for lang in ("en", "zh_CN"):
        assert 5 <= cp.to_output(lang)["points"] <= 15
        assert albi(case).to_output(lang)["grade"] in {"1", "2a", "2b", "3"}
        meld_output = meld(case).to_output(lang)
        assert meld_output["meld"] is None or 6 <= meld_output["meld"] <= 40
        assert bclc_result.to_output(lang)["stage"] in {"0", "A", "B", "C", "D"}
        assert cnlc_result.to_output(lang)["stage"] in {
            "Ia",
            "Ib",
            "IIa",
            "IIb",
            "IIIa",
            "IIIb",
            "IV",
        }
        assert isinstance(milan(case).to_output(lang)["within"], bool)
        assert up_to_seven(case).to_output(lang)["value"] >= 1
        sentence = stage_discordance(bclc_result, cnlc_result)
        assert sentence is None or sentence.render(lang)


# ---------------------------------------------------------------- texts
def test_every_staging_text_has_english_and_chinese_with_the_same_fields():
    texts = json.loads(resource("text", "staging.json").read_text(encoding="utf-8"))
    for key, entry in texts.items():
        assert entry["en"].strip(), key
        assert entry["zh_CN"].strip(), key
        fields = [set(re.findall(r"{(\w+)}", entry[lang])) for lang in ("en", "zh_CN")]
        assert fields[0] == fields[1], key


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"tumor.portal_vein_invasion": "vp2"}, "门静脉癌栓"),
        ({"tumor.hepatic_vein_invasion": "vv2"}, "肝静脉癌栓"),
    ],
)
def test_chinese_terms_bclc_c_is_wanqi_and_cnlc_macrovascular_is_tumour_thrombus(changes, expected):
    # Catalogue corrections: BCLC C is 晚期; CNLC macrovascular invasion is 门静脉癌栓 / 肝静脉癌栓.
    case = make_case(**changes)
    cp = child_pugh(case)
    bclc_why = bclc(case, cp).to_output("zh_CN")["why"][0]
    cnlc_why = cnlc(case, cp).to_output("zh_CN")["why"][0]
    assert bclc_why.startswith("BCLC C期（晚期")
    assert "进展期" not in bclc_why
    assert cnlc_why.startswith("CNLC IIIa期")
    assert expected in cnlc_why
    assert "门静脉癌栓或肝静脉癌栓" in cnlc_why
    assert Term("term.bclc.C").render("zh_CN") == "BCLC C期（晚期）"
