"""Team menu and idle lock: adding a member, and no patient value on screen while locked."""

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QWidget

from desktop.logic.store.database import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.factories import make_case
from tests.ui.answers import answer_modals, create_account

PATIENT = "Ma Lan"


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store.open(tmp_path / "cases.sqlite3")
    store.add_account("Li Ming", "hepatobiliary surgeon", "li-password")
    store.new_case(make_case(**{"patient.name": PATIENT, "patient.mrn": "H-77"}))
    shown = MainWindow(store, Settings.at(tmp_path / "s.ini"))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()
    store.close()


def visible_texts(window: QWidget) -> str:
    texts = [w.text() for w in window.findChildren(QLabel) + window.findChildren(QLineEdit)
             if w.isVisible()]  # fmt: skip
    for view in window.findChildren(QAbstractItemView):
        if view.isVisible():
            model = view.model()
            texts += [str(model.index(r, c).data()) for r in range(model.rowCount())
                      for c in range(model.columnCount())]  # fmt: skip
    return " ".join(texts)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_idle_lock_follows_the_setting_and_input_restarts_it(window, qtbot):
    assert window.team.timer.interval() == 10 * 60_000
    assert window.team.timer.isActive()
    window.team.timer.stop()
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(5, 5), QPointF(5, 5),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(window, move)
    assert window.team.timer.isActive()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_locked_hides_every_patient_value_until_the_password(window, qtbot):
    assert PATIENT in visible_texts(window)
    seen = []

    def wrong_then_right(widget):
        widget.password.setText("wrong-password")
        widget.on_accept()
        seen.append((PATIENT in visible_texts(window), widget.problem.text()))
        seen.append(window.menus.export_pdf_action.isEnabled())
        widget.password.setText("li-password")
        widget.on_accept()
        return True

    answer_modals(wrong_then_right)
    window.team.lock()
    qtbot.waitUntil(lambda: not window.team.locked)
    assert seen == [(False, "Wrong password for Li Ming."), False]
    assert PATIENT in visible_texts(window)
    assert window.menus.export_pdf_action.isEnabled()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_signed_in_person_adds_a_team_member(window):
    answer_modals(
        create_account("Wang Fang", "medical oncologist", "initial-pw"),
        lambda box: box.windowTitle() == "Team member added" and (box.accept() or True),
    )
    account = window.team.on_add_member()
    assert (account.name, account.password_is_initial) == ("Wang Fang", True)
    assert [a.name for a in window.store.accounts()] == ["Li Ming", "Wang Fang"]


def test_the_lock_needs_a_signed_in_person(qtbot, tmp_path):
    with Store.open(tmp_path / "plain.sqlite3", user=None) as store:
        store.user = None
        window = MainWindow(store, Settings.at(tmp_path / "s.ini"))
        qtbot.addWidget(window)
        assert not window.team.timer.isActive()
        assert not window.team.lock_action.isEnabled()
        window.team.lock()
        assert not window.team.locked
