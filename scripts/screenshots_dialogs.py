"""Screenshots of every dialog, as the app shows it: dialogs built by a function that runs them
(a question box, the file and print dialogs) are grabbed while they are up and then closed.

Used by scripts/screenshots.py; `dialog_screens(window, filled_id, out)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.logic.clinical import readiness
from desktop.logic.store import DatabaseDamaged, Store
from desktop.logic.store.files import backups_dir
from desktop.ui import printing, workers
from desktop.ui.accounts import (
    OwnPasswordDialog,
    add_member_dialog,
    first_account_dialog,
    sign_in_dialog,
    signer_dialog,
    unlock_dialog,
)
from desktop.ui.agenda_dialogs import CarryOverDialog, CasePickerDialog
from desktop.ui.dialogs import (
    AboutDialog,
    BusyDatabaseDialog,
    DamagedDatabaseDialog,
    ExportOptionsDialog,
    LicencesDialog,
    ShortcutsDialog,
    WhoIsWorkingDialog,
    offer_demo_cases,
)
from desktop.ui.duplicate import DuplicateDialog
from desktop.ui.finalize_reason import MissingReasonDialog, confirm_finalize
from desktop.ui.main_window import MainWindow
from desktop.ui.new_case import NewCaseDialog
from desktop.ui.rules import RulesDialog
from desktop.ui.settings import stale_days
from desktop.ui.sign_in import offer_encryption

Shot = tuple[str, Callable[[], QWidget | None]]


def grab(widget: QWidget, path: Path) -> Path:
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)
    return path


def grab_running(run: Callable[[], object], path: Path) -> Path:
    """Call `run`, which shows a modal dialog and waits in it: grab that dialog, then close it."""

    def take() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, take)
            return
        QApplication.processEvents()
        dialog.grab().save(str(path))
        print(path)
        dialog.close()

    QTimer.singleShot(50, take)
    run()
    return path


def damaged(store: Store, lang: str) -> QWidget:
    """The dialog for a real refusal: a damaged file beside a good backup."""
    broken = store.path.with_name("damaged.sqlite3")
    broken.write_bytes(b"this file is not an SQLite database " * 8)
    backups_dir(broken).mkdir(exist_ok=True)
    store.backup(backups_dir(broken) / "damaged-20250301-080000.sqlite3")
    try:
        Store.open(broken, user=store.user).close()
    except DatabaseDamaged as error:
        return DamagedDatabaseDialog(broken, error.render(lang), error.newest_backup)
    raise SystemExit(f"{broken} was expected to be refused as damaged")


def made_dialogs(window: MainWindow, filled_id: str) -> list[Shot]:
    """Dialogs the app constructs and then shows."""
    store, lang = window.store, window.settings.language
    account = store.signed_in.name if store.signed_in else "Li Ming"
    new_with_refusal = NewCaseDialog(lang, store=store)
    new_with_refusal.mrn.setText(store.get_case(filled_id).case.patient.mrn)
    new_with_refusal.name.setText("王芳" if lang == "zh_CN" else "Wang Fang")
    new_with_refusal.bilirubin.setText("abc")
    new_with_refusal.on_accept()
    duplicate = DuplicateDialog(store, filled_id, lang)
    progress = workers.show_progress(workers.Task(lambda control: None), "…")
    progress.setLabelText(  # the text the pack export shows, in the app's language
        QApplication.translate("ReportExports", "Writing the meeting pack of %n case(s)…", "", 5)
    )
    progress.setMaximum(6)
    progress.setValue(2)
    progress.resize(440, progress.sizeHint().height())
    demo = store.get_case(store.list_cases("H-000123")[0].case_id).case  # items missing
    missing = readiness(demo, dt.date.today(), stale_days(store)).gaps
    return [
        ("new-case", lambda: NewCaseDialog(lang, store=store)),
        ("new-case-refused", lambda: new_with_refusal),
        ("duplicate", lambda: duplicate),
        ("first-account", lambda: first_account_dialog(lambda *a: None, None, lang)),
        ("sign-in", lambda: sign_in_dialog(lambda *a: None, None, lang)),
        ("signing", lambda: signer_dialog(lambda *a: None, account, None, lang)),
        ("own-password", lambda: OwnPasswordDialog(account, lambda p: None, None, lang)),
        ("add-member", lambda: add_member_dialog(lambda *a: None, None, lang)),
        ("locked", lambda: unlock_dialog(lambda *a: None, account, None, lang)),
        (
            "finalize-reason",
            lambda: MissingReasonDialog([g.message.render(lang) for g in missing]),
        ),  # fmt: skip
        ("who-is-working", lambda: WhoIsWorkingDialog()),
        ("shortcuts", lambda: ShortcutsDialog()),
        ("about", lambda: AboutDialog(window.rules.rules.version)),
        ("licences", lambda: LicencesDialog()),
        ("damaged-database", lambda: damaged(store, lang)),
        ("busy-database", lambda: BusyDatabaseDialog(store.path, "PID 4242", None)),
        ("export-options", lambda: ExportOptionsDialog(_export_title(), lang)),
        ("export-progress", lambda: progress),
        ("rules-file", lambda: RulesDialog(window.rules, False, lang)),
        ("agenda-add-cases", lambda: CasePickerDialog(store)),
        (
            "agenda-carry-over",
            lambda: CarryOverDialog(dt.date.today() + dt.timedelta(days=7)),
        ),  # fmt: skip
    ]


def _export_title() -> str:
    return QApplication.translate("ReportExports", "Export PDF summary")


def running_dialogs(window: MainWindow, filled_id: str) -> list[tuple[str, Callable[[], object]]]:
    """Dialogs a function shows and waits in (grabbed while up)."""
    actions, exports = window.case_actions, window.exports
    stored = window.store.get_case(filled_id)
    known = workers.KnownMrn(Path("K-0001.json"), stored.case, filled_id, stored.case.patient.name)
    name = "MDT-summary_K-0001_2026-12-02.pdf"
    return [
        ("import-known-mrn", lambda: actions._ask_known(known)),
        ("finalize-confirm", lambda: confirm_finalize(window)),
        ("demo-offer", lambda: offer_demo_cases(window)),
        ("encrypt-offer", lambda: offer_encryption(window)),
        ("save-pdf", lambda: exports._ask_save_path(_export_title(), name)),
        ("print", lambda: printing.ask_printer(window)),
    ]


def dialog_screens(window: MainWindow, filled_id: str, out: Path) -> list[Path]:
    made = made_dialogs(window, filled_id)
    shots = [grab(make(), out / f"dialog-{name}.png") for name, make in made]
    for name, run in running_dialogs(window, filled_id):
        shots.append(grab_running(run, out / f"dialog-{name}.png"))
    return shots
