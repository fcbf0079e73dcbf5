"""What every workspace step shares: a form on the left, computed results beside it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.model import Message, render_all
from desktop.ui.forms import BoundField
from desktop.ui.palette import card_style, colour_style, panel_style, scale_font
from desktop.ui.undo import CaseDocument

if TYPE_CHECKING:
    from desktop.logic.clinical import Evaluation
    from desktop.ui.settings import Settings

BADGE_COLOURS = {
    "suitable": "#1e7d3a",
    "caution": "#b26a00",
    "contraindicated": "#b3261e",
    # a check not done has its own colour, never the green of `suitable` (safety, 2nd edition)
    "unchecked": "#5b3f9e",
    "ok": "#1e7d3a",
    "complete": "#1e7d3a",
    "incomplete": "#6b7280",
    "stale": "#b26a00",
}


def badge_html(word: str, key: str) -> str:
    """A coloured badge that also carries the word, so colour is never the only signal."""
    colour = BADGE_COLOURS.get(key, "#374151")
    return (
        f'<span style="background:{colour}; color:white; padding:1px 6px; '
        f'border-radius:3px; font-weight:600;">&nbsp;{word}&nbsp;</span>'
    )


def bullets_html(lines: list[str]) -> str:
    return "".join(f"<div style='margin-left:8px'>\u2022 {_escape(line)}</div>" for line in lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rich_label(html: str = "") -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ResultCard(QFrame):
    """A computed result: headline value, its reasons, and the source it follows."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(card_style())
        self.title = QLabel(title)
        scale_font(self.title, bold=True)
        self.value = QLabel()
        scale_font(self.value, 1.5, bold=True)
        self.value.setWordWrap(True)
        self.why = rich_label()
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet(colour_style("muted"))
        scale_font(self.source, 0.9)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        for widget in (self.title, self.value, self.why, self.source):
            layout.addWidget(widget)
        # Never squeezed below its text: the results column scrolls instead of clipping.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def set_result(self, value: str, why: list[str], source: str = "") -> None:
        self.value.setText(value)
        self.why.setText(bullets_html(why))
        self.source.setText(source)
        self.source.setVisible(bool(source))
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        # Nested box layouts do not always honour a wrapped label's height-for-width:
        # pin the card's minimum height to what its text needs at the current width.
        needed = self.heightForWidth(self.width()) if self.width() > 0 else -1
        if needed > 0:
            self.setMinimumHeight(needed)


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class StepPage(QWidget):
    """A step of the workspace: form fields bound to the document, results panel beside them.

    Subclasses fill `self.form` (a grid) and `self.results` (a column) and implement
    `show_results(evaluation)`, the case's `Evaluation` (desktop.logic.clinical).
    """

    def __init__(
        self, document: CaseDocument, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.lang = settings.language
        form_host = QWidget()
        self.form = QGridLayout(form_host)
        self.form.setColumnStretch(0, 1)
        self.form.setColumnStretch(1, 1)
        self.form.setHorizontalSpacing(16)
        results_host = QWidget()
        self.results = QVBoxLayout(results_host)
        self.results.setContentsMargins(4, 4, 4, 4)
        # What this step still lacks (clinical.completeness), above the form.
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setObjectName("missing")
        self.missing.setStyleSheet(
            panel_style("QLabel#missing", "warning") + " QLabel#missing { padding: 4px 8px; }"
        )
        self.missing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.missing.hide()
        columns = QHBoxLayout()
        columns.setContentsMargins(0, 0, 0, 0)
        self.form_area = scrolled(form_host)
        # The fields take the focus (and scroll into view), never the area holding them.
        self.form_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        columns.addWidget(self.form_area, 3)
        columns.addWidget(scrolled(results_host), 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.missing)
        layout.addLayout(columns, 1)
        self._next_row = 0
        self._stretched = False

    def add_full(self, widget: QWidget, stretch: int = 0) -> None:
        self.form.addWidget(widget, self._next_row, 0, 1, 2)
        self.form.setRowStretch(self._next_row, stretch)
        self._stretched = self._stretched or stretch > 0
        self._next_row += 1

    def add_pair(self, left: QWidget, right: QWidget | None = None) -> None:
        self.form.addWidget(left, self._next_row, 0)
        if right is not None:
            self.form.addWidget(right, self._next_row, 1)
        self._next_row += 1

    def finish_form(self) -> None:
        if not self._stretched:
            self.form.setRowStretch(self._next_row, 1)
        self.results.addStretch(1)

    def show_gaps(self, lines: list[str]) -> None:
        """List what this step still lacks for the meeting (empty: the step is complete)."""
        title = self.tr("Still missing for the meeting:")
        if len(lines) <= 3:
            self.missing.setText(title + "\n" + "\n".join(f"\u2022 {line}" for line in lines))
        else:  # one wrapped paragraph: a long list must not push the form off the screen
            self.missing.setText(title + " " + " \u00b7 ".join(lines))
        self.missing.setToolTip("\n".join(f"\u2022 {line}" for line in lines))
        self.missing.setVisible(bool(lines))

    def focus_first_field(self) -> QWidget | None:
        """Put the keyboard focus on the step's first field that takes it (Ctrl+1..6)."""
        host, widget = self.form_area.widget(), self.nextInFocusChain()
        while widget is not None and widget is not self:
            takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled()
            inside = host is not None and host.isAncestorOf(widget)
            if takes_tab and inside and widget.isVisibleTo(self):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return widget
            widget = widget.nextInFocusChain()
        return None

    def fields(self) -> list[BoundField]:
        return self.findChildren(BoundField)

    def refresh(self) -> None:
        """Show the document's current values (after an undo, a reload, another step)."""
        for field in self.fields():
            field.refresh()

    def set_read_only(self, read_only: bool) -> None:
        for field in self.fields():
            field.set_read_only(read_only)

    def sentences(self, messages: Iterable[Message | None]) -> list[str]:
        """The evaluation's sentences in the page's language (absent ones left out)."""
        return render_all([m for m in messages if m is not None], self.lang)

    def show_results(self, evaluation: Evaluation) -> None:
        raise NotImplementedError
