"""Command-line start: `mdt-planner --version` and `mdt-planner evaluate CASE.json`, each beside
`python -c pass` run by the same python, interleaved, median of 7 (timing.RUNS), in a user's
environment (bytecode caches written: one unmeasured run of each first, as on a second start)."""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import RUNS, console_script, goal_row, interleaved, run_seconds

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo"
CASE_FILE = DEMO / "advanced-pvtt-conversion.json"
VERSION_GOAL, EVALUATE_GOAL = 6, 20


def run() -> list[dict]:
    script = str(console_script("mdt-planner"))
    measures = {
        "pass": lambda: run_seconds([sys.executable, "-c", "pass"]),
        "version": lambda: run_seconds([script, "--version"]),
        "evaluate": lambda: run_seconds([script, "evaluate", str(CASE_FILE)]),
    }
    interleaved(measures, runs=1)  # bytecode caches written: not counted
    medians = interleaved(measures)
    bare = medians["pass"]
    version, evaluate = medians["version"] / bare, medians["evaluate"] / bare
    return [
        goal_row("cli.python_pass_s", bare, "s", f"reference (median of {RUNS})", None),
        goal_row("cli.version_s", medians["version"], "s", "reference", None),
        goal_row("cli.version_vs_python", version, "x", f"<= {VERSION_GOAL}x `python -c pass`",
                 version <= VERSION_GOAL),
        goal_row("cli.evaluate_s", medians["evaluate"], "s", "reference", None),
        goal_row("cli.evaluate_vs_python", evaluate, "x",
                 f"<= {EVALUATE_GOAL}x `python -c pass`", evaluate <= EVALUATE_GOAL),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(row)
