"""The evaluation snapshot: `evaluation_output(evaluate(case))` of fixed cases, in every language.

The snapshot in tests/fixtures/evaluation-snapshot.json.xz was written by this module from the code
of commit 67cd2d4 (before the evaluate speed work), so it fixes what `evaluate` answered then:
every score, stage, verdict, check (rule, outcome, reason, source), date and text.
Regenerate it only when an output is meant to change, and say so in the commit:

    .venv/bin/python -m tests.logic.clinical.evaluation_snapshot
"""

from __future__ import annotations

import datetime as dt
import json
import lzma
from pathlib import Path
from typing import Any

from desktop.logic.clinical.evaluation import evaluate, evaluation_output
from desktop.logic.model.case_io import parse_case
from desktop.logic.model.messages import LANGUAGES
from desktop.logic.model.rules import Rules, default_rules
from tests.conftest import EXAMPLES, REPO
from tests.edge_cases import edge_case
from tests.factories import with_additions
from tests.logic.clinical.safety_cases import HBV_TREATED, changed_rules, complete_data

SNAPSHOT = REPO / "tests" / "fixtures" / "evaluation-snapshot.json.xz"
SHARED_EXAMPLES = REPO.parent / "shared" / "examples"
# Days on both sides of the demo cases' dates (2026-04 to 2026-12): recency rules count to them.
AS_OF = (dt.date(2026, 6, 15), dt.date(2026, 12, 1), dt.date(2027, 9, 30))
# A department's rules file: other verdicts, thresholds and intervals than the shipped one.
DEPARTMENT_CHANGES = {
    "tace.vp4": {"value": "caution"},
    "tace.size_10cm.limit_cm": {"value": 5},
    "ici.steroids": {"value": "contraindicated"},
    "virus.hbv_dna.max_age_months": {"value": 12},
    "washout.bevacizumab_days": {"value": 28},
    "flr.min_percent_cirrhosis": {"value": 35},
}
# ECOG 2 (checks naming each regimen's enrolment) with Child-Pugh A and B; no demo case has it
ECOG_2_VARIANTS = ("demo/advanced-pvtt-conversion", "demo/decompensated-high-bleeding-risk")
# provenance, not computed: a version bump must not fail the snapshot
UNCOMPUTED_KEYS = ("app_version",)


def _json_files(folder: Path, prefix: str) -> dict[str, dict[str, Any]]:
    paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
    return {f"{prefix}/{p.stem}": json.loads(p.read_text(encoding="utf-8")) for p in paths}


def case_inputs() -> dict[str, dict[str, Any]]:
    """Every demo case (plain and with the 2026-12 additions), two at ECOG 2, ../shared/examples
    when present, the complete safety patient, with hepatitis B, and the edge case."""
    demo = _json_files(EXAMPLES, "demo")
    inputs = {
        **demo,
        **{f"{name}+additions": with_additions(data) for name, data in demo.items()},
        **_json_files(SHARED_EXAMPLES, "shared"),
        **{f"{name}+ecog-2": {**demo[name], "ecog": 2} for name in ECOG_2_VARIANTS},
        "safety/complete": complete_data(),
        "safety/hbv-treated": complete_data(**HBV_TREATED),
        "edge/largest": edge_case(today=dt.date(2026, 12, 1)),
    }
    return inputs


def rules_files() -> dict[str, Rules]:
    return {"shipped": default_rules(), "department": changed_rules(DEPARTMENT_CHANGES)}


def outputs(name: str, data: dict[str, Any], rules: Rules, as_of: dt.date) -> dict[str, Any]:
    """The evaluation of one case in every language, without the uncomputed keys."""
    evaluation = evaluate(parse_case(data), rules, as_of=as_of)
    rendered = {lang: evaluation_output(evaluation, lang) for lang in LANGUAGES}
    for output in rendered.values():
        for key in UNCOMPUTED_KEYS:
            output.pop(key)
    return {"rule_ids": sorted(evaluation.rule_ids), **rendered}


def snapshot_key(name: str, rules_name: str, as_of: dt.date) -> str:
    return f"{name} | {rules_name} | {as_of.isoformat()}"


def compute() -> dict[str, Any]:
    """Every input with every rules file on every day, interleaved as an app would ask."""
    computed: dict[str, Any] = {}
    for name, data in case_inputs().items():
        for as_of in AS_OF:
            for rules_name, rules in rules_files().items():
                computed[snapshot_key(name, rules_name, as_of)] = outputs(name, data, rules, as_of)
    return computed


def stored() -> dict[str, Any]:
    return dict(json.loads(lzma.decompress(SNAPSHOT.read_bytes()).decode("utf-8")))


def write() -> None:
    text = json.dumps(compute(), ensure_ascii=False, sort_keys=True, indent=1)
    # xz finds the repeats between outputs (the catalogue's texts): 56 MB of JSON in 85 kB
    SNAPSHOT.write_bytes(lzma.compress(text.encode("utf-8"), preset=9 | lzma.PRESET_EXTREME))


if __name__ == "__main__":
    write()
