"""`mdt-planner import|list|export|history|check|backup|restore|rules`: the case store from the
shell.

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
from desktop.logic.model import (
    CaseError,
    OutputError,
    Rules,
    RulesError,
    default_rules,
    read_case,
    write_text_atomic,
)
from desktop.logic.store import (
    DatabaseDamaged,
    DatabaseRefused,
    Store,
    StoreError,
    User,
    default_db_path,
    department_rules,
    has_department_rules,
    restore_database,
    rules_in_force,
    set_department_rules,
    use_shipped_rules,
)

CLI_ROLE = "command line"
USER_ENV = "MDT_PLANNER_USER"
LOCK_WAIT_S = 10.0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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

    cmd = commands.add_parser(
        "rules", help="show the rules file in force for the database, or set the department's"
    )
    choice = cmd.add_mutually_exclusive_group()
    choice.add_argument("--use", type=Path, metavar="FILE",
                        help="check FILE and keep it in the database as the department's rules")
    choice.add_argument("--shipped", action="store_true",
                        help="forget the department's rules file: use the shipped one")  # fmt: skip
    cmd.set_defaults(run=run_rules)


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
    if not (args.out or args.pdf or args.archive):
        return fail("export needs --json OUT, --pdf OUT or --archive DIR", BAD_INPUT)
    rules: Rules | None = None
    try:
        with _open(args, write=False) as store:
            stored = store.get_case(args.case_id)
            department = store.get_setting("department") or ""
            if args.pdf or args.archive:
                rules = rules_in_force(store, args.rules)
    except RulesError as exc:
        return fail(str(exc), BAD_INPUT)
    except StoreError as exc:
        return refuse(exc)
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
    if rules is not None:
        code = run_report_export(args, stored.case_id, source, department, rules)
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


def run_rules(args: argparse.Namespace) -> int:
    write = args.use is not None or args.shipped
    db_path = args.db if args.db is not None else default_db_path()
    if not write and not db_path.exists():  # no database yet: nothing chosen, nothing created
        print(_rules_line(default_rules(), own=False))
        return 0
    try:
        with _open(args, write=write) as store:
            if args.use is not None:
                rules = set_department_rules(store, args.use)
            elif args.shipped:
                rules = use_shipped_rules(store)
            else:
                rules = department_rules(store)
            own = has_department_rules(store)
    except RulesError as exc:
        return fail(str(exc), BAD_INPUT)
    except StoreError as exc:
        return refuse(exc)
    print(_rules_line(rules, own))
    return 0


def _rules_line(rules: Rules, own: bool) -> str:
    origin = "the department's, kept in the database" if own else "the shipped rules file"
    title = f" ({rules.title})" if rules.title else ""
    return f"rules {rules.version}{title}: {origin}"


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
