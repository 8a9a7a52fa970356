"""``verify`` on a real store, and mutation tests: each kind of damage is caught (rule 12)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pagevault.store import Store, page_key
from tests.test_store_support import at, capture

URL = "https://example.org/rapport"
BODY = b"<html><p>" + b"43,7 millions de personnes " * 400 + b"</p></html>"
SHA = hashlib.sha256(BODY).hexdigest()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path) as opened:
        capture(opened, URL, BODY, at(0))
        capture(opened, URL, BODY, at(60))
        capture(opened, URL, b"second version", at(120))
        yield opened


def _object(store: Store, sha: str = SHA) -> Path:
    return store.root / "objects" / sha[:2] / sha


def _joined(messages: list[str]) -> str:
    return "\n".join(messages)


def test_a_fresh_store_verifies_clean(store: Store) -> None:
    report = store.verify()
    assert report.ok, report.problems
    assert report.warnings == []
    assert (report.objects, report.snapshots, report.checks) == (2, 2, 3)


def test_flipped_bit_in_an_object_is_caught(store: Store) -> None:
    path = _object(store)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    report = store.verify()
    assert not report.ok
    assert f"objects/{SHA[:2]}/{SHA}: " in _joined(report.problems)


def test_truncated_object_is_caught(store: Store) -> None:
    path = _object(store)
    path.write_bytes(path.read_bytes()[:-20])
    report = store.verify()
    assert not report.ok
    assert "truncated or corrupt" in _joined(report.problems)


def test_deleted_object_is_caught(store: Store) -> None:
    _object(store).unlink()
    report = store.verify()
    assert not report.ok
    assert f"points to missing object {SHA}" in _joined(report.problems)
    assert any(p.startswith(f"pages/{page_key(URL)}/snapshots/") for p in report.problems)


def test_corrupt_snapshot_file_is_caught(store: Store) -> None:
    latest = store.latest(URL)
    assert latest is not None
    document = json.loads(latest.path.read_text())
    document["snapshot"]["sections"] = "not a list"
    latest.path.write_text(json.dumps(document))
    report = store.verify()
    assert not report.ok
    assert "unreadable snapshot" in _joined(report.problems)


def test_object_with_content_of_another_name_is_caught(store: Store) -> None:
    other = hashlib.sha256(b"second version").hexdigest()
    _object(store, other).write_bytes(_object(store).read_bytes())
    assert "content hashes to" in _joined(store.verify().problems)


def test_garbage_line_inside_a_check_log_is_a_problem(store: Store) -> None:
    log = store.root / "pages" / page_key(URL) / "checks.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(lines[0] + b"\x00\x00garbage\n" + b"".join(lines[1:]))
    assert "unreadable line at byte" in _joined(store.verify().problems)


def test_index_row_without_a_file_is_caught(store: Store) -> None:
    db = sqlite3.connect(store.root / "index.sqlite")
    db.execute("INSERT INTO snapshots VALUES ('x', 'y', 'pages/nowhere.json', 't', 's')")
    db.commit()
    db.close()
    assert "index.sqlite: snapshot x has no file" in store.verify().problems


def test_leftovers_of_an_interrupted_run_are_warnings_swept_on_open(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        capture(store, URL, BODY, at(0))
        store.put_raw(b"fetched, never recorded")  # killed before record_check
    (tmp_path / "objects" / SHA[:2] / ".tmp-abc123").write_bytes(b"partial")
    report = Store(tmp_path, writable=False).verify()
    assert report.ok
    assert "leftover temp file" in _joined(report.warnings)
    assert "orphan object" in _joined(report.warnings)
    with Store(tmp_path) as writer:
        assert writer.swept == 1
        assert "leftover temp file" not in _joined(writer.verify().warnings)
