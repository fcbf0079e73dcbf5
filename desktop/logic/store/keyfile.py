"""The key file `<db>.keys` (mode 0600) beside an encrypted database: its key, wrapped per account.

The database key is 32 random bytes (SQLCipher raw key). For each account it is kept in a box
(secrets.seal_secret) under a key derived from that account's password, so changing a password
rewraps the key and never re-encrypts the database. The file is JSON, written to a temporary
name, synced and renamed, so a crash leaves the old file or the new one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from desktop.logic.model import msg
from desktop.logic.store.errors import StoreError
from desktop.logic.store.files import is_encrypted, key_path
from desktop.logic.store.secrets import KEY_BYTES, WrongPassword, open_secret, seal_secret

FORMAT = "mdt-planner-keys/1"
_MAX_BYTES = 4 << 20


def _purpose(name: str) -> str:
    return f"mdt-planner database key for {name}"


def new_database_key() -> bytes:
    return os.urandom(KEY_BYTES)


def read_keys(db_path: Path) -> dict[str, Any]:
    path = key_path(db_path)
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise ValueError("too large")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(msg("trust.keys.missing", path=path)) from None
    except (OSError, ValueError):
        raise StoreError(msg("trust.keys.unreadable", path=path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StoreError(msg("trust.keys.unreadable", path=path))
    if not isinstance(data.get("accounts"), dict):
        raise StoreError(msg("trust.keys.unreadable", path=path))
    return data


def unlock(db_path: Path, name: str, password: str) -> bytes:
    """The database key, opened with `name`'s password; WrongPassword or StoreError otherwise."""
    boxes = read_keys(db_path)["accounts"].get(name)
    for box in boxes if isinstance(boxes, list) else []:
        try:
            key = open_secret(box, password, _purpose(name)) if isinstance(box, dict) else b""
        except WrongPassword:
            continue
        if len(key) == KEY_BYTES:
            return key
    raise WrongPassword(name)


def wrapped_names(db_path: Path) -> set[str]:
    """The accounts the key file holds a wrap of the database key for."""
    return {name for name, boxes in read_keys(db_path)["accounts"].items() if boxes}


def wrap_for(
    db_path: Path, name: str, password: str, key: bytes, *, keep_old: bool = False
) -> None:
    """Set `name`'s wrap of `key` (creating the key file when there is none).

    `keep_old` keeps the wraps `name` had beside the new one, for a password change until the
    database holds the new password: a crash in between leaves either password working.
    """
    try:
        data = read_keys(db_path)
    except StoreError:
        if key_path(db_path).exists():
            raise
        data = {"format": FORMAT, "cipher": "sqlcipher4", "accounts": {}}
    old = data["accounts"].get(name) if keep_old else None
    new = [seal_secret(key, password, _purpose(name))]
    data["accounts"][name] = new + (old if isinstance(old, list) else [])
    write_keys(db_path, data)


def new_key_file(db_path: Path, name: str, password: str, key: bytes) -> None:
    """A fresh key file for a new database: `key` wrapped for its first account only."""
    box = seal_secret(key, password, _purpose(name))
    write_keys(db_path, {"format": FORMAT, "cipher": "sqlcipher4", "accounts": {name: [box]}})


def drop_wrap(db_path: Path, name: str) -> None:
    """Remove `name`'s wrap (a disabled account no longer opens the database)."""
    if not is_encrypted(db_path):
        return
    data = read_keys(db_path)
    if data["accounts"].pop(name, None) is not None:
        write_keys(db_path, data)


def write_keys(db_path: Path, data: dict[str, Any], target: Path | None = None) -> Path:
    """Write the key file (or `target`) atomically, mode 0600."""
    path = target or key_path(db_path)
    partial = path.with_name(path.name + ".part")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def copy_keys(db_path: Path, target: Path) -> Path:
    """The key file copied for a backup at `target` (its wraps still need a password)."""
    return write_keys(db_path, read_keys(db_path), key_path(target))
