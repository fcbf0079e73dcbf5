"""Account dialogs: the first account, sign-in, a new team member, a person's password, a
changed password, and access for a member whose account predates the encryption.

Passwords are typed into masked fields, handed to the store, and never kept in the settings,
written to a file or logged. A dialog that checks a password calls back into the store and
shows the refusal in words without closing, so a mistyped password can be typed again.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.store import StoreError, error_text
from desktop.ui.palette import colour_style
from desktop.ui.panel_widgets import grow_to_fit

MIN_PASSWORD = 8
T = TypeVar("T")  # what a dialog's callback answers (a Store, an Account): its result_value


def _tr(text: str) -> str:
    return QCoreApplication.translate("Accounts", text)


def password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return "x"  # a field without text counts as filled


class _FormDialog(QDialog):
    """A titled form with an explanation, a problem line and OK/Cancel."""

    def __init__(self, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.problem = QLabel(self)
        self.problem.setStyleSheet(colour_style("problem"))  # reads on a dark palette too
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 -- Qt's name
        """The buttons are made before the subclass's fields: Tab goes down the form, then to
        the buttons, and typing starts in the first empty field (never on OK or Cancel)."""
        role = QFormLayout.ItemRole.FieldRole
        items = (self.form.itemAt(row, role) for row in range(self.form.rowCount()))
        shown = (item.widget() for item in items if item is not None)
        fields = [widget for widget in shown if widget is not None and widget.isEnabled()]
        chain: list[QWidget] = [*fields, self.buttons]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        empty = [f for f in fields if not _text_of(f)]
        super().showEvent(event)
        if fields and self.focusWidget() not in fields:
            (empty or fields)[0].setFocus()

    def say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        grow_to_fit(self)

    def on_accept(self) -> None:  # pragma: no cover - every dialog defines its own
        self.accept()


class NewAccountDialog(_FormDialog, Generic[T]):
    """Name, role and a password typed twice: the first account, or a new team member."""

    def __init__(
        self, title: str, intro: str, create: Callable[[str, str, str], T],
        parent: QWidget | None = None, lang: str = "en",
    ) -> None:  # fmt: skip
        from desktop.ui.dialogs import mdt_roles  # not loaded before the sign-in is asked

        super().__init__(title, intro, parent)
        self._create, self.lang = create, lang
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(_tr("e.g. Li Ming"))
        self.role = QComboBox(self)
        self.role.setEditable(True)
        self.role.addItems(mdt_roles())
        self.role.setCurrentIndex(-1)  # none chosen: Down offers the first role
        self.password = password_field(self)
        self.again = password_field(self)
        self.form.addRow(_tr("&Name"), self.name)
        self.form.addRow(_tr("&Role"), self.role)
        self.form.addRow(_tr("&Password"), self.password)
        self.form.addRow(_tr("Password &again"), self.again)
        self.name.setFocus()  # the first field to type in (else the buttons, made first)
        self.result_value: T | None = None

    def on_accept(self) -> None:
        name, role = self.name.text().strip(), self.role.currentText().strip()
        password = self.password.text()
        if not name or not role:
            return self.say(_tr("Please give a name and a role."))
        if len(password) < MIN_PASSWORD:
            return self.say(_tr("The password needs at least 8 characters."))
        if password != self.again.text():
            return self.say(_tr("The two passwords differ: type them again."))
        try:
            self.result_value = self._create(name, role, password)
        except StoreError as exc:
            return self.say(error_text(exc, self.lang))
        self.password.clear()
        self.again.clear()
        self.accept()


def first_account_dialog(
    create: Callable[[str, str, str], T], parent: QWidget | None = None, lang: str = "en"
) -> NewAccountDialog[T]:
    dialog = NewAccountDialog("", "", create, parent, lang)
    dialog.setWindowTitle(_tr("Create the first account"))
    dialog.intro.setText(
        _tr(
            "This database has no account yet. Create yours: your name and role are recorded "
            "with every change, and your password protects the database and your signature. "
            "There is no way to recover a forgotten password."
        )
    )
    return dialog


def add_member_dialog(
    create: Callable[[str, str, str], T], parent: QWidget | None = None, lang: str = "en"
) -> NewAccountDialog[T]:
    dialog = NewAccountDialog("", "", create, parent, lang)
    dialog.setWindowTitle(_tr("Add a team member"))
    dialog.intro.setText(
        _tr(
            "Give the new member's name, role and an initial password to tell them. They set "
            "their own password the first time they sign in or sign; only then do they get "
            "their signing key."
        )
    )
    return dialog


class PasswordDialog(_FormDialog, Generic[T]):
    """One person's password, checked by `check(name, password)` before the dialog closes."""

    def __init__(
        self, title: str, intro: str, check: Callable[[str, str], T],
        name: str = "", parent: QWidget | None = None, lang: str = "en",
    ) -> None:  # fmt: skip
        super().__init__(title, intro, parent)
        self.check, self.lang = check, lang
        self.name = QLineEdit(name, self)
        self.name.setReadOnly(bool(name))
        self.password = password_field(self)
        self.form.addRow(_tr("&Name"), self.name)
        self.form.addRow(_tr("&Password"), self.password)
        # The first field to type in has the focus (else the buttons, made first, had it).
        (self.password if name else self.name).setFocus()
        self.result_value: T | None = None

    def on_accept(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        if not name or not password:
            return self.say(_tr("Please give the name and the password."))
        try:
            self.result_value = self.check(name, password)
        except StoreError as exc:
            self.password.clear()
            return self.say(error_text(exc, self.lang))
        self.password.clear()
        self.accept()


def sign_in_dialog(
    check: Callable[[str, str], T], parent: QWidget | None = None, lang: str = "en",
    name: str = "",
) -> PasswordDialog[T]:  # fmt: skip
    dialog = PasswordDialog("", "", check, name, parent, lang)
    dialog.setWindowTitle(_tr("Sign in"))
    dialog.intro.setText(_tr("Sign in with your name and password to open the MDT cases."))
    return dialog


def unlock_dialog(
    check: Callable[[str, str], T], name: str, parent: QWidget | None = None,
    lang: str = "en",
) -> PasswordDialog[T]:  # fmt: skip
    dialog = PasswordDialog("", "", check, name, parent, lang)
    dialog.setWindowTitle(_tr("Locked"))
    dialog.intro.setText(
        _tr(
            "The planner was locked after a time without use; patient values are hidden. "
            "Type the password of {0} to go on."
        ).format(name)
    )
    return dialog


def signer_dialog(
    check: Callable[[str, str], T], name: str, parent: QWidget | None = None,
    lang: str = "en",
) -> PasswordDialog[T]:  # fmt: skip
    dialog = PasswordDialog("", "", check, name, parent, lang)
    dialog.setWindowTitle(_tr("Sign as {0}").format(name))
    dialog.intro.setText(
        _tr(
            "Only {0} can sign as {0}: {0} types their own password now. An attendee who is "
            'not at the computer stays "present, not signed" and can sign later.'
        ).format(name)
    )
    return dialog


def give_access_dialog(
    give: Callable[[str, str], T], waiting: list[str], parent: QWidget | None = None,
    lang: str = "en",
) -> PasswordDialog[T]:  # fmt: skip
    """A member whose account existed before the database was encrypted types their own
    password here once; the database key is then wrapped under it."""
    dialog = PasswordDialog("", "", give, waiting[0] if len(waiting) == 1 else "", parent, lang)
    dialog.name.setReadOnly(False)
    dialog.setWindowTitle(_tr("Give a member access"))
    dialog.intro.setText(
        _tr(
            "These accounts existed before the database was encrypted and cannot open it yet: "
            "{0}. The member types their own name and password here; from then on they open "
            "the database with it. Nobody's password is changed."
        ).format(", ".join(waiting) or _tr("none"))
    )
    return dialog


def new_password_problem(password: str, again: str) -> str | None:
    """Why a new password typed twice is refused, in words; None when it is usable."""
    if len(password) < MIN_PASSWORD:
        return _tr("The password needs at least 8 characters.")
    if password != again:
        return _tr("The two passwords differ: type them again.")
    return None


class ChangePasswordDialog(_FormDialog):
    """The signed-in person changes their password: the current one, then the new one twice."""

    def __init__(
        self, name: str, change: Callable[[str, str], object], parent: QWidget | None = None,
        lang: str = "en",
    ) -> None:  # fmt: skip
        super().__init__("", "", parent)
        self.change, self.lang = change, lang
        self.setWindowTitle(_tr("Change your password"))
        self.intro.setText(
            _tr(
                "{0}: type your current password, then the new one twice. Your signing key "
                "and the database key are locked again under the new password; the old one "
                "stops working."
            ).format(name)
        )
        self.old = password_field(self)
        self.password = password_field(self)
        self.again = password_field(self)
        self.form.addRow(_tr("&Current password"), self.old)
        self.form.addRow(_tr("New &password"), self.password)
        self.form.addRow(_tr("Password &again"), self.again)

    def on_accept(self) -> None:
        if not self.old.text():
            return self.say(_tr("Please type your current password."))
        problem = new_password_problem(self.password.text(), self.again.text())
        if problem:
            return self.say(problem)
        try:
            self.change(self.old.text(), self.password.text())
        except StoreError as exc:
            self.old.clear()
            return self.say(error_text(exc, self.lang))
        for field in (self.old, self.password, self.again):
            field.clear()
        self.accept()


class OwnPasswordDialog(_FormDialog):
    """A member with an initial password sets their own (typed twice)."""

    def __init__(
        self, name: str, change: Callable[[str], object], parent: QWidget | None = None,
        lang: str = "en",
    ) -> None:  # fmt: skip
        super().__init__("", "", parent)
        self.change, self.lang = change, lang
        self.setWindowTitle(_tr("Set your own password"))
        self.intro.setText(
            _tr(
                "{0}, your password was set by someone else. Choose your own now: it makes "
                "your signing key, which only you can use."
            ).format(name)
        )
        self.password = password_field(self)
        self.again = password_field(self)
        self.form.addRow(_tr("New &password"), self.password)
        self.form.addRow(_tr("Password &again"), self.again)

    def on_accept(self) -> None:
        password = self.password.text()
        problem = new_password_problem(password, self.again.text())
        if problem:
            return self.say(problem)
        try:
            self.change(password)
        except StoreError as exc:
            return self.say(error_text(exc, self.lang))
        self.password.clear()
        self.again.clear()
        self.accept()
