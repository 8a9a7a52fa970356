"""`list` and `history` say how each page's checks went, in the table and in JSON."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.cli_runs import pagevault as run
from tests.test_uxa_urls import PAGE


def test_list_and_history_show_the_last_status_and_the_error(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    good, gone = httpserver.url_for("/a"), httpserver.url_for("/gone")
    assert run(tmp_path, "fetch", "--delay", "0", good, gone).returncode == 3
    pages = {row["url"]: row for row in json.loads(run(tmp_path, "list", "--json").stdout)}
    assert (pages[good]["last_status"], pages[gone]["last_status"]) == ("new", "failed")
    table = run(tmp_path, "list").stdout
    assert "last status" in table
    assert [line.split()[3] for line in table.splitlines()[1:]] == ["new", "failed"]
    [check] = json.loads(run(tmp_path, "history", gone, "--json").stdout)
    assert (check["status"], check["error"]) == ("failed", "HTTP 404")
    [check] = json.loads(run(tmp_path, "history", good, "--json").stdout)
    assert check["error"] is None
