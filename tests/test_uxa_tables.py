"""The archive's tables fold URLs, snapshot ids and timestamps, never cut them."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.table import Table

from pagevault.render.archive import history_table, pages_table

URL = "http://127.0.0.1:8765/n/hdate__eff.org.2020-01-14-a-rather-long-page-name.html"
WHEN = "2026-11-26T23:15:02.123456Z"
LATER = "2026-11-26T23:16:59.654321Z"
SNAPSHOT = "93951cc5708c-20261126T231502Z-0123456789ab"


def _printed(table: Table, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, highlight=False, emoji=False, markup=False).print(table)
    return out.getvalue()


def _visible(*texts: str) -> int:
    return sum(len("".join(text.split())) for text in texts)


@pytest.mark.parametrize("width", [120, 80, 60])
def test_the_page_list_shows_every_character_of_its_urls_and_times(width: int) -> None:
    row = (URL, 12, 3, "not_modified", LATER, WHEN)
    printed = _printed(pages_table([row]), width)
    assert "…" not in printed
    headers = "url checks snapshots last status last check last change"
    assert _visible(printed) == _visible(headers, *map(str, row))


@pytest.mark.parametrize("width", [120, 80, 60])
def test_a_history_shows_every_character_of_its_ids_and_times(width: int) -> None:
    rows = [(WHEN, "new", 200, SNAPSHOT, "", None), (LATER, "failed", 404, None, "", "HTTP 404")]
    printed = _printed(history_table(rows), width)
    assert "…" not in printed
    headers = "fetched at status http snapshot changes error"
    cells = [WHEN, "new", "200", SNAPSHOT, LATER, "failed", "404", "-", "HTTP 404"]
    assert _visible(printed) == _visible(headers, *cells)
