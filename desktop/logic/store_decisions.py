"""Decision records inside a case: drafts are edited, final records are sealed and never change.

Pure functions over the case's `decisions` list (JSON dicts); the store calls them inside its
write transaction. Sealing uses desktop.logic.records (the chained record_hash of case-format.md).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.logic.records import chain_problems, last_final_hash, seal
from desktop.logic.store_errors import RecordSealed, StoreError

if TYPE_CHECKING:  # the pydantic model is loaded when a record is sealed
    from desktop.logic.case import Decision, Signature

Record = dict[str, Any]


def record_json(record: Record) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def finals(decisions: list[Record]) -> dict[int, Record]:
    return {i: r for i, r in enumerate(decisions) if r.get("status") == "final"}


def check_sealed_kept(sealed: dict[int, str], decisions: list[Record], case_id: str) -> None:
    """Refuse a new revision that changes or removes any sealed record (position -> JSON)."""
    for position, body in sorted(sealed.items()):
        if position >= len(decisions):
            raise RecordSealed(
                f"case {case_id}: final decision record {position + 1} would be removed; a "
                "final record is never removed. Add an amendment instead."
            )
        if record_json(decisions[position]) != body:
            raise RecordSealed(
                f"case {case_id}: final decision record {position + 1} would be changed; a "
                "final record is sealed. Create an amendment (a new record naming it)."
            )


def check_chain(decisions: list[Record], case_id: str) -> None:
    problems = chain_problems(decisions)
    if problems:
        raise StoreError(f"case {case_id}: " + " ".join(problems))


def put_draft(decisions: list[Record], decision: Decision, index: int | None) -> int:
    """Append (index None) or replace a draft; returns the record's index."""
    if decision.status != "draft":
        raise StoreError("Only a draft can be saved this way; finalize it to make it final.")
    record = decision.model_dump(mode="json", exclude_unset=True)
    record["status"] = "draft"
    if index is None:
        decisions.append(record)
        return len(decisions) - 1
    _existing(decisions, index)
    if decisions[index].get("status") == "final":
        raise RecordSealed(
            f"Decision record {index + 1} is final and sealed; it cannot be changed. "
            "Create an amendment instead."
        )
    decisions[index] = record
    return index


def finalize(decisions: list[Record], index: int, signed_by: list[Signature]) -> Record:
    """Seal the draft at `index` with its chained hash; returns the sealed record."""
    record = _existing(decisions, index)
    if record.get("status") == "final":
        raise RecordSealed(f"Decision record {index + 1} is already final.")
    if any(r.get("status") == "final" for r in decisions[index + 1 :]):
        raise StoreError(
            f"Decision record {index + 1} is older than a final record; sealing it now would "
            "break the chain. Save its content as a new draft and finalize that one."
        )
    if not signed_by:
        raise StoreError("A final decision record needs at least one signature.")
    draft = dict(record)
    draft["signed_by"] = [s.model_dump(mode="json", exclude_unset=True) for s in signed_by]
    draft["finalized_at"] = datetime.now().isoformat(timespec="seconds")
    sealed = seal(draft, last_final_hash(decisions[:index]))
    from desktop.logic.case import Decision

    Decision.model_validate(sealed)
    decisions[index] = sealed
    return sealed


def amendment(decisions: list[Record], index: int) -> int:
    """Append a draft copy of the final record at `index`, naming it in `amends`."""
    record = _existing(decisions, index)
    if record.get("status") != "final":
        raise StoreError(
            f"Decision record {index + 1} is a draft; edit it directly instead of amending it."
        )
    skipped = {"record_hash", "signed_by", "finalized_at", "amends"}
    draft = {key: value for key, value in record.items() if key not in skipped}
    draft["status"] = "draft"
    draft["amends"] = record["record_hash"]
    decisions.append(draft)
    return len(decisions) - 1


def _existing(decisions: list[Record], index: int) -> Record:
    if not 0 <= index < len(decisions):
        raise StoreError(
            f"There is no decision record {index + 1} (the case has {len(decisions)})."
        )
    return decisions[index]
