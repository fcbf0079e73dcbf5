"""The store's schema as registered migrations (sqlite_utils.Migrations) and its connections.

Each migration runs in one transaction together with the record that it ran, so a kill in the
middle leaves the old schema or the new one, never a mix. Released schemas are frozen in
tests/fixtures/store-v*.sql; add a new migration (never edit an old one) and a new fixture.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.logic.model import msg
from desktop.logic.store.errors import DatabaseDamaged, DatabaseRefused
from desktop.logic.store.files import (
    MIGRATION_SET,
    cipher_connect,
    database_errors,
    newest_good_backup,
    quick_check_problem,
)

if TYPE_CHECKING:  # sqlite_utils loads only when a migration has to run (not on every start)
    from sqlite_utils import Database, Migrations

BUSY_TIMEOUT_S = 5.0
CACHE_KIB = 32 * 1024  # page cache per connection: the case list's rows stay in memory
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


def _initial(db: Database) -> None:
    for statement in SCHEMA_V1:
        db.execute(statement)


DIGEST_FUNCTION = "mdt_body_digest"  # registered on every connection by connect()

# v2: a fingerprint of each revision as saved (so `check` validates only what changed after
# saving), a recent-first covering index for the case list, and the name/MRN search index.
SCHEMA_V2 = [
    """CREATE TABLE revision_digests (
        case_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        digest BLOB NOT NULL,
        PRIMARY KEY (case_id, revision)) WITHOUT ROWID""",
    "CREATE TRIGGER revisions_digest AFTER INSERT ON revisions BEGIN INSERT INTO "
    f"revision_digests VALUES (new.case_id, new.revision, {DIGEST_FUNCTION}(new.body)); END",
    _refuse("revision_digests", "UPDATE", "revision fingerprints are never changed"),
    _refuse("revision_digests", "DELETE", "revision fingerprints are never removed"),
    "CREATE INDEX cases_recent ON cases(updated_at DESC, case_id, name, mrn)",
]
SEARCH_TABLE = "cases_search"
# FTS5 trigram (SQLite >= 3.34): every 3-character substring of name and MRN, case-folded.
# External content: the text stays in `cases`; the triggers keep the index in step with it.
SEARCH_V2 = [
    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(name, mrn, content='cases', "
    "content_rowid='rowid', tokenize='trigram')",
    f"CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN INSERT INTO {SEARCH_TABLE}"
    "(rowid, name, mrn) VALUES (new.rowid, new.name, new.mrn); END",
    f"CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN INSERT INTO {SEARCH_TABLE}"
    f"({SEARCH_TABLE}, rowid, name, mrn) VALUES ('delete', old.rowid, old.name, old.mrn); END",
    "CREATE TRIGGER cases_search_update AFTER UPDATE OF name, mrn ON cases "
    "WHEN old.name IS NOT new.name OR old.mrn IS NOT new.mrn BEGIN "
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, name, mrn) "
    "VALUES ('delete', old.rowid, old.name, old.mrn); "
    f"INSERT INTO {SEARCH_TABLE}(rowid, name, mrn) VALUES (new.rowid, new.name, new.mrn); END",
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('rebuild')",
]
SEARCH_TRIGGERS = ("cases_search_insert", "cases_search_delete", "cases_search_update")
# v3, accounts (trust.md): never deleted, only disabled. Signatures sit beside the sealed record
# they sign (outside its hashed content) and are never changed. An audit entry that writes a
# revision records the SHA-256 of the revision's canonical body (body_hash).
SCHEMA_V3 = [
    """CREATE TABLE accounts (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password TEXT NOT NULL,
        password_is_initial INTEGER NOT NULL DEFAULT 0,
        public_key TEXT,
        private_key TEXT,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL)""",
    """CREATE TABLE signatures (
        case_id TEXT NOT NULL REFERENCES cases(case_id),
        position INTEGER NOT NULL,
        record_hash TEXT NOT NULL,
        name TEXT NOT NULL, role TEXT NOT NULL, at TEXT NOT NULL,
        public_key TEXT NOT NULL,
        signature TEXT NOT NULL,
        PRIMARY KEY (case_id, position, name))""",
    "ALTER TABLE audit ADD COLUMN body_hash TEXT",
    _refuse("accounts", "DELETE", "accounts are never deleted: disable one instead"),
    _refuse("signatures", "UPDATE", "a signature is never changed"),
    _refuse("signatures", "DELETE", "a signature is never removed"),
]
REQUIRED_TRIGGERS = (  # check reports any of these missing (removed outside the app)
    *(f"{table}_no_{verb}" for table in APPEND_ONLY_TABLES for verb in ("update", "delete")),
    "revision_digests_no_update",
    "revision_digests_no_delete",
    "revisions_digest",
    "accounts_no_delete",
    "signatures_no_update",
    "signatures_no_delete",
)


def body_digest(body: str | bytes) -> bytes:
    """A revision's fingerprint: 16 bytes of BLAKE2b over its stored JSON text."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    return hashlib.blake2b(data, digest_size=16).digest()


def trigram_available(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34 or newer)."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.trigram_probe USING fts5(x, tokenize='trigram')")
    except database_errors():
        return False
    conn.execute("DROP TABLE temp.trigram_probe")
    return True


def _search_and_digests(db: Database) -> None:
    statements = SCHEMA_V2 + (SEARCH_V2 if trigram_available(db.conn) else [])
    for statement in statements:
        db.execute(statement)


def _trust(db: Database) -> None:
    for statement in SCHEMA_V3:
        db.execute(statement)


# v4: the pinyin of each name (store.pinyin), written at save time and searched like the name
# and MRN ("wang" finds 王伟); the search index gains it as a third column.
SCHEMA_V4 = ["ALTER TABLE cases ADD COLUMN search_text TEXT NOT NULL DEFAULT ''"]
SEARCH_V4_DROP = [
    *(f"DROP TRIGGER IF EXISTS {trigger}" for trigger in SEARCH_TRIGGERS),
    f"DROP TABLE IF EXISTS {SEARCH_TABLE}",
]
SEARCH_V4 = [
    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(name, mrn, search_text, content='cases', "
    "content_rowid='rowid', tokenize='trigram')",
    f"CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN INSERT INTO {SEARCH_TABLE}"
    "(rowid, name, mrn, search_text) VALUES (new.rowid, new.name, new.mrn, new.search_text); END",
    f"CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN INSERT INTO {SEARCH_TABLE}"
    f"({SEARCH_TABLE}, rowid, name, mrn, search_text) "
    "VALUES ('delete', old.rowid, old.name, old.mrn, old.search_text); END",
    "CREATE TRIGGER cases_search_update AFTER UPDATE OF name, mrn, search_text ON cases "
    "WHEN old.name IS NOT new.name OR old.mrn IS NOT new.mrn "
    "OR old.search_text IS NOT new.search_text BEGIN "
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, name, mrn, search_text) "
    "VALUES ('delete', old.rowid, old.name, old.mrn, old.search_text); "
    f"INSERT INTO {SEARCH_TABLE}(rowid, name, mrn, search_text) "
    "VALUES (new.rowid, new.name, new.mrn, new.search_text); END",
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('rebuild')",
]


def _pinyin_search(db: Database) -> None:
    from desktop.logic.store.pinyin import searchable_text

    indexed = trigram_available(db.conn)
    for statement in SCHEMA_V4 + (SEARCH_V4_DROP if indexed else []):
        db.execute(statement)
    fill = "UPDATE cases SET search_text = ? WHERE rowid = ?"
    for rowid, name in db.execute("SELECT rowid, name FROM cases").fetchall():
        db.execute(fill, [searchable_text(name), rowid])
    for statement in SEARCH_V4 if indexed else []:
        db.execute(statement)


# v5: an audit entry that writes a revision also records the SHA-256 of the case-list values
# saved with it (list_hash), so `check` compares each case-list row with what was saved without
# evaluating every case again (trust.md finding 2).
SCHEMA_V5 = ["ALTER TABLE audit ADD COLUMN list_hash TEXT"]


def _case_list_hash(db: Database) -> None:
    for statement in SCHEMA_V5:
        db.execute(statement)


# v6: the recent-first index covers the pinyin too. Since v4 the case list's text filter also
# matches search_text, which the v2 index lacked, so walking it read every row from the table
# (a dense filter such as "Zha" over 100,000 cases took 80-130 ms instead of about 10).
SCHEMA_V6 = [
    "DROP INDEX cases_recent",
    "CREATE INDEX cases_recent ON cases(updated_at DESC, case_id, name, mrn, search_text)",
]


def _recent_index_with_pinyin(db: Database) -> None:
    for statement in SCHEMA_V6:
        db.execute(statement)


MIGRATION_STEPS = (  # append new steps; never edit an old one
    ("0001_initial", _initial),
    ("0002_search_and_digests", _search_and_digests),
    ("0003_trust", _trust),
    ("0004_pinyin_search", _pinyin_search),
    ("0005_case_list_hash", _case_list_hash),
    ("0006_recent_index_with_pinyin", _recent_index_with_pinyin),
)


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
    """An open database: the sqlite3 (or, encrypted, sqlcipher3) connection the store queries."""

    conn: sqlite3.Connection
    encrypted: bool = False

    def close(self) -> None:
        self.conn.close()


def connect(path: Path, *, read_only: bool, key: bytes | None = None) -> Connection:
    """A connection with foreign keys on (ensure_schema then sets WAL and synchronous=FULL).

    With `key` (32 bytes) the file is opened with SQLCipher (sqlcipher3) under that raw key.
    """
    driver = sqlite3.connect if key is None else cipher_connect
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = driver(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    else:
        _create_private(path)
        conn = driver(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    if key is not None:
        apply_key(conn, key)
    add_digest_function(conn)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    return Connection(conn, encrypted=key is not None)


def apply_key(conn: sqlite3.Connection, key: bytes) -> None:
    """Key an SQLCipher connection with a raw 256-bit key; SQLCipher's own log stays silent."""
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a wrong key fails here
    conn.execute("PRAGMA temp_store = MEMORY")  # no decrypted page in a temporary file


def add_digest_function(conn: sqlite3.Connection) -> None:
    """The function the revisions_digest trigger calls (any connection that saves needs it)."""
    conn.create_function(DIGEST_FUNCTION, 1, body_digest, deterministic=True)


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
