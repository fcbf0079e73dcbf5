"""Shared fixtures: headless Qt, the shared examples, a fresh store in tmp_path."""

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Commands without --db use the user's own database (and its rules file): never in tests.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="mdt-tests-data-")
atexit.register(shutil.rmtree, os.environ["XDG_DATA_HOME"], True)

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = SHARED / "examples"
REVIEW = SHARED / "reference" / "conversion-therapy-review-2024.txt"


def example_data(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def pvtt_case_data() -> dict:
    return example_data("advanced-pvtt-conversion")


@pytest.fixture
def decompensated_case_data() -> dict:
    return example_data("decompensated-high-bleeding-risk")


@pytest.fixture
def multinodular_case_data() -> dict:
    return example_data("intermediate-multinodular")


@pytest.fixture(autouse=True)
def _quick_scrypt(monkeypatch):
    """Tests hash passwords at scrypt n=2**10 (the recorded parameters make it verifiable);
    tests/logic/store/test_secrets.py checks the real cost."""
    from desktop.logic.store import secrets

    monkeypatch.setitem(secrets.SCRYPT, "n", 2**10)
