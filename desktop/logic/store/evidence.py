"""The trust findings of `check` that look at one database (trust.md, findings 1, 2, 4 and 5).

1. a revision whose body differs from the hash its audit entry recorded;
2. a `cases` row whose listed values differ from what its latest revision gives;
4. a signature that does not verify, or whose key is not the signer's (and an account key that
   the audit trail never recorded);
5. an audit entry that names a case that does not exist.
Problems are sentences naming case_id, revision, record and account, never patient values.
"""

from __future__ import annotations

import json
import sqlite3

from desktop.logic.model.keys import fingerprint
from desktop.logic.store import signatures as store_signatures
from desktop.logic.store.audit import body_hash
from desktop.logic.store.cases import list_columns

LISTED = ("mrn", "name", "bclc", "cnlc", "child_pugh", "status")


def problems(conn: sqlite3.Connection) -> list[str]:
    return (
        revision_hash_problems(conn)
        + case_row_problems(conn)
        + signature_problems(conn)
        + orphan_audit_problems(conn)
    )


def revision_hash_problems(conn: sqlite3.Connection) -> list[str]:
    """Finding 1: each revision's body against the SHA-256 its audit entry recorded."""
    found: list[str] = []
    rows = conn.execute(
        "SELECT r.case_id, r.revision, r.body, a.body_hash, a.seq FROM revisions r "
        "JOIN audit a ON a.case_id = r.case_id AND a.revision = r.revision "
        "WHERE a.body_hash IS NOT NULL ORDER BY r.case_id, r.revision"
    )
    for case_id, revision, body, recorded, seq in rows:
        try:
            actual = body_hash(body)
        except ValueError:
            actual = None
        if actual != recorded:
            found.append(
                f"case {case_id} revision {revision}: the stored case differs from the one "
                f"audit entry {seq} recorded when it was saved; it was edited outside the app."
            )
    return found


def case_row_problems(conn: sqlite3.Connection) -> list[str]:
    """Finding 2: the case list's values against what the latest revision gives."""
    from pydantic import ValidationError

    from desktop.logic.model import Case

    found: list[str] = []
    rows = conn.execute(
        "SELECT c.case_id, c.mrn, c.name, c.bclc, c.cnlc, c.child_pugh, c.status, c.revision, "
        "r.revision, r.body FROM cases c LEFT JOIN revisions r ON r.case_id = c.case_id AND "
        "r.revision = (SELECT max(revision) FROM revisions WHERE case_id = c.case_id)"
    )
    for case_id, *listed, revision, latest, body in rows:
        if body is None:
            found.append(f"case {case_id}: listed in the case list, but no revision is stored.")
            continue
        try:
            columns = list_columns(Case.model_validate(json.loads(body)))
        except (ValueError, ValidationError):
            continue  # the revision itself is reported by the revision check
        differing = [f for f, value in zip(LISTED, listed, strict=True) if columns[f] != value]
        if revision != latest:
            differing.append("revision")
        if differing:
            found.append(
                f"case {case_id}: the case list's {', '.join(differing)} differ from what "
                f"revision {latest} (the latest) gives; the list was edited outside the app."
            )
    return found


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
