"""Signing a decision in the app: only the named person, with their own password, at that moment.

Used by the decision step. A signer still on an initial password sets their own first (that
makes their key). A database without accounts signs nothing: a typed name proves nobody signed.
Passwords stay in memory only until the record is sealed or the signature written.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.logic.store import StoreError
from desktop.ui.accounts import OwnPasswordDialog, signer_dialog

if TYPE_CHECKING:
    from desktop.logic.model import Decision
    from desktop.logic.store import Account, Store
    from desktop.ui.undo import CaseDocument


def _tr(text: str) -> str:
    return QCoreApplication.translate("Signing", text)


def ask_signer_password(store: Store, name: str, lang: str, parent: QWidget | None) -> str | None:
    """`name`'s password, typed by them now and checked (their key opens); None if cancelled."""
    typed: dict[str, str] = {}

    def check(person: str, password: str) -> Account:
        account = store.verify_password(person, password)
        if account.password_is_initial:

            def change(new: str) -> Account:
                typed["password"] = new
                return store.change_password(person, password, new)

            if not OwnPasswordDialog(person, change, parent, lang).exec():
                raise StoreError(_tr("Set your own password first: only then can you sign."))
            password = typed["password"]
        store.signing_accounts([(person, password)])
        typed["password"] = password
        return account

    dialog = signer_dialog(check, name, parent, lang)
    accepted = dialog.exec()
    return typed.get("password") if accepted else None


def sign_later(store: Store, case_id: str, name: str, lang: str, parent: QWidget | None) -> bool:
    """`name` signs the case's latest final record now, with their password."""
    password = ask_signer_password(store, name, lang, parent)
    if password is None:
        return False
    store.sign(case_id, name, password)
    return True


def needs_accounts() -> str:
    """Why nobody can sign on a database without accounts (a typed name proves nothing)."""
    return _tr(
        "Signing needs personal accounts, and this database has none: nobody could prove who "
        "signed. Create the first account (Team → Create the first account…); then each signer "
        "signs with their own password."
    )


def signer_texts(
    store: Store, case_id: str, decisions: list[dict[str, Any]], record: dict[str, Any]
) -> list[str]:
    """Each signer with role, time and key fingerprint; "present, not signed" for the others."""
    lines = store.signer_lines(case_id, decisions).get(record.get("record_hash") or "", [])
    texts = []
    for line in lines:
        at = (line.at or "").replace("T", " ")
        if line.state == "signed":
            texts.append(_tr("{0} ({1}), signed {2}, key {3}").format(
                line.name, line.role, at, line.fingerprint))  # fmt: skip
        elif line.state == "unverified":
            texts.append(_tr("{0} ({1}), {2}: signature not verified (imported)").format(
                line.name, line.role, at))  # fmt: skip
        elif line.state == "named":
            texts.append(_tr("{0} ({1}), {2}: named, not signed (sealed in a database without "
                             "accounts: nothing proves who signed)").format(
                line.name, line.role, at))  # fmt: skip
        else:
            texts.append(_tr("{0} ({1}): present, not signed").format(line.name, line.role))
    return texts


class DraftSignatures:
    """The signatures given to one draft: each signer's password, typed by them when signing,
    is kept in memory until the record is sealed (the store signs with every key then)."""

    def __init__(self) -> None:
        self.passwords: dict[str, str] = {}

    def sign(
        self, document: CaseDocument, index: int, person: tuple[str, str], store: Store | None,
        parent: QWidget | None,
    ) -> list[str]:  # fmt: skip
        """`person` (name, role) signs draft `index` now; problems in words (none: signed)."""
        name, role = person
        draft = document.case.decisions[index]
        if any(s.name == name for s in draft.signed_by):
            return [_tr("{0} has already signed.").format(name)]
        if store is None or not store.has_accounts():  # a typed name is no signature
            return [needs_accounts()]
        password = ask_signer_password(store, name, document.lang, parent)  # theirs, now
        if password is None:
            return [_tr("Not signed: {0} is present, not signed.").format(name)]
        self.passwords[name] = password
        signature = {
            "name": name,
            "role": role,
            "at": dt.datetime.now().isoformat(timespec="seconds"),
        }
        return document.add_item(f"decisions.{index}.signed_by", signature)

    def seal(
        self, store: Store, case_id: str, index: int, draft: Decision, revision: int
    ) -> None:
        """Finalize draft `index`, each signer signing with their own key."""
        try:
            signers = [(s.name, self.passwords.get(s.name, "")) for s in draft.signed_by]
            store.finalize_decision(case_id, index, signers=signers, expected_revision=revision)
        finally:
            self.passwords.clear()
