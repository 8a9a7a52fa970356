"""Helpers shared by the store tests (this module holds no tests).

``capture`` plays the fetcher: it stores the raw body first (RELIABILITY rule 1), then
records the check with a small snapshot, as ``pagevault fetch`` will.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pagevault.fetch.model import FetchStatus
from pagevault.model import Encoding, Metadata, Section, Snapshot
from pagevault.store import CheckOutcome, CheckRecord, Store

T0 = datetime(2026, 1, 15, 8, 30, tzinfo=UTC)


def at(seconds: float) -> str:
    """An ISO time ``seconds`` after T0."""
    return (T0 + timedelta(seconds=seconds)).isoformat()


def make_snapshot(url: str, text: str) -> Snapshot:
    return Snapshot(
        parser_version="1",
        url=url,
        title=f"Title {text[:40]}",
        lang="fr",
        canonical=None,
        description=None,
        published=None,
        modified=None,
        encoding=Encoding(name="utf-8", source="http-header"),
        metadata=Metadata(),
        navigation=(),
        breadcrumbs=(),
        sections=(Section(key="s", heading="Heading", level=2, paragraphs=(text,)),),
        statistics=(),
        related=(),
    )


def capture(
    store: Store,
    url: str,
    body: bytes | None,
    when: str,
    *,
    status: FetchStatus = "ok",
    etag: str | None = None,
    parse: bool = True,
) -> CheckOutcome:
    """Store ``body`` then record a check for it, like the fetcher and the CLI will."""
    sha = store.put_raw(body) if body is not None else None
    check = CheckRecord(
        url=url,
        fetched_at=when,
        status=status,
        final_url=url,
        http_status=200 if body is not None else None,
        raw_sha256=sha,
        etag=etag,
        parse_error=None if parse else "parser crashed",
    )
    text = (body or b"").decode("utf-8", "replace")
    snapshot = make_snapshot(url, text) if parse and body is not None else None
    provenance = {"headers": {"content-type": "text/html"}, "redirects": []}
    return store.record_check(check, snapshot, provenance)


def all_names(root: Path) -> Iterator[Path]:
    """Every file and directory under ``root``."""
    for directory, subdirs, names in os.walk(root):
        for name in [*subdirs, *names]:
            yield Path(directory) / name


def write_forever(root: str, seed: int, count: int = 1_000_000) -> None:
    """A writer loop for the kill -9 tests: many objects, snapshots and checks."""
    with Store(Path(root), lock_wait=5.0) as store:
        for i in range(count):
            url = f"https://example.org/page/{i % 5}"
            body = f"<p>version {(seed * 7 + i) // 2} of page {i % 5}</p>".encode() * 2000
            status: FetchStatus = "truncated" if i % 11 == 0 else "ok"
            capture(store, url, body, datetime.now(UTC).isoformat(), status=status)
