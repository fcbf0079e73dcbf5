"""Decision records in the store: drafts edited, finals sealed and chained, amendments."""

import json
import sqlite3

import pytest

from desktop.logic.model.case import Case
from desktop.logic.model.decision import Decision, Signature
from desktop.logic.model.records import chain_problems, record_hash
from desktop.logic.store.database import RecordSealed, StaleRevision, StoreError
from tests.factories import make_case

SIGNED = [Signature(name="Li Ming", role="hepatobiliary surgeon", at="2026-11-25T10:12:00")]


def draft(recommendation="Continue two cycles, restage, then resect."):
    return Decision(meeting_date="2026-11-25", status="draft", recommendation=recommendation)


@pytest.fixture
def decided(store):
    """A case with one final record (index 0); returns (store, case_id, revision)."""
    stored = store.new_case(make_case())
    stored = store.save_draft_decision(stored.case_id, draft(), index=None, expected_revision=1)
    stored = store.finalize_decision(stored.case_id, 0, signed_by=SIGNED, expected_revision=2)
    return store, stored.case_id, stored.revision


def test_draft_is_appended_then_edited(store):
    stored = store.new_case(make_case())
    stored = store.save_draft_decision(stored.case_id, draft(), index=None, expected_revision=1)
    stored = store.save_draft_decision(
        stored.case_id, draft("Resect now."), index=0, expected_revision=2
    )
    [record] = stored.case.decisions
    assert (record.status, record.recommendation) == ("draft", "Resect now.")
    assert store.list_cases()[0].status == "draft decision"


def test_finalize_seals_with_the_chained_hash(decided):
    store, case_id, revision = decided
    record = store.get_case(case_id).case.decisions[0]
    assert record.status == "final"
    assert record.signed_by == SIGNED
    data = record.model_dump(mode="json", exclude_unset=True)
    assert record.record_hash == record_hash(data, "")
    assert revision == 3


def test_finalize_takes_a_backup(decided):
    store, _, _ = decided
    assert len(store.backups()) == 1
    assert store.last_backup_error is None


def test_second_final_record_chains_to_the_first(decided):
    store, case_id, revision = decided
    first_hash = store.get_case(case_id).case.decisions[0].record_hash
    stored = store.save_draft_decision(case_id, draft(), index=None, expected_revision=revision)
    stored = store.finalize_decision(case_id, 1, signed_by=SIGNED, expected_revision=revision + 1)
    records = [d.model_dump(mode="json", exclude_unset=True) for d in stored.case.decisions]
    assert records[1]["record_hash"] == record_hash(records[1], first_hash)
    assert chain_problems(records) == []


def test_a_final_record_cannot_be_edited_as_a_draft(decided):
    store, case_id, revision = decided
    with pytest.raises(RecordSealed, match="final and sealed"):
        store.save_draft_decision(case_id, draft("changed"), index=0, expected_revision=revision)
    assert len(store.history(case_id)) == revision


def test_a_final_record_cannot_be_finalized_again(decided):
    store, case_id, revision = decided
    with pytest.raises(RecordSealed, match="already final"):
        store.finalize_decision(case_id, 0, signed_by=SIGNED, expected_revision=revision)


def test_saving_a_case_that_changes_a_final_record_is_refused(decided):
    store, case_id, revision = decided
    case = store.get_case(case_id).case
    data = case.to_json_dict()
    data["decisions"][0]["recommendation"] = "Something else"
    data["decisions"][0]["record_hash"] = record_hash(data["decisions"][0], "")  # re-sealed
    edited = type(case).model_validate(data)
    with pytest.raises(RecordSealed, match="final decision record 1 would be changed"):
        store.save_case(case_id, edited, expected_revision=revision)


def test_saving_a_case_that_drops_a_final_record_is_refused(decided):
    store, case_id, revision = decided
    with pytest.raises(RecordSealed, match="would be removed"):
        store.save_case(case_id, make_case(), expected_revision=revision)


def test_restoring_a_revision_before_the_seal_is_refused(decided):
    store, case_id, revision = decided
    with pytest.raises(RecordSealed):
        store.restore_revision(case_id, 1, expected_revision=revision)


def test_amendment_names_the_record_it_amends(decided):
    store, case_id, revision = decided
    sealed = store.get_case(case_id).case.decisions[0]
    stored = store.amend_decision(case_id, 0, expected_revision=revision)
    amendment = stored.case.decisions[1]
    assert (amendment.status, amendment.amends) == ("draft", sealed.record_hash)
    assert amendment.recommendation == sealed.recommendation
    assert amendment.signed_by == []
    assert stored.case.decisions[0] == sealed


def test_only_a_final_record_is_amended(store):
    stored = store.new_case(make_case())
    stored = store.save_draft_decision(stored.case_id, draft(), index=None, expected_revision=1)
    with pytest.raises(StoreError, match="is a draft"):
        store.amend_decision(stored.case_id, 0, expected_revision=2)


def test_an_older_draft_is_not_sealed_after_a_later_final(store):
    stored = store.new_case(make_case())
    store.save_draft_decision(stored.case_id, draft(), index=None, expected_revision=1)
    store.save_draft_decision(stored.case_id, draft(), index=None, expected_revision=2)
    store.finalize_decision(stored.case_id, 1, signed_by=SIGNED, expected_revision=3)
    with pytest.raises(StoreError, match="break the chain"):
        store.finalize_decision(stored.case_id, 0, signed_by=SIGNED, expected_revision=4)


def test_finalize_needs_a_signature(store):
    stored = store.new_case(make_case())
    store.save_draft_decision(stored.case_id, draft(), index=None, expected_revision=1)
    with pytest.raises(StoreError, match="at least one signature"):
        store.finalize_decision(stored.case_id, 0, signed_by=[], expected_revision=2)


@pytest.mark.parametrize("index", [-1, 1, 5])
def test_missing_record_index_is_named(store, index):
    stored = store.new_case(make_case())
    store.save_draft_decision(stored.case_id, draft(), index=None, expected_revision=1)
    with pytest.raises(StoreError, match="no decision record"):
        store.finalize_decision(stored.case_id, index, signed_by=SIGNED, expected_revision=2)


def test_draft_save_over_a_newer_revision_is_refused(store):
    stored = store.new_case(make_case())
    store.save_case(stored.case_id, make_case(ecog=1), expected_revision=1)
    with pytest.raises(StaleRevision):
        store.save_draft_decision(stored.case_id, draft(), index=None, expected_revision=1)


def test_only_drafts_are_saved_as_drafts(store):
    stored = store.new_case(make_case())
    final = Decision(meeting_date="2026-11-25", status="final", record_hash="sha256:" + "0" * 64)
    with pytest.raises(StoreError, match="Only a draft"):
        store.save_draft_decision(stored.case_id, final, index=None, expected_revision=1)


def test_import_keeps_a_sealed_record_and_refuses_changing_it(decided):
    store, case_id, revision = decided
    data = store.get_case(case_id).case.to_json_dict()
    data["decisions"] = []
    with pytest.raises(RecordSealed):
        store.import_case(Case.model_validate(data))
    assert len(store.history(case_id)) == revision


def test_sealed_records_table_refuses_sql_changes(decided):
    store, _, _ = decided
    with pytest.raises(sqlite3.IntegrityError, match="sealed"):
        store._conn.execute("UPDATE sealed_records SET body = '{}'")
    row = store._conn.execute("SELECT body FROM sealed_records").fetchone()
    assert json.loads(row[0])["status"] == "final"
