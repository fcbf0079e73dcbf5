"""`mdt-planner evaluate`: the clinical evaluation of one case file, as hcc-mdt-evaluation/1."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.logic.model import LANGUAGES


def register(commands: argparse._SubParsersAction) -> None:
    evaluate_cmd = commands.add_parser(
        "evaluate",
        help="print the evaluation of a case file (scores, staging, verdicts, timing) as JSON",
        description="Evaluate CASE.json and print hcc-mdt-evaluation/1. Exit 0 on success, "
        "2 with one message per problem on bad input.",
    )
    evaluate_cmd.add_argument("case_file", type=Path, metavar="CASE.json")
    evaluate_cmd.add_argument(
        "--rules", type=Path, metavar="FILE", help="a department's own rules file"
    )
    evaluate_cmd.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of why/reasons (default en)"
    )
    evaluate_cmd.set_defaults(run=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    from desktop.logic.clinical import evaluate, evaluation_output
    from desktop.logic.model import CaseError, RulesError, load_rules, read_case

    try:
        rules = load_rules(args.rules)
        case = read_case(args.case_file)
    except (CaseError, RulesError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    output = evaluation_output(evaluate(case, rules), args.lang)
    sys.stdout.write(json.dumps(output, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
    return 0
