"""Reading and writing case files: one clear message per problem, never a traceback."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desktop.logic.model.case import Case
from desktop.logic.model.json_input import (
    JsonInputError,
    LongNumber,
    json_path,
    load_json,
    printable,
)
from desktop.logic.model.messages import DEFAULT_LANGUAGE, Term, msg
from desktop.logic.model.records import chain_problems


class CaseError(ValueError):
    """A case that cannot be accepted; `problems` holds one sentence per problem."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("\n".join(prefix + p for p in problems))


def parse_case(
    data: Any,
    source: str | None = None,
    lang: str = DEFAULT_LANGUAGE,
    today: dt.date | None = None,
) -> Case:
    """Validate a decoded case; refuses unknown keys, bad values and broken decision seals.

    `today` is the day of evaluation (default: the computer's date): no recorded event may
    come after it (clinical-rules.md "Dates").
    """
    if not isinstance(data, dict):
        problem = msg("case_error.not_an_object", given=Term(f"term.json.{_json_kind(data)}"))
        raise CaseError([problem.render(lang)], source)
    context = {"today": today or dt.date.today()}
    try:
        case = Case.model_validate(data, context=context)
    except ValidationError as exc:
        raise CaseError(describe_errors(exc, lang), source) from None
    problems = chain_problems(data.get("decisions") or [])
    if problems:
        raise CaseError(problems, source)
    return case


def loads_case(
    text: str | bytes,
    source: str | None = None,
    lang: str = DEFAULT_LANGUAGE,
    today: dt.date | None = None,
) -> Case:
    """A case from JSON text: duplicate keys, deep nesting and huge numbers refused in words."""
    try:
        data = load_json(text)
    except JsonInputError as exc:
        raise CaseError([p.render(lang) for p in exc.problems], source) from None
    return parse_case(data, source, lang, today)


def read_case(
    path: str | Path, lang: str = DEFAULT_LANGUAGE, today: dt.date | None = None
) -> Case:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problem = msg("case_error.unreadable", reason=exc.strerror or str(exc))
        raise CaseError([problem.render(lang)], str(path)) from None
    return loads_case(raw, str(path), lang, today)


def _json_kind(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return "null" if value is None else "boolean"
    if isinstance(value, int | float):
        return "number"
    return "array" if isinstance(value, list) else "string"


def dumps_case(case: Case) -> str:
    return json.dumps(case.to_json_dict(), ensure_ascii=False, indent=2) + "\n"


FieldNamer = Callable[[Sequence[str | int], str], str]


def describe_errors(
    exc: ValidationError, lang: str = DEFAULT_LANGUAGE, name: FieldNamer | None = None
) -> list[str]:
    """One sentence per pydantic error: the field, the value given, what is allowed.

    The field is its path ("labs.bilirubin.value"), or the reader's words for it when `name`
    is given (the app passes model.field_names.field_name).
    """
    return [_describe(error, lang, name) for error in exc.errors(include_url=False)]


# pydantic error types whose wording the planner renders itself, in the reader's language.
_LIMITS = {
    "greater_than": "gt",
    "greater_than_equal": "ge",
    "less_than": "lt",
    "less_than_equal": "le",
    "too_short": "min_length",
    "too_long": "max_length",
    "string_too_short": "min_length",
    "string_too_long": "max_length",
}
_KINDS = {
    "int_type", "int_from_float", "int_parsing", "float_type", "float_parsing", "bool_type",
    "string_type", "list_type", "model_type", "dict_type", "string_pattern_mismatch",
    "finite_number", "string_unicode", "model_attributes_type", "number_too_large",
}


def _describe(error: Any, lang: str, name: FieldNamer | None = None) -> str:
    path = name(error["loc"], lang) if name and error["loc"] else _path(error["loc"])
    kind = error["type"]
    given = shown_value(error.get("input"))
    context = error.get("ctx") or {}
    if kind == "missing":
        return msg("case_error.missing", path=path).render(lang)
    if kind == "extra_forbidden":
        return msg("case_error.unknown_field", path=path, given=given).render(lang)
    if kind == "literal_error":
        allowed = context["expected"]
        return msg("case_error.not_allowed", path=path, given=given, allowed=allowed).render(lang)
    if kind == "float_type" and isinstance(error.get("input"), int):
        kind = "number_too_large"  # an int beyond what a float holds
    reason = _reason(kind, context, error["msg"], lang, name)
    if not path:
        return reason
    if isinstance(error.get("input"), dict | list) or _names_its_value(kind):
        return msg("case_error.problem", path=path, reason=reason).render(lang)
    return msg("case_error.value", path=path, given=given, reason=reason).render(lang)


def _names_its_value(kind: str) -> bool:
    return kind.startswith("case.") and kind not in _SHOWN_WITH_VALUE


# Refusals whose sentence does not quote the value: the value is shown before it.
_SHOWN_WITH_VALUE = {
    "case.control_character", "case.not_one_line", "case.hash_format", "case.number_too_long"
}


def _reason(
    kind: str, context: dict[str, Any], english: str, lang: str, name: FieldNamer | None = None
) -> str:
    if kind.startswith("case."):
        if name and isinstance(context.get("path"), str):  # a field named inside the sentence
            context = {**context, "path": name(_location(context["path"]), lang)}
        return msg("case_error." + kind.removeprefix("case."), **context).render(lang)
    if kind in _LIMITS:
        limit = context.get(_LIMITS[kind])
        actual = context.get("actual_length", "")
        return msg(f"case_error.{kind}", limit=limit, actual=actual).render(lang)
    if kind in _KINDS:
        return msg(f"case_error.{kind}").render(lang)
    return english.removeprefix("Value error, ")


def _location(path: str) -> tuple[str | int, ...]:
    """ "imaging[0].date" -> ("imaging", 0, "date"): the parts of a path a refusal names."""
    parts = path.replace("[", ".").replace("]", "").split(".")
    return tuple(int(p) if p.isdigit() else p for p in parts if p)


def _path(loc: tuple[Any, ...]) -> str:
    return json_path(loc) if loc else ""


def shown_value(value: Any) -> str:
    """The value as the file wrote it, cut to 80 characters; safe to print whatever it is."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, LongNumber):
        return f"{value.head}... ({value.digits} digits)"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 96:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    if isinstance(value, str):
        return printable(json.dumps(value, ensure_ascii=False), 80)
    return printable(json.dumps(value, ensure_ascii=False, default=str), 80)
