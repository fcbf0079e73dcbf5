"""The app's settings, declared once (name, default, help) and kept through one QSettings wrapper.

Per-machine preferences (language, stale days, who is working, window layout, last filters) live
in QSettings; department-wide values (the department's name) live in the store, so every
workstation using the same database sees them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QWidget

ORGANIZATION = "hcc-mdt-planner"
APPLICATION = "mdt-planner"
LANGUAGES = ("en", "zh_CN")


@dataclass(frozen=True, slots=True)
class SettingSpec:
    name: str
    default: Any
    help: str


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("language", "en", "Interface and clinical-text language: en or zh_CN."),
    SettingSpec(
        "stale_days",
        30,
        "Labs or imaging older than this many days before a meeting are marked stale "
        "(local policy; 0-365).",
    ),
    SettingSpec("user/name", "", "Who is working on this computer (asked once)."),
    SettingSpec("user/role", "", "That person's role in the MDT."),
    SettingSpec("demo/offered", False, "Whether the demonstration cases were offered once."),
)
STORE_SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("department", "", "The department's name, shown in the title bar and reports."),
)
_DEFAULTS = {spec.name: spec.default for spec in SETTINGS}


class Settings:
    """Typed access to QSettings; `Settings.at(path)` keeps them in one ini file (tests)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings(ORGANIZATION, APPLICATION)

    @classmethod
    def at(cls, path: Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def value(self, key: str, default: Any = None) -> Any:
        return self._q.value(key, _DEFAULTS.get(key, default))

    def set_value(self, key: str, value: Any) -> None:
        self._q.setValue(key, value)

    def sync(self) -> None:
        self._q.sync()

    @property
    def language(self) -> str:
        value = str(self.value("language"))
        return value if value in LANGUAGES else "en"

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
        self.set_value("language", lang)

    @property
    def stale_days(self) -> int:
        try:
            days = int(self.value("stale_days"))
        except (TypeError, ValueError):
            return int(_DEFAULTS["stale_days"])
        return days if 0 <= days <= 365 else int(_DEFAULTS["stale_days"])

    def set_stale_days(self, days: int) -> None:
        if not 0 <= days <= 365:
            raise ValueError(f"stale days must be 0-365, not {days}")
        self.set_value("stale_days", int(days))

    def user(self) -> tuple[str, str] | None:
        """(name, role) of who is working, or None before they said."""
        name, role = str(self.value("user/name") or ""), str(self.value("user/role") or "")
        return (name, role) if name.strip() and role.strip() else None

    def set_user(self, name: str, role: str) -> None:
        self.set_value("user/name", name.strip())
        self.set_value("user/role", role.strip())

    def flag(self, key: str) -> bool:
        return str(self.value(key)).lower() in ("true", "1")

    def filters(self, view: str) -> dict[str, str]:
        """The last filters of one list view (`{"text": ..., "bclc": ...}`)."""
        try:
            stored = json.loads(str(self.value(f"filters/{view}", "{}")))
        except ValueError:
            return {}
        return {k: str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}

    def set_filters(self, view: str, filters: dict[str, str]) -> None:
        self.set_value(f"filters/{view}", json.dumps(filters, ensure_ascii=False))

    def save_window(self, key: str, window: QWidget) -> None:
        self.set_value(f"window/{key}/geometry", window.saveGeometry())
        if isinstance(window, QMainWindow):
            self.set_value(f"window/{key}/state", window.saveState())

    def restore_window(self, key: str, window: QWidget) -> bool:
        """Restore geometry (and dock/toolbar state); False when nothing was saved."""
        geometry = self._q.value(f"window/{key}/geometry")
        if not isinstance(geometry, QByteArray) or geometry.isEmpty():
            return False
        window.restoreGeometry(geometry)
        state = self._q.value(f"window/{key}/state")
        if isinstance(window, QMainWindow) and isinstance(state, QByteArray):
            window.restoreState(state)
        return True


def department(store: Any) -> str:
    return str(store.get_setting("department") or "")


def set_department(store: Any, name: str) -> None:
    store.set_setting("department", name.strip())
