"""The last major surgery date and the 28-day flag must agree when both are given (case-format.md,
additions of 2026-12); the flag means within the 28 days before the day of evaluation."""

import datetime as dt

import pytest

from desktop.logic.model import SURGERY_FLAG_DAYS, surgery_disagreement

TODAY = dt.date(2026, 12, 1)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.mark.parametrize(
    ("flag", "days", "agrees"),
    [
        (True, 0, True),
        (True, SURGERY_FLAG_DAYS, True),  # the boundary day is within the window
        (True, SURGERY_FLAG_DAYS + 1, False),
        (False, SURGERY_FLAG_DAYS + 1, True),
        (False, SURGERY_FLAG_DAYS, False),
        (False, 0, False),
    ],
)
@pytest.mark.parametrize("edited", ["date", "flag"])
def test_the_window_includes_its_boundary_day(flag, days, agrees, edited):
    found = surgery_disagreement(edited, flag, ago(days), TODAY)
    assert (found is None) is agrees
    if found is not None:
        assert found.key == f"entry.surgery_{edited}_disagrees_{'yes' if flag else 'no'}"


@pytest.mark.parametrize(
    ("flag", "last"), [(None, ago(3)), (True, None), (None, None), (False, TODAY + dt.timedelta(1))]
)
def test_nothing_to_compare_is_no_disagreement(flag, last):
    assert surgery_disagreement("date", flag, last, TODAY) is None


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_sentence_names_both_fields_the_date_and_the_days(lang):
    text = surgery_disagreement("date", True, ago(100), TODAY).render(lang)
    assert ago(100).isoformat() in text
    assert "100" in text
    assert TODAY.isoformat() in text
    names = {"en": ("Last major surgery on", "Major surgery within 28 days")}
    names["zh_CN"] = ("末次大手术日期", "28 天内大手术")
    assert all(name in text for name in names[lang])
