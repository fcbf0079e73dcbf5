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
