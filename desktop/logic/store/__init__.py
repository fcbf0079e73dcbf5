"""The case store: one SQLite file of cases, revisions, sealed decisions, agendas and the audit
trail. The UI and the command line use it through this front door only."""

from desktop.logic.store.accounts import Account, AuthError
from desktop.logic.store.database import (
    CaseNotFound,
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseRefused,
    DiskFull,
    Store,
    StoreError,
    User,
    default_db_path,
    restore_database,
)
from desktop.logic.store.encrypt import encrypt_database, init_database, open_database
from desktop.logic.store.errors import StaleRevision, error_text
from desktop.logic.store.keyfile import is_encrypted
from desktop.logic.store.location import refuse_database_file
from desktop.logic.store.rules import (
    department_rules,
    has_department_rules,
    rules_at,
    rules_in_force,
    set_department_rules,
    use_shipped_rules,
)
from desktop.logic.store.settings import SETTINGS
from desktop.logic.store.values import CaseRow

__all__ = [
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
    "refuse_database_file",
    "init_database",
    "is_encrypted",
    "open_database",
    "restore_database",
    "rules_at",
    "rules_in_force",
    "set_department_rules",
    "use_shipped_rules",
]
