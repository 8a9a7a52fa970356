"""The fetcher: polite, bounded HTTP fetching of pages to archive (issue 4, section 2).

Public API::

    from pagevault.fetch import FetchOptions, fetch_urls, fetch_one

    async for result in fetch_urls(urls, FetchOptions(delay=2.0), validators):
        ...  # a FetchResult per URL, in order of completion

Network and HTTP trouble never raises: each FetchResult says what happened
(status, error, truncation). Only invalid options raise FetchConfigError.

Modules (only `client` imports httpx, and it is imported on first fetch, so that
importing this package stays cheap for commands that never fetch):

    model      FetchOptions, FetchResult, Hop
    policy     URL schemes and the address policy (check_target)
    decoding   content-decoding under a size cap
    pacing     per-host spacing, backoff, Retry-After
    robots     robots.txt rules and their per-run cache
    client     httpx: connections, requests, raw body chunks
    backend    httpcore network backend: connects only to vetted addresses
    trace      per-URL bounds and state; builds every FetchResult
    body       one 2xx body under the wire and decoded-size caps
    exchange   one URL: robots, redirects, retries, deadline
    run        many URLs: lanes per origin, global concurrency limit
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Mapping, Sequence
from contextlib import aclosing

from pagevault.fetch.model import FetchOptions, FetchResult, Hop
from pagevault.fetch.policy import check_target

__all__ = ["FetchOptions", "FetchResult", "Hop", "check_target", "fetch_one", "fetch_urls"]

_NO_VALIDATORS: Mapping[str, tuple[str | None, str | None]] = {}


async def fetch_urls(
    urls: Sequence[str],
    options: FetchOptions,
    validators: Mapping[str, tuple[str | None, str | None]] = _NO_VALIDATORS,
) -> AsyncGenerator[FetchResult, None]:
    """Fetch every URL (concurrently, politely); yield results as they complete.

    `validators` maps a URL to (etag, last_modified) from its last capture, for a
    conditional GET: a 304 answer gives status "not_modified".
    """
    from pagevault.fetch.run import fetch_all

    # aclosing: a caller that stops early must still cancel the run's tasks and
    # close its connections now, not whenever the generator is collected.
    async with aclosing(fetch_all(urls, options, validators)) as results:
        async for result in results:
            yield result


def fetch_one(
    url: str,
    options: FetchOptions | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """Fetch one URL synchronously (runs its own event loop; not for use inside one)."""
    import asyncio  # here: the store imports this package's model, and never runs it

    return asyncio.run(_first(url, options or FetchOptions(), (etag, last_modified)))


async def _first(
    url: str, options: FetchOptions, validators: tuple[str | None, str | None]
) -> FetchResult:
    async with aclosing(fetch_urls([url], options, {url: validators})) as results:
        async for result in results:
            return result
    raise AssertionError("fetch_urls yields one result per URL")  # pragma: no cover
