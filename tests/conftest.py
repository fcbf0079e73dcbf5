"""Shared fixtures: headless Qt, the demo examples, a fresh store, settings and database path.

The three examples of shared/examples are copied in resources/demo, so a plain clone passes its
tests; the review text (shared/reference) is read through `review_text()`, skipped when absent
unless MDT_REQUIRE_REVIEW=1 (set by .ci/run) turns the skip into a failure.
"""

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from desktop.logic.store import Store, User

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Commands without --db use the user's own database (and its rules file): never in tests.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="mdt-tests-data-")
atexit.register(shutil.rmtree, os.environ["XDG_DATA_HOME"], True)

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "resources" / "demo"
SHARED_EXAMPLES = (  # the examples of shared/examples, copied byte for byte in resources/demo
    "advanced-pvtt-conversion",
    "decompensated-high-bleeding-risk",
    "intermediate-multinodular",
)
REVIEW = REPO.parent / "shared" / "reference" / "conversion-therapy-review-2024.txt"
REQUIRE_REVIEW = "MDT_REQUIRE_REVIEW"  # "1" in CI: a missing review fails instead of skipping
USER = User("Li Ming", "hepatobiliary surgeon")


def example_data(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def review_text(path: Path | None = None) -> str:
    """The review's text (or another file of ../shared at `path`); when absent the test is
    skipped, or failed where MDT_REQUIRE_REVIEW=1 (CI)."""
    path = path or REVIEW
    if path.is_file():
        return path.read_text(encoding="utf-8")
    reason = f"{path} is absent (../shared, beside the repository, holds it)"
    if os.environ.get(REQUIRE_REVIEW) == "1":
        pytest.fail(f"{reason}; {REQUIRE_REVIEW}=1 requires it")
    pytest.skip(reason)


@pytest.fixture
def pvtt_case_data() -> dict:
    return example_data("advanced-pvtt-conversion")


@pytest.fixture
def decompensated_case_data() -> dict:
    return example_data("decompensated-high-bleeding-risk")


@pytest.fixture
def multinodular_case_data() -> dict:
    return example_data("intermediate-multinodular")


@pytest.fixture
def user() -> User:
    """Who works in `store`; a module overrides this fixture to work as someone else."""
    return USER


@pytest.fixture
def db(tmp_path) -> Path:
    """Where a test's database lives (created by the first command or Store that opens it)."""
    return tmp_path / "cases.sqlite3"


@pytest.fixture
def store(db, user):
    with Store.open(db, user=user) as opened:
        yield opened


@pytest.fixture
def settings(tmp_path):
    """The app's settings in a file of this test's own (imported here: logic tests stay Qt-free)."""
    from desktop.ui.settings import Settings

    return Settings.at(tmp_path / "settings.ini")


@pytest.fixture(autouse=True)
def _quick_scrypt(monkeypatch):
    """Tests hash passwords at scrypt n=2**10 (the recorded parameters make it verifiable);
    tests/logic/store/test_secrets.py checks the real cost."""
    from desktop.logic.store import secrets

    monkeypatch.setitem(secrets.SCRYPT, "n", 2**10)
