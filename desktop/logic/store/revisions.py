"""Adding a revision of a case: every check a save must pass, then the rows it writes.

Called inside the store's IMMEDIATE transaction, so the expected-revision check, the sealed
records check and the writes see one consistent database even with other writers.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.logic.model import Translated, msg
from desktop.logic.store import audit as store_audit
from desktop.logic.store import cases as store_cases
from desktop.logic.store.decisions import check_chain, check_sealed_kept, finals, record_json
from desktop.logic.store.diff import change_summary
from desktop.logic.store.errors import CaseNotFound, StaleRevision, StoreError
from desktop.logic.store.values import StoredCase, User

if TYPE_CHECKING:  # pydantic loads on the first save, not when the store opens
    from desktop.logic.model import Case

log = logging.getLogger(__name__)  # case ids only: never names or MRNs


def commit(
    conn: sqlite3.Connection,
    user: User,
    case_id: str,
    data: dict[str, Any],
    expected: int | None,
    action: str,
    note: str | None = None,
) -> StoredCase:
    """Add one revision after every safety check; `expected` None skips the revision check."""
    current = current_revision(conn, case_id)
    if expected is not None:
        _require_expected(current, case_id, expected)
    data = {"format": data.get("format"), "case_id": case_id, **data}
    case = _validated(data, case_id)
    decisions = data.get("decisions") or []
    check_chain(decisions, case_id)
    sealed = sealed_records(conn, case_id)
    check_sealed_kept(sealed, decisions, case_id)
    _refuse_duplicate_mrn(conn, case_id, case.patient.mrn)
    summary = change_summary(json.loads(current[1]) if current else None, data)
    if note:
        summary = f"{note}; {summary}" if summary not in ("no change", "created") else note
    revision = current[0] + 1 if current else 1
    at = store_cases.now_utc()
    columns = store_cases.list_columns(case)
    row = store_cases.case_table_row(case_id, columns, revision, at, user)
    conn.execute(store_cases.UPSERT_CASE, row)
    body = store_cases.case_json(data)
    conn.execute(
        store_cases.INSERT_REVISION, (case_id, revision, at, user.name, user.role, summary, body)
    )
    _seal_new_finals(conn, case_id, decisions, sealed, revision)
    listed = store_cases.list_hash(case_id, revision, columns)
    store_audit.append(
        conn, user, at, action, summary, case_id, revision, store_audit.body_hash(body), listed
    )
    log.info("case %s saved as revision %d (%s)", case_id, revision, action)
    return StoredCase(case_id, revision, case, at, user.name)


Revision = tuple[int, str, str, str]  # revision, body (JSON), at, by


def current_revision(conn: sqlite3.Connection, case_id: str) -> Revision | None:
    """(revision, body, at, by) of the newest revision, or None."""
    row: Revision | None = conn.execute(
        "SELECT revision, body, at, by FROM revisions WHERE case_id = ? "
        "ORDER BY revision DESC LIMIT 1",
        [case_id],
    ).fetchone()
    return row


def current_data(conn: sqlite3.Connection, case_id: str, expected: int) -> dict[str, Any]:
    """The newest revision's case as a dict, after checking it is `expected`."""
    current = _require_expected(current_revision(conn, case_id), case_id, expected)
    data: dict[str, Any] = json.loads(current[1])
    return data


def sealed_records(conn: sqlite3.Connection, case_id: str) -> dict[int, str]:
    rows = conn.execute("SELECT position, body FROM sealed_records WHERE case_id = ?", [case_id])
    return dict(rows.fetchall())


def _require_expected(current: Revision | None, case_id: str, expected: int) -> Revision:
    if current is None:
        raise CaseNotFound(msg("store.error.case_not_found", case_id=case_id))
    if current[0] != expected:
        raise StaleRevision(case_id, expected, current[0], current[3], current[2])
    return current


def _seal_new_finals(
    conn: sqlite3.Connection,
    case_id: str,
    decisions: list[Any],
    sealed: dict[int, str],
    revision: int,
) -> None:
    for position, record in finals(decisions).items():
        if position not in sealed:
            conn.execute(
                "INSERT INTO sealed_records (case_id, position, record_hash, body, revision) "
                "VALUES (?, ?, ?, ?, ?)",
                [case_id, position, record["record_hash"], record_json(record), revision],
            )


def _refuse_duplicate_mrn(conn: sqlite3.Connection, case_id: str, mrn: str) -> None:
    row = conn.execute(
        "SELECT case_id FROM cases WHERE mrn = ? AND case_id != ?", [mrn, case_id]
    ).fetchone()
    if row is not None:
        raise StoreError(msg("store.error.mrn_taken", case_id=row[0]))


def _validated(data: dict[str, Any], case_id: str, today: date | None = None) -> Case:
    """The case, or StoreError naming each problem; `today` is the day no event may follow."""
    from pydantic import ValidationError

    from desktop.logic.model import Case, describe_errors

    try:
        return Case.model_validate(data, context={"today": today or date.today()})
    except ValidationError as exc:
        problems = Translated(
            "; ".join(describe_errors(exc)), "；".join(describe_errors(exc, "zh_CN"))
        )
        raise StoreError(
            msg("store.error.invalid_case", case_id=case_id, problems=problems)
        ) from None


def stored_case(data: dict[str, Any], case_id: str) -> Case:
    """A stored revision read back. It is checked as on input, except against this computer's
    date: a revision saved on a later clock still opens. One that no longer passes (saved before
    a rule existed) is refused in words, never with a traceback."""
    from desktop.logic.model import LATEST_DATE

    return _validated(data, case_id, today=LATEST_DATE)
