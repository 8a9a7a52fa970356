"""`show URL` says which snapshot it prints, and when the page failed since."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Response

from tests.cli_runs import pagevault as run
from tests.test_uxa_urls import PAGE


def test_show_names_its_snapshot_and_a_failure_since(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    answers = iter([Response(PAGE, content_type="text/html"), Response("gone", status=404)])
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/a").respond_with_handler(lambda request: next(answers))
    url = httpserver.url_for("/a")
    [fetched] = map(json.loads, run(tmp_path, "fetch", "--json", url).stdout.splitlines())
    shown = run(tmp_path, "show", url)
    assert shown.returncode == 0
    snapshot_line, fetched_line = shown.stdout.splitlines()[:2]
    assert snapshot_line.split() == ["snapshot", fetched["snapshot"]]
    [history] = json.loads(run(tmp_path, "history", url, "--json").stdout)
    assert fetched_line.split() == ["fetched", history["fetched_at"]]
    assert shown.stderr == ""
    assert run(tmp_path, "fetch", url).returncode == 2  # the page is gone now
    shown = run(tmp_path, "show", url)
    assert shown.returncode == 0
    assert shown.stdout.splitlines()[0].split() == ["snapshot", fetched["snapshot"]]
    [note] = shown.stderr.splitlines()
    assert note.startswith("pagevault: note: the latest check of this page (")
    assert "was failed: HTTP 404; shown is the snapshot before it" in note
