"""Every interactive widget of every screen and dialog has an accessible name (what a screen
reader says), and the response chart names itself and reads out its values."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from desktop.logic.model.rules import default_rules
from desktop.logic.store.database import Store, User
from desktop.ui.accessibility import (
    AccessibleNamer,
    accessible_name,
    derived_name,
    install_namer,
    is_interactive,
)
from desktop.ui.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def namer(qapp):
    """The namer the app installs at start (desktop.ui.app.run_app)."""
    installed = install_namer(qapp)
    yield installed
    qapp.removeEventFilter(installed)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "cases.sqlite3", user=User("Li Ming", "surgeon")) as opened:
        yield opened


def unnamed(root: QWidget) -> list[str]:
    """Visible interactive widgets under `root` without an accessible name."""
    return [
        f"{type(w).__name__} in {type(w.parentWidget()).__name__}"
        for w in [root, *root.findChildren(QWidget)]
        if w.isVisible() and is_interactive(w) and not accessible_name(w)
    ]


def test_every_widget_of_the_main_window_and_each_step_is_named(qtbot, namer, store, tmp_path):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(store, Settings.at(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    ids = window.case_actions.on_load_demo()
    window.show()
    found = {"cases": unnamed(window)}
    for tab, view in ((1, "agenda"), (2, "follow-up")):
        window.tabs.setCurrentIndex(tab)
        found[view] = unnamed(window)
    for case_id in ids[:3]:
        workspace = window.open_case(case_id)
        for step in range(workspace.sidebar.count()):
            workspace.sidebar.setCurrentRow(step)
            found[f"{case_id} step {step + 1}"] = unnamed(window)
    assert {where: names for where, names in found.items() if names} == {}


def test_every_dialog_is_named(qtbot, namer, store):
    from desktop.ui.agenda_dialogs import CarryOverDialog, CasePickerDialog
    from desktop.ui.dialogs import ExportOptionsDialog, ShortcutsDialog, WhoIsWorkingDialog
    from desktop.ui.new_case import NewCaseDialog
    from desktop.ui.rules import DepartmentRules, RulesDialog

    rules = DepartmentRules(store)
    dialogs = [
        WhoIsWorkingDialog(),
        NewCaseDialog("en"),
        ExportOptionsDialog("Export", "en"),
        ShortcutsDialog(),
        RulesDialog(rules, False, "en"),
        CasePickerDialog(store),
        CarryOverDialog(dt.date(2026, 12, 9)),
    ]
    found = {}
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        found[type(dialog).__name__] = unnamed(dialog)
    assert {where: names for where, names in found.items() if names} == {}


def test_the_chart_names_itself_and_reads_its_values(qtbot, namer, store, pvtt_case_data):
    from desktop.logic.model.case import Case
    from desktop.ui.presentation import PresentationWindow

    case_id = store.new_case(Case.model_validate(pvtt_case_data)).case_id
    slides = PresentationWindow(store, [case_id], Settings.at(store.path.with_suffix(".ini")),
                                default_rules())  # fmt: skip
    qtbot.addWidget(slides)
    assert slides.accessibleName()
    assert slides.chart.accessibleName() == "Response chart"
    assert "2026-06-01: 105 mm" in slides.chart.accessibleDescription()


def test_names_come_from_what_a_sighted_reader_sees(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    form = QFormLayout(holder)
    labelled = QLineEdit()
    form.addRow(QLabel("Tumour &size:"), labelled)  # a label that is not the field's buddy
    form.labelForField(labelled).setBuddy(None)
    placeholder = QLineEdit()
    placeholder.setPlaceholderText("regimen id")
    tooltip = QPushButton()
    tooltip.setToolTip("Remove the selected row\nfrom the table")
    heading = QLabel("Scans")
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    table = QTableView()
    for widget in (placeholder, tooltip, heading, table):
        form.addRow(widget)
    assert derived_name(labelled) == "Tumour size"
    assert derived_name(placeholder) == "regimen id"
    assert derived_name(tooltip) == "Remove the selected row"
    assert derived_name(table) == "Scans"


def test_the_namer_names_a_widget_when_shown(qtbot, qapp):
    namer = AccessibleNamer()
    qapp.installEventFilter(namer)
    try:
        button = QPushButton()
        button.setToolTip("Close this note")
        qtbot.addWidget(button)
        assert not accessible_name(button)
        button.show()
        assert button.accessibleName() == "Close this note"
    finally:
        qapp.removeEventFilter(namer)
