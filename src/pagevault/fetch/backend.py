"""httpcore's network backend: connections only to vetted addresses, a cheap idle check.

Pinned connections (RELIABILITY.md rule 7). The fetcher resolves each URL's host itself
and applies the address policy to the answer (`exchange._vet`); the addresses it accepted
are recorded in `VettedAddresses`, shared with this backend, under the (host, port)
httpcore will ask for. `connect_tcp` connects to one of those addresses (an IP literal,
so anyio resolves nothing) and never looks the name up again: a DNS server answering
differently to a second question (DNS rebinding) is never asked one, and a new
connection costs no second getaddrinfo. TLS is unaffected: httpcore passes the URL's
host name to `start_tls` (SNI and the certificate check), not the address. Belt and
braces, the connected socket's peer is checked against the addresses never connected
to (`policy.always_refused_reason`). A refusal raises `AddressRefused`, which `client`
turns into the URL's one-line failure.

Cheap idle check. Before every request it assigns, and after every response it closes,
httpcore's pool asks each idle connection whether its socket is readable (a readable
idle socket means the server closed it). anyio answers by building a dict of socket
attributes, which calls ``getpeername`` each time, before the one ``poll`` that answers:
~20 checks per URL, 8% of the event loop's time in a run of 500 URLs (py-spy). Here the
socket is looked up once per connection and only the ``poll`` is made. Reading, writing,
timeouts and TLS are anyio's, unchanged. Imported with `client`, the only module that
imports httpx.
"""

from __future__ import annotations

import select
import ssl
import time
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import httpcore

from pagevault.fetch.policy import IPAddress, always_refused_reason, parse_address

# A connect attempt to one of several addresses gets at least this long (seconds).
_ADDRESS_FLOOR = 0.25


class AddressRefused(Exception):
    """A connection the address policy forbids, found at connect time; the message is
    the one-line reason (same wording as `policy.check_target`'s)."""


class VettedAddresses:
    """The addresses the address policy last accepted for each (host, port).

    Keyed as httpcore names a connection's target: the URL's host as httpx encodes it
    (IDNA, lower case; an IPv6 literal without brackets) and its port, the scheme's
    default when the URL gives none. One table per run, written before every request
    (`client.Conversation`) and read when a new connection is made; a URL's vetting
    replaces the addresses an earlier one recorded for the same host and port.

    Shared by the run's URLs, as the pool's kept-alive connections are: while one URL
    waits to connect, another URL to the same host and port may record its own vetting.
    Every address here passed the policy for some URL of the run; they can differ only
    in whether private space was allowed (a URL the user gave may be private, a redirect
    from a public page may not), so a public page redirecting to a host name that one of
    the user's own URLs resolved privately may reach that address, as it could reach it
    through that URL's kept-alive connection.
    """

    def __init__(self) -> None:
        self._by_target: dict[tuple[str, int], tuple[IPAddress, ...]] = {}

    def record(self, host: str, port: int, addresses: Sequence[IPAddress]) -> None:
        self._by_target[(host, port)] = tuple(addresses)

    def of(self, host: str, port: int) -> tuple[IPAddress, ...]:
        return self._by_target.get((host, port), ())


class QuickIdleCheckBackend(httpcore.AsyncNetworkBackend):
    """``httpcore.AnyIOBackend`` that connects only to vetted addresses, and whose
    streams answer "is_readable" with one ``poll``."""

    def __init__(self, vetted: VettedAddresses) -> None:
        self._anyio = httpcore.AnyIOBackend()
        self._vetted = vetted

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """A connection to one of the addresses vetted for host:port, tried in order.

        A host with no vetted address is refused, not resolved here: every request's
        URL is vetted before it is sent, so this would be a bug, and a lookup here would
        be the unchecked second answer that pinning exists to avoid.
        (The pool reuses a kept-alive connection for any request to its origin: that
        connection went to an address vetted when it was made.)
        """
        addresses = self._vetted.of(host, port)
        if not addresses:
            raise AddressRefused(f"refused {host}:{port}: no address vetted for it")
        options = list(socket_options or ())
        stream = await self._connect_first(addresses, port, timeout, local_address, options)
        checked = _QuickIdleCheckStream(stream)
        try:
            refusal = _peer_refusal(checked.socket)
        except OSError as exc:  # getpeername: the peer hung up at once
            await stream.aclose()
            raise httpcore.ConnectError(str(exc)) from exc
        if refusal is not None:
            await stream.aclose()
            raise AddressRefused(refusal)
        return checked

    async def _connect_first(
        self,
        addresses: Sequence[IPAddress],
        port: int,
        timeout: float | None,
        local_address: str | None,
        socket_options: list[httpcore.SOCKET_OPTION],
    ) -> httpcore.AsyncNetworkStream:
        """Try each address in the resolver's order, within one connect timeout.

        An address that refuses, is unreachable or does not answer in its share of the
        time left passes to the next: each but the last gets the time left divided by
        the addresses still to try (at least ``_ADDRESS_FLOOR``), the last all of it, so
        that one dead address (a broken IPv6 route) does not spend the whole timeout.
        No happy eyeballs race: addresses are tried one after another.
        """
        deadline = None if timeout is None else time.monotonic() + timeout

        async def connect(address: IPAddress, share: int) -> httpcore.AsyncNetworkStream:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            budget = left if left is None else min(left, max(_ADDRESS_FLOOR, left / share))
            # str(): the plain IP literal, which anyio connects to without a lookup
            # (scope ids were dropped at resolution: only link-local addresses carry
            # one, and those are never vetted).
            return await self._anyio.connect_tcp(
                str(address), port, budget, local_address, socket_options
            )

        for index, address in enumerate(addresses[:-1]):
            try:
                return await connect(address, len(addresses) - index)
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue  # the next address may answer
        return await connect(addresses[-1], 1)  # its failure is the one reported

    async def sleep(self, seconds: float) -> None:
        await self._anyio.sleep(seconds)


def _peer_refusal(sock: HasPeer | None) -> str | None:
    """Why the connected peer may not be talked to, or None (rule 7, checked again on
    the socket itself: link-local and metadata addresses, in any IPv6 form)."""
    if sock is None:
        return "refused connection: its peer address cannot be checked"
    return always_refused_reason(parse_address(str(sock.getpeername()[0])))


class _QuickIdleCheckStream(httpcore.AsyncNetworkStream):
    """An anyio stream of httpcore's, its socket kept for the idle check."""

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream
        self.socket: HasPeer | None = stream.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._stream.start_tls(ssl_context, server_hostname, timeout)
        return _QuickIdleCheckStream(stream)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return is_readable(self.socket)
        return self._stream.get_extra_info(info)


class HasFileno(Protocol):
    """A socket (anyio gives asyncio's TransportSocket) or anything with a descriptor."""

    def fileno(self) -> int: ...


class HasPeer(HasFileno, Protocol):
    """A connected socket."""

    def getpeername(self) -> Any: ...


def is_readable(sock: HasFileno | None) -> bool:
    """Whether a read would not block: data, or the end of the stream (as httpcore's own
    check, a socket that is gone counts as readable: its next read ends the stream)."""
    fd = -1 if sock is None else sock.fileno()
    if fd < 0:
        return True
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(0))
