"""Terminal views of the archive: fetch lines, the page list, a page's history, verify."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
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


def status_text(status: str, width: int = 12) -> Text:
    return Text(f"{status:<{width}}", style=_STATUS_STYLES.get(status, ""))


def fetch_line(status: str, http_status: int | None, url: str, detail: str | None) -> Text:
    """One line per URL: 'new          200  https://example.org/a  <snapshot id>'."""
    line = status_text(status)
    line.append(f" {http_status or '-':>3}  ")
    line.append_text(page_text(url))
    if detail:
        line.append("  ")
        line.append_text(page_text(detail, "dim" if status not in ("failed", "truncated") else ""))
    return line


# A table is shown where the terminal is wide enough for its rows, else each row is a
# block of lines (the URL or the time on a line of its own, then the rest, labelled):
# folded into a narrow column, a URL took seven lines of 14 characters. Whatever does
# not fit a line is folded, never cut with "…": URLs, snapshot ids and times are what a
# reader copies into the next command.


class _TableOrBlocks:
    """``table`` where the width allows it unfolded, else the blocks ``blocks`` makes."""

    def __init__(self, table: Table, blocks: Callable[[], list[Text]]) -> None:
        self.table = table
        self.blocks = blocks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text | Table]:
        if self.table.__rich_measure__(console, options).maximum <= options.max_width:
            yield self.table
        else:
            yield from self.blocks()


def _block(first_line: Text, *details: tuple[str, str | Text]) -> Text:
    """A row as lines: ``first_line``, then each (label, value) indented, folded if long."""
    block = first_line.copy()
    for label, value in details:
        block.append(f"\n  {label} ", style="dim")
        block.append_text(value if isinstance(value, Text) else page_text(value))
    block.overflow = "fold"
    return block


PageRow = tuple[str, int, int, str | None, str | None, str | None]
CheckRow = tuple[str, str, int | None, str | None, str, str | None]


def pages_table(rows: Iterable[PageRow]) -> RenderableType:
    rows = list(rows)
    table = Table(box=None, header_style="bold")
    table.add_column("url", overflow="fold")
    table.add_column("checks", justify="right", no_wrap=True)
    table.add_column("snapshots", justify="right", no_wrap=True)
    table.add_column("last status", no_wrap=True)
    table.add_column("last check", overflow="fold")
    table.add_column("last change", overflow="fold")
    for url, checks, snapshots, last_status, last_check, last_change in rows:
        table.add_row(
            page_text(url),
            str(checks),
            str(snapshots),
            status_text(last_status or "-", width=0),
            last_check or "-",
            last_change or "-",
        )
    return _TableOrBlocks(table, lambda: [_page_block(row) for row in rows])


def _page_block(row: PageRow) -> Text:
    url, checks, snapshots, last_status, last_check, last_change = row
    return _block(
        page_text(url),
        ("checks", f"{checks}, snapshots {snapshots}, last status {last_status or '-'}"),
        ("last check", last_check or "-"),
        ("last change", last_change or "-"),
    )


def history_table(rows: Iterable[CheckRow]) -> RenderableType:
    rows = list(rows)
    table = Table(box=None, header_style="bold")
    table.add_column("fetched at", overflow="fold")
    table.add_column("status", no_wrap=True)
    table.add_column("http", no_wrap=True)
    table.add_column("snapshot", overflow="fold")
    table.add_column("changes", overflow="fold")
    table.add_column("error", overflow="fold")
    for fetched_at, status, http_status, snapshot, changes, error in rows:
        table.add_row(
            fetched_at,
            status_text(status, width=0),
            str(http_status or "-"),
            snapshot or "-",
            changes,
            page_text(error or ""),
        )
    return _TableOrBlocks(table, lambda: [_check_block(row) for row in rows])


def _check_block(row: CheckRow) -> Text:
    fetched_at, status, http_status, snapshot, changes, error = row
    first = Text(f"{fetched_at}  ")
    first.append_text(status_text(status, width=0))
    first.append(f"  {http_status or '-'}")
    details = [("snapshot", snapshot), ("changes", changes), ("error", error)]
    return _block(first, *((label, value) for label, value in details if value))


def snapshot_header(snapshot_id: str, fetched_at: str | None) -> Text:
    """Which snapshot ``show`` prints, above the page's own header (labels aligned)."""
    header = Text(f"{'snapshot':<10} ", style="bold")
    header.append_text(page_text(snapshot_id))
    header.append(f"\n{'fetched':<10} ", style="bold")
    header.append_text(page_text(fetched_at or "-"))
    return header


def change_counts(summary: dict[str, Any] | None) -> str:
    """'3: statistic 1, section 2' from a diff summary; '' for no diff."""
    if not summary:
        return ""
    areas = ", ".join(f"{area} {sum(kinds.values())}" for area, kinds in summary["by_area"].items())
    return f"{summary['total']}: {areas}" if areas else "0"
