"""Per-URL bounds (Limits) and state (Trace): what one URL's exchange has learnt so far.

`Trace.result` is the one place a FetchResult is assembled, so every outcome carries
the same provenance: redirect chain, final status and headers, coding, robots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from pagevault.fetch.client import Reply
from pagevault.fetch.decoding import CappedBuffer
from pagevault.fetch.model import (
    SELECTED_HEADERS,
    FetchOptions,
    FetchResult,
    FetchStatus,
    Hop,
    RobotsOutcome,
    Truncation,
)
from pagevault.fetch.robots import ROBOTS_MAX_BYTES, ROBOTS_MAX_REDIRECTS, ROBOTS_TIMEOUT

PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
ROBOTS_ACCEPT = "text/plain,*/*;q=0.8"


@dataclass(frozen=True)
class Limits:
    """Bounds for one URL's exchange; pages and robots.txt get different ones."""

    deadline: float
    connect_timeout: float
    read_timeout: float
    max_redirects: int
    max_wire_bytes: int
    max_body_bytes: int
    attempts: int
    retry_budget: float
    check_robots: bool
    accept: str

    @classmethod
    def for_pages(cls, o: FetchOptions) -> Limits:
        return cls(
            o.deadline, o.connect_timeout, o.read_timeout, o.max_redirects,
            o.max_wire_bytes, o.max_body_bytes, o.attempts, o.retry_budget,
            check_robots=not o.ignore_robots, accept=PAGE_ACCEPT,
        )  # fmt: skip

    @classmethod
    def for_robots(cls, o: FetchOptions) -> Limits:
        # Small and quick: robots.txt must never cost a page its own deadline.
        short = min(ROBOTS_TIMEOUT, o.deadline)
        return cls(
            short, min(o.connect_timeout, short), min(o.read_timeout, short),
            ROBOTS_MAX_REDIRECTS, ROBOTS_MAX_BYTES, ROBOTS_MAX_BYTES,
            attempts=1, retry_budget=0.0, check_robots=False, accept=ROBOTS_ACCEPT,
        )  # fmt: skip


@dataclass
class Trace:
    """What one URL's exchange has learnt so far; turned into the FetchResult."""

    requested_url: str
    limits: Limits
    url: str = ""
    fetched_at: str = ""
    hops: list[Hop] = field(default_factory=list)
    robots: RobotsOutcome | None = None
    http_status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: CappedBuffer | None = None
    coding: str = "identity"
    waited: float = 0.0
    deadline_at: float = 0.0

    def take_reply(self, reply: Reply) -> None:
        self.http_status = reply.status
        self.headers = {name: v for name in SELECTED_HEADERS if (v := reply.header(name))}
        self.body, self.coding = None, "identity"

    def result(
        self, status: FetchStatus, error: str | None = None, truncation: Truncation | None = None
    ) -> FetchResult:
        keep = status in ("ok", "truncated") and self.body is not None
        return FetchResult(
            requested_url=self.requested_url,
            final_url=self.url or self.requested_url,
            redirects=tuple(self.hops),
            status=status,
            http_status=self.http_status,
            headers=dict(self.headers),
            body=self.body.data if keep and self.body else b"",
            body_coding=self.coding,
            truncation=truncation,
            error=None if error is None else one_line(error),
            fetched_at=self.fetched_at or utc_now(),
            robots=self.robots,
        )

    def failed(self, error: str) -> FetchResult:
        return self.result("failed", error)

    def cut_short(self, reason: Truncation, error: str) -> FetchResult:
        """The body stopped early: keep what arrived, or fail if nothing did."""
        if self.body is not None and self.body.size:
            return self.result("truncated", error, truncation=reason)
        return self.failed(error)


def rejected(url: str, problem: str) -> FetchResult:
    """The result for a URL refused before any request (no scheme or host, bad scheme)."""
    return FetchResult(
        requested_url=url, final_url=url, redirects=(), status="failed", http_status=None,
        headers={}, body=b"", body_coding="identity", truncation=None,
        error=one_line(problem), fetched_at=utc_now(), robots=None,
    )  # fmt: skip


def utc_now() -> str:
    # Microseconds: two checks of one page within a second must still be ordered
    # (``diff URL`` and ``--at`` look for the snapshot strictly before another).
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."
