"""Where the database lives, refusing in words a path that cannot hold one, and refusing an
output that would land on the database or one of its own files.

Nothing here writes except the user data folder that `default_db_path` creates (0700).
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.logic.model import msg
from desktop.logic.store.errors import DatabaseDamaged, DatabaseRefused
from desktop.logic.store.files import header_problem_message, list_backups, newest_good_backup

APP_NAME = "mdt-planner"
DB_FILE = "cases.sqlite3"
OWN_SUFFIXES = ("", "-wal", "-shm", "-journal", ".lock")  # the database and its companions


def default_db_path() -> Path:
    """The database in the user's data folder (created 0700 on first use)."""
    import platformdirs  # here, not at import: the app loads this module before its first dialog

    folder = platformdirs.user_data_path(APP_NAME, appauthor=False)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DatabaseRefused(
            msg("store.error.folder_failed", folder=folder, reason=reason)
        ) from exc
    return folder / DB_FILE


def refuse_unusable(path: Path, read_only: bool) -> None:
    """Refuse, in words and before anything is created, a path that cannot hold the database."""
    _refuse_misplaced(path)
    problem = header_problem_message(path)
    if problem is None and path.exists() and path.stat().st_size == 0 and list_backups(path):
        problem = msg("store.error.empty_with_backups")
    if problem:
        message = msg("store.error.damaged", path=path, problem=problem)
        raise DatabaseDamaged(message, newest_good_backup(path))
    if read_only and not path.exists():
        raise DatabaseRefused(msg("store.error.no_database", path=path))
    if not path.parent.is_dir():  # before the lock file is made beside it
        raise DatabaseRefused(msg("store.error.no_folder", folder=path.parent))


def _refuse_misplaced(path: Path) -> None:
    """A folder given as the database, or a file standing where its folder should be."""
    if path.is_dir():
        raise DatabaseRefused(msg("store.error.db_is_folder", path=path))
    for ancestor in path.parents:
        if ancestor.is_dir():
            break
        if ancestor.exists():
            raise DatabaseRefused(msg("store.error.parent_is_file", path=path, file=ancestor))
    try:
        with path.open("rb"):
            pass
    except FileNotFoundError:
        return
    except PermissionError as exc:
        raise DatabaseRefused(msg("store.error.db_unreadable", path=path)) from exc


def refuse_database_file(out: Path, db_path: Path) -> None:
    """DatabaseRefused when writing `out` would replace the database or one of its own files
    (its write-ahead log, shared memory, journal or lock): that would destroy saved cases."""
    for suffix in OWN_SUFFIXES:
        own = db_path.with_name(db_path.name + suffix)
        if _same_place(Path(out), own):
            raise DatabaseRefused(msg("store.error.output_is_database", out=out, path=db_path))


def _same_place(path: Path, other: Path) -> bool:
    if path.resolve() == other.resolve():
        return True
    try:
        return os.path.samefile(path, other)
    except OSError:  # one of them does not exist
        return False
