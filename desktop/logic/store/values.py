"""The plain values the case store hands out: who works, list rows, stored cases, revisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the pydantic model is imported only where a case is parsed
    from desktop.logic.model import Case


@dataclass(frozen=True, slots=True)
class User:
    """Who is working; recorded with every write in the revisions and the audit trail."""

    name: str
    role: str


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of the case list; the computed columns were stored when the case was saved."""

    case_id: str
    mrn: str
    name: str
    bclc: str | None
    cnlc: str | None
    child_pugh: str | None
    status: str
    next_meeting: str | None
    updated_at: str
    revision: int


@dataclass(frozen=True, slots=True)
class StoredCase:
    case_id: str
    revision: int
    case: Case
    updated_at: str
    updated_by: str


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """One saved revision: when, who (name and role) and what changed (field paths, no values)."""

    case_id: str
    revision: int
    at: str
    by: str
    role: str
    summary: str


@dataclass(frozen=True, slots=True)
class AgendaItem:
    case_id: str
    position: int
    discussed: bool
