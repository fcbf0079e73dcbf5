"""The audit trail: an append-only, hash-chained log of every write (who, when, what, which case).

Each entry's `hash` is sha256 over the previous entry's hash and the entry's canonical JSON, so
an entry changed or removed outside the app breaks the chain; triggers in the schema refuse
UPDATE and DELETE. Details name field paths and settings, never patient values.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from desktop.logic.store.values import User

FIELDS = ("seq", "at", "user", "role", "action", "case_id", "revision", "detail")
# The canonical JSON of an entry: json.dumps(entry, sort_keys=True, ensure_ascii=False,
# separators=(",", ":")), written out field by field (a test checks it is the same text).
SORTED_FIELDS = tuple(sorted(FIELDS))
_CANONICAL = "{" + ",".join(f'"{key}":%s' for key in SORTED_FIELDS) + "}"
# An entry that writes a revision also carries `body_hash` (SHA-256 of the revision's canonical
# body, trust.md finding 1), hashed in the same canonical JSON; older entries have none.
SORTED_WITH_BODY = tuple(sorted((*FIELDS, "body_hash")))
_CANONICAL_WITH_BODY = "{" + ",".join(f'"{key}":%s' for key in SORTED_WITH_BODY) + "}"


def _json_value(value: str | int | None) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(int(value))


def _digest(previous: str, values: Sequence[Any], template: str = _CANONICAL) -> str:
    canonical = template % tuple([_json_value(value) for value in values])
    return "sha256:" + hashlib.sha256((previous + canonical).encode("utf-8")).hexdigest()


def entry_hash(entry: dict[str, Any], previous: str) -> str:
    """sha256 over `previous` and the entry's canonical JSON (body_hash only when it has one)."""
    if entry.get("body_hash") is not None:
        values = [entry[key] for key in SORTED_WITH_BODY]
        return _digest(previous, values, _CANONICAL_WITH_BODY)
    return _digest(previous, [entry[key] for key in SORTED_FIELDS])


def append(
    conn: sqlite3.Connection,
    user: User,
    at: str,
    action: str,
    detail: str,
    case_id: str | None = None,
    revision: int | None = None,
    body_hash: str | None = None,
) -> None:
    """Add one entry; call inside the write transaction that made the change.

    An entry that writes a revision passes `body_hash`, the SHA-256 of its canonical body.
    """
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, previous = (last[0] + 1, last[1]) if last else (1, "")
    entry = {
        "seq": seq,
        "at": at,
        "user": user.name,
        "role": user.role,
        "action": action,
        "case_id": case_id,
        "revision": revision,
        "detail": detail,
        "body_hash": body_hash,
    }
    conn.execute(
        "INSERT INTO audit (seq, at, user, role, action, case_id, revision, detail, body_hash, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [*(entry[key] for key in FIELDS), body_hash, previous, entry_hash(entry, previous)],
    )


def body_hash(body: str) -> str:
    """SHA-256 of a revision body in the canonical form used for record_hash."""
    canonical = json.dumps(
        json.loads(body), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def chained_rows(entries: list[dict[str, Any]], previous: str = "") -> list[tuple[Any, ...]]:
    """Rows for a bulk insert of entries (seq included), chained after `previous`."""
    rows = []
    for entry in entries:
        digest = entry_hash(entry, previous)
        rows.append((*(entry[key] for key in FIELDS), previous, digest))
        previous = digest
    return rows


def entries(conn: sqlite3.Connection, case_id: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM audit"
    params: list[Any] = []
    if case_id is not None:
        sql += " WHERE case_id = ?"
        params.append(case_id)
    cursor = conn.execute(sql + " ORDER BY seq", params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def chain_problems(conn: sqlite3.Connection) -> list[str]:
    """Each audit entry whose hash or link does not verify, in words."""
    problems: list[str] = []
    previous = ""
    expected_seq = 1
    columns = ", ".join(SORTED_WITH_BODY)
    seq_at, action_at, at_at = (SORTED_WITH_BODY.index(key) for key in ("seq", "action", "at"))
    body_at = SORTED_WITH_BODY.index("body_hash")
    for row in conn.execute(f"SELECT {columns}, prev_hash, hash FROM audit ORDER BY seq"):
        *values, prev_hash, stated = row
        seq = values[seq_at]
        if seq != expected_seq:
            problems.append(
                f"audit trail: entries {expected_seq} to {seq - 1} are missing (removed "
                "outside the app)."
            )
        if prev_hash != previous:
            problems.append(
                f"audit trail: entry {seq} does not link to the entry before it; the trail "
                "was edited outside the app."
            )
        if values[body_at] is None:
            expected = _digest(prev_hash, values[:body_at] + values[body_at + 1 :])
        else:
            expected = _digest(prev_hash, values, _CANONICAL_WITH_BODY)
        if stated != expected:
            problems.append(
                f"audit trail: entry {seq} ({values[action_at]}, {values[at_at]}) no longer "
                "matches its hash; it was edited outside the app."
            )
        previous = stated
        expected_seq = seq + 1
    return problems
