"""Opening the database as a person: the first account, sign-in, and the offer to encrypt.

A new database is created encrypted, with the first account (name, role, password twice). An
encrypted one opens only with a person's password. A plain one opens as before (damaged and busy
files go to their dialogs); then its first account is created, or the person signs in, and the
app offers to encrypt it. A member still on an initial password sets their own first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.logic.store import DatabaseBusy, is_encrypted
from desktop.ui.accounts import OwnPasswordDialog, first_account_dialog, sign_in_dialog

if TYPE_CHECKING:  # the database code loads while the person types (desktop.ui.app)
    from desktop.logic.store import Account, Store


def _tr(text: str) -> str:
    return QCoreApplication.translate("SignIn", text)


def open_as_person(
    path: Path,
    open_plain: Callable[[], Store | None],
    on_busy: Callable[[DatabaseBusy], bool],
    lang: str = "en",
    parent: QWidget | None = None,
) -> Store | None:
    """The store, opened and signed in; None when the person cancels or quits."""
    if not path.exists() or path.stat().st_size == 0:
        return _create_encrypted(path, lang, parent)
    if is_encrypted(path):
        return _sign_in_encrypted(path, on_busy, lang, parent)
    store = open_plain()
    if store is None:
        return None
    secret = _identify(store, lang, parent)
    if secret is None:
        store.close()
        return None
    if store.read_only or not offer_encryption(parent):
        return store
    from desktop.logic.store import encrypt_database, open_database

    name = store.account().name
    store.close()
    waiting = encrypt_database(path, name, secret)
    if waiting:
        QMessageBox.information(
            parent, _tr("Database encrypted"),
            _tr("The database is encrypted with your password. These accounts existed before "
                "and cannot open it yet: {0}. Each of them types their own password once in "
                "Team → Give a member access… while someone is signed in.").format(
                ", ".join(waiting)),
        )  # fmt: skip
    return open_database(path, name, secret)


def _create_encrypted(path: Path, lang: str, parent: QWidget | None) -> Store | None:
    from desktop.logic.store import init_database

    dialog = first_account_dialog(
        lambda name, role, password: init_database(path, name, role, password), parent, lang
    )
    return dialog.result_value if dialog.exec() else None


def _sign_in_encrypted(
    path: Path, on_busy: Callable[[DatabaseBusy], bool], lang: str, parent: QWidget | None
) -> Store | None:
    typed: dict[str, str] = {}

    def check(name: str, password: str) -> Store | None:
        from desktop.logic.store import open_database

        typed["password"] = password
        try:
            return open_database(path, name, password)
        except DatabaseBusy as busy:
            if not on_busy(busy):
                return None
            return open_database(path, name, password, read_only=True)

    dialog = sign_in_dialog(check, parent, lang)
    if not dialog.exec() or dialog.result_value is None:
        return None
    store = dialog.result_value
    initial = store.account().password_is_initial and not store.read_only
    if initial and own_password(store, typed["password"], lang, parent) is None:
        store.close()
        return None
    return store


def _identify(store: Store, lang: str, parent: QWidget | None) -> str | None:
    """Create the first account or sign in; the password typed (for encrypting), else None."""
    typed: dict[str, str] = {}
    if not store.has_accounts():

        def create(name: str, role: str, password: str) -> Account:
            typed["password"] = password
            return store.add_account(name, role, password)

        if not first_account_dialog(create, parent, lang).exec():
            return None
        return typed["password"]

    def check(name: str, password: str) -> Account:
        typed["password"] = password
        return store.sign_in(name, password)

    dialog = sign_in_dialog(check, parent, lang)
    if not dialog.exec():
        return None
    if store.account().password_is_initial and not store.read_only:
        new = own_password(store, typed["password"], lang, parent)
        if new is None:
            return None
        typed["password"] = new
    return typed["password"]


def own_password(store: Store, current: str, lang: str, parent: QWidget | None) -> str | None:
    """The signed-in member (on an initial password) sets their own; the new one, or None."""
    name = store.account().name
    chosen: dict[str, str] = {}

    def change(new: str) -> Account:
        chosen["password"] = new
        return store.change_password(name, current, new)

    if not OwnPasswordDialog(name, change, parent, lang).exec():
        return None
    return chosen["password"]


def offer_encryption(parent: QWidget | None = None) -> bool:
    answer = QMessageBox.question(
        parent,
        _tr("Encrypt this database?"),
        _tr(
            "This database is not encrypted: whoever gets the file can read every patient "
            "value. Encrypt it now with your password? (A copy is encrypted and checked first; "
            "the plain file is replaced only then. Its backups are encrypted too.)"
        ),
    )
    return answer == QMessageBox.StandardButton.Yes
