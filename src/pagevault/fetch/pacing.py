"""Politeness and retry timing: per-host spacing of requests, backoff, Retry-After.

Spacing is start-to-start: a request to a host may start no sooner than `delay`
seconds after the previous one started (the robots Crawl-delay raises the delay
for its host; a Retry-After or a backoff pushes the host's next slot later).
Slots are reserved synchronously, so two coroutines never get the same one.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

BACKOFF_BASE = 0.5  # seconds before the second try; doubles for each later one


class HostPacer:
    """Next allowed request start, per host name."""

    def __init__(self, default_delay: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._default = default_delay
        self._clock = clock
        self._delays: dict[str, float] = {}
        self._next: dict[str, float] = {}

    def delay(self, host: str) -> float:
        return self._delays.get(host, self._default)

    def set_delay(self, host: str, seconds: float) -> None:
        """Raise the spacing for `host` (Crawl-delay); it never drops below the default."""
        self._delays[host] = max(self._default, seconds)

    def ready_in(self, host: str) -> float:
        """Seconds until a request to `host` may start."""
        return max(0.0, self._next.get(host, 0.0) - self._clock())

    def hold_off(self, host: str, seconds: float) -> None:
        """No request to `host` before `seconds` from now (Retry-After, backoff)."""
        self._next[host] = max(self._next.get(host, 0.0), self._clock() + seconds)

    def reserve(self, host: str) -> float:
        """Take the next slot for `host`; return how long to wait for it."""
        now = self._clock()
        start = max(now, self._next.get(host, 0.0))
        self._next[host] = start + self.delay(host)
        return start - now

    async def turn(self, host: str) -> None:
        """Wait for, and use, the next slot for `host`."""
        wait = self.reserve(host)
        if wait > 0:
            await asyncio.sleep(wait)

    async def wait_ready(self, host: str) -> None:
        """Sleep until `host` could take a request, without reserving the slot."""
        wait = self.ready_in(host)
        if wait > 0:
            await asyncio.sleep(wait)


def backoff(attempt: int) -> float:
    """Seconds to wait after failed try number `attempt` (1-based): exponential, jittered."""
    return BACKOFF_BASE * 2.0 ** (attempt - 1) * random.uniform(0.5, 1.0)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP-date), or None."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds: float = (when - (now or datetime.now(UTC))).total_seconds()
    return max(0.0, seconds)
