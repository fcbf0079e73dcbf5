"""Adjuvant options: all of them, with evidence, stop rules and notes that depend on the case."""

import pytest

from desktop.logic.clinical.adjuvant import adjuvant_options
from desktop.logic.clinical.regimens import load_catalogue
from desktop.logic.model.case_io import parse_case
from tests.conftest import example_data
from tests.factories import make_case

CATALOGUE = load_catalogue()
FOLFOX_HAIC = "adjuvant-after-folfox-haic-conversion"


def outputs(case, lang="en") -> dict[str, dict]:
    return {o.spec.id: o.to_output(lang) for o in adjuvant_options(case, CATALOGUE)}


def notes(case, option_id, lang="en") -> list[str]:
    return outputs(case, lang)[option_id]["notes"]


def test_every_option_is_returned_in_catalogue_order():
    ids = [o.spec.id for o in adjuvant_options(make_case(), CATALOGUE)]
    assert ids == [a.id for a in CATALOGUE.adjuvant]
    assert "continue-preoperative-regimen" in ids


def test_option_output_shape():
    out = outputs(make_case())["adjuvant-pd1-monotherapy"]
    assert out["name"] == "PD-1 inhibitor monotherapy for 12 months"
    assert out["components"] == [{"name": "pd-1 inhibitor", "class": "ici"}]
    assert out["agents"] == [
        "pembrolizumab",
        "sintilimab",
        "camrelizumab",
        "toripalimab",
        "tislelizumab",
    ]
    assert out["duration_months"] == 12
    assert out["stop_rules"] == ["stop on recurrence", "stop on severe intolerable toxicity"]
    assert [e["ref"] for e in out["evidence"]] == [91, 78]
    # No source in the review recommends it: no "recommended" flag (catalogue corrections).
    assert (out["recommended"], out["recommendation_source"]) == (None, None)


def test_stop_rules_render_in_chinese():
    out = outputs(make_case(), "zh_CN")["adjuvant-pd1-monotherapy"]
    assert out["stop_rules"] == ["出现复发时停药", "出现严重不可耐受的不良反应时停药"]
    assert out["name"] == "PD-1抑制剂单药12个月"


def test_atezolizumab_bevacizumab_is_12_months_from_imbrave050():
    out = outputs(make_case())["adjuvant-atezolizumab-bevacizumab"]
    assert (out["duration_months"], out["evidence"][0]["ref"], out["evidence"][0]["trial"]) == (
        12,
        84,
        "IMbrave050",
    )
    assert out["notes"][0].startswith("The review reports this evidence without recommending")
    assert out["notes"][1].startswith("The review gives no stop rule for this option")
    assert out["evidence"][0]["finding"].startswith("At the time of the review (2024):")


def test_adjuvant_sorafenib_is_advised_against_with_its_source():
    out = outputs(make_case())["adjuvant-sorafenib"]
    assert out["recommended"] is False
    assert out["recommendation_source"].startswith("review section 7: the failed STORM trial")
    assert out["notes"] == [
        "Advised against (review section 7: the failed STORM trial shows that adjuvant sorafenib "
        "is unsatisfactory after surgery, with no definite survival benefit (refs 79, 80)); "
        "listed with its evidence for the record."
    ]


def test_no_option_carries_a_recommendation_without_its_source():
    for out in outputs(make_case()).values():
        assert (out["recommended"] is None) is (out["recommendation_source"] is None)
    assert {oid for oid, out in outputs(make_case()).items() if out["recommended"]} == set()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"tumor.portal_vein_invasion": "none"}, False),
        ({"tumor.portal_vein_invasion": "vp1"}, True),
        ({"tumor.portal_vein_invasion": "vp4"}, True),
        ({"tumor.hepatic_vein_invasion": "none"}, False),
        ({"tumor.hepatic_vein_invasion": "vv1"}, True),
    ],
)
def test_folfox_haic_note_on_macrovascular_invasion(changes, expected):
    note = (
        "Macrovascular invasion recorded: the subgroup with the largest benefit of adjuvant "
        "therapy in ref 77."
    )
    assert (note in notes(make_case(**changes), FOLFOX_HAIC)) is expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"etiology": ["hbv"]}, True),
        ({"etiology": ["hcv"]}, False),
        ({"etiology": []}, False),
        ({"virology.hbsag_positive": True}, True),
        ({"virology.hbsag_positive": False}, False),
    ],
)
def test_folfox_haic_note_on_hbv(changes, expected):
    found = any("HBsAg" in n for n in notes(make_case(**changes), FOLFOX_HAIC))
    assert found is expected


@pytest.mark.parametrize(
    ("treatments", "expected_start"),
    [
        ([], "No HAIC-based conversion therapy recorded"),
        ([{"regimen": "haic-folfox-lenvatinib-pd1"}], "This case received HAIC-based"),
        ([{"regimen": "lenvatinib-pd1"}], "No HAIC-based conversion therapy recorded"),
        (
            [{"regimen": "local-protocol", "agents": [{"name": "HAIC-FOLFOX"}]}],
            "This case received",
        ),
    ],
)
def test_folfox_haic_note_on_the_conversion_received(treatments, expected_start):
    found = notes(make_case(treatments=treatments), FOLFOX_HAIC)
    assert [n for n in found if n.startswith(expected_start)]
    assert not [n for n in found if n.startswith("This case") and not n.startswith(expected_start)]


def test_continue_preoperative_regimen_names_the_recorded_regimen():
    case = parse_case(example_data("advanced-pvtt-conversion"))
    assert "Pre-operative regimen on record: HAIC (FOLFOX) + lenvatinib + PD-1 inhibitor." in notes(
        case, "continue-preoperative-regimen"
    )
    assert (
        "No pre-operative regimen recorded: there is nothing to continue until one is entered."
        in (notes(make_case(), "continue-preoperative-regimen"))
    )


@pytest.mark.parametrize(
    ("field", "word"),
    [
        ("history.autoimmune_disease_active", "autoimmune"),
        ("history.organ_transplant", "transplant"),
    ],
)
def test_ici_options_note_ici_exclusions(field, word):
    results = outputs(make_case(**{field: True}))
    for option_id in ("adjuvant-atezolizumab-bevacizumab", "adjuvant-pd1-monotherapy"):
        assert any(word in n for n in results[option_id]["notes"])
    assert not any(word in n for n in results["adjuvant-sorafenib"]["notes"])
    assert not any(word in n for n in outputs(make_case())["adjuvant-pd1-monotherapy"]["notes"])


def test_pcr_question_is_raised_for_every_option_not_advised_against():
    results = outputs(make_case())
    with_pcr = {oid for oid, out in results.items() if any("pCR" in n for n in out["notes"])}
    assert with_pcr == {oid for oid, out in results.items() if out["recommended"] is not False}
    assert "adjuvant-sorafenib" not in with_pcr
