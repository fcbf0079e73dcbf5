"""The three shared examples evaluated end to end, with their published answers."""

import pytest

from desktop.logic.case_io import parse_case
from desktop.logic.evaluation import evaluate, evaluation_output, summary_columns
from desktop.logic.regimens import load_catalogue
from tests.conftest import example_data


def _output(name: str, lang: str = "en") -> dict:
    return evaluation_output(evaluate(parse_case(example_data(name))), lang)


def test_advanced_pvtt_case():
    out = _output("advanced-pvtt-conversion")
    assert out["format"] == "hcc-mdt-evaluation/1"
    assert (out["child_pugh"]["points"], out["child_pugh"]["class"]) == (5, "A")
    assert out["albi"]["score"] == -2.66
    assert out["albi"]["grade"] == "1"
    assert (out["meld"]["meld"], out["meld"]["meld_na"]) == (7, 7)
    assert out["bclc"]["stage"] == "C"
    assert out["cnlc"]["stage"] == "IIIa"
    assert out["staging_discordance"]
    assert out["up_to_seven"] == {**out["up_to_seven"], "within": False, "value": 10.5}
    response = out["response"]
    assert [t["sum_mm"] for t in response["timepoints"]] == [105, 64, 31]
    assert [t["category"] for t in response["timepoints"]] == ["baseline", "PR", "PR"]
    assert (response["current"], response["best"]) == ("PR", "PR")
    assert out["surgery"]["earliest_date"] == "2026-11-06"
    assert out["surgery"]["flr_ok"] is False
    chosen = next(r for r in out["regimens"] if r["id"] == "haic-folfox-lenvatinib-pd1")
    assert chosen["verdict"] == "caution"
    assert any("ALT" in reason or "alt" in reason for reason in chosen["reasons"])


def test_decompensated_case():
    out = _output("decompensated-high-bleeding-risk")
    assert (out["child_pugh"]["points"], out["child_pugh"]["class"]) == (8, "B")
    assert out["albi"]["score"] == -1.37
    assert out["albi"]["grade"] == "3"
    assert (out["meld"]["meld"], out["meld"]["meld_na"]) == (16, 21)
    assert out["bclc"]["stage"] == "C"
    assert out["cnlc"]["stage"] == "IIIa"
    verdicts = {r["id"]: r["verdict"] for r in out["regimens"]}
    bevacizumab = [r["id"] for r in out["regimens"]
                   if any(c["name"] == "bevacizumab" for c in r["components"])]
    assert bevacizumab
    assert all(verdicts[i] == "contraindicated" for i in bevacizumab)
    assert out["response"] is None
    assert out["surgery"]["flr_ok"] is None


def test_intermediate_multinodular_case():
    out = _output("intermediate-multinodular")
    assert (out["child_pugh"]["points"], out["child_pugh"]["class"]) == (5, "A")
    assert out["albi"]["score"] == -2.30
    assert out["albi"]["grade"] == "2a"
    assert (out["meld"]["meld"], out["meld"]["meld_na"]) == (8, 8)
    assert out["bclc"]["stage"] == "B"
    assert out["cnlc"]["stage"] == "IIb"
    assert out["staging_discordance"]
    assert out["up_to_seven"]["within"] is False
    assert out["up_to_seven"]["value"] == 9.5
    assert out["milan"]["within"] is False


@pytest.mark.parametrize(
    "name",
    ["advanced-pvtt-conversion", "decompensated-high-bleeding-risk", "intermediate-multinodular"],
)
def test_every_catalogue_regimen_has_a_verdict_with_reasons(name):
    out = _output(name)
    catalogue_ids = [r.id for r in load_catalogue().regimens]
    assert [r["id"] for r in out["regimens"]] == catalogue_ids
    for regimen in out["regimens"]:
        assert regimen["verdict"] in ("suitable", "caution", "contraindicated")
        assert regimen["reasons"]
        assert all(isinstance(c["class"], str) for c in regimen["components"])


def test_chinese_output_renders_every_sentence_in_chinese():
    out = _output("advanced-pvtt-conversion", "zh_CN")
    sentences = out["child_pugh"]["why"] + out["bclc"]["why"] + out["surgery"]["blockers"]
    assert sentences
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in s) for s in sentences), sentences


def test_summary_columns_for_the_case_list():
    columns = summary_columns(parse_case(example_data("advanced-pvtt-conversion")))
    assert columns == {"bclc": "C", "cnlc": "IIIa", "child_pugh": "A5", "status": "draft decision"}
