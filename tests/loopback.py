"""A raw HTTP/1.1 server on 127.0.0.1 for what pytest-httpserver cannot send.

Slow drips, silent servers, lying Content-Length and compression bombs need control
of every byte and of timing, so each test gives a coroutine that writes the response
itself. The server runs its own event loop in a thread (the fetcher under test runs
in the test's `asyncio.run`), serves one request per connection, and counts
connections in progress so tests can check the fetcher's concurrency limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import struct
import threading
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from types import TracebackType

import brotli  # type: ignore[import-untyped]
import zstandard


@dataclass(frozen=True)
class Seen:
    """A request as the server received it."""

    path: str
    headers: dict[str, str]  # lower-case names
    at: float  # time.monotonic() on arrival


Handler = Callable[[Seen, asyncio.StreamWriter], Awaitable[None]]


@dataclass
class RawServer:
    """Serve `handler` on 127.0.0.1:<free port> from a background thread."""

    handler: Handler
    requests: list[Seen] = field(default_factory=list)
    active: int = 0
    peak: int = 0
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> RawServer:
        self._loop = asyncio.new_event_loop()
        ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(ready,), daemon=True)
        self._thread.start()
        if not ready.wait(5):
            raise RuntimeError("loopback server did not start")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _serve(self, ready: threading.Event) -> None:
        loop = self._loop
        asyncio.set_event_loop(loop)
        server = loop.run_until_complete(asyncio.start_server(self._on_connection, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        loop.run_forever()
        server.close()
        tasks = asyncio.all_tasks(loop)
        for task in tasks:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        loop.run_until_complete(server.wait_closed())
        loop.run_until_complete(asyncio.sleep(0.05))  # let closed transports finish
        loop.close()

    async def _on_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.active += 1
        self.peak = max(self.peak, self.active)
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            seen = _parse_request(head)
            self.requests.append(seen)
            await self.handler(seen, writer)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError):
            pass  # the client went away: that is what many of these tests do
        finally:
            self.active -= 1
            writer.close()


def _parse_request(head: bytes) -> Seen:
    lines = head.decode("latin-1").split("\r\n")
    path = lines[0].split(" ")[1]
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    return Seen(path=path, headers=headers, at=time.monotonic())


def response_head(status: int = 200, headers: dict[str, str] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} X", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def send(writer: asyncio.StreamWriter, data: bytes) -> None:
    writer.write(data)
    await writer.drain()


async def stream(writer: asyncio.StreamWriter, chunks: AsyncIterator[bytes] | Iterator[bytes]):
    """Write chunks as the client reads them; stops when the client hangs up."""
    if isinstance(chunks, Iterator):
        for chunk in chunks:
            await send(writer, chunk)
    else:
        async for chunk in chunks:
            await send(writer, chunk)


# --- compression bombs: 1 GiB of zeros, compressed while being sent -----------------

BOMB_SIZE = 2**30
_MIB = bytes(2**20)


def bomb_chunks(coding: str) -> Iterator[bytes]:
    """A `coding`-compressed stream of BOMB_SIZE zero bytes, never held in memory."""
    if coding == "gzip":
        return _gzip_bomb()
    if coding == "deflate":
        return _deflate_segments(zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS))
    if coding == "br":
        compressor = brotli.Compressor(quality=1)
        return _streamed(compressor.process, compressor.finish)
    if coding == "zstd":
        zstd = zstandard.ZstdCompressor(level=3).compressobj()
        return _streamed(zstd.compress, zstd.flush)
    raise ValueError(coding)


def _streamed(compress: Callable[[bytes], bytes], finish: Callable[[], bytes]) -> Iterator[bytes]:
    # brotli (quality 1) and zstd compress a MiB of zeros in well under a millisecond.
    for _ in range(BOMB_SIZE // len(_MIB)):
        out = compress(_MIB)
        if out:
            yield out
    yield finish()


def _deflate_segments(compressor: zlib._Compress) -> Iterator[bytes]:
    """zlib is slow on 1 GiB (seconds), but after Z_FULL_FLUSH the compressor forgets its
    history, so every later MiB of zeros compresses to the same bytes: compute those once."""
    first = compressor.compress(_MIB) + compressor.flush(zlib.Z_FULL_FLUSH)
    segment = compressor.compress(_MIB) + compressor.flush(zlib.Z_FULL_FLUSH)
    if compressor.compress(_MIB) + compressor.flush(zlib.Z_FULL_FLUSH) != segment:
        raise AssertionError("deflate segments differ: the bomb trick does not hold")
    yield first
    for _ in range(BOMB_SIZE // len(_MIB) - 3):
        yield segment
    yield segment + segment + compressor.flush(zlib.Z_FINISH)


def _gzip_bomb() -> Iterator[bytes]:
    # A gzip member is a header, raw deflate and a CRC32/size trailer (RFC 1952).
    yield b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    yield from _deflate_segments(zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS))
    crc = 0
    for _ in range(BOMB_SIZE // len(_MIB)):
        crc = zlib.crc32(_MIB, crc)
    yield struct.pack("<II", crc, BOMB_SIZE & 0xFFFFFFFF)


@contextlib.contextmanager
def serving(handler: Handler) -> Iterator[RawServer]:
    with RawServer(handler) as server:
        yield server
