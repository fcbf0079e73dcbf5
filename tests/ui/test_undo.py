"""Undoable edits of the case under edit: valid cases only, undo and redo restore exactly."""

import pytest

from desktop.ui.undo import CaseDocument, value_at, with_value
from tests.factories import make_case


@pytest.fixture
def document(qapp):
    return CaseDocument(make_case())


def test_a_valid_edit_changes_the_case_and_undo_restores_it(document):
    assert document.propose("labs.inr", 1.8) == []
    assert document.case.labs.inr == 1.8
    document.undo_stack.undo()
    assert document.case.labs.inr == 1.0
    document.undo_stack.redo()
    assert document.case.labs.inr == 1.8


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        ("labs.inr", 20.0, ["INR", "20"]),
        ("labs.albumin", {"value": 41, "unit": "g/dL"}, ["Albumin", "41", "g/dL", "5-70 g/L"]),
        ("liver.ascites", "lots", ["Ascites", '"lots"', "allowed"]),
        ("labs.bilirubin", None, ["Total bilirubin", "required"]),
    ],
)
def test_an_invalid_edit_is_refused_with_field_value_and_what_is_allowed(
    document, path, value, words
):
    before = document.data
    problems = document.propose(path, value)
    assert len(problems) >= 1
    for word in words:
        assert word in problems[0]
    assert path not in problems[0]  # the reader's words, never the field path
    assert document.data == before
    assert document.undo_stack.count() == 0


def test_typing_in_one_field_merges_into_one_undo_step(document):
    for inr in (1.1, 1.2, 1.25):
        document.propose("labs.inr", inr)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.case.labs.inr == 1.0


def test_edits_of_different_fields_are_separate_undo_steps(document):
    document.propose("labs.inr", 1.3)
    document.propose("ecog", 1)
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert (document.case.ecog, document.case.labs.inr) == (0, 1.3)


def test_none_removes_an_optional_key_and_undo_puts_it_back(qapp):
    document = CaseDocument(make_case(**{"liver.varices": "small"}))
    assert document.propose("liver.varices", None) == []
    assert "varices" not in document.data["liver"]
    document.undo_stack.undo()
    assert document.data["liver"]["varices"] == "small"


def test_adding_and_removing_list_items_is_undoable(document):
    scan = {"date": "2026-06-01", "modality": "MRI", "criteria": "mRECIST", "lesions": []}
    assert document.add_item("imaging", scan) == []
    assert document.add_item("imaging.0.lesions", {"id": "L1", "viable_diameter_mm": 30.0}) == []
    assert document.case.imaging[0].lesions[0].viable_diameter_mm == 30
    assert document.remove_item("imaging.0.lesions", 0) == []
    assert document.case.imaging[0].lesions == []
    document.undo_stack.undo()
    assert document.case.imaging[0].lesions[0].id == "L1"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.case.imaging == []


def test_a_list_item_that_breaks_the_case_is_refused(document):
    bad = {"date": "2026-13-01", "modality": "MRI", "criteria": "mRECIST"}
    problems = document.add_item("imaging", bad)
    assert problems[0].startswith("Scan 1: Scan date: ")
    assert document.case.imaging == []


def test_invalid_fields_are_counted_until_cleared(document):
    counts = []
    document.invalidCountChanged.connect(counts.append)
    document.mark_invalid("labs.inr", ["labs.inr: bad"])
    document.mark_invalid("ecog", ["ecog: bad"])
    document.clear_invalid("labs.inr")
    assert counts == [1, 2, 1]
    assert list(document.invalid_fields()) == ["ecog"]


def test_dotted_paths_read_and_write_nested_values():
    data = {"imaging": [{"lesions": [{"id": "L1"}]}]}
    assert value_at(data, "imaging.0.lesions.0.id") == "L1"
    assert value_at(data, "imaging.3.lesions") is None
    edited = with_value(data, "imaging.0.lesions.0.id", "L2")
    assert (data["imaging"][0]["lesions"][0]["id"], edited["imaging"][0]["lesions"][0]["id"]) == (
        "L1",
        "L2",
    )


def test_refusals_beside_fields_read_in_the_workspace_language(qtbot):
    document = CaseDocument(make_case(), lang="zh_CN")
    problems = document.propose("ecog", 9)
    assert problems == ["ECOG 体力状态评分：不接受 9：必须小于或等于 4"]
    assert document.case.ecog == 0


@pytest.mark.parametrize(
    ("path", "en", "zh"),
    [
        ("decisions.0.attendees", "Decision record 1: Attendee", "第 1 项决策记录：参会者"),
        ("labs.bilirubin", "Total bilirubin", "总胆红素"),
    ],
)
def test_undo_steps_are_named_in_words(qapp, path, en, zh):
    from desktop.logic.model import path_name

    assert (path_name(path, "en"), path_name(path, "zh_CN")) == (en, zh)
    document = CaseDocument(make_case())
    document.propose("labs.inr", 1.4)
    assert document.undo_stack.text(0) == "Change INR"
