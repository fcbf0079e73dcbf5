"""One app instance writes a database at a time: an OS lock on a file beside it.

The lock is an advisory OS lock (flock on POSIX, msvcrt on Windows) on `<db>.lock`, which also
holds the holder's process id, host and start time for the message. The OS drops the lock when
its process dies, so a stale lock file left by a killed process is simply taken over. The lock
file is never deleted (deleting it would let two writers lock two different files).
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

from desktop.logic.model import Message, msg
from desktop.logic.store.errors import DatabaseBusy, DatabaseRefused, os_refusal

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


_HELD: dict[Path, list[int]] = {}  # lock path -> [fd, holders in this process]
_GUARD = threading.Lock()


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class WriterLock:
    """The writer lock of one database, shared by every Store of this process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._released = False

    @classmethod
    def acquire(cls, db_path: Path, wait: float = 0.0, *, shared: bool = True) -> WriterLock:
        """Take the lock, waiting up to `wait` seconds; DatabaseBusy when another holds it.

        Stores of this process share the lock; `shared=False` (restore) refuses while one is open.
        """
        path = lock_path(db_path.resolve())
        with _GUARD:
            if path in _HELD and not shared:
                raise DatabaseBusy(msg("store.error.open_in_this_app", path=db_path))
            if path in _HELD:
                _HELD[path][1] += 1
                return cls(path)
            fd = _open_lock_file(path, db_path)
            try:
                _wait_for_lock(fd, db_path, wait)
                _write_holder(fd)
            except OSError as exc:
                os.close(fd)
                raise os_refusal(exc, db_path) from exc
            except BaseException:
                os.close(fd)
                raise
            _HELD[path] = [fd, 1]
            return cls(path)

    def release(self) -> None:
        with _GUARD:
            if self._released or self.path not in _HELD:
                return
            self._released = True
            entry = _HELD[self.path]
            entry[1] -= 1
            if entry[1] == 0:
                del _HELD[self.path]
                os.ftruncate(entry[0], 0)
                _unlock(entry[0])
                os.close(entry[0])


def _open_lock_file(path: Path, db_path: Path) -> int:
    """The lock file's descriptor (created 0600); DatabaseRefused in words when it cannot be."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except IsADirectoryError as exc:
        raise DatabaseRefused(msg("store.error.lock_is_folder", lock=path)) from exc
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            message = msg("store.error.lock_denied", lock=path, folder=path.parent)
            raise DatabaseRefused(message) from exc
        raise os_refusal(exc, db_path) from exc


def _wait_for_lock(fd: int, db_path: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            raise DatabaseBusy(_busy_message(db_path, _holder(fd)))
        time.sleep(0.05)


def _write_holder(fd: int) -> None:
    started = datetime.now().isoformat(timespec="seconds")
    text = f"{os.getpid()}\n{socket.gethostname()}\n{started}\n".encode()
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, text)


def _holder(fd: int) -> list[str]:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode("utf-8", "replace").split()
    except OSError:
        return []


def _busy_message(db_path: Path, holder: list[str]) -> Message:
    if len(holder) >= 3:
        pid, host, since = holder[:3]
        return msg("store.error.busy_holder", path=db_path, pid=pid, host=host, since=since)
    return msg("store.error.busy", path=db_path)
