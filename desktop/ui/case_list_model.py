"""The case list's table model over the store's own filtered, paged query (100,000 cases).

The model never holds every case: each filter change runs one SQL query for the first page and
further pages are fetched as the view scrolls (canFetchMore/fetchMore). Painting asks `data` for
about ten roles of every visible cell after each keystroke, so it answers from plain ints and
caches the words and local times it shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget

from desktop.logic.store import CaseRow

if TYPE_CHECKING:
    from desktop.logic.store import Store

PAGE_SIZE = 100  # a screenful is about 35 rows; more are fetched as the list scrolls
BCLC_STAGES = ("0", "A", "B", "C", "D")
CNLC_STAGES = ("Ia", "Ib", "IIa", "IIb", "IIIa", "IIIb", "IV")
STATUSES = ("new", "draft decision", "follow-up", "decided")
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole.value)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole.value)
CASE_ID_ROLE = int(Qt.ItemDataRole.UserRole.value)
STATUS_ROLE = CASE_ID_ROLE + 1
ANSWERED_ROLES = frozenset({DISPLAY_ROLE, TOOLTIP_ROLE, CASE_ID_ROLE, STATUS_ROLE})
ParentIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseList", text)


def status_label(status: str) -> str:
    labels = {
        "new": _tr("New"),
        "draft decision": _tr("Draft decision"),
        "follow-up": _tr("Follow-up"),
        "decided": _tr("Decided"),
    }
    return labels.get(status, status)


@lru_cache(maxsize=4096)
def local_time(stamp: str) -> str:
    """A stored UTC time as local 'YYYY-MM-DD HH:MM' (the text itself when unreadable)."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return stamp or ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What the list shows: text over name, MRN and pinyin, exact stage and status filters, and
    the first day (local, ISO) of the changes shown."""

    text: str = ""
    bclc: str | None = None
    cnlc: str | None = None
    status: str | None = None
    since: str | None = None

    def query(self) -> dict[str, Any]:
        return {
            "bclc": self.bclc,
            "cnlc": self.cnlc,
            "status": self.status,
            "changed_since": start_of_day_utc(self.since) if self.since else None,
        }


def start_of_day_utc(day: str) -> str:
    """The first moment of a local calendar day as the store's UTC time ("2026-11-30T16:00…")."""
    local = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.min).astimezone()
    return local.astimezone(dt.UTC).isoformat(timespec="microseconds")


class CaseTableModel(QAbstractTableModel):
    """Pages of CaseRow from `store.list_cases`, re-queried on filter or sort change.

    Signals:
        filterApplied(): after a new filter or sort order reset the rows (one that finds the
        very rows already shown, as typing more of a name often does, resets and repaints
        nothing).
    """

    filterApplied = Signal()
    KEYS = ("name", "mrn", "bclc", "cnlc", "child_pugh", "status", "next_meeting", "updated_at")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = CaseFilter()
        self._order = "updated_at DESC"
        self._rows: list[CaseRow] = []
        self._more = False
        self._status_words: dict[str, str] = {}  # status_label per status, in this language
        self._reload()

    @property
    def store(self) -> Store:
        return self._store

    def headers(self) -> tuple[str, ...]:
        return (
            _tr("Name"),
            _tr("MRN"),
            _tr("BCLC"),
            _tr("CNLC"),
            _tr("Child-Pugh"),
            _tr("Status"),
            _tr("Next meeting"),
            _tr("Last change"),
        )

    def rowCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.KEYS)

    def data(self, index: ParentIndex, role: int = DISPLAY_ROLE) -> Any:
        if role not in ANSWERED_ROLES:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self.KEYS)):
            return None  # also an invalid index (row -1)
        case = self._rows[row]
        key = self.KEYS[column]
        if role == DISPLAY_ROLE:
            return self._shown(case, key)
        if role == CASE_ID_ROLE:
            return case.case_id
        if role == STATUS_ROLE:
            return case.status
        return case.updated_at if key == "updated_at" else None  # the tooltip

    def _shown(self, row: CaseRow, key: str) -> str:
        value = getattr(row, key)
        if key == "status":
            if value not in self._status_words:
                self._status_words[value] = status_label(value)
            return self._status_words[value]
        if key == "updated_at":
            return local_time(value)
        return "" if value is None else str(value)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.KEYS):
            return self.headers()[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def canFetchMore(self, parent: ParentIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: ParentIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self._more:
            return
        page = self._page(len(self._rows))
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self._more = len(page) == PAGE_SIZE

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.KEYS):
            return
        direction = "DESC" if order == Qt.SortOrder.DescendingOrder else "ASC"
        if self._order != f"{self.KEYS[column]} {direction}":  # the same order needs no query
            self._order = f"{self.KEYS[column]} {direction}"
            self._reload()

    def order_by(self) -> str:
        return self._order

    def current_filter(self) -> CaseFilter:
        return self._filter

    def set_filter(self, case_filter: CaseFilter) -> None:
        if case_filter != self._filter:
            self._filter = case_filter
            self._reload()

    def refresh(self) -> None:
        """Re-run the query keeping filter and order (after an import, save or delete)."""
        self._reload()

    def case_id(self, row: int) -> str | None:
        return self._rows[row].case_id if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.case_id == case_id), None)

    def total(self) -> int:
        """All matching cases (one COUNT query; the list itself holds only fetched pages)."""
        return self._store.count_cases(self._filter.text, **self._filter.query())

    def _page(self, offset: int) -> list[CaseRow]:
        return self._store.list_cases(
            self._filter.text,
            **self._filter.query(),
            order_by=self._order,
            limit=PAGE_SIZE,
            offset=offset,
        )

    def _reload(self) -> None:
        rows = self._page(0)
        if rows == self._rows:  # the same cases (no further page fetched): nothing to redraw
            return
        self.beginResetModel()
        self._rows = rows
        self._more = len(rows) == PAGE_SIZE
        self.endResetModel()
        self.filterApplied.emit()
