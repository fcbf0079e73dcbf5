"""Save a PNG of every screen to docs/screenshots/, offscreen, with the demonstration cases.

Run: `.venv/bin/python scripts/screenshots.py [--lang zh_CN] [OUT_DIR]`; with `--lang zh_CN`
the app's Chinese translators are installed and the PNGs go to docs/screenshots/zh_CN/ (unless
OUT_DIR is given). Main screens at 1280x800, the
presentation at 1920x1080. The case workspace's own steps come from
`desktop.ui.workspace.workspace_screenshots` when that module provides it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.logic.store.database import DatabaseDamaged, Store, User  # noqa: E402
from desktop.logic.store.files import backups_dir  # noqa: E402
from desktop.ui import workers  # noqa: E402
from desktop.ui.app import install_translators  # noqa: E402
from desktop.ui.dialogs import (  # noqa: E402
    AboutDialog,
    DamagedDatabaseDialog,
    ExportOptionsDialog,
    ShortcutsDialog,
    WhoIsWorkingDialog,
)
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.new_case import NewCaseDialog  # noqa: E402
from desktop.ui.presentation import PresentationWindow  # noqa: E402
from desktop.ui.settings import LANGUAGES, Settings  # noqa: E402

MAIN_SIZE, PRESENTATION_SIZE = (1280, 800), (1920, 1080)


def grab(widget: QWidget, path: Path, size: tuple[int, int] | None = None) -> Path:
    if size:
        widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)
    return path


def main_screens(window: MainWindow, out: Path) -> list[Path]:
    shots = [grab(window, out / "case-list.png", MAIN_SIZE)]
    window.cases.search.setText("H-0015")
    shots.append(grab(window, out / "case-list-filtered.png"))
    window.cases.set_filters({})
    window.tabs.setCurrentWidget(window.agenda)
    window.agenda.table.selectRow(1)
    shots.append(grab(window, out / "agenda.png"))
    window.tabs.setCurrentWidget(window.follow_up)
    window.follow_up.table.selectRow(0)
    shots.append(grab(window, out / "follow-up.png"))
    window.tabs.setCurrentWidget(window.cases)
    return shots


def presentation_screens(
    store: Store, settings: Settings, window: MainWindow, out: Path
) -> list[Path]:
    meeting = window.agenda.meeting()
    ids = [item.case_id for item in store.agenda.items(meeting.isoformat())]
    ids += [r.case_id for r in store.list_cases("H-001702")]
    slides = PresentationWindow(store, ids, settings, window.rules.rules, meeting)
    shots = []
    for number in range(len(ids)):
        slides.show_index(number)
        shots.append(grab(slides, out / f"presentation-{number + 1}.png", PRESENTATION_SIZE))
    slides.close()
    return shots


def damaged_database_dialog(store: Store, lang: str) -> DamagedDatabaseDialog:
    """The dialog as the app shows it for a real refusal: a damaged file beside a good backup."""
    damaged = store.path.with_name("damaged.sqlite3")
    damaged.write_bytes(b"this file is not an SQLite database " * 8)
    backups_dir(damaged).mkdir(exist_ok=True)
    store.backup(backups_dir(damaged) / "damaged-20250301-080000.sqlite3")
    try:
        Store.open(damaged, user=store.user).close()
    except DatabaseDamaged as error:
        return DamagedDatabaseDialog(damaged, error.render(lang), error.newest_backup)
    raise SystemExit(f"{damaged} was expected to be refused as damaged")


def dialog_screens(store: Store, out: Path, lang: str = "en") -> list[Path]:
    dialogs = {
        "who-is-working.png": WhoIsWorkingDialog(),
        "new-case.png": NewCaseDialog(lang),
        "shortcuts.png": ShortcutsDialog(),
        "about.png": AboutDialog("demo"),
        "damaged-database.png": damaged_database_dialog(store, lang),
    }
    pack = workers.Task(lambda control: None)  # never started: only its dialog is shown
    progress = workers.show_progress(pack, "Writing the meeting pack of 5 cases…")
    progress.setMaximum(6)
    progress.setValue(2)
    progress.resize(420, progress.sizeHint().height())
    dialogs["export-progress.png"] = progress
    dialogs["export-options.png"] = ExportOptionsDialog("Export meeting pack", lang)
    new_case = dialogs["new-case.png"]
    new_case.mrn.setText("H-009999")
    new_case.bilirubin.setText("abc")
    new_case.on_accept()
    return [grab(widget, out / name) for name, widget in dialogs.items()]


def workspace_screens(store: Store, settings: Settings, out: Path) -> list[Path]:
    """The workspace helper's hook: one PNG per step of a demonstration case."""
    try:
        from desktop.ui.workspace import workspace_screenshots
    except ImportError as exc:
        print(f"workspace screenshots skipped: {exc}", file=sys.stderr)
        return []
    case_id = store.list_cases("H-000123")[0].case_id
    return workspace_screenshots(store, case_id, settings, out)


def language_option(argv: list[str]) -> tuple[str, list[str]]:
    """(`--lang` value or "en", the other arguments)."""
    if "--lang" not in argv:
        return "en", argv
    at = argv.index("--lang")
    if at + 1 >= len(argv) or argv[at + 1] not in LANGUAGES:
        raise SystemExit(f"--lang needs one of {', '.join(LANGUAGES)}")
    return argv[at + 1], argv[:at] + argv[at + 2 :]


def main(argv: list[str]) -> int:
    lang, rest = language_option(argv)
    default = REPO / "docs" / "screenshots"
    out = Path(rest[0]) if rest else (default if lang == "en" else default / lang)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translators(app, lang)
    folder = Path(tempfile.mkdtemp(prefix="mdt-screens-"))
    settings = Settings.at(folder / "settings.ini")
    settings.set_language(lang)
    role = "肝胆外科医师" if lang == "zh_CN" else "hepatobiliary surgeon"
    store = Store.open(folder / "cases.sqlite3", user=User("Li Ming", role))
    try:
        window = MainWindow(store, settings)
        window.case_actions.on_load_demo()
        main_screens(window, out)
        presentation_screens(store, settings, window, out)
        dialog_screens(store, out, lang)
        workspace_screens(store, settings, out)
        window.close()
    finally:
        store.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
