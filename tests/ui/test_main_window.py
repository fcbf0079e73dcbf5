"""The main window: demo cases, workspace tabs with undo, import/export off the GUI thread."""

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton

from desktop.logic.store.database import Store
from desktop.ui.dialogs import shortcut_rows
from desktop.ui.duplicate import duplicate_of
from desktop.ui.main_actions import demo_files
from desktop.ui.main_window import FIXED_TABS, FOLLOW_UP_TAB, MainWindow
from desktop.ui.settings import Settings
from tests.conftest import example_data
from tests.factories import make_case


@pytest.fixture
def window(qtbot, store, settings):
    main = MainWindow(store, settings)
    qtbot.addWidget(main)
    return main


def test_demo_cases_load_with_upcoming_drafts_on_the_agenda(window, store):
    ids = window.case_actions.on_load_demo()
    assert len(ids) == len(demo_files()) >= 8
    assert window.cases.model.rowCount() == len(ids)
    today = dt.date.today()
    expected = {}
    for case_id in ids:
        for d in store.get_case(case_id).case.decisions:
            if d.status == "draft" and d.meeting_date >= today:
                expected.setdefault(d.meeting_date.isoformat(), set()).add(case_id)
    agendas = {m: {i.case_id for i in store.agenda.items(m)} for m in store.agenda.meetings()}
    assert agendas == expected


def test_demo_files_cover_every_bclc_stage(window, store):
    window.case_actions.on_load_demo()
    stages = {row.bclc for row in store.list_cases()}
    assert stages == {"0", "A", "B", "C", "D"}
    assert {row.cnlc for row in store.list_cases()} >= {
        "Ia",
        "Ib",
        "IIa",
        "IIb",
        "IIIa",
        "IIIb",
        "IV",
    }


def test_duplicate_drops_decisions_and_takes_the_new_patient(pvtt_case_data):
    from desktop.logic.model.case_io import parse_case

    copy = duplicate_of(parse_case(pvtt_case_data), "H-000999", "Zhang San")
    assert (copy.patient.mrn, copy.patient.name) == ("H-000999", "Zhang San")
    assert copy.decisions == []
    assert copy.case_id is None


def test_opening_a_case_adds_a_workspace_tab_and_its_undo_stack(window, store):
    case_id = store.new_case(make_case()).case_id
    workspace = window.open_case(case_id)
    assert window.tabs.count() == FIXED_TABS + 1
    assert window.undo_group.activeStack() is workspace.undo_stack
    assert window.open_case(case_id) is workspace  # opened once only
    window.on_close_tab(FIXED_TABS)
    assert window.tabs.count() == FIXED_TABS


# Showing the progress dialog and the report makes the offscreen platform warn about size hints.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_import_runs_in_a_worker_and_reports_refused_files(qtbot, window, tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(example_data("intermediate-multinodular")), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    results = []
    task = window.case_actions.on_import([str(good), str(bad)])
    task.signals.finished.connect(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert len(results[0].imported) == 1
    assert results[0].problems[0].startswith(f"{bad}: not valid JSON")
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 1, timeout=2000)


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize(
    ("answer", "revisions", "note"),
    [
        (True, 2, "1 added as a new revision, 0 skipped"),
        (False, 1, "0 added as a new revision, 1 skipped"),
    ],
)
def test_importing_a_known_mrn_asks_first(qtbot, window, store, tmp_path, answer, revisions, note):
    data = example_data("intermediate-multinodular")
    data.pop("case_id", None)
    existing = store.new_case(make_case(**{"patient.mrn": data["patient"]["mrn"]})).case_id
    path = tmp_path / "known.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    asked, notes = [], []
    window.case_actions.ask_known = lambda known: asked.append(known) or answer
    window.case_actions.statusMessage.connect(notes.append)
    results = []
    task = window.case_actions.on_import([str(path)])
    task.signals.finished.connect(results.append)
    qtbot.waitUntil(lambda: bool(notes), timeout=5000)
    [known] = asked
    assert (known.case_id, known.name, known.path) == (existing, "Test Patient", path)
    assert len(store.history(existing)) == revisions
    assert store.count_cases() == 1
    assert note in notes[0]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_export_writes_one_file_per_case(qtbot, window, store, tmp_path):
    case_id = store.new_case(make_case(**{"patient.mrn": "EX/1"})).case_id
    out = tmp_path / "out"
    out.mkdir()
    written = []
    task = window.case_actions.export_to([case_id], out)
    task.signals.finished.connect(written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=5000)
    assert [p.name for p in written[0]] == ["EX%2F1.json"]  # model.file_stem: never EX_1's name
    assert json.loads((out / "EX%2F1.json").read_text())["patient"]["mrn"] == "EX/1"


def test_close_remembers_filters_and_layout(qtbot, store, settings, tmp_path):
    main = MainWindow(store, settings)
    qtbot.addWidget(main)
    main.cases.search.setText("H-00")
    main.close()
    assert settings.filters("cases") == {"text": "H-00"}
    again = MainWindow(store, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(again)
    assert again.cases.search.text() == "H-00"


def test_read_only_store_disables_writing_actions(qtbot, store, settings):
    path = store.path
    store.close()
    with Store.open(path, read_only=True) as reader:
        main = MainWindow(reader, settings)
        qtbot.addWidget(main)
        assert not main.menus.new_action.isEnabled()
        assert main.menus.export_action.isEnabled()
        assert "read-only" in main.windowTitle()


def test_undo_keys_belong_to_the_edit_menu_only(window, store):
    workspace = window.open_case(store.new_case(make_case()).case_id)
    undo = QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    redo = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    keys = [*undo, *redo, QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+Shift+Z")]
    assert [b for b in window.findChildren(QAbstractButton) if b.shortcut() in keys] == []
    assert window.menus.undo_action.shortcuts() == undo
    assert window.menus.redo_action.shortcuts() == redo
    assert window.undo_group.activeStack() is workspace.undo_stack


def listed_keys() -> set[str]:
    """Every key combination Help names, ranges ("Ctrl+1 … Ctrl+6") spelled out."""
    listed = set()
    for keys, _ in shortcut_rows():
        if " … " in keys:
            first, last = keys.split(" … ")
            prefix = first[:-1]
            listed |= {f"{prefix}{n}" for n in range(int(first[-1]), int(last[-1]) + 1)}
        else:
            listed |= set(keys.split(", "))
    return listed


def test_help_lists_every_shortcut_of_the_menus(window):
    used = {
        key.toString()
        for action in window.findChildren(QAction)
        for key in action.shortcuts()
        if "+" in key.toString()
    }
    assert {"Ctrl+Z", "Ctrl+P", "Ctrl+1", "Ctrl+6", "Alt+1"} <= used
    assert used <= listed_keys()


def test_ctrl_p_prints_and_no_longer_exports(window):
    assert window.menus.print_action.shortcut() == QKeySequence("Ctrl+P")
    assert window.menus.export_pdf_action.shortcut() == QKeySequence("Ctrl+Shift+E")


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_ctrl_digits_go_to_the_open_cases_steps(qtbot, window, store):
    workspace = window.open_case(store.new_case(make_case()).case_id)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for step in (3, 6, 1):
        key = Qt.Key(Qt.Key.Key_0.value + step)
        qtbot.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)
        assert workspace.sidebar.currentRow() == step - 1
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == 1  # Alt+2: the agenda


def test_language_menu_marks_the_chosen_language(window, settings, monkeypatch):
    monkeypatch.setattr("desktop.ui.preferences.QMessageBox.information", lambda *a: None)
    marked = lambda: [a.data() for a in window.menus.language_group.actions() if a.isChecked()]  # noqa: E731
    assert marked() == [settings.language]
    chinese = next(a for a in window.menus.language_group.actions() if a.data() == "zh_CN")
    chinese.trigger()
    assert marked() == ["zh_CN"]
    assert settings.language == "zh_CN"


def test_recent_cases_menu_lists_opened_cases_newest_first(window, store, settings):
    first = store.new_case(make_case(**{"patient.name": "First", "patient.mrn": "R-1"})).case_id
    second = store.new_case(make_case(**{"patient.name": "Second", "patient.mrn": "R-2"})).case_id
    window.open_case(first)
    window.open_case(second)
    window.recent.rebuild()
    assert [a.text() for a in window.recent.actions()] == ["&1  Second · R-2", "&2  First · R-1"]
    window.on_close_tab(FIXED_TABS)
    window.recent.actions()[1].trigger()
    assert window.workspaces()[-1].case_id == first
    assert settings.recent_cases()[0] == first


def test_stale_days_setting_is_kept_in_the_store(window, store):
    window.preferences.on_stale_days_chosen(12)
    assert store.get_setting("stale_days") == 12
    assert window.agenda.model._stale_days == 12


def test_follow_up_view_is_built_when_first_shown(window):
    assert window._follow_up is None
    window.tabs.setCurrentIndex(FOLLOW_UP_TAB)
    assert window.tabs.currentWidget() is window.follow_up
    assert window.tabs.tabText(FOLLOW_UP_TAB) == "Follow-up"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_case_files_dropped_on_the_list_are_imported(qtbot, window, tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(example_data("intermediate-multinodular")), encoding="utf-8")
    window.cases.filesDropped.emit([str(good)])
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 1, timeout=5000)
