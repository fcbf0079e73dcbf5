"""A patient with every safety input recorded and reassuring, and helpers to assess variants."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from desktop.logic.clinical.regimens import load_catalogue
from desktop.logic.clinical.safety import RegimenVerdict, assess_regimens
from desktop.logic.clinical.scores import albi, child_pugh
from desktop.logic.model.case import Case
from desktop.logic.model.rules import Rules, default_rules
from tests.factories import case_data

CATALOGUE = load_catalogue()
AS_OF = dt.date(2026, 6, 15)
ALL_IDS = [r.id for r in CATALOGUE.regimens]


def ids_with(*classes: str) -> set[str]:
    return {r.id for r in CATALOGUE.regimens if set(classes) & set(r.classes)}


def ids_with_agent(agent: str) -> set[str]:
    return {r.id for r in CATALOGUE.regimens if r.has_agent(agent)}


ICI, ANTI_VEGF, TKI = ids_with("ici"), ids_with("anti_vegf"), ids_with("tki")
TACE, SIRT, HAIC = ids_with("tace"), ids_with("sirt"), ids_with("haic")
LENVATINIB = ids_with_agent("lenvatinib")
BEVACIZUMAB = "atezolizumab-bevacizumab"

# Every input the checks read, recorded and reassuring (dates recent as of AS_OF).
COMPLETE: dict[str, Any] = {
    "patient.weight_kg": 70.0,
    "labs.creatinine": {"value": 70, "unit": "umol/L"},
    "labs.platelets": {"value": 180, "unit": "10^9/L"},
    "liver.cirrhosis": True,
    "liver.varices": "none",
    "liver.varices_assessed_on": "2026-05-01",
    "liver.variceal_bleeding_within_6_months": False,
    "liver.dialysis_twice_in_past_week": False,
    "tumor.infiltrative": False,
    "virology.hbsag_positive": False,
    "history.autoimmune_disease_active": False,
    "history.organ_transplant": False,
    "history.uncontrolled_hypertension": False,
    "history.proteinuria_g_per_24h": 0.1,
    "history.major_surgery_within_28_days": False,
    "history.systemic_steroids_mg_prednisone_per_day": 0,
    "history.interstitial_lung_disease": False,
    "history.prior_immune_related_ae_grade3plus": False,
    "history.bleeding_or_arterial_thrombosis_within_6_months": False,
}
# Hepatitis B present, treated, with a recent low HBV DNA.
HBV_TREATED: dict[str, Any] = {
    "virology.hbsag_positive": True,
    "virology.hbv_antiviral": True,
    "virology.hbv_dna_iu_per_ml": 100,
    "virology.hbv_dna_date": "2026-05-20",
}


REMOVE = object()


def complete_data(**changes: Any) -> dict[str, Any]:
    """The complete case with dotted-path changes; a value of REMOVE deletes that input."""
    data = case_data(**{k: v for k, v in {**COMPLETE, **changes}.items() if v is not REMOVE})
    for path, value in changes.items():
        if value is REMOVE:
            _remove(data, path)
    return data


def _remove(data: dict[str, Any], path: str) -> None:
    *parents, last = path.split(".")
    node = data
    for part in parents:
        node = node.get(part, {})
    node.pop(last, None)


def assess_case(
    case: Case, rules: Rules | None = None, as_of: dt.date = AS_OF
) -> dict[str, RegimenVerdict]:
    verdicts = assess_regimens(
        case,
        CATALOGUE,
        rules or default_rules(),
        as_of,
        child_pugh(case).points,
        albi(case).grade,
    )
    return {v.regimen.id: v for v in verdicts}


def assess(rules: Rules | None = None, as_of: dt.date = AS_OF, **changes: Any):
    return assess_case(Case.model_validate(complete_data(**changes)), rules, as_of)


def verdicts_of(results: dict[str, RegimenVerdict]) -> dict[str, str]:
    return {rid: v.verdict for rid, v in results.items()}


def check(result: RegimenVerdict, rule: str):
    found = [c for c in result.checks if c.rule == rule]
    assert len(found) == 1, (rule, [c.rule for c in result.checks])
    return found[0]


def outcomes(results: dict[str, RegimenVerdict], rule: str) -> dict[str, str]:
    """The outcome of `rule` per regimen it applies to."""
    return {rid: c.outcome for rid, v in results.items() for c in v.checks if c.rule == rule}


def changed_rules(rule_changes: dict[str, dict]) -> Rules:
    data = copy.deepcopy(default_rules().model_dump())
    for rule_id, fields in rule_changes.items():
        data["rules"][rule_id].update(fields)
    return Rules.model_validate(data)
