"""Presentation mode: one case per screen, keys move through the agenda, Esc leaves."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.logic.model.rules import default_rules
from desktop.ui.presentation import BODY_PT, PresentationWindow, age_on
from desktop.ui.settings import Settings
from desktop.ui.slide_text import joined
from tests.factories import make_case


@pytest.fixture
def slides(qtbot, store, tmp_path):
    ids = [
        store.new_case(
            make_case(**{"patient.mrn": f"S-{n}", "patient.name": f"Patient {n}"})
        ).case_id
        for n in range(3)
    ]
    settings = Settings.at(tmp_path / "s.ini")
    window = PresentationWindow(store, ids, settings, default_rules(), dt.date(2026, 6, 3))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    return window


@pytest.mark.parametrize(
    ("keys", "shown"),
    [
        ([Qt.Key.Key_Right], 1),
        ([Qt.Key.Key_PageDown, Qt.Key.Key_Down], 2),
        ([Qt.Key.Key_Right] * 5, 2),  # stops at the last case
        ([Qt.Key.Key_Left], 0),  # stops at the first case
        ([Qt.Key.Key_End, Qt.Key.Key_PageUp], 1),
        ([Qt.Key.Key_End, Qt.Key.Key_Home], 0),
        ([Qt.Key.Key_Space, Qt.Key.Key_Up], 0),
    ],
)
def test_keys_move_through_the_agenda(qtbot, slides, keys, shown):
    for key in keys:
        qtbot.keyClick(slides, key)
    assert slides.index == shown
    assert slides.title.text().startswith(f"Patient {shown}")
    assert slides.position.text() == f"{shown + 1} / 3"


def test_escape_leaves(qtbot, slides):
    with qtbot.waitSignal(slides.closed):
        qtbot.keyClick(slides, Qt.Key.Key_Escape)


def plain(text):
    """A slide's text as read: no-break spaces as spaces, word joiners gone."""
    return text.replace("\u00a0", " ").replace("\u2060", "")


def test_key_facts_in_large_type(slides):
    labels = [slides.facts.itemAt(i).widget() for i in range(slides.facts.count())]
    texts = [plain(label.text()) for label in labels]
    assert texts[:2] == ["Stage", "BCLC A · CNLC Ia"]
    assert min(label.font().pointSize() for label in labels) >= BODY_PT >= 28
    assert slides.chart.font().pointSize() >= 24


@pytest.mark.parametrize(
    ("parts", "shown"),
    [
        (["BCLC C", "CNLC IIIa"], "BCLC\u00a0C\u00a0· CNLC\u00a0IIIa"),
        (["AFP 8 ng/mL"], "AFP\u00a08\u00a0ng/\u2060mL"),
        (["无肝外转移"], "无\u2060肝\u2060外\u2060转\u2060移"),
        (["longer than twenty-four characters"], "longer than twenty-four characters"),
    ],
)
def test_joined_parts_break_between_parts_only(parts, shown):
    assert joined(parts) == shown


def test_empty_agenda(qtbot, store, tmp_path):
    window = PresentationWindow(store, [], Settings.at(tmp_path / "s.ini"), default_rules())
    qtbot.addWidget(window)
    assert window.title.text() == "The agenda is empty"
    window.on_next()
    assert window.current_case_id() is None


@pytest.mark.parametrize(("on", "age"), [(dt.date(2026, 4, 1), 64), (dt.date(2026, 4, 2), 65)])
def test_age_on_birthday_boundary(on, age):
    assert age_on(dt.date(1961, 4, 2), on) == age
