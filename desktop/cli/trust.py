"""`mdt-planner init|encrypt|users|sign`: accounts, encryption at rest and signatures (trust.md).

Exit codes: 0 done; 2 bad input (an unknown case, a name or password the rules refuse);
3 the store refused (in use, damaged, already encrypted); 4 an account or password refused.
"""

from __future__ import annotations

import argparse
import sys

from desktop.cli.failures import exit_code
from desktop.cli.printing import print_json
from desktop.cli.session import db_path, open_store, read_password
from desktop.cli.session import password_of_user as first_password
from desktop.logic.store import (
    AuthError,
    Store,
    StoreError,
    encrypt_database,
    init_database,
)


def add_init(cmd: argparse.ArgumentParser) -> None:
    _person_options(cmd, required=True)
    cmd.set_defaults(run=run_init)


def add_encrypt(cmd: argparse.ArgumentParser) -> None:
    _person_options(cmd, required=False)
    cmd.set_defaults(run=run_encrypt)


def add_users(users: argparse.ArgumentParser) -> None:
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    cmd = actions.add_parser("add", help="add an account (its initial password on stdin)")
    _person_options(cmd, required=True)
    cmd.set_defaults(run=run_users_add)
    cmd = actions.add_parser("list", help="list the accounts: name, role, key fingerprint")
    cmd.add_argument("--json", action="store_true", help="print a JSON array of objects")
    cmd.set_defaults(run=run_users_list)
    cmd = actions.add_parser("passwd", help="set your own password (the next stdin line)")
    cmd.set_defaults(run=run_users_passwd)
    cmd = actions.add_parser(
        "grant", help="let an account that existed before encryption open the database "
        "(their own password: the next stdin line)",
    )  # fmt: skip
    cmd.add_argument("name", metavar="NAME")
    cmd.set_defaults(run=run_users_grant)
    cmd = actions.add_parser("disable", help="disable an account (never deleted; audited)")
    cmd.add_argument("name", metavar="NAME")
    cmd.set_defaults(run=run_users_disable)


def add_sign(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("case_id", metavar="CASE_ID")
    cmd.set_defaults(run=run_sign)


def _person_options(cmd: argparse.ArgumentParser, *, required: bool) -> None:
    cmd.add_argument("--name", required=required, metavar="NAME", help="the account's name")
    cmd.add_argument("--role", required=required, metavar="ROLE", help="the account's role")
    cmd.add_argument(
        "--password-stdin", action="store_true", default=argparse.SUPPRESS,
        help="read the password(s) from standard input, one per line",
    )  # fmt: skip


def _fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _code(exc: StoreError) -> int:
    return exit_code(exc)


def run_init(args: argparse.Namespace) -> int:
    try:
        password = read_password(args, "init")
        with init_database(db_path(args), args.name, args.role, password) as store:
            account = store.account()
    except StoreError as exc:
        return _fail(str(exc), _code(exc))
    print(f"created encrypted database {db_path(args)}; account {account.name} "
          f"({account.role}), key {account.fingerprint}")  # fmt: skip
    return 0


def run_encrypt(args: argparse.Namespace) -> int:
    try:
        if args.user:
            name, password, role = args.user, first_password(args), None
        elif args.name and args.role:
            name, password, role = args.name, read_password(args, "encrypt"), args.role
        else:
            return _fail("encrypt needs --user NAME (or --name NAME --role ROLE for a database "
                         "without accounts) and --password-stdin", 2)  # fmt: skip
        waiting = encrypt_database(db_path(args), name, password, role)
    except StoreError as exc:
        return _fail(str(exc), _code(exc))
    print(f"encrypted {db_path(args)} (key file {db_path(args)}.keys)")
    if waiting:
        print(f"cannot open it yet: {', '.join(waiting)} (only {name}'s password was known). "
              "Give each access with their own password: --user NAME --password-stdin users "
              "grant MEMBER")  # fmt: skip
    return 0


def run_users_add(args: argparse.Namespace) -> int:
    try:
        with open_store(args, write=True) as store:
            first = not store.has_accounts()
            if not first and store.signed_in is None:
                return _fail("adding a team member needs --user NAME --password-stdin", 4)
            password = read_password(args, f"the password of {args.name}")
            account = store.add_account(args.name, args.role, password)
    except StoreError as exc:
        return _fail(str(exc), _code(exc))
    state = "" if first else " (initial password: they set their own before signing)"
    print(f"added {account.name} ({account.role}){state}")
    return 0


def run_users_list(args: argparse.Namespace) -> int:
    try:
        accounts = []
        if db_path(args).exists():
            with open_store(args, write=False) as store:
                accounts = store.accounts()
    except StoreError as exc:
        return _fail(str(exc), _code(exc))
    if args.json:
        print_json([a.as_json() for a in accounts])
        return 0
    for a in accounts:
        state = "disabled" if a.disabled else "active"
        print(f"{a.name}\t{a.role}\t{a.fingerprint or 'no key yet'}\t{state}")
    return 0


def run_users_passwd(args: argparse.Namespace) -> int:
    if not args.user:
        return _fail("users passwd needs --user NAME --password-stdin", 2)
    try:
        with open_store(args, write=True) as store:
            new = read_password(args, "the new password")
            account = store.change_password(args.user, first_password(args), new)
    except StoreError as exc:
        return _fail(str(exc), _code(exc))
    print(f"password of {account.name} changed; key {account.fingerprint}")
    return 0


def run_users_grant(args: argparse.Namespace) -> int:
    try:
        with open_store(args, write=True) as store:
            _require_signed_in(store)
            password = read_password(args, f"the password of {args.name}")
            store.give_access(args.name, password)
    except StoreError as exc:
        return _fail(str(exc), _code(exc))
    print(f"{args.name} can now open the encrypted database with their own password")
    return 0


def run_users_disable(args: argparse.Namespace) -> int:
    try:
        with open_store(args, write=True) as store:
            _require_signed_in(store)
            store.disable_account(args.name)
    except StoreError as exc:
        return _fail(str(exc), _code(exc))
    print(f"disabled {args.name}")
    return 0


def run_sign(args: argparse.Namespace) -> int:
    if not args.user:
        return _fail("sign needs --user NAME --password-stdin: only you can sign as you", 2)
    try:
        with open_store(args, write=True) as store:
            index = store.sign(args.case_id, args.user, first_password(args))
    except StoreError as exc:
        return _fail(str(exc), _code(exc))
    print(f"{args.user} signed decision record {index + 1} of case {args.case_id}")
    return 0


def _require_signed_in(store: Store) -> None:
    if store.signed_in is None:
        raise AuthError("this needs --user NAME --password-stdin")


PARSERS = {  # each command's options (desktop.cli.COMMANDS)
    "init": add_init,
    "encrypt": add_encrypt,
    "users": add_users,
    "sign": add_sign,
}
