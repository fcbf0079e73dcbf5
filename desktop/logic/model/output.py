"""Writing output files and folders whole or not at all, readable by their owner only.

Every document the planner writes (PDF, case JSON, archive bundle, meeting pack, backup) goes
through here: a private temporary file (0600) or folder (0700) beside the target, flushed and
fsynced, then renamed into place, so a reader sees the old file or the complete new one, never
a part. On failure the temporary is removed and `OutputError` says why in words (disk full, no
permission, a file where a folder is expected...). Modes are set explicitly, whatever the umask.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from desktop.logic.model.messages import DEFAULT_LANGUAGE, Message, msg

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


class OutputError(Exception):
    """A file or folder could not be written; nothing partial was left. str() is English."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.message.render(lang)


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """`data` at `path` (0600), written whole or not at all."""
    with open_atomic(path) as handle:
        handle.write(data)
    return Path(path)


def write_text_atomic(path: str | Path, text: str) -> Path:
    """`text` as UTF-8 at `path` (0600), written whole or not at all."""
    return write_bytes_atomic(path, text.encode("utf-8"))


@contextmanager
def open_atomic(path: str | Path) -> Iterator[BinaryIO]:
    """A private temporary file beside `path`, open for binary writing; renamed to `path` once
    the block ends without an error, removed otherwise."""
    with atomic_path(path) as temp, temp.open("r+b") as handle:
        yield handle
        handle.flush()


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """The path of an empty private temporary file beside `path` for a writer that takes a
    path (SQLite, ...); fsynced and renamed to `path` once the block ends without an error."""
    target = Path(path)
    _refuse_folder(target)
    parent = make_folders(target.parent, target)
    try:
        fd, name = tempfile.mkstemp(prefix=f"{target.name}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise output_error(exc, target) from exc
    temp = Path(name)
    try:
        try:
            _private(fd, FILE_MODE)
        finally:
            os.close(fd)
        yield temp
        _fsync_file(temp)
        os.replace(temp, target)
        fsync_folder(parent)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise output_error(exc, target) from exc
        raise


@contextmanager
def atomic_folder(path: str | Path) -> Iterator[Path]:
    """A private temporary folder beside `path` to fill; renamed to `path` (which must not exist
    or be an empty folder) once the block ends without an error, removed otherwise."""
    target = Path(path)
    if target.is_symlink() or target.exists():
        if not target.is_dir() or target.is_symlink():
            raise OutputError(msg("output.error.not_a_new_folder", path=target))
        if any(target.iterdir()):
            raise OutputError(msg("output.error.folder_not_empty", path=target))
    parent = make_folders(target.parent, target)
    try:
        temp = Path(tempfile.mkdtemp(prefix=f"{target.name}.", suffix=".part", dir=parent))
    except OSError as exc:
        raise output_error(exc, target) from exc
    try:
        os.chmod(temp, FOLDER_MODE)
        yield temp
        fsync_folder(temp)
        _rename_folder(temp, target)
        fsync_folder(parent)
    except BaseException as exc:
        shutil.rmtree(temp, ignore_errors=True)
        if isinstance(exc, OSError):
            raise output_error(exc, target) from exc
        if isinstance(exc, OutputError):  # a file inside: name the folder the reader chose
            params = {**exc.message.params, "path": target}
            raise OutputError(Message(exc.message.key, params)) from exc
        raise


def make_folders(folder: Path, target: Path | None = None) -> Path:
    """Create `folder` and any missing parents, each 0700; OutputError naming `target`."""
    missing = []
    current = Path(folder)
    while not current.is_dir() and current != current.parent:
        missing.append(current)
        current = current.parent
    try:
        for created in reversed(missing):
            os.mkdir(created, FOLDER_MODE)
            os.chmod(created, FOLDER_MODE)
    except FileExistsError as exc:  # a file stands where a folder is needed
        raise output_error(OSError(errno.ENOTDIR, exc.strerror), target or folder) from exc
    except OSError as exc:
        raise output_error(exc, target or folder) from exc
    return Path(folder)


def output_error(exc: OSError, path: Path) -> OutputError:
    """`exc` met while writing `path`, in words."""
    code = exc.errno
    if code in _FULL:
        return OutputError(msg("output.error.disk_full", path=path))
    if code in _DENIED:
        return OutputError(msg("output.error.denied", path=path))
    if code == errno.ENOTDIR:
        file = _file_in_the_way(path) or path.parent
        return OutputError(msg("output.error.not_a_folder", path=path, file=file))
    if code == errno.EISDIR:
        return OutputError(msg("output.error.is_a_folder", path=path))
    reason = exc.strerror or type(exc).__name__
    return OutputError(msg("output.error.failed", path=path, reason=reason))


def fsync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable (POSIX; Windows has no directory handles)."""
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _refuse_folder(target: Path) -> None:
    if target.is_dir():
        raise OutputError(msg("output.error.is_a_folder", path=target))


def _file_in_the_way(path: Path) -> Path | None:
    """The nearest existing ancestor of `path` that is not a folder, if any."""
    for ancestor in Path(path).parents:
        if ancestor.exists() or ancestor.is_symlink():
            return None if ancestor.is_dir() else ancestor
    return None


def _private(fd: int, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _rename_folder(temp: Path, target: Path) -> None:
    """POSIX renames over an empty folder; elsewhere the empty folder is removed first."""
    try:
        os.replace(temp, target)
    except OSError:
        if os.name != "nt" or not target.is_dir():
            raise
        with suppress(OSError):  # pragma: no cover - Windows only
            target.rmdir()
        os.replace(temp, target)  # pragma: no cover - Windows only
