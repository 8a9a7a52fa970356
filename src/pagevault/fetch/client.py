"""The only module that imports httpx: connections, one request at a time, raw bodies.

Everything httpx raises is turned into the three failures below, so the rest of the
fetcher (and a later swap to the httpx2 fork) never depends on httpx types.
httpx is asked for nothing clever: no redirects (rule 6), no decompression (rule 5,
bodies are read with `aiter_raw`), no environment proxies or .netrc (trust_env off,
so cron runs behave the same whatever the shell had set). There is no AsyncClient:
see `Conversation` for why requests go to the transport directly.
"""

from __future__ import annotations

import importlib.util
import ssl
import sys
from collections.abc import AsyncGenerator, AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager

import httpcore
import httpx

from pagevault.fetch.backend import AddressRefused, QuickIdleCheckBackend, VettedAddresses
from pagevault.fetch.policy import IPAddress, default_port


class ConnectFailure(Exception):
    """No response: the connection failed or was dropped before any status line (retried)."""


class RequestFailure(Exception):
    """No response, and trying again would not help (TLS, invalid request, silent server)."""


class TransferFailure(Exception):
    """The response began but its body stopped early (disconnect or stall)."""


class Reply:
    """A response whose body has not been read: status, headers, raw chunks."""

    def __init__(self, response: httpx.Response, read_timeout: float) -> None:
        self._response = response
        self._read_timeout = read_timeout
        self.status = response.status_code

    def header(self, name: str) -> str | None:
        value: str | None = self._response.headers.get(name)
        return value

    async def chunks(self) -> AsyncGenerator[bytes, None]:
        """The body as sent (content-encoded, transfer framing removed)."""
        try:
            async for chunk in self._response.aiter_raw():
                yield chunk
        except httpx.TimeoutException:
            raise TransferFailure(f"stalled: no data for {self._read_timeout:g}s") from None
        except httpx.TransportError as exc:
            raise TransferFailure(f"disconnect: {_describe(exc)}") from None


class Connections:
    """The run's connection pools, one for http and one for https, each made when a URL
    first needs it; hands out one `Conversation` per URL. Both pools connect only to the
    addresses in `vetted` (see `backend`)."""

    def __init__(self, http2: bool, pool_size: int) -> None:
        _remember_sniffio_is_missing()
        self._http2 = http2
        self._limits = httpx.Limits(max_connections=pool_size, max_keepalive_connections=pool_size)
        self._transports: dict[bool, httpx.AsyncHTTPTransport] = {}
        self.vetted = VettedAddresses()

    def transport(self, tls: bool) -> httpx.AsyncHTTPTransport:
        """The pool for https (``tls``) or http URLs.

        One TLS context for the run, made for the first https URL: loading the CA
        certificates costs tens of ms, which a run of http URLs need not pay. The http
        pool never makes a TLS connection (no proxies: trust_env is off); httpx still
        wants a context for it, so it gets one that trusts no certificate at all.
        """
        if tls not in self._transports:
            context = ssl.create_default_context() if tls else _trusting_nothing()
            self._transports[tls] = _Transport(context, self._http2, self._limits, self.vetted)
        return self._transports[tls]

    def conversation(self, connect_timeout: float, read_timeout: float) -> Conversation:
        return Conversation(self, connect_timeout, read_timeout)

    async def aclose(self) -> None:
        for transport in self._transports.values():
            await transport.aclose()


class _Transport(httpx.AsyncHTTPTransport):
    """httpx's transport over a pool of httpcore's whose idle-connection check is cheap
    and which connects only to vetted addresses (``QuickIdleCheckBackend``): httpx takes
    no network backend, so the pool it made is replaced, by one made with the same settings.
    """

    def __init__(
        self,
        context: ssl.SSLContext,
        http2: bool,
        limits: httpx.Limits,
        vetted: VettedAddresses,
    ) -> None:
        super().__init__(verify=context, http2=http2, limits=limits, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=http2,
            network_backend=QuickIdleCheckBackend(vetted),
        )


def _trusting_nothing() -> ssl.SSLContext:
    """A client TLS context with no CA certificate: every handshake would fail to verify."""
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _remember_sniffio_is_missing() -> None:
    """httpcore imports sniffio afresh for every lock it sets up (several per request).
    Where sniffio is not installed (anyio no longer needs it), every one of those imports
    searched all of sys.path again, ~0.5 ms each. Marked as missing in sys.modules, the
    import fails at once, with the same outcome: httpcore assumes asyncio, which runs here.
    """
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]


class Conversation:
    """The requests made for one URL (its redirects and retries), with their own cookies.

    A fresh cookie jar per URL: no cookie crosses URLs or hosts (RELIABILITY.md: a cookie
    given to `Client(cookies=...)` reached another host); within one URL's redirects the
    jar applies the usual domain and path rules.

    Requests go straight to the transport, not through `AsyncClient.send`: even with
    follow_redirects=False the client builds the next request from a 3xx Location and
    raises on one such as "data:text/html,hi" before we could see the response.
    """

    def __init__(
        self, connections: Connections, connect_timeout: float, read_timeout: float
    ) -> None:
        self._connections = connections
        self._cookies = httpx.Cookies()
        self._timeout = httpx.Timeout(read_timeout, connect=connect_timeout, pool=connect_timeout)
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout

    @asynccontextmanager
    async def get(
        self, url: str, headers: Mapping[str, str], addresses: Sequence[IPAddress]
    ) -> AsyncIterator[Reply]:
        """Send a GET; yield the reply with its body unread; close it (unread or not) after.

        `addresses`: those the address policy accepted for the URL's host; a new
        connection for this request goes to one of them.
        """
        response = await self._send(url, headers, addresses)
        try:
            yield Reply(response, self._read_timeout)
        finally:
            await response.aclose()

    async def _send(
        self, url: str, headers: Mapping[str, str], addresses: Sequence[IPAddress]
    ) -> httpx.Response:
        try:
            request = httpx.Request(
                "GET", url, headers=dict(headers), extensions={"timeout": self._timeout.as_dict()}
            )
            if self._cookies:  # jar and cookie-less response still cost ~60 us a request
                self._cookies.set_cookie_header(request)
            tls = request.url.scheme == "https"
            # Recorded for every request (retries too), right before it: the entry a new
            # connection reads is the latest vetting of its host (see VettedAddresses).
            self._connections.vetted.record(*_target_of(request.url, tls), addresses)
            response = await self._connections.transport(tls).handle_async_request(request)
        except AddressRefused as exc:
            raise RequestFailure(str(exc)) from None
        except httpx.ConnectTimeout:
            raise ConnectFailure(f"connect timeout after {self._connect_timeout:g}s") from None
        except httpx.TimeoutException:
            raise RequestFailure(f"no response within {self._read_timeout:g}s") from None
        except (httpx.ConnectError, httpx.ReadError, httpx.WriteError) as exc:
            if _is_tls_error(exc):
                raise RequestFailure(f"TLS error: {_describe(exc)}") from None
            raise ConnectFailure(f"connect error: {_describe(exc)}") from None
        except httpx.RemoteProtocolError as exc:
            raise ConnectFailure(f"connection error: {_describe(exc)}") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise RequestFailure(f"request failed: {_describe(exc)}") from None
        response.request = request
        if "set-cookie" in response.headers:  # the jar takes nothing else (no RFC 2965)
            self._cookies.extract_cookies(response)
        return response


def _target_of(url: httpx.URL, tls: bool) -> tuple[str, int]:
    """(host, port) as httpcore's pool will hand them to the network backend."""
    return url.raw_host.decode("ascii"), url.port or default_port("https" if tls else "http")


def _is_tls_error(exc: BaseException) -> bool:
    """httpx wraps httpcore's error, which wraps the ssl one: walk the chain."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _describe(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
