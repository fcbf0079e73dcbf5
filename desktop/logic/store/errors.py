"""What can go wrong in the case store, each as an exception whose message says it in words."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.logic.model import DEFAULT_LANGUAGE, Message, OutputError, msg
from desktop.logic.store.files import database_errors, newest_good_backup

# SQLite primary result codes (https://sqlite.org/rescode.html).
_BUSY, _LOCKED, _READONLY, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 11, 13, 14, 26
_IOERR_WRITE, _IOERR_FSYNC, _IOERR_TRUNCATE = 778, 1034, 1546
_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


class StoreError(Exception):
    """Something the store refused or could not do; the message says what and what to do.

    Raised with a `Message` (`StoreError(msg(key, **params))`), str(exc) is its English
    sentence and `render(lang)` the reader's language; a plain str stays English everywhere.
    """

    def __init__(self, text: str | Message, message: Message | None = None) -> None:
        if isinstance(text, Message):
            message = text
            text = message.render("en")
        super().__init__(text)
        self.message = message

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The sentence in `lang`; the English str when the error carries no message."""
        return self.message.render(lang) if self.message is not None else str(self)


class AuthError(StoreError):
    """A sign-in or signature refused: no such account, disabled, or the wrong password."""


class DatabaseRefused(StoreError):
    """The database file or its folder cannot be used as asked: in use, damaged, full disk,
    no permission, not a file. Nothing was changed; the command line exits 3."""


class CaseNotFound(StoreError, KeyError):
    """No case with that case_id (or no such revision)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class DatabaseDamaged(DatabaseRefused):
    """Truncated, corrupt or not an MDT Planner database; the file is never overwritten."""

    def __init__(self, problem: str | Message, newest_backup: Path | None = None) -> None:
        self.newest_backup = newest_backup
        if newest_backup is not None:
            message = msg("store.error.damaged_backup", problem=problem, backup=newest_backup)
        else:
            message = msg("store.error.damaged_no_backup", problem=problem)
        super().__init__(message)


class DatabaseBusy(DatabaseRefused):
    """Another app instance holds the writer lock, or another program is writing."""


class StaleRevision(StoreError):
    """Saving over a newer revision: refused; the caller still holds its edit."""

    def __init__(self, case_id: str, expected: int, current: int, by: str, at: str) -> None:
        self.case_id, self.expected, self.current = case_id, expected, current
        super().__init__(
            msg(
                "store.error.stale_revision",
                case_id=case_id,
                expected=expected,
                current=current,
                by=by,
                at=at,
            )
        )


class DiskFull(DatabaseRefused):
    """The disk (or the file-size limit) refused the write; the database is as it was."""


class RecordSealed(StoreError):
    """An attempt to change or remove a final (sealed) decision record."""


class ReadOnly(DatabaseRefused):
    """A write on a store opened read-only."""


@contextmanager
def sqlite_errors(db_path: Path) -> Iterator[None]:
    """Turn sqlite3 errors into the store's exceptions, in words."""
    try:
        yield
    except database_errors() as exc:
        raise translate(exc, db_path) from exc
    except OSError as exc:
        raise os_refusal(exc, db_path) from exc


def os_refusal(exc: OSError, db_path: Path) -> DatabaseRefused:
    """An OSError met on the database, its folder or its companion files, in words."""
    if exc.errno in _FULL_ERRNOS:
        return DiskFull(_disk_full(db_path))
    if exc.errno in _DENIED_ERRNOS:
        return DatabaseRefused(msg("store.error.denied", path=db_path))
    reason = exc.strerror or type(exc).__name__
    return DatabaseRefused(msg("store.error.os_refused", path=db_path, reason=reason))


def translate(exc: Exception, db_path: Path) -> StoreError:
    """An sqlite3 (or sqlcipher3) error in words, as the store's exception for it."""
    code = getattr(exc, "sqlite_errorcode", None) or 0
    primary = code & 0xFF
    if primary == _FULL or code in (_IOERR_WRITE, _IOERR_FSYNC, _IOERR_TRUNCATE):
        return DiskFull(_disk_full(db_path))
    if primary in (_CORRUPT, _NOTADB):
        return DatabaseDamaged(
            msg("store.error.sqlite_damaged", path=db_path, detail=exc),
            newest_good_backup(db_path),
        )
    if primary in (_BUSY, _LOCKED):
        return DatabaseBusy(msg("store.error.sqlite_busy", path=db_path))
    if primary == _READONLY:
        return ReadOnly(msg("store.error.sqlite_read_only", path=db_path))
    if primary == _CANTOPEN:
        return DatabaseRefused(msg("store.error.cannot_open", path=db_path, detail=exc))
    return DatabaseRefused(msg("store.error.sqlite_refused", path=db_path, detail=exc))


def _disk_full(db_path: Path) -> Message:
    return msg("store.error.disk_full", path=db_path)


def error_text(exc: BaseException, lang: str = DEFAULT_LANGUAGE) -> str:
    """What the reader is shown: a store or output refusal in their language, anything else as
    it says."""
    return exc.render(lang) if isinstance(exc, StoreError | OutputError) else str(exc)
