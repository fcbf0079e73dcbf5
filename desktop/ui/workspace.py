"""The case workspace: the MDT workflow steps in a sidebar, each marked complete/incomplete/stale.

Every edit is an undoable command on a CaseDocument; results are recomputed from the in-memory
case as the user types (desktop.logic.clinical.evaluate, with the rules file the app applies)
and every step shows that `Evaluation`. The case is saved as a new revision 800 ms after the last
change and at once on a step change or close (autosave.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.clinical import AREAS, Evaluation, Readiness, evaluate, readiness
from desktop.logic.model import Message, Rules, lifecycle
from desktop.logic.store import Store, department_rules
from desktop.ui.autosave import AutoSaver
from desktop.ui.palette import colour_style, panel_style, scale_font, state_tone
from desktop.ui.settings import Settings, stale_days
from desktop.ui.step_adjuvant import AdjuvantStep
from desktop.ui.step_base import StepPage
from desktop.ui.step_decision import DecisionStep
from desktop.ui.step_patient import PatientStep
from desktop.ui.step_regimen import RegimenStep
from desktop.ui.step_response import ResponseStep
from desktop.ui.step_tumour import TumourStep
from desktop.ui.undo import CaseDocument

STATE_MARKS = {"complete": "\u2713", "incomplete": "\u25cb", "stale": "\u26a0"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseWorkspace", text)


def step_titles() -> list[str]:
    return [
        _tr("Patient and liver function"),
        _tr("Tumour and staging"),
        _tr("Regimen"),
        _tr("Response and timing"),
        _tr("Adjuvant plan"),
        _tr("Decision"),
    ]


def state_words() -> dict[str, str]:
    return {"complete": _tr("complete"), "incomplete": _tr("incomplete"), "stale": _tr("stale")}


class CaseWorkspace(QWidget):
    """One case, edited step by step with `rules` applied; saved automatically, undoable,
    read-only once decided.

    Signals:
        caseChanged(str): the case with this case_id was saved as a new revision.
    """

    caseChanged = Signal(str)

    def __init__(
        self,
        store: Store,
        case_id: str,
        settings: Settings,
        rules: Rules,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.case_id = case_id
        self.settings = settings
        self.rules = rules
        self.lang = settings.language
        stored = store.get_case(case_id)
        self.document = CaseDocument(stored.case, self, self.lang)
        self.undo_stack = self.document.undo_stack
        self.saver = AutoSaver(store, case_id, stored.revision, self.document)
        self.evaluation: Evaluation | None = None
        self._build()
        self.document.changed.connect(self.on_case_edited)
        self.document.changed.connect(self.saver.on_changed)
        self.document.invalidCountChanged.connect(self.on_invalid_count)
        self.saver.saved.connect(self.on_saved)
        self.saver.conflict.connect(self.on_conflict)
        self.saver.failed.connect(self.on_save_failed)
        self.saver.pendingChanged.connect(self.on_pending)
        self.on_case_edited()
        self.sidebar.setCurrentRow(0)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setFixedWidth(230)
        self.sidebar.setStyleSheet("QListWidget::item { padding: 0.6em 0.4em; }")
        for title in step_titles():
            self.sidebar.addItem(QListWidgetItem(title))
        document, settings = self.document, self.settings
        self.regimen_step = RegimenStep(document, settings)
        self.decision_step = DecisionStep(document, settings)
        self.decision_step.bind_workspace(self)
        self.steps: list[StepPage] = [
            PatientStep(document, settings),
            TumourStep(document, settings),
            self.regimen_step,
            ResponseStep(document, settings),
            AdjuvantStep(document, settings),
            self.decision_step,
        ]
        self.stack = QStackedWidget()
        for step in self.steps:
            self.stack.addWidget(step)
        self.sidebar.currentRowChanged.connect(self.on_step_selected)
        body = QHBoxLayout()
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._header())
        layout.addWidget(self._conflict_bar())
        layout.addWidget(self._sealed_bar())
        layout.addLayout(body, 1)
        layout.addWidget(self._disclaimer())

    def _header(self) -> QHBoxLayout:
        self.title = QLabel()
        scale_font(self.title, 1.35, bold=True)
        self.save_state = QLabel()
        self.invalid_note = QLabel()
        self.invalid_note.setStyleSheet(colour_style("problem", bold=True))
        self.invalid_note.hide()
        undo, redo = QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo
        self.undo_button = self._tool(_tr("Undo"), self.undo_stack.undo, undo)
        self.redo_button = self._tool(_tr("Redo"), self.undo_stack.redo, redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        row = QHBoxLayout()
        for label in (self.title, self.invalid_note):
            row.addWidget(label)
        row.addStretch(1)
        for widget in (self.save_state, self.undo_button, self.redo_button):
            row.addWidget(widget)
        return row

    def _tool(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence.StandardKey
    ) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        # The keys belong to the main window's Edit menu (one owner, no ambiguous shortcut).
        button.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
        button.clicked.connect(slot)
        return button

    def _conflict_bar(self) -> QFrame:
        self.conflict_bar = QFrame()
        self.conflict_bar.setStyleSheet(panel_style("QFrame", "warning"))
        self.conflict_text = QLabel()
        self.conflict_text.setWordWrap(True)
        reload_button = QPushButton(_tr("Reload theirs and reapply my edits"))
        reload_button.clicked.connect(self.on_reload_and_reapply)
        anyway_button = QPushButton(_tr("Save mine as a new revision anyway"))
        anyway_button.clicked.connect(self.on_save_anyway)
        row = QHBoxLayout(self.conflict_bar)
        row.addWidget(self.conflict_text, 1)
        row.addWidget(reload_button)
        row.addWidget(anyway_button)
        self.conflict_bar.hide()
        return self.conflict_bar

    def _sealed_bar(self) -> QFrame:
        """Says why the case cannot be edited and offers what to do: start an amendment."""
        self.sealed_bar = QFrame()
        self.sealed_bar.setStyleSheet(panel_style("QFrame", "info"))  # reads on a dark palette
        self.sealed_text = QLabel()
        self.sealed_text.setWordWrap(True)
        self.amend_button = QPushButton(_tr("Start an amendment"))
        self.amend_button.clicked.connect(self.on_amend_requested)
        row = QHBoxLayout(self.sealed_bar)
        row.addWidget(self.sealed_text, 1)
        row.addWidget(self.amend_button)
        self.sealed_bar.hide()
        return self.sealed_bar

    def on_amend_requested(self) -> list[str]:
        """Open an amendment of the sealed record (a new draft naming it) from any step."""
        problems = self.decision_step.on_amend()
        if problems:
            self.sealed_text.setText(self.sealed_text.text() + "\n" + "\n".join(problems))
        return problems

    def _show_sealed(self, read_only: bool) -> None:
        final = lifecycle.latest_final(self.document.case.decisions)
        if read_only and final is not None:
            sealed_on = (final.finalized_at or final.meeting_date.isoformat())[:10]
            self.sealed_text.setText(
                _tr(
                    "Read-only: the decision of the meeting of {0} was sealed on {1}. "
                    "A sealed record never changes; to correct or add anything, start an "
                    "amendment (a new draft that names the sealed record)."
                ).format(final.meeting_date.isoformat(), sealed_on)
            )
        self.sealed_bar.setVisible(read_only and final is not None)

    def _disclaimer(self) -> QLabel:
        self.disclaimer = QLabel()
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setStyleSheet(colour_style("muted"))
        scale_font(self.disclaimer, 0.9)
        self._show_rules_version()
        return self.disclaimer

    def _show_rules_version(self) -> None:
        self.disclaimer.setText(
            Message("evaluation.disclaimer").render(self.lang)
            + "  "
            + _tr("Rules version {0}.").format(self.rules.version)
        )

    def set_rules(self, rules: Rules) -> None:
        """Another rules file is in force: evaluate again with it."""
        self.rules = rules
        self._show_rules_version()
        self.on_case_edited()

    # ------------------------------------------------------------------ behaviour
    def current_step(self) -> StepPage:
        return self.steps[self.stack.currentIndex()]

    def on_step_selected(self, row: int) -> None:
        if row < 0:
            return
        self.saver.flush()
        self.stack.setCurrentIndex(row)
        step = self.steps[row]
        step.refresh()
        if self.evaluation is not None:
            step.show_results(self.evaluation)

    def on_case_edited(self) -> None:
        """Recompute from the in-memory case and show it in the open step and the sidebar."""
        case = self.document.case
        self.evaluation = evaluate(case, self.rules)
        self.title.setText(f"{case.patient.name} \u00b7 {case.patient.mrn}")
        step = self.current_step()
        step.refresh()
        step.show_results(self.evaluation)
        self._mark_steps()
        self._apply_read_only()

    def meeting_date(self) -> dt.date:
        """The meeting the case is prepared for: the record in force's date (the draft, else the
        latest final record), else today."""
        record = lifecycle.current(self.document.case.decisions)
        return record.meeting_date if record is not None else dt.date.today()

    def readiness(self) -> Readiness:
        """What the case lacks for its meeting: the one rule of clinical.completeness, with the
        department's stale days from the store."""
        return readiness(self.document.case, self.meeting_date(), stale_days(self.store))

    def step_states(self) -> list[str]:
        ready = self.readiness()
        return [ready.area_state(area) for area in AREAS]

    def _mark_steps(self) -> None:
        words = state_words()
        ready = self.readiness()
        for row, (title, area) in enumerate(zip(step_titles(), AREAS, strict=True)):
            state = ready.area_state(area)
            lines = [gap.message.render(self.lang) for gap in ready.in_area(area)]
            item = self.sidebar.item(row)
            summary = words[state]
            if lines:
                summary = _tr("{0}: {1} to do").format(words[state], len(lines))
            item.setText(f"{STATE_MARKS[state]}  {title}\n      {summary}")
            item.setToolTip("\n".join(f"\u2022 {line}" for line in lines) or words[state])
            item.setForeground(state_tone(state))
            item.setData(Qt.ItemDataRole.UserRole, state)
            self.steps[row].show_gaps(lines)

    def is_read_only(self) -> bool:
        """Read-only once decided: a sealed record and no draft open (model.lifecycle)."""
        return lifecycle.is_read_only(self.document.case.decisions)

    def _apply_read_only(self) -> None:
        read_only = self.is_read_only()
        self.document.read_only = read_only
        for step in self.steps:
            step.set_read_only(read_only)
        self._show_sealed(read_only)

    def on_invalid_count(self, count: int) -> None:
        self.invalid_note.setText(_tr("unsaved: fix {0} field(s)").format(count))
        self.invalid_note.setVisible(count > 0)

    def on_pending(self, pending: bool) -> None:
        if pending:
            self.save_state.setText(_tr("Unsaved changes\u2026"))

    def on_saved(self, revision: int) -> None:
        self.save_state.setText(_tr("Saved as revision {0}").format(revision))
        self.caseChanged.emit(self.case_id)

    def on_conflict(self, message: str) -> None:
        self.conflict_text.setText(
            message + "\n" + _tr("Your edits are kept here until you choose.")
        )
        self.conflict_bar.show()

    def on_save_failed(self, message: str) -> None:
        self.save_state.setText(_tr("Not saved: {0}").format(message))
        self.save_state.setStyleSheet(colour_style("problem"))

    def on_reload_and_reapply(self) -> None:
        problems = self.saver.on_reload_and_reapply()
        if problems:
            self.conflict_text.setText(
                _tr("Your edits do not fit the newer revision:") + "\n" + "\n".join(problems)
            )
            return
        self.conflict_bar.hide()

    def on_save_anyway(self) -> None:
        if self.saver.on_save_anyway():
            self.conflict_bar.hide()

    def reload_from_store(self) -> None:
        """After finalize or amend (written by the store itself): the stored case is the base."""
        stored = self.store.get_case(self.case_id)
        self.saver.adopt(stored.case, stored.revision)
        self.save_state.setText(_tr("Saved as revision {0}").format(stored.revision))
        self.caseChanged.emit(self.case_id)

    def flush(self) -> bool:
        return self.saver.flush()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.saver.flush()
        super().closeEvent(event)


def workspace_screenshots(
    store: Store, case_id: str, settings: Settings, out_dir: Path
) -> list[Path]:
    """Grab every step of one case at 1280x800 into `out_dir` (with the database's rules file);
    returns the PNG paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    workspace = CaseWorkspace(store, case_id, settings, department_rules(store))
    workspace.resize(1280, 800)
    workspace.show()
    paths = []
    slug = store.get_case(case_id).case.patient.mrn.replace("/", "-")
    for row, area in enumerate(AREAS):
        workspace.sidebar.setCurrentRow(row)
        if area == "regimen" and workspace.evaluation is not None:
            workspace.regimen_step.on_select(_comparison_ids(workspace.evaluation))
        QApplication.processEvents()
        path = out_dir / f"workspace-{slug}-{row + 1}-{area}.png"
        workspace.grab().save(str(path))
        paths.append(path)
    workspace.saver.timer.stop()
    workspace.close()
    workspace.deleteLater()
    return paths


def _comparison_ids(evaluation: Evaluation) -> list[str]:
    """Two regimens of different verdicts, so the screenshot shows a comparison."""
    by_verdict = {v.verdict: v.regimen.id for v in reversed(evaluation.regimens)}
    return list(by_verdict.values())[:2]
