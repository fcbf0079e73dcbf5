"""A field holding several values of one glossary group, one checkbox each (aetiology)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from desktop.logic.model import term
from desktop.ui.forms import BoundField, glossary_values
from desktop.ui.undo import CaseDocument


class ChoiceSetField(BoundField):
    """Several values of one glossary group, one checkbox each (aetiology: HBV and alcohol)."""

    def __init__(
        self,
        document: CaseDocument,
        path: str,
        label: str,
        choices: list[tuple[str, str]],
        parent: QWidget | None = None,
        per_row: int = 3,
    ) -> None:
        super().__init__(document, path, label, parent)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()  # a few a row: long words (Chinese) never push the form wider
        grid.setContentsMargins(0, 0, 0, 0)
        for position, (value, text) in enumerate(choices):
            box = QCheckBox(text)
            box.setAccessibleName(f"{label}: {text}")
            box.toggled.connect(self.on_edited)
            self.boxes[value] = box
            grid.addWidget(box, position // per_row, position % per_row)
        self.row.addLayout(grid)
        self.row.addStretch(1)
        self.refresh()

    def editors(self) -> list[QWidget]:
        return list(self.boxes.values())

    def shown_value(self) -> Any:
        return [value for value, box in self.boxes.items() if box.isChecked()] or None

    def show_value(self, value: Any) -> None:
        chosen = set(value or [])
        for name, box in self.boxes.items():
            box.setChecked(name in chosen)


def enum_set_field(
    document: CaseDocument, path: str, label: str, group: str, lang: str
) -> ChoiceSetField:
    """A ChoiceSetField over the glossary group `term.<group>.*` in `lang`."""
    prefix = f"term.{group}"
    choices = [(value, term(f"{prefix}.{value}", lang)) for value in glossary_values(prefix)]
    return ChoiceSetField(document, path, label, choices)
