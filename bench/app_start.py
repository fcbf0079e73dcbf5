"""The app's start as a returning user meets it (used by bench_app.py).

The console script `mdt-planner --db DB` on an encrypted database of 10,000 cases (as the app
creates them) under Xvfb with Qt's xcb platform, beside bench/bare_window.py run by the same
python. The app first asks who is working: the sign-in dialog. The bench types the name and the
password there with xdotool (XTEST, as a keyboard does) and times the app's own part only: from
spawn until the sign-in dialog is mapped, plus from the password's Return until the main window
is mapped (the typing in between is the person's time, not the app's). The second part holds
the two password checks (scrypt unwrapping the database key, then the account's password hash:
deliberately slow, trust.md); the bench times those alone in its own process: the goal is the
start without them, the start with them is reported beside it (see _rows). Interleaved with the
bare window, median of timing.RUNS, after one unmeasured start of each (bytecode caches written,
fonts found, as on a user's second start).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timing import RUNS, console_script, goal_row, interleaved, session_environment
from xwindow import MapWatcher, XServer, xvfb_available

HERE = Path(__file__).resolve().parent
SIGN_IN_TITLE = "Sign in"
APP_TITLE = "MDT Planner"
BARE_TITLE = "Bare table window"
NAME, ROLE, PASSWORD = "bench", "benchmark", "bench-password-1"
START_GOAL = 2.0
DROPPED_ENV = ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")  # and timing.NOT_A_USERS
TIMEOUT_S = 120


def build_encrypted(path: Path, count: int) -> None:
    """`count` cases by bench_store's bulk path, then encrypted with the bench's account."""
    from desktop.logic.store import encrypt_database

    spec = importlib.util.spec_from_file_location("bench_store", HERE / "bench_store.py")
    store_bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(store_bench)
    store_bench.LISTED = count
    store_bench.build_large(path)
    encrypt_database(path, NAME, PASSWORD, role=ROLE)


def user_environment(folder: Path, display: str) -> dict[str, str]:
    """A returning user's desktop session: X11, their settings (no demonstration offer)."""
    config = folder / "config" / "hcc-mdt-planner"
    config.mkdir(parents=True, exist_ok=True)
    (config / "mdt-planner.conf").write_text(
        f"[user]\nname={NAME}\nrole={ROLE}\n\n[demo]\noffered=true\n", encoding="utf-8"
    )
    env = session_environment(DROPPED_ENV)
    env.update(DISPLAY=display, XDG_CONFIG_HOME=str(folder / "config"),
               XDG_DATA_HOME=str(folder / "data"))  # fmt: skip
    return env


def _xdotool(env: dict[str, str], *words: str) -> str:
    done = subprocess.run(["xdotool", *words], env=env, check=True, capture_output=True, text=True)
    return done.stdout


def sign_in(env: dict[str, str]) -> float:
    """Type the name and password into the sign-in dialog; perf_counter() after its Return."""
    window = _xdotool(env, "search", "--name", SIGN_IN_TITLE).split()[-1]
    _xdotool(env, "windowfocus", "--sync", window)
    time.sleep(0.3)  # the person reads the dialog: keys before Qt has it focused would be lost
    _xdotool(env, "type", "--delay", "0", NAME)
    _xdotool(env, "key", "Tab")
    _xdotool(env, "type", "--delay", "0", PASSWORD)
    _xdotool(env, "key", "Return")
    return time.perf_counter()


def _ended(child: subprocess.Popen) -> RuntimeError:
    child.kill()
    return RuntimeError(f"mdt-planner: {child.communicate()[1].decode()[-2000:]}")


def app_seconds(watcher: MapWatcher, command: list[str], env: dict, parts: list) -> float:
    """The app's own start: spawn to sign-in dialog, plus the password's Return to the main
    window (each pair also kept in `parts`); then the app is ended."""
    watcher.drain()
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        asked = watcher.wait_mapped(SIGN_IN_TITLE, TIMEOUT_S) - started
        typed = sign_in(env)
        shown = watcher.wait_mapped(APP_TITLE, TIMEOUT_S) - typed
    except (TimeoutError, subprocess.CalledProcessError) as exc:
        raise _ended(child) from exc
    finally:
        child.kill()
        child.wait()
    parts.append((asked, shown))
    return asked + shown


def window_seconds(watcher: MapWatcher, command: list[str], env: dict) -> float:
    """From spawning the bare window until it is mapped; then it is ended."""
    watcher.drain()
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        return watcher.wait_mapped(BARE_TITLE, TIMEOUT_S) - started
    except TimeoutError as exc:
        raise _ended(child) from exc
    finally:
        child.kill()
        child.wait()


def password_checks_seconds(db: Path, runs: int = 5) -> float:
    """Median time of the two password checks alone, in-process: scrypt unwrapping the database
    key (keyfile.unlock) and scrypt checking the account's stored hash (password_matches)."""
    from desktop.logic.store import open_database
    from desktop.logic.store.keyfile import unlock
    from desktop.logic.store.secrets import password_matches

    with open_database(db, NAME, PASSWORD) as store:
        row = store._conn.execute("SELECT password FROM accounts WHERE name = ?", [NAME])
        stored = json.loads(row.fetchone()[0])

    def once() -> float:
        started = time.perf_counter()
        unlock(db, NAME, PASSWORD)
        if not password_matches(PASSWORD, stored):
            raise RuntimeError("the bench's password does not match its account")
        return time.perf_counter() - started

    return statistics.median(once() for _ in range(runs))


def _missing_tools() -> str | None:
    if not xvfb_available():
        return "needs Xvfb (apt-get install xvfb)"
    return None if shutil.which("xdotool") else "needs xdotool (apt-get install xdotool)"


def startup(folder: Path) -> list[dict]:
    missing = _missing_tools()
    if missing:
        return [goal_row("app.start_ratio", float("nan"), "x", missing, False)]
    db = folder / "ten-thousand.sqlite3"
    build_encrypted(db, 10_000)
    app = [str(console_script("mdt-planner")), "--db", str(db)]
    bare = [sys.executable, str(HERE / "bare_window.py")]
    parts: list[tuple[float, float]] = []
    with XServer() as display:
        env = user_environment(folder, display)
        watcher = MapWatcher(display)
        try:
            measures = {
                "bare": lambda: window_seconds(watcher, bare, env),
                "app": lambda: app_seconds(watcher, app, env, parts),
            }
            interleaved(measures, runs=1)  # bytecode caches written, fonts found: not counted
            parts.clear()
            medians = interleaved(measures, RUNS)
        finally:
            watcher.close()
    return _rows(medians, parts, password_checks_seconds(db))


def _rows(medians: dict[str, float], parts: list, checks: float) -> list[dict]:
    """The goal is the app's own start without the two scrypt checks: the goal was set when
    "who is working" was a name only; trust.md has since made the answer a password checked by
    a deliberately slow hash (RFC 7914's interactive cost), a price set for security, not by the
    app. The start with them is reported beside it."""
    asked = statistics.median(p[0] for p in parts)
    shown = statistics.median(p[1] for p in parts)
    app, bare = medians["app"], medians["bare"]
    ratio, without = app / bare, (app - checks) / bare
    return [
        goal_row("app.start_to_sign_in_s", asked, "s",
                 "spawn to the sign-in dialog (who is working)", None),
        goal_row("app.sign_in_to_window_s", shown, "s",
                 "the password's Return to the main window", None),
        goal_row("app.start_password_checks_s", checks, "s",
                 "of which the two scrypt checks (deliberately slow; in-process)", None),
        goal_row("app.start_10k_cases_s", app, "s",
                 f"the app's own start, Xvfb, median of {RUNS}", None),
        goal_row("app.start_bare_window_s", bare, "s",
                 "bare PySide6 window with a table, same python, same way", None),
        goal_row("app.start_ratio", without, "x",
                 f"<= {START_GOAL:g}x the bare window (the app's own start, without the two "
                 "scrypt checks)", without <= START_GOAL),
        goal_row("app.start_ratio_with_password_checks", ratio, "x",
                 "reported: the same with the two scrypt checks", None),
    ]  # fmt: skip
