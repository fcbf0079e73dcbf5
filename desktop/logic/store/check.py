"""The store's integrity check: SQLite's own, then every revision, decision chain, seal and the
audit chain. Problems are sentences naming the case_id, revision and record, never patient data.

A revision saved since schema v5 is stored in the canonical form its audit entry's body_hash
(trust.md finding 1) was taken over: when its text still hashes to that, it is as it was
validated when saved. Otherwise its fingerprint (schema.revision_digests, since v2) or, without
one, a full validation decides; the findings are the same as validating all.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from desktop.logic.model import LATEST_DATE, CaseError, chain_problems, parse_case, record_hash
from desktop.logic.store.audit import chain_problems as audit_problems
from desktop.logic.store.audit import text_hash
from desktop.logic.store.decisions import record_json
from desktop.logic.store.evidence import body_hash_problem
from desktop.logic.store.evidence import problems as trust_problems
from desktop.logic.store.schema import REQUIRED_TRIGGERS, SEARCH_TABLE, SEARCH_TRIGGERS, body_digest


def problems(conn: sqlite3.Connection) -> list[str]:
    found = sqlite_problems(conn)
    if found:
        return found  # the rest would read damaged pages
    found += trigger_problems(conn)
    found += search_index_problems(conn)
    revisions = revision_pass(conn)
    found += revisions.problems
    found += seal_problems(conn, revisions)
    found += audit_problems(conn)
    found += audit_coverage_problems(conn)
    found += trust_problems(conn, revisions.latest)
    return found


def sqlite_problems(conn: sqlite3.Connection) -> list[str]:
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    found = [f"SQLite integrity check: {row}" for row in rows if row != "ok"]
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        found.append(f"table {table} row {rowid} points to a missing row of {parent}.")
    return found


def _names(conn: sqlite3.Connection, kind: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", [kind])}


def trigger_problems(conn: sqlite3.Connection) -> list[str]:
    present = _names(conn, "trigger")
    required = REQUIRED_TRIGGERS + (
        SEARCH_TRIGGERS if SEARCH_TABLE in _names(conn, "table") else ()
    )
    return [
        f"the protective trigger {name} is missing (removed outside the app), so rows it "
        "guards could have been changed."
        for name in required
        if name not in present
    ]


def search_index_problems(conn: sqlite3.Connection) -> list[str]:
    """Cases missing from the name/MRN search index, or indexed rows no case has."""
    if SEARCH_TABLE not in _names(conn, "table"):
        return []
    sizes = f"{SEARCH_TABLE}_docsize"
    missing = conn.execute(
        f"SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM {sizes} d "
        "WHERE d.id = c.rowid)"
    ).fetchone()[0]
    extra = conn.execute(
        f"SELECT count(*) FROM {sizes} d WHERE NOT EXISTS (SELECT 1 FROM cases c "
        "WHERE c.rowid = d.id)"
    ).fetchone()[0]
    if not missing and not extra:
        return []
    return [
        f"the search index is out of step with the case list ({missing} case(s) missing, "
        f"{extra} extra); it was changed outside the app, and a search by name or MRN may "
        "miss cases."
    ]


@dataclass
class RevisionPass:
    """What one pass over every revision found, and what the seal check needs from it."""

    problems: list[str] = field(default_factory=list)
    latest: dict[str, int] = field(default_factory=dict)
    changed: dict[str, set[int]] = field(default_factory=dict)  # no fingerprint, or changed


def revision_pass(conn: sqlite3.Connection) -> RevisionPass:
    """Numbering, the hash each save recorded (trust.md finding 1), fingerprints, and
    validation of the revisions that need it, in one pass over every revision.

    A revision whose text still hashes to the body_hash its audit entry recorded is as it was
    saved and validated: it is neither fingerprinted nor validated again.
    """
    seen = RevisionPass()
    digests = "revision_digests" in _names(conn, "table")
    for case_id, revision, body, recorded, seq in conn.execute(_REVISIONS_WITH_HASHES):
        where = f"case {case_id} revision {revision}"
        expected = seen.latest.get(case_id, 0) + 1
        if revision != expected:
            seen.problems.append(f"{where}: revision {expected} is missing.")
        seen.latest[case_id] = revision
        if recorded is not None and text_hash(body) == recorded:
            continue  # as saved, and validated then: its audit entry's hash says so
        differs = recorded is not None and body_hash_problem(case_id, revision, body,
                                                             recorded, seq)  # fmt: skip
        digest = _fingerprint(conn, case_id, revision) if digests else None
        fingerprint_kept = digest is not None and digest == body_digest(body)
        if differs:
            seen.problems.append(differs)
        elif fingerprint_kept or recorded is not None:
            continue  # the content saved, in other text (saved before schema v5)
        if digest is not None and not fingerprint_kept:
            seen.problems.append(
                f"{where}: the stored case differs from the one saved; it was changed "
                "outside the app."
            )
        seen.changed.setdefault(case_id, set()).add(revision)
        seen.problems += _body_problems(where, body)
    seen.problems += _case_list_problems(conn, seen.latest)
    return seen


# Every revision with the body_hash its audit entry recorded (schema v3), in revision order.
_REVISIONS_WITH_HASHES = (
    "SELECT r.case_id, r.revision, r.body, a.body_hash, a.seq FROM revisions r "
    "LEFT JOIN audit a ON a.case_id = r.case_id AND a.revision = r.revision "
    "AND a.body_hash IS NOT NULL ORDER BY r.case_id, r.revision"
)


def _fingerprint(conn: sqlite3.Connection, case_id: str, revision: int) -> bytes | None:
    """The fingerprint written when the revision was saved (schema v2), if it has one."""
    row = conn.execute(
        "SELECT digest FROM revision_digests WHERE case_id = ? AND revision = ?",
        [case_id, revision],
    ).fetchone()
    return row[0] if row else None


def _case_list_problems(conn: sqlite3.Connection, latest: dict[str, int]) -> list[str]:
    return [
        f"case {case_id}: the case list says revision {revision}, the newest stored "
        f"revision is {latest.get(case_id)}."
        for case_id, revision in conn.execute("SELECT case_id, revision FROM cases")
        if latest.get(case_id) != revision
    ]


def _body_problems(where: str, body: str) -> list[str]:
    try:
        data = json.loads(body)
    except json.JSONDecodeError:
        return [f"{where}: the stored case is not valid JSON."]
    try:
        parse_case(data, today=LATEST_DATE)  # stored: not judged by this computer's date
    except CaseError as exc:
        hashes = chain_problems(data.get("decisions") or []) if isinstance(data, dict) else []
        problems = [p for p in exc.problems if p not in hashes]
        return [f"{where}: {p}" for p in hashes + problems]
    return []


def seal_problems(conn: sqlite3.Connection, revisions: RevisionPass) -> list[str]:
    """Every sealed record must verify and appear unchanged in every later revision.

    A revision that kept its fingerprint was compared with the sealed records when it was
    saved, so the revisions compared here are the newest of each case and those changed since
    saving; when the newest differs, every revision of that case is compared.
    """
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
    for case_id, records in sealed.items():
        found += _case_seal_problems(conn, case_id, records, revisions)
    return found


def _case_seal_problems(
    conn: sqlite3.Connection,
    case_id: str,
    records: list[tuple[int, str, int]],
    revisions: RevisionPass,
) -> list[str]:
    latest = revisions.latest.get(case_id)
    wanted = revisions.changed.get(case_id, set()) | {latest}
    found = _compare(conn, case_id, records, sorted(r for r in wanted if r is not None))
    if any(revision == latest for revision, _ in found):
        found = _compare(conn, case_id, records, None)
    return [problem for _, problem in found]


def _compare(
    conn: sqlite3.Connection,
    case_id: str,
    records: list[tuple[int, str, int]],
    wanted: list[int] | None,
) -> list[tuple[int, str]]:
    """Sealed records against the revisions in `wanted` (None: every revision of the case)."""
    sql = "SELECT revision, body FROM revisions WHERE case_id = ?"
    if wanted is not None:
        sql += f" AND revision IN ({', '.join('?' * len(wanted))})"
    found: list[tuple[int, str]] = []
    for revision, body in conn.execute(sql + " ORDER BY revision", [case_id, *(wanted or [])]):
        decisions = _decisions(body)
        for position, sealed_body, since in records:
            if revision < since:
                continue
            if position >= len(decisions) or record_json(decisions[position]) != sealed_body:
                found.append((revision,
                    f"case {case_id} revision {revision}: final decision record {position + 1} "
                    "differs from the record sealed in revision "
                    f"{since}; it was edited or removed outside the app."
                ))  # fmt: skip
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
