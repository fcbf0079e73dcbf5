"""The store's account and signing methods: sign in, add a member, change a password, sign.

The base class of `Store` (store.database), which opens the database and provides what these
methods use: the attributes declared here and the `_reading` and `_transaction` connections.
Each change is one audited write transaction; a changed password also rewraps the database key
in the key file (never re-encrypting the database).
"""

from __future__ import annotations

import json
import sqlite3
from abc import abstractmethod
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.logic.model import msg
from desktop.logic.model.keys import KeySigner, SignerLine
from desktop.logic.store import accounts as store_accounts
from desktop.logic.store import audit as store_audit
from desktop.logic.store import keyfile
from desktop.logic.store import signatures as store_signatures
from desktop.logic.store.accounts import Account
from desktop.logic.store.cases import now_utc
from desktop.logic.store.decisions import finals
from desktop.logic.store.errors import AuthError, CaseNotFound, StoreError
from desktop.logic.store.revisions import current_revision
from desktop.logic.store.values import User

if TYPE_CHECKING:
    from desktop.logic.model import Signature

Signer = tuple[Account, Ed25519PrivateKey]  # an account and its opened signing key


def signing_time() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class People:
    """Accounts, sign-in and signatures of one open store."""

    path: Path
    key: bytes | None  # the database key of an encrypted database
    read_only: bool
    user: User | None  # who writes (recorded in revisions and the audit trail)
    signed_in: Account | None  # the account signed in, when the database has accounts

    @abstractmethod
    def _reading(self) -> AbstractContextManager[sqlite3.Connection]:
        """The connection to read with (Store's)."""

    @abstractmethod
    def _transaction(
        self, *, allow_anonymous: bool = False
    ) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction (Store's); `allow_anonymous` for writes that prove who makes
        them themselves."""

    def _who(self) -> User:
        """Who writes, inside a write transaction (which refuses to start without anyone)."""
        if self.user is None:
            raise StoreError(msg("store.error.no_user"))
        return self.user

    def account(self) -> Account:
        """The account signed in; AuthError (sign in first) when nobody is."""
        if self.signed_in is None:
            raise AuthError(msg("trust.error.sign_in_first"))
        return self.signed_in

    def has_accounts(self) -> bool:
        with self._reading() as conn:
            return store_accounts.has_accounts(conn)

    def verify_password(self, name: str, password: str) -> Account:
        """`name`'s enabled account if `password` is theirs (nobody is signed in by this)."""
        with self._reading() as conn:
            return store_accounts.authenticate(conn, name, password)

    def accounts(self) -> list[Account]:
        with self._reading() as conn:
            return store_accounts.all_accounts(conn)

    def sign_in(self, name: str, password: str) -> Account:
        """Check `name`'s password; from now on writes are recorded under that account."""
        with self._reading() as conn:
            account = store_accounts.authenticate(conn, name, password)
        self.signed_in, self.user = account, account.user
        return account

    def add_account(self, name: str, role: str, password: str) -> Account:
        """A new member (initial password, no key yet), or the first account (own password).

        The first account of a database needs nobody signed in and becomes the one signed in.
        """
        first = not self.has_accounts()
        if not first and self.signed_in is None:
            raise AuthError(msg("trust.error.sign_in_first"))
        by = self.signed_in.user if self.signed_in else None
        with self._transaction(allow_anonymous=first) as conn:
            if first and store_accounts.has_accounts(conn):
                raise AuthError(msg("trust.error.sign_in_first"))
            account = store_accounts.create(
                conn, name, role, password, by or User(name, role),
                initial=not first,
            )  # fmt: skip
        if self.key is not None:
            keyfile.wrap_for(self.path, name, password, self.key)
        if first:
            self.signed_in, self.user = account, account.user
        return account

    def change_password(self, name: str, old: str, new: str) -> Account:
        """Set `name`'s own password, checked with the old one first: the signing key and the
        database key are wrapped again under the new one (the database is never re-encrypted).

        Until the database holds the new password hash, the key file keeps both wraps, so a crash
        in between leaves either password working; a refusal puts the old wrap back alone.
        """
        store_accounts.check_password_rules(new)
        self.verify_password(name, old)
        if self.key is not None:
            keyfile.wrap_for(self.path, name, new, self.key, keep_old=True)
        try:
            with self._transaction(allow_anonymous=True) as conn:
                account = store_accounts.set_password(conn, name, old, new)
        except BaseException:
            if self.key is not None:
                keyfile.wrap_for(self.path, name, old, self.key)
            raise
        if self.key is not None:
            keyfile.wrap_for(self.path, name, new, self.key)
        if self.signed_in is not None and self.signed_in.name == name:
            self.signed_in = account
        return account

    def without_access(self) -> list[str]:
        """Enabled accounts that cannot open this encrypted database yet (no wrap of its key):
        accounts that existed before it was encrypted, until they are given access."""
        if self.key is None:
            return []
        wrapped = keyfile.wrapped_names(self.path)
        return [a.name for a in self.accounts() if not a.disabled and a.name not in wrapped]

    def give_access(self, name: str, password: str) -> Account:
        """Let `name` open this encrypted database: they type their own password now (checked),
        and the database key is wrapped under it. Needs someone signed in; audited."""
        if self.key is None:
            raise StoreError(msg("trust.error.not_encrypted", path=self.path))
        if self.signed_in is None:
            raise AuthError(msg("trust.error.sign_in_first"))
        account = self.verify_password(name, password)
        with self._transaction() as conn:
            detail = f"account {name}: can open the encrypted database with their own password"
            store_audit.append(conn, self._who(), now_utc(), "account", detail)
            keyfile.wrap_for(self.path, name, password, self.key)
        return account

    def disable_account(self, name: str) -> None:
        with self._transaction() as conn:
            store_accounts.disable(conn, name, self._who())
        keyfile.drop_wrap(self.path, name)

    def signing_accounts(self, credentials: list[tuple[str, str]]) -> list[Signer]:
        """(account, private key) for each (name, password): each person's own password."""
        found = []
        with self._reading() as conn:
            for name, password in credentials:
                key = store_accounts.private_key(conn, name, password)
                account = store_accounts.find(conn, name)
                assert account is not None, "private_key refuses a name without an account"
                found.append((account, key))
        return found

    def signed_by_for(self, signers: list[Signer]) -> list[Signature]:
        from desktop.logic.model import Signature

        at = signing_time()
        return [Signature(name=a.name, role=a.role, at=at) for a, _key in signers]

    def record_signatures(
        self,
        conn: sqlite3.Connection,
        case_id: str,
        index: int,
        record: dict[str, Any],
        signers: list[Signer],
    ) -> None:
        """Inside the finalizing transaction: one signature row per signer of the new seal."""
        times = {s["name"]: s["at"] for s in record.get("signed_by") or []}
        for account, key in signers:
            store_signatures.add(
                conn, case_id, index, record["record_hash"], account, key, times[account.name]
            )

    def sign(self, case_id: str, name: str, password: str) -> int:
        """Add `name`'s signature to the case's latest final record; returns its index."""
        [(account, key)] = self.signing_accounts([(name, password)])
        with self._transaction(allow_anonymous=True) as conn:
            current = current_revision(conn, case_id)
            if current is None:
                raise CaseNotFound(msg("store.error.case_not_found", case_id=case_id))
            sealed = finals(json.loads(current[1]).get("decisions") or [])
            if not sealed:
                raise StoreError(msg("trust.error.nothing_to_sign", case_id=case_id))
            index = max(sealed)
            record = sealed[index]
            named = {p.get("name") for p in record.get("attendees") or []}
            named |= {p.get("name") for p in record.get("signed_by") or []}
            if name not in named:
                raise StoreError(msg("trust.error.not_present", name=name, number=index + 1))
            store_signatures.add(
                conn, case_id, index, record["record_hash"], account, key, signing_time()
            )
        return index

    def key_signer(self, name: str, password: str) -> KeySigner:
        """`name`'s signing key, opened with their password, to sign an exported manifest."""
        [(account, key)] = self.signing_accounts([(name, password)])
        return KeySigner(account.name, account.role, key)

    def record_event(self, detail: str) -> None:
        """An audit entry for a change to the database as a whole (e.g. its encryption)."""
        with self._transaction() as conn:
            store_audit.append(conn, self._who(), now_utc(), "database", detail)

    def signer_lines(
        self, case_id: str, decisions: list[dict[str, Any]]
    ) -> dict[str, list[SignerLine]]:
        """record_hash -> how each named person stands toward that sealed record."""
        with self._reading() as conn:
            rows = store_signatures.rows(conn, case_id)
            here = store_signatures.sealed_here(conn, case_id)
        return store_signatures.signer_lines(decisions, rows, here)
