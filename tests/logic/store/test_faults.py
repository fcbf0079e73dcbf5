"""Fault tests, each bounded in time: killed writers, a full disk, damaged files, two writers,
another program holding the write lock, and an import/export round trip driven by hypothesis."""

import itertools
import json
import os
import random
import resource
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.logic.model.case import Case
from desktop.logic.model.case_io import parse_case
from desktop.logic.model.records import seal
from desktop.logic.store import schema as store_schema
from desktop.logic.store.database import DatabaseBusy, DiskFull, StaleRevision, Store, User
from tests.factories import case_data

REPO = Path(__file__).resolve().parents[3]
USER = User("Li Ming", "hepatobiliary surgeon")
CLI = [sys.executable, "-m", "desktop"]
pytestmark = pytest.mark.slow


def _cli(db, *argv, **kwargs):
    return subprocess.Popen(
        [*CLI, "--db", str(db), *argv], cwd=REPO, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, **kwargs,
    )  # fmt: skip


def _case_files(folder: Path, count: int, prefix: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"{prefix}-{number}.json"
        data = case_data(**{"patient.mrn": f"{prefix}-{number % (count - 3)}", "ecog": number % 5})
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths


def _assert_intact(db, reported):
    with Store.open(db, read_only=True) as store:
        assert store.check() == []
        for case_id, mrn in reported:
            assert store.get_case(case_id).case.patient.mrn == mrn


def _read_reported(pipe_fd, already: bytes = b"") -> list[tuple[str, str]]:
    with os.fdopen(pipe_fd, "rb") as reader:
        text = (already + reader.read()).decode()
    return [tuple(line.split("\t")) for line in text.splitlines()]


def _first_report(pipe_fd, timeout: float = 30.0) -> bytes:
    """Block until the writer has committed and reported its first case (or ended)."""
    received = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in received and time.monotonic() < deadline:
        ready, _, _ = select.select([pipe_fd], [], [], deadline - time.monotonic())
        chunk = os.read(pipe_fd, 4096) if ready else b""
        if not chunk:
            break
        received += chunk
    return received


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_writer_killed_at_random_moments(tmp_path):
    """Forked writers importing cases, each SIGKILLed after a random delay, 20 times over."""
    db = tmp_path / "cases.sqlite3"
    Store.open(db, user=USER).close()
    rng = random.Random(20261127)
    reported: list[tuple[str, str]] = []
    for round_number in range(20):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer: never returns to pytest
            os.close(read_fd)
            try:
                store = Store.open(db, user=USER, wait=5)
                for number in range(400):
                    mrn = f"K-{round_number}-{number % 7}"
                    stored, _ = store.import_case(Case.model_validate(
                        case_data(**{"patient.mrn": mrn, "ecog": number % 5})))  # fmt: skip
                    os.write(write_fd, f"{stored.case_id}\t{mrn}\n".encode())
            finally:
                os._exit(0)
        os.close(write_fd)
        # Kill at a random moment after the writer is under way, so every round tests a
        # kill mid-import however loaded the machine is.
        first = _first_report(read_fd)
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        reported += _read_reported(read_fd, first)
    assert len(reported) >= 20
    _assert_intact(db, reported)


def test_command_line_import_killed_midway(tmp_path):
    db = tmp_path / "cases.sqlite3"
    files = _case_files(tmp_path / "in", 60, "CLI")
    process = _cli(db, "import", *map(str, files))
    first = [process.stdout.readline() for _ in range(3)]
    process.send_signal(signal.SIGKILL)
    rest, _ = process.communicate(timeout=20)
    reported = [tuple(line.split("\t")) for line in "".join(first + [rest]).splitlines()]
    assert len(reported) >= 3
    _assert_intact(db, reported)


def _limit_file_size(limit):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_full_disk_is_reported_and_leaves_the_database_as_it_was(tmp_path):
    db = tmp_path / "cases.sqlite3"
    with Store.open(db, user=USER) as store:
        store.import_case(Case.model_validate(case_data(**{"patient.mrn": "BEFORE"})))
    files = _case_files(tmp_path / "in", 400, "FULL")
    limit = db.stat().st_size + 48 * 1024
    process = _cli(db, "import", *map(str, files), preexec_fn=_limit_file_size(limit))
    out, err = process.communicate(timeout=60)
    assert process.returncode == 3
    assert "is full" in err
    assert "Nothing was saved and the database is as it was" in err
    reported = [tuple(line.split("\t")) for line in out.splitlines()]
    _assert_intact(db, [*reported])
    with Store.open(db, read_only=True) as store:
        mrns = {row.mrn for row in store.list_cases()}
    assert mrns == {"BEFORE"} | {mrn for _, mrn in reported}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_full_disk_during_a_save_raises_disk_full_and_keeps_the_revision(tmp_path):
    db = tmp_path / "cases.sqlite3"
    with Store.open(db, user=USER) as store:
        stored = store.new_case(Case.model_validate(case_data()))
    big = case_data(**{"tumor.nodules_cm": [1.0] * 50})
    big["imaging"] = [
        {
            "date": "2026-05-01",
            "modality": "CT",
            "criteria": "mRECIST",
            "lesions": [{"id": f"L{i}", "viable_diameter_mm": 10} for i in range(50)],
        }
    ]
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        outcome = "saved"
        try:
            _limit_file_size(db.stat().st_size + 4096)()
            with Store.open(db, user=USER) as store:
                for _ in range(200):
                    store.save_case(
                        stored.case_id,
                        Case.model_validate(big),
                        expected_revision=store.get_case(stored.case_id).revision,
                    )
        except DiskFull as exc:
            outcome = f"DiskFull: {exc}"
        except BaseException as exc:  # report anything else to the test
            outcome = f"{type(exc).__name__}: {exc}"
        finally:
            os.write(write_fd, outcome.encode())
            os._exit(0)
    os.close(write_fd)
    os.waitpid(pid, 0)
    with os.fdopen(read_fd) as reader:
        outcome = reader.read()
    assert outcome.startswith("DiskFull: The disk holding"), outcome
    with Store.open(db, user=USER) as store:
        assert store.check() == []
        saved = store.get_case(stored.case_id)
        assert len(store.history(stored.case_id)) == saved.revision


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_commands_on_a_damaged_file_explain_and_touch_nothing(tmp_path, damage):
    db = tmp_path / "cases.sqlite3"
    with Store.open(db, user=USER) as store:
        store.new_case(Case.model_validate(case_data()))
        store.rotate_backup()
    if damage == "truncate":
        with db.open("r+b") as handle:
            handle.truncate(db.stat().st_size // 3)
    else:
        db.write_bytes(os.urandom(20000))
    before = db.read_bytes()
    process = _cli(db, "list", "--json")
    _, err = process.communicate(timeout=20)
    assert process.returncode == 3
    assert "damaged" in err
    assert "mdt-planner restore" in err
    assert db.read_bytes() == before


def test_two_processes_writing(tmp_path):
    db = tmp_path / "cases.sqlite3"
    Store.open(db, user=USER).close()
    first = _cli(db, "import", *map(str, _case_files(tmp_path / "a", 25, "A")))
    second = _cli(db, "import", *map(str, _case_files(tmp_path / "b", 25, "B")))
    outputs = [process.communicate(timeout=60) for process in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    reported = [tuple(line.split("\t")) for out, _ in outputs for line in out.splitlines()]
    assert len(reported) == 50
    _assert_intact(db, reported)
    with Store.open(db, read_only=True) as store:
        assert store.count_cases() == 44  # 22 distinct MRNs per writer
        assert len(store.audit_log()) == 50


def test_a_save_over_another_process_save_is_refused(tmp_path):
    db = tmp_path / "cases.sqlite3"
    with Store.open(db, user=USER) as store:
        stored, _ = store.import_case(Case.model_validate(case_data()))
    source = tmp_path / "update.json"
    source.write_text(json.dumps(case_data(ecog=2)), encoding="utf-8")
    assert _cli(db, "import", str(source)).wait(timeout=20) == 0  # another process saves
    mine = Case.model_validate(case_data(ecog=4))
    with Store.open(db, user=USER) as store, pytest.raises(StaleRevision) as caught:
        store.save_case(stored.case_id, mine, expected_revision=stored.revision)
    assert "Your edit was not saved and is still open" in str(caught.value)
    with Store.open(db, read_only=True) as store:
        assert store.get_case(stored.case_id).case.ecog == 2


def test_another_program_holding_the_write_lock(tmp_path, monkeypatch):
    monkeypatch.setattr(store_schema, "BUSY_TIMEOUT_S", 0.2)
    db = tmp_path / "cases.sqlite3"
    with Store.open(db, user=USER) as store:
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(DatabaseBusy, match="Another program is writing"):
                store.new_case(Case.model_validate(case_data()))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert store.new_case(Case.model_validate(case_data())).revision == 1


# hypothesis: cases with every optional part present or absent

TEXT_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Z"))
PADDED = st.text(st.sampled_from(" ") | TEXT_CHARS, max_size=20)


@st.composite
def trimmed(draw, max_size=30):
    """Strings matching ^\\S(.*\\S)?$ (mrn, name): non-space ends, anything between."""
    first = draw(st.text(TEXT_CHARS, min_size=1, max_size=1))
    middle = draw(PADDED)
    last = draw(st.text(TEXT_CHARS, max_size=1))
    return (first + middle + last)[:max_size].rstrip() or first


def value(low, high):
    return st.floats(low, high, allow_nan=False, allow_infinity=False) | st.integers(
        int(low) + 1, int(high)
    )


BILIRUBIN_UNITS = st.sampled_from(["umol/L", "mg/dL"])


@st.composite
def case_dicts(draw):
    data = case_data(**{
        "patient.mrn": draw(trimmed()),
        "patient.name": draw(trimmed()),
        "ecog": draw(st.integers(0, 4)),
        "labs.bilirubin": {"value": draw(value(1, 58)), "unit": draw(BILIRUBIN_UNITS)},
        "labs.inr": draw(st.floats(0.5, 15)),
        "liver.ascites": draw(st.sampled_from(["none", "mild", "moderate_severe"])),
        "tumor.nodules_cm": draw(st.lists(st.floats(0.1, 30), min_size=1, max_size=5)),
        "tumor.portal_vein_invasion": draw(st.sampled_from(["none", "vp1", "vp2", "vp3", "vp4"])),
    })  # fmt: skip
    if draw(st.booleans()):
        data["patient"]["sex"] = draw(st.sampled_from(["female", "male", "other", "unknown"]))
    if draw(st.booleans()):
        data["labs"]["afp"] = {"value": draw(value(0, 100000)), "unit": "ng/mL"}
    if draw(st.booleans()):
        data["etiology"] = draw(st.lists(st.sampled_from(["hbv", "hcv", "alcohol"]), max_size=3))
    if draw(st.booleans()):
        data["liver"]["cirrhosis"] = draw(st.booleans())
    if draw(st.booleans()):
        data["case_id"] = draw(st.text("abcdef0123456789", min_size=8, max_size=32))
    records = []
    previous = ""
    for _ in range(draw(st.integers(0, 2))):
        record = {"meeting_date": "2026-06-03", "status": "draft",
                  "recommendation": draw(st.text(TEXT_CHARS, max_size=40))}  # fmt: skip
        if draw(st.booleans()):
            record["signed_by"] = [{"name": draw(trimmed()), "role": "surgeon",
                                    "at": "2026-06-03T10:00:00"}]  # fmt: skip
            record = seal(record, previous)
            previous = record["record_hash"]
        records.append(record)
    if records:
        data["decisions"] = records
    return data


def test_import_export_round_trip(tmp_path):
    serial = itertools.count()
    with Store.open(tmp_path / "cases.sqlite3", user=USER) as store:

        @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(case_dicts())
        def round_trip(data):
            number = next(serial)  # every example is a new patient
            data["patient"]["mrn"] = f"{number}-{data['patient']['mrn']}"
            if "case_id" in data:
                data["case_id"] += f"-{number}"
            stored, _ = store.import_case(parse_case(json.loads(json.dumps(data))))
            exported = json.loads(json.dumps(store.get_case(stored.case_id).case.to_json_dict()))
            assert exported.pop("case_id") == stored.case_id
            expected = dict(data)
            expected.pop("case_id", None)
            assert exported == expected

        round_trip()
        assert store.check() == []
