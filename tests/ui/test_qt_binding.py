"""The installed Qt binding keeps the interpreter alive through long use.

PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` on every call of a method that
returns nothing; after some thousands of calls the interpreter aborts with
``Fatal Python error: none_dealloc``. pyproject excludes that release; this test fails on any
future release with the same bug, so it shows up in CI instead of in a meeting.
"""

import sys

import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QLineEdit

pytestmark = pytest.mark.smoke

CALLS = 20_000
CHUNK = 1_000
# A handful of references to None may come and go with caches; a leak per call cannot hide here.
TOLERATED_DRIFT = 100


def assert_none_refs_steady(one_call) -> None:
    """Make CALLS calls, checking after each chunk, so a leaking binding fails this test cleanly
    before None's count reaches zero and the interpreter aborts."""
    before = sys.getrefcount(None)
    for done in range(CHUNK, CALLS + 1, CHUNK):
        for _ in range(CHUNK):
            one_call()
        drift = sys.getrefcount(None) - before
        assert abs(drift) < TOLERATED_DRIFT, f"None lost {-drift} references in {done} void calls"


def test_void_widget_calls_keep_none_referenced(qtbot):
    editor = QLineEdit()
    qtbot.addWidget(editor)

    def one_call():
        editor.setText("x")

    assert_none_refs_steady(one_call)


def test_void_painter_calls_keep_none_referenced():
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    pen = QPen(QColor("black"))

    def one_call():
        painter.save()
        painter.setPen(pen)
        painter.restore()

    try:
        assert_none_refs_steady(one_call)
    finally:
        painter.end()
