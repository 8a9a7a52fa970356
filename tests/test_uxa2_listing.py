"""`list` and `history` on a store of some hundred pages: from the index, the JSON without
loading the terminal views (nor the fetcher's asyncio), the tables with times as short as
they can be without losing any."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pagevault.store import CheckRecord, Store
from tests.cli_runs import pagevault as run
from tests.test_store_support import at, make_snapshot

PAGES = 300


def _url(number: int) -> str:
    return f"https://www.ngo-{number % 17}.org/en/what-we-do/campaigns/{number}/refugees"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PAGES pages checked twice (a change, then a failure for some), written as a run
    writes them, its checks in groups."""
    root = tmp_path_factory.mktemp("archive")
    with Store(root) as store, store.index_batches():
        for day in range(2):
            items = []
            for number in range(PAGES):
                url = _url(number)
                failed = day == 1 and number % 23 == 0
                sha = None if failed else store.put_raw(f"{url} on day {day}".encode())
                check = CheckRecord(
                    url,
                    at(day * 86400 + number),
                    "failed" if failed else "ok",
                    final_url=url,
                    http_status=503 if failed else 200,
                    raw_sha256=sha,
                    error="HTTP 503" if failed else None,
                )
                snapshot = None if failed else make_snapshot(url, f"day {day}")
                items.append((check, snapshot, {}))
            store.record_checks(items)
    return root


def test_the_page_list_of_a_few_hundred_pages_counts_each_page(archive: Path) -> None:
    pages = Store(archive, writable=False).pages()
    assert len(pages) == PAGES
    assert {(page.checks, page.snapshots) for page in pages} == {(2, 1), (2, 2)}


def test_list_json_loads_neither_rich_nor_the_snapshot_model_nor_asyncio(archive: Path) -> None:
    result = run(archive, "list", "--json", env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert len(rows) == PAGES
    assert {row["last_status"] for row in rows} == {"changed", "failed"}
    assert rows[0]["last_check"].endswith(".000000Z")  # the JSON keeps the stored time
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "pagevault.store" in imported
    assert not imported & {"rich", "rich.table", "pagevault.model", "pydantic", "asyncio"}


def test_the_tables_show_times_to_the_second(archive: Path) -> None:
    listed = run(archive, "list")
    assert listed.returncode == 0, listed.stderr
    assert ".000000Z" not in listed.stdout
    first = listed.stdout.splitlines()[1].split()
    assert first[0] == _url(0)
    assert first[3:] == ["failed", "2026-01-16T08:30:00Z", "2026-01-15T08:30:00Z"]
    history = run(archive, "history", _url(1))
    assert [line.split()[0] for line in history.stdout.splitlines()[1:]] == [
        "2026-01-15T08:30:01Z",
        "2026-01-16T08:30:01Z",
    ]
