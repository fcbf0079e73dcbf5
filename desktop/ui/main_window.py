"""The main window: case list, agenda and follow-up as tabs; each open case a workspace tab.

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
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from desktop.ui import workers
from desktop.ui.case_list import CaseListView
from desktop.ui.dialogs import (
    AboutDialog,
    ShortcutsDialog,
    WhoIsWorkingDialog,
    disclaimer,
)
from desktop.ui.export import ReportExports
from desktop.ui.main_actions import CaseActions
from desktop.ui.main_menu import MainMenus
from desktop.ui.settings import Settings, department, set_department, set_stale_days, stale_days

if TYPE_CHECKING:  # imported when first used, to keep start-up short
    from desktop.ui.agenda import AgendaView
    from desktop.ui.follow_up import FollowUpView
    from desktop.ui.presentation import PresentationWindow

WINDOW_KEY = "main"
FIXED_TABS = 3
AGENDA_TAB = 1
FOLLOW_UP_TAB = 2


def workspace_class() -> type | None:
    """desktop.ui.workspace.CaseWorkspace, or None when it cannot be imported."""
    try:
        from desktop.ui.workspace import CaseWorkspace
    except ImportError:
        return None
    return CaseWorkspace


class MainWindow(MainMenus, CaseActions, ReportExports, QMainWindow):
    """The app's one window; every dependency comes in through the constructor.

    Its menus are built in desktop.ui.main_menu, its case actions (new, duplicate, demo,
    import, export) are in desktop.ui.main_actions and its report exports in desktop.ui.export.
    """

    def __init__(
        self,
        store: Any,
        settings: Settings,
        open_store: Callable[[], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.settings, self._open_store = store, settings, open_store
        self.undo_group = QUndoGroup(self)
        self._tasks: list[workers.Task] = []
        self.startup_backup: workers.Task | None = None  # set by desktop.ui.app after showing
        self._presentation: PresentationWindow | None = None
        self.cases = CaseListView(store, settings.filters("cases"), self)
        self._agenda: AgendaView | None = None
        self._follow_up: FollowUpView | None = None
        self._follow_up_loaded = False
        self._build()
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
        self._menus()
        self._status_bar()

    def _status_bar(self) -> None:
        self.user_label = QLabel(self)
        self.db_label = QLabel(self)
        warning = QLabel(disclaimer(), self)
        warning.setStyleSheet("color: #8a4b00; font-weight: 600;")
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(warning)
        self._update_status()

    def _connect(self) -> None:
        self.cases.openRequested.connect(self.open_case)
        self.cases.newRequested.connect(self.on_new_case)
        self.cases.importRequested.connect(self.on_import)
        self.cases.exportRequested.connect(lambda ids: self.on_export(ids))
        self.cases.duplicateRequested.connect(self.on_duplicate)
        self.cases.filtersChanged.connect(lambda f: self.settings.set_filters("cases", f))
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.tabs.tabCloseRequested.connect(self.on_close_tab)

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

    @property
    def agenda(self) -> AgendaView:
        """The agenda view, built (and its module imported) the first time it is needed."""
        if self._agenda is None:
            from desktop.ui.agenda import AgendaView

            view = AgendaView(self.store, self.settings, self)
            view.openRequested.connect(self.open_case)
            view.presentRequested.connect(lambda day: self.on_present(day))
            view.packRequested.connect(lambda day: self.on_export_pack(day))
            self._agenda = view
            self._install_tab(AGENDA_TAB, view, self.tr("Meeting agenda"))
        return self._agenda

    @property
    def follow_up(self) -> FollowUpView:
        """The follow-up view, built (and its module imported) the first time it is needed."""
        if self._follow_up is None:
            from desktop.ui.follow_up import FollowUpView

            view = FollowUpView(self.store, self.settings, self._open_store, self)
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
        placeholder.deleteLater()

    # workspaces

    def workspaces(self) -> list[QWidget]:
        return [self.tabs.widget(i) for i in range(FIXED_TABS, self.tabs.count())]

    def open_case(self, case_id: str) -> QWidget | None:
        for index in range(FIXED_TABS, self.tabs.count()):
            if getattr(self.tabs.widget(index), "case_id", None) == case_id:
                self.tabs.setCurrentIndex(index)
                return self.tabs.widget(index)
        cls = workspace_class()
        if cls is None:
            QMessageBox.critical(
                self,
                self.tr("Cannot open the case"),
                self.tr("The case workspace is not available in this build."),
            )
            return None
        workspace = cls(self.store, case_id, self.settings, self)
        workspace.case_id = case_id
        workspace.caseChanged.connect(self.on_case_changed)
        stack = getattr(workspace, "undo_stack", None)
        if stack is not None:
            self.undo_group.addStack(stack)
        name = self.store.get_case(case_id).case.patient.name
        index = self.tabs.addTab(workspace, name)
        self.tabs.setCurrentIndex(index)
        return workspace

    def on_case_changed(self, case_id: str) -> None:
        self.cases.refresh()

    def on_tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        stack = getattr(widget, "undo_stack", None)
        self.undo_group.setActiveStack(stack)
        if index == FOLLOW_UP_TAB and not self._follow_up_loaded:
            self._follow_up_loaded = True
            self.follow_up.refresh()
        if index == AGENDA_TAB:
            if self.agenda._loaded:
                self.agenda.model.reload()
            self.agenda.ensure_loaded()

    def on_close_tab(self, index: int) -> None:
        if index < FIXED_TABS:
            return
        widget = self.tabs.widget(index)
        flush = getattr(widget, "flush", None)
        if callable(flush) and flush() is False:
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
        stack = getattr(widget, "undo_stack", None)
        if stack is not None:
            self.undo_group.removeStack(stack)
        self.tabs.removeTab(index)
        widget.close()
        widget.deleteLater()
        self.cases.refresh()

    def on_close_current(self) -> None:
        self.on_close_tab(self.tabs.currentIndex())

    # meeting

    def on_present(self, meeting: str | None = None) -> PresentationWindow:
        from desktop.ui.presentation import PresentationWindow

        self.agenda.ensure_loaded()
        day = dt.date.fromisoformat(meeting) if meeting else self.agenda.meeting()
        ids = [item.case_id for item in self.store.agenda.items(day.isoformat())]
        self._presentation = PresentationWindow(self.store, ids, self.settings, day)
        self._presentation.closed.connect(self.agenda.model.reload)
        self._presentation.showFullScreen()
        return self._presentation

    # settings and help

    def on_who_is_working(self) -> None:
        current = self.settings.user() or ("", "")
        dialog = WhoIsWorkingDialog(*current, parent=self)
        if dialog.exec():
            name, role = dialog.values()
            self.settings.set_user(name, role)
            from desktop.logic.store import User

            self.store.user = User(name, role)
            self._update_status()

    def on_department(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Department"),
            self.tr("Department name (printed on documents):"),
            text=department(self.store),
        )
        if ok:
            set_department(self.store, name)
            self._update_title()

    def on_stale_days(self) -> None:
        days, ok = QInputDialog.getInt(
            self,
            self.tr("Stale data"),
            self.tr(
                "Mark labs or imaging as stale when older than this many days (local policy, "
                "for the whole department: kept in the database):"
            ),
            stale_days(self.store),
            0,
            365,
        )
        if ok:
            self.on_stale_days_chosen(days)

    def on_stale_days_chosen(self, days: int) -> None:
        set_stale_days(self.store, days)
        if self._agenda is not None:
            self._agenda.on_stale_days_changed(days)
        for workspace in self.workspaces():
            refresh = getattr(workspace, "on_case_edited", None)
            if callable(refresh):
                refresh()

    def on_language(self, lang: str) -> None:
        self.settings.set_language(lang)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language applies the next time the planner starts."),
        )

    def on_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def on_about(self) -> None:
        from desktop.logic.model import default_rules

        AboutDialog(default_rules().version, self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 -- Qt override
        for workspace in self.workspaces():
            flush = getattr(workspace, "flush", None)
            if callable(flush):
                flush()
        for task in list(self._tasks):
            task.control.cancel()
        self.settings.save_window(WINDOW_KEY, self)
        self.settings.set_filters("cases", self.cases.filters())
        self.settings.sync()
        super().closeEvent(event)
