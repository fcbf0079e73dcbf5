"""The main window's case actions: new, duplicate, demonstration cases, import and export.

`CaseActions` is an object the window owns; everything it uses comes in through its
constructor and it answers through signals. Import and export of case files run off the GUI
thread (desktop.ui.workers) with progress and cancel; a worker opens its own store connection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.logic.model import lifecycle, resource
from desktop.logic.store import Store, error_text
from desktop.ui import workers
from desktop.ui.settings import file_dialog_options

if TYPE_CHECKING:  # imported when first used, to keep start-up short
    from desktop.ui.case_list import CaseListView
    from desktop.ui.duplicate import DuplicateDialog
    from desktop.ui.settings import Settings


def demo_files() -> list[Path]:
    return sorted(resource("demo").glob("*.json"))


def load_demo_cases(store: Store) -> list[str]:
    """Import the demonstration cases shipped in resources/demo; returns their case ids."""
    from desktop.logic.model import read_case

    return [store.import_case(read_case(path))[0].case_id for path in demo_files()]


class CaseActions(QObject):
    """New, duplicate, demonstration cases, import and export of case files.

    Dialogs open over `window`; the selection is read from `cases`; long work runs through
    `tasks` on connections from `open_store`.

    Signals:
        casesChanged(): cases were added; the list should be read again.
        openRequested(case_id): open this case in a workspace.
        demoLoaded(case_ids): the demonstration cases were imported (and put on agendas).
        statusMessage(text): a short note for the status bar.
    """

    casesChanged = Signal()
    openRequested = Signal(str)
    demoLoaded = Signal(list)
    statusMessage = Signal(str)

    def __init__(
        self,
        window: QWidget,
        store: Store,
        settings: Settings,
        cases: CaseListView,
        tasks: workers.TaskRunner,
        open_store: workers.StoreOpener,
    ) -> None:
        super().__init__(window)
        self._window, self._store, self._settings = window, store, settings
        self._cases, self._tasks, self._open_store = cases, tasks, open_store
        self.import_report: QMessageBox | None = None
        self.duplicate_dialog: DuplicateDialog | None = None
        # Asked for each imported file whose MRN is on file: True adds it as a new revision.
        self.ask_known: Callable[[workers.KnownMrn], bool] = self._ask_known

    def on_new_case(self) -> None:
        from desktop.ui.new_case import NewCaseDialog

        dialog = NewCaseDialog(self._settings.language, parent=self._window, store=self._store)
        if dialog.exec() and dialog.stored_case_id is not None:
            self.casesChanged.emit()
            self.openRequested.emit(dialog.stored_case_id)

    def on_duplicate(self, case_id: str | None = None) -> DuplicateDialog | None:
        """Ask whose case the copy is (MRN, name) before storing it; opens the copy."""
        from desktop.ui.duplicate import DuplicateDialog

        case_id = case_id or self._cases.current_case_id()
        if case_id is None:
            return None
        dialog = DuplicateDialog(self._store, case_id, self._settings.language, self._window)
        dialog.accepted.connect(lambda: self._duplicated(dialog))
        dialog.open()
        self.duplicate_dialog = dialog
        return dialog

    def _duplicated(self, dialog: DuplicateDialog) -> None:
        if dialog.stored_case_id is not None:
            self.casesChanged.emit()
            self.openRequested.emit(dialog.stored_case_id)

    def on_load_demo(self) -> list[str]:
        from desktop.logic.model import CaseError

        try:
            ids = load_demo_cases(self._store)
        except (CaseError, OSError) as exc:
            QMessageBox.warning(self._window, self.tr("Demonstration cases"), str(exc))
            return []
        self._add_demo_agenda(ids)
        self.casesChanged.emit()
        self.demoLoaded.emit(ids)
        return ids

    def _add_demo_agenda(self, case_ids: list[str]) -> None:
        """Put the demo cases with a draft for an upcoming meeting on that meeting's agenda."""
        for case_id in case_ids:
            case = self._store.get_case(case_id).case
            for draft in lifecycle.drafts(case.decisions):
                if draft.meeting_date >= dt.date.today():
                    self._store.agenda.add(draft.meeting_date.isoformat(), case_id)

    def on_import(self, paths: list[str] | None = None) -> workers.Task | None:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(
                self._window,
                self.tr("Import case files"),
                str(self._settings.last_folder()),
                self.tr("Case files (*.json)"),
                options=file_dialog_options(self._settings.language),
            )
            if paths:
                self._settings.set_last_folder(Path(paths[0]).parent)
        if not paths:
            return None
        work = workers.import_files(
            self._open_store, [Path(p) for p in paths], self._settings.language
        )
        task = workers.Task(work)
        task.signals.finished.connect(self.on_import_finished)
        count = len(paths)  # lupdate 6.11 skips a translate() whose count is a call
        title = QCoreApplication.translate("CaseActions", "Importing %n file(s)…", "", count)
        return self._tasks.run(task, title, self.tr("Import failed"))

    def _ask_known(self, known: workers.KnownMrn) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Import"),
            self.tr("MRN {0} exists ({1}). The file {2} holds a case with this MRN.").format(
                known.case.patient.mrn, known.name, known.path.name
            ),
            parent=self._window,
        )
        add = box.addButton(self.tr("Add as a new revision"), QMessageBox.ButtonRole.AcceptRole)
        skip = box.addButton(self.tr("Skip"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(skip)  # Enter changes nothing on file; adding is chosen on purpose
        box.exec()
        return box.clickedButton() is add

    def _import_known(self, result: workers.ImportResult) -> tuple[int, int]:
        """Ask about each file whose MRN is on file; (added as revisions, skipped)."""
        added = skipped = 0
        for known in result.known:
            if not self.ask_known(known):
                skipped += 1
                continue
            try:
                stored, _created = self._store.import_case(known.case)
            except Exception as exc:  # noqa: BLE001 -- a refusal names the file, the rest goes on
                result.problems.append(f"{known.path}: {error_text(exc, self._settings.language)}")
                continue
            result.imported.append(stored.case_id)
            added += 1
        return added, skipped

    def on_import_finished(self, result: workers.ImportResult) -> None:
        added, skipped = self._import_known(result)
        self.casesChanged.emit()
        count = len(result.imported) - added
        text = QCoreApplication.translate("CaseActions", "%n case(s) imported.", "", count)
        if added or skipped:
            text += " " + self.tr("MRN on file: {0} added as a new revision, {1} skipped.").format(
                added, skipped
            )
        if result.problems:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Import"),
                text + " " + self.tr("Some files were refused."),
                parent=self._window,
            )
            box.setDetailedText("\n".join(result.problems))
            box.open()  # not blocking: the list stays usable while the report is read
            self.import_report = box
        else:
            self.statusMessage.emit(text)

    def on_export(self, case_ids: list[str] | None = None) -> workers.Task | None:
        case_ids = case_ids if case_ids else self._cases.selected_case_ids()
        if not case_ids:
            QMessageBox.information(
                self._window,
                self.tr("Export"),
                self.tr("Select the cases to export in the case list first."),
            )
            return None
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Export to folder"), str(self._settings.last_folder()),
            options=QFileDialog.Option.ShowDirsOnly
            | file_dialog_options(self._settings.language),
        )  # fmt: skip
        if not folder:
            return None
        self._settings.set_last_folder(Path(folder))
        return self.export_to(case_ids, Path(folder))

    def export_to(self, case_ids: list[str], folder: Path) -> workers.Task:
        task = workers.Task(workers.export_files(self._open_store, case_ids, folder))
        task.signals.finished.connect(self.on_export_finished)
        count = len(case_ids)
        title = QCoreApplication.translate("CaseActions", "Exporting %n case(s)…", "", count)
        return self._tasks.run(task, title, self.tr("Export failed"))

    def on_export_finished(self, written: list[Path]) -> None:
        count = len(written)
        text = QCoreApplication.translate("CaseActions", "%n case file(s) written.", "", count)
        self.statusMessage.emit(text)
