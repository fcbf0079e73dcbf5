"""The meeting agenda view: cases of one MDT meeting in order, what each still lacks, carry-over.

The table model is desktop.ui.agenda_model, the dialogs desktop.ui.agenda_dialogs. Readiness
(missing or stale items) comes from clinical.completeness, judged on the meeting date with
the department's stale days (the store setting `stale_days`). Every change is a store call
(audited there). The agenda loads when first shown, so start-up does not parse cases.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.agenda_dialogs import CarryOverDialog, CasePickerDialog
from desktop.ui.agenda_model import AgendaModel
from desktop.ui.date_input import DateInput
from desktop.ui.palette import colour_style, invalid_border_style
from desktop.ui.settings import stale_days

if TYPE_CHECKING:
    from desktop.logic.store import Store
    from desktop.ui.settings import Settings


class AgendaView(QWidget):
    """Meeting date, the ordered agenda with readiness, and the agenda's actions.

    Signals:
        openRequested(case_id): open a case in the workspace.
        presentRequested(meeting_date): present this meeting full screen (ISO date).
        packRequested(meeting_date): export this meeting's cases as one PDF (ISO date).
    """

    openRequested = Signal(str)
    presentRequested = Signal(str)
    packRequested = Signal(str)

    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.settings = store, settings
        self.model = AgendaModel(store, stale_days(store), settings.language, self)
        self._loaded = False
        self._build()

    @property
    def loaded(self) -> bool:
        """Whether a meeting's agenda was read (it is not at start-up)."""
        return self._loaded

    def ensure_loaded(self) -> None:
        """Load the next meeting's agenda the first time it is needed (not at start-up)."""
        if not self._loaded:
            self.on_meeting_chosen(self.default_meeting())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 -- Qt override
        self.ensure_loaded()
        super().showEvent(event)

    def default_meeting(self) -> dt.date:
        """The next meeting on record (today or later), else today."""
        today = dt.date.today().isoformat()
        upcoming = [m for m in self.store.agenda.meetings() if m >= today]
        return dt.date.fromisoformat(upcoming[0]) if upcoming else dt.date.today()

    def _build(self) -> None:
        # Typed as YYYY-MM-DD (or picked): a wrong date is refused in words, never rewritten.
        self.date = DateInput(self.tr("Meeting on"), self)
        self.date.edit.returnPressed.connect(self.on_date_typed)
        self.date.edit.editingFinished.connect(self.on_date_typed)
        self.date.edited.connect(self._on_date_picked)
        self.date_error = QLabel(self)
        self.date_error.setStyleSheet(colour_style("problem"))
        self.date_error.hide()
        self.known = QComboBox(self)
        self.known.activated.connect(
            lambda i: self.on_meeting_chosen(dt.date.fromisoformat(self.known.itemData(i)))
        )
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Cases on the agenda"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Whole names (never "..."); the question takes the room that is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(lambda index: self.on_open(index.row()))
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self.on_row_selected(current.row())
        )
        self.gaps = QListWidget(self)
        self.gaps.setWordWrap(True)
        self.gaps_title = QLabel(self.tr("Before the meeting"), self)
        self.gaps_title.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addLayout(self._date_bar())
        layout.addWidget(self._body(), 1)
        layout.addLayout(self._buttons())

    def _date_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for text, field in (
            (self.tr("Meeting on"), self.date),
            (self.tr("Meetings on record"), self.known),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)  # the field's accessible name
            bar.addWidget(label)
            bar.addWidget(field)
            if field is self.date:
                bar.addWidget(self.date_error)
        self.summary = QLabel(self)
        bar.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignRight)
        return bar

    def _body(self) -> QSplitter:
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.gaps_title)
        side_layout.addWidget(self.gaps, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setSizes([700, 380])
        return splitter

    def _buttons(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        actions = (
            (self.tr("&Add cases…"), self.on_add_clicked),
            (self.tr("Move &up"), lambda: self.on_move(self.current_row(), -1)),
            (self.tr("Move do&wn"), lambda: self.on_move(self.current_row(), +1)),
            (self.tr("&Remove"), lambda: self.on_remove(self.current_row())),
            (self.tr("Mark &discussed"), lambda: self.on_toggle_discussed(self.current_row())),
            (self.tr("&Carry over undiscussed…"), self.on_carry_over_clicked),
            (self.tr("&Open case"), lambda: self.on_open(self.current_row())),
            (self.tr("&Present (F5)"), self.on_present),
            (self.tr("E&xport meeting pack…"), self.on_pack),
        )
        self.buttons = {}
        for text, slot in actions:
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[text] = button
        bar.addStretch(1)
        return bar

    def meeting(self) -> dt.date:
        return self.model.meeting()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def on_meeting_chosen(self, meeting: dt.date) -> None:
        self._loaded = True
        self.date.set_date(meeting)
        self.date_error.hide()
        self.date.edit.setStyleSheet("")
        self.model.load(meeting)
        self._refresh_known()
        self._refresh_summary()
        self.on_row_selected(-1)

    def on_date_typed(self) -> None:
        """Show the meeting typed; a date that is not one is said beside it and kept."""
        try:
            day = self.date.date()
        except ValueError as exc:
            self.date_error.setText(str(exc))
            self.date_error.show()
            self.date.edit.setStyleSheet(invalid_border_style())
            return
        if day is not None and day != self.meeting():
            self.on_meeting_chosen(day)
        elif day is not None:
            self.date_error.hide()
            self.date.edit.setStyleSheet("")

    def _on_date_picked(self) -> None:
        if not self.date.edit.hasFocus():  # a calendar pick; typing waits for Enter or focus out
            self.on_date_typed()

    def _refresh_known(self) -> None:
        self.known.clear()
        for meeting in reversed(self.store.agenda.meetings()):
            self.known.addItem(meeting, meeting)
        self.known.setCurrentIndex(self.known.findData(self.meeting().isoformat()))

    def _refresh_summary(self) -> None:
        rows = self.model.rows()
        ready = sum(1 for r in rows if r.readiness.ready)
        done = sum(1 for r in rows if r.discussed)
        self.summary.setText(
            self.tr("%1 cases, %2 ready, %3 discussed")
            .replace("%1", str(len(rows)))
            .replace("%2", str(ready))
            .replace("%3", str(done))
        )

    def on_row_selected(self, row: int) -> None:
        self.gaps.clear()
        rows = self.model.rows()
        if not 0 <= row < len(rows):
            self.gaps_title.setText(self.tr("Before the meeting: select a case"))
            return
        chosen = rows[row]
        self.gaps_title.setText(self.tr("Before the meeting: %1").replace("%1", chosen.name))
        lang = self.settings.language
        texts = [gap.message.render(lang) for gap in chosen.readiness.gaps]
        self.gaps.addItems(texts or [self.tr("Nothing missing or stale.")])

    def _after_change(self, keep_row: int) -> None:
        self.model.reload()
        self._refresh_known()
        self._refresh_summary()
        if 0 <= keep_row < self.model.rowCount():
            self.table.selectRow(keep_row)
            self.on_row_selected(keep_row)

    def on_add_cases(self, case_ids: list[str]) -> None:
        for case_id in case_ids:
            self.store.agenda.add(self.meeting().isoformat(), case_id)
        self._after_change(self.model.rowCount())

    def on_add_clicked(self) -> None:
        picker = CasePickerDialog(self.store, self)
        if picker.exec() == QDialog.DialogCode.Accepted:
            self.on_add_cases(picker.chosen())

    def on_move(self, row: int, delta: int) -> None:
        rows = self.model.rows()
        target = row + delta
        if not (0 <= row < len(rows) and 0 <= target < len(rows)):
            return
        self.store.agenda.move(self.meeting().isoformat(), rows[row].case_id, target)
        self._after_change(target)

    def on_remove(self, row: int) -> None:
        rows = self.model.rows()
        if 0 <= row < len(rows):
            self.store.agenda.remove(self.meeting().isoformat(), rows[row].case_id)
            self._after_change(min(row, len(rows) - 2))

    def on_toggle_discussed(self, row: int) -> None:
        rows = self.model.rows()
        if 0 <= row < len(rows):
            self.store.agenda.mark_discussed(
                self.meeting().isoformat(), rows[row].case_id, not rows[row].discussed
            )
            self._after_change(row)

    def on_carry_over(self, to_date: dt.date) -> int:
        """Move the undiscussed cases to `to_date`'s agenda and show that meeting."""
        moved = self.store.agenda.carry_over(self.meeting().isoformat(), to_date.isoformat())
        self.on_meeting_chosen(to_date)
        return moved

    def on_carry_over_clicked(self) -> None:
        dialog = CarryOverDialog(self.meeting() + dt.timedelta(days=7), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            moved = self.on_carry_over(dialog.chosen())
            QMessageBox.information(
                self,
                self.tr("Carried over"),
                self.tr("%1 undiscussed case(s) moved to %2.")
                .replace("%1", str(moved))
                .replace("%2", dialog.chosen().isoformat()),
            )

    def on_open(self, row: int) -> None:
        rows = self.model.rows()
        if 0 <= row < len(rows):
            self.openRequested.emit(rows[row].case_id)

    def on_present(self) -> None:
        self.presentRequested.emit(self.meeting().isoformat())

    def on_pack(self) -> None:
        self.packRequested.emit(self.meeting().isoformat())

    def on_stale_days_changed(self, days: int) -> None:
        self.model.set_stale_days(days)
        self._refresh_summary()
        self.on_row_selected(self.current_row())

    def case_ids(self) -> list[str]:
        return [row.case_id for row in self.model.rows()]
