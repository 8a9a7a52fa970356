"""Terminal views of the archive: fetch lines, the page list, a page's history, verify."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.table import Table
from rich.text import Text

from pagevault.render.terminal import page_text

_STATUS_STYLES = {
    "new": "green",
    "changed": "yellow",
    "unchanged": "dim",
    "not_modified": "dim",
    "failed": "red",
    "truncated": "red",
    "disallowed": "magenta",
}


def status_text(status: str) -> Text:
    return Text(f"{status:<12}", style=_STATUS_STYLES.get(status, ""))


def fetch_line(status: str, http_status: int | None, url: str, detail: str | None) -> Text:
    """One line per URL: 'new          200  https://example.org/a  <snapshot id>'."""
    line = status_text(status)
    line.append(f" {http_status or '-':>3}  ")
    line.append_text(page_text(url))
    if detail:
        line.append("  ")
        line.append_text(page_text(detail, "dim" if status not in ("failed", "truncated") else ""))
    return line


def pages_table(rows: Iterable[tuple[str, int, int, str | None, str | None]]) -> Table:
    table = Table(box=None, header_style="bold")
    for column in ("url", "checks", "snapshots", "last check", "last change"):
        table.add_column(column, justify="right" if column in ("checks", "snapshots") else "left")
    for url, checks, snapshots, last_check, last_change in rows:
        table.add_row(
            page_text(url), str(checks), str(snapshots), last_check or "-", last_change or "-"
        )
    return table


def history_table(
    rows: Iterable[tuple[str, str, int | None, str | None, str, str | None]],
) -> Table:
    table = Table(box=None, header_style="bold")
    for column in ("fetched at", "status", "http", "snapshot", "changes", "error"):
        table.add_column(column)
    for fetched_at, status, http_status, snapshot, changes, error in rows:
        table.add_row(
            fetched_at,
            status_text(status),
            str(http_status or "-"),
            snapshot or "-",
            changes,
            page_text(error or ""),
        )
    return table


def change_counts(summary: dict[str, Any] | None) -> str:
    """'3: statistic 1, section 2' from a diff summary; '' for no diff."""
    if not summary:
        return ""
    areas = ", ".join(f"{area} {sum(kinds.values())}" for area, kinds in summary["by_area"].items())
    return f"{summary['total']}: {areas}" if areas else "0"
