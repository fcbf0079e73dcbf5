"""The store at 100,000 cases where a user feels it: `check` (with every trust finding; each
revision's audit entry carries the body_hash and list_hash the store records) beside SQLite's
own `PRAGMA integrity_check` on the same file, and the peak memory of `mdt-planner list --json`
(streamed: the same at 1,000 and at 100,000 cases)."""

from __future__ import annotations

import importlib.util
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in (str(HERE.parent), str(HERE)):
    if folder not in sys.path:
        sys.path.insert(0, folder)
from timing import console_script, goal_row, session_environment  # noqa: E402

CHECK_GOAL = 3.0
RUNS = 3


def _bench_store():
    spec = importlib.util.spec_from_file_location("bench_store", HERE / "bench_store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(path: Path, count: int) -> Path:
    store_bench = _bench_store()
    store_bench.LISTED = count
    store_bench.build_large(path)
    return path


def _seconds(work) -> tuple[float, float]:
    """Wall-clock and CPU seconds of `work` (CPU time is less skewed by other processes)."""
    started, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - started, time.process_time() - cpu


def check_vs_integrity(db: Path) -> list[dict]:
    from desktop.logic.store import Store

    def check() -> None:
        with Store.open(db, read_only=True) as store:
            assert store.check() == [], "the benchmark database must be clean"

    def integrity() -> None:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()

    checks, integrities = [], []
    for _ in range(RUNS):  # interleaved: both see the same machine
        integrities.append(_seconds(integrity))
        checks.append(_seconds(check))
    check_s, integrity_s = (statistics.median(wall for wall, _ in runs)
                            for runs in (checks, integrities))  # fmt: skip
    ratio = check_s / integrity_s
    cpu_ratio = statistics.median(c for _, c in checks) / statistics.median(
        c for _, c in integrities
    )
    return [
        goal_row("store.check_100k_s", check_s, "s", f"median of {RUNS}", None),
        goal_row("store.integrity_check_100k_s", integrity_s, "s", "PRAGMA integrity_check",
                 None),
        goal_row("store.check_vs_integrity_check", ratio, "x",
                 f"<= {CHECK_GOAL:g}x PRAGMA integrity_check", ratio <= CHECK_GOAL),
        goal_row("store.check_vs_integrity_check_cpu", cpu_ratio, "x",
                 "the same in CPU time of this process", None),
    ]  # fmt: skip


# Run by a small python of its own: a child forked from this (large) process would count the
# parent's pages in its peak before it execs.
MEASURE = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_rss_mib(db: Path) -> float:
    """Peak resident memory of `mdt-planner --db DB list --json`, its output thrown away."""
    env = session_environment()
    command = [str(console_script("mdt-planner")), "--db", str(db), "list", "--json"]
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], env=env, check=True,
                          capture_output=True, text=True)  # fmt: skip
    return int(done.stdout.strip()) / 1024  # kilobytes on Linux


def list_memory(small: Path, large: Path) -> list[dict]:
    from desktop.logic.store.schema import CACHE_KIB

    small_mib = min(peak_rss_mib(small) for _ in range(2))
    large_mib = min(peak_rss_mib(large) for _ in range(2))
    bound = small_mib + CACHE_KIB / 1024  # SQLite's page cache is bounded, not per case
    return [
        goal_row("store.list_json_1k_peak_mib", small_mib, "MiB", "reference", None),
        goal_row("store.list_json_100k_peak_mib", large_mib, "MiB",
                 f"<= {bound:.0f} MiB: the 1,000-case peak + the page cache bound "
                 f"({CACHE_KIB // 1024} MiB); was 353 MB", large_mib <= bound),
    ]  # fmt: skip


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as name:
        folder = Path(name)
        large = build(folder / "large.sqlite3", 100_000)
        small = build(folder / "small.sqlite3", 1_000)
        return check_vs_integrity(large) + list_memory(small, large)


if __name__ == "__main__":
    for row in run():
        print(row)
