"""Every field of the 2026-12 additions is entered in its step, kept by the store, shown again on
reopening, refused in words at its boundaries (the typed text kept), and shortens the to-do list."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.logic.model import default_rules
from desktop.logic.store.database import Store, User
from desktop.ui.choice_sets import ChoiceSetField
from desktop.ui.forms import ChoiceField
from desktop.ui.settings import Settings
from desktop.ui.step_patient import PatientStep
from desktop.ui.step_regimen import RegimenStep
from desktop.ui.step_response import ResponseStep
from desktop.ui.step_tumour import TumourStep
from desktop.ui.workspace import CaseWorkspace
from tests.factories import make_case

PATIENT, TUMOUR, REGIMEN, RESPONSE = 0, 1, 2, 3
PAGES = {PATIENT: PatientStep, TUMOUR: TumourStep, REGIMEN: RegimenStep, RESPONSE: ResponseStep}
TODAY = dt.date.today()
TOMORROW = (TODAY + dt.timedelta(days=1)).isoformat()


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "c.sqlite3", user=User("Li Ming", "surgeon")) as opened:
        yield opened


def open_workspace(qtbot, store, tmp_path, case_id=None, lang="en", **changes):
    settings = Settings.at(tmp_path / f"s-{lang}.ini")
    settings.set_language(lang)
    if case_id is None:
        case_id = store.new_case(make_case(**changes)).case_id
    workspace = CaseWorkspace(store, case_id, settings, default_rules())
    qtbot.addWidget(workspace)
    return workspace


def field_at(workspace, step, path):
    return field_on(workspace.steps[step], path)


def field_on(page, path):
    return next(f for f in page.fields() if f.path == path)


@pytest.fixture
def page_field(mount_step):
    """`page_field(step, path)`: the field on that step page, mounted on a minimal case."""
    return lambda step, path: field_on(mount_step(PAGES[step]), path)


def enter(field, value):
    """Type or choose `value` the way a user does in this kind of field."""
    if isinstance(field, ChoiceSetField):
        for name, box in field.boxes.items():
            box.setChecked(name in value)
    elif isinstance(field, ChoiceField):
        field.combo.setCurrentIndex(field.combo.findData(value))
    else:
        field.edit.setText(value)
        field.on_edited()


# (step, path, what is entered, the value stored)
ENTRIES = [
    (PATIENT, "patient.weight_kg", "64.5", 64.5),
    (PATIENT, "virology.hbsag_positive", True, True),
    (PATIENT, "virology.hbv_dna_iu_per_ml", "120", 120),
    (PATIENT, "virology.hbv_dna_date", "2026-05-02", "2026-05-02"),
    (PATIENT, "virology.hbv_antiviral", False, False),
    (PATIENT, "virology.hcv_rna_detectable", True, True),
    (PATIENT, "liver.varices_assessed_on", "2026-04-14", "2026-04-14"),
    (PATIENT, "liver.icg_r15_date", "2026-05-10", "2026-05-10"),
    (PATIENT, "liver.flr_date", "2026-05-11", "2026-05-11"),
    (TUMOUR, "tumor.infiltrative", True, True),
    (TUMOUR, "tumor.bilobar", False, False),
    (TUMOUR, "tumor.segments", ["S2", "S7"], ["S2", "S7"]),
    (REGIMEN, "history.last_major_surgery_date", "2026-03-02", "2026-03-02"),
    (REGIMEN, "history.systemic_steroids_mg_prednisone_per_day", "7.5", 7.5),
    (REGIMEN, "history.interstitial_lung_disease", True, True),
    (REGIMEN, "history.prior_immune_related_ae_grade3plus", False, False),
    (REGIMEN, "history.bleeding_or_arterial_thrombosis_within_6_months", True, True),
    (RESPONSE, "liver.flr_date", "2026-05-12", "2026-05-12"),
]


@pytest.mark.parametrize(("step", "path", "typed", "stored"), ENTRIES)
def test_each_new_field_round_trips_through_the_store(
    qtbot, store, tmp_path, step, path, typed, stored
):
    workspace = open_workspace(qtbot, store, tmp_path)
    workspace.sidebar.setCurrentRow(step)
    field = field_at(workspace, step, path)
    assert field.document.value(path) is None  # not recorded until the clinician says so
    enter(field, typed)
    assert field.error.isHidden()
    assert workspace.flush() is True
    assert store.get_case(workspace.case_id).case.to_json_dict() == workspace.document.data
    reopened = open_workspace(qtbot, store, tmp_path, case_id=workspace.case_id)
    reopened.sidebar.setCurrentRow(step)
    again = field_at(reopened, step, path)
    assert again.document.value(path) == stored
    assert again.shown_value() == stored  # the value is shown in the field again


YES_NO = [(s, p) for s, p, typed, _ in ENTRIES if isinstance(typed, bool)]


@pytest.mark.parametrize(("step", "path"), YES_NO)
def test_yes_no_fields_start_not_recorded_and_can_go_back_to_it(page_field, step, path):
    field = page_field(step, path)
    assert field.combo.currentText() == "\u2014 not recorded"  # never a default "no"
    enter(field, False)
    assert field.document.value(path) is False
    field.document.undo_stack.undo()  # every change is an undoable revision
    assert field.document.value(path) is None
    assert field.combo.currentText() == "\u2014 not recorded"
    field.document.undo_stack.redo()
    assert field.combo.currentText() == "no"
    enter(field, None)
    assert field.document.value(path) is None


# (step, path, typed, the start of the refusal): each boundary's first refused value
REFUSED = [
    (PATIENT, "patient.weight_kg", "0", "Weight (kg): 0"),
    (PATIENT, "patient.weight_kg", "400.1", "Weight (kg): 400.1 is not accepted: must be less"),
    (PATIENT, "patient.weight_kg", "heavy", "Weight (kg): \u201cheavy\u201d is not a number"),
    (PATIENT, "virology.hbv_dna_iu_per_ml", "-1", "HBV DNA (IU/mL): -1"),
    (
        REGIMEN,
        "history.systemic_steroids_mg_prednisone_per_day",
        "-0.5",
        "Systemic steroids (mg prednisone per day): -0.5 is not accepted",
    ),
    (
        REGIMEN,
        "history.systemic_steroids_mg_prednisone_per_day",
        "2000.5",
        "Systemic steroids (mg prednisone per day): 2000.5 is not accepted",
    ),
]
DATES = [
    (PATIENT, "virology.hbv_dna_date", "HBV DNA measured on"),
    (PATIENT, "liver.varices_assessed_on", "Upper endoscopy (varices) on"),
    (PATIENT, "liver.icg_r15_date", "ICG-R15 measured on"),
    (PATIENT, "liver.flr_date", "Future liver remnant measured on"),
    (REGIMEN, "history.last_major_surgery_date", "Last major surgery on"),
]
REFUSED += [
    (s, p, TOMORROW, f"{label}: {TOMORROW} is after the day of evaluation") for s, p, label in DATES
]
REFUSED += [
    (s, p, "1899-12-31", f"{label}: 1899-12-31 is outside the allowed") for s, p, label in DATES
]
REFUSED += [(s, p, "2026-02-31", f"{label}:") for s, p, label in DATES]


@pytest.mark.parametrize(("step", "path", "typed", "said"), REFUSED)
def test_a_value_past_its_boundary_is_refused_in_words_and_kept(
    page_field, step, path, typed, said
):
    field = page_field(step, path)
    enter(field, typed)
    assert field.error.text().startswith(said)
    assert typed in field.error.text()
    assert field.edit.text() == typed  # the typed text is kept, never rewritten
    assert field.document.value(path) is None
    assert path in field.document.invalid_fields()  # nothing is saved while it is held


ACCEPTED = [
    (PATIENT, "patient.weight_kg", "0.1", 0.1),
    (PATIENT, "patient.weight_kg", "400", 400),
    (PATIENT, "virology.hbv_dna_iu_per_ml", "0", 0),
    (REGIMEN, "history.systemic_steroids_mg_prednisone_per_day", "0", 0),
    (REGIMEN, "history.systemic_steroids_mg_prednisone_per_day", "2000", 2000),
    *[(s, p, TODAY.isoformat(), TODAY.isoformat()) for s, p, _ in DATES],
    *[(s, p, "1900-01-01", "1900-01-01") for s, p, _ in DATES],
]


@pytest.mark.parametrize(("step", "path", "typed", "stored"), ACCEPTED)
def test_the_last_value_inside_each_boundary_is_accepted(page_field, step, path, typed, stored):
    field = page_field(step, path)
    enter(field, typed)
    assert field.error.isHidden()
    assert field.document.value(path) == stored


@pytest.mark.parametrize(
    ("weight", "dose"), [("59.9", "Lenvatinib 8 mg once daily"), ("60", "Lenvatinib 12 mg")]
)
def test_lenvatinibs_weight_based_dose_is_shown_beside_the_weight(mount_step, weight, dose):
    patient = mount_step(PatientStep)
    assert patient.dose_note.text().startswith("Lenvatinib dose: body weight needed")
    enter(patient.weight, weight)
    assert patient.dose_note.text().startswith(dose)


@pytest.mark.parametrize(
    ("step", "path", "value", "item"),
    [
        (PATIENT, "virology.hbsag_positive", False, "HBsAg (hepatitis B screening)"),
        (TUMOUR, "tumor.infiltrative", False, "Infiltrative growth"),
        (REGIMEN, "history.systemic_steroids_mg_prednisone_per_day", "0", "Systemic steroid dose"),
        (REGIMEN, "history.interstitial_lung_disease", False, "Interstitial lung disease"),
        (REGIMEN, "history.prior_immune_related_ae_grade3plus", False, "immune-related"),
        (
            REGIMEN,
            "history.bleeding_or_arterial_thrombosis_within_6_months",
            False,
            "Bleeding or arterial thrombosis",
        ),
        (REGIMEN, "history.last_major_surgery_date", "2026-03-02", "last major surgery"),
    ],
)
def test_an_entry_takes_its_item_off_the_regimen_to_do_list(
    qtbot, store, tmp_path, step, path, value, item
):
    workspace = open_workspace(qtbot, store, tmp_path)
    regimen = workspace.steps[REGIMEN]
    before = len(workspace.readiness().in_area("regimen"))
    assert item in regimen.missing.text()
    assert f"{before} to do" in workspace.sidebar.item(REGIMEN).text()
    enter(field_at(workspace, step, path), value)
    after = len(workspace.readiness().in_area("regimen"))
    assert after == before - 1
    assert f"{after} to do" in workspace.sidebar.item(REGIMEN).text()
    assert item not in regimen.missing.text()


def test_hbv_dna_antiviral_and_endoscopy_date_leave_the_list_once_entered(qtbot, store, tmp_path):
    workspace = open_workspace(
        qtbot, store, tmp_path, **{"virology.hbsag_positive": True, "liver.varices": "small"}
    )
    regimen = workspace.steps[REGIMEN]
    asked = {
        "virology.hbv_antiviral": True,
        "virology.hbv_dna_iu_per_ml": "50",  # an undated HBV DNA asks for its date instead
        "virology.hbv_dna_date": (TODAY - dt.timedelta(days=3)).isoformat(),
        "liver.varices_assessed_on": (TODAY - dt.timedelta(days=30)).isoformat(),
    }
    for item in ("Hepatitis B antiviral therapy", "HBV DNA", "Date of the upper endoscopy"):
        assert item in regimen.missing.text()
    counts = [len(workspace.readiness().in_area("regimen"))]
    for path, value in asked.items():
        enter(field_at(workspace, PATIENT, path), value)
        counts.append(len(workspace.readiness().in_area("regimen")))
    assert counts == [counts[0], counts[0] - 1, counts[0] - 1, counts[0] - 2, counts[0] - 3]
    for item in ("Hepatitis B antiviral therapy", "HBV DNA", "upper endoscopy"):
        assert item not in regimen.missing.text()


def test_the_marker_series_round_trips_through_the_store(qtbot, store, tmp_path):
    workspace = open_workspace(qtbot, store, tmp_path)
    workspace.sidebar.setCurrentRow(RESPONSE)
    markers = workspace.steps[RESPONSE].markers
    assert markers.on_add("2026-05-10", "310", "IU/mL", "400") == []
    assert workspace.flush() is True
    reopened = open_workspace(qtbot, store, tmp_path, case_id=workspace.case_id)
    reopened.sidebar.setCurrentRow(RESPONSE)
    model = reopened.steps[RESPONSE].markers.model
    shown = [model.index(0, column).data() for column in range(model.columnCount())]
    assert shown == ["2026-05-10", "310 IU/mL", "400 mAU/mL"]
