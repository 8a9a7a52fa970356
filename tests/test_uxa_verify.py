"""`verify`: its findings on stdout naming their page, its warnings worded as they are."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from pagevault.store import Store, page_key
from tests.test_store_support import at, capture

URL = "https://example.org/rapport"
BODY = b"<html><p>" + b"43,7 millions de personnes " * 400 + b"</p></html>"
SHA = hashlib.sha256(BODY).hexdigest()


def _store(root: Path) -> None:
    with Store(root) as store:
        capture(store, URL, BODY, at(0))


def test_a_damaged_object_and_snapshot_name_their_page(tmp_path: Path) -> None:
    _store(tmp_path)
    raw = tmp_path / "objects" / SHA[:2] / SHA
    raw.write_bytes(raw.read_bytes()[:-10])
    [snapshot] = (tmp_path / "pages" / page_key(URL) / "snapshots").iterdir()
    snapshot.write_text("{")
    with Store(tmp_path, writable=False) as store:
        problems = store.verify().problems
    assert len(problems) == 2
    assert all(problem.endswith(f" (page {URL})") for problem in problems), problems


def test_an_index_missing_a_snapshot_row_says_just_that(tmp_path: Path) -> None:
    _store(tmp_path)
    with sqlite3.connect(tmp_path / "index.sqlite") as db:
        db.execute("DELETE FROM snapshots")
    with Store(tmp_path, writable=False) as store:
        warnings = store.verify().warnings
    assert warnings == [
        "index.sqlite: behind the files, not indexed yet: 1 snapshot(s) "
        "(the next writer catches up; or run reindex)"
    ]
