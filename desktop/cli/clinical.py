"""`mdt-planner evaluate`: the clinical evaluation of one case file, as hcc-mdt-evaluation/1."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.logic.model import LANGUAGES


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    evaluate_cmd = commands.add_parser(
        "evaluate",
        help="print the evaluation of a case file (scores, staging, verdicts, timing) as JSON",
        description="Evaluate CASE.json and print hcc-mdt-evaluation/1. Exit 0 on success, "
        "2 with one message per problem on bad input.",
    )
    evaluate_cmd.add_argument("case_file", type=Path, metavar="CASE.json")
    evaluate_cmd.add_argument(
        "--rules",
        type=Path,
        metavar="FILE",
        help="a rules file to use instead of the database's (default: the department's rules "
        "file kept in the database, else the shipped one)",
    )
    evaluate_cmd.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of why/reasons (default en)"
    )
    evaluate_cmd.set_defaults(run=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    from desktop.cli.failures import BAD_INPUT, fail, refuse
    from desktop.logic.clinical import evaluate, evaluation_output
    from desktop.logic.model import CaseError, RulesError, read_case
    from desktop.logic.store import StoreError, rules_at

    try:
        rules = rules_at(args.db, args.rules)
        case = read_case(args.case_file)
    except (CaseError, RulesError) as exc:
        return fail(str(exc), BAD_INPUT)
    except StoreError as exc:  # the database whose rules file is in force refused
        return refuse(exc)
    output = evaluation_output(evaluate(case, rules), args.lang)
    sys.stdout.write(json.dumps(output, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
    return 0
