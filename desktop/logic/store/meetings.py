"""The meeting agendas of one store (`store.agenda`): each change is one audited write transaction.

`MeetingAgenda` is given what it uses by the store that owns it: its read and write
transactions, who is working (read at each write) and the database's path for messages. The
SQL itself is in desktop.logic.store.agenda.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path

from desktop.logic.model import msg
from desktop.logic.store import agenda as store_agenda
from desktop.logic.store import audit as store_audit
from desktop.logic.store.cases import now_utc
from desktop.logic.store.errors import CaseNotFound, StoreError
from desktop.logic.store.revisions import current_revision
from desktop.logic.store.values import AgendaItem, User

Connection = Callable[[], AbstractContextManager[sqlite3.Connection]]
Change = Callable[[sqlite3.Connection, str, str], bool]


class MeetingAgenda:
    """Which cases each meeting discusses, in order, and which were discussed."""

    def __init__(
        self,
        reading: Connection,
        transaction: Connection,
        user: Callable[[], User | None],
        path: Path,
    ) -> None:
        self._reading = reading
        self._transaction = transaction
        self._user = user
        self._path = path

    def meetings(self) -> list[str]:
        """Every meeting date with an agenda, oldest first (ISO dates)."""
        with self._reading() as conn:
            return store_agenda.meetings(conn)

    def items(self, meeting_date: str) -> list[AgendaItem]:
        """The agenda of one meeting, in order."""
        with self._reading() as conn:
            return store_agenda.agenda(conn, _iso(meeting_date))

    def add(self, meeting_date: str, case_id: str) -> None:
        self._write("added to the agenda", meeting_date, case_id, store_agenda.add)

    def move(self, meeting_date: str, case_id: str, new_position: int) -> None:
        def move(conn: sqlite3.Connection, day: str, cid: str) -> bool:
            return store_agenda.move(conn, day, cid, new_position)

        self._write(f"moved to agenda position {new_position + 1}", meeting_date, case_id, move)

    def remove(self, meeting_date: str, case_id: str) -> None:
        self._write("removed from the agenda", meeting_date, case_id, store_agenda.remove)

    def mark_discussed(self, meeting_date: str, case_id: str, discussed: bool = True) -> None:
        def mark(conn: sqlite3.Connection, day: str, cid: str) -> bool:
            return store_agenda.mark_discussed(conn, day, cid, discussed)

        verb = "marked discussed" if discussed else "marked not discussed"
        self._write(verb, meeting_date, case_id, mark)

    def carry_over(self, from_date: str, to_date: str) -> int:
        """Move the undiscussed cases of one meeting to another; returns how many moved."""
        with self._transaction() as conn:
            moved = store_agenda.carry_over(conn, _iso(from_date), _iso(to_date))
            for case_id in moved:
                detail = f"carried over from the meeting of {from_date} to {to_date}"
                store_audit.append(conn, self._who(), now_utc(), "agenda", detail, case_id)
        return len(moved)

    def _write(self, verb: str, meeting_date: str, case_id: str, change: Change) -> None:
        day = _iso(meeting_date)
        with self._transaction() as conn:
            if current_revision(conn, case_id) is None:
                raise CaseNotFound(
                    msg("store.error.case_not_found_in", case_id=case_id, path=self._path)
                )
            if change(conn, day, case_id):
                detail = f"{verb} of the meeting of {day}"
                store_audit.append(conn, self._who(), now_utc(), "agenda", detail, case_id)

    def _who(self) -> User:
        user = self._user()
        if user is None:  # the store's write transaction has refused already
            raise StoreError(msg("store.error.no_user"))
        return user


def _iso(day: str) -> str:
    try:
        return date.fromisoformat(str(day)).isoformat()
    except ValueError:
        raise StoreError(msg("store.error.bad_meeting_date", day=repr(day))) from None
