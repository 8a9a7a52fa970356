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
from pagevault.isolation import IsolatedParser, ParseFailure
from pagevault.model import Snapshot
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
    parser: IsolatedParser,
    report: Callable[[UrlOutcome], None],
) -> list[UrlOutcome]:
    """Fetch, store and parse every URL; ``report`` is called as each one completes."""
    return asyncio.run(_archive(urls, store, options, parser, report))


async def _archive(
    urls: Sequence[str],
    store: Store,
    options: FetchOptions,
    parser: IsolatedParser,
    report: Callable[[UrlOutcome], None],
) -> list[UrlOutcome]:
    validators = {url: store.validators(url) for url in urls}
    outcomes = []
    async with contextlib.aclosing(fetch_urls(urls, options, validators)) as results:
        async for result in results:
            # Storing and parsing run in a thread: fetching of the other URLs goes on.
            outcome = await asyncio.to_thread(_keep_guarded, result, store, parser, options)
            report(outcome)
            outcomes.append(outcome)
    return outcomes


def _keep_guarded(
    result: FetchResult, store: Store, parser: IsolatedParser, options: FetchOptions
) -> UrlOutcome:
    """One URL's trouble stays that URL's: a bug while keeping it is reported as its
    failure and the run goes on. Store trouble (disk full) ends the run (exit 74)."""
    try:
        return _keep(result, store, parser, options)
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


def _keep(
    result: FetchResult, store: Store, parser: IsolatedParser, options: FetchOptions
) -> UrlOutcome:
    # A complete body is kept even when empty (a 204, an empty 200): it is content too.
    has_body = bool(result.body) or result.status == "ok"
    sha256 = store.put_raw(result.body) if has_body else None
    snapshot: Snapshot | None = None
    parse_error = None
    if result.status == "ok" and sha256 is not None and not _same_as_latest(store, result, sha256):
        parsed = parser.parse(result.body, result.final_url, result.headers.get("content-type"))
        if isinstance(parsed, ParseFailure):
            parse_error = parsed.reason
        else:
            snapshot = parsed
    check = _check_record(result, sha256, parse_error)
    recorded = store.record_check(check, snapshot, _provenance(result, options))
    error = result.error or (f"parse failed: {parse_error}" if parse_error else None)
    return UrlOutcome(
        url=result.requested_url,
        status=recorded.status,
        http_status=result.http_status,
        snapshot=recorded.snapshot,
        raw_sha256=sha256,
        error=error,
    )


def _same_as_latest(store: Store, result: FetchResult, sha256: str) -> bool:
    latest = store.latest(result.requested_url)
    return latest is not None and latest.raw_sha256 == sha256


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
