"""`verify`: is an archive bundle intact? Every reason it is not, in words; never a traceback.

trust.md: the manifest `SHA256SUMS` lists exactly the files of the folder (besides itself,
`SHA256SUMS.sig` and `signer.json`); no hidden file, subfolder, link, device or FIFO; names
without path separators or `..`; no file over 200 MB; the manifest signed (Ed25519) by the
person named in `signer.json`, whose key `--trusted` may require; the case JSON strict UTF-8
JSON of bounded size; its decision chain, and the `record_hash` and `case_hash` the PDF carries,
recomputed. Nothing is written and no link is followed; sizes are checked before reading, so a
huge or sparse file cannot make it hang.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.logic.model import Case, case_hash, chain_problems, describe_errors
from desktop.logic.model.keys import fingerprint, unb64, verifies

MANIFEST = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"
SIGNER = "signer.json"
MAX_FILE = 200 * 1000 * 1000  # 200 MB: a larger file is refused before it is read
MAX_SMALL = 1 << 20  # manifest, signature, signer.json, trusted keys
MAX_JSON = 20 * 1000 * 1000  # the case JSON: larger is "oversized", refused before parsing
MAX_NAME = 255
_LINE = re.compile(r"([0-9a-f]{64})  (.+)")


@dataclass
class Verdict:
    """What `verify` found: problems (none when intact) and who signed the manifest."""

    problems: list[str] = field(default_factory=list)
    signer: dict[str, str] | None = None

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_archive(folder: str | Path) -> list[str]:
    """Every problem with the bundle in `folder`, one sentence each; [] when it is intact."""
    return verify_bundle(folder).problems


def verify_bundle(folder: str | Path, trusted: Path | None = None) -> Verdict:
    verdict = Verdict()
    try:
        _verify(Path(folder), trusted, verdict)
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        verdict.problems.append(f"{_short(str(folder))}: cannot be read ({_why(exc)})")
    return verdict


def _verify(folder: Path, trusted: Path | None, verdict: Verdict) -> None:
    problems = verdict.problems
    info = _lstat(folder)
    if info is None or not stat.S_ISDIR(info.st_mode):
        problems.append(f"{_short(str(folder))}: not a folder (links are not followed)")
        return
    files = _entries(folder, problems)
    manifest = _small(folder, MANIFEST, files, problems)
    if manifest is None:
        return
    listed = _manifest(manifest, problems)
    own = {MANIFEST, SIGNATURE, SIGNER}
    for name in sorted(set(files) - set(listed) - own):
        problems.append(f"{_short(name)}: present but not listed in {MANIFEST}")
    for name, expected in listed.items():
        if name not in files:
            problems.append(f"{_short(name)}: listed in {MANIFEST} but missing")
        elif files[name] and _sha256(folder / name) != expected:
            problems.append(
                f"{_short(name)}: SHA-256 differs from {MANIFEST}; the file was altered"
            )
    _signature(folder, manifest, files, trusted, verdict)
    good = [n for n in listed if files.get(n)]
    pdfs = [folder / n for n in good if n.endswith(".pdf")]
    jsons = [folder / n for n in good if n.endswith(".json")]
    if len(pdfs) != 1 or len(jsons) != 1:
        problems.append(f"expected one PDF and one JSON file, found {len(pdfs)} and {len(jsons)}")
        return
    data, case = _case(jsons[0], problems)
    _pdf(pdfs[0], data, case, problems)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (OSError, ValueError):
        return None


def _entries(folder: Path, problems: list[str]) -> dict[str, bool]:
    """name -> True for a regular file we may read; every other entry is a problem."""
    files: dict[str, bool] = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            name, info = entry.name, entry.stat(follow_symlinks=False)
            files[name] = False
            if name.startswith("."):
                problems.append(f"{_short(name)}: a hidden file; a bundle has none")
            elif stat.S_ISLNK(info.st_mode):
                problems.append(f"{_short(name)}: a symbolic link; a bundle holds only files")
            elif stat.S_ISDIR(info.st_mode):
                problems.append(f"{_short(name)}: a subfolder; a bundle holds only files")
            elif not stat.S_ISREG(info.st_mode):
                problems.append(f"{_short(name)}: a device, FIFO or socket, not a file")
            elif info.st_size > MAX_FILE:
                problems.append(f"{_short(name)}: {info.st_size} bytes, over the 200 MB limit")
            else:
                files[name] = True
    return files


def _small(folder: Path, name: str, files: dict[str, bool], problems: list[str]) -> bytes | None:
    if name not in files:
        problems.append(f"{name} is missing: this folder is not a (signed) archive bundle")
        return None
    if not files[name]:
        return None
    data = _read(folder / name, MAX_SMALL)
    if data is None:
        problems.append(f"{name}: larger than {MAX_SMALL} bytes")
    return data


def _read(path: Path, limit: int) -> bytes | None:
    """At most `limit` bytes of a regular file, without following a link; None when larger."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    return None if len(data) > limit else data


def _manifest(raw: bytes, problems: list[str]) -> dict[str, str]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"{MANIFEST}: not UTF-8 text")
        return {}
    if not text.strip():
        problems.append(f"{MANIFEST} is empty: it lists no file")
        return {}
    listed: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _LINE.fullmatch(line)
        if match is None:
            problems.append(f"{MANIFEST} line {number} is not '<sha256>  <file name>'")
        elif reason := _bad_name(match[2]):
            problems.append(f"{MANIFEST} line {number} {reason}")
        elif match[2] in listed:
            problems.append(f"{MANIFEST} line {number} lists {_short(match[2])} a second time")
        else:
            listed[match[2]] = match[1]
    return listed


def _bad_name(name: str) -> str | None:
    if len(name) > MAX_NAME:
        return f"names a file of {len(name)} characters (at most {MAX_NAME})"
    if "/" in name or "\\" in name or "\x00" in name or ".." in name:
        return f"names {_short(name)!r}, a path outside the bundle (separator or '..')"
    if name.startswith(".") or any(ord(ch) < 32 for ch in name):
        return f"names {_short(name)!r}, a hidden file or one with control characters"
    if name in (MANIFEST, SIGNATURE, SIGNER):
        return f"lists {name}, which is not a content file"
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _signature(
    folder: Path, manifest: bytes, files: dict[str, bool], trusted: Path | None, verdict: Verdict
) -> None:
    problems = verdict.problems
    signature = _small(folder, SIGNATURE, files, problems)
    signer_raw = _small(folder, SIGNER, files, problems)
    if signature is None or signer_raw is None:
        return
    signer = _signer(signer_raw, problems)
    if signer is None:
        return
    if not verifies(signer["public_key"], signature.decode("ascii", "replace").strip(), manifest):
        problems.append(f"{SIGNATURE} is not {signer['name']}'s signature of {MANIFEST}")
        return
    verdict.signer = signer
    if trusted is not None and signer["public_key"] not in _trusted_keys(trusted, problems):
        problems.append(
            f"{SIGNER}: the key {signer['fingerprint']} of {signer['name']} is not one of the "
            f"trusted keys in {trusted.name}"
        )


def _signer(raw: bytes, problems: list[str]) -> dict[str, str] | None:
    data = _strict_json(raw, SIGNER, problems)
    if not isinstance(data, dict):
        if data is not None:
            problems.append(f"{SIGNER}: not a JSON object")
        return None
    named = ("name", "role", "public_key", "fingerprint")
    fields = {key: data[key] for key in named if _short_text(data.get(key))}
    if len(fields) != len(named):
        problems.append(f"{SIGNER}: needs name, role, public_key and fingerprint as text")
        return None
    if unb64(fields["public_key"], 32) is None:
        problems.append(f"{SIGNER}: public_key is not base64 of a 32-byte Ed25519 key")
        return None
    if fingerprint(fields["public_key"]) != fields["fingerprint"]:
        problems.append(f"{SIGNER}: the fingerprint does not belong to the public key")
        return None
    return fields


def _trusted_keys(path: Path, problems: list[str]) -> set[str]:
    raw = _read(path, MAX_SMALL) if path.is_file() else None
    data = _strict_json(raw, path.name, problems) if raw is not None else None
    if not isinstance(data, list):
        problems.append(f"{path.name}: not a list of keys (the output of `users list --json`)")
        return set()
    keys = (e.get("public_key") for e in data if isinstance(e, dict))
    return {key for key in keys if isinstance(key, str)}


def _short_text(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_NAME


def _strict_json(raw: bytes, name: str, problems: list[str]) -> Any:
    """Strict UTF-8 JSON: no BOM, no NaN, no duplicate key, bounded numbers and depth."""
    try:
        text = raw.decode("utf-8")
        if text.startswith("\ufeff"):
            raise ValueError("a byte-order mark")
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except UnicodeDecodeError:
        problems.append(f"{_short(name)}: not UTF-8 text")
    except RecursionError:
        problems.append(f"{_short(name)}: JSON nested too deeply")
    except ValueError as exc:
        problems.append(f"{_short(name)}: not valid JSON ({_why(exc)})")
    return None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"the key {_short(key)!r} appears twice in one object")
        found[key] = value
    return found


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _case(path: Path, problems: list[str]) -> tuple[dict[str, Any] | None, Case | None]:
    from pydantic import ValidationError

    raw = _read(path, MAX_JSON)
    if raw is None:
        problems.append(f"{path.name}: larger than {MAX_JSON} bytes, too large for a case file")
        return None, None
    data = _strict_json(raw, path.name, problems)
    if not isinstance(data, dict):
        if data is not None:
            problems.append(f"{path.name}: does not hold one JSON object")
        return None, None
    decisions = data.get("decisions") or []
    if isinstance(decisions, list):
        problems += [f"{path.name}: {p}" for p in chain_problems(decisions)]
    try:
        return data, Case.model_validate(data)
    except ValidationError as exc:
        problems += [f"{path.name}: {p}" for p in describe_errors(exc)]
        return data, None


def _pdf(
    path: Path, data: dict[str, Any] | None, case: Case | None, problems: list[str]
) -> None:
    from desktop.logic.report.pdfa import read_keywords, validate
    from desktop.logic.report.summary import CASE_KEYWORD, RECORD_KEYWORD, sealed_hash

    try:
        keywords = read_keywords(path)
        problems += [f"{path.name}: not PDF/A-2b: {finding}" for finding in validate(path)]
    except Exception as exc:  # noqa: BLE001 - any unreadable PDF is a finding, not a crash
        problems.append(f"{path.name}: cannot be read as a PDF ({type(exc).__name__})")
        return
    stated = _keyword(keywords, RECORD_KEYWORD)
    if stated is None:
        problems.append(f"{path.name}: carries no record_hash")
    elif case is not None and stated != sealed_hash(case):
        problems.append(
            f"{path.name}: record_hash {stated or 'none (draft)'} does not match the case "
            f"file's latest sealed record {sealed_hash(case) or 'none (draft)'}"
        )
    stated_case = _keyword(keywords, CASE_KEYWORD)
    if stated_case is None:
        problems.append(f"{path.name}: carries no case_hash")
    elif data is not None and stated_case != case_hash(data):
        problems.append(
            f"{path.name}: case_hash {stated_case} does not match the case file "
            f"({case_hash(data)}); the PDF was made from another case file"
        )


def _keyword(keywords: str, prefix: str) -> str | None:
    for part in keywords.split(";"):
        part = part.strip()
        if part.startswith(prefix):
            return part.removeprefix(prefix)
    return None


def _short(text: str, limit: int = 80) -> str:
    """A name as printed: at most `limit` characters (a 100,000-character name is cut)."""
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def _why(exc: BaseException) -> str:
    return _short(getattr(exc, "strerror", None) or str(exc) or type(exc).__name__, 200)
