"""Property: mutated example cases and rules files, run in process through evaluate, import into
a fresh store and PDF export, give either a result or the program's own refusal (exit 2 with a
message); any other exception, a traceback or another exit code fails. Bounded: a few dozen
examples, each a fresh temporary folder."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from desktop.cli import main
from desktop.logic.model.paths import resource
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

CASE_FILES = sorted(
    {path.name: path for path in [*resource("demo").glob("*.json"), *EXAMPLES.glob("*.json")]}
    .values()
)
RULES_TEXT = resource("rules.json").read_text(encoding="utf-8")
TODAY = dt.date.today()
BOUNDED = settings(
    max_examples=20,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],  # no slow explain phase
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Values no example holds. Raw-text markers stand for what json.dumps cannot write.
HUGE, DEEP = "@@huge-number@@", "@@deep-nesting@@"
DATES = [
    "9999-12-31", "0001-01-01", "1800-01-01", "1899-12-31", "1900-01-01", "2100-12-31",
    "2101-01-01", "2026-02-30", "2026-13-01", "2026-06-01T00:00:00", "01/06/2026", "",
    TODAY.isoformat(), (TODAY + dt.timedelta(days=1)).isoformat(),
]
SPECIAL = [
    HUGE, "-" + HUGE, DEEP, None, True, False, 0, -1, -0.0, 1e308, -1e308, 5e-324,
    float("nan"), float("inf"), float("-inf"), 2**63, "", " ", "A\x00B", "A\x1bB", "\ud800",
    "x" * 5000, "王" * 300, [], {}, [[[[[]]]]], {"a": {"b": {"c": None}}},
]
hostile = st.sampled_from(SPECIAL + DATES)
nasty = st.one_of(
    hostile,
    hostile,
    hostile,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=4),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                    max_size=3),
        max_leaves=6,
    ),
)


def _paths(node: Any, path: tuple = ()) -> list[tuple]:
    """Every place in a JSON value: dict keys and list positions."""
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


def _parent(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def _seen(node: Any, key: str = "", found: dict | None = None) -> dict[str, list]:
    """Every scalar value each key holds somewhere in the examples: valid choices to swap in."""
    found = {} if found is None else found
    if isinstance(node, dict):
        for name, value in node.items():
            _seen(value, name, found)
    elif isinstance(node, list):
        for value in node:
            _seen(value, key, found)
    elif key and (node is None or isinstance(node, str | int | float)):
        found.setdefault(key, [])
        if node not in found[key]:
            found[key].append(node)
    return found


SEEN: dict[str, list] = {}
for _path in CASE_FILES:
    _seen(json.loads(_path.read_text(encoding="utf-8")), found=SEEN)
_seen(json.loads(RULES_TEXT), found=SEEN)


def _near(value: Any, key: str | int) -> st.SearchStrategy:
    """A value of the same kind as `value`, often still valid: the edges of what is allowed."""
    if isinstance(key, str) and SEEN.get(key) and not isinstance(value, dict | list):
        return st.sampled_from(SEEN[key]) | _similar(value)
    return _similar(value)


def _similar(value: Any) -> st.SearchStrategy:
    if isinstance(value, bool):
        return st.sampled_from([not value, None])
    if isinstance(value, int):
        edges = st.sampled_from([0, 1, 4, 5, 7, 15, 28, 30, 50, 100, 120, 365, 366, 3000])
        return edges | st.integers(min_value=0, max_value=2 * abs(value) + 1)
    if isinstance(value, float):
        edges = st.sampled_from([0.0, -0.0, 1e-9, 0.5, 30.0, 99.99, 100.0, 1000.0, 1e7])
        return edges | st.floats(min_value=0, max_value=2 * abs(value) + 1)
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-":
        past = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY).map(dt.date.isoformat)
        return past | st.sampled_from(DATES)
    if isinstance(value, str):
        printable = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
        samples = st.sampled_from(["王伟", "مريم", "😀 emoji", "a\tb\nc", value * 3, value[:1]])
        return st.text(printable, min_size=1, max_size=40) | samples
    if isinstance(value, list):
        return st.sampled_from([[], value[:1], value[::-1]])
    return st.none()


def _mutate(data: Any, draw) -> list[str]:
    """Apply one mutation to `data` in place; returns raw-text replacements to make after."""
    paths = _paths(data)
    path = draw(st.sampled_from(paths))
    parent, last = _parent(data, path), path[-1]
    actions = ["near"] * 5 + ["replace"] * 3 + ["delete", "duplicate", "rename"]
    action = draw(st.sampled_from(actions))
    if action == "near":
        parent[last] = draw(_near(parent[last], last))
    elif action == "replace" or (action in ("duplicate", "rename") and isinstance(last, int)):
        parent[last] = draw(nasty)
    elif action == "delete":
        del parent[last]
    elif action == "duplicate":
        marker = f"@@duplicate-{len(paths)}-{last}@@"
        parent[marker] = draw(nasty)
        return [f'"{marker}"', json.dumps(last)]
    else:
        parent[last + draw(st.sampled_from(["_", "s", " ", "\x00"]))] = parent.pop(last)
    return []


def _raw(data: Any, replacements: list[str], draw) -> str:
    text = json.dumps(data, ensure_ascii=draw(st.booleans()), allow_nan=True)
    for old, new in zip(replacements[::2], replacements[1::2], strict=True):
        text = text.replace(old, new)
    digits = "9" * draw(st.sampled_from([31, 400, 4301, 5000]))
    text = text.replace(f'"-{HUGE}"', "-" + digits).replace(f'"{HUGE}"', digits)
    depth = draw(st.sampled_from([40, 100_000]))
    return text.replace(f'"{DEEP}"', "[" * depth + "]" * depth)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _done_or_refused(result: tuple[int, str, str]) -> bool:
    """True when the command did its work, False when it refused in words; else the test fails."""
    code, _, err = result
    assert code in (0, 2), result
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("error: "), result
        assert len(err.strip()) > len("error:"), result
        err.encode("utf-8")  # the message prints on any terminal
    return code == 0


def _mutated_text(original: str, draw) -> str:
    data = json.loads(original)
    replacements: list[str] = []
    for _ in range(draw(st.integers(min_value=1, max_value=2))):
        if not _paths(data):
            break
        replacements += _mutate(data, draw)
    return _raw(data, replacements, draw)


@BOUNDED
@given(st.data())
def test_mutated_cases_are_evaluated_stored_and_exported_or_refused(data):
    source = data.draw(st.sampled_from(CASE_FILES), label="example")
    text = _mutated_text(source.read_text(encoding="utf-8"), data.draw)
    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder) / "case.json"
        case.write_text(text, encoding="utf-8", errors="surrogatepass")
        db = str(Path(folder) / "cases.sqlite3")
        evaluated = _done_or_refused(_run("evaluate", str(case)))
        imported = _run("--db", db, "import", str(case))
        assert _done_or_refused(imported) is evaluated  # the same refusals on both paths
        if imported[0] == 0:
            case_id = imported[1].split("\t")[0]
            pdf = Path(folder) / "out.pdf"
            if _done_or_refused(_run("--db", db, "export", case_id, "--pdf", str(pdf))):
                assert pdf.stat().st_size > 0


@pytest.fixture(scope="module")
def stored_case(tmp_path_factory) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("rules-property")
    db = str(folder / "cases.sqlite3")
    code, out, err = _run("--db", db, "import", str(CASE_FILES[0]))
    assert code == 0, err
    return db, out.split("\t")[0]


@settings(BOUNDED, max_examples=40)
@given(st.data())
def test_mutated_rules_files_are_used_or_refused(stored_case, data):
    db, case_id = stored_case
    example = data.draw(st.sampled_from(CASE_FILES), label="example")
    text = _mutated_text(RULES_TEXT, data.draw)
    with tempfile.TemporaryDirectory() as folder:
        rules = Path(folder) / "rules.json"
        rules.write_text(text, encoding="utf-8", errors="surrogatepass")
        used = _done_or_refused(_run("evaluate", str(example), "--rules", str(rules)))
        pdf = Path(folder) / "out.pdf"
        exported = _run("--db", db, "export", case_id, "--pdf", str(pdf), "--rules", str(rules))
        # A rules file refused by evaluate is refused by export too; one evaluate takes may still
        # hold text the PDF cannot draw (refused in words, exit 2).
        if _done_or_refused(exported):
            assert used
        elif used:
            assert "cannot be printed" in exported[2], exported
