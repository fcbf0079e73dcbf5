"""Workspace step "Decision": the MDT record, its signatures, finalizing (sealed) and amending."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from desktop.logic.model import Decision, lifecycle
from desktop.logic.store import StoreError
from desktop.ui.decision_people import AttendeeInput
from desktop.ui.decision_summary import summary_html
from desktop.ui.drafts import start_draft
from desktop.ui.finalize_reason import ask_missing_reason, confirm_finalize, record_missing_reason
from desktop.ui.forms import (
    DateField,
    TextField,
    TextListField,
    enum_field,
    error_style,
    heading,
)
from desktop.ui.palette import scale_font
from desktop.ui.panel_widgets import row_of, selected_row, table_view
from desktop.ui.signing import DraftSignatures, needs_accounts, sign_later, signer_texts
from desktop.ui.step_base import StepPage, bullets_html, rich_label
from desktop.ui.tables import Column, ListTableModel
from desktop.ui.undo import CaseDocument

if TYPE_CHECKING:
    from desktop.logic.clinical import Evaluation
    from desktop.ui.settings import Settings
    from desktop.ui.workspace import CaseWorkspace

UNBOUND = "decisions.none"


class DecisionStep(StepPage):
    """Meeting, attendees, question, recommendation, dissent, reopen conditions, follow-up."""

    def __init__(
        self, document: CaseDocument, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, settings, parent)
        self.workspace: CaseWorkspace | None = None
        self.index: int | None = None
        self.draft_signatures = DraftSignatures()  # passwords kept until the record is sealed
        self.status = QLabel()
        self.status.setWordWrap(True)
        scale_font(self.status, 1.15, bold=True)
        self.add_full(self.status)
        self._build_actions()
        self._build_fields()
        self._build_people()
        self.summary = rich_label()
        self.results.addWidget(self.summary)
        self.finish_form()

    def bind_workspace(self, workspace: CaseWorkspace) -> None:
        """The workspace that writes finalize/amend to the store and reloads the case."""
        self.workspace = workspace

    def _build_actions(self) -> None:
        self.start_button = QPushButton(self.tr("Start a draft decision"))
        self.start_button.clicked.connect(self.on_start_draft)
        self.amend_button = QPushButton(self.tr("Amend the final decision"))
        self.amend_button.clicked.connect(self.on_amend)
        self.finalize_button = QPushButton(self.tr("Sign off and finalize\u2026"))
        scale_font(self.finalize_button, bold=True)
        self.finalize_button.clicked.connect(self.on_finalize_requested)
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.record_actions = row_of(self.start_button, self.amend_button)
        self.add_full(self.record_actions)

    def _build_fields(self) -> None:
        d, lang = self.document, self.lang
        self.meeting = DateField(d, f"{UNBOUND}.meeting_date", self.tr("Meeting date"))
        self.follow_up = enum_field(
            d,
            f"{UNBOUND}.follow_up.status",
            self.tr("Follow-up status"),
            "follow_up",
            lang,
            optional=True,
        )
        self.add_pair(self.meeting, self.follow_up)
        self.follow_up_reason = TextField(
            d, f"{UNBOUND}.follow_up.reason", self.tr("Follow-up reason (when not done)")
        )
        self.add_full(self.follow_up_reason)
        self.question = TextField(
            d, f"{UNBOUND}.question", self.tr("Question to the MDT"), multiline=True
        )
        self.recommendation = TextField(
            d, f"{UNBOUND}.recommendation", self.tr("Recommendation"), multiline=True
        )
        self.dissent = TextField(d, f"{UNBOUND}.dissent", self.tr("Dissent"), multiline=True)
        self.reopen = TextListField(
            d, f"{UNBOUND}.reopen_conditions", self.tr("Reopen conditions (one per line)")
        )
        for field in (self.question, self.recommendation, self.dissent, self.reopen):
            self.add_full(field)
        self.bound = [
            self.meeting,
            self.follow_up,
            self.follow_up_reason,
            self.question,
            self.recommendation,
            self.dissent,
            self.reopen,
        ]
        self.suffixes = {id(field): field.path[len(UNBOUND) :] for field in self.bound}

    def _build_people(self) -> None:
        self.add_full(heading(self.tr("Attendees and roles")))
        self.attendees = ListTableModel(
            self.document,
            "",
            [Column("name", self.tr("Name")), Column("role", self.tr("Role"))],
            self,
        )
        self.attendee_view = table_view(self.attendees, 2, 8)
        self.add_full(self.attendee_view)
        self.attendee_input = AttendeeInput()
        self.add_attendee_button = self.attendee_input.add_button
        self.add_attendee_button.clicked.connect(
            lambda: self.on_add_attendee(*self.attendee_input.values())
        )
        self.add_full(self.attendee_input.row())
        self.remove_attendee_button = QPushButton(self.tr("Remove the selected attendee"))
        self.remove_attendee_button.clicked.connect(self.on_remove_attendee)
        self.add_full(row_of(self.remove_attendee_button))
        self.add_full(heading(self.tr("Signatures")))
        self.signatures = rich_label()
        self.add_full(self.signatures)
        self.signer = QComboBox()
        self.sign_button = QPushButton(self.tr("Sign as this attendee"))
        self.sign_button.clicked.connect(lambda: self.on_sign(self.signer.currentIndex()))
        self.sign_later_button = QPushButton(self.tr("Sign the final record"))
        self.sign_later_button.clicked.connect(
            lambda: self.on_sign_final(self.signer.currentIndex())
        )
        self.add_full(row_of(self.signer, self.sign_button, self.sign_later_button))
        # Finalizing comes last, after the signatures; problems are said beside it.
        self.add_full(row_of(self.finalize_button))
        self.add_full(self.error)
        self.draft_controls: list[QWidget] = [
            *self.attendee_input.widgets(),
            self.remove_attendee_button,
            self.sign_button,
            self.finalize_button,
            self.signer,
        ]

    # ------------------------------------------------------------------ slots
    def on_start_draft(self) -> list[str]:
        problems = start_draft(self.document)
        self.error.setText("\n".join(problems))
        return problems

    def on_add_attendee(self, name: str, role: str) -> list[str]:
        if self.index is None:
            return self._say([self.tr("Start a draft decision first.")])
        attendee = {"name": name.strip(), "role": role.strip()}
        problems = self.document.add_item(f"decisions.{self.index}.attendees", attendee)
        if not problems:
            self.attendee_input.clear()
        return self._say(problems)

    def on_remove_attendee(self) -> list[str]:
        row = selected_row(self.attendee_view)
        if self.index is None or row is None:
            return self._say([self.tr("Select the attendee to remove in the table first.")])
        return self._say(self.document.remove_item(f"decisions.{self.index}.attendees", row))

    def on_sign(self, attendee_position: int) -> list[str]:
        """Add the signature of one attendee (now) to the draft."""
        draft = self._record(self.index)
        attendees = draft.attendees if draft else []
        if self.index is None or not 0 <= attendee_position < len(attendees):
            return self._say([self.tr("Add the attendees first, then sign as one of them.")])
        person = attendees[attendee_position]
        store = self.workspace.store if self.workspace is not None else None
        return self._say(
            self.draft_signatures.sign(
                self.document, self.index, (person.name, person.role), store, self
            )
        )

    def on_finalize_requested(self) -> None:
        """Ask for confirmation (and, with items missing, for the reason), then finalize."""
        missing = self.missing_items()
        if missing:
            reason = self.ask_missing_reason(missing)
            if reason is not None:
                self.on_finalize_confirmed(reason)
        elif confirm_finalize(self):
            self.on_finalize_confirmed()

    def missing_items(self) -> list[str]:
        """What the case still lacks for its meeting (clinical.completeness), in words."""
        return [gap.message.render(self.lang) for gap in self._bound().readiness().gaps]

    def ask_missing_reason(self, missing: list[str]) -> str | None:
        """The reason to finalize with items missing; None when the user cancels."""
        return ask_missing_reason(self, missing)

    def on_finalize_confirmed(self, missing_reason: str | None = None) -> list[str]:
        """Seal the draft; with items missing the reason is recorded first, as an override of
        item "completeness" (computed: incomplete, chosen: finalize) in the record itself."""
        index, workspace = self.index, self._bound()
        draft = self._record(index)
        if not self._accounts():  # a record sealed with typed names would prove nothing
            return self._say([needs_accounts()])
        if index is None or draft is None or not draft.signed_by:
            return self._say([self.tr("A final decision needs at least one signature.")])
        missing = self.missing_items()
        if missing:
            user = self.settings.user() or _signed_in(workspace)
            problems = record_missing_reason(
                self.document, index, missing, missing_reason, user, self.lang
            )
            if problems:
                return self._say(problems)
            draft = self._record(index) or draft
        if not workspace.flush():
            unsaved = self.tr(
                "The draft could not be saved first; fix the fields "
                "marked in red or resolve the save conflict."
            )
            return self._say([unsaved])
        return self._write(
            lambda rev: self.draft_signatures.seal(
                workspace.store, workspace.case_id, index, draft, rev
            )
        )

    def on_sign_final(self, attendee_position: int) -> list[str]:
        """An attendee who was present but did not sign signs the sealed record now."""
        shown = self.record_index()
        record = self._record(shown)
        attendees = record.attendees if record else []
        if not self._accounts() or not 0 <= attendee_position < len(attendees):
            return self._say([self.tr("Choose the attendee who signs.")])
        name, workspace = attendees[attendee_position].name, self._bound()
        try:
            signed = sign_later(workspace.store, workspace.case_id, name, self.lang, self)
        except StoreError as exc:
            return self._say([exc.render(self.lang)])
        self._show_state(shown)
        return self._say([] if signed else [self.tr("Not signed.")])

    def _accounts(self) -> bool:
        store = getattr(self.workspace, "store", None)
        return store is not None and store.has_accounts()

    def on_amend(self) -> list[str]:
        workspace = self._bound()
        sealed = lifecycle.latest_final_index(self.document.case.decisions)
        if sealed is None or not workspace.flush():
            return self._say([self.tr("There is no final decision to amend.")])
        return self._write(
            lambda rev: workspace.store.amend_decision(
                workspace.case_id, sealed, expected_revision=rev
            )
        )

    def _bound(self) -> CaseWorkspace:
        if self.workspace is None:
            raise RuntimeError("the decision step writes through its workspace: bind it first")
        return self.workspace

    def _write(self, write: Callable[[int], object]) -> list[str]:
        workspace = self._bound()
        try:
            write(workspace.saver.revision)
        except StoreError as exc:
            return self._say([exc.render(self.lang)])
        workspace.reload_from_store()
        return self._say([])

    def _say(self, problems: list[str]) -> list[str]:
        self.error.setText("\n".join(problems))
        return problems

    # ------------------------------------------------------------------ showing
    def record_index(self) -> int | None:
        """The draft being edited, else the newest final record (shown read-only)."""
        return lifecycle.current_index(self.document.case.decisions)

    def _record(self, index: int | None) -> Decision | None:
        return self.document.case.decisions[index] if index is not None else None

    def refresh(self) -> None:
        self.index = lifecycle.draft_index(self.document.case.decisions)
        shown = self.record_index()
        base = f"decisions.{shown}" if shown is not None else UNBOUND
        for field in self.bound:
            field.path = base + self.suffixes[id(field)]
        self.attendees.set_list_path(f"{base}.attendees" if shown is not None else "")
        super().refresh()
        self._show_state(shown)

    def _show_state(self, shown: int | None) -> None:
        draft = self.index is not None
        decisions = self.document.case.decisions
        record = self._record(shown)
        if record is not None and draft:
            text = self.tr("Draft decision for the meeting of {0}").format(
                record.meeting_date.isoformat()
            )
        elif record is not None:
            text = self.tr("Final decision of {0}: sealed, read-only").format(
                record.meeting_date.isoformat()
            )
        else:
            text = self.tr("No decision yet for this case.")
        self.status.setText(text)
        self.start_button.setVisible(not draft)
        self.amend_button.setVisible(
            not draft and lifecycle.latest_final_index(decisions) is not None
        )
        self.record_actions.setVisible(not draft)  # no empty row above a draft
        self.finalize_button.setEnabled(draft)
        for field in self.bound:
            field.set_read_only(not draft)
        for widget in self.draft_controls:
            widget.setEnabled(draft)
        attendees = record.attendees if record else []
        self.signer.clear()
        self.signer.addItems([f"{a.name} ({a.role})" for a in attendees])
        signed = record.signed_by if record else []
        lines = [f"{s.name} ({s.role}), {s.at.replace('T', ' ')}" for s in signed]
        final = record is not None and record.status == "final"
        if final and self.workspace is not None:
            decisions = self.document.data.get("decisions", [])
            raw = decisions[shown] if shown is not None and shown < len(decisions) else {}
            lines = signer_texts(self.workspace.store, self.workspace.case_id, decisions, raw)
        self.signatures.setText(bullets_html(lines) or self.tr("No signature yet."))
        self.sign_later_button.setVisible(final and self._accounts())
        self.signer.setEnabled(draft or (final and self._accounts()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """The team's accounts are offered as attendees (read when the step is shown)."""
        super().showEvent(event)
        if self._accounts() and self.workspace is not None:
            team = self.workspace.store.accounts()
            self.attendee_input.set_team([(a.name, a.role) for a in team if not a.disabled])

    def set_read_only(self, read_only: bool) -> None:
        """Read-only follows the record: a draft is editable, a final record never is."""
        self._show_state(self.record_index())

    def show_results(self, evaluation: Evaluation) -> None:
        record = self._record(self.record_index())
        decisions = self.document.case.decisions
        self.summary.setText(summary_html(evaluation, decisions, record, self.lang))


def _signed_in(workspace: CaseWorkspace) -> tuple[str, str] | None:
    """Who works in the workspace's store (name, role), when known."""
    user = workspace.store.user
    return (user.name, user.role) if user else None
