"""Online backups (SQLite backup API), their rotation, and restoring one over a database.

A backup is written to a temporary name, synced, then renamed, so a crash never leaves a half
backup under a backup's name. Restoring checks the backup first and keeps the replaced database
(and its WAL) aside under `<db>.replaced-<time>`; nothing is deleted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.logic.model import msg
from desktop.logic.store.errors import StoreError, sqlite_errors
from desktop.logic.store.files import BACKUP_SUFFIX, backups_dir, database_problems, list_backups
from desktop.logic.store.lock import WriterLock

DEFAULT_KEEP = 10


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def backup_to(conn: sqlite3.Connection, out: Path, db_path: Path) -> Path:
    """A consistent copy of the open database at `out` (mode 0600), written atomically."""
    out = Path(out)
    if out.exists() and out.is_dir():
        out = out / f"{db_path.stem}-{_stamp()}{BACKUP_SUFFIX}"
    partial = out.with_name(out.name + ".part")
    with sqlite_errors(db_path):
        try:
            _private_file(partial)
            target = sqlite3.connect(partial)
            try:
                conn.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
            _fsync(partial)
            os.replace(partial, out)
        finally:
            partial.unlink(missing_ok=True)
    return out


def rotate(conn: sqlite3.Connection, db_path: Path, keep: int) -> Path:
    """A new backup in the backups folder; only the newest `keep` copies are kept."""
    folder = backups_dir(db_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    made = backup_to(conn, folder / f"{db_path.stem}-{_stamp()}{BACKUP_SUFFIX}", db_path)
    for old in list_backups(db_path)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
    return made


def restore_database(backup_file: Path, db_path: Path) -> Path | None:
    """Replace `db_path` by a checked copy of `backup_file`; returns where the old one was kept.

    Refuses (StoreError, nothing touched) when the backup is not a good MDT Planner database;
    DatabaseBusy when an app instance has the database open for writing.
    """
    backup_file, db_path = Path(backup_file), Path(db_path)
    problems = database_problems(backup_file)
    if problems:
        raise StoreError(msg("store.error.backup_not_restored", problems=" ".join(problems)))
    lock = WriterLock.acquire(db_path, shared=False)
    try:
        kept = _keep_aside(db_path)
        partial = db_path.with_name(db_path.name + ".restoring")
        with sqlite_errors(db_path):
            _private_file(partial)
            shutil.copyfile(backup_file, partial)
            _fsync(partial)
            os.replace(partial, db_path)
        return kept
    finally:
        lock.release()


def _keep_aside(db_path: Path) -> Path | None:
    """Move the database and its WAL/SHM files to `<db>.replaced-<time>` (kept together)."""
    if not db_path.exists():
        return None
    aside = db_path.with_name(f"{db_path.name}.replaced-{_stamp()}")
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    return aside


def _private_file(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
