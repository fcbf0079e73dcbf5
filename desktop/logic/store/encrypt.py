"""Encrypted databases: create one (`init`), open one with a password, turn a plain one into one.

`encrypt_database` never loses anything if it is interrupted: the encrypted copy is written
beside the database (`<db>.encrypting`), checked to hold every row of the plain file, and only
then renamed over it (one atomic rename); until then the plain file is the database. Existing
backups are encrypted the same way, one by one.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from desktop.logic.model import msg
from desktop.logic.store import keyfile
from desktop.logic.store.database import Store
from desktop.logic.store.errors import AuthError, DatabaseRefused, StoreError, sqlite_errors
from desktop.logic.store.files import (
    cipher_connect,
    database_errors,
    is_encrypted,
    key_path,
    list_backups,
    open_read_only,
)
from desktop.logic.store.lock import WriterLock
from desktop.logic.store.schema import apply_key
from desktop.logic.store.secrets import WrongPassword

# Every table whose rows must survive encryption unchanged (new rows may follow).
CHECKED_TABLES = (
    "cases", "revisions", "sealed_records", "audit", "signatures", "accounts", "agenda",
    "settings", "_sqlite_migrations",
)  # fmt: skip
COPY_SUFFIX = ".encrypting"


def open_database(
    path: Path, name: str, password: str, *, read_only: bool = False, wait: float = 0.0
) -> Store:
    """Open `path` as `name` (the password unlocks an encrypted file and signs in)."""
    path = Path(path)
    key = None
    if is_encrypted(path):
        try:
            key = keyfile.unlock(path, name, password)
        except WrongPassword:
            raise AuthError(msg("trust.error.wrong_password", name=name)) from None
    store = Store.open(path, read_only=read_only, wait=wait, key=key)
    try:
        store.sign_in(name, password)
    except BaseException:
        store.close()
        raise
    return store


def init_database(path: Path, name: str, role: str, password: str) -> Store:
    """A new encrypted database at `path` with its first account, signed in."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise DatabaseRefused(msg("trust.error.exists", path=path))
    key = keyfile.new_database_key()
    keyfile.new_key_file(path, name, password, key)
    store = Store.open(path, key=key)
    try:
        store.add_account(name, role, password)
    except BaseException:
        store.close()
        raise
    return store


def encrypt_database(
    path: Path, name: str, password: str, role: str | None = None
) -> list[str]:
    """Encrypt the plain database at `path` for `name` (its first account when it has none).

    Returns the other enabled accounts, which cannot open it yet: only `name`'s password is
    known now. Each is given access later by typing their own password in a signed-in
    session (People.give_access); nobody else's password is asked for or stored.
    """
    path = Path(path)
    if is_encrypted(path):
        raise DatabaseRefused(msg("trust.error.already_encrypted", path=path))
    if not path.is_file() or path.stat().st_size == 0:
        raise StoreError(msg("store.error.no_database", path=path))
    lock = WriterLock.acquire(path, shared=False)
    try:
        with Store.open(path) as plain:
            if plain.has_accounts():
                plain.sign_in(name, password)
            elif role is None:
                raise StoreError(msg("trust.error.first_account_role"))
            with sqlite_errors(path):
                plain._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        key = keyfile.new_database_key()
        copy = _encrypted_copy(path, key)
        keyfile.new_key_file(copy, name, password, key)
        with Store.open(copy, key=key) as encrypted:
            if encrypted.has_accounts():
                encrypted.sign_in(name, password)
            else:
                encrypted.add_account(name, str(role), password)
            encrypted.record_event("database encrypted (SQLCipher)")
            waiting = encrypted.without_access()
        _rollback_journal(copy, key)
        _check_copy(path, copy, key)
        _put_in_place(path, copy)
        for backup in list_backups(path):
            _encrypt_backup(backup, key)
    finally:
        lock.release()
    return waiting


def _encrypted_copy(source: Path, key: bytes, target: Path | None = None) -> Path:
    """An SQLCipher copy of the plain file `source` (sqlcipher_export), journal DELETE."""
    copy = target or source.with_name(source.name + COPY_SUFFIX)
    _remove(copy, key_path(copy), *_companions(copy))
    os.close(os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    conn = cipher_connect(source)
    try:
        with sqlite_errors(source):
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", [str(copy)])
            conn.execute("SELECT sqlcipher_export('encrypted')")
            conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    _rollback_journal(copy, key)
    return copy


def _rollback_journal(path: Path, key: bytes) -> None:
    """Leave `path` in rollback-journal mode, its write-ahead log folded in and gone, synced."""
    conn = cipher_connect(path)
    try:
        apply_key(conn, key)
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    _fsync(path)


def _check_copy(plain: Path, copy: Path, key: bytes) -> None:
    """Refuse unless every row of every checked table of `plain` is in `copy`, unchanged."""
    source, target = sqlite3.connect(plain), open_read_only(copy, key)
    try:
        tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in CHECKED_TABLES:
            if table in tables and not _rows_kept(source, target, table):
                raise StoreError(msg("trust.error.copy_differs", table=table, path=copy))
    except database_errors() as exc:
        raise StoreError(msg("trust.error.copy_unreadable", path=copy, detail=exc)) from exc
    finally:
        source.close()
        target.close()


def _rows_kept(source: sqlite3.Connection, target: sqlite3.Connection, table: str) -> bool:
    new_rows = target.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
    for old in source.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
        if new_rows.fetchone() != old:
            return False
    return True


def _put_in_place(path: Path, copy: Path) -> None:
    """The key file first (a plain file with a key file beside it is still plain), then the
    encrypted copy renamed over the plain file in one step."""
    _remove(*_companions(path))  # checkpointed and closed: the plain file holds everything
    os.replace(key_path(copy), key_path(path))
    os.replace(copy, path)
    _fsync_folder(path.parent)
    _remove(copy.with_name(copy.name + ".lock"), *_companions(copy))


def _encrypt_backup(backup: Path, key: bytes) -> None:
    with backup.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return  # already encrypted
    copy = _encrypted_copy(backup, key, backup.with_name(backup.name + ".part"))
    _check_copy(backup, copy, key)
    os.replace(copy, backup)


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _remove(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows cannot open a folder to sync it
        return
    _fsync(folder)
