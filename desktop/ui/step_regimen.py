"""Workspace step "Regimen": the catalogue with verdicts, reasons and evidence; choose, compare."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop.logic.clinical import verdict_label
from desktop.logic.model import lifecycle, term
from desktop.ui.drafts import ensure_draft
from desktop.ui.forms import error_style, glossary_values, heading
from desktop.ui.history_form import history_fields, history_heading, history_note
from desktop.ui.palette import state_tone, tone
from desktop.ui.row_models import KeyedRowsModel
from desktop.ui.step_base import BADGE_COLOURS, StepPage, badge_html, bullets_html, rich_label
from desktop.ui.undo import CaseDocument

if TYPE_CHECKING:
    from desktop.logic.clinical import Check, Evaluation, Evidence, MissingInput, RegimenVerdict
    from desktop.ui.settings import Settings

MAX_COMPARED = 3
Index = QModelIndex | QPersistentModelIndex


class RegimenTableModel(KeyedRowsModel["RegimenVerdict"]):  # clinical loads with a case
    """One row per catalogue regimen (its `RegimenVerdict`): name, component classes, verdict
    (word and colour)."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.chosen: str | None = None

    def titles(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("RegimenTableModel", "Regimen"),
            QCoreApplication.translate("RegimenTableModel", "Components"),
            QCoreApplication.translate("RegimenTableModel", "Verdict"),
        )

    def set_rows(self, rows: list[RegimenVerdict], chosen: str | None) -> None:
        self.chosen = chosen
        self.replace_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: RegimenVerdict = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.regimen.id
        if column == 2 and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#ffffff"))
        if column == 2 and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(BADGE_COLOURS.get(row.verdict, "#374151")))
        if column == 2 and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(reason.render(self.lang) for reason in row.reasons)
        return None

    def verdict_colour(self, row_index: int) -> str:
        """The verdict's badge colour (tests: `unchecked` is never the colour of suitable)."""
        return BADGE_COLOURS.get(self._rows[row_index].verdict, "#374151")

    def _text(self, row: RegimenVerdict, column: int) -> str:
        if column == 0:
            star = "\u2605 " if row.regimen.id == self.chosen else ""
            return star + row.regimen.name.render(self.lang)
        if column == 1:
            return ", ".join(component_class_names(row, self.lang))
        return verdict_label(row.verdict, row.checks_not_done).render(self.lang)


def checks_html(checks: tuple[Check, ...], lang: str) -> str:
    """Each check with its rule ID, outcome (word and colour), reason and source; checks that
    found something or could not run come first. Stacked, so it reads in a narrow column."""
    order = {"contraindicated": 0, "caution": 1, "unchecked": 2, "ok": 3}
    items = []
    for check in sorted(checks, key=lambda c: order.get(c.outcome, 4)):
        outcome = term(f"term.outcome.{check.outcome}", lang)
        colour = state_tone(check.outcome).name()  # text: a tone that reads on the base
        muted = tone("muted").name()
        items.append(
            "<div style='margin:3px 0 3px 6px'>"
            f"<span style='color:{colour}; font-weight:600'>{_escape(outcome)}</span> "
            f"<code>{_escape(check.rule)}</code><br>{_escape(check.reason.render(lang))}<br>"
            f"<span style='color:{muted}; font-size:small'>"
            f"{_escape(check.source.render(lang))}</span></div>"
        )
    return "".join(items)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def component_class_names(row: RegimenVerdict, lang: str) -> list[str]:
    return [term(f"term.class.{c.class_}", lang) for c in row.regimen.components]


class ClassFilter(QSortFilterProxyModel):
    """Rows whose components include the chosen class (all rows when none is chosen)."""

    def __init__(self, source: RegimenTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.component_class: str | None = None
        self._source = source
        self.setSourceModel(source)

    def set_class(self, component_class: str | None) -> None:
        self.beginFilterChange()
        self.component_class = component_class
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if self.component_class is None:
            return True
        row: RegimenVerdict = self._source.row(source_row)
        return any(c.class_ == self.component_class for c in row.regimen.components)


class RegimenStep(StepPage):
    """The catalogue with verdict badges; select up to three to compare; choose one."""

    def __init__(
        self, document: CaseDocument, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, settings, parent)
        self.rows: list[RegimenVerdict] = []
        self.model = RegimenTableModel(self.lang, self)
        self.proxy = ClassFilter(self.model, self)
        self._build_history()
        self._build_filter()
        self._build_table()
        self.chosen_label = QLabel()
        self.choose_error = QLabel()
        self.choose_error.setStyleSheet(error_style())
        self.add_full(self.chosen_label)
        self.add_full(self.choose_error)
        self.checklist = rich_label()
        self.add_full(self.checklist)
        self.detail = rich_label()
        self.results.addWidget(self.detail)
        self.finish_form()

    def _build_history(self) -> None:
        self.add_full(history_heading())
        self.add_full(history_note(self.lang))
        fields = history_fields(self.document)
        self.history = {field.path: field for field in fields}
        for left, right in zip(fields[::2], [*fields[1::2], None], strict=False):
            self.add_pair(left, right)

    def _build_filter(self) -> None:
        self.add_full(heading(self.tr("Conversion regimens (every regimen of the catalogue)")))
        self.class_filter = QComboBox()
        self.class_filter.addItem(self.tr("All component classes"), None)
        for value in glossary_values("term.class"):
            self.class_filter.addItem(term(f"term.class.{value}", self.lang), value)
        self.class_filter.currentIndexChanged.connect(
            lambda: self.on_filter_class(self.class_filter.currentData())
        )
        self.choose_button = QPushButton(self.tr("Choose the selected regimen"))
        self.choose_button.clicked.connect(self.on_choose_clicked)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Filter by class:")))
        layout.addWidget(self.class_filter)
        layout.addStretch(1)
        layout.addWidget(self.choose_button)
        self.add_full(row)
        hint = QLabel(
            self.tr(
                "Select one regimen for its reasons and evidence, or up to three "
                "(Ctrl+click, or Shift with the arrow keys) to compare them."
            )
        )
        hint.setWordWrap(True)
        self.add_full(hint)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)  # names wrap, never cut
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(380)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.add_full(self.table, stretch=1)

    # ------------------------------------------------------------------ slots
    def on_filter_class(self, component_class: str | None) -> None:
        self.proxy.set_class(component_class)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def on_select(self, regimen_ids: list[str]) -> None:
        """Select these regimens in the table (tests and keyboard users)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole) in regimen_ids:
                selection.select(
                    self.proxy.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def on_choose(self, regimen_id: str) -> list[str]:
        """Set the draft decision's regimen (a draft is started when there is none)."""
        index, problems = ensure_draft(self.document)
        if not problems and index is not None:
            problems = self.document.propose(f"decisions.{index}.regimen_id", regimen_id)
        self.choose_error.setText("\n".join(problems))
        return problems

    def on_choose_clicked(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            self.choose_error.setText(self.tr("Select exactly one regimen to choose it."))
            return
        self.on_choose(ids[0])

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.choose_button.setEnabled(not read_only)

    # ------------------------------------------------------------------ results
    def chosen_id(self) -> str | None:
        """The regimen of the record in force (the draft, else the latest final record)."""
        record = lifecycle.current(self.document.case.decisions)
        return record.regimen_id if record else None

    def show_results(self, evaluation: Evaluation) -> None:
        selected = self.selected_ids()
        self.rows = list(evaluation.regimens)
        chosen = self.chosen_id()
        self.model.set_rows(self.rows, chosen)
        names = {row.regimen.id: row.regimen.name.render(self.lang) for row in self.rows}
        self.chosen_label.setText(
            self.tr("Chosen for the decision: {0}").format(names.get(chosen, chosen))
            if chosen
            else self.tr("No regimen chosen yet for the decision.")
        )
        self.on_select(selected)
        self._show_selected()
        self._show_checklist(evaluation.data_checklist)

    def _show_checklist(self, items: tuple[MissingInput, ...]) -> None:
        """Missing inputs once per patient; the rule IDs that need each input are shown with
        the checks of every regimen."""
        title = self.tr("Data checklist: inputs not recorded or too old")
        if not items:
            self.checklist.setText(
                f"<b>{title}</b>: " + self.tr("every input the safety checks read is recorded.")
            )
            return
        lines = [term(f"checklist.{item.input}", self.lang) for item in items]
        self.checklist.setText(f"<b>{title}</b>{bullets_html(lines)}")

    def _show_selected(self, *_: Any) -> None:
        ids = self.selected_ids()[:MAX_COMPARED]
        rows = [row for row in self.rows if row.regimen.id in ids]
        if not rows:
            self.detail.setText(
                self.tr(
                    "Select a regimen to see why it got its verdict and the evidence behind it."
                )
            )
            return
        # One under the other: side by side, the rule IDs and sources no longer fit the column.
        self.detail.setText("<hr>".join(self._detail_html(row) for row in rows))

    def _detail_html(self, row: RegimenVerdict) -> str:
        verdict = verdict_label(row.verdict, row.checks_not_done).render(self.lang)
        checks_title = self.tr("Checks (rule, outcome, reason, source)")
        evidence_title = self.tr("Evidence")
        parts = [
            f"<b style='font-size:large'>{row.regimen.name.render(self.lang)}</b><br>",
            badge_html(verdict, row.verdict),
            f"<br><i>{', '.join(component_class_names(row, self.lang))}</i>",
        ]
        if row.dose_note is not None:
            parts.append(f"<p>{_escape(row.dose_note.render(self.lang))}</p>")
        parts += [
            f"<p><b>{checks_title}</b>{checks_html(row.checks, self.lang)}</p>",
            f"<p><b>{evidence_title}</b>",
        ]
        parts += [self._evidence_html(item) for item in row.regimen.evidence]
        return "".join(parts) + "</p>"

    def _evidence_html(self, item: Evidence) -> str:
        facts = [self.tr("ref {0}").format(item.ref), item.design_name(self.lang)]
        if item.size:
            facts.append(self.tr("n = {0}").format(item.size))
        if item.trial:
            facts.append(item.trial)
        # The finding states its figures in the reader's language; the raw `figures` list is
        # the catalogue's provenance check against the review and is not repeated here.
        finding = item.finding.render(self.lang)
        heading_text = " \u00b7 ".join(fact for fact in facts if fact)
        return f"<div style='margin:4px 0 4px 8px'>\u2022 <b>{heading_text}</b><br>{finding}</div>"
