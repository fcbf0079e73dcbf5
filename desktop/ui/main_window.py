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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from desktop.logic.paths import resource
from desktop.logic.store_errors import error_text
from desktop.ui import workers
from desktop.ui.case_list import CaseListView
from desktop.ui.dialogs import (
    AboutDialog,
    ShortcutsDialog,
    WhoIsWorkingDialog,
    disclaimer,
)
from desktop.ui.export import ReportExports
from desktop.ui.settings import Settings, department, set_department, set_stale_days, stale_days

if TYPE_CHECKING:  # imported when first used, to keep start-up short
    from desktop.logic.case import Case
    from desktop.ui.agenda import AgendaView
    from desktop.ui.follow_up import FollowUpView
    from desktop.ui.presentation import PresentationWindow

WINDOW_KEY = "main"
FIXED_TABS = 3
AGENDA_TAB = 1
FOLLOW_UP_TAB = 2


def demo_files() -> list[Path]:
    return sorted(resource("demo").glob("*.json"))


def load_demo_cases(store: Any) -> list[str]:
    """Import the demonstration cases shipped in resources/demo; returns their case ids."""
    from desktop.logic.case_io import read_case

    return [store.import_case(read_case(path))[0].case_id for path in demo_files()]


def duplicate_of(case: Case) -> Case:
    """A copy to start a similar case from: new MRN suffix, no case_id, no decision records
    (a sealed record belongs to its patient)."""
    from desktop.logic.case import Case

    data = case.to_json_dict()
    data.pop("case_id", None)
    data.pop("decisions", None)
    data["patient"]["mrn"] = f"{case.patient.mrn}-copy"[:64]
    return Case.model_validate(data)


def workspace_class() -> type | None:
    """desktop.ui.workspace.CaseWorkspace, or None when it cannot be imported."""
    try:
        from desktop.ui.workspace import CaseWorkspace
    except ImportError:
        return None
    return CaseWorkspace


class MainWindow(ReportExports, QMainWindow):
    """The app's one window; every dependency comes in through the constructor."""

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

    def _action(
        self, text: str, slot: Callable, shortcut: Any = None, writes: bool = False
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if writes and self.store.read_only:
            action.setEnabled(False)
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = self._action(self.tr("&New case…"), self.on_new_case, "Ctrl+N", True)
        self.import_action = self._action(
            self.tr("&Import case files…"), self.on_import, "Ctrl+O", True
        )
        self.export_action = self._action(
            self.tr("&Export selected cases…"), self.on_export, "Ctrl+E"
        )
        self.export_pdf_action = self._action(
            self.tr("Export &PDF summary…"), self.on_export_pdf, "Ctrl+P"
        )
        self.export_archive_action = self._action(
            self.tr("Export &archive bundle…"), self.on_export_archive
        )
        self.duplicate_action = self._action(
            self.tr("&Duplicate case"), self.on_duplicate, "Ctrl+D", True
        )
        self.demo_action = self._action(
            self.tr("Load &demonstration cases"), self.on_load_demo, None, True
        )
        self.close_case_action = self._action(
            self.tr("&Close case"), self.on_close_current, "Ctrl+W"
        )
        quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        for action in (
            self.new_action,
            self.import_action,
            self.export_action,
            self.export_pdf_action,
            self.export_archive_action,
            self.duplicate_action,
            self.demo_action,
            None,
            self.close_case_action,
            None,
            quit_action,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self._view_menu(bar.addMenu(self.tr("&View")))
        self._settings_menu(bar.addMenu(self.tr("&Settings")))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), self.on_shortcuts, "F1"))
        help_menu.addAction(self._action(self.tr("&About MDT Planner"), self.on_about))

    def _view_menu(self, menu: Any) -> None:
        for index, (text, key) in enumerate(
            (
                (self.tr("&Cases"), "Ctrl+1"),
                (self.tr("Meeting &agenda"), "Ctrl+2"),
                (self.tr("&Follow-up"), "Ctrl+3"),
            )
        ):
            menu.addAction(self._action(text, lambda i=index: self.tabs.setCurrentIndex(i), key))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Present the agenda"), self.on_present, "F5"))

    def _settings_menu(self, menu: Any) -> None:
        menu.addAction(self._action(self.tr("&Who is working…"), self.on_who_is_working))
        menu.addAction(self._action(self.tr("&Department name…"), self.on_department, None, True))
        menu.addAction(
            self._action(self.tr("&Stale after how many days…"), self.on_stale_days, None, True)
        )
        language = menu.addMenu(self.tr("&Language"))
        for code, name in (("en", "English"), ("zh_CN", "简体中文")):
            language.addAction(self._action(name, lambda c=code: self.on_language(c)))

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

    # case actions

    def on_new_case(self) -> None:
        from desktop.ui.new_case import NewCaseDialog

        dialog = NewCaseDialog(self.settings.language, parent=self)
        if dialog.exec() and dialog.case() is not None:
            stored = self.store.new_case(dialog.case())
            self.cases.refresh()
            self.open_case(stored.case_id)

    def on_duplicate(self, case_id: str | None = None) -> None:
        case_id = case_id or self.cases.current_case_id()
        if case_id is None:
            return
        try:
            stored = self.store.new_case(duplicate_of(self.store.get_case(case_id).case))
        except Exception as exc:  # noqa: BLE001 -- store refusals are shown in words
            QMessageBox.warning(
                self, self.tr("Not duplicated"), error_text(exc, self.settings.language)
            )
            return
        self.cases.refresh()
        self.open_case(stored.case_id)

    def on_load_demo(self) -> list[str]:
        from desktop.logic.case_io import CaseError

        try:
            ids = load_demo_cases(self.store)
        except (CaseError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Demonstration cases"), str(exc))
            return []
        self._add_demo_agenda(ids)
        self.cases.refresh()
        self.agenda.on_meeting_chosen(self.agenda.default_meeting())
        return ids

    def _add_demo_agenda(self, case_ids: list[str]) -> None:
        """Put the demo cases with a draft for an upcoming meeting on that meeting's agenda."""
        for case_id in case_ids:
            case = self.store.get_case(case_id).case
            for decision in case.decisions:
                if decision.status == "draft" and decision.meeting_date >= dt.date.today():
                    self.store.add_to_agenda(decision.meeting_date.isoformat(), case_id)

    def on_import(self, paths: list[str] | None = None) -> workers.Task | None:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Import case files"), "", self.tr("Case files (*.json)")
            )
        if not paths:
            return None
        work = workers.import_files(
            self._store_opener(), [Path(p) for p in paths], self.settings.language
        )
        task = workers.Task(work)
        task.signals.finished.connect(self.on_import_finished)
        task.signals.failed.connect(lambda m: self._task_failed(self.tr("Import failed"), m))
        return self._run(task, self.tr("Importing %n file(s)…", "", len(paths)))

    def on_import_finished(self, result: workers.ImportResult) -> None:
        self.cases.refresh()
        text = self.tr("%n case(s) imported.", "", len(result.imported))
        if result.problems:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Import"),
                text + " " + self.tr("Some files were refused."),
                parent=self,
            )
            box.setDetailedText("\n".join(result.problems))
            box.open()  # not blocking: the list stays usable while the report is read
            self.import_report = box
        else:
            self.statusBar().showMessage(text, 8000)

    def on_export(self, case_ids: list[str] | None = None) -> workers.Task | None:
        case_ids = case_ids if case_ids else self.cases.selected_case_ids()
        if not case_ids:
            QMessageBox.information(
                self,
                self.tr("Export"),
                self.tr("Select the cases to export in the case list first."),
            )
            return None
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))
        if not folder:
            return None
        return self.export_to(case_ids, Path(folder))

    def export_to(self, case_ids: list[str], folder: Path) -> workers.Task:
        task = workers.Task(workers.export_files(self._store_opener(), case_ids, folder))
        task.signals.finished.connect(
            lambda written: self.statusBar().showMessage(
                self.tr("%n case file(s) written.", "", len(written)), 8000
            )
        )
        task.signals.failed.connect(lambda m: self._task_failed(self.tr("Export failed"), m))
        return self._run(task, self.tr("Exporting %n case(s)…", "", len(case_ids)))

    def _store_opener(self) -> Callable[[], Any]:
        if self._open_store is not None:
            return self._open_store
        from desktop.logic.store import Store

        path, user, read_only = self.store.path, self.store.user, self.store.read_only
        return lambda: Store.open(path, user=user, read_only=read_only)

    def _run(self, task: workers.Task, title: str) -> workers.Task:
        task.lang = self.settings.language  # a store refusal is shown in the reader's language
        self._tasks.append(task)
        for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
            signal.connect(lambda *_: self._tasks.remove(task) if task in self._tasks else None)
        workers.show_progress(task, title, self)
        return workers.start(task)

    def _task_failed(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # meeting

    def on_present(self, meeting: str | None = None) -> PresentationWindow:
        from desktop.ui.presentation import PresentationWindow

        self.agenda.ensure_loaded()
        day = dt.date.fromisoformat(meeting) if meeting else self.agenda.meeting()
        ids = [item.case_id for item in self.store.agenda(day.isoformat())]
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
            from desktop.logic.store_types import User

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
        from desktop.logic.rules import default_rules

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
