"""The main window: case list, agenda and follow-up as tabs; each open case a workspace tab.

The window owns its parts as objects, each given what it uses in its constructor: the case
actions (desktop.ui.main_actions), the report exports (desktop.ui.export), the Settings and
Help actions (desktop.ui.preferences), the menus (desktop.ui.main_menu), the running tasks
(desktop.ui.workers.TaskRunner) and the rules file in force (desktop.ui.rules).

Menus hold every action with its shortcut (listed in Help); Edit's undo and redo follow the
workspace in front (QUndoGroup) and are the only holders of Ctrl+Z / Ctrl+Shift+Z. Import and
export (case files, PDF summary, archive bundle, meeting pack) run off the GUI thread with
progress and cancel. Layout and the list's filters are remembered.

Start-up is kept short: only the case list's first page is loaded before the window shows; the
agenda loads when first shown, the follow-up view and the case workspace, PDF and clinical
modules are imported when first needed.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from desktop.logic.store import Store, StoreError
from desktop.ui import workers
from desktop.ui.case_list import CaseListView
from desktop.ui.dialogs import disclaimer
from desktop.ui.export import ReportExports
from desktop.ui.main_actions import CaseActions
from desktop.ui.main_menu import MainMenus, WindowCommands
from desktop.ui.palette import colour_style
from desktop.ui.preferences import Preferences
from desktop.ui.recent import RecentCasesMenu
from desktop.ui.rules import DepartmentRules, warning_style
from desktop.ui.settings import Settings, department

if TYPE_CHECKING:  # imported when first used, to keep start-up short
    from desktop.ui.agenda import AgendaView
    from desktop.ui.follow_up import FollowUpView
    from desktop.ui.presentation import PresentationWindow
    from desktop.ui.workspace import CaseWorkspace

WINDOW_KEY = "main"
FIXED_TABS = 3
AGENDA_TAB = 1
FOLLOW_UP_TAB = 2
STATUS_SECONDS = 8


def workspace_class() -> type[CaseWorkspace] | None:
    """desktop.ui.workspace.CaseWorkspace, or None when it cannot be imported."""
    try:
        from desktop.ui.workspace import CaseWorkspace
    except ImportError:
        return None
    return CaseWorkspace


class MainWindow(QMainWindow):
    """The app's one window; every dependency comes in through the constructor.

    `open_store` opens another connection for work off the GUI thread (the follow-up scan runs
    on the GUI thread without it); exports and imports reopen `store` when it is None.
    """

    def __init__(
        self,
        store: Store,
        settings: Settings,
        open_store: workers.StoreOpener | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.settings, self._open_store = store, settings, open_store
        opener = open_store or partial(workers.reopen, store)
        self.undo_group = QUndoGroup(self)
        self.tasks = workers.TaskRunner(self, settings)
        self.startup_backup: workers.Task | None = None  # set by desktop.ui.app after showing
        self.rules = DepartmentRules(store, self)
        self._presentation: PresentationWindow | None = None
        self.cases = CaseListView(store, settings.filters("cases"), self)
        self._agenda: AgendaView | None = None
        self._follow_up: FollowUpView | None = None
        self._follow_up_loaded = False
        self.case_actions = CaseActions(self, store, settings, self.cases, self.tasks, opener)
        self.exports = ReportExports(
            self, store, settings, self.rules, self.tasks, opener,
            self.current_case_id, self._meeting_in_view,
        )  # fmt: skip
        self.preferences = Preferences(self, store, settings, self.rules)
        self._build()
        self.recent = RecentCasesMenu(settings, self._case_label, self.open_case, self)
        commands = WindowCommands(
            self.tabs.setCurrentIndex, self.on_show_step, self.on_present, self.on_close_current,
            self.close, self.recent,
        )  # fmt: skip
        self.menus = MainMenus(
            self, store.read_only, self.undo_group, self.case_actions, self.exports,
            self.preferences, commands,
        )  # fmt: skip
        from desktop.ui.team import Team

        self.team = Team(self)  # Team menu and idle lock (desktop.ui.team)
        self._connect()
        self._update_title()
        if not settings.restore_window(WINDOW_KEY, self):
            self.resize(1280, 800)

    # building

    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(self.cases, self.tr("Cases"))
        # The agenda and follow-up views are built when first needed (start-up stays fast).
        self.tabs.addTab(QWidget(self), self.tr("Meeting agenda"))
        self.tabs.addTab(QWidget(self), self.tr("Follow-up"))
        for fixed in range(FIXED_TABS):
            self.tabs.tabBar().setTabButton(
                fixed, self.tabs.tabBar().ButtonPosition.RightSide, None
            )
        self.setCentralWidget(self.tabs)
        self._status_bar()

    def _status_bar(self) -> None:
        self.user_label = QLabel(self)
        self.db_label = QLabel(self)
        self.db_label.setMinimumWidth(1)  # a long path gives way: the disclaimer stays whole
        self.rules_label = QLabel(self)
        warning = QLabel(disclaimer(), self)
        warning.setStyleSheet(colour_style("warning", bold=True))
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.exports.written_bar)
        status.addPermanentWidget(self.rules_label)
        status.addPermanentWidget(warning)
        self._update_status()
        # Reading the rules file loads the rules model (pydantic): just after the window shows.
        QTimer.singleShot(0, self, self._show_rules_status)

    def _connect(self) -> None:
        self.cases.openRequested.connect(self.open_case)
        self.cases.newRequested.connect(self.case_actions.on_new_case)
        self.cases.importRequested.connect(lambda: self.case_actions.on_import())
        self.cases.filesDropped.connect(lambda paths: self.case_actions.on_import(paths))
        self.cases.exportRequested.connect(lambda ids: self.case_actions.on_export(ids))
        self.cases.duplicateRequested.connect(self.case_actions.on_duplicate)
        self.cases.filtersChanged.connect(lambda f: self.settings.set_filters("cases", f))
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.tabs.tabCloseRequested.connect(self.on_close_tab)
        self.case_actions.casesChanged.connect(self.cases.refresh)
        self.case_actions.openRequested.connect(self.open_case)
        self.case_actions.demoLoaded.connect(
            lambda _ids: self.agenda.on_meeting_chosen(self.agenda.default_meeting())
        )
        for source in (self.case_actions, self.exports):
            source.statusMessage.connect(self.show_status)
        self.preferences.userChanged.connect(self._update_status)
        self.team.personChanged.connect(self._update_status)
        self.preferences.departmentChanged.connect(self._update_title)
        self.preferences.staleDaysChanged.connect(self.on_stale_days_changed)
        self.rules.changed.connect(self.on_rules_changed)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_SECONDS * 1000)

    def _update_title(self) -> None:
        name = department(self.store)
        parts = [self.tr("MDT Planner"), name, str(self.store.path.name)]
        if self.store.read_only:
            parts.append(self.tr("read-only"))
        self.setWindowTitle(" — ".join(p for p in parts if p))

    def _update_status(self) -> None:
        user = self.store.user
        self.user_label.setText(
            self.tr("Working: %1 (%2)").replace("%1", user.name).replace("%2", user.role)
            if user
            else self.tr("Working: —")
        )
        where = str(self.store.path)
        self.db_label.setText(
            where + (" " + self.tr("(read-only)") if self.store.read_only else "")
        )
        self.db_label.setToolTip(where)

    def _show_rules_status(self) -> None:
        try:
            self._update_rules_status()
        except StoreError:  # the store was closed before the window showed (closing at once)
            return

    def _update_rules_status(self) -> None:
        version = self.rules.rules.version
        if self.rules.problem:
            text = self.tr("Rules %1 (shipped): the department's file is unusable")
            self.rules_label.setStyleSheet(warning_style())
            self.rules_label.setToolTip(self.rules.problem)
        else:
            text = (
                self.tr("Rules %1 (department's)")
                if self.rules.chosen_by_department
                else self.tr("Rules %1 (shipped)")
            )
            self.rules_label.setStyleSheet("")
            self.rules_label.setToolTip(self.tr("Settings → Rules file…"))
        self.rules_label.setText(text.replace("%1", version))

    @property
    def agenda(self) -> AgendaView:
        """The agenda view, built (and its module imported) the first time it is needed."""
        if self._agenda is None:
            from desktop.ui.agenda import AgendaView

            view = AgendaView(self.store, self.settings, self)
            view.openRequested.connect(self.open_case)
            view.presentRequested.connect(lambda day: self.on_present(day))
            view.packRequested.connect(lambda day: self.exports.on_export_pack(day))
            self._agenda = view
            self._install_tab(AGENDA_TAB, view, self.tr("Meeting agenda"))
        return self._agenda

    @property
    def follow_up(self) -> FollowUpView:
        """The follow-up view, built (and its module imported) the first time it is needed."""
        if self._follow_up is None:
            from desktop.ui.follow_up import FollowUpView

            view = FollowUpView(self.store, self.settings, self._open_store, self, self.rules.rules)
            view.openRequested.connect(self.open_case)
            self._follow_up = view
            self._install_tab(FOLLOW_UP_TAB, view, self.tr("Follow-up"))
        return self._follow_up

    def _install_tab(self, index: int, view: QWidget, title: str) -> None:
        """Put a lazily built view in place of its placeholder tab, keeping the current tab."""
        current = self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, view, title)
        self.tabs.tabBar().setTabButton(index, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()

    # workspaces

    def workspaces(self) -> list[CaseWorkspace]:
        """The open case workspaces (every tab after the fixed ones)."""
        tabs = range(FIXED_TABS, self.tabs.count())
        return [cast("CaseWorkspace", self.tabs.widget(i)) for i in tabs]

    def current_case_id(self) -> str | None:
        """The case in front: the open workspace's case, else the case list's current row."""
        index = self.tabs.currentIndex()
        if index >= FIXED_TABS:
            return self.workspaces()[index - FIXED_TABS].case_id
        return self.cases.current_case_id()

    def open_case(self, case_id: str) -> CaseWorkspace | None:
        for workspace in self.workspaces():
            if workspace.case_id == case_id:
                self.tabs.setCurrentWidget(workspace)
                return workspace
        cls = workspace_class()
        if cls is None:
            QMessageBox.critical(
                self,
                self.tr("Cannot open the case"),
                self.tr("The case workspace is not available in this build."),
            )
            return None
        try:
            workspace = cls(self.store, case_id, self.settings, self.rules.rules, self)
        except StoreError as exc:  # gone since it was listed (another workstation, a restore)
            self.settings.forget_recent_case(case_id)
            QMessageBox.warning(
                self, self.tr("Cannot open the case"), exc.render(self.settings.language)
            )
            return None
        self.settings.add_recent_case(case_id)
        workspace.caseChanged.connect(self.on_case_changed)
        self.undo_group.addStack(workspace.undo_stack)
        name = workspace.document.case.patient.name
        index = self.tabs.addTab(workspace, name)
        self.tabs.setCurrentIndex(index)
        workspace.sidebar.setFocus()  # the keyboard goes on in the case: arrows or Ctrl+1..6
        return workspace

    def _case_label(self, case_id: str) -> str | None:
        """ "王伟 · H-000123" for the recent-cases menu; None when the case is gone."""
        try:
            patient = self.store.get_case(case_id).case.patient
        except StoreError:
            return None
        return f"{patient.name} · {patient.mrn}"

    def on_show_step(self, step: int) -> None:
        """Ctrl+1..6: that step of the case in front (nothing when a list is in front)."""
        index = self.tabs.currentIndex()
        if index < FIXED_TABS:
            return
        workspace = self.workspaces()[index - FIXED_TABS]
        workspace.sidebar.setCurrentRow(step)
        workspace.current_step().focus_first_field()

    def on_case_changed(self, case_id: str) -> None:
        self.cases.refresh()

    def on_tab_changed(self, index: int) -> None:
        front = self.workspaces()[index - FIXED_TABS] if index >= FIXED_TABS else None
        # No stack is active on the list tabs (Qt takes None; its stubs do not say so).
        self.undo_group.setActiveStack(front.undo_stack if front else None)  # type: ignore[arg-type]
        if index == FOLLOW_UP_TAB and not self._follow_up_loaded:
            self._follow_up_loaded = True
            self.follow_up.refresh()
        if index == AGENDA_TAB:
            if self.agenda.loaded:
                self.agenda.model.reload()
            self.agenda.ensure_loaded()

    def on_close_tab(self, index: int) -> None:
        if index < FIXED_TABS:
            return
        workspace = self.workspaces()[index - FIXED_TABS]
        if workspace.flush() is False:
            answer = QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr(
                    "The last edit of this case could not be saved. Close it anyway and "
                    "lose that edit?"
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.undo_group.removeStack(workspace.undo_stack)
        self.tabs.removeTab(index)
        workspace.close()
        workspace.deleteLater()
        self.cases.refresh()

    def on_close_current(self) -> None:
        self.on_close_tab(self.tabs.currentIndex())

    # meeting

    def _meeting_in_view(self) -> str:
        """The meeting the agenda shows (its next one when not shown yet), as an ISO date."""
        self.agenda.ensure_loaded()
        return self.agenda.meeting().isoformat()

    def on_present(self, meeting: str | None = None) -> PresentationWindow:
        from desktop.ui.presentation import PresentationWindow

        self.agenda.ensure_loaded()
        day = dt.date.fromisoformat(meeting) if meeting else self.agenda.meeting()
        ids = [item.case_id for item in self.store.agenda.items(day.isoformat())]
        self._presentation = PresentationWindow(
            self.store, ids, self.settings, self.rules.rules, day
        )
        self._presentation.closed.connect(self.agenda.model.reload)
        self._presentation.showFullScreen()
        return self._presentation

    # department-wide settings changed

    def on_stale_days_changed(self, days: int) -> None:
        if self._agenda is not None:
            self._agenda.on_stale_days_changed(days)
        for workspace in self.workspaces():
            workspace.on_case_edited()

    def on_rules_changed(self) -> None:
        self._update_rules_status()
        for workspace in self.workspaces():
            workspace.set_rules(self.rules.rules)
        if self._follow_up is not None:  # due dates follow the department's interval
            self._follow_up.rules = self.rules.rules
            self._follow_up.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 -- Qt override
        for workspace in self.workspaces():
            workspace.flush()
        self.tasks.cancel_all()
        self.settings.save_window(WINDOW_KEY, self)
        self.settings.set_filters("cases", self.cases.filters())
        self.settings.sync()
        super().closeEvent(event)
