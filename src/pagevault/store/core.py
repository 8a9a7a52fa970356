"""The ``Store``: the only code that writes the archive.

Order of writes for one check (RELIABILITY rules 1, 2, 9): the raw body (``put_raw``, called
by the fetcher before parsing), then the snapshot file if the capture is complete and new,
then the check line, then the index. A kill -9 between any two leaves a store that
``verify`` passes: at worst a temp file, an orphan object, a snapshot no check names yet,
a torn last line or an index behind the files; the next writer open sweeps and catches up.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import sqlite3
import time
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from pagevault.errors import InputError, StoreError
from pagevault.snapshot_json import SnapshotJson
from pagevault.store import batch, files
from pagevault.store.checklog import checks_newest_first, read_checks
from pagevault.store.index import Index
from pagevault.store.layout import (
    INDEX,
    LOCK,
    MIN_ID_PREFIX,
    OBJECTS,
    PAGES,
    SNAPSHOT_ID,
    SNAPSHOT_ID_PREFIX,
    SNAPSHOT_NAME,
    SNAPSHOTS,
    checks_path,
    object_path,
    page_key,
    snapshot_id,
    snapshots_dir,
)
from pagevault.store.lock import StoreLock
from pagevault.store.records import (
    CheckOutcome,
    CheckRecord,
    PageSummary,
    SnapshotRecord,
    VerifyReport,
    canonical_time,
    parse_bound,
)
from pagevault.store.snapfiles import (
    latest_record,
    read_document,
    snapshot_names,
)
from pagevault.text import strip_controls

if TYPE_CHECKING:
    from pagevault.model import Snapshot

_log = logging.getLogger("pagevault.store")

# What ``record_checks`` takes for each check: the check, its snapshot, its provenance.
CheckInput = tuple[CheckRecord, "SnapshotJson | Snapshot | None", dict[str, Any] | None]

INDEX_BATCH = 100  # checks per index transaction, at most
INDEX_BATCH_SECONDS = 1.0  # age of the oldest uncommitted row when the next check commits
_PAGES_NAMED = 3  # pages an error names, at most, when a URL is reached by several
_VALIDATOR_STATUSES = frozenset({"new", "changed", "unchanged", "not_modified"})


class Store:
    """An archive directory. Writable stores hold the lock until ``close`` (context manager).

    Not thread-safe: one thread at a time (e.g. the fetcher's ``asyncio.to_thread`` calls
    awaited one after the other).
    """

    def __init__(
        self,
        root: Path,
        *,
        writable: bool = True,
        lock_wait: float = 0.0,
        exclusive: bool = False,
        create: bool = True,
    ) -> None:
        """``exclusive`` makes a reader hold the writer lock too, without writing: verify
        must not see a run's half-done check (it would report it as damage). A writer
        creates the store if there is none, unless ``create`` is False (StoreError)."""
        self.root = Path(root)
        self.writable = writable
        self._lock: StoreLock | None = None
        self._index: Index | None = None
        self._uncommitted = 0
        self._batch_since: float | None = None  # when the open batch began, if batching
        # page key -> its latest snapshot, read for a check not recorded yet (see
        # latest_before_recording)
        self._latest_read: dict[str, SnapshotRecord | None] = {}
        self.swept = 0
        # Objects found damaged, written again when their body comes back (see validators).
        self._repairs: set[str] = set()
        if (not writable or not create) and not (self.root / OBJECTS).is_dir():
            raise StoreError(f"no store at {self.root}")
        if writable:
            self._open_writer(lock_wait)
            return
        if exclusive:
            self._lock = StoreLock(self.root / LOCK, wait=lock_wait)

    def _open_writer(self, lock_wait: float) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(f"cannot use {self.root} as a store: not a directory")
        changed = files.Barrier()
        files.make_dirs(self.root / OBJECTS, changed)
        files.make_dirs(self.root / PAGES, changed)
        changed.sync()
        self._lock = StoreLock(self.root / LOCK, wait=lock_wait)
        try:
            self.swept = self.sweep_temp_files()
            self._index = self._open_index()
        except BaseException:
            self.close()
            raise

    def _open_index(self) -> Index:
        """The on-disk index, caught up with the files; recreated if unreadable (it is derived)."""
        path = self.root / INDEX
        index: Index | None = None
        try:
            index = Index(path, self.root)
            index.sync_all()
            return index
        except sqlite3.OperationalError as error:  # disk full, I/O error: not damage
            if index is not None:
                index.close()
            raise StoreError(f"cannot write {path}: {error}") from error
        except sqlite3.DatabaseError as error:
            if index is not None:
                index.close()
            _log.warning("%s unreadable (%s): rebuilding it from the files", path, error)
        return self._recreate_index(path)

    def _recreate_index(self, path: Path) -> Index:
        for suffix in ("", "-wal", "-shm"):
            files.remove_files([path.with_name(INDEX + suffix)])
        try:
            index = Index(path, self.root)
            index.rebuild()
        except sqlite3.Error as error:
            raise StoreError(f"cannot write {path}: {error}") from error
        return index

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Commit and close the index, and drop the lock. Idempotent."""
        if self._index is not None:
            self.commit_index()
            self._index.close()
            self._index = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _require_writer(self) -> Index:
        if self._lock is None or self._index is None:
            raise StoreError(f"store {self.root} is not open for writing")
        return self._index

    # Raw objects ------------------------------------------------------------------------

    def put_raw(self, body: bytes) -> str:
        """Store a decoded entity body durably (before parsing, rule 1); return its sha256.

        Content-addressed and immutable (rule 2): an existing object is left as it is,
        unless it was found damaged (``validators``): then it is written again.
        """
        return self.put_raws([body])[0]

    def put_raws(self, bodies: Sequence[bytes]) -> list[str]:
        """``put_raw`` for several bodies, their fsyncs grouped: the new objects are
        written, fsynced together, named, and their directories fsynced together."""
        self._require_writer()
        shas = [hashlib.sha256(body).hexdigest() for body in bodies]
        new = {
            sha: body
            for sha, body in zip(shas, bodies, strict=True)
            if sha in self._repairs or not self.has_raw(sha)
        }
        if new:
            self._write_objects(new)
            self._repairs.difference_update(new)
        return shas

    def _write_objects(self, bodies: dict[str, bytes]) -> None:
        changed = files.Barrier()
        temps: dict[Path, Path] = {}
        for sha256, body in bodies.items():
            path = object_path(self.root, sha256)
            files.make_dirs(path.parent, changed)
            temps[path] = files.write_temp(path, files.compress(body))
        files.sync_temps(temps)
        for path, temp in temps.items():
            files.publish(temp, path)
            changed.add(path.parent)
        changed.sync()

    def has_raw(self, sha256: str) -> bool:
        return object_path(self.root, sha256).is_file()

    def get_raw(self, sha256: str) -> bytes:
        """The body stored under ``sha256``; StoreError if missing or corrupt, ValueError if
        ``sha256`` is not 64 lower-case hex digits."""
        path = object_path(self.root, sha256)
        try:
            body = files.decompress(path.read_bytes())
        except FileNotFoundError as error:
            raise StoreError(f"no object {sha256} in {self.root}") from error
        except (OSError, EOFError, ValueError, zlib.error) as error:
            raise StoreError(f"{path}: unreadable object ({error}); run verify") from error
        if hashlib.sha256(body).hexdigest() != sha256:
            raise StoreError(f"{path}: content does not match its name; run verify")
        return body

    # Checks and snapshots ---------------------------------------------------------------

    def record_check(
        self,
        check: CheckRecord,
        snapshot: SnapshotJson | Snapshot | None = None,
        provenance: dict[str, Any] | None = None,
    ) -> CheckOutcome:
        """Record one check; write a snapshot file when it is a complete, new capture.

        ``snapshot`` comes as the parse worker's JSON text, or as the model.

        The fetcher's "ok" becomes "new" (first snapshot of the page), "changed" or
        "unchanged" (same raw sha256 as the latest snapshot: no file written); "ok" with no
        snapshot and a new body means parsing failed and becomes "failed". Other statuses
        are kept and never write a snapshot, even if one is given (rule 9).
        """
        return self.record_checks([(check, snapshot, provenance)])[0]

    def record_checks(self, items: Sequence[CheckInput]) -> list[CheckOutcome]:
        """``record_check`` for several checks (check, snapshot, provenance), their fsyncs
        grouped (``pagevault.store.batch``); nothing is returned before all are durable.
        ValueError, before anything is written, if any of them is invalid."""
        index = self._require_writer()
        entries = [self._entry(*item) for item in items]
        outcomes = []
        for round_ in batch.rounds(entries):
            for entry, recorded in zip(round_, batch.write_round(self.root, round_), strict=True):
                self._update_index(index, entry.key, recorded.span, recorded.outcome)
                outcomes.append(recorded.outcome)
        return outcomes

    def _entry(
        self,
        check: CheckRecord,
        snapshot: SnapshotJson | Snapshot | None,
        provenance: dict[str, Any] | None,
    ) -> batch.Entry:
        """A check ready to record: a canonical UTC time, its raw body stored; ValueError
        if it cannot be recorded."""
        sha256 = check.raw_sha256
        if sha256 is not None and not self.has_raw(sha256):
            raise ValueError(f"raw body {sha256} is not in the store: call put_raw first")
        if check.status == "ok" and sha256 is None:
            raise ValueError("an 'ok' check needs raw_sha256: call put_raw first")
        if snapshot is not None and not isinstance(snapshot, SnapshotJson):
            snapshot = SnapshotJson.from_model(snapshot)
        if (provenance or {}).get("raw_sha256", sha256) != sha256:
            raise ValueError("provenance raw_sha256 differs from the check's")
        check = replace(check, fetched_at=canonical_time(check.fetched_at))
        key = page_key(check.url)
        latest = self._latest_read.pop(key, batch.UNREAD)
        return batch.Entry(key, check, snapshot, provenance, latest)

    def _update_index(
        self, index: Index, key: str, span: tuple[int, int], outcome: CheckOutcome
    ) -> None:
        """After the files are durable; committed with the rest of the batch. A failure
        here loses nothing: the next open catches up from the files."""
        written = _written_record(outcome)
        try:
            index.add_check(key, span, outcome.check, written)
        except sqlite3.Error as error:
            _log.warning("index update failed for page %s (%s); it catches up later", key, error)
        self._uncommitted += 1
        if self._commit_due():
            self.commit_index()

    def _commit_due(self) -> bool:
        if self._batch_since is None:
            return True
        return self._uncommitted >= INDEX_BATCH or time.monotonic() >= self._batch_since + (
            INDEX_BATCH_SECONDS
        )

    @contextlib.contextmanager
    def index_batches(self) -> Iterator[None]:
        """Within this block, index rows are committed INDEX_BATCH checks (or a second's
        worth) at a time, not one check at a time, and at its end; readers of the index
        see them then. The files are written and made durable check by check as ever."""
        self._batch_since = time.monotonic()
        try:
            yield
        finally:
            self._batch_since = None
            self.commit_index()

    def commit_index(self) -> None:
        """Commit the index rows added since the last commit (``close`` does it too)."""
        if self._index is None or not self._uncommitted:
            return
        try:
            self._index.commit()
        except sqlite3.Error as error:
            _log.warning("index commit failed (%s); it catches up later", error)
        self._uncommitted = 0
        if self._batch_since is not None:
            self._batch_since = time.monotonic()

    # Reading ----------------------------------------------------------------------------

    def latest(self, url: str) -> SnapshotRecord | None:
        """The page's newest readable snapshot, from the files (the index may lag)."""
        return latest_record(self.root, page_key(url))

    def latest_before_recording(self, url: str) -> SnapshotRecord | None:
        """``latest``, for a check of ``url`` that is recorded next: that check is decided
        against this record rather than by reading the files again (reading and validating
        a snapshot file costs ~0.3 ms for 15 KB, more for bigger ones; a re-checked page
        read it twice). Never stale: only this writer changes snapshot files, and only by
        recording a check, which takes the record out first (a page checked twice in a
        batch reads the files for its second check)."""
        key = page_key(url)
        if key in self._latest_read:  # read for this check already (``validators``)
            return self._latest_read[key]
        record = self._latest_read[key] = latest_record(self.root, key)
        return record

    def snapshot_at(self, url: str, when: str | None) -> SnapshotRecord | None:
        """The newest snapshot fetched at or before ``when`` (ISO date-time; a date means
        the end of that day, UTC); the latest if ``when`` is None. ValueError if unparsable."""
        bound = None if when is None else parse_bound(when)
        return latest_record(self.root, page_key(url), bound)

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """ETag and Last-Modified of the newest successful check, for a conditional GET.

        Failed, truncated and disallowed checks are skipped (their validators describe a
        body we do not hold whole), as is a 304 that repeated no validator.
        """
        for check in checks_newest_first(checks_path(self.root, page_key(url))):
            if check.status not in _VALIDATOR_STATUSES:
                continue
            if check.status == "not_modified" and not (check.etag or check.last_modified):
                continue
            if not self._capture_intact(url, check.snapshot):
                return None, None  # a 304 would confirm a damaged capture: fetch it whole
            return check.etag, check.last_modified
        return None, None

    def _capture_intact(self, url: str, snapshot: str | None) -> bool:
        """Whether the capture a check vouches for reads whole: the page's latest readable
        snapshot is the one the check names, and its raw object reads and hashes right.
        When not, the page is fetched in full (no validators) and its capture stored
        again: a damaged raw object is rewritten by the next ``put_raws`` of the same
        body (published over it atomically, like any object); a damaged or missing
        snapshot file is left as it is (rule 2) and the body, which no readable snapshot
        holds any more, makes a new one. The record read here is the one the check's
        recording is decided against (``latest_before_recording``): no second read."""
        record = self.latest_before_recording(url)
        if record is None or record.id != snapshot:
            return False
        try:
            self.get_raw(record.raw_sha256)
        except StoreError:
            self._repairs.add(record.raw_sha256)
            return False
        return True

    def page_for(self, url: str) -> str:
        """The URL of the archived page ``url`` names: itself when it was fetched (or is no
        page at all), else the page a check of which was redirected to it (a redirect's
        final URL, as a browser shows it); InputError naming them if several were."""
        if self.has_page(url):
            return url
        with self._reading_index() as index:
            pages = index.pages_reaching(url)
        if len(pages) > 1:
            shown = ", ".join(strip_controls(page) for page in pages[:_PAGES_NAMED])
            more = f" and {len(pages) - _PAGES_NAMED} more" if len(pages) > _PAGES_NAMED else ""
            raise InputError(
                f"{strip_controls(url)} is where {len(pages)} pages redirect to: "
                f"{shown}{more}; name one of them"
            )
        return pages[0] if pages else url

    def has_page(self, url: str) -> bool:
        """Whether the store holds a check or a snapshot filed under ``url``."""
        key = page_key(url)
        return checks_path(self.root, key).is_file() or bool(
            snapshot_names(snapshots_dir(self.root, key))
        )

    def history(self, url: str) -> list[CheckRecord]:
        """Every readable check of the page, oldest first (a torn last line is skipped)."""
        log = read_checks(checks_path(self.root, page_key(url)))
        return [check for _, check in log.entries]

    def pages(self) -> list[PageSummary]:
        """Every page with its counts and times, by URL (from the index)."""
        with self._reading_index() as index:
            return index.pages()

    def snapshot(self, ref: str) -> tuple[Snapshot, dict[str, Any]]:
        """A snapshot and its provenance, by snapshot id (or a unique prefix of one, see
        ``_resolve``) or file path; InputError if none, StoreError if unreadable."""
        path = self._resolve(ref)
        try:
            return read_document(path)
        except (OSError, ValueError) as error:
            reason = str(error).splitlines()[0]
            raise StoreError(f"{path}: unreadable snapshot ({reason})") from error

    def snapshot_id(self, ref: str) -> str:
        """The whole id of the snapshot ``ref`` names (as ``snapshot`` reads it); ``ref``
        itself when it names a store file that is no snapshot (``checks.jsonl``), which
        ``snapshot`` then reports as such."""
        path = self._resolve(ref)
        if path.parent.name != SNAPSHOTS or not SNAPSHOT_NAME.match(path.name):
            return ref
        return snapshot_id(path.parent.parent.name, path.name)

    def _resolve(self, ref: str) -> Path:
        """The file of a snapshot id, of a unique prefix of one (MIN_ID_PREFIX characters
        or more; InputError saying how many match if several do), or of a path into the
        store's pages."""
        match = SNAPSHOT_ID.match(ref)
        if match:
            for page in _pages_starting(self.root / PAGES, match["page"]):
                path = page / "snapshots" / f"{match['stem']}.json"
                if path.is_file():
                    return path
        if SNAPSHOT_ID_PREFIX.match(ref):
            found = self._snapshots_starting(ref)
            if len(found) > 1:
                raise InputError(
                    f"snapshot id {ref!r} is ambiguous: {len(found)} snapshots start with it; "
                    "give more of it"
                )
            if found:
                return found[0]
        root = self.root.resolve()
        for path in (Path(ref), self.root / ref):
            with contextlib.suppress(OSError, ValueError):
                resolved = path.resolve()
                # Only files of this store: `show /etc/passwd` is no snapshot.
                if resolved.is_file() and resolved.is_relative_to(root / PAGES):
                    return resolved
        short = 0 < len(ref) < MIN_ID_PREFIX and all(c in "0123456789abcdef" for c in ref)
        hint = f" (an id may be shortened to {MIN_ID_PREFIX} characters, no fewer)" if short else ""
        raise InputError(f"no snapshot {ref[:200]!r} in {self.root}{hint}")

    def _snapshots_starting(self, prefix: str) -> list[Path]:
        """The snapshot files whose id starts with ``prefix`` (at least its page part)."""
        found = []
        for page in _pages_starting(self.root / PAGES, prefix[:12]):
            directory = page / SNAPSHOTS
            found += [
                directory / name
                for name in snapshot_names(directory)
                if snapshot_id(page.name, name).startswith(prefix)
            ]
        return found

    @contextlib.contextmanager
    def _reading_index(self) -> Iterator[Index]:
        """The writer's index, the on-disk one, or one built in memory if there is none."""
        if self._index is not None:
            yield self._index
            return
        exists = (self.root / INDEX).exists()
        try:
            index = Index(self.root / INDEX if exists else ":memory:", self.root)
        except sqlite3.Error:
            # A damaged index file: read from the files instead (verify reports it).
            exists = False
            index = Index(":memory:", self.root)
        try:
            if not exists:
                index.rebuild()
            yield index
        finally:
            index.close()

    # Maintenance ------------------------------------------------------------------------

    def reindex(self) -> int:
        """Rebuild the index entirely from the files; return the number of pages."""
        index = self._require_writer()
        try:
            return index.rebuild()
        except sqlite3.Error as error:
            raise StoreError(f"cannot write {self.root / INDEX}: {error}") from error

    def verify(self) -> VerifyReport:
        """Re-hash objects, read snapshots and check logs, resolve index rows (rule 12)."""
        from pagevault.store.verify import verify_store  # not loaded by the other commands

        return verify_store(self.root, self.root / INDEX)

    def sweep_temp_files(self) -> int:
        """Remove ``.tmp-*`` files left by an interrupted writer; return how many."""
        self._require_lock()
        directories = [self.root, self.root / OBJECTS, *_subdirs(self.root / OBJECTS)]
        for page in _subdirs(self.root / PAGES):
            directories += [page, page / "snapshots"]
        return files.remove_files(files.temp_files(directories))

    def _require_lock(self) -> None:
        if self._lock is None:
            raise StoreError(f"store {self.root} is not open for writing")


def _written_record(outcome: CheckOutcome) -> SnapshotRecord | None:
    """The record of the snapshot file this check wrote, if it wrote one."""
    check = outcome.check
    if not outcome.written or outcome.snapshot is None or outcome.snapshot_path is None:
        return None
    assert check.raw_sha256 is not None  # a written snapshot reads a stored capture
    return SnapshotRecord(
        id=outcome.snapshot,
        url=check.url,
        fetched_at=check.fetched_at,
        raw_sha256=check.raw_sha256,
        path=outcome.snapshot_path,
    )


def _subdirs(directory: Path) -> list[Path]:
    try:
        return [entry for entry in directory.iterdir() if entry.is_dir()]
    except FileNotFoundError:
        return []


def _pages_starting(pages: Path, prefix: str) -> list[Path]:
    try:
        return [entry for entry in pages.iterdir() if entry.name.startswith(prefix)]
    except FileNotFoundError:
        return []
