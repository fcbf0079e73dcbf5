"""verify against the attacks of issue 12: every one "not intact" with a reason, never a
traceback or a hang (trust.md, Archive bundles)."""

import json
import os
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.logic.model.case import Case
from desktop.logic.model.keys import KeySigner
from desktop.logic.report import archive
from desktop.logic.report.verify import MANIFEST, SIGNATURE, SIGNER, verify_bundle


@pytest.fixture
def signer():
    return KeySigner("Li Ming", "hepatobiliary surgeon", Ed25519PrivateKey.generate())


@pytest.fixture(scope="module")
def written(tmp_path_factory, pvtt_data_module):
    """One bundle written once (PDF/A export is slow); each test works on a copy."""
    key = Ed25519PrivateKey.generate()
    folder = archive.write_archive(
        "case-7", Case.model_validate(pvtt_data_module), tmp_path_factory.mktemp("w") / "b",
        signer=KeySigner("Li Ming", "hepatobiliary surgeon", key),
    )  # fmt: skip
    return folder, key


@pytest.fixture(scope="module")
def pvtt_data_module():
    from tests.conftest import example_data

    return example_data("advanced-pvtt-conversion")


@pytest.fixture
def bundle(written, tmp_path):
    import shutil

    folder = tmp_path / "bundle"
    shutil.copytree(written[0], folder)
    return folder


@pytest.fixture
def resign(written):
    def again(folder, lines: bytes):
        (folder / MANIFEST).write_bytes(lines)
        signer = KeySigner("Li Ming", "hepatobiliary surgeon", written[1])
        archive.sign_manifest(folder / MANIFEST, signer)

    return again


CLI = "import sys; from desktop.cli import main; sys.exit(main(sys.argv[1:]))"


def problems(folder, trusted=None):
    return verify_bundle(folder, trusted).problems


@pytest.mark.smoke
def test_the_bundle_as_written_is_intact_and_names_its_signer(bundle):
    verdict = verify_bundle(bundle)
    assert verdict.problems == []
    assert verdict.signer["name"] == "Li Ming"
    assert verdict.signer["fingerprint"].startswith("SHA256:")


def test_an_emptied_manifest_with_a_garbage_pdf_is_not_intact(bundle, resign):
    (bundle / "case-7.pdf").write_bytes(b"garbage")
    resign(bundle, b"")
    found = problems(bundle)
    assert "SHA256SUMS is empty: it lists no file" in found
    assert "case-7.pdf: present but not listed in SHA256SUMS" in found


@pytest.mark.parametrize("name", ["../outside.pdf", "sub/inner.pdf", "..", "a\\b.pdf"])
def test_a_manifest_naming_a_path_outside_is_not_intact(bundle, resign, name):
    lines = (bundle / MANIFEST).read_bytes() + f"{'0' * 64}  {name}\n".encode()
    resign(bundle, lines)
    assert any("a path outside the bundle" in p for p in problems(bundle))


def test_a_symlink_is_not_followed_and_not_intact(bundle, tmp_path, resign):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes((bundle / "case-7.pdf").read_bytes())
    (bundle / "case-7.pdf").unlink()
    (bundle / "case-7.pdf").symlink_to(secret)
    found = problems(bundle)
    assert "case-7.pdf: a symbolic link; a bundle holds only files" in found


def test_the_bundle_folder_itself_as_a_link_is_refused(bundle, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(bundle)
    assert problems(link) == [f"{link}: not a folder (links are not followed)"]


@pytest.mark.parametrize("kind", ["hidden", "subfolder", "fifo"])
def test_hidden_files_subfolders_and_fifos_are_not_intact(bundle, kind):
    if kind == "hidden":
        (bundle / ".extra").write_text("x")
        expected = ".extra: a hidden file; a bundle has none"
    elif kind == "subfolder":
        (bundle / "more").mkdir()
        expected = "more: a subfolder; a bundle holds only files"
    else:
        os.mkfifo(bundle / "pipe")
        expected = "pipe: a device, FIFO or socket, not a file"
    assert expected in problems(bundle)


def test_an_8_gb_sparse_file_is_refused_by_its_size_without_reading(bundle, resign):
    big = bundle / "big.pdf"
    with big.open("wb") as handle:
        handle.truncate(8 * 1024**3)
    resign(bundle, (bundle / MANIFEST).read_bytes() + f"{'0' * 64}  big.pdf\n".encode())
    found = subprocess.run(
        [sys.executable, "-c", CLI, "verify", str(bundle)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert found.returncode == 1
    assert "big.pdf: 8589934592 bytes, over the 200 MB limit" in found.stdout
    assert "Traceback" not in found.stderr


def test_a_5000_digit_number_in_the_case_json_is_not_intact(bundle, resign):
    path = bundle / "case-7.json"
    text = path.read_text(encoding="utf-8")
    assert '"ecog": 0' in text
    path.write_text(text.replace('"ecog": 0', '"ecog": ' + "9" * 5000, 1), encoding="utf-8")
    resign(bundle, _manifest(bundle))
    found = problems(bundle)
    assert any(p.startswith("case-7.json: not valid JSON (") for p in found)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xff\xfe{}", "case-7.json: not UTF-8 text"),
        ("\ufeff{}".encode(), "case-7.json: not valid JSON (a byte-order mark)"),
        (b"[" * 100_000, "case-7.json: JSON nested too deeply"),
        (b'{"ecog": NaN}', "case-7.json: not valid JSON (NaN is not a JSON number)"),
        (b'{"ecog": 0, "ecog": 4}', "case-7.json: not valid JSON (the key 'ecog' appears twice"),
        (b"{", "case-7.json: not valid JSON ("),
    ],
)
def test_malformed_case_json_is_not_intact(bundle, resign, content, reason):
    (bundle / "case-7.json").write_bytes(content)
    resign(bundle, _manifest(bundle))
    assert any(p.startswith(reason) for p in problems(bundle))


def test_an_oversized_case_json_is_refused_before_parsing(bundle, resign):
    with (bundle / "case-7.json").open("wb") as handle:
        handle.truncate(30 * 1000 * 1000)
    resign(bundle, _manifest(bundle))
    assert "case-7.json: larger than 20000000 bytes, too large for a case file" in problems(bundle)


def test_a_manifest_that_is_not_utf8_is_not_intact(bundle, resign):
    resign(bundle, b"\xff\xfe" + (bundle / MANIFEST).read_bytes())
    assert "SHA256SUMS: not UTF-8 text" in problems(bundle)


def test_a_100000_character_name_is_cut_in_the_message(bundle, resign):
    resign(bundle, _manifest(bundle) + f"{'0' * 64}  {'x' * 100_000}.pdf\n".encode())
    found = problems(bundle)
    assert "names a file of 100004 characters (at most 255)" in found[0]
    assert max(len(p) for p in found) < 400


def test_a_changed_signature_byte_is_not_intact(bundle):
    import base64

    raw = bytearray(base64.b64decode((bundle / SIGNATURE).read_text()))
    raw[10] ^= 0x01
    (bundle / SIGNATURE).write_text(base64.b64encode(bytes(raw)).decode())
    assert "SHA256SUMS.sig is not Li Ming's signature of SHA256SUMS" in problems(bundle)


@pytest.mark.parametrize("missing", [SIGNATURE, SIGNER])
def test_an_unsigned_bundle_is_not_intact(bundle, missing):
    (bundle / missing).unlink()
    assert f"{missing} is missing: this folder is not a (signed) archive bundle" in problems(bundle)


def test_a_signer_json_whose_fingerprint_is_not_its_key_is_not_intact(bundle, signer):
    data = json.loads((bundle / SIGNER).read_text())
    data["fingerprint"] = signer.identity()["fingerprint"]
    (bundle / SIGNER).write_text(json.dumps(data))
    assert f"{SIGNER}: the fingerprint does not belong to the public key" in problems(bundle)


def test_trusted_keys_are_required_with_trusted(bundle, tmp_path, signer):
    ours = json.loads((bundle / SIGNER).read_text())
    trusted = tmp_path / "keys.json"
    trusted.write_text(json.dumps([{**ours, "disabled": False}]))
    assert problems(bundle, trusted) == []
    trusted.write_text(json.dumps([{**signer.identity(), "disabled": False}]))
    found = problems(bundle, trusted)
    assert found == [
        f"{SIGNER}: the key {ours['fingerprint']} of Li Ming is not one of the trusted keys in "
        "keys.json"
    ]


def test_a_bundle_re_signed_by_another_key_is_intact_only_without_trusted(bundle, tmp_path, signer):
    """A forger re-signs with their own key: fine for a reader who checks no key, refused by
    one who checks against the department's keys."""
    own = json.loads((bundle / SIGNER).read_text())
    archive.sign_manifest(bundle / MANIFEST, signer)
    assert problems(bundle) == []
    trusted = tmp_path / "keys.json"
    trusted.write_text(json.dumps([own]))
    assert len(problems(bundle, trusted)) == 1


def _manifest(folder):
    files = [folder / "case-7.json", folder / "case-7.pdf"]
    return "".join(f"{archive.file_sha256(p)}  {p.name}\n" for p in files).encode()
