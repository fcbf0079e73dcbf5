"""The settings the store keeps, declared once: name -> (default, what it means).

docs/store-readme-section.md documents each one (a test checks).
"""

from __future__ import annotations

from typing import Any

SETTINGS: dict[str, tuple[Any, str]] = {
    "user_name": (None, "name of the person working, recorded with every change"),
    "user_role": (None, "their role (e.g. hepatobiliary surgeon), recorded with every change"),
    "department": (None, "department name printed on documents"),
    "backup_keep": (10, "how many rotating backups to keep (0 turns them off)"),
    "stale_days": (30, "labs or imaging older than this many days are marked stale (0-365)"),
    "language": ("en", "language of the app and its clinical sentences (en or zh_CN)"),
    "rules": (None, "the department's rules file (hcc-mdt-rules/1); none: the shipped one"),
    "idle_lock_minutes": (10, "minutes without input before patient values are hidden (0 never)"),
}
