"""Editing panels of the response step: scans and lesion diameters, treatments, adverse events."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.messages import adverse_event_term, agent_term
from desktop.logic.regimens import load_catalogue
from desktop.logic.timing import agent_catalogue
from desktop.ui.forms import ERROR_STYLE, ChoiceField, parse_number
from desktop.ui.tables import Column, LesionMatrixModel, ListTableModel
from desktop.ui.undo import CaseDocument


def _tr(text: str) -> str:
    return QCoreApplication.translate("ResponsePanels", text)


def table_view(model, min_rows: int = 2, max_rows: int = 8) -> QTableView:
    """A row-selecting table whose height follows its rows (min_rows..max_rows, then scrolls)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def fit() -> None:
        rows = min(max(model.rowCount(), min_rows), max_rows)
        row_height = view.verticalHeader().defaultSectionSize()
        header = view.horizontalHeader().sizeHint().height()
        view.setFixedHeight(header + rows * row_height + 2 * view.frameWidth() + 2)

    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
        signal.connect(fit)
    fit()
    return view


def split_numbers(text: str) -> list[str]:
    return [part for part in text.replace(";", ",").replace(" ", ",").split(",") if part]


def wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    return label


def row_of(*widgets: QWidget, stretch_after: bool = True) -> QWidget:
    host = QWidget()
    layout = QHBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch_after:
        layout.addStretch(1)
    return host


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
        self.scan_date = QLineEdit()
        self.scan_date.setPlaceholderText("YYYY-MM-DD")
        self.scan_date.setMaximumWidth(120)
        self.diameters = QLineEdit()
        self.diameters.setMaximumWidth(200)
        self.modality = QComboBox()
        self.modality.addItems(["MRI", "CT"])
        self.criteria = QComboBox()
        self.criteria.addItems(["mRECIST", "RECIST1.1"])
        self.add_scan_button = QPushButton(_tr("Add scan"))
        self.add_scan_button.clicked.connect(self.on_add_scan_clicked)
        self.lesion_id = QLineEdit()
        self.lesion_id.setPlaceholderText(_tr("lesion id, e.g. L3"))
        self.lesion_id.setMaximumWidth(120)
        self.add_lesion_button = QPushButton(_tr("Add lesion row"))
        self.add_lesion_button.clicked.connect(lambda: self.on_add_lesion(self.lesion_id.text()))
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
        layout.addWidget(
            row_of(
                QLabel(_tr("New scan:")),
                self.scan_date,
                self.diameters,
                self.modality,
                self.criteria,
                self.add_scan_button,
            )
        )
        layout.addWidget(row_of(self.lesion_id, self.add_lesion_button))
        layout.addWidget(
            row_of(QLabel(_tr("Scan:")), self.scan_choice, self.new_lesions, self.non_target)
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
        """Add a scan; a follow-up needs the viable diameter of every baseline target lesion."""
        targets = self.baseline_targets()
        try:
            values = [parse_number(p, _tr("Diameters")) for p in split_numbers(diameters)]
        except ValueError as exc:
            return self._say([str(exc)])
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
            self.scan_date.clear()
            self.diameters.clear()
        return problems

    def _say(self, problems: list[str]) -> list[str]:
        self.errors.setText("\n".join(problems))
        return problems

    def on_add_scan_clicked(self) -> None:
        self.on_add_scan(
            self.scan_date.text(),
            self.modality.currentText(),
            self.criteria.currentText(),
            self.diameters.text(),
        )

    def on_add_lesion(self, lesion_id: str) -> bool:
        added = self.model.add_lesion_id(lesion_id)
        if added:
            self.lesion_id.clear()
        return added

    def refresh(self) -> None:
        self.model.reload()
        targets = self.baseline_targets()
        self.diameters.setEnabled(bool(targets))
        self.diameters.setPlaceholderText(
            _tr("mm of {0}").format(", ".join(targets))
            if targets
            else _tr("baseline: no lesions yet")
        )
        scans = self.document.value("imaging") or []
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

    def _bind_scan_fields(self) -> None:
        index = self.scan_choice.currentIndex()
        for field, key in ((self.new_lesions, "new_lesions"), (self.non_target, "non_target")):
            field.path = f"imaging.{index}.{key}" if index >= 0 else "imaging.none"
            field.setEnabled(index >= 0)
            field.refresh()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (
            self.add_scan_button,
            self.add_lesion_button,
            self.scan_date,
            self.lesion_id,
        ):
            widget.setEnabled(not read_only)


def in_language(value: object, lang: str) -> str:
    """A glossary term (or plain text) as the reader's language writes it."""
    return value if isinstance(value, str) else value.render(lang)


def agent_name(name: str, lang: str) -> str:
    return in_language(agent_term(name), lang)


def regimen_name(regimen_id: str, lang: str) -> str:
    """The catalogue's name of a regimen id, or the id when the catalogue lacks it."""
    found = load_catalogue().by_id(regimen_id)
    return found.name.render(lang) if found is not None else regimen_id


class TreatmentsPanel(QWidget):
    """Treatments (regimen, started, stopped) and the agents of the selected one with last doses."""

    def __init__(
        self, document: CaseDocument, parent: QWidget | None = None, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.treatments = ListTableModel(
            document,
            "treatments",
            [
                Column("regimen", _tr("Regimen"), display=lambda v: regimen_name(v, lang)),
                Column("started", _tr("Started"), "date"),
                Column("stopped", _tr("Stopped"), "date"),
            ],
            self,
        )
        self.agents = ListTableModel(
            document,
            "",
            [
                Column("name", _tr("Agent"), display=lambda v: agent_name(v, lang)),
                Column("last_dose", _tr("Last dose"), "date"),
            ],
            self,
        )
        self.treatment_view = table_view(self.treatments, 1, 4)
        self.agent_view = table_view(self.agents, 2, 6)
        self.treatment_view.selectionModel().selectionChanged.connect(self._bind_agents)
        self.errors = error_label()
        for model in (self.treatments, self.agents):
            model.problemsChanged.connect(lambda p: self.errors.setText("\n".join(p)))
        self.regimen = QLineEdit()
        self.regimen.setPlaceholderText(_tr("regimen id"))
        self.started = QLineEdit()
        self.started.setPlaceholderText(_tr("started YYYY-MM-DD"))
        self.add_treatment_button = QPushButton(_tr("Add treatment"))
        self.add_treatment_button.clicked.connect(
            lambda: self.on_add_treatment(self.regimen.text(), self.started.text())
        )
        self.agent = QComboBox()
        self.agent.setEditable(True)
        for name in sorted(agent_catalogue()):
            self.agent.addItem(agent_name(name, lang), name)
        self.last_dose = QLineEdit()
        self.last_dose.setPlaceholderText(_tr("last dose YYYY-MM-DD"))
        self.add_agent_button = QPushButton(_tr("Add agent to the selected treatment"))
        self.add_agent_button.clicked.connect(
            lambda: self.on_add_agent(self.chosen_agent(), self.last_dose.text())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.treatment_view)
        layout.addWidget(row_of(self.regimen, self.started, self.add_treatment_button))
        layout.addWidget(self.agent_view)
        layout.addWidget(row_of(self.agent, self.last_dose, self.add_agent_button))
        layout.addWidget(self.errors)

    def selected_treatment(self) -> int | None:
        rows = self.treatment_view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        count = len(self.document.value("treatments") or [])
        return count - 1 if count else None

    def _bind_agents(self, *_: object) -> None:
        index = self.selected_treatment()
        self.agents.set_list_path(f"treatments.{index}.agents" if index is not None else "")

    def on_add_treatment(self, regimen: str, started: str) -> list[str]:
        item = {"regimen": regimen.strip(), "started": started.strip() or None, "agents": []}
        problems = self.document.add_item(
            "treatments", {k: v for k, v in item.items() if v is not None}
        )
        self.errors.setText("\n".join(problems))
        return problems

    def chosen_agent(self) -> str:
        """The catalogue name of the agent shown, or the text typed when it is not listed."""
        index = self.agent.currentIndex()
        if index >= 0 and self.agent.itemText(index) == self.agent.currentText():
            return str(self.agent.itemData(index))
        return self.agent.currentText()

    def on_add_agent(self, name: str, last_dose: str) -> list[str]:
        index = self.selected_treatment()
        if index is None:
            problems = [_tr("Add a treatment first, then its agents.")]
        else:
            agent = {"name": name.strip(), "last_dose": last_dose.strip() or None}
            problems = self.document.add_item(f"treatments.{index}.agents", agent)
        self.errors.setText("\n".join(problems))
        return problems

    def refresh(self) -> None:
        self.treatments.reload()
        self._bind_agents()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.add_treatment_button, self.add_agent_button):
            widget.setEnabled(not read_only)


class AdverseEventsPanel(QWidget):
    """The CTCAE v5.0 ledger: term, grade 1-5, onset, resolved, attributed agents."""

    def __init__(
        self, document: CaseDocument, parent: QWidget | None = None, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self.document = document
        separator = "、" if lang == "zh_CN" else ", "
        self.model = ListTableModel(
            document,
            "adverse_events",
            [
                Column(
                    "term",
                    _tr("CTCAE term"),
                    display=lambda v: in_language(adverse_event_term(v), lang),
                ),
                Column("grade", _tr("Grade (1-5)"), "int"),
                Column("onset", _tr("Onset"), "date"),
                Column("resolved", _tr("Resolved"), "date"),
                Column(
                    "attributed_to",
                    _tr("Attributed to"),
                    "names",
                    display=lambda names: separator.join(agent_name(n, lang) for n in names),
                ),
            ],
            self,
        )
        self.view = table_view(self.model, 2, 8)
        self.errors = error_label()
        self.model.problemsChanged.connect(lambda p: self.errors.setText("\n".join(p)))
        self.term = QLineEdit()
        self.term.setPlaceholderText(_tr("CTCAE term, e.g. alt_increased"))
        self.grade = QComboBox()
        self.grade.addItems([str(g) for g in range(1, 6)])
        self.add_button = QPushButton(_tr("Add adverse event"))
        self.add_button.clicked.connect(
            lambda: self.on_add_event(self.term.text(), int(self.grade.currentText()))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(row_of(self.term, QLabel(_tr("grade")), self.grade, self.add_button))
        layout.addWidget(self.errors)

    def on_add_event(self, term_text: str, grade: int) -> list[str]:
        problems = self.document.add_item(
            "adverse_events", {"term": term_text.strip(), "grade": grade}
        )
        self.errors.setText("\n".join(problems))
        if not problems:
            self.term.clear()
        return problems

    def refresh(self) -> None:
        self.model.reload()

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
