"""A plain clone passes its tests: examples come from resources/demo, the review is optional.

The review text and shared/examples live beside the repository (../shared); without them the
review checks are skipped, and MDT_REQUIRE_REVIEW=1 (set by .ci/run) makes that skip a failure.
"""

import pytest

from tests.conftest import EXAMPLES, REQUIRE_REVIEW, REVIEW, SHARED_EXAMPLES, review_text

SHARED_COPIES = REVIEW.parents[1] / "examples"


@pytest.mark.parametrize("name", SHARED_EXAMPLES)
def test_demo_holds_the_shared_examples_byte_for_byte(name):
    demo = (EXAMPLES / f"{name}.json").read_bytes()
    shared = SHARED_COPIES / f"{name}.json"
    if not shared.is_file():
        review_text(shared)  # skipped in a plain clone, failed when the shared files are required
    assert demo == shared.read_bytes()


def test_missing_review_is_skipped_without_the_switch(tmp_path, monkeypatch):
    monkeypatch.delenv(REQUIRE_REVIEW, raising=False)
    with pytest.raises(pytest.skip.Exception, match="absent"):
        review_text(tmp_path / "no-review.txt")


@pytest.mark.parametrize("value", ["0", "", "yes"])
def test_only_the_value_1_requires_the_review(tmp_path, monkeypatch, value):
    monkeypatch.setenv(REQUIRE_REVIEW, value)
    with pytest.raises(pytest.skip.Exception):
        review_text(tmp_path / "no-review.txt")


def test_missing_review_fails_when_required(tmp_path, monkeypatch):
    monkeypatch.setenv(REQUIRE_REVIEW, "1")
    with pytest.raises(pytest.fail.Exception, match=f"{REQUIRE_REVIEW}=1 requires it"):
        review_text(tmp_path / "no-review.txt")


def test_present_review_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv(REQUIRE_REVIEW, "1")
    review = tmp_path / "review.txt"
    review.write_text("REFERENCES\n1. Wang", encoding="utf-8")
    assert review_text(review) == "REFERENCES\n1. Wang"


def test_ci_requires_the_review():
    ci = (EXAMPLES.parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert f"export {REQUIRE_REVIEW}=1" in ci
