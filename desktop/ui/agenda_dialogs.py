"""The agenda's dialogs: choosing cases to add, and the date to carry undiscussed cases to."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from desktop.ui.date_input import DateInput
from desktop.ui.palette import colour_style

if TYPE_CHECKING:
    from desktop.logic.store import Store


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
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # Whole names and MRNs: every column as wide as its text, never cut to "...".
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.doubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.table, buttons):
            layout.addWidget(widget)
        self.resize(1040, 520)

    def chosen(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [cid for cid in (self.model.case_id(r) for r in rows) if cid]


class CarryOverDialog(QDialog):
    """Choose the meeting the undiscussed cases move to (a week later is suggested); a date
    typed wrong is refused beside the field and the dialog stays open."""

    def __init__(self, suggested: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Carry over undiscussed cases"))
        label = self.tr("Move the cases not yet discussed to the meeting on:")
        self.date = DateInput(label, self)
        self.date.set_date(suggested)
        self.error = QLabel(self)
        self.error.setStyleSheet(colour_style("problem"))
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.date)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def on_accept(self) -> None:
        try:
            day = self.date.date()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        if day is None:
            self.error.setText(self.tr("Type the date of the meeting, YYYY-MM-DD."))
            self.error.show()
            return
        self.accept()

    def chosen(self) -> dt.date:
        day = self.date.date()
        if day is None:
            raise ValueError("no meeting date typed")
        return day
