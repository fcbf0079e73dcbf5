"""Rows of the cases and revisions tables, and the case-list query (no JSON parsed to list).

The list columns (BCLC, CNLC, Child-Pugh, status) are computed once at save time with
desktop.logic.clinical.evaluation.summary_columns and stored beside the MRN and name, so listing
100,000 cases is one indexed SQL query.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from desktop.logic.store.values import CaseRow, User

if TYPE_CHECKING:  # listing needs neither the case model nor the evaluation
    from desktop.logic.model import Case

LIST_COLUMNS = (
    "case_id, mrn, name, bclc, cnlc, child_pugh, status, "
    "(SELECT min(a.meeting_date) FROM agenda a WHERE a.case_id = c.case_id "
    "AND a.meeting_date >= :today) AS next_meeting, updated_at, revision"
)
ORDERABLE = frozenset(
    {"case_id", "mrn", "name", "bclc", "cnlc", "child_pugh", "status", "updated_at", "revision"}
    | {"next_meeting"}
)
_ORDER_TERM = re.compile(r"^\s*(\w+)(?:\s+(ASC|DESC))?\s*$", re.IGNORECASE)


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def case_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def list_columns(case: Case) -> dict[str, str | None]:
    """MRN, name and the computed columns the case list shows."""
    from desktop.logic.clinical import summary_columns

    columns = summary_columns(case)
    return {
        "mrn": case.patient.mrn,
        "name": case.patient.name,
        "bclc": columns.get("bclc"),
        "cnlc": columns.get("cnlc"),
        "child_pugh": columns.get("child_pugh"),
        "status": columns.get("status") or "new",
    }


def case_table_row(
    case_id: str, columns: dict[str, Any], revision: int, at: str, user: User
) -> tuple[Any, ...]:
    return (
        case_id,
        columns["mrn"],
        columns["name"],
        columns["bclc"],
        columns["cnlc"],
        columns["child_pugh"],
        columns["status"],
        revision,
        at,
        user.name,
    )


UPSERT_CASE = (
    "INSERT INTO cases (case_id, mrn, name, bclc, cnlc, child_pugh, status, revision, "
    "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(case_id) DO "
    "UPDATE SET mrn=excluded.mrn, name=excluded.name, bclc=excluded.bclc, cnlc=excluded.cnlc, "
    "child_pugh=excluded.child_pugh, status=excluded.status, revision=excluded.revision, "
    "updated_at=excluded.updated_at, updated_by=excluded.updated_by"
)
INSERT_REVISION = (
    "INSERT INTO revisions (case_id, revision, at, by, role, summary, body) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def where_clause(
    text: str, bclc: str | None, cnlc: str | None, status: str | None
) -> tuple[str, dict[str, Any]]:
    terms: list[str] = []
    params: dict[str, Any] = {}
    if text.strip():
        escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["pattern"] = f"%{escaped}%"
        terms.append(
            "(c.name LIKE :pattern ESCAPE '\\' OR c.mrn LIKE :pattern ESCAPE '\\' "
            "OR c.case_id = :exact)"
        )
        params["exact"] = text.strip()
    for column, value in (("bclc", bclc), ("cnlc", cnlc), ("status", status)):
        if value is not None:
            terms.append(f"c.{column} = :{column}")
            params[column] = value
    return (" WHERE " + " AND ".join(terms)) if terms else "", params


def order_clause(order_by: str) -> str:
    """A safe ORDER BY from e.g. 'updated_at DESC, name'; unknown columns are refused."""
    parts = []
    for term in order_by.split(","):
        match = _ORDER_TERM.match(term)
        if not match or match.group(1).lower() not in ORDERABLE:
            raise ValueError(f"cannot order the case list by {term.strip()!r}")
        parts.append(f"{match.group(1).lower()} {(match.group(2) or 'ASC').upper()}")
    return " ORDER BY " + ", ".join(parts + ["case_id ASC"])


def list_rows(
    conn: sqlite3.Connection,
    where: str,
    params: dict[str, Any],
    order: str,
    limit: int | None,
    offset: int,
    today: str,
) -> list[CaseRow]:
    sql = f"SELECT {LIST_COLUMNS} FROM cases c{where}{order}"
    params = {**params, "today": today}
    if limit is not None or offset:
        sql += " LIMIT :limit OFFSET :offset"
        params.update(limit=-1 if limit is None else limit, offset=offset)
    return [CaseRow(*row) for row in conn.execute(sql, params)]
