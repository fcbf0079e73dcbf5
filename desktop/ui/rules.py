"""The rules file the app applies: the department's one, kept in the database and chosen in
Settings → Rules file…; the shipped one until a department chooses its own.

`DepartmentRules` reads it once and says when it changes; the window hands it to every screen,
presentation and export. A kept copy this version of the planner cannot use (it lacks newer
rules) is reported, and the shipped rules are applied meanwhile, saying so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.logic.store import Store, StoreError, error_text
from desktop.ui.palette import colour_style
from desktop.ui.settings import file_dialog_options

if TYPE_CHECKING:  # the rules file (pydantic) loads with the first screen that needs it
    from desktop.logic.model import Rules

PROBLEM_HEIGHT = 140  # a refusal may list many missing rules: it scrolls


class DepartmentRules(QObject):
    """The rules in force for `store`, read when first needed.

    Signals:
        changed(): another rules file is in force (chosen, or back to the shipped one).
    """

    changed = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rules: Rules | None = None
        self._problem: str | None = None

    @property
    def rules(self) -> Rules:
        if self._rules is None:
            self._rules, self._problem = self._read()
        return self._rules

    @property
    def problem(self) -> str | None:
        """Why the department's kept rules file cannot be used (None when it can, or none)."""
        if self._rules is None:
            self._rules, self._problem = self._read()
        return self._problem

    @property
    def chosen_by_department(self) -> bool:
        """Whether the department's own rules file is the one in force."""
        from desktop.logic.store import has_department_rules

        return self.problem is None and has_department_rules(self._store)

    def choose(self, path: Path) -> Rules:
        """Check the file at `path` and keep it as the department's (RulesError, StoreError)."""
        from desktop.logic.store import set_department_rules

        set_department_rules(self._store, path)
        return self._reload()

    def use_shipped(self) -> Rules:
        from desktop.logic.store import use_shipped_rules

        use_shipped_rules(self._store)
        return self._reload()

    def _reload(self) -> Rules:
        self._rules = None
        rules = self.rules
        self.changed.emit()
        return rules

    def _read(self) -> tuple[Rules, str | None]:
        from desktop.logic.model import RulesError, default_rules
        from desktop.logic.store import department_rules

        try:
            return department_rules(self._store), None
        except RulesError as exc:
            return default_rules(), str(exc)


class RulesDialog(QDialog):
    """Which rules file is in force, with its version; choose a department's file, or go back
    to the shipped one (not on a read-only database)."""

    def __init__(
        self, rules: DepartmentRules, read_only: bool, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._rules, self._lang = rules, lang
        self.setWindowTitle(self.tr("Rules file"))
        self.current = QLabel(self)
        self.current.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(warning_style())
        self.problem_area = QScrollArea(self)
        self.problem_area.setWidget(self.problem)
        self.problem_area.setWidgetResizable(True)
        self.problem_area.setFrameShape(QFrame.Shape.NoFrame)
        self.problem_area.setFixedHeight(PROBLEM_HEIGHT)
        self.problem_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        explanation = QLabel(
            self.tr(
                "The department's rules file holds its local-policy thresholds and verdicts. It "
                "is kept in the database: every computer and command using this database applies "
                "it, and every evaluation and PDF names its version."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose a rules file…"), self)
        self.choose_button.clicked.connect(self.on_choose_clicked)
        self.shipped_button = QPushButton(self.tr("Use the &shipped rules"), self)
        self.shipped_button.clicked.connect(self.on_use_shipped)
        for button in (self.choose_button, self.shipped_button):
            button.setEnabled(not read_only)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.current, explanation, self.choose_button, self.shipped_button):
            layout.addWidget(widget)
        layout.addWidget(self.problem_area)
        layout.addWidget(close)
        self.resize(520, max(self.heightForWidth(520), self.minimumSizeHint().height()))
        self._show()

    def _show(self, refusal: str | None = None) -> None:
        rules = self._rules.rules
        origin = (
            self.tr("the department's, kept in the database")
            if self._rules.chosen_by_department
            else self.tr("the shipped rules file")
        )
        # A department's file is named by its own title; the shipped one by its origin alone
        # (its title is the file's English text, not the reader's language).
        title = f" — {rules.title}" if rules.title and self._rules.chosen_by_department else ""
        self.current.setText(
            self.tr("In force: version %1%2 (%3).")
            .replace("%1", rules.version)
            .replace("%2", title)
            .replace("%3", origin)
        )
        problem = refusal or self._rules.problem
        self.problem.setText(problem or "")
        self.problem_area.setVisible(bool(problem))

    def on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the department's rules file"),
            "",
            self.tr("Rules files (*.json)"),
            options=file_dialog_options(self._lang),
        )
        if path:
            self.on_choose(Path(path))

    def on_choose(self, path: Path) -> bool:
        """Keep the file at `path` as the department's; False (and the reason shown) if refused."""
        from desktop.logic.model import RulesError

        try:
            self._rules.choose(path)
        except RulesError as exc:
            self._show(self.tr("Not used: %1").replace("%1", str(exc)))
            return False
        except StoreError as exc:
            self._show(self.tr("Not kept: %1").replace("%1", error_text(exc, self._lang)))
            return False
        self._show()
        return True

    def on_use_shipped(self) -> None:
        try:
            self._rules.use_shipped()
        except StoreError as exc:
            self._show(self.tr("Not kept: %1").replace("%1", error_text(exc, self._lang)))
            return
        self._show()


def warning_style() -> str:
    """The style of a refusal said in the status bar or a dialog."""
    return colour_style("problem", bold=True)
