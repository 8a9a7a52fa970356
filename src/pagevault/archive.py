"""A fetch run: capture, store, parse, record — in the order that never loses a capture.

For each URL: the fetcher's result arrives; its body is written to the store as a
raw object (RELIABILITY.md rule 1: before any parsing); an unchanged body is
recorded without parsing; a changed one is parsed in a worker process under a time
budget; the check is recorded either way. A parse failure is recorded on the check
and the run goes on.

The URLs overlap: while some are fetched, others are parsed (on several workers) and
others written to the store (by its one writer, which groups the fsyncs of whatever
is waiting: ``pagevault.store_writer``). An outcome is reported once its files are
durable.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections import Counter
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from pagevault.errors import StoreError
from pagevault.fetch import FetchOptions, FetchResult, fetch_urls
from pagevault.fetch.policy import shorten, split_url
from pagevault.isolation import ParseFailure, ParserPool
from pagevault.snapshot_json import SnapshotJson
from pagevault.store import CheckRecord, Store
from pagevault.store_writer import StoreWriter
from pagevault.text import plural

FAILURE_STATUSES = frozenset({"failed", "truncated", "disallowed"})
# C0 and C1 controls and DEL: no URL holds one (a binary file read as a list of URLs does).
_URL_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# Nor a space: "https://exa mple.org/" is a typo, which a lookup would only refuse later.
_URL_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class UrlOutcome:
    """What happened to one URL: the line printed and the JSON object of ``--json``."""

    url: str
    status: str  # new, changed, unchanged, not_modified, failed, truncated, disallowed
    http_status: int | None
    snapshot: str | None
    raw_sha256: str | None
    error: str | None

    @property
    def failed(self) -> bool:
        return self.status in FAILURE_STATUSES

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def run_summary(outcomes: Sequence[UrlOutcome]) -> str:
    """One line for the end of a run: '20 URLs: 17 ok (1 new, 3 changed), 2 failed,
    1 disallowed' (ok: new, changed, unchanged or not_modified)."""
    counts = Counter(outcome.status for outcome in outcomes)
    ok = sum(count for status, count in counts.items() if status not in FAILURE_STATUSES)
    urls = plural(len(outcomes), "URL")
    news = ", ".join(
        f"{counts[status]} {status}" for status in ("new", "changed") if counts[status]
    )
    parts = [f"{ok} ok" + (f" ({news})" if news else "")]
    parts += [f"{counts[status]} {status}" for status in _FAILURE_ORDER if counts[status]]
    return f"{urls}: {', '.join(parts)}"


_FAILURE_ORDER = ("failed", "truncated", "disallowed")


def url_problem(url: str) -> str | None:
    """Why ``url`` is no page to archive (no scheme, a scheme other than http/https, no
    host, control characters, spaces), or None. Such a URL is reported, never recorded: a typo
    must not become a page of the archive."""
    if _URL_CONTROL.search(url):
        return f"invalid URL {shorten(url)}: control characters"
    _, problem = split_url(url)
    if problem is None and _URL_SPACE.search(url):
        return f"invalid URL {shorten(url)}: a space (write it %20)"
    return problem


def invalid_url_outcome(url: str, problem: str) -> UrlOutcome:
    """The outcome of a URL refused before the archive is touched: failed, not recorded."""
    return UrlOutcome(
        url=url, status="failed", http_status=None, snapshot=None, raw_sha256=None, error=problem
    )


def archive_urls(
    urls: Sequence[str],
    store: Store,
    options: FetchOptions,
    parsers: ParserPool,
    report: Callable[[UrlOutcome], None],
) -> list[UrlOutcome]:
    """Fetch, store and parse every URL; ``report`` is called as each one completes (its
    files durable; the index rows derived from them are committed in batches). Returns
    the outcomes in the order reported (the demo takes its one outcome so); a run stopped
    by Ctrl-C returns nothing, so a caller that sums up an interrupted run too (``fetch``)
    keeps them as ``report`` gets them."""
    with store.index_batches():
        return asyncio.run(_archive(urls, store, options, parsers, report))


async def _archive(
    urls: Sequence[str],
    store: Store,
    options: FetchOptions,
    parsers: ParserPool,
    report: Callable[[UrlOutcome], None],
) -> list[UrlOutcome]:
    validators = {url: store.validators(url) for url in urls}
    writer = StoreWriter(store)
    writing = asyncio.create_task(writer.run())
    try:
        return await _keep_all(urls, _Keeper(writer, parsers, options), validators, report)
    finally:
        writing.cancel()


# URLs on their way to the store hold their bodies: at most this many, and this many bytes
# (the writer's batches grow with the number waiting, and each batch shares its fsyncs).
MAX_IN_FLIGHT = 64
MAX_IN_FLIGHT_BYTES = 64 * 2**20


async def _keep_all(
    urls: Sequence[str],
    keeper: _Keeper,
    validators: dict[str, tuple[str | None, str | None]],
    report: Callable[[UrlOutcome], None],
) -> list[UrlOutcome]:
    """Keep every result as it arrives; report each URL when it is done."""
    flight = _Flight(report)
    try:
        async with contextlib.aclosing(fetch_urls(urls, keeper.options, validators)) as results:
            async for result in results:
                flight.start(keeper.keep(result), len(result.body))
                await flight.land(until_below=(MAX_IN_FLIGHT, MAX_IN_FLIGHT_BYTES))
        await flight.land(until_below=(1, 1))
    except asyncio.CancelledError:  # Ctrl-C: what is recorded is still reported
        flight.report_done()
        raise
    return flight.outcomes


class _Flight:
    """The URLs being kept, bounded; each is reported as soon as it is done, in the
    order they finish. A store failure (the disk is full) ends the run."""

    def __init__(self, report: Callable[[UrlOutcome], None]) -> None:
        self.report = report
        self.outcomes: list[UrlOutcome] = []
        self._finished: asyncio.Queue[asyncio.Task[UrlOutcome]] = asyncio.Queue()
        self._sizes: dict[asyncio.Task[UrlOutcome], int] = {}  # body bytes of each
        self._bytes = 0

    def start(self, keeping: Coroutine[Any, Any, UrlOutcome], size: int) -> None:
        task = asyncio.create_task(keeping)
        task.add_done_callback(self._finished.put_nowait)
        self._sizes[task] = size
        self._bytes += size

    async def land(self, until_below: tuple[int, int]) -> None:
        """Report what is done; wait for more while at or above either bound."""
        count, size = until_below
        while not self._finished.empty():
            self._report(self._finished.get_nowait())
        while self._sizes and (len(self._sizes) >= count or self._bytes >= size):
            self._report(await self._finished.get())

    def report_done(self) -> None:
        """Report every URL done and recorded by now (the run is being stopped)."""
        while not self._finished.empty():
            task = self._finished.get_nowait()
            if task.cancelled() or task.exception() is not None:
                self._bytes -= self._sizes.pop(task)
            else:
                self._report(task)

    def _report(self, task: asyncio.Task[UrlOutcome]) -> None:
        self._bytes -= self._sizes.pop(task)
        outcome = task.result()  # StoreError propagates: the disk is full, stop
        self.report(outcome)
        self.outcomes.append(outcome)


class _Keeper:
    """Stores each result and parses changed pages: the store by its one writer,
    parsing on several workers side by side."""

    def __init__(self, writer: StoreWriter, parsers: ParserPool, options: FetchOptions) -> None:
        self.writer = writer
        self.parsers = parsers
        self.options = options

    async def keep(self, result: FetchResult) -> UrlOutcome:
        """One URL's trouble stays that URL's: a bug while keeping it is reported as its
        failure. Store trouble (disk full) ends the run (exit 74)."""
        try:
            return await self._keep(result)
        except StoreError:
            raise
        except Exception as error:
            return UrlOutcome(
                url=result.requested_url,
                status="failed",
                http_status=result.http_status,
                snapshot=None,
                raw_sha256=None,
                error=f"internal error: {type(error).__name__}: {error}",
            )

    async def _keep(self, result: FetchResult) -> UrlOutcome:
        kept = await self.writer.keep_raw(result)
        sha256 = kept.sha256
        snapshot: SnapshotJson | None = None
        parse_error = None
        if result.status == "ok" and sha256 is not None and not kept.unchanged:
            content_type = result.headers.get("content-type")
            parsed = await self.parsers.parse(result.body, result.final_url, content_type)
            if isinstance(parsed, ParseFailure):
                parse_error = parsed.reason
            else:
                snapshot = parsed
        check = _check_record(result, sha256, parse_error)
        provenance = _provenance(result, self.options)
        recorded = await self.writer.record((check, snapshot, provenance))
        return UrlOutcome(
            url=result.requested_url,
            status=recorded.status,
            http_status=result.http_status,
            snapshot=recorded.snapshot,
            # A 304 carries no body: its capture is the one it confirms.
            raw_sha256=sha256 or recorded.snapshot_sha256,
            error=recorded.check.error,  # the store words a parse failure for the check
        )


def _check_record(result: FetchResult, sha256: str | None, parse_error: str | None) -> CheckRecord:
    return CheckRecord(
        url=result.requested_url,
        fetched_at=result.fetched_at,
        status=result.status,
        final_url=result.final_url,
        http_status=result.http_status,
        raw_sha256=sha256,
        error=result.error,
        etag=result.headers.get("etag"),
        last_modified=result.headers.get("last-modified"),
        truncation=result.truncation,
        parse_error=parse_error,
    )


def _provenance(result: FetchResult, options: FetchOptions) -> dict[str, Any]:
    return {
        "final_url": result.final_url,
        "redirects": [asdict(hop) for hop in result.redirects],
        "http_status": result.http_status,
        "headers": dict(result.headers),
        "body_coding": result.body_coding,
        "truncation": result.truncation,
        "robots": result.robots,
        "ignore_robots": options.ignore_robots,
        "user_agent": options.user_agent,
    }
