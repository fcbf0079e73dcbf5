"""Backups, rotation, restore, and damaged files: refused in words, never overwritten."""

import os
import sqlite3
import stat

import pytest

from desktop.logic.store.database import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseRefused,
    Store,
    StoreError,
    User,
    restore_database,
)
from desktop.logic.store.files import database_problems, header_problem, newest_good_backup
from tests.factories import make_case

USER = User("Li Ming", "hepatobiliary surgeon")


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=USER) as store:
        for number in range(3):
            store.new_case(make_case(**{"patient.mrn": f"M-{number}"}))
    return path


def test_backup_is_a_private_consistent_copy(db_path, tmp_path):
    with Store.open(db_path, read_only=True) as store:
        out = store.backup(tmp_path / "copy.sqlite3")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert database_problems(out) == []
    with Store.open(out, read_only=True) as copy:
        assert copy.count_cases() == 3
        assert copy.check() == []


def test_backup_into_a_folder_names_the_file(db_path, tmp_path):
    folder = tmp_path / "backups-here"
    folder.mkdir()
    with Store.open(db_path, read_only=True) as store:
        out = store.backup(folder)
    assert out.parent == folder
    assert out.name.startswith("cases-")
    assert out.suffix == ".sqlite3"


@pytest.mark.parametrize("keep", [1, 2, 3])
def test_rotation_keeps_the_configured_number(db_path, keep):
    with Store.open(db_path, user=USER) as store:
        store.set_setting("backup_keep", keep)
        made = [store.rotate_backup() for _ in range(4)]
        assert store.backups() == made[::-1][:keep]


def test_rotation_off_when_keep_is_zero(db_path):
    with Store.open(db_path, user=USER) as store:
        store.set_setting("backup_keep", 0)
        assert store.rotate_backup() is None
        assert store.backups() == []


def test_restore_replaces_and_keeps_the_old_database_aside(db_path, tmp_path):
    with Store.open(db_path, user=USER) as store:
        backup = store.backup(tmp_path / "before.sqlite3")
        store.new_case(make_case(**{"patient.mrn": "after-backup"}))
    kept = restore_database(backup, db_path)
    with Store.open(db_path, read_only=True) as store:
        assert store.count_cases() == 3
    with Store.open(kept, read_only=True) as old:
        assert old.count_cases() == 4
    assert kept.name.startswith("cases.sqlite3.replaced-")


def test_restore_refuses_while_the_database_is_open(db_path, tmp_path):
    with Store.open(db_path, user=USER) as store:
        backup = store.backup(tmp_path / "copy.sqlite3")
        with pytest.raises(DatabaseBusy, match="close it before replacing it"):
            restore_database(backup, db_path)
        assert store.count_cases() == 3


def test_restore_checks_the_backup_first(db_path, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 20)
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="not an SQLite database"):
        restore_database(bad, db_path)
    assert db_path.read_bytes() == before


def test_restore_refuses_a_foreign_sqlite_database(db_path, tmp_path):
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(StoreError, match="not one of MDT Planner"):
        restore_database(foreign, db_path)


def _truncate(path, size):
    with path.open("r+b") as handle:
        handle.truncate(size)


DAMAGES = {
    "truncated to half": lambda p: _truncate(p, p.stat().st_size // 2),
    "truncated inside the header": lambda p: _truncate(p, 50),
    "garbage": lambda p: p.write_bytes(os.urandom(8192)),
    "text file": lambda p: p.write_text("patient list\n" * 100),
}


@pytest.mark.parametrize(("damage", "words"), [
    ("truncated to half", "truncated"),
    ("truncated inside the header", "truncated"),
    ("garbage", "not an SQLite database"),
    ("text file", "not an SQLite database"),
])  # fmt: skip
def test_damaged_file_is_refused_untouched_with_the_newest_backup(db_path, damage, words):
    with Store.open(db_path, user=USER) as store:
        store.rotate_backup()
        good = store.rotate_backup()
    DAMAGES[damage](db_path)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseDamaged, match=words) as caught:
        Store.open(db_path, user=USER)
    assert caught.value.newest_backup == good
    assert f"mdt-planner restore {good}" in str(caught.value)
    assert db_path.read_bytes() == before
    restore_database(good, db_path)
    with Store.open(db_path, read_only=True) as store:
        assert store.count_cases() == 3


def test_damaged_without_backup_says_so(tmp_path):
    path = tmp_path / "cases.sqlite3"
    path.write_bytes(b"\x00" * 4096)
    with pytest.raises(DatabaseDamaged, match="No good backup") as caught:
        Store.open(path)
    assert caught.value.newest_backup is None


def test_a_damaged_backup_is_not_offered(db_path):
    with Store.open(db_path, user=USER) as store:
        good = store.rotate_backup()
        newest = store.rotate_backup()
    newest.write_bytes(b"junk" * 100)
    assert newest_good_backup(db_path) == good


def test_empty_file_with_backups_is_treated_as_truncated(db_path):
    with Store.open(db_path, user=USER) as store:
        good = store.rotate_backup()
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    _truncate(db_path, 0)
    with pytest.raises(DatabaseDamaged, match="empty although backups") as caught:
        Store.open(db_path, user=USER)
    assert caught.value.newest_backup == good
    assert db_path.stat().st_size == 0


def test_foreign_sqlite_database_is_left_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (x)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseDamaged, match="not one of MDT Planner"):
        Store.open(path, user=USER)
    assert path.read_bytes() == before


def test_corrupt_page_is_reported_by_check(db_path):
    with Store.open(db_path, user=USER) as store:
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    assert pages > 3
    with db_path.open("r+b") as handle:  # scribble over the last page
        handle.seek((pages - 1) * 4096)
        handle.write(os.urandom(4096))
    with Store.open(db_path, read_only=True) as store:
        problems = store.check()
    assert problems
    assert any("integrity check" in p or "damaged" in p for p in problems)


@pytest.mark.parametrize(("content", "expected"), [
    (b"", None),
    (b"SQLite format 3\x00", "truncated"),
    (b"hello" * 40, "not an SQLite database"),
])  # fmt: skip
def test_header_problem(tmp_path, content, expected):
    path = tmp_path / "f"
    path.write_bytes(content)
    problem = header_problem(path)
    assert (problem is None) if expected is None else expected in problem


def test_a_short_file_with_a_write_ahead_log_is_not_judged_truncated(db_path):
    """A checkpoint killed after writing page 1 leaves the file short; the WAL completes it."""
    from desktop.logic.store.files import header_problem

    with Store.open(db_path, user=USER):
        pass
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    data[28:32] = (pages + 5).to_bytes(4, "big")  # header announces more pages than the file has
    db_path.write_bytes(bytes(data))
    assert "truncated" in header_problem(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(60))  # a WAL with frames beyond its header
    assert header_problem(db_path) is None


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("given_as", ["the same path", "a symlink", "a hard link", "relative"])
def test_restore_refuses_the_live_database_itself(db_path, tmp_path, given_as, monkeypatch):
    """Restoring the database onto itself moved it aside and left an empty store."""
    backup = db_path
    if given_as == "a symlink":
        backup = tmp_path / "link.sqlite3"
        backup.symlink_to(db_path)
    elif given_as == "a hard link":
        backup = tmp_path / "hard.sqlite3"
        os.link(db_path, backup)
    elif given_as == "relative":
        monkeypatch.chdir(tmp_path)
        backup = type(db_path)(db_path.name)
    before, names = db_path.read_bytes(), _files(tmp_path)
    with pytest.raises(StoreError, match="is the database .* itself") as caught:
        restore_database(backup, db_path)
    assert caught.value.render("zh_CN") != str(caught.value)
    assert db_path.read_bytes() == before
    assert _files(tmp_path) == names  # nothing moved aside, nothing left behind
    with Store.open(db_path, read_only=True) as store:
        assert store.count_cases() == 3


def test_restore_keeps_what_a_backup_holds_in_its_write_ahead_log(db_path, tmp_path):
    """A database kept aside by a restore keeps its WAL beside it; restoring it back copied
    only the main file and lost the commits still in the WAL."""
    snapshot = tmp_path / "aside.sqlite3"
    with Store.open(db_path, user=USER) as store:
        store.new_case(make_case(**{"patient.mrn": "ONLY-IN-WAL"}))
        wal = db_path.with_name(db_path.name + "-wal")
        assert wal.stat().st_size > 0
        snapshot.write_bytes(db_path.read_bytes())  # what a crash leaves: the file and its WAL
        snapshot.with_name(snapshot.name + "-wal").write_bytes(wal.read_bytes())
    target = tmp_path / "restored.sqlite3"
    restore_database(snapshot, target)
    with Store.open(target, read_only=True) as store:
        assert store.count_cases() == 4
        assert store.check() == []


def test_a_failed_restore_puts_the_database_back(db_path, tmp_path, monkeypatch):
    with Store.open(db_path, user=USER) as store:
        backup = store.backup(tmp_path / "copy.sqlite3")
    before = db_path.read_bytes()
    real_replace = os.replace

    def refuse_the_last_rename(source, target):
        if str(source).endswith(".part"):
            raise OSError(28, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", refuse_the_last_rename)
    with pytest.raises(DatabaseRefused, match="the disk is full"):
        restore_database(backup, db_path)
    monkeypatch.undo()
    assert db_path.read_bytes() == before
    assert not [name for name in _files(tmp_path) if "replaced" in name or ".part" in name]


def test_a_damaged_database_never_pushes_good_backups_out(db_path):
    """The start-up backup of a database with damaged pages is refused, not rotated in."""
    from tests.logic.store.test_refusals import damage_pages

    with Store.open(db_path, user=USER) as store:
        store.set_setting("backup_keep", 2)
        good = [store.rotate_backup(), store.rotate_backup()]
    damage_pages(db_path)
    with Store.open(db_path, read_only=True) as store:
        with pytest.raises(DatabaseDamaged, match="quick check"):
            store.rotate_backup()
        with pytest.raises(DatabaseDamaged):
            store.backup(db_path.parent / "by-hand.sqlite3")
        assert store.backups() == good[::-1]
    assert not (db_path.parent / "by-hand.sqlite3").exists()
    assert not [p for p in _files(db_path.parent) if p.endswith(".part")]


def test_backup_into_a_path_through_a_file_says_so(db_path, tmp_path):
    (tmp_path / "notes").write_text("x")
    with (
        Store.open(db_path, read_only=True) as store,
        pytest.raises(DatabaseRefused, match="notes is a file, not a folder"),
    ):
        store.backup(tmp_path / "notes" / "copy.sqlite3")


def test_backups_folder_is_private(db_path):
    old = os.umask(0)
    try:
        with Store.open(db_path, user=USER) as store:
            made = store.rotate_backup()
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(made.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(made).st_mode) == 0o600
