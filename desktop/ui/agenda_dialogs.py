"""The agenda's dialogs: choosing cases to add, and the date to carry undiscussed cases to."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.case_list_model import CaseFilter, CaseTableModel

if TYPE_CHECKING:
    from desktop.logic.store import Store


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class CasePickerDialog(QDialog):
    """Choose cases to add to an agenda: the case list's filtered model, several at once."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add cases to the agenda"))
        self.model = CaseTableModel(store, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by name or MRN"))
        self.search.textChanged.connect(lambda text: self.model.set_filter(CaseFilter(text)))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.table, buttons):
            layout.addWidget(widget)
        self.resize(760, 480)

    def chosen(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [cid for cid in (self.model.case_id(r) for r in rows) if cid]


class CarryOverDialog(QDialog):
    """Choose the meeting the undiscussed cases move to (a week later is suggested)."""

    def __init__(self, suggested: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Carry over undiscussed cases"))
        self.date = QDateEdit(qdate(suggested), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Move the cases not yet discussed to the meeting on:")))
        layout.addWidget(self.date)
        layout.addWidget(buttons)

    def chosen(self) -> dt.date:
        return pydate(self.date.date())
