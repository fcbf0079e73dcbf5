"""The case being edited and its undoable edits: every change is a QUndoCommand over a valid Case.

A field edit is proposed with `CaseDocument.propose(path, value)`: the edited case is
re-validated first, and only a valid case is pushed onto the undo stack; an invalid value comes
back as sentences (field, value, what is allowed) for the field to show beside the typed text.
Paths are dotted, list positions as numbers: "labs.bilirubin", "imaging.1.lesions.0.id".
A value of None removes an optional key (absent, as case-format.md allows).
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.logic.model import Case, describe_errors, field_name, path_name

SET_FIELD_ID = 4201


class EditRefused(ValueError):
    """An edit that would make the case invalid; `problems` holds one sentence per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def split_path(path: str) -> list[str | int]:
    return [int(part) if part.isdigit() else part for part in path.split(".")]


def value_at(data: Any, path: str) -> Any:
    """The value at `path` in a case dict, or None when any step is absent."""
    node = data
    for part in split_path(path):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _parent(data: dict[str, Any], parts: list[str | int]) -> Any:
    node: Any = data
    for part in parts:
        if isinstance(part, int):
            node = node[part]
        else:
            if node.get(part) is None:
                node[part] = {}
            node = node[part]
    return node


def with_value(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of `data` with `path` set to `value` (None removes an optional key)."""
    edited = copy.deepcopy(data)
    *parents, last = split_path(path)
    node = _parent(edited, parents)
    if value is None and isinstance(last, str):
        node.pop(last, None)
    else:
        node[last] = copy.deepcopy(value)
    return edited


def with_item(data: dict[str, Any], path: str, index: int, item: Any) -> dict[str, Any]:
    edited = copy.deepcopy(data)
    parts = split_path(path)
    container = _parent(edited, parts[:-1])
    key = parts[-1]
    if isinstance(key, str) and container.get(key) is None:
        container[key] = []
    items = container[key]
    items.insert(index, copy.deepcopy(item))
    return edited


def without_item(data: dict[str, Any], path: str, index: int) -> dict[str, Any]:
    edited = copy.deepcopy(data)
    items = _parent(edited, split_path(path))
    del items[index]
    return edited


def validated(data: dict[str, Any], lang: str = "en") -> Case:
    """The Case for `data`, or EditRefused with one sentence per problem in `lang`, each
    naming its field in the reader's words (never the path)."""
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise EditRefused(describe_errors(exc, lang, field_name)) from None


def located_problems(data: dict[str, Any], lang: str = "en") -> list[tuple[str, str]]:
    """(dotted path, sentence) for every problem of `data`; empty when it is a valid case."""
    try:
        Case.model_validate(data)
    except ValidationError as exc:
        paths = [".".join(str(p) for p in e["loc"]) for e in exc.errors(include_url=False)]
        return list(zip(paths, describe_errors(exc, lang, field_name), strict=True))
    return []


def case_dict(case: Case) -> dict[str, Any]:
    return case.model_dump(mode="json", exclude_unset=True)


class CaseDocument(QObject):
    """The last valid Case under edit, its undo stack, and the fields showing invalid text.

    Signals:
        changed: the case changed (edit, undo, redo or reload).
        invalidCountChanged(int): how many fields hold text that is not yet valid.
    """

    changed = Signal()
    invalidCountChanged = Signal(int)

    def __init__(self, case: Case, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.lang = lang  # language of the refusal sentences shown beside fields
        self._case = case
        self._data = case_dict(case)
        self._invalid: dict[str, list[str]] = {}
        self.read_only = False
        # Overrides made before a draft decision exists; the next draft takes them (drafts.py).
        self.pending_overrides: list[dict[str, Any]] = []
        self.undo_stack = QUndoStack(self)

    @property
    def case(self) -> Case:
        return self._case

    @property
    def data(self) -> dict[str, Any]:
        """The case as its exchange dict; treat as read-only."""
        return self._data

    def value(self, path: str) -> Any:
        return value_at(self._data, path)

    def propose(self, path: str, value: Any) -> list[str]:
        """Push the edit when the result is valid; else return the problems (nothing changes)."""
        if self.value(path) == value:
            self.clear_invalid(path)
            return []
        try:
            validated(with_value(self._data, path, value), self.lang)
        except EditRefused as refused:
            return refused.problems
        self.clear_invalid(path)
        self.undo_stack.push(SetFieldCommand(self, path, value))
        return []

    def add_item(self, path: str, item: Any, index: int | None = None) -> list[str]:
        items = self.value(path) or []
        position = len(items) if index is None else index
        try:
            validated(with_item(self._data, path, position, item), self.lang)
        except EditRefused as refused:
            return refused.problems
        self.undo_stack.push(AddItemCommand(self, path, position, item))
        return []

    def remove_item(self, path: str, index: int) -> list[str]:
        try:
            validated(without_item(self._data, path, index), self.lang)
        except EditRefused as refused:
            return refused.problems
        self.undo_stack.push(RemoveItemCommand(self, path, index))
        return []

    def apply(self, data: dict[str, Any]) -> None:
        """Replace the case by the validated `data` (commands call this)."""
        self._case = validated(data, self.lang)
        self._data = case_dict(self._case)
        self.changed.emit()

    def reset(self, case: Case) -> None:
        """A case loaded from the store: new base, empty undo history."""
        self.undo_stack.clear()
        self._invalid.clear()
        self.invalidCountChanged.emit(0)
        self._case = case
        self._data = case_dict(case)
        self.changed.emit()

    def mark_invalid(self, path: str, problems: list[str]) -> None:
        self._invalid[path] = problems
        self.invalidCountChanged.emit(len(self._invalid))

    def clear_invalid(self, path: str) -> None:
        if self._invalid.pop(path, None) is not None:
            self.invalidCountChanged.emit(len(self._invalid))

    def invalid_fields(self) -> dict[str, list[str]]:
        return dict(self._invalid)


class SetFieldCommand(QUndoCommand):
    """Set one field; consecutive edits of the same field merge into one undo step."""

    def __init__(self, document: CaseDocument, path: str, value: Any) -> None:
        super().__init__(
            QCoreApplication.translate("Undo", "Change {0}").format(path_name(path, document.lang))
        )
        self.document = document
        self.path = path
        self.old = copy.deepcopy(document.value(path))
        self.new = copy.deepcopy(value)

    def id(self) -> int:
        return SET_FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt override)
        if not isinstance(other, SetFieldCommand) or other.path != self.path:
            return False
        self.new = copy.deepcopy(other.new)
        return True

    def redo(self) -> None:
        self.document.apply(with_value(self.document.data, self.path, self.new))

    def undo(self) -> None:
        self.document.apply(with_value(self.document.data, self.path, self.old))


class AddItemCommand(QUndoCommand):
    """Insert one item into a list (a scan, a lesion, an attendee, a decision...)."""

    def __init__(self, document: CaseDocument, path: str, index: int, item: Any) -> None:
        super().__init__(
            QCoreApplication.translate("Undo", "Add to {0}").format(path_name(path, document.lang))
        )
        self.document = document
        self.path = path
        self.index = index
        self.item = copy.deepcopy(item)

    def redo(self) -> None:
        self.document.apply(with_item(self.document.data, self.path, self.index, self.item))

    def undo(self) -> None:
        self.document.apply(without_item(self.document.data, self.path, self.index))


class RemoveItemCommand(QUndoCommand):
    """Remove one item from a list; undo puts it back where it was."""

    def __init__(self, document: CaseDocument, path: str, index: int) -> None:
        super().__init__(
            QCoreApplication.translate("Undo", "Remove from {0}").format(
                path_name(path, document.lang)
            )
        )
        self.document = document
        self.path = path
        self.index = index
        self.item = copy.deepcopy(document.value(path)[index])

    def redo(self) -> None:
        self.document.apply(without_item(self.document.data, self.path, self.index))

    def undo(self) -> None:
        self.document.apply(with_item(self.document.data, self.path, self.index, self.item))
