"""Export from the app: a case's PDF summary, its archive bundle, a meeting's pack.

Each export asks for its options (language, de-identify) and a place, then runs off the GUI
thread as a workers.Task with a progress dialog and Cancel; a cancelled export writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.ui import workers
from desktop.ui.dialogs import ExportOptionsDialog


class ReportExports:
    """The main window's export actions (a mixin: uses its store, settings, tabs and `_run`)."""

    def current_case_id(self) -> str | None:
        """The case in front: the open workspace's case, else the case list's current row."""
        widget = self.tabs.currentWidget()
        return getattr(widget, "case_id", None) or self.cases.current_case_id()

    def _ask_options(self, title: str) -> workers.ReportOptions | None:
        dialog = ExportOptionsDialog(title, self.settings.language, self)
        return dialog.options() if dialog.exec() else None

    def _no_case_chosen(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Export"),
            self.tr("Open a case, or select one in the case list, first."),
        )

    def on_export_pdf(self) -> workers.Task | None:
        case_id = self.current_case_id()
        if case_id is None:
            self._no_case_chosen()
            return None
        options = self._ask_options(self.tr("Export PDF summary"))
        if options is None:
            return None
        out, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the PDF summary"), "", self.tr("PDF files (*.pdf)")
        )
        return self.export_pdf(case_id, Path(out), options) if out else None

    def export_pdf(self, case_id: str, out: Path, options: workers.ReportOptions) -> workers.Task:
        task = workers.Task(workers.summary_pdf(self._store_opener(), case_id, out, options))
        task.signals.finished.connect(lambda path: self._written(path))
        task.signals.failed.connect(lambda m: self._task_failed(self.tr("Export failed"), m))
        return self._run(task, self.tr("Writing the PDF summary…"))

    def on_export_archive(self) -> workers.Task | None:
        case_id = self.current_case_id()
        if case_id is None:
            self._no_case_chosen()
            return None
        options = self._ask_options(self.tr("Export archive bundle"))
        if options is None:
            return None
        folder = QFileDialog.getExistingDirectory(self, self.tr("Archive bundle folder"))
        return self.export_archive(case_id, Path(folder), options) if folder else None

    def export_archive(
        self, case_id: str, folder: Path, options: workers.ReportOptions
    ) -> workers.Task:
        task = workers.Task(workers.archive_bundle(self._store_opener(), case_id, folder, options))
        task.signals.finished.connect(lambda path: self._written(path))
        task.signals.failed.connect(lambda m: self._task_failed(self.tr("Export failed"), m))
        return self._run(task, self.tr("Writing the archive bundle…"))

    def on_export_pack(self, meeting: str | None = None) -> workers.Task | None:
        self.agenda.ensure_loaded()
        meeting = meeting or self.agenda.meeting().isoformat()
        case_ids = [item.case_id for item in self.store.agenda.items(meeting)]
        if not case_ids:
            QMessageBox.information(
                self,
                self.tr("Meeting pack"),
                self.tr("The agenda of %1 has no cases.").replace("%1", meeting),
            )
            return None
        options = self._ask_options(self.tr("Export meeting pack"))
        if options is None:
            return None
        out, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the meeting pack"),
            f"meeting-pack-{meeting}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        return self.export_pack(meeting, case_ids, Path(out), options) if out else None

    def export_pack(
        self, meeting: str, case_ids: list[str], out: Path, options: workers.ReportOptions
    ) -> workers.Task:
        work = workers.meeting_pack(self._store_opener(), case_ids, out, meeting, options)
        task = workers.Task(work)
        task.signals.finished.connect(lambda path: self._written(path))
        task.signals.cancelled.connect(
            lambda: self.statusBar().showMessage(
                self.tr("Meeting pack cancelled; nothing was written."), 8000
            )
        )
        task.signals.failed.connect(lambda m: self._task_failed(self.tr("Export failed"), m))
        # tr() with a count looks only in the window's own class, not in this mixin's context.
        count = len(case_ids)  # lupdate 6.11 skips a translate() whose count is a call
        title = QCoreApplication.translate(
            "ReportExports", "Writing the meeting pack of %n case(s)…", "", count
        )
        return self._run(task, title)

    def _written(self, path: Path | None) -> None:
        if path is not None:
            self.statusBar().showMessage(self.tr("Written: %1").replace("%1", str(path)), 8000)
