"""The fetcher against a real HTTP server on 127.0.0.1 (pytest-httpserver).

Conditional GET, retries, robots.txt, redirects, cookies and header pass-through.
Deadlines, delays and backoff budgets are small so the file runs in a few seconds.
"""

from __future__ import annotations

import asyncio
import gzip
import importlib.util
import ssl
import sys
import time
from collections.abc import Callable
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from pagevault.fetch import FetchOptions, FetchResult, fetch_one, fetch_urls
from pagevault.fetch.client import Connections

FAST = FetchOptions(delay=0.0, deadline=5.0, ignore_robots=True, retry_budget=3.0)


def fetch_all(urls: list[str], options: FetchOptions) -> list[FetchResult]:
    async def collect() -> list[FetchResult]:
        return [result async for result in fetch_urls(urls, options)]

    return asyncio.run(collect())


def paths(server: HTTPServer) -> list[str]:
    return [request.path for request, _ in server.log]


def test_200_keeps_body_and_selected_headers(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/page").respond_with_data(
        "<h1>Campaign</h1>",
        content_type="text/html; charset=utf-8",
        headers={
            "ETag": '"v1"',
            "X-Secret": "dropped",
            "Last-Modified": "Mon, 05 Jan 2026 10:00:00 GMT",
        },
    )
    result = fetch_one(httpserver.url_for("/page"), FAST)
    assert (result.status, result.http_status, result.error) == ("ok", 200, None)
    assert result.body == b"<h1>Campaign</h1>"
    assert result.body_coding == "identity"
    assert result.headers["content-type"] == "text/html; charset=utf-8"
    assert result.headers["etag"] == '"v1"'
    assert result.headers["last-modified"] == "Mon, 05 Jan 2026 10:00:00 GMT"
    assert "x-secret" not in result.headers
    assert result.robots == "ignored"
    assert result.fetched_at.endswith("Z") and len(result.fetched_at) == 27
    request = httpserver.log[0][0]
    assert request.headers["User-Agent"].startswith("pagevault/")
    assert "gzip" in request.headers["Accept-Encoding"]


def _conditional(header: str, value: str, validator: str) -> Callable[[Request], Response]:
    def handler(request: Request) -> Response:
        if request.headers.get(header) == value:
            return Response(status=304)
        return Response("<p>page</p>", headers={validator: value}, content_type="text/html")

    return handler


def test_etag_gives_not_modified_on_the_second_fetch(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/e").respond_with_handler(
        _conditional("If-None-Match", '"abc"', "ETag")
    )
    first = fetch_one(httpserver.url_for("/e"), FAST)
    second = fetch_one(httpserver.url_for("/e"), FAST, etag=first.headers["etag"])
    assert (first.status, first.body) == ("ok", b"<p>page</p>")
    assert (second.status, second.http_status, second.body) == ("not_modified", 304, b"")


def test_last_modified_gives_not_modified_on_the_second_fetch(httpserver: HTTPServer) -> None:
    stamp = "Tue, 06 Jan 2026 08:00:00 GMT"
    httpserver.expect_request("/lm").respond_with_handler(
        _conditional("If-Modified-Since", stamp, "Last-Modified")
    )
    first = fetch_one(httpserver.url_for("/lm"), FAST)
    second = fetch_one(
        httpserver.url_for("/lm"), FAST, last_modified=first.headers["last-modified"]
    )
    assert first.status == "ok"
    assert second.status == "not_modified"


def test_429_retry_after_is_waited_then_ok(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"}
    )
    httpserver.expect_request("/busy").respond_with_data("fine")
    started = time.monotonic()
    result = fetch_one(httpserver.url_for("/busy"), FAST)
    elapsed = time.monotonic() - started
    assert (result.status, result.body) == ("ok", b"fine")
    assert 1.0 <= elapsed < 2.5  # the server's second honoured, and no more
    assert paths(httpserver) == ["/busy", "/busy"]


def test_retry_after_beyond_the_budget_fails_at_once(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/later").respond_with_data(
        "", status=503, headers={"Retry-After": "3600"}
    )
    started = time.monotonic()
    result = fetch_one(httpserver.url_for("/later"), FAST)
    assert time.monotonic() - started < 1.0
    assert result.status == "failed" and result.http_status == 503
    assert result.error is not None and "Retry-After 3600s" in result.error
    assert result.headers["retry-after"] == "3600"


def test_503_twice_then_200_is_ok(httpserver: HTTPServer) -> None:
    for _ in range(2):
        httpserver.expect_oneshot_request("/flaky").respond_with_data("down", status=503)
    httpserver.expect_request("/flaky").respond_with_data("up")
    result = fetch_one(httpserver.url_for("/flaky"), FAST)
    assert (result.status, result.http_status, result.body) == ("ok", 200, b"up")
    assert len(httpserver.log) == 3


def test_500_forever_fails_after_the_attempts_in_bounded_time(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    started = time.monotonic()
    result = fetch_one(httpserver.url_for("/broken"), FAST)
    assert time.monotonic() - started < 3.0  # backoff 0.5 s then 1 s at most
    assert (result.status, result.http_status) == ("failed", 500)
    assert result.error == "HTTP 500 after 3 attempts"
    assert result.body == b""
    assert len(httpserver.log) == 3


def test_connect_error_is_retried_then_reported(httpserver: HTTPServer) -> None:
    closed_port = httpserver.port  # nothing listens here once the server stops
    httpserver.stop()
    try:
        result = fetch_one(f"http://127.0.0.1:{closed_port}/", FAST)
    finally:
        httpserver.start()
    assert result.status == "failed" and result.http_status is None
    assert result.error is not None
    assert result.error.startswith("connect error:") and result.error.endswith("after 3 attempts")


def test_robots_disallow_means_no_page_request(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private\n", content_type="text/plain"
    )
    httpserver.expect_request("/private/report").respond_with_data("secret")
    httpserver.expect_request("/public").respond_with_data("hello")
    options = FetchOptions(delay=0.0, deadline=5.0)
    urls = [httpserver.url_for("/private/report"), httpserver.url_for("/public")]
    results = {r.requested_url: r for r in fetch_all(urls, options)}
    blocked = results[httpserver.url_for("/private/report")]
    assert (blocked.status, blocked.http_status, blocked.body) == ("disallowed", None, b"")
    assert results[httpserver.url_for("/public")].robots == "allowed"
    assert "/private/report" not in paths(httpserver)
    assert paths(httpserver).count("/robots.txt") == 1  # cached for the run


def test_robots_crawl_delay_spaces_requests_to_one_host(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 1\n")
    arrivals: list[float] = []

    def page(request: Request) -> Response:
        arrivals.append(time.monotonic())
        return Response("page")

    httpserver.expect_request("/a").respond_with_handler(page)
    httpserver.expect_request("/b").respond_with_handler(page)
    options = FetchOptions(delay=0.0, deadline=5.0)
    results = fetch_all([httpserver.url_for("/a"), httpserver.url_for("/b")], options)
    assert [r.status for r in results] == ["ok", "ok"]
    assert len(arrivals) == 2
    assert arrivals[1] - arrivals[0] >= 0.95  # Crawl-delay 1 s, though --delay was 0


def test_robots_server_error_is_unavailable_but_allowed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=503)
    httpserver.expect_request("/p").respond_with_data("page")
    result = fetch_one(httpserver.url_for("/p"), FetchOptions(delay=0.0, deadline=5.0))
    assert (result.status, result.robots) == ("ok", "unavailable")


def test_robots_txt_cut_short_is_unavailable_not_its_first_lines(httpserver: HTTPServer) -> None:
    # The lines kept would allow /private: a robots.txt cut short may have lost its rules.
    rules = "User-agent: *\nAllow: /\n" + "".join(f"Disallow: /x{n}\n" for n in range(2000))
    rules += "Disallow: /private\n"
    body = gzip.compress(rules.encode())[:-50]
    httpserver.expect_request("/robots.txt").respond_with_data(
        body, headers={"Content-Encoding": "gzip"}, content_type="text/plain"
    )
    httpserver.expect_request("/private").respond_with_data("page")
    result = fetch_one(httpserver.url_for("/private"), FetchOptions(delay=0.0, deadline=5.0))
    assert (result.status, result.robots) == ("ok", "unavailable")


def test_ignore_robots_never_asks_for_robots_txt(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n")
    httpserver.expect_request("/p").respond_with_data("page")
    result = fetch_one(httpserver.url_for("/p"), FAST)
    assert (result.status, result.robots) == ("ok", "ignored")
    assert paths(httpserver) == ["/p"]


def _redirect(server: HTTPServer, path: str, location: str, status: int = 302) -> None:
    server.expect_request(path).respond_with_data("", status=status, headers={"Location": location})


def test_redirect_chain_of_three_is_recorded(httpserver: HTTPServer) -> None:
    _redirect(httpserver, "/r1", "/r2", 301)
    _redirect(httpserver, "/r2", httpserver.url_for("/r3"), 302)
    _redirect(httpserver, "/r3", "final", 307)  # relative to /r3
    httpserver.expect_request("/final").respond_with_data("arrived")
    result = fetch_one(httpserver.url_for("/r1"), FAST)
    assert (result.status, result.body) == ("ok", b"arrived")
    assert result.final_url == httpserver.url_for("/final")
    assert [(hop.url, hop.status, hop.location) for hop in result.redirects] == [
        (httpserver.url_for("/r1"), 301, httpserver.url_for("/r2")),
        (httpserver.url_for("/r2"), 302, httpserver.url_for("/r3")),
        (httpserver.url_for("/r3"), 307, httpserver.url_for("/final")),
    ]


def test_redirect_loop_is_stopped(httpserver: HTTPServer) -> None:
    _redirect(httpserver, "/ping", "/pong")
    _redirect(httpserver, "/pong", "/ping")
    result = fetch_one(httpserver.url_for("/ping"), FAST)
    assert result.status == "failed"
    assert result.error is not None and result.error.startswith("redirect loop")
    assert len(result.redirects) == 2
    assert len(httpserver.log) == 2


def test_too_many_redirects(httpserver: HTTPServer) -> None:
    for hop in range(10):
        _redirect(httpserver, f"/h{hop}", f"/h{hop + 1}")
    options = FetchOptions(delay=0.0, deadline=5.0, ignore_robots=True, max_redirects=3)
    result = fetch_one(httpserver.url_for("/h0"), options)
    assert (result.status, result.error) == ("failed", "too many redirects (4)")
    assert len(httpserver.log) == 4


@pytest.mark.parametrize(
    ("location", "scheme"),
    [
        ("file:///etc/passwd", "file"),
        ("ftp://example.org/pub", "ftp"),
        ("data:text/html,hi", "data"),
    ],
)
def test_redirect_to_other_schemes_is_refused(
    httpserver: HTTPServer, location: str, scheme: str
) -> None:
    _redirect(httpserver, "/jump", location)
    result = fetch_one(httpserver.url_for("/jump"), FAST)
    assert (result.status, result.error) == ("failed", f"refused scheme {scheme}")
    assert result.redirects[-1].location == location
    assert result.body == b""


def test_loopback_redirect_allowed_but_metadata_never(httpserver: HTTPServer) -> None:
    # A public host cannot run here; check_target's unit tests cover public -> private.
    _redirect(httpserver, "/to-local", f"http://localhost:{httpserver.port}/home")
    httpserver.expect_request("/home").respond_with_data("home")
    _redirect(httpserver, "/to-metadata", "http://169.254.169.254/latest/meta-data/")
    allow = FetchOptions(delay=0.0, deadline=5.0, ignore_robots=True, allow_private=True)
    local = fetch_one(httpserver.url_for("/to-local"), allow)
    metadata = fetch_one(httpserver.url_for("/to-metadata"), allow)
    assert (local.status, local.body) == ("ok", b"home")
    assert metadata.status == "failed"
    assert metadata.error == "refused link-local or metadata address 169.254.169.254"


def test_no_cookie_crosses_urls(httpserver: HTTPServer) -> None:
    seen: dict[str, str | None] = {}

    def remember(request: Request) -> Response:
        seen[request.path] = request.headers.get("Cookie")
        return Response("ok")

    httpserver.expect_request("/set").respond_with_data(
        "", status=302, headers={"Set-Cookie": "session=abc; Path=/", "Location": "/same-url"}
    )
    httpserver.expect_request("/same-url").respond_with_handler(remember)
    httpserver.expect_request("/next-url").respond_with_handler(remember)
    options = FetchOptions(delay=0.0, deadline=5.0, ignore_robots=True, concurrency=1)
    results = fetch_all([httpserver.url_for("/set"), httpserver.url_for("/next-url")], options)
    assert [r.status for r in results] == ["ok", "ok"]
    assert seen["/same-url"] == "session=abc"  # within one URL's redirects the jar works...
    assert seen["/next-url"] is None  # ...but the next URL starts with an empty one


@pytest.mark.parametrize(
    "content_type",
    ["text/html; charset=utf-8", "text/html", "text/html; charset=iso-8859-1; charset=utf-8"],
)
def test_charset_header_and_body_bytes_pass_through(
    httpserver: HTTPServer, content_type: str
) -> None:
    body = "Réfugiés – 43,7 millions".encode("cp1252")  # not what the header claims
    httpserver.expect_request("/enc").respond_with_response(
        Response(body, headers={"Content-Type": content_type})
    )
    result = fetch_one(httpserver.url_for("/enc"), FAST)
    assert result.headers["content-type"] == content_type
    assert result.body == body


def test_http_errors_and_invalid_urls_are_results(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data("gone", status=410)
    too_long = "http://" + "a" * 70 + ".example/"  # a DNS label IDNA refuses to encode
    urls = ["example.org/no-scheme", "gopher://old.example/", too_long, httpserver.url_for("/gone")]
    results = {r.requested_url: r for r in fetch_all(urls, FAST)}
    assert results["example.org/no-scheme"].error == "invalid URL example.org/no-scheme: no scheme"
    assert results["gopher://old.example/"].error == "refused scheme gopher"
    assert (results[too_long].error or "").startswith("connect error: cannot resolve")
    gone = results[httpserver.url_for("/gone")]
    assert (gone.status, gone.http_status, gone.error, gone.body) == (
        "failed",
        410,
        "HTTP 410",
        b"",
    )


def test_an_http_run_loads_no_ca_certificates(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The TLS pool (tens of ms of CA certificates) is made for the first https URL only."""

    def refuse(*args: object, **kwargs: object) -> ssl.SSLContext:
        raise AssertionError("CA certificates loaded for an http URL")

    monkeypatch.setattr(ssl, "create_default_context", refuse)
    httpserver.expect_request("/page").respond_with_data("<h1>x</h1>", content_type="text/html")
    result = fetch_one(httpserver.url_for("/page"), FAST)
    assert (result.status, result.body) == ("ok", b"<h1>x</h1>")


def test_an_https_url_gets_a_verifying_tls_context(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[ssl.SSLContext] = []
    real = ssl.create_default_context

    def record(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(ssl, "create_default_context", record)
    connections = Connections(http2=False, pool_size=2)
    assert connections.transport(tls=True) is connections.transport(tls=True)
    assert len(made) == 1 and made[0].verify_mode == ssl.CERT_REQUIRED and made[0].check_hostname
    plain = _context_of(connections.transport(tls=False))
    assert plain.verify_mode == ssl.CERT_REQUIRED and plain.get_ca_certs() == []
    asyncio.run(connections.aclose())


def _context_of(transport: Any) -> ssl.SSLContext:
    context: ssl.SSLContext = transport._pool._ssl_context
    return context


@pytest.mark.skipif(importlib.util.find_spec("sniffio") is not None, reason="sniffio installed")
def test_a_missing_sniffio_is_looked_for_once() -> None:
    Connections(http2=False, pool_size=1)
    with pytest.raises(ModuleNotFoundError):
        import sniffio  # noqa: F401
    assert sys.modules["sniffio"] is None
