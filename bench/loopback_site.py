"""A fast HTTP/1.1 site on 127.0.0.1 serving corpus pages, for bench/fetch.py.

    python bench/loopback_site.py [--urls N] [--port P]

Serves /p/0 ... /p/N-1 (default 500), each a page of the shared corpus (cycling through
the manifest; a page repeats under distinct paths) as text/html, and 404 for everything
else, /robots.txt included (no robots.txt: everything allowed). Bodies are read once at
start; requests are answered from memory with keep-alive, on one asyncio event loop.
Prints "ready <port>" on stdout once it listens, then serves until SIGTERM or SIGINT.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from pathlib import Path

# Run as a script, the repository root is not on sys.path; `tests` is a package in it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import CorpusMissingError, load_manifest

MAX_HEAD = 64 * 1024  # bytes of request head, at most
NOT_FOUND = b"not found\n"


def page_responses(count: int) -> dict[bytes, bytes]:
    """Request target -> the whole response (head and body) for /p/0 ... /p/count-1."""
    bodies = [entry.page.read_bytes() for entry in load_manifest()]
    if not bodies:
        raise CorpusMissingError("the corpus manifest lists no page")
    return {
        f"/p/{i}".encode(): _response(b"200 OK", b"text/html", bodies[i % len(bodies)])
        for i in range(count)
    }


def _response(status: bytes, content_type: bytes, body: bytes) -> bytes:
    head = (
        b"HTTP/1.1 " + status + b"\r\n"
        b"Content-Type: " + content_type + b"\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n"
        b"\r\n"
    )
    return head + body


_NOT_FOUND_RESPONSE = _response(b"404 Not Found", b"text/plain", NOT_FOUND)
_BAD_REQUEST = _response(b"400 Bad Request", b"text/plain", b"bad request\n")


class Site(asyncio.Protocol):
    """One connection: parse request heads, answer each from `responses`, keep alive."""

    def __init__(self, responses: dict[bytes, bytes]) -> None:
        self._responses = responses
        self._buffer = b""
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        transport = self._transport
        assert transport is not None
        self._buffer += data
        while True:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self._buffer) > MAX_HEAD:
                    transport.write(_BAD_REQUEST)
                    transport.close()
                return
            head, self._buffer = self._buffer[:end], self._buffer[end + 4 :]
            lines = head.split(b"\r\n")
            parts = lines[0].split(b" ")
            if len(parts) != 3:
                transport.write(_BAD_REQUEST)
                transport.close()
                return
            method, target, _version = parts
            response = self._responses.get(target, _NOT_FOUND_RESPONSE)
            if method == b"HEAD":
                response = response[: response.find(b"\r\n\r\n") + 4]
            transport.write(response)
            if any(line.lower().replace(b" ", b"") == b"connection:close" for line in lines[1:]):
                transport.close()
                return


async def serve(responses: dict[bytes, bytes], port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Site(responses), "127.0.0.1", port, backlog=1024)
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    print(f"ready {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await stop.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--urls", type=int, default=500, help="pages /p/0 ... (default 500)")
    parser.add_argument("--port", type=int, default=0, help="port (default: any free one)")
    args = parser.parse_args(argv)
    try:
        responses = page_responses(args.urls)
    except CorpusMissingError as error:
        print(error, file=sys.stderr)
        return 2
    asyncio.run(serve(responses, args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
