"""Meeting agendas: order, discussed marks, carry-over, and next_meeting in the case list."""

from datetime import date, timedelta

import pytest

from desktop.logic.store.database import CaseNotFound, StoreError
from tests.factories import make_case

DAY = "2026-12-02"


@pytest.fixture
def ids(store):
    cases = [store.new_case(make_case(**{"patient.mrn": f"M-{n}"})) for n in range(3)]
    for stored in cases:
        store.agenda.add(DAY, stored.case_id)
    return [stored.case_id for stored in cases]


def order(store, day=DAY):
    return [(item.case_id, item.position) for item in store.agenda.items(day)]


def test_cases_are_added_in_order_once(store, ids):
    store.agenda.add(DAY, ids[0])
    assert order(store) == [(ids[0], 0), (ids[1], 1), (ids[2], 2)]
    assert store.agenda.meetings() == [DAY]


@pytest.mark.parametrize(("position", "expected"), [(0, [2, 0, 1]), (1, [0, 2, 1]),
                                                    (2, [0, 1, 2]), (9, [0, 1, 2])])  # fmt: skip
def test_move(store, ids, position, expected):
    store.agenda.move(DAY, ids[2], position)
    assert order(store) == [(ids[i], p) for p, i in enumerate(expected)]


def test_remove_renumbers(store, ids):
    store.agenda.remove(DAY, ids[0])
    assert order(store) == [(ids[1], 0), (ids[2], 1)]


def test_carry_over_moves_only_undiscussed_cases(store, ids):
    store.agenda.mark_discussed(DAY, ids[1])
    moved = store.agenda.carry_over(DAY, "2026-12-09")
    assert moved == 2
    assert order(store, "2026-12-09") == [(ids[0], 0), (ids[2], 1)]
    assert [(i.case_id, i.discussed) for i in store.agenda.items(DAY)] == [(ids[1], True)]


def test_mark_discussed_can_be_undone(store, ids):
    store.agenda.mark_discussed(DAY, ids[0])
    store.agenda.mark_discussed(DAY, ids[0], False)
    assert [item.discussed for item in store.agenda.items(DAY)] == [False, False, False]


def test_next_meeting_is_the_nearest_from_today(store):
    stored = store.new_case(make_case())
    today = date.today()
    for offset in (-7, 14, 0, 30):
        store.agenda.add((today + timedelta(days=offset)).isoformat(), stored.case_id)
    assert store.list_cases()[0].next_meeting == today.isoformat()


def test_unknown_case_or_bad_date_is_refused(store):
    with pytest.raises(CaseNotFound):
        store.agenda.add(DAY, "nope")
    with pytest.raises(StoreError, match="YYYY-MM-DD"):
        store.agenda.items("2 December")
