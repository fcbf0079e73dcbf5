"""Start-up: the first account, sign-in, encryption offer, a damaged or busy database,
translators, the demo offer."""

import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.logic.store import is_encrypted
from desktop.logic.store.database import DatabaseBusy, Store, User
from desktop.ui import app as app_module
from desktop.ui.app import install_translators, open_store, start
from desktop.ui.dialogs import DamagedDatabaseDialog
from desktop.ui.settings import Settings
from tests.conftest import REPO
from tests.factories import make_case
from tests.ui.answers import answer_modals, create_account, give_password, reply

GARBAGE = b"this is not an SQLite database, it was damaged on the way" * 20


@pytest.fixture
def settings(settings):
    settings.set_user("Li Ming", "hepatobiliary surgeon")  # who is working: already answered
    return settings


def _answer_modal(seen, button_name):
    """Record the modal dialog on screen and press one of its buttons."""

    def press():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        if dialog is None:
            return
        getattr(dialog, button_name).click()

    QTimer.singleShot(0, press)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_damaged_database_shows_the_dialog_and_is_not_touched(qtbot, tmp_path, settings):
    db = tmp_path / "cases.sqlite3"
    db.write_bytes(GARBAGE)
    seen = []
    _answer_modal(seen, "quit_button")
    window, store = start(db, settings)
    assert (window, store) == (None, None)
    assert isinstance(seen[0], DamagedDatabaseDialog)
    assert "damaged" in seen[0].informativeText()
    assert db.read_bytes() == GARBAGE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.sqlite3", "settings.ini"]


def test_damaged_database_without_backup_offers_no_restore(tmp_path):
    db = tmp_path / "cases.sqlite3"
    db.write_bytes(GARBAGE)
    asked = []
    result = open_store(
        db, User("A", "B"), on_damaged=lambda e: asked.append(e) or True, on_busy=lambda e: False
    )
    assert result is None  # nothing to restore: told, then the app quits, the file untouched
    assert [e.newest_backup for e in asked] == [None]
    assert db.read_bytes() == GARBAGE


def test_busy_database_opens_read_only_when_chosen(tmp_path, monkeypatch):
    db = tmp_path / "cases.sqlite3"
    Store.open(db, user=User("A", "B")).close()
    real_open = Store.open
    asked = []

    def another_instance_writes(path, user=None, read_only=False):
        if not read_only:
            raise DatabaseBusy("another instance is writing")
        return real_open(path, user=user, read_only=True)

    monkeypatch.setattr(Store, "open", another_instance_writes)
    reader = open_store(
        db,
        User("C", "D"),
        on_damaged=lambda e: False,
        on_busy=lambda e: asked.append(str(e)) or True,
    )
    assert asked == ["another instance is writing"]
    assert reader.read_only
    reader.close()


def test_busy_database_quit_returns_none(tmp_path, monkeypatch):
    def busy(*args, **kwargs):
        raise DatabaseBusy("busy")

    monkeypatch.setattr(Store, "open", busy)
    assert (
        open_store(tmp_path / "x.sqlite3", User("A", "B"), lambda e: False, lambda e: False) is None
    )


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_first_start_creates_the_first_account_and_an_encrypted_database(qtbot, tmp_path):
    fresh = Settings.at(tmp_path / "fresh.ini")
    answers = []

    def who():
        dialog = QApplication.activeModalWidget()
        answers.append(type(dialog).__name__)
        dialog.name.setText("Zhao Hong")
        dialog.role.setCurrentText("medical oncologist")
        dialog.password.setText("zhao-password")
        dialog.again.setText("zhao-password")
        dialog.on_accept()

    def decline_demo():  # the offer comes just after the window shows: wait for it
        box = QApplication.activeModalWidget()
        if box is None or box.windowTitle() != "Load demonstration cases?":
            QTimer.singleShot(10, decline_demo)
            return
        answers.append(box.windowTitle())
        box.reject()

    QTimer.singleShot(0, who)
    window, store = start(tmp_path / "cases.sqlite3", fresh)
    qtbot.addWidget(window)
    assert answers == ["NewAccountDialog"]  # the window is up before the offer
    decline_demo()
    try:
        qtbot.waitUntil(lambda: len(answers) == 2)
        assert answers == ["NewAccountDialog", "Load demonstration cases?"]
        assert store.user == User("Zhao Hong", "medical oncologist")
        assert store.signed_in.name == "Zhao Hong"
        assert is_encrypted(tmp_path / "cases.sqlite3")
        assert fresh.flag("demo/offered")
        fresh.sync()
        assert "zhao-password" not in (tmp_path / "fresh.ini").read_text()
    finally:
        window.close()
        store.close()


def test_english_needs_no_translator(qapp):
    assert install_translators(qapp, "en") == []


def test_damaged_database_restored_from_newest_backup_keeps_the_damaged_file(tmp_path):
    db = tmp_path / "cases.sqlite3"
    with Store.open(db, user=User("A", "B")) as store:
        store.new_case(make_case())
        store.rotate_backup()
    db.write_bytes(GARBAGE)
    restored = open_store(db, User("A", "B"), on_damaged=lambda e: True, on_busy=lambda e: False)
    try:
        assert restored.count_cases() == 1
    finally:
        restored.close()
    kept = [p for p in tmp_path.iterdir() if p.is_file() and p.read_bytes() == GARBAGE]
    assert len(kept) == 1
    assert kept[0] != db


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_start_up_backup_runs_after_the_window_shows(qtbot, tmp_path, settings):
    db = tmp_path / "cases.sqlite3"
    with Store.open(db, user=User("Li Ming", "hepatobiliary surgeon")) as first:
        first.new_case(make_case(**{"patient.mrn": "B-1"}))
    settings.set_value("demo/offered", True)
    answer_modals(
        create_account("Li Ming", "hepatobiliary surgeon", "li-password"),
        reply("Encrypt this database?", accept=False),
    )
    window, store = start(db, settings)
    qtbot.addWidget(window)
    try:
        assert window.startup_backup is None  # deferred: the window shows first
        assert window.cases.model.rowCount() == 1
        qtbot.waitUntil(lambda: len(store.backups()) == 1)
        with Store.open(store.backups()[0], read_only=True) as copy:
            assert [row.mrn for row in copy.list_cases()] == ["B-1"]
    finally:
        window.close()
        store.close()


def test_a_data_folder_that_cannot_be_made_is_said_in_words(tmp_path, settings, monkeypatch):
    """The default database's folder lies under a file: a message box, no traceback."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setattr(
        "platformdirs.user_data_path", lambda *args, **kwargs: blocker / "mdt-planner"
    )
    shown = []
    monkeypatch.setattr(
        app_module.QMessageBox, "critical", lambda parent, title, text: shown.append(text)
    )
    assert start(None, settings) == (None, None)
    assert len(shown) == 1
    assert "not-a-folder" in shown[0]
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_plain_database_is_offered_encryption_then_opens_only_with_the_password(
    qtbot, tmp_path, settings
):
    db = tmp_path / "cases.sqlite3"
    with Store.open(db, user=User("Li Ming", "hepatobiliary surgeon")) as first:
        first.new_case(make_case(**{"patient.mrn": "B-1", "patient.name": "Ma Lan"}))
    settings.set_value("demo/offered", True)
    pending = answer_modals(
        create_account("Li Ming", "hepatobiliary surgeon", "li-password"),
        reply("Encrypt this database?", accept=True),
    )
    window, store = start(db, settings)
    qtbot.addWidget(window)
    try:
        assert pending == []
        assert store.key is not None
        assert window.cases.model.rowCount() == 1
    finally:
        window.close()
        store.close()
    assert is_encrypted(db)
    assert b"Ma Lan" not in db.read_bytes()
    answer_modals(give_password("wrong-password", "Li Ming"), give_password("li-password"))
    window, store = start(db, settings)
    qtbot.addWidget(window)
    try:
        assert store.signed_in.name == "Li Ming"
        assert [row.mrn for row in store.list_cases()] == ["B-1"]
    finally:
        window.close()
        store.close()


def test_asking_who_is_working_loads_neither_the_database_code_nor_cryptography():
    """The sign-in dialog's modules ask only whether the file is encrypted: the database code
    and cryptography load in a thread while the person types (WindowPreparer), so the question
    is on screen sooner."""
    shown = "import sys, desktop.cli, desktop.ui.app\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", shown], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert {"desktop.ui.sign_in", "desktop.logic.store.files"} <= loaded
    assert "desktop.logic.store.database" not in loaded
    assert "desktop.ui.workers" not in loaded  # nor the export dialogs and their workers
    assert not any(name.startswith("cryptography") for name in loaded)
    assert {"sqlite3", "platformdirs"}.isdisjoint(loaded)  # no file is opened to ask


def test_the_window_preparer_loads_the_database_code(monkeypatch):
    loaded = []
    monkeypatch.setattr(app_module, "import_all", lambda: loaded.append("store"))
    monkeypatch.setattr(app_module.importlib, "import_module", loaded.append)
    app_module._prepare_window()
    assert loaded == ["store", app_module.WINDOW_MODULE]
