"""Starting the draft decision a workspace edits, with the overrides waiting for it.

Which record is the draft is decided in one place, desktop.logic.model.lifecycle.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.logic.model import lifecycle
from desktop.ui.undo import CaseDocument


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
    index = lifecycle.draft_index(document.case.decisions)
    if index is not None:
        return index, []
    problems = start_draft(document)
    return lifecycle.draft_index(document.case.decisions), problems
