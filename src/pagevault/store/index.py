"""The SQLite index (WAL): pages, checks and snapshots, derived from the files.

RELIABILITY rule 2: the files are the archive; this index only answers store-wide queries
fast. It is written after the files are durable, catches up from them incrementally
(``sync_page`` reads a check log from the byte offset it indexed last, and adds snapshot
files it has no row for), and ``rebuild`` recreates it from nothing.

A fetch run adds the rows of each check it records (``add_check``, without reading the
files back) and commits them in batches (``commit``): a kill loses at most the rows of
the last batch, which the next writer's catch-up restores from the files.

Which pages a redirect's final URL reaches (``pages_reaching``) is read from the check
rows, which every version of pagevault writes alike: no table of its own that an older
version (a cron host not yet upgraded) would leave behind, nor a schema a reader would
have to write.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from pagevault.store.checklog import read_checks
from pagevault.store.layout import (
    PAGES,
    checks_path,
    is_sha256,
    normalize_url,
    page_key,
    snapshots_dir,
)
from pagevault.store.records import CheckRecord, PageSummary, SnapshotRecord
from pagevault.store.snapfiles import read_record, snapshot_names

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url_hash TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    checks_end INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS checks (
    url_hash TEXT NOT NULL,
    line_offset INTEGER NOT NULL,
    fetched_at TEXT NOT NULL,
    url TEXT NOT NULL,
    final_url TEXT,
    status TEXT NOT NULL,
    http_status INTEGER,
    raw_sha256 TEXT,
    snapshot TEXT,
    error TEXT,
    etag TEXT,
    last_modified TEXT,
    truncation TEXT,
    parse_error TEXT,
    PRIMARY KEY (url_hash, line_offset)
);
CREATE TABLE IF NOT EXISTS snapshots (
    id TEXT PRIMARY KEY,
    url_hash TEXT NOT NULL,
    path TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    raw_sha256 TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_by_page ON snapshots (url_hash, fetched_at);
"""

_INSERT_CHECK = """
INSERT OR REPLACE INTO checks VALUES (
    :url_hash, :line_offset, :fetched_at, :url, :final_url, :status, :http_status,
    :raw_sha256, :snapshot, :error, :etag, :last_modified, :truncation, :parse_error)
"""

_PAGES = """
SELECT p.url, p.url_hash,
    (SELECT count(*) FROM checks c WHERE c.url_hash = p.url_hash),
    (SELECT count(*) FROM snapshots s WHERE s.url_hash = p.url_hash),
    (SELECT max(fetched_at) FROM checks c WHERE c.url_hash = p.url_hash),
    (SELECT max(fetched_at) FROM snapshots s WHERE s.url_hash = p.url_hash),
    (SELECT status FROM checks c WHERE c.url_hash = p.url_hash
        ORDER BY c.line_offset DESC LIMIT 1)
FROM pages p ORDER BY p.url
"""


class Index:
    """A connection to ``index.sqlite`` (or an in-memory index built for a reader)."""

    def __init__(self, target: Path | str, root: Path) -> None:
        self.root = root
        # Usable from a worker thread (asyncio.to_thread); callers serialise access.
        self._db = sqlite3.connect(target, timeout=10.0, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        # NORMAL is enough in WAL mode: a lost last transaction is re-derived from the files.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def commit(self) -> None:
        self._db.commit()

    def add_check(
        self, key: str, span: tuple[int, int], check: CheckRecord, snapshot: SnapshotRecord | None
    ) -> None:
        """Add the check whose line was just appended at ``span`` (start, end offsets) and
        the snapshot it wrote, in the open transaction; if the index was behind the page's
        log, catch the page up from its files instead."""
        start, end = span
        indexed_end = self._checks_end(key)
        if (indexed_end or 0) != start:
            self._sync_rows(key)
            return
        if indexed_end is None:
            url = _text(normalize_url(check.url))
            self._db.execute("INSERT INTO pages VALUES (?, ?, 0)", (key, url))
        if snapshot is not None:
            self._insert_snapshot(key, snapshot)
        self._add_checks(key, [(start, check)])
        self._db.execute("UPDATE pages SET checks_end = ? WHERE url_hash = ?", (end, key))

    def sync_page(self, key: str) -> None:
        """Bring one page's rows up to date with its files (one transaction)."""
        with self._db:
            self._sync_rows(key)

    def sync_all(self) -> int:
        """Catch up every page (cheap when nothing changed); return the number of pages."""
        keys = self._page_keys_on_disk()
        with self._db:
            for key in keys:
                self._sync_rows(key)
        return len(keys)

    def rebuild(self) -> int:
        """Recreate every row from the files, in one transaction; return the number of pages."""
        keys = self._page_keys_on_disk()
        with self._db:
            for table in ("checks", "snapshots", "pages"):
                self._db.execute(f"DELETE FROM {table}")  # fixed table names
            for key in keys:
                self._sync_rows(key)
        return len(keys)

    def _page_keys_on_disk(self) -> list[str]:
        try:
            return sorted(d.name for d in (self.root / PAGES).iterdir() if is_sha256(d.name))
        except FileNotFoundError:
            return []

    def _sync_rows(self, key: str) -> None:
        end = self._checks_end(key)
        path = checks_path(self.root, key)
        if end is not None and end > _size(path):
            self._db.execute("DELETE FROM checks WHERE url_hash = ?", (key,))
            end = 0  # the log shrank under us: index it again from the start
        log = read_checks(path, end or 0)
        urls = [check.url for _, check in log.entries] + self._add_snapshots(key)
        if end is None and not urls:
            return
        if end is None:
            self._db.execute(
                "INSERT INTO pages VALUES (?, ?, 0)", (key, _text(normalize_url(urls[0])))
            )
        self._add_checks(key, log.entries)
        self._db.execute("UPDATE pages SET checks_end = ? WHERE url_hash = ?", (log.end, key))

    def _checks_end(self, key: str) -> int | None:
        row = self._db.execute("SELECT checks_end FROM pages WHERE url_hash = ?", (key,)).fetchone()
        return None if row is None else int(row[0])

    def _add_checks(self, key: str, entries: list[tuple[int, CheckRecord]]) -> None:
        rows = [
            {**_texts(check.to_json()), "url_hash": key, "line_offset": offset}
            for offset, check in entries
        ]
        self._db.executemany(_INSERT_CHECK, rows)

    def _add_snapshots(self, key: str) -> list[str]:
        """Insert rows for snapshot files not indexed yet; return their URLs."""
        known = {
            row[0]
            for row in self._db.execute("SELECT path FROM snapshots WHERE url_hash = ?", (key,))
        }
        directory = snapshots_dir(self.root, key)
        urls = []
        for name in snapshot_names(directory):
            relative = f"{PAGES}/{key}/snapshots/{name}"
            if relative not in known and (url := self._add_snapshot(key, directory / name)):
                urls.append(url)
        return urls

    def _add_snapshot(self, key: str, path: Path) -> str | None:
        try:
            record = read_record(key, path)
        except (OSError, ValueError):
            return None  # unreadable: verify reports it
        self._insert_snapshot(key, record)
        return record.url

    def _insert_snapshot(self, key: str, record: SnapshotRecord) -> None:
        relative = record.path.relative_to(self.root).as_posix()
        self._db.execute(
            "INSERT OR REPLACE INTO snapshots VALUES (?, ?, ?, ?, ?)",
            (record.id, key, relative, record.fetched_at, record.raw_sha256),
        )

    def pages(self) -> list[PageSummary]:
        return [PageSummary(*row) for row in self._db.execute(_PAGES)]

    def pages_reaching(self, url: str) -> list[str]:
        """The URLs of the pages some check of which was redirected to ``url`` (compared
        in normalised form), by URL; the page filed under ``url`` itself is not one.
        Each distinct final URL of a page is hashed once (a rare look-up: a URL that is
        no page of its own)."""
        final_hash = page_key(url)
        query = "SELECT DISTINCT final_url, url_hash FROM checks WHERE final_url IS NOT NULL"
        found = {
            key
            for final_url, key in self._db.execute(query)
            if key != final_hash and page_key(final_url) == final_hash
        }
        urls = dict(self._db.execute("SELECT url_hash, url FROM pages"))
        return sorted(urls[key] for key in found if key in urls)

    def snapshot_path(self, snapshot_id: str) -> Path | None:
        row = self._db.execute("SELECT path FROM snapshots WHERE id = ?", (snapshot_id,)).fetchone()
        return None if row is None else self.root / row[0]

    def page_urls(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT url_hash, url FROM pages"))

    def page_keys(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT url_hash FROM pages")]

    def snapshot_rows(self) -> list[tuple[str, str]]:
        return list(self._db.execute("SELECT id, path FROM snapshots"))

    def check_rows(self) -> list[tuple[str, int]]:
        return list(self._db.execute("SELECT url_hash, line_offset FROM checks"))


def _text(value: str) -> str:
    """SQLite takes UTF-8 only: lone surrogates (undecodable URL bytes) become escapes."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _texts(row: dict[str, Any]) -> dict[str, Any]:
    return {key: _text(value) if isinstance(value, str) else value for key, value in row.items()}


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0
