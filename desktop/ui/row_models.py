"""A read-mostly table model over plain row objects: one column per key, titles per subclass."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

ParentIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")  # what one row of a subclass is (an AgendaRow, a RegimenVerdict, ...)


class KeyedRowsModel(QAbstractTableModel, Generic[Row]):
    """Rows in `_rows`, a column per title; subclasses give `titles()` (or `KEYS`), `data()`."""

    KEYS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def titles(self) -> tuple[str, ...]:
        """Translated column headings, one per key (the keys themselves by default)."""
        return self.KEYS

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row(self, index: int) -> Row:
        return self._rows[index]

    def replace_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.titles())

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None
