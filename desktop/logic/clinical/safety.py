"""Safety verdicts on every catalogue regimen, built from checks (clinical-rules.md, "Safety
checks, second edition"): each regimen carries one check per rule that applies to it, and its
verdict is the worst outcome, so `suitable` means every check ran on recorded data and found
nothing. Work that does not depend on the regimen is done once per case.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from desktop.logic.clinical.checks import (
    CAUTION,
    CONTRAINDICATED,
    OK,
    RANK,
    SUITABLE,
    UNCHECKED,
    Check,
    Policy,
    check_policy,
)
from desktop.logic.clinical.regimens import Catalogue, Regimen, RegimenKind
from desktop.logic.clinical.safety_components import (
    ScopeLayout,
    component_checks,
    slot_table,
    slots_for,
)
from desktop.logic.clinical.safety_patient import (
    ECOG_TWO,
    adverse_event_check,
    child_pugh_b_check,
    ecog_2_check,
    patient_checks,
    severe_events,
)
from desktop.logic.clinical.scores import child_pugh_class, settled
from desktop.logic.model import Case, Message, Rules, Term, msg

LENVATINIB_DOSE_RULE = "dose.lenvatinib.weight_kg"
# The verdict of the worst outcome's rank (checks.RANK): contraindicated > caution > unchecked.
VERDICT_BY_RANK = {0: SUITABLE, 1: UNCHECKED, 2: CAUTION, 3: CONTRAINDICATED}
UNCHECKED_RANK = RANK[UNCHECKED]


class RegimenVerdict(NamedTuple):
    """The verdict on one regimen for one case, with every check that decided it.

    The checks are held as the parts every regimen shares (patient-wide, built once per case),
    its own three, and the indices of the component checks that apply to it; `checks` puts
    them together in the order they are shown."""

    regimen: Regimen
    verdict: str
    checks_not_done: int
    shared: tuple[Check, ...]
    own: tuple[Check, Check, Check]
    components: tuple[Check, ...]
    slots: tuple[int, ...]
    dose_note: Message | None = None

    @property
    def checks(self) -> tuple[Check, ...]:
        # Child-Pugh C and ECOG 3-4, ECOG 2 and Child-Pugh B, the rest of liver function and
        # hepatitis B, adverse events, then the components' checks.
        shared, own, components = self.shared, self.own, self.components
        return (
            *shared[:2],
            own[0],
            own[1],
            *shared[2:],
            own[2],
            *(components[i] for i in self.slots),
        )

    @property
    def incomplete(self) -> bool:
        return self.checks_not_done > 0

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule ID of every check this verdict was built from."""
        return tuple(check.rule for check in self.checks)

    @property
    def reasons(self) -> tuple[Message, ...]:
        """The non-ok checks' reasons (first edition `reasons`)."""
        return tuple(check.reason for check in self.checks if check.outcome != OK)

    def to_output(
        self, lang: str = "en", rendered: dict[int, dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        """The regimen as hcc-mdt-evaluation/1 names it; `rendered` shares the rendering of
        checks that several regimens hold (the patient-wide ones) across one output."""
        regimen = self.regimen
        seen = {} if rendered is None else rendered
        checks = []
        for check in self.checks:
            out = seen.get(id(check))
            if out is None:
                out = seen[id(check)] = check.to_output(lang)
            checks.append(dict(out))  # a copy each: no output shares a mutable object
        return {
            "id": regimen.id,
            "name": regimen.name.render(lang),
            "components": [c.to_output() for c in regimen.components],
            "verdict": self.verdict,
            "verdict_label": verdict_label(self.verdict, self.checks_not_done).render(lang),
            "checks": checks,
            "incomplete": self.incomplete,
            "checks_not_done": self.checks_not_done,
            "reasons": [c["reason"] for c in checks if c["outcome"] != OK],
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


def assess_regimens(
    case: Case,
    catalogue: Catalogue,
    rules: Rules,
    as_of: dt.date,
    child_pugh_points: int,
    albi_grade: str,
) -> list[RegimenVerdict]:
    """A verdict for every conversion regimen of the catalogue, in catalogue order. Everything
    that does not depend on the regimen is built once; the loop only combines."""
    policy = check_policy(rules)
    cls = child_pugh_class(child_pugh_points)
    label = f"{cls}{child_pugh_points}"
    burden = max(case.tumor.nodules_cm) + len(case.tumor.nodules_cm)
    events = severe_events(case, policy, catalogue)
    components, layout = component_checks(case, policy, as_of, child_pugh_points, burden)
    component_rank = [RANK[c.outcome] for c in components]
    shared = tuple(patient_checks(case, policy, cls, label, albi_grade))
    shared_rank = max(RANK[c.outcome] for c in shared)
    shared_undone = sum(1 for c in shared if c.outcome == UNCHECKED)
    ecog_2 = ecog_2_check(case, policy, ()) if case.ecog != ECOG_TWO else None
    child_pugh_b = child_pugh_b_check(policy, cls, label, ()) if cls != "B" else None
    no_events = not events.matched and not events.unmatched
    ae = adverse_event_check(events, policy, None) if no_events else None
    dose = lenvatinib_dose(case, policy, cls)
    # The three own checks read the same for every regimen unless ECOG is 2, Child-Pugh is B or
    # a severe event names an agent: then each regimen's are built, else one shared triple.
    same_own = (ecog_2, child_pugh_b, ae) if ecog_2 and child_pugh_b and ae else None
    base_rank, base_undone = shared_rank, shared_undone
    if same_own is not None:
        own_ranks = [RANK[c.outcome] for c in same_own]
        base_rank = max(base_rank, *own_ranks)
        base_undone += own_ranks.count(UNCHECKED_RANK)
    plan = _verdict_plan(catalogue, layout, component_rank, base_rank, base_undone)
    if same_own is not None:
        return [
            RegimenVerdict(
                profile.regimen,
                VERDICT_BY_RANK[rank],
                undone,
                shared,
                same_own,
                components,
                slots,
                dose if profile.lenvatinib else None,
            )
            for profile, (slots, rank, undone) in zip(catalogue.profiles, plan, strict=True)
        ]
    verdicts = []
    for profile, (slots, rank, undone) in zip(catalogue.profiles, plan, strict=True):
        own = (
            ecog_2 or ecog_2_check(case, policy, profile.enrolment),
            child_pugh_b or child_pugh_b_check(policy, cls, label, profile.enrolment),
            ae or adverse_event_check(events, policy, profile),
        )
        own_ranks = [RANK[c.outcome] for c in own]
        verdicts.append(
            RegimenVerdict(
                profile.regimen,
                VERDICT_BY_RANK[max(rank, *own_ranks)],
                undone + own_ranks.count(UNCHECKED_RANK),
                shared,
                own,
                components,
                slots,
                dose if profile.lenvatinib else None,
            )
        )
    return verdicts


# Per regimen: the indices of its component checks, its worst rank and its checks not done.
VerdictPlan = tuple[tuple[tuple[int, ...], int, int], ...]
_MAX_PLANS = 1024  # distinct patterns of outcomes kept per catalogue
_plan_cache: dict[int, tuple[Catalogue, dict[Any, VerdictPlan]]] = {}


def _plans_of(catalogue: Catalogue) -> dict[Any, VerdictPlan]:
    """The verdict plans of a catalogue object; kept while that object lives, so a department's
    catalogue never reads another's."""
    hit = _plan_cache.get(id(catalogue))
    if hit is not None and hit[0] is catalogue:
        return hit[1]
    if len(_plan_cache) > 16:
        _plan_cache.clear()
    plans: dict[Any, VerdictPlan] = {}
    _plan_cache[id(catalogue)] = (catalogue, plans)
    return plans


def _verdict_plan(
    catalogue: Catalogue,
    layout: ScopeLayout,
    component_rank: list[int],
    base_rank: int,
    base_undone: int,
) -> VerdictPlan:
    """Each regimen's slots, worst rank and checks not done for one pattern of outcomes (the
    component checks' layout and ranks, and the worst and undone of the checks all share).
    Patients share patterns, so each is worked out once per catalogue."""
    plans = _plans_of(catalogue)
    key = (layout, tuple(component_rank), base_rank, base_undone)
    plan = plans.get(key)
    if plan is not None:
        return plan
    table = slot_table(layout)
    by_kind: dict[RegimenKind, tuple[tuple[int, ...], int, int]] = {}
    rows = []
    for profile in catalogue.profiles:
        found = by_kind.get(profile.kind)
        if found is None:
            slots = slots_for(layout, table, profile)
            ranks = [component_rank[i] for i in slots]
            found = by_kind[profile.kind] = (
                slots,
                max(base_rank, max(ranks, default=0)),
                base_undone + ranks.count(UNCHECKED_RANK),
            )
        rows.append(found)
    if len(plans) >= _MAX_PLANS:
        plans.clear()
    plans[key] = plan = tuple(rows)
    return plan


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


class MissingInput(NamedTuple):
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
    for check in _checks_missing_input(verdicts):
        for name in check.missing:
            rules = needed.setdefault(name, [])
            if check.rule not in rules:
                rules.append(check.rule)
    return tuple(MissingInput(name, tuple(rules)) for name, rules in needed.items())


def _checks_missing_input(verdicts: list[RegimenVerdict]) -> list[Check]:
    """The checks that lacked an input, each once, in the order the verdicts hold them (their
    patient-wide and own checks, then the component checks by index), without walking what the
    verdicts share once per regimen: a tuple the previous verdict held is skipped (its checks
    are already taken)."""
    found: list[Check] = []
    shared: tuple[Check, ...] = ()
    own: tuple[Check, ...] = ()
    components: tuple[Check, ...] | None = None
    indices: set[int] = set()
    slots: dict[int, tuple[tuple[Check, ...], set[int]]] = {}
    for verdict in verdicts:
        if verdict.shared is not shared:
            shared = verdict.shared
            found += [check for check in shared if check.missing]
        if verdict.own is not own:
            own = verdict.own
            found += [check for check in own if check.missing]
        if verdict.components is not components:
            components = verdict.components
            indices = slots.setdefault(id(components), (components, set()))[1]
        indices.update(verdict.slots)
    for checks, taken in slots.values():
        found += [checks[i] for i in sorted(taken) if checks[i].missing]
    return list({id(check): check for check in found}.values())
