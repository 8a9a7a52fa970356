"""Every diff view says WHAT changed: never "X → X", one entry per key, compact runs.

Real version pairs of the corpus (EDGI): a list item deleted inside a section, a menu
link re-pointed, 45 share links carrying a rotating feature's URL (some also moved).
"""

from __future__ import annotations

import io
import re
from functools import cache

import pytest
from rich.console import Console

from pagevault import parse_html
from pagevault.diff import DiffResult, diff_snapshots
from pagevault.model import Snapshot
from pagevault.render.diff import render_diff
from pagevault.render.diff_html import render_html
from pagevault.render.diff_markdown import render_markdown
from tests.corpus import corpus_dir

EPA = "edgi-wmp__epa-climate-federal-partner-collab"
DOI = "edgi-wmp__doi-mission-statement"
PAIRS = [
    EPA,
    DOI,
    "edgi-wmp__datagov-highlights",
    ("edgi-wmd__energy-gov-home__v1.html", "edgi-wmd__energy-gov-home__v2.html"),
    ("edgi-wmp__fws-birds__id-raw.html", "edgi-wb__fws-birds__view-mode.html"),
]
SAME_ON_BOTH_SIDES = re.compile(r"(?:^|: )(\S.*?) → \1$")


@cache
def sides(pair: str | tuple[str, str]) -> tuple[Snapshot, Snapshot]:
    names = (f"{pair}__a.html", f"{pair}__b.html") if isinstance(pair, str) else pair
    paths = [corpus_dir() / name for name in names]
    old, new = (parse_html(path.read_bytes()) for path in paths)
    return old, new


def diff(pair: str | tuple[str, str]) -> DiffResult:
    return diff_snapshots(*sides(pair))


def text_view(result: DiffResult) -> str:
    console = Console(file=io.StringIO(), width=100_000, color_system=None, record=True)
    console.print(render_diff(result, plain=True))
    return console.export_text()


def test_a_deleted_list_item_is_shown_in_every_view() -> None:
    result = diff(EPA)
    removed_item = "OECD's Environment Policy Committee provides a forum"
    text = text_view(result)
    assert "International Efforts → International Efforts" not in text
    assert f"[-{removed_item}" in text
    old, new = sides(EPA)
    assert f"~~{removed_item}" in render_markdown(result, old, new)
    assert f"<del>{removed_item}" in render_html(result, old, new).replace("&#x27;", "'")


def test_a_relinked_menu_entry_shows_its_old_and_new_url() -> None:
    text = text_view(diff(EPA))
    line = next(line for line in text.splitlines() if "epas-acting-administrator" in line)
    assert "https://www.epa.gov/aboutepa/epas-administrator → " in line
    assert "About EPA › EPA Administrator →" not in text


def test_share_links_are_one_compact_line_each_and_each_key_once() -> None:
    result = diff(DOI)
    text = text_view(result)
    assert "Share › Facebook → Share › Facebook" not in text
    assert text.count("[-golden-cheeked-warbler-]{+rope-access-amazing+}") == 9
    # 56 changes, 45 of them in 5 runs of 9 links: one head per run, one line per link.
    assert len(text.splitlines()) < 75
    heads = [line for line in text.splitlines() if re.match(r"(changed|moved) ", line)]
    assert len(heads) == len(set(heads)) == 5
    # A link moved under another entry and re-pointed is one entry with both facts.
    assert "moved under Share → under http://www.mdc.mo.gov/" in text
    assert "expand:http-www-mdc-mo-gov/facebook" not in text  # within its run


@pytest.mark.parametrize("pair", PAIRS)
def test_no_view_prints_the_same_text_on_both_sides(pair: str | tuple[str, str]) -> None:
    result = diff(pair)
    old, new = sides(pair)
    for view in (
        text_view(result),
        render_markdown(result, old, new),
        re.sub(r"<[^>]+>", "", render_html(result, old, new)),
    ):
        for line in view.splitlines():
            assert not SAME_ON_BOTH_SIDES.search(line.strip()), line


@pytest.mark.parametrize("pair", PAIRS)
def test_every_change_has_one_entry_saying_something(pair: str | tuple[str, str]) -> None:
    from pagevault.render.diff_common import entries

    result = diff(pair)
    for area in {change.area for change in result.changes}:
        changes = [change for change in result.changes if change.area == area]
        shown = entries(changes)
        assert all(entry.lines for entry in shown)
        covered = sum(
            int(m.group(1)) if (m := re.search(r"\((\d+) items\)$", entry.key)) else 1
            for entry in shown
        )
        assert covered == len({change.key for change in changes})


def test_a_whole_menu_added_reads_as_a_menu_not_a_dict() -> None:
    sides(DOI)  # skips without the corpus
    old, new = (
        parse_html((corpus_dir() / f"{DOI}__{side}.html").read_bytes(), ignore=[".share-links"])
        for side in "ab"
    )
    shown = text_view(diff_snapshots(old, new))
    assert "{'name'" not in shown
    assert "added       expand\n    expand  (header menu, 5 entries)\n" in shown


def test_two_long_differing_urls_are_shown_as_one_replacement() -> None:
    # (review) SequenceMatcher over thousands of URL parts took seconds: a long differing
    # middle is shown whole instead of matched part by part
    from pagevault.render.diff_common import url_diff

    old = "https://e.org/share?" + "&".join(f"k{n % 7}=v{n % 5}" for n in range(800))
    new = "https://e.org/share?" + "&".join(f"k{n % 5}=v{n % 7}" for n in range(800))
    spans = url_diff(old, new)
    assert [kind for kind, _ in spans] == ["", "delete", "insert"]
    assert spans[0][1].endswith("k4=v4&")  # the common start, its head cut: "…"
    assert old.endswith(spans[1][1]) and new.endswith(spans[2][1])
