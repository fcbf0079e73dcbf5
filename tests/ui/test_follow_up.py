"""Follow-up: final decisions with planned/ongoing follow-up, and cases to re-discuss."""

from PySide6.QtCore import Qt

from desktop.logic.model.records import seal
from desktop.logic.store.database import Store
from desktop.ui.follow_up import FollowUpModel, FollowUpView, load_follow_up
from desktop.ui.settings import Settings
from tests.factories import make_case

SCAN = {
    "date": "2026-06-01",
    "modality": "MRI",
    "criteria": "mRECIST",
    "lesions": [{"id": "L1", "viable_diameter_mm": 30}],
}


def _decided(store, mrn, follow_up, imaging=()):
    record = seal(
        {
            "meeting_date": "2026-06-10",
            "status": "final",
            "recommendation": "Resect.",
            "reopen_conditions": ["any new lesion"],
            "follow_up": {"status": follow_up},
        },
        "",
    )
    case = make_case(**{"patient.mrn": mrn, "decisions": [record], "imaging": list(imaging)})
    return store.new_case(case).case_id


def test_planned_and_rediscussion_rows(store):
    planned = _decided(store, "A-1", "planned", [SCAN])
    again = _decided(
        store, "A-2", "completed", [SCAN, {**SCAN, "date": "2026-07-01", "new_lesions": True}]
    )
    _decided(store, "A-3", "completed", [SCAN])  # nothing to follow
    store.new_case(make_case(**{"patient.mrn": "A-4"}))  # no decision
    rows = load_follow_up(store)
    assert [(r.case_id, r.rediscuss) for r in rows] == [(again, True), (planned, False)]
    assert rows[0].reasons[-1].render("en") == (
        "Check the reopen conditions set by the MDT: any new lesion"
    )


def test_model_passes_qtmodeltester(qtmodeltester, store):
    _decided(store, "A-1", "ongoing", [SCAN])
    model = FollowUpModel()
    model.set_rows(load_follow_up(store))
    qtmodeltester.check(model)
    assert model.index(0, 3).data() == "ongoing"


def test_only_rediscuss_filter(store):
    _decided(store, "A-1", "planned", [SCAN])
    _decided(store, "A-2", "planned", [SCAN, {**SCAN, "date": "2026-07-01"}])
    model = FollowUpModel()
    model.set_rows(load_follow_up(store))
    model.set_only_rediscuss(True)
    assert model.rowCount() == 1
    assert model.index(0, model.KEYS.index("rediscuss")).data() == "yes: new data"


def test_view_loads_in_a_worker(qtbot, store, tmp_path):
    _decided(store, "A-1", "planned", [SCAN])
    path, user = store.path, store.user
    view = FollowUpView(
        store,
        Settings.at(tmp_path / "s.ini"),
        open_store=lambda: Store.open(path, user=user, read_only=True),
    )
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000) as done:
        view.refresh()
    assert done.args == [1]
    assert view.status.text() == "1 decisions in follow-up, 0 to re-discuss, 1 restaging overdue"


def test_overdue_restaging_is_marked_and_comes_first(store):
    import datetime as dt

    from desktop.ui.follow_up import FollowUpModel, due_text

    late = _decided(store, "B-1", "planned", [SCAN])  # meeting 2026-06-10: due 2026-08-05
    recent = _decided(store, "B-2", "ongoing", [SCAN, {**SCAN, "date": "2026-08-01"}])
    rows = load_follow_up(store, today=dt.date(2026, 8, 17))
    by_id = {row.case_id: row for row in rows}
    assert by_id[late].overdue
    assert due_text(by_id[late].due) == "\u26a0 2026-08-05, overdue 12 day(s)"
    model = FollowUpModel()
    model.set_rows([by_id[late]])
    due = model.index(0, model.KEYS.index("due"))
    assert due.data(Qt.ItemDataRole.ForegroundRole).lightnessF() < 0.5  # the problem tone
    assert "after the meeting of 2026-06-10" in due.data(Qt.ItemDataRole.ToolTipRole)
    # B-2 has new data since its decision (re-discussion first), then the overdue one
    assert [row.case_id for row in rows] == [recent, late]
