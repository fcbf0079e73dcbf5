"""Reading and writing case files: one clear message per problem, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desktop.logic.case import Case
from desktop.logic.records import chain_problems


class CaseError(ValueError):
    """A case that cannot be accepted; `problems` holds one sentence per problem."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("\n".join(prefix + p for p in problems))


def parse_case(data: Any, source: str | None = None) -> Case:
    """Validate a decoded case; refuses unknown keys, bad values and broken decision seals."""
    if not isinstance(data, dict):
        raise CaseError([f"the file must hold one JSON object, not {type(data).__name__}"], source)
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        raise CaseError(describe_errors(exc), source) from None
    problems = chain_problems(data.get("decisions") or [])
    if problems:
        raise CaseError(problems, source)
    return case


def loads_case(text: str | bytes, source: str | None = None) -> Case:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(
            [f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"], source
        ) from None
    except UnicodeDecodeError:
        raise CaseError(["not UTF-8 text; save the file as UTF-8 JSON"], source) from None
    return parse_case(data, source)


def read_case(path: str | Path) -> Case:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CaseError([f"cannot read the file: {exc.strerror or exc}"], str(path)) from None
    return loads_case(raw, str(path))


def dumps_case(case: Case) -> str:
    return json.dumps(case.to_json_dict(), ensure_ascii=False, indent=2) + "\n"


def describe_errors(exc: ValidationError) -> list[str]:
    """One sentence per pydantic error: field path, the value given, what is allowed."""
    return [_describe(error) for error in exc.errors(include_url=False)]


def _describe(error: Any) -> str:
    path = _path(error["loc"])
    kind = error["type"]
    given = _shown(error.get("input"))
    if kind == "missing":
        return f"{path}: missing; this field is required"
    if kind == "extra_forbidden":
        return f"{path}: unknown field (value {given}); check the spelling against hcc-mdt-case/1"
    if kind == "literal_error":
        return f"{path}: {given} is not allowed; allowed: {error['ctx']['expected']}"
    message = error["msg"].removeprefix("Value error, ")
    for wording in ("Input should", "List should", "String should", "Value should"):
        message = message.replace(wording, "must")
    message = message.replace(" after validation", "").replace("must be be", "must be")
    where = f"{path}: " if path else ""
    if isinstance(error.get("input"), dict | list):
        return f"{where}{message}"
    return f"{where}{given} is not accepted: {message}"


def _path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 80 else shown[:77] + "..."
