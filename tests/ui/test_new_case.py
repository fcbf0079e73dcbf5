"""The new-case dialog: bad input shown beside its field with the text kept; good input saved."""

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox

from desktop.ui.main_window import MainWindow
from desktop.ui.new_case import NewCaseDialog
from desktop.ui.settings import Settings

INVALID = "border: 2px solid"


def _fill(dialog, bilirubin="18", nodules="3.5"):
    dialog.mrn.setText("N-0001")
    dialog.name.setText("王伟")
    dialog.bilirubin.setText(bilirubin)
    dialog.albumin.setText("40")
    dialog.inr.setText("1.1")
    dialog.nodules.setText(nodules)
    for field in dialog._inputs.values():  # the choices (units keep their default)
        if isinstance(field, QComboBox) and field.currentData() is None:
            field.setCurrentIndex(1)  # the first real choice (ECOG 0, no ascites, ...)


@pytest.mark.parametrize(
    ("field", "bilirubin", "nodules", "expected"),
    [
        ("labs.bilirubin", "abc", "3.5", '"abc" is not accepted: must be a number'),
        ("tumor.nodules_cm", "18", "35", "35.0 is not accepted: must be less than or equal"),
    ],
)
def test_invalid_input_is_shown_beside_its_field_and_kept(
    qtbot, field, bilirubin, nodules, expected
):
    dialog = NewCaseDialog(today=dt.date(2026, 11, 20))
    qtbot.addWidget(dialog)
    _fill(dialog, bilirubin, nodules)
    dialog.on_accept()
    assert dialog.case() is None
    assert dialog.result() == 0  # still open
    message = dialog._errors[field]
    assert not message.isHidden()
    assert message.text().startswith(field)
    assert expected in message.text()
    assert INVALID in dialog._inputs[field].styleSheet()
    assert (dialog.bilirubin.text(), dialog.nodules.text()) == (bilirubin, nodules)
    others = [p for p, label in dialog._errors.items() if p != field and not label.isHidden()]
    assert others == []


def test_fixing_the_field_clears_its_message(qtbot):
    dialog = NewCaseDialog(today=dt.date(2026, 11, 20))
    qtbot.addWidget(dialog)
    _fill(dialog, bilirubin="abc")
    dialog.on_accept()
    dialog.bilirubin.setText("18")
    dialog.on_accept()
    assert dialog._errors["labs.bilirubin"].isHidden()
    assert dialog._inputs["labs.bilirubin"].styleSheet() == ""
    assert dialog.case().labs.bilirubin.umol_l == pytest.approx(18)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on exec()
def test_valid_input_creates_the_case_in_the_store(qtbot, store, tmp_path):
    window = MainWindow(store, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    seen = []

    def fill_and_accept():
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        _fill(dialog)
        dialog.on_accept()

    QTimer.singleShot(0, fill_and_accept)
    window.case_actions.on_new_case()
    assert seen == ["NewCaseDialog"]
    [row] = store.list_cases()
    assert (row.mrn, row.name) == ("N-0001", "王伟")
    stored = store.get_case(row.case_id).case
    assert stored.labs.albumin.g_l == pytest.approx(40)
    assert stored.tumor.nodules_cm == [3.5]
    assert window.cases.model.rowCount() == 1
    assert window.tabs.currentWidget().case_id == row.case_id  # opened in its workspace
