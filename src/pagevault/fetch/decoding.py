"""Content-decoding of response bodies under a decoded-size cap (RELIABILITY.md rule 5).

httpx is never asked to decompress: it turned one 64 KiB read of a gzip bomb into a
67 MB chunk before any cap could be checked. Here each coding is a stage that emits
output in pieces of at most `PIECE` bytes into the next stage, and the last stage
writes into a `CappedBuffer`, which raises `BodyCapReached` as soon as the cap would
be passed. So memory stays near cap + a few pieces whatever the compression ratio.
"""

from __future__ import annotations

import functools
import importlib.util
import zlib
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    import zstandard

MAX_CODINGS = 2  # more than two stacked codings is refused, never decoded
PIECE = 64 * 1024  # largest output handed from one stage to the next
BLOCK = 16 * 1024  # pieces smaller than this are gathered into blocks of this size
ZSTD_MAX_WINDOW = 8 * 2**20  # RFC 9659: HTTP zstd windows are at most 8 MB

Sink = Callable[[bytes], None]

_ALIASES = {"x-gzip": "gzip"}


class BodyCapReached(Exception):
    """The decoded body reached its cap; the buffer holds exactly `limit` bytes."""


class DecodingError(Exception):
    """The body's content coding is refused, unsupported or corrupt."""


class IncompleteCoding(DecodingError):
    """The coded body ended before its coding's end marker: what was decoded is only the
    start of the body (a server that cut the stream but sent a matching Content-Length)."""


@functools.cache  # looking the modules up costs ~0.6 M instructions, 2-3 times per URL
def supported_codings() -> tuple[str, ...]:
    """Codings this installation can decode, in order of preference."""
    codings = ["gzip", "deflate"]
    if importlib.util.find_spec("brotli") is not None:
        codings.append("br")
    if importlib.util.find_spec("zstandard") is not None:
        codings.append("zstd")
    return tuple(codings)


def accept_encoding() -> str:
    """The Accept-Encoding value: only what we can decode ourselves."""
    return ", ".join(supported_codings())


def parse_codings(header: str | None) -> list[str]:
    """Codings in the order the server applied them; raises DecodingError if refused."""
    tokens = [token.strip().lower() for token in (header or "").split(",")]
    codings = [_ALIASES.get(token, token) for token in tokens if token and token != "identity"]
    if len(codings) > MAX_CODINGS:
        raise DecodingError(f"refused {len(codings)} stacked content codings ({header})")
    for coding in codings:
        if coding not in supported_codings():
            raise DecodingError(f"unsupported content coding {coding[:40]!r}")
    return codings


class CappedBuffer:
    """Decoded bytes kept, at most `limit` of them.

    Kept as the pieces written (small ones gathered into blocks of `BLOCK` bytes, so that a
    body of tiny pieces holds few objects), joined once when `data` is asked for: growing
    one bytearray and copying it into bytes cost ~0.3 ms for a 140 KB body (the allocator
    hands back fresh pages each time), joining its pieces ~15 us.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self._blocks: list[bytes] = []
        self._small = bytearray()

    def write(self, piece: bytes) -> None:
        room = self.limit - self.size
        if len(piece) > room:
            self._keep(piece[:room])
            raise BodyCapReached
        self._keep(piece)

    @property
    def data(self) -> bytes:
        """Every byte kept, in order (joined at the first call after a write)."""
        self._close_small_block()
        if len(self._blocks) != 1:
            self._blocks = [b"".join(self._blocks)]
        return self._blocks[0]

    def _keep(self, piece: bytes) -> None:
        self.size += len(piece)
        if len(piece) >= BLOCK:
            self._close_small_block()
            self._blocks.append(piece)
            return
        self._small += piece
        if len(self._small) >= BLOCK:
            self._close_small_block()

    def _close_small_block(self) -> None:
        if self._small:
            self._blocks.append(bytes(self._small))
            self._small.clear()


class _Stage(Protocol):
    def write(self, data: bytes) -> None: ...

    def finish(self) -> None: ...


class BodyDecoder:
    """Undo a list of content codings, streaming, into `sink`."""

    def __init__(self, codings: list[str], sink: Sink) -> None:
        self._stages: list[_Stage] = []
        target = sink
        # The first coding applied is undone last, so its stage feeds the sink.
        for coding in codings:
            stage = _make_stage(coding, target)
            self._stages.append(stage)
            target = stage.write
        self._head = target

    def write(self, data: bytes) -> None:
        """Decode one chunk of wire bytes; raises BodyCapReached or DecodingError."""
        self._head(data)

    def finish(self) -> None:
        """Flush every stage at the end of the body, outermost first."""
        for stage in reversed(self._stages):
            stage.finish()


def _make_stage(coding: str, sink: Sink) -> _Stage:
    if coding == "gzip":
        return _ZlibStage(sink, coding, wbits=16 + zlib.MAX_WBITS)
    if coding == "deflate":
        return _DeflateStage(sink)
    if coding == "br":
        return _BrotliStage(sink)
    if coding == "zstd":
        return _ZstdStage(sink)
    raise DecodingError(f"unsupported content coding {coding!r}")


class _ZlibStage:
    """gzip (several members allowed) or zlib/raw deflate, through `decompress(buf, max_length)`."""

    def __init__(self, sink: Sink, name: str, wbits: int) -> None:
        self._sink, self._name, self._wbits = sink, name, wbits
        self._inflater = zlib.decompressobj(wbits)
        self._done = False
        self._started = False  # any coded byte received

    def write(self, data: bytes) -> None:
        self._started = self._started or bool(data)
        try:
            self._drain(data)
        except zlib.error as exc:
            raise DecodingError(f"{self._name} decoding failed: {exc}") from None

    def finish(self) -> None:
        self.write(b"")
        if self._started and not self._done:  # an empty body is no stream at all
            raise IncompleteCoding(f"{self._name} stream ends before its end marker")

    def _drain(self, data: bytes) -> None:
        pending = data
        while not self._done:
            out = self._inflater.decompress(pending, PIECE)
            if out:
                self._sink(out)
            pending = self._inflater.unconsumed_tail
            if self._inflater.eof:
                pending = self._next_member()
                continue
            if not pending and len(out) < PIECE:
                return

    def _next_member(self) -> bytes:
        # Concatenated gzip members are one body (RFC 1952); other trailing bytes are ignored.
        rest = self._inflater.unused_data
        if self._name == "gzip" and rest.startswith(b"\x1f\x8b"):
            self._inflater = zlib.decompressobj(self._wbits)
            return rest
        self._done = True
        return b""


class _DeflateStage:
    """HTTP "deflate" is meant to be zlib-wrapped, but some servers send raw deflate."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink
        self._head = b""
        self._inner: _ZlibStage | None = None

    def write(self, data: bytes) -> None:
        if self._inner is None:
            self._head += data
            if len(self._head) < 2:
                return
            self._inner = _ZlibStage(self._sink, "deflate", _deflate_wbits(self._head))
            data, self._head = self._head, b""
        self._inner.write(data)

    def finish(self) -> None:
        if self._inner is None and self._head:
            self._inner = _ZlibStage(self._sink, "deflate", -zlib.MAX_WBITS)
            self._inner.write(self._head)
        if self._inner is not None:
            self._inner.finish()


def _deflate_wbits(head: bytes) -> int:
    """zlib header (RFC 1950: CM=8, header checksum) or raw deflate (RFC 1951)."""
    is_zlib = head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
    return zlib.MAX_WBITS if is_zlib else -zlib.MAX_WBITS


class _BrotliStage:
    """brotli via `process(data, output_buffer_limit=...)`, draining before new input."""

    def __init__(self, sink: Sink) -> None:
        import brotli  # type: ignore[import-untyped]  # no stubs; imported only when needed

        self._sink = sink
        self._decoder: Any = brotli.Decompressor()
        self._error: type[Exception] = brotli.error
        self._started = False  # any coded byte received

    def write(self, data: bytes) -> None:
        if self._decoder.is_finished():
            return
        self._started = self._started or bool(data)
        try:
            self._emit(self._decoder.process(data, output_buffer_limit=PIECE))
            while not self._decoder.can_accept_more_data():
                self._emit(self._decoder.process(b"", output_buffer_limit=PIECE))
        except self._error as exc:
            raise DecodingError(f"br decoding failed: {exc}") from None

    def _emit(self, out: bytes) -> None:
        if out:
            self._sink(out)

    def finish(self) -> None:
        self.write(b"")
        if self._started and not self._decoder.is_finished():
            raise IncompleteCoding("br stream ends before its end marker")


class _SinkWriter:
    """File-like adapter: zstandard's stream_writer pushes output pieces to `write`."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink

    def write(self, data: bytes) -> int:
        self._sink(bytes(data))
        return len(data)

    def close(self) -> None:
        return None


class _ZstdStage:
    """zstd via a stream_writer: zstandard's decompressobj has no max_length, but the
    writer hands output out in `PIECE`-sized calls, and an exception raised by the
    sink (BodyCapReached) stops decompression at once."""

    def __init__(self, sink: Sink) -> None:
        import zstandard

        decompressor = zstandard.ZstdDecompressor(max_window_size=ZSTD_MAX_WINDOW)
        writer = cast(IO[bytes], _SinkWriter(sink))
        self._writer: zstandard.ZstdDecompressionWriter = decompressor.stream_writer(
            writer, write_size=PIECE
        )
        self._error: type[Exception] = zstandard.ZstdError

    def write(self, data: bytes) -> None:
        if not data:
            return
        try:
            self._writer.write(data)
        except self._error as exc:
            raise DecodingError(f"zstd decoding failed: {exc}") from None

    def finish(self) -> None:
        # A zstd stream cut short is not detected: zstandard's stream_writer (the one
        # API here that bounds its output) does not tell whether the frame ended.
        return None
