"""The case list: a table over the store's own filtered, paged query, smooth at 100,000 cases.

The model never holds every case: each filter change runs one SQL query for the first page and
further pages are fetched as the view scrolls (canFetchMore/fetchMore). The total is counted
shortly after typing stops, so a keystroke costs one page query only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.store_errors import StoreError
from desktop.logic.store_types import CaseRow

PAGE_SIZE = 200
BCLC_STAGES = ("0", "A", "B", "C", "D")
CNLC_STAGES = ("Ia", "Ib", "IIa", "IIb", "IIIa", "IIIb", "IV")
STATUSES = ("new", "draft decision", "follow-up", "decided")
STATUS_COLOURS = {
    "new": "#5b6b7a",
    "draft decision": "#b45f06",
    "follow-up": "#1f6f43",
    "decided": "#1f4e79",
}
CASE_ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
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
    """What the list shows: text over name and MRN, and exact stage and status filters."""

    text: str = ""
    bclc: str | None = None
    cnlc: str | None = None
    status: str | None = None

    def query(self) -> dict[str, Any]:
        return {"bclc": self.bclc, "cnlc": self.cnlc, "status": self.status}


class CaseTableModel(QAbstractTableModel):
    """Pages of CaseRow from `store.list_cases`, re-queried on filter or sort change.

    Signals:
        filterApplied(): after a new filter or sort order reset the rows.
    """

    filterApplied = Signal()
    KEYS = ("name", "mrn", "bclc", "cnlc", "child_pugh", "status", "next_meeting", "updated_at")

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = CaseFilter()
        self._order = "updated_at DESC"
        self._rows: list[CaseRow] = []
        self._more = False
        self._reload()

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

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(row, key)
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.ToolTipRole and key == "updated_at":
            return row.updated_at
        return None

    def _shown(self, row: CaseRow, key: str) -> str:
        value = getattr(row, key)
        if key == "status":
            return status_label(value)
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
        self.beginResetModel()
        self._rows = self._page(0)
        self._more = len(self._rows) == PAGE_SIZE
        self.endResetModel()
        self.filterApplied.emit()


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints the status as a coloured rounded badge with white text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        status = index.data(STATUS_ROLE)
        if status not in STATUS_COLOURS:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 16
        rect = QRectF(option.rect.x() + 4, option.rect.y() + 3, width, option.rect.height() - 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATUS_COLOURS[status]))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 24, max(size.height(), option.fontMetrics.height() + 10))


class CaseListView(QWidget):
    """Filter bar, the case table and the list's actions.

    Signals:
        openRequested(case_id): the user opened a case (double-click or Enter).
        newRequested(): New case.
        importRequested(): Import case files.
        exportRequested(case_ids): Export the selected cases.
        duplicateRequested(case_id): Duplicate the current case.
        filtersChanged(filters): the filters as a dict, to be remembered.
    """

    openRequested = Signal(str)
    newRequested = Signal()
    importRequested = Signal()
    exportRequested = Signal(list)
    duplicateRequested = Signal(str)
    filtersChanged = Signal(dict)

    COUNT_DELAY_MS = 250

    def __init__(
        self, store: Any, filters: dict[str, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = CaseTableModel(store, self)
        self._count_timer = QTimer(self, singleShot=True, interval=self.COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.on_count_due)
        self._build()
        self.set_filters(filters or {})
        self.on_count_due()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_bar())
        self.table = self._table()
        layout.addWidget(self.table, 1)
        layout.addLayout(self._action_bar())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by name or MRN (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.on_filter_edited)
        self.bclc = self._combo(self.tr("All BCLC"), [(s, s) for s in BCLC_STAGES])
        self.cnlc = self._combo(self.tr("All CNLC"), [(s, s) for s in CNLC_STAGES])
        self.status = self._combo(self.tr("All statuses"), [(status_label(s), s) for s in STATUSES])
        self.count_label = QLabel(self)
        bar.addWidget(self.search, 3)
        for widget in (
            QLabel(self.tr("BCLC"), self),
            self.bclc,
            QLabel(self.tr("CNLC"), self),
            self.cnlc,
            QLabel(self.tr("Status"), self),
            self.status,
        ):
            bar.addWidget(widget)
        bar.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignRight)
        return bar

    def _combo(self, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self.on_filter_edited)
        return combo

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.horizontalHeader().setSortIndicator(7, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)  # after the indicator: it matches the model's own order
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        table.setItemDelegateForColumn(5, StatusBadgeDelegate(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 60), (3, 60), (4, 90), (5, 140), (6, 110), (7, 140)):
            table.setColumnWidth(column, width)
        table.doubleClicked.connect(lambda index: self.on_open_row(index.row()))
        table.activated.connect(lambda index: self.on_open_row(index.row()))
        return table

    def _action_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for text, slot in (
            (self.tr("&New case…"), self.newRequested.emit),
            (self.tr("&Import…"), self.importRequested.emit),
            (self.tr("E&xport…"), self.on_export),
            (self.tr("&Duplicate"), self.on_duplicate),
            (self.tr("&Open"), self.on_open_current),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def filters(self) -> dict[str, str]:
        current = self.model.current_filter()
        values = {
            "text": current.text,
            "bclc": current.bclc,
            "cnlc": current.cnlc,
            "status": current.status,
        }
        return {key: value for key, value in values.items() if value}

    def set_filters(self, filters: dict[str, str]) -> None:
        """Restore remembered filters (unknown values are ignored)."""
        for combo, key in ((self.bclc, "bclc"), (self.cnlc, "cnlc"), (self.status, "status")):
            position = combo.findData(filters.get(key))
            combo.blockSignals(True)
            combo.setCurrentIndex(max(position, 0))
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(filters.get("text", ""))
        self.search.blockSignals(False)
        self.on_filter_edited()

    def on_filter_edited(self, *_: object) -> None:
        self.model.set_filter(
            CaseFilter(
                self.search.text().strip(),
                self.bclc.currentData(),
                self.cnlc.currentData(),
                self.status.currentData(),
            )
        )
        self._count_timer.start()
        self.filtersChanged.emit(self.filters())

    def on_count_due(self) -> None:
        try:
            total = self.model.total()
        except StoreError:  # the store was closed (window closing): nothing left to count
            self.count_label.clear()
            return
        self.count_label.setText(self.tr("%n case(s)", "", total))

    def refresh(self) -> None:
        self.model.refresh()
        self.on_count_due()

    def selected_case_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [cid for cid in (self.model.case_id(r) for r in rows) if cid]

    def current_case_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.case_id(index.row()) if index.isValid() else None

    def select_case(self, case_id: str) -> bool:
        row = self.model.row_of(case_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def on_open_row(self, row: int) -> None:
        case_id = self.model.case_id(row)
        if case_id:
            self.openRequested.emit(case_id)

    def on_open_current(self) -> None:
        if (case_id := self.current_case_id()) is not None:
            self.openRequested.emit(case_id)

    def on_export(self) -> None:
        self.exportRequested.emit(self.selected_case_ids())

    def on_duplicate(self) -> None:
        if (case_id := self.current_case_id()) is not None:
            self.duplicateRequested.emit(case_id)
