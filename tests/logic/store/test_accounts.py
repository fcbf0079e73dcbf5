"""Accounts and signatures (trust.md): only the named person can sign, with their password."""

import json
import sqlite3

import pytest

from desktop.logic.model import Decision
from desktop.logic.model.keys import signed_message, verifies
from desktop.logic.store import secrets
from desktop.logic.store.accounts import AuthError
from desktop.logic.store.database import Store, StoreError
from tests.factories import make_case

LI, WANG = ("Li Ming", "hepatobiliary surgeon"), ("Wang Fang", "medical oncologist")
DRAFT = {
    "meeting_date": "2026-11-25",
    "status": "draft",
    "attendees": [{"name": LI[0], "role": LI[1]}, {"name": WANG[0], "role": WANG[1]},
                  {"name": "Zhao Lei", "role": "radiologist"}],
    "recommendation": "Conversion therapy, then resection if downstaged.",
}  # fmt: skip


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "cases.sqlite3") as store:
        store.add_account(*LI, "li-password")
        yield store


def _sealed_case(store):
    stored = store.new_case(make_case())
    stored = store.save_draft_decision(
        stored.case_id, Decision.model_validate(DRAFT), index=None, expected_revision=1
    )
    return store.finalize_decision(
        stored.case_id, 0, signers=[(LI[0], "li-password")], expected_revision=2
    )


def test_the_first_account_signs_in_and_its_password_is_only_a_salted_scrypt_hash(store):
    assert store.signed_in.name == LI[0]
    row = store._conn.execute("SELECT password, private_key FROM accounts").fetchone()
    stored = json.loads(row[0])
    assert stored["kdf"] == "scrypt"
    assert {"n", "r", "p", "salt", "hash"} <= set(stored)
    assert "li-password" not in row[0] + row[1]
    assert json.loads(row[1])["cipher"] == "aes-256-gcm"


def test_the_default_scrypt_cost_is_the_interactive_login_one():
    assert secrets.SCRYPT["r"] == 8
    assert secrets.SCRYPT["p"] == 1


def test_a_later_account_needs_someone_signed_in(tmp_path, store):
    store.add_account(*WANG, "initial-pw")
    with Store.open(store.path) as other, pytest.raises(AuthError, match="sign in first"):
        other.add_account("Zhao Lei", "radiologist", "another-pw")


def test_writes_on_a_database_with_accounts_need_a_signed_in_person(store):
    with Store.open(store.path) as other:
        other.user = None
        with pytest.raises(StoreError):
            other.new_case(make_case())
        other.user = store.user  # a name alone is not enough
        with pytest.raises(AuthError, match="sign in first"):
            other.new_case(make_case())


@pytest.mark.parametrize(("name", "password"), [(LI[0], "wrong-password"), ("Nobody", "x" * 9)])
def test_sign_in_refuses_a_wrong_password_or_unknown_name(store, name, password):
    with pytest.raises(AuthError):
        store.sign_in(name, password)


@pytest.mark.parametrize("password", ["short", "x" * 1025])
def test_password_length_is_bounded(store, password):
    with pytest.raises(StoreError, match="A password needs 8 to 1024 characters"):
        store.add_account(*WANG, password)


@pytest.mark.smoke
def test_finalizing_signs_with_the_signers_own_key_and_names_the_others_present(store):
    stored = _sealed_case(store)
    record = stored.case.decisions[0]
    [row] = store._conn.execute("SELECT * FROM signatures").fetchall()
    assert row[3] == LI[0]
    assert row[2] == record.record_hash
    lines = store.signer_lines(stored.case_id, stored.case.to_json_dict()["decisions"])
    states = [(line.name, line.state) for line in lines[record.record_hash]]
    assert states == [(LI[0], "signed"), (WANG[0], "present"), ("Zhao Lei", "present")]
    assert lines[record.record_hash][0].fingerprint == store.accounts()[0].fingerprint


def test_a_name_without_a_password_cannot_sign_when_there_are_accounts(store):
    from desktop.logic.model import Signature

    stored = store.new_case(make_case())
    stored = store.save_draft_decision(
        stored.case_id, Decision.model_validate(DRAFT), index=None, expected_revision=1
    )
    forged = [Signature(name=WANG[0], role=WANG[1], at="2026-11-25T10:00:00")]
    with pytest.raises(AuthError, match="a name alone is not a signature"):
        store.finalize_decision(stored.case_id, 0, signed_by=forged, expected_revision=2)
    with pytest.raises(AuthError, match="Wrong password"):
        store.finalize_decision(
            stored.case_id, 0, signers=[(LI[0], "guessed-password")], expected_revision=2
        )


def test_an_absent_member_signs_later_with_their_own_password_only(store):
    stored = _sealed_case(store)
    store.add_account(*WANG, "initial-pw")
    with pytest.raises(AuthError, match="initial password"):
        store.sign(stored.case_id, WANG[0], "initial-pw")
    store.change_password(WANG[0], "initial-pw", "wang-own-password")
    with pytest.raises(AuthError, match="Wrong password"):
        store.sign(stored.case_id, WANG[0], "li-password")
    assert store.sign(stored.case_id, WANG[0], "wang-own-password") == 0
    lines = store.signer_lines(stored.case_id, stored.case.to_json_dict()["decisions"])
    assert [line.state for line in lines[stored.case.decisions[0].record_hash]] == [
        "signed", "signed", "present",
    ]  # fmt: skip
    assert store.get_case(stored.case_id).case.decisions[0].record_hash == (
        stored.case.decisions[0].record_hash
    )
    with pytest.raises(StoreError, match="already signed"):
        store.sign(stored.case_id, WANG[0], "wang-own-password")


def test_someone_not_present_cannot_sign(store):
    stored = _sealed_case(store)
    store.add_account("Sun Mei", "pathologist", "initial-pw")
    store.change_password("Sun Mei", "initial-pw", "sun-own-password")
    with pytest.raises(StoreError, match="not listed as present"):
        store.sign(stored.case_id, "Sun Mei", "sun-own-password")


def test_the_signature_is_ed25519_over_record_hash_name_role_and_time(store):
    stored = _sealed_case(store)
    row = store._conn.execute(
        "SELECT record_hash, name, role, at, public_key, signature FROM signatures"
    ).fetchone()
    assert verifies(row[4], row[5], signed_message(*row[:4]))
    assert not verifies(row[4], row[5], signed_message(row[0], WANG[0], row[2], row[3]))
    assert stored.case.decisions[0].signed_by[0].name == LI[0]


def test_accounts_are_never_deleted_but_disabling_is_audited(store):
    store.add_account(*WANG, "initial-pw")
    store.disable_account(WANG[0])
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        store._conn.execute("DELETE FROM accounts")
    assert [a.disabled for a in store.accounts()] == [False, True]
    with pytest.raises(AuthError, match="disabled"):
        store.sign_in(WANG[0], "initial-pw")
    assert store.audit_log()[-1]["detail"] == f"account {WANG[0]} disabled"


def test_a_changed_password_keeps_the_key_and_the_old_one_stops_working(store):
    before = store.accounts()[0].fingerprint
    store.change_password(LI[0], "li-password", "li-new-password")
    assert store.accounts()[0].fingerprint == before
    with pytest.raises(AuthError):
        store.sign_in(LI[0], "li-password")
    assert store.sign_in(LI[0], "li-new-password").name == LI[0]


def test_without_accounts_a_typed_name_is_named_not_signed_and_an_import_unverified(tmp_path):
    from desktop.logic.model import Case, Signature
    from desktop.logic.store.database import User
    from tests.conftest import EXAMPLES

    with Store.open(tmp_path / "plain.sqlite3", user=User(*LI)) as plain:
        stored = plain.new_case(make_case())
        plain.save_draft_decision(
            stored.case_id, Decision.model_validate(DRAFT), index=None, expected_revision=1
        )
        typed = [Signature(name=LI[0], role=LI[1], at="2026-11-25T10:00:00")]
        sealed = plain.finalize_decision(stored.case_id, 0, signed_by=typed, expected_revision=2)
        record = sealed.case.to_json_dict()["decisions"]
        lines = plain.signer_lines(sealed.case_id, record)[record[0]["record_hash"]]
        assert [(line.name, line.state) for line in lines] == [
            (LI[0], "named"), (WANG[0], "present"), ("Zhao Lei", "present"),
        ]  # fmt: skip
        assert lines[0].fingerprint is None
        example = EXAMPLES / "advanced-pvtt-conversion.json"
        imported, _ = plain.import_case(Case.model_validate_json(example.read_text("utf-8")))
        records = imported.case.to_json_dict()["decisions"]
        lines = plain.signer_lines(imported.case_id, records)[records[0]["record_hash"]]
        assert [line.state for line in lines if line.name == "Li Ming"] == ["unverified"]
