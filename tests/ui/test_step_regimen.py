"""Regimen step: every regimen with its verdict; filter, compare, choose."""

import pytest
from PySide6.QtCore import Qt

from desktop.logic.clinical.evaluation import evaluate
from desktop.ui.step_base import BADGE_COLOURS
from desktop.ui.step_regimen import RegimenStep
from tests.factories import make_case


@pytest.fixture
def step(mount_step):
    return mount_step(RegimenStep, make_case(**{"history.autoimmune_disease_active": True}))


def test_the_whole_catalogue_is_listed_with_verdict_words(step):
    assert step.model.rowCount() == len(evaluate(step.document.case).regimens)
    words = {step.model.index(r, 2).data() for r in range(step.model.rowCount())}
    assert {w.split(",")[0] for w in words} <= {
        "suitable",
        "caution",
        "contraindicated",
        "unchecked",
    }
    # an ICI with active autoimmune disease; the checks not done are counted beside the verdict
    assert any(w.startswith("contraindicated, ") and "checks not done" in w for w in words)
    assert any(w.startswith("unchecked, ") for w in words)


def test_unchecked_is_drawn_in_its_own_colour_never_that_of_suitable(step):
    colours = {
        step.model._rows[r].verdict: step.model.verdict_colour(r)
        for r in range(step.model.rowCount())
    }
    assert colours["unchecked"] != BADGE_COLOURS["suitable"]
    assert colours["unchecked"] == BADGE_COLOURS["unchecked"]
    brush = step.model.index(
        next(r for r in range(step.model.rowCount()) if step.model._rows[r].verdict == "unchecked"),
        2,
    ).data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == BADGE_COLOURS["unchecked"]


def test_the_detail_shows_each_check_with_rule_id_outcome_reason_and_source(step):
    step.on_select(["atezolizumab-bevacizumab"])
    html = step.detail.text()
    assert "ici.autoimmune" in html
    assert "Active autoimmune disease, with an immune checkpoint inhibitor." in html
    assert "trial exclusion criteria" in html  # its source
    assert "checks not done" in html


def test_the_data_checklist_lists_missing_inputs_once(step):
    text = step.checklist.text()
    assert text.startswith("<b>Data checklist: inputs not recorded or too old</b>")
    assert text.count("Varices (upper endoscopy)") == 1


def test_the_table_model_passes_the_model_tester(qtmodeltester, step):
    qtmodeltester.check(step.model)


def test_filter_by_class_keeps_only_regimens_with_that_component(step):
    step.on_filter_class("haic")
    names = [step.proxy.index(r, 1).data() for r in range(step.proxy.rowCount())]
    assert names
    assert all("HAIC" in name for name in names)


def test_selecting_two_regimens_compares_them_one_under_the_other(step):
    ids = [row.regimen.id for row in step.rows[:2]]
    step.on_select(ids)
    assert step.selected_ids() == ids
    html = step.detail.text()
    assert html.count("<hr>") == 1
    for row in step.rows[:2]:
        assert row.regimen.name.render() in html
    assert "ref " in html


def test_choosing_starts_a_draft_and_marks_the_regimen(step):
    chosen = step.rows[0].regimen.id
    assert step.on_choose(chosen) == []
    assert step.document.case.decisions[-1].regimen_id == chosen
    assert step.model.index(0, 0).data().startswith("\u2605 ")
    assert step.rows[0].regimen.name.render() in step.chosen_label.text()


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("history.autoimmune_disease_active", True),
        ("history.organ_transplant", False),
        ("history.uncontrolled_hypertension", True),
        ("history.major_surgery_within_28_days", False),
    ],
)
def test_the_safety_history_is_entered_beside_the_verdicts(step, path, value):
    field = step.history[path]
    field.combo.setCurrentIndex(field.combo.findData(value))
    assert step.document.value(path) is value


def test_proteinuria_is_typed_and_refused_in_words(qtbot, step):
    field = step.history["history.proteinuria_g_per_24h"]
    field.edit.setText("0.4")
    field.on_edited()
    assert step.document.case.history.proteinuria_g_per_24h == 0.4
    field.edit.setText("99")
    field.on_edited()
    assert field.error.text().startswith("Urine protein (g/24 h): 99")
    assert field.edit.text() == "99"
