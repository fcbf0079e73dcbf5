"""Schema migrations: every frozen released schema migrates with nothing lost; a kill mid-way
leaves the old or the new schema, never a mix."""

import os
import signal
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop.logic.store import schema as store_schema
from desktop.logic.store.database import Store, User

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"
FROZEN = sorted(FIXTURES.glob("store-v*.sql"))
USER = User("Li Ming", "hepatobiliary surgeon")
ALL_STEPS = [name for name, _step in store_schema.MIGRATION_STEPS]


def _load(sql_file: Path, path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(sql_file.read_text(encoding="utf-8"))
    conn.close()
    return path


def _rows(path: Path, columns: dict[str, list[str]] | None = None) -> dict[str, set[tuple]]:
    """Every table's rows; with `columns`, only those columns of each table (a later schema
    may add columns to a table, whose old columns must keep their values)."""
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    rows = {}
    for table in [t for t in tables if columns is None or t in columns]:
        wanted = ", ".join(f'"{c}"' for c in columns[table]) if columns else "*"
        rows[table] = set(conn.execute(f'SELECT {wanted} FROM "{table}"').fetchall())
    conn.close()
    return rows


def _columns(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    found = {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    conn.close()
    return found


def _schema(path: Path) -> set[tuple]:
    conn = sqlite3.connect(path)
    found = set(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
    conn.close()
    return found


def test_there_is_a_frozen_copy_of_the_first_schema():
    assert FROZEN[0].name == "store-v1.sql"


@pytest.mark.parametrize("frozen", FROZEN, ids=lambda p: p.stem)
def test_each_released_schema_migrates_with_nothing_lost(frozen, tmp_path):
    path = _load(frozen, tmp_path / "old.sqlite3")
    before, columns = _rows(path), _columns(path)
    with Store.open(path, user=USER) as store:
        assert store.check() == []
        rows = store.list_cases(order_by="mrn")
        assert [row.mrn for row in rows] == ["H-000123", "H-000457"]
        for row in rows:
            assert store.get_case(row.case_id).revision == row.revision
            assert len(store.history(row.case_id)) == row.revision
        assert [item.discussed for item in store.agenda.items("2026-12-02")] == [True, False]
        assert store.get_setting("department") == "Hepatobiliary Surgery"
    after = _rows(path, columns)
    for table, old_rows in before.items():
        if table.startswith(store_schema.SEARCH_TABLE):
            continue  # the search index is derived from cases and rebuilt when it gains a column
        assert old_rows <= after[table], f"rows of {table} were lost or changed"


def test_newest_frozen_schema_is_the_current_one(tmp_path):
    """A schema change needs a new migration and a new frozen copy in tests/fixtures/."""
    fresh = tmp_path / "fresh.sqlite3"
    Store.open(fresh, user=USER).close()
    frozen = _load(FROZEN[-1], tmp_path / "frozen.sqlite3")
    assert _schema(fresh) == _schema(frozen)


def test_migrations_are_recorded(tmp_path):
    with Store.open(tmp_path / "cases.sqlite3", user=USER) as store:
        assert store_schema.schema_version(store._db) == ALL_STEPS


def _migrate_and_die_at(path: Path, statement: int) -> int:
    """Fork a process that migrates `path` and SIGKILLs itself at its n-th SQL statement."""
    pid = os.fork()
    if pid == 0:  # child: never returns to pytest
        calls = 0
        original = Database.execute

        def execute(self, sql, parameters=None):
            nonlocal calls
            calls += 1
            if calls == statement:
                os.kill(os.getpid(), signal.SIGKILL)
            return original(self, sql, parameters)

        Database.execute = execute
        try:
            db = store_schema.connect(path, read_only=False)
            store_schema.ensure_schema(db, path, read_only=False)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return status


OUR_TABLES = {"settings", "cases", "revisions", "sealed_records", "audit", "agenda"}


KILL_POINTS = range(1, 96)


def test_kill_points_cover_every_statement_of_a_migration(tmp_path, monkeypatch):
    calls = []
    original = Database.execute
    monkeypatch.setattr(Database, "execute", lambda self, *a: calls.append(a) or original(self, *a))
    path = tmp_path / "cases.sqlite3"
    store_schema.ensure_schema(store_schema.connect(path, read_only=False), path, read_only=False)
    statements = sum(
        len(part)
        for part in (
            store_schema.SCHEMA_V1,
            store_schema.SCHEMA_V2,
            store_schema.SCHEMA_V3,
            store_schema.SCHEMA_V4,
            store_schema.SCHEMA_V5,
            store_schema.SCHEMA_V6,
        )
    )
    assert statements < len(calls) < KILL_POINTS[-1]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize("statement", KILL_POINTS)
def test_a_migration_killed_midway_leaves_old_or_new(tmp_path, statement):
    path = tmp_path / "cases.sqlite3"
    status = _migrate_and_die_at(path, statement)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    migrated = (
        "_sqlite_migrations" in tables
        and conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    )
    conn.close()
    if migrated:
        assert tables >= OUR_TABLES
    else:
        assert not tables & OUR_TABLES, f"a half-applied migration: {sorted(tables)}"
    killed = os.WIFSIGNALED(status)
    assert killed or migrated
    with Store.open(path, user=USER) as store:
        assert store.check() == []
        assert store_schema.schema_version(store._db) == ALL_STEPS
