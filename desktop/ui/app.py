"""Starting the desktop app: Qt, translations, the database opened as a person (first account,
sign-in, offer to encrypt: desktop.ui.sign_in), the main window.

A damaged database is never overwritten: the dialog offers to restore the newest good backup
(the damaged file is kept aside by desktop.logic.store.database.restore_database) or to quit. A busy
database (another instance writing) can be opened read-only.

The sign-in comes first and fast: the main window's modules are imported in a thread while the
person types their name and password (seconds; the imports take about half a second), so the
window opens straight after the password. It is shown as soon as the case list's first page is
ready; the start-up backup (in a worker thread) and the demonstration offer run just after it is
on screen.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.logic.model import resource
from desktop.logic.store import (
    DatabaseBusy,
    DatabaseDamaged,
    StoreError,
    default_db_path,
    import_all,
)
from desktop.ui.accessibility import install_namer
from desktop.ui.settings import APPLICATION, ORGANIZATION, Settings
from desktop.ui.sign_in import open_as_person

if TYPE_CHECKING:  # imported while the person signs in (prepare_window), or when needed
    from desktop.logic.store import Store, User
    from desktop.ui import workers
    from desktop.ui.main_window import MainWindow

WINDOW_MODULE = "desktop.ui.main_window"

_KEEP: list[object] = []  # translators must outlive the event loop


def qt_translation_folders() -> list[str]:
    """Where Qt's own translations (qtbase_*.qm: file dialog, message box and print dialog
    words) may be: the Qt library's folder, then the one inside the PySide6 package (a
    distribution's Qt may ship its translations in a separate package)."""
    import PySide6

    folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    ]
    return list(dict.fromkeys(folders))


def install_translators(app: QCoreApplication, lang: str) -> list[str]:
    """Load Qt's own and the planner's .qm files for `lang`; returns the files loaded."""
    if lang == "en":
        return []
    loaded = []
    candidates = [(f"qtbase_{lang}", folder) for folder in qt_translation_folders()]
    candidates.append((f"mdt_planner_{lang}", str(resource("i18n"))))
    for name, folder in candidates:
        if name in loaded:
            continue
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _KEEP.append(translator)
            loaded.append(name)
    QLocale.setDefault(QLocale(lang))
    return loaded


def open_store(
    path: Path,
    user: User | None,
    on_damaged: Callable[[DatabaseDamaged], bool],
    on_busy: Callable[[DatabaseBusy], bool],
) -> Store | None:
    """Open the store; a damaged file goes to `on_damaged` (True: restore the newest backup,
    then open), a busy one to `on_busy` (True: open read-only). None when the user quits."""
    from desktop.logic.store import Store, restore_database

    try:
        return Store.open(path, user=user)
    except DatabaseDamaged as damaged:
        restore = on_damaged(damaged)  # always told, even when no backup exists
        if damaged.newest_backup is None or not restore:
            return None
        restore_database(damaged.newest_backup, path)
        return Store.open(path, user=user)
    except DatabaseBusy as busy:
        if not on_busy(busy):
            return None
        return Store.open(path, user=user, read_only=True)


def damaged_dialog(
    path: Path, parent: QWidget | None = None, lang: str = "en"
) -> Callable[[DatabaseDamaged], bool]:
    def ask(error: DatabaseDamaged) -> bool:
        from desktop.ui.dialogs import DamagedDatabaseDialog

        dialog = DamagedDatabaseDialog(path, error.render(lang), error.newest_backup, parent)
        dialog.exec()
        return dialog.restore_chosen()

    return ask


def busy_dialog(
    path: Path, parent: QWidget | None = None, lang: str = "en"
) -> Callable[[DatabaseBusy], bool]:
    def ask(error: DatabaseBusy) -> bool:
        from desktop.ui.dialogs import BusyDatabaseDialog

        dialog = BusyDatabaseDialog(path, error.render(lang), parent)
        dialog.exec()
        return dialog.read_only_chosen()

    return ask


def offer_demo_once(window: MainWindow, store: Store, settings: Settings) -> bool:
    """On the first start with an empty database, offer the demonstration cases once."""
    from desktop.ui.dialogs import offer_demo_cases

    if store.read_only or settings.flag("demo/offered") or store.count_cases() > 0:
        return False
    wanted = offer_demo_cases(window)
    settings.set_value("demo/offered", True)  # only once answered: a crash asks again
    if wanted:
        window.case_actions.on_load_demo()
    return wanted


def backup_in_background(store: Store, lang: str = "en") -> workers.Task | None:
    """The start-up backup (rotating, `backup_keep` copies) in a worker with its own
    read-only connection; None for a read-only store (another instance is writing)."""
    from desktop.ui import workers

    if store.read_only:
        return None

    def work(_control: workers.TaskControl) -> Path | None:
        with store.open_again(read_only=True) as own:
            return own.rotate_backup()

    return workers.start(workers.Task(work, lang))


def after_show(window: MainWindow, store: Store, settings: Settings) -> None:
    """Start-up work that can wait until the window is on screen."""
    task = backup_in_background(store, settings.language)
    if task is not None:
        task.signals.failed.connect(
            lambda message: window.statusBar().showMessage(
                QApplication.translate("App", "The start-up backup failed: %1").replace(
                    "%1", message
                )
            )
        )
    window.startup_backup = task
    offer_demo_once(window, store, settings)


def _prepare_window() -> None:
    """The store's modules (the database code, accounts, cryptography: none is needed to ask who
    is working), the main window's modules, and the shipped rules file read once (pydantic and
    the rules model load with it): what opening the database and the window need first."""
    try:
        import_all()
        importlib.import_module(WINDOW_MODULE)
        from desktop.logic.model import default_rules

        default_rules()
    except Exception:  # noqa: BLE001 -- the same work after the sign-in reports it
        return


class WindowPreparer(QObject):
    """Once the first dialog (sign-in, or the first account) has painted, prepares the main
    window in a thread while the dialog waits for the person (without holding the GIL): its
    modules and the shipped rules file. The same imports after the sign-in then find them done,
    or wait for the thread. Started after that first paint, so the thread never slows the
    dialog's own appearance."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self.worker: threading.Thread | None = None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 -- Qt override
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, self.start)
        return False

    def start(self) -> None:
        if self.worker is None:
            self.worker = threading.Thread(target=_prepare_window, name="prepare-window")
            self.worker.daemon = True  # a person who quits at the sign-in does not wait for it
            self.worker.start()


def start(db_path: Path | None, settings: Settings) -> tuple[MainWindow | None, Store | None]:
    """Everything before the event loop; (None, None) when the user chose to quit."""
    lang = settings.language
    app = QCoreApplication.instance()
    if app is not None:
        WindowPreparer(app)
    try:  # the default data folder may not be creatable: said in words like any store refusal
        path = Path(db_path) if db_path else default_db_path()
        on_damaged, on_busy = damaged_dialog(path, lang=lang), busy_dialog(path, lang=lang)
        store = open_as_person(
            path, lambda: open_store(path, None, on_damaged, on_busy), on_busy, lang
        )
    except StoreError as exc:
        QMessageBox.critical(
            None, QApplication.translate("App", "Cannot open the database"), exc.render(lang)
        )
        return None, None
    if store is None:
        return None, None
    from desktop.ui.main_window import MainWindow

    window = MainWindow(store, settings)
    window.show()
    QTimer.singleShot(0, window, lambda: after_show(window, store, settings))
    return window, store


def run_app(db_path: Path | None) -> int:
    """`mdt-planner` with no command: the desktop app on `db_path` (default database if None)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    settings = Settings()
    install_translators(app, settings.language)
    install_namer(app)
    window, store = start(db_path, settings)
    if window is None or store is None:
        return 1
    try:
        return app.exec()
    finally:
        store.close()
