"""The store's API on a real directory: objects, checks, snapshots, statuses, index."""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pagevault.errors import InputError, StoreError
from pagevault.snapshot_json import SnapshotJson
from pagevault.store import CheckRecord, Store, normalize_url, page_key
from tests.test_store_support import at, capture, make_snapshot

URL = "https://example.org/campagne"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store") as opened:
        yield opened


def test_put_raw_is_content_addressed_compressed_and_idempotent(store: Store) -> None:
    body = b"<html>" + "é".encode() * 5000 + b"</html>"
    sha = store.put_raw(body)
    path = store.root / "objects" / sha[:2] / sha
    assert sha == hashlib.sha256(body).hexdigest()
    assert gzip.decompress(path.read_bytes()) == body
    assert path.stat().st_size < len(body) // 10
    mtime = path.stat().st_mtime_ns
    assert store.put_raw(body) == sha
    assert path.stat().st_mtime_ns == mtime  # not rewritten
    assert store.get_raw(sha) == body


def test_get_raw_rejects_missing_and_malformed_names(store: Store) -> None:
    with pytest.raises(StoreError, match="no object"):
        store.get_raw("0" * 64)
    with pytest.raises(ValueError, match="sha256"):
        store.get_raw("../../etc/passwd")


def test_statuses_new_changed_unchanged(store: Store) -> None:
    first = capture(store, URL, b"one", at(0))
    same = capture(store, URL, b"one", at(60))
    second = capture(store, URL, b"two", at(120))
    assert (first.status, same.status, second.status) == ("new", "unchanged", "changed")
    assert first.written and second.written and not same.written
    assert same.snapshot == first.snapshot
    snapshots = sorted((store.root / "pages" / page_key(URL) / "snapshots").iterdir())
    assert [p.name for p in snapshots] == [
        f"20260115T083000Z-{hashlib.sha256(b'one').hexdigest()[:12]}.json",
        f"20260115T083200Z-{hashlib.sha256(b'two').hexdigest()[:12]}.json",
    ]
    assert [c.status for c in store.history(URL)] == ["new", "unchanged", "changed"]


def test_changes_within_one_second_are_ordered_and_never_overwrite(store: Store) -> None:
    # The fetcher gives whole seconds: a -n suffix keeps the order of the writes.
    bodies = [b"a", b"b", b"a", b"b"]
    outcomes = [capture(store, URL, body, "2026-01-15T08:30:00Z") for body in bodies]
    assert [o.status for o in outcomes] == ["new", "changed", "changed", "changed"]
    names = [o.snapshot_path.name for o in outcomes if o.snapshot_path]
    assert [name.split(".")[0][29:] for name in names] == ["", "-2", "-3", "-4"]
    latest = store.latest(URL)
    assert latest is not None and latest.id == outcomes[3].snapshot
    assert capture(store, URL, b"b", "2026-01-15T08:30:00Z").status == "unchanged"


def test_failed_truncated_disallowed_and_not_modified_write_no_snapshot(store: Store) -> None:
    capture(store, URL, b"full page", at(0), etag='"v1"')
    truncated = capture(store, URL, b"full p", at(10), status="truncated")
    failed = capture(store, URL, None, at(20), status="failed")
    disallowed = capture(store, URL, None, at(30), status="disallowed")
    not_modified = capture(store, URL, None, at(40), status="not_modified")
    assert truncated.snapshot is None and not truncated.written
    assert truncated.check.raw_sha256 == hashlib.sha256(b"full p").hexdigest()
    assert store.get_raw(truncated.check.raw_sha256) == b"full p"  # raw kept
    assert failed.status == "failed" and disallowed.status == "disallowed"
    assert not_modified.snapshot == store.latest(URL).id  # type: ignore[union-attr]
    assert len(list((store.root / "pages" / page_key(URL) / "snapshots").iterdir())) == 1
    again = capture(store, URL, b"full page", at(50))
    assert again.status == "unchanged"  # truncation was never taken as a change (rule 9)


def test_parse_failure_keeps_raw_and_records_the_error(store: Store) -> None:
    outcome = capture(store, URL, b"<div>" * 10, at(0), parse=False)
    assert outcome.status == "failed" and outcome.snapshot is None
    assert outcome.check.parse_error == "parser crashed"
    assert outcome.check.error == "parse failed: parser crashed"
    assert store.get_raw(outcome.check.raw_sha256 or "") == b"<div>" * 10
    assert capture(store, URL, b"<div>" * 10, at(10)).status == "new"


def test_record_check_requires_put_raw_first(store: Store) -> None:
    check = CheckRecord(url=URL, fetched_at=at(0), status="ok", raw_sha256="a" * 64)
    with pytest.raises(ValueError, match="put_raw"):
        store.record_check(check, make_snapshot(URL, "x"), None)


def test_check_lines_hold_every_field(store: Store) -> None:
    capture(store, URL, b"body", "2026-01-15T09:30:00+01:00", etag='"e"')
    line = (store.root / "pages" / page_key(URL) / "checks.jsonl").read_text().splitlines()[0]
    record = json.loads(line)
    assert set(record) == {
        "fetched_at", "url", "final_url", "status", "http_status", "raw_sha256", "snapshot",
        "error", "etag", "last_modified", "truncation", "parse_error",
    }  # fmt: skip
    assert record["fetched_at"] == "2026-01-15T08:30:00.000000Z"  # canonical UTC


def test_snapshot_file_holds_model_and_provenance(store: Store) -> None:
    outcome = capture(store, URL, b"body", at(0))
    snapshot, provenance = store.snapshot(outcome.snapshot or "")
    assert snapshot.url == URL
    assert provenance["raw_sha256"] == hashlib.sha256(b"body").hexdigest()
    assert provenance["requested_url"] == URL
    assert provenance["headers"] == {"content-type": "text/html"}
    assert "content-decoding" in provenance["raw_bytes"]
    assert provenance["encoding"] == {"name": "utf-8", "source": "http-header"}
    for key in ("final_url", "redirects", "http_status", "fetched_at", "truncation"):
        assert key in provenance
    for key in ("pagevault_version", "parser_version", "robots", "ignore_robots"):
        assert key in provenance
    assert store.snapshot(str(outcome.snapshot_path))[0] == snapshot
    with pytest.raises(InputError, match="no snapshot"):
        store.snapshot("000000000000-20260115T083000Z-000000000000")


def test_a_snapshot_from_a_worker_is_written_as_it_came(store: Store) -> None:
    """The worker's JSON bytes go into the file unchanged, one level deeper (no decoding
    and encoding again on the way): the file is what the model itself would give."""
    snapshot = make_snapshot(URL, "Réfugiés – 43,7 millions")
    sha = store.put_raw(b"body")
    check = CheckRecord(url=URL, fetched_at=at(0), status="ok", raw_sha256=sha)
    sent = SnapshotJson.from_message(SnapshotJson.from_model(snapshot).to_message())
    outcome = store.record_check(check, sent)
    assert outcome.snapshot_path is not None
    written = outcome.snapshot_path.read_bytes()
    nested = snapshot.model_dump_json(indent=2).replace("\n", "\n  ").encode("utf-8")
    assert written.startswith(b'{\n  "snapshot": ' + nested + b',\n  "provenance": {')
    assert store.snapshot(outcome.snapshot or "")[0] == snapshot


def test_validators_come_from_the_newest_successful_check(store: Store) -> None:
    assert store.validators(URL) == (None, None)
    capture(store, URL, b"one", at(0), etag='"v1"')
    capture(store, URL, None, at(10), status="not_modified")
    capture(store, URL, None, at(20), status="failed", etag='"broken"')
    assert store.validators(URL) == ('"v1"', None)
    capture(store, URL, b"two", at(30), etag='"v2"')
    assert store.validators(URL) == ('"v2"', None)


def test_snapshot_at_picks_the_newest_at_or_before(store: Store) -> None:
    capture(store, URL, b"one", "2026-01-10T12:00:00Z")
    capture(store, URL, b"two", "2026-01-12T12:00:00Z")
    before = store.snapshot_at(URL, "2026-01-11")
    day = store.snapshot_at(URL, "2026-01-12")
    assert before is not None and before.raw_sha256 == hashlib.sha256(b"one").hexdigest()
    assert day is not None and day.raw_sha256 == hashlib.sha256(b"two").hexdigest()
    assert store.snapshot_at(URL, "2026-01-09T00:00:00+00:00") is None
    assert store.snapshot_at(URL, None) == store.latest(URL)


def test_urls_are_filed_by_normalised_form(store: Store) -> None:
    assert normalize_url("HTTPS://Example.ORG:443/campagne#top") == URL
    capture(store, URL, b"one", at(0))
    assert capture(store, "https://EXAMPLE.org:443/campagne#x", b"one", at(5)).status == "unchanged"
    assert len(store.history("https://example.org/campagne#y")) == 2


def test_pages_lists_counts_and_times(store: Store) -> None:
    capture(store, URL, b"one", at(0))
    capture(store, URL, b"one", at(60))
    capture(store, "https://example.org/other", None, at(90), status="failed")
    summaries = {page.url: page for page in store.pages()}
    page = summaries[URL]
    assert (page.checks, page.snapshots) == (2, 1)
    assert page.last_check == "2026-01-15T08:31:00.000000Z"
    assert page.last_change == "2026-01-15T08:30:00.000000Z"
    assert summaries["https://example.org/other"].snapshots == 0


def test_readers_need_no_lock_and_no_index(tmp_path: Path) -> None:
    with Store(tmp_path) as writer:
        capture(writer, URL, b"one", at(0))
        reader = Store(tmp_path, writable=False)  # while the writer holds the lock
        assert [p.url for p in reader.pages()] == [URL]
    (tmp_path / "index.sqlite").unlink()
    reader = Store(tmp_path, writable=False)
    assert reader.pages()[0].checks == 1  # built in memory from the files
    assert not (tmp_path / "index.sqlite").exists()
    with pytest.raises(StoreError, match="not open for writing"):
        reader.put_raw(b"x")
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing", writable=False)


def _index_rows(root: Path) -> dict[str, list[tuple[object, ...]]]:
    db = sqlite3.connect(root / "index.sqlite")
    try:
        return {
            table: sorted(db.execute(f"SELECT * FROM {table}"))
            for table in ("pages", "checks", "snapshots")
        }
    finally:
        db.close()


def test_reindex_rebuilds_the_same_index_and_wal_is_on(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        for i, body in enumerate([b"a", b"a", b"b", b"c"]):
            capture(store, f"{URL}/{i % 2}", body, at(i))
        incremental = _index_rows(tmp_path)
        assert store.reindex() == 2
        assert _index_rows(tmp_path) == incremental
    db = sqlite3.connect(tmp_path / "index.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_index_catches_up_after_a_lost_update_and_survives_corruption(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        capture(store, URL, b"a", at(0))
        expected = _index_rows(tmp_path)
    db = sqlite3.connect(tmp_path / "index.sqlite")
    db.execute("DELETE FROM checks")
    db.execute("DELETE FROM snapshots")
    db.execute("UPDATE pages SET checks_end = 0")
    db.commit()
    db.close()
    Store(tmp_path).close()  # a writer open catches up from the files
    assert _index_rows(tmp_path) == expected
    (tmp_path / "index.sqlite").write_bytes(b"not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"index.sqlite{suffix}").unlink(missing_ok=True)
    Store(tmp_path).close()  # unreadable index: rebuilt, it is derived (rule 2)
    assert _index_rows(tmp_path) == expected


def test_torn_last_line_is_skipped_then_cut_by_the_next_append(store: Store) -> None:
    capture(store, URL, b"one", at(0))
    log = store.root / "pages" / page_key(URL) / "checks.jsonl"
    with log.open("ab") as stream:
        stream.write(b'{"url": "https://example.org/campagne", "fetched_a')
    assert len(store.history(URL)) == 1
    assert any("torn last line" in w for w in store.verify().warnings)
    capture(store, URL, b"one", at(10))
    assert [c.status for c in store.history(URL)] == ["new", "unchanged"]
    assert log.read_bytes().endswith(b"\n")
    report = store.verify()
    assert report.ok and not report.warnings


def test_long_check_lines_read_backwards(store: Store) -> None:
    capture(store, URL, b"one", at(0), etag='"' + "e" * 200_000 + '"')
    capture(store, URL, None, at(10), status="failed")
    assert store.validators(URL)[0] == '"' + "e" * 200_000 + '"'


def test_a_file_given_as_the_store_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a store")
    with pytest.raises(StoreError, match=r"cannot use .*notes\.txt as a store: not a directory"):
        Store(path)
    assert path.read_text() == "not a store"
