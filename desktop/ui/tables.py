"""Editable tables over lists of the case under edit (scans, treatments, adverse events...).

A cell edit is proposed to the CaseDocument like any field; a refused value stays visible in its
cell (red, the problem as tooltip and through `problemsChanged`) until it is fixed, and the
document counts it as an invalid field so nothing is saved meanwhile.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from desktop.logic.model import msg
from desktop.ui.forms import parse_number
from desktop.ui.palette import tint
from desktop.ui.row_models import KeyedRowsModel
from desktop.ui.undo import CaseDocument

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column:
    """One column: the item key, its header, and how typed text becomes a value."""

    key: str
    header: str
    kind: str = "text"  # text | int | float | date | names | bool | measure
    editable: bool = True
    display: Callable[[Any], str] | None = None  # the value in the reader's language
    units: tuple[str, ...] = ()  # a measure's units, the first offered when none is typed


_MEASURE = re.compile(r"\s*([-+]?[\d.,]+(?:[eE][-+]?\d+)?)\s*(.*?)\s*")


def parse_measure(text: str, column: Column, current: Any = None) -> dict[str, Any] | None:
    """A value with its unit typed in one cell ("310", "310 IU/mL"): the unit typed, else the
    cell's current unit, else the column's first; the case model judges the unit itself."""
    found = _MEASURE.fullmatch(text)
    number = parse_number(found.group(1) if found else text, column.header)
    if number is None:
        return None
    typed = found.group(2) if found else ""
    unit = typed or (current or {}).get("unit") or column.units[0]
    return {"value": number, "unit": unit}


def parse_cell(text: str, column: Column) -> Any:
    """The value typed in a cell; ValueError with a sentence when it is not one."""
    text = text.strip()
    if column.kind in ("int", "float"):
        return parse_number(text, column.header, integer=column.kind == "int")
    if column.kind == "names":
        return [part.strip() for part in text.split(",") if part.strip()]
    if column.kind == "bool":
        return {"yes": True, "no": False, "": None}.get(text.lower(), text)
    return text or None


def show_cell(value: Any, column: Column) -> str:
    if value is None:
        return ""
    if column.kind == "measure":
        return f"{show_cell(value.get('value'), Column('value', ''))} {value.get('unit', '')}"
    if column.kind == "names":
        return ", ".join(value)
    if column.kind == "bool":
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class ProblemCells:
    """Cells holding refused text, keyed by the document path they would set."""

    def __init__(self) -> None:
        self.cells: dict[str, tuple[str, list[str]]] = {}

    def all_problems(self) -> list[str]:
        return [line for _, problems in self.cells.values() for line in problems]


class ListTableModel(QAbstractTableModel):
    """Rows are the items of one list in the case (`list_path`), columns their keys.

    Signals:
        problemsChanged(list): sentences for every refused cell (empty when all are valid).
    """

    problemsChanged = Signal(list)

    def __init__(
        self,
        document: CaseDocument,
        list_path: str,
        columns: list[Column],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.list_path = list_path
        self.columns = columns
        self.problems = ProblemCells()
        self.items: list[dict[str, Any]] = []
        self.reload()

    def set_list_path(self, list_path: str) -> None:
        self.list_path = list_path
        self.reload()

    def reload(self) -> None:
        """Re-read the list; same length keeps rows (an open editor survives), else reset."""
        items = list((self.document.value(self.list_path) if self.list_path else None) or [])
        if len(items) == len(self.items) and items:
            self.items = items
            last = self.index(len(items) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def path(self, row: int, column: int) -> str:
        return f"{self.list_path}.{row}.{self.columns[column].key}"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable and not self.document.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        column = self.columns[index.column()]
        refused = self.problems.cells.get(self.path(index.row(), index.column()))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if refused:
                return refused[0]
            value = self.items[index.row()].get(column.key)
            if role == Qt.ItemDataRole.DisplayRole and column.display and value is not None:
                return column.display(value)
            return show_cell(value, column)
        if refused and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(tint("problem"))
        if refused and role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(refused[1])
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text when the cell is too narrow
            return self.data(index, Qt.ItemDataRole.DisplayRole) or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        path = self.path(index.row(), index.column())
        column = self.columns[index.column()]
        try:
            typed = (
                parse_measure(str(value), column, self.items[index.row()].get(column.key))
                if column.kind == "measure"
                else parse_cell(str(value), column)
            )
            problems = self.document.propose(path, typed)
        except ValueError as exc:
            problems = [str(exc)]
        self._remember(path, str(value), problems)
        self.dataChanged.emit(index, index)
        return not problems

    def _remember(self, path: str, text: str, problems: list[str]) -> None:
        if problems:
            self.problems.cells[path] = (text, problems)
            self.document.mark_invalid(path, problems)
        else:
            self.problems.cells.pop(path, None)
            self.document.clear_invalid(path)
        self.problemsChanged.emit(self.problems.all_problems())


class LesionMatrixModel(QAbstractTableModel):
    """Viable diameters (mm) per lesion (rows) and scan (columns); a blank cell = not measured.

    Signals:
        problemsChanged(list): sentences for every refused cell.
    """

    problemsChanged = Signal(list)

    def __init__(self, document: CaseDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.problems = ProblemCells()
        self.extra_ids: list[str] = []
        self.scans: list[dict[str, Any]] = []
        self.lesion_ids: list[str] = []
        self.reload()

    def reload(self) -> None:
        """Re-read the scans; same shape keeps the cells (an open editor survives)."""
        scans = list(self.document.value("imaging") or [])
        ids: list[str] = []
        for scan in scans:
            ids += [lesion["id"] for lesion in scan.get("lesions", []) if lesion["id"] not in ids]
        self.extra_ids = [i for i in self.extra_ids if i not in ids]
        ids += self.extra_ids
        if ids and scans and ids == self.lesion_ids and len(scans) == len(self.scans):
            self.scans = scans
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(scans) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(scans) - 1)
            return
        self.beginResetModel()
        self.scans, self.lesion_ids = scans, ids
        self.endResetModel()

    def add_lesion_id(self, lesion_id: str) -> bool:
        lesion_id = lesion_id.strip()
        if not lesion_id or lesion_id in self.lesion_ids:
            return False
        self.extra_ids.append(lesion_id)
        self.reload()
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lesion_ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.scans)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.scans):
                return None
            scan = self.scans[section]
            return f"{scan['date']}\n{scan['modality']} {scan['criteria']}"
        return self._lesion_heading(section) if 0 <= section < len(self.lesion_ids) else None

    def _lesion_heading(self, row: int) -> str:
        """The lesion's id, said to be non-target when the baseline scan marks it so."""
        lesion_id = self.lesion_ids[row]
        baseline = self.scans[0].get("lesions", []) if self.scans else []
        if any(les["id"] == lesion_id and not les.get("target", True) for les in baseline):
            return msg("entry.lesion_non_target", lesion=lesion_id).render(self.document.lang)
        return lesion_id

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self.document.read_only else flags | Qt.ItemFlag.ItemIsEditable

    def _position(self, row: int, column: int) -> int | None:
        lesions = self.scans[column].get("lesions", [])
        for position, lesion in enumerate(lesions):
            if lesion["id"] == self.lesion_ids[row]:
                return position
        return None

    def _key(self, row: int, column: int) -> str:
        return f"imaging.{column}.lesions[{self.lesion_ids[row]}]"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lesion_ids):
            return None
        refused = self.problems.cells.get(self._key(index.row(), index.column()))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if refused:
                return refused[0]
            position = self._position(index.row(), index.column())
            if position is None:
                return ""
            value = self.scans[index.column()]["lesions"][position]["viable_diameter_mm"]
            return show_cell(value, Column("viable_diameter_mm", "", "float"))
        if refused and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(tint("problem"))
        if refused and role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(refused[1])
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = index.row(), index.column()
        key = self._key(row, column)
        try:
            problems = self._propose(row, column, str(value))
        except ValueError as exc:
            problems = [str(exc)]
        if problems:
            self.problems.cells[key] = (str(value), problems)
            self.document.mark_invalid(key, problems)
        else:
            self.problems.cells.pop(key, None)
            self.document.clear_invalid(key)
        self.problemsChanged.emit(self.problems.all_problems())
        self.dataChanged.emit(index, index)
        return not problems

    def _propose(self, row: int, column: int, text: str) -> list[str]:
        label = f"{self.lesion_ids[row]} {self.scans[column]['date']}"
        number = parse_number(text, label)
        position = self._position(row, column)
        lesions_path = f"imaging.{column}.lesions"
        if number is None:
            return [] if position is None else self.document.remove_item(lesions_path, position)
        if position is None:
            lesion = {"id": self.lesion_ids[row], "target": True, "viable_diameter_mm": number}
            return self.document.add_item(lesions_path, lesion)
        return self.document.propose(f"{lesions_path}.{position}.viable_diameter_mm", number)


class PlainRowsModel(KeyedRowsModel[list[str]]):
    """Read-only rows of display strings under the given headers."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers

    def titles(self) -> tuple[str, ...]:
        return tuple(self.headers)

    def set_rows(self, rows: list[list[str]]) -> None:
        self.replace_rows([list(row) for row in rows])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()][index.column()]
