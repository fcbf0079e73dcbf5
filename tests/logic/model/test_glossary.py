"""The clinical glossary: every term in both languages, stages as the guidelines write them,
every agent of the catalogue and every rule source translated."""

import json
import re

import pytest

from desktop.logic.clinical.regimens import load_catalogue, regimen_text
from desktop.logic.clinical.timing import agent_catalogue
from desktop.logic.model.messages import Translated, agent_term, msg, term, text_table
from desktop.logic.model.paths import resource
from desktop.logic.model.rules import default_rules

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def glossary() -> dict[str, dict[str, str]]:
    return json.loads(resource("text/glossary.json").read_text(encoding="utf-8"))


def test_every_glossary_term_has_english_and_chinese():
    for key, texts in glossary().items():
        assert key.startswith("term."), key
        assert texts.get("en", "").strip(), key
        assert texts.get("zh_CN", "").strip(), key


@pytest.mark.parametrize(
    ("stage", "chinese"),
    [
        ("0", "BCLC 0期（极早期）"),
        ("A", "BCLC A期（早期）"),
        ("B", "BCLC B期（中期）"),
        ("C", "BCLC C期（晚期）"),
        ("D", "BCLC D期（终末期）"),
    ],
)
def test_bclc_stages_read_as_the_chinese_translations_write_them(stage, chinese):
    assert term(f"term.bclc.{stage}", "zh_CN") == chinese


@pytest.mark.parametrize("stage", ["Ia", "Ib", "IIa", "IIb", "IIIa", "IIIb", "IV"])
def test_cnlc_stages_read_as_the_chinese_guideline_writes_them(stage):
    assert term(f"term.cnlc.{stage}", "zh_CN") == f"CNLC {stage}期"
    assert term(f"term.cnlc.{stage}", "en") == f"CNLC {stage}"


@pytest.mark.parametrize(
    ("key", "chinese"),
    [
        ("term.class.tace", "经动脉化疗栓塞（TACE）"),
        ("term.class.haic", "肝动脉灌注化疗（HAIC）"),
        ("term.clinical.hcc", "肝细胞癌（HCC）"),
        ("term.clinical.conversion_therapy", "转化治疗"),
        ("term.clinical.pvtt", "门静脉癌栓（PVTT）"),
        ("term.response.orr", "客观缓解率（ORR）"),
        ("term.response.PR", "部分缓解（PR）"),
        ("term.score.child_pugh", "Child-Pugh分级"),
        ("term.decision_field.recommendation", "MDT建议"),
        ("term.decision_status.final", "已定稿"),
    ],
)
def test_guideline_terms(key, chinese):
    assert term(key, "zh_CN") == chinese


def test_every_agent_of_the_catalogue_has_a_chinese_name():
    names = set(agent_catalogue()) | {n.lower() for n in load_catalogue().component_names}
    missing = [n for n in sorted(names) if isinstance(agent_term(n), str)]
    assert missing == []
    for name in names:
        assert CHINESE.search(agent_term(name).render("zh_CN")), name


def test_every_regimen_reads_by_its_catalogue_name():
    for regimen in load_catalogue().regimens:
        text = regimen_text(regimen.id)
        assert isinstance(text, Translated)
        assert CHINESE.search(text.render("zh_CN")), regimen.id
        assert text.render("en") == regimen.name.en
    assert regimen_text("not-in-the-catalogue") == "not-in-the-catalogue"


def test_every_rule_source_has_a_chinese_translation():
    rules = default_rules()
    for rule_id, entry in rules.rules.items():
        assert CHINESE.search(entry.source_zh_CN or ""), rule_id
        assert entry.source_in("zh_CN") == entry.source_zh_CN
        assert entry.source_in("en") == entry.source


def test_a_rule_without_chinese_source_falls_back_to_english():
    assert Translated("review section 2").render("zh_CN") == "review section 2"
    assert Translated("review section 2", "综述第2节").render("zh_CN") == "综述第2节"


def test_a_source_parameter_renders_in_the_readers_language():
    entry = default_rules().entry("tki.hypertension")
    message = msg("timing.source_published", source=entry.source_text)
    assert message.render("zh_CN") == "酪氨酸激酶抑制剂说明书：用药前应控制血压"
    assert message.render("en") == "TKI labels: control blood pressure before starting"


def test_every_text_template_has_chinese():
    missing = [key for key, texts in text_table().items() if not texts.get("zh_CN")]
    assert missing == []
