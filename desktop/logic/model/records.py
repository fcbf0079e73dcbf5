"""Sealing of final MDT decision records with the chained `record_hash` (case-format.md)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any


def canonical_bytes(record: Mapping[str, Any]) -> bytes:
    """The record without its `record_hash`, as case-format.md fixes it byte for byte."""
    body = {key: value for key, value in record.items() if key != "record_hash"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def record_hash(record: Mapping[str, Any], previous: str) -> str:
    """`"sha256:" + sha256(previous + canonical)`; `previous` is "" for the first final record."""
    digest = hashlib.sha256(previous.encode("utf-8") + canonical_bytes(record))
    return "sha256:" + digest.hexdigest()


def case_hash(data: Mapping[str, Any]) -> str:
    """`"sha256:"` + SHA-256 of the whole case JSON object in the canonical form of record_hash."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def chain_problems(records: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every final record whose hash does not verify against the chain, in words."""
    problems: list[str] = []
    previous = ""
    for index, record in enumerate(records):
        if record.get("status") != "final":
            continue
        expected = record_hash(record, previous)
        stated = record.get("record_hash")
        if stated != expected:
            problems.append(
                f"decisions[{index}] (meeting {record.get('meeting_date')}, final): record_hash "
                f"{stated!r} does not match its content; expected {expected!r}. The record was "
                "altered after it was sealed, or an earlier final record was changed or removed."
            )
        previous = stated if isinstance(stated, str) else expected
    return problems


def last_final_hash(records: Iterable[Mapping[str, Any]]) -> str:
    """The `record_hash` the next final record chains to ("" when there is none)."""
    previous = ""
    for record in records:
        if record.get("status") == "final" and record.get("record_hash"):
            previous = record["record_hash"]
    return previous


def seal(record: Mapping[str, Any], previous: str) -> dict[str, Any]:
    """A final copy of `record` carrying its chained hash."""
    sealed = {key: value for key, value in record.items() if key != "record_hash"}
    sealed["status"] = "final"
    sealed["record_hash"] = record_hash(sealed, previous)
    return sealed
