"""The department archive bundle: summary PDF, case JSON and a signed SHA-256 manifest.

A bundle is a folder holding `<name>.pdf`, `<name>.json`, `SHA256SUMS` (the format of
`sha256sum`, so `sha256sum -c SHA256SUMS` checks it too), when de-identified `REDACTIONS.txt`,
and, signed by the person who exported it, `SHA256SUMS.sig` (an Ed25519 signature of the
manifest's exact bytes) and `signer.json` (name, role, public key, fingerprint). The PDF's
metadata carries the record_hash and the case_hash of the JSON. report.verify checks all of it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from desktop.logic.model import (
    Case,
    Rules,
    SignerLine,
    atomic_folder,
    case_hash,
    dumps_case,
    write_text_atomic,
)
from desktop.logic.model.keys import KeySigner
from desktop.logic.report.deidentify import (
    Deidentified,
    DeidentifyOptions,
    printed_case,
    printed_copy,
)
from desktop.logic.report.summary import write_summary_pdf
from desktop.logic.report.verify import MANIFEST, SIGNATURE, SIGNER

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
    signer: KeySigner | None = None,
    signers: dict[str, list[SignerLine]] | None = None,
) -> Path:
    """Write the bundle as the folder `out_dir` (new, or an empty one) and return it. A
    de-identified bundle holds the de-identified copy (given, or made with `deidentify`'s
    options) under its pseudonym, and REDACTIONS.txt: what was removed or replaced, by field
    path and count. The bundle is built in a private temporary folder beside `out_dir` and
    renamed when complete (desktop.logic.model.atomic_folder): never a half-written bundle;
    OutputError in words.

    `signer` (the exporter's key, opened with their password) signs the manifest; without one
    the bundle is unsigned and `verify` will not call it intact. `signers` is as for the PDF.
    """
    copy = printed_copy(case, deidentify)
    stem = _UNSAFE.sub("_", copy.stem if copy else case_id).strip("._") or "case"
    written = printed_case(case, copy)
    with atomic_folder(out_dir) as folder:
        pdf_path = write_summary_pdf(  # first: text it cannot print refuses the bundle unwritten
            copy or case,
            folder / f"{stem}.pdf",
            rules=rules,
            lang=lang,
            department=department,
            case_id=case_id,
            signers=signers,
            case_hash=case_hash(written.to_json_dict()),
        )
        json_path = write_text_atomic(folder / f"{stem}.json", dumps_case(written))
        files = [pdf_path, json_path]
        if copy is not None:
            files.append(write_text_atomic(folder / REDACTIONS, copy.report.text(lang)))
        manifest = write_manifest(folder, files)
        if signer is not None:
            sign_manifest(manifest, signer)
    return Path(out_dir)


def sign_manifest(manifest: Path, signer: KeySigner) -> None:
    """`SHA256SUMS.sig` (base64 Ed25519 signature of the manifest's bytes) and `signer.json`."""
    folder = manifest.parent
    write_text_atomic(folder / SIGNATURE, signer.sign(manifest.read_bytes()) + "\n")
    identity = json.dumps(signer.identity(), ensure_ascii=False, indent=2) + "\n"
    write_text_atomic(folder / SIGNER, identity)


def write_manifest(folder: Path, files: list[Path]) -> Path:
    lines = [f"{file_sha256(path)}  {path.name}\n" for path in sorted(files)]
    return write_text_atomic(folder / MANIFEST, "".join(lines))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
