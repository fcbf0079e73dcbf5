"""`mdt-planner pack` (meeting pack PDF) and `mdt-planner verify` (archive bundle check)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop.logic.model import LANGUAGES, Case, RulesError, load_rules
from desktop.logic.report import (
    DeidentifyError,
    verify_archive,
    write_archive,
    write_meeting_pack,
    write_summary_pdf,
)
from desktop.logic.store import Store, StoreError


def register(commands: argparse._SubParsersAction) -> None:
    pack = commands.add_parser(
        "pack",
        help="write the meeting pack PDF: an agenda page, then each case's summary",
        description="Write one PDF/A-2b file with an agenda page and the MDT summary of each "
        "CASE_ID (one bookmark per case). Exit 0 on success, 2 on a missing case or bad input.",
    )
    pack.add_argument("case_ids", nargs="+", metavar="CASE_ID")
    pack.add_argument("--pdf", type=Path, required=True, metavar="OUT", help="the PDF to write")
    pack.add_argument(
        "--meeting-date",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the meeting date printed on the agenda (default: today)",
    )
    add_report_options(pack)
    pack.set_defaults(run=run_pack)
    verify = commands.add_parser(
        "verify",
        help="check an archive bundle: file hashes, case JSON, decision chain, PDF record_hash",
        description="Check the archive bundle in DIR (written by `export --archive`). Prints "
        "one line per problem; exit 0 when intact, 1 when a problem was found.",
    )
    verify.add_argument("folder", type=Path, metavar="DIR")
    verify.set_defaults(run=run_verify)


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """--lang, --deidentify and --rules, shared by `pack` and the store's `export`."""
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the PDF (default en)"
    )
    parser.add_argument(
        "--deidentify",
        action="store_true",
        help="leave out name, MRN and birth date; print a stable pseudonym instead",
    )
    parser.add_argument("--rules", type=Path, metavar="FILE", help="a department's own rules file")


def run_pack(args: argparse.Namespace) -> int:
    try:
        rules = load_rules(args.rules)
        with Store.open(args.db, read_only=True) as store:
            cases = [(case_id, store.get_case(case_id).case) for case_id in args.case_ids]
            department = store.get_setting("department") or ""
    except (RulesError, StoreError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    meeting = args.meeting_date or dt.date.today()
    out = write_meeting_pack(
        cases,
        args.pdf,
        meeting_date=meeting,
        lang=args.lang,
        deidentify=args.deidentify,
        department=department,
        rules=rules,
    )
    print(f"wrote {out} ({len(cases)} cases)")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    problems = verify_archive(args.folder)
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"{args.folder}: {len(problems)} problem(s); do not rely on this bundle",
            file=sys.stderr,
        )
        return 1
    print(f"{args.folder}: intact (hashes, case file, decision chain, PDF record_hash)")
    return 0


def add_export_options(cmd: argparse.ArgumentParser) -> None:
    """`export CASE_ID --pdf OUT / --archive DIR` options, added to the store's export command."""
    cmd.add_argument("--pdf", type=Path, metavar="OUT", help="write the MDT summary PDF (PDF/A-2b)")
    cmd.add_argument(
        "--archive",
        type=Path,
        metavar="DIR",
        help="write the archive bundle: summary PDF, case JSON and SHA256SUMS manifest",
    )
    add_report_options(cmd)


def run_report_export(args: argparse.Namespace, case_id: str, case: Case, department: str) -> int:
    """The PDF and/or archive part of `export`; 0 done, 2 bad input (rules, de-identification)."""
    try:
        rules = load_rules(args.rules)
        if args.pdf:
            out = write_summary_pdf(
                case,
                args.pdf,
                rules=rules,
                lang=args.lang,
                deidentify=args.deidentify,
                department=department,
                case_id=case_id,
            )
            print(f"wrote {out}")
        if args.archive:
            folder = write_archive(
                case_id,
                case,
                args.archive,
                rules=rules,
                lang=args.lang,
                deidentify=args.deidentify,
                department=department,
            )
            print(f"wrote archive bundle {folder}")
    except (RulesError, DeidentifyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
