"""`evaluate` answers as it did before the speed work: the snapshot in
tests/fixtures/evaluation-snapshot.json.xz, written by tests/logic/clinical/evaluation_snapshot.py
from the code of commit 67cd2d4, for every demo case (plain and with the 2026-12 additions), every
example of ../shared/examples, the complete safety patient and the edge case, with the shipped and
a department's rules file, on three days, in English and Chinese."""

from functools import cache
from typing import Any

import pytest

from tests.conftest import SHARED_EXAMPLES
from tests.logic.clinical.evaluation_snapshot import (
    AS_OF,
    case_inputs,
    outputs,
    rules_files,
    snapshot_key,
    stored,
)

INPUTS = case_inputs()
RULES = rules_files()


@cache
def _snapshot() -> dict[str, Any]:
    return stored()


def _first_difference(expected: Any, actual: Any, path: str = "") -> str:
    """Where two JSON values part, so a failure names the field and not 200 kB of output."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(expected.keys() | actual.keys()):
            if expected.get(key, KeyError) != actual.get(key, KeyError):
                return _first_difference(expected.get(key), actual.get(key), f"{path}.{key}")
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for index, (old, new) in enumerate(zip(expected, actual, strict=True)):
            if old != new:
                return _first_difference(old, new, f"{path}[{index}]")
    return f"{path}: was {expected!r}, now {actual!r}"


def test_snapshot_covers_every_input():
    """Every input has its entries. The snapshot also holds ../shared/examples ("shared/..."),
    which a plain clone lacks: those examples are copied byte for byte in resources/demo
    (tests/conftest.py), so there each stands in for the demo case it copies."""
    expected = {snapshot_key(n, r, d) for n in INPUTS for r in RULES for d in AS_OF}
    shared = {key for key in _snapshot() if key.startswith("shared/")}
    assert set(_snapshot()) - shared <= expected
    assert expected - set(_snapshot()) == set()
    assert {key.split(" | ")[0] for key in shared} == {f"shared/{n}" for n in SHARED_EXAMPLES}
    for key in shared:  # the same evaluation as the copy's, whether ../shared is here or not
        assert _snapshot()[key] == _snapshot()[key.replace("shared/", "demo/", 1)], key


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_evaluation_is_unchanged(name):
    for as_of in AS_OF:
        for rules_name, rules in RULES.items():
            key = snapshot_key(name, rules_name, as_of)
            actual = outputs(name, INPUTS[name], rules, as_of)
            expected = _snapshot()[key]
            assert actual == expected, f"{key}: {_first_difference(expected, actual)}"
