"""The plan sections of one case's MDT summary: regimen and alternatives, timing, adjuvant plan,
the decision records, overrides and the local-policy rules relied on. `case_sections` chains a
case's whole summary: the decision on its first page (report.front), then its basis."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, PageBreak

from desktop.logic.clinical import (
    LOCOREGIONAL,
    AdjuvantOption,
    Component,
    Evaluation,
    Evidence,
    RegimenVerdict,
    washout_rule_id,
)
from desktop.logic.model import Case, Rules, Term, agent_term, lifecycle, text_table
from desktop.logic.report.decision import overrides_section, records_section
from desktop.logic.report.front import decision_page
from desktop.logic.report.layout import (
    ReportContext,
    bullets,
    data_table,
    key_values,
    missing,
    none_recorded,
    or_not_recorded,
    para,
    section,
    subheading,
    yes_no,
)
from desktop.logic.report.sections import FINDINGS_SECTIONS, regimen_name

Section = Callable[[ReportContext], list[Flowable]]


COMPACT_COLUMNS = 2  # unflagged regimens not chosen: names only, this many to a row


def case_sections(ctx: ReportContext) -> list[Flowable]:
    """The decision page, then the basis: findings first, then the plan's details."""
    story: list[Flowable] = [*decision_page(ctx), PageBreak(), basis_title(ctx)]
    for build in (*FINDINGS_SECTIONS, *PLAN_SECTIONS):
        story.extend(build(ctx))
    return story


def basis_title(ctx: ReportContext) -> Flowable:
    return para(ctx, ctx.text("report.heading.basis"), "title")


def regimen_section(ctx: ReportContext) -> list[Flowable]:
    """The chosen regimen in full; regimens with a caution or contraindication with their
    reasons; the other suitable ones, not chosen, in one compact table of names."""
    decision = lifecycle.latest(ctx.case.decisions)
    chosen_id = decision.regimen_id if decision else None
    regimens = ctx.evaluation.regimens
    chosen = next((v for v in regimens if v.regimen.id == chosen_id), None)
    if chosen_id is None:
        body: list[Flowable] = [para(ctx, ctx.text("report.regimen.none_chosen"))]
    elif chosen is None:
        body = [para(ctx, ctx.text("report.regimen.not_in_catalogue", regimen=chosen_id))]
    else:
        body = _regimen_detail(ctx, chosen)
    others = [v for v in regimens if v is not chosen]
    flagged = [v for v in others if v.verdict != "suitable"]
    unflagged = [v.regimen.name.render(ctx.lang) for v in others if v.verdict == "suitable"]
    alternatives: list[Flowable] = []
    if flagged:
        rows = [
            [v.regimen.name.render(ctx.lang), _verdict(ctx, v.verdict), ctx.sentences(v.reasons)]
            for v in flagged
        ]
        headers = ["report.regimen.name", "report.regimen.verdict", "report.regimen.reasons"]
        alternatives += [
            subheading(ctx, "report.regimen.flagged"),
            data_table(ctx, headers, rows, widths=[170, 60, None]),
        ]
    if unflagged:
        alternatives += [subheading(ctx, "report.regimen.unflagged"), _names_table(ctx, unflagged)]
    return [
        *section(ctx, "report.heading.regimen", body),
        *section(
            ctx, "report.heading.alternatives", alternatives or [para(ctx, none_recorded(ctx))]
        ),
    ]


def _names_table(ctx: ReportContext, names: list[str]) -> Flowable:
    """Names side by side, COMPACT_COLUMNS to a row, in catalogue order down the rows."""
    rows_needed = -(-len(names) // COMPACT_COLUMNS)
    columns = [names[i * rows_needed : (i + 1) * rows_needed] for i in range(COMPACT_COLUMNS)]
    rows = [
        [column[r] if r < len(column) else "" for column in columns] for r in range(rows_needed)
    ]
    return data_table(ctx, ["report.regimen.name"] * COMPACT_COLUMNS, rows)


def _regimen_detail(ctx: ReportContext, verdict: RegimenVerdict) -> list[Flowable]:
    regimen = verdict.regimen
    components = [_component(ctx, c) for c in regimen.components]
    rows = [
        ("report.regimen.name", regimen.name.render(ctx.lang)),
        ("report.regimen.verdict", _verdict(ctx, verdict.verdict)),
        ("report.regimen.components", components),
    ]
    evidence = [_evidence_line(ctx, e) for e in regimen.evidence]
    return [
        key_values(ctx, rows),
        subheading(ctx, "report.regimen.reasons"),
        *(bullets(ctx, ctx.sentences(verdict.reasons)) or [para(ctx, none_recorded(ctx))]),
        subheading(ctx, "report.regimen.evidence"),
        *(bullets(ctx, evidence) or [para(ctx, none_recorded(ctx))]),
    ]


def _component(ctx: ReportContext, component: Component) -> str:
    """A drug with its class ("lenvatinib (tyrosine kinase inhibitor)"); a procedure, whose
    name already says its class (HAIC, TACE), alone."""
    name = agent_term(component.name)
    cls = component.class_
    if cls in LOCOREGIONAL:
        return _render(name, ctx.lang)
    return ctx.text("report.regimen.component", name=name, cls=Term(f"term.class.{cls}"))


def _evidence_line(ctx: ReportContext, evidence: Evidence) -> str:
    parts = [evidence.design_name(ctx.lang)]
    if evidence.trial:
        parts.append(evidence.trial)
    if evidence.size:
        parts.append(f"n={evidence.size}")
    separator = "，" if ctx.lang == "zh_CN" else ", "
    details = ctx.text("report.regimen.evidence_details", parts=separator.join(parts))
    return ctx.text(
        "report.regimen.evidence_line",
        ref=evidence.ref,
        details=details,
        finding=evidence.finding.render(ctx.lang),
    )


def timing_section(ctx: ReportContext) -> list[Flowable]:
    surgery = ctx.evaluation.surgery
    decision = lifecycle.latest(ctx.case.decisions)
    strategy = decision.timing_strategy if decision else None
    earliest = surgery.earliest_date
    rows = [
        (
            "report.timing.strategy",
            ctx.term(f"term.timing.{strategy}") if strategy else missing(ctx),
        ),
        (
            "report.timing.earliest",
            earliest.isoformat() if earliest else ctx.text("report.timing.no_date"),
        ),
        ("report.timing.planned", or_not_recorded(ctx, ctx.case.planned_surgery_date)),
        ("report.timing.flr", yes_no(ctx, surgery.flr_ok)),
    ]
    body: list[Flowable] = [key_values(ctx, rows)]
    body += bullets(
        ctx, ctx.sentences([*surgery.why, surgery.planned_date_check, *surgery.flr_why])
    )
    body += [
        subheading(ctx, "report.timing.blockers"),
        *(bullets(ctx, ctx.sentences(surgery.blockers)) or [para(ctx, none_recorded(ctx))]),
    ]
    if surgery.facts:
        body += [
            subheading(ctx, "report.timing.facts"),
            *bullets(ctx, ctx.sentences(surgery.facts)),
        ]
    return section(ctx, "report.heading.timing", body)


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
            data_table(ctx, headers, rows, widths=[130, 55, 55, None]),
        ]
    return section(ctx, "report.heading.adjuvant", body)


def _adjuvant_row(ctx: ReportContext, option: AdjuvantOption) -> list[Any]:
    spec = option.spec
    months = spec.duration_months
    recommended = (
        "report.adjuvant.recommended" if spec.recommended else "report.adjuvant.not_recommended"
    )
    return [
        spec.name.render(ctx.lang),
        ctx.text("report.value.months", months=months) if months is not None else "",
        ctx.text(recommended),
        [
            *ctx.sentences([*option.stop_rule_messages, *option.notes]),
            *(_evidence_line(ctx, e) for e in spec.evidence),
        ],
    ]


def local_policy_section(ctx: ReportContext) -> list[Flowable]:
    ids = relied_rule_ids(ctx.case, ctx.evaluation, ctx.rules)
    rows = []
    for rule_id in ids:
        entry = ctx.rules.entry(rule_id)
        value = policy_value(ctx, entry.value, entry.unit)
        rows.append([rule_id, value, entry.source_in(ctx.lang)])
    headers = ["report.policy.rule", "report.policy.value", "report.policy.source"]
    note = para(ctx, ctx.text("report.policy.note", version=ctx.rules.version), "small")
    table = (
        data_table(ctx, headers, rows, widths=[150, 80, None])
        if rows
        else para(ctx, none_recorded(ctx))
    )
    return section(ctx, "report.heading.local_policy", [note, table])


def policy_value(ctx: ReportContext, value: Any, unit: str | None) -> str:
    """A rule's value in the reader's language: a verdict through the glossary, a number with
    its unit ("7 days", "7 天"); a rule without a value is applied per MDT protocol."""
    if value is None:
        return ctx.text("report.policy.per_protocol")
    if isinstance(value, str):
        return _verdict(ctx, value)
    unit_key = f"report.unit.{unit}"
    if unit and unit_key in text_table():
        return ctx.text(unit_key, value=value)
    return f"{value} {unit or ''}".strip()


def relied_rule_ids(case: Case, evaluation: Evaluation, rules: Rules) -> list[str]:
    """Local-policy rules this case touched: named in the evaluation, or the washout of an agent
    given, or the FLR threshold that applies; in rules-file order."""
    found = {rule_id for rule_id in evaluation.rule_ids if rule_id in rules.rules}
    for treatment in case.treatments:
        for name in [treatment.regimen, *(a.name for a in treatment.agents)]:
            washout = washout_rule_id(name)
            if washout:
                found.add(washout)
    if case.liver.future_liver_remnant_percent is not None:
        cirrhotic = case.liver.cirrhosis is not False
        found.add("flr.min_percent_cirrhosis" if cirrhotic else "flr.min_percent_no_cirrhosis")
    return [rid for rid, entry in rules.rules.items() if rid in found and entry.is_local_policy]


def _verdict(ctx: ReportContext, verdict: str | None) -> str:
    return ctx.term(f"term.verdict.{verdict}") if verdict else missing(ctx)


def _render(value: Any, lang: str) -> str:
    return value.render(lang) if hasattr(value, "render") else str(value)


PLAN_SECTIONS: tuple[Section, ...] = (
    regimen_section,
    timing_section,
    adjuvant_section,
    records_section,
    overrides_section,
    local_policy_section,
)
