"""The version-stamped rules file: local-policy thresholds and verdicts, each with its source.

The shipped copy is `resources/rules.json`; a department chooses its own in the app (kept in the
database, desktop.logic.store.rules) or passes one with `--rules FILE`. Every PDF and evaluation
names the version it was made with.
"""

import math
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from desktop.logic.model.case_io import describe_errors, shown_value
from desktop.logic.model.fields import Clean, OneLine, control_character
from desktop.logic.model.json_input import JsonInputError, load_json
from desktop.logic.model.messages import DEFAULT_LANGUAGE, Message, Translated, msg
from desktop.logic.model.paths import resource

# Verdicts, best to worst (clinical-rules.md, safety second edition): `unchecked` says a check
# could not run on recorded data; a rule's own outcome may be one (HBsAg screening).
Verdict = Literal["suitable", "unchecked", "caution", "contraindicated"]
VERDICT_ORDER: dict[str, int] = {"suitable": 0, "unchecked": 1, "caution": 2, "contraindicated": 3}


class RuleEntry(Clean):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    value: Any  # checked against the entry's kind (resources/rules-schema.json)
    unit: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    kind: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    status: Literal["published", "local policy"]
    source: Annotated[str, Field(min_length=1, max_length=1000)]
    source_zh_CN: Annotated[str, Field(max_length=1000)] | None = None
    note: Annotated[str, Field(max_length=2000)] | None = None

    @property
    def is_local_policy(self) -> bool:
        return self.status == "local policy"

    @property
    def source_text(self) -> Translated:
        """The source as a message parameter, rendered in the reader's language."""
        return Translated(self.source, self.source_zh_CN)

    def source_in(self, lang: str) -> str:
        return self.source_text.render(lang)


class Rules(Clean):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    format: Literal["hcc-mdt-rules/1"]
    version: Annotated[OneLine, Field(max_length=64)]
    title: Annotated[str, Field(max_length=200)] = ""
    note: Annotated[str, Field(max_length=2000)] = ""
    rules: dict[str, RuleEntry]

    def entry(self, rule_id: str) -> RuleEntry:
        try:
            return self.rules[rule_id]
        except KeyError:
            raise KeyError(f"rule {rule_id!r} is missing from rules file {self.version}") from None

    def value(self, rule_id: str) -> Any:
        return self.entry(rule_id).value


class RulesError(ValueError):
    """A rules file that cannot be used; `problems` holds one sentence per problem."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = problems if problems is not None else [message]
        super().__init__(message)


def load_rules(path: str | Path | None = None, lang: str = DEFAULT_LANGUAGE) -> Rules:
    """The department's rules file, or the shipped default when `path` is None."""
    if path is None:
        return default_rules()
    return _parse(Path(path), lang)


@cache
def default_rules() -> Rules:
    return _parse(resource("rules.json"), DEFAULT_LANGUAGE)


def _parse(path: Path, lang: str) -> Rules:
    try:
        data = load_json(path.read_bytes())
    except OSError as exc:
        _refuse(str(path), [msg("rules_error.unreadable", reason=exc.strerror or str(exc))], lang)
    except JsonInputError as exc:
        _refuse(str(path), exc.problems, lang)
    return parse_rules(data, str(path), lang)


def parse_rules(data: Any, origin: str, lang: str = DEFAULT_LANGUAGE) -> Rules:
    """A rules file already read as JSON; `origin` names it in the RulesError."""
    try:
        rules = Rules.model_validate(data)
    except ValidationError as exc:
        lines = describe_errors(exc, lang)
        raise RulesError(_heading(origin, lang) + "\n" + "\n".join(lines), lines) from None
    problems = schema_problems(rules)
    missing = sorted(set(default_rules_ids()) - set(rules.rules))
    if missing:
        problems.append(msg("rules_error.missing_rules", rules=", ".join(missing)))
    if problems:
        _refuse(origin, problems, lang)
    return rules


def _heading(origin: str, lang: str) -> str:
    return msg("rules_error.heading", path=origin).render(lang)


def _refuse(origin: str, problems: list[Message], lang: str) -> Any:
    lines = [p.render(lang) for p in problems]
    raise RulesError(_heading(origin, lang) + "\n" + "\n".join(lines), lines) from None


@cache
def default_rules_ids() -> tuple[str, ...]:
    data = load_json(resource("rules.json").read_bytes())
    return tuple(data["rules"])


# --- the schema of values (resources/rules-schema.json) -------------------------------------


class ValueKind(BaseModel):
    """What one kind of rule value may be: its type, range and the units that name it."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    type: Literal["verdict", "boolean", "integer", "number"]
    # For a verdict: the ones this kind allows (default every verdict), so a safety check's
    # outcome cannot be set to `suitable` and switched off without a trace.
    verdicts: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    exclusive_min: bool = False
    nullable: bool = False

    def accepts(self, value: Any) -> bool:
        if value is None:
            return self.nullable
        if self.type == "verdict":
            return isinstance(value, str) and value in (self.verdicts or VERDICT_ORDER)
        if self.type == "boolean":
            return isinstance(value, bool)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if self.type == "integer" and not isinstance(value, int):
            return False
        finite = isinstance(value, int) or math.isfinite(value)  # ints compare exactly, any size
        return finite and self._in_range(value)

    def _in_range(self, value: float) -> bool:
        if self.min is not None and (value <= self.min if self.exclusive_min else value < self.min):
            return False
        return self.max is None or value <= self.max

    def allowed(self, unit: str | None) -> Message:
        """What this kind allows, in words."""
        if self.type == "verdict":
            return msg("rules_error.allowed_verdict", verdicts=list(self.verdicts or VERDICT_ORDER))
        if self.type == "boolean":
            return msg("rules_error.allowed_boolean")
        low = _number(self.min)
        high = _number(self.max)
        key = f"rules_error.allowed_{self.type}" + ("_above" if self.exclusive_min else "")
        allowed = msg(key, min=low, max=high, unit=unit or "")
        return msg("rules_error.allowed_or_null", allowed=allowed) if self.nullable else allowed


class RulesSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    format: Literal["hcc-mdt-rules-schema/1"]
    note: str = ""
    kinds: dict[str, ValueKind]

    def kind_of(self, entry: RuleEntry) -> str | None:
        """The kind named by the entry, else by its unit, else `verdict` when it has no unit."""
        if entry.kind is not None:
            return entry.kind if entry.kind in self.kinds else None
        if entry.unit is None:
            return "verdict"
        return next((name for name, k in self.kinds.items() if entry.unit in k.units), None)


@cache
def rules_schema() -> RulesSchema:
    return RulesSchema.model_validate(load_json(resource("rules-schema.json").read_bytes()))


def schema_problems(rules: Rules) -> list[Message]:
    """Every rule whose ID, unit, kind or value the schema does not allow, naming the rule."""
    schema = rules_schema()
    problems: list[Message] = []
    for rule_id, entry in rules.rules.items():
        found = control_character(rule_id)
        if found or not rule_id:
            problems.append(msg("rules_error.rule_id", rule=shown_value(rule_id)))
            continue
        kind_name = schema.kind_of(entry)
        if kind_name is None:
            problems.append(_unknown_kind(schema, rule_id, entry))
            continue
        kind = schema.kinds[kind_name]
        if not kind.accepts(entry.value):
            problems.append(
                msg(
                    "rules_error.value",
                    rule=rule_id,
                    given=shown_value(entry.value),
                    allowed=kind.allowed(entry.unit),
                )
            )
    return problems


def _unknown_kind(schema: RulesSchema, rule_id: str, entry: RuleEntry) -> Message:
    if entry.kind is not None:
        return msg(
            "rules_error.unknown_kind",
            rule=rule_id,
            kind=shown_value(entry.kind),
            kinds=sorted(schema.kinds),
        )
    units = sorted(unit for kind in schema.kinds.values() for unit in kind.units)
    return msg("rules_error.unknown_unit", rule=rule_id, unit=shown_value(entry.unit), units=units)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)
