"""Encryption at rest (trust.md): a stolen file or backup without a password shows no patient
value; `encrypt` loses nothing when killed at any step; a new password only rewraps the key."""

import logging
import os
import signal
import stat

import pytest

from desktop.logic.store import encrypt as store_encrypt
from desktop.logic.store import keyfile
from desktop.logic.store.accounts import AuthError
from desktop.logic.store.database import Store, StoreError, User
from desktop.logic.store.encrypt import encrypt_database, init_database, open_database
from desktop.logic.store.files import is_encrypted
from tests.factories import make_case

NAME, ROLE, PASSWORD = "Li Ming", "hepatobiliary surgeon", "li-password"
PATIENTS = [("Wang Wei", "H-000123"), ("Chen Jie", "H-000457")]


def _add_cases(store):
    for name, mrn in PATIENTS:
        store.new_case(make_case(**{"patient.name": name, "patient.mrn": mrn}))


def _every_byte(folder):
    for path in folder.rglob("*"):
        if path.is_file():
            yield path, path.read_bytes()


def _assert_no_patient_value(folder, allowed=()):
    for path, data in _every_byte(folder):
        if path.name in allowed:
            continue
        for name, mrn in PATIENTS:
            assert name.encode() not in data, f"{name} readable in {path.name}"
            assert mrn.encode() not in data, f"{mrn} readable in {path.name}"


@pytest.fixture
def plain(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=User(NAME, ROLE)) as store:
        _add_cases(store)
        store.rotate_backup()
    return path


@pytest.mark.smoke
def test_init_makes_an_encrypted_database_and_a_private_key_file(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with init_database(path, NAME, ROLE, PASSWORD) as store:
        _add_cases(store)
        store.rotate_backup()
        assert store.check() == []
        assert store.warnings() == []
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert stat.S_IMODE(keyfile.key_path(path).stat().st_mode) == 0o600
    _assert_no_patient_value(tmp_path)
    with open_database(path, NAME, PASSWORD, read_only=True) as store:
        assert sorted(row.mrn for row in store.list_cases()) == ["H-000123", "H-000457"]


def test_an_encrypted_database_refuses_no_password_and_a_wrong_one(tmp_path):
    path = tmp_path / "cases.sqlite3"
    init_database(path, NAME, ROLE, PASSWORD).close()
    with pytest.raises(StoreError, match="is encrypted: give your name and password"):
        Store.open(path)
    with pytest.raises(AuthError, match="Wrong password for Li Ming"):
        open_database(path, NAME, "not-the-password")
    with pytest.raises(AuthError):
        open_database(path, "Someone Else", PASSWORD)


def test_init_refuses_an_existing_database(plain):
    with pytest.raises(StoreError, match="already exists"):
        init_database(plain, NAME, ROLE, PASSWORD)


def test_encrypt_keeps_every_row_and_encrypts_the_backups_too(plain, tmp_path):
    with Store.open(plain) as store:
        before = {t: store._conn.execute(f"SELECT * FROM {t}").fetchall()
                  for t in ("cases", "revisions", "audit")}  # fmt: skip
    encrypt_database(plain, NAME, PASSWORD, ROLE)
    _assert_no_patient_value(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cases.sqlite3", "cases.sqlite3.backups", "cases.sqlite3.keys", "cases.sqlite3.lock",
    ]  # fmt: skip
    with open_database(plain, NAME, PASSWORD) as store:
        for table, rows in before.items():
            assert store._conn.execute(f"SELECT * FROM {table}").fetchall()[: len(rows)] == rows
        assert store.check() == []
        assert store.audit_log()[-1]["detail"] == "database encrypted (SQLCipher)"


def test_encrypt_refuses_an_encrypted_database_and_needs_a_role_for_the_first_account(plain):
    with pytest.raises(StoreError, match="--name NAME --role ROLE"):
        encrypt_database(plain, NAME, PASSWORD)
    encrypt_database(plain, NAME, PASSWORD, ROLE)
    with pytest.raises(StoreError, match="already encrypted"):
        encrypt_database(plain, NAME, PASSWORD, ROLE)


def test_encrypt_as_the_signed_in_person_checks_their_password(plain):
    with Store.open(plain) as store:
        store.add_account(NAME, ROLE, PASSWORD)
    with pytest.raises(AuthError):
        encrypt_database(plain, NAME, "wrong-password")
    encrypt_database(plain, NAME, PASSWORD)
    open_database(plain, NAME, PASSWORD).close()


def test_a_new_password_rewraps_the_key_and_never_re_encrypts(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with init_database(path, NAME, ROLE, PASSWORD) as store:
        _add_cases(store)
        key = store.key
    before = path.read_bytes()
    with open_database(path, NAME, PASSWORD) as store:
        store.change_password(NAME, PASSWORD, "new-password")
    assert keyfile.unlock(path, NAME, "new-password") == key
    with pytest.raises(AuthError):
        open_database(path, NAME, PASSWORD)
    open_database(path, NAME, "new-password").close()
    assert path.read_bytes()[:4096] == before[:4096]  # the same key: page 1 is unchanged


def test_a_member_added_to_an_encrypted_database_opens_it_with_their_password(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with init_database(path, NAME, ROLE, PASSWORD) as store:
        store.add_account("Wang Fang", "medical oncologist", "initial-pw")
    with open_database(path, "Wang Fang", "initial-pw") as store:
        store.change_password("Wang Fang", "initial-pw", "wang-own-password")
    open_database(path, "Wang Fang", "wang-own-password").close()
    with pytest.raises(AuthError):
        open_database(path, "Wang Fang", "initial-pw")


def test_a_backup_written_elsewhere_is_encrypted_with_its_key_file_beside_it(tmp_path):
    path = tmp_path / "cases.sqlite3"
    out = tmp_path / "copies"
    out.mkdir()
    with init_database(path, NAME, ROLE, PASSWORD) as store:
        _add_cases(store)
        made = store.backup(out / "copy.sqlite3")
    assert keyfile.key_path(made).exists()
    _assert_no_patient_value(out)
    with open_database(made, NAME, PASSWORD, read_only=True) as copy:
        assert len(copy.list_cases()) == 2


def test_no_password_key_or_patient_value_reaches_a_log_or_the_settings(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    path = tmp_path / "cases.sqlite3"
    with init_database(path, NAME, ROLE, PASSWORD) as store:
        _add_cases(store)
        store.add_account("Wang Fang", "medical oncologist", "initial-pw")
        store.change_password(NAME, PASSWORD, "second-password")
        store.rotate_backup()
        key = store.key
        settings = store._conn.execute("SELECT key, value FROM settings").fetchall()
        audit = [str(entry) for entry in store.audit_log()]
    logged = caplog.text + repr(settings) + "".join(audit)
    for secret in (PASSWORD, "initial-pw", "second-password", key.hex(), *sum(PATIENTS, ())):
        assert secret not in logged
    for _path, data in _every_byte(tmp_path):
        for secret in (PASSWORD, "initial-pw", "second-password"):
            assert secret.encode() not in data
        assert key not in data
        assert key.hex().encode() not in data
    _assert_no_patient_value(tmp_path)


KILL_POINTS = range(1, 31)  # before and after each of the 15 steps of encrypt


def _encrypt_and_die_at(path, point):
    """Fork a process that encrypts `path` and SIGKILLs itself at its n-th step."""
    pid = os.fork()
    if pid == 0:  # child: never returns to pytest
        calls = 0

        def dying(original):
            def step(*args, **kwargs):
                nonlocal calls
                calls += 1
                if calls == point:
                    os.kill(os.getpid(), signal.SIGKILL)
                result = original(*args, **kwargs)
                calls += 1
                if calls == point:
                    os.kill(os.getpid(), signal.SIGKILL)
                return result

            return step

        os.replace = dying(os.replace)
        for name in ("_encrypted_copy", "_rollback_journal", "_check_copy", "_encrypt_backup"):
            setattr(store_encrypt, name, dying(getattr(store_encrypt, name)))
        keyfile.write_keys = dying(keyfile.write_keys)
        try:
            encrypt_database(path, NAME, PASSWORD, ROLE)
        finally:
            os._exit(0)
    deadline = 60
    while deadline > 0:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        import time

        time.sleep(0.1)
        deadline -= 0.1
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError("encrypt did not finish within 60 s")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize("point", [*KILL_POINTS, 40])
def test_encrypt_killed_at_any_step_loses_nothing(plain, point):
    status = _encrypt_and_die_at(plain, point)
    killed = os.WIFSIGNALED(status)
    if is_encrypted(plain):
        store = open_database(plain, NAME, PASSWORD)
    else:
        store = Store.open(plain, user=User(NAME, ROLE))
    with store:
        assert sorted(row.mrn for row in store.list_cases()) == ["H-000123", "H-000457"]
        assert store.check() == []
    assert killed or point == 40
    if not is_encrypted(plain):  # a second run finishes the work
        encrypt_database(plain, NAME, PASSWORD, ROLE)
    with open_database(plain, NAME, PASSWORD) as store:
        assert len(store.list_cases()) == 2


def test_kill_points_cover_every_step_of_encrypt(plain, monkeypatch):
    steps = []

    def counting(module, name):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, **k: steps.append(name) or original(*a, **k))

    counting(os, "replace")
    for name in ("_encrypted_copy", "_rollback_journal", "_check_copy", "_encrypt_backup"):
        counting(store_encrypt, name)
    counting(keyfile, "write_keys")
    encrypt_database(plain, NAME, PASSWORD, ROLE)
    assert 2 * len(steps) == KILL_POINTS[-1], steps
