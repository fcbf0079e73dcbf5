"""Presentation mode readable on a 720p and a 1080p screen in both languages: every slide of
the demonstration agenda is rendered and measured; any text cut, elided, overlapping or off
the screen, and any chart text touching another text or an axis, fails."""

import datetime as dt
from itertools import combinations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QRect, QRectF, QTranslator
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel

from desktop.logic.model.rules import default_rules
from desktop.logic.store.database import Store, User
from desktop.ui.chart_layout import crosses
from desktop.ui.main_actions import load_demo_cases
from desktop.ui.presentation import BODY_PT, PresentationWindow
from desktop.ui.settings import Settings

SIZES = [(1280, 720), (1920, 1080)]
TOLERANCE = 1.0  # px: rounding between the layout's integers and the text's real extent


@pytest.fixture(params=["en", "zh_CN"])
def lang(request, qapp):
    if request.param == "zh_CN":
        from desktop.ui.app import install_translators

        before = qapp.findChildren(QTranslator)
        install_translators(qapp, "zh_CN")
        yield "zh_CN"
        for translator in qapp.findChildren(QTranslator):
            if translator not in before:
                QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
    else:
        yield "en"


@pytest.fixture
def slides(qtbot, tmp_path, lang):
    with Store.open(tmp_path / "cases.sqlite3", user=User("Li Ming", "surgeon")) as store:
        ids = load_demo_cases(store)
        settings = Settings.at(tmp_path / "s.ini")
        settings.set_language(lang)
        window = PresentationWindow(store, ids, settings, default_rules(), dt.date(2026, 11, 25))
        qtbot.addWidget(window)
        window.show()
        yield window


def text_extent(label: QLabel) -> tuple[float, float]:
    """(widest line, total height) of the label's text as Qt lays it out in its width."""
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(
        QTextOption.WrapMode.WordWrap if label.wordWrap() else QTextOption.WrapMode.NoWrap
    )
    layout.setTextOption(option)
    widest = height = 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
        widest, height = max(widest, line.naturalTextWidth()), height + line.height()
    layout.endLayout()
    return widest, height


def on_screen(window, label: QLabel) -> QRect:
    return QRect(label.mapTo(window, QPoint(0, 0)), label.size())


def slide_problems(window) -> list[str]:
    problems = []
    labels = [w for w in window.findChildren(QLabel) if w.isVisible() and w.text()]
    assert len(labels) == 4 + 2 * 7  # title, position, question, footer and seven facts
    for label in labels:
        widest, height = text_extent(label)
        room = label.contentsRect()
        if widest > room.width() + TOLERANCE or height > room.height() + TOLERANCE:
            problems.append(f"cut: {label.text()!r} needs {widest:.0f}x{height:.0f} in {room}")
        if "…" in label.text() or "..." in label.text():
            problems.append(f"elided: {label.text()!r}")
        if not window.rect().contains(on_screen(window, label)):
            problems.append(f"off the screen: {label.text()!r}")
    for one, other in combinations(labels, 2):
        if on_screen(window, one).intersects(on_screen(window, other)):
            problems.append(f"overlap: {one.text()!r} / {other.text()!r}")
    return problems + chart_problems(window.chart)


def chart_problems(chart) -> list[str]:
    chart.grab()  # paints, placing every text
    texts = chart.placed_texts()
    plot = chart.chart_layout().plot
    axes = [
        QRectF(plot.left() - 1, plot.top(), 2, plot.height()),
        QRectF(plot.left(), plot.bottom() - 1, plot.width(), 2),
    ]
    area = QRectF(chart.rect())
    problems = [f"chart text off the chart: {t.text}" for t in texts if not area.contains(t.rect)]
    for one, other in combinations(texts, 2):
        if one.rect.intersects(other.rect):
            problems.append(f"chart texts overlap: {one.text!r} / {other.text!r}")
    lines = [points for points, _ in chart.chart_layout().lines]
    for text in texts:
        if plot.isValid() and any(text.rect.intersects(axis) for axis in axes):
            problems.append(f"chart text on an axis: {text.text!r}")
        if any(crosses(text.rect, points) for points in lines):
            problems.append(f"chart text crossed by a series line: {text.text!r}")
        width = chart.fontMetrics().horizontalAdvance(text.text)
        if not text.wrap and width > text.rect.width() + TOLERANCE:
            problems.append(f"chart text cut: {text.text!r}")
    return problems


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_fits_whole(qtbot, slides, size):
    slides.resize(*size)
    problems = {}
    for number in range(len(slides.case_ids)):
        slides.show_index(number)
        qtbot.waitUntil(lambda: slides.layout().geometry().size() == slides.size())
        found = slide_problems(slides)
        if found:
            problems[slides.title.text()] = found
    assert problems == {}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_type_stays_large(slides, size):
    """Scaled to the screen's height, never shrunk far below it: 30 pt on 1080 lines, at
    least 60 % of that share of the height on every slide."""
    slides.resize(*size)
    nominal = BODY_PT * size[1] / 1080
    for number in range(len(slides.case_ids)):
        slides.show_index(number)
        facts = [w for w in slides.findChildren(QLabel) if w.isVisible() and w.text()]
        assert min(w.font().pointSizeF() for w in facts) >= 0.6 * nominal, slides.title.text()


def test_chart_has_values_and_an_accessible_name(slides):
    slides.resize(1280, 720)
    slides.show_index(slides.case_ids.index(slides.case_ids[-2]))
    slides.chart.grab()
    assert slides.chart.accessibleName()
    kinds = {t.kind for t in slides.chart.placed_texts()}
    assert {"legend", "tick", "date", "value"} <= kinds
    assert "mm" in slides.chart.accessibleDescription()
