"""Account dialogs take typing where a person starts typing: the first empty field, then Tab
down the form to OK and Cancel (the buttons are made first, so without care Tab began there
and a typed space pressed OK or Cancel: Cancel on the first account closed the app)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.accounts import first_account_dialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def dialog(qtbot):
    created = []
    shown = first_account_dialog(lambda *args: created.append(args) or args)
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    shown.created = created
    return shown


def test_typing_starts_in_the_name_and_tab_goes_down_the_form(qtbot, dialog):
    assert QApplication.focusWidget() is dialog.name
    qtbot.keyClicks(QApplication.focusWidget(), "Li Ming")
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:3] == [dialog.role, dialog.password, dialog.again]
    assert order[3] in dialog.buttons.buttons()


def test_the_first_account_is_made_with_the_keyboard_alone(qtbot, dialog):
    for text in ("Li Ming", "hepatobiliary surgeon", "correct horse 42", "correct horse 42"):
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.created == [("Li Ming", "hepatobiliary surgeon", "correct horse 42")]
