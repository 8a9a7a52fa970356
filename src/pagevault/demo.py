"""``pagevault demo``: the whole loop on a newcomer's machine, with no network.

Two versions of an invented advocacy page ("Refuge Europe", bundled in
``pagevault/demo_pages``) are served on 127.0.0.1; the page is fetched twice into a
store — version 1, then version 2, as a real page would be a few months apart — with
the same ``archive_urls`` as ``pagevault fetch``, and the two snapshots are diffed.

    from pagevault.demo import run_demo

    with run_demo(None, report=print) as result:   # a temporary store
        result.diff.content_changed, result.store_dir, result.outcomes

Version 2 differs from version 1 in the ways an analyst cares about (each file's
first line lists them): the headline figure changed in a rewritten sentence, a
figure only reformatted ("83%" → "83 %"), a section renamed, a related card added
and one removed, a menu item moved.

Nothing leaves the machine: the server listens on 127.0.0.1 only, on a free port,
and is stopped whatever happens; every fetch is bounded by a deadline of a few seconds.
"""

from __future__ import annotations

import contextlib
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from pagevault.archive import UrlOutcome, archive_urls
from pagevault.diff import DiffResult, diff_snapshots
from pagevault.errors import PagevaultError
from pagevault.fetch import FetchOptions
from pagevault.isolation import ParserPool
from pagevault.store import Store

PAGE_PATH = "/refuge-europe/refugies"
PAGE_FILES = ("refugies-v1.html", "refugies-v2.html")  # in serving order
ROBOTS_TXT = b"User-agent: *\nAllow: /\n"

# Loopback and a page of a few kilobytes: a few seconds is plenty, and a demo that
# hangs teaches nothing.
DEADLINE = 5.0
PARSE_BUDGET = 10.0
OPTIONS = FetchOptions(
    delay=0,
    concurrency=1,
    deadline=DEADLINE,
    connect_timeout=DEADLINE,
    read_timeout=DEADLINE,
    attempts=1,
    retry_budget=0,
    max_redirects=0,
)


class DemoError(PagevaultError):
    """The demo could not fetch or store its own pages (exit 2)."""


@dataclass(frozen=True)
class DemoResult:
    """What the demo did: the page's URL, one outcome per fetch, the diff and the store.

    With a temporary store (``run_demo(None, ...)``), the directory lives as long as
    this result: ``close()`` it (or use the result as a context manager) to delete it;
    otherwise it is deleted when the result is garbage collected. A store the caller
    gave is never deleted.
    """

    url: str
    outcomes: list[UrlOutcome]
    diff: DiffResult
    store_dir: Path
    _temporary: tempfile.TemporaryDirectory[str] | None = field(
        default=None, repr=False, compare=False
    )

    @property
    def temporary(self) -> bool:
        """Whether ``store_dir`` is a temporary directory that ``close`` deletes."""
        return self._temporary is not None

    def close(self) -> None:
        """Delete the temporary store, if the demo made one. Idempotent."""
        if self._temporary is not None:
            self._temporary.cleanup()

    def __enter__(self) -> DemoResult:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def run_demo(store_dir: Path | None, report: Callable[[UrlOutcome], None]) -> DemoResult:
    """Serve the two bundled versions, fetch both into ``store_dir`` (a temporary
    directory if None), and diff the two snapshots. ``report`` gets each fetch's
    outcome as it completes, as with ``pagevault fetch``.

    DemoError if a fetch does not give a snapshot; StoreError/StoreLockedError as for
    ``fetch`` when the store cannot be written.
    """
    pages = [demo_page(name) for name in PAGE_FILES]
    temporary = tempfile.TemporaryDirectory(prefix="pagevault-demo-") if store_dir is None else None
    root = Path(temporary.name) if temporary is not None else store_dir
    assert root is not None
    try:
        with _serving(pages) as server:
            url = server.url(PAGE_PATH)
            outcomes = _fetch_versions(url, root, server, report)
        diff = _diff_outcomes(root, outcomes)
    except BaseException:
        if temporary is not None:
            temporary.cleanup()
        raise
    return DemoResult(url, outcomes, diff, root, temporary)


def demo_page(name: str) -> bytes:
    """The bytes of one bundled page (``refugies-v1.html`` or ``refugies-v2.html``)."""
    return resources.files("pagevault").joinpath("demo_pages", name).read_bytes()


def _fetch_versions(
    url: str, root: Path, server: _DemoServer, report: Callable[[UrlOutcome], None]
) -> list[UrlOutcome]:
    """Fetch the page once per version, the server switching version in between."""
    outcomes: list[UrlOutcome] = []
    with Store(root) as store, ParserPool(1, time_budget=PARSE_BUDGET) as parsers:
        for version in range(len(server.pages)):
            server.version = version
            [outcome] = archive_urls([url], store, OPTIONS, parsers, report)
            if outcome.snapshot is None:
                reason = outcome.error or outcome.status
                raise DemoError(f"demo: fetching version {version + 1} of {url} failed: {reason}")
            outcomes.append(outcome)
    return outcomes


def _diff_outcomes(root: Path, outcomes: list[UrlOutcome]) -> DiffResult:
    """The diff of the snapshots the first and last fetches stored, read back from the
    store (as ``pagevault diff URL`` would)."""
    old_id, new_id = outcomes[0].snapshot, outcomes[-1].snapshot
    assert old_id is not None and new_id is not None
    with Store(root, writable=False) as store:
        old, _ = store.snapshot(old_id)
        new, _ = store.snapshot(new_id)
    return diff_snapshots(old, new)


class _DemoServer(ThreadingHTTPServer):
    """Serves ``/robots.txt`` (allow all) and the page, in the version currently set."""

    daemon_threads = True

    def __init__(self, pages: list[bytes]) -> None:
        super().__init__(("127.0.0.1", 0), _DemoHandler)
        self.pages = pages
        self.version = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class _DemoHandler(BaseHTTPRequestHandler):
    server: _DemoServer

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/robots.txt":
            self._send(200, "text/plain; charset=utf-8", ROBOTS_TXT)
        elif path == PAGE_PATH:
            self._send(200, "text/html; charset=utf-8", self.server.pages[self.server.version])
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found\n")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the demo reports its fetches itself."""


@contextlib.contextmanager
def _serving(pages: list[bytes]) -> Iterator[_DemoServer]:
    """The demo server, running in a thread; always stopped and closed on exit."""
    server = _DemoServer(pages)
    thread = threading.Thread(target=server.serve_forever, name="pagevault-demo", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=DEADLINE)
