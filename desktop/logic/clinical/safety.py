"""Safety verdicts on every catalogue regimen: suitable / caution / contraindicated, with reasons.

The checks are those of clinical-rules.md "Safety checks on regimens"; every threshold and verdict
comes from the rules file (`safety.*` entries) and each reason names its source, marked
"local policy, confirm" where the rule is a department value. Work that does not depend on the
regimen is done once per case; the per-regimen loop only combines precomputed concerns.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from desktop.logic.clinical.regimens import Catalogue, Regimen, RegimenProfile, ae_term
from desktop.logic.clinical.scores import child_pugh_class
from desktop.logic.model import VERDICT_ORDER, Case, Message, Rules, Term, agent_term, msg, resource

SUITABLE = "suitable"
LOCAL_POLICY = Message("safety.local_policy")
# End-stage performance status: BCLC (Reig et al., J Hepatol 2022), ECOG PS 3-4 is stage D.
ECOG_END_STAGE = 3

_VERDICT_RULES = (
    "safety.end_stage_verdict",
    "safety.child_pugh_b_triple_verdict",
    "safety.child_pugh_b_cp_a_evidence_verdict",
    "safety.tace_decompensated_verdict",
    "safety.ici_autoimmune_verdict",
    "safety.ici_transplant_verdict",
    "safety.anti_vegf_varices_verdict",
    "safety.anti_vegf_recent_bleeding_verdict",
    "safety.anti_vegf_proteinuria_verdict",
    "safety.anti_vegf_hypertension_verdict",
    "safety.anti_vegf_recent_surgery_verdict",
    "safety.tki_hypertension_verdict",
    "safety.tace_vp4_verdict",
    "safety.tace_large_nodule_verdict",
    "safety.adverse_event_verdict",
)


@dataclass(frozen=True, slots=True)
class Concern:
    """One rule that fired: its verdict, the sentence saying why, and the rule ids behind it."""

    verdict: str
    reason: Message
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RegimenVerdict:
    """The verdict on one regimen for one case; `rules` lists the rule ids that fired."""

    regimen: Regimen
    verdict: str
    reasons: tuple[Message, ...]
    rules: tuple[str, ...] = ()

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        regimen = self.regimen
        return {
            "id": regimen.id,
            "name": regimen.name.render(lang),
            "components": [c.to_output() for c in regimen.components],
            "verdict": self.verdict,
            "reasons": [reason.render(lang) for reason in self.reasons],
            "evidence": [e.to_output(lang) for e in regimen.evidence],
            "population": [p.to_output(lang) for p in regimen.population],
            "adverse_events": [a.to_output(lang) for a in regimen.adverse_events],
            "triple": regimen.triple,
            "rules": list(self.rules),
        }


@dataclass(frozen=True, slots=True)
class Policy:
    """The rules file's safety entries, read once per rules object."""

    version: str
    verdicts: dict[str, str]
    cited: dict[str, dict[str, Any]]
    proteinuria_limit: float
    tace_min_points: int
    nodule_limit_cm: float
    ae_min_grade: int


@dataclass(slots=True)
class CaseConcerns:
    """Everything about one case that the regimen loop needs, computed once."""

    every: list[Concern] = field(default_factory=list)
    by_class: dict[str, list[Concern]] = field(default_factory=dict)
    triple: list[Concern] = field(default_factory=list)
    child_pugh_b_label: str | None = None
    missing_every: list[Message] = field(default_factory=list)
    missing_by_class: dict[str, list[Message]] = field(default_factory=dict)
    adverse_events: list[tuple[str, str | None, Term | str, int]] = field(default_factory=list)


def assess_regimens(
    case: Case, child_pugh_points: int | None, catalogue: Catalogue, rules: Rules
) -> list[RegimenVerdict]:
    """A verdict for every conversion regimen of the catalogue, in catalogue order."""
    policy = safety_policy(rules)
    concerns = case_concerns(case, child_pugh_points, policy)
    _note_unknown_agents(concerns, catalogue)
    no_concern = msg("safety.no_contraindication", version=policy.version)
    return [_verdict(profile, concerns, policy, no_concern) for profile in catalogue.profiles]


_policy_cache: dict[int, tuple[Rules, Policy]] = {}


def safety_policy(rules: Rules) -> Policy:
    """The safety policy of a rules object; cached while that object lives."""
    hit = _policy_cache.get(id(rules))
    if hit is not None and hit[0] is rules:
        return hit[1]
    policy = _read_policy(rules)
    if len(_policy_cache) > 16:
        _policy_cache.clear()
    _policy_cache[id(rules)] = (rules, policy)
    return policy


def _read_policy(rules: Rules) -> Policy:
    verdicts = {}
    for rule_id in _VERDICT_RULES:
        value = rules.value(rule_id)
        if value not in VERDICT_ORDER:
            allowed = ", ".join(VERDICT_ORDER)
            raise ValueError(f"rule {rule_id}: verdict {value!r} is not one of {allowed}")
        verdicts[rule_id] = value
    cited = {}
    for rule_id in rules.rules:
        if rule_id.startswith("safety."):
            entry = rules.entry(rule_id)
            cited[rule_id] = {
                "source": entry.source_text,
                "policy": LOCAL_POLICY if entry.is_local_policy else "",
            }
    return Policy(
        version=rules.version,
        verdicts=verdicts,
        cited=cited,
        proteinuria_limit=float(rules.value("safety.anti_vegf_proteinuria_g_per_24h")),
        tace_min_points=int(rules.value("safety.tace_child_pugh_b_min_points")),
        nodule_limit_cm=float(rules.value("safety.tace_large_nodule_cm")),
        ae_min_grade=int(rules.value("safety.adverse_event_min_grade")),
    )


def _concern(policy: Policy, key: str, rule_id: str, *extra: str, **params: Any) -> Concern:
    reason = msg(key, **params, **policy.cited[rule_id])
    return Concern(policy.verdicts[rule_id], reason, (rule_id, *extra))


def case_concerns(case: Case, points: int | None, policy: Policy) -> CaseConcerns:
    found = CaseConcerns()
    _liver_and_performance(case, points, policy, found)
    _immunotherapy(case, policy, found)
    _anti_vegf(case, policy, found)
    _tki(case, policy, found)
    _tace(case, points, policy, found)
    _adverse_events(case, policy, found)
    return found


def _add(found: CaseConcerns, component_class: str, concern: Concern) -> None:
    found.by_class.setdefault(component_class, []).append(concern)


def _missing(found: CaseConcerns, component_class: str, key: str) -> None:
    found.missing_by_class.setdefault(component_class, []).append(Message(key))


def _liver_and_performance(
    case: Case, points: int | None, policy: Policy, found: CaseConcerns
) -> None:
    # Review section 2: Child-Pugh B/C may not tolerate intensive regimens; C / ECOG 3-4 end-stage.
    if case.ecog >= ECOG_END_STAGE:
        found.every.append(
            _concern(policy, "safety.end_stage_ecog", "safety.end_stage_verdict", ecog=case.ecog)
        )
    if points is None:
        found.missing_every.append(Message("safety.missing.child_pugh"))
        return
    # Child-Pugh class from points: Pugh 1973 (A 5-6, B 7-9, C 10-15), via scores.
    cls = child_pugh_class(points)
    label = f"{cls}{points}"
    if cls == "C":
        found.every.append(
            _concern(policy, "safety.end_stage_child_pugh", "safety.end_stage_verdict", label=label)
        )
    elif cls == "B":
        # Review section 5: triple therapy only with relatively preserved liver function.
        found.triple.append(
            _concern(
                policy,
                "safety.child_pugh_b_triple",
                "safety.child_pugh_b_triple_verdict",
                label=label,
            )
        )
        found.child_pugh_b_label = label


def _immunotherapy(case: Case, policy: Policy, found: CaseConcerns) -> None:
    # ICI exclusions (autoimmune disease, transplant): trial exclusion criteria, rules file.
    history = case.history
    if history.autoimmune_disease_active:
        _add(
            found, "ici", _concern(policy, "safety.ici_autoimmune", "safety.ici_autoimmune_verdict")
        )
    elif history.autoimmune_disease_active is None:
        _missing(found, "ici", "safety.missing.autoimmune")
    if history.organ_transplant:
        _add(
            found, "ici", _concern(policy, "safety.ici_transplant", "safety.ici_transplant_verdict")
        )
    elif history.organ_transplant is None:
        _missing(found, "ici", "safety.missing.transplant")


def _anti_vegf(case: Case, policy: Policy, found: CaseConcerns) -> None:
    # Bevacizumab bleeding, proteinuria, hypertension, surgery: label and IMbrave150 exclusions.
    liver, history = case.liver, case.history
    if liver.varices == "large_or_high_risk":
        _add(found, "anti_vegf", _concern(policy, "safety.anti_vegf_varices", _rid("varices")))
    elif liver.varices in (None, "unknown"):
        _missing(found, "anti_vegf", "safety.missing.varices")
    if liver.variceal_bleeding_within_6_months:
        concern = _concern(policy, "safety.anti_vegf_recent_bleeding", _rid("recent_bleeding"))
        _add(found, "anti_vegf", concern)
    elif liver.variceal_bleeding_within_6_months is None:
        _missing(found, "anti_vegf", "safety.missing.variceal_bleeding")
    _proteinuria(history.proteinuria_g_per_24h, policy, found)
    if history.uncontrolled_hypertension:
        concern = _concern(policy, "safety.anti_vegf_hypertension", _rid("hypertension"))
        _add(found, "anti_vegf", concern)
    elif history.uncontrolled_hypertension is None:
        _missing(found, "anti_vegf", "safety.missing.hypertension_anti_vegf")
    if history.major_surgery_within_28_days:
        concern = _concern(policy, "safety.anti_vegf_recent_surgery", _rid("recent_surgery"))
        _add(found, "anti_vegf", concern)
    elif history.major_surgery_within_28_days is None:
        _missing(found, "anti_vegf", "safety.missing.recent_surgery")


def _rid(name: str) -> str:
    return f"safety.anti_vegf_{name}_verdict"


def _proteinuria(value: float | None, policy: Policy, found: CaseConcerns) -> None:
    # Bevacizumab label: withhold for proteinuria >= 2 g/24 h (threshold from the rules file).
    if value is None:
        _missing(found, "anti_vegf", "safety.missing.proteinuria")
    elif value >= policy.proteinuria_limit:
        concern = _concern(
            policy,
            "safety.anti_vegf_proteinuria",
            _rid("proteinuria"),
            "safety.anti_vegf_proteinuria_g_per_24h",
            value=float(value),
            limit=policy.proteinuria_limit,
        )
        _add(found, "anti_vegf", concern)


def _tki(case: Case, policy: Policy, found: CaseConcerns) -> None:
    # TKI labels: control blood pressure before starting.
    if case.history.uncontrolled_hypertension:
        concern = _concern(policy, "safety.tki_hypertension", "safety.tki_hypertension_verdict")
        _add(found, "tki", concern)
    elif case.history.uncontrolled_hypertension is None:
        _missing(found, "tki", "safety.missing.hypertension_tki")


def _tace(case: Case, points: int | None, policy: Policy, found: CaseConcerns) -> None:
    # TACE limits: Vp4, nodule > 10 cm (review section 3, refs 23-24), decompensated cirrhosis.
    if case.tumor.portal_vein_invasion == "vp4":
        _add(found, "tace", _concern(policy, "safety.tace_vp4", "safety.tace_vp4_verdict"))
    largest = max(case.tumor.nodules_cm)
    if largest > policy.nodule_limit_cm:
        concern = _concern(
            policy,
            "safety.tace_large_nodule",
            "safety.tace_large_nodule_verdict",
            "safety.tace_large_nodule_cm",
            size=float(largest),
            limit=policy.nodule_limit_cm,
        )
        _add(found, "tace", concern)
    if points is not None and points >= policy.tace_min_points:
        concern = _concern(
            policy,
            "safety.tace_decompensated",
            "safety.tace_decompensated_verdict",
            "safety.tace_child_pugh_b_min_points",
            label=f"{child_pugh_class(points)}{points}",
            min_points=policy.tace_min_points,
        )
        _add(found, "tace", concern)


def _adverse_events(case: Case, policy: Policy, found: CaseConcerns) -> None:
    # Review section 8, point 5: CTCAE grade >= 3 is severe (minimum grade from the rules file).
    classes = agent_classes()
    for event in case.adverse_events:
        if event.grade < policy.ae_min_grade:
            continue
        label = ae_term(event.term.strip().lower())
        for given in event.attributed_to:
            agent = given.strip().lower()
            found.adverse_events.append((agent, classes.get(agent), label, event.grade))


def _note_unknown_agents(found: CaseConcerns, catalogue: Catalogue) -> None:
    """A severe event on an agent neither agents.json nor the catalogue knows cannot be matched."""
    for agent, agent_class, event, grade in found.adverse_events:
        if agent_class is None and agent not in catalogue.component_names:
            note = msg("safety.ae_unknown_agent", grade=grade, event=event, agent=agent_term(agent))
            found.missing_every.append(note)


def _verdict(
    profile: RegimenProfile, found: CaseConcerns, policy: Policy, no_concern: Message
) -> RegimenVerdict:
    concerns = list(found.every)
    missing = list(found.missing_every)
    by_class, missing_by_class = found.by_class, found.missing_by_class
    for component_class in profile.classes:
        if component_class in by_class:
            concerns.extend(by_class[component_class])
        if component_class in missing_by_class:
            missing.extend(missing_by_class[component_class])
    if profile.triple and found.triple:
        concerns.extend(found.triple)
    if found.child_pugh_b_label and profile.child_pugh_a_only_refs:
        concerns.append(
            _concern(
                policy,
                "safety.child_pugh_b_cp_a_evidence",
                "safety.child_pugh_b_cp_a_evidence_verdict",
                label=found.child_pugh_b_label,
                refs=list(profile.child_pugh_a_only_refs),
            )
        )
    if found.adverse_events:
        _match_adverse_events(profile.regimen, found, policy, concerns)
    if not concerns:
        return RegimenVerdict(profile.regimen, SUITABLE, (no_concern, *missing), ())
    return _combine(profile.regimen, concerns, missing)


def _match_adverse_events(
    regimen: Regimen, found: CaseConcerns, policy: Policy, concerns: list[Concern]
) -> None:
    for agent, agent_class, event, grade in found.adverse_events:
        component = regimen.component_for(agent, agent_class)
        if component is not None:
            concerns.append(
                _concern(
                    policy,
                    "safety.adverse_event",
                    "safety.adverse_event_verdict",
                    "safety.adverse_event_min_grade",
                    grade=grade,
                    event=event,
                    agent=agent_term(agent),
                    component=agent_term(component),
                )
            )


def _combine(
    regimen: Regimen, concerns: Sequence[Concern], missing: list[Message]
) -> RegimenVerdict:
    verdict = max((c.verdict for c in concerns), key=VERDICT_ORDER.__getitem__)
    rules = tuple(dict.fromkeys(rule for c in concerns for rule in c.rules))
    reasons = (*(c.reason for c in concerns), *missing)
    return RegimenVerdict(regimen, verdict, reasons, rules)


@cache
def agent_classes() -> dict[str, str]:
    """Agent or procedure name -> component class, from resources/agents.json."""
    data = json.loads(resource("agents.json").read_text(encoding="utf-8"))
    return {name.lower(): spec["class"] for name, spec in data["agents"].items()}
