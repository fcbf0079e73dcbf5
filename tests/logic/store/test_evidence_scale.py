"""Findings 1 and 2 without evaluating every case (trust.md, issue 10's speed goal): a revision
is hashed as stored, a case-list row compared with the list_hash its save recorded; anything
else (saved before schema v5, or changed) is recomputed, so nothing is missed."""

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.logic.store import evidence
from desktop.logic.store.audit import text_hash
from desktop.logic.store.cases import LISTED, list_hash
from desktop.logic.store.database import Store, User
from tests.factories import make_case
from tests.logic.store.test_evidence import tamper

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
USER = User("Li Ming", "hepatobiliary surgeon")
NULLABLE = ("bclc", "cnlc", "child_pugh")  # the case list's stages; the rest is NOT NULL


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=USER) as store:
        stored = store.new_case(make_case(**{"patient.mrn": "H-1"}))
        store.save_case(stored.case_id, make_case(**{"patient.mrn": "H-1", "ecog": 1}),
                        expected_revision=1)  # fmt: skip
        store.new_case(make_case(**{"patient.mrn": "H-2"}))
    return path


def _rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_saved_revision_is_stored_in_the_canonical_form_its_body_hash_is_taken_over(db):
    rows = _rows(db, "SELECT r.body, a.body_hash FROM revisions r JOIN audit a ON "
                     "a.case_id = r.case_id AND a.revision = r.revision")  # fmt: skip
    assert len(rows) == 3
    assert all(text_hash(body) == recorded for body, recorded in rows)


def test_each_save_records_the_hash_of_the_case_list_values_saved_with_it(db):
    rows = _rows(db, f"SELECT c.case_id, c.revision, {', '.join(f'c.{k}' for k in LISTED)}, "
                     "a.list_hash FROM cases c JOIN audit a ON a.case_id = c.case_id "
                     "AND a.revision = c.revision")  # fmt: skip
    assert len(rows) == 2
    for case_id, revision, *listed, recorded in rows:
        assert recorded == list_hash(case_id, revision, dict(zip(LISTED, listed, strict=True)))


def test_a_clean_database_is_checked_without_evaluating_any_case(db, monkeypatch):
    def evaluated(case):
        raise AssertionError("a case was evaluated again")

    monkeypatch.setattr(evidence, "list_columns", evaluated)
    with Store.open(db, read_only=True) as store:
        assert store.check() == []


def test_a_row_edited_to_what_no_save_recorded_is_found_even_when_stages_agree(db, monkeypatch):
    """An edit that the latest revision would also give (here: the code that computes stages
    changed since) still differs from the values its save recorded."""
    first = _rows(db, "SELECT case_id FROM cases WHERE mrn = 'H-1'")[0][0]
    tamper(db, "UPDATE cases SET bclc = 'B' WHERE case_id = ?", params=[(first,)])
    real = evidence.list_columns
    monkeypatch.setattr(evidence, "list_columns", lambda case: {**real(case), "bclc": "B"})
    with Store.open(db, read_only=True) as store:
        [found] = store.check()
    assert found == (
        f"case {first}: the case list's row differs from the values audit entry 2 recorded "
        "when revision 2 was saved; it was edited outside the app."
    )


def test_a_database_saved_before_schema_v5_is_still_checked_row_by_row(tmp_path):
    path = tmp_path / "v4.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "store-v4.sql").read_text(encoding="utf-8"))
    conn.close()
    with Store.open(path, user=USER) as store:
        assert store.check() == []
    [(case_id,)] = _rows(path, "SELECT case_id FROM cases WHERE mrn = 'H-000123'")
    tamper(path, "UPDATE cases SET child_pugh = 'C12' WHERE case_id = ?", params=[(case_id,)])
    with Store.open(path, read_only=True) as store:
        assert store.check() == [
            f"case {case_id}: the case list's child_pugh differ from what revision 2 (the "
            "latest) gives; the list was edited outside the app."
        ]


@given(
    st.text(), st.integers(min_value=1, max_value=2**31),
    st.fixed_dictionaries({key: (st.none() | st.text()) if key in NULLABLE else st.text()
                           for key in LISTED}),
)  # fmt: skip
def test_the_list_hash_is_over_sorted_compact_json(case_id, revision, listed):
    values = {"case_id": case_id, "revision": revision, **listed}
    text = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    expected = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert list_hash(case_id, revision, listed) == expected
