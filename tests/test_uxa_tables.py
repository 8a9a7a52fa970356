"""The archive's tables: one row a line where the terminal is wide enough, else each row as
lines; URLs, snapshot ids and timestamps are folded where they must be, never cut."""

from __future__ import annotations

import io

import pytest
from rich.console import Console, RenderableType

from pagevault.render.archive import history_table, pages_table

URL = "http://127.0.0.1:8765/n/hdate__eff.org.2020-01-14-a-rather-long-page-name.html"
WHEN = "2026-11-26T23:15:02.123456Z"
LATER = "2026-11-26T23:16:59.654321Z"
SNAPSHOT = "93951cc5708c-20261126T231502Z-0123456789ab"


def _printed(table: RenderableType, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, highlight=False, emoji=False, markup=False).print(table)
    return out.getvalue()


def test_a_wide_terminal_shows_the_tables_one_row_a_line() -> None:
    page = (URL, 12, 3, "not_modified", LATER, WHEN)
    lines = _printed(pages_table([page]), 200).splitlines()
    assert lines[0].split() == "url checks snapshots last status last check last change".split()
    assert lines[1].split() == [URL, "12", "3", "not_modified", LATER, WHEN]
    rows = [(WHEN, "new", 200, SNAPSHOT, "", None), (LATER, "failed", 404, None, "", "HTTP 404")]
    lines = _printed(history_table(rows), 200).splitlines()
    assert lines[0].split() == "fetched at status http snapshot changes error".split()
    assert [line.split() for line in lines[1:]] == [
        [WHEN, "new", "200", SNAPSHOT],
        [LATER, "failed", "404", "-", "HTTP", "404"],
    ]


@pytest.mark.parametrize("width", [100, 80])
def test_a_narrow_terminal_shows_each_page_as_lines_its_url_and_times_whole(width: int) -> None:
    # Folded into a table's narrow column, a URL took seven lines of 14 characters.
    page = (URL, 12, 3, "not_modified", LATER, WHEN)
    lines = _printed(pages_table([page, ("https://a.org/x", 1, 1, "new", WHEN, WHEN)]), width)
    assert [line.rstrip() for line in lines.splitlines()] == [
        URL,
        "  checks 12, snapshots 3, last status not_modified",
        f"  last check {LATER}",
        f"  last change {WHEN}",
        "https://a.org/x",
        "  checks 1, snapshots 1, last status new",
        f"  last check {WHEN}",
        f"  last change {WHEN}",
    ]


@pytest.mark.parametrize("width", [100, 80])
def test_a_narrow_terminal_shows_each_check_as_lines_its_id_whole(width: int) -> None:
    rows = [
        (WHEN, "changed", 200, SNAPSHOT, "3: statistic 1, section 2", None),
        (LATER, "failed", 404, None, "", "HTTP 404"),
    ]
    lines = _printed(history_table(rows), width)
    assert [line.rstrip() for line in lines.splitlines()] == [
        f"{WHEN}  changed  200",
        f"  snapshot {SNAPSHOT}",
        "  changes 3: statistic 1, section 2",
        f"{LATER}  failed  404",
        "  error HTTP 404",
    ]


@pytest.mark.parametrize("width", [120, 80, 60, 30])
def test_the_page_list_shows_every_character_of_its_urls_and_times(width: int) -> None:
    row = (URL, 12, 3, "not_modified", LATER, WHEN)
    printed = _printed(pages_table([row]), width)
    assert "…" not in printed
    assert all("".join(value.split()) in "".join(printed.split()) for value in (URL, LATER, WHEN))


@pytest.mark.parametrize("width", [120, 80, 60, 30])
def test_a_history_shows_every_character_of_its_ids_and_times(width: int) -> None:
    rows = [(WHEN, "new", 200, SNAPSHOT, "", None), (LATER, "failed", 404, None, "", "HTTP 404")]
    printed = _printed(history_table(rows), width)
    assert "…" not in printed
    assert all(value in "".join(printed.split()) for value in (WHEN, LATER, SNAPSHOT))
