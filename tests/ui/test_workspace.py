"""The case workspace: step states, debounced saving, conflicts, undo, screenshots."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop.logic.model.rules import default_rules
from desktop.ui.settings import set_stale_days
from desktop.ui.workspace import CaseWorkspace, workspace_screenshots
from tests.factories import make_case


def open_workspace(qtbot, store, settings, **changes):
    case_id = store.new_case(make_case(**changes)).case_id
    workspace = CaseWorkspace(store, case_id, settings, default_rules())
    qtbot.addWidget(workspace)
    return workspace


def type_into(qtbot, line_edit, text):
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)


def states(workspace):
    return [
        workspace.sidebar.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(workspace.sidebar.count())
    ]


@pytest.mark.parametrize(
    ("assessed_on", "stale_days", "state"),
    [("2026-01-01", 30, "stale"), ("2026-01-01", 365, "incomplete")],
)
def test_sidebar_marks_old_labs_stale(qtbot, store, settings, assessed_on, stale_days, state):
    set_stale_days(store, stale_days)
    workspace = open_workspace(qtbot, store, settings, assessed_on=assessed_on)
    assert states(workspace)[0] == state
    assert state in workspace.sidebar.item(0).text()


def test_sidebar_shows_incomplete_and_complete_steps(qtbot, store, settings):
    set_stale_days(store, 365)
    workspace = open_workspace(qtbot, store, settings, assessed_on="2026-11-20")
    # Minimal case: creatinine, platelets, AFP, PIVKA-II and varices are missing; no imaging.
    assert states(workspace) == ["incomplete"] * 6  # a new case is complete nowhere
    tooltip = workspace.sidebar.item(0).toolTip()
    assert "Creatinine (needed for MELD): not recorded" in tooltip
    assert "to do" in workspace.sidebar.item(0).text()
    step = workspace.steps[0]
    assert not step.missing.isHidden()
    assert "Aetiology (HBV, HCV, alcohol...): not recorded" in step.missing.text()
    adjuvant = workspace.sidebar.item(4)
    assert "No adjuvant plan chosen" in adjuvant.toolTip()


def test_an_edit_is_saved_after_the_pause_as_a_new_revision(qtbot, store, settings):
    workspace = open_workspace(qtbot, store, settings)
    field = workspace.steps[0].lab_fields["labs.inr"]
    with qtbot.waitSignal(workspace.caseChanged, timeout=5000) as saved:
        type_into(qtbot, field.edit, "1.4")
    assert saved.args == [workspace.case_id]
    stored = store.get_case(workspace.case_id)
    assert (stored.revision, stored.case.labs.inr) == (2, 1.4)
    assert workspace.save_state.text() == "Saved as revision 2"


def test_changing_step_saves_at_once(qtbot, store, settings):
    workspace = open_workspace(qtbot, store, settings)
    type_into(qtbot, workspace.steps[0].lab_fields["labs.inr"].edit, "1.6")
    workspace.sidebar.setCurrentRow(1)
    assert store.get_case(workspace.case_id).case.labs.inr == 1.6


def test_invalid_text_is_kept_shown_and_blocks_saving(qtbot, store, settings):
    workspace = open_workspace(qtbot, store, settings)
    albumin = workspace.steps[0].lab_fields["labs.albumin"]
    albumin.unit.setCurrentText("g/dL")  # 40 g/dL is impossible
    assert albumin.error.text().startswith("Albumin: 40")
    assert "5-70 g/L" in albumin.error.text()
    assert albumin.edit.text() == "40"
    assert workspace.invalid_note.text() == "unsaved: fix 1 field(s)"
    assert workspace.flush() is False
    assert store.get_case(workspace.case_id).revision == 1
    type_into(qtbot, albumin.edit, "4")
    assert workspace.flush() is True
    assert store.get_case(workspace.case_id).case.labs.albumin.g_l == 40


def test_undo_and_redo_restore_the_field_and_the_result(qtbot, store, settings):
    workspace = open_workspace(qtbot, store, settings)
    patient = workspace.steps[0]
    type_into(qtbot, patient.lab_fields["labs.inr"].edit, "2.0")
    assert patient.child_pugh.value.text() == "Class A (6 points)"
    workspace.undo_stack.undo()
    assert patient.lab_fields["labs.inr"].edit.text() == "1"
    assert patient.child_pugh.value.text() == "Class A (5 points)"
    workspace.undo_stack.redo()
    assert patient.lab_fields["labs.inr"].edit.text() == "2"


def test_a_newer_revision_keeps_my_edit_and_reapplies_it(qtbot, store, settings):
    workspace = open_workspace(qtbot, store, settings)
    theirs = make_case(ecog=1)
    store.save_case(workspace.case_id, theirs, expected_revision=1)
    type_into(qtbot, workspace.steps[0].lab_fields["labs.inr"].edit, "1.5")
    assert workspace.flush() is False
    assert not workspace.conflict_bar.isHidden()
    assert "revision 2" in workspace.conflict_text.text()
    assert workspace.document.case.labs.inr == 1.5
    workspace.on_reload_and_reapply()
    stored = store.get_case(workspace.case_id)
    assert (stored.revision, stored.case.ecog, stored.case.labs.inr) == (3, 1, 1.5)
    assert workspace.conflict_bar.isHidden()


def test_save_anyway_stores_mine_over_the_newer_revision(qtbot, store, settings):
    workspace = open_workspace(qtbot, store, settings)
    store.save_case(workspace.case_id, make_case(ecog=2), expected_revision=1)
    type_into(qtbot, workspace.steps[0].lab_fields["labs.inr"].edit, "1.5")
    workspace.flush()
    workspace.on_save_anyway()
    stored = store.get_case(workspace.case_id)
    assert (stored.revision, stored.case.ecog, stored.case.labs.inr) == (3, 0, 1.5)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen plugin, on show()
def test_screenshots_grab_every_step_at_laptop_size(qtbot, store, settings, tmp_path):
    case_id = store.new_case(make_case()).case_id
    paths = workspace_screenshots(store, case_id, settings, tmp_path / "shots")
    assert [p.name for p in paths][0] == "workspace-T-0001-1-patient.png"
    assert len(paths) == 6
    image = QImage(str(paths[-1]))
    assert (image.width(), image.height()) == (1280, 800)
