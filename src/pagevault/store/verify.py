"""``verify``: re-hash every object, read every snapshot and check line, resolve every index row.

RELIABILITY rule 12. Damage goes to ``problems`` (verify fails); the normal leftovers of an
interrupted run (temp files, a torn last line, orphan objects, an index behind the files)
go to ``warnings``. Each message is one line starting with the store-relative path.
"""

from __future__ import annotations

import gzip
import hashlib
import sqlite3
import zlib
from collections import Counter
from pathlib import Path

from pagevault.store.checklog import CheckLog, read_checks
from pagevault.store.files import temp_files
from pagevault.store.index import Index
from pagevault.store.layout import (
    OBJECTS,
    PAGES,
    SNAPSHOT_ID,
    SNAPSHOT_NAME,
    checks_path,
    is_sha256,
    is_temp_name,
    page_key,
    snapshots_dir,
)
from pagevault.store.records import CheckRecord, VerifyReport
from pagevault.store.snapfiles import read_document

_CHUNK = 1 << 20


class _Verifier:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.report = VerifyReport()
        self.objects: set[str] = set()
        self.referenced: set[str] = set()
        self.check_offsets: dict[str, set[int]] = {}
        self.snapshot_files: set[str] = set()
        # The page URL each object and page directory is known by (check logs, snapshot
        # provenance, the index), to name the page of a problem.
        self.object_urls: dict[str, str] = {}
        self.page_urls: dict[str, str] = {}
        self.damaged_objects: list[tuple[Path, str]] = []

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def problem(self, path: Path, message: str, url: str | None = None) -> None:
        page = f" (page {url[:300]})" if url else ""
        self.report.problems.append(f"{self.rel(path)}: {message}{page}")

    def page_problem(self, path: Path, key: str, message: str) -> None:
        self.problem(path, message, self.page_urls.get(key))

    def warning(self, path: Path, message: str) -> None:
        self.report.warnings.append(f"{self.rel(path)}: {message}")


def verify_store(root: Path, index_path: Path) -> VerifyReport:
    """Check everything under ``root``; the index at ``index_path`` is read if it exists."""
    verifier = _Verifier(root)
    verifier.page_urls = _indexed_urls(index_path)
    _check_objects(verifier)
    for page in _children(root / PAGES):
        _check_page(verifier, page)
    _report_damaged_objects(verifier)
    _report_orphans(verifier)
    _report_temp_files(verifier)
    _check_index(verifier, index_path)
    return verifier.report


def _children(directory: Path) -> list[Path]:
    try:
        return sorted(directory.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []


# Objects ---------------------------------------------------------------------------------


def _check_objects(v: _Verifier) -> None:
    for fan in _children(v.root / OBJECTS):
        for path in _children(fan):
            if is_temp_name(path.name):
                continue
            if not (is_sha256(path.name) and path.name[:2] == fan.name):
                v.warning(path, "unexpected file in objects/")
                continue
            v.objects.add(path.name)
            v.report.objects += 1
            _check_object(v, path)


def _check_object(v: _Verifier, path: Path) -> None:
    """Damage is reported once the pages are read, which name the page of the object."""
    try:
        digest = _content_sha256(path)
    except (OSError, EOFError, zlib.error) as error:
        v.damaged_objects.append((path, f"unreadable object (truncated or corrupt: {error})"))
        return
    if digest != path.name:
        v.damaged_objects.append((path, f"content hashes to {digest}, not to its name"))


def _report_damaged_objects(v: _Verifier) -> None:
    for path, message in v.damaged_objects:
        v.problem(path, message, v.object_urls.get(path.name))


def _content_sha256(path: Path) -> str:
    """sha256 of the decompressed content, read in chunks (gzip also checks its CRC)."""
    digest = hashlib.sha256()
    with gzip.open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# Pages: check logs and snapshot files ---------------------------------------------------


def _check_page(v: _Verifier, page: Path) -> None:
    if not is_sha256(page.name):
        v.warning(page, "unexpected entry in pages/")
        return
    log = read_checks(checks_path(v.root, page.name))
    if log.entries and page.name not in v.page_urls:
        v.page_urls[page.name] = log.entries[0][1].url
    _check_log(v, page.name, log)
    for path in _children(snapshots_dir(v.root, page.name)):
        if SNAPSHOT_NAME.match(path.name):
            _check_snapshot(v, page.name, path)
        elif not is_temp_name(path.name):
            v.warning(path, "unexpected file in snapshots/")


def _check_log(v: _Verifier, key: str, log: CheckLog) -> None:
    path = checks_path(v.root, key)
    if log.torn_tail:
        v.warning(path, "torn last line (interrupted write; the next writer cuts it)")
    for offset, reason in log.bad_lines:
        v.page_problem(path, key, f"unreadable line at byte {offset} ({reason})")
    v.check_offsets[key] = {offset for offset, _ in log.entries}
    v.report.checks += len(log.entries)
    for offset, check in log.entries:
        _check_entry(v, key, path, offset, check)


def _check_entry(v: _Verifier, key: str, path: Path, offset: int, check: CheckRecord) -> None:
    where = f"check at byte {offset}"
    if page_key(check.url) != key:
        v.problem(path, f"{where} is for another page ({check.url[:100]!r})")
    if check.raw_sha256 is not None:
        _check_reference(v, path, where, check.raw_sha256, check.url)
    if check.snapshot is not None and not _snapshot_exists(v, key, check.snapshot):
        v.problem(path, f"{where} names missing snapshot {check.snapshot[:80]}", check.url)


def _check_reference(v: _Verifier, path: Path, where: str, sha256: str, url: str) -> None:
    if not is_sha256(sha256):
        v.problem(path, f"{where} has a malformed raw_sha256", url)
    elif sha256 not in v.objects:
        v.problem(path, f"{where} points to missing object {sha256}", url)
    else:
        v.referenced.add(sha256)
        v.object_urls.setdefault(sha256, url)


def _snapshot_exists(v: _Verifier, key: str, snapshot_id: str) -> bool:
    match = SNAPSHOT_ID.match(snapshot_id)
    if not match or not key.startswith(match["page"]):
        return False
    return (snapshots_dir(v.root, key) / f"{match['stem']}.json").is_file()


def _check_snapshot(v: _Verifier, key: str, path: Path) -> None:
    v.report.snapshots += 1
    v.snapshot_files.add(v.rel(path))
    try:
        _, provenance = read_document(path)
    except (OSError, ValueError) as error:
        reason = str(error).splitlines()[0][:200]
        v.page_problem(path, key, f"unreadable snapshot ({reason})")
        return
    sha256 = provenance["raw_sha256"]
    url: str = provenance["requested_url"]
    _check_reference(v, path, "snapshot", sha256, url)
    name = SNAPSHOT_NAME.match(path.name)
    if name is None or name["sha"] != sha256[:12]:
        v.problem(path, "name does not match provenance.raw_sha256", url)
    if page_key(url) != key:
        v.problem(path, "snapshot belongs to another page", url)


# Leftovers and index ---------------------------------------------------------------------


def _report_orphans(v: _Verifier) -> None:
    for sha256 in sorted(v.objects - v.referenced):
        path = v.root / OBJECTS / sha256[:2] / sha256
        v.warning(path, "orphan object (no check or snapshot refers to it)")


def _report_temp_files(v: _Verifier) -> None:
    directories = [v.root, v.root / OBJECTS, *_children(v.root / OBJECTS)]
    for page in _children(v.root / PAGES):
        directories += [page, page / "snapshots"]
    for path in temp_files(directories):
        v.warning(path, "leftover temp file (interrupted write; the next writer removes it)")


def _indexed_urls(index_path: Path) -> dict[str, str]:
    """Page key -> URL as the index knows them (a page whose log is lost is named too);
    nothing if there is no readable index."""
    if not index_path.exists():
        return {}
    try:
        index = Index(index_path, index_path.parent)
        try:
            return index.page_urls()
        finally:
            index.close()
    except sqlite3.Error:
        return {}


def _check_index(v: _Verifier, index_path: Path) -> None:
    if not index_path.exists():
        v.report.warnings.append(f"{index_path.name}: missing (run reindex)")
        return
    try:
        index = Index(index_path, v.root)
        try:
            _check_index_rows(v, index)
        finally:
            index.close()
    except sqlite3.Error as error:
        v.report.problems.append(f"{index_path.name}: unreadable ({error}; run reindex)")


def _check_index_rows(v: _Verifier, index: Index) -> None:
    name = "index.sqlite"
    for key in index.page_keys():
        if not (v.root / PAGES / key).is_dir():
            v.report.problems.append(f"{name}: page {key} has no directory")
    for snapshot_id, path in index.snapshot_rows():
        if not (v.root / path).is_file():
            v.report.problems.append(f"{name}: snapshot {snapshot_id} has no file")
    rows = index.check_rows()
    for key, offset in rows:
        if offset not in v.check_offsets.get(key, set()):
            v.report.problems.append(f"{name}: check {key}@{offset} has no line")
    _report_lag(v, name, Counter(key for key, _ in rows), len(index.snapshot_rows()))


def _report_lag(v: _Verifier, name: str, indexed: Counter[str], snapshots: int) -> None:
    behind = sum(len(offsets) > indexed[key] for key, offsets in v.check_offsets.items())
    missing = len(v.snapshot_files) - snapshots
    lags = []
    if behind:
        lags.append(f"checks of {behind} page(s)")
    if missing > 0:
        lags.append(f"{missing} snapshot(s)")
    if lags:
        v.report.warnings.append(
            f"{name}: behind the files, not indexed yet: {' and '.join(lags)} "
            "(the next writer catches up; or run reindex)"
        )
