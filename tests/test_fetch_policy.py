"""Pure parts of the fetcher: address policy, URL checks, codings, Retry-After, options.

No network here: a public host cannot be run in CI, so the redirect policy is a pure
function (`check_target`) tested with address values (RELIABILITY.md rule 7).
"""

from __future__ import annotations

import contextlib
import gzip
import importlib.util
import zlib
from datetime import UTC, datetime
from ipaddress import ip_address

import brotli  # type: ignore[import-untyped]
import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from pagevault.errors import FetchConfigError
from pagevault.fetch import FetchOptions, check_target
from pagevault.fetch.decoding import (
    BLOCK,
    BodyCapReached,
    BodyDecoder,
    CappedBuffer,
    DecodingError,
    IncompleteCoding,
    accept_encoding,
    parse_codings,
)
from pagevault.fetch.pacing import HostPacer, parse_retry_after
from pagevault.fetch.policy import split_url

PUBLIC = [ip_address("93.184.216.34")]
PRIVATE = "refused redirect to private address "
METADATA = "refused link-local or metadata address "


@pytest.mark.parametrize(
    ("target", "ips", "from_public", "allow_private", "refusal"),
    [
        # the user's own URL may be private (tests use 127.0.0.1)
        ("http://127.0.0.1/", ["127.0.0.1"], False, False, None),
        ("http://10.0.0.1/", ["10.0.0.1"], False, False, None),
        # a public page may not lead into private space...
        ("http://10.0.0.1/", ["10.0.0.1"], True, False, PRIVATE + "10.0.0.1"),
        ("http://localhost/", ["127.0.0.1"], True, False, PRIVATE + "127.0.0.1"),
        ("http://x/", ["::1"], True, False, PRIVATE + "::1"),
        ("http://x/", ["100.64.1.1"], True, False, PRIVATE + "100.64.1.1"),
        ("http://x/", ["0.0.0.0"], True, False, PRIVATE + "0.0.0.0"),
        ("http://x/", ["93.184.216.34", "192.168.1.1"], True, False, PRIVATE + "192.168.1.1"),
        # ...unless the user allows it
        ("http://10.0.0.1/", ["10.0.0.1"], True, True, None),
        ("https://example.org/", ["93.184.216.34"], True, False, None),
        # link-local and cloud metadata: never, whoever asks
        ("http://169.254.169.254/", ["169.254.169.254"], False, True, METADATA + "169.254.169.254"),
        ("http://x/", ["fd00:ec2::254"], False, True, METADATA + "fd00:ec2::254"),
        ("http://x/", ["fe80::1"], False, True, METADATA + "fe80::1"),
        ("http://x/", ["100.100.100.200"], False, True, METADATA + "100.100.100.200"),
        ("http://x/", ["::ffff:169.254.169.254"], False, True, METADATA + "::ffff:a9fe:a9fe"),
        ("http://x/", ["64:ff9b::a9fe:a9fe"], False, True, METADATA + "64:ff9b::a9fe:a9fe"),
        # schemes other than http(s), whatever the address
        ("file:///etc/passwd", [], False, True, "refused scheme file"),
        ("ftp://example.org/x", PUBLIC, False, True, "refused scheme ftp"),
        ("data:text/html,hi", [], False, True, "refused scheme data"),
        ("http://x/", [], False, False, "no address for http://x/"),
    ],
)
def test_check_target(
    target: str, ips: list[object], from_public: bool, allow_private: bool, refusal: str | None
) -> None:
    addresses = [ip if not isinstance(ip, str) else ip_address(ip) for ip in ips]
    assert check_target(target, addresses, from_public, allow_private) == refusal  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("example.org/page", "no scheme"),
        ("http:///path", "no host"),
        ("mailto:someone@example.org", "refused scheme mailto"),
        ("http://example.org:99999/", "invalid URL"),
        ("https://example.org/ok", None),
    ],
)
def test_split_url_rejects_what_cannot_be_fetched(url: str, problem: str | None) -> None:
    _, found = split_url(url)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


def test_accept_encoding_lists_only_decodable_codings() -> None:
    offered = [c.strip() for c in accept_encoding().split(",")]
    assert offered[:2] == ["gzip", "deflate"]
    assert ("br" in offered) == (importlib.util.find_spec("brotli") is not None)
    assert ("zstd" in offered) == (importlib.util.find_spec("zstandard") is not None)


def test_three_codings_and_unknown_codings_are_refused() -> None:
    assert parse_codings("gzip, br") == ["gzip", "br"]
    assert parse_codings("identity") == []
    assert parse_codings("x-gzip") == ["gzip"]
    with pytest.raises(DecodingError, match="refused 3 stacked"):
        parse_codings("gzip, br, zstd")
    with pytest.raises(DecodingError, match="unsupported content coding 'compress'"):
        parse_codings("compress")


def _decode(codings: list[str], data: bytes, limit: int = 2**20, step: int = 7) -> bytes:
    buffer = CappedBuffer(limit)
    decoder = BodyDecoder(codings, buffer.write)
    for start in range(0, len(data), step):
        decoder.write(data[start : start + step])
    decoder.finish()
    return bytes(buffer.data)


TEXT = b"<p>Refugees: 43,7 millions</p>" * 200


def test_deflate_accepts_zlib_wrapped_and_raw_streams() -> None:
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw_stream = raw.compress(TEXT) + raw.flush()
    assert _decode(["deflate"], zlib.compress(TEXT)) == TEXT
    assert _decode(["deflate"], raw_stream) == TEXT


def test_concatenated_gzip_members_are_one_body() -> None:
    assert _decode(["gzip"], gzip.compress(b"first ") + gzip.compress(b"second")) == b"first second"


def test_stacked_codings_are_undone_in_reverse_order() -> None:
    # "Content-Encoding: gzip, br" means gzip was applied first, so br is undone first.
    assert _decode(["gzip", "br"], brotli.compress(gzip.compress(TEXT))) == TEXT
    assert (
        _decode(["br", "zstd"], zstandard.ZstdCompressor().compress(brotli.compress(TEXT))) == TEXT
    )


def test_corrupt_stream_is_a_decoding_error() -> None:
    with pytest.raises(DecodingError, match="gzip decoding failed"):
        _decode(["gzip"], b"\x1f\x8b\x08\x00garbage-garbage-garbage")


def _raw_deflate(data: bytes) -> bytes:
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return raw.compress(data) + raw.flush()


CODERS = {
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "raw deflate": _raw_deflate,
    "br": brotli.compress,
}


@pytest.mark.parametrize("name", sorted(CODERS))
@pytest.mark.parametrize("kept", [0.5, 0.9, -1])
def test_a_stream_cut_short_is_incomplete(name: str, kept: float) -> None:
    coding = name.split()[-1]
    stream = CODERS[name](TEXT)
    end = len(stream) - 1 if kept == -1 else int(len(stream) * kept)  # -1: all but one byte
    with pytest.raises(IncompleteCoding, match=f"^{coding} stream ends before its end marker$"):
        _decode([coding], stream[:end])
    assert _decode([coding], stream) == TEXT  # the whole stream is complete


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "zstd"])
def test_an_empty_coded_body_is_empty_not_incomplete(coding: str) -> None:
    assert _decode([coding], b"") == b""


def test_cap_stops_at_exactly_the_limit() -> None:
    buffer = CappedBuffer(1000)
    decoder = BodyDecoder(["gzip"], buffer.write)
    with pytest.raises(BodyCapReached):
        decoder.write(gzip.compress(bytes(10**6)))
    assert len(buffer.data) == 1000


@settings(max_examples=200, deadline=None)
@given(sizes=st.lists(st.integers(0, 3 * BLOCK), max_size=20), limit=st.integers(0, 20 * BLOCK))
def test_a_capped_buffer_keeps_pieces_of_any_size_in_order(sizes: list[int], limit: int) -> None:
    pieces = [bytes([n % 251]) * size for n, size in enumerate(sizes)]
    buffer = CappedBuffer(limit)
    with contextlib.suppress(BodyCapReached):
        for piece in pieces:
            buffer.write(piece)
    expected = b"".join(pieces)[:limit]
    assert buffer.size == len(expected)
    assert buffer.data == expected
    assert buffer.data is buffer.data  # joined once
    with contextlib.suppress(BodyCapReached):
        buffer.write(b"more")
    assert buffer.data == (expected + b"more")[:limit]


def test_a_body_of_tiny_pieces_is_held_in_few_blocks() -> None:
    buffer = CappedBuffer(2**20)
    for _ in range(100_000):
        buffer.write(b"x")
    assert len(buffer._blocks) <= 100_000 // BLOCK + 1
    assert buffer.data == b"x" * 100_000


@settings(max_examples=200, deadline=None)
@given(
    body=st.binary(max_size=5000),
    step=st.integers(1, 600),
    coding=st.sampled_from(["gzip", "deflate", "br", "zstd"]),
)
def test_any_chunking_decodes_to_the_original(body: bytes, step: int, coding: str) -> None:
    compress = {
        "gzip": gzip.compress,
        "deflate": zlib.compress,
        "br": brotli.compress,
        "zstd": zstandard.ZstdCompressor().compress,
    }[coding]
    assert _decode([coding], compress(body), step=step) == body


def test_retry_after_seconds_and_http_date() -> None:
    now = datetime(2026, 1, 5, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Mon, 05 Jan 2026 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("Mon, 05 Jan 2026 11:00:00 GMT", now) == 0.0  # in the past
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_pacer_spaces_slots_start_to_start() -> None:
    clock = [100.0]
    pacer = HostPacer(1.0, clock=lambda: clock[0])
    assert pacer.reserve("a") == 0.0
    assert pacer.reserve("a") == 1.0  # the second request waits a full delay
    assert pacer.reserve("b") == 0.0  # other hosts are not held up
    pacer.set_delay("a", 5.0)  # Crawl-delay
    assert pacer.reserve("a") == 2.0
    clock[0] = 110.0
    pacer.hold_off("a", 30.0)  # Retry-After
    assert pacer.ready_in("a") == 30.0


@pytest.mark.parametrize(
    "bad",
    [
        {"delay": -1.0},
        {"concurrency": 0},
        {"deadline": 0.0},
        {"attempts": 0},
        {"max_body_bytes": 0},
        {"user_agent": "two\nlines"},
        {"deadline": float("nan")},  # compares false with everything: once let through
        {"delay": float("inf")},  # "--delay 1e400": a run that never ends
        {"retry_budget": float("nan")},
    ],
)
def test_invalid_options_raise_a_config_error(bad: dict[str, object]) -> None:
    with pytest.raises(FetchConfigError):
        FetchOptions(**bad)  # type: ignore[arg-type]


def test_http2_needs_h2() -> None:
    if importlib.util.find_spec("h2") is None:
        with pytest.raises(FetchConfigError, match="h2"):
            FetchOptions(http2=True)
    else:
        assert FetchOptions(http2=True).http2
