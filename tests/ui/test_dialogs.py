"""The About box names the licences and opens their texts; the export options offer the two
de-identification choices only with De-identify; report refusals reach the user in words."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from desktop.logic.model import Case, resource
from desktop.logic.report import UnprintableText, write_summary_pdf
from desktop.ui.dialogs import AboutDialog, ExportOptionsDialog, LicencesDialog
from desktop.ui.workers import ReportOptions, failure_text
from tests.conftest import REPO


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show()
def test_about_names_the_licences_and_licences_opens_their_texts(qtbot):
    about = AboutDialog("2026.1")
    qtbot.addWidget(about)
    text = about.informativeText()
    for name in ("MIT", "Apache License 2.0", "LGPLv3", "Qt for Python (PySide6)"):
        assert name in text
    about.show()
    about.licences.click()
    assert about.isVisible()  # the About box stays open behind the licences
    licences = about.licences_dialog
    qtbot.addWidget(licences)
    assert isinstance(licences, LicencesDialog)
    assert licences.isVisible()
    about.button(QMessageBox.StandardButton.Close).click()
    assert not about.isVisible()


def test_every_licence_text_is_shipped_and_shown(qtbot):
    licences = LicencesDialog()
    qtbot.addWidget(licences)
    shown = [licences.tabs.widget(i).toPlainText() for i in range(licences.tabs.count())]
    assert [t.splitlines()[0] for t in shown] == [
        str(resource("licences", "MIT-mdt-planner.txt")),
        str(resource("fonts", "LICENSE-Apache-2.0.txt")),
        str(resource("licences", "LGPL-3.0.txt")),
        str(resource("licences", "GPL-3.0.txt")),
    ]
    assert "MIT License" in shown[0]
    assert "Apache License" in shown[1]
    assert "Version 2.0" in shown[1]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in shown[2]
    assert "Version 3, 29 June 2007" in shown[2]
    assert "GNU GENERAL PUBLIC LICENSE" in shown[3]
    assert all(isinstance(licences.tabs.widget(i), QPlainTextEdit) for i in range(4))


def test_the_shipped_mit_text_is_the_repository_licence():
    shipped = resource("licences", "MIT-mdt-planner.txt").read_text(encoding="utf-8")
    assert shipped == (REPO / "LICENSE").read_text(encoding="utf-8")


def test_deidentify_choices_follow_the_deidentify_box(qtbot):
    dialog = ExportOptionsDialog("Export")
    qtbot.addWidget(dialog)
    assert not dialog.include_free_text.isEnabled()
    dialog.include_free_text.setChecked(True)
    assert dialog.options() == ReportOptions("en", False)
    dialog.deidentify.setChecked(True)
    assert dialog.include_free_text.isEnabled()
    dialog.deidentify_attendees.setChecked(True)
    assert dialog.options() == ReportOptions("en", True, True, True)
    options = dialog.options().deidentification()
    assert (options.include_free_text, options.attendees) == (True, True)
    assert ReportOptions().deidentification() is False


def test_text_the_pdf_cannot_print_is_shown_in_the_readers_words(pvtt_case_data, tmp_path):
    pvtt_case_data["patient"]["name"] = "محمد"
    with pytest.raises(UnprintableText) as refused:
        write_summary_pdf(Case.model_validate(pvtt_case_data), tmp_path / "s.pdf")
    assert failure_text(refused.value, "en").startswith("patient.name: U+0645 ARABIC LETTER MEEM")
    assert "无法打印" in failure_text(refused.value, "zh_CN")


@pytest.mark.parametrize(
    ("name", "role", "said", "focused"),
    [
        ("", "", "Your name and your role are missing", "name"),
        ("", "surgeon", "Your name is missing", "name"),
        ("Li Ming", "", "Your role is missing", "role"),
    ],
)
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_ok_on_who_is_working_says_what_is_missing(qtbot, name, role, said, focused):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.dialogs import WhoIsWorkingDialog

    dialog = WhoIsWorkingDialog(name, role)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # not accepted
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith(said)
    assert getattr(dialog, focused).hasFocus()
