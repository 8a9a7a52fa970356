"""Real pages: every one parses quickly into a snapshot that round-trips; quality keeps its floor.

The corpus lives outside the repository (see ``tests/corpus.py``). Without it these tests fail,
never skip: CI has the corpus, and a green run must mean the pages were read.
"""

from __future__ import annotations

import functools
import importlib
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

import pytest

from pagevault.model import Snapshot
from tests.corpus import (
    CorpusEntry,
    CorpusMissingError,
    PageScore,
    aggregate,
    describe,
    floor_violations,
    load_floor,
    load_ground_truth,
    load_manifest,
    score_page,
    timed_parse,
    worst_pages,
)

# A hang guard, not a performance test: the slowest page takes a fraction of this.
PAGE_TIME_LIMIT_S = 10.0
# Extra wait for the worker's answer (pickling, a loaded machine) before calling it a hang.
RESULT_GRACE_S = 5.0
WORKER_START_LIMIT_S = 60.0


@functools.cache
def _corpus() -> dict[str, CorpusEntry]:
    return {entry.file: entry for entry in load_manifest()}


def require_corpus() -> dict[str, CorpusEntry]:
    """The corpus pages by file name; a missing corpus fails the calling test."""
    try:
        return _corpus()
    except CorpusMissingError as error:
        message = str(error)
    pytest.fail(message, pytrace=False)  # outside the except: no "during handling" noise


def _page_files() -> list[str]:
    try:
        return list(_corpus())
    except CorpusMissingError:
        # An empty parameter set would be reported as skipped; this placeholder fails instead.
        return ["corpus-missing"]


@dataclass(frozen=True)
class ParseOutcome:
    """What parsing one page gave: a snapshot and its time, or the error."""

    snapshot: Snapshot | None = None
    seconds: float | None = None
    error: BaseException | None = None


class IsolatedParser:
    """Runs ``parse_html`` in a worker process and remembers each page's outcome.

    lexbor's parse time grows with the square of nesting depth and it has segfaulted on real
    pages (see ../shared/docs/RELIABILITY.md): in a worker, a hang or a crash in C code fails
    one page after a time limit instead of stalling or killing the whole test run.
    """

    def __init__(
        self,
        time_limit_s: float,
        grace_s: float = RESULT_GRACE_S,
        target: Callable[[CorpusEntry], tuple[Snapshot, float]] = timed_parse,
    ) -> None:
        self._wait_s = time_limit_s + grace_s
        self._target = target  # a module-level function: the worker imports it by name
        self._pool: Pool | None = None
        self._outcomes: dict[str, ParseOutcome] = {}

    def parse(self, entry: CorpusEntry) -> ParseOutcome:
        if entry.file not in self._outcomes:
            self._outcomes[entry.file] = self._parse_in_worker(entry)
        return self._outcomes[entry.file]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def _parse_in_worker(self, entry: CorpusEntry) -> ParseOutcome:
        pending = self._worker().apply_async(self._target, (entry,))
        try:
            snapshot, seconds = pending.get(timeout=self._wait_s)
        except multiprocessing.TimeoutError:
            # Stuck (in C code, maybe) or dead: only terminating the worker is sure to stop it.
            self.close()
            message = f"{entry.file}: no result within {self._wait_s:.1f} s (hang or crash)"
            return ParseOutcome(error=TimeoutError(message))
        except Exception as error:
            return ParseOutcome(error=error)
        return ParseOutcome(snapshot=snapshot, seconds=seconds)

    def _worker(self) -> Pool:
        if self._pool is None:
            # spawn: no fork of a process that may hold threads; the same on every platform.
            # The worker imports the extractor and answers a first call before any page is
            # timed, so start-up is not charged to a page.
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(1, importlib.import_module, ("tests.corpus",))
            self._pool.apply_async(os.getpid).get(timeout=WORKER_START_LIMIT_S)
        return self._pool


@pytest.fixture(scope="session")
def parser() -> Iterator[IsolatedParser]:
    isolated = IsolatedParser(PAGE_TIME_LIMIT_S)
    yield isolated
    isolated.close()


def repeated_keys(snapshot: Snapshot) -> list[str]:
    """Keys given twice within one list (a diff pairs items by key), as 'where: key'."""
    lists: list[tuple[str, Sequence[Any]]] = [
        ("sections", snapshot.sections),
        ("statistics", snapshot.statistics),
        ("related", snapshot.related),
        ("navigation", snapshot.navigation),
    ]
    lists += [(f"menu {menu.key}", menu.items) for menu in snapshot.navigation]
    repeated = []
    while lists:
        where, items = lists.pop()
        counts = Counter(item.key for item in items)
        repeated += [f"{where}: {key}" for key, count in counts.items() if count > 1]
        lists += [
            (f"{where}/{item.key}", item.children) for item in items if hasattr(item, "children")
        ]
    return repeated


@pytest.mark.parametrize("file", _page_files())
def test_page_parses_quickly_into_a_round_tripping_snapshot(
    file: str, parser: IsolatedParser
) -> None:
    outcome = parser.parse(require_corpus()[file])
    if outcome.error is not None:
        raise outcome.error
    snapshot, seconds = outcome.snapshot, outcome.seconds
    assert isinstance(snapshot, Snapshot)
    assert Snapshot.model_validate_json(snapshot.model_dump_json()) == snapshot
    assert repeated_keys(snapshot) == []
    assert seconds is not None
    assert seconds < PAGE_TIME_LIMIT_S, f"{file}: parse_html took {seconds:.1f} s"


def test_quality_stays_above_the_pinned_floor(parser: IsolatedParser) -> None:
    scores = [
        _score(entry, parser)
        for entry in require_corpus().values()
        if load_ground_truth(entry).scores_text
    ]
    problems = floor_violations(aggregate(scores), load_floor())
    assert not problems, _quality_report(problems, scores)


def _score(entry: CorpusEntry, parser: IsolatedParser) -> PageScore:
    outcome = parser.parse(entry)
    error = None if outcome.error is None else f"{type(outcome.error).__name__}: {outcome.error}"
    return score_page(entry, load_ground_truth(entry), outcome.snapshot, error)


def _quality_report(problems: list[str], scores: list[PageScore]) -> str:
    lines = ["extraction quality fell below tests/quality_floor.json:", *problems]
    lines.append("worst pages:")
    lines += [f"  {describe(score)}" for score in worst_pages(scores)]
    lines.append("details: python bench/quality.py; if the change is intended: --pin")
    return "\n".join(lines)


def _hang(entry: CorpusEntry) -> tuple[Snapshot, float]:
    time.sleep(60)
    raise AssertionError("not reached")


def _crash(entry: CorpusEntry) -> tuple[Snapshot, float]:
    os._exit(139)  # as a segfault would: the worker dies without answering


@pytest.mark.parametrize("target", [_hang, _crash])
def test_a_hanging_or_crashing_parse_fails_its_page_only(
    target: Callable[[CorpusEntry], tuple[Snapshot, float]], tmp_path: Path
) -> None:
    entry = CorpusEntry(
        file="bomb.html",
        page=tmp_path / "bomb.html",
        url=None,
        raw_url="",
        language="en",
        kind="test",
        repo="",
        repo_path="",
        ground_truth=(),
        notes="",
    )
    isolated = IsolatedParser(time_limit_s=0.5, grace_s=0.5, target=target)
    try:
        started = time.monotonic()
        outcome = isolated.parse(entry)
        elapsed = time.monotonic() - started
    finally:
        isolated.close()
    assert isinstance(outcome.error, TimeoutError)
    assert elapsed < 5
