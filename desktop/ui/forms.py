"""Shared field widgets bound to a CaseDocument path: typed text kept, errors shown beside it.

Each field turns the text into a value, proposes it to the document (which validates the whole
case) and shows the refusal under the field with a red border, keeping what was typed. Enum
items come from the glossary (resources/text), rendered in the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.model import path_name, term, text_table
from desktop.ui.date_input import DateInput, parse_iso_date
from desktop.ui.palette import colour_style, invalid_border_style, scale_font
from desktop.ui.undo import CaseDocument


def error_style() -> str:
    """A refusal said beside its field, in the palette's problem tone."""
    return colour_style("problem")


def glossary_values(prefix: str) -> list[str]:
    """The values of one glossary group, in file order: "term.ascites" -> none, mild, ..."""
    start = prefix + "."
    return [key[len(start) :] for key in text_table() if key.startswith(start)]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Forms", text)


def field_label(path: str, lang: str) -> str:
    """The glossary's words for a case field (resources/text/fields.json), never its path."""
    return path_name(path, lang)


# A check of a typed value against other fields, before the case model judges it: the
# sentences that refuse it (empty when it may be proposed).
Guard = Callable[[Any], list[str]]


def parse_number(text: str, label: str, integer: bool = False) -> float | int | None:
    """The number typed, None when blank; ValueError with a sentence when not a number."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(
            _tr("{0}: \u201c{1}\u201d is not a number; type digits such as 41 or 1.05").format(
                label, text.strip()
            )
        ) from None
    if integer:
        if number != int(number):
            raise ValueError(_tr("{0}: {1} must be a whole number").format(label, text.strip()))
        return int(number)
    return number


class BoundField(QWidget):
    """Label, editor and error line for one path of the case under edit.

    Signals:
        problemsShown(list): the sentences now shown under the field (empty when valid).
    """

    problemsShown = Signal(list)

    def __init__(
        self, document: CaseDocument, path: str, label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.path = path
        self.label_text = label
        self.guards: list[Guard] = []
        self._updating = False
        self.label = QLabel(label)
        self.label.setWordWrap(True)  # a long label wraps; it never widens the form
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style())
        self.error.hide()
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        layout.setSpacing(1)
        layout.addWidget(self.label)
        layout.addLayout(self.row)
        layout.addWidget(self.error)

    # subclasses: editors(), shown_value(), show_value(value)
    def editors(self) -> list[QWidget]:
        raise NotImplementedError

    def shown_value(self) -> Any:
        """The value the editor text means; ValueError with a sentence when it means none."""
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        """Show the document's value unless the field holds text the user is still fixing."""
        if self.path in self.document.invalid_fields():
            return
        try:
            if self.shown_value() == self.document.value(self.path):
                return
        except ValueError:
            pass
        self._updating = True
        try:
            self.show_value(self.document.value(self.path))
        finally:
            self._updating = False

    def on_edited(self) -> None:
        """The user changed the editor: propose the value, or show why it is refused."""
        if self._updating or self.document.read_only:
            return
        try:
            value = self.shown_value()
            problems = [line for guard in self.guards for line in guard(value)]
            problems = problems or self.document.propose(self.path, value)
        except ValueError as exc:
            problems = [str(exc)]
        self.show_problems(problems)

    def show_problems(self, problems: list[str]) -> None:
        if problems:
            self.document.mark_invalid(self.path, problems)
        else:
            self.document.clear_invalid(self.path)
        self.error.setText("\n".join(problems))
        self.error.setVisible(bool(problems))
        for editor in self.editors():
            editor.setStyleSheet(invalid_border_style() if problems else "")
        self.problemsShown.emit(problems)

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors():
            if isinstance(editor, QLineEdit | QPlainTextEdit):
                editor.setReadOnly(read_only)
            else:
                editor.setEnabled(not read_only)


class NumberField(BoundField):
    """A number, optionally with a unit chooser: the value is {"value", "unit"} then."""

    def __init__(
        self,
        document: CaseDocument,
        path: str,
        label: str,
        units: list[str] | None = None,
        integer: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(document, path, label, parent)
        self.units = units
        self.integer = integer
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label)
        self.edit.setMaximumWidth(140)
        self.edit.textEdited.connect(self.on_edited)
        self.row.addWidget(self.edit)
        self.unit = QComboBox()
        if units:
            self.unit.addItems(units)
            self.unit.setAccessibleName(label)
            self.unit.currentIndexChanged.connect(self.on_edited)
            self.row.addWidget(self.unit)
        self.row.addStretch(1)
        self.refresh()

    def editors(self) -> list[QWidget]:
        return [self.edit, self.unit] if self.units else [self.edit]

    def shown_value(self) -> Any:
        number = parse_number(self.edit.text(), self.label_text, self.integer)
        if not self.units or number is None:
            return number
        return {"value": number, "unit": self.unit.currentText()}

    def show_value(self, value: Any) -> None:
        if isinstance(value, dict):
            self.unit.setCurrentText(str(value.get("unit", "")))
            value = value.get("value")
        self.edit.setText("" if value is None else _number_text(value))


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class TextField(BoundField):
    """Free text; blank means absent."""

    def __init__(
        self,
        document: CaseDocument,
        path: str,
        label: str,
        multiline: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(document, path, label, parent)
        self.multiline = multiline
        if multiline:
            self.edit: QLineEdit | QPlainTextEdit = QPlainTextEdit()
            self.edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
            self.edit.setFixedHeight(64)
            self.edit.textChanged.connect(self.on_edited)
        else:
            self.edit = QLineEdit()
            self.edit.textEdited.connect(self.on_edited)
        self.edit.setAccessibleName(label)
        self.row.addWidget(self.edit)
        self.refresh()

    def editors(self) -> list[QWidget]:
        return [self.edit]

    def text(self) -> str:
        edit = self.edit
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def set_text(self, text: str) -> None:
        edit = self.edit
        if isinstance(edit, QPlainTextEdit):
            edit.setPlainText(text)
        else:
            edit.setText(text)

    def shown_value(self) -> Any:
        return self.text().strip() or None

    def show_value(self, value: Any) -> None:
        self.set_text("" if value is None else str(value))


class DateField(BoundField):
    """An ISO date YYYY-MM-DD with a calendar button: a wrong date is refused as typed, never
    corrected (desktop.ui.date_input); the case model judges the date itself."""

    def __init__(
        self, document: CaseDocument, path: str, label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, path, label, parent)
        self.input = DateInput(label, self)
        self.edit = self.input.edit
        self.input.edited.connect(self.on_edited)
        self.row.addWidget(self.input)
        self.row.addStretch(1)
        self.refresh()

    def editors(self) -> list[QWidget]:
        return [self.edit]

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def shown_value(self) -> Any:
        day = parse_iso_date(self.edit.text(), self.label_text)
        return day.isoformat() if day else None

    def show_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.input.setReadOnly(read_only)


class NumberListField(TextField):
    """Numbers separated by commas or spaces, e.g. nodule diameters "8.5, 2"."""

    def shown_value(self) -> Any:
        parts = [p for p in self.text().replace(";", ",").replace(" ", ",").split(",") if p]
        return [parse_number(p, self.label_text) for p in parts] or None

    def show_value(self, value: Any) -> None:
        self.set_text(", ".join(_number_text(v) for v in value or []))


class TextListField(TextField):
    """Short texts, one per line (reopen conditions)."""

    def __init__(
        self, document: CaseDocument, path: str, label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, path, label, multiline=True, parent=parent)

    def shown_value(self) -> Any:
        return [line.strip() for line in self.text().splitlines() if line.strip()]

    def show_value(self, value: Any) -> None:
        self.set_text("\n".join(value or []))


class ChoiceField(BoundField):
    """A combo of allowed values; `optional` adds "not recorded" (absent)."""

    def __init__(
        self,
        document: CaseDocument,
        path: str,
        label: str,
        choices: list[tuple[Any, str]],
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(document, path, label, parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName(label)
        if optional:
            self.combo.addItem(_tr("\u2014 not recorded"), None)
        for value, text in choices:
            self.combo.addItem(text, value)
        if not optional:
            self.combo.setCurrentIndex(-1)
        self.combo.currentIndexChanged.connect(self.on_edited)
        self.row.addWidget(self.combo)
        self.row.addStretch(1)
        self.refresh()

    def editors(self) -> list[QWidget]:
        return [self.combo]

    def shown_value(self) -> Any:
        index = self.combo.currentIndex()
        return self.combo.itemData(index) if index >= 0 else None

    def show_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(index)


def enum_field(
    document: CaseDocument, path: str, label: str, group: str, lang: str, optional: bool = False
) -> ChoiceField:
    """A ChoiceField whose items are the glossary group `term.<group>.*` in `lang`."""
    prefix = f"term.{group}"
    choices = [(value, term(f"{prefix}.{value}", lang)) for value in glossary_values(prefix)]
    return ChoiceField(document, path, label, choices, optional=optional)


def yes_no_choices() -> list[tuple[bool, str]]:
    return [(True, _tr("yes")), (False, _tr("no"))]


def yes_no_field(
    document: CaseDocument, path: str, label: str, optional: bool = True
) -> ChoiceField:
    return ChoiceField(document, path, label, yes_no_choices(), optional=optional)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("margin-top: 0.6em;")
    scale_font(label, 1.15, bold=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
