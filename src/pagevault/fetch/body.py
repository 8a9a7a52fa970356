"""Reading one 2xx body: raw chunks under the wire cap, decoded under the body cap.

RELIABILITY.md rule 5 (our own bounded decoding) and rule 9 (truncation recorded:
"wire-cap", "body-cap", "disconnect", "incomplete-coding"; the deadline is handled by
the caller).
"""

from __future__ import annotations

from contextlib import aclosing

from pagevault.fetch.client import Reply, TransferFailure
from pagevault.fetch.decoding import (
    BodyCapReached,
    BodyDecoder,
    CappedBuffer,
    DecodingError,
    IncompleteCoding,
    parse_codings,
)
from pagevault.fetch.model import FetchResult
from pagevault.fetch.trace import Trace


async def read_body(reply: Reply, trace: Trace) -> FetchResult:
    """Read the raw body under the wire cap, decoding it under the body cap."""
    limits = trace.limits
    try:
        codings = parse_codings(reply.header("content-encoding"))
    except DecodingError as exc:
        return trace.failed(str(exc))
    trace.coding = ", ".join(codings) or "identity"
    trace.body = CappedBuffer(limits.max_body_bytes)
    decoder = BodyDecoder(codings, trace.body.write)
    try:
        if await _pump(reply, decoder, limits.max_wire_bytes):
            cap = limits.max_wire_bytes
            return trace.result("truncated", f"body cut at {cap} wire bytes", "wire-cap")
        decoder.finish()
    except BodyCapReached:
        cap = limits.max_body_bytes
        return trace.result("truncated", f"body cut at {cap} decoded bytes", "body-cap")
    except IncompleteCoding as exc:
        return trace.cut_short("incomplete-coding", str(exc))
    except DecodingError as exc:
        return trace.failed(str(exc))
    except TransferFailure as exc:
        return trace.cut_short("disconnect", str(exc))
    return trace.result("ok")


async def _pump(reply: Reply, decoder: BodyDecoder, max_wire: int) -> bool:
    """Feed raw chunks to the decoder; True if the wire cap cut the body.

    A Content-Length longer than the body ends in TransferFailure (h11 notices the
    early close); bytes past a shorter Content-Length are never handed to us.
    """
    wire = 0
    async with aclosing(reply.chunks()) as chunks:
        async for chunk in chunks:
            room = max_wire - wire
            if len(chunk) > room:
                decoder.write(chunk[:room])
                return True
            wire += len(chunk)
            decoder.write(chunk)
    return False
