"""Cases at the edges of what hcc-mdt-case/1 accepts: every list full, every text at its longest,
the earliest and latest dates, the largest numbers. Everything accepted must export."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.logic.model.records import seal
from tests.factories import case_data

EARLIEST = "1900-01-01"
LATEST = "2100-12-31"


def text(length: int, word: str = "长文本 text\t") -> str:
    """Free text of exactly `length` characters, with spaces, tabs, line breaks and CJK."""
    body = (word + "\n") * (length // (len(word) + 1) + 1)
    return body[:length].strip() or "x"


def one_line(length: int, word: str = "Ab 王 ") -> str:
    return (word * (length // len(word) + 1))[:length].strip()


def _decision(index: int, today: str, final: bool, size: int, longest: int) -> dict[str, Any]:
    people = [{"name": one_line(200), "role": one_line(120)} for _ in range(size)]
    record: dict[str, Any] = {
        "meeting_date": today if final else LATEST,
        "status": "draft",
        "attendees": people,
        "question": text(longest),
        "recommendation": text(longest),
        "regimen_id": "haic-folfox-lenvatinib-pd1",
        "timing_strategy": "conservative",
        "adjuvant_plan": {"option": one_line(80), "duration_months": 120, "notes": text(longest)},
        "dissent": text(longest),
        "reopen_conditions": [text(longest)] * min(size, 20),
        "overrides": [
            {"item": "bclc", "computed": one_line(200), "chosen": one_line(200),
             "reason": text(longest), "by": one_line(200), "at": f"{today}T23:59:59"}
        ] * size,
        "follow_up": {"status": "not_done", "reason": text(longest)},
    }
    if final:
        record["signed_by"] = [{**p, "at": f"{today}T00:00:00"} for p in people]
        record["finalized_at"] = f"{today}T23:59:59"
    return record


def edge_case(size: int = 3, longest: int = 2000, today: dt.date | None = None) -> dict[str, Any]:
    """The largest, oldest and newest values the model accepts; `size` items in each list and
    free text of `longest` characters (2000 is the most a field takes)."""
    day = (today or dt.date.today()).isoformat()
    lab = {"value": 10_000_000, "unit": "IU/mL"}
    data = case_data(**{
        "case_id": "E" * 64,
        "patient": {"mrn": "M" * 64, "name": one_line(200), "sex": "other",
                    "birth_date": EARLIEST},
        "assessed_on": day,
        "etiology": ["hbv", "hcv", "alcohol", "masld", "other", "unknown"],
        "ecog": 4,
        "labs": {
            "bilirubin": {"value": 58.4, "unit": "mg/dL"},
            "albumin": {"value": 70, "unit": "g/L"},
            "inr": 15,
            "creatinine": {"value": 33.9, "unit": "mg/dL"},
            "sodium": {"value": 200, "unit": "mmol/L"},
            "platelets": {"value": 3000, "unit": "10^9/L"},
            "alt": {"value": 50000, "unit": "U/L"},
            "ast": {"value": 50000, "unit": "U/L"},
            "afp": lab,
            "pivka_ii": {"value": 10_000_000, "unit": "mAU/mL"},
        },
        "liver": {"ascites": "moderate_severe", "encephalopathy": "grade_3_4", "cirrhosis": True,
                  "varices": "large_or_high_risk", "variceal_bleeding_within_6_months": True,
                  "dialysis_twice_in_past_week": True, "icg_r15_percent": 100,
                  "future_liver_remnant_percent": 0},
        "tumor": {"nodules_cm": [30] * 50, "portal_vein_invasion": "vp4",
                  "hepatic_vein_invasion": "vv3", "extrahepatic_spread": True,
                  "lymph_node_metastasis": True},
        "history": {"autoimmune_disease_active": True, "organ_transplant": True,
                    "uncontrolled_hypertension": True, "proteinuria_g_per_24h": 50,
                    "major_surgery_within_28_days": True},
        "imaging": [
            {"date": date, "modality": "MRI", "criteria": "mRECIST",
             "lesions": [{"id": f"L{i:02d}" + "x" * 28, "viable_diameter_mm": 400}
                         for i in range(50)],
             "new_lesions": True, "non_target": "unequivocal_progression"}
            for date in [EARLIEST] * (size - 1) + [day]
        ],
        "treatments": [
            {"regimen": "haic-folfox-lenvatinib-pd1", "started": EARLIEST, "stopped": day,
             "agents": [{"name": name, "last_dose": day} for name in
                        ["lenvatinib", "bevacizumab", "sintilimab", "regorafenib", "apatinib",
                         "sorafenib", "donafenib", "haic-folfox", "tace", "x" * 80]]}
        ] * size,
        "adverse_events": [
            {"term": one_line(120), "grade": 5, "onset": EARLIEST, "resolved": day,
             "attributed_to": ["bevacizumab", "lenvatinib", "sintilimab", "x" * 80] * 2 + ["a"]}
        ] * size,
        "planned_surgery_date": LATEST,
    })
    decisions: list[dict[str, Any]] = []
    previous = ""
    for index in range(size - 1):
        sealed = seal(_decision(index, day, True, size, longest), previous)
        previous = sealed["record_hash"]
        decisions.append(sealed)
    decisions.append(_decision(size, day, False, size, longest))
    data["decisions"] = decisions
    return data
