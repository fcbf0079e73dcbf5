"""The de-identified copy: identity gone from structured fields, free text omitted (or redacted
on request), everything else unchanged, still a valid hcc-mdt-case/1 case."""

import json

import pytest

from desktop.logic.clinical import evaluate, evaluation_output
from desktop.logic.model import parse_case
from desktop.logic.model.case import Case
from desktop.logic.model.records import seal
from desktop.logic.report.deidentify import (
    OMITTED,
    DeidentifyOptions,
    deidentify_case,
    free_text_fields,
)
from desktop.logic.report.layout import pseudonym
from desktop.logic.report.summary import write_summary_pdf
from tests.factories import json_leaves
from tests.logic.report.test_summary import pdf_text

FREE_TEXT = {
    "question": "Maria Lopez (H-778899): resect after 2 cycles?",
    "recommendation": "LOPEZ, MARIA born 02/04/1961: continue; restage 2026-12-20",
    "dissent": "Dr Chen: Lopez should wait",
    "reopen_conditions": ["AFP 12 ng/mL rise", "new lesion in H778899's liver"],
    "adjuvant_plan": {"option": "continue-preoperative-regimen", "notes": "2 April 1961 pt"},
    "overrides": [
        {
            "item": "bclc",
            "computed": "C",
            "chosen": "B",
            "reason": "Maria  Lopez ECOG 1",
            "by": "Chen Jie",
        }
    ],
    "follow_up": {"status": "not_done", "reason": "patient moved; 1961年4月2日"},
}


@pytest.fixture
def data(pvtt_case_data):
    """The PVTT example as Maria Lopez, with every free-text field naming her, re-sealed."""
    pvtt_case_data["patient"] = {
        "mrn": "H-778899",
        "name": "Maria Lopez",
        "sex": "female",
        "birth_date": "1961-04-02",
    }
    pvtt_case_data["case_id"] = "H-778899"
    pvtt_case_data["planned_surgery_date"] = "2026-12-20"
    first = {**pvtt_case_data["decisions"][0], **FREE_TEXT}
    first = seal({k: v for k, v in first.items() if k != "record_hash"}, "")
    second = dict(first, meeting_date="2026-11-25", amends=first["record_hash"])
    second = seal({k: v for k, v in second.items() if k != "record_hash"}, first["record_hash"])
    pvtt_case_data["decisions"] = [first, second]
    return pvtt_case_data


@pytest.fixture
def case(data):
    return parse_case(data)


def _text(case):
    return json.dumps(case.to_json_dict(), ensure_ascii=False)


def test_default_copy_omits_every_free_text_field_and_lists_each(case):
    copy = deidentify_case(case)
    text = _text(copy.case)
    for value in (v for v in json_leaves(FREE_TEXT) if isinstance(v, str)):
        if value not in ("continue-preoperative-regimen", "bclc", "C", "B", "not_done", "Chen Jie"):
            assert value not in text
    for identifier in ("Maria", "Lopez", "778899", "1961"):
        assert identifier not in text
    paths = [path for path, _, _ in free_text_fields(copy.case.to_json_dict()["decisions"])]
    assert len(paths) == 16
    assert copy.report.omitted == paths
    decisions = copy.case.to_json_dict()["decisions"]
    assert {holder[key] for _, holder, key in free_text_fields(decisions)} == {OMITTED}


def test_the_copy_is_a_valid_case_whose_chain_verifies_and_amends_follows(case):
    copy = deidentify_case(case)
    parsed = parse_case(copy.case.to_json_dict())
    first, second = parsed.decisions
    assert second.amends == first.record_hash
    assert first.record_hash != case.decisions[0].record_hash
    assert copy.report.resealed == ["decisions[0]", "decisions[1]"]


def test_structured_identifiers_are_replaced_and_nothing_else_changes(case, data):
    copy = deidentify_case(case).case.to_json_dict()
    alias = pseudonym(case)
    assert copy["patient"] == {
        "mrn": alias.removeprefix("Patient "),
        "name": alias,
        "sex": "female",
    }
    assert copy["case_id"] == alias.replace(" ", "-")
    original = case.to_json_dict()
    for masked in (original, copy):
        masked.pop("patient")
        masked.pop("case_id")
        for record in masked["decisions"]:
            for key in ("record_hash", "amends"):
                record.pop(key, None)
            for _, holder, key in free_text_fields([record]):
                holder[key] = "(free text)"
    assert copy == original
    assert copy["planned_surgery_date"] == "2026-12-20"


def test_evaluation_of_the_copy_equals_the_evaluation_of_the_case(case):
    copy = deidentify_case(case).case
    assert evaluation_output(evaluate(copy), "en") == evaluation_output(evaluate(case), "en")


def test_included_free_text_is_redacted_and_otherwise_unchanged(case):
    copy = deidentify_case(case, DeidentifyOptions(include_free_text=True))
    alias = pseudonym(case)
    first = copy.case.decisions[0]
    assert first.question == f"{alias} ([MRN]): resect after 2 cycles?"
    assert first.recommendation == f"{alias} born [birth date]: continue; restage 2026-12-20"
    assert first.dissent == f"Dr Chen: {alias} should wait"
    assert first.reopen_conditions == ["AFP 12 ng/mL rise", "new lesion in [MRN]'s liver"]
    assert first.adjuvant_plan.notes == "[birth date] pt"
    assert first.overrides[0].reason == f"{alias} ECOG 1"
    assert first.follow_up.reason == "patient moved; [birth date]"
    assert copy.report.omitted == []
    assert copy.report.redacted["decisions[0].question"] == {"name": 1, "mrn": 1}
    assert "decisions[1].overrides[0].reason" in copy.report.redacted


def test_report_lines_name_paths_and_counts_never_values(case):
    copy = deidentify_case(case, DeidentifyOptions(include_free_text=True, attendees=True))
    for lang in ("en", "zh_CN"):
        report = copy.report.text(lang)
        for value in ("Maria", "Lopez", "778899", "1961", "Li Ming", "Chen", "Zhao"):
            assert value not in report
    assert "decisions[0].question: 2 redacted (MRN 1, name 1)" in copy.report.lines()


def test_attendees_are_renamed_consistently_on_request(case):
    kept = deidentify_case(case).case.decisions[0]
    assert [a.name for a in kept.attendees] == ["Li Ming", "Zhao Hong", "Chen Jie", "Sun Li"]
    copy = deidentify_case(case, DeidentifyOptions(include_free_text=True, attendees=True))
    first = copy.case.decisions[0]
    assert [a.name for a in first.attendees] == [f"Attendee {n}" for n in (1, 2, 3, 4)]
    assert [a.role for a in first.attendees] == [a.role for a in kept.attendees]
    assert first.signed_by[0].name == "Attendee 1"
    assert first.overrides[0].by == "Attendee 3"  # Chen Jie
    assert first.dissent.startswith("Dr Attendee 3:")
    assert copy.report.attendees == 4


@pytest.mark.parametrize("mrn", ["1", "12", "H1"])
def test_a_short_mrn_never_rewrites_clinical_text(case, data, mrn, tmp_path):
    data["patient"]["mrn"] = mrn
    short = Case.model_validate(data)
    copy = deidentify_case(short, DeidentifyOptions(include_free_text=True))
    first = copy.case.decisions[0]
    assert first.reopen_conditions[0] == "AFP 12 ng/mL rise"
    assert first.question.endswith("resect after 2 cycles?")
    assert copy.case.planned_surgery_date.isoformat() == "2026-12-20"
    assert ("patient.mrn", len(mrn)) in copy.report.unsearched
    text = pdf_text(write_summary_pdf(copy, tmp_path / "s.pdf"))
    assert "2026-12-20" in text
    assert "AFP 12 ng/mL rise" in text
    assert "Patient " + pseudonym(short).split()[1] + "-20" not in text


def test_a_two_letter_name_is_found_only_whole_or_after_a_title(data):
    data["patient"]["name"] = "Li Na"
    record = {k: v for k, v in data["decisions"][0].items() if k != "record_hash"}
    record["question"] = "Li Na (NA, LI): Na 138, Li 0.8; Ms Li agrees"
    data["decisions"] = [seal(record, "")]
    copy = deidentify_case(parse_case(data), DeidentifyOptions(include_free_text=True))
    alias = copy.alias
    assert (
        copy.case.decisions[0].question == f"{alias} ({alias}): Na 138, Li 0.8; Ms {alias} agrees"
    )
