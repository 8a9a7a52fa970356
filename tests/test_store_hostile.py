"""Hostile URLs stay inside the store (rule 8); a full disk leaves no partial file (rule 2)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pagevault.errors import StoreError
from pagevault.store import Store, normalize_url, page_key
from tests.test_store_support import all_names, at, capture

HOSTILE_URLS = [
    "https://example.org/../../../../etc/passwd",
    "https://example.org/%2e%2e/%2e%2e/%2E%2E/etc/shadow",
    "../../outside",
    "/absolute/path",
    "https://example.org/" + "a" * 4096,
    "https://example.org/" + "é/" * 2000,
    "https://example.org/nul\x00byte",
    "https://exa\x00mple.org/",
    "https://例え.テスト/パス?q=ü#frag",
    "https://example.org/\ud800lone-surrogate",
    "https://[::1/broken-ipv6",
    "CON",
    "",
]


def test_hostile_urls_stay_inside_the_store_with_short_names(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with Store(root) as store:
        for i, url in enumerate(HOSTILE_URLS):
            outcome = capture(store, url, f"body {i}".encode(), at(i))
            assert outcome.status == "new"
            assert len(store.history(url)) == 1
            assert store.latest(url) is not None
        assert store.verify().ok
        assert len(store.pages()) == len(HOSTILE_URLS)
    assert set(tmp_path.iterdir()) == {root}  # nothing written beside the store
    for path in all_names(root):
        assert len(path.name.encode()) <= 255
        assert path.resolve().is_relative_to(root.resolve())
        assert path.name.isascii()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=5000))
def test_any_url_maps_to_one_hex_name(url: str) -> None:
    key = page_key(url)
    assert len(key) == 64 and all(c in "0123456789abcdef" for c in key)
    assert page_key(normalize_url(url)) == key  # normalisation is idempotent


def _failing_write(budget: int) -> object:
    """An os.write that writes ``budget`` bytes, then fails as a full disk does."""
    real_write = os.write
    left = [budget]

    def write(fd: int, data: bytes) -> int:
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = real_write(fd, bytes(data)[: left[0]])
        left[0] -= written
        return written

    return write


def _regular_files(root: Path) -> set[Path]:
    return {p for p in all_names(root) if p.is_file() and not p.name.startswith(".tmp-")}


URL = "https://example.org/page"


@pytest.mark.parametrize("budget", [0, 100])
def test_disk_full_while_storing_a_raw_object(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    with Store(tmp_path) as store:
        capture(store, URL, b"old version", at(0))
        before = _regular_files(tmp_path)
        monkeypatch.setattr(os, "write", _failing_write(budget))
        with pytest.raises(StoreError) as caught:
            store.put_raw(os.urandom(50_000))
        monkeypatch.undo()
        assert "objects/" in str(caught.value) and "No space left" in str(caught.value)
        assert "\n" not in str(caught.value)
        assert _regular_files(tmp_path) == before  # no partial object under its final name
        assert store.verify().ok


def test_disk_full_while_writing_a_snapshot_keeps_old_snapshots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path) as store:
        first = capture(store, URL, b"old version", at(0))
        old_bytes = first.snapshot_path.read_bytes()  # type: ignore[union-attr]
        sha = store.put_raw(b"new version")
        monkeypatch.setattr(os, "write", _failing_write(10))
        with pytest.raises(StoreError, match=r"snapshots/.*No space left"):
            capture(store, URL, b"new version", at(60))
        monkeypatch.undo()
        assert first.snapshot_path.read_bytes() == old_bytes  # type: ignore[union-attr]
        assert [c.status for c in store.history(URL)] == ["new"]
        report = store.verify()
        assert report.ok, report.problems
        assert f"objects/{sha[:2]}/{sha}: orphan object" in "\n".join(report.warnings)
        assert capture(store, URL, b"new version", at(120)).status == "changed"


def test_disk_full_while_appending_a_check_leaves_the_log_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path) as store:
        capture(store, URL, b"old version", at(0))
        log = tmp_path / "pages" / page_key(URL) / "checks.jsonl"
        before = log.read_bytes()
        monkeypatch.setattr(os, "write", _failing_write(40))
        with pytest.raises(StoreError, match=r"checks\.jsonl: No space left"):
            capture(store, URL, None, at(60), status="failed")
        monkeypatch.undo()
        assert log.read_bytes() == before  # the partial line was cut back
        assert store.verify().ok
