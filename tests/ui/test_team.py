"""Team menu and idle lock: adding a member, and no patient value on screen while locked."""

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QWidget

from desktop.logic.store import AuthError, encrypt_database, init_database, open_database
from desktop.logic.store.database import Store
from desktop.ui.accounts import ChangePasswordDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.factories import make_case
from tests.ui.answers import answer_modals, create_account, reply

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


def change_password(old: str, new: str, seen: list):
    """Answer the change-password dialog: `old`, then `new` twice; note the refusal shown."""

    def answer(widget):
        if not isinstance(widget, ChangePasswordDialog):
            return False
        widget.old.setText(old)
        widget.password.setText(new)
        widget.again.setText(new)
        widget.on_accept()
        seen.append(widget.problem.text() if widget.isVisible() else "accepted")
        if widget.isVisible():
            widget.reject()
        return True

    return answer


@pytest.fixture
def encrypted_window(qtbot, tmp_path):
    path = tmp_path / "cases.sqlite3"
    store = init_database(path, "Li Ming", "hepatobiliary surgeon", "li-password")
    shown = MainWindow(store, Settings.at(tmp_path / "s.ini"))
    qtbot.addWidget(shown)
    yield shown
    shown.close()
    store.close()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_change_my_password_asks_the_old_one_and_rewraps_both_keys(encrypted_window):
    store, seen = encrypted_window.store, []
    assert encrypted_window.team.change_password_action.isEnabled()
    answer_modals(change_password("not-my-password", "li-new-password", seen))
    assert encrypted_window.team.on_change_password() is False
    answer_modals(change_password("li-password", "li-new-password", seen))
    assert encrypted_window.team.on_change_password() is True
    assert seen == ["Wrong password for Li Ming.", "accepted"]
    for old_one in ("not-my-password", "li-password"):
        with pytest.raises(AuthError):
            open_database(store.path, "Li Ming", old_one, read_only=True)
        with pytest.raises(AuthError):
            store.signing_accounts([("Li Ming", old_one)])
    open_database(store.path, "Li Ming", "li-new-password", read_only=True).close()
    assert store.signing_accounts([("Li Ming", "li-new-password")])


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize(("new", "again", "problem"), [
    ("short", "short", "The password needs at least 8 characters."),
    ("long-enough-1", "long-enough-2", "The two passwords differ: type them again."),
])  # fmt: skip
def test_the_new_password_is_typed_twice_and_long_enough(new, again, problem):
    dialog = ChangePasswordDialog("Li Ming", lambda old, new: None)
    dialog.old.setText("li-password")
    dialog.password.setText(new)
    dialog.again.setText(again)
    dialog.on_accept()
    assert dialog.problem.text() == problem


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_member_from_before_the_encryption_is_given_access_with_their_password(
    qtbot, tmp_path
):
    path = tmp_path / "cases.sqlite3"
    with Store.open(path) as plain:
        plain.add_account("Li Ming", "hepatobiliary surgeon", "li-password")
        plain.add_account("Wang Fang", "medical oncologist", "wang-initial")
    assert encrypt_database(path, "Li Ming", "li-password") == ["Wang Fang"]
    with open_database(path, "Li Ming", "li-password") as store:
        shown = MainWindow(store, Settings.at(tmp_path / "s.ini"))
        qtbot.addWidget(shown)
        assert shown.team.give_access_action.isVisible()
        intro = []

        def wrong_then_right(widget):
            intro.append(widget.intro.text())
            widget.password.setText("li-password")
            widget.on_accept()
            intro.append(widget.problem.text())
            widget.password.setText("wang-initial")
            widget.on_accept()
            return True

        answer_modals(wrong_then_right, reply("Access given", True))
        assert shown.team.on_give_access().name == "Wang Fang"
        assert "cannot open it yet: Wang Fang." in intro[0]
        assert intro[1] == "Wrong password for Wang Fang."
        assert store.without_access() == []
        shown.close()
    open_database(path, "Wang Fang", "wang-initial", read_only=True).close()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_database_without_accounts_offers_its_first_account(qtbot, tmp_path):
    with Store.open(tmp_path / "plain.sqlite3") as store:
        shown = MainWindow(store, Settings.at(tmp_path / "s.ini"))
        qtbot.addWidget(shown)
        team = shown.team
        assert team.first_account_action.isVisible()
        assert not team.add_member_action.isEnabled()
        assert not team.give_access_action.isVisible()
        answer_modals(create_account("Li Ming", "hepatobiliary surgeon", "li-password"))
        assert team.on_first_account().name == "Li Ming"
        assert store.signed_in.name == "Li Ming"
        assert not team.first_account_action.isVisible()
        assert team.add_member_action.isEnabled()
        assert team.change_password_action.isEnabled()
        assert team.timer.isActive()
        assert shown.user_label.text() == "Working: Li Ming (hepatobiliary surgeon)"
        shown.close()
