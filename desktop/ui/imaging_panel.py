"""The response step's imaging panel: scans as columns, lesions as rows (viable diameter, mm)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.date_input import DateInput, parse_iso_date
from desktop.ui.forms import ChoiceField, DateField, field_label, parse_number, yes_no_choices
from desktop.ui.panel_widgets import error_label, row_of, table_view, wrapped
from desktop.ui.tables import LesionMatrixModel
from desktop.ui.undo import CaseDocument, EditRefused, validated, with_value


# The response step's panels (here and in desktop.ui.response_panels) share one context.
def _tr(text: str) -> str:
    return QCoreApplication.translate("ResponsePanels", text)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def split_numbers(text: str) -> list[str]:
    return [part for part in text.replace(";", ",").replace(" ", ",").split(",") if part]


class ImagingPanel(QWidget):
    """Scans as columns, lesions as rows (viable diameter, mm); add scans and lesions."""

    def __init__(self, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = LesionMatrixModel(document, self)
        self.view = table_view(self.model, 2, 10)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.errors = error_label()
        self.model.problemsChanged.connect(lambda p: self.errors.setText("\n".join(p)))
        self.scan_date = DateInput(_tr("Scan date"))
        self.diameters = QLineEdit()
        self.diameters.setMinimumWidth(220)  # its hint names the lesions, in either language
        self.diameters.setAccessibleName(_tr("Viable diameters (mm)"))
        self._prefilled = ""
        self.modality = QComboBox()
        self.modality.addItems(["MRI", "CT"])
        self.criteria = QComboBox()
        for value, shown in (("mRECIST", "mRECIST"), ("RECIST1.1", "RECIST 1.1")):
            self.criteria.addItem(shown, value)
        self.add_scan_button = QPushButton(_tr("Add scan"))
        self.add_scan_button.clicked.connect(self.on_add_scan_clicked)
        self.lesion_id = QLineEdit()
        self.lesion_id.setPlaceholderText(_tr("lesion id, e.g. L3"))
        self.lesion_id.setMaximumWidth(120)
        self.add_lesion_button = QPushButton(_tr("Add lesion row"))
        self.add_lesion_button.clicked.connect(lambda: self.on_add_lesion(self.lesion_id.text()))
        self._build_target_choice()
        self.scan_choice = QComboBox()
        self.scan_choice.currentIndexChanged.connect(self._bind_scan_fields)
        self.new_lesions = ChoiceField(
            document, "", _tr("New lesions"), [(False, _tr("no")), (True, _tr("yes"))]
        )
        self.non_target = ChoiceField(
            document,
            "",
            _tr("Non-target lesions"),
            [
                ("absent", _tr("absent")),
                ("present", _tr("present")),
                ("unequivocal_progression", _tr("unequivocal progression")),
            ],
        )
        # The chosen scan's own date, modality and criteria: corrected in place.
        self.scan_date_field = DateField(document, "imaging.none.date", _tr("Scan date"))
        self.scan_modality = ChoiceField(
            document, "imaging.none.modality", _tr("Modality"), [("CT", "CT"), ("MRI", "MRI")]
        )
        self.scan_criteria = ChoiceField(
            document,
            "imaging.none.criteria",
            _tr("Response criteria"),
            [("mRECIST", "mRECIST"), ("RECIST1.1", "RECIST 1.1")],
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            wrapped(
                _tr(
                    "Viable tumour diameter per lesion (mm); leave a cell blank "
                    "when the lesion was not measured on that scan."
                )
            )
        )
        layout.addWidget(self.view)
        layout.addWidget(self.errors)
        # Two rows, so the form fits beside the results at 1280 pixels in either language.
        layout.addWidget(row_of(QLabel(_tr("New scan:")), self.scan_date, self.diameters))
        layout.addWidget(row_of(self.modality, self.criteria, self.add_scan_button))
        layout.addWidget(row_of(self.lesion_id, self.add_lesion_button))
        layout.addWidget(row_of(self.target_label, self.target_lesion, self.target_choice))
        self.remove_scan_button = QPushButton(_tr("Remove this scan"))
        self.remove_scan_button.clicked.connect(self.on_remove_scan)
        layout.addWidget(
            row_of(
                QLabel(_tr("Scan:")),
                self.scan_choice,
                self.scan_date_field,
                self.scan_modality,
                self.scan_criteria,
            )
        )
        layout.addWidget(row_of(self.new_lesions, self.non_target, self.remove_scan_button))

    def _build_target_choice(self) -> None:
        """Whether a lesion is a target lesion, for every scan at once (case-format.md)."""
        lang = self.document.lang
        self.target_label = QLabel(field_label("imaging.lesions.target", lang) + ":")
        self.target_lesion = QComboBox()
        self.target_lesion.setAccessibleName(field_label("imaging.lesions", lang))
        self.target_lesion.currentIndexChanged.connect(self._show_target)
        self.target_choice = QComboBox()
        self.target_choice.setAccessibleName(field_label("imaging.lesions.target", lang))
        for value, text in yes_no_choices():
            self.target_choice.addItem(text, value)
        self.target_choice.activated.connect(
            lambda: self.on_set_target(
                self.target_lesion.currentText(), self.target_choice.currentData()
            )
        )

    def on_set_target(self, lesion_id: str, target: bool) -> list[str]:
        """Mark a lesion target or non-target in every scan that measures it, one undo step;
        refused in words when the series would no longer hold."""
        scans = self.document.value("imaging") or []
        paths = [
            f"imaging.{i}.lesions.{j}.target"
            for i, scan in enumerate(scans)
            for j, lesion in enumerate(scan.get("lesions", []))
            if lesion["id"] == lesion_id and lesion.get("target", True) != target
        ]
        edited = self.document.data
        for path in paths:
            edited = with_value(edited, path, target)
        try:
            validated(edited, self.document.lang)
        except EditRefused as refused:
            self._show_target()
            return self._say(refused.problems)
        if paths:
            stack = self.document.undo_stack
            label = field_label("imaging.lesions.target", self.document.lang)
            stack.beginMacro(QCoreApplication.translate("Undo", "Change {0}").format(label))
            for path in paths:
                self.document.propose(path, target)
            stack.endMacro()
        self._show_target()
        return self._say([])

    def _show_target(self) -> None:
        baseline = (self.document.value("imaging") or [{}])[0].get("lesions", [])
        found = [les for les in baseline if les["id"] == self.target_lesion.currentText()]
        self.target_choice.setCurrentIndex(
            self.target_choice.findData(found[0].get("target", True)) if found else -1
        )

    def baseline_targets(self) -> list[str]:
        scans = self.document.value("imaging") or []
        return (
            [les["id"] for les in scans[0].get("lesions", []) if les.get("target", True)]
            if (scans)
            else []
        )

    def on_add_scan(
        self, date: str, modality: str, criteria: str, diameters: str = ""
    ) -> list[str]:
        """Add a scan; a follow-up needs the viable diameter of every baseline target lesion,
        the baseline names its lesions L1, L2... in the order given (the intake nodules)."""
        baseline = not self.document.value("imaging")
        try:
            parse_iso_date(date, _tr("Scan date"))
            values = [parse_number(p, _tr("Diameters")) for p in split_numbers(diameters)]
        except ValueError as exc:
            return self._say([str(exc)])
        targets = (
            [f"L{n}" for n in range(1, len(values) + 1)] if baseline else self.baseline_targets()
        )
        if len(values) != len(targets):
            return self._say(
                [
                    _tr(
                        "A follow-up scan needs the viable diameter (mm) of each baseline "
                        "target lesion, in this order: {0}; {1} given."
                    ).format(", ".join(targets), len(values))
                ]
            )
        lesions = [
            {"id": i, "target": True, "viable_diameter_mm": v}
            for i, v in zip(targets, values, strict=True)
        ]
        scan = {
            "date": date.strip(),
            "modality": modality,
            "criteria": criteria,
            "lesions": lesions,
            "new_lesions": False,
            "non_target": "absent",
        }
        problems = self._say(self.document.add_item("imaging", scan))
        if not problems:
            self.scan_date.setText("")
            self.diameters.clear()
        return problems

    def _say(self, problems: list[str]) -> list[str]:
        self.errors.setText("\n".join(problems))
        return problems

    def on_add_scan_clicked(self) -> None:
        self.on_add_scan(
            self.scan_date.text(),
            self.modality.currentText(),
            self.criteria.currentData(),
            self.diameters.text(),
        )

    def on_remove_scan(self) -> list[str]:
        """Remove the scan chosen beside the button (undoable); refused in words when the
        series would no longer hold (a follow-up needs its baseline's target lesions)."""
        index = self.scan_choice.currentIndex()
        if index < 0:
            return self._say([_tr("There is no scan to remove.")])
        return self._say(self.document.remove_item("imaging", index))

    def on_add_lesion(self, lesion_id: str) -> bool:
        added = self.model.add_lesion_id(lesion_id)
        if added:
            self.lesion_id.clear()
        return added

    def intake_diameters_mm(self) -> list[float]:
        """The intake nodules (tumour step, cm) as baseline diameters in mm."""
        return [round(cm * 10, 1) for cm in self.document.value("tumor.nodules_cm") or []]

    def refresh(self) -> None:
        self.model.reload()
        targets = self.baseline_targets()
        scans = self.document.value("imaging") or []
        if not scans:
            # The baseline scan starts from the nodules typed at intake (cm -> mm), editable.
            intake = ", ".join(_number(mm) for mm in self.intake_diameters_mm())
            if not self.diameters.text().strip() or self.diameters.text() == self._prefilled:
                self.diameters.setText(intake)
                self._prefilled = intake
            self.diameters.setPlaceholderText(_tr("baseline lesions, mm, e.g. 90, 20"))
        else:
            if self.diameters.text() == self._prefilled:
                self.diameters.clear()
            self._prefilled = ""
            self.diameters.setPlaceholderText(_tr("mm of {0}").format(", ".join(targets)))
        self.diameters.setEnabled(True)
        labels = [f"{i + 1}: {s['date']}" for i, s in enumerate(scans)]
        current = self.scan_choice.currentIndex()
        if [self.scan_choice.itemText(i) for i in range(self.scan_choice.count())] != labels:
            self.scan_choice.blockSignals(True)
            self.scan_choice.clear()
            self.scan_choice.addItems(labels)
            self.scan_choice.setCurrentIndex(
                current if 0 <= current < len(labels) else len(labels) - 1
            )
            self.scan_choice.blockSignals(False)
        self._bind_scan_fields()
        ids = list(self.model.lesion_ids)
        if [self.target_lesion.itemText(i) for i in range(self.target_lesion.count())] != ids:
            self.target_lesion.blockSignals(True)
            self.target_lesion.clear()
            self.target_lesion.addItems(ids)
            self.target_lesion.blockSignals(False)
        self._show_target()

    def _bind_scan_fields(self) -> None:
        index = self.scan_choice.currentIndex()
        for field, key in (
            (self.new_lesions, "new_lesions"),
            (self.non_target, "non_target"),
            (self.scan_date_field, "date"),
            (self.scan_modality, "modality"),
            (self.scan_criteria, "criteria"),
        ):
            field.path = f"imaging.{index}.{key}" if index >= 0 else "imaging.none"
            field.setEnabled(index >= 0)
            field.refresh()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (
            self.add_scan_button,
            self.add_lesion_button,
            self.target_lesion,
            self.target_choice,
            self.remove_scan_button,
            self.lesion_id,
            self.diameters,
            self.modality,
            self.criteria,
            self.scan_date,
        ):
            widget.setEnabled(not read_only)
