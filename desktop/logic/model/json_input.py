"""Strict JSON reading for case and rules files: size, depth, duplicate keys and long numbers.

Python's `json` lets the last of two equal keys win silently, raises ValueError on integers of
more than 4,300 digits and RecursionError on deep nesting; here each becomes a refusal in words
naming where it is. A number written with more than `MAX_DIGITS` digits becomes a `LongNumber`,
an int beyond every range and beyond what a float holds, so whatever field it sits in refuses it
(never rounded to a value the file did not say).
"""

from __future__ import annotations

import json
from typing import Any

from desktop.logic.model.messages import Message, msg

MAX_BYTES = 20_000_000  # far above any case (50 scans x 50 lesions, many decisions is < 1 MB)
MAX_DEPTH = 32  # the deepest field of hcc-mdt-case/1 is 5 levels down
MAX_DIGITS = 30


class JsonInputError(ValueError):
    """JSON that cannot be read as a record; `problems` holds one message per problem."""

    def __init__(self, problems: list[Message]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.render() for p in problems))


class LongNumber(int):
    """A number written with too many digits: it is +-10**400, beyond every range and float."""

    digits: int
    head: str

    def __new__(cls, text: str) -> LongNumber:
        negative = text.startswith("-")
        number = super().__new__(cls, -(10**400) if negative else 10**400)
        number.digits = len(text.lstrip("-"))
        number.head = text[:12]
        return number

    def __repr__(self) -> str:
        return f"{self.head}... ({self.digits} digits)"

    __str__ = __repr__


class _Object(dict[str, Any]):
    """A decoded JSON object that remembers the keys it was given more than once."""

    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = _Object(pairs)
    result.duplicates = []
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen and key not in result.duplicates:
                result.duplicates.append(key)
            seen.add(key)
    return result


def _integer(text: str) -> int:
    return int(text) if len(text.lstrip("-")) <= MAX_DIGITS else LongNumber(text)


def load_json(raw: str | bytes) -> Any:
    """The decoded value of `raw`, or JsonInputError naming every structural problem."""
    if len(raw) > MAX_BYTES:
        raise JsonInputError([msg("json_error.too_large", size=len(raw), limit=MAX_BYTES)])
    try:
        data = json.loads(raw, object_pairs_hook=_object, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise JsonInputError(
            [msg("json_error.syntax", line=exc.lineno, column=exc.colno, reason=exc.msg)]
        ) from None
    except UnicodeDecodeError:
        raise JsonInputError([msg("json_error.not_utf8")]) from None
    except RecursionError:
        raise JsonInputError([msg("json_error.too_deep", limit=MAX_DEPTH)]) from None
    problems = structure_problems(data)
    if problems:
        raise JsonInputError(problems)
    return data


def structure_problems(data: Any) -> list[Message]:
    """Duplicate keys (with their path) and nesting beyond MAX_DEPTH, walked without recursion."""
    problems: list[Message] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if len(path) >= MAX_DEPTH:
            problems.append(msg("json_error.too_deep", limit=MAX_DEPTH))
            break
        if isinstance(node, dict):
            for key in getattr(node, "duplicates", ()):  # only objects decoded by load_json
                problems.append(
                    msg("json_error.duplicate_key", name=printable(key), path=json_path(path))
                )
            stack.extend((value, (*path, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, (*path, index)) for index, value in enumerate(node))
    return sorted(problems, key=lambda m: (m.key, str(m.params.get("path"))))


def json_path(path: tuple[str | int, ...] | list[Any]) -> str:
    """`decisions[0].attendees[1].name`; the whole file is `(top level)`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = printable(str(part))
            text += f".{name}" if text else name
    return text or "(top level)"


def printable(text: str, limit: int = 80) -> str:
    """Text safe to print in a message: control characters and lone surrogates escaped, cut."""
    cut = text if len(text) <= limit else text[: limit - 3] + "..."
    if cut.isprintable():
        return cut
    return "".join(c if c.isprintable() else _escape(c) for c in cut)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
