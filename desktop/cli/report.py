"""`mdt-planner pack` (meeting pack PDF) and `mdt-planner verify` (archive bundle check).

Exit codes as desktop.cli.failures: 2 for bad input (unknown case, rules file, options that do
not go together, a copy that cannot be de-identified or printed), 3 when the database or the
file system refused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop.cli.failures import BAD_INPUT, PROBLEMS, REFUSED, fail, refuse
from desktop.cli.session import open_store
from desktop.logic.model import (
    LANGUAGES,
    Case,
    OutputError,
    Rules,
    RulesError,
    SignerLine,
    dumps_case,
    load_rules,
)
from desktop.logic.store import (
    StoreError,
    default_db_path,
    department_rules,
    refuse_database_file,
)

if TYPE_CHECKING:  # the PDF libraries (reportlab, pikepdf) load only when a command needs them
    from desktop.logic.model.keys import KeySigner
    from desktop.logic.report import Deidentified, DeidentifyOptions


def add_pack(pack: argparse.ArgumentParser) -> None:
    pack.description = (
        "Write one PDF/A-2b file with an agenda page and the MDT summary of each "
        "CASE_ID (one bookmark per case). Exit 0 on success, 2 on a missing case or bad input, "
        "3 when the database or the disk refused."
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


def add_verify(verify: argparse.ArgumentParser) -> None:
    verify.description = (
        "Check the archive bundle in DIR (written by `export --archive`). Prints "
        "one line per problem; exit 0 when intact, 1 when a problem was found."
    )
    verify.add_argument("folder", type=Path, metavar="DIR")
    verify.add_argument(
        "--trusted", type=Path, metavar="KEYS.json",
        help="also require the manifest's signer to be one of these keys (`users list --json`)",
    )  # fmt: skip
    verify.set_defaults(run=run_verify)


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """--lang, --deidentify (and its two choices) and --rules, shared by `pack` and `export`."""
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the PDF (default en)"
    )
    parser.add_argument(
        "--deidentify",
        action="store_true",
        help="replace name, MRN, birth date and case id by a stable pseudonym and leave out "
        "free text; lists what it removed",
    )
    parser.add_argument(
        "--include-free-text",
        action="store_true",
        help="with --deidentify: keep free text, with the patient's name, MRN and birth date "
        "redacted at word boundaries",
    )
    parser.add_argument(
        "--deidentify-attendees",
        action="store_true",
        help="with --deidentify: replace attendee, signer and override names by Attendee 1, 2...",
    )
    parser.add_argument(
        "--rules",
        type=Path,
        metavar="FILE",
        help="a rules file to use instead of the department's one kept in the database",
    )


_DEIDENTIFY_CHOICES = ("include_free_text", "deidentify_attendees")


class ExportRefused(Exception):
    """Options that do not go together, or a copy that cannot be de-identified (exit 2)."""


def deidentify_options(args: argparse.Namespace) -> DeidentifyOptions | None:
    """The de-identification asked for on the command line (None: an identified export)."""
    if not args.deidentify:
        extra = [name for name in _DEIDENTIFY_CHOICES if getattr(args, name)]
        if extra:
            flags = ", ".join("--" + name.replace("_", "-") for name in extra)
            raise ExportRefused(f"{flags} only applies with --deidentify")
        return None
    from desktop.logic.report import DeidentifyOptions

    return DeidentifyOptions(args.include_free_text, args.deidentify_attendees)


def printed_source(
    args: argparse.Namespace, case: Case, label: str, stream: TextIO | None = None
) -> Case | Deidentified:
    """The case, or its de-identified copy with what was removed printed to `stream`."""
    options = deidentify_options(args)
    if options is None:
        return case
    from desktop.logic.report import DeidentifyError, deidentify_case

    try:
        copy = deidentify_case(case, options)
    except DeidentifyError as exc:
        raise ExportRefused(f"{label}: {exc}") from None
    out = stream or sys.stdout
    print(f"{label} de-identified as {copy.alias}:", file=out)
    for line in copy.report.lines(args.lang):
        print(f"  {line}", file=out)
    return copy


def case_json(source: Case | Deidentified) -> str:
    """The hcc-mdt-case/1 text of the case, or of its de-identified copy."""
    from desktop.logic.report import Deidentified

    return dumps_case(source.case if isinstance(source, Deidentified) else source)


def outputs_refusal(db: Path | None, outputs: list[Path | None]) -> int | None:
    """Exit 3 in words when an output would land on the database or one of its own files."""
    try:
        db_path = db if db is not None else default_db_path()
        for out in outputs:
            if out is not None and str(out) != "-":
                refuse_database_file(out, db_path)
    except StoreError as exc:
        return refuse(exc)
    return None


def run_pack(args: argparse.Namespace) -> int:
    from desktop.logic.report import UnprintableText, write_meeting_pack

    try:
        override = load_rules(args.rules) if args.rules is not None else None
    except (RulesError, OSError) as exc:
        return fail(str(exc), BAD_INPUT)
    refused = outputs_refusal(args.db, [args.pdf])
    if refused is not None:
        return refused
    try:
        with open_store(args, write=False) as store:
            rules = override or department_rules(store)
            stored = [(case_id, store.get_case(case_id).case) for case_id in args.case_ids]
            department = store.get_setting("department") or ""
            signers = {
                case_id: store.signer_lines(case_id, case.to_json_dict().get("decisions") or [])
                for case_id, case in stored
            }
        cases = [(case_id, printed_source(args, case, case_id)) for case_id, case in stored]
        out = write_meeting_pack(
            cases,
            args.pdf,
            meeting_date=args.meeting_date or dt.date.today(),
            lang=args.lang,
            department=department,
            rules=rules,
            signers=signers,
        )
    except (ExportRefused, UnprintableText, RulesError) as exc:
        return fail(str(exc), BAD_INPUT)
    except (StoreError, OutputError) as exc:
        return refuse(exc)
    print(f"wrote {out} ({len(cases)} cases)")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from desktop.logic.report import verify_bundle

    try:
        verdict = verify_bundle(args.folder, args.trusted)
    except OSError as exc:
        return fail(f"{args.folder}: cannot be read ({exc.strerror or exc})", REFUSED)
    for problem in verdict.problems:
        print(problem)
    if verdict.signer:
        signer = verdict.signer
        print(f"signed by {signer['name']} ({signer['role']}), key {signer['fingerprint']}")
    if verdict.problems:
        print(f"{args.folder}: not intact: {len(verdict.problems)} problem(s); do not rely on "
              "this bundle", file=sys.stderr)  # fmt: skip
        return PROBLEMS
    print(f"{args.folder}: intact (exact signed manifest, case file, decision chain, PDF "
          "record_hash and case_hash)")  # fmt: skip
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


def run_report_export(
    args: argparse.Namespace,
    case_id: str,
    source: Case | Deidentified,
    department: str,
    rules: Rules,
    signers: dict[str, list[SignerLine]] | None = None,
    signer: KeySigner | None = None,
) -> int:
    """The PDF and/or archive part of `export` of `source` (the case or its de-identified copy,
    from printed_source) with the rules in force (`--rules FILE`, else the department's); 0 done,
    2 bad input (text the PDF font cannot print), 3 when an output cannot be written (full disk,
    no permission, a file in the way). `signers` (who signed each sealed record, with what key)
    is printed in the PDF; `signer` signs the archive's manifest."""
    from desktop.logic.report import UnprintableText, write_archive, write_summary_pdf

    try:
        if args.pdf:
            out = write_summary_pdf(
                source,
                args.pdf,
                rules=rules,
                lang=args.lang,
                department=department,
                case_id=case_id,
                signers=signers,
            )
            print(f"wrote {out}")
        if args.archive:
            folder = write_archive(
                case_id,
                source,
                args.archive,
                rules=rules,
                lang=args.lang,
                department=department,
                signer=signer,
                signers=signers,
            )
            print(f"wrote archive bundle {folder}")
    except UnprintableText as exc:
        return fail(str(exc), BAD_INPUT)
    except OutputError as exc:
        return refuse(exc)
    return 0


PARSERS = {"pack": add_pack, "verify": add_verify}  # each command's options (desktop.cli.COMMANDS)
