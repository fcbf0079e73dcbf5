"""What changed between revisions, as field paths without values."""

import pytest

from desktop.logic.store.diff import change_summary


@pytest.mark.parametrize(("old", "new", "expected"), [
    (None, {"a": 1}, "created"),
    ({"a": 1}, {"a": 1}, "no change"),
    ({"a": 1}, {"a": 1.0}, "no change"),
    ({"a": 1}, {"a": True}, "changed a"),
    ({"a": {"b": 1}}, {"a": {"b": 2}}, "changed a.b"),
    ({"a": [1]}, {"a": [1, 2]}, "added a[1]"),
    ({"a": [1, 2]}, {"a": [1]}, "removed a[1]"),
    ({"a": 1}, {"b": 1}, "added b; removed a"),
    ({"case_id": "x", "a": 1}, {"case_id": "y", "a": 1}, "no change"),
])  # fmt: skip
def test_change_summary(old, new, expected):
    assert change_summary(old, new) == expected


def test_long_summaries_are_cut_with_a_count():
    old = {f"k{i:02}": 0 for i in range(15)}
    new = {key: 1 for key in old}
    assert change_summary(old, new).endswith("k11 and 3 more")
