"""The plan sections of one case's MDT summary: regimen and alternatives, timing, adjuvant plan,
the decision, overrides and the local-policy rules relied on; `case_sections` chains them all."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable

from desktop.logic.clinical import LOCOREGIONAL
from desktop.logic.model import Case, Term, agent_term, resource, text_table
from desktop.logic.report.decision import decision_section, overrides_section
from desktop.logic.report.layout import (
    ReportContext,
    bullets,
    data_table,
    key_values,
    latest_decision,
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


def case_sections(ctx: ReportContext) -> list[Flowable]:
    story: list[Flowable] = []
    for build in (*FINDINGS_SECTIONS, *PLAN_SECTIONS):
        story.extend(build(ctx))
    return story


def regimen_section(ctx: ReportContext) -> list[Flowable]:
    decision = latest_decision(ctx.case)
    chosen_id = decision.regimen_id if decision else None
    regimens = ctx.evaluation.get("regimens", [])
    chosen = next((r for r in regimens if r.get("id") == chosen_id), None)
    if chosen_id is None:
        body: list[Flowable] = [para(ctx, ctx.text("report.regimen.none_chosen"))]
    elif chosen is None:
        body = [para(ctx, ctx.text("report.regimen.not_in_catalogue", regimen=chosen_id))]
    else:
        body = _regimen_detail(ctx, chosen)
    others = [r for r in regimens if r is not chosen]
    rows = [
        [
            r.get("name", r.get("id")),
            _verdict(ctx, r.get("verdict")),
            list(r.get("reasons", [])),
        ]
        for r in others
    ]
    headers = ["report.regimen.name", "report.regimen.verdict", "report.regimen.reasons"]
    alternatives = [data_table(ctx, headers, rows, widths=[170, 60, None])] if rows else []
    return [
        *section(ctx, "report.heading.regimen", body),
        *section(
            ctx, "report.heading.alternatives", alternatives or [para(ctx, none_recorded(ctx))]
        ),
    ]


def _regimen_detail(ctx: ReportContext, regimen: dict[str, Any]) -> list[Flowable]:
    components = [_component(ctx, c) for c in regimen.get("components", [])]
    rows = [
        ("report.regimen.name", regimen.get("name", regimen.get("id"))),
        ("report.regimen.verdict", _verdict(ctx, regimen.get("verdict"))),
        ("report.regimen.components", components),
    ]
    evidence = [_evidence_line(ctx, e) for e in regimen.get("evidence", [])]
    return [
        key_values(ctx, rows),
        subheading(ctx, "report.regimen.reasons"),
        *(bullets(ctx, regimen.get("reasons", [])) or [para(ctx, none_recorded(ctx))]),
        subheading(ctx, "report.regimen.evidence"),
        *(bullets(ctx, evidence) or [para(ctx, none_recorded(ctx))]),
    ]


def _component(ctx: ReportContext, component: dict[str, Any]) -> str:
    """A drug with its class ("lenvatinib (tyrosine kinase inhibitor)"); a procedure, whose
    name already says its class (HAIC, TACE), alone."""
    name = agent_term(str(component.get("name")))
    cls = component.get("class")
    if not cls or cls in LOCOREGIONAL:
        return _render(name, ctx.lang)
    return ctx.text("report.regimen.component", name=name, cls=Term(f"term.class.{cls}"))


def _evidence_line(ctx: ReportContext, evidence: dict[str, Any]) -> str:
    parts = [str(evidence[k]) for k in ("design", "trial") if evidence.get(k)]
    if evidence.get("size"):
        parts.append(f"n={evidence['size']}")
    separator = "，" if ctx.lang == "zh_CN" else ", "
    details = (
        ctx.text("report.regimen.evidence_details", parts=separator.join(parts)) if parts else ""
    )
    finding = evidence.get("finding", "")
    return ctx.text(
        "report.regimen.evidence_line",
        ref=evidence.get("ref", ""),
        details=details,
        finding=finding,
    )


def timing_section(ctx: ReportContext) -> list[Flowable]:
    surgery = ctx.evaluation.get("surgery") or {}
    decision = latest_decision(ctx.case)
    strategy = decision.timing_strategy if decision else None
    rows = [
        (
            "report.timing.strategy",
            ctx.term(f"term.timing.{strategy}") if strategy else missing(ctx),
        ),
        (
            "report.timing.earliest",
            surgery.get("earliest_date") or ctx.text("report.timing.no_date"),
        ),
        ("report.timing.planned", or_not_recorded(ctx, ctx.case.planned_surgery_date)),
        ("report.timing.flr", yes_no(ctx, surgery.get("flr_ok"))),
    ]
    body: list[Flowable] = [key_values(ctx, rows)]
    body += bullets(
        ctx,
        [
            *_as_list(surgery.get("why")),
            surgery.get("planned_date_check"),
            *_as_list(surgery.get("flr_why")),
        ],
    )
    body += [
        subheading(ctx, "report.timing.blockers"),
        *(bullets(ctx, surgery.get("blockers", [])) or [para(ctx, none_recorded(ctx))]),
    ]
    if surgery.get("facts"):
        body += [subheading(ctx, "report.timing.facts"), *bullets(ctx, surgery["facts"])]
    return section(ctx, "report.heading.timing", body)


def adjuvant_section(ctx: ReportContext) -> list[Flowable]:
    decision = latest_decision(ctx.case)
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
    rows = [
        [
            o.get("name", o.get("id")),
            ctx.text("report.value.months", months=o["duration_months"])
            if o.get("duration_months") is not None
            else "",
            ctx.text(
                "report.adjuvant.recommended"
                if o.get("recommended")
                else "report.adjuvant.not_recommended"
            ),
            _as_list(o.get("stop_rules"))
            + _as_list(o.get("notes"))
            + [_evidence_line(ctx, e) for e in o.get("evidence", [])],
        ]
        for o in ctx.evaluation.get("adjuvant", [])
    ]
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


def relied_rule_ids(case: Case, evaluation: dict[str, Any], rules: Any) -> list[str]:
    """Local-policy rules this case touched: named in the evaluation, or the washout of an agent
    given, or the FLR threshold that applies; in rules-file order."""
    found = {s for s in _strings(evaluation) if s in rules.rules}
    agents = _agents_table()
    for treatment in case.treatments:
        for name in [treatment.regimen, *(a.name for a in treatment.agents)]:
            washout = agents.get(name.lower(), {}).get("washout_rule")
            if washout:
                found.add(washout)
    if case.liver.future_liver_remnant_percent is not None:
        cirrhotic = case.liver.cirrhosis is not False
        found.add("flr.min_percent_cirrhosis" if cirrhotic else "flr.min_percent_no_cirrhosis")
    return [rid for rid, entry in rules.rules.items() if rid in found and entry.is_local_policy]


def _agents_table() -> dict[str, Any]:
    return json.loads(resource("agents.json").read_text(encoding="utf-8"))["agents"]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _verdict(ctx: ReportContext, verdict: str | None) -> str:
    return ctx.term(f"term.verdict.{verdict}") if verdict else missing(ctx)


def _render(value: Any, lang: str) -> str:
    return value.render(lang) if hasattr(value, "render") else str(value)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


PLAN_SECTIONS: tuple[Section, ...] = (
    regimen_section,
    timing_section,
    adjuvant_section,
    decision_section,
    overrides_section,
    local_policy_section,
)
