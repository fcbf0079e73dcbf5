"""How the command line prints JSON: indented by two spaces, UTF-8 text as it is (no \\u escapes
beyond control characters), one value and a line break.

pydantic-core's encoder writes it, not the standard library's: `json.dumps` indents in pure
Python, about 8 ms of each `evaluate` (whose output is some 190 KB); pydantic-core is already
loaded by the case model. The text is `json.dumps(value, ensure_ascii=False, indent=2)`'s,
character for character (tests/cli/test_printing.py), but for one thing: a number whose
magnitude is below 0.0001 is written in decimals (0.00001) where Python writes 1e-05, the same
JSON number.
"""

from __future__ import annotations

import sys
from typing import Any

from pydantic_core import to_json


def json_text(value: Any) -> str:
    """`value` (dicts, lists, strings, numbers, booleans and None) as indented JSON text."""
    return to_json(value, indent=2).decode("utf-8")


def print_json(value: Any) -> None:
    sys.stdout.write(json_text(value) + "\n")
    sys.stdout.flush()
