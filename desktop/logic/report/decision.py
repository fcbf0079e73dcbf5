"""The decision records of one case's MDT summary (the decision itself is its first page,
report.front): the last sealed record when a draft has followed it, the earlier records, and
the overrides with their reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable

from desktop.logic.model import Decision, SignerLine, lifecycle, text_table
from desktop.logic.report.layout import (
    ReportContext,
    data_table,
    key_values,
    missing,
    none_recorded,
    or_not_recorded,
    para,
    section,
    subheading,
)
from desktop.logic.report.sections import regimen_name

if TYPE_CHECKING:
    from desktop.logic.model import FollowUp


def records_section(ctx: ReportContext) -> list[Flowable]:
    """The sealed record in force when a draft follows it, then every earlier record."""
    decision = lifecycle.latest(ctx.case.decisions)
    body: list[Flowable] = []
    sealed = lifecycle.latest_final(ctx.case.decisions)
    if decision is not None and sealed is not None and sealed is not decision:
        body += [
            subheading(ctx, "report.heading.sealed_decision"),
            key_values(ctx, decision_rows(ctx, sealed)),
        ]
    earlier = [
        [
            d.meeting_date,
            ctx.text(f"report.decision.{d.status}"),
            d.recommendation or "",
            d.record_hash or "",
        ]
        for d in ctx.case.decisions[:-1]
    ]
    if earlier:
        headers = [
            "report.label.meeting_date",
            "report.decision.status",
            "report.decision.recommendation",
            "report.decision.record_hash",
        ]
        body += [
            subheading(ctx, "report.heading.earlier_decisions"),
            data_table(ctx, headers, earlier, widths=[55, 60, 200, None]),
        ]
    if not body:  # the one record is the decision of the first page, not "none"
        only = ctx.text("report.records.front_only") if decision else none_recorded(ctx)
        body = [para(ctx, only)]
    return section(ctx, "report.heading.decision_records", body)


def decision_rows(ctx: ReportContext, decision: Decision) -> list[tuple[str, Any]]:
    """Everything one decision record says, one (label key, value) row each."""
    signatures = signature_lines(ctx, decision)
    attendees = [f"{a.name} ({a.role})" for a in decision.attendees]
    strategy = decision.timing_strategy
    rows: list[tuple[str, Any]] = [
        ("report.label.meeting_date", decision.meeting_date.isoformat()),
        ("report.decision.status", ctx.text(f"report.decision.{decision.status}")),
        ("report.decision.question", or_not_recorded(ctx, decision.question)),
        ("report.decision.recommendation", or_not_recorded(ctx, decision.recommendation)),
        (
            "report.decision.regimen",
            regimen_name(ctx, decision.regimen_id) if decision.regimen_id else missing(ctx),
        ),
        (
            "report.decision.timing",
            ctx.term(f"term.timing.{strategy}") if strategy else missing(ctx),
        ),
        ("report.decision.dissent", or_not_recorded(ctx, decision.dissent)),
        ("report.decision.reopen", list(decision.reopen_conditions) or missing(ctx)),
        ("report.decision.attendees", attendees or missing(ctx)),
        ("report.decision.signatures", signatures or missing(ctx)),
        ("report.decision.follow_up", follow_up_text(ctx, decision.follow_up)),
    ]
    if decision.amends:
        rows.append(("report.decision.amends", decision.amends))
    if lifecycle.is_final(decision):
        rows += [
            (
                "report.decision.finalized_at",
                timestamp(decision.finalized_at) or missing(ctx),
            ),
            ("report.decision.record_hash", decision.record_hash),
        ]
    return rows


def signature_lines(ctx: ReportContext, decision: Decision) -> list[str]:
    """Each signer's name, role, time and key fingerprint; who is named without a signature
    that verifies (imported, or sealed without accounts); who was present and did not sign
    (sealed records only)."""
    if decision.status != "final":
        return []
    lines = (ctx.signers or {}).get(decision.record_hash or "")
    if lines is None:
        lines = signer_lines_of(decision)
    return [
        ctx.text(
            f"report.decision.{line.state}_line",
            name=line.name,
            role=line.role,
            at=timestamp(line.at),
            fingerprint=line.fingerprint or "",
        )
        for line in lines
    ]


def signer_lines_of(decision: Decision) -> list[SignerLine]:
    """Without the store's signatures: the named signers are unverified, the rest present."""
    lines = [SignerLine(s.name, s.role, "unverified", s.at) for s in decision.signed_by]
    named = {s.name for s in decision.signed_by}
    lines += [SignerLine(a.name, a.role, "present") for a in decision.attendees
              if a.name not in named]  # fmt: skip
    return lines


def overrides_section(ctx: ReportContext) -> list[Flowable]:
    rows = [
        [
            d.meeting_date,
            _override_item(ctx, o.item),
            o.computed or "",
            o.chosen,
            o.reason or ctx.text("report.override.no_reason"),
            o.by or "",
        ]
        for d in ctx.case.decisions
        for o in d.overrides
    ]
    headers = [
        "report.label.meeting_date",
        "report.override.item",
        "report.override.computed",
        "report.override.chosen",
        "report.override.reason",
        "report.override.by",
    ]
    body = [data_table(ctx, headers, rows)] if rows else [para(ctx, none_recorded(ctx))]
    return section(ctx, "report.heading.overrides", body)


def timestamp(value: str | None) -> str:
    """A recorded ISO time as a reader writes it, "T" made a space; zone and seconds kept."""
    return "" if value is None else value.replace("T", " ")


def _override_item(ctx: ReportContext, item: str) -> str:
    """A known item ("bclc") by its printed label ("BCLC stage (Reig 2022)"), else as typed."""
    key = f"report.label.{item}"
    return ctx.text(key) if key in text_table() else item


def follow_up_text(ctx: ReportContext, follow_up: FollowUp | None) -> str:
    if follow_up is None:
        return missing(ctx)
    text = ctx.term(f"term.follow_up.{follow_up.status}")
    return f"{text}: {follow_up.reason}" if follow_up.reason else text
