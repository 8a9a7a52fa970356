"""The command line run as a user runs it (a new interpreter), on a store of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response


def pagevault(
    store: Path,
    *args: str,
    stdin: str | None = None,
    columns: int | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m pagevault ARGS`` with ``$PAGEVAULT_STORE`` set to ``store``; ``columns``
    sets the terminal width the tables are drawn for, ``env`` more variables."""
    environment = {**os.environ, "PAGEVAULT_STORE": str(store), **(env or {})}
    if columns is not None:
        environment["COLUMNS"] = str(columns)
    return subprocess.run(
        [sys.executable, "-m", "pagevault", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )


def archive_versions(store: Path, server: HTTPServer, path: str, bodies: list[bytes]) -> str:
    """Fetch each of ``bodies`` in turn, served at ``path``, into ``store``; the page URL.
    The server's handlers are cleared afterwards (it may be the session's)."""
    versions = iter(bodies)

    def next_version(request: Request) -> Response:
        return Response(next(versions), headers={"Content-Type": "text/html"})

    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request(path).respond_with_handler(next_version)
    url = server.url_for(path)
    for _ in bodies:
        fetched = pagevault(store, "fetch", "--delay", "0", url)
        assert fetched.returncode == 0, fetched.stderr
    server.clear()
    return url
