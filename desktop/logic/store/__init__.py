"""The case store: one SQLite file of cases, revisions, sealed decisions, agendas and the audit
trail. The UI and the command line use it through this front door only.

Names load on first use (PEP 562): `evaluate` reads its refusals and the rules file in force
without loading accounts, cryptography or the database code when there is no database; the
app imports every module at once before Qt (`import_all`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.logic.model import import_modules, lazy_exports

if TYPE_CHECKING:
    from desktop.logic.store.accounts import Account
    from desktop.logic.store.backup import restore_database
    from desktop.logic.store.database import Store
    from desktop.logic.store.encrypt import encrypt_database, init_database, open_database
    from desktop.logic.store.errors import (
        AuthError,
        CaseNotFound,
        DatabaseBusy,
        DatabaseDamaged,
        DatabaseRefused,
        DiskFull,
        StaleRevision,
        StoreError,
        error_text,
    )
    from desktop.logic.store.files import is_encrypted
    from desktop.logic.store.location import default_db_path, refuse_database_file
    from desktop.logic.store.rules import (
        department_rules,
        has_department_rules,
        rules_at,
        rules_in_force,
        set_department_rules,
        use_shipped_rules,
    )
    from desktop.logic.store.settings import SETTINGS
    from desktop.logic.store.values import CaseRow, User

_EXPORTS = {  # module: the names it gives this front door
    "accounts": ("Account",),
    "backup": ("restore_database",),
    "database": ("Store",),
    "encrypt": ("encrypt_database", "init_database", "open_database"),
    "errors": (
        "AuthError",
        "CaseNotFound",
        "DatabaseBusy",
        "DatabaseDamaged",
        "DatabaseRefused",
        "DiskFull",
        "StaleRevision",
        "StoreError",
        "error_text",
    ),
    "files": ("is_encrypted",),
    "location": ("default_db_path", "refuse_database_file"),
    "rules": (
        "department_rules",
        "has_department_rules",
        "rules_at",
        "rules_in_force",
        "set_department_rules",
        "use_shipped_rules",
    ),
    "settings": ("SETTINGS",),
    "values": ("CaseRow", "User"),
}
_HOME, __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)


def import_all() -> None:
    """Import every module behind this front door now (the app does, before Qt is loaded)."""
    import_modules(__name__, _EXPORTS)


__all__ = [  # the names of _EXPORTS, and import_all (a test checks)
    "Account",
    "AuthError",
    "CaseNotFound",
    "CaseRow",
    "DatabaseBusy",
    "DatabaseDamaged",
    "DatabaseRefused",
    "DiskFull",
    "SETTINGS",
    "StaleRevision",
    "Store",
    "StoreError",
    "User",
    "default_db_path",
    "department_rules",
    "encrypt_database",
    "error_text",
    "has_department_rules",
    "import_all",
    "init_database",
    "is_encrypted",
    "open_database",
    "refuse_database_file",
    "restore_database",
    "rules_at",
    "rules_in_force",
    "set_department_rules",
    "use_shipped_rules",
]
