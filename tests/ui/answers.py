"""Answering the modal dialogs of start-up in tests: each answer waits for its dialog."""

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.ui.accounts import NewAccountDialog, PasswordDialog

Answer = Callable[[QWidget], bool]
TRIES = 500  # 10 ms apart: a dialog that never comes stops the polling after 5 s


def answer_modals(*answers: Answer) -> list[Answer]:
    """Answer the next modal dialogs in order; returns the answers still pending (a list that
    empties as they are given)."""
    pending = list(answers)
    tries = [TRIES]

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        try:
            answered = pending and widget is not None and pending[0](widget)
        except Exception:  # a broken answer closes its dialog: the test fails, never hangs
            widget.reject()
            raise
        if answered:
            pending.pop(0)
        tries[0] -= 1
        if pending and tries[0] > 0:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return pending


def create_account(name: str, role: str, password: str) -> Answer:
    def answer(widget: QWidget) -> bool:
        if not isinstance(widget, NewAccountDialog):
            return False
        widget.name.setText(name)
        widget.role.setCurrentText(role)
        widget.password.setText(password)
        widget.again.setText(password)
        widget.on_accept()
        return True

    return answer


def give_password(password: str, name: str | None = None) -> Answer:
    def answer(widget: QWidget) -> bool:
        if not isinstance(widget, PasswordDialog):
            return False
        if name is not None and not widget.name.isReadOnly():
            widget.name.setText(name)
        widget.password.setText(password)
        widget.on_accept()
        return True

    return answer


def reply(title: str, accept: bool) -> Answer:
    def answer(widget: QWidget) -> bool:
        if widget.windowTitle() != title:
            return False
        if isinstance(widget, QMessageBox):
            wanted = QMessageBox.StandardButton.Yes if accept else QMessageBox.StandardButton.No
            button = widget.button(wanted)
            if button is not None:
                button.click()
                return True
        widget.accept() if accept else widget.reject()
        return True

    return answer
