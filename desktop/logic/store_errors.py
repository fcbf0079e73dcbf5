"""What can go wrong in the case store, each as an exception whose message says it in words."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.logic.store_files import newest_good_backup

# SQLite primary result codes (https://sqlite.org/rescode.html).
_BUSY, _LOCKED, _READONLY, _CORRUPT, _FULL, _NOTADB, _IOERR = 5, 6, 8, 11, 13, 26, 10
_IOERR_WRITE, _IOERR_FSYNC, _IOERR_TRUNCATE = 778, 1034, 1546


class StoreError(Exception):
    """Something the store refused or could not do; the message says what and what to do."""


class CaseNotFound(StoreError, KeyError):
    """No case with that case_id (or no such revision)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class DatabaseDamaged(StoreError):
    """Truncated, corrupt or not an MDT Planner database; the file is never overwritten."""

    def __init__(self, message: str, newest_backup: Path | None = None) -> None:
        self.newest_backup = newest_backup
        if newest_backup is not None:
            message += (
                f" The newest good backup is {newest_backup}; restore it with "
                f"`mdt-planner restore {newest_backup}` (the damaged file is kept aside)."
            )
        else:
            message += " No good backup of it was found."
        super().__init__(message)


class DatabaseBusy(StoreError):
    """Another app instance holds the writer lock, or another program is writing."""


class StaleRevision(StoreError):
    """Saving over a newer revision: refused; the caller still holds its edit."""

    def __init__(self, case_id: str, expected: int, current: int, by: str, at: str) -> None:
        self.case_id, self.expected, self.current = case_id, expected, current
        super().__init__(
            f"case {case_id} was saved by {by} at {at} (revision {current}) after you opened "
            f"revision {expected}. Your edit was not saved and is still open: reload the case "
            "to see the newer revision, then apply your change again."
        )


class DiskFull(StoreError):
    """The disk (or the file-size limit) refused the write; the database is as it was."""


class RecordSealed(StoreError):
    """An attempt to change or remove a final (sealed) decision record."""


class ReadOnly(StoreError):
    """A write on a store opened read-only."""


@contextmanager
def sqlite_errors(db_path: Path) -> Iterator[None]:
    """Turn sqlite3 errors into the store's exceptions, in words."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(exc, db_path) from exc
    except OSError as exc:
        if exc.errno in (28, 27):  # ENOSPC, EFBIG
            raise DiskFull(_disk_full(db_path)) from exc
        raise


def translate(exc: sqlite3.Error, db_path: Path) -> StoreError:
    code = getattr(exc, "sqlite_errorcode", None) or 0
    primary = code & 0xFF
    if primary == _FULL or code in (_IOERR_WRITE, _IOERR_FSYNC, _IOERR_TRUNCATE):
        return DiskFull(_disk_full(db_path))
    if primary in (_CORRUPT, _NOTADB):
        return DatabaseDamaged(
            f"The database {db_path} is damaged ({exc}).", newest_good_backup(db_path)
        )
    if primary in (_BUSY, _LOCKED):
        return DatabaseBusy(
            f"Another program is writing the database {db_path} and did not finish within "
            "the waiting time. Nothing was saved; try again in a moment."
        )
    if primary == _READONLY:
        return ReadOnly(f"The database {db_path} can only be read (file or folder permissions).")
    return StoreError(f"The database {db_path} refused the operation: {exc}")


def _disk_full(db_path: Path) -> str:
    return (
        f"The disk holding {db_path} is full (or refused to grow the file). Nothing was saved "
        "and the database is as it was; free some space and try again."
    )
