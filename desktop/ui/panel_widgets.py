"""Small building blocks of the case-step panels: fitted tables, rows, wrapped and error labels."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
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
    """A row-selecting table whose height follows its rows (min_rows..max_rows, then scrolls)."""
    view = QTableView()
    view.setModel(model)
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move inside it
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def fit() -> None:
        rows = min(max(model.rowCount(), min_rows), max_rows)
        row_height = view.verticalHeader().defaultSectionSize()
        header = view.horizontalHeader().sizeHint().height()
        view.setFixedHeight(header + rows * row_height + 2 * view.frameWidth() + 2)

    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
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
