"""One writer per database: a second instance is told so and may read; stale locks are taken."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.logic.store.database import DatabaseBusy, Store, User
from desktop.logic.store.lock import WriterLock, lock_path
from tests.factories import make_case

REPO = Path(__file__).resolve().parents[3]
USER = User("Li Ming", "hepatobiliary surgeon")
HOLDER = """
import sys, time
from pathlib import Path
from desktop.logic.store.database import Store
store = Store.open(Path(sys.argv[1]))
print("ready", flush=True)
time.sleep(30)
"""


@pytest.fixture
def holder(tmp_path):
    """Another process holding the writer lock of tmp_path/cases.sqlite3."""
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=USER) as store:
        store.new_case(make_case())
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().strip() == "ready"
        yield path, process
    finally:
        process.kill()
        process.wait(timeout=10)


def test_second_instance_is_told_who_writes(holder):
    path, process = holder
    with pytest.raises(DatabaseBusy, match=f"process {process.pid} on") as caught:
        Store.open(path, user=USER)
    assert "open this one read-only" in str(caught.value)


def test_second_instance_may_read(holder):
    path, _ = holder
    with Store.open(path, read_only=True) as reader:
        assert reader.count_cases() == 1


def test_lock_of_a_killed_instance_is_taken_over(holder):
    path, process = holder
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert lock_path(path).exists()
    with Store.open(path, user=USER) as store:
        assert store.count_cases() == 1


def test_stale_lock_file_from_a_dead_pid_is_taken_over(tmp_path):
    path = tmp_path / "cases.sqlite3"
    lock_path(path).write_text("999999\nsomewhere\n2026-01-01T00:00:00\n")
    with Store.open(path, user=USER) as store:
        assert store.count_cases() == 0
        assert lock_path(path).read_text().split()[0] == str(os.getpid())


def test_waiting_for_the_lock_gives_up_with_the_reason(holder):
    path, _ = holder
    with pytest.raises(DatabaseBusy):
        WriterLock.acquire(path, wait=0.2)


def test_stores_of_one_process_share_the_lock(tmp_path):
    path = tmp_path / "cases.sqlite3"
    first = Store.open(path, user=USER)
    second = Store.open(path, user=USER)
    first.close()
    second.new_case(make_case())  # still the writer
    second.close()
    with Store.open(path, user=USER) as third:
        assert third.count_cases() == 1
