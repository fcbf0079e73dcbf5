"""Desktop app speed: start to an interactive main window over 10,000 cases, beside a bare
PySide6 window with a table started the same way; one filter keystroke over 100,000 cases.

Start-up is measured from just before the subprocess is spawned to the moment the child has
shown its window and processed its first events (offscreen platform), median of 7 runs. The
app child starts the way `mdt-planner` does (desktop.ui.app: settings, translators, who is
working, the store, the main window, then the work deferred until after showing); both children
must show rows (the app its first page of the 10,000 cases), else the run fails.
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
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
RUNS = 7
TYPED = "Zhang Mi"

APP_CHILD = """
import sys, time
sys.path.insert(0, {repo!r})
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.ui.app import install_translators, start
from desktop.ui.settings import Settings
settings = Settings.at({ini!r})
install_translators(app, settings.language)
window, store = start({db!r}, settings)
app.processEvents()
print(time.time(), window.cases.model.rowCount(), flush=True)
import os
os._exit(0)  # skip teardown: only the start is measured
"""

BARE_CHILD = """
import sys, time
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
model = QStandardItemModel(200, 8)
for row in range(200):
    for column in range(8):
        model.setItem(row, column, QStandardItem(str(row * column)))
window = QMainWindow()
table = QTableView()
table.setModel(model)
window.setCentralWidget(table)
window.resize(1280, 800)
window.show()
app.processEvents()
print(time.time(), model.rowCount(), flush=True)
import os
os._exit(0)  # skip teardown: only the start is measured
"""


def _bench_store():
    spec = importlib.util.spec_from_file_location("bench_store", HERE / "bench_store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(path: Path, count: int) -> None:
    store_bench = _bench_store()
    store_bench.LISTED = count
    store_bench.build_large(path)


def start_seconds(code: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    shown_at, rows = done.stdout.split()[:2]
    if int(rows) == 0:
        raise RuntimeError("the window showed no rows: the start was not measured")
    return float(shown_at) - started


def app_settings(path: Path) -> Path:
    """Settings of a returning user (who is working known, demo offered): no dialog at start."""
    path.write_text("[user]\nname=bench\nrole=benchmark\n\n[demo]\noffered=true\n")
    return path


def startup(folder: Path) -> list[dict]:
    db = folder / "ten-thousand.sqlite3"
    build(db, 10_000)
    ini = app_settings(folder / "s.ini")
    app_code = APP_CHILD.format(repo=str(REPO), ini=str(ini), db=str(db))
    app_runs, bare_runs = [], []
    for _ in range(RUNS):  # interleaved, so both see the same machine state
        bare_runs.append(start_seconds(BARE_CHILD))
        app_runs.append(start_seconds(app_code))
    app_s, bare_s = statistics.median(app_runs), statistics.median(bare_runs)
    return [
        {"metric": "app.start_10k_cases_s", "value": app_s, "unit": "s",
         "goal": "within 2x the bare PySide6 window", "ok": app_s <= 2 * bare_s},
        {"metric": "app.start_bare_window_s", "value": bare_s, "unit": "s",
         "goal": "reference", "ok": None},
        {"metric": "app.start_ratio", "value": app_s / bare_s, "unit": "x",
         "goal": "<= 2", "ok": app_s / bare_s <= 2},
    ]  # fmt: skip


def keystroke(folder: Path) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.logic.store.database import Store, User
    from desktop.ui.case_list import CaseListView

    db = folder / "hundred-thousand.sqlite3"
    build(db, 100_000)
    app = QApplication.instance() or QApplication([])
    times = []
    with Store.open(db, user=User("bench", "benchmark")) as store:
        view = CaseListView(store)
        view.resize(1280, 800)
        for length in range(1, len(TYPED) + 1):
            started = time.perf_counter()
            view.search.setText(TYPED[:length])
            app.processEvents()
            times.append((time.perf_counter() - started) * 1000)
        view.close()
    worst = max(times)
    return [
        {"metric": "app.filter_keystroke_100k_worst_ms", "value": worst, "unit": "ms",
         "goal": "<= 50 ms (each of 8 keystrokes typing 'Zhang Mi')", "ok": worst <= 50},
        {"metric": "app.filter_keystroke_100k_median_ms", "value": statistics.median(times),
         "unit": "ms", "goal": "<= 50 ms", "ok": statistics.median(times) <= 50},
    ]  # fmt: skip


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench-app-") as name:
        folder = Path(name)
        return startup(folder) + keystroke(folder)


if __name__ == "__main__":
    for row in run():
        print(row)
