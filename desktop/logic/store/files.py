"""Looking at database files without trusting them: header checks, backup listing, verification.

Nothing here writes; a file that fails these checks is reported and never overwritten.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from desktop.logic.model import Message, msg

if TYPE_CHECKING:  # sqlite3 is imported where a file is opened: the sign-in dialog opens none
    import sqlite3

SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATION_SET = "mdt-planner"
BACKUP_SUFFIX = ".sqlite3"


def backups_dir(db_path: Path) -> Path:
    """Backups of `x.sqlite3` live in `x.sqlite3.backups/` beside it."""
    return db_path.with_name(db_path.name + ".backups")


def key_path(db_path: Path) -> Path:
    """The key file of an encrypted database `x.sqlite3` is `x.sqlite3.keys` beside it."""
    return db_path.with_name(db_path.name + ".keys")


def is_encrypted(db_path: Path) -> bool:
    """An encrypted database has its key file beside it and no plain SQLite header.

    A plain file with a key file beside it is one whose `encrypt` was interrupted before the
    encrypted copy was put in place: it is still plain, and is opened as such.
    """
    if not key_path(db_path).exists():
        return False
    try:
        with db_path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC
    except FileNotFoundError:
        return True


def has_key_file(path: Path) -> bool:
    """A key file beside `path`, or beside the database whose backup folder holds `path`."""
    if key_path(path).exists():
        return True
    folder = path.parent
    return folder.name.endswith(".backups") and key_path(
        folder.with_name(folder.name.removesuffix(".backups"))
    ).exists()


def list_backups(db_path: Path) -> list[Path]:
    """Backup files of this database, newest first (names carry a sortable timestamp)."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{BACKUP_SUFFIX}"), reverse=True)


def header_problem(path: Path) -> str | None:
    """Why the file cannot be an intact SQLite database, judged from its size and header."""
    problem = header_problem_message(path)
    return None if problem is None else problem.render("en")


def header_problem_message(path: Path) -> Message | None:
    """`header_problem` as a sentence to render in the reader's language."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return msg("store.header.cannot_read", reason=exc.strerror or exc)
    if size == 0:
        return None
    if len(header) < 100:
        return msg("store.header.truncated_header", size=size)
    if not header.startswith(SQLITE_MAGIC):
        if has_key_file(path):  # encrypted (SQLCipher): only the key can tell more
            return None
        return msg("store.header.not_sqlite")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if page_size < 512 or page_size & (page_size - 1):
        return msg("store.header.corrupt", page_size=page_size)
    # A checkpoint killed midway may have written page 1 (with the new page count) before the
    # pages that extend the file; the write-ahead log still holds them and SQLite replays it on
    # the next open, so with a non-empty WAL beside it the file is not judged truncated.
    if counter_valid and page_count and size < page_count * page_size and not _has_wal(path):
        return msg(
            "store.header.truncated_pages", size=size, page_count=page_count, page_size=page_size
        )
    return None


def quick_check_problem(conn: sqlite3.Connection) -> Message | None:
    """What SQLite's quick_check finds wrong with the pages of an open database (None: ok).

    quick_check reads every page and b-tree (not the index contents): 0.4-1 s for 100,000
    cases on 2 cores; sqlite3.DatabaseError when the file is too damaged to run it.
    """
    rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    if rows == ["ok"]:
        return None
    return msg("store.header.pages_damaged", count=len(rows), first=rows[0])


def _has_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 32  # more than the WAL header: frames to replay
    except OSError:
        return False


def database_problems(path: Path, key: bytes | None = None) -> list[str]:
    """Every reason `path` is not a usable MDT Planner database ([] when it is one).

    An encrypted file (no plain SQLite header) is read with `key`; without it, it is refused.
    """
    if not path.is_file():
        return [f"{path} does not exist or is not a file"]
    problem = header_problem(path)
    if problem is None and path.stat().st_size == 0:
        problem = "it is empty"
    if problem:
        return [f"{path}: {problem}"]
    with path.open("rb") as handle:
        plain = handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    if not plain and key is None:
        return [f"{path}: it is encrypted, and this check was not given its key"]
    errors = database_errors()
    try:
        conn = open_read_only(path, None if plain else key)
    except errors as exc:
        return [f"{path}: cannot be opened ({exc})"]
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            return [f"{path}: integrity check: {row}" for row in rows]
        if not _has_our_schema(conn):
            return [f"{path}: it is an SQLite database, but not one of MDT Planner"]
    except errors as exc:
        return [f"{path}: cannot be read as a database ({exc})"]
    finally:
        conn.close()
    return []


def open_read_only(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """A read-only connection to a database file; SQLCipher under `key` when given."""
    import sqlite3

    uri = f"{path.resolve().as_uri()}?mode=ro"
    if key is None:
        return sqlite3.connect(uri, uri=True)
    conn = cipher_connect(uri, uri=True)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def cipher_connect(target: Path | str, **options: Any) -> sqlite3.Connection:
    """An SQLCipher connection (sqlcipher3, imported only when a database is encrypted).

    sqlcipher3 is Python's sqlite3 module built against SQLCipher: its Connection has the same
    interface (its stubs are typeshed's sqlite3 stubs), so the store types both as sqlite3's.
    """
    import sqlcipher3

    return cast("sqlite3.Connection", sqlcipher3.connect(target, **options))


def database_errors() -> tuple[type[Exception], ...]:
    """sqlite3's errors, and sqlcipher3's once an encrypted database was opened."""
    import sqlite3

    cipher = sys.modules.get("sqlcipher3")
    return (sqlite3.Error,) if cipher is None else (sqlite3.Error, cipher.Error)


def _has_our_schema(conn: sqlite3.Connection) -> bool:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "_sqlite_migrations" not in tables:
        return False
    found: int = conn.execute(
        "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
    ).fetchone()[0]
    return found > 0


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup that passes `database_problems`, or None."""
    for candidate in list_backups(db_path):
        if not database_problems(candidate):
            return candidate
    return None
