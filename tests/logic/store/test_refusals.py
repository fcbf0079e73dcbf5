"""Files the store must not write into, and places it cannot live, refused in words.

A database whose pages are damaged is refused before the first write of a session and left
byte for byte as it was; a lock path that is a folder, a database path that is a folder or
runs through a file, and a read-only data folder give a DatabaseRefused sentence, never an
OSError. Root ignores permission bits, so a read-only folder is simulated by making os.open
raise EACCES for paths in it (what a user without write permission gets); the other faults
are real (a folder or a file where the other is expected, damaged bytes on disk).
"""

import errno
import os
import sqlite3
from pathlib import Path

import platformdirs
import pytest

from desktop.logic.store import schema as store_schema
from desktop.logic.store.database import (
    DatabaseDamaged,
    DatabaseRefused,
    Store,
    User,
    default_db_path,
)
from tests.factories import make_case

USER = User("Li Ming", "hepatobiliary surgeon")
PAGE = 4096


def damage_pages(path: Path, table: str = "agenda") -> None:
    """Overwrite the header of `table`'s root page: a leaf that claims cells it does not have.

    The agenda is a table that importing or saving a case never touches, so SQLite would
    happily write the new case beside the damage; only a check of the pages finds it.
    """
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root[0] - 1) * PAGE)
        handle.write(b"\x0d\x00\x00\x00\x09\x0f\xf0\x00")


@pytest.fixture
def damaged(tmp_path) -> Path:
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=USER) as store:
        store.new_case(make_case())
    damage_pages(path)
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    conn.close()
    return path


WRITES = {
    "import": lambda store: store.import_case(make_case(**{"patient.mrn": "NEW-1"})),
    "new case": lambda store: store.new_case(make_case(**{"patient.mrn": "NEW-2"})),
    "setting": lambda store: store.set_setting("department", "HPB"),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_the_first_write_into_damaged_pages_is_refused_and_the_file_untouched(damaged, write):
    before = damaged.read_bytes()
    with Store.open(damaged, user=USER) as store:
        assert store.count_cases() == 1  # reading still works: the damage is elsewhere
        with pytest.raises(DatabaseDamaged, match="is damaged") as caught:
            WRITES[write](store)
    assert "No good backup" in str(caught.value)
    assert damaged.read_bytes() == before


def test_the_refusal_offers_the_newest_good_backup(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=USER) as store:
        store.new_case(make_case())
        good = store.rotate_backup()
    damage_pages(path)
    with Store.open(path, user=USER) as store, pytest.raises(DatabaseDamaged) as caught:
        store.new_case(make_case(**{"patient.mrn": "NEW-1"}))
    assert caught.value.newest_backup == good
    assert f"mdt-planner restore {good}" in str(caught.value)


def test_the_pages_are_checked_once_per_session(tmp_path, monkeypatch):
    checks = []
    real = store_schema.quick_check_problem
    monkeypatch.setattr(
        store_schema, "quick_check_problem", lambda conn: checks.append(1) or real(conn)
    )
    with Store.open(tmp_path / "cases.sqlite3", user=USER) as store:
        for number in range(5):
            store.new_case(make_case(**{"patient.mrn": f"M-{number}"}))
    assert len(checks) == 1
    with Store.open(tmp_path / "cases.sqlite3", user=USER) as store:
        store.set_setting("department", "HPB")
    assert len(checks) == 2


def test_opening_a_damaged_rollback_journal_file_for_writing_changes_no_byte(damaged):
    """Switching a file to WAL rewrites its header: the pages are checked first."""
    with sqlite3.connect(damaged) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    before = damaged.read_bytes()
    with pytest.raises(DatabaseDamaged):
        Store.open(damaged, user=USER)
    assert damaged.read_bytes() == before


def test_a_lock_path_that_is_a_folder(tmp_path):
    (tmp_path / "cases.sqlite3.lock").mkdir()
    with pytest.raises(DatabaseRefused, match="lock file .* is a folder"):
        Store.open(tmp_path / "cases.sqlite3", user=USER)
    assert not (tmp_path / "cases.sqlite3").exists()


def test_a_database_path_that_is_a_folder(tmp_path):
    with pytest.raises(DatabaseRefused, match="is a folder, not a database file"):
        Store.open(tmp_path, user=USER)
    with pytest.raises(DatabaseRefused, match="is a folder, not a database file"):
        Store.open(tmp_path, read_only=True)


@pytest.mark.parametrize("depth", [1, 2])
def test_a_database_path_through_a_file(tmp_path, depth):
    (tmp_path / "notes.txt").write_text("x")
    path = tmp_path / "notes.txt" / Path(*["sub"] * (depth - 1)) / "cases.sqlite3"
    with pytest.raises(DatabaseRefused, match="notes.txt is a file, not a folder"):
        Store.open(path, user=USER)


def _read_only_folder(monkeypatch, folder: Path) -> None:
    """os.open refuses creating a file in `folder`, as for a user without write permission."""
    real_open = os.open

    def guarded(path, flags, *args, **kwargs):
        if Path(path).parent == folder and flags & os.O_CREAT and not os.path.exists(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)


def test_a_read_only_data_folder_without_a_database(tmp_path, monkeypatch):
    _read_only_folder(monkeypatch, tmp_path)
    with pytest.raises(DatabaseRefused, match="permission denied, or the folder .* read-only"):
        Store.open(tmp_path / "cases.sqlite3", user=USER)


def test_a_read_only_data_folder_refuses_the_new_database_file(tmp_path, monkeypatch):
    (tmp_path / "cases.sqlite3.lock").touch()  # the lock exists: the database file is refused
    _read_only_folder(monkeypatch, tmp_path)
    with pytest.raises(DatabaseRefused, match="permission denied"):
        Store.open(tmp_path / "cases.sqlite3", user=USER)


def test_a_data_folder_that_cannot_be_created(tmp_path, monkeypatch):
    (tmp_path / "home").write_text("a file where the home folder should be")
    monkeypatch.setattr(platformdirs, "user_data_path", lambda *a, **k: tmp_path / "home" / a[0])
    with pytest.raises(DatabaseRefused, match="data folder .* cannot be created"):
        default_db_path()


def test_a_read_only_database_file_is_refused_as_read_only(tmp_path, monkeypatch):
    """SQLite opens a write-protected file read-only and refuses the write (simulated: the
    writer's connection is opened with mode=ro, which gives the same SQLITE_READONLY)."""
    path = tmp_path / "cases.sqlite3"
    Store.open(path, user=USER).close()
    real_connect = sqlite3.connect

    def read_only_connect(target, *args, **kwargs):
        if Path(target) == path:
            return real_connect(f"{path.as_uri()}?mode=ro", *args, uri=True, **kwargs)
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(store_schema.sqlite3, "connect", read_only_connect)
    with Store.open(path, user=USER) as store, pytest.raises(DatabaseRefused, match="only be read"):
        store.new_case(make_case())
