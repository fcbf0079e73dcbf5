"""Tumour step: findings drive BCLC and CNLC side by side; overrides need a reason."""

import pytest

from desktop.ui.drafts import start_draft
from desktop.ui.step_tumour import TumourStep


@pytest.fixture
def step(mount_step):
    return mount_step(TumourStep)


def choose(field, value):
    field.combo.setCurrentIndex(field.combo.findData(value))


@pytest.mark.parametrize(
    ("vp", "bclc", "cnlc", "cheng"),
    [("none", "A", "Ia", "not applicable"), ("vp2", "C", "IIIa", "I"), ("vp4", "C", "IIIa", "III")],
)
def test_portal_vein_invasion_sets_both_stages_and_cheng_type(step, vp, bclc, cnlc, cheng):
    choose(step.pvi, vp)
    assert (step.bclc.value.text(), step.cnlc.value.text()) == (bclc, cnlc)
    assert cheng in step.cheng.text()
    assert "Reig" in step.bclc.source.text()


def test_discordant_stages_show_the_sentence(step):
    choose(step.pvi, "vp2")
    assert not step.discordance.isHidden()
    assert "BCLC C" in step.discordance.text()
    assert "CNLC IIIa" in step.discordance.text()


def test_nodule_list_is_typed_as_numbers(qtbot, step):
    nodules = next(f for f in step.fields() if f.path == "tumor.nodules_cm")
    nodules.edit.selectAll()
    qtbot.keyClicks(nodules.edit, "2.5, 2, 1.5")
    assert step.document.case.tumor.nodules_cm == [2.5, 2.0, 1.5]
    assert step.milan.value.text() == "within"


def test_ecog_note_says_performance_status_is_cancer_related(step):
    texts = [label.text() for label in step.findChildren(type(step.cheng))]
    assert any("cancer-related symptoms" in text for text in texts)


def test_an_override_without_reason_is_refused(step):
    problems = step.on_override("bclc", "B", "  ")
    assert len(problems) == 1
    assert "reason" in problems[0]
    assert step.document.pending_overrides == []


def test_an_override_waits_for_a_draft_then_is_stored_in_it(step):
    assert step.on_override("bclc", "B", "PS 1 from cirrhosis, not cancer") == []
    assert step.document.pending_overrides[0]["computed"] == "A"
    assert "pending" in step.override_list.text()
    assert start_draft(step.document) == []
    stored = step.document.case.decisions[-1].overrides[0]
    assert (stored.item, stored.computed, stored.chosen) == ("bclc", "A", "B")
    assert step.document.pending_overrides == []


def test_an_override_goes_straight_into_an_open_draft(step):
    start_draft(step.document)
    assert step.on_override("cnlc", "IIb", "surgery considered per CNLC") == []
    assert step.document.case.decisions[-1].overrides[0].reason == "surgery considered per CNLC"
    step.document.undo_stack.undo()
    assert step.document.case.decisions[-1].overrides == []
