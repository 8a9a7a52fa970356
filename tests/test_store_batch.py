"""Recording checks together (group commit) and committing the index in batches: the same
files as one by one, in an order a crash cannot turn into damage, and an index that a
kill -9 leaves behind but never wrong."""

from __future__ import annotations

import errno
import multiprocessing
import os
import random
import signal
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pagevault.errors import StoreError
from pagevault.store import CheckRecord, Store, page_key, snapfiles
from pagevault.store import files as store_files
from pagevault.store.core import CheckInput
from tests.test_store_support import at, capture, make_snapshot

FORK = multiprocessing.get_context("fork")
URLS = [f"https://example.org/page/{n}" for n in range(4)]


def _inputs(store: Store, bodies: list[tuple[str, bytes]], when: str) -> list[CheckInput]:
    """Checks of (url, body) pairs as the fetcher makes them, bodies stored first."""
    shas = store.put_raws([body for _, body in bodies])
    return [
        (
            CheckRecord(url=url, fetched_at=when, status="ok", final_url=url, http_status=200,
                        raw_sha256=sha),
            make_snapshot(url, body.decode()),
            {"headers": {"content-type": "text/html"}},
        )
        for (url, body), sha in zip(bodies, shas, strict=True)
    ]  # fmt: skip


def _tree(root: Path) -> dict[str, bytes]:
    """Every file of a store but its index, by path relative to the root."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.name.startswith(("index.sqlite", ".lock"))
    }


def test_a_batch_writes_what_one_by_one_writes(tmp_path: Path) -> None:
    bodies = [(url, f"<p>{url}</p>".encode()) for url in URLS]
    with Store(tmp_path / "together") as together, Store(tmp_path / "apart") as apart:
        batched = together.record_checks(_inputs(together, bodies, at(0)))
        single = [apart.record_check(*item) for item in _inputs(apart, bodies, at(0))]
        assert [o.status for o in batched] == ["new"] * len(URLS)
        assert [o.check for o in batched] == [o.check for o in single]
        assert together.pages() == apart.pages()
        assert together.verify().ok
    assert _tree(tmp_path / "together") == _tree(tmp_path / "apart")


def test_a_page_twice_in_one_batch_is_decided_against_its_first_check(tmp_path: Path) -> None:
    url = URLS[0]
    with Store(tmp_path) as store:
        items = _inputs(store, [(url, b"one"), (url, b"one"), (url, b"two")], at(0))
        outcomes = store.record_checks(items)
        assert [o.status for o in outcomes] == ["new", "unchanged", "changed"]
        assert outcomes[1].snapshot == outcomes[0].snapshot
        assert [c.status for c in store.history(url)] == ["new", "unchanged", "changed"]
        assert store.verify().ok


def test_an_invalid_check_stops_the_batch_before_anything_is_written(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        items = _inputs(store, [(URLS[0], b"one")], at(0))
        unstored = CheckRecord(url=URLS[1], fetched_at=at(0), status="ok", raw_sha256="0" * 64)
        before = _tree(tmp_path)
        with pytest.raises(ValueError, match="call put_raw first"):
            store.record_checks([*items, (unstored, None, None)])
        assert _tree(tmp_path) == before


def test_put_raws_stores_each_body_once(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        first = store.put_raw(b"kept")
        object_path = tmp_path / "objects" / first[:2] / first
        mtime = object_path.stat().st_mtime_ns
        shas = store.put_raws([b"kept", b"new", b"new"])
        assert shas[0] == first and shas[1] == shas[2]
        assert object_path.stat().st_mtime_ns == mtime  # not rewritten
        assert store.get_raw(shas[1]) == b"new"
        assert not list(tmp_path.rglob(".tmp-*"))


def test_no_check_line_before_its_snapshot_is_durable_under_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order of the disk operations of a batch, recorded: each snapshot is fsynced,
    renamed and its directory fsynced before any check line is written."""
    events: list[tuple[str, str]] = []
    with Store(tmp_path) as store:
        items = _inputs(store, [(url, url.encode()) for url in URLS], at(0))
        _record_events(monkeypatch, events)
        outcomes = store.record_checks(items)
    appends = [i for i, (kind, _) in enumerate(events) if kind == "append"]
    assert len(appends) == len(URLS)
    for outcome in outcomes:
        snapshot = outcome.snapshot_path
        assert snapshot is not None
        renamed = events.index(("replace", str(snapshot)))
        temp_synced = max(i for i, (kind, path) in enumerate(events) if kind == "fsync"
                          and Path(path).parent == snapshot.parent and ".tmp-" in path)  # fmt: skip
        directory_synced = events.index(("fsync", str(snapshot.parent)), renamed)
        assert temp_synced < renamed < directory_synced < min(appends)
    for url in URLS:
        log = tmp_path / "pages" / page_key(url) / "checks.jsonl"
        assert events.index(("fsync", str(log))) > max(appends)


def _record_events(monkeypatch: pytest.MonkeyPatch, events: list[tuple[str, str]]) -> None:
    real_fsync, real_replace = store_files._fsync_path, Path.replace
    real_append = store_files.append_unsynced

    def fsync(path: Path) -> OSError | None:
        events.append(("fsync", str(path)))
        return real_fsync(path)

    def replace(self: Path, target: Path) -> Path:
        events.append(("replace", str(target)))
        return real_replace(self, target)

    def append(path: Path, line: bytes) -> int:
        events.append(("append", str(path)))
        return real_append(path, line)

    monkeypatch.setattr(store_files, "_fsync_path", fsync)
    monkeypatch.setattr(Path, "replace", replace)
    monkeypatch.setattr(store_files, "append_unsynced", append)


def test_a_failed_fsync_names_the_path_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path) as store:
        items = _inputs(store, [(URLS[0], b"one")], at(0))
        real_fsync = os.fsync

        def failing(fd: int) -> None:
            if "/.tmp-" in str(Path(f"/proc/self/fd/{fd}").readlink()):
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", failing)
        with pytest.raises(StoreError, match=r"snapshots/2026\S*\.json: Input/output error"):
            store.record_checks(items)
        monkeypatch.undo()
        assert not list(tmp_path.rglob(".tmp-*"))
        assert store.history(URLS[0]) == []
        assert store.verify().ok


def test_readers_see_batched_rows_when_the_batch_ends(tmp_path: Path) -> None:
    with Store(tmp_path) as writer:
        with writer.index_batches():
            capture(writer, URLS[0], b"one", at(0))
            assert Store(tmp_path, writable=False).pages() == []  # not committed yet
        assert [page.url for page in Store(tmp_path, writable=False).pages()] == [URLS[0]]


def _write_batches_forever(root: str, seed: int) -> None:
    """A writer for the kill -9 test: batches of checks, index rows committed in batches."""
    with Store(Path(root), lock_wait=5.0) as store, store.index_batches():
        for n in range(1_000_000):
            when = datetime.now(UTC).isoformat()
            bodies = [(url, f"<p>{seed} {n // 2} {url}</p>".encode() * 500) for url in URLS]
            store.record_checks(_inputs(store, bodies, when))


def test_kill_9_during_batches_leaves_an_index_the_next_writer_catches_up(
    tmp_path: Path,
) -> None:
    root = tmp_path / "store"
    rng = random.Random(20261126)
    for seed in range(25):
        writer = FORK.Process(target=_write_batches_forever, args=(str(root), seed))
        writer.start()
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(writer.pid or 0, signal.SIGKILL)
        writer.join(timeout=10)
        assert writer.exitcode == -signal.SIGKILL
        report = Store(root, writable=False).verify()
        assert report.ok, report.problems
    with Store(root) as store:  # the next writer: the index catches up from the files
        report = store.verify()
        assert report.ok, report.problems
        assert not [w for w in report.warnings if "behind" in w], report.warnings
        checks = sum(len(store.history(url)) for url in URLS)
        assert sum(page.checks for page in store.pages()) == checks > 0


def test_make_dirs_creates_missing_parents_and_syncs_each_new_entry(tmp_path: Path) -> None:
    """A directory whose parents are missing: each is created, and the directory that
    gained each new entry is to be synced (and nothing for what already existed)."""
    leaf = tmp_path / "a" / "b" / "c"
    changed = store_files.Barrier()
    store_files.make_dirs(leaf, changed)
    assert leaf.is_dir()
    assert set(changed._paths) == {tmp_path, tmp_path / "a", tmp_path / "a" / "b"}
    again = store_files.Barrier()
    store_files.make_dirs(leaf, again)
    assert not again._paths


def test_make_dirs_under_a_file_names_the_file(tmp_path: Path) -> None:
    """A file where a parent directory should be: the one-line error names that file, as
    when every parent was looked at first."""
    (tmp_path / "a").write_bytes(b"not a directory")
    with pytest.raises(StoreError, match=r"cannot write \S*/a: File exists"):
        store_files.make_dirs(tmp_path / "a" / "b" / "c", store_files.Barrier())
    with pytest.raises(StoreError, match=r"cannot write \S*/a: File exists"):
        store_files.make_dirs(tmp_path / "a", store_files.Barrier())


def _count_snapshot_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The snapshot files read (and validated) from now on, in order."""
    reads: list[Path] = []
    real = snapfiles.read_document

    def counted(path: Path) -> Any:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(snapfiles, "read_document", counted)
    return reads


def test_a_recheck_reads_the_latest_snapshot_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The latest snapshot read before the check (was the body seen already?) is the one
    the check is decided against: the file is not read a second time."""
    url = URLS[0]
    with Store(tmp_path) as store:
        first = store.record_checks(_inputs(store, [(url, b"one")], at(0)))[0]
        reads = _count_snapshot_reads(monkeypatch)
        items = _inputs(store, [(url, b"one")], at(1))
        latest = store.latest_before_recording(url)
        assert latest is not None and latest.id == first.snapshot
        assert store.record_checks(items)[0].status == "unchanged"
        assert reads == [first.snapshot_path]


def test_a_latest_read_before_recording_is_used_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check decided against the record read before it writes a new snapshot; the
    page's next check, or its second one in the same batch, reads the files again and
    sees that snapshot (the record read earlier is stale by then)."""
    url = URLS[0]
    with Store(tmp_path) as store:
        store.record_checks(_inputs(store, [(url, b"one")], at(0)))
        store.latest_before_recording(url)
        items = _inputs(store, [(url, b"two"), (url, b"two")], at(1))
        outcomes = store.record_checks(items)
        assert [o.status for o in outcomes] == ["changed", "unchanged"]
        assert outcomes[1].snapshot == outcomes[0].snapshot
        reads = _count_snapshot_reads(monkeypatch)
        again = store.record_checks(_inputs(store, [(url, b"two")], at(2)))[0]
        assert again.status == "unchanged" and again.snapshot == outcomes[0].snapshot
        assert reads == [outcomes[0].snapshot_path]
        assert store.verify().ok


def test_a_page_never_snapshotted_is_read_before_recording_as_none(tmp_path: Path) -> None:
    url = URLS[0]
    with Store(tmp_path) as store:
        items = _inputs(store, [(url, b"one")], at(0))
        assert store.latest_before_recording(url) is None
        assert store.record_checks(items)[0].status == "new"
