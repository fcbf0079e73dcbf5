"""What changed between two revisions of a case, as field paths (never the values themselves)."""

from __future__ import annotations

from typing import Any

MAX_PATHS = 12
IGNORED = frozenset({"case_id"})


def change_summary(old: dict[str, Any] | None, new: dict[str, Any]) -> str:
    """'created', 'no change' or e.g. 'changed labs.inr; added decisions[1]'."""
    if old is None:
        return "created"
    changes: dict[str, list[str]] = {"changed": [], "added": [], "removed": []}
    _compare(old, new, "", changes)
    parts = []
    for verb, paths in changes.items():
        if paths:
            shown = paths[:MAX_PATHS]
            more = f" and {len(paths) - MAX_PATHS} more" if len(paths) > MAX_PATHS else ""
            parts.append(f"{verb} {', '.join(shown)}{more}")
    return "; ".join(parts) or "no change"


def _compare(old: Any, new: Any, path: str, changes: dict[str, list[str]]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(old.keys() | new.keys()):
            if not path and key in IGNORED:
                continue
            child = f"{path}.{key}" if path else key
            if key not in new:
                changes["removed"].append(child)
            elif key not in old:
                changes["added"].append(child)
            else:
                _compare(old[key], new[key], child, changes)
    elif isinstance(old, list) and isinstance(new, list):
        for index in range(max(len(old), len(new))):
            child = f"{path}[{index}]"
            if index >= len(new):
                changes["removed"].append(child)
            elif index >= len(old):
                changes["added"].append(child)
            else:
                _compare(old[index], new[index], child, changes)
    elif old != new or type(old) is not type(new) and not _same_number(old, new):
        changes["changed"].append(path)


def _same_number(old: Any, new: Any) -> bool:
    numbers = (int, float)
    both = isinstance(old, numbers) and isinstance(new, numbers)
    return both and not isinstance(old, bool) and not isinstance(new, bool) and old == new
