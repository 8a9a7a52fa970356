"""Parsing in a worker: a crash, a hang or an exception is a ParseFailure, and the
worker comes back for the next page."""

from __future__ import annotations

import time

from pagevault.isolation import IsolatedParser, ParseFailure
from pagevault.model import Snapshot

PAGE = b"<html lang=fr><h1>Titre</h1><p>Plus de 29 000 personnes.</p></html>"


def test_parses_in_the_worker() -> None:
    with IsolatedParser() as parser:
        snapshot = parser.parse(PAGE, "https://example.org/a")
    assert isinstance(snapshot, Snapshot)
    assert snapshot.statistics[0].value == 29000


def test_a_crash_is_a_failure_and_the_next_page_parses() -> None:
    with IsolatedParser(target="tests.isolation_targets:crash") as crashing:
        outcome = crashing.parse(PAGE, None)
    assert isinstance(outcome, ParseFailure)
    assert "crashed" in outcome.reason
    with IsolatedParser() as parser:
        assert isinstance(parser.parse(PAGE, None), Snapshot)


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
    assert all(isinstance(result, Snapshot) for result in results)
