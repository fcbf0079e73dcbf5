"""The main window's parts on their own: each gets what it uses in its constructor."""

from functools import partial

import pytest
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop.logic.store.database import Store
from desktop.ui import workers
from desktop.ui.case_list import CaseListView
from desktop.ui.export import ReportExports
from desktop.ui.main_actions import CaseActions, demo_files
from desktop.ui.main_menu import MainMenus, WindowCommands
from desktop.ui.preferences import Preferences
from desktop.ui.rules import DepartmentRules
from desktop.ui.settings import Settings
from tests.factories import make_case


class Parts:
    """The window's parts built around a bare QMainWindow, as MainWindow builds them."""

    def __init__(self, qtbot, store: Store, settings: Settings) -> None:
        self.window = QMainWindow()
        qtbot.addWidget(self.window)
        self.tasks = workers.TaskRunner(self.window, settings)
        self.rules = DepartmentRules(store, self.window)
        self.cases = CaseListView(store, {}, self.window)
        opener = partial(workers.reopen, store)
        self.actions = CaseActions(self.window, store, settings, self.cases, self.tasks, opener)
        self.exports = ReportExports(
            self.window, store, settings, self.rules, self.tasks, opener,
            lambda: None, lambda: "2026-12-02",
        )  # fmt: skip
        self.preferences = Preferences(self.window, store, settings, self.rules)
        self.commands: list[tuple] = []
        self.menus = MainMenus(
            self.window, store.read_only, QUndoGroup(self.window), self.actions, self.exports,
            self.preferences, self.window_commands(),
        )  # fmt: skip

    def window_commands(self) -> WindowCommands:
        return WindowCommands(
            show_tab=lambda index: self.commands.append(("tab", index)),
            show_step=lambda step: self.commands.append(("step", step)),
            present=lambda: self.commands.append(("present",)),
            close_case=lambda: self.commands.append(("close",)),
            quit=lambda: self.commands.append(("quit",)),
        )


@pytest.fixture
def parts(qtbot, store, settings):
    return Parts(qtbot, store, settings)


def test_menus_call_the_objects_they_were_given(parts, store):
    opened = []
    parts.actions.demoLoaded.connect(opened.append)
    parts.menus.demo_action.trigger()
    assert len(opened[0]) == len(demo_files()) == store.count_cases()
    parts.menus.close_case_action.trigger()
    view = parts.window.menuBar().actions()[2].menu()  # File, Edit, View
    for action in view.actions():
        action.trigger()
    steps = [("step", step) for step in range(6)]
    assert parts.commands == [("close",), ("tab", 0), ("tab", 1), ("tab", 2), *steps, ("present",)]


def test_writing_actions_are_off_on_a_read_only_database(qtbot, store, settings):
    path = store.path
    store.close()
    with Store.open(path, read_only=True) as reader:
        menus = Parts(qtbot, reader, settings).menus
        assert [a.isEnabled() for a in (menus.new_action, menus.import_action)] == [False, False]
        assert menus.export_action.isEnabled()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on open()
def test_duplicating_asks_whose_case_the_copy_is_first(parts, store):
    original = store.new_case(make_case()).case_id
    changed, opened = [], []
    parts.actions.casesChanged.connect(lambda: changed.append(True))
    parts.actions.openRequested.connect(opened.append)
    dialog = parts.actions.on_duplicate(original)
    assert store.count_cases() == 1  # nothing stored before the answer
    dialog.mrn.setText("T-0002")
    dialog.name.setText("Zhang San")
    dialog.on_accept()
    assert changed == [True]
    copy = store.get_case(opened[0]).case
    assert (copy.patient.mrn, copy.patient.name) == ("T-0002", "Zhang San")


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on open()
def test_duplicating_onto_an_mrn_on_file_is_refused_beside_it(parts, store):
    original = store.new_case(make_case()).case_id
    dialog = parts.actions.on_duplicate(original)
    dialog.mrn.setText("T-0001")
    dialog.name.setText("Zhang San")
    dialog.on_accept()
    assert dialog.isVisible()
    assert dialog.result() == 0
    assert "T-0001 is already on file" in dialog.mrn_error.text()
    assert not dialog.mrn_error.isHidden()
    assert (dialog.mrn.text(), dialog.name.text()) == ("T-0001", "Zhang San")
    assert store.count_cases() == 1


def test_stale_days_are_stored_and_announced(parts, store):
    announced = []
    parts.preferences.staleDaysChanged.connect(announced.append)
    parts.preferences.on_stale_days_chosen(12)
    assert (store.get_setting("stale_days"), announced) == (12, [12])


def test_an_empty_meeting_has_no_pack(parts, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    assert parts.exports.on_export_pack() is None
    assert told == ["The agenda of 2026-12-02 has no cases."]


def test_the_task_runner_keeps_a_task_until_it_ends_and_tells_failures(qtbot, parts, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[1:]))

    def fail(control):
        raise OSError("disk gone")

    task = workers.Task(fail)
    with qtbot.waitSignal(task.signals.failed, timeout=10_000):
        parts.tasks.run(task, "Working…", "It failed")
    qtbot.waitUntil(lambda: not parts.tasks.running, timeout=2000)
    assert warned == [("It failed", "OSError: disk gone")]
