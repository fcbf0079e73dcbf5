"""check against an insider with the file (trust.md findings 1-5): each attack of issue 12."""

import json
import sqlite3

import pytest

from desktop.logic.model import Decision, record_hash
from desktop.logic.report import write_archive
from desktop.logic.store import audit as store_audit
from desktop.logic.store.database import Store
from desktop.logic.store.schema import SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, body_digest
from tests.factories import make_case

LI = ("Li Ming", "hepatobiliary surgeon")
DRAFT = {
    "meeting_date": "2026-11-25",
    "status": "draft",
    "attendees": [{"name": LI[0], "role": LI[1]}],
    "recommendation": "Conversion therapy, then resection if downstaged.",
}
TRIGGERS = [
    s for s in SCHEMA_V1 + SCHEMA_V2 + SCHEMA_V3
    if s.startswith("CREATE TRIGGER") and " BEFORE " in s
]  # fmt: skip


@pytest.fixture
def db(tmp_path):
    """Two cases, the first with a sealed and signed decision; a backup was taken."""
    path = tmp_path / "cases.sqlite3"
    with Store.open(path) as store:
        store.add_account(*LI, "li-password")
        first = store.new_case(make_case(**{"patient.mrn": "H-1", "labs.inr": 1.1}))
        store.save_draft_decision(
            first.case_id, Decision.model_validate(DRAFT), index=None, expected_revision=1
        )
        store.finalize_decision(
            first.case_id, 0, signers=[(LI[0], "li-password")], expected_revision=2
        )  # takes a rotating backup
        store.new_case(make_case(**{"patient.mrn": "H-2"}))
        store.rotate_backup()
        assert store.check() == []
    return path


def _ids(path):
    conn = sqlite3.connect(path)
    rows = [r[0] for r in conn.execute("SELECT case_id FROM cases ORDER BY updated_at")]
    conn.close()
    return rows


def tamper(path, *statements, params=()):
    """What an insider does with the sqlite3 shell: drop the triggers, edit, put them back."""
    conn = sqlite3.connect(path)
    for trigger in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger.split()[2]}")
    for statement, values in zip(statements, params or [()] * len(statements), strict=True):
        conn.execute(statement, values)
    for trigger in TRIGGERS:
        conn.execute(trigger)
    conn.commit()
    conn.close()


def check(path, against=()):
    with Store.open(path, read_only=True) as store:
        return store.check(list(against))


def without_backups(path):
    for backup in path.with_name(path.name + ".backups").iterdir():
        backup.unlink()


def test_a_lab_value_changed_inside_a_stored_revision_is_found(db):
    first, _ = _ids(db)
    body = (
        sqlite3.connect(db)
        .execute("SELECT body FROM revisions WHERE case_id = ? AND revision = 1", [first])
        .fetchone()[0]
    )
    changed = body.replace('"inr":1.1', '"inr":2.9')
    assert changed != body
    tamper(db, "UPDATE revisions SET body = ? WHERE case_id = ? AND revision = 1",
           params=[(changed, first)])  # fmt: skip
    without_backups(db)
    assert (
        f"case {first} revision 1: the stored case differs from the one audit entry 2 recorded "
        "when it was saved; it was edited outside the app."
    ) in check(db)


@pytest.mark.parametrize(
    ("column", "value"), [("bclc", "0"), ("name", "Someone Else"), ("status", "final"),
                          ("mrn", "H-999"), ("revision", 1)],
)  # fmt: skip
def test_a_changed_cases_row_is_found(db, column, value):
    first, _ = _ids(db)
    tamper(db, f"UPDATE cases SET {column} = ? WHERE case_id = ?", params=[(value, first)])
    found = check(db)
    assert any(
        p.startswith(f"case {first}: the case list's {column}") and "differ from" in p
        for p in found
    ), found


def test_the_newest_case_deleted_with_its_revisions_and_audit_rows_is_found_by_a_backup(db):
    _, newest = _ids(db)
    tamper(
        db,
        "DELETE FROM audit WHERE case_id = ?",
        "DELETE FROM revisions WHERE case_id = ?",
        "DELETE FROM cases WHERE case_id = ?",
        params=[(newest,), (newest,), (newest,)],
    )
    found = check(db)
    assert any("no longer holds 1 case(s)" in p and newest in p for p in found), found
    assert any("no longer holds 1 revision(s)" in p for p in found)
    assert any("no longer holds 1 audit entry(s)" in p for p in found)


def test_an_audit_entry_naming_a_removed_case_is_found(db):
    _, newest = _ids(db)
    tamper(db, "DELETE FROM revisions WHERE case_id = ?", "DELETE FROM cases WHERE case_id = ?",
           params=[(newest,), (newest,)])  # fmt: skip
    without_backups(db)
    assert check(db) == [
        f"audit trail: 1 entries (from entry 6) name case {newest}, which the database does "
        "not hold; the case was removed outside the app."
    ]


def test_a_changed_signature_byte_is_found(db):
    conn = sqlite3.connect(db)
    signature = conn.execute("SELECT signature FROM signatures").fetchone()[0]
    conn.close()
    changed = ("A" if signature[0] != "A" else "B") + signature[1:]
    tamper(db, "UPDATE signatures SET signature = ?", params=[(changed,)])
    without_backups(db)
    [problem] = check(db)
    assert "the signature of Li Ming on final decision record 1 does not verify" in problem


def test_a_signature_made_with_another_key_is_found(db):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.logic.model.keys import public_key_text, sign_bytes, signed_message

    conn = sqlite3.connect(db)
    stated, name, role, at = conn.execute(
        "SELECT record_hash, name, role, at FROM signatures"
    ).fetchone()
    conn.close()
    forger = Ed25519PrivateKey.generate()
    signature = sign_bytes(forger, signed_message(stated, name, role, at))
    tamper(db, "UPDATE signatures SET public_key = ?, signature = ?",
           params=[(public_key_text(forger), signature)])  # fmt: skip
    without_backups(db)
    [problem] = check(db)
    assert "which is not Li Ming's signing key" in problem


def reseal(path, case_id, recommendation):
    """The knowledgeable insider: change a sealed decision everywhere and recompute every hash
    (record_hash, revision body hashes, the whole audit chain); drop the signatures."""
    conn = sqlite3.connect(path)
    new_hash = {}
    for revision, body in conn.execute(
        "SELECT revision, body FROM revisions WHERE case_id = ?", [case_id]
    ).fetchall():
        data = json.loads(body)
        for record in data.get("decisions", []):
            if record.get("status") == "final":
                record["recommendation"] = recommendation
                record["record_hash"] = record_hash(record, "")
                new_hash = record
        new_hash_body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        conn.execute(
            "UPDATE revisions SET body = ? WHERE case_id = ? AND revision = ?",
            [new_hash_body, case_id, revision],
        )
        conn.execute(
            "UPDATE audit SET body_hash = ? WHERE case_id = ? AND revision = ?",
            [store_audit.body_hash(new_hash_body), case_id, revision],
        )
        conn.execute(
            "UPDATE revision_digests SET digest = ? WHERE case_id = ? AND revision = ?",
            [body_digest(new_hash_body), case_id, revision],
        )
    conn.execute(
        "UPDATE sealed_records SET record_hash = ?, body = ? WHERE case_id = ?",
        [new_hash["record_hash"],
         json.dumps(new_hash, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
         case_id],
    )  # fmt: skip
    conn.execute("DELETE FROM signatures")
    previous = ""
    for entry in store_audit.entries(conn):
        digest = store_audit.entry_hash(entry, previous)
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?",
                     [previous, digest, entry["seq"]])  # fmt: skip
        previous = digest
    conn.commit()
    conn.close()


def _resealed(db):
    first, _ = _ids(db)
    conn = sqlite3.connect(db)
    for trigger in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger.split()[2]}")
    conn.commit()
    conn.close()
    reseal(db, first, "Resect at once.")
    tamper(db)  # the triggers back
    return first


def test_a_re_sealed_decision_passes_the_database_alone(db):
    """What the README says plainly: recomputed hashes defeat a check of the database alone."""
    without_backups(db)
    _resealed(db)
    assert check(db) == []


def test_a_re_sealed_decision_is_caught_by_a_backup(db):
    first = _resealed(db)
    found = check(db)
    assert any("holds changed" in p and "sealed record" in p and first in p for p in found)
    assert any("holds changed" in p and "audit entry" in p for p in found)


def test_a_re_sealed_decision_is_caught_by_an_exported_archive(db, tmp_path):
    first, _ = _ids(db)
    with Store.open(db, read_only=True) as store:
        bundle = write_archive(first, store.get_case(first).case, tmp_path / "bundle")
    without_backups(db)
    _resealed(db)
    assert check(db, [bundle]) == [
        f"witness bundle: case {first} final decision record 1 differs from (or is missing in) "
        "the database; the sealed record was altered outside the app, even if its hashes were "
        "recomputed."
    ]


def test_a_backup_file_given_with_against_is_a_witness(db, tmp_path):
    with Store.open(db, read_only=True) as store:
        kept = store.backup(tmp_path / "kept.sqlite3")
    without_backups(db)
    _resealed(db)
    assert check(db) == []
    assert any("witness kept.sqlite3" in p for p in check(db, [kept]))


def test_a_witness_that_cannot_be_read_is_reported_not_a_crash(db, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    assert check(db, [junk])[0].startswith("witness ")
