"""The command line's JSON text (desktop.cli.printing) is json.dumps(value, ensure_ascii=False,
indent=2)'s, character for character, except numbers of magnitude below 0.0001 (decimals where
Python writes an exponent: the same JSON number)."""

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.cli.printing import json_text
from desktop.logic.clinical import evaluate, evaluation_output
from desktop.logic.model import LANGUAGES, default_rules, read_case
from tests.conftest import REPO
from tests.factories import json_leaves


def _reference(value):
    return json.dumps(value, ensure_ascii=False, indent=2)


def _plain(x: float) -> bool:
    """A number Python writes without an exponent, or with one at 1e16 and above."""
    return x == 0 or abs(x) >= 1e-4


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(JSON)
def test_the_text_is_json_dumps_and_the_value_always_the_same(value):
    text = json_text(value)
    assert json.loads(text) == value
    if all(_plain(x) for x in json_leaves(value) if isinstance(x, float)):
        assert text == _reference(value)


def test_a_tiny_number_keeps_its_value():
    for x in (1e-05, -3.2e-06, 1.768796127649341e-05, 5e-324):
        assert json.loads(json_text(x)) == x
        assert math.copysign(1, json.loads(json_text(x))) == math.copysign(1, x)


def test_every_demo_evaluation_prints_as_json_dumps_would():
    rules = default_rules()
    demos = sorted((REPO / "resources" / "demo").glob("*.json"))
    assert demos
    for path in demos:
        for lang in LANGUAGES:
            output = evaluation_output(evaluate(read_case(path), rules), lang)
            assert json_text(output) == _reference(output), (path.name, lang)
