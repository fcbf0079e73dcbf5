"""The response step's dated AFP / PIVKA-II series (`labs_history`, case-format.md additions of
2026-12): add a blood test's values, correct them in their cells, remove a row (undoable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.logic.model import term
from desktop.ui.date_input import DateInput, parse_iso_date
from desktop.ui.forms import field_label, parse_number
from desktop.ui.panel_widgets import error_label, row_of, selected_row, table_view, wrapped
from desktop.ui.tables import Column, ListTableModel
from desktop.ui.undo import CaseDocument

SERIES = "labs_history"
# Units as for `labs` (case-format.md): AFP in ng/mL or IU/mL, PIVKA-II in mAU/mL.
AFP_UNITS = ("ng/mL", "IU/mL")
PIVKA_UNITS = ("mAU/mL",)


class MarkersPanel(QWidget):
    """One row per blood test: date, AFP and PIVKA-II with their units."""

    def __init__(self, document: CaseDocument, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.lang = lang
        self.model = ListTableModel(
            document,
            SERIES,
            [
                Column("date", self.label("date"), "date"),
                Column("afp", self.label("afp"), "measure", units=AFP_UNITS),
                Column("pivka_ii", self.label("pivka_ii"), "measure", units=PIVKA_UNITS),
            ],
            self,
        )
        self.view = table_view(self.model, 2, 8)
        self.view.setAccessibleName(term("entry.markers.title", lang))
        self.errors = error_label()
        self.model.problemsChanged.connect(lambda p: self.errors.setText("\n".join(p)))
        self.date = DateInput(self.label("date"))
        self.afp = self._number_edit(self.label("afp"), "AFP")
        self.afp_unit = QComboBox()
        self.afp_unit.addItems(AFP_UNITS)
        self.afp_unit.setAccessibleName(self.label("afp"))
        self.pivka = self._number_edit(self.label("pivka_ii"), "PIVKA-II")
        self.add_button = QPushButton(term("entry.markers.add", lang))
        self.add_button.clicked.connect(self.on_add_clicked)
        self.remove_button = QPushButton(term("entry.markers.remove", lang))
        self.remove_button.clicked.connect(self.on_remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(wrapped(term("entry.markers.hint", lang)))
        layout.addWidget(self.view)
        layout.addWidget(self.errors)
        layout.addWidget(row_of(self.date, self.afp, self.afp_unit, self.pivka, QLabel("mAU/mL")))
        layout.addWidget(row_of(self.add_button, self.remove_button))

    def label(self, key: str) -> str:
        return field_label(f"{SERIES}.{key}", self.lang)

    def _number_edit(self, name: str, abbreviation: str) -> QLineEdit:
        """A number box; its placeholder is the marker's abbreviation, read alike in both
        languages (the full name is its accessible name and the column heading)."""
        edit = QLineEdit()
        edit.setPlaceholderText(abbreviation)
        edit.setAccessibleName(name)
        edit.setMaximumWidth(120)
        return edit

    def on_add_clicked(self) -> None:
        self.on_add(
            self.date.text(), self.afp.text(), self.afp_unit.currentText(), self.pivka.text()
        )

    def on_add(self, date: str, afp: str, afp_unit: str, pivka: str) -> list[str]:
        """Add one blood test's values in date order; refused in words, the typed text kept."""
        try:
            day = parse_iso_date(date, self.label("date"))
            afp_value = parse_number(afp, self.label("afp"))
            pivka_value = parse_number(pivka, self.label("pivka_ii"))
        except ValueError as exc:
            return self._say([str(exc)])
        item: dict[str, Any] = {"date": day.isoformat()} if day else {}
        if afp_value is not None:
            item["afp"] = {"value": afp_value, "unit": afp_unit}
        if pivka_value is not None:
            item["pivka_ii"] = {"value": pivka_value, "unit": PIVKA_UNITS[0]}
        position = self._position(day.isoformat()) if day else None
        problems = self._say(self.document.add_item(SERIES, item, position))
        if not problems:
            for edit in (self.date.edit, self.afp, self.pivka):
                edit.clear()
        return problems

    def _position(self, date: str) -> int:
        """After every entry of the same day or earlier: the table reads in date order."""
        entries = self.document.value(SERIES) or []
        return sum(1 for entry in entries if str(entry["date"]) <= date)

    def on_remove(self) -> list[str]:
        """Remove the selected row (undoable); nothing is removed without a selection."""
        row = selected_row(self.view)
        if row is None:
            return self._say([term("entry.markers.select_first", self.lang)])
        return self._say(self.document.remove_item(SERIES, row))

    def _say(self, problems: list[str]) -> list[str]:
        self.errors.setText("\n".join(problems))
        return problems

    def refresh(self) -> None:
        self.model.reload()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.add_button, self.remove_button, self.afp_unit):
            widget.setEnabled(not read_only)
        for edit in (self.afp, self.pivka):
            edit.setReadOnly(read_only)
        self.date.setReadOnly(read_only)
