"""Workspace step "Adjuvant plan": the options with evidence, duration and stop rules; the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from desktop.logic.model import lifecycle
from desktop.ui.drafts import ensure_draft
from desktop.ui.forms import NumberField, TextField, error_style, heading
from desktop.ui.panel_widgets import row_of
from desktop.ui.response_panels import regimen_name as adjuvant_name
from desktop.ui.step_base import StepPage, badge_html, bullets_html, rich_label
from desktop.ui.undo import CaseDocument

if TYPE_CHECKING:
    from desktop.logic.clinical import AdjuvantOption, Evaluation
    from desktop.ui.settings import Settings

UNBOUND = "decisions.none.adjuvant_plan"


class AdjuvantStep(StepPage):
    """Adjuvant options (review section 7) beside the plan recorded in the draft decision."""

    def __init__(
        self, document: CaseDocument, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, settings, parent)
        self.options: list[AdjuvantOption] = []
        self.add_full(heading(self.tr("Adjuvant plan of the decision")))
        self.option_choice = QComboBox()
        # Filled after the first show: the box grows to its longest option then.
        self.option_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.choose_button = QPushButton(self.tr("Use this option"))
        self.choose_button.clicked.connect(lambda: self.on_choose(self.option_choice.currentData()))
        self.add_full(row_of(self.option_choice, self.choose_button))
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.add_full(self.error)
        # The option is chosen above by its name; its catalogue ID is never shown.
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        self.chosen.setStyleSheet("font-weight: 600;")
        self.duration = NumberField(
            document, f"{UNBOUND}.duration_months", self.tr("Duration (months)"), integer=True
        )
        self.notes = TextField(
            document,
            f"{UNBOUND}.notes",
            self.tr(
                "Stop rules and notes (recurrence, intolerable toxicity, "
                "whether pCR changed the plan)"
            ),
            multiline=True,
        )
        self.add_full(self.chosen)
        self.add_pair(self.duration)
        self.add_full(self.notes)
        self.no_draft = QLabel(self.tr("No draft decision yet: choosing an option starts one."))
        self.add_full(self.no_draft)
        self.detail = rich_label()
        self.results.addWidget(self.detail)
        self.finish_form()

    def on_choose(self, option_id: str | None) -> list[str]:
        """Record `option_id` with its catalogue duration as the draft's adjuvant plan."""
        option = next((o for o in self.options if o.spec.id == option_id), None)
        if option is None:
            return []
        index, problems = ensure_draft(self.document)
        if not problems and index is not None:
            plan: dict[str, Any] = {"option": option.spec.id}
            if option.spec.duration_months is not None:
                plan["duration_months"] = option.spec.duration_months
            if option.stop_rule_messages:
                plan["notes"] = "; ".join(self.sentences(option.stop_rule_messages))
            problems = self.document.propose(f"decisions.{index}.adjuvant_plan", plan)
        self.error.setText("\n".join(problems))
        return problems

    def refresh(self) -> None:
        """Show the plan of the record in force: the draft's (editable) or the sealed one's."""
        decisions = self.document.case.decisions
        index = lifecycle.current_index(decisions)
        base = f"decisions.{index}.adjuvant_plan" if index is not None else UNBOUND
        has_plan = index is not None and self.document.value(base) is not None
        for field, key in ((self.duration, "duration_months"), (self.notes, "notes")):
            field.path = f"{base}.{key}"
            field.setEnabled(has_plan)
        option = self.document.value(f"{base}.option") if has_plan else None
        if option:
            text = self.tr("Chosen: {0}").format(adjuvant_name(option, self.lang))
        elif index is not None and lifecycle.draft_index(decisions) is None:
            text = self.tr("The sealed decision holds no adjuvant plan.")
        else:
            text = self.tr("No adjuvant option chosen yet.")
        self.chosen.setText(text)
        self.no_draft.setVisible(index is None)
        super().refresh()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.choose_button.setEnabled(not read_only)

    def show_results(self, evaluation: Evaluation) -> None:
        self.options = list(evaluation.adjuvant)
        record = lifecycle.current(self.document.case.decisions)
        chosen = record.adjuvant_plan.option if record and record.adjuvant_plan else None
        current = chosen or self.option_choice.currentData()
        self.option_choice.blockSignals(True)
        self.option_choice.clear()
        for option in self.options:
            self.option_choice.addItem(option.spec.name.render(self.lang), option.spec.id)
        found = self.option_choice.findData(current)
        self.option_choice.setCurrentIndex(max(found, 0))
        self.option_choice.blockSignals(False)
        self.detail.setText("".join(self._option_html(o) for o in self.options))

    def _option_html(self, option: AdjuvantOption) -> str:
        spec = option.spec
        # No "recommended" without a source that recommends: null is "no recommendation".
        word, colour = {
            True: (self.tr("offered"), "suitable"),
            False: (self.tr("not recommended"), "contraindicated"),
            None: (self.tr("no recommendation in the review"), "incomplete"),
        }[spec.recommended]
        badge = badge_html(word, colour)
        duration = spec.duration_months
        facts = [
            self.tr("Duration: {0} months").format(duration)
            if duration is not None
            else self.tr("Duration: not fixed by the evidence")
        ]
        facts += [
            self.tr("Stop: {0}").format(rule) for rule in self.sentences(option.stop_rule_messages)
        ]
        evidence = [
            self.tr("ref {0} ({1}{2}): {3}").format(
                e.ref,
                e.design_name(self.lang),
                f", n = {e.size}" if e.size else "",
                e.finding.render(self.lang),
            )
            for e in spec.evidence
        ]
        evidence_title, case_title = self.tr("Evidence"), self.tr("For this case")
        return (
            f"<p><b style='font-size:large'>{spec.name.render(self.lang)}</b> {badge}"
            f"{bullets_html(facts)}<div><b>{evidence_title}</b></div>"
            f"{bullets_html(evidence)}<div><b>{case_title}</b></div>"
            f"{bullets_html(self.sentences(option.notes))}</p>"
        )
