"""`mdt-planner`: the desktop app when run bare, command-line tools otherwise.

Each command group lives in its own module in this package (clinical, store, report) and registers
its sub-commands here; every command and option is documented in README.md (a test checks).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__

COMMAND_MODULES = (
    "desktop.cli.clinical",
    "desktop.cli.report",
    "desktop.cli.store",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mdt-planner",
        description="HCC conversion-therapy MDT planner. Without a command, opens the app. "
        "Decision support: it does not replace clinical judgement.",
    )
    parser.add_argument("--version", action="version", version=f"mdt-planner {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="the SQLite database to use (default: one in your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop.ui.platform_check import display_problem

        problem = display_problem()
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2
        from desktop.ui.app import run_app  # Qt only when the window is wanted

        return run_app(args.db)
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
