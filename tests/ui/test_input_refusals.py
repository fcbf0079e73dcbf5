"""The app's own editing refuses what a case file may not hold, in the same words (the field
named as the reader knows it): control characters, dates outside 1900-2100, events after today."""

import datetime as dt

import pytest

from desktop.ui.new_case import NewCaseDialog
from desktop.ui.undo import CaseDocument
from tests.factories import make_case
from tests.ui.test_new_case import _fill

TOMORROW = dt.date.today() + dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        ("patient.name", "Wang\x00Wei", 'Name: "Wang\\u0000Wei" is not accepted: contains '
                                        "the control character U+0000 at character 5"),
        ("patient.mrn", "H-1\x1b", "contains the control character U+001B"),
        ("patient.birth_date", "1800-01-01",
         "Birth date: 1800-01-01 is outside the allowed dates 1900-01-01 to 2100-12-31"),
        ("treatments", [{"regimen": "x", "started": TOMORROW.isoformat()}],
         f"Treatment 1: Started: {TOMORROW.isoformat()} is after the day of evaluation"),
        ("planned_surgery_date", "2101-01-01", "outside the allowed dates"),
    ],
)
def test_workspace_edits_are_refused_like_a_file(qapp, path, value, words):
    document = CaseDocument(make_case())
    before = document.data
    problems = document.propose(path, value)
    assert any(words in p for p in problems), problems
    assert document.data == before


def test_a_planned_surgery_in_the_future_is_accepted(qapp):
    document = CaseDocument(make_case())
    assert document.propose("planned_surgery_date", TOMORROW.isoformat()) == []


@pytest.mark.parametrize(
    ("field", "label", "words"),
    [
        ("patient.name", "Name", "contains the control character U+0007"),
        ("assessed_on", "Labs and assessment dated", "is after the day of evaluation"),
    ],
)
def test_the_new_case_dialog_shows_the_refusal_beside_the_field(qtbot, field, label, words):
    dialog = NewCaseDialog(today=dt.date(2026, 11, 20))
    qtbot.addWidget(dialog)
    _fill(dialog)
    if field == "patient.name":
        dialog.name.setText("Wang\x07Wei")
    else:
        dialog.assessed_on.set_date(TOMORROW)
    dialog.on_accept()
    assert dialog.case() is None
    message = dialog._errors[field]
    assert not message.isHidden()
    assert message.text().startswith(label)
    assert words in message.text()
