"""`pagevault fetch` killed at random points, and two runs on one store at once.

RELIABILITY.md, "The tests trusted systems run": after any number of kill -9, verify
finds no damage and a re-run completes the set; two runs started together never
lose or duplicate a check. Bounded: 50 kills and 10 races, loopback only.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from pytest_httpserver import HTTPServer

from pagevault.store import Store

FIXTURE = (Path(__file__).parent / "fixtures" / "amnesty-fr-refugies.html").read_bytes()
PAGES = 12
KILLS = 50
RACES = 10


def _serve_pages(server: HTTPServer) -> list[str]:
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    urls = []
    for number in range(PAGES):
        body = FIXTURE.replace(b"43,7 millions", f"{number},5 millions".encode())
        server.expect_request(f"/page/{number}").respond_with_data(body, content_type="text/html")
        urls.append(server.url_for(f"/page/{number}"))
    return urls


def _start(store: Path, url_file: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "pagevault", "fetch", "--delay", "0", "-i", str(url_file)],
        env={**os.environ, "PAGEVAULT_STORE": str(store)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _verify(store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pagevault", "verify", "--store", str(store)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _assert_verified_or_never_created(store: Path) -> None:
    """verify passes, or (killed before the store was made) finds no store: exit 74."""
    verified = _verify(store)
    never_created = verified.returncode == 74 and "no store at" in verified.stderr
    assert verified.returncode == 0 or never_created, verified.stderr


def _wait_for_store(store: Path, process: subprocess.Popen[bytes]) -> None:
    """Until the run has made its store (its start-up takes seconds on a loaded machine,
    longer than the random wait), or ended, or 30 s passed."""
    deadline = time.monotonic() + 30
    while not (store / "objects").is_dir() and process.poll() is None:
        if time.monotonic() > deadline:
            return
        time.sleep(0.01)


def test_kill_9_at_random_points_then_verify_and_rerun(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    url_file = tmp_path / "urls.txt"
    url_file.write_text("\n".join(_serve_pages(httpserver)))
    store = tmp_path / "store"
    chance = random.Random(20261126)
    for kill in range(KILLS):
        process = _start(store, url_file)
        if kill:  # the first kill may land before the store exists; the others land in it
            _wait_for_store(store, process)
        time.sleep(chance.uniform(0.05, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        _assert_verified_or_never_created(store)
    verified = _verify(store)
    assert verified.returncode == 0, verified.stderr
    rerun = _start(store, url_file)
    assert rerun.wait(timeout=120) == 0
    with Store(store, writable=False) as archive:
        pages = archive.pages()
        assert len(pages) == PAGES
        assert all(page.snapshots == 1 for page in pages)
        assert archive.verify().ok


def test_two_runs_started_together_lose_and_duplicate_nothing(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    url_file = tmp_path / "urls.txt"
    url_file.write_text("\n".join(_serve_pages(httpserver)))
    store = tmp_path / "store"
    finished_runs = 0
    for _ in range(RACES):
        pair = [_start(store, url_file), _start(store, url_file)]
        codes = sorted(process.wait(timeout=120) for process in pair)
        assert codes in ([0, 0], [0, 75]), codes
        finished_runs += codes.count(0)
    with Store(store, writable=False) as archive:
        checks = sum(page.checks for page in archive.pages())
        assert checks == finished_runs * PAGES
        assert all(page.snapshots == 1 for page in archive.pages())
        assert archive.verify().ok
