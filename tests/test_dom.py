"""DOM helpers over selectolax (lexbor)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from pagevault.extract._tag_ids import tag_id, tag_ids
from pagevault.extract.dom import in_page_order, node_text, unique_matches

_PAGE = (
    '<nav role="navigation" class="a" id="x"><p class="a" id="y"></p></nav>'
    '<span class="a"></span><header role="banner"></header>'
)


def test_lexbor_repeats_an_element_matching_several_selectors() -> None:
    # What unique_matches is for: if lexbor stops repeating, it is a plain css().
    tree = LexborHTMLParser(_PAGE)
    assert [node.tag for node in tree.css("nav, [role]")] == ["nav", "nav", "header"]


def test_unique_matches_lists_each_element_once_in_page_order() -> None:
    tree = LexborHTMLParser(_PAGE)
    assert [node.tag for node in unique_matches(tree, ".a, [id], nav")] == ["nav", "p", "span"]
    assert [node.tag for node in unique_matches(tree, "nav, header, [role]")] == ["nav", "header"]
    nav = tree.css_first("nav")
    assert nav is not None
    assert [node.tag for node in unique_matches(nav, ".a, [id]")] == ["nav", "p"]


def test_tag_ids_are_lexbors_and_refuse_what_is_not_an_element_name() -> None:
    tree = LexborHTMLParser("<p>x</p><form></form>")
    assert tag_ids("p, form") == {node.tag_id for node in tree.css("p, form")}
    with pytest.raises(ValueError, match="not a standard HTML element"):
        tag_id("[role=button]")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<p>  Plus de\n 29&nbsp;000 <!-- hidden --><b>personnes</b> </p>",
            "Plus de 29\u00a0000 personnes",
        ),
        ("<p>x<math><mi>y</mi></math>z</p>", "xyz"),
        ("<p></p>", ""),
    ],
)
def test_node_text_is_the_text_content_without_comments_whitespace_collapsed(
    html: str, expected: str
) -> None:
    node = LexborHTMLParser(html).css_first("p")
    assert node is not None
    assert node_text(node) == expected


def test_in_page_order_sorts_nodes_found_by_separate_queries() -> None:
    tree = LexborHTMLParser(
        "<body><div id='a'><p id='b'>x</p></div><p id='c'>y</p>"
        "<section><div id='d'><span id='e'>z</span></div></section></body>"
    )
    found = {node.id: node for node in tree.css("[id]")}
    shuffled = [found[name] for name in ("e", "c", "a", "d", "b")]
    assert [node.id for node in in_page_order(shuffled)] == ["a", "b", "c", "d", "e"]
    assert in_page_order([]) == []
