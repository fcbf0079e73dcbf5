"""The department's rules file, kept in the database (setting `rules`) so that the app, its PDFs
and every command on that database use the same one; without one, the shipped rules.json.

A command's `--rules FILE` wins over it. The copy is checked like any rules file before it is
kept, and again when read (a newer app may need rules an older file lacks).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from desktop.logic.store.location import APP_NAME, DB_FILE

if TYPE_CHECKING:  # the rules model (pydantic) loads when rules are read, not with the store;
    # the database code only when there is a database to read them from
    from desktop.logic.model import Rules
    from desktop.logic.store.database import Store

RULES_SETTING = "rules"


def has_department_rules(store: Store) -> bool:
    """Whether the department chose its own rules file (else the shipped one is used)."""
    return store.get_setting(RULES_SETTING) is not None


def department_rules(store: Store) -> Rules:
    """The rules file in force for this database; RulesError when the kept copy is unusable."""
    from desktop.logic.model import default_rules, parse_rules

    data = store.get_setting(RULES_SETTING)
    if data is None:
        return default_rules()
    return parse_rules(data, f"the department's rules file kept in {store.path}")


def set_department_rules(store: Store, path: Path) -> Rules:
    """Check the rules file at `path` and keep it as the department's; returns it."""
    from desktop.logic.model import load_rules

    rules = load_rules(path)
    store.set_setting(RULES_SETTING, rules.model_dump(mode="json", exclude_unset=True))
    return rules


def use_shipped_rules(store: Store) -> Rules:
    """Forget the department's rules file: the shipped one is used again."""
    from desktop.logic.model import default_rules

    store.set_setting(RULES_SETTING, None)
    return default_rules()


def rules_in_force(store: Store, override: Path | None = None) -> Rules:
    """`override` (a command's `--rules FILE`) when given, else the department's rules file."""
    from desktop.logic.model import load_rules

    return load_rules(override) if override is not None else department_rules(store)


def rules_at(path: Path | None, override: Path | None = None) -> Rules:
    """As `rules_in_force` for the database at `path` (None: the default one), read without
    writing; the shipped rules when there is no database there (nothing is created)."""
    from desktop.logic.model import default_rules, load_rules

    if override is not None:
        return load_rules(override)
    if path is None:
        path = platformdirs.user_data_path(APP_NAME, appauthor=False) / DB_FILE
    if not path.exists():
        return default_rules()
    from desktop.logic.store.database import Store

    with Store.open(path, read_only=True) as store:
        return department_rules(store)
