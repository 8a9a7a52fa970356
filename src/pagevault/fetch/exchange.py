"""Fetching one URL: robots, politeness, redirects, retries and the bounded body read.

For each URL: check it; ask its origin's robots.txt; wait for the host's slot; then,
under one wall-clock deadline (RELIABILITY.md rule 4, httpx timeouts are per read),
send GETs, following redirects by hand (rule 6) with the address policy re-checked on
every hop and connections made only to the addresses it accepted (rule 7), retrying
connect errors, 429 and 5xx, and reading the body raw through the bounded decoder
(rule 5). Every outcome is a FetchResult; nothing raises.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from pagevault.fetch.body import read_body
from pagevault.fetch.client import ConnectFailure, Connections, Conversation, Reply, RequestFailure
from pagevault.fetch.decoding import accept_encoding
from pagevault.fetch.model import FetchOptions, FetchResult, Hop
from pagevault.fetch.pacing import HostPacer, backoff, parse_retry_after
from pagevault.fetch.policy import (
    IPAddress,
    check_target,
    default_port,
    is_public,
    origin_of,
    resolve_host,
    shorten,
    split_url,
)
from pagevault.fetch.robots import (
    UNAVAILABLE,
    RobotsCache,
    RobotsRules,
    rules_from_response,
)
from pagevault.fetch.trace import Limits, Trace, rejected, utc_now

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
Validators = tuple[str | None, str | None]


@dataclass
class Session:
    """State shared by every URL of one run."""

    options: FetchOptions
    connections: Connections
    pacer: HostPacer
    semaphore: asyncio.Semaphore
    robots: RobotsCache = field(init=False)

    def __post_init__(self) -> None:
        self.robots = RobotsCache(self._load_robots)

    async def _load_robots(self, origin: str) -> RobotsRules:
        result = await fetch_url(f"{origin}/robots.txt", self, Limits.for_robots(self.options))
        rules = _robots_rules(result)
        crawl_delay = rules.crawl_delay(self.options.user_agent)
        if crawl_delay:
            # A Crawl-delay of hours would stall the run: capped by the per-URL deadline.
            host = urlsplit(origin).hostname or ""
            self.pacer.set_delay(host, min(crawl_delay, self.options.deadline))
        return rules

    async def aclose(self) -> None:
        await self.robots.aclose()
        await self.connections.aclose()


def _robots_rules(result: FetchResult) -> RobotsRules:
    # A cut-off robots.txt may have lost its Disallow lines: only size caps are parsed.
    if result.truncation in ("deadline", "disconnect", "incomplete-coding"):
        return UNAVAILABLE
    if result.status == "failed" and result.http_status and 200 <= result.http_status < 300:
        return UNAVAILABLE
    return rules_from_response(result.http_status, result.body)


@dataclass(frozen=True)
class _Redirect:
    status: int
    target: str


@dataclass(frozen=True)
class _Retry:
    reason: str
    retry_after: float | None


async def fetch_url(
    url: str, session: Session, limits: Limits, validators: Validators = (None, None)
) -> FetchResult:
    """Fetch one URL under `limits`; never raises for network or HTTP trouble."""
    trace = Trace(requested_url=url, limits=limits, url=url)
    parts, problem = split_url(url)
    if parts is None:
        return rejected(url, problem or "invalid URL")
    refusal = await _robots_gate(url, trace, session)
    if refusal is not None:
        return refusal
    await session.pacer.turn(parts.hostname or "")
    trace.fetched_at = utc_now()
    try:
        async with asyncio.timeout(limits.deadline):
            trace.deadline_at = asyncio.get_running_loop().time() + limits.deadline
            return await _follow(trace, session, validators)
    except TimeoutError:
        return trace.cut_short("deadline", f"deadline {float(limits.deadline)}s exceeded")


async def _robots_gate(url: str, trace: Trace, session: Session) -> FetchResult | None:
    """None if robots.txt lets us fetch `url` (recording how), else the "disallowed" result."""
    if not trace.limits.check_robots:
        if session.options.ignore_robots:
            trace.robots = "ignored"
        return None
    parts, _ = split_url(url)
    origin = origin_of(parts) if parts else url
    rules = await session.robots.rules(origin)
    if not rules.available:
        trace.robots = "unavailable"
    elif trace.robots is None:
        trace.robots = "allowed"
    if rules.allows(url, session.options.user_agent):
        return None
    trace.robots = None
    return trace.result("disallowed", f"robots.txt of {origin} disallows {shorten(url)}")


async def _follow(trace: Trace, session: Session, validators: Validators) -> FetchResult:
    """Request trace.url and follow its redirects, vetting every target."""
    conversation = session.connections.conversation(
        trace.limits.connect_timeout, trace.limits.read_timeout
    )
    headers = _request_headers(session.options, validators, trace.limits)
    conditional = any(validators)
    came_from_public = False
    visited = {trace.url}
    ips, refusal = await _vet(trace.url, came_from_public, session)
    while True:
        if refusal is not None:
            return trace.failed(refusal)
        step = await _request_with_retries(conversation, trace, session, headers, conditional, ips)
        if isinstance(step, FetchResult):
            return step
        came_from_public = all(is_public(ip) for ip in ips)
        problem = _record_redirect(trace, step, visited)
        if problem is not None:
            return trace.failed(problem)
        trace.url = step.target
        # Vet the target before anything is sent there, robots.txt included (rule 7).
        ips, refusal = await _vet(trace.url, came_from_public, session)
        if refusal is not None:
            return trace.failed(refusal)
        refused = await _robots_gate(step.target, trace, session)
        if refused is not None:
            return refused
        await session.pacer.turn(urlsplit(step.target).hostname or "")


async def _vet(
    url: str, came_from_public: bool, session: Session
) -> tuple[list[IPAddress], str | None]:
    """Resolve the URL's host and apply the address policy (rule 7)."""
    parts, problem = split_url(url)
    if parts is None:
        return [], problem
    host = parts.hostname or ""
    port = parts.port or default_port(parts.scheme)
    try:
        ips = await resolve_host(host, port)
    except (OSError, UnicodeError) as exc:  # UnicodeError: a label IDNA cannot encode
        return [], f"connect error: cannot resolve {shorten(host, 80)}: {exc}"
    allow_private = session.options.allow_private
    return ips, check_target(url, ips, came_from_public, allow_private)


def _record_redirect(trace: Trace, step: _Redirect, visited: set[str]) -> str | None:
    """Add the hop to the chain; say why the chain must stop here, if it must."""
    trace.hops.append(Hop(url=trace.url, status=step.status, location=step.target))
    if len(trace.hops) > trace.limits.max_redirects:
        return f"too many redirects ({len(trace.hops)})"
    if step.target in visited:
        return f"redirect loop: {shorten(step.target)} again"
    visited.add(step.target)
    return None


async def _request_with_retries(
    conversation: Conversation,
    trace: Trace,
    session: Session,
    headers: dict[str, str],
    conditional: bool,
    addresses: list[IPAddress],
) -> FetchResult | _Redirect:
    """One request to trace.url (connecting only to `addresses`, vetted for it), tried
    again on connect errors, 429 and 5xx."""
    host = urlsplit(trace.url).hostname or ""
    attempt = 0
    while True:
        attempt += 1
        step = await _request_once(conversation, trace, headers, conditional, addresses)
        if not isinstance(step, _Retry):
            return step
        if attempt >= trace.limits.attempts:
            return trace.failed(f"{step.reason} after {_attempts(attempt)}")
        wait, refusal = _plan_retry(step, attempt, trace)
        if refusal is not None:
            if step.retry_after is not None:
                # Tell the host's other URLs too: the server asked everyone to wait.
                session.pacer.hold_off(host, min(step.retry_after, trace.limits.deadline))
            return trace.failed(refusal)
        trace.waited += wait
        session.pacer.hold_off(host, wait)
        await session.pacer.turn(host)


def _plan_retry(step: _Retry, attempt: int, trace: Trace) -> tuple[float, str | None]:
    """Seconds to wait before the next try, or why there will be none."""
    budget_left = max(0.0, trace.limits.retry_budget - trace.waited)
    deadline_left = trace.deadline_at - asyncio.get_running_loop().time()
    if step.retry_after is not None:
        room = min(budget_left, deadline_left)
        if step.retry_after > room:
            return 0.0, (
                f"{step.reason}; Retry-After {step.retry_after:g}s is more than the "
                f"{max(room, 0.0):.1f}s left of the retry budget and deadline"
            )
        return step.retry_after, None
    wait = min(backoff(attempt), budget_left)
    if wait >= deadline_left:
        return 0.0, f"{step.reason} after {_attempts(attempt)}; no time left before the deadline"
    return wait, None


async def _request_once(
    conversation: Conversation,
    trace: Trace,
    headers: dict[str, str],
    conditional: bool,
    addresses: list[IPAddress],
) -> FetchResult | _Redirect | _Retry:
    try:
        async with conversation.get(trace.url, headers, addresses) as reply:
            trace.take_reply(reply)
            return await _handle_reply(reply, trace, conditional)
    except ConnectFailure as exc:
        return _Retry(str(exc), None)
    except RequestFailure as exc:
        return trace.failed(str(exc))


async def _handle_reply(
    reply: Reply, trace: Trace, conditional: bool
) -> FetchResult | _Redirect | _Retry:
    """Decide from the status line; only 2xx bodies are read, the rest are closed unread."""
    status = reply.status
    if status in REDIRECT_STATUSES:
        location = reply.header("location")
        if not location:
            return trace.failed(f"HTTP {status} without Location")
        return _Redirect(status, urljoin(trace.url, location.strip()))
    if status == 429 or status >= 500:
        return _Retry(f"HTTP {status}", parse_retry_after(reply.header("retry-after")))
    if status == 304:
        if conditional:
            return trace.result("not_modified")
        return trace.failed("HTTP 304 to a request that was not conditional")
    if 200 <= status < 300:
        return await read_body(reply, trace)
    return trace.failed(f"HTTP {status}")


def _request_headers(
    options: FetchOptions, validators: Validators, limits: Limits
) -> dict[str, str]:
    """Identifying User-Agent, our own Accept-Encoding, and the conditional-GET validators.

    Validators go on every hop: they belong to the final URL of the last capture, which
    is not known in advance; a redirecting server ignores them.
    """
    headers = {
        "User-Agent": options.user_agent,
        "Accept": limits.accept,
        "Accept-Encoding": accept_encoding(),
    }
    etag, last_modified = validators
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _attempts(count: int) -> str:
    return f"{count} attempt{'s' if count > 1 else ''}"
