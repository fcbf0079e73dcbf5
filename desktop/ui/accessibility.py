"""Accessible names for every interactive widget, so a screen reader says what each one is.

Qt names a button by its text and a field by the label whose buddy it is. For the rest (a
field beside a label that is not its buddy, a table, a tool button with only a glyph), the
app installs `AccessibleNamer`: when a widget is shown and its accessible interface gives no
name, the name is taken from its form label, its placeholder, its tooltip, or the
title of the group or the heading it sits under. Widgets named in code keep their names.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAccessible, Qt, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTableView,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QSlider,
)
PARTS_OF_ANOTHER = (QComboBox, QAbstractSpinBox, QLineEdit, QHeaderView)  # their inner widgets


def is_interactive(widget: QWidget) -> bool:
    """A widget a person operates on its own (not a part of a combo box, spin box, line edit
    or header, nor one of Qt's own inner buttons)."""
    if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
        return False
    if widget.objectName().startswith("qt_"):
        return False
    parent = widget.parentWidget()
    while parent is not None:  # through a combo box's popup window to the combo box too
        if isinstance(parent, PARTS_OF_ANOTHER):
            return False
        parent = parent.parentWidget()
    return True


def accessible_name(widget: QWidget) -> str:
    """What assistive technology hears as the widget's name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def derived_name(widget: QWidget) -> str:
    """A name from what a sighted reader sees around the widget ("" when there is none)."""
    for text in (
        _form_label(widget),
        _buddy_label(widget),
        _label_before(widget),
        _placeholder(widget),
        widget.toolTip().split("\n", 1)[0],
        _heading_above(widget),
        _column_titles(widget),
    ):
        cleaned = clean_label(text)
        if cleaned:
            return cleaned
    return ""


def clean_label(text: str) -> str:
    """A label's words without its mnemonic ampersand and trailing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":：")


def name_widget(widget: QWidget) -> None:
    """Give `widget` a derived name when Qt finds none for it."""
    if is_interactive(widget) and not accessible_name(widget):
        name = derived_name(widget)
        if name:
            widget.setAccessibleName(name)


class AccessibleNamer(QObject):
    """Application-wide: names each interactive widget when it is shown (not when polished:
    a widget may be polished while it is still being constructed)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 -- Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            name_widget(watched)
        return False


def install_namer(app: QCoreApplication) -> AccessibleNamer:
    namer = AccessibleNamer(app)
    app.installEventFilter(namer)
    return namer


def _form_label(widget: QWidget) -> str:
    """The label of the form row whose field is the widget, or holds it (a value with its unit,
    a field with its error line)."""
    window = widget.window()
    holders = [window, *window.findChildren(QWidget)]
    layouts = [layout for holder in holders if (layout := holder.layout()) is not None]
    forms = [form for layout in layouts for form in _forms_in(layout)]
    for form in forms:
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            shown = label.widget() if label is not None else None
            if field is None or not isinstance(shown, QLabel):
                continue
            if _holds(field, widget):
                return shown.text()
    return ""


def _forms_in(layout: QLayout) -> list[QFormLayout]:
    found = [layout] if isinstance(layout, QFormLayout) else []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        inner = item.layout() if item is not None else None
        if inner is not None:
            found += _forms_in(inner)
    return found


def _holds(item: QLayoutItem, widget: QWidget) -> bool:
    """Whether a layout item is the widget, an ancestor of it, or a layout holding either."""
    own = item.widget()
    if own is not None:
        return own is widget or own.isAncestorOf(widget)
    inner = item.layout()
    return inner is not None and any(
        w is widget or w.isAncestorOf(widget) for w in _laid_out(inner)
    )


def _label_before(widget: QWidget) -> str:
    """A label laid out just before the widget in its own layout ("Meeting on: [date]")."""
    holder = widget.parentWidget()
    layout = holder.layout() if holder is not None else None
    order = _laid_out(layout) if layout is not None else []
    if widget not in order or order.index(widget) == 0:
        return ""
    before = order[order.index(widget) - 1]
    return _plain(before.text()) if isinstance(before, QLabel) else ""


def _buddy_label(widget: QWidget) -> str:
    window = widget.window()
    label = next((lb for lb in window.findChildren(QLabel) if lb.buddy() is widget), None)
    return label.text() if label is not None else ""


def _plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if Qt.mightBeRichText(text) else text


def _placeholder(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return widget.placeholderText()
    line = widget.lineEdit() if isinstance(widget, QComboBox) else None
    return line.placeholderText() if line is not None else ""


def _heading_above(widget: QWidget) -> str:
    """The title of the group box around the widget, else the heading (a bold label) laid out
    last before it, looking outwards through the layouts that hold it."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title()
        layout = parent.layout()
        order = _laid_out(layout) if layout is not None else []
        if child in order:
            before = order[: order.index(child)]
            headings = [w for w in before if isinstance(w, QLabel) and _is_heading(w)]
            if headings:
                return _plain(headings[-1].text())
        if parent.isWindow():
            break
        child, parent = parent, parent.parentWidget()
    return ""


def _laid_out(layout: QLayout) -> list[QWidget]:
    """The widgets of `layout` and its inner layouts, in layout order."""
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        own = item.widget()
        if own is not None:
            found.append(own)
        elif (inner := item.layout()) is not None:
            found += _laid_out(inner)
    return found


def _is_heading(label: QLabel) -> bool:
    return bool(label.text().strip()) and label.font().bold()


def _column_titles(widget: QWidget) -> str:
    """A table's name from its first column titles ("Regimen, Started, Stopped")."""
    if not isinstance(widget, QTableView) or widget.model() is None:
        return ""
    model = widget.model()
    titles = [
        str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for column in range(min(widget.horizontalHeader().count(), 4))
    ]
    return ", ".join(t for t in titles if t)
