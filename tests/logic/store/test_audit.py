"""The audit trail: every write recorded and chained; the database refuses to edit it."""

import hashlib
import json
import logging
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.logic.store.audit import chain_problems, entry_hash
from tests.factories import make_case


def test_every_write_is_an_entry_with_who_what_and_which_revision(store):
    stored = store.new_case(make_case())
    store.save_case(stored.case_id, make_case(ecog=1), expected_revision=1)
    store.agenda.add("2026-12-02", stored.case_id)
    entries = store.audit_log(stored.case_id)
    assert [(e["action"], e["revision"]) for e in entries] == [
        ("create", 1),
        ("save", 2),
        ("agenda", None),
    ]
    assert entries[1]["detail"] == "changed ecog"
    assert {(e["user"], e["role"]) for e in entries} == {("Li Ming", "hepatobiliary surgeon")}


def test_entries_are_chained(store):
    store.new_case(make_case())
    store.set_setting("department", "HPB")
    first, second = store.audit_log()
    assert first["prev_hash"] == ""
    assert second["prev_hash"] == first["hash"]
    assert second["hash"] == entry_hash(second, first["hash"])
    assert chain_problems(store._conn) == []


@pytest.mark.parametrize("statement", ["UPDATE audit SET user = 'x'", "DELETE FROM audit"])
def test_database_refuses_to_change_the_trail(store, statement):
    store.new_case(make_case())
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store._conn.execute(statement)
    assert len(store.audit_log()) == 1


def test_entry_edited_outside_the_app_breaks_the_chain(store):
    store.new_case(make_case())
    store.set_setting("department", "HPB")
    conn = store._conn
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET user = 'Somebody Else' WHERE seq = 1")
    conn.commit()
    problems = chain_problems(conn)
    assert problems == [
        f"audit trail: entry 1 (create, {store.audit_log()[0]['at']}) no longer matches its "
        "hash; it was edited outside the app."
    ]


def test_removed_entry_is_reported(store):
    store.new_case(make_case())
    store.set_setting("department", "HPB")
    store.set_setting("department", "HPB 2")
    conn = store._conn
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("DELETE FROM audit WHERE seq = 2")
    conn.commit()
    problems = chain_problems(conn)
    assert problems[0] == "audit trail: entries 2 to 2 are missing (removed outside the app)."
    assert "does not link" in problems[1]


def test_no_patient_data_in_log_records(store, caplog):
    caplog.set_level(logging.DEBUG)
    name, mrn = "王伟 Wang Wei", "H-987654"
    stored, _ = store.import_case(make_case(**{"patient.name": name, "patient.mrn": mrn}))
    store.save_case(stored.case_id, make_case(**{"patient.name": name, "patient.mrn": mrn,
                                                 "ecog": 1}), expected_revision=1)  # fmt: skip
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert stored.case_id in logged
    assert name not in logged
    assert mrn not in logged


def test_audit_details_name_fields_not_values(store):
    stored = store.new_case(make_case())
    store.save_case(
        stored.case_id, make_case(**{"patient.name": "Secret Name"}), expected_revision=1
    )
    details = " ".join(entry["detail"] for entry in store.audit_log())
    assert "patient.name" in details
    assert "Secret Name" not in details


@given(
    st.fixed_dictionaries(
        {
            "seq": st.integers(min_value=1, max_value=2**53),
            "at": st.text(),
            "user": st.text(),
            "role": st.text(),
            "action": st.text(),
            "case_id": st.none() | st.text(),
            "revision": st.none() | st.integers(min_value=1, max_value=2**31),
            "detail": st.text(),
            "body_hash": st.none() | st.text(),
            "list_hash": st.none() | st.text(),
        }
    ),
    st.text(max_size=80),
)
def test_the_canonical_text_is_sorted_compact_json(entry, previous):
    """Optional fields (body_hash, list_hash) are in the canonical JSON only when set."""
    hashed = {key: value for key, value in entry.items()
              if value is not None or key not in ("body_hash", "list_hash")}  # fmt: skip
    canonical = json.dumps(hashed, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    expected = "sha256:" + hashlib.sha256((previous + canonical).encode("utf-8")).hexdigest()
    assert entry_hash(entry, previous) == expected
