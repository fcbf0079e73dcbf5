"""The main window's Team menu and idle lock, composed into the window (`Team(window)`).

"Add a team member" is for a signed-in person; the new member sets their own password the first
time they sign in or sign. "Change my password" asks the old password and the new one twice;
"Give a member access" lets an account older than the encryption open the database with its
own password; a database without accounts offers its first account. After `idle_lock_minutes`
(a store setting, default 10; 0 never) without keyboard or mouse input the window hides every
patient value (the tabs are taken out of the window, the presentation window is hidden, the
recent-cases menu is emptied) until the signed-in person types their password.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.accounts import (
    ChangePasswordDialog,
    add_member_dialog,
    first_account_dialog,
    give_access_dialog,
    unlock_dialog,
)

if TYPE_CHECKING:  # the window composes its Team: imported for the types only
    from desktop.logic.store import Account
    from desktop.ui.main_window import MainWindow

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Team", text)


class LockedPanel(QWidget):
    """What the window shows while locked: no patient value, a button to unlock."""

    def __init__(self, on_unlock: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(_tr("Locked: patient values are hidden until the password is given."))
        label.setWordWrap(True)
        self.unlock_button = QPushButton(_tr("Unlock…"))
        self.unlock_button.clicked.connect(on_unlock)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(self.unlock_button)
        layout.addStretch(1)


class Team(QObject):
    """Team menu and idle lock of one main window."""

    personChanged = Signal()  # someone signed in (the first account was made in the window)
    first_account_action: QAction  # the Team menu's entries, made by _menu
    add_member_action: QAction
    give_access_action: QAction
    change_password_action: QAction
    lock_action: QAction

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self._hidden: QWidget | None = None
        self._enabled: list[QAction] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self._menu()
        self.start_timer()

    def _menu(self) -> None:
        menu = self.window.menuBar().addMenu(_tr("&Team"))
        entries = (
            ("first_account_action", _tr("&Create the first account…"), self.on_first_account),
            ("add_member_action", _tr("&Add a team member…"), self.on_add_member),
            ("give_access_action", _tr("&Give a member access…"), self.on_give_access),
            ("change_password_action", _tr("&Change my password…"), self.on_change_password),
            ("lock_action", _tr("&Lock now"), self.lock),
        )
        for attribute, text, slot in entries:
            action = QAction(text, self.window)
            action.triggered.connect(lambda _checked=False, run=slot: run())
            menu.addAction(action)
            setattr(self, attribute, action)
        self.lock_action.setShortcut("Ctrl+L")
        self.update_actions()

    def update_actions(self) -> None:
        """What the Team menu offers follows who is signed in and what the database is."""
        store = self.window.store
        signed_in, writable = store.signed_in is not None, not store.read_only
        first = writable and not signed_in and not store.has_accounts()
        self.first_account_action.setVisible(first)
        self.add_member_action.setEnabled(signed_in and writable)
        self.give_access_action.setVisible(store.key is not None)
        self.give_access_action.setEnabled(signed_in and writable)
        self.change_password_action.setEnabled(signed_in and writable)
        self.lock_action.setEnabled(signed_in)

    def start_timer(self) -> None:
        """Count idle minutes from now (`idle_lock_minutes`; 0 never) once someone signed in."""
        minutes = int(self.window.store.get_setting("idle_lock_minutes") or 0)
        if minutes > 0 and self.window.store.signed_in is not None and not self.timer.isActive():
            self.timer.setInterval(minutes * 60_000)
            app = QApplication.instance()
            assert app is not None, "a window exists only in a running QApplication"
            app.installEventFilter(self)
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS and not self.locked:
            self.timer.start()
        return False

    def on_add_member(self) -> Account | None:
        store = self.window.store
        dialog = add_member_dialog(store.add_account, self.window, self.window.settings.language)
        account = dialog.result_value if dialog.exec() else None
        if account is None:
            return None
        QMessageBox.information(
            self.window,
            _tr("Team member added"),
            _tr("{0} ({1}) was added. Tell them the initial password; they set their own the "
                "first time they sign in or sign.").format(account.name, account.role),
        )  # fmt: skip
        return account

    def on_first_account(self) -> Account | None:
        """A database without accounts (opened outside the sign-in): its first account, so that
        changes are recorded under a person and decisions can be signed."""
        store = self.window.store
        dialog = first_account_dialog(store.add_account, self.window, self.window.settings.language)
        account = dialog.result_value if dialog.exec() else None
        if account is None:
            return None
        self.update_actions()
        self.start_timer()
        self.personChanged.emit()
        return account

    def on_give_access(self) -> Account | None:
        store = self.window.store
        dialog = give_access_dialog(store.give_access, store.without_access(), self.window,
                                    self.window.settings.language)  # fmt: skip
        account = dialog.result_value if dialog.exec() else None
        if account is None:
            return None
        QMessageBox.information(
            self.window, _tr("Access given"),
            _tr("{0} can now open this database with their own password.").format(account.name),
        )  # fmt: skip
        return account

    def on_change_password(self) -> bool:
        store = self.window.store
        name = store.account().name

        def change(old: str, new: str) -> Account:
            return store.change_password(name, old, new)

        dialog = ChangePasswordDialog(name, change, self.window, self.window.settings.language)
        if not dialog.exec():
            return False
        self.window.show_status(_tr("Your password was changed."))
        return True

    def lock(self) -> None:
        """Hide every patient value; the tabs come back only with the password."""
        if self.locked or self.window.store.signed_in is None:
            return
        self.locked = True
        self.timer.stop()
        recent = getattr(self.window, "recent", None)
        if recent is not None:  # its entries name patients; it is rebuilt when next opened
            recent.clear()
        self._enabled = [a for a in self.window.findChildren(QAction) if a.isEnabled()]
        for action in self._enabled:  # no export or case action while locked
            action.setEnabled(False)
        self._hidden = self.window.takeCentralWidget()  # the tabs
        if self._hidden is not None:
            self._hidden.hide()
        self.window.setCentralWidget(LockedPanel(self.ask_password, self.window))
        presentation = getattr(self.window, "_presentation", None)
        if presentation is not None:
            presentation.hide()
        QTimer.singleShot(0, self.window, self.ask_password)

    def ask_password(self) -> bool:
        if not self.locked:
            return True
        store = self.window.store
        name = store.account().name
        dialog = unlock_dialog(store.verify_password, name, self.window,
                               self.window.settings.language)  # fmt: skip
        if dialog.exec():
            self.unlock()
            return True
        return False

    def unlock(self) -> None:
        panel = self.window.takeCentralWidget()  # the locked panel
        if panel is not None:
            panel.deleteLater()
        hidden, self._hidden = self._hidden, None
        if hidden is not None:
            self.window.setCentralWidget(hidden)
            hidden.show()
        for action in self._enabled:
            action.setEnabled(True)
        self._enabled = []
        self.locked = False
        if self.timer.interval() > 0:
            self.timer.start()
