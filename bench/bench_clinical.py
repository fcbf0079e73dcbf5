"""Cases evaluated per second: every score, staging, regimen verdict and timing, on one core."""

from __future__ import annotations

import json
import time
from pathlib import Path

from desktop.logic.clinical.evaluation import evaluate, evaluation_output
from desktop.logic.model.case_io import parse_case

SHARED = Path(__file__).resolve().parents[1] / "resources" / "demo"
GOAL_PER_SECOND = 5000


def _cases():
    paths = sorted(SHARED.glob("*.json"))
    return [parse_case(json.loads(p.read_text(encoding="utf-8"))) for p in paths]


def _rate(cases, seconds: float, render: bool) -> float:
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for case in cases:
            result = evaluate(case)
            if render:
                evaluation_output(result)
        done += len(cases)
    return done / (time.perf_counter() - started)


def run() -> list[dict]:
    cases = _cases()
    _rate(cases, 0.5, render=False)  # warm caches (catalogue, rules, texts)
    computed = _rate(cases, 3.0, render=False)
    rendered = _rate(cases, 3.0, render=True)
    return [
        {"metric": "evaluate: cases/s (all scores, stagings, verdicts, timing)",
         "value": round(computed, 1), "unit": "cases/s",
         "goal": f">= {GOAL_PER_SECOND}", "ok": computed >= GOAL_PER_SECOND},
        {"metric": "evaluate + render hcc-mdt-evaluation/1: cases/s",
         "value": round(rendered, 1), "unit": "cases/s", "goal": "(reported)", "ok": None},
    ]
