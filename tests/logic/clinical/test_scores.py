"""Child-Pugh, ALBI/mALBI and MELD/MELD-Na: every band edge in both unit systems, and examples."""

import json
import re

import pytest

from desktop.logic.clinical.scores import (
    albi,
    albi_display,
    albi_grade,
    albumin_points,
    bilirubin_points,
    child_pugh,
    inr_points,
    meld,
    meld_points,
    meld_whole,
)
from desktop.logic.model.case import Case
from desktop.logic.model.messages import render_all
from desktop.logic.model.paths import resource
from tests.conftest import example_data
from tests.factories import make_case


def bilirubin(value, unit):
    return {"labs.bilirubin": {"value": value, "unit": unit}}


def albumin(value, unit):
    return {"labs.albumin": {"value": value, "unit": unit}}


def creatinine(value, unit="mg/dL"):
    return {"labs.creatinine": {"value": value, "unit": unit}}


def sodium(value):
    return {"labs.sodium": {"value": value, "unit": "mmol/L"}}


# ---------------------------------------------------------------- Child-Pugh
# The minimal case scores 1 point for everything but the component under test (4 points).
@pytest.mark.parametrize(
    ("value", "unit", "points"),
    [
        (34.1, "umol/L", 1),
        (34.2, "umol/L", 2),  # exactly 2 mg/dL on paper: the inclusive side
        (34.3, "umol/L", 2),
        (51.2, "umol/L", 2),
        (51.3, "umol/L", 2),  # exactly 3 mg/dL
        (51.4, "umol/L", 3),
        (1.99, "mg/dL", 1),
        (2.0, "mg/dL", 2),
        (2.01, "mg/dL", 2),
        (2.99, "mg/dL", 2),
        (3.0, "mg/dL", 2),
        (3.01, "mg/dL", 3),
    ],
)
def test_child_pugh_bilirubin_bands(value, unit, points):
    assert child_pugh(make_case(**bilirubin(value, unit))).points == 4 + points


@pytest.mark.parametrize(
    ("value", "unit", "points"),
    [
        (35.1, "g/L", 1),
        (35.0, "g/L", 2),
        (34.9, "g/L", 2),
        (28.1, "g/L", 2),
        (28.0, "g/L", 2),
        (27.9, "g/L", 3),
        (3.51, "g/dL", 1),
        (3.5, "g/dL", 2),
        (3.49, "g/dL", 2),
        (2.81, "g/dL", 2),
        (2.8, "g/dL", 2),
        (2.79, "g/dL", 3),
    ],
)
def test_child_pugh_albumin_bands(value, unit, points):
    assert child_pugh(make_case(**albumin(value, unit))).points == 4 + points


@pytest.mark.parametrize(
    ("inr", "points"), [(1.69, 1), (1.7, 2), (1.71, 2), (2.29, 2), (2.3, 2), (2.31, 3)]
)
def test_child_pugh_inr_bands(inr, points):
    assert child_pugh(make_case(**{"labs.inr": inr})).points == 4 + points


@pytest.mark.parametrize(
    ("band", "noisy", "points"),
    [
        (bilirubin_points, 2.0000000000000004, 2),  # 2 mg/dL after a unit round trip
        (bilirubin_points, 3.0000000000000004, 2),
        (albumin_points, 3.5000000000000004, 2),
        (albumin_points, 2.7999999999999996, 2),
        (inr_points, 1.6999999999999997, 2),
    ],
)
def test_band_edges_ignore_floating_point_noise(band, noisy, points):
    assert band(noisy) == points


@pytest.mark.parametrize(
    ("field", "value", "points"),
    [
        ("liver.ascites", "none", 1),
        ("liver.ascites", "mild", 2),
        ("liver.ascites", "moderate_severe", 3),
        ("liver.encephalopathy", "none", 1),
        ("liver.encephalopathy", "grade_1_2", 2),
        ("liver.encephalopathy", "grade_3_4", 3),
    ],
)
def test_child_pugh_clinical_components(field, value, points):
    assert child_pugh(make_case(**{field: value})).points == 4 + points


@pytest.mark.parametrize(
    ("changes", "label"),
    [
        ({}, "A5"),
        ({"liver.ascites": "mild"}, "A6"),
        ({"liver.ascites": "mild", "liver.encephalopathy": "grade_1_2"}, "B7"),
        ({**bilirubin(40, "umol/L"), **albumin(30, "g/L"), "labs.inr": 2.0,
          "liver.ascites": "mild"}, "B9"),
        ({**bilirubin(60, "umol/L"), **albumin(30, "g/L"), "labs.inr": 2.0,
          "liver.ascites": "mild"}, "C10"),
        ({**bilirubin(4, "mg/dL"), **albumin(2.5, "g/dL"), "labs.inr": 2.5,
          "liver.ascites": "moderate_severe", "liver.encephalopathy": "grade_3_4"}, "C15"),
    ],
)  # fmt: skip
def test_child_pugh_class_edges(changes, label):
    result = child_pugh(make_case(**changes))
    assert result.label == label
    assert result.cls == label[0]
    assert result.points == int(label[1:])


def test_child_pugh_why_shows_entered_value_and_unit():
    why = render_all(child_pugh(make_case(**bilirubin(18, "umol/L"))).why)
    assert why[0] == "bilirubin 18 umol/L (1.05 mg/dL): 1 point"
    assert why[1] == "albumin 40 g/L (4 g/dL): 1 point"
    assert why[2] == "INR 1: 1 point"
    assert why[3] == "ascites none: 1 point"
    why_mg = render_all(child_pugh(make_case(**bilirubin(2, "mg/dL"))).why)
    assert why_mg[0] == "bilirubin 2 mg/dL: 2 points"


def test_child_pugh_why_names_source_and_convention():
    note = render_all(child_pugh(make_case()).why)[-1]
    assert "Pugh" in note
    assert "1973" in note
    assert "convention" in note


def test_child_pugh_output_shape():
    output = child_pugh(make_case(**{"liver.ascites": "mild"})).to_output("zh_CN")
    assert output["points"] == 6
    assert output["class"] == "A"
    assert output["label"] == "A6"
    assert output["why"][3] == "腹水 轻度：2分"


# ---------------------------------------------------------------- ALBI / mALBI
@pytest.mark.parametrize(
    ("score", "grade"),
    [
        (-2.61, "1"),
        (-2.60, "1"),
        (-2.5999, "2a"),
        (-2.2701, "2a"),
        (-2.27, "2a"),
        (-2.2699, "2b"),
        (-1.3901, "2b"),
        (-1.39, "2b"),
        (-1.3899, "3"),
    ],
)
def test_albi_grade_edges(score, grade):
    assert albi_grade(score) == grade


# Bilirubin 17.1 umol/L = 1 mg/dL; albumin chosen just either side of each grade edge.
@pytest.mark.parametrize("bili", [(17.1, "umol/L"), (1.0, "mg/dL")])
@pytest.mark.parametrize(
    ("albumin_g_l", "grade", "shown"),
    [
        # -2.6032 would print as the cut-off -2.60: one more decimal shows its side
        (40.2, "1", "-2.603"),
        (40.1, "2a", "-2.59"),
        (36.3, "2a", "-2.272"),
        (36.2, "2b", "-2.26"),
        (26.0, "2b", "-1.40"),
        (25.9, "3", "-1.388"),
    ],
)
@pytest.mark.parametrize("albumin_unit", ["g/L", "g/dL"])
def test_albi_grade_from_case_in_both_units(bili, albumin_g_l, grade, shown, albumin_unit):
    value = albumin_g_l if albumin_unit == "g/L" else round(albumin_g_l / 10, 3)
    case = make_case(**bilirubin(*bili), **albumin(value, albumin_unit))
    output = albi(case).to_output()
    assert output["grade"] == grade
    assert output["score_display"] == shown
    assert round(output["score"], 2) == round(float(shown), 2)


def test_albi_grades_the_unrounded_score_and_shows_its_side():
    # -2.59897 would print as -2.60 but is above -2.60, so grade 2a with -2.599 shown.
    output = albi(make_case(**bilirubin(17.1, "umol/L"), **albumin(40.15, "g/L"))).to_output()
    assert output["grade"] == "2a"
    assert output["score"] == pytest.approx(-2.5989725671)  # the JSON carries it unrounded
    assert output["score_display"] == "-2.599"
    assert "-2.599" in output["why"][0]
    assert "Johnson" in output["why"][1]
    assert "Hiraoka" in output["why"][1]


@pytest.mark.parametrize(
    ("score", "shown"),
    [
        (-2.59996, "-2.59996"),  # never "-2.60, grade 2a"
        (-2.60004, "-2.60004"),
        (-2.6, "-2.60"),  # exactly the cut-off prints as the cut-off
        (-2.66, "-2.66"),
        (-2.27004, "-2.27004"),
        (-2.265, "-2.265"),
        (-1.3900001, "-1.3900001"),
        (-1.39, "-1.39"),
        (-1.385, "-1.385"),
        (-0.5, "-0.50"),
    ],
)
def test_albi_display_uses_the_fewest_decimals_that_show_the_side(score, shown):
    assert albi_display(score) == shown


# ---------------------------------------------------------------- MELD / MELD-Na
def meld_of(**changes):
    return meld(make_case(**changes))


def test_meld_missing_creatinine_computes_neither():
    result = meld_of(**sodium(130))
    assert (result.meld, result.meld_na) == (None, None)
    assert render_all(result.why) == ["MELD not computed: creatinine missing"]


def test_meld_missing_sodium_keeps_meld():
    result = meld_of(**creatinine(1.0))
    assert (result.meld, result.meld_na) == (6, None)
    assert render_all(result.why)[-1] == "MELD-Na not computed: sodium missing"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # floors: creatinine, bilirubin and INR below 1.0 count as 1.0 -> MELD(i) 6.43
        ({**creatinine(0.5), "labs.inr": 0.9, **bilirubin(0.5, "mg/dL")}, 6),
        ({**creatinine(44.2, "umol/L"), **bilirubin(8.55, "umol/L")}, 6),
        ({**creatinine(1.0)}, 6),
        ({**creatinine(88.4, "umol/L")}, 6),
        # creatinine cap 4.0 mg/dL (353.6 umol/L): 3.9 -> 19.5, 4.0 and above -> 19.7
        ({**creatinine(3.9)}, 19),
        ({**creatinine(4.0)}, 20),
        ({**creatinine(353.6, "umol/L")}, 20),
        ({**creatinine(5.0)}, 20),
        ({**creatinine(442, "umol/L")}, 20),
        # two or more dialyses in the past week: creatinine 4.0 whatever was measured
        ({**creatinine(1.0), "liver.dialysis_twice_in_past_week": True}, 20),
        ({"liver.dialysis_twice_in_past_week": True}, 20),
        ({**creatinine(1.0), "liver.dialysis_twice_in_past_week": False}, 6),
        # cap at 40 (MELD(i) 59.4)
        ({**creatinine(4.0), **bilirubin(40, "mg/dL"), "labs.inr": 10.0}, 40),
        ({**creatinine(1.2), **bilirubin(2.5, "mg/dL"), "labs.inr": 1.5}, 16),
    ],
)
def test_meld_floors_caps_and_dialysis(changes, expected):
    assert meld_of(**changes).meld == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(7.49, 7), (7.5, 8), (8.5, 9), (39.5, 40), (40.6, 40), (59.4, 40)]
)
def test_meld_rounds_half_up_and_caps(value, expected):
    assert meld_points(value) == expected


@pytest.mark.parametrize(
    ("bili", "meld_value", "meld_na"),
    [
        ((3.3, "mg/dL"), 11, 11),  # MELD(i) 1.094 -> 1.1 -> 11: not above 11, MELD-Na = MELD
        ((56.43, "umol/L"), 11, 11),
        # MELD(i) 1.1056 -> 1.1 -> 11 as OPTN writes it: still not above 11 (unrounded, 11.06
        # would have switched the sodium correction on and given 18)
        ((3.4, "mg/dL"), 11, 11),
        ((58.14, "umol/L"), 11, 11),
        # MELD(i) 1.167 -> 1.2 -> 12: above 11, sodium 130 corrects 12 to 18.47 -> 18
        ((4.0, "mg/dL"), 12, 18),
        ((68.4, "umol/L"), 12, 18),
    ],
)
def test_meld_na_switches_above_11(bili, meld_value, meld_na):
    result = meld_of(**creatinine(1.0), **bilirubin(*bili), **sodium(130))
    assert (result.meld, result.meld_na) == (meld_value, meld_na)


@pytest.mark.parametrize(
    ("na", "meld_na"),
    [(120, 24), (124, 24), (125, 24), (126, 23), (130, 19), (136, 14), (137, 13), (138, 13)],
)
def test_meld_na_sodium_bounded_125_to_137(na, meld_na):
    # bilirubin 5 mg/dL: MELD(i) 1.2514 -> 1.3 -> 13 (OPTN), MELD 13, MELD-Na from 13
    result = meld_of(**creatinine(1.0), **bilirubin(5, "mg/dL"), **sodium(na))
    assert (result.meld, result.meld_na) == (13, meld_na)


@pytest.mark.parametrize("bili", [(10.6, "mg/dL"), (181.26, "umol/L")])
def test_meld_na_rounds_meld_i_as_optn_writes_it(bili):
    # MELD(i) 2.56165 -> 2.6 -> 26; 26 + 1.32 x 12 - 0.033 x 26 x 12 = 31.54 -> 32 (OPTN).
    # From the unrounded 25.6165 it would be 31.31 -> 31: the error the issue reported.
    changes = {**creatinine(1.0), **bilirubin(*bili), "labs.inr": 2.5, **sodium(125)}
    result = meld_of(**changes)
    assert (result.meld, result.meld_na) == (26, 32)
    assert "(26)" in render_all(result.why)[-2]


@pytest.mark.parametrize(("meld_i", "whole"), [(25.6165, 26), (25.5, 26), (25.4999, 25), (7.0, 7)])
def test_meld_whole_rounds_to_the_tenth_then_times_ten(meld_i, whole):
    assert meld_whole(meld_i) == whole


def test_meld_na_is_labelled_optn_2016_and_not_meld_3():
    why = render_all(meld_of(**creatinine(1.0), **bilirubin(5, "mg/dL"), **sodium(130)).why)
    assert "MELD-Na (OPTN 2016)" in why[-1]
    assert "MELD 3.0" in why[-1]


def test_meld_na_is_capped_at_40():
    changes = {**creatinine(4.0), **bilirubin(40, "mg/dL"), "labs.inr": 10.0, **sodium(125)}
    assert meld_of(**changes).meld_na == 40


def test_meld_why_names_dialysis_only_when_it_could_matter():
    not_recorded = "dialysis in the past week not recorded"
    assert not_recorded in " ".join(render_all(meld_of(**creatinine(1.0)).why))
    assert not_recorded not in " ".join(render_all(meld_of(**creatinine(4.5)).why))
    recorded = meld_of(**creatinine(1.0), **{"liver.dialysis_twice_in_past_week": False})
    assert not_recorded not in " ".join(render_all(recorded.why))


def test_meld_why_shows_floor_and_sodium_bound():
    why = render_all(meld_of(**creatinine(0.8), **bilirubin(5, "mg/dL"), **sodium(120)).why)
    assert why[0] == "creatinine 0.8 mg/dL: below 1.0, set to 1.0 (OPTN floor)"
    assert "125 used" in why[-1]
    assert "OPTN" in why[-1]


# ---------------------------------------------------------------- shared examples
@pytest.mark.parametrize(
    ("name", "cp", "albi_out", "meld_out"),
    [
        ("advanced-pvtt-conversion", "A5", ("-2.66", "1"), (7, 7)),
        ("decompensated-high-bleeding-risk", "B8", ("-1.37", "3"), (16, 21)),
        ("intermediate-multinodular", "A5", ("-2.30", "2a"), (8, 8)),
    ],
)
def test_shared_examples(name, cp, albi_out, meld_out):
    case = Case.model_validate(example_data(name))
    assert child_pugh(case).label == cp
    output = albi(case).to_output()
    assert (output["score_display"], output["grade"]) == albi_out
    result = meld(case).to_output()
    assert (result["meld"], result["meld_na"]) == meld_out


def test_pvtt_example_child_pugh_output():
    case = Case.model_validate(example_data("advanced-pvtt-conversion"))
    output = child_pugh(case).to_output()
    assert output["points"] == 5
    assert output["class"] == "A"
    assert output["why"][0] == "bilirubin 18 umol/L (1.05 mg/dL): 1 point"


# ---------------------------------------------------------------- texts
def test_every_score_text_has_english_and_chinese_with_the_same_fields():
    texts = json.loads(resource("text", "scores.json").read_text(encoding="utf-8"))
    for key, entry in texts.items():
        assert entry["en"].strip(), key
        assert entry["zh_CN"].strip(), key
        fields = [set(re.findall(r"{(\w+)}", entry[lang])) for lang in ("en", "zh_CN")]
        assert fields[0] == fields[1], key
