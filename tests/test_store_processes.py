"""Real processes against one store: the flock (rule 3) and kill -9 durability (rule 2).

Forked children (``multiprocessing`` "fork") start in milliseconds, so the kill -9 loop can
run many rounds; the stale-lock test runs a fresh interpreter to be sure nothing is shared.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import threading
import time
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from pagevault.errors import ExitCode, StoreLockedError
from pagevault.store import Store
from tests.test_store_support import capture, write_forever

FORK = multiprocessing.get_context("fork")
URL = "https://example.org/page"
LEFTOVERS = ("leftover temp file", "torn last line", "orphan object", "index.sqlite: behind")


def test_second_writer_is_refused_at_once_with_exit_code_75(tmp_path: Path) -> None:
    with Store(tmp_path):
        started = time.monotonic()
        with pytest.raises(StoreLockedError, match=f"locked by another .*pid {os.getpid()}"):
            Store(tmp_path)
        assert time.monotonic() - started < 0.5
        Store(tmp_path, writable=False).verify()  # readers do not need the lock
    assert StoreLockedError("x").exit_code is ExitCode.STORE_LOCKED
    assert int(ExitCode.STORE_LOCKED) == 75
    Store(tmp_path).close()  # released on close


def test_lock_wait_retries_until_the_holder_closes(tmp_path: Path) -> None:
    holder = Store(tmp_path)
    timer = threading.Timer(0.3, holder.close)
    timer.start()
    try:
        with pytest.raises(StoreLockedError):
            Store(tmp_path, lock_wait=0.1)
        with Store(tmp_path, lock_wait=5.0) as waiter:
            assert waiter.writable
    finally:
        timer.join()


_HOLD = """
import sys, time
from pathlib import Path
from pagevault.store import Store
store = Store(Path(sys.argv[1]))
print("locked", flush=True)
time.sleep(60)
"""


def test_kill_9_of_the_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "locked\n"
        with pytest.raises(StoreLockedError):
            Store(tmp_path)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()
    with Store(tmp_path) as store:  # the kernel dropped the flock with the process
        assert store.verify().ok


def _contender(root: str, barrier: Barrier, n: int) -> None:
    barrier.wait(timeout=10)
    try:
        store = Store(Path(root))
    except StoreLockedError as error:
        os._exit(error.exit_code)
    capture(store, URL, f"round {n}".encode(), f"2026-01-15T08:{n:02d}:00Z")
    time.sleep(0.05)  # hold the lock while the other one tries
    store.close()
    os._exit(0)


def test_two_writers_started_together_one_is_locked_out(tmp_path: Path) -> None:
    winners = locked_out = 0
    for n in range(20):
        barrier = FORK.Barrier(2)
        children = [FORK.Process(target=_contender, args=(str(tmp_path), barrier, n))]
        children.append(FORK.Process(target=_contender, args=(str(tmp_path), barrier, n)))
        for child in children:
            child.start()
        for child in children:
            child.join(timeout=20)
        codes = sorted(child.exitcode for child in children)  # type: ignore[type-var]
        # [0, 0] only if one child was descheduled until the other had finished.
        assert codes in ([0, 75], [0, 0]), codes
        winners += codes.count(0)
        locked_out += codes.count(75)
    assert locked_out >= 15
    with Store(tmp_path, writable=False) as store:
        assert len(store.history(URL)) == winners  # nothing lost, nothing duplicated
        assert store.verify().ok


def _kill_after(root: Path, seed: int, delay: float) -> int | None:
    child = FORK.Process(target=write_forever, args=(str(root), seed))
    child.start()
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
    child.join(timeout=10)
    return child.exitcode


def _assert_only_leftovers(root: Path) -> None:
    report = Store(root, writable=False).verify()
    assert report.ok, report.problems
    unexpected = [w for w in report.warnings if not any(kind in w for kind in LEFTOVERS)]
    assert unexpected == []


def test_kill_9_at_random_times_never_corrupts_the_store(tmp_path: Path) -> None:
    root = tmp_path / "store"
    rng = random.Random(20260115)
    started = time.monotonic()
    for seed in range(60):
        assert _kill_after(root, seed, rng.uniform(0.0, 0.15)) == -signal.SIGKILL
        _assert_only_leftovers(root)
    assert time.monotonic() - started < 60
    finisher = FORK.Process(target=write_forever, args=(str(root), 999, 20))
    finisher.start()
    finisher.join(timeout=30)
    assert finisher.exitcode == 0  # a re-run completes
    with Store(root) as store:
        report = store.verify()
        assert report.ok, report.problems
        assert all("orphan object" in w for w in report.warnings), report.warnings
        assert len(store.pages()) == 5
        assert sum(page.checks for page in store.pages()) > 60
