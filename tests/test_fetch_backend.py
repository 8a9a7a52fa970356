"""The network backend's idle-connection check (pagevault.fetch.backend), which decides
whether httpcore's pool may send the next request on a kept-alive connection."""

from __future__ import annotations

import asyncio
import socket
import time
from ipaddress import ip_address

import httpcore

from pagevault.fetch.backend import QuickIdleCheckBackend, VettedAddresses, is_readable
from tests.loopback import Seen, response_head, send, serving

# A response that lets the client keep the connection (response_head says "close").
KEPT_ALIVE_OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"


def loopback_backend(port: int) -> QuickIdleCheckBackend:
    """The backend with 127.0.0.1:port vetted, as the fetcher records it before a request."""
    vetted = VettedAddresses()
    vetted.record("127.0.0.1", port, [ip_address("127.0.0.1")])
    return QuickIdleCheckBackend(vetted)


def test_a_socket_is_readable_once_data_or_the_end_of_stream_waits() -> None:
    ours, theirs = socket.socketpair()
    try:
        assert not is_readable(ours)  # idle: a read would block
        theirs.sendall(b"x")
        assert is_readable(ours)
        ours.recv(1)
        theirs.close()
        assert is_readable(ours)  # the peer closed: the read would end the stream
    finally:
        ours.close()
    assert is_readable(ours)  # gone (fileno -1): treated as closed, as httpcore does
    assert is_readable(None)


def test_a_connection_the_server_closed_is_not_reused() -> None:
    """The loopback server closes each connection after one response, without saying so:
    the pool must see it at the next request and connect again (a reused dead connection
    fails with "Server disconnected without sending a response")."""

    async def answer(seen: Seen, writer: asyncio.StreamWriter) -> None:
        await send(writer, KEPT_ALIVE_OK)  # then the server closes the connection

    async def two_requests(port: int) -> list[bytes]:
        bodies = []
        async with httpcore.AsyncConnectionPool(network_backend=loopback_backend(port)) as pool:
            for _ in range(2):
                response = await pool.request("GET", f"http://127.0.0.1:{port}/page")
                bodies.append(response.content)
                time.sleep(0.1)  # the server's close arrives while the connection is idle
        return bodies

    with serving(answer) as server:
        assert asyncio.run(two_requests(server.port)) == [b"ok", b"ok"]
        assert len(server.requests) == 2


def test_other_stream_information_comes_from_anyio() -> None:
    async def answer(seen: Seen, writer: asyncio.StreamWriter) -> None:
        await send(writer, response_head(200, {"Content-Length": "2"}) + b"ok")

    async def look(port: int) -> tuple[object, bool]:
        stream = await loopback_backend(port).connect_tcp("127.0.0.1", port, timeout=5.0)
        try:
            await stream.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            await stream.read(1024)
            return stream.get_extra_info("server_addr"), stream.get_extra_info("is_readable")
        finally:
            await stream.aclose()

    with serving(answer) as server:
        address, readable = asyncio.run(look(server.port))
    assert address == ("127.0.0.1", server.port)
    assert readable  # the server closed the connection after its answer
