"""`mdt-planner evaluate`: the clinical evaluation of one case file, as hcc-mdt-evaluation/1."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop.logic.model import LANGUAGES


def iso_day(text: str) -> dt.date:
    """An `--as-of` day written YYYY-MM-DD; anything else is refused by argparse (exit 2)."""
    try:
        if len(text) != 10:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date written YYYY-MM-DD (for example 2026-12-01)"
        ) from None


def add_evaluate(cmd: argparse.ArgumentParser) -> None:
    cmd.description = (
        "Evaluate CASE.json and print hcc-mdt-evaluation/1. Exit 0 on success, "
        "2 with one message per problem on bad input."
    )
    cmd.add_argument("case_file", type=Path, metavar="CASE.json")
    cmd.add_argument(
        "--rules",
        type=Path,
        metavar="FILE",
        help="a rules file to use instead of the database's (default: the department's rules "
        "file kept in the database, else the shipped one)",
    )
    cmd.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of why/reasons (default en)"
    )
    cmd.add_argument(
        "--as-of",
        type=iso_day,
        metavar="YYYY-MM-DD",
        help="evaluate as of this day (default today): no recorded event may come after it, "
        "and every recency rule counts to it",
    )
    cmd.set_defaults(run=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    from desktop.cli.failures import BAD_INPUT, fail, refuse
    from desktop.cli.printing import print_json
    from desktop.logic.clinical import evaluate, evaluation_output
    from desktop.logic.model import CaseError, RulesError, read_case
    from desktop.logic.store import StoreError, rules_at

    try:
        rules = rules_at(args.db, args.rules)
        # The day of evaluation is also the "today" no recorded event may come after.
        case = read_case(args.case_file, today=args.as_of)
        output = evaluation_output(evaluate(case, rules, as_of=args.as_of), args.lang)
    except (CaseError, RulesError) as exc:
        return fail(str(exc), BAD_INPUT)
    except StoreError as exc:  # the database whose rules file is in force refused
        return refuse(exc)
    print_json(output)
    return 0


PARSERS = {"evaluate": add_evaluate}  # the options of each command (desktop.cli.COMMANDS)
