"""The draft decision a workspace edits: finding it, starting it, and overrides waiting for it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.ui.undo import CaseDocument


def draft_index(document: CaseDocument) -> int | None:
    """Position of the newest draft decision, or None when every record is final (or none)."""
    decisions = document.data.get("decisions") or []
    for index in range(len(decisions) - 1, -1, -1):
        if decisions[index].get("status") == "draft":
            return index
    return None


def final_indexes(document: CaseDocument) -> list[int]:
    decisions = document.data.get("decisions") or []
    return [i for i, d in enumerate(decisions) if d.get("status") == "final"]


def new_draft(meeting_date: dt.date, overrides: list[dict[str, Any]]) -> dict[str, Any]:
    """An empty draft record for `meeting_date`, carrying overrides made before it existed."""
    return {
        "meeting_date": meeting_date.isoformat(),
        "status": "draft",
        "attendees": [],
        "overrides": list(overrides),
    }


def start_draft(document: CaseDocument, meeting_date: dt.date | None = None) -> list[str]:
    """Add a draft decision (today's meeting unless named), taking the pending overrides."""
    date = meeting_date or dt.date.today()
    problems = document.add_item("decisions", new_draft(date, document.pending_overrides))
    if not problems:
        document.pending_overrides.clear()
    return problems


def ensure_draft(document: CaseDocument) -> tuple[int | None, list[str]]:
    """The draft's index, starting one first when there is none."""
    index = draft_index(document)
    if index is not None:
        return index, []
    problems = start_draft(document)
    return draft_index(document), problems
