"""Parsing in a worker: a crash, a hang or an exception is a ParseFailure, and the
worker comes back for the next page."""

from __future__ import annotations

import asyncio
import fcntl
import json
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from pagevault.isolation import IsolatedParser, ParseFailure, ParserPool
from pagevault.isolation_spawn import PIPE_BYTES, spawn
from pagevault.isolation_worker import READY, read_frame, write_frame
from pagevault.model import Snapshot
from pagevault.snapshot_json import SnapshotJson

PAGE = b"<html lang=fr><h1>Titre</h1><p>Plus de 29 000 personnes.</p></html>"


def test_parses_in_the_worker() -> None:
    with IsolatedParser() as parser:
        parsed = parser.parse(PAGE, "https://example.org/a")
    assert isinstance(parsed, SnapshotJson)
    snapshot = Snapshot.model_validate_json(parsed.text)
    assert snapshot.statistics[0].value == 29000
    assert snapshot.url == "https://example.org/a"
    assert parsed.parser_version == snapshot.parser_version
    assert parsed.encoding == {"name": "utf-8", "source": "detection"}


def test_a_crash_is_a_failure_and_the_next_page_parses() -> None:
    with IsolatedParser(target="tests.isolation_targets:crash") as crashing:
        outcome = crashing.parse(PAGE, None)
    assert isinstance(outcome, ParseFailure)
    assert "crashed" in outcome.reason
    with IsolatedParser() as parser:
        assert isinstance(parser.parse(PAGE, None), SnapshotJson)


def test_a_hang_ends_at_the_time_budget() -> None:
    with IsolatedParser(time_budget=1.0, target="tests.isolation_targets:hang") as parser:
        started = time.monotonic()
        outcome = parser.parse(PAGE, None)
        elapsed = time.monotonic() - started
        assert isinstance(outcome, ParseFailure)
        assert "time budget" in outcome.reason
        assert elapsed < 3.0
        second = parser.parse(PAGE, None)  # a fresh worker, hanging again
        assert isinstance(second, ParseFailure)


def test_an_exception_is_reported_in_one_line() -> None:
    with IsolatedParser(target="tests.isolation_targets:explode") as parser:
        outcome = parser.parse(PAGE, None)
    assert outcome == ParseFailure("ValueError: broken page")


def test_worker_survives_many_pages() -> None:
    with IsolatedParser() as parser:
        results = [parser.parse(PAGE, f"https://example.org/{n}") for n in range(20)]
    assert all(isinstance(result, SnapshotJson) for result in results)


def test_a_parser_that_cannot_load_fails_each_page_in_one_line() -> None:
    with IsolatedParser(target="tests.no_such_module:parse") as parser:
        outcome = parser.parse(PAGE, None)
    assert isinstance(outcome, ParseFailure)
    assert outcome.reason.startswith("cannot load the parser tests.no_such_module:parse: ")
    assert "\n" not in outcome.reason


def test_an_undecodable_url_comes_back_as_valid_utf8_json() -> None:
    url = "https://example.org/\udcff"  # a command-line byte that is not UTF-8
    with IsolatedParser() as parser:
        parsed = parser.parse(PAGE, url)
    assert isinstance(parsed, SnapshotJson)
    assert parsed.text.encode("utf-8").isascii()  # escaped, not dropped
    assert Snapshot.model_validate(json.loads(parsed.text)).url == url


def test_a_cut_off_or_garbled_answer_is_not_a_snapshot() -> None:
    with IsolatedParser() as parser:
        parsed = parser.parse(PAGE, None)
    assert isinstance(parsed, SnapshotJson)
    message = parsed.to_message()
    assert SnapshotJson.from_message(message) == parsed
    head = b'{"parser_version": "1", "encoding": {}}'
    not_utf8 = head + b'\n{"title": "\xe9"}'
    assert SnapshotJson.from_message(head + b'\n{"title": "\xc3\xa9"}').text == '{"title": "é"}'
    for broken in (message[:-1], message.split(b"\n", 1)[1], b"[]\n{}", b"\xff\n{}", not_utf8):
        with pytest.raises(ValueError):
            SnapshotJson.from_message(broken)


def test_a_pool_uses_a_parser_started_earlier_as_its_first_worker() -> None:
    started = IsolatedParser()
    started.start()
    with ParserPool(2, time_budget=7.0, started=started) as pool:
        assert pool.size == 2
        assert pool._parsers[0] is started
        assert all(parser.time_budget == 7.0 for parser in pool._parsers)
        outcome = asyncio.run(pool.parse(PAGE, None))
    assert isinstance(outcome, SnapshotJson)
    assert started._worker is None  # the pool stopped it


def test_a_pool_parses_on_the_event_loop_and_survives_a_crash() -> None:
    async def parse_three(pool: ParserPool) -> list[SnapshotJson | ParseFailure]:
        return [await pool.parse(PAGE, f"https://example.org/{n}") for n in range(3)]

    with ParserPool(1) as pool:
        assert all(isinstance(o, SnapshotJson) for o in asyncio.run(parse_three(pool)))
    crashing = IsolatedParser(target="tests.isolation_targets:crash")
    with ParserPool(1, started=crashing) as pool:
        outcomes = asyncio.run(parse_three(pool))
    assert all(isinstance(o, ParseFailure) and "crashed" in o.reason for o in outcomes)


def test_on_the_event_loop_a_hang_ends_at_the_time_budget() -> None:
    hanging = IsolatedParser(target="tests.isolation_targets:hang")
    with ParserPool(1, time_budget=1.0, started=hanging) as pool:
        started = time.monotonic()
        outcome = asyncio.run(pool.parse(PAGE, None))
        elapsed = time.monotonic() - started
    assert outcome == ParseFailure("time budget of 1s exceeded")
    assert elapsed < 3.0


def test_a_page_larger_than_the_pipe_goes_through_on_the_event_loop() -> None:
    page = PAGE.replace(b"</html>", b"<p>" + b"mot " * 1_000_000 + b"</p></html>")  # 4 MB
    with IsolatedParser() as parser:
        outcome = asyncio.run(parser.parse_async(page, None))
        assert isinstance(outcome, SnapshotJson)
        assert isinstance(parser.parse(PAGE, None), SnapshotJson)  # the same worker, again


def test_a_cancelled_parse_stops_its_worker() -> None:
    async def cancel_halfway(parser: IsolatedParser) -> None:
        task = asyncio.create_task(parser.parse_async(PAGE, None))
        await asyncio.sleep(0.5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    with IsolatedParser(target="tests.isolation_targets:hang") as parser:
        asyncio.run(cancel_halfway(parser))
        assert parser._worker is None  # its pipes may hold half an exchange: not reused


def test_the_pipes_to_a_worker_hold_a_whole_page() -> None:
    with IsolatedParser() as parser:
        worker = parser.start()
        for pipe in (worker._requests, worker._answers):
            assert fcntl.fcntl(pipe, fcntl.F_GETPIPE_SZ) == PIPE_BYTES


def test_on_the_event_loop_a_parser_that_cannot_load_fails_in_one_line() -> None:
    broken = IsolatedParser(target="tests.no_such_module:parse")
    with ParserPool(1, started=broken) as pool:
        outcome = asyncio.run(pool.parse(PAGE, None))
    assert isinstance(outcome, ParseFailure)
    assert outcome.reason.startswith("cannot load the parser tests.no_such_module:parse: ")


def test_a_pool_starts_no_thread() -> None:
    """Each page's exchange runs on the event loop: no executor thread is started."""
    before = set(threading.enumerate())

    async def parse_two(pool: ParserPool) -> set[threading.Thread]:
        outcomes = await asyncio.gather(pool.parse(PAGE, None), pool.parse(PAGE, None))
        assert all(isinstance(outcome, SnapshotJson) for outcome in outcomes)
        return set(threading.enumerate())  # before asyncio.run ends the executor's threads

    with ParserPool(2) as pool:
        assert asyncio.run(parse_two(pool)) == before


def test_a_worker_whose_parent_is_gone_ends_quietly(tmp_path: Path) -> None:
    """kill -9 of `pagevault fetch` mid-parse: the worker's answer finds no reader; it
    exits 0 without printing a traceback on the terminal it shares with the parent."""
    errors = tmp_path / "worker-stderr"
    saved_stderr = os.dup(2)
    with errors.open("wb") as stream:
        os.dup2(stream.fileno(), 2)  # the worker inherits the parent's stderr
    try:
        worker = spawn("tests.isolation_targets:slow", 2**31, json.dumps(sys.path), False)
    finally:
        os.dup2(saved_stderr, 2)
        os.close(saved_stderr)
    answers = os.fdopen(worker.answers, "rb", buffering=0)
    requests = os.fdopen(worker.requests, "wb", buffering=0)
    assert read_frame(answers) == READY
    write_frame(requests, b'{"url": null, "content_type": null}\n<html><h1>T</h1></html>')
    answers.close()  # the parent goes away while the page is parsed
    requests.close()
    _, status = os.waitpid(worker.pid, 0)
    assert (os.waitstatus_to_exitcode(status), errors.read_bytes()) == (0, b"")
