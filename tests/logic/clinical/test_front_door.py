"""The clinical front door names every export once and loads its modules on first use."""

import subprocess
import sys

import pytest

import desktop.logic.clinical as clinical
from tests.conftest import REPO


def test_all_lists_exactly_the_lazy_names():
    assert sorted(clinical.__all__) == sorted(clinical._HOME)
    assert len(clinical.__all__) == len(set(clinical.__all__))


@pytest.mark.parametrize("name", sorted(clinical._HOME))
def test_every_name_resolves_from_its_module(name):
    value = getattr(clinical, name)
    assert getattr(sys.modules[f"desktop.logic.clinical.{clinical._HOME[name]}"], name) is value


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        clinical.no_such_name  # noqa: B018


def test_evaluate_loads_neither_completeness_nor_the_follow_up_schedule():
    code = (
        "import sys\nfrom desktop.logic.clinical import evaluate, evaluation_output\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    loaded = set(done.stdout.split())
    assert "desktop.logic.clinical.evaluation" in loaded, done.stderr
    assert not {"desktop.logic.clinical.completeness", "desktop.logic.clinical.follow_up"} & loaded
