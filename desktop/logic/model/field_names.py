"""The words people read for a case field (resources/text/fields.json), never its path.

("labs", "bilirubin", "value") reads "Total bilirubin"; ("imaging", 1, "lesions", 0,
"viable_diameter_mm") reads "Scan 2, lesion 1: Viable diameter (mm)". The command line keeps
the paths (a script author needs them); the app shows these names.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.logic.model.messages import DEFAULT_LANGUAGE, text_table

PREFIX = "term.field."


def _word(key: str, lang: str) -> str | None:
    entry = text_table().get(PREFIX + key)
    return (entry.get(lang) or entry["en"]) if entry else None


def _template(name: str, lang: str) -> str:
    return _word(name, lang) or "{0}"


def field_name(loc: Sequence[str | int], lang: str = DEFAULT_LANGUAGE) -> str:
    """The reader's words for the field at `loc` (a pydantic location or a split path)."""
    parts = [str(p) for p in loc if p != "none"]
    unit = False
    if len(parts) > 1 and parts[0] in ("labs", "labs_history") and parts[-1] in ("value", "unit"):
        unit = parts.pop() == "unit"
    keys: list[str] = []
    items: list[str] = []
    for part in parts:
        if not part.isdigit():
            keys.append(part)
            continue
        noun = _word(".".join(keys), lang) if keys else None
        if noun is not None:
            items.append(_template("item", lang).format(noun, int(part) + 1))
    separator = "\uff0c" if lang == "zh_CN" else ", "
    if items and parts[-1].isdigit():
        return separator.join(items)
    name = _deepest_name(keys, lang)
    if unit:
        name = _template("unit", lang).format(name)
    if not items:
        return name
    return separator.join(items) + ("\uff1a" if lang == "zh_CN" else ": ") + name


def _deepest_name(keys: list[str], lang: str) -> str:
    """The word for the longest known key; "this field" when none is known."""
    for end in range(len(keys), 0, -1):
        word = _word(".".join(keys[:end]), lang)
        if word is not None:
            return word
    return _word("unknown", lang) or "this field"


def path_name(path: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """`field_name` of a dotted document path ("decisions.0.attendees")."""
    return field_name(path.split("."), lang)
