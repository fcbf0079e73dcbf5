"""Patient-wide safety checks (clinical-rules.md, second edition): liver function, performance
status, decompensation, hepatitis B, and severe adverse events on an agent of the regimen.

These apply to every conversion regimen and always appear (`ok` when not triggered). A few name
something per regimen (the populations its evidence enrolled, the events on its agents), so they
are built per regimen from facts gathered once per case.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from desktop.logic.clinical.checks import OK, UNCHECKED, Check, Policy, joined
from desktop.logic.clinical.regimens import Catalogue, RegimenProfile, ae_term
from desktop.logic.model import AdverseEvent, Case, Message, agent_term, msg, resource

# BCLC (Reig et al., J Hepatol 2022): ECOG PS 3-4 is stage D; ECOG 2 is beyond the trials' 0-1.
ECOG_END_STAGE, ECOG_TWO = 3, 2
MILD_ASCITES, SEVERE_ASCITES = "mild", "moderate_severe"
MILD_HE, SEVERE_HE = "grade_1_2", "grade_3_4"
# ICI labels: permanently discontinue after myocarditis (any grade), grade 3-4 pneumonitis, or any
# grade 4 immune-related adverse reaction.
MYOCARDITIS, PNEUMONITIS = "myocarditis", "pneumonitis"
PNEUMONITIS_STOP_GRADE, IRAE_STOP_GRADE = 3, 4


def hbv_present(case: Case) -> bool | None:
    """HBV present (HBsAg positive, or HBV among the causes); None when HBsAg was never recorded."""
    if case.virology.hbsag_positive or "hbv" in case.etiology:
        return True
    return False if case.virology.hbsag_positive is False else None


# --- same for every regimen ------------------------------------------------------------------


def patient_checks(
    case: Case, policy: Policy, cp_class: str, cp_label: str, albi_grade: str
) -> list[Check]:
    """Child-Pugh C and ECOG 3-4 first, then ALBI, decompensation and hepatitis B."""
    checks = [
        _child_pugh_c(policy, cp_class, cp_label),
        _ecog_3_4(case, policy),
        _albi_3(policy, albi_grade),
        _decompensation(case, policy),
        _hbv_screening(case, policy),
    ]
    if hbv_present(case):
        checks.append(_hbv_antiviral(case, policy))
    return checks


def _child_pugh_c(policy: Policy, cp_class: str, label: str) -> Check:
    # Review section 2; Child-Pugh C is end-stage (BCLC D, Reig et al. 2022).
    rule = "liver.child_pugh_c"
    if cp_class == "C":
        return policy.fired(rule, "check.liver.child_pugh_c.fired", label=label)
    return policy.ok(rule, "check.liver.child_pugh_c.ok", label=label)


def _ecog_3_4(case: Case, policy: Policy) -> Check:
    rule = "performance.ecog_3_4"
    if case.ecog >= ECOG_END_STAGE:
        return policy.fired(rule, "check.performance.ecog_3_4.fired", ecog=case.ecog)
    return policy.ok(rule, "check.performance.ecog_3_4.ok", ecog=case.ecog)


def _albi_3(policy: Policy, grade: str) -> Check:
    # ALBI grade 3: Johnson et al., J Clin Oncol 2015 (local policy: caution).
    if grade == "3":
        return policy.fired("liver.albi_3", "check.liver.albi_3.fired")
    return policy.ok("liver.albi_3", "check.liver.albi_3.ok", grade=grade)


def _decompensation(case: Case, policy: Policy) -> Check:
    """Severe ascites/encephalopathy: contraindicated; mild ones or recent variceal bleeding:
    the milder outcome; a bleeding history never recorded leaves the check undone."""
    liver, rule = case.liver, "liver.decompensation"
    severe = _events(liver.ascites == SEVERE_ASCITES, liver.encephalopathy == SEVERE_HE, "severe")
    if severe:
        return policy.fired(rule, "check.liver.decompensation.severe", events=severe)
    mild = _events(liver.ascites == MILD_ASCITES, liver.encephalopathy == MILD_HE, "mild")
    if liver.variceal_bleeding_within_6_months:
        mild.append(Message("check.event.variceal_bleeding"))
    if mild:
        outcome = policy.outcomes["liver.decompensation.mild"]
        reason = msg("check.liver.decompensation.mild", events=mild)
        return Check(rule, outcome, reason, policy.sources["liver.decompensation.mild"])
    if liver.variceal_bleeding_within_6_months is None:
        return policy.unchecked(
            rule,
            "check.liver.decompensation.unchecked",
            "liver.variceal_bleeding_within_6_months",
        )
    return policy.ok(rule, "check.liver.decompensation.ok")


def _events(ascites: bool, encephalopathy: bool, degree: str) -> list[Message]:
    found = []
    if ascites:
        found.append(Message(f"check.event.ascites_{degree}"))
    if encephalopathy:
        found.append(Message(f"check.event.encephalopathy_{degree}"))
    return found


def _hbv_screening(case: Case, policy: Policy) -> Check:
    # ASCO provisional clinical opinion (Hwang et al., J Clin Oncol 2020): screen everyone.
    rule, hbsag = "virus.hbv_screening", case.virology.hbsag_positive
    if hbsag is not None:
        return policy.ok(
            rule,
            "check.virus.hbv_screening.positive"
            if hbsag
            else ("check.virus.hbv_screening.negative"),
        )
    if "hbv" in case.etiology:
        return policy.ok(rule, "check.virus.hbv_screening.etiology")
    return policy.check(
        rule, "fired", "check.virus.hbv_screening.unchecked", "virology.hbsag_positive"
    )


def _hbv_antiviral(case: Case, policy: Policy) -> Check:
    # ASCO 2020 (prophylaxis through and 12 months after therapy); CNLC 2022 (throughout).
    rule, antiviral = "virus.hbv_antiviral", case.virology.hbv_antiviral
    if antiviral is None:
        return policy.unchecked(
            rule, "check.virus.hbv_antiviral.unchecked", "virology.hbv_antiviral"
        )
    if not antiviral:
        return policy.fired(rule, "check.virus.hbv_antiviral.fired")
    return policy.ok(rule, "check.virus.hbv_antiviral.ok")


# --- named per regimen ------------------------------------------------------------------------


def child_pugh_b_check(
    policy: Policy, cp_class: str, label: str, enrolled: tuple[Message, ...]
) -> Check:
    """Child-Pugh B: caution, naming the populations this regimen's evidence enrolled."""
    rule = "liver.child_pugh_b"
    if cp_class != "B":
        return policy.ok(rule, "check.liver.child_pugh_b.ok", label=label)
    return policy.for_enrolment(
        rule,
        label,
        enrolled,
        lambda: policy.fired(
            rule, "check.liver.child_pugh_b.fired", label=label, enrolled=_enrolment(enrolled)
        ),
    )


def ecog_2_check(case: Case, policy: Policy, enrolled: tuple[Message, ...]) -> Check:
    """ECOG 2: caution, naming the ECOG PS this regimen's evidence enrolled (SHARP: 0-2)."""
    rule = "performance.ecog_2"
    if case.ecog != ECOG_TWO:
        return policy.ok(rule, "check.performance.ecog_2.ok", ecog=case.ecog)
    return policy.for_enrolment(
        rule,
        "",
        enrolled,
        lambda: policy.fired(rule, "check.performance.ecog_2.fired", enrolled=_enrolment(enrolled)),
    )


def _enrolment(enrolled: tuple[Message, ...]) -> Message:
    return joined(list(enrolled) or [Message("check.enrolment.none")])


# --- severe adverse events --------------------------------------------------------------------


class SevereEvent(NamedTuple):
    """One severe event on one agent: the agent, its class, and whether it stops every ICI."""

    event: AdverseEvent
    agent: str
    agent_class: str | None
    stops_ici: bool


@dataclass(slots=True)
class EventFacts:
    """Severe events gathered once per case; events that cannot be matched to any regimen."""

    matched: list[SevereEvent] = field(default_factory=list)
    unmatched: list[Message] = field(default_factory=list)
    # (ids of the matched events on a regimen, whether the ICI class stops) -> the check
    checks: dict[tuple[tuple[int, ...], bool], Check] = field(default_factory=dict)


def severe_events(case: Case, policy: Policy, catalogue: Catalogue) -> EventFacts:
    """Grade >= the rule's minimum on any agent, plus ICI events that stop the class at any grade
    (myocarditis); unresolved first, as the rule says to name them first."""
    min_grade = policy.numbers["ae.grade3_attributed.min_grade"]
    classes = agent_classes()
    facts = EventFacts()
    events = sorted(case.adverse_events, key=lambda e: e.resolved is not None)
    for event in events:
        term = event.term.strip().lower()
        if not event.attributed_to:
            if event.grade >= min_grade:
                facts.unmatched.append(msg("check.ae.unattributed", **_event_params(event)))
            continue
        for given in event.attributed_to:
            agent = given.strip().lower()
            agent_class = classes.get(agent)
            stops = agent_class == "ici" and _stops_ici(term, event.grade)
            if event.grade < min_grade and not stops:
                continue
            if agent_class is None and agent not in catalogue.component_names:
                facts.unmatched.append(
                    msg("check.ae.unknown_agent", agent=agent_term(agent), **_event_params(event))
                )
                continue
            facts.matched.append(SevereEvent(event, agent, agent_class, stops))
    return facts


def _stops_ici(term: str, grade: int) -> bool:
    if MYOCARDITIS in term:
        return True
    if PNEUMONITIS in term and grade >= PNEUMONITIS_STOP_GRADE:
        return True
    return grade >= IRAE_STOP_GRADE


def _event_params(event: AdverseEvent) -> dict[str, object]:
    state = "check.ae.unresolved" if event.resolved is None else "check.ae.resolved"
    return {
        "grade": event.grade,
        "event": ae_term(event.term.strip().lower()),
        "state": Message(state),
    }


def adverse_event_check(facts: EventFacts, policy: Policy, profile: RegimenProfile | None) -> Check:
    """The worst of the severe events on this regimen's agents (an ICI event: the whole class);
    without any severe event the check reads the same for every regimen (`profile` None)."""
    on_regimen = [e for e in facts.matched if profile is not None and _on_regimen(e, profile)]
    stops = (
        any(e.stops_ici for e in on_regimen) and profile is not None and ("ici" in profile.classes)
    )
    # Regimens matching the same events read the same: one check per set of events, per case.
    key = (tuple(map(id, on_regimen)), stops)
    found = facts.checks.get(key)
    if found is None:
        found = facts.checks[key] = _event_check(facts, policy, on_regimen, stops)
    return found


def _event_check(
    facts: EventFacts, policy: Policy, on_regimen: list[SevereEvent], stops: bool
) -> Check:
    rule = "ae.grade3_attributed"
    lines = [
        msg("check.ae.event", agent=agent_term(e.agent), **_event_params(e.event))
        for e in on_regimen
    ]
    if stops:
        source = policy.sources["ae.grade3_attributed.severe_irae"]
        outcome = policy.outcomes["ae.grade3_attributed.severe_irae"]
        return Check(rule, outcome, msg("check.ae.stops_ici", events=joined(lines)), source)
    if on_regimen:
        return policy.fired(rule, "check.ae.fired", events=joined(lines))
    if facts.unmatched:
        return Check(
            rule,
            UNCHECKED,
            msg("check.ae.unchecked", events=joined(facts.unmatched)),
            policy.sources[rule],
            ("adverse_events.attributed_to",),
        )
    return Check(rule, OK, Message("check.ae.ok"), policy.sources[rule])


def _on_regimen(event: SevereEvent, profile: RegimenProfile) -> bool:
    # Immune-related events count for every ICI regimen (class, not brand).
    if event.agent_class == "ici":
        return "ici" in profile.classes
    return profile.regimen.component_for(event.agent, event.agent_class) is not None


@cache
def agent_classes() -> dict[str, str]:
    """Agent or procedure name -> component class, from resources/agents.json."""
    data = json.loads(resource("agents.json").read_text(encoding="utf-8"))
    return {name.lower(): spec["class"] for name, spec in data["agents"].items()}
