"""`diff` and `stats` find a page by the final URL its fetch was redirected to, as `show`
and `history` do, and `diff` takes snapshot ids shortened as `show` does."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.cli_runs import pagevault as run
from tests.test_uxa_urls import PAGE

CHANGED = PAGE.replace(b"43,7 millions", b"45,1 millions")


def _two_versions_behind_a_redirect(server: HTTPServer, store: Path) -> tuple[str, str, list[str]]:
    """/x redirects to /x/, which serves the page, then a changed version of it: fetched
    twice; the requested URL, the final one and the two snapshot ids."""
    served = iter((PAGE, CHANGED))

    def page(_request: Request) -> Response:
        return Response(next(served), content_type="text/html")

    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request("/x").respond_with_data("", status=301, headers={"Location": "/x/"})
    server.expect_request("/x/").respond_with_handler(page)
    requested, final = server.url_for("/x"), server.url_for("/x/")
    snapshots = []
    for _ in range(2):
        fetched = run(store, "fetch", "--json", "--delay", "0", requested)
        assert fetched.returncode == 0, fetched.stderr
        snapshots.append(json.loads(fetched.stdout)["snapshot"])
    return requested, final, snapshots


def test_diff_and_stats_find_a_page_by_its_final_url(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    requested, final, _ = _two_versions_behind_a_redirect(httpserver, tmp_path)
    note = f"pagevault: note: {final} is where {requested} redirects to; shown is that page"

    compared = run(tmp_path, "diff", final, "--format", "json")
    assert compared.returncode == 1, compared.stderr  # 1: changes found
    assert compared.stderr.splitlines() == [note]
    changed = [change["new"] for change in json.loads(compared.stdout)["changes"]]
    assert any("45,1 millions" in str(new) for new in changed)

    figures = run(tmp_path, "stats", final, "--format", "json")
    assert figures.returncode == 0, figures.stderr
    assert figures.stderr.splitlines() == [note]
    texts = {row["text"] for row in json.loads(figures.stdout)}
    assert {"43,7 millions", "45,1 millions"} <= texts


def test_diff_takes_shortened_snapshot_ids(httpserver: HTTPServer, tmp_path: Path) -> None:
    _, _, (older, newer) = _two_versions_behind_a_redirect(httpserver, tmp_path)
    whole = run(tmp_path, "diff", older, newer, "--format", "json")
    short = run(tmp_path, "diff", older[:-4], newer[:-4], "--format", "json")
    assert (short.returncode, short.stderr) == (1, "")
    assert short.stdout == whole.stdout
    # The page part alone names both: one line saying so.
    ambiguous = run(tmp_path, "diff", older[:12], newer, "--format", "json")
    assert ambiguous.returncode == 2
    assert "is ambiguous: 2 snapshots start with it" in ambiguous.stderr
    assert len(ambiguous.stderr.splitlines()) == 1
