"""The version-stamped rules file: local-policy thresholds and verdicts, each with its source.

The shipped copy is `resources/rules.json`; a department chooses its own in the app (kept in the
database, desktop.logic.store.rules) or passes one with `--rules FILE`. Every PDF and evaluation
names the version it was made with.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from desktop.logic.model.messages import Translated
from desktop.logic.model.paths import resource

Verdict = Literal["suitable", "caution", "contraindicated"]
VERDICT_ORDER: dict[str, int] = {"suitable": 0, "caution": 1, "contraindicated": 2}


class RuleEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float | int | str | bool | None
    unit: str | None = None
    status: Literal["published", "local policy"]
    source: Annotated[str, Field(min_length=1)]
    source_zh_CN: str | None = None
    note: str | None = None

    @property
    def is_local_policy(self) -> bool:
        return self.status == "local policy"

    @property
    def source_text(self) -> Translated:
        """The source as a message parameter, rendered in the reader's language."""
        return Translated(self.source, self.source_zh_CN)

    def source_in(self, lang: str) -> str:
        return self.source_text.render(lang)


class Rules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["hcc-mdt-rules/1"]
    version: Annotated[str, Field(min_length=1)]
    title: str = ""
    note: str = ""
    rules: dict[str, RuleEntry]

    def entry(self, rule_id: str) -> RuleEntry:
        try:
            return self.rules[rule_id]
        except KeyError:
            raise KeyError(f"rule {rule_id!r} is missing from rules file {self.version}") from None

    def value(self, rule_id: str) -> Any:
        return self.entry(rule_id).value


class RulesError(ValueError):
    """A rules file that cannot be used, with the reason in words."""


def load_rules(path: str | Path | None = None) -> Rules:
    """The department's rules file, or the shipped default when `path` is None."""
    if path is None:
        return default_rules()
    return _parse(Path(path))


@cache
def default_rules() -> Rules:
    return _parse(resource("rules.json"))


def _parse(path: Path) -> Rules:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulesError(f"{path}: cannot read the rules file: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: not a valid JSON rules file: {exc}") from None
    return parse_rules(data, str(path))


def parse_rules(data: Any, origin: str) -> Rules:
    """A rules file already read as JSON; `origin` names it in the RulesError."""
    try:
        rules = Rules.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
            for e in exc.errors(include_url=False)
        ]
        raise RulesError(f"{origin}: not a usable rules file:\n" + "\n".join(lines)) from None
    missing = sorted(set(default_rules_ids()) - set(rules.rules))
    if missing:
        raise RulesError(f"{origin}: rules missing from this file: {', '.join(missing)}")
    return rules


@cache
def default_rules_ids() -> tuple[str, ...]:
    data = json.loads(resource("rules.json").read_text(encoding="utf-8"))
    return tuple(data["rules"])
