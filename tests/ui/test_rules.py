"""The department's rules file in the app: shown, chosen in Settings, applied to what is shown."""

import json

import pikepdf
import pytest

from desktop.logic.model.case_io import read_case
from desktop.logic.model.rules import default_rules
from desktop.logic.store.rules import RULES_SETTING
from desktop.ui.main_window import MainWindow
from desktop.ui.rules import DepartmentRules, RulesDialog
from desktop.ui.settings import Settings
from desktop.ui.workers import ReportOptions
from tests.conftest import REPO

DEMO = REPO / "resources" / "demo" / "advanced-pvtt-conversion.json"  # lenvatinib given


@pytest.fixture
def window(qtbot, store, tmp_path):
    main = MainWindow(store, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    return main


def department_file(tmp_path, washout_days=28, drop=None):
    data = json.loads((REPO / "resources" / "rules.json").read_text(encoding="utf-8"))
    data["version"] = "hbs-2026.2"
    data["rules"]["washout.lenvatinib_days"]["value"] = washout_days
    if drop:
        del data["rules"][drop]
    path = tmp_path / "hbs.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def earliest_shown(workspace):
    workspace.sidebar.setCurrentRow(3)  # Response and timing
    return workspace.steps[3].surgery.value.text()


def test_the_shipped_rules_are_in_force_until_a_department_chooses_its_own(store, tmp_path):
    rules = DepartmentRules(store)
    changes = []
    rules.changed.connect(lambda: changes.append(rules.rules.version))
    assert (rules.rules.version, rules.chosen_by_department) == (default_rules().version, False)
    rules.choose(department_file(tmp_path))
    assert (rules.rules.version, rules.chosen_by_department) == ("hbs-2026.2", True)
    rules.use_shipped()
    assert changes == ["hbs-2026.2", default_rules().version]
    assert store.get_setting(RULES_SETTING) is None


# Showing the dialog makes the offscreen platform warn about size hints.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_changed_rules_file_changes_what_the_open_case_shows(qtbot, window, store, tmp_path):
    case_id = store.new_case(read_case(DEMO)).case_id
    workspace = window.open_case(case_id)
    shipped = earliest_shown(workspace)
    assert "Rules " + default_rules().version in window.rules_label.text()
    dialog = window.preferences.on_rules()
    qtbot.addWidget(dialog)
    assert dialog.on_choose(department_file(tmp_path, washout_days=28))
    ours = earliest_shown(workspace)
    assert ours > shipped  # ISO dates: 28 days' lenvatinib washout instead of 7
    assert window.rules_label.text() == "Rules hbs-2026.2 (department's)"
    assert "hbs-2026.2" in workspace.disclaimer.text()
    assert "hbs-2026.2" in dialog.current.text()
    again = window.open_case(case_id)
    assert earliest_shown(again) == ours


def test_the_pdf_exported_from_the_app_uses_the_departments_rules(qtbot, window, store, tmp_path):
    case_id = store.new_case(read_case(DEMO)).case_id
    window.rules.choose(department_file(tmp_path))
    out = tmp_path / "summary.pdf"
    task = window.exports.export_pdf(case_id, out, ReportOptions())
    with qtbot.waitSignal(task.signals.finished, timeout=60_000):
        pass
    with pikepdf.open(out) as pdf:
        assert "rules=hbs-2026.2" in str(pdf.docinfo["/Keywords"])


def test_an_unusable_file_is_refused_with_the_reason(qtbot, window, tmp_path):
    dialog = RulesDialog(window.rules, read_only=False, lang="en")
    qtbot.addWidget(dialog)
    assert not dialog.on_choose(department_file(tmp_path, drop="washout.ici_days"))
    assert "washout.ici_days" in dialog.problem.text()
    assert window.rules.rules.version == default_rules().version


def test_a_kept_copy_this_version_cannot_use_is_shown_in_red(qtbot, store, tmp_path):
    store.set_setting(RULES_SETTING, {"format": "hcc-mdt-rules/1", "version": "old", "rules": {}})
    main = MainWindow(store, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    qtbot.waitUntil(lambda: "unusable" in main.rules_label.text())  # shown once the window is
    assert "rules missing" in main.rules_label.toolTip()
    assert main.rules.rules.version == default_rules().version


def test_a_read_only_database_shows_the_rules_but_cannot_change_them(qtbot, store):
    dialog = RulesDialog(DepartmentRules(store), read_only=True, lang="en")
    qtbot.addWidget(dialog)
    assert default_rules().version in dialog.current.text()
    assert not dialog.choose_button.isEnabled()
    assert not dialog.shipped_button.isEnabled()
