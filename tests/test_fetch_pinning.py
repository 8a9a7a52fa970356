"""Connections go only to the addresses the address policy vetted (RELIABILITY.md rule 7).

The fetcher resolves a host once, checks the addresses, and the network backend then
connects to one of those addresses, never resolving the name again: a DNS server that
answers differently the second time (DNS rebinding) gets no second question. A fake
resolver (the event loop's getaddrinfo, which both our resolution and anyio's use)
gives the names below their answers and counts the questions. A "public" address cannot
run here: 127.0.0.2 (loopback, which Linux serves on all of 127/8) plays one, by
teaching the policy's `is_public` so.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from dataclasses import dataclass, field
from ipaddress import IPv4Address, ip_address
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpcore
import pytest

from pagevault.fetch import FetchOptions, FetchResult, backend, exchange, fetch_urls, policy
from pagevault.fetch.backend import AddressRefused, QuickIdleCheckBackend, VettedAddresses
from pagevault.fetch.policy import IPAddress

LOOPBACK = "127.0.0.1"
FAKE_PUBLIC = "127.0.0.2"  # counted as public by `fake_public_address`
OPTIONS = FetchOptions(delay=0.0, deadline=5.0, connect_timeout=2.0, ignore_robots=True)

# A self-signed certificate for the name pin.test only (no IP address in it), ECDSA
# P-256, valid from 2000 to 2126 (a machine whose clock is off still accepts it): made
# with the `cryptography` package, subject and subjectAltName DNS:pin.test, server auth.
PIN_TEST_CERT = """\
-----BEGIN CERTIFICATE-----
MIIBtTCCAVygAwIBAgIUan6Y8LxJUKs/vM7vpB23vS+dxGMwCgYIKoZIzj0EAwIw
EzERMA8GA1UEAwwIcGluLnRlc3QwIBcNMDAwMTAxMDAwMDAwWhgPMjEyNjAxMDEw
MDAwMDBaMBMxETAPBgNVBAMMCHBpbi50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAE4XuilJo4O+CVGVtFv8wnFmCChFs6eDmWYaCXSGu1Uf7SzbnZrVRpZNvg
OLpl6a13nklrrcQcvE43JsKAwgaMIaOBizCBiDAdBgNVHQ4EFgQUyXcb4S85Pk1s
CwVHRfyhUcYsXDQwHwYDVR0jBBgwFoAUyXcb4S85Pk1sCwVHRfyhUcYsXDQwEwYD
VR0RBAwwCoIIcGluLnRlc3QwDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCB4Aw
EwYDVR0lBAwwCgYIKwYBBQUHAwEwCgYIKoZIzj0EAwIDRwAwRAIfF3QlRGpuANAb
2iYyCVmkev2zhAazr/zRGjDG+YRFiwIhALvb/dFTHy59dSokGJJ3J2IXaXw95JLa
O0MHAUMj2Or/
-----END CERTIFICATE-----
"""
PIN_TEST_KEY = """\
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg02KNDlltByCXeWQS
31lCX6uoRba8I0maiO+R5byEOMuhRANCAAThe6KUmjg74JUZW0W/zCcWYIKEWzp4
OZZhoJdIa7VR/tLNudmtVGlk2+A4umXprXeeSWutxBy8TjcmwoDCBowh
-----END PRIVATE KEY-----
"""


@dataclass
class FakeDns:
    """Answers for names: each question takes the next answer, the last one repeats."""

    answers: dict[str, list[str]]
    questions: list[str] = field(default_factory=list)

    def answer(self, host: str | bytes | None, port: Any) -> list[tuple[Any, ...]]:
        name = host.decode("ascii") if isinstance(host, bytes) else str(host)
        self.questions.append(name)
        try:
            ip_address(name)
        except ValueError:
            pass
        else:
            raise AssertionError(f"an IP literal was looked up: {name}")
        if name not in self.answers:
            raise socket.gaierror(socket.EAI_NONAME, f"fake DNS knows no {name}")
        queue = self.answers[name]
        ip = queue.pop(0) if len(queue) > 1 else queue[0]
        family = socket.AF_INET6 if ":" in ip else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (ip, int(port or 0)))]


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> FakeDns:
    fake = FakeDns({})

    async def loop_getaddrinfo(
        loop: asyncio.AbstractEventLoop, host: Any, port: Any, *args: Any, **kwargs: Any
    ) -> list[tuple[Any, ...]]:
        return fake.answer(host, port)

    def socket_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        return fake.answer(host, port)

    monkeypatch.setattr(asyncio.base_events.BaseEventLoop, "getaddrinfo", loop_getaddrinfo)
    monkeypatch.setattr(socket, "getaddrinfo", socket_getaddrinfo)
    return fake


@pytest.fixture
def fake_public_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.2 counts as a public address, for the policy and for the redirect logic."""
    real = policy.is_public

    def is_public(ip: IPAddress) -> bool:
        return ip == IPv4Address(FAKE_PUBLIC) or real(ip)

    monkeypatch.setattr(policy, "is_public", is_public)
    monkeypatch.setattr(exchange, "is_public", is_public)


# --- a tiny HTTP site in the test's own event loop -----------------------------------


@dataclass
class Site:
    """Fixed answers per path; every connection and request path it saw."""

    pages: dict[str, bytes]
    connections: int = 0
    paths: list[str] = field(default_factory=list)

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            path = head.split(b" ", 2)[1].decode("ascii")
            self.paths.append(path)
            writer.write(self.pages.get(path, _answer(404, b"not here")))
            await writer.drain()
        except (OSError, asyncio.IncompleteReadError, TimeoutError):
            pass  # the client hung up, as a refusing one does
        finally:
            writer.close()


def _answer(status: int, body: bytes, location: str | None = None) -> bytes:
    head = f"HTTP/1.1 {status} X\r\nConnection: close\r\nContent-Length: {len(body)}\r\n"
    if location:
        head += f"Location: {location}\r\n"
    return head.encode("ascii") + b"\r\n" + body


@asynccontextmanager
async def running(
    site: Site, host: str, port: int = 0, tls: ssl.SSLContext | None = None
) -> AsyncIterator[int]:
    server = await asyncio.start_server(site.serve, host, port, ssl=tls)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        server.close()
        await server.wait_closed()


@asynccontextmanager
async def two_sites_on_one_port(public: Site, private: Site) -> AsyncIterator[int]:
    """`public` on 127.0.0.2 and `private` on 127.0.0.1, at the same port number."""
    port, servers = await _start_both(public, private)
    try:
        yield port
    finally:
        for server in servers:
            server.close()
            await server.wait_closed()


async def _start_both(public: Site, private: Site) -> tuple[int, list[asyncio.Server]]:
    for _ in range(20):
        first = await asyncio.start_server(public.serve, FAKE_PUBLIC, 0)
        port = first.sockets[0].getsockname()[1]
        try:
            second = await asyncio.start_server(private.serve, LOOPBACK, port)
        except OSError:  # that port is taken on 127.0.0.1: pick another
            first.close()
            await first.wait_closed()
            continue
        return port, [first, second]
    raise AssertionError("no port free on both addresses")


async def fetch(*urls: str, options: FetchOptions = OPTIONS) -> list[FetchResult]:
    return [result async for result in fetch_urls(list(urls), options)]


# --- rebinding -----------------------------------------------------------------------


def redirect_to_rebind_test(dns: FakeDns, answers: list[str]) -> tuple[FetchResult, Site, Site]:
    """A public page (start.test) redirects to rebind.test, whose DNS gives `answers` in
    turn; the page there is "public page" on 127.0.0.2, "private page" on 127.0.0.1."""

    async def scenario() -> tuple[FetchResult, Site, Site]:
        public = Site({"/page": _answer(200, b"public page")})
        private = Site({"/page": _answer(200, b"private page")})
        async with two_sites_on_one_port(public, private) as port:
            target = f"http://rebind.test:{port}/page"
            public.pages["/start"] = _answer(302, b"", location=target)
            dns.answers.update({"start.test": [FAKE_PUBLIC], "rebind.test": answers})
            (result,) = await fetch(f"http://start.test:{port}/start")
            return result, public, private

    return asyncio.run(scenario())


@pytest.mark.usefixtures("fake_public_address")
def test_a_rebound_name_is_connected_at_the_public_address_it_was_vetted_at(
    dns: FakeDns,
) -> None:
    """rebind.test answers a public address to the check and would answer loopback to a
    second question: there is none, and the page comes from the vetted address."""
    result, public, private = redirect_to_rebind_test(dns, [FAKE_PUBLIC, LOOPBACK])
    assert (result.status, result.error, result.body) == ("ok", None, b"public page")
    assert private.connections == 0
    assert public.paths == ["/start", "/page"]
    assert sorted(dns.questions) == ["rebind.test", "start.test"]  # one question per hop


@pytest.mark.usefixtures("fake_public_address")
def test_a_public_redirect_to_a_name_answering_loopback_is_refused(dns: FakeDns) -> None:
    """The reverse order, loopback to the check (then public): refused, nothing sent."""
    result, public, private = redirect_to_rebind_test(dns, [LOOPBACK, FAKE_PUBLIC])
    assert result.status == "failed"
    assert result.error == "refused redirect to private address 127.0.0.1"
    assert private.connections == 0
    assert public.paths == ["/start"]


def test_a_vetted_loopback_name_is_connected_without_a_second_lookup(dns: FakeDns) -> None:
    """A URL the user gave may be private: local.test is looked up once per URL (by the
    check), and the connection uses that answer."""

    async def scenario() -> tuple[list[FetchResult], Site]:
        site = Site({"/a": _answer(200, b"a"), "/b": _answer(200, b"b")})
        async with running(site, LOOPBACK) as port:
            dns.answers["local.test"] = [LOOPBACK]
            results = await fetch(f"http://local.test:{port}/a", f"http://local.test:{port}/b")
            return results, site

    results, site = asyncio.run(scenario())
    assert sorted((r.status, r.body) for r in results) == [("ok", b"a"), ("ok", b"b")]
    assert dns.questions == ["local.test", "local.test"]
    assert site.connections == 2


# --- the backend on its own ----------------------------------------------------------


def _backend_with(host: str, port: int, *addresses: str) -> QuickIdleCheckBackend:
    vetted = VettedAddresses()
    vetted.record(host, port, [ip_address(address) for address in addresses])
    return QuickIdleCheckBackend(vetted)


@pytest.mark.parametrize("host", ["unvetted.test", LOOPBACK])
def test_connect_tcp_refuses_a_host_with_no_vetted_address(dns: FakeDns, host: str) -> None:
    """Every URL is vetted before its request is sent, so this is a bug: the backend
    refuses (it neither connects nor asks the resolver)."""

    async def connect() -> None:
        await QuickIdleCheckBackend(VettedAddresses()).connect_tcp(host, 80, timeout=2.0)

    with pytest.raises(AddressRefused, match=f"^refused {host}:80: no address vetted for it"):
        asyncio.run(connect())
    assert dns.questions == []


def _connected_address(host: str, *vetted: str) -> object:
    """The server address a pinned connection to ``host`` (vetted as ``vetted``) reaches,
    a loopback site listening."""

    async def connect() -> object:
        async with running(Site({}), LOOPBACK) as port:
            pinned = _backend_with(host, port, *vetted)
            stream = await pinned.connect_tcp(host, port, timeout=2.0)
            try:
                return stream.get_extra_info("server_addr")
            finally:
                await stream.aclose()

    return asyncio.run(connect())


def test_connect_tcp_takes_the_vetted_addresses_in_order(dns: FakeDns) -> None:
    """Nothing listens on 127.0.0.2 at that port: the next vetted address is tried."""
    address = _connected_address("two.test", FAKE_PUBLIC, LOOPBACK)
    assert isinstance(address, tuple) and address[0] == LOOPBACK
    assert dns.questions == []


def test_an_address_that_never_answers_leaves_time_for_the_next(dns: FakeDns) -> None:
    """A dead first address (a listener whose backlog is full drops the handshake, as a
    broken route does) gets its share of the connect timeout, not all of it."""

    async def connect() -> tuple[object, float]:
        async with running(Site({}), LOOPBACK) as port:
            with _silent_listener(FAKE_PUBLIC, port):
                pinned = _backend_with("dead-first.test", port, FAKE_PUBLIC, LOOPBACK)
                started = time.monotonic()
                stream = await pinned.connect_tcp("dead-first.test", port, timeout=4.0)
                elapsed = time.monotonic() - started
                try:
                    return stream.get_extra_info("server_addr"), elapsed
                finally:
                    await stream.aclose()

    address, elapsed = asyncio.run(connect())
    assert isinstance(address, tuple) and address[0] == LOOPBACK
    assert 1.5 < elapsed < 3.5  # half of the 4 s went to the dead address, then connected
    assert dns.questions == []


@contextmanager
def _silent_listener(host: str, port: int) -> Iterator[None]:
    """A socket listening on host:port whose accept queue is full: new handshakes get
    no answer (Linux drops the SYN), so a connect there waits until its timeout."""
    listener = socket.socket()
    fillers: list[socket.socket] = []
    try:
        listener.bind((host, port))
        listener.listen(0)
        for _ in range(3):
            filler = socket.socket()
            filler.setblocking(False)
            with suppress(BlockingIOError):
                filler.connect((host, port))
            fillers.append(filler)
        yield
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def test_connect_tcp_reaches_an_ipv4_mapped_address(dns: FakeDns) -> None:
    address = _connected_address("mapped.test", "::ffff:127.0.0.1")
    assert isinstance(address, tuple) and address[0] == "::ffff:127.0.0.1"
    assert dns.questions == []


def test_connect_tcp_reports_the_last_failure_when_no_address_answers(dns: FakeDns) -> None:
    async def connect() -> None:
        async with running(Site({}), LOOPBACK) as port:
            pass  # closed again: nothing listens at that port now
        await _backend_with("gone.test", port, LOOPBACK).connect_tcp("gone.test", port, 2.0)

    with pytest.raises(httpcore.ConnectError):
        asyncio.run(connect())


def test_a_peer_in_link_local_space_is_refused_after_connecting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Belt and braces: the connected socket's peer is checked again. 127.0.0.1 plays
    the metadata address 169.254.169.254 (for the backend's check only: the policy's
    vetting lets it through), so the URL fails with one line, after one connection and
    no request."""
    real = policy.always_refused_reason

    def loopback_as_metadata(ip: IPAddress) -> str | None:
        return real(IPv4Address("169.254.169.254") if ip == IPv4Address(LOOPBACK) else ip)

    monkeypatch.setattr(backend, "always_refused_reason", loopback_as_metadata)

    async def scenario() -> tuple[list[FetchResult], Site]:
        site = Site({"/page": _answer(200, b"page")})
        async with running(site, LOOPBACK) as port:
            return await fetch(f"http://{LOOPBACK}:{port}/page"), site

    (result,), site = asyncio.run(scenario())
    assert (result.status, result.http_status, result.body) == ("failed", None, b"")
    assert result.error == "refused link-local or metadata address 169.254.169.254"
    assert site.connections == 1 and site.paths == []  # not retried, nothing sent


# --- TLS checks the name, not the pinned address -------------------------------------


@pytest.fixture
def pin_test_tls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ssl.SSLContext:
    """The server's TLS context for pin.test; the fetcher's trusts that certificate only."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert.write_text(PIN_TEST_CERT)
    key.write_text(PIN_TEST_KEY)
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert, key)
    real = ssl.create_default_context

    def trusting_pin_test(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        return real(cadata=PIN_TEST_CERT)

    monkeypatch.setattr(ssl, "create_default_context", trusting_pin_test)
    return server


def test_tls_is_verified_against_the_host_name_not_the_pinned_address(
    dns: FakeDns, pin_test_tls: ssl.SSLContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection goes to 127.0.0.1, but httpcore hands the stream the URL's name
    for SNI and the certificate check: pin.test passes (its certificate names no
    address), other.test does not."""

    names: list[str | None] = []
    real_start_tls = backend._QuickIdleCheckStream.start_tls

    async def start_tls(
        stream: Any, ssl_context: ssl.SSLContext, server_hostname: str | None, timeout: Any
    ) -> Any:
        names.append(server_hostname)
        return await real_start_tls(stream, ssl_context, server_hostname, timeout)

    monkeypatch.setattr(backend._QuickIdleCheckStream, "start_tls", start_tls)

    async def scenario() -> list[FetchResult]:
        site = Site({"/": _answer(200, b"over tls")})
        async with running(site, LOOPBACK, tls=pin_test_tls) as port:
            dns.answers.update({"pin.test": [LOOPBACK], "other.test": [LOOPBACK]})
            return await fetch(f"https://pin.test:{port}/", f"https://other.test:{port}/")

    results = {urlsplit(r.requested_url).hostname: r for r in asyncio.run(scenario())}
    assert (results["pin.test"].status, results["pin.test"].body) == ("ok", b"over tls")
    other = results["other.test"]
    assert other.status == "failed"
    assert (other.error or "").startswith("TLS error:") and "other.test" in (other.error or "")
    assert sorted(names) == ["other.test", "pin.test"]
