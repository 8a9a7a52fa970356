"""A page's statistics across its snapshots: one row per (snapshot, statistic).

A statistic whose sentence was rewritten gets a new key in the new snapshot; the diff
pairs it with the old one (by its context, ``old_key`` in its JSON), and the series keeps
the first key, so an analyst follows "the number of refugees" across years, not one series
per wording. Each row also holds the statistic's own key in its snapshot
(``statistic_key``, the key ``diff`` shows), and the status of its series: ``new`` (not in
the first snapshot), ``removed`` (not in the newest) or ``kept``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from pagevault.diff import diff_snapshots
from pagevault.model import Snapshot
from pagevault.store import CheckRecord, Store

CSV_COLUMNS = (
    "fetched_at",
    "key",
    "text",
    "value",
    "unit",
    "kind",
    "qualifier",
    "context",
    "status",
    "statistic_key",
)


@dataclass(frozen=True)
class StatisticRow:
    fetched_at: str
    key: str  # the series key: the statistic's key when it first appeared
    text: str
    value: float
    unit: str | None
    kind: str
    qualifier: str | None
    context: str
    snapshot: str
    statistic_key: str = ""  # its key in this snapshot: differs from ``key`` once reworded
    status: str = "kept"  # of the series: "new", "removed" (from the newest snapshot), "kept"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def statistic_rows(store: Store, url: str) -> list[StatisticRow]:
    rows: list[StatisticRow] = []
    previous: Snapshot | None = None
    series: dict[str, str] = {}  # a statistic's key in the latest snapshot -> series key
    snapshots = _snapshots_in_order(store, url)
    for snapshot_id, fetched_at in snapshots:
        snapshot = store.snapshot(snapshot_id)[0]
        series = _carry_keys(previous, snapshot, series)
        rows.extend(_rows(snapshot, snapshot_id, fetched_at, series))
        previous = snapshot
    return _with_status(rows, snapshots[0][0], snapshots[-1][0]) if rows else rows


def _with_status(rows: list[StatisticRow], first: str, newest: str) -> list[StatisticRow]:
    """Each row marked with its series' status: new since the first snapshot, removed from
    the newest, or kept."""
    in_first = {row.key for row in rows if row.snapshot == first}
    in_newest = {row.key for row in rows if row.snapshot == newest}

    def status(key: str) -> str:
        return "removed" if key not in in_newest else "new" if key not in in_first else "kept"

    return [replace(row, status=status(row.key)) for row in rows]


def _snapshots_in_order(store: Store, url: str) -> list[tuple[str, str]]:
    """Each distinct snapshot of the page with the time it was first fetched."""
    seen: dict[str, str] = {}
    for check in store.history(url):
        if check.snapshot and check.snapshot not in seen:
            seen[check.snapshot] = check.fetched_at
    return list(seen.items())


def _carry_keys(
    previous: Snapshot | None, snapshot: Snapshot, series: dict[str, str]
) -> dict[str, str]:
    carried = {s.key: series.get(s.key, s.key) for s in snapshot.statistics}
    if previous is None:
        return carried
    for change in diff_snapshots(previous, snapshot).changes:
        old_key = change.detail.get("old_key")
        if change.area == "statistic" and old_key and change.key in carried:
            carried[change.key] = series.get(old_key, old_key)
    return carried


def _rows(
    snapshot: Snapshot, snapshot_id: str, fetched_at: str, series: dict[str, str]
) -> list[StatisticRow]:
    return [
        StatisticRow(
            fetched_at=fetched_at,
            key=series.get(statistic.key, statistic.key),
            text=statistic.text,
            value=statistic.value,
            unit=statistic.unit,
            kind=statistic.kind,
            qualifier=statistic.qualifier,
            context=statistic.context,
            snapshot=snapshot_id,
            statistic_key=statistic.key,
        )
        for statistic in snapshot.statistics
    ]


def snapshot_changes(store: Store, checks: Sequence[CheckRecord]) -> dict[str, dict[str, Any]]:
    """For each snapshot after the first, the diff summary against the one before."""
    counts: dict[str, dict[str, Any]] = {}
    previous: Snapshot | None = None
    for snapshot_id in dict.fromkeys(c.snapshot for c in checks if c.snapshot):
        assert snapshot_id is not None
        snapshot = store.snapshot(snapshot_id)[0]
        if previous is not None:
            counts[snapshot_id] = diff_snapshots(previous, snapshot).summary
        previous = snapshot
    return counts
