"""Every fault a command meets ends in one sentence on stderr and the exit code README.md
documents (0 done; 1 `check`/`verify` found problems; 2 a bad input file or an unknown case;
3 the database or the file system refused), never a traceback or a partial file.

Each case runs through desktop.cli.main in-process (an uncaught exception fails the test as a
traceback would) and checks the code and that stderr holds no "Traceback". Root ignores
permission bits, so faults are real where they can be (a folder where a file is expected, a
file where a folder is expected, damaged pages) and simulated otherwise: a read-only folder by
os.open raising EACCES, a read-only database by SQLite opening it with mode=ro (the same
SQLITE_READONLY a write-protected file gives), a full disk by a file-size limit (RLIMIT_FSIZE,
which binds root too) in a subprocess with a timeout.
"""

import errno
import json
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.logic.model.case import Case
from desktop.logic.store import schema as store_schema
from desktop.logic.store.database import Store, User
from tests.factories import case_data
from tests.logic.store.test_refusals import damage_pages

REPO = Path(__file__).resolve().parents[2]
USER = User("Li Ming", "hepatobiliary surgeon")
README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def db(db, pvtt_case_data):
    with Store.open(db, user=USER) as store:
        store.new_case(Case.model_validate({**pvtt_case_data, "case_id": "a"}))
    return db


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "in" / "new.json"
    path.parent.mkdir()
    path.write_text(json.dumps(case_data(**{"patient.mrn": "NEW-1"})), encoding="utf-8")
    return path


def _a_file(tmp_path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("a file where a folder is expected")
    return path


CASES = {}


def case(name):
    def register(function):
        CASES[name] = function
        return function

    return register


@case("lock path is a folder: import")
def _lock_folder(tmp_path, db, case_file, monkeypatch):
    (tmp_path / "elsewhere" / "cases.sqlite3.lock").mkdir(parents=True)
    return 3, "lock file", ["--db", tmp_path / "elsewhere" / "cases.sqlite3", "import", case_file]


@case("read-only data folder: import into a new database")
def _read_only_folder(tmp_path, db, case_file, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    real_open = os.open

    def guarded(path, flags, *args, **kwargs):
        if Path(path).parent == folder and flags & os.O_CREAT and not os.path.exists(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    return 3, "permission denied", ["--db", folder / "cases.sqlite3", "import", case_file]


@case("read-only database file: import")
def _read_only_database(tmp_path, db, case_file, monkeypatch):
    real_connect = sqlite3.connect

    def read_only(target, *args, **kwargs):
        if Path(target) == db:
            return real_connect(f"{db.as_uri()}?mode=ro", *args, uri=True, **kwargs)
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(store_schema.sqlite3, "connect", read_only)
    return 3, "can only be read", ["--db", db, "import", case_file]


@case("database path through a file: import")
def _through_file_import(tmp_path, db, case_file, monkeypatch):
    return (
        3,
        "is a file, not a folder",
        ["--db", _a_file(tmp_path) / "c.sqlite3", "import", case_file],
    )


@case("database path through a file: list")
def _through_file_list(tmp_path, db, case_file, monkeypatch):
    return 3, "is a file, not a folder", ["--db", _a_file(tmp_path) / "c.sqlite3", "list"]


@case("database path through a file: export")
def _through_file_export(tmp_path, db, case_file, monkeypatch):
    db_path = _a_file(tmp_path) / "c.sqlite3"
    return 3, "is a file, not a folder", ["--db", db_path, "export", "a", "--json", "-"]


@case("--db is a folder: import")
def _db_folder_import(tmp_path, db, case_file, monkeypatch):
    return 3, "is a folder, not a database file", ["--db", tmp_path, "import", case_file]


@case("--db is a folder: list")
def _db_folder_list(tmp_path, db, case_file, monkeypatch):
    return 3, "is a folder, not a database file", ["--db", tmp_path, "list"]


@case("--db is a folder: check")
def _db_folder_check(tmp_path, db, case_file, monkeypatch):
    return 3, "is a folder, not a database file", ["--db", tmp_path, "check"]


@case("--db is a folder: pack")
def _db_folder_pack(tmp_path, db, case_file, monkeypatch):
    return 3, "is a folder", ["--db", tmp_path, "pack", "a", "--pdf", tmp_path / "p.pdf"]


@case("damaged pages: import")
def _damaged_import(tmp_path, db, case_file, monkeypatch):
    damage_pages(db)
    return 3, "is damaged", ["--db", db, "import", case_file]


@case("damaged pages: backup")
def _damaged_backup(tmp_path, db, case_file, monkeypatch):
    damage_pages(db)
    return 3, "is damaged", ["--db", db, "backup", tmp_path / "copy.sqlite3"]


@case("unknown case: pack")
def _unknown_pack(tmp_path, db, case_file, monkeypatch):
    return 2, "no case zzz", ["--db", db, "pack", "a", "zzz", "--pdf", tmp_path / "p.pdf"]


@case("export --json into a path through a file")
def _json_through_file(tmp_path, db, case_file, monkeypatch):
    out = _a_file(tmp_path) / "a.json"
    return 3, "is a file, not a folder", ["--db", db, "export", "a", "--json", out]


@case("export --json onto a folder")
def _json_onto_folder(tmp_path, db, case_file, monkeypatch):
    return (
        3,
        "is a folder; give the name of a file",
        ["--db", db, "export", "a", "--json", tmp_path],
    )


@case("export --pdf into a path through a file")
def _pdf_through_file(tmp_path, db, case_file, monkeypatch):
    out = _a_file(tmp_path) / "a.pdf"
    return 3, "is a file, not a folder", ["--db", db, "export", "a", "--pdf", out]


@case("export --pdf onto a folder")
def _pdf_onto_folder(tmp_path, db, case_file, monkeypatch):
    return 3, "is a folder; give", ["--db", db, "export", "a", "--pdf", tmp_path]


@case("export --archive onto a file")
def _archive_onto_file(tmp_path, db, case_file, monkeypatch):
    out = _a_file(tmp_path)
    return 3, "not a folder", ["--db", db, "export", "a", "--archive", out]


@case("export --archive into a folder holding files")
def _archive_into_full_folder(tmp_path, db, case_file, monkeypatch):
    return 3, "already holds files", ["--db", db, "export", "a", "--archive", tmp_path]


@case("pack --pdf into a path through a file")
def _pack_through_file(tmp_path, db, case_file, monkeypatch):
    out = _a_file(tmp_path) / "p.pdf"
    return 3, "is a file, not a folder", ["--db", db, "pack", "a", "--pdf", out]


@case("backup into a path through a file")
def _backup_through_file(tmp_path, db, case_file, monkeypatch):
    out = _a_file(tmp_path) / "copy.sqlite3"
    return 3, "is a file, not a folder", ["--db", db, "backup", out]


@case("export --json onto the database itself")
def _json_onto_database(tmp_path, db, case_file, monkeypatch):
    return 3, "would destroy saved cases", ["--db", db, "export", "a", "--json", db]


@case("export --pdf onto a link to the database")
def _pdf_onto_database_link(tmp_path, db, case_file, monkeypatch):
    link = tmp_path / "link.pdf"
    link.symlink_to(db)
    return 3, "would destroy saved cases", ["--db", db, "export", "a", "--pdf", link]


@case("backup onto the database's write-ahead log")
def _backup_onto_wal(tmp_path, db, case_file, monkeypatch):
    wal = db.with_name(db.name + "-wal")
    return 3, "would destroy saved cases", ["--db", db, "backup", wal]


@case("pack onto the database's lock file")
def _pack_onto_lock(tmp_path, db, case_file, monkeypatch):
    lock = db.with_name(db.name + ".lock")
    return 3, "would destroy saved cases", ["--db", db, "pack", "a", "--pdf", lock]


@case("restore of the database itself")
def _restore_itself(tmp_path, db, case_file, monkeypatch):
    return 2, "itself", ["--db", db, "restore", db]


@case("restore of a folder")
def _restore_folder(tmp_path, db, case_file, monkeypatch):
    return 2, "not a file", ["--db", db, "restore", tmp_path]


@case("default data folder cannot be created: list")
def _no_data_folder(tmp_path, db, case_file, monkeypatch):
    import platformdirs

    home = _a_file(tmp_path)
    monkeypatch.setattr(platformdirs, "user_data_path", lambda *a, **k: home / a[0])
    return 3, "cannot be created", ["list"]


@case("verify a bundle whose manifest is not text")
def _verify_binary_manifest(tmp_path, db, case_file, monkeypatch):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "SHA256SUMS").write_bytes(b"\xff\xfe\x00 not text")
    return 1, "", ["verify", bundle]


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_fault_gives_words_and_the_documented_code(
    name, tmp_path, db, case_file, monkeypatch, capsys
):
    code, words, argv = CASES[name](tmp_path, db, case_file, monkeypatch)
    before = db.read_bytes()
    assert main([str(a) for a in argv]) == code
    monkeypatch.undo()
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert words in (captured.err if code != 1 else captured.out)
    if code != 1:
        assert captured.err.startswith("error: ")
    assert db.read_bytes() == before  # a refusal writes nothing into the database
    with Store.open(db, read_only=True) as store:
        assert store.count_cases() == 1
    assert [p for p in tmp_path.rglob("*") if p.name.endswith(".part")] == []
