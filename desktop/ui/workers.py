"""Long work off the GUI thread: QThreadPool tasks reporting progress, honouring cancel.

A task runs a plain function `work(control)`; the function calls `control.report(done, total)`
and stops when `control.cancelled` is set. Results come back as signals, delivered on the GUI
thread. A task that touches the database opens its own Store connection (SQLite connections
are not shared across threads). A window runs its tasks through a `TaskRunner`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.logic.model import FileStems, OutputError
from desktop.logic.store import StoreError, error_text

if TYPE_CHECKING:  # the case model and the rules file load with the first case
    from desktop.logic.model import Case, KeySigner, Rules, SignerLine
    from desktop.logic.report import DeidentifyOptions
    from desktop.logic.store import Store
    from desktop.ui.settings import Settings

StoreOpener = Callable[[], "Store"]
Work = Callable[["TaskControl"], Any]


class TaskSignals(QObject):
    """Signals: progress(done, total), finished(result), failed(message), cancelled()."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class TaskControl:
    """What the work function sees: progress reporting and the cancel flag."""

    def __init__(self, signals: TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._signals.progress.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class Task(QRunnable):
    """One piece of long work; keep a reference until `finished`/`failed`/`cancelled` arrives.

    `lang` is the language of the `failed` message when the store refused the work.
    """

    def __init__(self, work: Work, lang: str = "en") -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self.control = TaskControl(self.signals)
        self._work = work
        self.lang = lang

    def run(self) -> None:
        try:
            result = self._work(self.control)
        except Exception as exc:  # noqa: BLE001 -- any failure must reach the user, not the void
            self.signals.failed.emit(failure_text(exc, self.lang))
            return
        if self.control.cancelled:
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)


def failure_text(exc: Exception, lang: str) -> str:
    """A store, output or report refusal in the reader's words; any other failure named by its
    kind."""
    if isinstance(exc, StoreError | OutputError):
        return exc.render(lang)
    from desktop.logic.report import DeidentifyError, UnprintableText  # loaded by the export

    if isinstance(exc, UnprintableText | DeidentifyError):
        return exc.render(lang)
    return f"{type(exc).__name__}: {exc}"


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def show_progress(task: Task, title: str, parent: QWidget | None = None) -> QProgressDialog:
    """A modal-less progress dialog bound to `task`: its Cancel button cancels the work."""
    dialog = QProgressDialog(title, QCoreApplication.translate("Workers", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(task.control.cancel)
    task.signals.progress.connect(lambda done, total: _advance(dialog, done, total))
    for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
        signal.connect(dialog.close)
    return dialog


def _advance(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)


def reopen(store: Store) -> Store:
    """Another connection to `store`'s database as the same user (same key, same person signed
    in): a worker thread's own."""
    return store.open_again()


class TaskRunner:
    """A window's running tasks: each shown with its progress dialog and kept until it ends;
    a failure is told in a warning over `parent`, in the reader's language (`settings`)."""

    def __init__(self, parent: QWidget, settings: Settings) -> None:
        self._parent = parent
        self._settings = settings
        self.running: list[Task] = []

    def run(self, task: Task, title: str, failure_title: str) -> Task:
        task.lang = self._settings.language  # a store refusal is shown in the reader's language
        task.signals.failed.connect(
            lambda message: QMessageBox.warning(self._parent, failure_title, message)
        )
        self.running.append(task)
        for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
            signal.connect(lambda *_: self._forget(task))
        show_progress(task, title, self._parent)
        return start(task)

    def cancel_all(self) -> None:
        for task in list(self.running):
            task.control.cancel()

    def _forget(self, task: Task) -> None:
        if task in self.running:
            self.running.remove(task)


@dataclass(frozen=True)
class KnownMrn:
    """A file whose MRN is already on file: held back until the user says what to do."""

    path: Path
    case: Case
    case_id: str
    name: str


@dataclass
class ImportResult:
    """Imported case ids, files whose MRN is already on file (not imported: the user is asked),
    and one line per refused file naming the file and the problem."""

    imported: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    known: list[KnownMrn] = field(default_factory=list)


def import_files(open_store: StoreOpener, paths: Iterable[Path], lang: str = "en") -> Work:
    """Work function importing case files through a store opened in the worker thread."""
    paths = list(paths)

    def work(control: TaskControl) -> ImportResult:
        result = ImportResult()
        store = open_store()
        try:
            for done, path in enumerate(paths, start=1):
                if control.cancelled:
                    break
                _import_one(store, Path(path), result, lang)
                control.report(done, len(paths))
        finally:
            store.close()
        return result

    return work


def _import_one(store: Store, path: Path, result: ImportResult, lang: str = "en") -> None:
    from desktop.logic.model import CaseError, read_case

    try:
        case = read_case(path)
        owner = next(
            (r for r in store.list_cases(case.patient.mrn) if r.mrn == case.patient.mrn), None
        )
        if owner is not None:
            result.known.append(KnownMrn(path, case, owner.case_id, owner.name))
            return
        stored, _created = store.import_case(case)
        result.imported.append(stored.case_id)
    except CaseError as exc:
        result.problems.extend(str(exc).splitlines())
    except Exception as exc:  # noqa: BLE001 -- a store refusal names the file, the rest goes on
        result.problems.append(f"{path}: {error_text(exc, lang)}")


def export_files(open_store: StoreOpener, case_ids: Iterable[str], folder: Path) -> Work:
    """Work function writing each case as `<MRN>.json` into `folder`, the MRN made a file name
    that no other MRN of the export shares (model.FileStems); returns the paths."""
    case_ids = list(case_ids)

    def work(control: TaskControl) -> list[Path]:
        written: list[Path] = []
        stems = FileStems()
        store = open_store()
        try:
            for done, case_id in enumerate(case_ids, start=1):
                if control.cancelled:
                    break
                written.append(_export_one(store, case_id, folder, stems))
                control.report(done, len(case_ids))
        finally:
            store.close()
        return written

    return work


def _export_one(store: Store, case_id: str, folder: Path, stems: FileStems) -> Path:
    from desktop.logic.model import dumps_case, write_text_atomic

    case = store.get_case(case_id).case
    return write_text_atomic(folder / f"{stems.take(case.patient.mrn)}.json", dumps_case(case))


@dataclass(frozen=True)
class ReportOptions:
    """How a PDF or bundle is written: the language of its text and whether it is de-identified
    (then whether free text is kept, redacted, and attendee names replaced)."""

    lang: str = "en"
    deidentify: bool = False
    include_free_text: bool = False
    deidentify_attendees: bool = False

    def deidentification(self) -> DeidentifyOptions | bool:
        """False, or the report's DeidentifyOptions (imported when needed: reportlab is slow)."""
        if not self.deidentify:
            return False
        from desktop.logic.report import DeidentifyOptions

        return DeidentifyOptions(self.include_free_text, self.deidentify_attendees)


def summary_pdf(
    open_store: StoreOpener, case_id: str, out: Path, options: ReportOptions, rules: Rules
) -> Work:
    """Work function writing one case's MDT summary PDF at `out` with `rules` (the rules file
    the app applies); returns the path."""

    def work(control: TaskControl) -> Path | None:
        from desktop.logic.report import write_summary_pdf

        case, department, signers = _case_and_department(open_store, case_id)
        control.report(0, 1)
        path = write_summary_pdf(
            case, out, rules=rules, lang=options.lang, deidentify=options.deidentification(),
            department=department, case_id=case_id, signers=signers,
        )  # fmt: skip
        control.report(1, 1)
        return _kept_unless_cancelled(control, [path])

    return work


def archive_bundle(
    open_store: StoreOpener, case_id: str, folder: Path, options: ReportOptions, rules: Rules,
    signer: KeySigner | None = None,
) -> Work:
    """Work function writing the archive bundle (PDF, case JSON, manifest) into `folder`;
    `signer` (the exporter's opened key) signs the manifest."""

    def work(control: TaskControl) -> Path | None:
        from desktop.logic.report import write_archive

        case, department, signers = _case_and_department(open_store, case_id)
        control.report(0, 1)
        before = set(folder.iterdir()) if folder.is_dir() else set()
        written = write_archive(
            case_id, case, folder, rules=rules, lang=options.lang,
            deidentify=options.deidentification(), department=department,
            signer=signer, signers=signers,
        )  # fmt: skip
        control.report(1, 1)
        _kept_unless_cancelled(control, sorted(set(folder.iterdir()) - before))
        return None if control.cancelled else written

    return work


def meeting_pack(
    open_store: StoreOpener,
    case_ids: Iterable[str],
    out: Path,
    meeting_date: str,
    options: ReportOptions,
    rules: Rules,
) -> Work:
    """Work function writing the meeting pack of `case_ids` at `out`; cancel writes nothing
    (the report's progress callback answers False, and it raises ExportCancelled)."""
    case_ids = list(case_ids)

    def work(control: TaskControl) -> Path | None:
        from desktop.logic.report import ExportCancelled, write_meeting_pack

        store = open_store()
        try:
            cases = [(case_id, store.get_case(case_id).case) for case_id in case_ids]
            department = str(store.get_setting("department") or "")
            signers = {
                case_id: store.signer_lines(case_id, case.to_json_dict().get("decisions") or [])
                for case_id, case in cases
            }
        finally:
            store.close()

        def progress(done: int, total: int) -> bool:
            control.report(done, total + 1)  # the last step is laying out the pages
            return not control.cancelled

        try:
            path = write_meeting_pack(
                cases, out, meeting_date=meeting_date, lang=options.lang, rules=rules,
                deidentify=options.deidentification(), department=department, progress=progress,
                signers=signers,
            )  # fmt: skip
        except ExportCancelled:
            return None
        return _kept_unless_cancelled(control, [path])

    return work


def _kept_unless_cancelled(control: TaskControl, written: list[Path]) -> Path | None:
    """Cancel pressed while the last step was writing: remove what it wrote (nothing kept)."""
    if not control.cancelled:
        return written[0] if written else None
    for path in written:
        path.unlink(missing_ok=True)
    return None


def _case_and_department(
    open_store: StoreOpener, case_id: str
) -> tuple[Case, str, dict[str, list[SignerLine]]]:
    """The case, the department name, and who signed each sealed record with what key."""
    store = open_store()
    try:
        case = store.get_case(case_id).case
        signers = store.signer_lines(case_id, case.to_json_dict().get("decisions") or [])
        return case, str(store.get_setting("department") or ""), signers
    finally:
        store.close()
