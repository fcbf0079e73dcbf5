"""`Store.check`: SQLite integrity, decision chains and seals, audit chain, in words."""

import json

import pytest

from desktop.logic.model import seal
from desktop.logic.model.decision import Decision, Signature
from desktop.logic.store import check
from desktop.logic.store.database import Store, User
from desktop.logic.store.decisions import record_json
from tests.factories import make_case

USER = User("Li Ming", "hepatobiliary surgeon")
SIGNED = [Signature(name="Li Ming", role="hepatobiliary surgeon", at="2026-11-25T10:12:00")]


@pytest.fixture
def decided(tmp_path):
    with Store.open(tmp_path / "cases.sqlite3", user=USER) as store:
        stored = store.new_case(make_case())
        draft = Decision(meeting_date="2026-11-25", status="draft", recommendation="Resect.")
        store.save_draft_decision(stored.case_id, draft, index=None, expected_revision=1)
        store.finalize_decision(stored.case_id, 0, signed_by=SIGNED, expected_revision=2)
        yield store, stored.case_id


def _edit_final_record_by_sql(conn, case_id, revision=3):
    """What someone with the sqlite3 shell might do: drop the guard, edit the JSON."""
    body = json.loads(
        conn.execute(
            "SELECT body FROM revisions WHERE case_id = ? AND revision = ?", [case_id, revision]
        ).fetchone()[0]
    )
    body["decisions"][0]["recommendation"] = "Do not resect."
    conn.execute("DROP TRIGGER revisions_no_update")
    conn.execute(
        "UPDATE revisions SET body = ? WHERE case_id = ? AND revision = ?",
        [json.dumps(body), case_id, revision],
    )
    conn.commit()


def test_clean_database_has_no_problems(decided):
    store, _ = decided
    assert store.check() == []


def test_final_record_edited_outside_the_app_is_reported(decided):
    store, case_id = decided
    _edit_final_record_by_sql(store._conn, case_id)
    problems = store.check()
    assert any(
        p.startswith(f"case {case_id} revision 3: decisions[0] (meeting 2026-11-25, final): "
                     "record_hash") and "altered after it was sealed" in p
        for p in problems
    )  # fmt: skip
    assert (
        f"case {case_id} revision 3: final decision record 1 differs from the record "
        "sealed in revision 3; it was edited or removed outside the app." in problems
    )
    assert "the protective trigger revisions_no_update is missing" in " ".join(problems)


def test_sealed_copy_edited_outside_the_app_is_reported(decided):
    store, case_id = decided
    conn = store._conn
    conn.execute("DROP TRIGGER sealed_records_no_update")
    conn.execute("UPDATE sealed_records SET body = replace(body, 'Resect.', 'Wait.')")
    conn.commit()
    problems = store.check()
    assert (
        f"case {case_id}: the seal of final decision record 1 does not match its content; "
        "it was edited outside the app." in problems
    )


def test_removed_revision_is_reported(decided):
    store, case_id = decided
    conn = store._conn
    conn.execute("DROP TRIGGER revisions_no_delete")
    conn.execute("DELETE FROM revisions WHERE case_id = ? AND revision = 2", [case_id])
    conn.commit()
    problems = store.check()
    assert f"case {case_id} revision 3: revision 2 is missing." in problems


def test_invalid_stored_case_is_reported(decided):
    store, case_id = decided
    conn = store._conn
    conn.execute("DROP TRIGGER revisions_no_update")
    conn.execute(
        "UPDATE revisions SET body = json_set(body, '$.ecog', 9) WHERE case_id = ? "
        "AND revision = 1",
        [case_id],
    )
    conn.commit()
    assert any(p.startswith(f"case {case_id} revision 1: ecog: 9") for p in store.check())


def test_case_list_out_of_step_is_reported(decided):
    store, case_id = decided
    store._conn.execute("UPDATE cases SET revision = 7")
    store._conn.commit()
    assert (
        f"case {case_id}: the case list says revision 7, the newest stored revision is 3."
        in store.check()
    )


def test_revision_without_audit_entry_is_reported(decided):
    store, case_id = decided
    conn = store._conn
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("DELETE FROM audit WHERE revision = 3")
    conn.commit()
    problems = store.check()
    assert f"case {case_id} revision 3: no audit trail entry records who saved it." in problems


def test_a_valid_edit_outside_the_app_is_reported_by_its_fingerprint(decided):
    store, case_id = decided
    conn = store._conn
    conn.execute("DROP TRIGGER revisions_no_update")
    conn.execute(
        "UPDATE revisions SET body = json_set(body, '$.ecog', 1) WHERE case_id = ? "
        "AND revision = 1",
        [case_id],
    )
    conn.commit()
    assert (
        f"case {case_id} revision 1: the stored case differs from the one saved; it was "
        "changed outside the app." in store.check()
    )


def test_only_revisions_changed_after_saving_are_validated_again(decided, monkeypatch):
    store, case_id = decided
    validated = []
    monkeypatch.setattr(check, "parse_case", lambda data, *args, **options: validated.append(data))
    assert store.check() == []
    assert validated == []
    _edit_final_record_by_sql(store._conn, case_id, revision=2)
    store.check()
    assert [data["decisions"][0]["status"] for data in validated] == ["draft"]


def test_a_resealed_copy_is_compared_with_every_later_revision(decided):
    store, case_id = decided
    store.save_case(case_id, store.get_case(case_id).case, expected_revision=3)
    conn = store._conn
    record = json.loads(conn.execute("SELECT body FROM sealed_records").fetchone()[0])
    record["recommendation"] = "Wait."
    resealed = seal(record, "")  # the chain recomputed: the seal itself verifies
    conn.execute("DROP TRIGGER sealed_records_no_update")
    conn.execute(
        "UPDATE sealed_records SET body = ?, record_hash = ?",
        [record_json(resealed), resealed["record_hash"]],
    )
    conn.commit()
    problems = [p for p in store.check() if "differs from the record sealed" in p]
    assert [p.split(":")[0] for p in problems] == [
        f"case {case_id} revision 3",
        f"case {case_id} revision 4",
    ]


def test_a_search_index_out_of_step_is_reported(decided):
    store, case_id = decided
    conn = store._conn
    conn.execute(
        "INSERT INTO cases_search(cases_search, rowid, name, mrn) SELECT 'delete', rowid, name, "
        "mrn FROM cases"
    )
    conn.execute("DROP TRIGGER cases_search_update")
    conn.commit()
    problems = store.check()
    assert "the protective trigger cases_search_update is missing" in " ".join(problems)
    assert any(p.startswith("the search index is out of step") for p in problems)
