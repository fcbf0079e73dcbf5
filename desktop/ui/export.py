"""Export from the app: a case's PDF summary, its archive bundle, a meeting's pack.

Each export asks for its options (language, de-identify) and a place, then runs off the GUI
thread as a workers.Task with a progress dialog and Cancel; a cancelled export writes nothing.
Every document is made with the rules file the app applies (the department's, desktop.ui.rules).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.logic.store import Store
from desktop.ui import workers
from desktop.ui.dialogs import ExportOptionsDialog

if TYPE_CHECKING:
    from desktop.ui.rules import DepartmentRules
    from desktop.ui.settings import Settings


class ReportExports(QObject):
    """The window's report exports. The case in front comes from `current_case_id`, the
    meeting in view from `current_meeting` (an ISO date); dialogs open over `window`.

    Signals:
        statusMessage(text): a short note for the status bar.
    """

    statusMessage = Signal(str)

    def __init__(
        self,
        window: QWidget,
        store: Store,
        settings: Settings,
        rules: DepartmentRules,
        tasks: workers.TaskRunner,
        open_store: workers.StoreOpener,
        current_case_id: Callable[[], str | None],
        current_meeting: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self._window, self._store, self._settings, self._rules = window, store, settings, rules
        self._tasks, self._open_store = tasks, open_store
        self._current_case_id, self._current_meeting = current_case_id, current_meeting

    def _ask_options(self, title: str) -> workers.ReportOptions | None:
        dialog = ExportOptionsDialog(title, self._settings.language, self._window)
        return dialog.options() if dialog.exec() else None

    def _no_case_chosen(self) -> None:
        QMessageBox.information(
            self._window,
            self.tr("Export"),
            self.tr("Open a case, or select one in the case list, first."),
        )

    def on_export_pdf(self) -> workers.Task | None:
        case_id = self._current_case_id()
        if case_id is None:
            self._no_case_chosen()
            return None
        options = self._ask_options(self.tr("Export PDF summary"))
        if options is None:
            return None
        out, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Save the PDF summary"), "", self.tr("PDF files (*.pdf)")
        )
        return self.export_pdf(case_id, Path(out), options) if out else None

    def export_pdf(self, case_id: str, out: Path, options: workers.ReportOptions) -> workers.Task:
        work = workers.summary_pdf(self._open_store, case_id, out, options, self._rules.rules)
        task = workers.Task(work)
        task.signals.finished.connect(self._written)
        title = self.tr("Writing the PDF summary…")
        return self._tasks.run(task, title, self.tr("Export failed"))

    def on_export_archive(self) -> workers.Task | None:
        case_id = self._current_case_id()
        if case_id is None:
            self._no_case_chosen()
            return None
        options = self._ask_options(self.tr("Export archive bundle"))
        if options is None:
            return None
        signer = None
        if self._store.signed_in is not None:  # the exporter signs the manifest, with password
            from desktop.ui.accounts import signer_dialog

            name, lang = self._store.signed_in.name, self._settings.language
            dialog = signer_dialog(self._store.key_signer, name, self._window, lang)
            dialog.setWindowTitle(self.tr("Sign the archive bundle"))
            if not dialog.exec():
                return None
            signer = dialog.result_value
        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Archive bundle folder"))
        return self.export_archive(case_id, Path(folder), options, signer) if folder else None

    def export_archive(
        self, case_id: str, folder: Path, options: workers.ReportOptions, signer: Any = None
    ) -> workers.Task:
        rules = self._rules.rules
        task = workers.Task(
            workers.archive_bundle(self._open_store, case_id, folder, options, rules, signer)
        )
        task.signals.finished.connect(self._written)
        title = self.tr("Writing the archive bundle…")
        return self._tasks.run(task, title, self.tr("Export failed"))

    def on_export_pack(self, meeting: str | None = None) -> workers.Task | None:
        meeting = meeting or self._current_meeting()
        case_ids = [item.case_id for item in self._store.agenda.items(meeting)]
        if not case_ids:
            QMessageBox.information(
                self._window,
                self.tr("Meeting pack"),
                self.tr("The agenda of %1 has no cases.").replace("%1", meeting),
            )
            return None
        options = self._ask_options(self.tr("Export meeting pack"))
        if options is None:
            return None
        out, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Save the meeting pack"),
            f"meeting-pack-{meeting}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        return self.export_pack(meeting, case_ids, Path(out), options) if out else None

    def export_pack(
        self, meeting: str, case_ids: list[str], out: Path, options: workers.ReportOptions
    ) -> workers.Task:
        rules = self._rules.rules
        work = workers.meeting_pack(self._open_store, case_ids, out, meeting, options, rules)
        task = workers.Task(work)
        task.signals.finished.connect(self._written)
        task.signals.cancelled.connect(
            lambda: self.statusMessage.emit(self.tr("Meeting pack cancelled; nothing was written."))
        )
        count = len(case_ids)  # lupdate 6.11 skips a translate() whose count is a call
        title = QCoreApplication.translate(
            "ReportExports", "Writing the meeting pack of %n case(s)…", "", count
        )
        return self._tasks.run(task, title, self.tr("Export failed"))

    def _written(self, path: Path | None) -> None:
        if path is not None:
            self.statusMessage.emit(self.tr("Written: %1").replace("%1", str(path)))
