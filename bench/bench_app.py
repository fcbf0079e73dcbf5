"""Desktop app speed, the way a user meets it.

Start-up: the console script `mdt-planner --db DB` (10,000 cases, the who-is-working question
already answered in its settings) under a real X server (Xvfb, Qt's xcb platform), beside
bench/bare_window.py (a bare PySide6 main window with a 200 x 8 table) run by the same python.
Both are timed from just before the process is spawned until X maps their window (a MapNotify
event for a window with their title, seen by bench/xwindow.py), interleaved, median of 7, after
one unmeasured start of each (Python writes its bytecode caches, as on a user's second start).

Keystroke: typing 'Zhang Mi' into the case list's filter over 100,000 cases, each keystroke
timed from the key event until the list has re-queried and painted (offscreen platform).
The databases are built with bench_store's bulk path (the store's own schema and row helpers).
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for folder in (str(REPO), str(HERE)):
    if folder not in sys.path:
        sys.path.insert(0, folder)
from timing import RUNS, console_script, goal_row, interleaved, session_environment  # noqa: E402
from xwindow import MapWatcher, XServer, xvfb_available  # noqa: E402

TYPED = "Zhang Mi"
RARE = "Qx"  # two characters no case has: the walk over every case (no index for 2 characters)
APP_TITLE = "MDT Planner"
BARE_TITLE = "Bare table window"
START_GOAL, KEY_MEDIAN_GOAL, KEY_WORST_GOAL = 2.0, 20.0, 50.0
DROPPED_ENV = ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")  # and timing.NOT_A_USERS


def _bench_store():
    spec = importlib.util.spec_from_file_location("bench_store", HERE / "bench_store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(path: Path, count: int) -> None:
    store_bench = _bench_store()
    store_bench.LISTED = count
    store_bench.build_large(path)


def user_environment(folder: Path, display: str) -> dict[str, str]:
    """A user's desktop session: X11, settings of a returning user (no dialog at start)."""
    config = folder / "config" / "hcc-mdt-planner"
    config.mkdir(parents=True, exist_ok=True)
    (config / "mdt-planner.conf").write_text(
        "[user]\nname=bench\nrole=benchmark\n\n[demo]\noffered=true\n", encoding="utf-8"
    )
    env = session_environment(DROPPED_ENV)
    env.update(DISPLAY=display, XDG_CONFIG_HOME=str(folder / "config"),
               XDG_DATA_HOME=str(folder / "data"))  # fmt: skip
    return env


def window_seconds(watcher: MapWatcher, command: list[str], title: str, env: dict) -> float:
    """From spawning `command` until its window titled `title` is mapped; then it is ended."""
    watcher.drain()
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        return watcher.wait_mapped(title, timeout=120) - started
    except TimeoutError as exc:
        child.kill()
        raise RuntimeError(f"{command[0]}: {child.communicate()[1].decode()[-2000:]}") from exc
    finally:
        child.kill()
        child.wait()


def startup(folder: Path) -> list[dict]:
    if not xvfb_available():
        return [goal_row("app.start_ratio", float("nan"), "x",
                         "needs Xvfb (apt-get install xvfb)", False)]  # fmt: skip
    db = folder / "ten-thousand.sqlite3"
    build(db, 10_000)
    app = [str(console_script("mdt-planner")), "--db", str(db)]
    bare = [sys.executable, str(HERE / "bare_window.py")]
    with XServer() as display:
        env = user_environment(folder, display)
        watcher = MapWatcher(display)
        try:
            measures = {
                "bare": lambda: window_seconds(watcher, bare, BARE_TITLE, env),
                "app": lambda: window_seconds(watcher, app, APP_TITLE, env),
            }
            interleaved(measures, runs=1)  # bytecode caches written, fonts found: not counted
            medians = interleaved(measures, RUNS)
        finally:
            watcher.close()
    ratio = medians["app"] / medians["bare"]
    return [
        goal_row("app.start_10k_cases_s", medians["app"], "s",
                 f"`mdt-planner` to its mapped main window, Xvfb, median of {RUNS}", None),
        goal_row("app.start_bare_window_s", medians["bare"], "s",
                 "bare PySide6 window with a table, same python, same way", None),
        goal_row("app.start_ratio", ratio, "x", f"<= {START_GOAL:g}x the bare window",
                 ratio <= START_GOAL),
    ]  # fmt: skip


def keystroke_times(view, app, text: str) -> list[float]:
    """Milliseconds per keystroke typing `text`, each until the list re-queried and painted
    (the viewport's paint event, counted, is part of every keystroke that changed the list)."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest

    class PaintCounter(QObject):
        painted = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.painted += 1
            return False

    counter, applied = PaintCounter(), []

    def on_applied() -> None:
        applied.append(1)

    view.table.viewport().installEventFilter(counter)
    view.model.filterApplied.connect(on_applied)
    view.search.clear()
    app.processEvents()
    times = []
    for char in text:
        counter.painted, applied[:] = 0, []
        started = time.perf_counter()
        QTest.keyClick(view.search, char, Qt.KeyboardModifier.NoModifier)
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
        if applied and not counter.painted:
            raise RuntimeError("the list changed but was not painted: the time would be short")
    view.table.viewport().removeEventFilter(counter)
    view.model.filterApplied.disconnect(on_applied)
    return times


def keystroke(folder: Path) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.logic.store import Store, User
    from desktop.ui.case_list import CaseListView

    db = folder / "hundred-thousand.sqlite3"
    build(db, 100_000)
    app = QApplication.instance() or QApplication([])
    with Store.open(db, user=User("bench", "benchmark")) as store:
        view = CaseListView(store)
        view.resize(1280, 800)
        view.show()
        QTest.qWaitForWindowExposed(view)
        keystroke_times(view, app, TYPED)  # warm the page cache as a user's first search does
        typed = [keystroke_times(view, app, TYPED) for _ in range(3)]
        rare = keystroke_times(view, app, RARE)
        view.close()
        app.processEvents()
    times = [t for run in typed for t in run]
    median, worst = statistics.median(times), max(times)
    return [
        goal_row("app.filter_keystroke_100k_median_ms", median, "ms",
                 f"<= {KEY_MEDIAN_GOAL:g} ms (3 x typing '{TYPED}', with painting)",
                 median <= KEY_MEDIAN_GOAL),
        goal_row("app.filter_keystroke_100k_worst_ms", worst, "ms",
                 f"<= {KEY_WORST_GOAL:g} ms (worst of those {len(times)} keystrokes)",
                 worst <= KEY_WORST_GOAL),
        goal_row("app.filter_keystroke_100k_rare_2_chars_ms", max(rare), "ms",
                 f"reported: typing '{RARE}' (no case has it; 2 characters walk every case)",
                 None),
    ]  # fmt: skip


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench-app-") as name:
        folder = Path(name)
        return startup(folder) + keystroke(folder)


if __name__ == "__main__":
    for row in run():
        print(row)
