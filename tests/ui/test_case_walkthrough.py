"""One case walked from new to a finalized decision through the workspace widgets."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.logic.model.records import chain_problems
from desktop.logic.model.rules import default_rules
from desktop.logic.store.database import Store
from desktop.ui.settings import Settings
from desktop.ui.workspace import CaseWorkspace
from tests.factories import make_case
from tests.ui.answers import answer_modals, give_password


def type_into(qtbot, line_edit, text):
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the signing dialog, offscreen
def test_case_walks_from_new_to_a_sealed_final_decision(qtbot, tmp_path, monkeypatch):
    store = Store.open(tmp_path / "cases.sqlite")
    store.add_account("Li Ming", "hepatobiliary surgeon", "li-password")  # signed in
    case_id = store.new_case(make_case()).case_id
    settings = Settings.at(tmp_path / "settings.ini")
    workspace = CaseWorkspace(store, case_id, settings, default_rules())
    qtbot.addWidget(workspace)
    patient, tumour, regimen, response, _, decision = workspace.steps

    # Labs: bilirubin typed in mg/dL moves Child-Pugh from A5 to A6 as you type.
    bilirubin = patient.lab_fields["labs.bilirubin"]
    bilirubin.unit.setCurrentText("mg/dL")
    type_into(qtbot, bilirubin.edit, "2.5")
    assert patient.child_pugh.value.text() == "Class A (6 points)"
    creatinine = patient.lab_fields["labs.creatinine"]
    type_into(qtbot, creatinine.edit, "8x")
    assert workspace.invalid_note.text() == "unsaved: fix 1 field(s)"
    assert creatinine.edit.text() == "8x"
    type_into(qtbot, creatinine.edit, "80")
    assert workspace.invalid_note.isHidden()

    # Tumour: a Vp2 thrombus makes it BCLC C.
    workspace.sidebar.setCurrentRow(1)
    nodules = next(f for f in tumour.fields() if f.path == "tumor.nodules_cm")
    type_into(qtbot, nodules.edit, "8.5, 2")
    tumour.pvi.combo.setCurrentIndex(tumour.pvi.combo.findData("vp2"))
    assert tumour.bclc.value.text() == "C"

    # Regimen: choosing one starts the draft decision and records it there.
    workspace.sidebar.setCurrentRow(2)
    verdicts = workspace.evaluation.regimens
    # a new case records none of the newer safety inputs, so nothing is "suitable" yet
    chosen = next(v.regimen.id for v in verdicts if v.verdict != "contraindicated")
    assert regimen.on_choose(chosen) == []
    assert workspace.document.case.decisions[-1].regimen_id == chosen

    # Imaging: a baseline scan with one lesion typed into the matrix.
    workspace.sidebar.setCurrentRow(3)
    assert response.imaging.on_add_scan("2026-06-01", "MRI", "mRECIST") == []
    assert response.imaging.on_add_lesion("L1")
    cell = response.imaging.model.index(0, 0)
    assert response.imaging.model.setData(cell, "85", Qt.ItemDataRole.EditRole)
    assert workspace.document.case.imaging[0].lesions[0].viable_diameter_mm == 85

    # Decision: question, recommendation, attendee, signature, then finalize after confirming.
    workspace.sidebar.setCurrentRow(5)
    decision.question.edit.setPlainText("Which conversion regimen?")
    decision.recommendation.edit.setPlainText("Start the chosen regimen; restage in 8 weeks.")
    assert decision.on_add_attendee("Li Ming", "hepatobiliary surgeon") == []
    answer_modals(give_password("li-password"))  # Li Ming signs with his own password
    assert decision.on_sign(0) == []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    # Items are still missing (aetiology, markers...): finalizing asks why, for the record.
    monkeypatch.setattr(decision, "ask_missing_reason", lambda missing: "Urgent case.")
    qtbot.mouseClick(decision.finalize_button, Qt.MouseButton.LeftButton)

    stored = store.get_case(case_id).case
    final = stored.decisions[-1]
    assert final.status == "final"
    assert final.regimen_id == chosen
    assert final.question == "Which conversion regimen?"
    assert [s.name for s in final.signed_by] == ["Li Ming"]
    records = [d.model_dump(mode="json", exclude_unset=True) for d in stored.decisions]
    assert chain_problems(records) == []
    assert final.record_hash.startswith("sha256:")
    assert "Urgent case." in next(o.reason for o in final.overrides if o.item == "completeness")

    assert workspace.is_read_only()
    assert bilirubin.edit.isReadOnly()
    assert decision.question.edit.isReadOnly()
    assert not decision.finalize_button.isEnabled()
    assert not regimen.choose_button.isEnabled()
    store.close()
