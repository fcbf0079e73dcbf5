"""`mdt-planner import|list|export|history|check|backup|restore`: the case store from the shell.

Exit codes (desktop.cli.failures): 0 done; 1 `check` found problems; 2 a bad input file or an
unknown case; 3 the database or the file system refused (in use, damaged, disk full, no
permission). Writes are recorded under the user of the settings, else $MDT_PLANNER_USER or the
login name, with the role "command line".
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

from desktop.cli.failures import BAD_INPUT, PROBLEMS, REFUSED, fail, refuse
from desktop.cli.report import (
    ExportRefused,
    add_export_options,
    case_json,
    outputs_refusal,
    printed_source,
    run_report_export,
)
from desktop.logic.model import CaseError, OutputError, read_case, write_text_atomic
from desktop.logic.store import (
    DatabaseDamaged,
    DatabaseRefused,
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


def run_import(args: argparse.Namespace) -> int:
    try:
        store = _open(args, write=True)
    except StoreError as exc:
        return fail(str(exc), REFUSED)
    status = 0
    with store:
        for path in args.files:
            try:
                stored, _ = store.import_case(read_case(path))
            except CaseError as exc:
                status = fail(str(exc), BAD_INPUT)
                continue
            except StoreError as exc:  # the database refused: stop; the file refused: go on
                status = refuse(exc, str(path))
                if isinstance(exc, DatabaseRefused):
                    return status
                continue
            sys.stdout.write(f"{stored.case_id}\t{stored.case.patient.mrn}\n")
            sys.stdout.flush()
    return status


def run_list(args: argparse.Namespace) -> int:
    try:
        db_path = args.db if args.db is not None else default_db_path()
        rows = []
        if db_path.exists() or _file_in_the_way(db_path):  # no database yet: no cases
            with _open(args, write=False) as store:
                rows = store.list_cases()
    except StoreError as exc:
        return fail(str(exc), REFUSED)
    if args.json:
        _print_json([dataclasses.asdict(row) for row in rows])
    else:
        for row in rows:
            print("\t".join(str(v) if v is not None else "" for v in dataclasses.astuple(row)))
    return 0


def _file_in_the_way(db_path: Path) -> bool:
    """A file where a folder of `db_path` should be: opening it says so (never a database)."""
    return any(folder.exists() and not folder.is_dir() for folder in db_path.parents)


def run_export(args: argparse.Namespace) -> int:
    try:
        with _open(args, write=False) as store:
            stored = store.get_case(args.case_id)
            department = store.get_setting("department") or ""
    except StoreError as exc:
        return refuse(exc)
    if not (args.out or args.pdf or args.archive):
        return fail("export needs --json OUT, --pdf OUT or --archive DIR", BAD_INPUT)
    refused = outputs_refusal(args.db, [args.out, args.pdf, args.archive])
    if refused is not None:
        return refused
    to_stdout = str(args.out) == "-"  # then the de-identification report goes to stderr
    try:
        source = printed_source(
            args, stored.case, stored.case_id, sys.stderr if to_stdout else sys.stdout
        )
    except ExportRefused as exc:
        return fail(str(exc), BAD_INPUT)
    if args.pdf or args.archive:
        code = run_report_export(args, stored.case_id, source, department)
        if code or not args.out:
            return code
    text = case_json(source)
    if to_stdout:
        sys.stdout.write(text)
        return 0
    try:
        write_text_atomic(args.out, text)
    except OutputError as exc:
        return refuse(exc)
    return 0


def run_history(args: argparse.Namespace) -> int:
    try:
        with _open(args, write=False) as store:
            revisions = store.history(args.case_id)
    except StoreError as exc:
        return refuse(exc)
    if args.json:
        _print_json([dataclasses.asdict(info) for info in revisions])
    else:
        for info in revisions:
            print(f"{info.revision}\t{info.at}\t{info.by} ({info.role})\t{info.summary}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Problems found (a damaged file among them) exit 1; a database that cannot be looked at
    (missing, a folder, unreadable) exits 3."""
    try:
        with _open(args, write=False) as store:
            problems = store.check()
    except DatabaseDamaged as exc:
        problems = [str(exc)]
    except StoreError as exc:
        return fail(str(exc), REFUSED)
    for problem in problems:
        print(problem)
    if not problems:
        print("ok: no problems found")
    return PROBLEMS if problems else 0


def run_backup(args: argparse.Namespace) -> int:
    try:
        with _open(args, write=False) as store:
            made = store.backup(args.out)
    except (StoreError, OutputError) as exc:
        return fail(str(exc), REFUSED)
    print(made)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """2 when FILE is not a good backup (or is the database itself); 3 when the database or
    the file system refused (in use, disk full...)."""
    try:
        db_path = args.db if args.db is not None else default_db_path()
        kept = restore_database(args.backup_file, db_path)
    except (StoreError, OutputError) as exc:
        return refuse(exc)
    print(f"restored {db_path} from {args.backup_file}")
    if kept is not None:
        print(f"the replaced database was kept as {kept}")
    return 0


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
