"""The store's schema as registered migrations (sqlite_utils.Migrations) and its connections.

Each migration runs in one transaction together with the record that it ran, so a kill in the
middle leaves the old schema or the new one, never a mix. Released schemas are frozen in
tests/fixtures/store-v*.sql; add a new migration (never edit an old one) and a new fixture.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.logic.model import msg
from desktop.logic.store.errors import DatabaseDamaged, DatabaseRefused
from desktop.logic.store.files import MIGRATION_SET, newest_good_backup, quick_check_problem

if TYPE_CHECKING:  # sqlite_utils loads only when a migration has to run (not on every start)
    from sqlite_utils import Database, Migrations

BUSY_TIMEOUT_S = 5.0
MIGRATIONS_TABLE = "_sqlite_migrations"  # the table sqlite_utils.Migrations records runs in

APPEND_ONLY_TABLES = ("revisions", "sealed_records", "audit")


def _refuse(table: str, verb: str, reason: str) -> str:
    return (
        f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{reason}'); END"
    )


SCHEMA_V1 = [
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE cases (
        case_id TEXT PRIMARY KEY,
        mrn TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        bclc TEXT, cnlc TEXT, child_pugh TEXT,
        status TEXT NOT NULL,
        revision INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL)""",
    "CREATE INDEX cases_name ON cases(name)",
    "CREATE INDEX cases_updated_at ON cases(updated_at)",
    "CREATE INDEX cases_bclc ON cases(bclc)",
    "CREATE INDEX cases_cnlc ON cases(cnlc)",
    "CREATE INDEX cases_status ON cases(status)",
    """CREATE TABLE revisions (
        case_id TEXT NOT NULL REFERENCES cases(case_id),
        revision INTEGER NOT NULL,
        at TEXT NOT NULL, by TEXT NOT NULL, role TEXT NOT NULL,
        summary TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (case_id, revision))""",
    """CREATE TABLE sealed_records (
        case_id TEXT NOT NULL REFERENCES cases(case_id),
        position INTEGER NOT NULL,
        record_hash TEXT NOT NULL,
        body TEXT NOT NULL,
        revision INTEGER NOT NULL,
        PRIMARY KEY (case_id, position))""",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL,
        action TEXT NOT NULL, case_id TEXT, revision INTEGER,
        detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""",
    "CREATE INDEX audit_case ON audit(case_id, revision)",
    """CREATE TABLE agenda (
        meeting_date TEXT NOT NULL,
        case_id TEXT NOT NULL REFERENCES cases(case_id),
        position INTEGER NOT NULL,
        discussed INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (meeting_date, case_id))""",
    "CREATE INDEX agenda_case ON agenda(case_id, meeting_date)",
    _refuse("revisions", "UPDATE", "revisions are never changed: save a new revision"),
    _refuse("revisions", "DELETE", "revisions are never deleted"),
    _refuse("sealed_records", "UPDATE", "a final decision record is sealed and never changed"),
    _refuse("sealed_records", "DELETE", "a final decision record is sealed and never removed"),
    _refuse("audit", "UPDATE", "the audit trail is append-only"),
    _refuse("audit", "DELETE", "the audit trail is append-only"),
]

REQUIRED_TRIGGERS = tuple(
    f"{table}_no_{verb}" for table in APPEND_ONLY_TABLES for verb in ("update", "delete")
)


def _initial(db: Database) -> None:
    for statement in SCHEMA_V1:
        db.execute(statement)


MIGRATION_STEPS = (("0001_initial", _initial),)  # append new steps; never edit an old one


@cache
def migrations() -> Migrations:
    """The registered migrations (sqlite_utils imported here, on first need)."""
    from sqlite_utils import Migrations

    registry = Migrations(MIGRATION_SET)
    for name, step in MIGRATION_STEPS:
        registry(name=name)(step)
    return registry


@dataclass
class Connection:
    """An open database: the plain sqlite3 connection the store queries."""

    conn: sqlite3.Connection

    def close(self) -> None:
        self.conn.close()


def connect(path: Path, *, read_only: bool) -> Connection:
    """A connection with foreign keys on (ensure_schema then sets WAL and synchronous=FULL)."""
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    else:
        _create_private(path)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys=ON")
    return Connection(conn)


def _writer_pragmas(conn: sqlite3.Connection) -> None:
    # FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on power loss.
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")


def _create_private(path: Path) -> None:
    """A new database file is created readable and writable by its owner only (0600)."""
    if path.exists():
        return
    if not path.parent.is_dir():
        raise DatabaseRefused(msg("store.error.no_folder", folder=path.parent))
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def ensure_schema(db: Connection, path: Path, *, read_only: bool) -> None:
    """Refuse a file that is not ours; a writer then gets WAL, synchronous=FULL, migrations."""
    tables = {row[0] for row in db.conn.execute(_TABLES)}
    known = {name for name, _step in MIGRATION_STEPS}
    if tables and MIGRATIONS_TABLE not in tables:
        raise DatabaseDamaged(msg("store.error.not_ours", path=path), newest_good_backup(path))
    applied = set(schema_version(db)) if tables else set()
    unknown = applied - known
    if unknown:
        schemas = ", ".join(sorted(unknown))
        raise DatabaseRefused(msg("store.error.newer_schema", path=path, schemas=schemas))
    if not read_only:
        if tables and (applied != known or _journal_mode(db.conn) != "wal"):
            refuse_damaged_pages(db.conn, path)  # both steps below write to the file
        _writer_pragmas(db.conn)
    if applied == known:
        return
    if read_only:
        raise DatabaseRefused(msg("store.error.needs_upgrade", path=path))
    from sqlite_utils import Database

    migrations().apply(Database(db.conn, execute_plugins=False, recursive_triggers=False))


_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"


def refuse_damaged_pages(conn: sqlite3.Connection, path: Path) -> None:
    """DatabaseDamaged, before anything is written, when quick_check finds damaged pages."""
    problem = quick_check_problem(conn)
    if problem is not None:
        message = msg("store.error.damaged", path=path, problem=problem)
        raise DatabaseDamaged(message, newest_good_backup(path))


def _journal_mode(conn: sqlite3.Connection) -> str:
    return str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()


def schema_version(db: Connection) -> list[str]:
    """Names of the migrations applied to `db`, in the order they ran."""
    if not db.conn.execute(f"{_TABLES} AND name = ?", [MIGRATIONS_TABLE]).fetchone():
        return []
    rows = db.conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    )
    return [row[0] for row in rows]
