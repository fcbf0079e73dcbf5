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
from collections.abc import Iterator
from pathlib import Path

from desktop.cli.failures import BAD_INPUT, PROBLEMS, REFUSED, exit_code, fail, refuse
from desktop.cli.printing import print_json
from desktop.cli.report import (
    ExportRefused,
    add_export_options,
    case_json,
    outputs_refusal,
    printed_source,
    run_report_export,
)
from desktop.cli.session import NoPassword, open_store, password_of_user
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
    AuthError,
    CaseRow,
    DatabaseDamaged,
    DatabaseRefused,
    Store,
    StoreError,
    User,
    default_db_path,
    department_rules,
    has_department_rules,
    is_encrypted,
    restore_database,
    rules_in_force,
    set_department_rules,
    use_shipped_rules,
)

CLI_ROLE = "command line"
USER_ENV = "MDT_PLANNER_USER"


def add_import(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("files", nargs="+", type=Path, metavar="FILE")
    cmd.set_defaults(run=run_import)


def add_list(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--json", action="store_true", help="print a JSON array of objects")
    cmd.set_defaults(run=run_list)


def add_export(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("case_id", metavar="CASE_ID")
    cmd.add_argument("--json", type=Path, metavar="OUT", dest="out",
                     help="the file to write (- for standard output)")  # fmt: skip
    add_export_options(cmd)  # --pdf, --archive, --lang, --deidentify..., --rules (cli.report)
    cmd.set_defaults(run=run_export)


def add_history(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("case_id", metavar="CASE_ID")
    cmd.add_argument("--json", action="store_true", help="print a JSON array of objects")
    cmd.set_defaults(run=run_history)


def add_check(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--against", type=Path, action="append", default=[],
                     metavar="FILE_OR_ARCHIVE",
                     help="another witness: a backup file or an archive folder (repeatable)")
    cmd.set_defaults(run=run_check)


def add_backup(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("out", type=Path, metavar="OUT")
    cmd.set_defaults(run=run_backup)


def add_restore(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("backup_file", type=Path, metavar="FILE")
    cmd.set_defaults(run=run_restore)


def add_rules(cmd: argparse.ArgumentParser) -> None:
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
    """The store as --user (signed in) when given; else as the settings or login user."""
    store = open_store(args, write=write)
    store.user = cli_user(store)
    return store


def _refused(exc: StoreError | OutputError) -> int:
    """Exit 3 for a refusal of the database, 4 for a refused account or password."""
    code = exit_code(exc) if isinstance(exc, AuthError | NoPassword) else REFUSED
    return fail(str(exc), code)


def run_import(args: argparse.Namespace) -> int:
    try:
        store = _open(args, write=True)
    except StoreError as exc:
        return _refused(exc)
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
    """Rows are written as they are read, so any number of cases needs the same memory."""
    write = _write_json_rows if args.json else _write_text_rows
    try:
        db_path = args.db if args.db is not None else default_db_path()
        if not (db_path.exists() or _file_in_the_way(db_path)):  # no database yet: no cases
            write(iter(()))
            return 0
        with _open(args, write=False) as store:
            write(store.iter_cases())
    except StoreError as exc:
        return _refused(exc)
    return 0


def _file_in_the_way(db_path: Path) -> bool:
    """A file where a folder of `db_path` should be: opening it says so (never a database)."""
    return any(folder.exists() and not folder.is_dir() for folder in db_path.parents)


def _write_text_rows(rows: Iterator[CaseRow]) -> None:
    for row in rows:
        values = dataclasses.astuple(row)
        sys.stdout.write("\t".join(str(v) if v is not None else "" for v in values) + "\n")


def _write_json_rows(rows: Iterator[CaseRow]) -> None:
    """The same text as json.dumps(list_of_rows, ensure_ascii=False, indent=2), row by row."""
    separator = "[\n"
    for row in rows:
        item = json.dumps(dataclasses.asdict(row), ensure_ascii=False, indent=2)
        sys.stdout.write(separator + "  " + item.replace("\n", "\n  "))
        separator = ",\n"
    sys.stdout.write("[]\n" if separator == "[\n" else "\n]\n")
    sys.stdout.flush()


def run_export(args: argparse.Namespace) -> int:
    if not (args.out or args.pdf or args.archive):
        return fail("export needs --json OUT, --pdf OUT or --archive DIR", BAD_INPUT)
    rules: Rules | None = None
    signer = None
    try:
        with _open(args, write=False) as store:
            stored = store.get_case(args.case_id)
            department = store.get_setting("department") or ""
            if args.pdf or args.archive:
                rules = rules_in_force(store, args.rules)
            decisions = stored.case.to_json_dict().get("decisions") or []
            signers = store.signer_lines(stored.case_id, decisions)
            if args.archive and args.user:
                signer = store.key_signer(args.user, password_of_user(args))
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
        code = run_report_export(
            args, stored.case_id, source, department, rules, signers, signer
        )
        if code == 0 and args.archive and signer is None:
            print("warning: the bundle is not signed (no --user NAME --password-stdin); "
                  "`verify` will not call it intact", file=sys.stderr)  # fmt: skip
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
        print_json([dataclasses.asdict(info) for info in revisions])
    else:
        for info in revisions:
            print(f"{info.revision}\t{info.at}\t{info.by} ({info.role})\t{info.summary}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Problems found (a damaged file among them) exit 1; a database that cannot be looked at
    (missing, a folder, unreadable) exits 3."""
    warnings: list[str] = []
    try:
        with _open(args, write=False) as store:
            problems = store.check(args.against)
            warnings = store.warnings()
    except DatabaseDamaged as exc:
        problems = [str(exc)]
    except StoreError as exc:
        return _refused(exc)
    for warning in warnings:
        print(f"warning: {warning}")
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
        return _refused(exc)
    print(made)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """2 when FILE is not a good backup (or is the database itself); 3 when the database or
    the file system refused (in use, disk full...)."""
    try:
        db_path = args.db if args.db is not None else default_db_path()
        key = None
        if is_encrypted(db_path):  # the backup is read, and stays, under the database's key
            with _open(args, write=False) as store:
                key = store.key
        kept = restore_database(args.backup_file, db_path, key)
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


PARSERS = {  # each command's options (desktop.cli.COMMANDS)
    "import": add_import,
    "list": add_list,
    "export": add_export,
    "history": add_history,
    "check": add_check,
    "backup": add_backup,
    "restore": add_restore,
    "rules": add_rules,
}
