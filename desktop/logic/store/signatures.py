"""Signatures of sealed decision records: Ed25519 over record_hash, name, role and time.

A signature row sits beside the sealed record (table `signatures`), outside its hashed content,
so a signature added later does not change `record_hash`. Only the account's own key, opened with
its owner's password at that moment, can make one. `signer_lines` says, for each record, who
signed with what key, who is named without a signature that verifies (imported, or sealed in a
database without accounts), and who was present but did not sign.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.logic.model import msg
from desktop.logic.model.keys import (
    SignerLine,
    fingerprint,
    public_key_text,
    sign_bytes,
    signed_message,
    verifies,
)
from desktop.logic.store import audit as store_audit
from desktop.logic.store.accounts import Account
from desktop.logic.store.errors import StoreError


def add(
    conn: sqlite3.Connection,
    case_id: str,
    position: int,
    record_hash: str,
    account: Account,
    key: Ed25519PrivateKey,
    at: str,
) -> None:
    """Sign the sealed record at `position` as `account` and record it (audited)."""
    taken = conn.execute(
        "SELECT 1 FROM signatures WHERE case_id = ? AND position = ? AND name = ?",
        [case_id, position, account.name],
    ).fetchone()
    if taken:
        raise StoreError(msg("trust.error.already_signed", name=account.name, number=position + 1))
    public = public_key_text(key)
    signature = sign_bytes(key, signed_message(record_hash, account.name, account.role, at))
    conn.execute(
        "INSERT INTO signatures (case_id, position, record_hash, name, role, at, public_key, "
        "signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [case_id, position, record_hash, account.name, account.role, at, public, signature],
    )
    detail = f"decision record {position + 1} signed by {account.name} (key {fingerprint(public)})"
    store_audit.append(conn, account.user, at, "sign", detail, case_id)


def rows(conn: sqlite3.Connection, case_id: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM signatures"
    params: list[Any] = []
    if case_id is not None:
        sql += " WHERE case_id = ?"
        params.append(case_id)
    cursor = conn.execute(sql + " ORDER BY case_id, position, at, name", params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def row_verifies(row: dict[str, Any]) -> bool:
    message = signed_message(row["record_hash"], row["name"], row["role"], row["at"])
    return verifies(row["public_key"], row["signature"], message)


def sealed_here(conn: sqlite3.Connection, case_id: str) -> set[int]:
    """Positions of the case's records sealed by finalizing in this database (not imported)."""
    rows = conn.execute(
        "SELECT s.position FROM sealed_records s JOIN audit a ON a.case_id = s.case_id "
        "AND a.revision = s.revision WHERE s.case_id = ? AND a.action = 'finalize'",
        [case_id],
    )
    return {row[0] for row in rows}


def signer_lines(
    decisions: list[dict[str, Any]], signed: list[dict[str, Any]],
    here: Collection[int] = frozenset(),
) -> dict[str, list[SignerLine]]:
    """record_hash -> who signed (verified), who is named without a signature that verifies
    ("named" in a record sealed here, which no key signed: a database without accounts;
    "unverified" in an imported one), who was present."""
    lines: dict[str, list[SignerLine]] = {}
    for position, record in enumerate(decisions):
        stated = record.get("record_hash")
        if record.get("status") != "final" or not isinstance(stated, str):
            continue
        good = [
            r for r in signed
            if r["position"] == position and r["record_hash"] == stated and row_verifies(r)
        ]  # fmt: skip
        found = [SignerLine(r["name"], r["role"], "signed", r["at"],
                            fingerprint(r["public_key"])) for r in good]  # fmt: skip
        names = {r["name"] for r in good}
        state = "named" if position in here else "unverified"
        for person in record.get("signed_by") or []:
            if person.get("name") not in names:
                names.add(person.get("name"))
                found.append(SignerLine(person.get("name"), person.get("role"), state,
                                        person.get("at")))  # fmt: skip
        for person in record.get("attendees") or []:
            if person.get("name") not in names:
                names.add(person.get("name"))
                found.append(SignerLine(person.get("name"), person.get("role"), "present"))
        lines[stated] = found
    return lines


def problems(conn: sqlite3.Connection, keys: dict[str, str | None]) -> list[str]:
    """Finding 4: a signature that does not verify, or whose key is not the signer's."""
    found: list[str] = []
    sealed = dict(
        ((case_id, position), stated)
        for case_id, position, stated in conn.execute(
            "SELECT case_id, position, record_hash FROM sealed_records"
        )
    )
    for row in rows(conn):
        where = (
            f"case {row['case_id']}: the signature of {row['name']} on final decision record "
            f"{row['position'] + 1}"
        )
        if sealed.get((row["case_id"], row["position"])) != row["record_hash"]:
            found.append(f"{where} is for a record_hash that record does not have.")
        elif not row_verifies(row):
            found.append(f"{where} does not verify; it was altered outside the app.")
        elif keys.get(row["name"]) != row["public_key"]:
            found.append(
                f"{where} was made with key {fingerprint(row['public_key'])}, which is not "
                f"{row['name']}'s signing key."
            )
    return found
