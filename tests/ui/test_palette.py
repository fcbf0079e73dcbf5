"""A dark palette (macOS dark appearance, a dark desktop theme) never gives text on a background
of its own colour: every label of every screen is rendered and its text must stand out; style
sheets use palette roles and tones, never a fixed light background or a pixel font size."""

import re
from collections import Counter
from functools import cache

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.logic.store.database import Store, User
from desktop.ui.palette import is_dark, tone
from desktop.ui.settings import Settings
from tests.conftest import REPO

MIN_CONTRAST = 3.0  # WCAG's floor for large text; body text in these screens reaches far more
FIXED_LIGHT = re.compile(r"background:\s*(#f[0-9a-f]{5}|white)|font-size:\s*\d+px", re.I)


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2e",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e20",
        QPalette.ColorRole.AlternateBase: "#2a2a2d",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#3a3a3d",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Mid: "#5a5a5e",
        QPalette.ColorRole.Highlight: "#3d6ea8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#9a9a9e",
        QPalette.ColorRole.ToolTipBase: "#3a3a3d",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark(qapp):
    before = qapp.palette()
    qapp.setPalette(dark_palette())
    yield
    qapp.setPalette(before)


@cache
def luminance(rgb: int) -> float:
    """WCAG relative luminance of a 0xAARRGGBB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(rgb >> 16 & 255)
        + 0.7152 * channel(rgb >> 8 & 255)
        + 0.0722 * (channel(rgb & 255))
    )


def contrast(one: int, other: int) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_contrast(image: QImage, rect: QRect) -> float:
    """The strongest contrast between the area's commonest colour (its background) and any
    other colour in it (its text)."""
    colours = Counter(
        image.pixel(x, y)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )
    background = colours.most_common(1)[0][0]
    return max(contrast(background, colour) for colour in colours)


def faint_labels(window: QWidget) -> list[str]:
    image = window.grab().toImage()
    faint = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip() or label.width() < 4:
            continue
        shown = label.visibleRegion().boundingRect()  # scrolled out of view: not on screen
        if shown.height() < label.fontMetrics().height():
            continue
        rect = QRect(label.mapTo(window, shown.topLeft()), shown.size()) & image.rect()
        if rect.isEmpty():
            continue
        if text_contrast(image, rect) < MIN_CONTRAST:
            faint.append(f"{label.text()[:50]!r} ({text_contrast(image, rect):.2f})")
    return faint


def test_tones_differ_by_palette(dark):
    assert is_dark()
    assert tone("problem").lightnessF() > 0.5  # a light red on the dark base
    assert tone("problem", QApplication.style().standardPalette()).lightnessF() < 0.5


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_every_workspace_step_reads_in_a_dark_palette(qtbot, dark, tmp_path):
    from desktop.ui.main_window import MainWindow

    with Store.open(tmp_path / "c.sqlite3", user=User("Li Ming", "surgeon")) as store:
        window = MainWindow(store, Settings.at(tmp_path / "s.ini"))
        qtbot.addWidget(window)
        ids = window.case_actions.on_load_demo()
        window.resize(1280, 800)
        window.show()
        problems = {"cases": faint_labels(window)}
        for case_id in ids[:3]:
            workspace = window.open_case(case_id)
            for step in range(workspace.sidebar.count()):
                workspace.sidebar.setCurrentRow(step)
                found = faint_labels(window)
                if found:
                    problems[f"{workspace.document.case.patient.name} step {step + 1}"] = found
        assert {k: v for k, v in problems.items() if v} == {}


def test_no_style_sheet_fixes_a_light_background_or_a_pixel_font_size():
    found = [
        f"{path.name}: {match.group(0)}"
        for path in (REPO / "desktop" / "ui").glob("*.py")
        for match in FIXED_LIGHT.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
