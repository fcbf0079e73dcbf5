"""The main window's Settings and Help actions: who is working, the department's name, stale
days and rules file, the language, the shortcut list and About.

`Preferences` is an object the window owns; it is given what it changes and says what changed
through signals (the rules file's own `DepartmentRules.changed` included).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from desktop.logic.store import Store, User
from desktop.ui.dialogs import AboutDialog, ShortcutsDialog, WhoIsWorkingDialog
from desktop.ui.rules import DepartmentRules, RulesDialog
from desktop.ui.settings import (
    STALE_DAYS_RANGE,
    department,
    set_department,
    set_stale_days,
    stale_days,
)

if TYPE_CHECKING:
    from desktop.ui.settings import Settings


class Preferences(QObject):
    """Settings and Help; dialogs open over `window`.

    Signals:
        userChanged(): someone else is working now (the store records them).
        departmentChanged(): the department's name changed.
        staleDaysChanged(days): the department's stale limit changed.
    """

    userChanged = Signal()
    departmentChanged = Signal()
    staleDaysChanged = Signal(int)

    def __init__(
        self, window: QWidget, store: Store, settings: Settings, rules: DepartmentRules
    ) -> None:
        super().__init__(window)
        self._window, self._store, self._settings, self._rules = window, store, settings, rules

    def on_who_is_working(self) -> None:
        signed_in = self._store.signed_in
        if signed_in is not None:  # with accounts, who works is who signed in
            QMessageBox.information(
                self._window, self.tr("Who is working"),
                self.tr("You are signed in as {0} ({1}). To work as someone else, quit and "
                        "sign in again.").format(signed_in.name, signed_in.role),
            )  # fmt: skip
            return
        current = self._settings.user() or ("", "")
        dialog = WhoIsWorkingDialog(*current, parent=self._window)
        if dialog.exec():
            name, role = dialog.values()
            self._settings.set_user(name, role)
            self._store.user = User(name, role)
            self.userChanged.emit()

    def on_department(self) -> None:
        name, ok = QInputDialog.getText(
            self._window,
            self.tr("Department"),
            self.tr("Department name (printed on documents):"),
            text=department(self._store),
        )
        if ok:
            set_department(self._store, name)
            self.departmentChanged.emit()

    def on_stale_days(self) -> None:
        days, ok = QInputDialog.getInt(
            self._window,
            self.tr("Stale data"),
            self.tr(
                "Mark labs or imaging as stale when older than this many days (local policy, "
                "for the whole department: kept in the database):"
            ),
            stale_days(self._store),
            *STALE_DAYS_RANGE,
        )
        if ok:
            self.on_stale_days_chosen(days)

    def on_stale_days_chosen(self, days: int) -> None:
        set_stale_days(self._store, days)
        self.staleDaysChanged.emit(days)

    def on_rules(self) -> RulesDialog:
        dialog = RulesDialog(
            self._rules, self._store.read_only, self._settings.language, self._window
        )
        dialog.open()
        return dialog

    @property
    def language(self) -> str:
        """The language chosen (the one the Language menu marks)."""
        return self._settings.language

    def on_language(self, lang: str) -> None:
        if lang == self._settings.language:
            return
        self._settings.set_language(lang)
        QMessageBox.information(
            self._window,
            self.tr("Language"),
            self.tr("The new language applies the next time the planner starts."),
        )

    def on_shortcuts(self) -> None:
        ShortcutsDialog(self._window).exec()

    def on_about(self) -> None:
        AboutDialog(self._rules.rules.version, self._window).exec()
