"""The main window's menu bar: every action with its shortcut (a mixin of MainWindow)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QKeySequence


class MainMenus:
    """File, Edit, View, Settings and Help menus; uses the window's store, undo group, tabs
    and `on_*` slots. Actions that write are disabled on a read-only database."""

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
