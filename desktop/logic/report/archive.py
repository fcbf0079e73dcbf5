"""The department archive bundle: summary PDF, case JSON and a SHA-256 manifest, and its check.

A bundle is a folder holding `<name>.pdf`, `<name>.json` and `SHA256SUMS` (the format of
`sha256sum`, so `sha256sum -c SHA256SUMS` checks it too), and, when de-identified,
`REDACTIONS.txt`. `verify_archive` re-hashes every file, reads the JSON as a case, re-verifies
the decision hash chain, and compares the record_hash the PDF carries with the JSON's latest
sealed record. The manifest alone can be
rewritten by whoever alters a file; the decision chain and the hash inside the PDF cannot be
made to agree again without the original records.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desktop.logic.model import (
    Case,
    Rules,
    atomic_folder,
    chain_problems,
    describe_errors,
    dumps_case,
    write_text_atomic,
)
from desktop.logic.report.deidentify import Deidentified, DeidentifyOptions, printed_copy
from desktop.logic.report.pdfa import read_keywords, validate
from desktop.logic.report.summary import RECORD_KEYWORD, sealed_hash, write_summary_pdf

MANIFEST = "SHA256SUMS"
REDACTIONS = "REDACTIONS.txt"  # in a de-identified bundle only; listed in the manifest
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def write_archive(
    case_id: str,
    case: Case | Deidentified,
    out_dir: str | Path,
    *,
    rules: Rules | None = None,
    lang: str = "en",
    deidentify: bool | DeidentifyOptions = False,
    department: str = "",
) -> Path:
    """Write the bundle as the folder `out_dir` (new, or an empty one) and return it. A
    de-identified bundle holds the de-identified copy (given, or made with `deidentify`'s
    options) under its pseudonym, and REDACTIONS.txt: what was removed or replaced, by field
    path and count. The bundle is built in a private temporary folder beside `out_dir` and
    renamed when complete (desktop.logic.model.atomic_folder): never a half-written bundle;
    OutputError in words."""
    copy = printed_copy(case, deidentify)
    stem = _UNSAFE.sub("_", copy.stem if copy else case_id).strip("._") or "case"
    with atomic_folder(out_dir) as folder:
        pdf_path = write_summary_pdf(  # first: text it cannot print refuses the bundle unwritten
            copy or case,
            folder / f"{stem}.pdf",
            rules=rules,
            lang=lang,
            department=department,
            case_id=case_id,
        )
        json_path = write_text_atomic(
            folder / f"{stem}.json", dumps_case(copy.case if copy else case)
        )
        files = [pdf_path, json_path]
        if copy is not None:
            files.append(write_text_atomic(folder / REDACTIONS, copy.report.text(lang)))
        write_manifest(folder, files)
    return Path(out_dir)


def write_manifest(folder: Path, files: list[Path]) -> Path:
    lines = [f"{file_sha256(path)}  {path.name}\n" for path in sorted(files)]
    return write_text_atomic(folder / MANIFEST, "".join(lines))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_archive(folder: str | Path) -> list[str]:
    """Every problem with the bundle in `folder`, one sentence each; [] when it is intact."""
    folder = Path(folder)
    if not folder.is_dir():
        return [f"{folder}: not a folder"]
    listed, problems = read_manifest(folder)
    if not listed:
        return problems
    for name, expected in listed.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: listed in {MANIFEST} but missing")
        elif file_sha256(path) != expected:
            problems.append(f"{name}: SHA-256 differs from {MANIFEST}; the file was altered")
    extra = sorted(p.name for p in folder.iterdir() if p.name not in listed and p.name != MANIFEST)
    problems += [f"{name}: present but not listed in {MANIFEST}" for name in extra]
    pdfs = [folder / n for n in listed if n.endswith(".pdf") and (folder / n).is_file()]
    jsons = [folder / n for n in listed if n.endswith(".json") and (folder / n).is_file()]
    if len(pdfs) != 1 or len(jsons) != 1:
        problems.append(f"expected one PDF and one JSON file, found {len(pdfs)} and {len(jsons)}")
        return problems
    case = _case_problems(jsons[0], problems)
    problems += _pdf_problems(pdfs[0], case)
    return problems


def read_manifest(folder: Path) -> tuple[dict[str, str], list[str]]:
    path = folder / MANIFEST
    if not path.is_file():
        return {}, [f"{MANIFEST} is missing: this folder is not an archive bundle"]
    listed: dict[str, str] = {}
    problems: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = re.fullmatch(r"([0-9a-f]{64})  (\S.*)", line)
        if not match:
            problems.append(f"{MANIFEST} line {number} is not '<sha256>  <file name>'")
            continue
        listed[match[2]] = match[1]
    return listed, problems


def _case_problems(path: Path, problems: list[str]) -> Case | None:
    """Add what is wrong with the case JSON (decision chain included); the case if it reads."""
    try:
        data: Any = json.loads(path.read_bytes())
    except (json.JSONDecodeError, UnicodeDecodeError):
        problems.append(f"{path.name}: not valid UTF-8 JSON")
        return None
    if not isinstance(data, dict):
        problems.append(f"{path.name}: does not hold one JSON object")
        return None
    decisions = data.get("decisions") or []
    if isinstance(decisions, list):
        problems += [f"{path.name}: {p}" for p in chain_problems(decisions)]
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        problems += [f"{path.name}: {p}" for p in describe_errors(exc)]
        return None


def _pdf_problems(path: Path, case: Case | None) -> list[str]:
    try:
        keywords = read_keywords(path)
    except Exception as exc:  # noqa: BLE001 - any unreadable PDF is a finding, not a crash
        return [f"{path.name}: cannot be read as a PDF ({type(exc).__name__})"]
    problems = [f"{path.name}: not PDF/A-2b: {finding}" for finding in validate(path)]
    stated = _keyword_hash(keywords)
    if stated is None:
        problems.append(f"{path.name}: carries no record_hash")
    elif case is not None and stated != sealed_hash(case):
        problems.append(
            f"{path.name}: record_hash {stated or 'none (draft)'} does not match the case "
            f"file's latest sealed record {sealed_hash(case) or 'none (draft)'}"
        )
    return problems


def _keyword_hash(keywords: str) -> str | None:
    for part in keywords.split(";"):
        part = part.strip()
        if part.startswith(RECORD_KEYWORD):
            return part.removeprefix(RECORD_KEYWORD)
    return None
