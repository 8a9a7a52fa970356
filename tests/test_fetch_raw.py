"""The fetcher against hostile or broken servers (raw sockets on 127.0.0.1, tests/loopback.py).

Slow drip and silence end at the deadline (RELIABILITY.md rule 4); bombs stop at the
decoded-size cap with bounded memory (rule 5); lying Content-Length is recorded as a
truncation (rule 9); the global concurrency limit holds at the server.
"""

from __future__ import annotations

import asyncio
import gzip
import itertools
import re
import time
from collections.abc import Callable
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest

import pagevault.fetch.run  # noqa: F401 - imports httpx now, so bomb tests measure the fetch only
from pagevault.fetch import FetchOptions, FetchResult, fetch_one, fetch_urls
from tests.loopback import Seen, bomb_chunks, response_head, send, serving, stream

FAST = FetchOptions(delay=0.0, deadline=5.0, ignore_robots=True)


def _status_kib(field: str) -> int:
    match = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M)
    assert match is not None
    return int(match.group(1))


def _peak_growth_mib(action: Callable[[], FetchResult]) -> tuple[FetchResult, float]:
    """Run `action`; return its result and how far peak RSS rose above the start (MiB)."""
    before = _status_kib("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM, the peak RSS, to now
    result = action()
    return result, (_status_kib("VmHWM") - before) / 1024


def test_slow_drip_ends_at_the_deadline_as_truncated() -> None:
    async def drip(seen: Seen, writer: asyncio.StreamWriter) -> None:
        await send(writer, response_head(200, {"Content-Length": "100"}))
        for _ in range(100):
            await send(writer, b"x")
            await asyncio.sleep(1.0)

    with serving(drip) as server:
        started = time.monotonic()
        result = fetch_one(
            server.url("/drip"), FetchOptions(delay=0.0, deadline=2.0, ignore_robots=True)
        )
        elapsed = time.monotonic() - started
    assert elapsed < 2.2  # httpx alone kept such a request alive for 12 s (rule 4)
    assert (result.status, result.truncation) == ("truncated", "deadline")
    assert result.error == "deadline 2.0s exceeded"
    assert result.body in (b"xx", b"xxx")


def test_accept_then_silence_fails_at_the_deadline() -> None:
    async def silent(seen: Seen, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(60)

    with serving(silent) as server:
        started = time.monotonic()
        result = fetch_one(
            server.url("/"), FetchOptions(delay=0.0, deadline=1.0, ignore_robots=True)
        )
        elapsed = time.monotonic() - started
    assert 1.0 <= elapsed < 1.1 + 0.2
    assert (result.status, result.http_status, result.truncation) == ("failed", None, None)
    assert result.error == "deadline 1.0s exceeded"


def test_content_length_longer_than_the_body_is_a_disconnect() -> None:
    async def short(seen: Seen, writer: asyncio.StreamWriter) -> None:
        await send(writer, response_head(200, {"Content-Length": "1000"}) + b"a" * 100)

    with serving(short) as server:
        result = fetch_one(server.url("/"), FAST)
    assert (result.status, result.truncation) == ("truncated", "disconnect")
    assert result.body == b"a" * 100
    assert result.error is not None and "disconnect" in result.error


def test_content_length_shorter_than_the_body_stops_at_the_declared_length() -> None:
    async def long(seen: Seen, writer: asyncio.StreamWriter) -> None:
        await send(writer, response_head(200, {"Content-Length": "10"}) + b"b" * 100)

    with serving(long) as server:
        result = fetch_one(server.url("/"), FAST)
    assert (result.status, result.body) == ("ok", b"b" * 10)


def test_wire_cap_cuts_the_raw_body() -> None:
    async def big(seen: Seen, writer: asyncio.StreamWriter) -> None:
        await send(writer, response_head(200) + b"c" * 50_000)

    with serving(big) as server:
        options = FetchOptions(delay=0.0, deadline=5.0, ignore_robots=True, max_wire_bytes=1000)
        result = fetch_one(server.url("/"), options)
    assert (result.status, result.truncation) == ("truncated", "wire-cap")
    assert result.body == b"c" * 1000


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "zstd"])
def test_bomb_stops_at_the_body_cap_with_bounded_memory(coding: str) -> None:
    async def bomb(seen: Seen, writer: asyncio.StreamWriter) -> None:
        await send(writer, response_head(200, {"Content-Encoding": coding}))
        await stream(writer, bomb_chunks(coding))

    cap = 5 * 2**20
    options = FetchOptions(delay=0.0, deadline=20.0, ignore_robots=True, max_body_bytes=cap)
    with serving(bomb) as server:
        result, growth = _peak_growth_mib(lambda: fetch_one(server.url("/bomb"), options))
    assert (result.status, result.truncation, result.body_coding) == (
        "truncated",
        "body-cap",
        coding,
    )
    assert len(result.body) == cap and result.body.count(0) == cap
    assert growth < 64, f"peak RSS grew {growth:.0f} MiB decoding a {coding} bomb"


def _one_response(head: bytes, body: bytes) -> Callable[[Seen, asyncio.StreamWriter], object]:
    async def respond(seen: Seen, writer: asyncio.StreamWriter) -> None:
        await send(writer, head + body)

    return respond


def test_gzip_then_br_is_decoded() -> None:
    page = "<p>Réfugiés</p>".encode() * 500
    body = brotli.compress(gzip.compress(page))
    head = response_head(200, {"Content-Encoding": "gzip, br", "Content-Length": str(len(body))})
    with serving(_one_response(head, body)) as server:  # type: ignore[arg-type]
        result = fetch_one(server.url("/"), FAST)
    assert (result.status, result.body_coding, result.body) == ("ok", "gzip, br", page)
    assert server.requests[0].headers["accept-encoding"] == "gzip, deflate, br, zstd"


def test_gzip_stream_cut_short_is_kept_as_truncated() -> None:
    """A server that cuts the gzip stream but sends a matching Content-Length: the
    transfer ends cleanly, yet the page is only a prefix of itself."""
    page = "".join(f"<p>{n} réfugiés</p>" for n in range(3000)).encode()
    body = gzip.compress(page)[:-100]
    head = response_head(200, {"Content-Encoding": "gzip", "Content-Length": str(len(body))})
    with serving(_one_response(head, body)) as server:  # type: ignore[arg-type]
        result = fetch_one(server.url("/"), FAST)
    assert (result.status, result.truncation) == ("truncated", "incomplete-coding")
    assert result.error == "gzip stream ends before its end marker"
    assert 0 < len(result.body) < len(page) and page.startswith(result.body)


def test_three_codings_are_refused() -> None:
    body = gzip.compress(gzip.compress(gzip.compress(b"deep")))
    head = response_head(200, {"Content-Encoding": "gzip, gzip, gzip"})
    with serving(_one_response(head, body)) as server:  # type: ignore[arg-type]
        result = fetch_one(server.url("/"), FAST)
    assert (result.status, result.http_status, result.body) == ("failed", 200, b"")
    assert result.error == "refused 3 stacked content codings (gzip, gzip, gzip)"


def test_concurrency_limit_holds_at_the_server() -> None:
    async def slow(seen: Seen, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(0.3)
        await send(writer, response_head(200, {"Content-Length": "2"}) + b"ok")

    options = FetchOptions(delay=0.0, deadline=5.0, ignore_robots=True, concurrency=3)
    with serving(slow) as server:
        urls = [server.url(f"/p{i}") for i in range(9)]

        async def collect() -> list[FetchResult]:
            return [result async for result in fetch_urls(urls, options)]

        results = asyncio.run(collect())
    assert sorted(r.requested_url for r in results) == sorted(urls)
    assert all(r.status == "ok" for r in results)
    assert server.peak == 3  # parallel, but never more than the limit


def test_politeness_delay_spaces_requests_to_one_host() -> None:
    async def quick(seen: Seen, writer: asyncio.StreamWriter) -> None:
        await send(writer, response_head(200, {"Content-Length": "2"}) + b"ok")

    delay = 0.5
    options = FetchOptions(delay=delay, deadline=5.0, ignore_robots=True)
    with serving(quick) as server:
        urls = [server.url(f"/q{i}") for i in range(3)]

        async def collect() -> list[FetchResult]:
            return [result async for result in fetch_urls(urls, options)]

        asyncio.run(collect())
    arrivals = [seen.at for seen in server.requests]
    assert len(arrivals) == 3
    # The pacer spaces request *starts* (its arithmetic is tested with a fake clock in
    # test_fetch_policy); the server sees arrivals, each late by its own latency. A
    # loaded machine delays one request by tens of milliseconds, so the bound leaves
    # 0.15 s for that: without pacing the three requests arrive within milliseconds.
    assert min(b - a for a, b in itertools.pairwise(arrivals)) >= delay - 0.15
