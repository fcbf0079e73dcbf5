"""`mdt-planner import|list|export|history|check|backup|restore`: the case store from the shell.

Exit codes: 0 done; 1 `check` found problems; 2 a bad input file or an unknown case; 3 the
store refused (in use, damaged, disk full). Writes are recorded under the user of the settings,
else $MDT_PLANNER_USER or the login name, with the role "command line".
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from desktop.cli.report import (
    ExportRefused,
    add_export_options,
    case_json,
    printed_source,
    run_report_export,
)
from desktop.logic.model import CaseError, read_case
from desktop.logic.store import (
    CaseNotFound,
    DatabaseBusy,
    DatabaseDamaged,
    DiskFull,
    Store,
    StoreError,
    User,
    default_db_path,
    restore_database,
)

CLI_ROLE = "command line"
USER_ENV = "MDT_PLANNER_USER"
LOCK_WAIT_S = 10.0


def register(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "import", help="import case files; a known MRN adds a revision to that patient's case"
    )
    cmd.add_argument("files", nargs="+", type=Path, metavar="FILE")
    cmd.set_defaults(run=run_import)

    cmd = commands.add_parser("list", help="list the stored cases")
    cmd.add_argument("--json", action="store_true", help="print a JSON array of objects")
    cmd.set_defaults(run=run_list)

    cmd = commands.add_parser("export", help="write a stored case as an hcc-mdt-case/1 file")
    cmd.add_argument("case_id", metavar="CASE_ID")
    cmd.add_argument("--json", type=Path, metavar="OUT", dest="out",
                     help="the file to write (- for standard output)")  # fmt: skip
    add_export_options(cmd)  # --pdf, --archive, --lang, --deidentify..., --rules (cli.report)
    cmd.set_defaults(run=run_export)

    cmd = commands.add_parser("history", help="list the revisions of a case")
    cmd.add_argument("case_id", metavar="CASE_ID")
    cmd.add_argument("--json", action="store_true", help="print a JSON array of objects")
    cmd.set_defaults(run=run_history)

    cmd = commands.add_parser(
        "check", help="check the database: SQLite integrity, decision seals, audit chain"
    )
    cmd.set_defaults(run=run_check)

    cmd = commands.add_parser("backup", help="write a consistent copy of the database")
    cmd.add_argument("out", type=Path, metavar="OUT")
    cmd.set_defaults(run=run_backup)

    cmd = commands.add_parser(
        "restore", help="replace the database by a checked backup, keeping the old one aside"
    )
    cmd.add_argument("backup_file", type=Path, metavar="FILE")
    cmd.set_defaults(run=run_restore)


def cli_user(store: Store) -> User:
    """The user of the settings, else $MDT_PLANNER_USER or the login name ("command line")."""
    if store.user is not None:
        return store.user
    return User(os.environ.get(USER_ENV) or getpass.getuser(), CLI_ROLE)


def _open(args: argparse.Namespace, *, write: bool) -> Store:
    store = Store.open(args.db, read_only=not write, wait=LOCK_WAIT_S if write else 0.0)
    store.user = cli_user(store)
    return store


def _fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def run_import(args: argparse.Namespace) -> int:
    try:
        store = _open(args, write=True)
    except StoreError as exc:
        return _fail(str(exc), 3)
    status = 0
    with store:
        for path in args.files:
            try:
                stored, _ = store.import_case(read_case(path))
            except CaseError as exc:
                status = _fail(str(exc), 2)
                continue
            except StoreError as exc:
                status = _fail(f"{path}: {exc}", 2 if _about_the_file(exc) else 3)
                if status == 3:
                    return status
                continue
            sys.stdout.write(f"{stored.case_id}\t{stored.case.patient.mrn}\n")
            sys.stdout.flush()
    return status


def _about_the_file(exc: StoreError) -> bool:
    return not isinstance(exc, DatabaseBusy | DiskFull | DatabaseDamaged)


def run_list(args: argparse.Namespace) -> int:
    db_path = args.db if args.db is not None else default_db_path()
    try:
        rows = []
        if db_path.exists():  # no database yet: no cases (and nothing is created)
            with _open(args, write=False) as store:
                rows = store.list_cases()
    except StoreError as exc:
        return _fail(str(exc), 3)
    if args.json:
        _print_json([dataclasses.asdict(row) for row in rows])
    else:
        for row in rows:
            print("\t".join(str(v) if v is not None else "" for v in dataclasses.astuple(row)))
    return 0


def run_export(args: argparse.Namespace) -> int:
    try:
        with _open(args, write=False) as store:
            stored = store.get_case(args.case_id)
            department = store.get_setting("department") or ""
    except CaseNotFound as exc:
        return _fail(str(exc), 2)
    except StoreError as exc:
        return _fail(str(exc), 3)
    if not (args.out or args.pdf or args.archive):
        return _fail("export needs --json OUT, --pdf OUT or --archive DIR", 2)
    to_stdout = str(args.out) == "-"  # then the de-identification report goes to stderr
    try:
        source = printed_source(
            args, stored.case, stored.case_id, sys.stderr if to_stdout else sys.stdout
        )
    except ExportRefused as exc:
        return _fail(str(exc), 2)
    if args.pdf or args.archive:
        code = run_report_export(args, stored.case_id, source, department)
        if code or not args.out:
            return code
    text = case_json(source)
    if to_stdout:
        sys.stdout.write(text)
        return 0
    partial = args.out.with_name(args.out.name + ".part")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, args.out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        return _fail(f"cannot write {args.out}: {exc.strerror or exc}", 3)
    return 0


def run_history(args: argparse.Namespace) -> int:
    try:
        with _open(args, write=False) as store:
            revisions = store.history(args.case_id)
    except CaseNotFound as exc:
        return _fail(str(exc), 2)
    except StoreError as exc:
        return _fail(str(exc), 3)
    if args.json:
        _print_json([dataclasses.asdict(info) for info in revisions])
    else:
        for info in revisions:
            print(f"{info.revision}\t{info.at}\t{info.by} ({info.role})\t{info.summary}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    try:
        with _open(args, write=False) as store:
            problems = store.check()
    except StoreError as exc:
        problems = [str(exc)]
    for problem in problems:
        print(problem)
    if not problems:
        print("ok: no problems found")
    return 1 if problems else 0


def run_backup(args: argparse.Namespace) -> int:
    try:
        with _open(args, write=False) as store:
            made = store.backup(args.out)
    except StoreError as exc:
        return _fail(str(exc), 3)
    print(made)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    db_path = args.db if args.db is not None else default_db_path()
    try:
        kept = restore_database(args.backup_file, db_path)
    except StoreError as exc:
        return _fail(str(exc), 3)
    print(f"restored {db_path} from {args.backup_file}")
    if kept is not None:
        print(f"the replaced database was kept as {kept}")
    return 0


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
