"""Small building blocks of the case-step panels: fitted tables, rows, wrapped and error labels."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from desktop.ui.palette import colour_style


def table_view(model: QAbstractItemModel, min_rows: int = 2, max_rows: int = 8) -> QTableView:
    """A row-selecting table whose height follows its rows (min_rows..max_rows, then scrolls);
    long text wraps in its cell (rows grow to it), never cut to "..."."""
    view = QTableView()
    view.setModel(model)
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move inside it
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def fit() -> None:
        rows = model.rowCount()
        shown = min(max(rows, min_rows), max_rows)
        heights = [view.verticalHeader().sectionSize(r) for r in range(min(rows, shown))]
        heights += [view.verticalHeader().defaultSectionSize()] * (shown - len(heights))
        header = view.horizontalHeader().sizeHint().height()
        view.setFixedHeight(header + sum(heights) + 2 * view.frameWidth() + 2)

    view.verticalHeader().sectionResized.connect(lambda *_: fit())
    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
        signal.connect(fit)
    fit()
    return view


def selected_row(view: QTableView) -> int | None:
    """The row selected in `view`, None when none is."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else None


def wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(colour_style("problem"))
    return label


def row_of(*widgets: QWidget, stretch_after: bool = True) -> QWidget:
    host = QWidget()
    layout = QHBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch_after:
        layout.addStretch(1)
    return host


def grow_to_fit(window: QWidget) -> None:
    """A dialog whose wrapped messages just grew: as tall as its layout needs at its width, so
    no refusal is cut (Qt sizes a window once, for the text it had then)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalMinimumSize().height()
    if layout.hasHeightForWidth():
        needed = max(needed, layout.totalHeightForWidth(window.width()))
    if needed > window.height():
        window.resize(window.width(), needed)
