"""The first page of a case's MDT summary: the decision itself.

Question, recommendation, the regimen with its verdict for this case, the timing strategy with
the earliest date, the adjuvant plan, dissent and reopen conditions, attendees and signatures,
in that order; the basis (findings, regimen reasons, timing, records) follows on the next page.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from desktop.logic.clinical import verdict_label
from desktop.logic.model import Decision, lifecycle
from desktop.logic.report.decision import follow_up_text, signature_lines, timestamp
from desktop.logic.report.layout import (
    Markup,
    ReportContext,
    key_values,
    missing,
    or_not_recorded,
    para,
    section,
    yes_no,
)
from desktop.logic.report.sections import regimen_name
from desktop.logic.report.verdicts import coloured, not_ok_lines, readiness_text


def decision_page(ctx: ReportContext) -> list[Flowable]:
    """The decision of the latest record (a draft says which sealed record is in force)."""
    decision = lifecycle.latest(ctx.case.decisions)
    if decision is None:
        return section(
            ctx, "report.heading.decision", [para(ctx, ctx.text("report.decision.none"))]
        )
    body: list[Flowable] = []
    sealed = lifecycle.latest_final(ctx.case.decisions)
    if sealed is not None and sealed is not decision:
        note = ctx.text("report.decision.draft_note", date=sealed.meeting_date.isoformat())
        body.append(para(ctx, note))
    body.append(key_values(ctx, front_rows(ctx, decision)))
    return section(ctx, "report.heading.decision", body)


def front_rows(ctx: ReportContext, decision: Decision) -> list[tuple[str, Any]]:
    """The decision in the order the meeting reads it, one (label key, value) row each."""
    status = ctx.text(f"report.decision.{decision.status}")
    if lifecycle.is_final(decision) and decision.finalized_at:
        status = f"{status}, {timestamp(decision.finalized_at)}"
    rows: list[tuple[str, Any]] = [
        ("report.decision.status", status),
        ("report.decision.question", or_not_recorded(ctx, decision.question)),
        ("report.decision.recommendation", or_not_recorded(ctx, decision.recommendation)),
        (
            "report.decision.regimen",
            [regimen_with_verdict(ctx, decision.regimen_id), *_flag_reasons(ctx, decision)],
        ),
        ("report.decision.timing", timing_lines(ctx, decision)),
        ("report.heading.adjuvant", adjuvant_lines(ctx, decision)),
        ("report.decision.dissent", or_not_recorded(ctx, decision.dissent)),
        ("report.decision.reopen", list(decision.reopen_conditions) or missing(ctx)),
        ("report.decision.follow_up", follow_up_text(ctx, decision.follow_up)),
        ("report.decision.attendees", [f"{a.name} ({a.role})" for a in decision.attendees]),
        ("report.decision.signatures", signature_lines(ctx, decision)),
    ]
    rows = [(key, value or missing(ctx)) for key, value in rows]
    if decision.amends:
        rows.append(("report.decision.amends", decision.amends))
    if lifecycle.is_final(decision):
        rows.append(("report.decision.record_hash", decision.record_hash))
    return rows


def regimen_with_verdict(ctx: ReportContext, regimen_id: str | None) -> str | Markup:
    """ "HAIC (FOLFOX) + lenvatinib + PD-1 inhibitor: suitable for this case" in the verdict's
    colour, with the number of checks not done; a regimen the catalogue does not know prints as
    recorded."""
    if regimen_id is None:
        return missing(ctx)
    found = next((v for v in ctx.evaluation.regimens if v.regimen.id == regimen_id), None)
    if found is None:
        return ctx.text("report.regimen.not_in_catalogue", regimen=regimen_id)
    verdict = verdict_label(found.verdict, found.checks_not_done).render(ctx.lang)
    line = ctx.text("report.decision.regimen_verdict", regimen=regimen_name(ctx, regimen_id),
                    verdict=verdict)  # fmt: skip
    return coloured(line, found.verdict)


def _flag_reasons(ctx: ReportContext, decision: Decision) -> list[str]:
    """The chosen regimen's findings (rule: reason) and checks not done; none when suitable."""
    found = next((v for v in ctx.evaluation.regimens if v.regimen.id == decision.regimen_id), None)
    if found is None or found.verdict == "suitable":
        return []
    return [f"• {line}" for line in not_ok_lines(ctx, found)]


def timing_lines(ctx: ReportContext, decision: Decision) -> list[str]:
    """The strategy chosen, the earliest resection date and the planned one."""
    strategy = decision.timing_strategy
    earliest = ctx.evaluation.surgery.earliest_date
    surgery = ctx.evaluation.surgery
    extent = surgery.resection_extent_max
    lines: list[str] = [
        ctx.term(f"term.timing.{strategy}") if strategy else missing(ctx),
        ctx.text("report.decision.timing_earliest", date=earliest.isoformat())
        if earliest
        else ctx.text("report.timing.no_date"),
        # never the date alone: liver_ok, the largest resection and flr_ok beside it
        Markup(
            f"{escape(ctx.text('report.timing.liver_ok'))}: "
            f"{readiness_text(ctx, surgery.liver_ok)}"
        ),
        f"{ctx.text('report.timing.extent')}: "
        + (ctx.term(f"resection.extent.{extent}") if extent else missing(ctx)),
        f"{ctx.text('report.timing.flr')}: {yes_no(ctx, surgery.flr_ok)}",
    ]
    if ctx.case.planned_surgery_date:
        planned = ctx.case.planned_surgery_date.isoformat()
        lines.append(ctx.text("report.decision.timing_planned", date=planned))
    return lines


def adjuvant_lines(ctx: ReportContext, decision: Decision) -> list[str] | str:
    plan = decision.adjuvant_plan
    if not plan:
        return ctx.text("report.adjuvant.none")
    lines = [regimen_name(ctx, plan.option)]
    if plan.duration_months is not None:
        lines.append(ctx.text("report.value.months", months=plan.duration_months))
    if plan.notes:
        lines.append(plan.notes)
    return lines
