"""The main window's menu bar: every action with its shortcut.

`MainMenus` is built by the window from the objects whose slots the menus call (case actions,
report exports, preferences) and the few commands of the window itself; actions that write are
disabled on a read-only database. Undo, redo and print use the platform's standard keys;
Ctrl+1..6 go to the open case's steps, Alt+1..3 to the case list, agenda and follow-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.ui.export import ReportExports
from desktop.ui.main_actions import CaseActions
from desktop.ui.preferences import Preferences

LANGUAGE_NAMES = (("en", "English"), ("zh_CN", "简体中文"))
STEP_COUNT = 6
Keys = str | QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class WindowCommands:
    """What the menus ask of the window itself."""

    show_tab: Callable[[int], None]
    show_step: Callable[[int], None]
    present: Callable[[], object]
    close_case: Callable[[], None]
    quit: Callable[[], object]
    recent_menu: QMenu | None = None


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
        self, text: str, slot: Callable[[], object], shortcut: Keys | None = None,
        writes: bool = False,
    ) -> QAction:  # fmt: skip
        action = QAction(text, self._window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # the platform's own keys (and their alternatives)
        elif shortcut is not None:
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
            self.tr("Export &PDF summary…"), exports.on_export_pdf, "Ctrl+Shift+E"
        )
        self.print_action = self._action(
            self.tr("&Print the summary…"), exports.on_print, QKeySequence.StandardKey.Print
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
        menu.addAction(self.new_action)
        if commands.recent_menu is not None:
            menu.addMenu(commands.recent_menu)
        for action in (
            self.import_action,
            self.export_action,
            self.export_pdf_action,
            self.print_action,
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
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = undo_group.createRedoAction(window, self.tr("&Redo"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)

    def _view_menu(self, menu: QMenu, commands: WindowCommands) -> None:
        for index, (text, key) in enumerate(
            (
                (self.tr("&Cases"), "Alt+1"),
                (self.tr("Meeting &agenda"), "Alt+2"),
                (self.tr("&Follow-up"), "Alt+3"),
            )
        ):
            menu.addAction(self._action(text, partial(commands.show_tab, index), key))
        menu.addSeparator()
        self.step_actions = [
            self._action(
                self.tr("Step &%1 of the open case").replace("%1", str(step + 1)),
                partial(commands.show_step, step),
                f"Ctrl+{step + 1}",
            )
            for step in range(STEP_COUNT)
        ]
        menu.addActions(self.step_actions)
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
        self.language_group = QActionGroup(language)  # one checked: the language chosen
        for code, name in LANGUAGE_NAMES:
            action = self._action(name, partial(preferences.on_language, code))
            action.setCheckable(True)
            action.setChecked(code == preferences.language)
            action.setData(code)
            self.language_group.addAction(action)
            language.addAction(action)
