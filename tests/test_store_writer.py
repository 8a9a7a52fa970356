"""The fetch run's one store writer: what waits is written as one batch, each job is
answered once its batch is durable, and one job's trouble stays that job's."""

from __future__ import annotations

import asyncio
import errno
import os
from pathlib import Path
from typing import Any

import pytest

from pagevault.errors import StoreError
from pagevault.fetch import FetchResult
from pagevault.store import CheckRecord, Store
from pagevault.store_writer import StoreWriter
from tests.test_store_support import at, make_snapshot

URLS = [f"https://example.org/page/{n}" for n in range(6)]


def _result(url: str, body: bytes, status: Any = "ok") -> FetchResult:
    return FetchResult(
        requested_url=url,
        final_url=url,
        redirects=(),
        status=status,
        http_status=200,
        headers={"content-type": "text/html"},
        body=body,
        body_coding="identity",
        truncation=None,
        error=None,
        fetched_at=at(0),
        robots="allowed",
    )


async def _run(store: Store, jobs: Any) -> Any:
    """Run ``jobs(writer)`` with a writer running beside it."""
    writer = StoreWriter(store)
    writing = asyncio.create_task(writer.run())
    try:
        return await jobs(writer)
    finally:
        writing.cancel()


def _spy_batches(monkeypatch: pytest.MonkeyPatch, store: Store, name: str) -> list[int]:
    """The size of every batch given to ``store.<name>``."""
    sizes: list[int] = []
    real = getattr(store, name)

    def spy(items: list[Any]) -> Any:
        sizes.append(len(items))
        return real(items)

    monkeypatch.setattr(store, name, spy)
    return sizes


def test_what_waits_together_is_written_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path) as store:
        raw_batches = _spy_batches(monkeypatch, store, "put_raws")
        check_batches = _spy_batches(monkeypatch, store, "record_checks")

        async def jobs(writer: StoreWriter) -> list[Any]:
            results = [_result(url, url.encode()) for url in URLS]
            kept = await asyncio.gather(*(writer.keep_raw(result) for result in results))
            checks = [
                CheckRecord(url=url, fetched_at=at(0), status="ok", raw_sha256=raw.sha256)
                for url, raw in zip(URLS, kept, strict=True)
            ]
            return await asyncio.gather(
                *(writer.record((c, make_snapshot(c.url, "x"), None)) for c in checks)
            )

        outcomes = asyncio.run(_run(store, jobs))
        assert [o.status for o in outcomes] == ["new"] * len(URLS)
        assert raw_batches == [len(URLS)] and check_batches == [len(URLS)]
        assert store.verify().ok


def test_a_known_body_is_kept_once_and_read_as_unchanged(tmp_path: Path) -> None:
    with Store(tmp_path) as store:

        async def jobs(writer: StoreWriter) -> list[Any]:
            first = await writer.keep_raw(_result(URLS[0], b"same"))
            check = CheckRecord(url=URLS[0], fetched_at=at(0), status="ok", raw_sha256=first.sha256)
            await writer.record((check, make_snapshot(URLS[0], "x"), None))
            again = await writer.keep_raw(_result(URLS[0], b"same"))
            failed = await writer.keep_raw(_result(URLS[1], b"", status="failed"))
            return [first, again, failed]

        first, again, failed = asyncio.run(_run(store, jobs))
        assert not first.unchanged and again.unchanged and again.sha256 == first.sha256
        assert failed.sha256 is None  # no body, no object


def test_an_invalid_check_fails_alone(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        sha = store.put_raw(b"body")

        async def jobs(writer: StoreWriter) -> list[Any]:
            good = CheckRecord(url=URLS[0], fetched_at=at(0), status="ok", raw_sha256=sha)
            bad = CheckRecord(url=URLS[1], fetched_at=at(0), status="ok", raw_sha256="0" * 64)
            return await asyncio.gather(
                writer.record((good, make_snapshot(URLS[0], "x"), None)),
                writer.record((bad, None, None)),
                return_exceptions=True,
            )

        good, bad = asyncio.run(_run(store, jobs))
        assert good.status == "new"
        assert isinstance(bad, ValueError) and "put_raw first" in str(bad)


def test_a_full_disk_fails_every_job_of_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path) as store:

        def full(fd: int, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        async def jobs(writer: StoreWriter) -> list[Any]:
            monkeypatch.setattr(os, "write", full)
            results = [_result(url, url.encode()) for url in URLS[:3]]
            return await asyncio.gather(
                *(writer.keep_raw(result) for result in results), return_exceptions=True
            )

        failures = asyncio.run(_run(store, jobs))
        monkeypatch.undo()
        assert all(isinstance(f, StoreError) and "No space left" in str(f) for f in failures)
        assert store.verify().ok
