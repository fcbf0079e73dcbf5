"""Store refusals read in the user's language: each carries a Message; str(exc) stays English."""

import errno
import re
import sqlite3
from pathlib import Path

import pytest

from desktop.logic.model.decision import Decision, Signature
from desktop.logic.model.messages import msg, text_table
from desktop.logic.store import schema as store_schema
from desktop.logic.store.database import (
    CaseNotFound,
    DatabaseBusy,
    DatabaseDamaged,
    DiskFull,
    ReadOnly,
    RecordSealed,
    StaleRevision,
    Store,
    StoreError,
    User,
    restore_database,
)
from desktop.logic.store.errors import DatabaseRefused, error_text, os_refusal, translate
from desktop.logic.store.lock import _busy_message
from tests.factories import make_case

USER = User("Li Ming", "hepatobiliary surgeon")
SIGNED = [Signature(name="Li Ming", role="hepatobiliary surgeon", at="2026-11-25T10:12:00")]
STORE = Path(__file__).resolve().parents[3] / "desktop" / "logic" / "store"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _raised(action) -> StoreError:
    with pytest.raises(StoreError) as caught:
        action()
    return caught.value


def _draft(text: str = "Continue two cycles, restage, then resect.") -> Decision:
    return Decision(meeting_date="2026-11-25", status="draft", recommendation=text)


def _open_store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "cases.sqlite3", user=USER)


def _with_final(store: Store) -> tuple[str, int]:
    stored = store.new_case(make_case())
    stored = store.save_draft_decision(stored.case_id, _draft(), index=None, expected_revision=1)
    stored = store.finalize_decision(stored.case_id, 0, signed_by=SIGNED, expected_revision=2)
    return stored.case_id, stored.revision


def damaged_with_backup(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=USER) as store:
        store.rotate_backup()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(b"this is not a database " * 10)
    return _raised(lambda: Store.open(path, user=USER))


def damaged_without_backup(tmp_path):
    path = tmp_path / "cases.sqlite3"
    path.write_bytes(b"junk" * 10)
    return _raised(lambda: Store.open(path, user=USER))


def foreign_database(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (x)")
    conn.close()
    return _raised(lambda: Store.open(path, user=USER))


def busy_restore(tmp_path):
    with _open_store(tmp_path) as store:
        backup = store.rotate_backup()
        return _raised(lambda: restore_database(backup, store.path))


def busy_other_program(tmp_path, monkeypatch):
    monkeypatch.setattr(store_schema, "BUSY_TIMEOUT_S", 0.2)
    with _open_store(tmp_path) as store:
        other = sqlite3.connect(store.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            return _raised(lambda: store.new_case(make_case()))
        finally:
            other.execute("ROLLBACK")
            other.close()


def busy_other_instance(tmp_path):
    holder = ["4242", "ward-pc", "2026-11-25T08:00:00"]
    return DatabaseBusy(_busy_message(tmp_path / "cases.sqlite3", holder))


def stale_revision(tmp_path):
    with _open_store(tmp_path) as store:
        stored = store.new_case(make_case())
        store.save_case(stored.case_id, make_case(ecog=1), expected_revision=1)
        return _raised(lambda: store.save_case(stored.case_id, make_case(), expected_revision=1))


def sealed_edited_as_draft(tmp_path):
    with _open_store(tmp_path) as store:
        case_id, revision = _with_final(store)
        return _raised(
            lambda: store.save_draft_decision(
                case_id, _draft(), index=0, expected_revision=revision
            )
        )


def sealed_finalized_again(tmp_path):
    with _open_store(tmp_path) as store:
        case_id, revision = _with_final(store)
        return _raised(
            lambda: store.finalize_decision(
                case_id, 0, signed_by=SIGNED, expected_revision=revision
            )
        )


def sealed_record_dropped(tmp_path):
    with _open_store(tmp_path) as store:
        case_id, revision = _with_final(store)
        return _raised(lambda: store.save_case(case_id, make_case(), expected_revision=revision))


def unknown_case(tmp_path):
    with _open_store(tmp_path) as store:
        return _raised(lambda: store.get_case("nobody"))


def unknown_revision(tmp_path):
    with _open_store(tmp_path) as store:
        stored = store.new_case(make_case())
        return _raised(lambda: store.get_revision(stored.case_id, 9))


def unknown_case_on_save(tmp_path):
    with _open_store(tmp_path) as store:
        return _raised(lambda: store.save_case("nobody", make_case(), expected_revision=1))


def read_only(tmp_path):
    _open_store(tmp_path).close()
    with Store.open(tmp_path / "cases.sqlite3", read_only=True) as store:
        return _raised(lambda: store.new_case(make_case()))


def no_database_to_read(tmp_path):
    return _raised(lambda: Store.open(tmp_path / "missing.sqlite3", read_only=True))


def closed_store(tmp_path):
    store = _open_store(tmp_path)
    store.close()
    return _raised(store.count_cases)


def bad_meeting_date(tmp_path):
    with _open_store(tmp_path) as store:
        stored = store.new_case(make_case())
        return _raised(lambda: store.agenda.add("25/11/2026", stored.case_id))


def mrn_of_another_case(tmp_path):
    with _open_store(tmp_path) as store:
        store.new_case(make_case())
        other = store.new_case(make_case(**{"patient.mrn": "T-0002"}))
        return _raised(
            lambda: store.save_case(other.case_id, make_case(), expected_revision=other.revision)
        )


def no_signature(tmp_path):
    with _open_store(tmp_path) as store:
        stored = store.new_case(make_case())
        stored = store.save_draft_decision(
            stored.case_id, _draft(), index=None, expected_revision=1
        )
        return _raised(
            lambda: store.finalize_decision(stored.case_id, 0, signed_by=[], expected_revision=2)
        )


def amend_a_draft(tmp_path):
    with _open_store(tmp_path) as store:
        stored = store.new_case(make_case())
        stored = store.save_draft_decision(
            stored.case_id, _draft(), index=None, expected_revision=1
        )
        return _raised(lambda: store.amend_decision(stored.case_id, 0, expected_revision=2))


def no_such_record(tmp_path):
    with _open_store(tmp_path) as store:
        stored = store.new_case(make_case())
        return _raised(
            lambda: store.finalize_decision(
                stored.case_id, 3, signed_by=SIGNED, expected_revision=1
            )
        )


def newer_schema(tmp_path):
    path = tmp_path / "cases.sqlite3"
    Store.open(path, user=USER).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('mdt-planner', '9999_future', 'now')"
        )
    conn.close()
    return _raised(lambda: Store.open(path, user=USER))


def missing_folder(tmp_path):
    return _raised(lambda: Store.open(tmp_path / "no" / "cases.sqlite3", user=USER))


def database_is_a_folder(tmp_path):
    return _raised(lambda: Store.open(tmp_path, user=USER))


def file_in_the_path(tmp_path):
    (tmp_path / "a-file").write_text("x")
    return _raised(lambda: Store.open(tmp_path / "a-file" / "cases.sqlite3", user=USER))


def lock_is_a_folder(tmp_path):
    (tmp_path / "cases.sqlite3.lock").mkdir()
    return _raised(lambda: _open_store(tmp_path))


def damaged_pages(tmp_path):
    path = tmp_path / "cases.sqlite3"
    _open_store(tmp_path).close()
    with sqlite3.connect(path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'agenda'").fetchone()
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root[0] - 1) * 4096)
        handle.write(b"\x0d\x00\x00\x00\x09\x0f\xf0\x00")  # a leaf claiming 9 cells
    with Store.open(path, user=USER) as store:
        return _raised(lambda: store.new_case(make_case()))


def restore_itself(tmp_path):
    _open_store(tmp_path).close()
    path = tmp_path / "cases.sqlite3"
    return _raised(lambda: restore_database(path, path))


def cannot_open(tmp_path):
    return translate(_sqlite_error(14), tmp_path / "cases.sqlite3")


def sqlite_refused(tmp_path):
    return translate(_sqlite_error(1), tmp_path / "cases.sqlite3")


def permission_denied(tmp_path):
    return os_refusal(PermissionError(errno.EACCES, "Permission denied"), tmp_path / "c.sqlite3")


def other_os_error(tmp_path):
    return os_refusal(OSError(errno.EIO, "Input/output error"), tmp_path / "c.sqlite3")


def _sqlite_error(code: int) -> sqlite3.Error:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = code
    return error


def disk_full(tmp_path):
    return translate(_sqlite_error(13), tmp_path / "cases.sqlite3")


def sqlite_read_only(tmp_path):
    return translate(_sqlite_error(8), tmp_path / "cases.sqlite3")


SCENARIOS = {
    "damaged, with backup": (damaged_with_backup, DatabaseDamaged),
    "damaged, no backup": (damaged_without_backup, DatabaseDamaged),
    "foreign database": (foreign_database, DatabaseDamaged),
    "busy: open in this app": (busy_restore, DatabaseBusy),
    "busy: another program": (busy_other_program, DatabaseBusy),
    "busy: another instance": (busy_other_instance, DatabaseBusy),
    "stale revision": (stale_revision, StaleRevision),
    "sealed: edited as draft": (sealed_edited_as_draft, RecordSealed),
    "sealed: finalized again": (sealed_finalized_again, RecordSealed),
    "sealed: record dropped": (sealed_record_dropped, RecordSealed),
    "unknown case": (unknown_case, CaseNotFound),
    "unknown revision": (unknown_revision, CaseNotFound),
    "unknown case on save": (unknown_case_on_save, CaseNotFound),
    "read-only": (read_only, ReadOnly),
    "no database to read": (no_database_to_read, DatabaseRefused),
    "closed store": (closed_store, StoreError),
    "bad meeting date": (bad_meeting_date, StoreError),
    "MRN of another case": (mrn_of_another_case, StoreError),
    "no signature": (no_signature, StoreError),
    "amend a draft": (amend_a_draft, StoreError),
    "no such record": (no_such_record, StoreError),
    "newer schema": (newer_schema, DatabaseRefused),
    "missing folder": (missing_folder, DatabaseRefused),
    "database is a folder": (database_is_a_folder, DatabaseRefused),
    "a file in the database's path": (file_in_the_path, DatabaseRefused),
    "lock file is a folder": (lock_is_a_folder, DatabaseRefused),
    "damaged pages before a write": (damaged_pages, DatabaseDamaged),
    "restore of the database itself": (restore_itself, StoreError),
    "cannot open": (cannot_open, DatabaseRefused),
    "refused for another reason": (sqlite_refused, DatabaseRefused),
    "permission denied": (permission_denied, DatabaseRefused),
    "other system error": (other_os_error, DatabaseRefused),
    "disk full": (disk_full, DiskFull),
    "sqlite read-only": (sqlite_read_only, ReadOnly),
}


@pytest.fixture(params=sorted(SCENARIOS), name="refusal")
def refusal_fixture(request, tmp_path, monkeypatch):
    make, kind = SCENARIOS[request.param]
    arguments = (tmp_path, monkeypatch) if make is busy_other_program else (tmp_path,)
    error = make(*arguments)
    assert type(error) is kind
    return error


def test_refusal_carries_a_message(refusal):
    assert refusal.message is not None
    assert refusal.message.key.startswith("store.error.")


def test_refusal_in_english_is_the_plain_sentence(refusal):
    assert refusal.render("en") == str(refusal)
    assert error_text(refusal, "en") == str(refusal)


def test_refusal_in_chinese_reads_in_chinese(refusal):
    chinese = refusal.render("zh_CN")
    assert CHINESE.search(chinese), chinese
    assert chinese != str(refusal)
    assert error_text(refusal, "zh_CN") == chinese


def test_damaged_detail_names_the_header_problem_and_backup_in_chinese(tmp_path):
    error = damaged_with_backup(tmp_path)
    chinese = error.render("zh_CN")
    assert "不是 SQLite 数据库" in chinese
    assert str(error.newest_backup) in chinese
    assert "it is not an SQLite database" in str(error)


def test_stale_revision_names_who_and_revisions_in_chinese(tmp_path):
    error = stale_revision(tmp_path)
    chinese = error.render("zh_CN")
    assert "Li Ming" in chinese
    assert "第 1 版" in chinese
    assert "第 2 版" in chinese


def test_error_without_message_renders_its_english_text():
    error = StoreError("Something plain.")
    assert error.message is None
    assert error.render("zh_CN") == "Something plain."


def test_error_text_of_other_exceptions_is_their_text():
    assert error_text(ValueError("bad value"), "zh_CN") == "bad value"


def test_message_given_beside_a_text_is_kept():
    error = StoreError("English as given.", msg("store.error.closed"))
    assert str(error) == "English as given."
    assert error.render("zh_CN") == "病例库已关闭。"


def _used_keys() -> set[str]:
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(STORE.glob("*.py")))
    return set(re.findall(r"""msg\(\s*["'](store\.[a-z_.]+)["']""", source))


def test_the_store_source_uses_message_keys():
    assert len(_used_keys()) >= 40


@pytest.mark.parametrize("key", sorted(_used_keys()))
def test_every_key_used_by_the_store_has_both_languages(key):
    entry = text_table().get(key)
    assert entry is not None, key
    assert entry["en"]
    assert CHINESE.search(entry["zh_CN"])
    placeholders = set(re.findall(r"{(\w+)}", entry["en"]))
    assert set(re.findall(r"{(\w+)}", entry["zh_CN"])) == placeholders


def test_every_store_text_is_used():
    defined = {key for key in text_table() if key.startswith("store.")}
    assert defined == _used_keys()


def test_no_store_raise_is_left_without_a_message():
    kinds = "StoreError|CaseNotFound|DatabaseDamaged|DatabaseBusy|StaleRevision|DiskFull|"
    plain = re.compile(rf"""raise ({kinds}RecordSealed|ReadOnly)\(\s*f?["']""")
    for path in sorted(STORE.glob("*.py")):
        assert not plain.search(path.read_text(encoding="utf-8")), path.name
