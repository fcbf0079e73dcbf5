"""MDT decision records of a case: attendees, signatures, overrides and the sealed record."""

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from desktop.logic.model.fields import (
    DateTime,
    PlannedDate,
    Sha256,
    ShortText,
    Strict,
    Text,
    empty_list,
    refusal,
)


class Attendee(Strict):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    role: Annotated[str, Field(min_length=1, max_length=120)]


class Signature(Attendee):
    at: DateTime


class AdjuvantPlan(Strict):
    option: Annotated[str, Field(min_length=1, max_length=80)]
    duration_months: Annotated[int, Field(strict=True, ge=0, le=120)] | None = None
    notes: Text | None = None


class Override(Strict):
    item: Annotated[str, Field(min_length=1, max_length=80)]
    computed: ShortText | None = None
    chosen: ShortText
    reason: Text
    by: ShortText | None = None
    at: DateTime | None = None


class FollowUp(Strict):
    status: Literal["planned", "ongoing", "completed", "not_done"]
    reason: Text | None = None


class Decision(Strict):
    """One MDT decision record; a `final` one is sealed by `record_hash` (model.records)."""

    meeting_date: PlannedDate  # a draft may be for a coming meeting (clinical-rules.md "Dates")
    status: Literal["draft", "final"]
    attendees: list[Attendee] = Field(default_factory=empty_list, max_length=40)
    question: Text | None = None
    recommendation: Text | None = None
    regimen_id: ShortText | None = None
    timing_strategy: Literal["opportunistic", "conservative", "not_applicable"] | None = None
    adjuvant_plan: AdjuvantPlan | None = None
    dissent: Text | None = None
    reopen_conditions: list[Text] = Field(default_factory=empty_list, max_length=20)
    overrides: list[Override] = Field(default_factory=empty_list, max_length=40)
    follow_up: FollowUp | None = None
    signed_by: list[Signature] = Field(default_factory=empty_list, max_length=40)
    finalized_at: DateTime | None = None
    amends: Sha256 | None = None
    record_hash: Sha256 | None = None

    @model_validator(mode="after")
    def _final_is_complete(self) -> Self:
        if self.status == "final" and self.record_hash is None:
            raise refusal("final_without_hash", "a final record needs its record_hash")
        if self.status == "draft" and self.record_hash is not None:
            raise refusal("draft_with_hash", "a draft record carries no record_hash")
        return self
