"""The store's front door names every export once and loads its modules on first use."""

import subprocess
import sys

import pytest

import desktop.logic.store as store
from tests.conftest import REPO


def test_all_lists_exactly_the_lazy_names_and_import_all():
    assert sorted(store.__all__) == sorted({*store._HOME, "import_all"})
    assert len(store.__all__) == len(set(store.__all__))


@pytest.mark.parametrize("name", sorted(store._HOME))
def test_every_name_resolves_from_its_module(name):
    value = getattr(store, name)
    assert getattr(sys.modules[f"desktop.logic.store.{store._HOME[name]}"], name) is value


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        store.no_such_name  # noqa: B018


def _loaded_after(code: str) -> set[str]:
    shown = "import sys\n" + code + "\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", shown], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_refusals_and_the_rules_file_load_without_the_database_or_cryptography():
    loaded = _loaded_after("from desktop.logic.store import AuthError, StoreError, rules_at")
    assert "desktop.logic.store.errors" in loaded
    assert "desktop.logic.store.database" not in loaded
    assert not any(name.startswith("cryptography") for name in loaded)


def test_import_all_loads_every_module_behind_the_door():
    loaded = _loaded_after("import desktop.logic.store as s\ns.import_all()")
    assert {f"desktop.logic.store.{module}" for module in store._EXPORTS} <= loaded

