"""The dated AFP / PIVKA-II table of the Response step (add, correct, remove, undo; drawn on the
chart) and the last major surgery date that must agree with the 28-day flag."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.ui.step_regimen import RegimenStep
from desktop.ui.step_response import ResponseStep
from tests.factories import make_case

TODAY = dt.date.today()
FLAG = "history.major_surgery_within_28_days"
LAST = "history.last_major_surgery_date"


def days_ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


@pytest.fixture
def response(mount_step):
    return mount_step(ResponseStep)


def cells(panel):
    model = panel.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_marker_values_are_added_in_date_order_with_their_units(response):
    panel = response.markers
    assert panel.on_add("2026-05-10", "310", "IU/mL", "") == []
    assert panel.on_add("2026-03-01", "", "ng/mL", "400") == []
    assert cells(panel) == [["2026-03-01", "", "400 mAU/mL"], ["2026-05-10", "310 IU/mL", ""]]
    assert response.document.value("labs_history") == [
        {"date": "2026-03-01", "pivka_ii": {"value": 400, "unit": "mAU/mL"}},
        {"date": "2026-05-10", "afp": {"value": 310, "unit": "IU/mL"}},
    ]
    assert (panel.date.text(), panel.afp.text(), panel.pivka.text()) == ("", "", "")


def test_the_chart_and_the_change_from_the_first_value_show_the_entries(response):
    response.markers.on_add("2026-03-01", "1000", "ng/mL", "")
    response.markers.on_add("2026-05-10", "250", "ng/mL", "")
    afp = dict(response.chart.series().afp_ng_ml)
    assert afp[dt.date(2026, 3, 1)] == 1000
    assert afp[dt.date(2026, 5, 10)] == 250
    lines = response.marker_changes.why.text()
    assert "AFP 2026-03-01: 1000 ng/mL (+0.0 % vs the first value)" in lines
    assert "AFP 2026-05-10: 250 ng/mL (-75.0 % vs the first value)" in lines


@pytest.mark.parametrize(
    ("date", "afp", "pivka", "said"),
    [
        ((TODAY + dt.timedelta(days=1)).isoformat(), "5", "", "is after the day of evaluation"),
        ("2026-02-31", "5", "", "2026-02-31"),
        ("", "5", "", "Marker measurement 1"),
        ("2026-05-10", "-1", "", "AFP: -1"),
        ("2026-05-10", "", "-0.5", "PIVKA-II: -0.5"),
        ("2026-05-10", "lots", "", "\u201clots\u201d is not a number"),
        ("2026-05-10", "", "", "holds neither AFP nor PIVKA-II"),
    ],
)
def test_a_wrong_entry_is_refused_in_words_and_the_typing_kept(response, date, afp, pivka, said):
    panel = response.markers
    panel.date.setText(date)
    panel.afp.setText(afp)
    panel.pivka.setText(pivka)
    panel.on_add_clicked()
    assert said in panel.errors.text()
    assert (panel.date.text(), panel.afp.text(), panel.pivka.text()) == (date, afp, pivka)
    assert response.document.value("labs_history") is None


@pytest.mark.parametrize(("date", "afp"), [(TODAY.isoformat(), "0"), ("1900-01-01", "10000000")])
def test_the_last_entry_inside_each_boundary_is_accepted(mount_step, date, afp):
    response = mount_step(ResponseStep, make_case(**{"patient.birth_date": None}))
    assert response.markers.on_add(date, afp, "ng/mL", "") == []


def test_a_value_is_corrected_in_its_cell_keeping_or_changing_its_unit(response):
    panel = response.markers
    panel.on_add("2026-05-10", "310", "IU/mL", "40")
    afp = panel.model.index(0, 1)
    assert panel.model.setData(afp, "350")
    assert response.document.value("labs_history.0.afp") == {"value": 350, "unit": "IU/mL"}
    assert panel.model.setData(afp, "420 ng/mL")
    assert response.document.value("labs_history.0.afp") == {"value": 420, "unit": "ng/mL"}
    assert not panel.model.setData(afp, "420 mg")
    assert "AFP (unit)" in panel.errors.text()
    assert afp.data() == "420 mg"  # the typed text stays in its cell until fixed
    assert afp.data(Qt.ItemDataRole.ToolTipRole).startswith("Marker measurement 1")
    assert panel.model.setData(afp, "")  # a blank cell: that marker was not measured
    assert response.document.value("labs_history.0") == {
        "date": "2026-05-10",
        "pivka_ii": {"value": 40, "unit": "mAU/mL"},
    }
    assert not panel.model.setData(panel.model.index(0, 2), "")
    assert "holds neither AFP nor PIVKA-II" in panel.errors.text()


def test_a_row_is_removed_only_when_selected_and_the_removal_undone(response):
    panel = response.markers
    panel.on_add("2026-05-10", "310", "ng/mL", "40")
    assert panel.on_remove() == ["Select the marker values to remove in the table first."]
    panel.view.selectRow(0)
    assert panel.on_remove() == []
    assert "labs_history" not in response.document.case.to_json_dict()  # written only with values
    response.document.undo_stack.undo()
    assert cells(panel) == [["2026-05-10", "310 ng/mL", "40 mAU/mL"]]
    response.document.undo_stack.undo()  # the addition too
    assert cells(panel) == []


def test_the_marker_table_passes_the_model_tester(qtmodeltester, response):
    response.markers.on_add("2026-05-10", "310", "ng/mL", "40")
    qtmodeltester.check(response.markers.model)


@pytest.fixture
def regimen(mount_step):
    return mount_step(RegimenStep)


def choose(field, value):
    field.combo.setCurrentIndex(field.combo.findData(value))


def type_date(field, text):
    field.edit.setText(text)
    field.on_edited()


@pytest.mark.parametrize(
    ("flag", "days", "agrees"),
    [(True, 28, True), (True, 29, False), (False, 29, True), (False, 28, False), (True, 0, True)],
)
def test_a_surgery_date_must_agree_with_the_28_day_answer(regimen, flag, days, agrees):
    choose(regimen.history[FLAG], flag)
    date = regimen.history[LAST]
    type_date(date, days_ago(days))
    assert (regimen.document.value(LAST) == days_ago(days)) is agrees
    assert date.error.isHidden() is agrees
    if not agrees:
        said = date.error.text()
        assert said.startswith(f"Last major surgery on: {days_ago(days)} is {days} days before")
        answer = "yes" if flag else "no"
        assert f"\u201cMajor surgery within 28 days\u201d is answered {answer}" in said
        assert date.edit.text() == days_ago(days)  # the typed date is kept


@pytest.mark.parametrize(("flag", "days"), [(True, 29), (False, 28)])
def test_a_28_day_answer_that_contradicts_the_date_is_refused_beside_it(regimen, flag, days):
    type_date(regimen.history[LAST], days_ago(days))
    field = regimen.history[FLAG]
    choose(field, flag)
    answer = "yes" if flag else "no"
    assert field.error.text().startswith(f"Major surgery within 28 days: {answer} disagrees")
    assert days_ago(days) in field.error.text()
    assert regimen.document.value(FLAG) is None
    assert field.combo.currentText() == answer  # the choice stays shown with its reason
    choose(field, not flag)
    assert field.error.isHidden()
    assert regimen.document.value(FLAG) is (not flag)


def test_the_surgery_refusal_reads_in_chinese(mount_step):
    page = mount_step(RegimenStep)
    page.document.lang = "zh_CN"  # the language refusals are said in (the workspace's)
    type_date(page.history[LAST], days_ago(100))
    choose(page.history[FLAG], True)
    text = page.history[FLAG].error.text()
    assert text.startswith("28 天内大手术：")
    assert "末次大手术日期" in text


def test_a_lesion_is_marked_non_target_in_every_scan_in_one_undo_step(response):
    imaging = response.imaging
    imaging.on_add_scan("2026-03-01", "MRI", "mRECIST", "30, 20")
    imaging.on_add_scan("2026-05-01", "MRI", "mRECIST", "15, 20")
    assert imaging.on_set_target("L2", False) == []
    scans = response.document.value("imaging")
    assert [lesion["target"] for scan in scans for lesion in scan["lesions"]] == [
        True,
        False,
        True,
        False,
    ]
    assert imaging.model.headerData(1, Qt.Orientation.Vertical) == "L2 (non-target)"
    assert response.timepoints.index(1, 1).data() == "15"  # the sum counts target lesions only
    response.document.undo_stack.undo()
    assert all(les["target"] for s in response.document.value("imaging") for les in s["lesions"])
    assert imaging.model.headerData(1, Qt.Orientation.Vertical) == "L2"


def test_a_lesion_missing_from_a_follow_up_cannot_become_a_target(response):
    imaging = response.imaging
    imaging.on_add_scan("2026-03-01", "MRI", "mRECIST", "30, 20")
    imaging.on_set_target("L2", False)
    imaging.on_add_scan("2026-05-01", "MRI", "mRECIST", "15")  # L1 only: L2 is non-target
    imaging.target_lesion.setCurrentText("L2")
    assert imaging.target_choice.currentText() == "no"
    problems = imaging.on_set_target("L2", True)
    assert len(problems) == 1
    assert "L2" in problems[0]
    assert imaging.errors.text() == problems[0]
    assert imaging.target_choice.currentData() is False  # the choice shows the record again
