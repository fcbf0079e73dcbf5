"""The regimen, timing and rules sections of the summary: every verdict with its checks (rule ID,
outcome, reason, source) and the number of checks not done, the data checklist, the earliest
surgery date only beside liver_ok, the largest resection and flr_ok, and every rule relied on."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from desktop.logic.clinical import (
    LOCOREGIONAL,
    Component,
    Evaluation,
    Evidence,
    RegimenVerdict,
    verdict_label,
    washout_rule_id,
)
from desktop.logic.model import Case, Rules, Term, agent_term, lifecycle, text_table
from desktop.logic.report.layout import (
    Markup,
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

# Verdict and outcome colours: `unchecked` has its own, never the green of `suitable`.
COLOURS = {
    "suitable": "#1e7d3a",
    "ok": "#1e7d3a",
    "caution": "#b26a00",
    "contraindicated": "#b3261e",
    "unchecked": "#5b3f9e",
}


def coloured(text: str, key: str | None) -> Markup:
    colour = COLOURS.get(key or "", "#374151")
    return Markup(f'<font color="{colour}"><b>{escape(text)}</b></font>')


def verdict_text(ctx: ReportContext, verdict: RegimenVerdict) -> Markup:
    """The verdict in its colour with the number of checks not done ("caution, 2 checks not
    done"): a caution can hide a check that never ran."""
    label = verdict_label(verdict.verdict, verdict.checks_not_done).render(ctx.lang)
    return coloured(label, verdict.verdict)


# --- regimen ------------------------------------------------------------------------------------


def regimen_section(ctx: ReportContext) -> list[Flowable]:
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
    # Flagged (caution, contraindicated, unchecked) with their findings; the rest, suitable and
    # not chosen, shrink to one compact table of names.
    flagged = [v for v in others if v.verdict != "suitable"]
    unflagged = [v.regimen.name.render(ctx.lang) for v in others if v.verdict == "suitable"]
    alternatives: list[Flowable] = []
    if flagged:
        rows = [
            [v.regimen.name.render(ctx.lang), verdict_text(ctx, v), not_ok_lines(ctx, v)]
            for v in flagged
        ]
        headers = ["report.regimen.name", "report.regimen.verdict", "report.regimen.not_ok"]
        alternatives += [
            subheading(ctx, "report.regimen.flagged"),
            data_table(ctx, headers, rows, widths=[120, 85, None]),
        ]
    if unflagged:
        alternatives += [subheading(ctx, "report.regimen.unflagged"), _names_table(ctx, unflagged)]
    return [
        *section(ctx, "report.heading.regimen", body),
        *section(
            ctx, "report.heading.alternatives", alternatives or [para(ctx, none_recorded(ctx))]
        ),
        *section(ctx, "report.heading.checklist", _checklist(ctx)),
    ]


COMPACT_COLUMNS = 2  # suitable regimens not chosen: names only, this many to a row


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
    rows: list[tuple[str, Any]] = [
        ("report.regimen.name", regimen.name.render(ctx.lang)),
        ("report.regimen.verdict", verdict_text(ctx, verdict)),
        ("report.regimen.components", [_component(ctx, c) for c in regimen.components]),
    ]
    if verdict.dose_note is not None:
        rows.append(("report.regimen.dose", verdict.dose_note.render(ctx.lang)))
    checks = [
        [
            check.rule,
            coloured(ctx.term(f"term.outcome.{check.outcome}"), check.outcome),
            check.reason.render(ctx.lang),
            check.source.render(ctx.lang),
        ]
        for check in verdict.checks
    ]
    headers = [
        "report.policy.rule",
        "report.check.outcome",
        "report.check.reason",
        "report.policy.source",
    ]
    evidence = [evidence_line(ctx, e) for e in regimen.evidence]
    return [
        key_values(ctx, rows),
        subheading(ctx, "report.regimen.checks"),
        data_table(ctx, headers, checks, widths=[95, 50, None, 150]),
        subheading(ctx, "report.regimen.evidence"),
        *(bullets(ctx, evidence) or [para(ctx, none_recorded(ctx))]),
    ]


def not_ok_lines(ctx: ReportContext, verdict: RegimenVerdict) -> list[str]:
    """Findings with their rule ID and reason; checks not done by rule ID only (the data
    checklist names each missing input once)."""
    lines = [
        f"{c.rule}: {c.reason.render(ctx.lang)}"
        for c in verdict.checks
        if c.outcome in ("caution", "contraindicated")
    ]
    not_done = [c.rule for c in verdict.checks if c.outcome == "unchecked"]
    if not_done:
        lines.append(ctx.text("report.regimen.not_done", rules=", ".join(not_done)))
    return lines or [ctx.text("report.regimen.all_ok")]


def _checklist(ctx: ReportContext) -> list[Flowable]:
    lines = [
        ctx.text(
            "report.checklist.line",
            item=Term(f"checklist.{item.input}"),
            input=item.input,
            rules=", ".join(item.rules),
        )
        for item in ctx.evaluation.data_checklist
    ]
    dated = para(ctx, ctx.text("report.checklist.as_of", date=ctx.evaluation.as_of), "small")
    return [
        dated,
        para(ctx, _virology(ctx)),
        *(bullets(ctx, lines) or [para(ctx, ctx.text("report.checklist.none"))]),
    ]


def _virology(ctx: ReportContext) -> str:
    """Hepatitis B and C as recorded (HCV RNA is shown; no rule uses it yet)."""
    virology = ctx.case.virology
    dna = virology.hbv_dna_iu_per_ml
    dated = virology.hbv_dna_date.isoformat() if virology.hbv_dna_date else missing(ctx)
    return ctx.text(
        "report.virology.line",
        hbsag=yes_no(ctx, virology.hbsag_positive),
        dna=ctx.text("report.virology.dna", value=dna, date=dated)
        if dna is not None
        else missing(ctx),
        antiviral=yes_no(ctx, virology.hbv_antiviral),
        hcv=yes_no(ctx, virology.hcv_rna_detectable),
    )


def _component(ctx: ReportContext, component: Component) -> str:
    """A drug with its class ("lenvatinib (tyrosine kinase inhibitor)"); a procedure, whose
    name already says its class (HAIC, TACE), alone."""
    name = agent_term(component.name)
    cls = component.class_
    if cls in LOCOREGIONAL:
        return name.render(ctx.lang) if hasattr(name, "render") else str(name)
    return ctx.text("report.regimen.component", name=name, cls=Term(f"term.class.{cls}"))


def evidence_line(ctx: ReportContext, evidence: Evidence) -> str:
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


# --- timing -------------------------------------------------------------------------------------


def timing_section(ctx: ReportContext) -> list[Flowable]:
    """The earliest date is printed only in the same table as liver_ok, the largest resection
    and flr_ok (clinical-rules.md, resection readiness)."""
    surgery = ctx.evaluation.surgery
    decision = lifecycle.latest(ctx.case.decisions)
    strategy = decision.timing_strategy if decision else None
    earliest = surgery.earliest_date
    extent, band = surgery.resection_extent_max, surgery.makuuchi
    rows = [
        (
            "report.timing.strategy",
            ctx.term(f"term.timing.{strategy}") if strategy else missing(ctx),
        ),
        (
            "report.timing.earliest",
            earliest.isoformat() if earliest else ctx.text("report.timing.no_date"),
        ),
        ("report.timing.liver_ok", readiness_text(ctx, surgery.liver_ok)),
        (
            "report.timing.extent",
            ctx.term(f"resection.extent.{extent}") if extent else missing(ctx),
        ),
        ("report.timing.makuuchi", ctx.term(f"resection.band.{band}") if band else missing(ctx)),
        ("report.timing.flr", yes_no(ctx, surgery.flr_ok)),
        ("report.timing.planned", or_not_recorded(ctx, ctx.case.planned_surgery_date)),
    ]
    body: list[Flowable] = [
        key_values(ctx, rows),
        subheading(ctx, "report.timing.liver_why"),
        *bullets(ctx, ctx.sentences(surgery.liver_why)),
    ]
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


def readiness_text(ctx: ReportContext, liver_ok: bool | None) -> Markup:
    key = {True: "ok", False: "contraindicated", None: "unchecked"}[liver_ok]
    word = {True: "report.value.yes", False: "report.value.no", None: "report.timing.unknown"}
    return coloured(ctx.text(word[liver_ok]), key)


# --- the rules relied on ------------------------------------------------------------------------


RULE_HEADERS = (
    "report.policy.rule",
    "report.policy.value",
    "report.policy.status",
    "report.policy.source",
)
RULE_WIDTHS = (120, 60, 55, None)


def rules_section(ctx: ReportContext) -> list[Flowable]:
    relied = relied_rule_ids(ctx.case, ctx.evaluation, ctx.rules)
    if ctx.rules_in_appendix and relied:  # a meeting pack prints their table once, at its end
        note = ctx.text("report.policy.pack_note", count=len(relied), version=ctx.rules.version)
        return section(
            ctx,
            "report.heading.local_policy",
            [para(ctx, note, "small"), para(ctx, ", ".join(relied))],
        )
    note = para(ctx, ctx.text("report.policy.note", version=ctx.rules.version), "small")
    table = (
        data_table(ctx, RULE_HEADERS, [rule_row(ctx, rid) for rid in relied], widths=RULE_WIDTHS)
        if relied
        else para(ctx, none_recorded(ctx))
    )
    return section(ctx, "report.heading.local_policy", [note, table])



def rule_row(ctx: ReportContext, rule_id: str) -> list[Any]:
    """A rule as the rules table prints it: ID, value, published or local policy, source."""
    entry = ctx.rules.entry(rule_id)
    status = (
        "report.policy.status_local" if entry.is_local_policy else "report.policy.status_published"
    )
    return [
        rule_id,
        policy_value(ctx, entry.value, entry.unit),
        ctx.text(status),
        entry.source_in(ctx.lang),
    ]


def policy_value(ctx: ReportContext, value: Any, unit: str | None) -> str:
    """A rule's value in the reader's language: a verdict through the glossary, a number with
    its unit ("7 days", "7 天"); a rule without a value is applied per MDT protocol."""
    if value is None:
        return ctx.text("report.policy.per_protocol")
    if isinstance(value, str):
        return ctx.term(f"term.verdict.{value}")
    unit_key = f"report.unit.{unit}"
    if unit and unit_key in text_table():
        return ctx.text(unit_key, value=value)
    return f"{value} {unit or ''}".strip()


def relied_rule_ids(case: Case, evaluation: Evaluation, rules: Rules) -> list[str]:
    """Every rule this case relied on, published or local policy: each check's rule with its
    parameters (`<rule>.<parameter>`), the washout of an agent given, and the FLR threshold
    that applies; in rules-file order."""
    found = {rule_id for rule_id in evaluation.rule_ids if rule_id in rules.rules}
    found |= {rid for rid in rules.rules if rid.rsplit(".", 1)[0] in found}
    for treatment in case.treatments:
        for name in [treatment.regimen, *(a.name for a in treatment.agents)]:
            washout = washout_rule_id(name)
            if washout:
                found.add(washout)
    if case.liver.future_liver_remnant_percent is not None:
        cirrhotic = case.liver.cirrhosis is not False
        found.add("flr.min_percent_cirrhosis" if cirrhotic else "flr.min_percent_no_cirrhosis")
    return [rid for rid in rules.rules if rid in found]
