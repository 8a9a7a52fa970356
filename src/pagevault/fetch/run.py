"""A run over many URLs: one lane per origin, a global limit, results as they complete.

Each origin gets a lane that fetches its URLs one after another, so politeness
spacing is kept without holding a concurrency slot while asleep: a lane waits for
its host's slot *before* taking one of the `concurrency` slots, which bound the URLs
in progress (and so the requests in flight) across all lanes. When the host needs no
spacing (delay 0 and no Crawl-delay) a lane runs `concurrency` workers instead of one.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncGenerator, Mapping, Sequence
from dataclasses import dataclass

from pagevault.fetch.client import Connections
from pagevault.fetch.exchange import Session, Validators, fetch_url
from pagevault.fetch.model import FetchOptions, FetchResult
from pagevault.fetch.pacing import HostPacer
from pagevault.fetch.policy import origin_of, split_url
from pagevault.fetch.trace import Limits, rejected


@dataclass(frozen=True)
class _Crash:
    """A bug in a lane: re-raised by the generator rather than hanging the run."""

    error: BaseException


async def fetch_all(
    urls: Sequence[str], options: FetchOptions, validators: Mapping[str, Validators]
) -> AsyncGenerator[FetchResult, None]:
    """Fetch every URL; yield each result as soon as it is known."""
    lanes, invalid = _lanes(urls)
    for url, problem in invalid:
        yield rejected(url, problem)
    if not lanes:
        return
    session = Session(
        options=options,
        connections=Connections(options.http2, pool_size=options.concurrency * 2),
        pacer=HostPacer(options.delay),
        semaphore=asyncio.Semaphore(options.concurrency),
    )
    # Bounded: when the consumer (storing, parsing) is slower than the network, lanes
    # wait instead of piling up bodies of up to max_body_bytes each in memory.
    results: asyncio.Queue[FetchResult | _Crash] = asyncio.Queue(maxsize=options.concurrency)
    tasks = [
        asyncio.create_task(_run_lane(origin, lane, session, validators, results))
        for origin, lane in lanes.items()
    ]
    try:
        for _ in range(sum(len(lane) for lane in lanes.values())):
            item = await results.get()
            if isinstance(item, _Crash):
                raise item.error
            yield item
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await session.aclose()


def _lanes(urls: Sequence[str]) -> tuple[dict[str, deque[str]], list[tuple[str, str]]]:
    """Group URLs by origin, keeping their order; URLs that cannot be fetched apart."""
    lanes: dict[str, deque[str]] = {}
    invalid: list[tuple[str, str]] = []
    for url in urls:
        parts, problem = split_url(url)
        if parts is None:
            invalid.append((url, problem or "invalid URL"))
        else:
            lanes.setdefault(origin_of(parts), deque()).append(url)
    return lanes, invalid


async def _run_lane(
    origin: str,
    urls: deque[str],
    session: Session,
    validators: Mapping[str, Validators],
    results: asyncio.Queue[FetchResult | _Crash],
) -> None:
    try:
        host = _host(origin)
        if not session.options.ignore_robots:
            # robots.txt first: its Crawl-delay decides whether the lane may run wide.
            async with session.semaphore:
                await session.robots.rules(origin)
        width = 1 if session.pacer.delay(host) > 0 else session.options.concurrency
        workers = [
            _lane_worker(host, urls, session, validators, results)
            for _ in range(min(width, len(urls)))
        ]
        await asyncio.gather(*workers)
    except Exception as exc:  # a bug: surface it instead of leaving the run waiting
        await results.put(_Crash(exc))


async def _lane_worker(
    host: str,
    urls: deque[str],
    session: Session,
    validators: Mapping[str, Validators],
    results: asyncio.Queue[FetchResult | _Crash],
) -> None:
    limits = Limits.for_pages(session.options)
    while urls:
        url = urls.popleft()
        await session.pacer.wait_ready(host)
        async with session.semaphore:
            result = await fetch_url(url, session, limits, validators.get(url, (None, None)))
        await results.put(result)


def _host(origin: str) -> str:
    parts, _ = split_url(origin)
    return (parts.hostname or "") if parts else ""
