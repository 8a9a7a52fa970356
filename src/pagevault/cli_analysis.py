"""Analysis commands: diff (what changed between two versions) and stats (figures over time).

Registered on the Typer app of ``pagevault.cli``.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pagevault.cli import (
    DEFAULT_STORE,
    StoreOption,
    app,
    print_stdout,
    read_input,
    reader,
    stderr_console,
    stdout_console,
    write_stdout,
)
from pagevault.errors import ExitCode, InputError
from pagevault.text import strip_controls

if TYPE_CHECKING:
    from pagevault.model import Snapshot
    from pagevault.store import SnapshotRecord, Store


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class StatsFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def diff(
    old: Annotated[
        str,
        typer.Argument(metavar="OLD|URL", help="Snapshot id, JSON or HTML file; or a page URL."),
    ],
    new: Annotated[
        str | None, typer.Argument(metavar="[NEW]", help="Snapshot id, JSON or HTML file.")
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="text (default), json, markdown, html.")
    ] = DiffFormat.text,
    since: Annotated[
        str | None, typer.Option("--from", metavar="WHEN", help="With a URL: the older side.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--to", metavar="WHEN", help="With a URL: the newer side.")
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            metavar="AREA|SELECTOR",
            help="Leave out an area (metadata, navigation, breadcrumbs, section, statistic, "
            "related) or the elements a CSS selector matches. Repeatable; also read from "
            "pagevault.toml, [diff] ignore = [...].",
        ),
    ] = None,
    store_dir: StoreOption = DEFAULT_STORE,
) -> None:
    """What changed between two snapshots; exit 0 no content change, 1 changes, 2 trouble.

    Each side is a snapshot id of the store, a snapshot JSON file or an HTML file (parsed on
    the fly). With one URL, the page's last two snapshots in the store are compared."""
    from pagevault.diff import DiffResult, diff_snapshots

    areas, selectors = _split_ignore(ignore or [])
    if new is None:
        before, after = _snapshots_of_page(old, since, until, store_dir, selectors)
    else:
        before, after = _side(old, store_dir, selectors), _side(new, store_dir, selectors)
    result = diff_snapshots(before, after)
    if areas:
        result = DiffResult(tuple(c for c in result.changes if c.area not in areas))
    if output_format is DiffFormat.json:
        write_stdout(json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n")
    elif output_format is DiffFormat.markdown:
        from pagevault.render.diff_markdown import render_markdown

        write_stdout(render_markdown(result, before, after))
    elif output_format is DiffFormat.html:
        from pagevault.render.diff_html import render_html

        write_stdout(render_html(result, before, after))
    else:
        from pagevault.render.diff import render_diff

        plain = stdout_console().color_system is None  # a pipe or NO_COLOR: mark words
        print_stdout(render_diff(result, plain=plain))
    if result.content_changed:
        raise typer.Exit(ExitCode.DAMAGE)  # diff(1): 1 means "differences found"


_AREA_NAMES = {
    "metadata": "metadata",
    "navigation": "navigation",
    "menus": "navigation",
    "breadcrumbs": "breadcrumbs",
    "section": "section",
    "sections": "section",
    "statistic": "statistic",
    "statistics": "statistic",
    "related": "related",
}


def _split_ignore(values: list[str]) -> tuple[set[str], list[str]]:
    """Area names, and CSS selectors (everything else)."""
    areas = {_AREA_NAMES[v.strip().lower()] for v in values if v.strip().lower() in _AREA_NAMES}
    selectors = [v for v in values if v.strip().lower() not in _AREA_NAMES and v.strip()]
    return areas, selectors


def _snapshots_of_page(
    url: str, since: str | None, until: str | None, store_dir: Path, selectors: list[str]
) -> tuple[Snapshot, Snapshot]:
    if "://" not in url:
        raise InputError("diff needs two sides, or one archived URL")
    with reader(store_dir) as store:
        if until is None:
            _note_failed_latest(store, url)
        newer = store.snapshot_at(url, until)
        if newer is None:
            raise InputError(f"no snapshot of {url} in {store_dir}")
        older = store.snapshot_at(url, since) if since else _previous(store, url, newer)
        if older is None or older.id == newer.id:
            raise InputError(f"{url} has only one snapshot in {store_dir}: nothing to compare")
        return _stored(store, older.id, selectors), _stored(store, newer.id, selectors)


def _note_failed_latest(store: Store, url: str) -> None:
    """A failed or truncated capture is never a snapshot, so it is never diffed as if
    content had vanished; but the user is told that the newest side is older than the
    last check."""
    checks = store.history(url)
    if checks and checks[-1].status in ("failed", "truncated", "disallowed"):
        last = checks[-1]
        reason = last.error or last.parse_error or last.status
        stderr_console().print(
            strip_controls(
                f"note: the last check ({last.fetched_at}) was {last.status}: {reason}; "
                "comparing the last two snapshots"
            ),
            markup=False,
        )


def _stored(store: Store, snapshot_id: str, selectors: list[str]) -> Snapshot:
    """A stored snapshot; with selectors to ignore, re-read from its raw capture."""
    snapshot, provenance = store.snapshot(snapshot_id)
    if not selectors:
        return snapshot
    from pagevault.extract import parse_html

    raw = store.get_raw(provenance["raw_sha256"])
    content_type = (provenance.get("headers") or {}).get("content-type")
    return parse_html(raw, provenance.get("final_url"), content_type, ignore=selectors)


def _previous(store: Store, url: str, newer: SnapshotRecord) -> SnapshotRecord | None:
    """The page's snapshot before ``newer``: the latest one strictly earlier."""
    moment = datetime.fromisoformat(newer.fetched_at.replace("Z", "+00:00"))
    just_before = (moment - timedelta(microseconds=1)).isoformat()
    return store.snapshot_at(url, just_before)


def _side(ref: str, store_dir: Path, selectors: list[str]) -> Snapshot:
    """A snapshot from a file (snapshot JSON, a stored document, or HTML) or a store id."""
    from pagevault.model import Snapshot

    path = Path(ref)
    if path.is_file() or path.suffix.lower() in (".html", ".htm", ".json") or "/" in ref:
        data = read_input(ref)  # a missing file is a one-line "cannot read" error
        if path.suffix.lower() == ".json":
            if selectors:
                raise InputError(
                    f"{ref}: CSS selectors to ignore need the page itself (HTML or a stored "
                    "snapshot), not a snapshot JSON file"
                )
            document = json.loads(data)
            return Snapshot.model_validate(document.get("snapshot", document))
        from pagevault.extract import parse_html

        return parse_html(data, ignore=selectors)
    with reader(store_dir) as store:
        return _stored(store, ref, selectors)


@app.command()
def stats(
    url: Annotated[str, typer.Argument(help="An archived page.")],
    output_format: Annotated[
        StatsFormat, typer.Option("--format", "-f", help="table (default), csv or json.")
    ] = StatsFormat.table,
    store_dir: StoreOption = DEFAULT_STORE,
) -> None:
    """Every statistic of a page across its snapshots.

    csv/json: one row per (snapshot, statistic) with fetched_at, key, text, value, unit,
    kind, qualifier, context; table: one line per statistic with its values over time."""
    from pagevault.statseries import statistic_rows

    with reader(store_dir) as store:
        rows = statistic_rows(store, url)
    if not rows:
        raise InputError(f"no statistic of {url} in {store_dir}")
    if output_format is StatsFormat.json:
        write_stdout(json.dumps([row.to_json() for row in rows], indent=2, ensure_ascii=False))
        write_stdout("\n")
    elif output_format is StatsFormat.csv:
        from pagevault.render.stats import rows_csv

        write_stdout(rows_csv(rows))
    else:
        from pagevault.render.stats import series_table

        print_stdout(series_table(rows))


@app.command()
def demo(
    store_dir: Annotated[
        Path | None,
        typer.Option("--store", help="Keep the demo's archive here (default: a temporary one)."),
    ] = None,
) -> None:
    """No network needed: serve two versions of an example page on 127.0.0.1, fetch both,
    and show what changed and the statistics over time."""
    from pagevault.cli_archive import line_reporter
    from pagevault.demo import run_demo
    from pagevault.render.diff import render_diff
    from pagevault.render.stats import series_table
    from pagevault.render.terminal import heading
    from pagevault.statseries import statistic_rows

    console = stdout_console()
    with run_demo(store_dir, line_reporter(stderr_console(), lambda: None)) as result:
        print_stdout(render_diff(result.diff, plain=console.color_system is None))
        with reader(result.store_dir) as store:
            rows = statistic_rows(store, result.url)
        print_stdout(heading("Statistics over time"))
        print_stdout(series_table(rows))
        where = "a temporary archive, now removed" if result.temporary else result.store_dir
        stderr_console().print(f"demo archive: {where}", markup=False)
