"""Where a case's MDT decision records stand: the open draft, the latest sealed record, the record
in force, whether the case is read-only and its workflow status. The one place these are decided.

A record is a `Decision` or its JSON form (the store edits the JSON so sealed bytes never change);
every function takes the case's records in their stored order, oldest first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:  # the pydantic model is not needed to read a status
    from desktop.logic.model.decision import Decision

CaseStatus = Literal["new", "draft decision", "follow-up", "decided"]
CASE_STATUSES: tuple[CaseStatus, ...] = ("new", "draft decision", "follow-up", "decided")
OPEN_FOLLOW_UP = ("planned", "ongoing")

Record = TypeVar("Record", bound="Decision | Mapping[str, Any]")


def status_of(record: Decision | Mapping[str, Any]) -> str | None:
    """ "draft" or "final" (None for a JSON record without a status)."""
    if isinstance(record, Mapping):
        return record.get("status")
    return record.status


def is_final(record: Decision | Mapping[str, Any]) -> bool:
    """Sealed: it never changes again, it can only be amended by a new record."""
    return status_of(record) == "final"


def is_draft(record: Decision | Mapping[str, Any]) -> bool:
    return status_of(record) == "draft"


def draft_index(records: Sequence[Decision | Mapping[str, Any]]) -> int | None:
    """The open draft: the newest draft record's position, or None when there is none."""
    for index in range(len(records) - 1, -1, -1):
        if is_draft(records[index]):
            return index
    return None


def final_indexes(records: Sequence[Decision | Mapping[str, Any]]) -> list[int]:
    """Positions of every sealed record, oldest first."""
    return [index for index, record in enumerate(records) if is_final(record)]


def latest_final_index(records: Sequence[Decision | Mapping[str, Any]]) -> int | None:
    finals = final_indexes(records)
    return finals[-1] if finals else None


def sealed_after(records: Sequence[Decision | Mapping[str, Any]], index: int) -> bool:
    """Whether a sealed record follows position `index` (a draft before it cannot be sealed)."""
    latest = latest_final_index(records)
    return latest is not None and latest > index


def current_index(records: Sequence[Decision | Mapping[str, Any]]) -> int | None:
    """The record in force: the open draft, else the latest sealed record, else None."""
    draft = draft_index(records)
    return draft if draft is not None else latest_final_index(records)


def draft(records: Sequence[Record]) -> Record | None:
    index = draft_index(records)
    return records[index] if index is not None else None


def latest_final(records: Sequence[Record]) -> Record | None:
    """The latest sealed record: what the MDT last decided and signed."""
    index = latest_final_index(records)
    return records[index] if index is not None else None


def current(records: Sequence[Record]) -> Record | None:
    """The record in force (see `current_index`)."""
    index = current_index(records)
    return records[index] if index is not None else None


def latest(records: Sequence[Record]) -> Record | None:
    """The newest record, draft or sealed."""
    return records[-1] if records else None


def drafts(records: Sequence[Record]) -> list[Record]:
    return [record for record in records if is_draft(record)]


def is_read_only(records: Sequence[Decision | Mapping[str, Any]]) -> bool:
    """A case is read-only once decided: it has records and none is an open draft."""
    return bool(records) and draft_index(records) is None


def case_status(records: Sequence[Decision]) -> CaseStatus:
    """Where the case stands in the MDT workflow, read from its newest record: no record yet,
    a draft being prepared, decided with follow-up planned or ongoing, or decided."""
    newest = latest(records)
    if newest is None:
        return "new"
    if is_draft(newest):
        return "draft decision"
    follow_up = newest.follow_up.status if newest.follow_up else None
    return "follow-up" if follow_up in OPEN_FOLLOW_UP else "decided"
