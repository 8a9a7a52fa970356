"""Archive commands: fetch, list, history, show, verify, reindex.

Registered on the Typer app of ``pagevault.cli``; every command that reads or writes
the store takes ``--store DIR`` (default ./snapshots, or $PAGEVAULT_STORE).
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import gc
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pagevault.cli import (
    DEFAULT_STORE,
    JsonOption,
    StoreOption,
    app,
    page_url,
    print_stdout,
    read_input,
    reader,
    stderr_console,
    write_stdout,
)
from pagevault.errors import ExitCode, FetchConfigError, InputError
from pagevault.text import plural, strip_controls

if TYPE_CHECKING:
    from rich.console import Console

    from pagevault.archive import UrlOutcome
    from pagevault.isolation import IsolatedParser
    from pagevault.store import CheckRecord


@app.command()
def fetch(
    ctx: typer.Context,
    urls: Annotated[
        list[str] | None, typer.Argument(metavar="URL...", help="Pages to archive.")
    ] = None,
    input_file: Annotated[
        str | None, typer.Option("--input", "-i", metavar="FILE|-", help="More URLs, one a line.")
    ] = None,
    store_dir: StoreOption = DEFAULT_STORE,
    as_json: JsonOption = False,
    delay: Annotated[
        float, typer.Option("--delay", help="Seconds between requests to one host.")
    ] = 1.0,
    deadline: Annotated[float, typer.Option("--deadline", help="Seconds per URL, at most.")] = 60.0,
    concurrency: Annotated[int, typer.Option("--concurrency", help="Requests in flight.")] = 8,
    user_agent: Annotated[str | None, typer.Option("--user-agent", help="User-Agent.")] = None,
    ignore_robots: Annotated[
        bool, typer.Option("--ignore-robots", help="Fetch pages robots.txt disallows.")
    ] = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Follow redirects into private addresses.")
    ] = False,
    http2: Annotated[bool, typer.Option("--http2", help="Use HTTP/2 where offered.")] = False,
    parse_budget: Annotated[
        float, typer.Option("--parse-budget", help="Seconds of parsing per page, at most.")
    ] = 30.0,
) -> None:
    """Fetch pages, store each raw capture, extract and store its snapshot.

    Example: pagevault fetch -i urls.txt --store /srv/pagevault/store
    """
    from pagevault.archive import archive_urls
    from pagevault.fetch import FetchOptions
    from pagevault.isolation import ParserPool
    from pagevault.store import Store

    if not parse_budget > 0:  # also NaN: every page would fail its budget
        raise FetchConfigError(f"fetch option parse_budget must be positive, got {parse_budget}")
    targets = _urls(urls or [], input_file)
    options = FetchOptions(
        delay=delay,
        deadline=deadline,
        concurrency=concurrency,
        ignore_robots=ignore_robots,
        allow_private=allow_private,
        http2=http2,
    )
    if user_agent:
        options = dataclasses.replace(options, user_agent=user_agent)
    valid, invalid = _split_invalid(targets)
    outcomes: list[UrlOutcome] = []  # as reported: an interrupted run sums up those too
    try:
        with _reporter(as_json, len(targets)) as report:

            def report_and_keep(outcome: UrlOutcome) -> None:
                outcomes.append(outcome)
                report(outcome)

            for outcome in invalid:  # reported, never recorded: a typo makes no page
                report_and_keep(outcome)
            if valid:  # a run of typos only creates no store
                with (
                    Store(store_dir) as store,
                    ParserPool(
                        _parse_workers(len(valid)), parse_budget, _started_parser(ctx)
                    ) as pool,
                ):
                    # What is loaded by now lives as long as the run: the collector's full
                    # passes during it (tens of ms each) need not walk it.
                    gc.freeze()
                    archive_urls(valid, store, options, pool, report_and_keep)
    except KeyboardInterrupt:  # Ctrl-C (asyncio.run raises it): the URLs done are summed up
        sys.stderr.write(_summary_line(outcomes, len(targets)) + "\n")
        raise
    sys.stderr.write(_summary_line(outcomes, len(targets)) + "\n")
    failed = sum(outcome.failed for outcome in outcomes)
    if failed:
        raise typer.Exit(ExitCode.USAGE if failed == len(outcomes) else ExitCode.SOME_FAILED)


def _summary_line(outcomes: list[UrlOutcome], total: int) -> str:
    """The run in one line on stderr, stamped (cron logs of many runs): '2026-11-27T06:17:03Z
    pagevault fetch: 20 URLs: 17 ok (3 changed), 2 failed, 1 disallowed'; a run stopped
    before its end (Ctrl-C) says how many URLs it did not get to."""
    from datetime import UTC, datetime

    from pagevault.archive import run_summary

    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    left = total - len(outcomes)
    stopped = f"; interrupted, {left} not done" if left > 0 else ""
    return f"{stamp} pagevault fetch: {run_summary(outcomes)}{stopped}"


def _split_invalid(urls: list[str]) -> tuple[list[str], list[UrlOutcome]]:
    """The URLs to fetch, and the outcomes of those that are no URL of a page."""
    from pagevault.archive import invalid_url_outcome, url_problem

    valid: list[str] = []
    invalid: list[UrlOutcome] = []
    for url in urls:
        problem = url_problem(url)
        if problem is None:
            valid.append(url)
        else:
            invalid.append(invalid_url_outcome(url, problem))
    return valid, invalid


def _parse_workers(urls: int) -> int:
    """One parse worker per core, up to 4 (parsing is the CPU-bound part of a run), and
    no more than there are URLs."""
    return max(1, min(4, os.cpu_count() or 1, urls))


def _started_parser(ctx: typer.Context) -> IsolatedParser | None:
    """The parse worker the command line started before reading the options, if any."""
    from pagevault.isolation import IsolatedParser

    parser = ctx.obj.get("parser") if isinstance(ctx.obj, dict) else None
    return parser if isinstance(parser, IsolatedParser) else None


def _urls(arguments: list[str], input_file: str | None) -> list[str]:
    urls = list(arguments)
    if input_file is not None:
        urls += url_lines(_url_list_text(input_file))
    urls = [url for url in dict.fromkeys(urls) if url]
    if not urls:
        raise InputError("no URL given (pass URLs, or -i FILE with one URL a line)")
    return urls


def _url_list_text(source: str) -> str:
    """The text of a list of URLs (UTF-8, or UTF-16 with its byte-order mark, as Windows
    editors save "Unicode"); binary data (an executable, an image: NULs in its start) is
    refused as ``parse`` refuses it, before anything is written."""
    data = read_input(source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    if b"\x00" in data[:_BINARY_SAMPLE]:
        name = "standard input" if source == "-" else source
        raise InputError(f"{name}: binary data, not a list of URLs")
    return data.decode("utf-8", "replace")


_BINARY_SAMPLE = 4096  # bytes: a text file holds no NUL


# A comment: '#' after whitespace (a '#' inside a URL starts its fragment).
_TRAILING_COMMENT = re.compile(r"\s#.*")


def url_lines(text: str) -> list[str]:
    """The URLs of a list: one a line, blank lines and '#' comments left out (a line
    starting with '#', or '#' after whitespace), a byte-order mark at the start ignored."""
    urls = []
    for line in text.removeprefix("\ufeff").splitlines():
        url = _TRAILING_COMMENT.sub("", line).strip()
        if url and not url.startswith("#"):
            urls.append(url)
    return urls


_PROGRESS_FROM = 5  # URLs: below this a bar is noise
# Environment variables with which rich may style output that is not a terminal.
_RICH_TERMINAL_OVERRIDES = ("FORCE_COLOR", "TTY_COMPATIBLE")


@contextlib.contextmanager
def _reporter(as_json: bool, total: int) -> Iterator[Callable[[UrlOutcome], None]]:
    """How each URL's outcome is shown: a JSON line on stdout, or a line on stderr; a
    progress bar too when stderr is a terminal. Where rich would style nothing (stderr no
    terminal), lines are written as they are, without loading rich (~60 ms of a start)."""
    if _plain_stderr():
        yield _json_reporter(lambda: None) if as_json else _plain_reporter
        return
    console = stderr_console()
    with _progress(console, total) as advance:
        yield _json_reporter(advance) if as_json else line_reporter(console, advance)


def _plain_stderr() -> bool:
    """Whether rich would see stderr as no terminal (and so print lines unstyled)."""
    overridden = any(name in os.environ for name in _RICH_TERMINAL_OVERRIDES)
    return not overridden and not sys.stderr.isatty()


def _plain_reporter(outcome: UrlOutcome) -> None:
    detail = outcome.error if outcome.error else outcome.snapshot
    line = fetch_line_text(outcome.status, outcome.http_status, outcome.url, detail)
    sys.stderr.write(line + "\n")  # one write: stderr flushes at each newline


def fetch_line_text(status: str, http_status: int | None, url: str, detail: str | None) -> str:
    """``render.archive.fetch_line`` as plain text: the same line, without its styles."""
    line = f"{status:<12} {http_status or '-':>3}  {strip_controls(url)}"
    return f"{line}  {strip_controls(detail)}" if detail else line


@contextlib.contextmanager
def _progress(console: Console, total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal and there are several URLs
    (rich's default would draw on stdout and spoil piped JSON)."""
    if not console.is_terminal or total < _PROGRESS_FROM:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("fetching", total=total)
        yield lambda: progress.advance(task)


def line_reporter(console: Console, advance: Callable[[], None]) -> Callable[[UrlOutcome], None]:
    from pagevault.render.archive import fetch_line

    def report(outcome: UrlOutcome) -> None:
        detail = outcome.error if outcome.error else outcome.snapshot
        console.print(fetch_line(outcome.status, outcome.http_status, outcome.url, detail))
        advance()

    return report


def _json_reporter(advance: Callable[[], None]) -> Callable[[UrlOutcome], None]:
    def report(outcome: UrlOutcome) -> None:
        write_stdout(json.dumps(outcome.to_json(), ensure_ascii=False) + "\n")
        advance()

    return report


@app.command("list")
def list_pages(store_dir: StoreOption = DEFAULT_STORE, as_json: JsonOption = False) -> None:
    """The archived pages: URL, checks, snapshots, last status, last check, last change.

    Example: pagevault list --json --store /srv/pagevault/store
    """
    with reader(store_dir) as store:
        pages = store.pages()
    columns = ("url", "checks", "snapshots", "last_status", "last_check", "last_change")
    rows = [tuple(getattr(page, column) for column in columns) for page in pages]
    if as_json:  # without the views' imports (rich, the snapshot model): ~0.15 s a run
        _write_json_rows(columns, rows)
        return
    from pagevault.render.archive import pages_table

    print_stdout(
        pages_table(
            (url, checks, snapshots, status, _shown_time(check), _shown_time(change))
            for url, checks, snapshots, status, check, change in rows
        )
    )


def _shown_time(moment: str | None) -> str | None:
    """A stored time as a table shows it: to the second when it falls on one,
    '2026-01-20T08:30:00Z' (the same instant, 7 columns narrower); else whole, as
    ``--at`` needs it to find that very check."""
    if moment is None:
        return None
    return moment.replace(".000000Z", "Z") if moment.endswith(".000000Z") else moment


@app.command()
def history(
    url: Annotated[str, typer.Argument(help="An archived page.")],
    store_dir: StoreOption = DEFAULT_STORE,
    as_json: JsonOption = False,
) -> None:
    """Every check of a page, newest last, with each new snapshot's change counts
    against the one before.

    Example: pagevault history https://www.amnesty.fr/refugies-et-migrants --json
    """
    from pagevault.statseries import snapshot_changes

    with reader(store_dir) as store:
        url = page_url(store, url)
        checks = store.history(url)
        if not checks:
            raise InputError(f"no check of {url} in {store_dir}")
        changes = snapshot_changes(store, checks)
    if as_json:
        columns = ("fetched_at", "status", "http_status", "snapshot", "changes", "error")
        rows = [
            (
                c.fetched_at,
                c.status,
                c.http_status,
                c.snapshot,
                _counts_of(changes, c),
                c.error or c.parse_error,
            )
            for c in checks
        ]
        _write_json_rows(columns, rows)
    else:
        from pagevault.render.archive import change_counts, history_table

        print_stdout(
            history_table(
                (
                    _shown_time(c.fetched_at) or "",
                    c.status,
                    c.http_status,
                    c.snapshot,
                    change_counts(_counts_of(changes, c)),
                    c.error or c.parse_error,
                )
                for c in checks
            )
        )


def _counts_of(changes: dict[str, dict[str, Any]], check: CheckRecord) -> dict[str, Any] | None:
    """Change counts for the check that created a snapshot ('changed'), else None."""
    return changes.get(check.snapshot or "") if check.status == "changed" else None


def _write_json_rows(columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    objects = [dict(zip(columns, row, strict=True)) for row in rows]
    write_stdout(json.dumps(objects, indent=2, ensure_ascii=False) + "\n")


@app.command()
def show(
    ref: Annotated[
        str,
        typer.Argument(
            metavar="URL|SNAPSHOT", help="A page, or a snapshot id (or its first 6+ characters)."
        ),
    ],
    at: Annotated[
        str | None, typer.Option("--at", metavar="WHEN", help="Latest snapshot at this time.")
    ] = None,
    store_dir: StoreOption = DEFAULT_STORE,
    as_json: JsonOption = False,
) -> None:
    """A stored snapshot: readable by default, --json for the snapshot itself.

    Example: pagevault show https://www.amnesty.fr/refugies-et-migrants --at 2026-01-31
    """
    newer_failure = None
    with reader(store_dir) as store:
        if "://" in ref:
            ref = page_url(store, ref)
            record = store.snapshot_at(ref, at)
            if record is None:
                when = f" at {at}" if at else ""
                raise InputError(f"no snapshot of {ref}{when} in {store_dir}")
            newer_failure = _failure_after(store.history(ref), record.fetched_at)
            ref = record.id
        else:
            ref = store.snapshot_id(ref)  # a prefix or path: the header names the id
        snapshot, provenance = store.snapshot(ref)
    if as_json:
        write_stdout(
            json.dumps(
                {"snapshot": snapshot.model_dump(mode="json"), "provenance": provenance},
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
        return
    from rich.console import Group

    from pagevault.render.archive import snapshot_header
    from pagevault.render.terminal import render_snapshot

    if newer_failure is not None:
        sys.stderr.write(_failure_note(newer_failure) + "\n")
    header = snapshot_header(ref, provenance.get("fetched_at"))
    print_stdout(Group(header, render_snapshot(snapshot)))


def _failure_after(checks: list[CheckRecord], fetched_at: str) -> CheckRecord | None:
    """The page's latest check, when it failed after the snapshot fetched at ``fetched_at``
    (the page now answers 404, say): what is shown is no longer what is online."""
    from pagevault.archive import FAILURE_STATUSES

    latest = checks[-1] if checks else None
    if latest is None or latest.status not in FAILURE_STATUSES:
        return None
    return latest if latest.fetched_at > fetched_at else None


def _failure_note(check: CheckRecord) -> str:
    reason = check.error or check.parse_error or "no reason recorded"
    line = (
        f"pagevault: note: the latest check of this page ({check.fetched_at}) was "
        f"{check.status}: {reason}; shown is the snapshot before it"
    )
    return strip_controls(" ".join(line.split()))


@app.command()
def verify(
    store_dir: StoreOption = DEFAULT_STORE,
    wait: Annotated[
        float, typer.Option("--wait", help="Seconds to wait for a running fetch to end.")
    ] = 0.0,
) -> None:
    """Re-hash every object, check every snapshot and index row; exit 1 on damage.

    Findings on stdout, one a line; the count on stderr.

    Example: pagevault verify --store /srv/pagevault/store > report.txt
    """
    from pagevault.store import Store

    # The writer lock, so that a running fetch's half-written check is not "damage".
    with Store(store_dir, writable=False, exclusive=True, lock_wait=wait) as store:
        report = store.verify()
    # The findings are the result (stdout, one a line); the count is a message (stderr).
    lines = [f"problem: {problem}" for problem in report.problems]
    lines += [f"warning: {warning}" for warning in report.warnings]
    write_stdout("".join(strip_controls(" ".join(line.split())) + "\n" for line in lines))
    stderr_console().print(
        f"{plural(report.objects, 'object')}, {plural(report.snapshots, 'snapshot')}, "
        f"{plural(report.checks, 'check')}: "
        f"{plural(len(report.problems), 'problem')}, {plural(len(report.warnings), 'warning')}",
        markup=False,
    )
    if not report.ok:
        raise typer.Exit(ExitCode.DAMAGE)


@app.command()
def reindex(store_dir: StoreOption = DEFAULT_STORE) -> None:
    """Rebuild the SQLite index from the files of the store.

    Example: pagevault reindex --store /srv/pagevault/store
    """
    from pagevault.store import Store

    with Store(store_dir, create=False) as store:
        pages = store.reindex()
    stderr_console().print(f"reindexed {pages} pages", markup=False)
