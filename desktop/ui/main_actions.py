"""The main window's case actions: new, duplicate, demonstration cases, import and export.

Import and export of case files run off the GUI thread (desktop.ui.workers) with progress and
cancel; a worker opens its own store connection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.logic.model import resource
from desktop.logic.store import error_text
from desktop.ui import workers

if TYPE_CHECKING:  # imported when first used, to keep start-up short
    from desktop.logic.model import Case


def demo_files() -> list[Path]:
    return sorted(resource("demo").glob("*.json"))


def load_demo_cases(store: Any) -> list[str]:
    """Import the demonstration cases shipped in resources/demo; returns their case ids."""
    from desktop.logic.model import read_case

    return [store.import_case(read_case(path))[0].case_id for path in demo_files()]


def duplicate_of(case: Case) -> Case:
    """A copy to start a similar case from: new MRN suffix, no case_id, no decision records
    (a sealed record belongs to its patient)."""
    from desktop.logic.model import Case

    data = case.to_json_dict()
    data.pop("case_id", None)
    data.pop("decisions", None)
    data["patient"]["mrn"] = f"{case.patient.mrn}-copy"[:64]
    return Case.model_validate(data)


class CaseActions:
    """A mixin of MainWindow: uses its store, settings, case list, `open_case` and `_tasks`.

    Counted strings (%n) name their context: PySide's tr() looks plural forms up in the
    object's own class only (MainWindow), not in a mixin's.
    """

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
        from desktop.logic.model import CaseError

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
                    self.store.agenda.add(decision.meeting_date.isoformat(), case_id)

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
        count = len(paths)  # lupdate 6.11 skips a translate() whose count is a call
        return self._run(
            task, QCoreApplication.translate("CaseActions", "Importing %n file(s)…", "", count)
        )

    def on_import_finished(self, result: workers.ImportResult) -> None:
        self.cases.refresh()
        count = len(result.imported)
        text = QCoreApplication.translate("CaseActions", "%n case(s) imported.", "", count)
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
        task.signals.finished.connect(self.on_export_finished)
        task.signals.failed.connect(lambda m: self._task_failed(self.tr("Export failed"), m))
        count = len(case_ids)
        return self._run(
            task, QCoreApplication.translate("CaseActions", "Exporting %n case(s)…", "", count)
        )

    def on_export_finished(self, written: list[Path]) -> None:
        count = len(written)
        text = QCoreApplication.translate("CaseActions", "%n case file(s) written.", "", count)
        self.statusBar().showMessage(text, 8000)

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
