"""Run every benchmark in bench/bench_*.py, print a table and write bench/results.json.

Each bench module has `run() -> list[dict]`, one dict per metric with keys
`metric`, `value`, `unit`, `goal` (words) and `ok` (bool or None). Speed and memory are
measured here, never in timed tests. `python bench/run.py [NAME ...]` runs a subset.
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


def _modules(names: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    return [p for p in found if not names or p.stem.removeprefix("bench_") in names]


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(names: list[str]) -> int:
    results_path = HERE / "results.json"
    previous = json.loads(results_path.read_text()) if results_path.exists() else {}
    metrics = previous.get("metrics", {})
    for path in _modules(names):
        started = time.perf_counter()
        for row in _load(path).run():
            row["bench"] = path.stem
            metrics[row["metric"]] = row
        print(f"# {path.stem} took {time.perf_counter() - started:.1f} s", file=sys.stderr)
    width = max((len(m) for m in metrics), default=10)
    print(f"{'metric':<{width}}  {'value':>12}  unit        ok     goal")
    for name, row in metrics.items():
        value = row["value"]
        shown = f"{value:,.3f}" if isinstance(value, float) else str(value)
        ok = {True: "yes", False: "NO", None: "-"}[row.get("ok")]
        print(f"{name:<{width}}  {shown:>12}  {row['unit']:<10}  {ok:<5}  {row.get('goal', '')}")
    results = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "run_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "metrics": metrics,
    }
    results_path.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
