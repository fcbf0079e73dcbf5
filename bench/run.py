"""Run every benchmark in bench/bench_*.py, print each goal as met or not with its figure and
the machine's load average, and write bench/results.json.

Each bench module has `run() -> list[dict]`, one dict per metric with keys `metric`, `value`,
`unit`, `goal` (words), `ok` (True/False for a goal, None for a reported figure) and `load`
(the 1/5/15-minute load average when it was measured). Speed and memory are measured here,
never in timed tests. `python bench/run.py [NAME ...]` runs a subset (e.g. `app cli`); run it
with the venv's python when the machine is quiet (2 cores: other work skews every figure).
"""

from __future__ import annotations

import importlib.util
import json
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from timing import load_average  # noqa: E402

SHOWN = {True: "met", False: "NOT MET", None: "-"}


def _modules(names: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    return [p for p in found if not names or p.stem.removeprefix("bench_") in names]


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shown(value: object) -> str:
    return f"{value:,.3f}" if isinstance(value, float) else str(value)


def table(metrics: dict[str, dict]) -> str:
    width = max((len(m) for m in metrics), default=10)
    lines = [f"{'metric':<{width}}  {'value':>12}  {'unit':<8}  {'goal':<8}  {'load':<16}  wanted"]
    for name, row in metrics.items():
        lines.append(
            f"{name:<{width}}  {_shown(row['value']):>12}  {row['unit']:<8}  "
            f"{SHOWN[row.get('ok')]:<8}  {row.get('load', '?'):<16}  {row.get('goal', '')}"
        )
    goals = [row["ok"] for row in metrics.values() if row.get("ok") is not None]
    lines.append(f"{goals.count(True)} of {len(goals)} goals met")
    return "\n".join(lines)


def main(names: list[str]) -> int:
    results_path = HERE / "results.json"
    previous = json.loads(results_path.read_text()) if results_path.exists() else {}
    metrics = previous.get("metrics", {})
    for path in _modules(names):
        started, load = time.perf_counter(), load_average()
        for row in _load(path).run():
            row["bench"] = path.stem
            row.setdefault("load", load)
            metrics[row["metric"]] = row
        print(f"# {path.stem} took {time.perf_counter() - started:.1f} s", file=sys.stderr)
    print(table(metrics))
    results = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "run_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "metrics": metrics,
    }
    results_path.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
