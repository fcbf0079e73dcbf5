"""Small valid cases for tests: `case_data(**changes)` edits a minimal hcc-mdt-case/1 dict."""

from __future__ import annotations

import copy
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
