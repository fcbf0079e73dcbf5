"""Decision records inside a case: drafts are edited, final records are sealed and never change.

Pure functions over the case's `decisions` list (JSON dicts); the store calls them inside its
write transaction. Sealing uses model.records (the chained record_hash of case-format.md).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.logic.model import chain_problems, last_final_hash, lifecycle, msg, seal
from desktop.logic.store.errors import RecordSealed, StoreError

if TYPE_CHECKING:  # the pydantic model is loaded when a record is sealed
    from desktop.logic.model import Decision, Signature

Record = dict[str, Any]


def record_json(record: Record) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def finals(decisions: list[Record]) -> dict[int, Record]:
    return {i: decisions[i] for i in lifecycle.final_indexes(decisions)}


def check_sealed_kept(sealed: dict[int, str], decisions: list[Record], case_id: str) -> None:
    """Refuse a new revision that changes or removes any sealed record (position -> JSON)."""
    for position, body in sorted(sealed.items()):
        if position >= len(decisions):
            raise RecordSealed(
                msg("store.error.sealed_removed", case_id=case_id, number=position + 1)
            )
        if record_json(decisions[position]) != body:
            raise RecordSealed(
                msg("store.error.sealed_changed", case_id=case_id, number=position + 1)
            )


def check_chain(decisions: list[Record], case_id: str) -> None:
    problems = chain_problems(decisions)
    if problems:
        raise StoreError(msg("store.error.chain", case_id=case_id, problems=" ".join(problems)))


def put_draft(decisions: list[Record], decision: Decision, index: int | None) -> int:
    """Append (index None) or replace a draft; returns the record's index."""
    if not lifecycle.is_draft(decision):
        raise StoreError(msg("store.error.draft_only"))
    record = decision.model_dump(mode="json", exclude_unset=True)
    record["status"] = "draft"
    if index is None:
        decisions.append(record)
        return len(decisions) - 1
    _existing(decisions, index)
    if lifecycle.is_final(decisions[index]):
        raise RecordSealed(msg("store.error.record_sealed", number=index + 1))
    decisions[index] = record
    return index


def finalize(decisions: list[Record], index: int, signed_by: list[Signature]) -> Record:
    """Seal the draft at `index` with its chained hash; returns the sealed record."""
    record = _existing(decisions, index)
    if lifecycle.is_final(record):
        raise RecordSealed(msg("store.error.record_already_final", number=index + 1))
    if lifecycle.sealed_after(decisions, index):
        raise StoreError(msg("store.error.record_before_final", number=index + 1))
    if not signed_by:
        raise StoreError(msg("store.error.no_signature"))
    draft = dict(record)
    draft["signed_by"] = [s.model_dump(mode="json", exclude_unset=True) for s in signed_by]
    draft["finalized_at"] = datetime.now().isoformat(timespec="seconds")
    sealed = seal(draft, last_final_hash(decisions[:index]))
    from desktop.logic.model import Decision

    Decision.model_validate(sealed)
    decisions[index] = sealed
    return sealed


def amendment(decisions: list[Record], index: int) -> int:
    """Append a draft copy of the final record at `index`, naming it in `amends`."""
    record = _existing(decisions, index)
    if not lifecycle.is_final(record):
        raise StoreError(msg("store.error.amend_draft", number=index + 1))
    skipped = {"record_hash", "signed_by", "finalized_at", "amends"}
    draft = {key: value for key, value in record.items() if key not in skipped}
    draft["status"] = "draft"
    draft["amends"] = record["record_hash"]
    decisions.append(draft)
    return len(decisions) - 1


def _existing(decisions: list[Record], index: int) -> Record:
    if not 0 <= index < len(decisions):
        raise StoreError(msg("store.error.no_record", number=index + 1, count=len(decisions)))
    return decisions[index]
