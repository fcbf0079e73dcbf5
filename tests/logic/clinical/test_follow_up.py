"""The next restaging under a sealed decision: from the meeting or the latest scan after it,
one interval of the rules file later; overdue counted to the day."""

import datetime as dt

import pytest

from desktop.logic.clinical.follow_up import RESTAGING_RULE, restaging_due
from desktop.logic.model.records import seal
from desktop.logic.model.rules import default_rules, parse_rules
from tests.factories import make_case

MEETING = dt.date(2026, 6, 10)


def scan(day: str) -> dict:
    return {"date": day, "modality": "MRI", "criteria": "mRECIST",
            "lesions": [{"id": "L1", "viable_diameter_mm": 30}]}  # fmt: skip


def decided(follow_up: str | None, imaging=(), status="final"):
    record = {"meeting_date": MEETING.isoformat(), "status": status}
    if follow_up:
        record["follow_up"] = {"status": follow_up}
    record = seal(record, "") if status == "final" else record
    return make_case(**{"decisions": [record], "imaging": list(imaging)})


@pytest.mark.parametrize("follow_up", ["completed", "not_done", None])
def test_no_due_date_when_nothing_is_followed(follow_up):
    assert restaging_due(decided(follow_up), default_rules(), MEETING) is None


def test_no_due_date_for_a_draft():
    case = decided("planned", status="draft")
    assert restaging_due(case, default_rules(), MEETING) is None


def test_due_after_the_meeting_without_a_later_scan():
    case = decided("planned", [scan("2026-06-01")])
    due = restaging_due(case, default_rules(), MEETING)
    assert (due.due, due.since, due.from_scan) == (dt.date(2026, 8, 5), MEETING, False)
    assert "after the meeting of 2026-06-10" in due.why().render("en")


def test_due_after_the_latest_scan_since_the_meeting():
    case = decided("ongoing", [scan("2026-06-01"), scan("2026-07-20")])
    due = restaging_due(case, default_rules(), MEETING)
    assert (due.due, due.from_scan) == (dt.date(2026, 9, 14), True)
    assert RESTAGING_RULE in due.why().render("zh_CN")


@pytest.mark.parametrize(
    ("today", "overdue_days"),
    [(dt.date(2026, 8, 4), 0), (dt.date(2026, 8, 5), 0), (dt.date(2026, 8, 6), 1)],
)
def test_overdue_counts_from_the_day_after_the_due_date(today, overdue_days):
    due = restaging_due(decided("planned"), default_rules(), today)
    assert due.overdue_days == overdue_days
    assert due.overdue is (overdue_days > 0)


def test_the_department_interval_is_used():
    data = default_rules().model_dump(mode="json")
    data["rules"][RESTAGING_RULE]["value"] = 12
    rules = parse_rules(data, "test")
    assert restaging_due(decided("planned"), rules, MEETING).due == MEETING + dt.timedelta(weeks=12)
