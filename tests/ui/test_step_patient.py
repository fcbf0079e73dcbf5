"""Patient step: labs with units, scores recomputed from the typed values with their why."""

import pytest

from desktop.ui.step_patient import PatientStep


@pytest.fixture
def step(mount_step):
    return mount_step(PatientStep)


def type_into(qtbot, line_edit, text):
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)


@pytest.mark.parametrize(
    ("value", "unit", "points"),
    [("34.1", "umol/L", 5), ("34.2", "umol/L", 6), ("2", "mg/dL", 6), ("3.1", "mg/dL", 7)],
)
def test_bilirubin_in_either_unit_moves_child_pugh(qtbot, step, value, unit, points):
    field = step.lab_fields["labs.bilirubin"]
    field.unit.setCurrentText(unit)
    type_into(qtbot, field.edit, value)
    assert step.document.case.labs.bilirubin.unit == unit
    assert step.child_pugh.value.text().endswith(f"({points} points)")
    assert any("bilirubin" in line for line in step.child_pugh.why.text().split("\u2022"))


def test_albumin_unit_switch_keeps_the_number_and_rejects_impossible_values(qtbot, step):
    field = step.lab_fields["labs.albumin"]
    field.unit.setCurrentText("g/dL")
    assert field.edit.text() == "40"
    assert field.error.text().startswith("Albumin: 40 g/dL")
    assert step.document.case.labs.albumin.unit == "g/L"
    type_into(qtbot, field.edit, "3.2")
    assert field.error.isHidden()
    assert step.document.case.labs.albumin.g_l == 32


def test_meld_says_what_is_missing_until_creatinine_and_sodium_are_typed(qtbot, step):
    assert step.meld.value.text() == "MELD \u2014 \u00b7 MELD-Na \u2014"
    assert "creatinine" in step.meld.why.text()
    creatinine = step.lab_fields["labs.creatinine"]
    type_into(qtbot, creatinine.edit, "80")
    sodium = step.lab_fields["labs.sodium"]
    type_into(qtbot, sodium.edit, "139")
    assert step.meld.value.text() == "MELD 6 \u00b7 MELD-Na 6"


def test_text_that_is_not_a_number_is_kept_and_explained(qtbot, step):
    field = step.lab_fields["labs.inr"]
    type_into(qtbot, field.edit, "1,2,3")
    assert field.edit.text() == "1,2,3"
    assert "INR" in field.error.text()
    assert "not a number" in field.error.text()
    assert step.document.invalid_fields().keys() == {"labs.inr"}


def test_clearing_an_optional_lab_removes_it(qtbot, step):
    afp = step.lab_fields["labs.afp"]
    type_into(qtbot, afp.edit, "850")
    afp.unit.setCurrentText("IU/mL")
    assert step.document.case.labs.afp.ng_ml == pytest.approx(1028.5)
    afp.edit.selectAll()
    qtbot.keyClick(afp.edit, "\b")
    assert step.document.case.labs.afp is None


def test_albi_shows_grade_and_score_with_its_source(step):
    assert step.albi.value.text() == "Grade 1 (score -2.62)"
    assert "Johnson" in step.albi.title.text() + step.albi.why.text()


def test_aetiology_is_chosen_with_the_glossarys_words(step):
    field = next(f for f in step.fields() if f.path == "etiology")
    assert [box.text() for box in field.boxes.values()][:2] == ["HBV", "HCV"]
    field.boxes["hbv"].setChecked(True)
    field.boxes["alcohol"].setChecked(True)
    assert step.document.case.etiology == ["hbv", "alcohol"]
    field.boxes["hbv"].setChecked(False)
    field.boxes["alcohol"].setChecked(False)
    assert step.document.case.etiology == []
