"""Meeting agendas: which cases each MDT meeting discusses, in order, and which were discussed.

Functions over an open connection, called by Store inside its write transaction; positions are
kept 0..n-1 without gaps.
"""

from __future__ import annotations

import sqlite3

from desktop.logic.store.values import AgendaItem


def meetings(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT meeting_date FROM agenda ORDER BY 1")]


def agenda(conn: sqlite3.Connection, meeting_date: str) -> list[AgendaItem]:
    rows = conn.execute(
        "SELECT case_id, position, discussed FROM agenda WHERE meeting_date = ? ORDER BY position",
        [meeting_date],
    )
    return [AgendaItem(case_id, position, bool(discussed)) for case_id, position, discussed in rows]


def add(conn: sqlite3.Connection, meeting_date: str, case_id: str) -> bool:
    """Append the case to the meeting's agenda; False when it is already on it."""
    if _position(conn, meeting_date, case_id) is not None:
        return False
    conn.execute(
        "INSERT INTO agenda (meeting_date, case_id, position, discussed) VALUES (?, ?, "
        "(SELECT count(*) FROM agenda WHERE meeting_date = ?), 0)",
        [meeting_date, case_id, meeting_date],
    )
    return True


def move(conn: sqlite3.Connection, meeting_date: str, case_id: str, new_position: int) -> bool:
    order = [item.case_id for item in agenda(conn, meeting_date)]
    if case_id not in order:
        return False
    order.remove(case_id)
    order.insert(max(0, min(new_position, len(order))), case_id)
    _renumber(conn, meeting_date, order)
    return True


def remove(conn: sqlite3.Connection, meeting_date: str, case_id: str) -> bool:
    deleted = conn.execute(
        "DELETE FROM agenda WHERE meeting_date = ? AND case_id = ?", [meeting_date, case_id]
    ).rowcount
    _renumber(conn, meeting_date, [item.case_id for item in agenda(conn, meeting_date)])
    return deleted > 0


def mark_discussed(conn: sqlite3.Connection, meeting_date: str, case_id: str, done: bool) -> bool:
    changed = conn.execute(
        "UPDATE agenda SET discussed = ? WHERE meeting_date = ? AND case_id = ?",
        [int(done), meeting_date, case_id],
    ).rowcount
    return changed > 0


def carry_over(conn: sqlite3.Connection, from_date: str, to_date: str) -> list[str]:
    """Move the undiscussed cases of one meeting to the end of another; returns their ids."""
    moved = [item.case_id for item in agenda(conn, from_date) if not item.discussed]
    for case_id in moved:
        add(conn, to_date, case_id)
        remove(conn, from_date, case_id)
    return moved


def _position(conn: sqlite3.Connection, meeting_date: str, case_id: str) -> int | None:
    row = conn.execute(
        "SELECT position FROM agenda WHERE meeting_date = ? AND case_id = ?",
        [meeting_date, case_id],
    ).fetchone()
    return row[0] if row else None


def _renumber(conn: sqlite3.Connection, meeting_date: str, order: list[str]) -> None:
    conn.executemany(
        "UPDATE agenda SET position = ? WHERE meeting_date = ? AND case_id = ?",
        [(position, meeting_date, case_id) for position, case_id in enumerate(order)],
    )
