"""Every file a command writes is whole or absent, and readable by its owner only.

On a full disk each output (PDF, case JSON, archive bundle, meeting pack, backup) exits 3 with
the words "the disk is full", leaves no partial or temporary file and no half bundle, and
keeps an older file of that name as it was. The full disk is a file-size limit (RLIMIT_FSIZE,
which binds root too) set in a subprocess run with a timeout; the test process keeps the
database open so its WAL index exists and only the output's writes meet the limit.
Modes are checked under umask 0o022 and 0o000: files 0600, folders 0700.
"""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.logic.model.case import Case
from desktop.logic.store.database import Store, User

REPO = Path(__file__).resolve().parents[2]
USER = User("Li Ming", "hepatobiliary surgeon")
LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def db(db, pvtt_case_data):
    with Store.open(db, user=USER) as store:
        store.new_case(Case.model_validate({**pvtt_case_data, "case_id": "a"}))
    return db


OUTPUTS = {
    "case JSON": (["export", "a", "--json"], "out.json"),
    "PDF summary": (["export", "a", "--pdf"], "out.pdf"),
    "archive bundle": (["export", "a", "--archive"], "bundle"),
    "meeting pack": (["pack", "a", "--pdf"], "pack.pdf"),
    "backup": (["backup"], "copy.sqlite3"),
}


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("output", sorted(OUTPUTS))
@pytest.mark.parametrize("earlier", [False, True], ids=["new", "over an earlier one"])
def test_a_full_disk_leaves_no_partial_output(db, tmp_path, output, earlier):
    command, name = OUTPUTS[output]
    out = tmp_path / "out" / name
    out.parent.mkdir()
    if earlier and name != "bundle":
        out.write_bytes(b"earlier")
    with Store.open(db, user=USER):  # the WAL index exists: only the output meets the limit
        done = subprocess.run(
            [sys.executable, "-c", LIMITED, "--db", str(db), *command, str(out)],
            cwd=REPO, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    assert "the disk is full" in done.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == (
        [name] if earlier and name != "bundle" else []
    )
    if earlier and name != "bundle":
        assert out.read_bytes() == b"earlier"


@pytest.fixture(params=[0o022, 0o000], ids=["umask 022", "umask 000"])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_every_output_is_private_whatever_the_umask(db, tmp_path, umask, capsys, monkeypatch):
    import io

    out = tmp_path / "new-folder"
    argv = ["--db", str(db)]
    assert main([*argv, "export", "a", "--json", str(out / "a.json")]) == 0
    assert main([*argv, "export", "a", "--pdf", str(out / "a.pdf")]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("li-password\nli-password\n"))
    person = ["--name", "Li Ming", "--role", "hepatobiliary surgeon", "--password-stdin"]
    assert main([*argv, "users", "add", *person]) == 0  # the bundle is signed by its exporter
    signed = ["--user", "Li Ming", "--password-stdin"]
    assert main([*argv, *signed, "export", "a", "--archive", str(out / "bundle")]) == 0
    assert main([*argv, "pack", "a", "--pdf", str(out / "pack.pdf")]) == 0
    assert main([*argv, "backup", str(out / "copy.sqlite3")]) == 0
    assert main([*argv, "verify", str(out / "bundle")]) == 0
    capsys.readouterr()
    assert _mode(out) == 0o700
    assert _mode(out / "bundle") == 0o700
    files = [out / n for n in ("a.json", "a.pdf", "pack.pdf", "copy.sqlite3")]
    files += sorted((out / "bundle").iterdir())
    assert len(files) == 9  # the bundle: PDF, JSON, SHA256SUMS, SHA256SUMS.sig, signer.json
    assert {str(p): _mode(p) for p in files} == {str(p): 0o600 for p in files}
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["a.json", "a.pdf", "bundle", "pack.pdf", "copy.sqlite3"]
    )  # no temporary left behind
