"""Snapshot files: ``{"snapshot": <model>, "provenance": {...}}``, one per distinct capture.

The files are the truth about which snapshot is a page's latest (the index may lag after a
crash). Names sort by second; captures within one second are ordered by ``fetched_at``.
"""

from __future__ import annotations

import itertools
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pagevault.__about__ import __version__
from pagevault.snapshot_json import SnapshotJson
from pagevault.store.files import encode_json
from pagevault.store.layout import (
    SNAPSHOT_NAME,
    is_sha256,
    name_stamp,
    snapshot_id,
    snapshot_name,
    snapshots_dir,
)
from pagevault.store.records import CheckRecord, SnapshotRecord, parse_time

if TYPE_CHECKING:
    from pagevault.model import Snapshot

REQUIRED_PROVENANCE = ("requested_url", "fetched_at", "raw_sha256")
RAW_BYTES = "entity body after content-decoding, before charset decoding (raw_sha256 covers these)"


def encode_document(snapshot: SnapshotJson, provenance: dict[str, Any]) -> bytes:
    """The bytes of a snapshot file: ``{"snapshot": ..., "provenance": ...}`` indented by 2,
    non-ASCII kept. The snapshot's JSON goes in as the worker wrote it, one level deeper
    (JSON strings hold no raw newline, so every newline in it is indentation)."""
    parts = (
        b'{\n  "snapshot": ',
        _nested(snapshot.data),
        b',\n  "provenance": ',
        _nested(encode_json(provenance, indent=2)),
        b"\n}\n",
    )
    return b"".join(parts)


def _nested(text: bytes) -> bytes:
    return text.replace(b"\n", b"\n  ")


def read_document(path: Path) -> tuple[Snapshot, dict[str, Any]]:
    """Read and validate a snapshot file; ValueError if it is not one, OSError if unreadable."""
    from pagevault.model import Snapshot  # not at the top: a fetch only writes snapshots

    document = json.loads(path.read_bytes().decode("utf-8"))
    if not isinstance(document, dict) or not isinstance(document.get("provenance"), dict):
        raise ValueError("not a snapshot document")
    provenance: dict[str, Any] = document["provenance"]
    for name in REQUIRED_PROVENANCE:
        if not isinstance(provenance.get(name), str):
            raise ValueError(f"provenance.{name} missing")
    if not is_sha256(provenance["raw_sha256"]):
        raise ValueError("provenance.raw_sha256 is not a sha256")
    parse_time(provenance["fetched_at"])
    return Snapshot.model_validate(document["snapshot"]), provenance


def read_record(key: str, path: Path) -> SnapshotRecord:
    """The record of one snapshot file (reads and validates it)."""
    _, provenance = read_document(path)
    return SnapshotRecord(
        id=snapshot_id(key, path.name),
        url=provenance["requested_url"],
        fetched_at=provenance["fetched_at"],
        raw_sha256=provenance["raw_sha256"],
        path=path,
    )


def snapshot_names(directory: Path) -> list[str]:
    """Names of the snapshot files of a page, oldest second first (temp files excluded)."""
    try:
        names = [entry.name for entry in directory.iterdir()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(name for name in names if SNAPSHOT_NAME.match(name))


def free_path(directory: Path, moment: datetime, sha256: str) -> Path:
    """A not-yet-used snapshot path (only the lock holder calls this).

    The n-th snapshot written within one second gets the suffix ``-n``, so names order the
    captures of a second even when the fetcher's times tie (it gives whole seconds).
    """
    stamp = name_stamp(moment)
    taken = sum(name.startswith(stamp) for name in snapshot_names(directory))
    for n in itertools.count(taken + 1):
        path = directory / snapshot_name(stamp, sha256, n)
        if not path.exists():
            return path
    raise AssertionError("unreachable")


def latest_record(root: Path, key: str, bound: datetime | None = None) -> SnapshotRecord | None:
    """The page's newest readable snapshot, or the newest fetched at or before ``bound``."""
    return latest_in(snapshots_dir(root, key), key, bound)


def latest_in(directory: Path, key: str, bound: datetime | None = None) -> SnapshotRecord | None:
    """``latest_record`` of the page ``key`` whose snapshots directory is ``directory``."""
    names = snapshot_names(directory)
    if bound is not None:
        names = [name for name in names if name[:16] <= name_stamp(bound)]
    for _, group in itertools.groupby(reversed(names), key=lambda name: name[:16]):
        records = _readable(key, [directory / name for name in group], bound)
        if records:
            return max(records, key=_order)
    return None


def _readable(key: str, paths: list[Path], bound: datetime | None) -> list[SnapshotRecord]:
    """Records of the files that read well (verify reports the others) within ``bound``."""
    records = []
    for path in paths:
        try:
            record = read_record(key, path)
        except (OSError, ValueError):
            continue
        if bound is None or parse_time(record.fetched_at) <= bound:
            records.append(record)
    return records


def _order(record: SnapshotRecord) -> tuple[datetime, int]:
    match = SNAPSHOT_NAME.match(record.path.name)
    n = int(match["n"]) if match and match["n"] else 1
    return parse_time(record.fetched_at), n


def build_provenance(
    check: CheckRecord, snapshot: SnapshotJson, given: dict[str, Any] | None
) -> dict[str, Any]:
    """Provenance of a snapshot: defaults from the check, then the fetcher's fields.

    ``requested_url``, ``fetched_at`` and ``raw_sha256`` always come from the check;
    a conflicting ``raw_sha256`` from the fetcher is a bug (ValueError).
    """
    given = dict(given or {})
    if given.get("raw_sha256", check.raw_sha256) != check.raw_sha256:
        raise ValueError("provenance raw_sha256 differs from the check's")
    defaults: dict[str, Any] = {
        "final_url": check.final_url or check.url,
        "redirects": [],
        "http_status": check.http_status,
        "headers": {},
        "raw_bytes": RAW_BYTES,
        "encoding": snapshot.encoding,
        "truncation": check.truncation,
        "pagevault_version": __version__,
        "parser_version": snapshot.parser_version,
        "robots": None,
        "ignore_robots": False,
    }
    identity = {
        "requested_url": check.url,
        "fetched_at": check.fetched_at,
        "raw_sha256": check.raw_sha256,
    }
    return {**identity, **defaults, **given, **identity}
