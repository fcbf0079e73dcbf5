"""Export from the app: PDF summary, archive bundle and meeting pack off the GUI thread."""

import pikepdf
import pytest
from PySide6.QtWidgets import QPushButton

from desktop.logic.model.rules import default_rules
from desktop.logic.store.database import Store
from desktop.ui import workers
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.workers import ReportOptions
from tests.factories import make_case

MEETING = "2026-12-02"


@pytest.fixture
def window(qtbot, store, tmp_path):
    main = MainWindow(store, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    return main


def _cases(store, count):
    ids = []
    for n in range(count):
        case = make_case(**{"patient.mrn": f"EXPORT-MRN-{n}", "patient.name": f"Patient {n}"})
        ids.append(store.new_case(case).case_id)
        store.agenda.add(MEETING, ids[-1])
    return ids


def _agenda(store):
    return [item.case_id for item in store.agenda.items(MEETING)]


def test_pdf_summary_is_a_valid_pdf(qtbot, window, store, tmp_path):
    [case_id] = _cases(store, 1)
    out = tmp_path / "summary.pdf"
    task = window.exports.export_pdf(case_id, out, ReportOptions("en", False))
    with qtbot.waitSignal(task.signals.finished, timeout=60_000) as done:
        pass
    assert done.args == [out]
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) >= 1
        assert "Patient 0" in str(pdf.docinfo.get("/Title"))


def test_meeting_pack_writes_every_agenda_case(qtbot, window, store, tmp_path):
    _cases(store, 2)
    out = tmp_path / "pack.pdf"
    task = window.exports.export_pack(MEETING, _agenda(store), out, ReportOptions())
    with qtbot.waitSignal(task.signals.finished, timeout=60_000):
        pass
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) >= 3  # the agenda page, then each case from a new page
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
    assert titles[-3:] == ["1. Patient 0", "2. Patient 1", "Rules relied on in this pack"]


def test_cancelled_meeting_pack_leaves_no_file(qtbot, store, tmp_path):
    ids = _cases(store, 2)
    out = tmp_path / "pack.pdf"
    opener = lambda: Store.open(store.path, user=store.user)  # noqa: E731
    work = workers.meeting_pack(opener, ids, out, MEETING, ReportOptions(), default_rules())
    task = workers.Task(work)
    task.control.cancel()  # as the progress dialog's Cancel does
    with qtbot.waitSignal(task.signals.cancelled, timeout=60_000):
        workers.start(task)
    assert not out.exists()
    assert list(tmp_path.glob("*.pdf")) == []


def test_progress_dialog_cancel_button_cancels_the_task(qtbot):
    task = workers.Task(lambda control: None)
    dialog = workers.show_progress(task, "Writing the meeting pack…")
    qtbot.addWidget(dialog)
    assert task.control.cancelled is False
    [button] = dialog.findChildren(QPushButton)
    assert button.text() == "Cancel"
    button.click()
    assert task.control.cancelled is True


def test_deidentified_archive_bundle_holds_no_name_or_mrn(qtbot, window, store, tmp_path):
    [case_id] = _cases(store, 1)
    folder = tmp_path / "bundle"
    task = window.exports.export_archive(case_id, folder, ReportOptions("en", True))
    with qtbot.waitSignal(task.signals.finished, timeout=60_000):
        pass
    suffixes = sorted(p.suffix for p in folder.iterdir())
    assert suffixes.count(".pdf") == 1
    assert suffixes.count(".json") == 1
    for path in folder.iterdir():
        content = path.read_bytes()
        assert b"Patient 0" not in content
        assert b"EXPORT-MRN-0" not in content
    with pikepdf.open(next(folder.glob("*.pdf"))) as pdf:
        assert "Patient 0" not in str(pdf.docinfo.get("/Title"))


def test_exported_file_names_never_collide(store, tmp_path):
    mrns = ["EX/1", "EX_1", "EX 1", "ex%2F1", "EX-1", "ex-1", "Ex-1"]
    ids = [store.new_case(make_case(**{"patient.mrn": mrn})).case_id for mrn in mrns]
    folder = tmp_path / "out"
    folder.mkdir()
    opener = lambda: Store.open(store.path, user=store.user)  # noqa: E731
    task = workers.Task(workers.export_files(opener, ids, folder))
    written = workers.export_files(opener, ids, folder)(task.control)
    assert [p.name for p in written] == [
        "EX%2F1.json",
        "EX%5F1.json",
        "EX%201.json",
        "ex%252F1.json",
        "EX-1.json",
        "ex-1~2.json",  # one file with EX-1.json on a case-insensitive disk
        "Ex-1~3.json",
    ]
    assert len({p.name.casefold() for p in folder.iterdir()}) == len(mrns)
    for path, mrn in zip(written, mrns, strict=True):
        assert path.read_text(encoding="utf-8").count(f'"mrn": "{mrn}"') == 1
