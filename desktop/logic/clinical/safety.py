"""Safety verdicts on every catalogue regimen, built from checks (clinical-rules.md, "Safety
checks, second edition"): each regimen carries one check per rule that applies to it, and its
verdict is the worst outcome, so `suitable` means every check ran on recorded data and found
nothing. Work that does not depend on the regimen is done once per case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop.logic.clinical.checks import (
    OK,
    UNCHECKED,
    Check,
    Policy,
    check_policy,
    render_reasons,
    worst,
)
from desktop.logic.clinical.regimens import Catalogue, Regimen, RegimenProfile
from desktop.logic.clinical.safety_components import Scoped, component_checks
from desktop.logic.clinical.safety_patient import (
    EventFacts,
    adverse_event_check,
    child_pugh_b_check,
    ecog_2_check,
    patient_checks,
    severe_events,
)
from desktop.logic.clinical.scores import child_pugh_class, settled
from desktop.logic.model import Case, Message, Rules, Term, msg

LENVATINIB_DOSE_RULE = "dose.lenvatinib.weight_kg"


@dataclass(frozen=True, slots=True)
class RegimenVerdict:
    """The verdict on one regimen for one case, with every check that decided it."""

    regimen: Regimen
    verdict: str
    checks: tuple[Check, ...]
    dose_note: Message | None = None

    @property
    def incomplete(self) -> bool:
        return any(check.outcome == UNCHECKED for check in self.checks)

    @property
    def checks_not_done(self) -> int:
        return sum(1 for check in self.checks if check.outcome == UNCHECKED)

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule ID of every check this verdict was built from."""
        return tuple(check.rule for check in self.checks)

    @property
    def reasons(self) -> tuple[Message, ...]:
        """The non-ok checks' reasons (first edition `reasons`)."""
        return tuple(check.reason for check in self.checks if check.outcome != OK)

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        regimen = self.regimen
        return {
            "id": regimen.id,
            "name": regimen.name.render(lang),
            "components": [c.to_output() for c in regimen.components],
            "verdict": self.verdict,
            "verdict_label": verdict_label(self.verdict, self.checks_not_done).render(lang),
            "checks": [check.to_output(lang) for check in self.checks],
            "incomplete": self.incomplete,
            "checks_not_done": self.checks_not_done,
            "reasons": render_reasons((c for c in self.checks if c.outcome != OK), lang),
            "dose_note": self.dose_note.render(lang) if self.dose_note else None,
            "evidence": [e.to_output(lang) for e in regimen.evidence],
            "population": [p.to_output(lang) for p in regimen.population],
            "adverse_events": [a.to_output(lang) for a in regimen.adverse_events],
            "triple": regimen.triple,
        }


def verdict_label(verdict: str, not_done: int) -> Message:
    """The verdict as shown, with the number of checks not done ("caution, 2 checks not done"):
    a caution can hide a check that never ran."""
    word = Term(f"term.verdict.{verdict}")
    if not_done == 0:
        return msg("checks.verdict", verdict=word)
    if not_done == 1:
        return msg("checks.verdict_not_done_one", verdict=word)
    return msg("checks.verdict_not_done", verdict=word, count=not_done)


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the per-regimen loop needs, computed once per case."""

    case: Case
    policy: Policy
    cp_class: str
    cp_label: str
    shared: tuple[Check, ...]
    scoped: tuple[Scoped, ...]
    events: EventFacts
    dose_note: Message


def assess_regimens(
    case: Case,
    catalogue: Catalogue,
    rules: Rules,
    as_of: dt.date,
    child_pugh_points: int,
    albi_grade: str,
) -> list[RegimenVerdict]:
    """A verdict for every conversion regimen of the catalogue, in catalogue order."""
    policy = check_policy(rules)
    cls = child_pugh_class(child_pugh_points)
    label = f"{cls}{child_pugh_points}"
    burden = max(case.tumor.nodules_cm) + len(case.tumor.nodules_cm)
    facts = CaseFacts(
        case=case,
        policy=policy,
        cp_class=cls,
        cp_label=label,
        shared=tuple(patient_checks(case, policy, cls, label, albi_grade)),
        scoped=tuple(component_checks(case, policy, as_of, child_pugh_points, burden)),
        events=severe_events(case, policy, catalogue),
        dose_note=lenvatinib_dose(case, policy, cls),
    )
    return [_verdict(profile, facts) for profile in catalogue.profiles]


def _verdict(profile: RegimenProfile, facts: CaseFacts) -> RegimenVerdict:
    policy, case = facts.policy, facts.case
    end_stage, liver_and_virus = facts.shared[:2], facts.shared[2:]
    checks = [
        *end_stage,
        ecog_2_check(case, policy, profile),
        child_pugh_b_check(policy, facts.cp_class, facts.cp_label, profile),
        *liver_and_virus,
        adverse_event_check(facts.events, policy, profile),
        *(scoped.check for scoped in facts.scoped if scoped.applies_to(profile)),
    ]
    verdict = worst(check.outcome for check in checks)
    dose = facts.dose_note if profile.lenvatinib else None
    return RegimenVerdict(profile.regimen, verdict, tuple(checks), dose)


def lenvatinib_dose(case: Case, policy: Policy, cp_class: str) -> Message:
    """Lenvatinib label (REFLECT): 8 mg below 60 kg, 12 mg at 60 kg or more; no HCC dose is
    given for Child-Pugh B or C. The note never changes a verdict."""
    limit = policy.numbers[LENVATINIB_DOSE_RULE]
    weight = case.patient.weight_kg
    liver = msg("dose.lenvatinib.no_label_dose", cls=cp_class) if cp_class in ("B", "C") else ""
    if weight is None:
        return msg("dose.lenvatinib.weight_needed", limit=limit, liver=liver)
    dose = 12 if settled(weight) >= limit else 8
    side = Term("dose.lenvatinib.at_or_above" if dose == 12 else "dose.lenvatinib.below")
    return msg(
        "dose.lenvatinib.dose",
        dose=dose,
        weight=float(weight),
        side=side,
        limit=limit,
        liver=liver,
    )


# --- the data checklist -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MissingInput:
    """One input a check lacked, listed once per patient with the rules that need it."""

    input: str
    rules: tuple[str, ...]

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        return {
            "input": self.input,
            "item": Term(f"checklist.{self.input}").render(lang),
            "rules": list(self.rules),
        }


def data_checklist(verdicts: list[RegimenVerdict]) -> tuple[MissingInput, ...]:
    """Every missing or too-old input across the regimens' checks, each once, in first-seen
    order, with the rule IDs that could not run without it."""
    needed: dict[str, list[str]] = {}
    for verdict in verdicts:
        for check in verdict.checks:
            for name in check.missing:
                rules = needed.setdefault(name, [])
                if check.rule not in rules:
                    rules.append(check.rule)
    return tuple(MissingInput(name, tuple(rules)) for name, rules in needed.items())
