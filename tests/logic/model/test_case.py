"""The hcc-mdt-case/1 model: units, refusals with clear messages, JSON round trip."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.logic.model.case import Case
from desktop.logic.model.case_io import CaseError, dumps_case, loads_case, parse_case
from desktop.logic.model.records import seal
from tests.conftest import REPO, example_data
from tests.factories import case_data

EXAMPLES = [
    "advanced-pvtt-conversion",
    "decompensated-high-bleeding-risk",
    "intermediate-multinodular",
]


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_round_trip_exactly(name):
    data = example_data(name)
    case = parse_case(data)
    assert json.loads(dumps_case(case)) == data


@pytest.mark.parametrize(
    ("field", "entered", "unit", "canonical", "expected"),
    [
        ("bilirubin", 1.0, "mg/dL", "umol_l", 17.1),
        ("bilirubin", 34.2, "umol/L", "mg_dl", 2.0),
        ("albumin", 3.5, "g/dL", "g_l", 35.0),
        ("albumin", 28, "g/L", "g_dl", 2.8),
        ("creatinine", 1.0, "mg/dL", "umol_l", 88.4),
        ("creatinine", 176.8, "umol/L", "mg_dl", 2.0),
        ("afp", 100, "IU/mL", "ng_ml", 121.0),
    ],
)
def test_units_convert_and_keep_what_was_entered(field, entered, unit, canonical, expected):
    case = parse_case(case_data(**{f"labs.{field}": {"value": entered, "unit": unit}}))
    lab = getattr(case.labs, field)
    assert getattr(lab, canonical) == pytest.approx(expected)
    assert (lab.value, lab.unit) == (entered, unit)
    assert case.to_json_dict()["labs"][field] == {"value": entered, "unit": unit}


def _problems(data) -> list[str]:
    with pytest.raises(CaseError) as caught:
        parse_case(data)
    return caught.value.problems


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"labs.bilirubin": {"value": 1, "unit": "mmol/L"}},
         "labs.bilirubin.unit: \"mmol/L\" is not allowed; allowed: 'umol/L' or 'mg/dL'"),
        ({"labs.albumin": {"value": 4.1, "unit": "g/L"}}, "labs.albumin: 4.1 g/L is outside"),
        ({"labs.bilirubin": {"value": -3, "unit": "umol/L"}},
         "labs.bilirubin.value: -3 is not accepted: must be greater than 0"),
        ({"labs.bilirubin": {"value": 0, "unit": "umol/L"}}, "labs.bilirubin.value: 0 is not"),
        ({"labs.inr": "1.2"}, 'labs.inr: "1.2" is not accepted: must be a number'),
        ({"ecog": 5}, "ecog: 5 is not accepted: must be less than or equal to 4"),
        ({"ecog": True}, "ecog: true is not accepted: must be a whole number"),
        ({"labs.albumin": {"value": 41, "unit": "g/dL"}},
         "labs.albumin: 41 g/dL is outside 5-70 g/L (0.5-7 g/dL)"),
        ({"liver.ascites": "severe"}, "liver.ascites: \"severe\" is not allowed; allowed:"),
        ({"tumor.nodules_cm": []}, "tumor.nodules_cm: must have at least 1 item(s), not 0"),
        ({"tumor.portal_vein_invasion": "Vp2"}, "tumor.portal_vein_invasion: \"Vp2\""),
        ({"assessed_on": "2026-02-30"},
         "assessed_on: 2026-02-30 is not a calendar date (YYYY-MM-DD)"),
        ({"assessed_on": "01/06/2026"}, "expected a date written YYYY-MM-DD"),
        ({"patient.birth_date": "2026-06-02"}, "birth date 2026-06-02 is after the assessment"),
        ({"patient.sex": "M"}, "patient.sex: \"M\" is not allowed"),
        ({"labz": {}}, "labz: unknown field"),
        ({"labs.bilirubn": 3}, "labs.bilirubn: unknown field"),
        ({"format": "hcc-mdt-case/2"}, "format: \"hcc-mdt-case/2\" is not allowed"),
    ],
)
def test_bad_values_are_refused_with_path_value_and_what_is_allowed(changes, expected):
    problems = _problems(case_data(**changes))
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    "path",
    ["format", "patient.mrn", "patient.name", "assessed_on", "ecog", "labs.bilirubin",
     "labs.albumin", "labs.inr", "liver.ascites", "liver.encephalopathy", "tumor.nodules_cm",
     "tumor.portal_vein_invasion", "tumor.extrahepatic_spread"],
)
def test_each_required_field_is_named_when_missing(path):
    data = case_data()
    *parents, last = path.split(".")
    node = data
    for part in parents:
        node = node[part]
    del node[last]
    assert _problems(data) == [f"{path}: missing; this field is required"]


def test_one_message_per_problem():
    data = case_data(**{"ecog": 7, "liver.ascites": "lots", "extra": 1})
    problems = _problems(data)
    assert len(problems) == 3
    assert {p.split(":")[0] for p in problems} == {"ecog", "liver.ascites", "extra"}


def test_not_json_and_not_an_object():
    with pytest.raises(CaseError, match="not valid JSON at line 1"):
        loads_case("{oops", "bad.json")
    with pytest.raises(CaseError, match="one JSON object, not an array"):
        loads_case("[]")


def test_tampered_final_decision_is_refused_naming_the_record():
    data = example_data("advanced-pvtt-conversion")
    data["decisions"][0]["recommendation"] = "Resect now."
    problems = _problems(data)
    assert len(problems) == 1
    assert problems[0].startswith("decisions[0] (meeting 2026-06-03, final): record_hash")


def test_a_sealed_chain_of_two_final_records_verifies_and_breaks_when_one_is_removed():
    data = example_data("advanced-pvtt-conversion")
    first = data["decisions"][0]
    second = seal({**data["decisions"][1], "amends": first["record_hash"]}, first["record_hash"])
    data["decisions"][1] = second
    parse_case(data)
    without_first = copy.deepcopy(data)
    del without_first["decisions"][0]
    assert "decisions[0]" in _problems(without_first)[0]


# Hypothesis: explicit strategies (it ignores pydantic pattern= constraints).
names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1, max_size=30,
)
positive = st.floats(min_value=0.1, max_value=30, allow_nan=False).map(lambda v: round(v, 2))


@st.composite
def valid_cases(draw) -> dict:
    unit = draw(st.sampled_from(["umol/L", "mg/dL"]))
    bilirubin = draw(st.floats(5, 500)) if unit == "umol/L" else draw(st.floats(0.3, 29))
    g_unit = draw(st.sampled_from(["g/L", "g/dL"]))
    albumin = draw(st.floats(10, 60)) if g_unit == "g/L" else draw(st.floats(1, 6))
    data = case_data(**{
        "patient.mrn": draw(names),
        "patient.name": draw(names),
        "ecog": draw(st.integers(0, 4)),
        "labs.bilirubin": {"value": round(bilirubin, 1), "unit": unit},
        "labs.albumin": {"value": round(albumin, 1), "unit": g_unit},
        "labs.inr": round(draw(st.floats(0.8, 6)), 2),
        "liver.ascites": draw(st.sampled_from(["none", "mild", "moderate_severe"])),
        "liver.encephalopathy": draw(st.sampled_from(["none", "grade_1_2", "grade_3_4"])),
        "tumor.nodules_cm": draw(st.lists(positive, min_size=1, max_size=8)),
        "tumor.portal_vein_invasion": draw(st.sampled_from(["none", "vp1", "vp2", "vp3", "vp4"])),
        "tumor.extrahepatic_spread": draw(st.booleans()),
    })
    if draw(st.booleans()):
        data["labs"]["creatinine"] = {"value": round(draw(st.floats(20, 900)), 1), "unit": "umol/L"}
    return data


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(valid_cases())
def test_generated_valid_cases_round_trip(data):
    data["patient"]["name"] = data["patient"]["name"].strip() or "x"
    data["patient"]["mrn"] = data["patient"]["mrn"].strip() or "x"
    case = parse_case(data)
    assert json.loads(dumps_case(case)) == data
    assert Case.model_validate(json.loads(dumps_case(case))) == case


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children,
                                                                       max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(valid_cases(), st.lists(st.tuples(st.sampled_from(
    ["ecog", "labs", "liver", "tumor", "patient", "assessed_on", "labs.bilirubin", "labs.inr",
     "tumor.nodules_cm", "liver.ascites", "imaging", "decisions", "history", "junk"]), json_values),
    max_size=3))
def test_mutated_cases_raise_only_the_case_error(data, mutations):
    for path, value in mutations:
        *parents, last = path.split(".")
        node = data
        for part in parents:
            node = node[part] if isinstance(node.get(part), dict) else node.setdefault(part, {})
            if not isinstance(node, dict):
                break
        else:
            node[last] = value
    problems: list[str] = []
    try:
        parse_case(data)
    except CaseError as exc:
        problems = exc.problems or ["<empty>"]
    assert all(isinstance(p, str) and p and p != "<empty>" for p in problems)


def test_follow_up_scan_must_measure_every_baseline_target_lesion():
    data = example_data("advanced-pvtt-conversion")
    del data["imaging"][2]["lesions"][1]
    problems = _problems(data)
    assert problems == [
        "the scan of 2026-10-20 does not measure baseline target lesion L2; record its viable "
        "diameter (0 when no viable tumour)"
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"ecog": 9}, "ecog：不接受 9：必须小于或等于 4"),
        ({"liver.ascites": "lots"}, "liver.ascites：不接受 \"lots\"；允许的取值："),
        ({"labs.albumin": {"value": 41, "unit": "g/dL"}},
         "labs.albumin：41 g/dL 超出 5-70 g/L（0.5-7 g/dL）范围，请检查单位"),
        ({"extra": 1}, "extra：未知字段（值 1）"),
    ],
)
def test_refusals_read_in_chinese(changes, expected):
    with pytest.raises(CaseError) as caught:
        parse_case(case_data(**changes), lang="zh_CN")
    assert any(p.startswith(expected) for p in caught.value.problems), caught.value.problems


def test_every_refusal_kind_the_model_raises_has_a_text():
    import re

    from desktop.logic.model.messages import text_table

    model_files = ("case.py", "fields.py", "labs.py", "decision.py")
    source = "".join(
        (REPO / "desktop" / "logic" / "model" / name).read_text(encoding="utf-8")
        for name in model_files
    )
    kinds = set(re.findall(r'refusal\(\s*"([a-z_]+)"', source))
    assert len(kinds) >= 15
    assert {f"case_error.{k}" for k in kinds} <= set(text_table())
