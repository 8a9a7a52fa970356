"""`pagevault fetch` and the archive commands end to end, against a server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from pagevault import cli, entry, isolation
from pagevault.isolation_spawn import Spawned, spawn
from pagevault.store import Store
from tests.cli_runs import pagevault as run

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "amnesty-fr-refugies.html").read_bytes()
OTHER = (FIXTURES / "de-kampagne.html").read_bytes()


@pytest.fixture
def site(httpserver: HTTPServer) -> Iterator[HTTPServer]:
    """Two pages with ETags, a 404, and a robots.txt allowing everything."""
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    for path, body, etag in (("/a", PAGE, '"a1"'), ("/b", OTHER, '"b1"')):
        httpserver.expect_request(path).respond_with_handler(_etag_handler(body, etag))
    httpserver.expect_request("/missing").respond_with_data("gone", status=404)
    yield httpserver


def _etag_handler(body: bytes, etag: str):  # type: ignore[no-untyped-def]
    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, headers={"ETag": etag, "Content-Type": "text/html; charset=utf-8"})

    return handler


def _fetch_json(store: Path, *urls: str) -> tuple[int, list[dict[str, object]]]:
    result = run(store, "fetch", "--delay", "0", "--json", *urls)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return result.returncode, lines


def test_fetch_stores_snapshots_then_conditional_get_gives_not_modified(
    site: HTTPServer, tmp_path: Path
) -> None:
    urls = [site.url_for("/a"), site.url_for("/b")]
    code, first = _fetch_json(tmp_path, *urls)
    assert code == 0
    assert {row["status"] for row in first} == {"new"}
    assert all(row["snapshot"] and row["raw_sha256"] for row in first)
    assert set(first[0]) == {"url", "status", "http_status", "snapshot", "raw_sha256", "error"}
    code, second = _fetch_json(tmp_path, *urls)
    assert code == 0
    assert {row["status"] for row in second} == {"not_modified"}
    assert {row["http_status"] for row in second} == {304}


def test_changed_body_makes_a_new_snapshot_and_same_body_none(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    bodies = iter([PAGE, PAGE, PAGE.replace(b"43,7 millions", b"45,1 millions")])
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/p").respond_with_handler(
        lambda request: Response(next(bodies), headers={"Content-Type": "text/html"})
    )
    statuses = [_fetch_json(tmp_path, httpserver.url_for("/p"))[1][0]["status"] for _ in range(3)]
    assert statuses == ["new", "unchanged", "changed"]
    with Store(tmp_path, writable=False) as store:
        assert [page.snapshots for page in store.pages()] == [2]
        assert len(store.history(httpserver.url_for("/p"))) == 3


def test_exit_codes_some_failed_and_all_failed(site: HTTPServer, tmp_path: Path) -> None:
    some = run(tmp_path, "fetch", "--delay", "0", site.url_for("/a"), site.url_for("/missing"))
    assert some.returncode == 3
    assert "HTTP 404" in some.stderr
    every = run(tmp_path, "fetch", "--delay", "0", site.url_for("/missing"))
    assert every.returncode == 2
    assert "Traceback" not in every.stderr


def test_urls_from_a_file_and_from_stdin(site: HTTPServer, tmp_path: Path) -> None:
    url_file = tmp_path / "urls.txt"
    url_file.write_text(f"# pages\n{site.url_for('/a')}\n\n{site.url_for('/a')}\n")
    from_file = run(tmp_path / "store", "fetch", "--delay", "0", "--json", "-i", str(url_file))
    assert from_file.returncode == 0
    assert len(from_file.stdout.splitlines()) == 1  # duplicates and comments dropped
    from_stdin = run(
        tmp_path / "store", "fetch", "--delay", "0", "--json", "-i", "-", stdin=site.url_for("/b")
    )
    assert json.loads(from_stdin.stdout)["status"] == "new"


def test_no_url_is_a_usage_error(tmp_path: Path) -> None:
    result = run(tmp_path, "fetch")
    assert result.returncode == 2
    assert "no URL given" in result.stderr


def test_a_locked_store_exits_75(site: HTTPServer, tmp_path: Path) -> None:
    with Store(tmp_path):
        result = run(tmp_path, "fetch", "--delay", "0", site.url_for("/a"))
    assert result.returncode == 75
    assert len(result.stderr.strip().splitlines()) == 1


def test_list_history_show_and_verify(site: HTTPServer, tmp_path: Path) -> None:
    url = site.url_for("/a")
    _fetch_json(tmp_path, url)
    _fetch_json(tmp_path, url)
    pages = json.loads(run(tmp_path, "list", "--json").stdout)
    assert [(page["url"], page["checks"], page["snapshots"]) for page in pages] == [(url, 2, 1)]
    history = json.loads(run(tmp_path, "history", url, "--json").stdout)
    assert [row["status"] for row in history] == ["new", "not_modified"]
    assert set(history[0]) == {
        "fetched_at", "status", "http_status", "snapshot", "changes", "error"
    }  # fmt: skip
    shown = json.loads(run(tmp_path, "show", url, "--json").stdout)
    assert shown["snapshot"]["title"] == "Protéger les réfugié·e·s et les migrant·e·s"
    assert shown["provenance"]["requested_url"] == url
    readable = run(tmp_path, "show", history[0]["snapshot"])
    assert "43,7 millions" in readable.stdout
    assert run(tmp_path, "verify").returncode == 0


def test_verify_exits_1_on_a_damaged_object(site: HTTPServer, tmp_path: Path) -> None:
    _fetch_json(tmp_path, site.url_for("/a"))
    objects = [path for path in (tmp_path / "objects").rglob("*") if path.is_file()]
    objects[0].write_bytes(objects[0].read_bytes()[:-10])
    result = run(tmp_path, "verify")
    assert result.returncode == 1
    assert "problem:" in result.stdout
    assert result.stderr.rstrip().endswith(": 1 problem, 0 warnings"), result.stderr
    assert result.stderr.startswith("1 object, 1 snapshot, "), result.stderr


def test_a_parse_over_budget_keeps_the_raw_capture(httpserver: HTTPServer, tmp_path: Path) -> None:
    huge = b"<html><body>" + b"<p>Plus de 29 000 personnes.</p>" * 200_000 + b"</body></html>"
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/huge").respond_with_data(huge, content_type="text/html")
    result = run(
        tmp_path,
        "fetch",
        "--delay",
        "0",
        "--json",
        "--parse-budget",
        "0.05",
        httpserver.url_for("/huge"),
    )
    outcome = json.loads(result.stdout)
    assert outcome["status"] == "failed"
    assert "parse failed: time budget" in outcome["error"]
    with Store(tmp_path, writable=False) as store:
        assert store.get_raw(outcome["raw_sha256"]) == huge


def test_binary_data_served_as_html_is_a_parse_failure_and_kept(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    image = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/photo").respond_with_data(image, content_type="text/html")
    code, rows = _fetch_json(tmp_path, httpserver.url_for("/photo"))
    assert code == 2  # the only URL failed
    assert rows[0]["status"] == "failed"
    assert "binary data, not an HTML page" in rows[0]["error"]
    with Store(tmp_path, writable=False) as store:
        assert store.get_raw(rows[0]["raw_sha256"]) == image


def test_unknown_page_history_is_a_clear_error(tmp_path: Path) -> None:
    Store(tmp_path).close()
    result = run(tmp_path, "history", "https://example.org/never")
    assert result.returncode == 2
    assert "no check of https://example.org/never" in result.stderr


def test_an_empty_page_is_kept_and_the_run_goes_on(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/empty").respond_with_data(b"", content_type="text/html")
    httpserver.expect_request("/b").respond_with_data(OTHER, content_type="text/html")
    code, rows = _fetch_json(tmp_path, httpserver.url_for("/empty"), httpserver.url_for("/b"))
    assert code == 0
    assert [row["status"] for row in rows] == ["new", "new"]


def test_show_at_a_time_it_cannot_read_is_a_usage_error(site: HTTPServer, tmp_path: Path) -> None:
    _fetch_json(tmp_path, site.url_for("/a"))
    result = run(tmp_path, "show", site.url_for("/a"), "--at", "yesterday")
    assert result.returncode == 2
    assert "cannot read the time 'yesterday'" in result.stderr
    outside = run(tmp_path, "show", "/etc/hostname")
    assert outside.returncode == 2
    assert "no snapshot" in outside.stderr


def test_verify_waits_for_no_one_while_a_writer_holds_the_store(tmp_path: Path) -> None:
    with Store(tmp_path):
        result = run(tmp_path, "verify")
    assert result.returncode == 75
    assert run(tmp_path, "verify").returncode == 0


@pytest.mark.parametrize(
    ("status", "http_status", "url", "detail"),
    [
        ("new", 200, "https://example.org/a", "abc123def456-20260115T083000Z-0123456789ab"),
        ("failed", None, "https://example.org/[link=https://evil]x[/link]", "HTTP 404"),
        ("failed", 500, "https://example.org/\x1b[2J:smile:", "parse failed: \x07bell"),
        ("unchanged", 304, "https://例え.テスト/パス", None),
    ],
)
def test_plain_fetch_lines_are_what_rich_prints_without_a_terminal(
    status: str, http_status: int | None, url: str, detail: str | None
) -> None:
    """Without a terminal the fetch lines skip rich; they must read the same."""
    from rich.console import Console

    from pagevault.cli_archive import fetch_line_text
    from pagevault.render.archive import fetch_line

    printed = io.StringIO()
    console = Console(file=printed, highlight=False, emoji=False, markup=False, width=4096)
    console.print(fetch_line(status, http_status, url, detail))
    assert fetch_line_text(status, http_status, url, detail) + "\n" == printed.getvalue()


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        pytest.param(["fetch"], 2, id="usage error"),
        pytest.param(["fetch", "--delay", "-1", "https://x.test/"], 2, id="invalid option"),
        pytest.param(["fetch", "--delay", "0", "PAGE"], 0, id="a run"),
    ],
)
def test_the_early_parse_worker_is_stopped_whatever_the_command_does(
    site: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    arguments: list[str],
    code: int,
) -> None:
    """The worker started before the options are read is killed and reaped when the
    command ends, however it ends (main() in this process, to watch the worker)."""
    started = _watch_workers(monkeypatch)
    command = [site.url_for("/a") if argument == "PAGE" else argument for argument in arguments]
    monkeypatch.setattr(sys, "argv", ["pagevault", *command])
    monkeypatch.setenv("PAGEVAULT_STORE", str(tmp_path))
    with pytest.raises(SystemExit) as ended:
        cli.main()
    gc.unfreeze()  # main() froze this process's objects for its shutdown
    assert ended.value.code == code
    assert started, "no worker was started before the options were read"
    assert all(_reaped(pid) for pid in started)


def test_help_starts_no_parse_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    started = _watch_workers(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["pagevault", "fetch", "--help"])
    with pytest.raises(SystemExit), contextlib.redirect_stdout(io.StringIO()):
        cli.main()
    gc.unfreeze()
    assert started == []


def _watch_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pid of every parse worker started from now on."""
    started: list[int] = []

    def watched(*args: Any, **kwargs: Any) -> Spawned:
        spawned = spawn(*args, **kwargs)
        started.append(spawned.pid)
        return spawned

    monkeypatch.setattr(entry, "spawn", watched)
    monkeypatch.setattr(isolation, "spawn", watched)
    return started


def _reaped(pid: int) -> bool:
    """Whether ``pid`` ended and was waited for (it is no child of ours any more)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False
