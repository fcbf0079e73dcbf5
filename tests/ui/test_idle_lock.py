"""The idle lock (trust.md): while locked, no patient name, MRN or value is in any text the main
window holds (every child widget's text, title, tooltip, item, tab and action), nor in any other
window on screen; the password of the person working brings everything back."""

import pytest
from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QStatusBar,
    QTabBar,
    QWidget,
)

from desktop.logic.store.database import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.factories import make_case
from tests.ui.answers import answer_modals

NAME, MRN = "Ma Lan", "H-0077123"
VALUES = ("23.7", "36.4", "1.37", "4.65")  # bilirubin, albumin, INR, nodule: none elsewhere
PATIENT_TEXT = (NAME, MRN, *VALUES)
TEXT_GETTERS = ("text", "placeholderText", "toPlainText", "title", "currentMessage")
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def _widget_texts(widget: QWidget) -> list[str]:
    found = [widget.windowTitle(), widget.toolTip(), widget.statusTip(), widget.whatsThis(),
             widget.accessibleName(), widget.accessibleDescription()]  # fmt: skip
    for name in TEXT_GETTERS:
        getter = getattr(widget, name, None)
        value = getter() if callable(getter) else None
        if isinstance(value, str):
            found.append(value)
    if isinstance(widget, QComboBox):
        found += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        found += [widget.tabText(i) + " " + widget.tabToolTip(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
        found += [str(model.index(r, c).data(role)) for r in range(model.rowCount())
                  for c in range(columns) for role in ROLES]  # fmt: skip
    found += [_action_text(action) for action in widget.actions()]
    return found


def _action_text(action: QAction) -> str:
    return " ".join((action.text(), action.toolTip(), action.statusTip(), action.iconText()))


def everything_held(window: QWidget) -> str:
    """Every text of the window and its children, and of every other window on screen."""
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    widgets = [window, *window.findChildren(QWidget)]
    for other in shown:
        widgets += [other, *other.findChildren(QWidget)]
    texts = [text for widget in widgets for text in _widget_texts(widget)]
    texts += [_action_text(action) for action in window.findChildren(QAction)]
    texts += [bar.currentMessage() for bar in window.findChildren(QStatusBar)]
    return "\n".join(texts)


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store.open(tmp_path / "cases.sqlite3")
    store.add_account("Li Ming", "hepatobiliary surgeon", "li-password")
    case = make_case(**{
        "patient.name": NAME, "patient.mrn": MRN, "tumor.nodules_cm": [4.65],
        "labs.bilirubin": {"value": 23.7, "unit": "umol/L"},
        "labs.albumin": {"value": 36.4, "unit": "g/L"}, "labs.inr": 1.37,
    })  # fmt: skip
    case_id = store.new_case(case).case_id
    shown = MainWindow(store, Settings.at(tmp_path / "s.ini"))
    qtbot.addWidget(shown)
    shown.show()
    shown.open_case(case_id)
    shown.recent.rebuild()  # File > Recent cases names the patient
    yield shown
    shown.close()
    store.close()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_while_locked_no_patient_name_mrn_or_value_is_held_in_any_text(window, qtbot):
    before = everything_held(window)
    assert all(text in before for text in PATIENT_TEXT), "the walk must see the open case"
    seen: dict[str, str] = {}

    def look_then_unlock(dialog):
        seen["locked"] = everything_held(window)
        dialog.password.setText("li-password")
        dialog.on_accept()
        return True

    answer_modals(look_then_unlock)
    window.team.lock()
    qtbot.waitUntil(lambda: not window.team.locked)
    leaked = [text for text in PATIENT_TEXT if text in seen["locked"]]
    assert leaked == []
    assert "Locked: patient values are hidden" in seen["locked"]
    after = everything_held(window)
    assert all(text in after for text in (NAME, MRN, VALUES[0]))
