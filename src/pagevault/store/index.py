"""The SQLite index (WAL): pages, checks and snapshots, derived from the files.

RELIABILITY rule 2: the files are the archive; this index only answers store-wide queries
fast. It is written after the files are durable, catches up from them incrementally
(``sync_page`` reads a check log from the byte offset it indexed last, and adds snapshot
files it has no row for), and ``rebuild`` recreates it from nothing.

A fetch run adds the rows of each check it records (``add_check``, without reading the
files back) and commits them in batches (``commit``): a kill loses at most the rows of
the last batch, which the next writer's catch-up restores from the files.

The index's layout has a version (``PRAGMA user_version``, ``INDEX_VERSION``): an index
written by an older pagevault opens, is upgraded from its own rows by the next writer
(``Store``; ``reindex`` rebuilds it whole), and meanwhile answers what its tables hold
(``pages_reaching`` reads the check rows instead of the table it lacks rows in).
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
CREATE TABLE IF NOT EXISTS final_urls (
    final_hash TEXT NOT NULL,
    url_hash TEXT NOT NULL,
    PRIMARY KEY (final_hash, url_hash)
) WITHOUT ROWID;
"""
# 1: final_urls, the pages a check of which was redirected, by the key of its final URL
# (the page key that URL would have). An index of version 0 has no rows there.
INDEX_VERSION = 1

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
        if self.version == 0 and self._empty():
            self._set_version()  # a new index: nothing in it is of an older layout

    @property
    def version(self) -> int:
        """The layout the rows were written in (``INDEX_VERSION`` when current)."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _set_version(self) -> None:
        self._db.execute(f"PRAGMA user_version = {INDEX_VERSION}")  # a constant int

    def _empty(self) -> bool:
        return self._db.execute("SELECT 1 FROM pages LIMIT 1").fetchone() is None

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
            for table in ("checks", "snapshots", "pages", "final_urls"):
                self._db.execute(f"DELETE FROM {table}")  # fixed table names
            for key in keys:
                self._sync_rows(key)
            self._set_version()
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
            self._db.execute("DELETE FROM final_urls WHERE url_hash = ?", (key,))
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
        redirected = {page_key(c.final_url) for _, c in entries if c.final_url} - {key}
        self._db.executemany(
            "INSERT OR IGNORE INTO final_urls VALUES (?, ?)", [(k, key) for k in redirected]
        )

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
        in normalised form), by URL; the page filed under ``url`` itself is not one."""
        final_hash = page_key(url)
        if self.version < INDEX_VERSION:
            return self._pages_reaching_by_checks(final_hash)
        query = (
            "SELECT p.url FROM final_urls f JOIN pages p ON p.url_hash = f.url_hash "
            "WHERE f.final_hash = ? ORDER BY p.url"
        )
        return [row[0] for row in self._db.execute(query, (final_hash,))]

    def _pages_reaching_by_checks(self, final_hash: str) -> list[str]:
        """``pages_reaching`` in an index of an older layout: from the check rows, until
        a writer upgrades the index."""
        urls = dict(self._db.execute("SELECT url_hash, url FROM pages"))
        found = {key for reached, key in self._redirects() if reached == final_hash}
        return sorted(urls[key] for key in found if key in urls)

    def _redirects(self) -> set[tuple[str, str]]:
        """(final URL's key, page key) of every check row that was redirected: each
        distinct final URL of a page hashed once."""
        query = "SELECT DISTINCT final_url, url_hash FROM checks WHERE final_url IS NOT NULL"
        pairs = {(page_key(final_url), key) for final_url, key in self._db.execute(query)}
        return {(found, key) for found, key in pairs if found != key}

    def upgrade(self) -> None:
        """Bring an index of an older layout to ``INDEX_VERSION`` from its own rows (no
        file is read: they hold what the new rows are made of)."""
        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO final_urls VALUES (?, ?)", self._redirects()
            )
            self._set_version()

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
