"""The new-case dialog: bad input shown beside its field with the text kept; good input saved."""

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox

from desktop.ui.main_window import MainWindow
from desktop.ui.new_case import NewCaseDialog
from desktop.ui.settings import Settings
from tests.factories import make_case

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
    ("field", "label", "bilirubin", "nodules", "expected"),
    [
        ("labs.bilirubin", "Total bilirubin", "abc", "3.5", '"abc" is not accepted: must be'),
        ("tumor.nodules_cm", "Intrahepatic nodules", "18", "35", "35.0 is not accepted: must"),
    ],
)
def test_invalid_input_is_shown_beside_its_field_and_kept(
    qtbot, field, label, bilirubin, nodules, expected
):
    dialog = NewCaseDialog(today=dt.date(2026, 11, 20))
    qtbot.addWidget(dialog)
    _fill(dialog, bilirubin, nodules)
    dialog.on_accept()
    assert dialog.case() is None
    assert dialog.result() == 0  # still open
    message = dialog._errors[field]
    assert not message.isHidden()
    assert message.text().startswith(label)
    assert field not in message.text()  # the reader's words, never the path
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


@pytest.mark.parametrize("typed", ["2026-02-31", "2026-13-01", "26-06-01", "2026/06/01"])
def test_a_wrong_date_is_refused_as_typed_never_rewritten(qtbot, typed):
    dialog = NewCaseDialog(today=dt.date(2026, 11, 20))
    qtbot.addWidget(dialog)
    _fill(dialog)
    dialog.assessed_on.setText(typed)
    dialog.on_accept()
    assert dialog.case() is None
    assert dialog.result() == 0
    assert dialog.assessed_on.text() == typed
    message = dialog._errors["assessed_on"].text()
    assert typed in message
    assert "YYYY-MM-DD" in message or "calendar" in message


def test_a_later_year_is_kept_as_typed(qtbot):
    """2027-06-15 must never become 2026-06-15: kept, and either accepted or refused in words."""
    dialog = NewCaseDialog(today=dt.date(2026, 11, 20))
    qtbot.addWidget(dialog)
    _fill(dialog)
    dialog.assessed_on.setText("2027-06-15")
    dialog.on_accept()
    assert dialog.assessed_on.text() == "2027-06-15"
    if dialog.case() is not None:
        assert dialog.case().assessed_on == dt.date(2027, 6, 15)
    else:
        assert "2027-06-15" in dialog._errors["assessed_on"].text()


def test_the_calendar_writes_the_picked_day_into_the_field(qtbot):
    from PySide6.QtCore import QDate

    dialog = NewCaseDialog(today=dt.date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.assessed_on.on_day_picked(QDate(2026, 2, 28))
    assert dialog.assessed_on.text() == "2026-02-28"


def test_an_mrn_on_file_keeps_the_dialog_open_with_everything_typed(qtbot, store):
    store.new_case(make_case(**{"patient.mrn": "N-0001", "patient.name": "Maria Lopez"}))
    dialog = NewCaseDialog(today=dt.date(2026, 11, 20), store=store)
    qtbot.addWidget(dialog)
    _fill(dialog, bilirubin="21")
    dialog.on_accept()
    assert dialog.result() == 0
    assert dialog.stored_case_id is None
    message = dialog._errors["patient.mrn"]
    assert not message.isHidden()
    assert "N-0001 is already on file for Maria Lopez" in message.text()
    assert (dialog.mrn.text(), dialog.name.text(), dialog.bilirubin.text()) == (
        "N-0001",
        "王伟",
        "21",
    )
    assert store.count_cases() == 1
    dialog.mrn.setText("N-0002")
    dialog.on_accept()
    assert dialog.stored_case_id is not None
    assert store.count_cases() == 2
