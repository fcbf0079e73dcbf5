"""`mdt-planner`: the desktop app when run bare, command-line tools otherwise.

Start-up stays short: the global options and the command's name are read first, and only the
module of the command that runs is imported (the app imports none of them). `COMMANDS` names
every command with its one-line help, so `mdt-planner --help` lists them all without importing
any. Each command group lives in its own module in this package (clinical, store, report); its
`PARSERS` table fills in a command's options. Every command and option is documented in
README.md (a test checks).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from desktop import __version__

# name: (module that runs it, one-line help shown by `mdt-planner --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "evaluate": (
        "desktop.cli.clinical",
        "print the evaluation of a case file (scores, staging, verdicts, timing) as JSON",
    ),
    "pack": (
        "desktop.cli.report",
        "write the meeting pack PDF: an agenda page, then each case's summary",
    ),
    "verify": (
        "desktop.cli.report",
        "check an archive bundle: file hashes, case JSON, decision chain, PDF record_hash",
    ),
    "import": (
        "desktop.cli.store",
        "import case files; a known MRN adds a revision to that patient's case",
    ),
    "list": ("desktop.cli.store", "list the stored cases"),
    "export": ("desktop.cli.store", "write a stored case as an hcc-mdt-case/1 file"),
    "history": ("desktop.cli.store", "list the revisions of a case"),
    "check": (
        "desktop.cli.store",
        "check the database: SQLite integrity, decision seals, audit chain, revision hashes, "
        "signatures, and every backup as a witness",
    ),
    "backup": ("desktop.cli.store", "write a consistent copy of the database"),
    "restore": (
        "desktop.cli.store",
        "replace the database by a checked backup, keeping the old one aside",
    ),
    "rules": (
        "desktop.cli.store",
        "show the rules file in force for the database, or set the department's",
    ),
    "init": (
        "desktop.cli.trust",
        "create an encrypted database with its first account (password on stdin)",
    ),
    "encrypt": (
        "desktop.cli.trust",
        "turn a plain database into an encrypted one (as --user, or as a first account)",
    ),
    "users": ("desktop.cli.trust", "the accounts of the people who work and sign"),
    "sign": (
        "desktop.cli.trust",
        "sign the latest final decision record of a case as --user",
    ),
}
VALUE_OPTIONS = ("--db", "--user")  # global options that take a value (the scan below skips it)
# pydantic's own switch for plugins, for the releases that read it; the planner keeps every
# plugin out on all of them (desktop/logic/model/no_plugins.py).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
# Commands that read one file, print and exit. In their process the cyclic garbage collector
# would only rescan what the imports and pydantic's schemas made (about a tenth of `evaluate`),
# and the process ends before garbage could matter (+0.5 MB at the peak). The app and every
# command whose work grows with the data keep it.
ONE_FILE_COMMANDS = frozenset({"evaluate"})


def build_parser(command: str | None = None, *, every: bool = True) -> argparse.ArgumentParser:
    """The whole command line. With `every=False` and a known `command`, only that command's
    parser is made (the others serve only the top-level help and the error naming an unknown
    command: about 1% of `evaluate`); with `every=False` and no known command, every command is
    listed by name and help, none with its options."""
    parser = argparse.ArgumentParser(
        prog="mdt-planner",
        description="HCC conversion-therapy MDT planner. Without a command, opens the app. "
        "Decision support: it does not replace clinical judgement.",
        allow_abbrev=False,  # so command_name() finds the command exactly as argparse does
    )
    parser.add_argument("--version", action="version", version=f"mdt-planner {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="the SQLite database to use (default: one in your user data folder)",
    )
    parser.add_argument(
        "--user", metavar="NAME",
        help="the account to act as (audit, signing); its password is read with --password-stdin",
    )  # fmt: skip
    parser.add_argument(
        "--password-stdin", action="store_true",
        help="read passwords from standard input, one per line (first: the --user's password)",
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    alone = not every and command in COMMANDS
    for name, (module, summary) in COMMANDS.items():
        if alone and name != command:
            continue
        sub = commands.add_parser(name, help=summary)
        if every or name == command:
            importlib.import_module(module).PARSERS[name](sub)
    return parser


def command_name(argv: Sequence[str]) -> str | None:
    """The command in `argv` (the first word that is not a global option or its value)."""
    at = _command_at(argv)
    return None if at is None else argv[at]


def _command_at(argv: Sequence[str]) -> int | None:
    words = iter(enumerate(argv))
    for at, word in words:
        if word in VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return at
    return None


def parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser `main` reads `argv` with: the named command's alone, unless help is asked for
    before the command (`mdt-planner -h evaluate` lists every command)."""
    at = _command_at(argv)
    before = argv if at is None else argv[:at]
    asks_help = "-h" in before or "--help" in before
    return build_parser(None if asks_help or at is None else argv[at], every=False)


def run() -> NoReturn:
    """The console script `mdt-planner` and `python -m desktop`: `main` in a process of its
    own, which may set what is process-wide (tests call `main` in theirs)."""
    argv = sys.argv[1:]
    if command_name(argv) in ONE_FILE_COMMANDS:
        gc.disable()
    sys.exit(main(argv))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser_for(argv).parse_args(argv)
    if args.command is None:
        return _open_window(args.db)
    from desktop.cli.failures import os_failure, refuse
    from desktop.logic.model import OutputError
    from desktop.logic.store import StoreError

    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (StoreError, OutputError) as exc:  # a refusal a command did not word itself
        return refuse(exc)
    except OSError as exc:  # the file system refused something no command expected
        return os_failure(exc)


def _open_window(db: Path | None) -> int:
    from desktop.ui.platform_check import display_problem

    problem = display_problem()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    from desktop.ui.app import run_app  # Qt only when the window is wanted

    return run_app(db)
