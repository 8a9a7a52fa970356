"""Recording checks together: every fsync still made, in the same order for each check,
but waited for once per step for all of them (a group commit).

For one round of checks (no page twice in it):

1. decide each check's status (new, changed, unchanged, failed...) from the files;
2. create missing page and ``snapshots/`` directories and empty check logs; write each
   new snapshot to a temp file; fsync the temp files, all together;
3. rename them to their names; fsync every directory that gained an entry, together;
4. append each check line; fsync the check logs, together.

So a check line is never written before the snapshot it names is durable under its name,
and nothing is returned (and reported) before the whole round is durable: a kill -9 or a
power cut at any point leaves what one-by-one writes would have left (temp files, a
snapshot no check names yet, a torn last line), never a check naming a missing file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pagevault.snapshot_json import SnapshotJson
from pagevault.store import files
from pagevault.store.checklog import encode_check
from pagevault.store.layout import CHECKS, SNAPSHOTS, page_dir, snapshot_id
from pagevault.store.records import (
    CheckOutcome,
    CheckRecord,
    CheckStatus,
    SnapshotRecord,
    parse_time,
)
from pagevault.store.snapfiles import (
    build_provenance,
    encode_document,
    free_path,
    latest_in,
)


class Unread:
    """The page's latest snapshot is not known yet: read it from the files."""


UNREAD = Unread()


@dataclass(frozen=True)
class Entry:
    """One check to record: validated, with its page key and its provenance built."""

    key: str
    check: CheckRecord
    snapshot: SnapshotJson | None
    provenance: dict[str, Any] | None  # given by the fetcher; completed when written
    latest: SnapshotRecord | Unread | None  # the page's latest, or UNREAD if not read yet


@dataclass(frozen=True)
class _PageFiles:
    """Where one page's files go, built once per check: the same paths were built again
    at each step (nine pathlib joins a check, ~5 us each on Python 3.11)."""

    directory: Path
    snapshots: Path
    checks: Path

    @classmethod
    def of(cls, root: Path, key: str) -> _PageFiles:
        directory = page_dir(root, key)
        return cls(directory, directory / SNAPSHOTS, directory / CHECKS)


@dataclass(frozen=True)
class Recorded:
    """What became of one entry, and where its check line starts and ends in the log."""

    outcome: CheckOutcome
    span: tuple[int, int]


def rounds(entries: Sequence[Entry]) -> Iterator[list[Entry]]:
    """The entries in order, cut into rounds with no page twice in one: a page's next
    check is decided against the snapshot its previous one wrote."""
    current: list[Entry] = []
    for entry in entries:
        if any(other.key == entry.key for other in current):
            yield current
            current = []
        current.append(entry)
    if current:
        yield current


def write_round(root: Path, entries: list[Entry]) -> list[Recorded]:
    """Decide and record every entry of one round (steps 1 to 4 above)."""
    pages = [_PageFiles.of(root, entry.key) for entry in entries]
    outcomes = [_decide(entry, page) for entry, page in zip(entries, pages, strict=True)]
    changed = files.Barrier()
    for page in pages:
        files.make_dirs(page.directory, changed)
        files.create_empty(page.checks, changed)
    outcomes = _write_snapshots(entries, pages, outcomes, changed)
    changed.sync()
    spans = _append_checks(entries, pages, outcomes)
    return [Recorded(o, s) for o, s in zip(outcomes, spans, strict=True)]


def _decide(entry: Entry, page: _PageFiles) -> CheckOutcome:
    """The check's status, and the snapshot that holds its content if it writes none."""
    check = entry.check
    if check.status != "ok":
        same = _latest(entry, page) if check.status == "not_modified" else None
        return outcome_of(check, check.status, same, written=False)
    latest = _latest(entry, page)
    if latest is not None and latest.raw_sha256 == check.raw_sha256:
        return outcome_of(check, "unchanged", latest, written=False)
    if entry.snapshot is None:
        error = check.error or f"parse failed: {check.parse_error or 'no snapshot'}"
        return outcome_of(replace(check, error=error), "failed", None, written=False)
    status: CheckStatus = "new" if latest is None else "changed"
    return outcome_of(check, status, None, written=True)  # the snapshot comes in step 2


def _latest(entry: Entry, page: _PageFiles) -> SnapshotRecord | None:
    if isinstance(entry.latest, Unread):
        return latest_in(page.snapshots, entry.key)
    return entry.latest


def _write_snapshots(
    entries: list[Entry],
    pages: list[_PageFiles],
    outcomes: list[CheckOutcome],
    changed: files.Barrier,
) -> list[CheckOutcome]:
    """Write the new snapshot files (never over an existing one: rule 2), durably; the
    outcomes with their snapshots."""
    paths: dict[str, Path] = {}  # page key -> its new snapshot (one per page in a round)
    temps: dict[Path, Path] = {}
    for entry, page, outcome in zip(entries, pages, outcomes, strict=True):
        if outcome.written:
            path = paths[entry.key] = _snapshot_path(entry, page, changed)
            temps[path] = files.write_temp(path, _document(entry))
    files.sync_temps(temps)
    for path, temp in temps.items():
        files.publish(temp, path)
        changed.add(path.parent)
    return [_with_snapshot(e, o, paths.get(e.key)) for e, o in zip(entries, outcomes, strict=True)]


def _snapshot_path(entry: Entry, page: _PageFiles, changed: files.Barrier) -> Path:
    files.make_dirs(page.snapshots, changed)
    sha256 = entry.check.raw_sha256
    assert sha256 is not None  # validated: an "ok" check names its raw body
    return free_path(page.snapshots, parse_time(entry.check.fetched_at), sha256)


def _document(entry: Entry) -> bytes:
    assert entry.snapshot is not None  # only entries with a snapshot write one
    provenance = build_provenance(entry.check, entry.snapshot, entry.provenance)
    return encode_document(entry.snapshot, provenance)


def _with_snapshot(entry: Entry, outcome: CheckOutcome, path: Path | None) -> CheckOutcome:
    if path is None:
        return outcome
    check = entry.check
    assert check.raw_sha256 is not None
    record = SnapshotRecord(
        id=snapshot_id(entry.key, path.name),
        url=check.url,
        fetched_at=check.fetched_at,
        raw_sha256=check.raw_sha256,
        path=path,
    )
    return outcome_of(outcome.check, outcome.status, record, written=True)


def _append_checks(
    entries: list[Entry], pages: list[_PageFiles], outcomes: list[CheckOutcome]
) -> list[tuple[int, int]]:
    """Append each check line, then fsync the logs together; each line's span."""
    spans = []
    logs = files.Barrier()
    for page, outcome in zip(pages, outcomes, strict=True):
        line = encode_check(outcome.check)
        start = files.append_unsynced(page.checks, line)
        spans.append((start, start + len(line)))
        logs.add(page.checks)
    logs.sync()
    return spans


def outcome_of(
    check: CheckRecord, status: CheckStatus, record: SnapshotRecord | None, *, written: bool
) -> CheckOutcome:
    snapshot = None if record is None else record.id
    return CheckOutcome(
        status=status,
        snapshot=snapshot,
        snapshot_path=None if record is None else record.path,
        written=written,
        check=replace(check, status=status, snapshot=snapshot),
        snapshot_sha256=None if record is None else record.raw_sha256,
    )
