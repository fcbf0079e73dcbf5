"""Saving the case under edit as a revision, debounced, and never losing an edit on a conflict.

A change starts an 800 ms timer; `flush()` saves at once (step change, close). While any field
holds invalid text nothing is saved. A newer revision saved by someone else (StaleRevision)
keeps the edit in memory and offers: reload theirs and reapply mine, or save mine anyway as a
new revision (their revision stays in the history either way).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.logic.model import Case
from desktop.logic.store import StaleRevision, Store, StoreError
from desktop.ui.undo import CaseDocument, EditRefused, case_dict, validated, with_value

SAVE_DELAY_MS = 800


def changed_leaves(base: Any, mine: Any, path: str = "") -> list[tuple[str, Any]]:
    """The (path, value) pairs where `mine` differs from `base`; lists count as one value."""
    if isinstance(base, dict) and isinstance(mine, dict):
        changes: list[tuple[str, Any]] = []
        for key in sorted(set(base) | set(mine)):
            sub = f"{path}.{key}" if path else key
            changes += changed_leaves(base.get(key), mine.get(key), sub)
        return changes
    return [] if base == mine else [(path, mine)]


def reapplied(theirs: dict[str, Any], base: dict[str, Any], mine: dict[str, Any]) -> Case:
    """Their newer case with my changes since `base` laid over it; EditRefused if invalid."""
    data = theirs
    for path, value in changed_leaves(base, mine):
        data = with_value(data, path, value)
    return validated(data)


class AutoSaver(QObject):
    """Debounced saves of one CaseDocument to the store with `expected_revision`.

    Signals:
        saved(int): the revision now stored.
        conflict(str): someone saved a newer revision; the message says who and when.
        failed(str): the store refused the save (disk full, busy...); the edit is kept.
        pendingChanged(bool): whether edits wait to be saved.
    """

    saved = Signal(int)
    conflict = Signal(str)
    failed = Signal(str)
    pendingChanged = Signal(bool)

    def __init__(self, store: Store, case_id: str, revision: int, document: CaseDocument) -> None:
        super().__init__(document)
        self.store = store
        self.case_id = case_id
        self.revision = revision
        self.document = document
        self.base = case_dict(document.case)
        self.pending = False
        self.in_conflict = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)

    def on_changed(self) -> None:
        if self.document.read_only:
            return
        self._set_pending(case_dict(self.document.case) != self.base)
        if self.pending:
            self.timer.start()

    def flush(self) -> bool:
        """Save now if every field is valid; True when no edit (valid or not) waits after."""
        self.timer.stop()
        if self.document.invalid_fields():
            return False
        if not self.pending:
            return True
        return False if self.in_conflict else self._save(self.revision)

    def _save(self, expected: int) -> bool:
        case = self.document.case
        try:
            result = self.store.save_case(self.case_id, case, expected_revision=expected)
        except StaleRevision as exc:
            self.in_conflict = True
            self.conflict.emit(exc.render(self.document.lang))
            return False
        except StoreError as exc:
            self.failed.emit(exc.render(self.document.lang))
            return False
        self.revision = result.revision
        self.base = case_dict(case)
        self._set_pending(False)
        self.saved.emit(self.revision)
        return True

    def on_reload_and_reapply(self) -> list[str]:
        """Load the newer revision and lay my changes over it (undoable); problems if refused."""
        stored = self.store.get_case(self.case_id)
        mine = case_dict(self.document.case)
        try:
            merged = reapplied(case_dict(stored.case), self.base, mine)
        except EditRefused as refused:
            return refused.problems
        self.adopt(stored.case, stored.revision)
        self.document.undo_stack.beginMacro(self.tr("Reapply my edits"))
        for path, value in changed_leaves(case_dict(stored.case), case_dict(merged)):
            self.document.propose(path, value)
        self.document.undo_stack.endMacro()
        self.flush()
        return []

    def on_save_anyway(self) -> bool:
        """Save mine as a new revision over theirs (theirs stays in the history)."""
        current = self.store.get_case(self.case_id).revision
        self.in_conflict = False
        return self._save(current)

    def adopt(self, case: Case, revision: int) -> None:
        """A case freshly read from the store becomes the new base (finalize, amend, reload)."""
        self.timer.stop()
        self.in_conflict = False
        self.revision = revision
        self.base = case_dict(case)
        self._set_pending(False)
        self.document.reset(case)

    def _set_pending(self, pending: bool) -> None:
        if pending != self.pending:
            self.pending = pending
            self.pendingChanged.emit(pending)

