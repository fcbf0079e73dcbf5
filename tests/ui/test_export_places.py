"""Where exports go and what follows: a default name from the case and its meeting date, the
last folder remembered, Open and Show in folder after writing, and printing the summary's
own pages through a printer."""

import pytest
from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.logic.store.database import Store, User
from desktop.ui import export as export_module
from desktop.ui.export import ReportExports, file_stem, summary_file_name
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.workers import ReportOptions
from tests.conftest import example_data
from tests.factories import make_case
from tests.logic.report.test_summary import page_count

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "cases.sqlite3", user=User("Li Ming", "surgeon")) as opened:
        yield opened


@pytest.fixture
def opened():
    return []


@pytest.fixture
def window(qtbot, store, tmp_path, opened, monkeypatch):
    monkeypatch.setattr(export_module.QDesktopServices, "openUrl", opened.append)
    main = MainWindow(store, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    return main


def test_default_file_name_is_the_mrn_and_meeting_date(pvtt_case_data):
    from desktop.logic.model.case_io import parse_case

    case = parse_case(pvtt_case_data)
    assert summary_file_name(case, False) == "MDT-summary_H-000123_2026-11-25.pdf"
    assert summary_file_name(case, True) == "MDT-summary_de-identified_2026-11-25.pdf"
    pvtt_case_data["decisions"] = []
    assert summary_file_name(parse_case(pvtt_case_data), False).endswith("_2026-06-01.pdf")


@pytest.mark.parametrize(
    ("text", "stem"),
    [("H-000123", "H-000123"), ("EX/1 a:b", "EX_1_a_b"), ("王伟", "王伟"), ("../..", "case")],
)
def test_file_stem_keeps_names_safe(text, stem):
    assert file_stem(text) == stem


def test_save_dialog_opens_in_the_last_folder_with_the_default_name(
    qtbot, window, store, tmp_path, monkeypatch
):
    case_id = store.new_case(make_case(**{"patient.mrn": "H-1"})).case_id
    window.cases.refresh()
    window.cases.select_case(case_id)
    asked = []
    chosen = tmp_path / "out" / "summary.pdf"
    chosen.parent.mkdir()

    def save_dialog(parent, title, start, filters, **_options):
        asked.append(start)
        return str(chosen), filters

    monkeypatch.setattr(export_module.QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(ReportExports, "_ask_options", lambda self, title: ReportOptions())
    window.settings.set_last_folder(tmp_path)
    task = window.exports.on_export_pdf()
    with qtbot.waitSignal(task.signals.finished, timeout=60_000):
        pass
    assert asked == [str(tmp_path / "MDT-summary_H-1_2026-06-01.pdf")]
    assert window.settings.last_folder() == chosen.parent  # remembered for the next dialog


def test_last_folder_falls_back_to_an_existing_folder(tmp_path):
    settings = Settings.at(tmp_path / "s.ini")
    settings.set_last_folder(tmp_path / "gone")
    assert settings.last_folder().is_dir()
    assert settings.last_folder() != tmp_path / "gone"


def test_written_note_opens_the_file_or_its_folder(qtbot, window, store, tmp_path, opened):
    [case_id] = [store.new_case(make_case()).case_id]
    out = tmp_path / "s.pdf"
    task = window.exports.export_pdf(case_id, out, ReportOptions())
    with qtbot.waitSignal(task.signals.finished, timeout=60_000):
        pass
    bar = window.exports.written_bar
    assert not bar.isHidden()
    assert bar.label.text() == "Written: s.pdf"
    assert bar.label.toolTip() == str(out)
    bar.open_button.click()
    bar.folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(out)), QUrl.fromLocalFile(str(tmp_path))]


@pytest.mark.smoke
def test_print_puts_the_summarys_own_pages_on_the_printer(qtbot, window, store, tmp_path):
    case_id = store.new_case(make_case(**example_data("advanced-pvtt-conversion"))).case_id
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(100)
    task = window.exports.print_case(case_id, printer)
    with qtbot.waitSignal(task.signals.finished, timeout=60_000):
        pass
    summary = tmp_path / "summary.pdf"
    done = window.exports.export_pdf(case_id, summary, ReportOptions())
    with qtbot.waitSignal(done.signals.finished, timeout=60_000):
        pass
    assert page_count(tmp_path / "printed.pdf") == page_count(summary) >= 2
    printed, original = dark_pixels(tmp_path / "printed.pdf"), dark_pixels(summary)
    assert printed > 100  # ink, not blank paper
    assert 0.6 < printed / original < 1.6  # about as much ink as the summary's own page 1


def dark_pixels(pdf_path) -> int:
    """Dark pixels on the first page, rendered by Qt's own PDF reader."""
    document = QPdfDocument()
    document.load(str(pdf_path))
    page = document.render(0, QSize(595, 842))
    image = QImage(page.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))  # the page on paper: transparent parts are white
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    return sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).lightness() < 160
    )
