"""The top lists of a menu root, found by a walk down, are those a query for every
list finds once the lists nested in another or in a taken element are dropped, on
every fixture and corpus page; deep nesting does not exhaust the recursion limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from pagevault.extract.dom import contains
from pagevault.extract.navigation import _top_lists
from tests.corpus import corpus_dir

FIXTURES = Path(__file__).parent / "fixtures"


def _pages() -> list[Path]:
    return sorted([*FIXTURES.glob("*.html"), *corpus_dir().glob("*.html")])


def _by_query(root: LexborNode, taken: list[LexborNode]) -> list[int]:
    """The top lists as the query finds them: each list not below a taken element
    or a list found before it (both below ``root``)."""
    found: list[LexborNode] = []
    for candidate in root.css("ul, ol, menu"):
        holders = [node for node in [*taken, *found] if _strictly_inside(node, root)]
        if not any(contains(holder, candidate) for holder in holders):
            found.append(candidate)
    return [node.mem_id for node in found]


def _strictly_inside(node: LexborNode, root: LexborNode) -> bool:
    return node.mem_id != root.mem_id and contains(root, node)


@pytest.mark.parametrize("page", _pages(), ids=lambda path: path.name)
def test_top_lists_match_the_query(page: Path) -> None:
    tree = LexborHTMLParser(page.read_text(encoding="utf-8", errors="replace"))
    roots = tree.css("nav, header, footer")
    navigations = tree.css("nav")
    for root in roots:
        taken = [node for node in navigations if node.mem_id != root.mem_id]
        walked = _top_lists(root, {node.mem_id for node in taken})
        assert [node.mem_id for node in walked] == _by_query(root, taken)


def test_top_lists_under_deep_nesting() -> None:
    depth = 5000
    page = "<nav>" + "<span>" * depth + "<ul><li>x</li></ul>" + "</span>" * depth + "</nav>"
    root = LexborHTMLParser(page).css_first("nav")
    assert root is not None
    assert [node.tag for node in _top_lists(root)] == ["ul"]
