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
    page_url,
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
        str | None,
        typer.Option(
            "--from",
            metavar="WHEN",
            help="With a URL: the older side is the page as it was at WHEN (its last snapshot "
            "then, or its first one if it was archived later); a date means the start of that "
            "day. Default: the snapshot before the newer side.",
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="WHEN",
            help="With a URL: the newer side is the last snapshot at or before WHEN; a date "
            "means the end of that day. Default: the latest. WHEN is a date (2026-01-31) or "
            "an ISO 8601 time (2026-01-31T08:00:00Z), UTC unless it says otherwise.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            metavar="AREA|SELECTOR",
            help="Leave out an area (metadata, navigation, breadcrumbs, sections, statistics, "
            "related; singular or plural) or the elements a CSS selector matches (a warning "
            "when it matches nothing on either page). Repeatable; also read from "
            "pagevault.toml, [diff] ignore = [...].",
        ),
    ] = None,
    store_dir: StoreOption = DEFAULT_STORE,
) -> None:
    """What changed between two snapshots; exit 0 no content change, 1 changes, 2 trouble.

    Each side is a snapshot id of the store, a snapshot JSON file or an HTML file (parsed on
    the fly). With one URL, the page's last two snapshots in the store are compared, or
    those --from and --to choose."""
    from pagevault.diff import DiffResult, diff_snapshots

    areas, selector_list = _split_ignore(ignore or [])
    selectors = IgnoredSelectors(selector_list)
    if new is None:
        before, after = _snapshots_of_page(old, since, until, store_dir, selectors)
    else:
        _check_two_sides(old, new, since, until)
        before, after = _side(old, store_dir, selectors), _side(new, store_dir, selectors)
    selectors.warn_unmatched()
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
    "page": "metadata",  # the heading of the area in the text view
    "navigation": "navigation",
    "menu": "navigation",
    "menus": "navigation",
    "breadcrumb": "breadcrumbs",
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


class IgnoredSelectors:
    """The CSS selectors to leave out of both pages, and which of them matched anything:
    one that matches nothing on either page is most likely a typo, worth a warning."""

    def __init__(self, selectors: list[str]) -> None:
        self.selectors = selectors
        self.matched: set[str] = set()

    def __bool__(self) -> bool:
        return bool(self.selectors)

    def parse(self, data: bytes, url: str | None, content_type: str | None) -> Snapshot:
        """The page read without the elements the selectors match."""
        from pagevault.extract import parse_html

        snapshot = parse_html(data, url, content_type, ignore=self.selectors)
        waiting = [selector for selector in self.selectors if selector not in self.matched]
        if waiting:  # the selectors are valid: parse_html raised otherwise
            from pagevault.decode import decode_html
            from pagevault.extract.dom import parse_tree

            decoded = decode_html(data, content_type)
            tree = parse_tree(decoded.text, decoded.utf8)
            self.matched.update(s for s in waiting if tree.css_first(s) is not None)
        return snapshot

    def warn_unmatched(self) -> None:
        for selector in self.selectors:
            if selector not in self.matched:
                stderr_console().print(
                    strip_controls(f"warning: --ignore {selector!r} {_unmatched_hint(selector)}"),
                    markup=False,
                )


def _unmatched_hint(selector: str) -> str:
    from difflib import get_close_matches

    close = get_close_matches(selector.strip().lower(), _AREA_NAMES, n=1, cutoff=0.7)
    if close:
        return f"matched nothing on either page; did you mean the area {close[0]!r}?"
    areas = "metadata, navigation, breadcrumbs, sections, statistics, related"
    return f"matched nothing on either page (it is read as a CSS selector; areas: {areas})"


def _check_two_sides(old: str, new: str, since: str | None, until: str | None) -> None:
    """Two sides are two versions: no URL among them, no times to choose them by."""
    for side in (old, new):
        if "://" in side:
            raise InputError(
                f"{side[:200]} is a page URL: give it alone to compare its last two snapshots "
                "(or those --from/--to choose); two sides are each a snapshot id "
                "(pagevault history URL), a snapshot JSON file or an HTML file"
            )
    if since or until:
        raise InputError(
            "--from and --to choose snapshots of one page: pagevault diff URL --from WHEN --to WHEN"
        )


def _snapshots_of_page(
    url: str, since: str | None, until: str | None, store_dir: Path, selectors: IgnoredSelectors
) -> tuple[Snapshot, Snapshot]:
    if "://" not in url:
        raise InputError(
            f"diff needs two sides (snapshot ids, snapshot JSON or HTML files), or one archived "
            f"page URL; {url[:200]!r} is neither a URL nor a pair"
        )
    from pagevault.store.records import parse_bound

    since_bound = _start_of(since) if since else None
    if since_bound and until and parse_bound(since_bound) > parse_bound(until):
        raise InputError(f"--from {since} is after --to {until}: give the older time first")
    with reader(store_dir) as store:
        url = page_url(store, url)
        if until is None:
            _note_failed_latest(store, url)
        newer = store.snapshot_at(url, until)
        if newer is None:
            raise InputError(_no_snapshot_message(store, url, until, store_dir))
        older = (
            _previous(store, url, newer) if since is None else _at(store, url, since, since_bound)
        )
        if older is None or older.id == newer.id:
            raise InputError(_one_snapshot_message(store, url, since, until, store_dir))
        return _stored(store, older.id, selectors), _stored(store, newer.id, selectors)


def _start_of(when: str) -> str:
    """A --from time: a bare date means the start of that day (UTC)."""
    is_date = len(when) == _DATE_LENGTH and when[4] == when[7] == "-" and when[:4].isdigit()
    return f"{when}T00:00:00Z" if is_date else when  # else as given: its error quotes it


_DATE_LENGTH = len("2026-01-31")


def _at(store: Store, url: str, since: str, when: str | None) -> SnapshotRecord | None:
    """The page as it was at ``when``: its last snapshot then, else (archived later) its
    first one, with a note saying so."""
    record = store.snapshot_at(url, when)
    if record is not None:
        return record
    first = _first_snapshot(store, url)
    if first is not None:
        stderr_console().print(
            strip_controls(
                f"note: {url} was first archived at {first.fetched_at}, after --from "
                f"{since}: comparing from that first snapshot"
            ),
            markup=False,
        )
    return first


def _snapshot_times(store: Store, url: str) -> list[str]:
    """When each distinct snapshot of the page was first fetched, oldest first."""
    seen: dict[str, str] = {}
    for check in store.history(url):
        if check.snapshot and check.snapshot not in seen:
            seen[check.snapshot] = check.fetched_at
    return list(seen.values())


def _first_snapshot(store: Store, url: str) -> SnapshotRecord | None:
    times = _snapshot_times(store, url)
    return store.snapshot_at(url, times[0]) if times else None


def _no_snapshot_message(store: Store, url: str, until: str | None, store_dir: Path) -> str:
    times = _snapshot_times(store, url)
    if not times or until is None:
        return f"no snapshot of {url} in {store_dir}"
    return f"no snapshot of {url} at or before --to {until}: its first is from {times[0]}"


def _one_snapshot_message(
    store: Store, url: str, since: str | None, until: str | None, store_dir: Path
) -> str:
    times = _snapshot_times(store, url)
    if len(times) <= 1:
        return f"{url} has only one snapshot in {store_dir}: nothing to compare"
    window = f"from {since or 'the start'} to {until or 'now'}"
    return (
        f"only one snapshot of {url} {window}: nothing to compare "
        f"(it has {len(times)} snapshots, from {times[0]} to {times[-1]})"
    )


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


def _stored(store: Store, snapshot_id: str, selectors: IgnoredSelectors) -> Snapshot:
    """A stored snapshot; with selectors to ignore, re-read from its raw capture."""
    snapshot, provenance = store.snapshot(snapshot_id)
    if not selectors:
        return snapshot
    raw = store.get_raw(provenance["raw_sha256"])
    content_type = (provenance.get("headers") or {}).get("content-type")
    return selectors.parse(raw, provenance.get("final_url"), content_type)


def _previous(store: Store, url: str, newer: SnapshotRecord) -> SnapshotRecord | None:
    """The page's snapshot before ``newer``: the latest one strictly earlier."""
    moment = datetime.fromisoformat(newer.fetched_at.replace("Z", "+00:00"))
    just_before = (moment - timedelta(microseconds=1)).isoformat()
    return store.snapshot_at(url, just_before)


def _side(ref: str, store_dir: Path, selectors: IgnoredSelectors) -> Snapshot:
    """A snapshot from a file (snapshot JSON, a stored document, or HTML) or a store id."""
    path = Path(ref)
    if path.is_file() or path.suffix.lower() in (".html", ".htm", ".json") or "/" in ref:
        data = read_input(ref)  # a missing file is a one-line "cannot read" error
        if path.suffix.lower() == ".json":
            if selectors:
                raise InputError(
                    f"{ref}: CSS selectors to ignore need the page itself (HTML or a stored "
                    "snapshot), not a snapshot JSON file"
                )
            return _snapshot_json(ref, data)
        return selectors.parse(data, None, None)
    from pagevault.store.layout import SNAPSHOT_ID, SNAPSHOT_ID_PREFIX

    if not (SNAPSHOT_ID.match(ref) or SNAPSHOT_ID_PREFIX.match(ref)):
        raise InputError(
            f"{ref[:200]!r} is no file and no snapshot id; each side is a snapshot id "
            "(pagevault history URL lists them), a snapshot JSON file or an HTML file"
        )
    with reader(store_dir) as store:
        try:
            return _stored(store, ref, selectors)
        except InputError as error:  # no such snapshot: say what a side may be
            raise InputError(
                f"{error}; each side is a snapshot id (pagevault history URL lists them), a "
                "snapshot JSON file or an HTML file"
            ) from error


def _snapshot_json(ref: str, data: bytes) -> Snapshot:
    """A snapshot from ``pagevault parse`` or a stored document ({"snapshot": …}); anything
    else is one line saying why it is not one."""
    from pydantic import ValidationError

    from pagevault.model import Snapshot

    try:
        document = json.loads(data)
    except ValueError as error:  # JSONDecodeError, or bytes that are no UTF-8 text
        reason = getattr(error, "msg", None) or "not UTF-8 text"
        raise InputError(f"{ref} is not a pagevault snapshot (not JSON: {reason})") from error
    if isinstance(document, dict) and isinstance(document.get("snapshot"), dict):
        document = document["snapshot"]
    if not isinstance(document, dict):
        kind = type(document).__name__.replace("list", "array").replace("str", "string")
        raise InputError(f"{ref} is not a pagevault snapshot (a JSON {kind}, not an object)")
    try:
        return Snapshot.model_validate(document)
    except ValidationError as error:
        raise InputError(f"{ref} is not a pagevault snapshot ({_invalid(error)})") from error


def _invalid(error: Exception) -> str:
    """'no url, title, sections and 13 more fields' or the first problem, in a few words."""
    from pydantic import ValidationError

    from pagevault.text import plural

    assert isinstance(error, ValidationError)
    problems = error.errors()
    missing = [".".join(map(str, p["loc"])) for p in problems if p["type"] == "missing"]
    if missing:
        shown = ", ".join(missing[:3])
        more = f" and {plural(len(missing) - 3, 'more field')}" if len(missing) > 3 else ""
        return f"no {shown}{more}"
    first = problems[0]
    where = ".".join(map(str, first["loc"])) or "the document"
    more = f"; {plural(len(problems) - 1, 'more problem')}" if len(problems) > 1 else ""
    return f"{where}: {first['msg']}{more}"


@app.command()
def stats(
    url: Annotated[str, typer.Argument(help="An archived page.")],
    output_format: Annotated[
        StatsFormat, typer.Option("--format", "-f", help="table (default), csv or json.")
    ] = StatsFormat.table,
    store_dir: StoreOption = DEFAULT_STORE,
) -> None:
    """Every statistic of a page across its snapshots.

    csv/json: one row per (snapshot, statistic) with fetched_at, key (of the series), text,
    value, unit, kind, qualifier, context, status (new, removed from the newest snapshot,
    kept) and statistic_key (its key in that snapshot); table: one line per statistic with
    its values over time and marks (changed, new, removed)."""
    from pagevault.statseries import statistic_rows

    with reader(store_dir) as store:
        rows = statistic_rows(store, page_url(store, url))
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
