"""The atomic writer every output goes through: whole or nothing, 0600 files and 0700 folders
whatever the umask, and each failure in words with nothing left behind.

Root ignores permission bits, so refusals are simulated in ways that hold as root too: a file
where a folder is expected, a folder where a file is expected, an OSError with the errno the
system would give (monkeypatched os/tempfile calls), and a real full disk through a file-size
limit (RLIMIT_FSIZE applies to root) in a subprocess bounded by a timeout.
"""

import errno
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from desktop.logic.model import output
from desktop.logic.model.messages import text_table
from desktop.logic.model.output import (
    OutputError,
    atomic_folder,
    make_folders,
    open_atomic,
    write_bytes_atomic,
    write_text_atomic,
)

REPO = Path(__file__).resolve().parents[3]


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask 022", "umask 000"])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_a_written_file_is_private_whatever_the_umask(tmp_path, umask):
    out = write_text_atomic(tmp_path / "case.json", "{}")
    assert out.read_text() == "{}"
    assert mode(out) == 0o600


def test_replacing_a_readable_file_leaves_a_private_one(tmp_path, umask):
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"old")
    out.chmod(0o644)
    write_bytes_atomic(out, b"new")
    assert out.read_bytes() == b"new"
    assert mode(out) == 0o600


def test_missing_folders_are_created_private(tmp_path, umask):
    out = write_bytes_atomic(tmp_path / "a" / "b" / "x.pdf", b"%PDF")
    assert mode(tmp_path / "a") == 0o700
    assert mode(tmp_path / "a" / "b") == 0o700
    assert mode(out) == 0o600


def test_a_folder_is_built_private_and_renamed_when_complete(tmp_path, umask):
    target = tmp_path / "bundle"
    with atomic_folder(target) as building:
        assert building.parent == tmp_path
        assert not target.exists()  # nobody sees a half-built bundle under its name
        write_text_atomic(building / "a.json", "{}")
    assert mode(target) == 0o700
    assert mode(target / "a.json") == 0o600
    assert os.listdir(tmp_path) == ["bundle"]


def test_an_empty_folder_is_taken_over(tmp_path):
    target = tmp_path / "bundle"
    target.mkdir(mode=0o755)
    with atomic_folder(target) as building:
        write_text_atomic(building / "a.json", "{}")
    assert sorted(os.listdir(target)) == ["a.json"]
    assert mode(target) == 0o700


def _fill_then_fail(folder):
    with atomic_folder(folder) as building:
        write_text_atomic(building / "a.json", "{}")
        raise ValueError("layout failed")


def _write_half_then_fail(out):
    with open_atomic(out) as handle:
        handle.write(b"half")
        raise RuntimeError("interrupted")


def _empty_folder(folder):
    with atomic_folder(folder):
        pass


def test_a_failure_inside_a_folder_leaves_nothing(tmp_path):
    with pytest.raises(ValueError, match="layout"):
        _fill_then_fail(tmp_path / "bundle")
    assert os.listdir(tmp_path) == []


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "case.json"
    out.write_text("old")
    with pytest.raises(RuntimeError):
        _write_half_then_fail(out)
    assert out.read_text() == "old"
    assert os.listdir(tmp_path) == ["case.json"]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EDQUOT, "the disk is full"),
        (errno.EACCES, "permission denied, or the disk is read-only"),
        (errno.EROFS, "permission denied, or the disk is read-only"),
        (errno.EIO, "Input/output error"),
    ],
)
def test_a_refused_sync_is_said_in_words_and_leaves_nothing(tmp_path, monkeypatch, code, words):
    """The errno the system gives (simulated: os.fsync raises it) decides the words."""
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"old")

    def refuse(_fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(output.os, "fsync", refuse)
    with pytest.raises(OutputError, match=words) as caught:
        write_bytes_atomic(out, b"new" * 1000)
    assert str(out) in str(caught.value)
    monkeypatch.undo()
    assert out.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["summary.pdf"]


def test_a_read_only_folder_is_said_in_words(tmp_path, monkeypatch):
    """A read-only folder (simulated: creating the temporary raises EACCES, as it would for a
    user without write permission; root is never refused)."""

    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    with pytest.raises(OutputError, match="permission denied"):
        write_text_atomic(tmp_path / "x.json", "{}")
    with pytest.raises(OutputError, match="permission denied"):
        _empty_folder(tmp_path / "bundle")
    assert os.listdir(tmp_path) == []


def test_a_file_where_a_folder_is_expected(tmp_path):
    (tmp_path / "report").write_text("a file")
    with pytest.raises(OutputError, match="report is a file, not a folder"):
        write_text_atomic(tmp_path / "report" / "x.json", "{}")
    with pytest.raises(OutputError, match="report is a file, not a folder"):
        write_text_atomic(tmp_path / "report" / "deeper" / "x.json", "{}")
    with pytest.raises(OutputError, match="is a file"):
        make_folders(tmp_path / "report" / "sub")
    assert os.listdir(tmp_path) == ["report"]


def test_a_folder_where_a_file_is_expected(tmp_path):
    (tmp_path / "out.pdf").mkdir()
    with pytest.raises(OutputError, match="is a folder; give the name of a file"):
        write_bytes_atomic(tmp_path / "out.pdf", b"%PDF")


def test_a_bundle_is_never_mixed_into_a_folder_holding_files(tmp_path):
    (tmp_path / "bundle").mkdir()
    (tmp_path / "bundle" / "mine.txt").write_text("keep")
    with pytest.raises(OutputError, match="already holds files"):
        _empty_folder(tmp_path / "bundle")
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="is a file"):
        _empty_folder(tmp_path / "file")
    assert sorted(os.listdir(tmp_path)) == ["bundle", "file"]
    assert os.listdir(tmp_path / "bundle") == ["mine.txt"]


def test_an_error_inside_a_folder_names_the_folder_not_the_temporary(tmp_path, monkeypatch):
    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", full)
    with pytest.raises(OutputError) as caught, atomic_folder(tmp_path / "bundle") as building:
        write_text_atomic(building / "a.json", "{}")
    assert str(caught.value).startswith(f"{tmp_path / 'bundle'} was not written")
    assert ".part" not in str(caught.value)


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from desktop.logic.model.output import OutputError, write_bytes_atomic
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
try:
    write_bytes_atomic(Path(sys.argv[1]), b"x" * 1_000_000)
except OutputError as exc:
    print(exc)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_real_full_disk_leaves_the_old_file_and_no_temporary(tmp_path):
    """A file-size limit makes the kernel refuse the write (EFBIG), as a full disk would."""
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "the disk is full" in done.stdout
    assert out.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["pack.pdf"]


@pytest.mark.parametrize("key", sorted(k for k in text_table() if k.startswith("output.")))
def test_every_output_sentence_is_in_both_languages(key):
    entry = text_table()[key]
    assert entry["en"]
    assert any("\u4e00" <= char <= "\u9fff" for char in entry["zh_CN"])
    assert "{path}" in entry["en"]
    assert "{path}" in entry["zh_CN"]
