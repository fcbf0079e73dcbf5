"""Follow-up: final decisions with planned/ongoing follow-up, and cases to re-discuss."""


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
    assert model.index(0, 4).data() == "yes: new data"


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
    assert view.status.text() == "1 decisions in follow-up, 0 to re-discuss"
