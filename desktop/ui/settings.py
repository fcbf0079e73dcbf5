"""The app's settings, declared once (name, default, help) and kept through one QSettings wrapper.

Per-machine preferences (language, who is working, window layout, last filters) live in
QSettings; department-wide values (the department's name, when labs or imaging count as stale)
live in the store, so every workstation using the same database sees them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QLocale, QSettings
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.logic.store import SETTINGS as STORE_SETTINGS

if TYPE_CHECKING:
    from desktop.logic.store import Store

ORGANIZATION = "hcc-mdt-planner"
APPLICATION = "mdt-planner"
LANGUAGES = ("en", "zh_CN")


@dataclass(frozen=True, slots=True)
class SettingSpec:
    name: str
    default: Any
    help: str


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "language",
        "en",
        "Interface and clinical-text language: en or zh_CN (until chosen: the system's).",
    ),
    SettingSpec("user/name", "", "Who is working on this computer (asked once)."),
    SettingSpec("user/role", "", "That person's role in the MDT."),
    SettingSpec("window/main/geometry", None, "Size and place of the main window."),
    SettingSpec("window/main/state", None, "Layout of the main window's bars."),
    SettingSpec("filters/cases", "{}", "The case list's last filters (text, BCLC, CNLC, status)."),
    SettingSpec("demo/offered", False, "Whether the demonstration cases were offered once."),
)
# Department-wide settings (department, stale_days, ...) are declared once, in
# desktop.logic.store.settings.SETTINGS, and kept in the database.
STALE_DAYS_RANGE = (0, 365)
_DEFAULTS = {spec.name: spec.default for spec in SETTINGS}


def system_language() -> str:
    """zh_CN when the system's locale is Chinese, else en."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


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
        """The chosen language; until one is chosen, the system's (Chinese or else English)."""
        if not self._q.contains("language"):
            return system_language()
        value = str(self.value("language"))
        return value if value in LANGUAGES else "en"

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
        self.set_value("language", lang)

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


def department(store: Store) -> str:
    return str(store.get_setting("department") or "")


def set_department(store: Store, name: str) -> None:
    store.set_setting("department", name.strip())


def stale_days(store: Store) -> int:
    """The department's stale limit in days (the store's `stale_days`), within 0-365."""
    default = int(STORE_SETTINGS["stale_days"][0])
    try:
        days = int(store.get_setting("stale_days"))
    except (TypeError, ValueError):
        return default
    low, high = STALE_DAYS_RANGE
    return days if low <= days <= high else default


def set_stale_days(store: Store, days: int) -> None:
    low, high = STALE_DAYS_RANGE
    if not low <= days <= high:
        raise ValueError(f"stale days must be {low}-{high}, not {days}")
    store.set_setting("stale_days", int(days))
