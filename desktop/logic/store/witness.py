"""Finding 3 of trust.md: witnesses. A backup or an exported archive holds what the database
held then; anything it holds that the database no longer holds, or holds changed, is reported.

Someone who edits the database and recomputes every hash defeats a check of the database alone;
they cannot also change every backup and every archive already handed out. Each table is
compared by walking both copies in primary-key order (one pass, no per-row queries).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from desktop.logic.store.files import (
    SQLITE_MAGIC,
    database_errors,
    list_backups,
    open_read_only,
)

# table -> (primary key columns, the columns that must be equal, what one row is called)
_Spec = tuple[tuple[str, ...], tuple[str, ...], str]
WITNESSED: dict[str, _Spec] = {
    "cases": (("case_id",), (), "case"),
    "revisions": (("case_id", "revision"), ("at", "by", "body"), "revision"),
    "sealed_records": (("case_id", "position"), ("record_hash", "body"), "sealed record"),
    "audit": (("seq",), ("at", "user", "action", "case_id", "revision", "hash"), "audit entry"),
}
SHOWN = 5  # differences named per table and witness; the rest are counted
MAX_ARCHIVE_JSON = 50 << 20


def backup_problems(conn: sqlite3.Connection, db_path: Path, key: bytes | None) -> list[str]:
    """Every backup in the backup folder, as a witness."""
    found: list[str] = []
    for backup in list_backups(db_path):
        found += witness_problems(conn, backup, key)
    return found


def witness_problems(conn: sqlite3.Connection, witness: Path, key: bytes | None) -> list[str]:
    """What the witness (a backup file or an archive folder) holds that the database lost."""
    if witness.is_dir():
        return archive_problems(conn, witness)
    try:
        with witness.open("rb") as handle:
            plain = handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
        other = open_read_only(witness, None if plain else key)
    except OSError as exc:
        return [f"witness {witness}: cannot be read ({exc.strerror or exc})."]
    except database_errors() as exc:
        return [f"witness {witness}: cannot be opened ({exc})."]
    try:
        found: list[str] = []
        for table, spec in WITNESSED.items():
            found += _table_problems(conn, other, table, spec, witness)
        return found
    except database_errors() as exc:
        return [f"witness {witness}: cannot be read as a database of cases ({exc})."]
    finally:
        other.close()


def _table_problems(
    conn: sqlite3.Connection, other: sqlite3.Connection, table: str, spec: _Spec, witness: Path
) -> list[str]:
    keys, compared, noun = spec
    columns = ", ".join((*keys, *compared))
    order = ", ".join(keys)
    sql = f"SELECT {columns} FROM {table} ORDER BY {order}"
    ours = iter(conn.execute(sql))
    mine = next(ours, None)
    lost, changed = [], []
    for row in other.execute(sql):
        key = row[: len(keys)]
        while mine is not None and mine[: len(keys)] < key:
            mine = next(ours, None)
        if mine is None or mine[: len(keys)] != key:
            lost.append(key)
        elif mine != row:
            changed.append(key)
    found = []
    for verb, rows in (("no longer holds", lost), ("holds changed", changed)):
        if rows:
            named = "; ".join(" ".join(str(part) for part in key) for key in rows[:SHOWN])
            more = f" and {len(rows) - SHOWN} more" if len(rows) > SHOWN else ""
            found.append(
                f"witness {witness.name}: the database {verb} {len(rows)} {noun}(s) the witness "
                f"holds ({named}{more}); they were removed or altered outside the app."
            )
    return found


def archive_problems(conn: sqlite3.Connection, folder: Path) -> list[str]:
    """An archive bundle as a witness: its sealed decision records must be in the database."""
    data = _archive_case(folder)
    if isinstance(data, str):
        return [f"witness {folder}: {data}"]
    finals = [
        (position, record) for position, record in enumerate(data.get("decisions") or [])
        if isinstance(record, dict) and record.get("status") == "final"
    ]  # fmt: skip
    case_id = _case_for(conn, data, finals)
    if case_id is None:
        return [
            f"witness {folder.name}: the database holds no case with the archive's case "
            "(neither its case_id nor its sealed records); it was removed outside the app."
        ]
    found = []
    stored = dict(
        (row[0], (row[1], row[2]))
        for row in conn.execute(
            "SELECT position, record_hash, body FROM sealed_records WHERE case_id = ?", [case_id]
        )
    )
    for position, record in finals:
        canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        if stored.get(position) != (record.get("record_hash"), canonical):
            found.append(
                f"witness {folder.name}: case {case_id} final decision record {position + 1} "
                "differs from (or is missing in) the database; the sealed record was altered "
                "outside the app, even if its hashes were recomputed."
            )
    return found


def _archive_case(folder: Path) -> dict[str, Any] | str:
    jsons = [p for p in folder.iterdir() if p.suffix == ".json" and p.is_file()]
    jsons = [p for p in jsons if not p.is_symlink() and p.name != "signer.json"]
    if len(jsons) != 1:
        return f"expected one case JSON file in the archive, found {len(jsons)}."
    try:
        if jsons[0].stat().st_size > MAX_ARCHIVE_JSON:
            return f"{jsons[0].name} is larger than {MAX_ARCHIVE_JSON >> 20} MB."
        data = json.loads(jsons[0].read_bytes())
    except (OSError, ValueError, RecursionError):
        return f"{jsons[0].name} cannot be read as JSON."
    return data if isinstance(data, dict) else f"{jsons[0].name} does not hold a case."


def _case_for(
    conn: sqlite3.Connection, data: dict[str, Any], finals: list[tuple[int, dict[str, Any]]]
) -> str | None:
    case_id = data.get("case_id")
    if isinstance(case_id, str):
        row = conn.execute("SELECT case_id FROM cases WHERE case_id = ?", [case_id]).fetchone()
        if row:
            return str(row[0])
    for _position, record in finals:
        row = conn.execute(
            "SELECT case_id FROM sealed_records WHERE record_hash = ?", [record.get("record_hash")]
        ).fetchone()
        if row:
            return str(row[0])
    return None
