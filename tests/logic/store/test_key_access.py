"""Who can open an encrypted database (trust.md): every enabled account with its own password.

Accounts that existed before `encrypt` are named and given access when they type their own
password; a changed password rewraps both keys and the old one opens and signs nothing."""

import pytest

from desktop.logic.store import keyfile
from desktop.logic.store.accounts import AuthError
from desktop.logic.store.database import Store, StoreError
from desktop.logic.store.encrypt import encrypt_database, init_database, open_database
from desktop.logic.store.secrets import WrongPassword

LI, WANG, ZHAO = ("Li Ming", "hepatobiliary surgeon"), ("Wang Fang", "medical oncologist"), (
    "Zhao Lei", "radiologist")  # fmt: skip


@pytest.fixture
def team(tmp_path):
    """A plain database of three accounts: Wang Fang has her own password, Zhao Lei the
    initial one Li Ming gave him."""
    path = tmp_path / "cases.sqlite3"
    with Store.open(path) as store:
        store.add_account(*LI, "li-password")
        store.add_account(*WANG, "initial-pw")
        store.add_account(*ZHAO, "zhao-initial")
        store.change_password(WANG[0], "initial-pw", "wang-password")
    return path


def test_encrypt_names_the_accounts_that_cannot_open_it_yet(team):
    assert encrypt_database(team, LI[0], "li-password") == [WANG[0], ZHAO[0]]
    for name, password in ((WANG[0], "wang-password"), (ZHAO[0], "zhao-initial")):
        with pytest.raises(AuthError, match=f"Wrong password for {name}"):
            open_database(team, name, password)
    with open_database(team, LI[0], "li-password") as store:
        assert store.without_access() == [WANG[0], ZHAO[0]]
        [warning] = store.warnings()
        assert f"{WANG[0]}, {ZHAO[0]} cannot open it yet" in warning


def test_a_member_typing_their_own_password_is_given_access_and_keeps_their_key(team):
    encrypt_database(team, LI[0], "li-password")
    with open_database(team, LI[0], "li-password") as store:
        key_before = next(a for a in store.accounts() if a.name == WANG[0]).fingerprint
        with pytest.raises(AuthError, match=f"Wrong password for {WANG[0]}"):
            store.give_access(WANG[0], "li-password")
        assert WANG[0] not in keyfile.wrapped_names(team)
        store.give_access(WANG[0], "wang-password")
        assert store.without_access() == [ZHAO[0]]
        assert store.audit_log()[-1]["detail"] == (
            f"account {WANG[0]}: can open the encrypted database with their own password"
        )
    with open_database(team, WANG[0], "wang-password") as store:
        assert next(a for a in store.accounts() if a.name == WANG[0]).fingerprint == key_before
        assert store.signing_accounts([(WANG[0], "wang-password")])
        assert store.check() == []


def test_an_initial_password_member_is_given_access_then_sets_their_own(team):
    encrypt_database(team, LI[0], "li-password")
    with open_database(team, LI[0], "li-password") as store:
        store.give_access(ZHAO[0], "zhao-initial")
        assert store.warnings() == [f"{team}: {WANG[0]} cannot open it yet (each is given "
                                    "access with their own password: users grant NAME, or "
                                    "Team > Give a member access)"]  # fmt: skip
    with open_database(team, ZHAO[0], "zhao-initial") as store:
        store.change_password(ZHAO[0], "zhao-initial", "zhao-own-password")
    with pytest.raises(AuthError):
        open_database(team, ZHAO[0], "zhao-initial")
    open_database(team, ZHAO[0], "zhao-own-password").close()


def test_giving_access_needs_an_encrypted_database_and_someone_signed_in(team, tmp_path):
    with Store.open(team) as plain, pytest.raises(StoreError, match="is not encrypted"):
        plain.give_access(WANG[0], "wang-password")
    encrypt_database(team, LI[0], "li-password")
    key = keyfile.unlock(team, LI[0], "li-password")
    with Store.open(team, key=key) as nobody, pytest.raises(AuthError, match="sign in first"):
        nobody.give_access(WANG[0], "wang-password")


def test_a_disabled_account_is_not_waiting_and_cannot_be_given_access(team):
    encrypt_database(team, LI[0], "li-password")
    with open_database(team, LI[0], "li-password") as store:
        store.disable_account(ZHAO[0])
        assert store.without_access() == [WANG[0]]
        with pytest.raises(AuthError, match="disabled"):
            store.give_access(ZHAO[0], "zhao-initial")


def test_a_member_added_after_encryption_opens_it_with_the_initial_password(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with init_database(path, *LI, "li-password") as store:
        store.add_account(*WANG, "initial-pw")
        assert store.without_access() == []
    with open_database(path, WANG[0], "initial-pw") as store:
        assert store.signed_in.password_is_initial


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "cases.sqlite3"
    init_database(path, *LI, "li-password").close()
    return path


def test_a_wrong_old_password_is_refused_in_words_and_changes_nothing(encrypted):
    store = open_database(encrypted, LI[0], "li-password")
    with store, pytest.raises(AuthError, match="Wrong password for Li Ming"):
        store.change_password(LI[0], "not-my-password", "chosen-by-someone")
    with pytest.raises(WrongPassword):
        keyfile.unlock(encrypted, LI[0], "chosen-by-someone")
    with pytest.raises(AuthError):
        open_database(encrypted, LI[0], "chosen-by-someone")
    open_database(encrypted, LI[0], "li-password").close()


def test_after_a_change_the_old_password_neither_opens_nor_signs(encrypted):
    with open_database(encrypted, LI[0], "li-password") as store:
        fingerprint = store.signed_in.fingerprint
        store.change_password(LI[0], "li-password", "li-new-password")
        with pytest.raises(AuthError):
            store.signing_accounts([(LI[0], "li-password")])
        [(account, _key)] = store.signing_accounts([(LI[0], "li-new-password")])
        assert account.fingerprint == fingerprint
    with pytest.raises(WrongPassword):
        keyfile.unlock(encrypted, LI[0], "li-password")
    with pytest.raises(AuthError):
        open_database(encrypted, LI[0], "li-password")
    with open_database(encrypted, LI[0], "li-new-password") as store:
        assert store.signed_in.fingerprint == fingerprint


def test_no_password_or_key_is_written_anywhere_by_giving_access_or_a_change(team, caplog):
    caplog.set_level("DEBUG")
    encrypt_database(team, LI[0], "li-password")
    with open_database(team, LI[0], "li-password") as store:
        store.give_access(WANG[0], "wang-password")
        store.change_password(LI[0], "li-password", "li-second-password")
        key = store.key
        audit = repr(store.audit_log())
    secrets = ("li-password", "wang-password", "li-second-password", "zhao-initial")
    for secret in (*secrets, key.hex()):
        assert secret not in caplog.text + audit
    for path in team.parent.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert key not in data, path.name
            assert key.hex().encode() not in data, path.name
            assert not any(secret.encode() in data for secret in secrets), path.name
