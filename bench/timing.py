"""Shared by the benches: the machine's load average beside each figure, and interleaved runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

RUNS = 7
# Set by some shells and CI images, never by a user's desktop: without bytecode caches every
# start compiles every module again (it doubled `evaluate`). A user's Python writes them on the
# first start (a wheel install writes them at once), so the benches measure with them.
NOT_A_USERS = ("PYTHONDONTWRITEBYTECODE",)


def load_average() -> str:
    """'0.42 0.51 0.60' (1, 5 and 15 minutes), or '?' where the system cannot tell."""
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "?"


def console_script(name: str) -> Path:
    """The console script installed beside the running python (the venv's bin folder)."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the bench with the venv's python "
                           "after `pip install -e .`")  # fmt: skip
    return path


def session_environment(dropped: Sequence[str] = ()) -> dict[str, str]:
    """This environment as a user's session has it: without NOT_A_USERS and `dropped`."""
    return {key: value for key, value in os.environ.items()
            if key not in NOT_A_USERS and key not in dropped}  # fmt: skip


def run_seconds(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Wall time of one process, from spawn to exit (in a user's environment unless `env`
    is given); it must succeed."""
    started = time.perf_counter()
    env = session_environment() if env is None else env
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def interleaved(measures: dict[str, Callable[[], float]], runs: int = RUNS) -> dict[str, float]:
    """The median of `runs` of each measure, taken in turn so all see the same machine load."""
    seen: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(runs):
        for name, measure in measures.items():
            seen[name].append(measure())
    return {name: statistics.median(times) for name, times in seen.items()}


def goal_row(metric: str, value: float, unit: str, goal: str, ok: bool | None) -> dict:
    return {"metric": metric, "value": value, "unit": unit, "goal": goal, "ok": ok,
            "load": load_average()}  # fmt: skip
