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

from PySide6.QtCore import QByteArray, QLocale, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

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
    SettingSpec(
        "filters/cases", "{}", "The case list's last filters (text, BCLC, CNLC, status, since)."
    ),
    SettingSpec("demo/offered", False, "Whether the demonstration cases were offered once."),
    SettingSpec(
        "export/folder", "", "The folder last saved to or imported from (file dialogs open there)."
    ),
    SettingSpec("recent/cases", "[]", "The cases opened last, newest first (File → Recent cases)."),
)
RECENT_CASES = 8
# Department-wide settings (department, stale_days, ...) are declared once, in
# desktop.logic.store.settings.SETTINGS, and kept in the database.
STALE_DAYS_RANGE = (0, 365)
_DEFAULTS = {spec.name: spec.default for spec in SETTINGS}


def system_language() -> str:
    """zh_CN when the system's locale is Chinese, else en."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def file_dialog_options(lang: str) -> QFileDialog.Option:
    """The system's own file dialog speaks the system's language; when the planner speaks
    another, Qt's dialog (translated with Qt's base translations) is used instead."""
    if lang == system_language():
        return QFileDialog.Option(0)
    return QFileDialog.Option.DontUseNativeDialog


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

    def last_folder(self) -> Path:
        """Where file dialogs open: the folder last used, else the user's documents folder."""
        stored = Path(str(self.value("export/folder") or ""))
        if str(stored) not in ("", ".") and stored.is_dir():
            return stored
        location = QStandardPaths.StandardLocation.DocumentsLocation
        documents = Path(QStandardPaths.writableLocation(location) or Path.home())
        return documents if documents.is_dir() else Path.home()

    def set_last_folder(self, folder: Path) -> None:
        self.set_value("export/folder", str(folder))

    def recent_cases(self) -> list[str]:
        """Case ids opened last, newest first (at most RECENT_CASES)."""
        try:
            stored = json.loads(str(self.value("recent/cases", "[]")))
        except ValueError:
            return []
        ids = [str(i) for i in stored] if isinstance(stored, list) else []
        return ids[:RECENT_CASES]

    def add_recent_case(self, case_id: str) -> list[str]:
        ids = [case_id, *(i for i in self.recent_cases() if i != case_id)][:RECENT_CASES]
        self.set_value("recent/cases", json.dumps(ids))
        return ids

    def forget_recent_case(self, case_id: str) -> list[str]:
        ids = [i for i in self.recent_cases() if i != case_id]
        self.set_value("recent/cases", json.dumps(ids))
        return ids

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
