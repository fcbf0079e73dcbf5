"""The main window's menu bar: every action with its shortcut.

`MainMenus` is built by the window from the objects whose slots the menus call (case actions,
report exports, preferences) and the few commands of the window itself; actions that write are
disabled on a read-only database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.ui.export import ReportExports
from desktop.ui.main_actions import CaseActions
from desktop.ui.preferences import Preferences

LANGUAGE_NAMES = (("en", "English"), ("zh_CN", "简体中文"))


@dataclass(frozen=True, slots=True)
class WindowCommands:
    """What the menus ask of the window itself."""

    show_tab: Callable[[int], None]
    present: Callable[[], object]
    close_case: Callable[[], None]
    quit: Callable[[], object]


class MainMenus(QObject):
    """File, Edit, View, Settings and Help menus on `window`'s menu bar."""

    def __init__(
        self,
        window: QMainWindow,
        read_only: bool,
        undo_group: QUndoGroup,
        cases: CaseActions,
        exports: ReportExports,
        preferences: Preferences,
        commands: WindowCommands,
    ) -> None:
        super().__init__(window)
        self._window, self._read_only = window, read_only
        self._file_menu(window, cases, exports, commands)
        self._edit_menu(window, undo_group)
        self._view_menu(window.menuBar().addMenu(self.tr("&View")), commands)
        self._settings_menu(window.menuBar().addMenu(self.tr("&Settings")), preferences)
        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(self.tr("&Keyboard shortcuts"), preferences.on_shortcuts, "F1")
        )
        help_menu.addAction(self._action(self.tr("&About MDT Planner"), preferences.on_about))

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: str | None = None,
        writes: bool = False,
    ) -> QAction:  # fmt: skip
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if writes and self._read_only:
            action.setEnabled(False)
        return action

    def _file_menu(
        self,
        window: QMainWindow,
        cases: CaseActions,
        exports: ReportExports,
        commands: WindowCommands,
    ) -> None:
        menu = window.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(self.tr("&New case…"), cases.on_new_case, "Ctrl+N", True)
        self.import_action = self._action(
            self.tr("&Import case files…"), cases.on_import, "Ctrl+O", True
        )
        self.export_action = self._action(
            self.tr("&Export selected cases…"), cases.on_export, "Ctrl+E"
        )
        self.export_pdf_action = self._action(
            self.tr("Export &PDF summary…"), exports.on_export_pdf, "Ctrl+P"
        )
        self.export_archive_action = self._action(
            self.tr("Export &archive bundle…"), exports.on_export_archive
        )
        self.duplicate_action = self._action(
            self.tr("&Duplicate case"), cases.on_duplicate, "Ctrl+D", True
        )
        self.demo_action = self._action(
            self.tr("Load &demonstration cases"), cases.on_load_demo, None, True
        )
        self.close_case_action = self._action(self.tr("&Close case"), commands.close_case, "Ctrl+W")
        quit_action = self._action(self.tr("&Quit"), commands.quit, "Ctrl+Q")
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
            menu.addSeparator() if action is None else menu.addAction(action)

    def _edit_menu(self, window: QMainWindow, undo_group: QUndoGroup) -> None:
        menu = window.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = undo_group.createUndoAction(window, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = undo_group.createRedoAction(window, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)

    def _view_menu(self, menu: QMenu, commands: WindowCommands) -> None:
        for index, (text, key) in enumerate(
            (
                (self.tr("&Cases"), "Ctrl+1"),
                (self.tr("Meeting &agenda"), "Ctrl+2"),
                (self.tr("&Follow-up"), "Ctrl+3"),
            )
        ):
            menu.addAction(self._action(text, partial(commands.show_tab, index), key))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Present the agenda"), commands.present, "F5"))

    def _settings_menu(self, menu: QMenu, preferences: Preferences) -> None:
        menu.addAction(self._action(self.tr("&Who is working…"), preferences.on_who_is_working))
        menu.addAction(
            self._action(self.tr("&Department name…"), preferences.on_department, None, True)
        )
        menu.addAction(
            self._action(
                self.tr("&Stale after how many days…"), preferences.on_stale_days, None, True
            )
        )
        menu.addAction(self._action(self.tr("&Rules file…"), preferences.on_rules))
        language = menu.addMenu(self.tr("&Language"))
        for code, name in LANGUAGE_NAMES:
            language.addAction(self._action(name, partial(preferences.on_language, code)))
