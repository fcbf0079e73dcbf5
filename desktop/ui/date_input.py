"""A date typed as ISO YYYY-MM-DD, with a calendar button: refused when wrong, never rewritten.

Qt's QDateEdit corrects what it cannot show (2026-02-31 becomes 2026-02-03, a year outside its
range is clamped); a clinical date must instead stay as typed and be refused in words.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DateInput", text)


def parse_iso_date(text: str, label: str) -> dt.date | None:
    """The date typed, None when blank; ValueError with a sentence naming `label` otherwise."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if not ISO_DATE.match(cleaned):
        raise ValueError(
            _tr("{0}: \u201c{1}\u201d is not a date; write it YYYY-MM-DD, e.g. 2026-06-01").format(
                label, cleaned
            )
        )
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(
            _tr("{0}: {1} is not a day of the calendar; check the month and the day").format(
                label, cleaned
            )
        ) from None


class DateInput(QWidget):
    """A line edit for YYYY-MM-DD and a button opening a calendar that writes into it.

    Signals:
        edited(): the text changed by typing or by picking a day in the calendar.
    """

    edited = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.edit.setAccessibleName(label)
        self.edit.setMinimumWidth(112)
        self.edit.setMaximumWidth(140)
        self.edit.textEdited.connect(lambda _text: self.edited.emit())
        self.button = QToolButton(self)
        icon = QIcon.fromTheme("x-office-calendar")
        if icon.isNull():
            self.button.setText("\u2026")  # every font has it; a calendar emoji may be missing
        else:
            self.button.setIcon(icon)
        self.button.setToolTip(_tr("Pick the day in a calendar"))
        self.button.setAccessibleName(_tr("Calendar for {0}").format(label))
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self.on_day_picked)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._show_typed_day)
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit)
        row.addWidget(self.button)
        row.addStretch(1)

    def set_hint(self, text: str) -> None:
        """A placeholder (e.g. "started YYYY-MM-DD") shown whole: the field widens to it."""
        self.edit.setPlaceholderText(text)
        needed = self.edit.fontMetrics().horizontalAdvance(text) + 16
        self.edit.setMaximumWidth(max(self.edit.maximumWidth(), needed))
        self.edit.setMinimumWidth(max(self.edit.minimumWidth(), needed))

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming, like QLineEdit)
        self.edit.setText(text)

    def date(self) -> dt.date | None:
        """The date typed, None when blank; ValueError with a sentence when it is not one."""
        return parse_iso_date(self.edit.text(), self.label)

    def set_date(self, day: dt.date | None) -> None:
        self.edit.setText(day.isoformat() if day else "")

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 (Qt naming)
        self.edit.setReadOnly(read_only)
        self.button.setEnabled(not read_only)

    def on_day_picked(self, day: QDate) -> None:
        self.edit.setText(dt.date(day.year(), day.month(), day.day()).isoformat())
        menu = self.button.menu()
        if menu is not None:
            menu.close()
        self.edited.emit()

    def _show_typed_day(self) -> None:
        try:
            typed = self.date()
        except ValueError:
            return
        if typed is not None:
            self.calendar.setSelectedDate(QDate(typed.year, typed.month, typed.day))
