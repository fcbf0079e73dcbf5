"""The meeting agenda's table model: one meeting's cases in order with what each still lacks.

Readiness (missing or stale items) comes from clinical.completeness, judged on the meeting
date with the department's stale days; the Discussed checkbox writes to the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from desktop.ui.palette import tone
from desktop.ui.row_models import KeyedRowsModel

if TYPE_CHECKING:  # completeness (and the pydantic case model) load with the first agenda
    from desktop.logic.clinical import Readiness
    from desktop.logic.store import Store

ParentIndex = QModelIndex | QPersistentModelIndex
CASE_ID_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("Agenda", text)


@dataclass(frozen=True, slots=True)
class AgendaRow:
    case_id: str
    discussed: bool
    name: str
    mrn: str
    stages: str
    readiness: Readiness
    question: str


def readiness_summary(result: Readiness) -> str:
    if result.ready:
        return _tr("ready")
    parts = []
    if missing := result.count("missing"):
        parts.append(_tr("%1 missing").replace("%1", str(missing)))
    if stale := result.count("stale"):
        parts.append(_tr("%1 stale").replace("%1", str(stale)))
    return ", ".join(parts)


def load_agenda(store: Store, meeting: dt.date, stale_days: int) -> list[AgendaRow]:
    """The agenda of `meeting` with each case's readiness on that date."""
    from desktop.logic.clinical import meeting_question, readiness

    rows = []
    for item in store.agenda.items(meeting.isoformat()):
        case = store.get_case(item.case_id).case
        check = readiness(case, meeting, stale_days)
        rows.append(
            AgendaRow(
                item.case_id,
                item.discussed,
                case.patient.name,
                case.patient.mrn,
                _stages(store, item.case_id),
                check,
                meeting_question(case, meeting) or "",
            )
        )
    return rows


def _stages(store: Store, case_id: str) -> str:
    found = store.list_cases(case_id, limit=1)
    row = next((r for r in found if r.case_id == case_id), None)
    return f"BCLC {row.bclc or '?'} / CNLC {row.cnlc or '?'}" if row else ""


class AgendaModel(KeyedRowsModel[AgendaRow]):
    """One meeting's agenda; the Discussed column is a checkbox that writes to the store."""

    KEYS = ("position", "name", "mrn", "stages", "question", "readiness", "discussed")

    def __init__(
        self, store: Store, stale_days: int, lang: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store, self._stale_days, self._lang = store, stale_days, lang
        self._meeting = dt.date.today()

    def meeting(self) -> dt.date:
        return self._meeting

    def load(self, meeting: dt.date) -> None:
        self.beginResetModel()
        self._meeting = meeting
        self._rows = load_agenda(self._store, meeting, self._stale_days)
        self.endResetModel()

    def reload(self) -> None:
        self.load(self._meeting)

    def set_stale_days(self, days: int) -> None:
        self._stale_days = days
        self.reload()

    def titles(self) -> tuple[str, ...]:
        return (
            _tr("#"),
            _tr("Name"),
            _tr("MRN"),
            _tr("Stage"),
            _tr("Question to the MDT"),
            _tr("Before the meeting"),
            _tr("Discussed"),
        )

    def flags(self, index: ParentIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.KEYS[index.column()] == "discussed" and not self._store.read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, key = self._rows[index.row()], self.KEYS[index.column()]
        if role == CASE_ID_ROLE:
            return row.case_id
        if key == "discussed":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.discussed else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(index.row(), row, key)
        if key == "readiness":
            return self._readiness_role(row.readiness, role)
        return None

    def _shown(self, position: int, row: AgendaRow, key: str) -> str:
        if key == "position":
            return str(position + 1)
        if key == "readiness":
            return readiness_summary(row.readiness)
        return str(getattr(row, key))

    def _readiness_role(self, result: Readiness, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return tone("good") if result.ready else tone("warning")
        if role == Qt.ItemDataRole.ToolTipRole and not result.ready:
            return "\n".join(gap.message.render(self._lang) for gap in result.gaps)
        return None

    def setData(
        self,
        index: ParentIndex,
        value: Any,  # noqa: N802
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if (
            not index.isValid()
            or self.KEYS[index.column()] != "discussed"
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        row = self._rows[index.row()]
        self._store.agenda.mark_discussed(self._meeting.isoformat(), row.case_id, done)
        self._rows[index.row()] = dataclasses.replace(row, discussed=done)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
