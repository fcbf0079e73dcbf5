"""The smoke subset: evaluate, import, PDF export and app start, as a user runs them.

`.ci/run` runs these (with the Qt binding check) once more against the lowest versions that
pyproject.toml allows (`.ci/lowest-constraints.txt`), so the declared floors stay true.
"""

import json

import pytest

from desktop.cli import main
from desktop.logic.model.paths import resource

pytestmark = pytest.mark.smoke

DEMO = resource("demo") / "advanced-pvtt-conversion.json"


def test_evaluate_prints_the_evaluation(capsys):
    assert main(["evaluate", str(DEMO)]) == 0
    evaluation = json.loads(capsys.readouterr().out)
    assert evaluation["format"] == "hcc-mdt-evaluation/1"
    assert evaluation["bclc"]["stage"] == "C"


def test_import_then_export_pdf(tmp_path, capsys):
    db = tmp_path / "cases.sqlite3"
    assert main(["--db", str(db), "import", str(DEMO)]) == 0
    case_id = capsys.readouterr().out.split("\t")[0]
    pdf = tmp_path / "summary.pdf"
    assert main(["--db", str(db), "export", case_id, "--pdf", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF-")


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform says so on show()
def test_app_starts_to_its_main_window(qtbot, tmp_path):
    from desktop.ui.app import start
    from desktop.ui.settings import Settings

    settings = Settings.at(tmp_path / "settings.ini")
    settings.set_user("Li Ming", "hepatobiliary surgeon")
    settings.set_value("demo/offered", True)
    from tests.ui.answers import answer_modals, create_account

    answer_modals(create_account("Li Ming", "hepatobiliary surgeon", "li-password"))
    window, store = start(tmp_path / "cases.sqlite3", settings)
    try:
        qtbot.addWidget(window)
        qtbot.waitUntil(window.isVisible)
        assert window.windowTitle()
    finally:
        store.close()
