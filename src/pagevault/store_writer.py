"""The store's one writer during a fetch run, grouping what it writes.

The store is not thread-safe, so one thing at a time writes to it. While it writes, the
next raw bodies and checks queue up; each turn takes all that queued as one batch, in a
thread: raw bodies first (their parsing waits for them), then checks
(``Store.put_raws`` and ``Store.record_checks``, which group their fsyncs). Each job is
answered only once its batch is durable, so grouping spares fsync waits but never
reports a capture or a check before it is on disk.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from pagevault.errors import StoreError
from pagevault.fetch import FetchResult
from pagevault.store import CheckOutcome, Store
from pagevault.store.core import CheckInput

BATCH = 64  # jobs of each kind per turn, at most

_Job = TypeVar("_Job")
_Answer = TypeVar("_Answer")
_Jobs = list[tuple[_Job, "asyncio.Future[_Answer]"]]


@dataclass(frozen=True)
class RawKept:
    """A fetch result's body in the store (None: no body to keep), and whether it is the
    body of the page's latest snapshot already (then there is nothing to parse)."""

    sha256: str | None
    unchanged: bool


class StoreWriter:
    """Queues raw bodies and checks; ``run`` writes them, a batch per turn."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._raws: _Jobs[FetchResult, RawKept] = []
        self._checks: _Jobs[CheckInput, CheckOutcome] = []
        self._queued = asyncio.Event()

    async def keep_raw(self, result: FetchResult) -> RawKept:
        """Store the result's body durably (before any parsing: rule 1)."""
        future: asyncio.Future[RawKept] = asyncio.get_running_loop().create_future()
        self._raws.append((result, future))
        self._queued.set()
        return await future

    async def record(self, item: CheckInput) -> CheckOutcome:
        """Record a check (and write its snapshot) durably."""
        future: asyncio.Future[CheckOutcome] = asyncio.get_running_loop().create_future()
        self._checks.append((item, future))
        self._queued.set()
        return await future

    async def run(self) -> None:
        """Write what is queued, turn after turn, until cancelled: raw bodies first, and
        answered at once (their parsing waits for them), then the checks."""
        while True:
            await self._queued.wait()
            self._queued.clear()
            raws, self._raws = self._raws[:BATCH], self._raws[BATCH:]
            if raws:
                bodies = [job for job, _ in raws]
                _answer(raws, await asyncio.to_thread(self._keep_raws, bodies))
            checks, self._checks = self._checks[:BATCH], self._checks[BATCH:]
            if checks:
                _answer(checks, await asyncio.to_thread(self._record, [job for job, _ in checks]))
            if self._raws or self._checks:
                self._queued.set()

    def _keep_raws(self, results: list[FetchResult]) -> list[RawKept] | Exception:
        return _caught(lambda: keep_raws(self._store, results))

    def _record(self, items: list[CheckInput]) -> list[CheckOutcome | Exception]:
        """All the checks at once; if one of them is invalid (a bug), each on its own,
        so that the trouble stays that check's."""
        try:
            return list(self._store.record_checks(items))
        except StoreError as error:  # the disk: every check of the batch fails alike
            return [error for _ in items]
        except Exception:
            return [_caught(functools.partial(self._store.record_check, *item)) for item in items]


def keep_raws(store: Store, results: Sequence[FetchResult]) -> list[RawKept]:
    """The bodies of the results, stored durably. A complete body is kept even when empty
    (a 204, an empty 200): it is content too."""
    kept = [result for result in results if result.body or result.status == "ok"]
    shas = dict(zip(map(id, kept), store.put_raws([r.body for r in kept]), strict=True))
    return [_kept(store, result, shas.get(id(result))) for result in results]


def _kept(store: Store, result: FetchResult, sha256: str | None) -> RawKept:
    latest = store.latest_before_recording(result.requested_url) if sha256 is not None else None
    return RawKept(sha256, latest is not None and latest.raw_sha256 == sha256)


def _caught(write: Callable[[], _Answer]) -> _Answer | Exception:
    try:
        return write()
    except Exception as error:
        return error


def _answer(jobs: _Jobs[_Job, _Answer], answers: Sequence[_Answer | Exception] | Exception) -> None:
    """Give each job its answer (or the exception that stopped it)."""
    for index, (_, future) in enumerate(jobs):
        answer = answers if isinstance(answers, Exception) else answers[index]
        if future.cancelled():
            continue
        if isinstance(answer, Exception):
            future.set_exception(answer)
        else:
            future.set_result(answer)
