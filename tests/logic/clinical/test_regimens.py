"""The regimen catalogue: complete for the review's sections 3-5 and 7, every figure proven."""

import json
import re

import pytest

from desktop.logic.clinical.regimens import (
    Catalogue,
    CatalogueError,
    Regimen,
    load_catalogue,
)
from tests.conftest import review_text

SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
CONVERSION_IDS = [
    "tace",
    "haic-folfox",
    "haic-folfox-sorafenib",
    "haic-radiotherapy",
    "tace-haic",
    "sorafenib",
    "lenvatinib",
    "donafenib",
    "atezolizumab-bevacizumab",
    "lenvatinib-pd1",
    "tace-sorafenib",
    "tace-lenvatinib",
    "haic-lenvatinib-toripalimab",
    "tace-sbrt-avelumab",
    "y90-nivolumab",
    "tace-lenvatinib-camrelizumab",
    "haic-folfox-lenvatinib-pd1",
    "tace-lenvatinib-pembrolizumab",
    "tace-lenvatinib-toripalimab",
]
ADJUVANT_IDS = [
    "adjuvant-atezolizumab-bevacizumab",
    "adjuvant-pd1-monotherapy",
    "continue-preoperative-regimen",
    "adjuvant-after-folfox-haic-conversion",
    "adjuvant-sorafenib",
]


def review_body() -> str:
    return review_text().split("\nREFERENCES")[0]


def cited_refs(body: str) -> set[int]:
    """Every reference number the review cites in its text (^{23,24}, ²², ⁴⁴⁻⁴⁶)."""
    groups = re.findall(r"\^\{([0-9,\s–-]+)\}", body)
    groups += [g.translate(SUPERSCRIPT) for g in re.findall(r"[⁰¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*", body)]
    refs: set[int] = set()
    for group in groups:
        for part in group.split(","):
            low, _, high = part.strip().replace("–", "-").partition("-")
            refs.update(range(int(low), int(high or low) + 1))
    return refs


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", text)


def in_review_as_number(number: str, text: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\.?\d)", text) is not None


def all_entries() -> list:
    catalogue = load_catalogue()
    return [*catalogue.regimens, *catalogue.adjuvant]


def all_evidence() -> list[tuple[str, object]]:
    return [(entry.id, ev) for entry in all_entries() for ev in entry.evidence]


def test_catalogue_holds_every_regimen_of_the_review():
    catalogue = load_catalogue()
    assert [r.id for r in catalogue.regimens] == CONVERSION_IDS
    assert [a.id for a in catalogue.adjuvant] == ADJUVANT_IDS
    assert catalogue.version == "2026.12-1"


def test_default_catalogue_is_parsed_once():
    assert load_catalogue() is load_catalogue()


def test_by_id_finds_regimens_and_adjuvant_options():
    catalogue = load_catalogue()
    assert catalogue.by_id("haic-folfox-lenvatinib-pd1").name.en == (
        "HAIC (FOLFOX) + lenvatinib + PD-1 inhibitor"
    )
    assert catalogue.by_id("continue-preoperative-regimen").recommended is None
    assert catalogue.by_id("no-such-regimen") is None


def test_every_figure_stands_in_the_review_exactly():
    text = review_text()
    missing = [(rid, e.ref, f) for rid, e in all_evidence() for f in e.figures if f not in text]
    assert missing == []


def test_every_number_in_a_finding_stands_in_the_review():
    text = review_text()
    missing = [
        (rid, ev.ref, n)
        for rid, ev in all_evidence()
        for finding in (ev.finding.en, ev.finding.zh_CN)
        for n in numbers(finding)
        if not in_review_as_number(n, text)
    ]
    assert missing == []


def test_every_study_size_stands_in_the_review():
    text = review_text()
    sizes = [(rid, ev.size) for rid, ev in all_evidence() if ev.size is not None]
    assert sizes  # the review gives sizes for refs 22, 32, 53, 54, 59
    assert [(rid, s) for rid, s in sizes if not in_review_as_number(str(s), text)] == []


def test_every_ref_is_cited_in_the_review_text():
    cited = cited_refs(review_body())
    refs = {r for _, ev in all_evidence() for r in (ev.ref, *ev.cited_with)}
    refs |= {p.ref for entry in load_catalogue().regimens for p in entry.population}
    assert refs <= set(range(1, 92))
    assert sorted(refs - cited) == []


def test_citation_parser_reads_superscripts_and_ranges():
    assert cited_refs("study.²² more^{51,54,59-61} and ⁴⁴⁻⁴⁶ x^{9–11}") == {
        22,
        51,
        54,
        59,
        60,
        61,
        44,
        45,
        46,
        9,
        10,
        11,
    }


def test_every_trial_name_stands_in_the_review():
    flat = review_text().replace(" ", "").lower()
    trials = {ev.trial for _, ev in all_evidence() if ev.trial}
    assert {"FOHAIC-1", "IMbrave150", "START-FIT", "LEAP-012", "STORM", "IMbrave050"} <= trials
    assert sorted(t for t in trials if t.replace(" ", "").lower() not in flat) == []


@pytest.mark.parametrize(
    ("regimen_id", "ref", "figures"),
    [
        ("haic-folfox", 30, ("31.5%", "1.5%", "12.3%", "0.8%")),
        ("atezolizumab-bevacizumab", 41, ("30%", "8%", "22%", "18.1 months")),
        ("y90-nivolumab", 53, ("36", "41.7%", "11%", "31%")),
        ("tace-lenvatinib-camrelizumab", 54, ("68.2%", "22")),
        ("haic-folfox-lenvatinib-pd1", 55, ("60%", "50.5 days")),
        ("donafenib", 40, ("17%", "4.6%")),
    ],
)
def test_key_results_are_recorded(regimen_id, ref, figures):
    evidence = {e.ref: e for e in load_catalogue().by_id(regimen_id).evidence}
    assert evidence[ref].figures == figures


def test_ongoing_leap012_has_no_result_figures():
    (leap,) = load_catalogue().by_id("tace-lenvatinib-pembrolizumab").evidence
    assert (leap.ref, leap.trial, leap.figures) == (56, "LEAP-012", ())


def test_enrolment_is_filled_only_from_the_trials_own_papers():
    stated = {
        (r.id, p.ref, p.child_pugh_enrolled, p.ecog_enrolled)
        for r in load_catalogue().regimens
        for p in r.population
        if p.enrolled_source is not None
    }
    assert stated == {
        ("sorafenib", 38, ("A",), (0, 1)),  # REFLECT, sorafenib arm
        ("lenvatinib", 38, ("A",), (0, 1)),  # REFLECT
        ("lenvatinib", 39, ("A",), None),  # Kudo 2019: the title states Child-Pugh A
        ("atezolizumab-bevacizumab", 41, ("A",), (0, 1)),  # IMbrave150
        ("lenvatinib-pd1", 57, ("A",), (0, 1)),  # LEAP-002
    }
    sources = {
        p.ref: p.enrolled_source.en
        for r in load_catalogue().regimens
        for p in r.population
        if p.enrolled_source
    }
    assert "IMbrave150" in sources[41]
    assert "REFLECT" in sources[38]
    assert "LEAP-002" in sources[57]
    assert all("own publication" in text for text in sources.values())


def test_unstated_enrolment_reads_not_stated_in_the_review():
    regimen = load_catalogue().by_id("atezolizumab-bevacizumab")
    outputs = {p.ref: p.to_output() for p in regimen.population}
    assert outputs[41]["child_pugh_enrolled"] == ["A"]
    assert outputs[41]["ecog_enrolled"] == [0, 1]
    assert outputs[42]["child_pugh_enrolled"] is None
    assert outputs[42]["enrolled_source"] == "not stated in the review"
    assert regimen.population[1].to_output("zh_CN")["enrolled_source"] == "综述未说明"


def test_enrolment_without_its_source_is_refused():
    data = _catalogue_dict()
    data["regimens"][0]["population"][0]["child_pugh_enrolled"] = ["A"]
    with pytest.raises(ValueError, match="enrolled_source go together"):
        Catalogue.model_validate(data)


RANGE_REFS = {
    ("haic-folfox-sorafenib", 32),
    ("tace-sorafenib", 48),
    ("tace-lenvatinib", 49),
    ("haic-lenvatinib-toripalimab", 51),
    ("lenvatinib-pd1", 44),
}


def test_cross_study_ranges_are_labelled_as_such():
    ranges = {(rid, ev.ref) for rid, ev in all_evidence() if ev.design == "range_across_studies"}
    assert ranges == RANGE_REFS
    for _, ev in all_evidence():
        if "40.8" in ev.finding.en:
            assert ev.design == "range_across_studies"
            assert ev.trial is None  # never one trial's RCT result
            assert ev.finding.en.startswith("Range across studies of different combinations")
            assert ev.finding.zh_CN.startswith("多项不同联合方案研究的范围")
    out = load_catalogue().by_id("tace-sorafenib").evidence[0].to_output()
    assert out["design"] == "range across studies"


def test_refs_44_to_46_are_said_to_be_as_cited_by_the_review():
    (ev,) = [e for e in load_catalogue().by_id("lenvatinib-pd1").evidence if e.ref == 44]
    assert ev.cited_with == (45, 46)
    assert ev.finding.en.startswith("As cited by the review (refs 44-46")
    assert ev.finding.zh_CN.startswith("综述引用（文献44-46")


def test_leap012_and_imbrave050_are_dated_to_the_review():
    (leap,) = load_catalogue().by_id("tace-lenvatinib-pembrolizumab").evidence
    (imbrave050,) = load_catalogue().by_id("adjuvant-atezolizumab-bevacizumab").evidence
    for evidence in (leap, imbrave050):
        assert evidence.finding.en.startswith("At the time of the review (2024)")
        assert evidence.finding.zh_CN.startswith("截至综述发表时（2024年）")


def test_a_recommendation_needs_a_source():
    catalogue = load_catalogue()
    flagged = {a.id: a.recommended for a in catalogue.adjuvant if a.recommended is not None}
    assert flagged == {"adjuvant-sorafenib": False}
    data = _catalogue_dict()
    data["adjuvant"][0]["recommended"] = True
    with pytest.raises(ValueError, match="recommended true/false needs recommendation_source"):
        Catalogue.model_validate(data)


def test_triple_regimens_are_locoregional_plus_tki_plus_ici():
    triples = [r.id for r in load_catalogue().regimens if r.triple]
    assert triples == [
        "haic-lenvatinib-toripalimab",
        "tace-lenvatinib-camrelizumab",
        "haic-folfox-lenvatinib-pd1",
        "tace-lenvatinib-pembrolizumab",
        "tace-lenvatinib-toripalimab",
    ]


def test_review_adverse_events_are_attached_with_their_source():
    triple = load_catalogue().by_id("haic-folfox-lenvatinib-pd1")
    sources = {(a.term, a.source) for a in triple.adverse_events}
    assert ("alt_increased", "review section 5, ref 59") in sources
    assert ("hypothyroidism", "review section 5, refs 51, 54, 59-61") in sources
    lenvatinib = load_catalogue().by_id("lenvatinib")
    assert {a.source for a in lenvatinib.adverse_events} == {"drug label (lenvatinib)"}


def test_adjuvant_options_carry_duration_and_stop_rules():
    catalogue = load_catalogue()
    pd1 = catalogue.by_id("adjuvant-pd1-monotherapy")
    assert (pd1.duration_months, pd1.stop_rules) == (12, ("recurrence", "intolerable_toxicity"))
    assert pd1.agents == (
        "pembrolizumab",
        "sintilimab",
        "camrelizumab",
        "toripalimab",
        "tislelizumab",
    )
    assert catalogue.by_id("adjuvant-atezolizumab-bevacizumab").duration_months == 12
    sorafenib = catalogue.by_id("adjuvant-sorafenib")
    assert sorafenib.recommended is False
    assert "STORM" in sorafenib.recommendation_source.en
    assert [(e.ref, e.trial) for e in sorafenib.evidence] == [(79, "STORM"), (90, None)]


@pytest.mark.parametrize(
    ("regimen_id", "agent", "agent_class", "expected"),
    [
        ("haic-folfox-lenvatinib-pd1", "lenvatinib", "tki", "lenvatinib"),
        ("haic-folfox-lenvatinib-pd1", "sintilimab", "ici", "pd-1 inhibitor"),
        ("haic-folfox-lenvatinib-pd1", "oxaliplatin", "chemotherapy", "haic-folfox"),
        ("haic-folfox-lenvatinib-pd1", "sorafenib", "tki", None),
        ("tace-lenvatinib-camrelizumab", "sintilimab", "ici", None),
        ("tace-lenvatinib-camrelizumab", "pd-1 inhibitor", "ici", "camrelizumab"),
        ("haic-radiotherapy", "haic-folfox", "haic", "haic"),
        ("sorafenib", "unknown-drug", None, None),
    ],
)
def test_component_for_matches_by_name_then_by_generic_class(
    regimen_id, agent, agent_class, expected
):
    regimen = load_catalogue().by_id(regimen_id)
    assert isinstance(regimen, Regimen)
    assert regimen.component_for(agent, agent_class) == expected


def _catalogue_dict() -> dict:
    return load_catalogue().model_dump(mode="json", by_alias=True)


def test_catalogue_file_roundtrips(tmp_path):
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(_catalogue_dict()), encoding="utf-8")
    assert load_catalogue(path) == load_catalogue()


def test_wrong_triple_flag_is_refused(tmp_path):
    data = _catalogue_dict()
    data["regimens"][0]["triple"] = True
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CatalogueError, match="tace: triple must be False"):
        load_catalogue(path)


def test_duplicate_id_is_refused():
    data = _catalogue_dict()
    data["regimens"].append(data["regimens"][0])
    with pytest.raises(ValueError, match="'tace' appears twice"):
        Catalogue.model_validate(data)


def test_unreadable_catalogue_names_the_file(tmp_path):
    path = tmp_path / "absent.json"
    with pytest.raises(CatalogueError, match="absent.json: cannot read"):
        load_catalogue(path)


def test_every_figure_is_stated_in_the_finding_of_both_languages():
    """The app shows the finding, not the raw figures list, so each figure must be in it."""
    missing = []
    for regimen in [*load_catalogue().regimens, *load_catalogue().adjuvant]:
        for evidence in regimen.evidence:
            for lang in ("en", "zh_CN"):
                finding = evidence.finding.render(lang)
                for figure in evidence.figures:
                    for number in re.findall(r"\d+(?:\.\d+)?", figure):
                        if number not in finding:
                            missing.append((regimen.id, evidence.ref, lang, figure))
    assert not missing
