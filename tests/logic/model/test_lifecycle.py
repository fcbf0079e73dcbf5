"""The decision lifecycle: open draft, latest sealed record, record in force, read-only, status."""

import pytest

from desktop.logic.model import Decision, lifecycle

HASH = "sha256:" + "0" * 64


def record(status: str, day: int = 1, follow_up: str | None = None) -> Decision:
    data: dict = {"meeting_date": f"2026-11-{day:02d}", "status": status}
    if status == "final":
        data["record_hash"] = HASH
    if follow_up:
        data["follow_up"] = {"status": follow_up}
    return Decision.model_validate(data)


def records(statuses: str) -> list[Decision]:
    """ "dfd" -> draft, final, draft (meeting days 1, 2, 3)."""
    names = {"d": "draft", "f": "final"}
    return [record(names[s], day) for day, s in enumerate(statuses, start=1)]


@pytest.mark.parametrize(
    ("statuses", "draft", "finals", "current", "read_only"),
    [
        ("", None, [], None, False),  # a new case: nothing decided, nothing to protect
        ("d", 0, [], 0, False),
        ("f", None, [0], 0, True),
        ("fd", 1, [0], 1, False),  # an amendment (or new meeting) is being drafted
        ("ff", None, [0, 1], 1, True),
        ("fdf", 1, [0, 2], 1, False),  # an older draft left open stays the one edited
        ("dd", 1, [], 1, False),  # the newest draft is the open one
    ],
)
def test_which_record_is_which(statuses, draft, finals, current, read_only):
    decisions = records(statuses)
    assert lifecycle.draft_index(decisions) == draft
    assert lifecycle.final_indexes(decisions) == finals
    assert lifecycle.current_index(decisions) == current
    assert lifecycle.is_read_only(decisions) is read_only
    latest_final = lifecycle.latest_final(decisions)
    assert latest_final is (decisions[finals[-1]] if finals else None)
    assert lifecycle.latest(decisions) is (decisions[-1] if decisions else None)


@pytest.mark.parametrize(
    ("statuses", "follow_up", "expected"),
    [
        ("", None, "new"),
        ("d", None, "draft decision"),
        ("fd", None, "draft decision"),
        ("f", None, "decided"),
        ("f", "planned", "follow-up"),
        ("f", "ongoing", "follow-up"),
        ("f", "completed", "decided"),
        ("f", "not_done", "decided"),
    ],
)
def test_case_status_follows_the_newest_record(statuses, follow_up, expected):
    decisions = records(statuses)
    if follow_up:
        decisions[-1] = record("final", follow_up=follow_up)
    assert lifecycle.case_status(decisions) == expected
    assert expected in lifecycle.CASE_STATUSES


def test_json_records_read_the_same_as_decisions():
    decisions = records("fdf")
    as_json = [d.model_dump(mode="json") for d in decisions]
    assert lifecycle.draft_index(as_json) == lifecycle.draft_index(decisions) == 1
    assert lifecycle.final_indexes(as_json) == [0, 2]
    assert lifecycle.latest_final(as_json) is as_json[2]
    assert lifecycle.is_read_only(as_json) is False
    assert lifecycle.drafts(as_json) == [as_json[1]]


@pytest.mark.parametrize(
    ("statuses", "index", "expected"),
    [("dfd", 0, True), ("dfd", 1, False), ("dfd", 2, False), ("d", 0, False), ("fdf", 1, True)],
)
def test_sealed_after_a_position(statuses, index, expected):
    assert lifecycle.sealed_after(records(statuses), index) is expected
