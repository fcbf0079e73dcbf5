"""Who attended a decision: a team member chosen from the list (their role comes with them),
or anyone else by name and role, typed or chosen from the usual MDT roles."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from desktop.ui.dialogs import mdt_roles
from desktop.ui.panel_widgets import row_of


def _tr(text: str) -> str:
    return QCoreApplication.translate("DecisionStep", text)


def _editable(placeholder: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMinimumContentsLength(16)
    combo.setAccessibleName(placeholder)
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(placeholder)
    return combo


class AttendeeInput:
    """The name box (the team's accounts listed), the role box and the Add button."""

    def __init__(self) -> None:
        self.name = _editable(_tr("name"))
        self.role = _editable(_tr("role"))
        self.role.addItems(mdt_roles())
        self.add_button = QPushButton(_tr("Add attendee"))
        self.team: list[tuple[str, str]] = []
        self.name.currentIndexChanged.connect(self._role_of_member)
        self.clear()

    def row(self) -> QWidget:
        return row_of(self.name, self.role, self.add_button, stretch_after=False)

    def widgets(self) -> list[QWidget]:
        return [self.name, self.role, self.add_button]

    def set_team(self, team: list[tuple[str, str]]) -> None:
        """The members (name, role) offered in the name box; what is typed stays."""
        if team == self.team:
            return
        self.team = team
        typed = self.name.currentText()
        self.name.blockSignals(True)
        self.name.clear()
        for name, role in team:
            self.name.addItem(name, role)
        self.name.setCurrentIndex(-1)
        self.name.setEditText(typed)
        self.name.blockSignals(False)

    def _role_of_member(self, index: int) -> None:
        role = self.name.itemData(index) if index >= 0 else None
        if role:
            self.role.setCurrentIndex(-1)
            self.role.setEditText(str(role))

    def values(self) -> tuple[str, str]:
        return self.name.currentText(), self.role.currentText()

    def clear(self) -> None:
        for box in (self.name, self.role):
            box.setCurrentIndex(-1)
            box.setEditText("")
