"""Store basics: opening, cases, revisions, lists, settings, read-only and lost-update refusal."""

import os
import sqlite3
import stat

import platformdirs
import pytest

from desktop.logic.store.database import (
    CaseNotFound,
    ReadOnly,
    StaleRevision,
    Store,
    StoreError,
    User,
    default_db_path,
)
from tests.factories import make_case

USER = User("Li Ming", "hepatobiliary surgeon")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "cases.sqlite3", user=USER) as opened:
        yield opened


def test_new_database_is_private_and_in_wal_mode(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=USER) as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_default_path_is_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(
        platformdirs, "user_data_path", lambda *a, **k: tmp_path / "data" / a[0]
    )
    path = default_db_path()
    assert path == tmp_path / "data" / "mdt-planner" / "cases.sqlite3"
    assert path.parent.is_dir()
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700


def test_new_case_gets_an_id_and_revision_one(store):
    stored = store.new_case(make_case())
    assert len(stored.case_id) == 32
    assert stored.revision == 1
    assert stored.updated_by == "Li Ming"
    assert store.get_case(stored.case_id).case.patient.mrn == "T-0001"


def test_new_case_keeps_a_given_case_id(store):
    stored = store.new_case(make_case(case_id="my-case"))
    assert stored.case_id == "my-case"
    assert store.get_case("my-case").case.case_id == "my-case"


def test_save_adds_a_revision_and_keeps_the_old_one(store):
    first = store.new_case(make_case())
    edited = make_case(**{"labs.inr": 1.7})
    second = store.save_case(first.case_id, edited, expected_revision=1)
    assert second.revision == 2
    assert store.get_case(first.case_id).case.labs.inr == 1.7
    assert store.get_revision(first.case_id, 1).labs.inr == 1.0
    summaries = [info.summary for info in store.history(first.case_id)]
    assert summaries == ["created", "changed labs.inr"]


def test_history_names_who_and_role(store):
    stored = store.new_case(make_case())
    info = store.history(stored.case_id)[0]
    assert (info.by, info.role, info.revision) == ("Li Ming", "hepatobiliary surgeon", 1)


def test_saving_over_a_newer_revision_is_refused_and_nothing_is_written(store):
    stored = store.new_case(make_case())
    store.save_case(stored.case_id, make_case(ecog=1), expected_revision=1)
    mine = make_case(ecog=2)
    with pytest.raises(StaleRevision, match="revision 2") as caught:
        store.save_case(stored.case_id, mine, expected_revision=1)
    assert caught.value.current == 2
    assert store.get_case(stored.case_id).case.ecog == 1
    assert mine.ecog == 2  # the caller still has its edit
    assert len(store.history(stored.case_id)) == 2


def test_restore_revision_adds_a_new_revision(store):
    stored = store.new_case(make_case())
    store.save_case(stored.case_id, make_case(ecog=3), expected_revision=1)
    restored = store.restore_revision(stored.case_id, 1, expected_revision=2)
    assert restored.revision == 3
    assert restored.case.ecog == 0
    assert store.history(stored.case_id)[-1].summary.startswith("restored revision 1")


def test_import_same_mrn_becomes_a_new_revision(store):
    first, created = store.import_case(make_case())
    again, created_again = store.import_case(make_case(ecog=1))
    assert (created, created_again) == (True, False)
    assert again.case_id == first.case_id
    assert again.revision == 2
    assert store.count_cases() == 1


def test_import_refuses_a_case_id_of_another_patient(store):
    store.new_case(make_case(case_id="c1"))
    with pytest.raises(StoreError, match="belongs to another patient"):
        store.import_case(make_case(case_id="c1", **{"patient.mrn": "T-0002"}))
    assert store.count_cases() == 1


def test_changing_mrn_to_another_patients_is_refused(store):
    store.new_case(make_case())
    other = store.new_case(make_case(**{"patient.mrn": "T-0002"}))
    with pytest.raises(StoreError, match="already belongs to case"):
        store.save_case(other.case_id, make_case(), expected_revision=1)


def test_unknown_case_is_named(store):
    with pytest.raises(CaseNotFound, match="no case nope"):
        store.get_case("nope")
    with pytest.raises(CaseNotFound):
        store.history("nope")


def test_list_rows_carry_the_computed_columns(store):
    store.new_case(make_case(**{"patient.name": "王伟", "tumor.portal_vein_invasion": "vp2"}))
    [row] = store.list_cases()
    assert (row.mrn, row.name, row.bclc, row.child_pugh, row.status) == (
        "T-0001",
        "王伟",
        "C",
        "A5",
        "new",
    )
    assert row.next_meeting is None
    assert row.revision == 1


@pytest.fixture
def three(store):
    for mrn, name, pvi in (("A-1", "Wang Wei", "none"), ("B-2", "Li Na", "vp2"),
                           ("C-3", "Wang Fang", "vp3")):  # fmt: skip
        store.new_case(make_case(**{"patient.mrn": mrn, "patient.name": name,
                                    "tumor.portal_vein_invasion": pvi}))  # fmt: skip
    return store


@pytest.mark.parametrize(
    ("text", "filters", "expected"),
    [
        ("", {}, ["C-3", "B-2", "A-1"]),
        ("wang", {}, ["C-3", "A-1"]),
        ("B-2", {}, ["B-2"]),
        ("%", {}, []),
        ("_", {}, []),
        ("", {"bclc": "C"}, ["C-3", "B-2"]),
        ("wang", {"bclc": "C"}, ["C-3"]),
        ("", {"status": "new"}, ["C-3", "B-2", "A-1"]),
        ("", {"status": "decided"}, []),
    ],
)
def test_list_filters(three, text, filters, expected):
    assert [row.mrn for row in three.list_cases(text, **filters)] == expected
    assert three.count_cases(text, **filters) == len(expected)


def test_list_order_limit_offset(three):
    rows = three.list_cases(order_by="name ASC", limit=2, offset=1)
    assert [row.name for row in rows] == ["Wang Fang", "Wang Wei"]


def test_list_refuses_unknown_order(three):
    with pytest.raises(ValueError, match="cannot order"):
        three.list_cases(order_by="name; DROP TABLE cases")


def test_read_only_store_reads_but_refuses_writes(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=USER) as writer:
        writer.new_case(make_case())
    with Store.open(path, user=USER, read_only=True) as reader:
        assert reader.count_cases() == 1
        with pytest.raises(ReadOnly, match="read-only"):
            reader.new_case(make_case(**{"patient.mrn": "X"}))


def test_read_only_open_of_a_missing_file_creates_nothing(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store.open(tmp_path / "missing.sqlite3", read_only=True)
    assert not (tmp_path / "missing.sqlite3").exists()


def test_writes_need_to_know_who_is_working(tmp_path):
    with Store.open(tmp_path / "cases.sqlite3") as store:
        assert store.user is None
        with pytest.raises(StoreError, match="Who is working"):
            store.new_case(make_case())


def test_user_is_kept_in_settings(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=USER) as store:
        store.set_setting("user_name", "Zhao Hong")
        store.set_setting("user_role", "medical oncologist")
    with Store.open(path) as store:
        assert store.user == User("Zhao Hong", "medical oncologist")


@pytest.mark.parametrize(
    ("key", "expected"), [("backup_keep", 10), ("language", "en"), ("stale_days", 30)]
)
def test_settings_have_declared_defaults(store, key, expected):
    assert store.get_setting(key) == expected


def test_settings_round_trip_and_are_audited(store):
    store.set_setting("backup_keep", 3)
    assert store.get_setting("backup_keep") == 3
    assert store.audit_log()[-1]["detail"] == "setting backup_keep changed"


def test_closed_store_says_so(tmp_path):
    store = Store.open(tmp_path / "cases.sqlite3", user=USER)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count_cases()


def test_revisions_cannot_be_changed_by_sql(store):
    stored = store.new_case(make_case())
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        store._conn.execute("UPDATE revisions SET body = '{}' WHERE case_id = ?", [stored.case_id])
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        store._conn.execute("DELETE FROM revisions")


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "cases.sqlite3"
    Store.open(path, user=USER).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('mdt-planner', '9999_future', 'now')"
        )
    conn.close()
    with pytest.raises(StoreError, match="newer MDT Planner"):
        Store.open(path, user=USER)
