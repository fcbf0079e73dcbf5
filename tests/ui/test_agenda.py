"""The meeting agenda: model checks, readiness per case, order, discussed, carry-over."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.ui.agenda import AgendaView
from desktop.ui.agenda_model import AgendaModel, readiness_summary
from desktop.ui.settings import set_stale_days, stale_days
from tests.factories import make_case

MEETING = dt.date(2026, 12, 2)


def _cases(store, count):
    ids = []
    for n in range(count):
        case = make_case(
            **{"patient.mrn": f"M-{n}", "patient.name": f"Patient {n}", "assessed_on": "2026-11-20"}
        )
        ids.append(store.new_case(case).case_id)
        store.agenda.add(MEETING.isoformat(), ids[-1])
    return ids


def _view(qtbot, store, settings):
    view = AgendaView(store, settings)
    qtbot.addWidget(view)
    view.on_meeting_chosen(MEETING)
    return view


def test_model_passes_qtmodeltester(qtmodeltester, store):
    _cases(store, 3)
    model = AgendaModel(store, 30)
    model.load(MEETING)
    qtmodeltester.check(model)


def test_readiness_shown_per_case(store):
    _cases(store, 1)
    model = AgendaModel(store, 30)
    model.load(MEETING)
    [row] = model.rows()
    # minimal case: no imaging, no question, optional labs and history missing; labs 12 days old
    assert row.readiness.count("stale") == 0
    assert model.index(0, 5).data() == readiness_summary(row.readiness)
    assert model.index(0, 5).data().endswith("missing")


@pytest.mark.parametrize(("days", "stale"), [(12, 0), (11, 1)])
def test_stale_days_setting_marks_old_labs(store, days, stale):
    _cases(store, 1)
    model = AgendaModel(store, days)
    model.load(MEETING)  # labs of 2026-11-20 are 12 days old at the meeting
    assert model.rows()[0].readiness.count("stale") == stale


def test_discussed_checkbox_writes_to_store(store):
    ids = _cases(store, 2)
    model = AgendaModel(store, 30)
    model.load(MEETING)
    index = model.index(1, 6)
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert [item.discussed for item in store.agenda.items(MEETING.isoformat())] == [False, True]
    assert store.agenda.items(MEETING.isoformat())[1].case_id == ids[1]


def test_move_and_remove(qtbot, store, settings):
    ids = _cases(store, 3)
    view = _view(qtbot, store, settings)
    view.on_move(2, -1)
    assert view.case_ids() == [ids[0], ids[2], ids[1]]
    view.on_move(0, -1)  # already first: nothing moves
    assert view.case_ids() == [ids[0], ids[2], ids[1]]
    view.on_remove(0)
    assert view.case_ids() == [ids[2], ids[1]]


def test_undiscussed_cases_carry_over_to_next_meeting(qtbot, store, settings):
    ids = _cases(store, 3)
    view = _view(qtbot, store, settings)
    view.on_toggle_discussed(0)
    moved = view.on_carry_over(MEETING + dt.timedelta(days=7))
    assert moved == 2
    assert view.meeting() == dt.date(2026, 12, 9)
    assert view.case_ids() == [ids[1], ids[2]]
    assert [i.case_id for i in store.agenda.items(MEETING.isoformat())] == [ids[0]]


def test_add_cases_and_gap_list(qtbot, store, settings):
    case_id = store.new_case(make_case()).case_id
    view = _view(qtbot, store, settings)
    view.on_add_cases([case_id])
    assert view.case_ids() == [case_id]
    view.on_row_selected(0)
    texts = [view.gaps.item(i).text() for i in range(view.gaps.count())]
    assert "No question for the MDT meeting on 2026-12-02" in texts


def test_present_signal_carries_the_meeting(qtbot, store, settings):
    view = _view(qtbot, store, settings)
    with qtbot.waitSignal(view.presentRequested) as asked:
        view.on_present()
    assert asked.args == ["2026-12-02"]


@pytest.mark.parametrize(("days", "stale"), [(12, 0), (11, 1)])
def test_view_uses_the_department_stale_days_from_the_store(qtbot, store, settings, days, stale):
    _cases(store, 1)
    set_stale_days(store, days)
    view = _view(qtbot, store, settings)
    assert view.model.rows()[0].readiness.count("stale") == stale


def test_stale_days_default_and_range(store):
    assert stale_days(store) == 30
    with pytest.raises(ValueError, match="0-365"):
        set_stale_days(store, 366)
    set_stale_days(store, 0)
    assert stale_days(store) == 0


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_agenda_loads_when_first_shown(qtbot, store, settings):
    _cases(store, 2)
    view = AgendaView(store, settings)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0  # nothing parsed before it is needed
    view.show()
    qtbot.waitExposed(view)
    assert view.meeting() == view.default_meeting()
    assert view.model.rowCount() == len(store.agenda.items(view.meeting().isoformat()))


def _case_with_questions(store):
    """A case asked one question at an earlier meeting and another at MEETING."""
    records = [
        {"meeting_date": "2026-11-20", "status": "draft", "question": "Earlier question?"},
    ]
    case = make_case(**{"patient.mrn": "Q-1", "assessed_on": "2026-11-20"}, decisions=records)
    case_id = store.new_case(case).case_id
    store.agenda.add(MEETING.isoformat(), case_id)
    return case_id


def test_the_agenda_and_the_pack_show_the_same_meeting_question(store, tmp_path):
    from desktop.logic.report.summary import write_meeting_pack
    from tests.logic.report.test_summary import pdf_text

    case_id = _case_with_questions(store)
    model = AgendaModel(store, 30)
    model.load(MEETING)
    # The earlier meeting's question is not this meeting's: both say none.
    assert model.index(0, 4).data() == ""
    assert "No question for the MDT meeting on 2026-12-02" in model.index(0, 5).data(
        Qt.ItemDataRole.ToolTipRole
    )
    case = store.get_case(case_id).case
    pack = write_meeting_pack([(case_id, case)], tmp_path / "p.pdf", meeting_date=MEETING)
    assert "Earlier question?" not in pdf_text(pack, 1)
    data = case.to_json_dict()
    data["decisions"].append(
        {"meeting_date": MEETING.isoformat(), "status": "draft", "question": "Resect now?"}
    )
    data["decisions"][0]["status"] = "draft"
    from desktop.logic.model import Case

    store.save_case(case_id, Case.model_validate(data), expected_revision=1)
    model.load(MEETING)
    assert model.index(0, 4).data() == "Resect now?"
    case = store.get_case(case_id).case
    pack = write_meeting_pack([(case_id, case)], tmp_path / "q.pdf", meeting_date=MEETING)
    assert "Resect now?" in pdf_text(pack, 1)


@pytest.mark.parametrize("typed", ["2026-02-31", "2027/06/15"])
def test_a_wrong_meeting_date_is_refused_as_typed(qtbot, store, settings, typed):
    view = _view(qtbot, store, settings)
    view.ensure_loaded()
    shown = view.meeting()
    view.date.setText(typed)
    view.on_date_typed()
    assert view.date.text() == typed
    assert typed in view.date_error.text()
    assert view.meeting() == shown


def test_a_typed_meeting_date_shows_that_meeting(qtbot, store, settings):
    view = _view(qtbot, store, settings)
    view.date.setText("2027-06-15")
    view.on_date_typed()
    assert view.meeting() == dt.date(2027, 6, 15)
    assert view.date.text() == "2027-06-15"


def test_carry_over_refuses_a_wrong_date_and_stays_open(qtbot):
    from desktop.ui.agenda_dialogs import CarryOverDialog

    dialog = CarryOverDialog(MEETING)
    qtbot.addWidget(dialog)
    assert dialog.date.text() == "2026-12-02"
    dialog.date.setText("2026-02-31")
    dialog.on_accept()
    assert dialog.result() == 0
    assert "2026-02-31" in dialog.error.text()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show()
def test_the_add_cases_dialog_shows_whole_names(qtbot, store):
    from desktop.ui.agenda_dialogs import CasePickerDialog

    long_name = "Maria Fernanda Lopez de la Cruz Hernandez-Villanueva"
    store.new_case(make_case(**{"patient.mrn": "H-000457", "patient.name": long_name}))
    dialog = CasePickerDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    needed = table.fontMetrics().horizontalAdvance(long_name)
    assert table.columnWidth(0) >= needed
    assert table.textElideMode() == Qt.TextElideMode.ElideNone
