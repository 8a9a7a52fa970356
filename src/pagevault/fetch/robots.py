"""robots.txt: interpretation with protego and a per-run cache, one fetch per origin.

The fetch itself (bounded in size, time and redirects) is injected by the caller;
`urllib.robotparser` is not used because it fetches with no timeout or size cap and
ignores wildcards (RELIABILITY.md).

How a robots.txt response is read (the brief for pagevault, close to RFC 9309):
2xx -> its rules; 3xx left after redirects and 4xx -> allow all; 5xx, timeout or
network failure -> "unavailable": allowed, and recorded on every result.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from protego import Protego

ROBOTS_MAX_BYTES = 512 * 1024  # Google reads the first 500 KiB and ignores the rest
ROBOTS_TIMEOUT = 10.0  # seconds for the whole robots.txt exchange, at most
ROBOTS_MAX_REDIRECTS = 5  # RFC 9309 asks crawlers to follow at least five


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt allows; `parser` None means "allow everything"."""

    parser: Protego | None
    available: bool

    def allows(self, url: str, user_agent: str) -> bool:
        return self.parser is None or self.parser.can_fetch(url, user_agent)

    def crawl_delay(self, user_agent: str) -> float | None:
        return None if self.parser is None else self.parser.crawl_delay(user_agent)


ALLOW_ALL = RobotsRules(parser=None, available=True)
UNAVAILABLE = RobotsRules(parser=None, available=False)


def rules_from_response(http_status: int | None, body: bytes) -> RobotsRules:
    """Interpret a robots.txt fetch: its final status (None: no response) and body."""
    if http_status is None or http_status >= 500:
        return UNAVAILABLE
    if not 200 <= http_status < 300:
        return ALLOW_ALL
    text = body.decode("utf-8", errors="replace").lstrip("\ufeff")
    from protego import Protego  # only for a robots.txt that has rules to read

    return RobotsRules(parser=Protego.parse(text), available=True)


RobotsLoader = Callable[[str], Coroutine[Any, Any, RobotsRules]]


class RobotsCache:
    """One robots.txt fetch per origin per run, shared by every URL of that origin."""

    def __init__(self, load: RobotsLoader) -> None:
        self._load = load
        self._tasks: dict[str, asyncio.Task[RobotsRules]] = {}

    async def rules(self, origin: str) -> RobotsRules:
        task = self._tasks.get(origin)
        if task is None:
            task = asyncio.create_task(self._load(origin))
            self._tasks[origin] = task
        # Shielded: one URL hitting its deadline must not cancel the fetch others await.
        return await asyncio.shield(task)

    async def aclose(self) -> None:
        """Cancel fetches still running (the run ended early)."""
        for task in self._tasks.values():
            task.cancel()
        await asyncio.gather(*self._tasks.values(), return_exceptions=True)
