"""A fetch run: capture, store, parse, record — in the order that never loses a capture.

For each URL: the fetcher's result arrives; its body is written to the store as a
raw object (RELIABILITY.md rule 1: before any parsing); an unchanged body is
recorded without parsing; a changed one is parsed in a worker process under a time
budget; the check is recorded either way. A parse failure is recorded on the check
and the run goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from pagevault.errors import StoreError
from pagevault.fetch import FetchOptions, FetchResult, fetch_urls
from pagevault.isolation import ParseFailure, ParserPool
from pagevault.snapshot_json import SnapshotJson
from pagevault.store import CheckRecord, Store

FAILURE_STATUSES = frozenset({"failed", "truncated", "disallowed"})


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


def archive_urls(
    urls: Sequence[str],
    store: Store,
    options: FetchOptions,
    parsers: ParserPool,
    report: Callable[[UrlOutcome], None],
) -> list[UrlOutcome]:
    """Fetch, store and parse every URL; ``report`` is called as each one completes."""
    return asyncio.run(_archive(urls, store, options, parsers, report))


async def _archive(
    urls: Sequence[str],
    store: Store,
    options: FetchOptions,
    parsers: ParserPool,
    report: Callable[[UrlOutcome], None],
) -> list[UrlOutcome]:
    validators = {url: store.validators(url) for url in urls}
    keeper = _Keeper(store, parsers, options)
    outcomes: list[UrlOutcome] = []
    pending: set[asyncio.Task[UrlOutcome]] = set()
    async with contextlib.aclosing(fetch_urls(urls, options, validators)) as results:
        async for result in results:
            pending.add(asyncio.create_task(keeper.keep(result)))
            # Pages being parsed hold their bodies: bound them.
            if len(pending) >= parsers.size * 2:
                pending = await _collect(pending, outcomes, report, asyncio.FIRST_COMPLETED)
    await _collect(pending, outcomes, report, asyncio.ALL_COMPLETED)
    return outcomes


async def _collect(
    pending: set[asyncio.Task[UrlOutcome]],
    outcomes: list[UrlOutcome],
    report: Callable[[UrlOutcome], None],
    until: str,
) -> set[asyncio.Task[UrlOutcome]]:
    """Report the tasks that are done; a store failure among them ends the run."""
    if not pending:
        return pending
    done, still_pending = await asyncio.wait(pending, return_when=until)
    for task in done:
        outcome = task.result()  # StoreError propagates: the disk is full, stop
        report(outcome)
        outcomes.append(outcome)
    return still_pending


class _Keeper:
    """Stores each result and parses changed pages: the store one page at a time (it is
    not thread-safe), parsing on several workers side by side."""

    def __init__(self, store: Store, parsers: ParserPool, options: FetchOptions) -> None:
        self.store = store
        self.parsers = parsers
        self.options = options
        self.store_turn = asyncio.Lock()

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
        async with self.store_turn:
            sha256, unchanged = await asyncio.to_thread(_store_raw, result, self.store)
        snapshot: SnapshotJson | None = None
        parse_error = None
        if result.status == "ok" and sha256 is not None and not unchanged:
            content_type = result.headers.get("content-type")
            parsed = await self.parsers.parse(result.body, result.final_url, content_type)
            if isinstance(parsed, ParseFailure):
                parse_error = parsed.reason
            else:
                snapshot = parsed
        check = _check_record(result, sha256, parse_error)
        provenance = _provenance(result, self.options)
        async with self.store_turn:
            recorded = await asyncio.to_thread(self.store.record_check, check, snapshot, provenance)
        return UrlOutcome(
            url=result.requested_url,
            status=recorded.status,
            http_status=result.http_status,
            snapshot=recorded.snapshot,
            raw_sha256=sha256,
            error=recorded.check.error,  # the store words a parse failure for the check
        )


def _store_raw(result: FetchResult, store: Store) -> tuple[str | None, bool]:
    """The raw capture, written before any parsing (rule 1), and whether it is the
    page's latest snapshot's body already. A complete body is kept even when empty
    (a 204, an empty 200): it is content too."""
    if not result.body and result.status != "ok":
        return None, False
    sha256 = store.put_raw(result.body)
    latest = store.latest(result.requested_url)
    return sha256, latest is not None and latest.raw_sha256 == sha256


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
