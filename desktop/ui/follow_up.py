"""Follow-up: decisions whose follow-up is planned or ongoing, and cases to bring back to the MDT.

The list is read from the cases whose latest decision is final (store status "follow-up" or
"decided"); reasons to re-discuss come from clinical.completeness.rediscussion_reasons, the
next restaging's due date from clinical.restaging_due (the rules file's interval); an overdue
one is marked in words and colour and comes first after the cases to re-discuss.
With an `open_store` function the scan runs off the GUI thread on its own connection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.clinical import RestagingDue, rediscussion_reasons, restaging_due
from desktop.logic.model import Case, Message, Rules, default_rules, lifecycle
from desktop.logic.store import Store
from desktop.ui import workers
from desktop.ui.palette import tone
from desktop.ui.row_models import KeyedRowsModel
from desktop.ui.settings import Settings

ParentIndex = QModelIndex | QPersistentModelIndex
FINAL_STATUSES = ("follow-up", "decided")
PAGE = 500


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUp", text)


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    case_id: str
    name: str
    mrn: str
    decided_on: str
    follow_up: str | None
    recommendation: str
    reasons: tuple[Message, ...]
    due: RestagingDue | None = None

    @property
    def rediscuss(self) -> bool:
        return bool(self.reasons)

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due.overdue

    def order(self) -> tuple[bool, bool, int, str, str]:
        """Re-discussion first, then overdue (longest first), then by due date."""
        due = self.due.due.isoformat() if self.due else "9999"
        late = self.due.overdue_days if self.due else 0
        return (not self.rediscuss, not self.overdue, -late, due, self.decided_on)


def follow_up_row(
    case_id: str, case: Case, rules: Rules | None = None, today: dt.date | None = None
) -> FollowUpRow | None:
    """The row of a case with a final decision, or None when it has none."""
    last = lifecycle.latest_final(case.decisions)
    if last is None:
        return None
    return FollowUpRow(
        case_id,
        case.patient.name,
        case.patient.mrn,
        last.meeting_date.isoformat(),
        last.follow_up.status if last.follow_up else None,
        last.recommendation or "",
        tuple(rediscussion_reasons(case)),
        restaging_due(case, rules or default_rules(), today or dt.date.today()),
    )


def load_follow_up(
    store: Store,
    cancelled: Callable[[], bool] = lambda: False,
    rules: Rules | None = None,
    today: dt.date | None = None,
) -> list[FollowUpRow]:
    """Rows for every case with a final decision: planned/ongoing follow-up or re-discussion."""
    rows: list[FollowUpRow] = []
    for status in FINAL_STATUSES:
        offset = 0
        while not cancelled():
            page = store.list_cases(
                status=status, order_by="updated_at DESC", limit=PAGE, offset=offset
            )
            for listed in page:
                case = store.get_case(listed.case_id).case
                row = follow_up_row(listed.case_id, case, rules, today)
                if row and (row.rediscuss or row.follow_up in ("planned", "ongoing")):
                    rows.append(row)
            if len(page) < PAGE:
                break
            offset += PAGE
    return sorted(rows, key=FollowUpRow.order)


def follow_up_label(status: str | None) -> str:
    labels = {
        "planned": _tr("planned"),
        "ongoing": _tr("ongoing"),
        "completed": _tr("completed"),
        "not_done": _tr("not done"),
    }
    return labels.get(status, _tr("not set")) if status else _tr("not set")


def due_text(due: RestagingDue | None) -> str:
    """ "2026-08-05", "⚠ 2026-08-05, overdue 12 days", or "" when nothing is followed."""
    if due is None:
        return ""
    if not due.overdue:
        return due.due.isoformat()
    days = due.overdue_days  # lupdate 6.11 skips a translate() whose count is not a name
    late = QCoreApplication.translate("FollowUp", "overdue %n day(s)", "", days)
    return f"\u26a0 {due.due.isoformat()}, {late}"


class FollowUpModel(KeyedRowsModel[FollowUpRow]):
    """Plain rows; re-discussion rows first, then by decision date."""

    KEYS = ("name", "mrn", "decided_on", "follow_up", "due", "rediscuss", "recommendation")

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[FollowUpRow] = []
        self._lang = lang
        self._only_rediscuss = False

    def set_rows(self, rows: list[FollowUpRow]) -> None:
        self._all = list(rows)
        self._apply()

    def set_only_rediscuss(self, only: bool) -> None:
        self._only_rediscuss = only
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        self._rows = [r for r in self._all if r.rediscuss or not self._only_rediscuss]
        self.endResetModel()

    def titles(self) -> tuple[str, ...]:
        return (
            _tr("Name"),
            _tr("MRN"),
            _tr("Decided on"),
            _tr("Follow-up"),
            _tr("Next restaging"),
            _tr("Re-discuss?"),
            _tr("Recommendation"),
        )

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, key = self._rows[index.row()], self.KEYS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(row, key)
        if key == "rediscuss" and role == Qt.ItemDataRole.ToolTipRole and row.rediscuss:
            return "\n".join(m.render(self._lang) for m in row.reasons)
        if key == "rediscuss" and role == Qt.ItemDataRole.ForegroundRole and row.rediscuss:
            return tone("problem")
        if key == "due" and row.due is not None:
            return self._due_data(row.due, role)
        return None

    def _due_data(self, due: RestagingDue, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return due.why().render(self._lang)
        if role == Qt.ItemDataRole.ForegroundRole and due.overdue:
            return tone("problem")
        if role == Qt.ItemDataRole.FontRole and due.overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _shown(self, row: FollowUpRow, key: str) -> str:
        if key == "follow_up":
            return follow_up_label(row.follow_up)
        if key == "rediscuss":
            return _tr("yes: new data") if row.rediscuss else _tr("no")
        if key == "due":
            return due_text(row.due)
        return str(getattr(row, key))


class FollowUpView(QWidget):
    """The follow-up table with the reasons of the selected case.

    Signals:
        openRequested(case_id): open a case in the workspace.
        loaded(count): the scan finished with this many rows.
    """

    openRequested = Signal(str)
    loaded = Signal(int)

    def __init__(
        self,
        store: Store,
        settings: Settings,
        open_store: workers.StoreOpener | None = None,
        parent: QWidget | None = None,
        rules: Rules | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.settings, self._open_store = store, settings, open_store
        self.rules = rules or default_rules()
        self._task: workers.Task | None = None
        self.model = FollowUpModel(settings.language, self)
        self._build()

    def _build(self) -> None:
        self.only = QCheckBox(self.tr("Only cases to re-discuss"), self)
        self.only.toggled.connect(self.model.set_only_rediscuss)
        self.status = QLabel(self)
        refresh = QPushButton(self.tr("&Refresh"), self)
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        for widget in (self.only, self.status):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(refresh)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Decisions in follow-up"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 170), (1, 100), (2, 110), (3, 100), (4, 230), (5, 130)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self.on_open(index.row()))
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self.on_row_selected(current.row())
        )
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reasons)

    def refresh(self) -> None:
        """Rescan the store: in a worker when an `open_store` function was given."""
        if self._open_store is None:
            self.on_loaded(load_follow_up(self.store, rules=self.rules))
            return
        if self._task is not None:
            return
        self.status.setText(self.tr("Reading decisions…"))
        open_store, rules = self._open_store, self.rules

        def work(control: workers.TaskControl) -> list[FollowUpRow]:
            store = open_store()
            try:
                return load_follow_up(store, lambda: control.cancelled, rules)
            finally:
                store.close()

        self._task = workers.Task(work, self.settings.language)
        self._task.signals.finished.connect(self.on_loaded)
        self._task.signals.failed.connect(self.on_failed)
        workers.start(self._task, QThreadPool.globalInstance())

    def on_loaded(self, rows: list[FollowUpRow]) -> None:
        self._task = None
        self.model.set_rows(rows)
        again = sum(1 for r in rows if r.rediscuss)
        late = sum(1 for r in rows if r.overdue)
        self.status.setText(
            self.tr("%1 decisions in follow-up, %2 to re-discuss, %3 restaging overdue")
            .replace("%1", str(len(rows)))
            .replace("%2", str(again))
            .replace("%3", str(late))
        )
        self.on_row_selected(-1)
        self.loaded.emit(len(rows))

    def on_failed(self, message: str) -> None:
        self._task = None
        self.status.setText(self.tr("Could not read the decisions: %1").replace("%1", message))

    def on_row_selected(self, row: int) -> None:
        rows = self.model.rows()
        if not 0 <= row < len(rows):
            self.reasons.setText(self.tr("Select a case to see why it may need re-discussion."))
            return
        chosen = rows[row]
        lang = self.settings.language
        lines = [m.render(lang) for m in chosen.reasons] or [
            self.tr("No new data since the decision of %1.").replace("%1", chosen.decided_on)
        ]
        if chosen.due is not None:
            lines.append(due_text(chosen.due) + ": " + chosen.due.why().render(lang))
        self.reasons.setText("\n".join(f"• {line}" for line in lines))

    def on_open(self, row: int) -> None:
        rows = self.model.rows()
        if 0 <= row < len(rows):
            self.openRequested.emit(rows[row].case_id)

    def wait_idle(self) -> bool:
        return self._task is None
