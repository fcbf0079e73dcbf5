"""The case list: filter bar, the paged case table and its actions, smooth at 100,000 cases.

The table model is desktop.ui.case_list_model (one SQL query per filter change, further pages
fetched as the view scrolls); the status badge is desktop.ui.status_badge. The total is counted
shortly after typing stops, in a worker thread with its own read-only connection, so a
keystroke costs one page query only and the count never holds up the window.

Keyboard: Ctrl+F to the filter, Down (or Enter) from it into the list, Enter opens the case, Up
from the first row back to the filter. While any filter is on, a bar says which, with Clear
(a filter restored at start is never silent). Case files (.json) dropped on the list import.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import workers
from desktop.ui.case_list_model import (
    BCLC_STAGES,
    CNLC_STAGES,
    STATUSES,
    CaseFilter,
    CaseTableModel,
    status_label,
)
from desktop.ui.status_badge import StatusBadgeDelegate

if TYPE_CHECKING:
    from desktop.logic.store import Store

_COUNT_POOL: list[QThreadPool] = []


def count_pool() -> QThreadPool:
    """One thread for counting, shared by every case list: a count never waits behind an
    import or an export in the global pool."""
    if not _COUNT_POOL:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _COUNT_POOL.append(pool)
    return _COUNT_POOL[0]


FILTER_TO_LIST_KEYS = {Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter}
OPEN_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


def case_files(urls: list[QUrl]) -> list[str]:
    """The local .json files among dropped URLs (what a drop imports)."""
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [str(p) for p in paths if p.suffix.lower() == ".json" and p.is_file()]


class CaseListView(QWidget):
    """Filter bar, the case table and the list's actions.

    Signals:
        openRequested(case_id): the user opened a case (double-click or Enter).
        newRequested(): New case.
        importRequested(): Import case files.
        exportRequested(case_ids): Export the selected cases.
        duplicateRequested(case_id): Duplicate the current case.
        filtersChanged(filters): the filters as a dict, to be remembered.
        countShown(total): the count of matching cases is on screen (counted off the GUI thread).
        filesDropped(paths): case files (.json) were dropped on the list, to be imported.
    """

    openRequested = Signal(str)
    newRequested = Signal()
    importRequested = Signal()
    exportRequested = Signal(list)
    duplicateRequested = Signal(str)
    filtersChanged = Signal(dict)
    countShown = Signal(int)
    filesDropped = Signal(list)

    COUNT_DELAY_MS = 250

    def __init__(
        self, store: Store, filters: dict[str, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = CaseTableModel(store, self)
        self._count_timer = QTimer(self, singleShot=True, interval=self.COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.on_count_due)
        self._counting: workers.Task | None = None
        self._count_asked = 0  # the newest count asked for; older answers are dropped
        self._build()
        self.set_filters(filters or {})

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_bar())
        layout.addWidget(self._filter_hint())
        self.table = self._table()
        layout.addWidget(self.table, 1)
        layout.addLayout(self._action_bar())
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_filter)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.setAcceptDrops(True)

    def focus_filter(self) -> None:
        """Ctrl+F: to the filter with its text selected, so a new search replaces the last one
        (the filter is remembered between starts) and an arrow key keeps it to edit."""
        self.search.setFocus()
        self.search.selectAll()

    def _filter_hint(self) -> QFrame:
        """ "Filter active: …" with Clear, shown while any filter is on."""
        self.hint = QFrame(self)
        self.hint.setFrameShape(QFrame.Shape.StyledPanel)
        self.hint.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.hint.setAutoFillBackground(True)
        self.hint_label = QLabel(self.hint)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        clear = QPushButton(self.tr("&Clear the filter"), self.hint)
        clear.clicked.connect(self.on_clear_filters)
        row = QHBoxLayout(self.hint)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.hint_label, 1)
        row.addWidget(clear)
        self.hint.hide()
        return self.hint

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by name, pinyin or MRN (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.on_filter_edited)
        self.bclc = self._combo(self.tr("All BCLC"), [(s, s) for s in BCLC_STAGES])
        self.cnlc = self._combo(self.tr("All CNLC"), [(s, s) for s in CNLC_STAGES])
        self.status = self._combo(self.tr("All statuses"), [(status_label(s), s) for s in STATUSES])
        self.since_on = QCheckBox(self.tr("Changed since"), self)
        self.since = QDateEdit(QDate.currentDate().addDays(-30), self)
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setAccessibleName(self.tr("Changed since"))
        self.since.setEnabled(False)
        self.since_on.toggled.connect(self.since.setEnabled)
        self.since_on.toggled.connect(self.on_filter_edited)
        self.since.dateChanged.connect(self.on_filter_edited)
        self.count_label = QLabel(self)
        bar.addWidget(self.search, 3)
        for widget in (
            QLabel(self.tr("BCLC"), self),
            self.bclc,
            QLabel(self.tr("CNLC"), self),
            self.cnlc,
            QLabel(self.tr("Status"), self),
            self.status,
            self.since_on,
            self.since,
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
        table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        table.setAccessibleName(self.tr("Cases"))
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
            "since": current.since,
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
        since = QDate.fromString(filters.get("since", ""), "yyyy-MM-dd")
        for widget in (self.since_on, self.since):
            widget.blockSignals(True)
        self.since_on.setChecked(since.isValid())
        self.since.setEnabled(since.isValid())
        if since.isValid():
            self.since.setDate(since)
        for widget in (self.since_on, self.since):
            widget.blockSignals(False)
        self.on_filter_edited()

    def on_filter_edited(self, *_: object) -> None:
        self.model.set_filter(
            CaseFilter(
                self.search.text().strip(),
                self.bclc.currentData(),
                self.cnlc.currentData(),
                self.status.currentData(),
                self.since.date().toString("yyyy-MM-dd") if self.since_on.isChecked() else None,
            )
        )
        self._count_timer.start()
        self._show_hint()
        self.filtersChanged.emit(self.filters())

    def _show_hint(self) -> None:
        parts = []
        if text := self.search.text().strip():
            parts.append(f"“{text}”")
        for combo in (self.bclc, self.cnlc, self.status):
            if combo.currentData() is not None:
                parts.append(combo.currentText())
        if self.since_on.isChecked():
            day = self.since.date().toString("yyyy-MM-dd")
            parts.append(self.tr("changed since %1").replace("%1", day))
        self.hint.setVisible(bool(parts))
        self.hint_label.setText(self.tr("Filter active: %1").replace("%1", " · ".join(parts)))

    def on_clear_filters(self) -> None:
        self.set_filters({})
        self.search.setFocus()

    # keyboard: filter -> list -> open

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 -- Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search and event.key() in FILTER_TO_LIST_KEYS:
                return self.on_filter_to_list()
            if watched is self.table and event.key() in OPEN_KEYS:
                self.on_open_current()
                return True
            if watched is self.table and event.key() == Qt.Key.Key_Up and self._on_first_row():
                self.search.setFocus()
                return True
        return super().eventFilter(watched, event)

    def on_filter_to_list(self) -> bool:
        """Move from the filter into the list, on its first row when none is current."""
        if self.model.rowCount() == 0:
            return False
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.selectRow(self.table.currentIndex().row())
        self.table.setFocus()
        return True

    def _on_first_row(self) -> bool:
        return self.table.currentIndex().row() <= 0

    # drag and drop: case files import

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 -- Qt override
        if case_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 -- Qt override
        paths = case_files(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.filesDropped.emit(paths)

    def on_count_due(self) -> None:
        """Count the matching cases in a worker thread; the label shows the newest answer."""
        self._count_asked += 1
        asked, current, store = self._count_asked, self.model.current_filter(), self.model.store

        def count(_control: workers.TaskControl) -> tuple[int, int]:
            # its own read-only connection, with the database key when it is encrypted
            with store.open_again(read_only=True) as own:
                return asked, own.count_cases(current.text, **current.query())

        self._counting = workers.Task(count)
        # connected before it starts: a quick count must not finish unheard
        self._counting.signals.finished.connect(self.on_counted)
        self._counting.signals.failed.connect(self.on_count_failed)
        workers.start(self._counting, count_pool())

    def on_counted(self, answer: tuple[int, int]) -> None:
        asked, total = answer
        if asked == self._count_asked:
            self.count_label.setText(self.tr("%n case(s)", "", total))
            self.countShown.emit(total)

    def on_count_failed(self, _message: str) -> None:
        self.count_label.clear()  # the store was closed or moved: no count rather than a wrong one

    def refresh(self) -> None:
        self.model.refresh()
        self._count_timer.start()

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
