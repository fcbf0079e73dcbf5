"""Online backups (SQLite backup API), their rotation, and restoring one over a database.

A backup is copied into a private temporary file beside its target (desktop.logic.model's
atomic writer), checked with quick_check, synced, then renamed, so a crash or a full disk never
leaves a half backup under a backup's name, and a damaged database never pushes good backups
out of the rotation. Restoring refuses the live database itself as the backup, copies the
checked backup the same way, and keeps the replaced database (and its WAL) aside under
`<db>.replaced-<time>`; nothing is deleted.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from desktop.logic.model import OutputError, atomic_path, make_folders, msg
from desktop.logic.store.errors import (
    DatabaseDamaged,
    DatabaseRefused,
    DiskFull,
    StoreError,
    sqlite_errors,
    translate,
)
from desktop.logic.store.files import (
    BACKUP_SUFFIX,
    SQLITE_MAGIC,
    backups_dir,
    cipher_connect,
    database_errors,
    database_problems,
    list_backups,
    newest_good_backup,
    open_read_only,
    quick_check_problem,
)
from desktop.logic.store.keyfile import copy_keys
from desktop.logic.store.location import refuse_database_file
from desktop.logic.store.lock import WriterLock
from desktop.logic.store.schema import apply_key

DEFAULT_KEEP = 10


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def backup_to(
    conn: sqlite3.Connection, out: Path, db_path: Path, key: bytes | None = None
) -> Path:
    """A consistent, checked copy of the open database at `out` (0600), written atomically.

    DatabaseDamaged when the copy fails quick_check (nothing is written); DatabaseRefused when
    `out` cannot be written (full disk, a file where a folder should be...) or is the database.
    With `key` (an encrypted database) the copy is encrypted with the same key; a copy outside
    the backups folder gets a copy of the key file beside it (its wraps still need a password).
    """
    out = Path(out)
    if out.is_dir():
        out = out / f"{db_path.stem}-{_stamp()}{BACKUP_SUFFIX}"
    refuse_database_file(out, db_path)
    with _refused_in_words(), atomic_path(out) as partial:
        _copy_checked(conn, partial, out, db_path, key)
        if key is not None and out.parent != backups_dir(db_path):
            copy_keys(db_path, out)
    return out


def rotate(conn: sqlite3.Connection, db_path: Path, keep: int, key: bytes | None = None) -> Path:
    """A new backup in the backups folder; only the newest `keep` copies are kept."""
    with _refused_in_words():
        folder = make_folders(backups_dir(db_path))
    made = backup_to(conn, folder / f"{db_path.stem}-{_stamp()}{BACKUP_SUFFIX}", db_path, key)
    for old in list_backups(db_path)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
    return made


def restore_database(backup_file: Path, db_path: Path, key: bytes | None = None) -> Path | None:
    """Replace `db_path` by a checked copy of `backup_file`; returns where the old one was kept.

    Refuses (StoreError, nothing touched) when the backup is not a good MDT Planner database or
    is the database itself; DatabaseBusy when an app instance has the database open. An
    encrypted backup is read with `key` (the database's key) and stays encrypted.
    """
    backup_file, db_path = Path(backup_file), Path(db_path)
    if _same_file(backup_file, db_path):
        raise StoreError(msg("store.error.restore_itself", backup=backup_file, path=db_path))
    problems = database_problems(backup_file, key)
    if problems:
        raise StoreError(msg("store.error.backup_not_restored", problems=" ".join(problems)))
    lock = WriterLock.acquire(db_path, shared=False)
    kept = None
    try:
        with _refused_in_words(), atomic_path(db_path) as partial:
            _copy_backup(backup_file, partial, db_path, key)
            kept = _keep_aside(db_path)  # last: the checked copy is renamed in right after
        return kept
    except BaseException:
        _put_back(kept, db_path)
        raise
    finally:
        lock.release()


def _copy_backup(backup_file: Path, partial: Path, db_path: Path, key: bytes | None) -> None:
    with backup_file.open("rb") as handle:
        key = None if handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC else key
    with sqlite_errors(backup_file):
        source = open_read_only(backup_file, key)
    try:
        _copy_checked(source, partial, db_path, backup_file, key)
    finally:
        source.close()


@contextmanager
def _refused_in_words() -> Iterator[None]:
    """The store speaks StoreError: a file the writer could not write is DatabaseRefused,
    with the writer's sentence (disk full, no permission, a file in the way)."""
    try:
        yield
    except OutputError as exc:
        raise DatabaseRefused(exc.message) from exc


def _same_file(backup_file: Path, db_path: Path) -> bool:
    """True when `backup_file` is the database (the same file, a link to it, a hard link)."""
    try:
        return os.path.samefile(backup_file, db_path)
    except OSError:  # one of them does not exist
        return False


def _copy_checked(
    source: sqlite3.Connection, partial: Path, out: Path, db_path: Path, key: bytes | None = None
) -> None:
    """Copy `source` into `partial` with the backup API (encrypted under `key` when given) and
    quick_check the copy."""
    target = _target(partial, key)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
        problem = quick_check_problem(target)
    except database_errors() as exc:
        raise _copy_error(exc, out, db_path) from exc
    finally:
        target.close()
    if problem is not None:
        message = msg("store.error.damaged", path=db_path, problem=problem)
        raise DatabaseDamaged(message, newest_good_backup(db_path))


def _target(path: Path, key: bytes | None) -> sqlite3.Connection:
    if key is None:
        return sqlite3.connect(path)
    target = cipher_connect(path)
    apply_key(target, key)
    return target


def _copy_error(exc: Exception, out: Path, db_path: Path) -> Exception:
    """A full disk while copying is about `out`; anything else about the database read."""
    refusal = translate(exc, db_path)
    if isinstance(refusal, DiskFull):
        return OutputError(msg("output.error.disk_full", path=out))
    return refusal


def _companions(path: Path) -> list[tuple[str, Path]]:
    return [(suffix, path.with_name(path.name + suffix)) for suffix in ("", "-wal", "-shm")]


def _put_back(kept: Path | None, db_path: Path) -> None:
    """A restore that failed after moving the database aside moves it back."""
    if kept is None or db_path.exists():
        return
    for suffix, aside in _companions(kept):
        if aside.exists():
            os.replace(aside, db_path.with_name(db_path.name + suffix))


def _keep_aside(db_path: Path) -> Path | None:
    """Move the database and its WAL/SHM files to `<db>.replaced-<time>` (kept together)."""
    if not db_path.exists():
        return None
    aside = db_path.with_name(f"{db_path.name}.replaced-{_stamp()}")
    for suffix, companion in _companions(db_path):
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    return aside
