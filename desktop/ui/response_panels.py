"""Editing panels of the response step: treatments with their agents, and adverse events.

The imaging panel is desktop.ui.imaging_panel; shared building blocks are desktop.ui.panel_widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.clinical import agent_catalogue, load_catalogue
from desktop.logic.model import Term, adverse_event_term, agent_term, lifecycle, text_table
from desktop.ui.date_input import DateInput
from desktop.ui.panel_widgets import error_label, row_of, selected_row, table_view
from desktop.ui.tables import Column, ListTableModel
from desktop.ui.undo import CaseDocument


def _tr(text: str) -> str:
    return QCoreApplication.translate("ResponsePanels", text)


def in_language(value: Term | str, lang: str) -> str:
    """A glossary term (or plain text) as the reader's language writes it."""
    return value if isinstance(value, str) else value.render(lang)


def agent_name(name: str, lang: str) -> str:
    return in_language(agent_term(name), lang)


def regimen_agents(regimen_id: str) -> list[str]:
    """The agents a treatment with this catalogue regimen gives: its components, in order."""
    found = load_catalogue().by_id(regimen_id)
    components = getattr(found, "components", ()) if found is not None else ()
    return [component.name for component in components]


def ae_glossary() -> list[str]:
    """CTCAE terms the glossary names, in file order (resources/text/glossary.json)."""
    prefix = "term.ae."
    return [key[len(prefix) :] for key in text_table() if key.startswith(prefix)]


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
        self._offered: str | None = None
        self.treatments = ListTableModel(
            document,
            "treatments",
            [
                # A catalogue regimen, chosen below: never free text typed into the cell.
                Column(
                    "regimen",
                    _tr("Regimen"),
                    editable=False,
                    display=lambda v: regimen_name(v, lang),
                ),
                Column("started", _tr("Started"), "date"),
                Column("stopped", _tr("Stopped"), "date"),
            ],
            self,
        )
        self.agents = ListTableModel(
            document,
            "",
            [
                Column("name", _tr("Agent"), editable=False, display=lambda v: agent_name(v, lang)),
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
        self.regimen = QComboBox()
        self.regimen.setAccessibleName(_tr("Regimen of the new treatment"))
        # Whole names: the box shares its row with the start date only (its buttons are on the
        # next row), so the longest name fits beside the results at 1280x800, never cut.
        self.regimen.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.regimen.currentTextChanged.connect(self.regimen.setToolTip)
        for regimen in load_catalogue().regimens:
            self.regimen.addItem(regimen.name.render(lang), regimen.id)
        self.started = DateInput(_tr("Started"))
        self.started.set_hint(_tr("started YYYY-MM-DD"))
        self.add_treatment_button = QPushButton(_tr("Add treatment with its agents"))
        self.add_treatment_button.clicked.connect(
            lambda: self.on_add_treatment(self.regimen.currentData(), self.started.text())
        )
        self.agent = QComboBox()
        self.agent.setEditable(True)
        for name in sorted(agent_catalogue()):
            self.agent.addItem(agent_name(name, lang), name)
        self.last_dose = DateInput(_tr("Last dose"))
        self.last_dose.set_hint(_tr("last dose YYYY-MM-DD"))
        self.add_agent_button = QPushButton(_tr("Add agent to the selected treatment"))
        self.add_agent_button.clicked.connect(
            lambda: self.on_add_agent(self.chosen_agent(), self.last_dose.text())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.treatment_view)
        self.remove_treatment_button = QPushButton(_tr("Remove the selected treatment"))
        self.remove_treatment_button.clicked.connect(self.on_remove_treatment)
        self.remove_agent_button = QPushButton(_tr("Remove the selected agent"))
        self.remove_agent_button.clicked.connect(self.on_remove_agent)
        # Inputs on one row, their buttons on the next: the form fits beside the results.
        layout.addWidget(row_of(self.regimen, self.started))
        layout.addWidget(row_of(self.add_treatment_button, self.remove_treatment_button))
        layout.addWidget(self.agent_view)
        layout.addWidget(row_of(self.agent, self.last_dose))
        layout.addWidget(row_of(self.add_agent_button, self.remove_agent_button))
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

    def on_add_treatment(self, regimen_id: str, started: str) -> list[str]:
        """Add a catalogue regimen as a treatment, its agents taken from its components."""
        regimen = load_catalogue().by_id(regimen_id)
        if regimen is None or regimen_id not in {r.id for r in load_catalogue().regimens}:
            problems = [_tr("Choose the regimen from the catalogue list.")]
            self.errors.setText("\n".join(problems))
            return problems
        try:
            self.started.date()
        except ValueError as exc:
            self.errors.setText(str(exc))
            return [str(exc)]
        item: dict[str, object] = {
            "regimen": regimen.id,
            "agents": [{"name": name} for name in regimen_agents(regimen_id)],
        }
        if started.strip():
            item["started"] = started.strip()
        problems = self.document.add_item("treatments", item)
        self.errors.setText("\n".join(problems))
        if not problems:
            self.started.setText("")
        return problems

    def on_remove_treatment(self) -> list[str]:
        """Remove the selected treatment (undoable); nothing is removed without a selection."""
        row = selected_row(self.treatment_view)
        if row is None:
            problems = [_tr("Select the treatment to remove in the table first.")]
        else:
            problems = self.document.remove_item("treatments", row)
        self.errors.setText("\n".join(problems))
        return problems

    def on_remove_agent(self) -> list[str]:
        index, row = self.selected_treatment(), selected_row(self.agent_view)
        if index is None or row is None:
            problems = [_tr("Select the agent to remove in the table first.")]
        else:
            problems = self.document.remove_item(f"treatments.{index}.agents", row)
        self.errors.setText("\n".join(problems))
        return problems

    def chosen_regimen(self) -> str | None:
        """The regimen of the decision record in force: offered first for a new treatment."""
        record = lifecycle.current(self.document.case.decisions)
        return record.regimen_id if record else None

    def chosen_agent(self) -> str:
        """The catalogue name of the agent shown, or the text typed when it is not listed."""
        index = self.agent.currentIndex()
        if index >= 0 and self.agent.itemText(index) == self.agent.currentText():
            return str(self.agent.itemData(index))
        return self.agent.currentText()

    def on_add_agent(self, name: str, last_dose: str) -> list[str]:
        """Add an agent to the selected treatment, or set the last dose of one it already has."""
        index = self.selected_treatment()
        name = name.strip()
        if index is None:
            problems = [_tr("Add a treatment first, then its agents.")]
        else:
            agents = self.document.value(f"treatments.{index}.agents") or []
            position = next((i for i, a in enumerate(agents) if a["name"] == name), None)
            dose = last_dose.strip() or None
            if position is not None:
                path = f"treatments.{index}.agents.{position}.last_dose"
                problems = self.document.propose(path, dose)
            else:
                agent = {"name": name, "last_dose": dose}
                problems = self.document.add_item(f"treatments.{index}.agents", agent)
        self.errors.setText("\n".join(problems))
        return problems

    def refresh(self) -> None:
        self.treatments.reload()
        self._bind_agents()
        chosen = self.chosen_regimen()
        if chosen is not None and chosen != self._offered:
            found = self.regimen.findData(chosen)
            if found >= 0:
                self.regimen.setCurrentIndex(found)
            self._offered = chosen

    def set_read_only(self, read_only: bool) -> None:
        for widget in (
            self.add_treatment_button,
            self.add_agent_button,
            self.remove_treatment_button,
            self.remove_agent_button,
            self.regimen,
            self.agent,
        ):
            widget.setEnabled(not read_only)
        for date in (self.started, self.last_dose):
            date.setReadOnly(read_only)


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
                Column(  # chosen by its words below, not typed into the cell as a key
                    "term",
                    _tr("CTCAE term"),
                    editable=False,
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
        self.term = QComboBox()
        self.term.setEditable(True)
        self.term.setAccessibleName(_tr("CTCAE term"))
        for key in ae_glossary():
            self.term.addItem(in_language(adverse_event_term(key), lang), key)
        self.term.setCurrentIndex(-1)
        if (line := self.term.lineEdit()) is not None:  # editable: it has one
            line.setPlaceholderText(_tr("CTCAE term: choose or type"))
        self.grade = QComboBox()
        self.grade.addItems([str(g) for g in range(1, 6)])
        self.add_button = QPushButton(_tr("Add adverse event"))
        self.add_button.clicked.connect(
            lambda: self.on_add_event(self.chosen_term(), int(self.grade.currentText()))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.remove_button = QPushButton(_tr("Remove the selected adverse event"))
        self.remove_button.clicked.connect(self.on_remove_event)
        layout.addWidget(row_of(self.term, QLabel(_tr("grade")), self.grade, self.add_button))
        layout.addWidget(row_of(self.remove_button))
        layout.addWidget(self.errors)

    def chosen_term(self) -> str:
        """The CTCAE term shown (its glossary key), or the words typed when it is not listed."""
        index = self.term.currentIndex()
        if index >= 0 and self.term.itemText(index) == self.term.currentText():
            return str(self.term.itemData(index))
        return self.term.currentText()

    def on_add_event(self, term_text: str, grade: int) -> list[str]:
        term_text = term_text.strip()
        if not term_text:
            problems = [_tr("CTCAE term: choose one from the list or type it.")]
        else:
            problems = self.document.add_item("adverse_events", {"term": term_text, "grade": grade})
        self.errors.setText("\n".join(problems))
        if not problems:
            self.term.setCurrentIndex(-1)
            self.term.setEditText("")
        return problems

    def on_remove_event(self) -> list[str]:
        row = selected_row(self.view)
        if row is None:
            problems = [_tr("Select the adverse event to remove in the table first.")]
        else:
            problems = self.document.remove_item("adverse_events", row)
        self.errors.setText("\n".join(problems))
        return problems

    def refresh(self) -> None:
        self.model.reload()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.add_button, self.remove_button, self.term, self.grade):
            widget.setEnabled(not read_only)
