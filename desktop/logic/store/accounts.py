"""Accounts of the people who work in or sign for the MDT: name, role, password, signing key.

The password is kept only as a salted scrypt hash (secrets.hash_password). The Ed25519 signing
key's private half is kept in a box under the person's own password; an account added by someone
else starts with an initial password and no signing key, and gets its key when its owner sets
their own password, so nobody else ever held it. Accounts are never deleted (a trigger refuses);
one can be disabled. Every change is an audit entry naming the account and key fingerprint.
Functions here run inside the store's write transaction.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from desktop.logic.model import msg
from desktop.logic.model.keys import fingerprint, public_key_text
from desktop.logic.store import audit as store_audit
from desktop.logic.store.cases import now_utc
from desktop.logic.store.errors import AuthError, StoreError
from desktop.logic.store.secrets import (
    WrongPassword,
    hash_password,
    open_secret,
    password_matches,
    seal_secret,
)
from desktop.logic.store.values import User

MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    role: str
    public_key: str | None
    disabled: bool
    password_is_initial: bool

    @property
    def fingerprint(self) -> str | None:
        return fingerprint(self.public_key) if self.public_key else None

    @property
    def user(self) -> User:
        return User(self.name, self.role)

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "public_key": self.public_key,
                "fingerprint": self.fingerprint, "disabled": self.disabled}  # fmt: skip


_COLUMNS = "name, role, public_key, disabled, password_is_initial"


def _account(row: tuple[Any, ...]) -> Account:
    return Account(row[0], row[1], row[2], bool(row[3]), bool(row[4]))


def has_accounts(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM accounts LIMIT 1").fetchone() is not None


def all_accounts(conn: sqlite3.Connection) -> list[Account]:
    return [_account(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY name")]


def find(conn: sqlite3.Connection, name: str) -> Account | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM accounts WHERE name = ?", [name]).fetchone()
    return None if row is None else _account(row)


def check_password_rules(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise StoreError(msg("trust.error.password_length", low=MIN_PASSWORD, high=MAX_PASSWORD))


def check_person(name: str, role: str) -> None:
    for field, value in (("name", name), ("role", role)):
        if not value.strip() or len(value) > MAX_NAME or value != value.strip():
            raise StoreError(msg("trust.error.bad_person", field=field, limit=MAX_NAME))
        if any(unicodedata.category(ch).startswith("C") for ch in value):
            raise StoreError(msg("trust.error.bad_person", field=field, limit=MAX_NAME))


def create(
    conn: sqlite3.Connection, name: str, role: str, password: str, by: User, *, initial: bool
) -> Account:
    """A new account; `initial` when someone else set the password (no signing key yet)."""
    check_person(name, role)
    check_password_rules(password)
    if find(conn, name) is not None:
        raise StoreError(msg("trust.error.account_exists", name=name))
    public, private = (None, None) if initial else _new_key(name, password)
    conn.execute(
        "INSERT INTO accounts (name, role, password, password_is_initial, public_key, "
        "private_key, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [name, role, json.dumps(hash_password(password)), int(initial), public, private,
         now_utc(), by.name],
    )  # fmt: skip
    detail = f"account {name} ({role}) added"
    if public:
        detail += f"; signing key {fingerprint(public)}"
    store_audit.append(conn, by, now_utc(), "account", detail)
    return Account(name, role, public, False, initial)


def authenticate(conn: sqlite3.Connection, name: str, password: str) -> Account:
    """The enabled account `name` if `password` is its password; AuthError otherwise."""
    row = conn.execute("SELECT password FROM accounts WHERE name = ?", [name]).fetchone()
    account = find(conn, name)
    if row is None or account is None:
        raise AuthError(msg("trust.error.no_account", name=name))
    if account.disabled:
        raise AuthError(msg("trust.error.disabled", name=name))
    if not password_matches(password, json.loads(row[0])):
        raise AuthError(msg("trust.error.wrong_password", name=name))
    return account


def set_password(conn: sqlite3.Connection, name: str, old: str, new: str) -> Account:
    """Change `name`'s password (after checking `old`); the first own password makes the key."""
    check_password_rules(new)
    account = find(conn, name)
    if account is None or account.password_is_initial or account.public_key is None:
        account = authenticate(conn, name, old)
        public, private = _new_key(name, new)
        detail = f"account {name}: own password set; signing key {fingerprint(public)}"
    else:
        key = private_key(conn, name, old)
        public, private = account.public_key, _box(key, name, new)
        detail = f"account {name}: password changed"
    conn.execute(
        "UPDATE accounts SET password = ?, password_is_initial = 0, public_key = ?, "
        "private_key = ? WHERE name = ?",
        [json.dumps(hash_password(new)), public, private, name],
    )
    store_audit.append(conn, User(name, account.role), now_utc(), "account", detail)
    return Account(name, account.role, public, False, False)


def disable(conn: sqlite3.Connection, name: str, by: User) -> None:
    if find(conn, name) is None:
        raise StoreError(msg("trust.error.no_account", name=name))
    conn.execute("UPDATE accounts SET disabled = 1 WHERE name = ?", [name])
    store_audit.append(conn, by, now_utc(), "account", f"account {name} disabled")


def private_key(conn: sqlite3.Connection, name: str, password: str) -> Ed25519PrivateKey:
    """`name`'s signing key, opened with their password (checked first)."""
    account = authenticate(conn, name, password)
    if account.password_is_initial or account.public_key is None:
        raise AuthError(msg("trust.error.initial_password", name=name))
    box = conn.execute("SELECT private_key FROM accounts WHERE name = ?", [name]).fetchone()[0]
    try:
        raw = open_secret(json.loads(box), password, _purpose(name))
    except (WrongPassword, ValueError, TypeError):
        raise AuthError(msg("trust.error.key_unreadable", name=name)) from None
    key = Ed25519PrivateKey.from_private_bytes(raw)
    if public_key_text(key) != account.public_key:
        raise AuthError(msg("trust.error.key_unreadable", name=name))
    return key


def _purpose(name: str) -> str:
    return f"mdt-planner signing key for {name}"


def _new_key(name: str, password: str) -> tuple[str, str]:
    key = Ed25519PrivateKey.generate()
    return public_key_text(key), _box(key, name, password)


def _box(key: Ed25519PrivateKey, name: str, password: str) -> str:
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return json.dumps(seal_secret(raw, password, _purpose(name)))
