"""Reading and writing case files: one clear message per problem, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desktop.logic.model.case import Case
from desktop.logic.model.messages import DEFAULT_LANGUAGE, msg
from desktop.logic.model.records import chain_problems


class CaseError(ValueError):
    """A case that cannot be accepted; `problems` holds one sentence per problem."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("\n".join(prefix + p for p in problems))


def parse_case(data: Any, source: str | None = None, lang: str = DEFAULT_LANGUAGE) -> Case:
    """Validate a decoded case; refuses unknown keys, bad values and broken decision seals."""
    if not isinstance(data, dict):
        raise CaseError([f"the file must hold one JSON object, not {type(data).__name__}"], source)
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        raise CaseError(describe_errors(exc, lang), source) from None
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


def describe_errors(exc: ValidationError, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """One sentence per pydantic error: field path, the value given, what is allowed."""
    return [_describe(error, lang) for error in exc.errors(include_url=False)]


# pydantic error types whose wording the planner renders itself, in the reader's language.
_LIMITS = {
    "greater_than": "gt",
    "greater_than_equal": "ge",
    "less_than": "lt",
    "less_than_equal": "le",
    "too_short": "min_length",
    "too_long": "max_length",
}
_KINDS = {
    "int_type", "int_from_float", "int_parsing", "float_type", "float_parsing", "bool_type",
    "string_type", "list_type", "model_type", "dict_type", "string_pattern_mismatch",
    "finite_number",
}


def _describe(error: Any, lang: str) -> str:
    path = _path(error["loc"])
    kind = error["type"]
    given = _shown(error.get("input"))
    context = error.get("ctx") or {}
    if kind == "missing":
        return msg("case_error.missing", path=path).render(lang)
    if kind == "extra_forbidden":
        return msg("case_error.unknown_field", path=path, given=given).render(lang)
    if kind == "literal_error":
        allowed = context["expected"]
        return msg("case_error.not_allowed", path=path, given=given, allowed=allowed).render(lang)
    reason = _reason(kind, context, error["msg"], lang)
    if not path:
        return reason
    if isinstance(error.get("input"), dict | list) or kind.startswith("case."):
        return msg("case_error.problem", path=path, reason=reason).render(lang)
    return msg("case_error.value", path=path, given=given, reason=reason).render(lang)


def _reason(kind: str, context: dict[str, Any], english: str, lang: str) -> str:
    if kind.startswith("case."):
        return msg("case_error." + kind.removeprefix("case."), **context).render(lang)
    if kind in _LIMITS:
        limit = context.get(_LIMITS[kind])
        actual = context.get("actual_length", "")
        return msg(f"case_error.{kind}", limit=limit, actual=actual).render(lang)
    if kind in _KINDS:
        return msg(f"case_error.{kind}").render(lang)
    return english.removeprefix("Value error, ")


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
