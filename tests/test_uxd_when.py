"""`pagevault diff URL --from WHEN --to WHEN` agrees with the archive.

Two snapshots of one page fetched from 127.0.0.1 a moment apart: --from means the page
as it was then (its first snapshot if it was archived later, as in the README's example
of a page first archived mid-January), --to the last snapshot at or before WHEN; a
window holding one snapshot says so, and so do times given in the wrong order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.cli_runs import archive_versions, pagevault

PAGE = (Path(__file__).parent / "fixtures" / "amnesty-fr-refugies.html").read_bytes()


@pytest.fixture(scope="module")
def archived(
    tmp_path_factory: pytest.TempPathFactory, make_httpserver: HTTPServer
) -> tuple[Path, str, list[datetime]]:
    """A store holding two snapshots of one page, and when each was fetched."""
    store = tmp_path_factory.mktemp("store")
    bodies = [PAGE, PAGE.replace(b"43,7 millions", b"45,1 millions")]
    url = archive_versions(store, make_httpserver, "/p", bodies)
    checks = json.loads(pagevault(store, "history", url, "--json").stdout)
    times = [datetime.fromisoformat(c["fetched_at"].replace("Z", "+00:00")) for c in checks]
    return store, url, times


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def test_dates_around_the_first_snapshot_compare_first_and_last(
    archived: tuple[Path, str, list[datetime]],
) -> None:
    store, url, (first, _) = archived
    day_before = (first - timedelta(days=1)).date().isoformat()
    day_after = (first + timedelta(days=1)).date().isoformat()
    result = pagevault(store, "diff", url, "--from", day_before, "--to", day_after)
    assert result.returncode == 1, result.stderr  # the two snapshots, one change
    assert "43,7 millions → 45,1 millions" in result.stdout
    assert "first archived" in result.stderr and "only one" not in result.stderr


def test_from_a_bare_date_means_the_start_of_that_day(
    archived: tuple[Path, str, list[datetime]],
) -> None:
    store, url, (first, _) = archived
    result = pagevault(store, "diff", url, "--from", first.date().isoformat())
    assert result.returncode == 1, result.stderr


def test_a_window_with_one_snapshot_says_how_many_the_page_has(
    archived: tuple[Path, str, list[datetime]],
) -> None:
    store, url, (first, second) = archived
    between = first + (second - first) / 2
    result = pagevault(
        store, "diff", url, "--from", iso(first - timedelta(minutes=1)), "--to", iso(between)
    )
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()[-1:]
    assert line.startswith(f"pagevault: error: only one snapshot of {url} from ")
    assert "it has 2 snapshots" in line


def test_times_in_the_wrong_order_are_named(archived: tuple[Path, str, list[datetime]]) -> None:
    store, url, (first, _) = archived
    later = (first + timedelta(days=1)).date().isoformat()
    earlier = (first - timedelta(days=1)).date().isoformat()
    result = pagevault(store, "diff", url, "--from", later, "--to", earlier)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"pagevault: error: --from {later} is after --to {earlier}: give the older time first"
    )


def test_to_before_the_first_snapshot_says_when_it_was(
    archived: tuple[Path, str, list[datetime]],
) -> None:
    store, url, (first, _) = archived
    earlier = (first - timedelta(days=1)).date().isoformat()
    result = pagevault(store, "diff", url, "--to", earlier)
    assert result.returncode == 2
    assert f"at or before --to {earlier}: its first is from {iso(first)}" in result.stderr


def test_a_url_with_a_snapshot_id_explains_the_arguments(
    archived: tuple[Path, str, list[datetime]],
) -> None:
    store, url, _ = archived
    snapshot = json.loads(pagevault(store, "history", url, "--json").stdout)[0]["snapshot"]
    result = pagevault(store, "diff", url, snapshot)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"pagevault: error: {url} is a page URL: give it alone")
    assert "snapshot id" in line and "No such file" not in line


def test_help_says_how_when_is_read() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagevault", "diff", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "200"},
        check=True,
    )
    text = " ".join(result.stdout.split())
    assert "start of that day" in text and "end of that day" in text


def test_an_unreadable_time_is_quoted_as_given(archived: tuple[Path, str, list[datetime]]) -> None:
    store, url, _ = archived
    result = pagevault(store, "diff", url, "--from", "abcdefghij", "--to", "2099-01-01")
    assert result.returncode == 2
    assert "cannot read the time 'abcdefghij':" in result.stderr
