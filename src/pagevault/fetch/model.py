"""What the fetcher is told (FetchOptions) and what it reports (FetchResult, Hop).

Plain frozen dataclasses with no I/O, so the store and the CLI can build and read
them without importing httpx.
"""

from __future__ import annotations

import importlib.util
import math
from dataclasses import dataclass, field, fields
from typing import Literal

from pagevault.__about__ import __version__
from pagevault.errors import FetchConfigError

FetchStatus = Literal["ok", "not_modified", "failed", "truncated", "disallowed"]
Truncation = Literal["wire-cap", "body-cap", "deadline", "disconnect", "incomplete-coding"]
RobotsOutcome = Literal["allowed", "ignored", "unavailable"]

DEFAULT_USER_AGENT = f"pagevault/{__version__} (+https://github.com/pagevault/pagevault)"

# Response headers kept on a result (lower-case names); the rest is dropped.
SELECTED_HEADERS = (
    "content-type",
    "etag",
    "last-modified",
    "content-encoding",
    "content-length",
    "date",
    "server",
    "retry-after",
    "location",
)


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch: politeness, limits and policy for one run."""

    user_agent: str = DEFAULT_USER_AGENT
    delay: float = 1.0  # min seconds between requests to one host (politeness)
    concurrency: int = 8  # global limit of requests in flight
    deadline: float = 60.0  # wall-clock seconds per URL, all attempts/redirects included
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_redirects: int = 10
    max_wire_bytes: int = 20 * 2**20  # bytes read from the socket for one body
    max_body_bytes: int = 50 * 2**20  # decoded bytes kept
    attempts: int = 3  # tries on connect errors, 429 and 5xx
    retry_budget: float = 30.0  # seconds of waiting between tries, at most
    allow_private: bool = False  # may a public page redirect into private/loopback space
    ignore_robots: bool = False
    http2: bool = False

    def __post_init__(self) -> None:
        problem = options_problem(self)
        if problem is not None:
            raise FetchConfigError(problem)


def options_problem(options: FetchOptions) -> str | None:
    """Why these options cannot work, or None."""
    positive = ("concurrency", "deadline", "connect_timeout", "read_timeout", "attempts",
                "max_wire_bytes", "max_body_bytes")  # fmt: skip
    for option in fields(options):
        value = getattr(options, option.name)
        if isinstance(value, float) and not math.isfinite(value):  # nan passes every test
            return f"fetch option {option.name} must be a finite number, got {value}"
        if option.name in positive and value <= 0:
            return f"fetch option {option.name} must be positive, got {value}"
        if option.name in ("delay", "max_redirects", "retry_budget") and value < 0:
            return f"fetch option {option.name} must not be negative, got {value}"
    if not options.user_agent.strip() or any(c in options.user_agent for c in "\r\n"):
        return "fetch option user_agent must be one non-empty line"
    if options.http2 and importlib.util.find_spec("h2") is None:
        return "HTTP/2 needs the h2 package: pip install 'httpx[http2]'"
    return None


@dataclass(frozen=True)
class Hop:
    """One redirect: the URL asked for, its 3xx status and the absolute URL it pointed to."""

    url: str
    status: int
    location: str


@dataclass(frozen=True)
class FetchResult:
    """Everything learnt from fetching one URL; never raised, always returned."""

    requested_url: str
    final_url: str
    redirects: tuple[Hop, ...]
    status: FetchStatus
    http_status: int | None
    headers: dict[str, str]  # SELECTED_HEADERS of the final response, lower-case names
    # The entity body, content-decoded (empty unless ok/truncated). Kept out of repr():
    # Python 3.11's asyncio.run reprs its main task on exit, and the repr of a 50 MB
    # body is a 200 MB string; logs should never dump page bytes either (rule 11).
    body: bytes = field(repr=False)
    body_coding: str  # "identity" or the codings that were decoded, e.g. "gzip, br"
    truncation: Truncation | None
    error: str | None  # one line: what went wrong
    fetched_at: str  # UTC ISO 8601 with microseconds, "Z"
    robots: RobotsOutcome | None  # None: robots.txt disallowed the page, or was never asked
