"""When resection can follow conversion therapy: drug washouts, unresolved severe toxicity, FLR,
and whether the liver is ready (resection.py), always reported together.

Every interval is a rules-file entry (local policy unless a label gives it); an agent the
planner does not know, one whose washout is missing from the rules file, or one still being
given leaves no earliest date rather than a guess; with no treatment recorded no washout applies
and no date is given.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any, NamedTuple

from desktop.logic.clinical.regimens import regimen_text
from desktop.logic.clinical.resection import LastDose, last_dose, liver_readiness, stale
from desktop.logic.clinical.scores import ChildPugh
from desktop.logic.model import (
    AdverseEvent,
    Agent,
    Case,
    Message,
    RuleEntry,
    Rules,
    Term,
    Treatment,
    adverse_event_term,
    agent_term,
    msg,
    render_all,
    resource,
)

# Severe toxicity defers surgery: CTCAE v5.0 grade threshold from the rules file (local policy).
ADVERSE_EVENT_RULE = "timing.unresolved_adverse_event_min_grade"
# FLR: >= 30 % without, >= 40 % with cirrhosis or chronic liver injury (Chinese guideline practice).
FLR_NO_CIRRHOSIS_RULE = "flr.min_percent_no_cirrhosis"
FLR_CIRRHOSIS_RULE = "flr.min_percent_cirrhosis"
# Chronic liver injury counts with cirrhosis for the FLR threshold (clinical-rules.md).
CHRONIC_LIVER_INJURY = ("hbv", "hcv", "alcohol", "masld")

# The review's section 6 facts the timing screen shows (conversion-therapy-review-2024).
SECTION_6_FACTS = (
    Message("timing.fact_stability"),
    Message("timing.fact_recurrence"),
    Message("timing.fact_pcr"),
    Message("timing.fact_strategies"),
)


class SurgeryTiming(NamedTuple):
    """The earliest resection date with what holds it back, and the FLR check."""

    earliest_date: dt.date | None
    blockers: tuple[Message, ...]
    flr_ok: bool | None
    flr_why: tuple[Message, ...]
    liver_ok: bool | None = None
    liver_why: tuple[Message, ...] = ()
    makuuchi: str | None = None
    resection_extent_max: str | None = None
    facts: tuple[Message, ...] = SECTION_6_FACTS
    icg_r15_percent: float | None = None
    planned_date_check: Message | None = None
    why: tuple[Message, ...] = ()

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        return {
            "earliest_date": self.earliest_date.isoformat() if self.earliest_date else None,
            "blockers": render_all(self.blockers, lang),
            "liver_ok": self.liver_ok,
            "liver_why": render_all(self.liver_why, lang),
            "makuuchi": self.makuuchi,
            "resection_extent_max": self.resection_extent_max,
            "flr_ok": self.flr_ok,
            "flr_why": render_all(self.flr_why, lang),
            "icg_r15_percent": self.icg_r15_percent,
            "facts": render_all(self.facts, lang),
            "planned_date_check": (
                self.planned_date_check.render(lang) if self.planned_date_check else None
            ),
            "why": render_all(self.why, lang),
        }


class Wait(NamedTuple):
    """One thing surgery waits for: its sentence, and the date it clears (None: no date known)."""

    line: Message
    name: str
    clears: dt.date | None
    moves_date: bool = True


def surgery_timing(
    case: Case, rules: Rules, child_pugh: ChildPugh, meld: int | None, as_of: dt.date
) -> SurgeryTiming:
    waits = washout_waits(case, rules, as_of) + adverse_event_waits(case, rules)
    earliest, why = earliest_surgery_date(case, waits)
    flr_ok, flr_why = flr_assessment(case, rules, last_dose(case))
    liver = liver_readiness(case, child_pugh, meld, rules)
    return SurgeryTiming(
        earliest_date=earliest,
        blockers=tuple(wait.line for wait in waits),
        flr_ok=flr_ok,
        flr_why=flr_why,
        liver_ok=liver.liver_ok,
        liver_why=liver.why,
        makuuchi=liver.makuuchi,
        resection_extent_max=liver.extent,
        icg_r15_percent=case.liver.icg_r15_percent,
        planned_date_check=planned_date_check(case, earliest),
        why=why,
    )


# --- earliest date ---------------------------------------------------------------------------


def earliest_surgery_date(
    case: Case, waits: list[Wait]
) -> tuple[dt.date | None, tuple[Message, ...]]:
    """Latest clearing date over the waits, never before the assessment date; no date at all
    without a treatment on record (no washout applies)."""
    assessed = case.assessed_on.isoformat()
    if not case.treatments:
        return None, (msg("timing.no_treatment"),)
    if any(wait.moves_date and wait.clears is None for wait in waits):
        return None, (msg("timing.earliest_unknown"),)
    dated = [wait for wait in waits if wait.moves_date]
    if not dated:
        return case.assessed_on, (msg("timing.no_dated_washout", date=assessed),)
    last = max(wait.clears for wait in dated if wait.clears)
    if last <= case.assessed_on:
        return case.assessed_on, (msg("timing.earliest_assessed", date=assessed),)
    names = [agent_term(name) for name in sorted({w.name for w in dated if w.clears == last})]
    return last, (msg("timing.earliest_from", date=last.isoformat(), names=names),)


def planned_date_check(case: Case, earliest: dt.date | None) -> Message | None:
    planned = case.planned_surgery_date
    if planned is None:
        return None
    if earliest is None:
        return msg("timing.planned_unchecked", planned=planned.isoformat())
    if planned < earliest:
        days = (earliest - planned).days
        return msg(
            "timing.planned_too_early",
            planned=planned.isoformat(),
            earliest=earliest.isoformat(),
            days=days,
        )
    return msg("timing.planned_ok", planned=planned.isoformat(), earliest=earliest.isoformat())


# --- washouts --------------------------------------------------------------------------------


def washout_waits(case: Case, rules: Rules, as_of: dt.date) -> list[Wait]:
    waits = []
    for treatment in case.treatments:
        if not treatment.agents:
            line = msg("timing.no_agents", regimen=regimen_text(treatment.regimen))
            waits.append(Wait(line, treatment.regimen, None))
        waits += [agent_wait(treatment, agent, rules, as_of) for agent in treatment.agents]
    return waits


def agent_wait(treatment: Treatment, agent: Agent, rules: Rules, as_of: dt.date) -> Wait:
    """Last dose + the agent's washout from the rules file, in words; an agent is never
    skipped: no known rule, a rule missing from the rules file, or a dose after the day of
    evaluation each hold the date back with a blocker."""
    rule_id = washout_rule_id(agent.name)
    if rule_id is None:
        line = msg(
            "timing.unknown_agent",
            agent=agent_term(agent.name),
            regimen=regimen_text(treatment.regimen),
        )
        return Wait(line, agent.name, None)
    if rule_id not in rules.rules:
        line = msg(
            "timing.washout_missing",
            agent=agent_term(agent.name),
            rule=rule_id,
            version=rules.version,
        )
        return Wait(line, agent.name, None)
    entry = rules.entry(rule_id)
    last_dose, from_stop = agent.last_dose or treatment.stopped, agent.last_dose is None
    if last_dose is not None and last_dose > as_of:
        line = msg(
            "timing.dose_after_today",
            agent=agent_term(agent.name),
            last_dose=last_dose.isoformat(),
            as_of=as_of.isoformat(),
        )
        return Wait(line, agent.name, None)
    if entry.value is None:
        return _per_protocol_wait(agent, last_dose, entry)
    days = _whole_days(entry.value)
    if days is None:
        line = msg(
            "timing.washout_unusable", agent=agent_term(agent.name), rule=rule_id, value=entry.value
        )
        return Wait(line, agent.name, None)
    if last_dose is None:
        line = msg(
            "timing.still_given",
            agent=agent_term(agent.name),
            regimen=regimen_text(treatment.regimen),
            days=days,
            source=_source(entry),
        )
        return Wait(line, agent.name, None)
    clears = last_dose + dt.timedelta(days=days)
    key = "timing.washout_from_stop" if from_stop else "timing.washout"
    line = msg(
        key,
        agent=agent_term(agent.name),
        last_dose=last_dose.isoformat(),
        days=days,
        source=_source(entry),
        clears=clears.isoformat(),
    )
    return Wait(line, agent.name, clears)


def _per_protocol_wait(agent: Agent, last_dose: dt.date | None, entry: RuleEntry) -> Wait:
    """PD-1/PD-L1 antibodies: no label washout; timing per MDT protocol, the date not moved."""
    if last_dose is None:
        line = msg(
            "timing.per_protocol_still_given", agent=agent_term(agent.name), source=_source(entry)
        )
    else:
        line = msg(
            "timing.per_protocol",
            agent=agent_term(agent.name),
            last_dose=last_dose.isoformat(),
            source=_source(entry),
        )
    return Wait(line, agent.name, None, moves_date=False)


def washout_rule_id(agent_name: str) -> str | None:
    known = agent_catalogue().get(agent_name.strip().lower())
    return known["washout_rule"] if known else None


@cache
def agent_catalogue() -> dict[str, dict[str, str]]:
    """resources/agents.json: agent or procedure name -> component class and washout rule id."""
    data = json.loads(resource("agents.json").read_text(encoding="utf-8"))
    return {name.lower(): entry for name, entry in data["agents"].items()}


def _whole_days(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if value < 0 or not float(value).is_integer():
        return None
    return int(value)


# --- adverse events --------------------------------------------------------------------------


def adverse_event_waits(case: Case, rules: Rules) -> list[Wait]:
    """An unresolved severe adverse event defers surgery until it resolves (local policy)."""
    entry = rules.entry(ADVERSE_EVENT_RULE)
    min_grade = _whole_days(entry.value)  # a whole number, like a day count
    if min_grade is None:
        line = msg("timing.adverse_event_rule_unusable", rule=ADVERSE_EVENT_RULE, value=entry.value)
        return [Wait(line, ADVERSE_EVENT_RULE, None)]
    return [
        _adverse_event_wait(event, entry)
        for event in case.adverse_events
        if event.resolved is None and event.grade >= min_grade
    ]


def _adverse_event_wait(event: AdverseEvent, entry: RuleEntry) -> Wait:
    onset = event.onset.isoformat() if event.onset else Term("term.timing.date_unrecorded")
    line = msg(
        "timing.adverse_event",
        grade=event.grade,
        event=adverse_event_term(event.term),
        onset=onset,
        source=_source(entry),
    )
    return Wait(line, event.term, None)


# --- future liver remnant --------------------------------------------------------------------


def flr_assessment(
    case: Case, rules: Rules, dose: LastDose
) -> tuple[bool | None, tuple[Message, ...]]:
    """FLR against the rules-file threshold for this liver; ICG-R15 shown beside it. A short
    FLR stands however old; an adequate one must be newer than the last dose."""
    rule_id, basis = _flr_rule(case, rules)
    entry = rules.entry(rule_id)
    flr = case.liver.future_liver_remnant_percent
    why = [basis]
    ok: bool | None = None
    if flr is None:
        why.append(msg("timing.flr_missing", required=entry.value, source=_source(entry)))
    elif flr < entry.value:
        ok = False
        why.append(msg("timing.flr_short", flr=flr, required=entry.value, source=_source(entry)))
    elif stale(case.liver.flr_date, dose):
        measured = case.liver.flr_date
        why.append(
            msg(
                "timing.flr_old",
                flr=flr,
                required=entry.value,
                source=_source(entry),
                measured=measured.isoformat() if measured else Term("term.timing.date_unrecorded"),
            )
        )
    else:
        ok = True
        why.append(msg("timing.flr_enough", flr=flr, required=entry.value, source=_source(entry)))
    icg = case.liver.icg_r15_percent
    why.append(msg("timing.icg", value=icg) if icg is not None else msg("timing.icg_missing"))
    return ok, tuple(why)


def _flr_rule(case: Case, rules: Rules) -> tuple[str, Message]:
    chronic = [cause for cause in case.etiology if cause in CHRONIC_LIVER_INJURY]
    if case.liver.cirrhosis:
        return FLR_CIRRHOSIS_RULE, msg("timing.flr_basis_cirrhosis")
    if chronic:
        causes = [Term(f"term.etiology.{cause}") for cause in chronic]
        return FLR_CIRRHOSIS_RULE, msg("timing.flr_basis_chronic", causes=causes)
    if case.liver.cirrhosis is False:
        return FLR_NO_CIRRHOSIS_RULE, msg("timing.flr_basis_none")
    stricter = max((FLR_CIRRHOSIS_RULE, FLR_NO_CIRRHOSIS_RULE), key=lambda rule: rules.value(rule))
    return stricter, msg("timing.flr_basis_unknown")


def _source(entry: RuleEntry) -> Message:
    """The rule's source, flagged "local policy, confirm" when a department sets it."""
    key = "timing.source_local" if entry.is_local_policy else "timing.source_published"
    return msg(key, source=entry.source_text)
