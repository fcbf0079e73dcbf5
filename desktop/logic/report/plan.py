"""The plan sections of one case's MDT summary: regimen and alternatives, timing, adjuvant plan,
the decision records, overrides and the rules relied on. `case_sections` chains a case's whole
summary: the decision on its first page (report.front), then its basis."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, PageBreak

from desktop.logic.clinical import (
    AdjuvantOption,
)
from desktop.logic.model import lifecycle
from desktop.logic.report.decision import overrides_section, records_section
from desktop.logic.report.front import decision_page
from desktop.logic.report.layout import (
    ReportContext,
    data_table,
    key_values,
    missing,
    or_not_recorded,
    para,
    section,
    subheading,
)
from desktop.logic.report.sections import FINDINGS_SECTIONS, regimen_name
from desktop.logic.report.verdicts import (
    evidence_line,
    policy_value,
    regimen_section,
    relied_rule_ids,
    rules_section,
    timing_section,
)

__all__ = ["case_sections", "policy_value", "relied_rule_ids"]

Section = Callable[[ReportContext], list[Flowable]]
# No "recommended" without a source that recommends: null reads "no recommendation".
_RECOMMENDATION = {
    True: "report.adjuvant.recommended",
    False: "report.adjuvant.not_recommended",
    None: "report.adjuvant.no_recommendation",
}


def case_sections(ctx: ReportContext) -> list[Flowable]:
    """The decision page, then the basis: findings first, then the plan's details."""
    story: list[Flowable] = [*decision_page(ctx), PageBreak(), basis_title(ctx)]
    for build in (*FINDINGS_SECTIONS, *PLAN_SECTIONS):
        story.extend(build(ctx))
    return story


def basis_title(ctx: ReportContext) -> Flowable:
    return para(ctx, ctx.text("report.heading.basis"), "title")


def adjuvant_section(ctx: ReportContext) -> list[Flowable]:
    decision = lifecycle.latest(ctx.case.decisions)
    plan = decision.adjuvant_plan if decision else None
    if plan:
        months = (
            ctx.text("report.value.months", months=plan.duration_months)
            if plan.duration_months is not None
            else missing(ctx)
        )
        body: list[Flowable] = [
            key_values(
                ctx,
                [
                    ("report.adjuvant.chosen", regimen_name(ctx, plan.option)),
                    ("report.adjuvant.duration", months),
                    ("report.adjuvant.notes", or_not_recorded(ctx, plan.notes)),
                ],
            )
        ]
    else:
        body = [para(ctx, ctx.text("report.adjuvant.none"))]
    rows = [_adjuvant_row(ctx, option) for option in ctx.evaluation.adjuvant]
    headers = [
        "report.regimen.name",
        "report.adjuvant.duration",
        "report.regimen.verdict",
        "report.adjuvant.stop_rules",
    ]
    if rows:
        body += [
            subheading(ctx, "report.adjuvant.options"),
            data_table(ctx, headers, rows, widths=[120, 50, 80, None]),  # whole words
        ]
    return section(ctx, "report.heading.adjuvant", body)


def _adjuvant_row(ctx: ReportContext, option: AdjuvantOption) -> list[Any]:
    spec = option.spec
    months = spec.duration_months
    recommended = _RECOMMENDATION[spec.recommended]
    return [
        spec.name.render(ctx.lang),
        ctx.text("report.value.months", months=months) if months is not None else "",
        ctx.text(recommended),
        [
            *ctx.sentences([*option.stop_rule_messages, *option.notes]),
            *(evidence_line(ctx, e) for e in spec.evidence),
        ],
    ]


PLAN_SECTIONS: tuple[Section, ...] = (
    regimen_section,
    timing_section,
    adjuvant_section,
    records_section,
    overrides_section,
    rules_section,
)
