"""Small valid cases for tests: `case_data(**changes)` edits a minimal hcc-mdt-case/1 dict."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from desktop.logic.model.case import Case

MINIMAL: dict[str, Any] = {
    "format": "hcc-mdt-case/1",
    "patient": {"mrn": "T-0001", "name": "Test Patient"},
    "assessed_on": "2026-06-01",
    "ecog": 0,
    "labs": {
        "bilirubin": {"value": 15, "unit": "umol/L"},
        "albumin": {"value": 40, "unit": "g/L"},
        "inr": 1.0,
    },
    "liver": {"ascites": "none", "encephalopathy": "none"},
    "tumor": {"nodules_cm": [3.0], "portal_vein_invasion": "none", "extrahepatic_spread": False},
}


def case_data(**changes: Any) -> dict[str, Any]:
    """A minimal case with dotted-path changes: case_data(**{"labs.inr": 1.8, "ecog": 2})."""
    data = copy.deepcopy(MINIMAL)
    for path, value in changes.items():
        *parents, last = path.split(".")
        node = data
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return data


def make_case(**changes: Any) -> Case:
    return Case.model_validate(case_data(**changes))


# Every optional field of case-format.md "Additions of 2026-12", as its example gives them.
ADDITIONS: dict[str, Any] = {
    "patient.weight_kg": 64.0,
    "virology": {
        "hbsag_positive": True,
        "hbv_dna_iu_per_ml": 120,
        "hbv_dna_date": "2026-11-02",
        "hbv_antiviral": True,
        "hcv_rna_detectable": False,
    },
    "liver.varices_assessed_on": "2026-09-14",
    "liver.icg_r15_date": "2026-11-10",
    "liver.flr_date": "2026-11-10",
    "history.last_major_surgery_date": "2026-03-02",
    "history.systemic_steroids_mg_prednisone_per_day": 0,
    "history.interstitial_lung_disease": False,
    "history.prior_immune_related_ae_grade3plus": False,
    "history.bleeding_or_arterial_thrombosis_within_6_months": False,
    "tumor.infiltrative": False,
    "tumor.bilobar": False,
    "tumor.segments": ["S7", "S8"],
    "labs_history": [
        {
            "date": "2026-08-10",
            "afp": {"value": 310, "unit": "ng/mL"},
            "pivka_ii": {"value": 400, "unit": "mAU/mL"},
        }
    ],
}


def with_additions(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of `data` with every 2026-12 addition filled (dotted paths, as in case_data)."""
    filled = copy.deepcopy(data)
    for path, value in ADDITIONS.items():
        *parents, last = path.split(".")
        node = filled
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = copy.deepcopy(value)
    return filled


def json_leaves(value: Any) -> Iterator[Any]:
    """Every value inside a JSON-like value that is neither an object nor an array."""
    if isinstance(value, dict):
        for item in value.values():
            yield from json_leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_leaves(item)
    else:
        yield value
