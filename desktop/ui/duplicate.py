"""Duplicate a case: asks whose case the copy is (MRN and name) before anything is stored.

The copy keeps the findings to start a similar case from, never the decision records (a sealed
record belongs to its patient). A refused MRN or name is said beside its field, typed text kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.model import Case
from desktop.ui.new_case import case_with_mrn
from desktop.ui.palette import colour_style, invalid_border_style
from desktop.ui.panel_widgets import grow_to_fit
from desktop.ui.undo import located_problems

if TYPE_CHECKING:
    from desktop.logic.store import Store


def duplicate_of(case: Case, mrn: str, name: str) -> Case:
    """A copy for patient `mrn`/`name`: no case_id, no decision records."""
    data = case.to_json_dict()
    data.pop("case_id", None)
    data.pop("decisions", None)
    data["patient"]["mrn"] = mrn
    data["patient"]["name"] = name
    return Case.model_validate(data)


class DuplicateDialog(QDialog):
    """Asks the MRN and name of the new case; stores the copy only when both are accepted."""

    def __init__(
        self, store: Store, case_id: str, lang: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duplicate case"))
        self.setMinimumWidth(520)
        self._store, self._lang = store, lang
        self.original = store.get_case(case_id).case
        self.stored_case_id: str | None = None
        patient = self.original.patient
        intro = QLabel(
            self.tr(
                "A new case is started from the findings of {0} ({1}). Decision records are "
                "not copied. Whose case is the copy?"
            ).format(patient.name, patient.mrn)
        )
        intro.setWordWrap(True)
        self.mrn, self.mrn_error = QLineEdit(self), _error_label(self)
        self.name, self.name_error = QLineEdit(self), _error_label(self)
        self.mrn.setAccessibleName(self.tr("MRN of the new case"))
        self.name.setAccessibleName(self.tr("Name of the new case"))
        self.general = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("MRN of the new case"), _stacked(self.mrn, self.mrn_error))
        form.addRow(self.tr("Name of the new case"), _stacked(self.name, self.name_error))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def on_accept(self) -> None:
        """Refuse an MRN on file or a bad MRN/name beside its field; else store the copy."""
        self._show({})
        mrn, name = self.mrn.text().strip(), self.name.text().strip()
        data = self.original.to_json_dict()
        data["patient"].update({"mrn": mrn, "name": name})
        data.pop("decisions", None)
        data.pop("case_id", None)
        problems: dict[str, list[str]] = {}
        for path, sentence in located_problems(data, self._lang):
            problems.setdefault(path if path.startswith("patient.") else "", []).append(sentence)
        owner = case_with_mrn(self._store, mrn) if mrn else None
        if owner is not None:
            problems.setdefault("patient.mrn", []).append(
                self.tr("MRN {0} is already on file for {1}; type the new patient's MRN.").format(
                    mrn, owner[1]
                )
            )
        if not problems:
            problems = self._store_copy(mrn, name)
        if problems:
            self._show(problems)
            return
        self.accept()

    def _store_copy(self, mrn: str, name: str) -> dict[str, list[str]]:
        from desktop.logic.store import error_text

        try:
            self.stored_case_id = self._store.new_case(
                duplicate_of(self.original, mrn, name)
            ).case_id
        except Exception as exc:  # noqa: BLE001 -- every store refusal is shown in words
            return {"": [error_text(exc, self._lang)]}
        return {}

    def _show(self, problems: dict[str, list[str]]) -> None:
        for path, edit, label in (
            ("patient.mrn", self.mrn, self.mrn_error),
            ("patient.name", self.name, self.name_error),
            ("", None, self.general),
        ):
            lines = problems.get(path, [])
            label.setText("\n".join(lines))
            label.setVisible(bool(lines))
            if edit is not None:
                edit.setStyleSheet(invalid_border_style() if lines else "")
        grow_to_fit(self)


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(colour_style("problem"))
    label.setWordWrap(True)
    label.hide()
    return label


def _stacked(edit: QLineEdit, error: QLabel) -> QWidget:
    host = QWidget()
    box = QVBoxLayout(host)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addWidget(edit)
    box.addWidget(error)
    return host
