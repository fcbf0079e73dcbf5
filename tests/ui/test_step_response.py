"""Response step: scans and lesion diameters, the mRECIST series, treatments, adverse events."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.logic.clinical.evaluation import evaluate
from desktop.ui.step_response import ResponseStep

EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture
def step(mount_step):
    return mount_step(ResponseStep)


def add_two_scans(step, baseline_mm, follow_up_mm):
    assert step.imaging.on_add_scan("2026-06-01", "MRI", "mRECIST") == []
    assert step.imaging.on_add_lesion("L1")
    model = step.imaging.model
    assert model.setData(model.index(0, 0), baseline_mm, EDIT)
    assert step.imaging.on_add_scan("2026-08-01", "MRI", "mRECIST", follow_up_mm) == []


@pytest.mark.parametrize(
    ("follow_up", "category"), [("70", "PR"), ("71", "SD"), ("120", "PD"), ("0", "CR")]
)
def test_typed_diameters_give_the_mrecist_category(step, follow_up, category):
    add_two_scans(step, "100", follow_up)
    assert step.timepoints.rowCount() == 2
    assert step.timepoints.index(1, 4).data() == category
    assert step.chart.has_data()


def test_response_needs_two_scans(step):
    assert step.series_summary.value.text() == "not assessable"


def test_a_refused_diameter_stays_in_its_cell_with_the_reason(step):
    add_two_scans(step, "100", "70")
    model = step.imaging.model
    assert not model.setData(model.index(0, 1), "-5", EDIT)
    assert model.index(0, 1).data() == "-5"
    assert step.imaging.errors.text().startswith("Scan 2, Lesion 1: Viable diameter (mm): -5")
    assert step.document.case.imaging[1].lesions[0].viable_diameter_mm == 70
    assert model.setData(model.index(0, 1), "60", EDIT)
    assert step.document.invalid_fields() == {}


def test_a_follow_up_scan_needs_every_baseline_target(step):
    add_two_scans(step, "100", "70")
    problems = step.imaging.on_add_scan("2026-10-01", "MRI", "mRECIST", "")
    assert "L1" in problems[0]
    assert len(step.document.case.imaging) == 2


def test_clearing_a_cell_removes_a_new_lesion_from_that_scan(step):
    add_two_scans(step, "100", "70")
    assert step.imaging.on_add_lesion("L2")
    model = step.imaging.model
    assert model.setData(model.index(1, 1), "15", EDIT)
    assert [les.id for les in step.document.case.imaging[1].lesions] == ["L1", "L2"]
    assert model.setData(model.index(1, 1), "", EDIT)
    assert [les.id for les in step.document.case.imaging[1].lesions] == ["L1"]


def test_a_scan_out_of_date_order_is_refused(step):
    step.imaging.on_add_scan("2026-06-01", "MRI", "mRECIST")
    problems = step.imaging.on_add_scan("2026-05-01", "CT", "mRECIST")
    assert "baseline scan first" in problems[0]


def test_models_pass_the_model_tester(qtmodeltester, step):
    add_two_scans(step, "100", "70")
    step.treatments.on_add_treatment("haic-folfox-lenvatinib-pd1", "2026-06-05")
    step.adverse_events.on_add_event("alt_increased", 3)
    for model in (
        step.imaging.model,
        step.treatments.treatments,
        step.adverse_events.model,
        step.timepoints,
    ):
        qtmodeltester.check(model)


def test_last_doses_set_the_earliest_surgery_date(step):
    assert step.treatments.on_add_treatment("haic-folfox-lenvatinib-pd1", "2026-06-05") == []
    agents = step.document.case.treatments[0].agents
    assert [a.name for a in agents] == ["haic-folfox", "lenvatinib", "pd-1 inhibitor"]
    assert step.treatments.on_add_agent("lenvatinib", "2026-10-30") == []
    assert step.treatments.on_add_agent("haic-folfox", "2026-09-01") == []
    assert step.treatments.on_add_agent("pd-1 inhibitor", "2026-10-01") == []
    assert len(step.document.case.treatments[0].agents) == 3  # last doses set, none added
    assert step.document.case.treatments[0].agents[1].last_dose == dt.date(2026, 10, 30)
    shown = step.surgery.value.text()
    assert shown.startswith("2026-11-06")
    # never the date alone: liver_ok, the largest resection and flr_ok beside it
    for words in ("liver ready: not known", "largest resection: not known", "FLR: unknown"):
        assert words in shown
    assert "lenvatinib" in step.surgery.why.text()


def test_readiness_beside_the_date_names_the_largest_resection(step):
    surgery = evaluate(step.document.case).surgery._replace(
        liver_ok=True, resection_extent_max="segmentectomy"
    )
    assert step.readiness_text(surgery, "sufficient") == (
        "liver ready: yes \u00b7 largest resection: segmentectomy \u00b7 FLR: sufficient"
    )


def test_adverse_event_grade_is_edited_in_the_ledger(step):
    assert step.adverse_events.on_add_event("alt_increased", 2) == []
    model = step.adverse_events.model
    assert model.setData(model.index(0, 1), "3", EDIT)
    assert model.setData(model.index(0, 4), "lenvatinib, sintilimab", EDIT)
    event = step.document.case.adverse_events[0]
    assert (event.grade, event.attributed_to) == (3, ["lenvatinib", "sintilimab"])
    assert not model.setData(model.index(0, 1), "6", EDIT)
    assert step.adverse_events.errors.text().startswith("Adverse event 1: Grade: 6")


def test_review_facts_are_shown_beside_the_timing(step):
    assert "42" in step.facts.why.text()
    assert "36.6" in step.facts.why.text()


def test_the_baseline_scan_starts_from_the_intake_nodules(mount_step):
    from tests.factories import make_case

    step = mount_step(ResponseStep, make_case(**{"tumor.nodules_cm": [9.0, 2.5]}))
    assert step.imaging.diameters.text() == "90, 25"
    assert step.imaging.on_add_scan("2026-06-01", "MRI", "mRECIST", "90, 25") == []
    lesions = step.document.case.imaging[0].lesions
    assert [(les.id, les.viable_diameter_mm) for les in lesions] == [("L1", 90), ("L2", 25)]
    assert step.imaging.diameters.text() == ""  # a follow-up needs its own measurements
    assert "L1, L2" in step.imaging.diameters.placeholderText()


@pytest.mark.parametrize("typed", ["2026-02-31", "2026-6-1"])
def test_a_wrong_scan_date_is_refused_and_kept(step, typed):
    step.imaging.scan_date.setText(typed)
    step.imaging.on_add_scan_clicked()
    assert typed in step.imaging.errors.text()
    assert step.imaging.scan_date.text() == typed
    assert step.document.case.imaging == []


def test_the_decisions_regimen_is_offered_as_the_treatment_with_its_agents(mount_step):
    from tests.factories import make_case

    case = make_case(
        decisions=[
            {
                "meeting_date": "2026-06-01",
                "status": "draft",
                "regimen_id": "atezolizumab-bevacizumab",
            }
        ]
    )
    step = mount_step(ResponseStep, case)
    panel = step.treatments
    assert panel.regimen.currentData() == "atezolizumab-bevacizumab"
    assert panel.regimen.currentText() == "Atezolizumab + bevacizumab (T+A)"
    panel.started.setText("2026-06-05")
    panel.add_treatment_button.click()
    [treatment] = step.document.case.treatments
    assert treatment.regimen == "atezolizumab-bevacizumab"
    assert [a.name for a in treatment.agents] == ["atezolizumab", "bevacizumab"]


def test_a_treatment_regimen_is_never_free_text(step):
    assert step.treatments.on_add_treatment("T+A", "2026-06-05") == [
        "Choose the regimen from the catalogue list."
    ]
    assert step.document.case.treatments == []
    assert step.treatments.on_add_treatment("tace", "") == []
    model = step.treatments.treatments
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_adverse_events_are_chosen_by_their_words(step):
    panel = step.adverse_events
    panel.term.setCurrentIndex(panel.term.findData("alt_increased"))
    assert panel.term.currentText() == "ALT increase"
    panel.add_button.click()
    assert step.document.case.adverse_events[0].term == "alt_increased"


def test_a_wrong_treatment_agent_or_event_can_be_removed_and_undone(step):
    panel = step.treatments
    assert panel.on_remove_treatment() == ["Select the treatment to remove in the table first."]
    assert panel.on_add_treatment("lenvatinib-pd1", "2026-06-05") == []
    panel.agent_view.selectRow(1)
    assert panel.on_remove_agent() == []
    assert [a.name for a in step.document.case.treatments[0].agents] == ["lenvatinib"]
    panel.treatment_view.selectRow(0)
    assert panel.on_remove_treatment() == []
    assert step.document.case.treatments == []
    step.document.undo_stack.undo()
    assert len(step.document.case.treatments) == 1
    events = step.adverse_events
    assert events.on_add_event("fatigue", 1) == []
    events.view.selectRow(0)
    assert events.on_remove_event() == []
    assert step.document.case.adverse_events == []


def test_a_scan_added_by_mistake_is_removed(step):
    add_two_scans(step, "100", "70")
    step.imaging.refresh()
    step.imaging.scan_choice.setCurrentIndex(1)
    assert step.imaging.on_remove_scan() == []
    assert [str(s.date) for s in step.document.case.imaging] == ["2026-06-01"]


def test_a_scans_date_modality_and_criteria_are_corrected_in_place(step):
    add_two_scans(step, "100", "70")
    step.imaging.refresh()
    step.imaging.scan_choice.setCurrentIndex(1)
    date = step.imaging.scan_date_field
    assert date.text() == "2026-08-01"
    date.set_text("2026-08-03")
    date.on_edited()
    modality = step.imaging.scan_modality
    modality.combo.setCurrentIndex(modality.combo.findData("CT"))
    scan = step.document.case.imaging[1]
    assert (str(scan.date), scan.modality) == ("2026-08-03", "CT")
    date.set_text("2026-05-01")  # before the baseline: refused, kept as typed
    date.on_edited()
    assert "baseline scan first" in date.error.text()
    assert date.text() == "2026-05-01"
    assert str(step.document.case.imaging[1].date) == "2026-08-03"
