"""The trust findings of `check` that look at one database (trust.md, findings 1, 2, 4 and 5).

1. a revision whose body differs from the hash its audit entry recorded;
2. a `cases` row whose listed values differ from those saved with its latest revision;
4. a signature that does not verify, or whose key is not the signer's (and an account key that
   the audit trail never recorded);
5. an audit entry that names a case that does not exist.
Problems are sentences naming case_id, revision, record and account, never patient values.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from desktop.logic.model.keys import fingerprint
from desktop.logic.store import signatures as store_signatures
from desktop.logic.store.audit import body_hash, text_hash
from desktop.logic.store.cases import LISTED, list_columns, row_list_hash


def problems(conn: sqlite3.Connection, latest: dict[str, int]) -> list[str]:
    """Findings 2, 4 and 5 (finding 1 is found in check's pass over every revision, which
    also gives `latest`: each case's newest stored revision)."""
    return (
        case_row_problems(conn, latest)
        + signature_problems(conn)
        + orphan_audit_problems(conn)
    )


def body_hash_problem(
    case_id: str, revision: int, body: str, recorded: str, seq: int
) -> str | None:
    """Finding 1 for one revision: its body against the SHA-256 its audit entry recorded.

    A body stored in canonical form (every revision saved since schema v5) is hashed as it is;
    one stored otherwise, or whose text hash differs, is parsed and hashed canonically. Called
    from check's one pass over every revision (check.revision_pass).
    """
    if text_hash(body) == recorded:
        return None
    try:
        actual = body_hash(body)
    except ValueError:
        actual = None
    if actual == recorded:
        return None
    return (
        f"case {case_id} revision {revision}: the stored case differs from the one audit "
        f"entry {seq} recorded when it was saved; it was edited outside the app."
    )


# Each case-list row and the list_hash recorded when the revision it names was saved.
_CASE_ROWS = (
    "SELECT c.case_id, c.mrn, c.name, c.bclc, c.cnlc, c.child_pugh, c.status, c.revision, "
    "a.list_hash, a.seq FROM cases c LEFT JOIN audit a ON a.case_id = c.case_id "
    "AND a.revision = c.revision AND a.list_hash IS NOT NULL"
)


def case_row_problems(conn: sqlite3.Connection, latest: dict[str, int]) -> list[str]:
    """Finding 2: each case-list row against the values saved with its latest revision.

    The audit entry of that revision records their SHA-256 (list_hash, schema v5); a row that
    names the latest revision and matches it is as saved. A row without one (saved before v5),
    or differing, is compared with what the latest revision gives, to name what differs.
    """
    found: list[str] = []
    for case_id, *listed, revision, recorded, seq in conn.execute(_CASE_ROWS):
        newest = latest.get(case_id)
        if newest is None:
            found.append(f"case {case_id}: listed in the case list, but no revision is stored.")
            continue
        if revision == newest and recorded == _row_hash(case_id, revision, listed):
            continue
        found += _recomputed(conn, case_id, listed, revision, newest, seq)
    return sorted(found)


def _row_hash(case_id: str, revision: int, listed: list[Any]) -> str | None:
    try:
        return row_list_hash(case_id, revision, *listed)
    except (TypeError, ValueError):  # a value of the wrong type, put there outside the app
        return None


def _recomputed(
    conn: sqlite3.Connection, case_id: str, listed: list[Any], revision: int, latest: int,
    seq: int | None,
) -> list[str]:  # fmt: skip
    """The row against the list columns computed from its latest revision (`seq`: the audit
    entry whose list_hash the row does not match, None when there is none)."""
    from pydantic import ValidationError

    from desktop.logic.model import Case

    body = conn.execute(
        "SELECT body FROM revisions WHERE case_id = ? AND revision = ?", [case_id, latest]
    ).fetchone()[0]
    try:
        columns = list_columns(Case.model_validate(json.loads(body)))
        differing = [f for f, value in zip(LISTED, listed, strict=True) if columns[f] != value]
    except (ValueError, ValidationError):
        differing = []  # the revision itself is reported by the revision check
    if revision != latest:
        differing.append("revision")
    if differing:
        return [
            f"case {case_id}: the case list's {', '.join(differing)} differ from what "
            f"revision {latest} (the latest) gives; the list was edited outside the app."
        ]
    if seq is not None:
        return [
            f"case {case_id}: the case list's row differs from the values audit entry {seq} "
            f"recorded when revision {latest} was saved; it was edited outside the app."
        ]
    return []


def signature_problems(conn: sqlite3.Connection) -> list[str]:
    """Finding 4: signatures that do not verify or were made with a key not the signer's."""
    keys = dict(conn.execute("SELECT name, public_key FROM accounts"))
    found = store_signatures.problems(conn, keys)
    details = [row[0] for row in conn.execute("SELECT detail FROM audit WHERE action='account'")]
    for name, public_key in keys.items():
        if public_key is None:
            continue
        marks, print_ = (f"account {name} (", f"account {name}:"), fingerprint(public_key)
        if not any(d.startswith(marks) and print_ in d for d in details):
            found.append(
                f"account {name}: its signing key {fingerprint(public_key)} is not the one the "
                "audit trail recorded; it was replaced outside the app."
            )
    return found


def orphan_audit_problems(conn: sqlite3.Connection) -> list[str]:
    """Finding 5: audit entries naming a case the database does not hold."""
    rows = conn.execute(
        "SELECT case_id, count(*), min(seq) FROM audit WHERE case_id IS NOT NULL AND case_id "
        "NOT IN (SELECT case_id FROM cases) GROUP BY case_id ORDER BY min(seq)"
    )
    return [
        f"audit trail: {count} entries (from entry {first}) name case {case_id}, which the "
        "database does not hold; the case was removed outside the app."
        for case_id, count, first in rows
    ]
