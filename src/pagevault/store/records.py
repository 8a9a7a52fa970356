"""The records the store takes and gives back: checks, outcomes, snapshots, pages, reports.

A ``CheckRecord`` is one line of a page's ``checks.jsonl``; its JSON field names are part of
the on-disk format and must only grow (readers ignore fields they do not know).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any, Literal, get_args

from pagevault.errors import InputError
from pagevault.fetch.model import FetchStatus

# What the fetcher reports (one definition, in the fetcher's model); the store turns
# "ok" into new / changed / unchanged.
CheckStatus = Literal[
    "new", "changed", "unchanged", "not_modified", "failed", "truncated", "disallowed"
]
STATUSES: frozenset[str] = frozenset(get_args(FetchStatus) + get_args(CheckStatus))

_TEXT_FIELDS = (
    "final_url",
    "raw_sha256",
    "snapshot",
    "error",
    "etag",
    "last_modified",
    "truncation",
    "parse_error",
)


@dataclass(frozen=True)
class CheckRecord:
    """One check of one URL, as the fetcher reports it and ``checks.jsonl`` keeps it.

    The fetcher gives ``status`` "ok" for a complete 2xx body; ``Store.record_check``
    stores "new", "changed" or "unchanged" in its place. ``fetched_at`` is ISO 8601;
    the store keeps it in UTC with microseconds (``2026-01-15T08:30:00.000000Z``).
    """

    url: str
    fetched_at: str
    status: FetchStatus | CheckStatus
    final_url: str | None = None
    http_status: int | None = None
    raw_sha256: str | None = None
    snapshot: str | None = None
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    truncation: str | None = None
    parse_error: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The record as the JSON object of one ``checks.jsonl`` line (every field holds
        a str, an int or None: no deep copy needed, unlike ``dataclasses.asdict``)."""
        return {name: getattr(self, name) for name in _FIELD_NAMES}

    @classmethod
    def from_json(cls, data: object) -> CheckRecord:
        """Read a ``checks.jsonl`` object; ``ValueError`` if it is not a valid check."""
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        for name in ("url", "fetched_at", "status"):
            if not isinstance(data.get(name), str):
                raise ValueError(f"{name} missing or not a string")
        if data["status"] not in STATUSES:
            raise ValueError(f"unknown status {data['status']!r}")
        for name in _TEXT_FIELDS:
            if not isinstance(data.get(name), str | None):
                raise ValueError(f"{name} is not a string")
        http_status = data.get("http_status")
        if http_status is not None and (type(http_status) is not int):
            raise ValueError("http_status is not an integer")
        return cls(**{key: value for key, value in data.items() if key in _FIELD_NAMES})


_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(CheckRecord))


@dataclass(frozen=True)
class CheckOutcome:
    """What ``record_check`` stored: the final status and the snapshot that holds the content.

    ``snapshot`` is the new snapshot for "new"/"changed", the page's latest one for
    "unchanged"/"not_modified", else None. ``written`` says whether a file was created.
    ``snapshot_sha256`` is the raw sha256 of that snapshot's capture (for "not_modified":
    the body the 304 confirms).
    """

    status: CheckStatus
    snapshot: str | None
    snapshot_path: Path | None
    written: bool
    check: CheckRecord
    snapshot_sha256: str | None = None


@dataclass(frozen=True)
class SnapshotRecord:
    """Where one stored snapshot lives and what capture it reads."""

    id: str
    url: str
    fetched_at: str
    raw_sha256: str
    path: Path


@dataclass(frozen=True)
class PageSummary:
    """One archived page, for ``pagevault list``."""

    url: str
    url_hash: str
    checks: int
    snapshots: int
    last_check: str | None
    last_change: str | None
    last_status: str | None = None  # of the last check: a failing page stands out


@dataclass
class VerifyReport:
    """What ``Store.verify`` found.

    ``problems`` are damage (a corrupt or missing object, an unreadable snapshot, a bad
    line inside a check log, an index row with no file); ``ok`` is False when there is any.
    ``warnings`` are the expected leftovers of an interrupted run (temp files, a torn last
    line, orphan objects, an index behind the files): the next writer sweeps or repairs them.
    """

    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    objects: int = 0
    snapshots: int = 0
    checks: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_time(text: str) -> datetime:
    """An ISO 8601 date-time as an aware UTC datetime (naive means UTC); ValueError if bad."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def parse_bound(text: str) -> datetime:
    """An ``--at`` bound: a bare date means the end of that day (UTC)."""
    try:
        if len(text) == 10:
            day = datetime.fromisoformat(text).date()
            return datetime.combine(day, time.max, tzinfo=UTC)
        return parse_time(text)
    except ValueError as error:
        raise InputError(
            f"cannot read the time {text[:60]!r}: give a date (2026-01-31) or an ISO 8601 "
            "time (2026-01-31T08:00:00Z)"
        ) from error


def format_time(moment: datetime) -> str:
    """The store's canonical time text: UTC, microseconds, 'Z' (sorts as text)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_time(text: str) -> str:
    """``text`` rewritten in the store's canonical form."""
    return format_time(parse_time(text))
