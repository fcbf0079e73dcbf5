"""Editing panels of the response step: treatments with their agents, and adverse events.

The imaging panel is desktop.ui.imaging_panel; shared building blocks are desktop.ui.panel_widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.clinical import agent_catalogue, load_catalogue
from desktop.logic.model import Term, adverse_event_term, agent_term
from desktop.ui.panel_widgets import error_label, row_of, table_view
from desktop.ui.tables import Column, ListTableModel
from desktop.ui.undo import CaseDocument


def _tr(text: str) -> str:
    return QCoreApplication.translate("ResponsePanels", text)


def in_language(value: Term | str, lang: str) -> str:
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
        item: dict[str, object] = {
            "regimen": regimen.strip(),
            "started": started.strip() or None,
            "agents": [],
        }
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
