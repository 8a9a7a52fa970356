"""`show` and `history` find a page by the final URL its fetch was redirected to (the URL
a browser shows, and the snapshot's provenance names), from the index's check rows."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from pagevault.errors import InputError
from pagevault.store import CheckRecord, Store
from tests.cli_runs import pagevault as run
from tests.test_store_support import at, make_snapshot
from tests.test_uxa_urls import PAGE


def _redirecting_site(server: HTTPServer, *paths: str) -> str:
    """Each of ``paths`` redirects to /x/, which serves a page; the URL of /x/."""
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    for path in paths:
        server.expect_request(path).respond_with_data("", status=301, headers={"Location": "/x/"})
    server.expect_request("/x/").respond_with_data(PAGE, content_type="text/html")
    return server.url_for("/x/")


def test_show_and_history_find_a_page_by_its_final_url(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    final = _redirecting_site(httpserver, "/x")
    requested = httpserver.url_for("/x")
    fetched = run(tmp_path, "fetch", "--json", "--delay", "0", requested)
    assert fetched.returncode == 0, fetched.stderr
    snapshot = json.loads(fetched.stdout)["snapshot"]
    note = f"pagevault: note: {final} is where {requested} redirects to; shown is that page"

    shown = run(tmp_path, "show", final)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0].split() == ["snapshot", snapshot]
    assert shown.stderr.splitlines() == [note]
    shown = run(tmp_path, "show", final, "--json")
    assert json.loads(shown.stdout)["provenance"]["final_url"] == final
    history = run(tmp_path, "history", final, "--json")
    assert history.returncode == 0, history.stderr
    assert [check["snapshot"] for check in json.loads(history.stdout)] == [snapshot]
    assert history.stderr.splitlines() == [note]
    # The page's own URL needs no note.
    assert run(tmp_path, "show", requested).stderr == ""


def test_a_final_url_several_pages_reach_is_a_usage_error_naming_them(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    final = _redirecting_site(httpserver, "/x", "/old-x")
    pages = [httpserver.url_for("/old-x"), httpserver.url_for("/x")]
    assert run(tmp_path, "fetch", "--delay", "0", *pages).returncode == 0
    for command in ("show", "history"):
        result = run(tmp_path, command, final)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            f"pagevault: error: {final} is where 2 pages redirect to: "
            f"{pages[0]}, {pages[1]}; name one of them"
        ]


def _redirected(store: Store, url: str, final_url: str, seconds: float) -> None:
    sha = store.put_raw(url.encode())
    check = CheckRecord(
        url, at(seconds), "ok", final_url=final_url, http_status=200, raw_sha256=sha
    )
    store.record_check(check, make_snapshot(url, url), {})


def test_the_fetched_page_wins_over_a_redirect_to_its_url(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        _redirected(store, "http://example.org/x", "https://example.org/x/", 0)
        _redirected(store, "https://example.org/x/", "https://example.org/x/", 1)
        assert store.page_for("https://example.org/x/") == "https://example.org/x/"
        # Compared in the form pages are filed under: host case, default port.
        assert store.page_for("https://EXAMPLE.org:443/x/") == "https://EXAMPLE.org:443/x/"
        assert store.page_for("https://example.org/nothing") == "https://example.org/nothing"


def test_the_pages_a_final_url_reaches_come_from_the_check_rows(tmp_path: Path) -> None:
    # No table of their own: an index an older pagevault keeps writing (a cron host not
    # yet upgraded) answers as well, and a reader writes nothing to find them.
    with Store(tmp_path) as store:
        _redirected(store, "http://example.org/a", "https://Example.org/a/", 0)
        _redirected(store, "http://example.org/b", "https://example.org:443/a/", 0)
    tables = _tables(tmp_path)
    with pytest.raises(InputError, match="is where 2 pages redirect to"):
        Store(tmp_path, writable=False).page_for("https://example.org/a/")
    assert _tables(tmp_path) == tables
    with Store(tmp_path) as store:
        store.reindex()
    reader = Store(tmp_path, writable=False)
    assert reader.page_for("https://example.org/a") == "https://example.org/a"
    with pytest.raises(InputError, match="is where 2 pages redirect to"):
        reader.page_for("https://example.org/a/")


def _tables(root: Path) -> list[tuple[str, str]]:
    db = sqlite3.connect(root / "index.sqlite")
    try:
        return sorted(db.execute("SELECT name, sql FROM sqlite_master"))
    finally:
        db.close()
