"""Export from the app: a case's PDF summary, its archive bundle, a meeting's pack, printing.

Each export asks for its options (language, de-identify) and a place, then runs off the GUI
thread as a workers.Task with a progress dialog and Cancel; a cancelled export writes nothing.
The save dialog opens in the folder last used (else the documents folder) with a name made
from the case and its meeting date; once written, the status bar offers Open and Show in folder.
Print (desktop.ui.printing) puts the same summary's pages on paper through Qt's print dialog.
Every document is made with the rules file the app applies (the department's, desktop.ui.rules).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop.logic.model import lifecycle
from desktop.logic.store import Store
from desktop.ui import printing, workers
from desktop.ui.dialogs import ExportOptionsDialog
from desktop.ui.settings import file_dialog_options

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter

    from desktop.logic.model import Case, KeySigner
    from desktop.ui.rules import DepartmentRules
    from desktop.ui.settings import Settings

UrlOpener = Callable[[QUrl], bool]
UNSAFE_IN_NAMES = re.compile(r"[^\w.-]+")


def file_stem(text: str) -> str:
    """`text` safe as part of a file name on every system: letters (any script), digits, dot,
    dash and underscore kept, everything else one underscore."""
    return UNSAFE_IN_NAMES.sub("_", text).strip("._") or "case"


def summary_file_name(case: Case, deidentified: bool) -> str:
    """ "MDT-summary_H-000123_2026-11-25.pdf": MRN (or "de-identified") and meeting date."""
    decision = lifecycle.latest(case.decisions)
    day = decision.meeting_date if decision else case.assessed_on
    who = "de-identified" if deidentified else file_stem(case.patient.mrn)
    return f"MDT-summary_{who}_{day.isoformat()}.pdf"


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
        open_url: UrlOpener | None = None,
    ) -> None:
        super().__init__(window)
        self._window, self._store, self._settings, self._rules = window, store, settings, rules
        self._tasks, self._open_store = tasks, open_store
        self._current_case_id, self._current_meeting = current_case_id, current_meeting
        self.written_bar = WrittenBar(open_url or QDesktopServices.openUrl, window)
        self._printer: QPrinter | None = None  # kept while its pages are being made

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
        name = summary_file_name(self._store.get_case(case_id).case, options.deidentify)
        out = self._ask_save_path(self.tr("Save the PDF summary"), name)
        return self.export_pdf(case_id, out, options) if out else None

    def _ask_save_path(self, title: str, name: str) -> Path | None:
        """The save dialog in the last folder with `name` proposed; the folder is remembered."""
        start = str(self._settings.last_folder() / name)
        out, _ = QFileDialog.getSaveFileName(
            self._window, title, start, self.tr("PDF files (*.pdf)"),
            options=file_dialog_options(self._settings.language),
        )  # fmt: skip
        if not out:
            return None
        self._settings.set_last_folder(Path(out).parent)
        return Path(out)

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
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Archive bundle folder"), str(self._settings.last_folder()),
            options=QFileDialog.Option.ShowDirsOnly
            | file_dialog_options(self._settings.language),
        )  # fmt: skip
        if not folder:
            return None
        self._settings.set_last_folder(Path(folder).parent)
        return self.export_archive(case_id, Path(folder), options, signer)

    def export_archive(
        self,
        case_id: str,
        folder: Path,
        options: workers.ReportOptions,
        signer: KeySigner | None = None,
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
        out = self._ask_save_path(self.tr("Save the meeting pack"), f"meeting-pack_{meeting}.pdf")
        return self.export_pack(meeting, case_ids, out, options) if out else None

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
            self.written_bar.show_written(path)

    # printing

    def on_print(self) -> workers.Task | None:
        """Qt's print dialog, then the current case's summary, page for page, on paper."""
        case_id = self._current_case_id()
        if case_id is None:
            self._no_case_chosen()
            return None
        printer = printing.ask_printer(self._window)
        return self.print_case(case_id, printer) if printer is not None else None

    def print_case(self, case_id: str, printer: QPrinter) -> workers.Task:
        """The summary in the app's language rendered for `printer` and painted onto it."""
        self._printer = printer
        dpi = min(printer.resolution(), printing.MAX_DPI)
        options = workers.ReportOptions(self._settings.language)
        work = printing.summary_pages(
            self._open_store, case_id, options, self._rules.rules, dpi, printing.page_range(printer)
        )
        task = workers.Task(work)
        task.signals.finished.connect(lambda images: self._paint(printer, images))
        return self._tasks.run(
            task, self.tr("Preparing the pages to print…"), self.tr("Not printed")
        )

    def _paint(self, printer: QPrinter, images: list[QImage]) -> None:
        try:
            count = printing.paint_pages(printer, images)
        except OSError as exc:
            QMessageBox.warning(self._window, self.tr("Not printed"), str(exc))
            return
        finally:
            self._printer = None
        text = QCoreApplication.translate(
            "ReportExports", "%n page(s) sent to the printer.", "", count
        )
        self.statusMessage.emit(text)


class WrittenBar(QWidget):
    """After an export, in the status bar: what was written, with Open and Show in folder."""

    def __init__(self, open_url: UrlOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_url = open_url
        self.path: Path | None = None
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.folder_button = QPushButton(self.tr("Show in &folder"), self)
        close = QToolButton(self)
        close.setText("×")
        close.setAccessibleName(self.tr("Close this note"))
        close.clicked.connect(self.hide)
        self.open_button.clicked.connect(self.on_open)
        self.folder_button.clicked.connect(self.on_show_folder)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.open_button, self.folder_button, close):
            row.addWidget(widget)
        self.hide()

    def show_written(self, path: Path) -> None:
        self.path = path
        self.label.setText(self.tr("Written: %1").replace("%1", path.name))
        self.label.setToolTip(str(path))
        self.show()

    def on_open(self) -> bool:
        """Open the written file (or bundle folder) with the system's program for it."""
        return self.path is not None and self._open_url(QUrl.fromLocalFile(str(self.path)))

    def on_show_folder(self) -> bool:
        """Open the folder holding what was written in the system's file manager."""
        folder = self.path.parent if self.path is not None else None
        return folder is not None and self._open_url(QUrl.fromLocalFile(str(folder)))
