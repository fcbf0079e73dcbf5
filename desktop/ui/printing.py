"""Printing a case's MDT summary: Qt's print dialog, then the PDF's own pages on the printer.

The summary is written to a temporary PDF and its pages are rendered to images at the
printer's resolution by PDFium (pypdfium2) off the GUI thread; the GUI thread only paints
them, one per sheet, scaled to the printable area. What comes out is the PDF, page for page,
so paper and file never differ. The temporary PDF is removed as soon as its pages are read.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui import workers

if TYPE_CHECKING:
    from desktop.logic.model import Rules

MAX_DPI = 300  # finer than the PDF's type needs; keeps a page's image under ~35 MB
POINTS_PER_INCH = 72


def ask_printer(parent: QWidget) -> QPrinter | None:
    """Qt's print dialog (printer, copies, pages); the printer chosen, or None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def page_range(printer: QPrinter) -> tuple[int, int]:
    """(first, last) page numbers asked for, 1-based; (1, 0) means every page."""
    first, last = printer.fromPage(), printer.toPage()
    return (first, last) if first > 0 else (1, 0)


def render_pages(
    pdf: Path, dpi: int, pages: tuple[int, int], control: workers.TaskControl
) -> list[QImage]:
    """The PDF's pages `pages` (first, last; last 0 = to the end) as images at `dpi`."""
    import pypdfium2  # the renderer loads with the first print

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        first, last = pages
        last = min(last or len(document), len(document))
        images = []
        for index in range(first - 1, last):
            if control.cancelled:
                return []
            page = document[index]
            try:
                images.append(_page_image(page, dpi))
            finally:
                page.close()  # before the document: PDFium frees a page with its document
            control.report(index - first + 2, last - first + 2)
        return images
    finally:
        document.close()


def _page_image(page: Any, dpi: int) -> QImage:  # a pypdfium2 PdfPage (pypdfium2 is untyped)
    bitmap = page.render(
        scale=dpi / POINTS_PER_INCH, fill_color=(255, 255, 255, 255), rev_byteorder=True,
        prefer_bgrx=False, may_draw_forms=False,
    )  # fmt: skip
    channels = bitmap.n_channels
    formats = {3: QImage.Format.Format_RGB888, 4: QImage.Format.Format_RGBA8888}
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, formats[channels])
    return image.copy()  # own the pixels: the bitmap's buffer goes with the page


def summary_pages(
    open_store: workers.StoreOpener,
    case_id: str,
    options: workers.ReportOptions,
    rules: Rules,
    dpi: int,
    pages: tuple[int, int],
) -> workers.Work:
    """Work function: the case's summary PDF, written to a temporary folder and rendered to
    page images at `dpi`; the folder is removed before it returns."""

    def work(control: workers.TaskControl) -> list[QImage]:
        with tempfile.TemporaryDirectory(prefix="mdt-print-") as folder:
            pdf = Path(folder) / "summary.pdf"
            workers.summary_pdf(open_store, case_id, pdf, options, rules)(control)
            if control.cancelled:
                return []
            return render_pages(pdf, dpi, pages, control)

    return work


def paint_pages(printer: QPrinter, images: list[QImage]) -> int:
    """Each image on its own sheet, as large as the printable area allows; returns the count."""
    if not images:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer refused to start the job")
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = QRectF(painter.viewport())
            size = QSizeF(image.size()).scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(area.topLeft(), size)
            target.moveCenter(area.center())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(images)
