"""Sentences the clinician reads: a key plus parameters, rendered in the reader's language.

Templates and glossary terms live in `resources/text/*.json` as `{key: {"en": ..., "zh_CN": ...}}`;
every file is merged into one table and a key defined twice is an error. A parameter that is a
`Term` is looked up in the same table, so "ascites mild" reads "腹水 轻度" in Chinese.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, NamedTuple

from desktop.logic.model.paths import resource

LANGUAGES = ("en", "zh_CN")
DEFAULT_LANGUAGE = "en"
# Shared by every message without parameters: read-only by its type (a plain dict, so that a
# message can be copied and pickled).
NO_PARAMS: Mapping[str, Any] = {}


class Term(NamedTuple):
    """A glossary key, rendered as the word in the reader's language."""

    key: str

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return text_table().get(self.key, {}).get(lang) or _fallback(self.key)


class Translated(NamedTuple):
    """Text that comes with its own translation (a rules-file source), not from resources/text."""

    en: str
    zh_CN: str | None = None

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.zh_CN if lang == "zh_CN" and self.zh_CN else self.en


class Message(NamedTuple):
    """One `why`/reason sentence: a template key and its parameters."""

    key: str
    params: Mapping[str, Any] = NO_PARAMS

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        entry = text_table().get(self.key)
        if entry is None:
            raise KeyError(f"no text for message key {self.key!r} in resources/text")
        template = entry.get(lang) or entry["en"]
        values = {name: _render_param(value, lang) for name, value in self.params.items()}
        return template.format(**values)


def msg(key: str, **params: Any) -> Message:
    return Message(key, params)


def render_all(messages: Iterable[Message], lang: str = DEFAULT_LANGUAGE) -> list[str]:
    return [m.render(lang) for m in messages]


def term(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return Term(key).render(lang)


def _render_param(value: Any, lang: str) -> str:
    if isinstance(value, Term | Message | Translated):
        return value.render(lang)
    if isinstance(value, float):
        return _format_number(value)
    if isinstance(value, list | tuple):
        separator = "、" if lang == "zh_CN" else ", "
        return separator.join(_render_param(v, lang) for v in value)
    return str(value)


def _format_number(value: float) -> str:
    """Numbers as a clinician writes them: 18 not 18.0, 1.05 not 1.0500000001."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _fallback(key: str) -> str:
    return key.rsplit(".", 1)[-1].replace("_", " ")


@cache
def text_table() -> dict[str, dict[str, str]]:
    """Every template and glossary term from `resources/text/*.json`, merged once."""
    table: dict[str, dict[str, str]] = {}
    for path in sorted(resource("text").glob("*.json")):
        entries = json.loads(path.read_text(encoding="utf-8"))
        for key, texts in entries.items():
            if key in table:
                raise ValueError(f"text key {key!r} is defined twice (again in {path.name})")
            table[key] = texts
    return table


def agent_term(name: str) -> Term | str:
    """A drug or procedure name as a glossary term when the glossary knows it."""
    key = f"term.agent.{name.lower()}"
    return Term(key) if key in text_table() else name


def adverse_event_term(name: str) -> Term | str:
    """A CTCAE term as a glossary term when known, else the words as recorded."""
    key = f"term.ae.{name.lower()}"
    return Term(key) if key in text_table() else name.replace("_", " ")
