"""The model's front door names every export once and loads its modules on first use."""

import subprocess
import sys

import pytest

import desktop.logic.model as model
from tests.conftest import REPO


def test_all_lists_exactly_the_lazy_names():
    assert sorted(model.__all__) == sorted(set(model._HOME) | set(model._SUBMODULES))
    assert len(model.__all__) == len(set(model.__all__))


@pytest.mark.parametrize("name", model._SUBMODULES)
def test_submodules_are_offered_as_modules(name):
    assert getattr(model, name) is sys.modules[f"desktop.logic.model.{name}"]


@pytest.mark.parametrize("name", sorted(model._HOME))
def test_every_name_resolves_from_its_module(name):
    value = getattr(model, name)
    assert getattr(sys.modules[f"desktop.logic.model.{model._HOME[name]}"], name) is value


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        model.no_such_name  # noqa: B018


def test_messages_load_without_pydantic():
    code = (
        "import sys\nfrom desktop.logic.model import msg, resource\n"
        # the package itself: the stand-in for its plugin loader is not pydantic (no_plugins.py)
        "print('pydantic' in sys.modules or 'pydantic_core' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert done.stdout.strip() == "False", done.stderr
