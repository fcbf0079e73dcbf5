"""The audit trail: an append-only, hash-chained log of every write (who, when, what, which case).

Each entry's `hash` is sha256 over the previous entry's hash and the entry's canonical JSON, so
an entry changed or removed outside the app breaks the chain; triggers in the schema refuse
UPDATE and DELETE. Details name field paths and settings, never patient values.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from json.encoder import encode_basestring
from typing import Any

from desktop.logic.store.values import User

FIELDS = ("seq", "at", "user", "role", "action", "case_id", "revision", "detail")
# An entry that writes a revision also carries `body_hash` (SHA-256 of the revision's canonical
# body, trust.md finding 1) and, since schema v5, `list_hash` (SHA-256 of the case-list values
# saved with it, finding 2). Each is hashed in the entry's canonical JSON when it is set; older
# entries have neither, and their hashes stay as they were.
OPTIONAL = ("body_hash", "list_hash")
COLUMNS = tuple(sorted((*FIELDS, *OPTIONAL)))
# The canonical JSON of an entry: json.dumps(entry without unset optional fields,
# sort_keys=True, ensure_ascii=False, separators=(",", ":")), written out field by field (a test
# checks it is the same text): `check` makes one per entry, 100,000s of them.
_ENTRY = (
    '{"action":%s,"at":%s%s,"case_id":%s,"detail":%s%s,"revision":%s,"role":%s,"seq":%s,'
    '"user":%s}'
)


def _json_value(value: str | int | None) -> str:
    if value is None:
        return "null"
    if value.__class__ is str:
        return encode_basestring(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(int(value))


def canonical_entry(
    action: str, at: str, body_hash: str | None, case_id: str | None, detail: str,
    list_hash: str | None, revision: int | None, role: str, seq: int, user: str,
) -> str:  # fmt: skip
    """An entry's canonical JSON from its values in COLUMNS order (a value of a type the store
    never writes raises TypeError or ValueError)."""
    return _ENTRY % (
        encode_basestring(action), encode_basestring(at),
        "" if body_hash is None else ',"body_hash":' + encode_basestring(body_hash),
        _json_value(case_id), encode_basestring(detail),
        "" if list_hash is None else ',"list_hash":' + encode_basestring(list_hash),
        _json_value(revision), encode_basestring(role), _json_value(seq),
        encode_basestring(user),
    )  # fmt: skip


def entry_hash(entry: dict[str, Any], previous: str) -> str:
    """sha256 over `previous` and the entry's canonical JSON (optional fields only when set)."""
    values: list[Any] = [entry.get(key) for key in COLUMNS]
    return text_hash(previous + canonical_entry(*values))


def append(
    conn: sqlite3.Connection,
    user: User,
    at: str,
    action: str,
    detail: str,
    case_id: str | None = None,
    revision: int | None = None,
    body_hash: str | None = None,
    list_hash: str | None = None,
) -> None:
    """Add one entry; call inside the write transaction that made the change.

    An entry that writes a revision passes `body_hash`, the SHA-256 of its canonical body, and
    `list_hash`, that of the case-list values saved with it (cases.list_hash).
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
        "list_hash": list_hash,
    }
    conn.execute(
        "INSERT INTO audit (seq, at, user, role, action, case_id, revision, detail, body_hash, "
        "list_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [*(entry[key] for key in (*FIELDS, *OPTIONAL)), previous, entry_hash(entry, previous)],
    )


def body_hash(body: str) -> str:
    """SHA-256 of a revision body in the canonical form used for record_hash."""
    canonical = json.dumps(
        json.loads(body), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return text_hash(canonical)


def text_hash(text: str) -> str:
    """SHA-256 of `text` as stored: a body saved in canonical form hashes to its body_hash."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def chained_rows(entries: list[dict[str, Any]], previous: str = "") -> list[tuple[Any, ...]]:
    """Rows for a bulk insert of entries (seq included), chained after `previous`: the columns
    of FIELDS, then OPTIONAL (None when unset), prev_hash and hash."""
    rows = []
    for entry in entries:
        digest = entry_hash(entry, previous)
        optional = (entry.get(key) for key in OPTIONAL)
        rows.append((*(entry[key] for key in FIELDS), *optional, previous, digest))
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
    sql = f"SELECT {', '.join(COLUMNS)}, prev_hash, hash FROM audit ORDER BY seq"
    for *values, prev_hash, stated in conn.execute(sql):
        action, at, seq = values[0], values[1], values[8]  # COLUMNS order
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
        try:
            intact = stated == text_hash(prev_hash + canonical_entry(*values))
        except (TypeError, ValueError):
            intact = False
        if not intact:
            problems.append(
                f"audit trail: entry {seq} ({action}, {at}) no longer matches its hash; it "
                "was edited outside the app."
            )
        previous = stated
        expected_seq = seq + 1
    return problems
