"""The store's meeting-agenda methods: each change is one audited write transaction.

A mixin of `Store` (store.database): it uses the store's `_reading`, `_transaction`, `user`
and `path`; the SQL itself is in desktop.logic.store.agenda.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from desktop.logic.model import msg
from desktop.logic.store import agenda as store_agenda
from desktop.logic.store import audit as store_audit
from desktop.logic.store.cases import now_utc
from desktop.logic.store.errors import CaseNotFound, StoreError
from desktop.logic.store.revisions import current_revision
from desktop.logic.store.values import AgendaItem


class MeetingAgenda:
    """Which cases each meeting discusses, in order, and which were discussed."""

    def meetings(self) -> list[str]:
        with self._reading() as conn:
            return store_agenda.meetings(conn)

    def agenda(self, meeting_date: str) -> list[AgendaItem]:
        with self._reading() as conn:
            return store_agenda.agenda(conn, _iso(meeting_date))

    def add_to_agenda(self, meeting_date: str, case_id: str) -> None:
        self._agenda_write("added to the agenda", meeting_date, case_id, store_agenda.add)

    def move_agenda_item(self, meeting_date: str, case_id: str, new_position: int) -> None:
        def move(conn: sqlite3.Connection, day: str, cid: str) -> bool:
            return store_agenda.move(conn, day, cid, new_position)

        self._agenda_write(f"moved to agenda position {new_position + 1}", meeting_date,
                           case_id, move)  # fmt: skip

    def remove_from_agenda(self, meeting_date: str, case_id: str) -> None:
        self._agenda_write("removed from the agenda", meeting_date, case_id, store_agenda.remove)

    def mark_discussed(self, meeting_date: str, case_id: str, discussed: bool = True) -> None:
        def mark(conn: sqlite3.Connection, day: str, cid: str) -> bool:
            return store_agenda.mark_discussed(conn, day, cid, discussed)

        verb = "marked discussed" if discussed else "marked not discussed"
        self._agenda_write(verb, meeting_date, case_id, mark)

    def carry_over(self, from_date: str, to_date: str) -> int:
        """Move the undiscussed cases of one meeting to another; returns how many moved."""
        with self._transaction() as conn:
            moved = store_agenda.carry_over(conn, _iso(from_date), _iso(to_date))
            for case_id in moved:
                detail = f"carried over from the meeting of {from_date} to {to_date}"
                store_audit.append(conn, self.user, now_utc(), "agenda", detail, case_id)
        return len(moved)

    def _agenda_write(self, verb: str, meeting_date: str, case_id: str, change: Any) -> None:
        day = _iso(meeting_date)
        with self._transaction() as conn:
            if current_revision(conn, case_id) is None:
                raise CaseNotFound(
                    msg("store.error.case_not_found_in", case_id=case_id, path=self.path)
                )
            if change(conn, day, case_id):
                detail = f"{verb} of the meeting of {day}"
                store_audit.append(conn, self.user, now_utc(), "agenda", detail, case_id)


def _iso(day: str) -> str:
    try:
        return date.fromisoformat(str(day)).isoformat()
    except ValueError:
        raise StoreError(msg("store.error.bad_meeting_date", day=repr(day))) from None
