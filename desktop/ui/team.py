"""The main window's Team menu and idle lock, composed into the window (`Team(window)`).

"Add a team member" is for a signed-in person; the new member sets their own password the first
time they sign in or sign. After `idle_lock_minutes` (a store setting, default 10; 0 never)
without keyboard or mouse input the window hides every patient value (the tabs are taken out of
the window, the presentation window is hidden) until the signed-in person types their password.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.accounts import add_member_dialog, unlock_dialog

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
        minutes = int(window.store.get_setting("idle_lock_minutes") or 0)
        if minutes > 0 and window.store.signed_in is not None:
            self.timer.setInterval(minutes * 60_000)
            app = QApplication.instance()
            assert app is not None, "a window exists only in a running QApplication"
            app.installEventFilter(self)
            self.timer.start()

    def _menu(self) -> None:
        menu = self.window.menuBar().addMenu(_tr("&Team"))
        self.add_member_action = QAction(_tr("&Add a team member…"), self.window)
        self.add_member_action.triggered.connect(lambda _checked=False: self.on_add_member())
        self.lock_action = QAction(_tr("&Lock now"), self.window)
        self.lock_action.setShortcut("Ctrl+L")
        self.lock_action.triggered.connect(lambda _checked=False: self.lock())
        signed_in = self.window.store.signed_in is not None
        self.add_member_action.setEnabled(signed_in and not self.window.store.read_only)
        self.lock_action.setEnabled(signed_in)
        menu.addAction(self.add_member_action)
        menu.addAction(self.lock_action)

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

    def lock(self) -> None:
        """Hide every patient value; the tabs come back only with the password."""
        if self.locked or self.window.store.signed_in is None:
            return
        self.locked = True
        self.timer.stop()
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
