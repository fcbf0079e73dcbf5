"""Adjuvant step: the options with evidence and stop rules; the plan goes into the draft."""

import pytest

from desktop.ui.step_adjuvant import AdjuvantStep


@pytest.fixture
def step(mount_step):
    return mount_step(AdjuvantStep)


def test_every_option_is_shown_with_evidence_and_stop_rules(step):
    html = step.detail.text()
    assert step.option_choice.count() == len(step.options) >= 3
    assert "IMbrave050" in html or "ref 84" in html
    assert "not recommended" in html  # adjuvant sorafenib (STORM)


def test_choosing_an_option_records_it_with_its_duration(step):
    option = next(o.spec for o in step.options if o.spec.duration_months == 12)
    assert step.on_choose(option.id) == []
    plan = step.document.case.decisions[-1].adjuvant_plan
    assert (plan.option, plan.duration_months) == (option.id, 12)
    assert step.duration.edit.text() == "12"


def test_the_plan_duration_is_editable_and_checked(qtbot, step):
    step.on_choose(step.options[0].spec.id)
    step.duration.edit.selectAll()
    qtbot.keyClicks(step.duration.edit, "6.5")
    assert "whole number" in step.duration.error.text()
    step.duration.edit.selectAll()
    qtbot.keyClicks(step.duration.edit, "6")
    assert step.document.case.decisions[-1].adjuvant_plan.duration_months == 6


def test_a_sealed_plan_is_shown_by_its_name(mount_step):
    from desktop.logic.model.records import seal
    from tests.factories import make_case

    record = {
        "meeting_date": "2026-06-01",
        "status": "final",
        "adjuvant_plan": {"option": "adjuvant-atezolizumab-bevacizumab", "duration_months": 12},
        "signed_by": [{"name": "Li Ming", "role": "surgeon", "at": "2026-06-01T10:00:00"}],
        "finalized_at": "2026-06-01T10:05:00",
    }
    step = mount_step(AdjuvantStep, make_case(decisions=[seal(record, "")]))
    assert step.chosen.text() == "Chosen: Atezolizumab + bevacizumab for 12 months"
    assert step.duration.edit.text() == "12"
    assert "adjuvant-atezolizumab-bevacizumab" not in step.chosen.text()
