"""The store's integrity check: SQLite's own, then every decision chain, seal and the audit chain.

Problems are sentences naming the case_id, revision and record, never patient data.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from desktop.logic.model import CaseError, chain_problems, parse_case, record_hash
from desktop.logic.store.audit import chain_problems as audit_problems
from desktop.logic.store.decisions import record_json
from desktop.logic.store.schema import REQUIRED_TRIGGERS


def problems(conn: sqlite3.Connection) -> list[str]:
    found = sqlite_problems(conn)
    if found:
        return found  # the rest would read damaged pages
    found += trigger_problems(conn)
    found += revision_problems(conn)
    found += seal_problems(conn)
    found += audit_problems(conn)
    found += audit_coverage_problems(conn)
    return found


def sqlite_problems(conn: sqlite3.Connection) -> list[str]:
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    found = [f"SQLite integrity check: {row}" for row in rows if row != "ok"]
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        found.append(f"table {table} row {rowid} points to a missing row of {parent}.")
    return found


def trigger_problems(conn: sqlite3.Connection) -> list[str]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    return [
        f"the protective trigger {name} is missing (removed outside the app), so rows it "
        "guards could have been changed."
        for name in REQUIRED_TRIGGERS
        if name not in present
    ]


def revision_problems(conn: sqlite3.Connection) -> list[str]:
    found: list[str] = []
    latest: dict[str, int] = {}
    for case_id, revision, body in conn.execute(
        "SELECT case_id, revision, body FROM revisions ORDER BY case_id, revision"
    ):
        where = f"case {case_id} revision {revision}"
        expected = latest.get(case_id, 0) + 1
        if revision != expected:
            found.append(f"{where}: revision {expected} is missing.")
        latest[case_id] = revision
        found += _body_problems(where, body)
    for case_id, revision in conn.execute("SELECT case_id, revision FROM cases"):
        if latest.get(case_id) != revision:
            found.append(
                f"case {case_id}: the case list says revision {revision}, the newest stored "
                f"revision is {latest.get(case_id)}."
            )
    return found


def _body_problems(where: str, body: str) -> list[str]:
    try:
        data = json.loads(body)
    except json.JSONDecodeError:
        return [f"{where}: the stored case is not valid JSON."]
    try:
        parse_case(data)
    except CaseError as exc:
        hashes = chain_problems(data.get("decisions") or []) if isinstance(data, dict) else []
        problems = [p for p in exc.problems if p not in hashes]
        return [f"{where}: {p}" for p in hashes + problems]
    return []


def seal_problems(conn: sqlite3.Connection) -> list[str]:
    """Every sealed record must verify and appear unchanged in every later revision."""
    found: list[str] = []
    previous: dict[str, str] = {}
    sealed: dict[str, list[tuple[int, str, int]]] = {}
    for case_id, position, stated, body, revision in conn.execute(
        "SELECT case_id, position, record_hash, body, revision FROM sealed_records "
        "ORDER BY case_id, position"
    ):
        record = json.loads(body)
        if record_hash(record, previous.get(case_id, "")) != stated:
            found.append(
                f"case {case_id}: the seal of final decision record {position + 1} does not "
                "match its content; it was edited outside the app."
            )
        previous[case_id] = stated
        sealed.setdefault(case_id, []).append((position, body, revision))
    for case_id, revision, body in conn.execute(
        "SELECT case_id, revision, body FROM revisions ORDER BY case_id, revision"
    ):
        decisions = _decisions(body)
        for position, sealed_body, since in sealed.get(case_id, []):
            if revision < since:
                continue
            if position >= len(decisions) or record_json(decisions[position]) != sealed_body:
                found.append(
                    f"case {case_id} revision {revision}: final decision record {position + 1} "
                    "differs from the record sealed in revision "
                    f"{since}; it was edited or removed outside the app."
                )
    return found


def _decisions(body: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(body)
    except json.JSONDecodeError:
        return []
    return data.get("decisions") or [] if isinstance(data, dict) else []


def audit_coverage_problems(conn: sqlite3.Connection) -> list[str]:
    missing = conn.execute(
        "SELECT r.case_id, r.revision FROM revisions r WHERE NOT EXISTS (SELECT 1 FROM audit a "
        "WHERE a.case_id = r.case_id AND a.revision = r.revision) ORDER BY 1, 2"
    ).fetchall()
    return [
        f"case {case_id} revision {revision}: no audit trail entry records who saved it."
        for case_id, revision in missing
    ]
