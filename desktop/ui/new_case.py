"""The New case dialog: the fields hcc-mdt-case/1 requires, nothing guessed, errors beside each.

Everything else (imaging, treatments, history...) is entered afterwards in the workspace. With
a store, the case is stored from the dialog itself: a refusal (an MRN already on file) is shown
beside its field and the dialog stays open with everything typed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.model import FORMAT, Case, term
from desktop.ui.date_input import DateInput
from desktop.ui.palette import colour_style, invalid_border_style
from desktop.ui.panel_widgets import grow_to_fit
from desktop.ui.undo import located_problems

if TYPE_CHECKING:
    from desktop.logic.store import Store

Field = TypeVar("Field", bound=QWidget)  # an input of the form, handed back as it was given


class NewCaseDialog(QDialog):
    """Collects the required fields; `case()` is the validated Case after `accept()`."""

    def __init__(
        self,
        lang: str = "en",
        today: dt.date | None = None,
        parent: QWidget | None = None,
        store: Store | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(640)
        self._lang = lang
        self._store = store
        self._case: Case | None = None
        self.stored_case_id: str | None = None
        self._errors: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}
        self._build(today or dt.date.today())

    def _build(self, today: dt.date) -> None:
        form = QFormLayout()
        self.mrn = self._add(form, "patient.mrn", self.tr("MRN"), QLineEdit(self))
        self.name = self._add(form, "patient.name", self.tr("Name"), QLineEdit(self))
        label = self.tr("Assessed on (date of the labs)")
        self.assessed_on = DateInput(label, self)
        self.assessed_on.set_date(today)
        self._add(form, "assessed_on", label, self.assessed_on)
        self._inputs["assessed_on"] = self.assessed_on.edit
        self.ecog = self._add(
            form, "ecog", self.tr("ECOG"), self._choice([(str(n), n) for n in range(5)])
        )
        self.bilirubin, self.bilirubin_unit = self._lab(
            form, "labs.bilirubin", self.tr("Bilirubin"), ("umol/L", "mg/dL")
        )
        self.albumin, self.albumin_unit = self._lab(
            form, "labs.albumin", self.tr("Albumin"), ("g/L", "g/dL")
        )
        self.inr = self._add(form, "labs.inr", self.tr("INR"), QLineEdit(self))
        self.ascites = self._add(
            form,
            "liver.ascites",
            self.tr("Ascites"),
            self._glossary("term.ascites", ("none", "mild", "moderate_severe")),
        )
        self.encephalopathy = self._add(
            form,
            "liver.encephalopathy",
            self.tr("Encephalopathy"),
            self._glossary("term.encephalopathy", ("none", "grade_1_2", "grade_3_4")),
        )
        self.nodules = self._add(
            form, "tumor.nodules_cm", self.tr("Nodules, longest diameter (cm)"), QLineEdit(self)
        )
        self.nodules.setPlaceholderText(self.tr("e.g. 8.5, 2.0"))
        self.portal = self._add(
            form,
            "tumor.portal_vein_invasion",
            self.tr("Portal vein invasion"),
            self._glossary("term.pvi", ("none", "vp1", "vp2", "vp3", "vp4")),
        )
        self.spread = self._add(
            form,
            "tumor.extrahepatic_spread",
            self.tr("Extrahepatic spread"),
            self._choice([(self.tr("no"), False), (self.tr("yes"), True)]),
        )
        self.general = QLabel(self)
        self.general.setStyleSheet(colour_style("problem"))
        self.general.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The fields every case needs. Everything else is entered in the "
                "case workspace afterwards."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def _add(self, form: QFormLayout, path: str, label: str, widget: Field) -> Field:
        error = QLabel(self)
        error.setStyleSheet(colour_style("problem"))
        error.setWordWrap(True)
        error.hide()
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        form.addRow(label, box)
        self._errors[path] = error
        self._inputs[path] = widget
        return widget

    def _lab(
        self, form: QFormLayout, path: str, label: str, units: tuple[str, ...]
    ) -> tuple[QLineEdit, QComboBox]:
        value, unit = QLineEdit(self), QComboBox(self)
        unit.addItems(list(units))
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(value, 1)
        row.addWidget(unit)
        self._add(form, path, label, holder)
        self._inputs[path] = value
        return value, unit

    def _choice(self, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("— choose —"), None)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def _glossary(self, prefix: str, values: tuple[str, ...]) -> QComboBox:
        return self._choice([(term(f"{prefix}.{v}", self._lang), v) for v in values])

    def data(self) -> dict[str, Any]:
        """The case as typed, missing values left out so validation names them."""
        data: dict[str, Any] = {
            "format": FORMAT,
            "patient": _present({"mrn": self.mrn.text().strip(), "name": self.name.text().strip()}),
            "assessed_on": self.assessed_on.text().strip() or None,
            "ecog": self.ecog.currentData(),
            "labs": _present(
                {
                    "bilirubin": _lab_value(
                        self.bilirubin.text(), self.bilirubin_unit.currentText()
                    ),
                    "albumin": _lab_value(self.albumin.text(), self.albumin_unit.currentText()),
                    "inr": _number(self.inr.text()),
                }
            ),
            "liver": _present(
                {
                    "ascites": self.ascites.currentData(),
                    "encephalopathy": self.encephalopathy.currentData(),
                }
            ),
            "tumor": _present(
                {
                    "nodules_cm": _numbers(self.nodules.text()),
                    "portal_vein_invasion": self.portal.currentData(),
                    "extrahepatic_spread": self.spread.currentData(),
                }
            ),
        }
        return {k: v for k, v in data.items() if v is not None}  # empty groups name fields

    def case(self) -> Case | None:
        return self._case

    def on_accept(self) -> None:
        """Validate, refuse an MRN already on file, store; stay open with the text on refusal."""
        self._clear_errors()
        problems = self._date_problems() or located_problems(self.data(), self._lang)
        if not problems:
            problems = self._store_case(Case.model_validate(self.data()))
        if problems:
            self._show_errors(problems)
            return
        self.accept()

    def _date_problems(self) -> list[tuple[str, str]]:
        try:
            self.assessed_on.date()
        except ValueError as exc:
            return [("assessed_on", str(exc))]
        return []

    def _store_case(self, case: Case) -> list[tuple[str, str]]:
        """Store `case` when the dialog has a store; a refusal comes back beside its field."""
        self._case = case
        if self._store is None:
            return []
        from desktop.logic.store import error_text

        owner = case_with_mrn(self._store, case.patient.mrn)
        if owner is not None:
            self._case = None
            text = self.tr(
                "MRN {0} is already on file for {1}: open that case from the list, "
                "or correct the MRN."
            ).format(case.patient.mrn, owner[1])
            return [("patient.mrn", text)]
        try:
            self.stored_case_id = self._store.new_case(case).case_id
        except Exception as exc:  # noqa: BLE001 -- every store refusal is shown in words
            self._case = None
            return [("", error_text(exc, self._lang))]
        return []

    def _clear_errors(self) -> None:
        for path, label in self._errors.items():
            label.hide()
            self._inputs[path].setStyleSheet("")
        self.general.clear()

    def _show_errors(self, problems: list[tuple[str, str]]) -> None:
        unplaced = []
        for where, problem in problems:
            path = next(
                (
                    p
                    for p in sorted(self._errors, key=len, reverse=True)
                    if where == p or where.startswith(p + ".")
                ),
                None,
            )
            if path is None:
                unplaced.append(problem)
                continue
            label = self._errors[path]
            shown = label.text() + "\n" if label.isVisible() else ""
            label.setText(shown + problem)
            label.show()
            self._inputs[path].setStyleSheet(invalid_border_style())
        self.general.setText("\n".join(unplaced))
        grow_to_fit(self)


def case_with_mrn(store: Store, mrn: str) -> tuple[str, str] | None:
    """(case_id, patient name) of the stored case with exactly this MRN, if any."""
    for row in store.list_cases(mrn):
        if row.mrn == mrn:
            return row.case_id, row.name
    return None


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != "" and v != {}}


def _number(text: str) -> float | str | None:
    """A number, or the text itself so validation names the bad value; None when empty."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


def _lab_value(text: str, unit: str) -> dict[str, Any] | None:
    value = _number(text)
    return None if value is None else {"value": value, "unit": unit}


def _numbers(text: str) -> list[float | str] | None:
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    numbers = [_number(p) for p in parts]
    return [n for n in numbers if n is not None] or None
