"""Who runs a command: the global `--user NAME --password-stdin`, and opening the store as them.

Passwords come only from standard input, one per line (trust.md): with `--user`, the first line
is that person's password; a command that needs another password (`users add`) reads the next
line. They are never echoed, logged or written anywhere.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.failures import AUTH_FAILED, exit_code
from desktop.logic.store import Store, StoreError, default_db_path, open_database

LOCK_WAIT_S = 10.0
__all__ = ["AUTH_FAILED", "NoPassword", "open_store", "read_password", "user_password"]


class NoPassword(StoreError):
    """Standard input ended before the password the command needs."""


def refusal_code(exc: StoreError) -> int:
    """Exit status of a refusal (desktop.cli.failures): 4 an account or password refused,
    3 the database refused, 2 bad input (no password given among them)."""
    return exit_code(exc)


def read_password(args: argparse.Namespace, what: str) -> str:
    """The next line of standard input (without its line end); NoPassword when there is none."""
    if not getattr(args, "password_stdin", False):
        raise NoPassword(f"{what}: give --password-stdin and the password on standard input")
    line = sys.stdin.readline()
    if not line:
        raise NoPassword(f"{what}: standard input ended before the password")
    return line.rstrip("\r\n")


def user_password(args: argparse.Namespace) -> str | None:
    """The --user's password (first line), read once per command; None without --user."""
    return password_of_user(args) if args.user else None


def password_of_user(args: argparse.Namespace) -> str:
    """The --user's password (first line), read once per command; for a command that has
    checked that --user is given."""
    if not hasattr(args, "_user_password"):
        args._user_password = read_password(args, f"--user {args.user}")
    password: str = args._user_password
    return password


def db_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else default_db_path()


def open_store(args: argparse.Namespace, *, write: bool) -> Store:
    """The store, opened (and signed in) as --user when given, else as it is."""
    wait = LOCK_WAIT_S if write else 0.0
    password = user_password(args)
    if password is not None:
        return open_database(db_path(args), args.user, password, read_only=not write, wait=wait)
    return Store.open(args.db, read_only=not write, wait=wait)
