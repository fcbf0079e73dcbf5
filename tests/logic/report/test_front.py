"""The summary's first page is the decision; the basis follows; regimens neither chosen nor
flagged shrink to one table of names."""

import pypdf
import pytest

from desktop.logic.clinical import load_catalogue, verdict_label
from desktop.logic.clinical.evaluation import evaluate
from desktop.logic.model.case import Case
from desktop.logic.model.messages import msg, term
from desktop.logic.report.summary import write_meeting_pack, write_summary_pdf
from tests.logic.clinical.safety_cases import COMPLETE, HBV_TREATED
from tests.logic.report.test_summary import flat, pdf_text

RECENT = {  # every safety input recorded and recent as of the meeting (2026-11-25)
    **{path: value for path, value in COMPLETE.items() if not path.startswith("labs.")},
    **HBV_TREATED,
    "virology.hbv_dna_date": "2026-11-01",
    "liver.varices_assessed_on": "2026-10-01",
}


def _set(data: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


@pytest.fixture
def draft_case(pvtt_case_data) -> Case:
    """The example's latest record as a draft with a recommendation, every safety input
    recorded (so that some regimens are suitable and others flagged)."""
    draft = pvtt_case_data["decisions"][1]
    draft["recommendation"] = "Resect after the lenvatinib washout."
    for path, value in RECENT.items():
        _set(pvtt_case_data, path, value)
    return Case.model_validate(pvtt_case_data)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_first_page_is_the_decision(draft_case, tmp_path, lang):
    path = write_summary_pdf(draft_case, tmp_path / f"{lang}.pdf", lang=lang)
    first = flat(pdf_text(path, 1))
    catalogue = load_catalogue()
    regimen_id = "haic-folfox-lenvatinib-pd1"
    regimen = catalogue.by_id(regimen_id).name.render(lang)
    chosen = next(v for v in evaluate(draft_case).regimens if v.regimen.id == regimen_id)
    verdict = verdict_label(chosen.verdict, chosen.checks_not_done).render(lang)
    expected = [
        msg("report.heading.decision").render(lang),
        "Partial response by mRECIST: resect now or continue?",
        "Resect after the lenvatinib washout.",
        msg("report.decision.regimen_verdict", regimen=regimen, verdict=verdict).render(lang),
        term("term.timing.opportunistic", lang),
        msg("report.decision.timing_earliest", date="2026-11-06").render(lang),
        catalogue.by_id("continue-preoperative-regimen").name.render(lang),
        msg("report.value.months", months=6).render(lang),
        "stop on recurrence or grade >= 3 toxicity",
        "Zhao Hong (medical oncologist)",
    ]
    assert [text for text in expected if flat(text) not in first] == []
    # the findings (liver function, tumour, response) begin on page 2: their labels are absent
    for findings in ("report.label.albumin", "report.heading.tumour", "report.heading.response"):
        assert flat(msg(findings).render(lang)) not in first
    assert flat(pdf_text(path, 2)).startswith(flat(msg("report.heading.basis").render(lang)))


def test_a_draft_says_which_sealed_record_is_in_force(draft_case, tmp_path):
    first = flat(pdf_text(write_summary_pdf(draft_case, tmp_path / "s.pdf"), 1))
    note = msg("report.decision.draft_note", date="2026-06-03").render("en")
    assert flat(note) in first


def test_no_decision_says_so_on_the_first_page(pvtt_case_data, tmp_path):
    pvtt_case_data["decisions"] = []
    case = Case.model_validate(pvtt_case_data)
    first = pdf_text(write_summary_pdf(case, tmp_path / "s.pdf"), 1)
    assert "No MDT decision recorded yet." in first


def test_unflagged_regimens_not_chosen_are_names_only(draft_case, tmp_path):
    evaluation = evaluate(draft_case)
    chosen = draft_case.decisions[-1].regimen_id
    unflagged = [v for v in evaluation.regimens if v.verdict == "suitable"]
    flagged = [v for v in evaluation.regimens if v.verdict != "suitable" and v.regimen.id != chosen]
    assert len(unflagged) > 3  # the case has both kinds
    assert flagged
    text = flat(pdf_text(write_summary_pdf(draft_case, tmp_path / "s.pdf")))
    for verdict in unflagged:
        assert flat(verdict.regimen.name.render("en")) in text
    # a suitable regimen not chosen is a name only: no "every check ran" line of its own
    assert flat(msg("report.regimen.all_ok").render("en")) not in text
    for verdict in flagged:  # a flagged one keeps its first finding or check not done
        first = next(c for c in verdict.checks if c.outcome != "ok")
        assert flat(first.rule) in text
    assert flat(msg("report.regimen.unflagged").render("en")) in text


def test_each_case_of_a_pack_opens_with_its_decision(draft_case, multinodular_case_data, tmp_path):
    cases = [("a", draft_case), ("b", Case.model_validate(multinodular_case_data))]
    path = write_meeting_pack(cases, tmp_path / "p.pdf", meeting_date="2026-11-25")
    count = len(pypdf.PdfReader(str(path)).pages)
    pages = [flat(pdf_text(path, n)) for n in range(2, count + 1)]
    openings = [
        page for page in pages if flat("Case 1 of 2") in page or flat("Case 2 of 2") in page
    ]
    assert len(openings) == 2
    assert all(flat("MDT decision") in page for page in openings)
    assert all(flat("Liver function") not in page for page in openings)
