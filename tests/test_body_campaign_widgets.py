"""A petition or fundraiser widget (an <article> with a <progress> counter) in or beside
the page's article is no body (``_boilerplate.beside_main_article``; corpus
traf__greenpeace.de.nachhaltigleben.html)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from pagevault import parse_html
from pagevault.extract._ancestry import outermost
from tests.body_texts import FIXTURES, body_texts


def test_a_petition_widget_in_the_article_is_no_body() -> None:
    page = (FIXTURES / "body-petition.html").read_bytes()
    snapshot = parse_html(page, url="https://verband.example/nachhaltig-leben")
    texts = body_texts(snapshot)
    assert not any("Petition" in text or "mitgemacht" in text for text in texts)
    values = [statistic.value for statistic in snapshot.statistics]
    assert 37 not in values and 18250 not in values
    # the article's text around it stays
    assert any("85 Prozent" in text for text in texts)
    assert "Warenzerstörung im Onlinehandel" in texts
    assert any("3,4 Milliarden" in text for text in texts)


ARTICLE_TEXT = "<p>We count 4,000 volunteers in 120 towns, who met 30,000 people last year.</p>" * 5


def test_a_reading_progress_bar_in_the_article_takes_nothing() -> None:
    html = f"<main><article><h1>Our work</h1><progress max=100></progress>{ARTICLE_TEXT}"
    html += "</article></main>"
    assert any("4,000 volunteers" in text for text in body_texts(parse_html(html)))


def test_a_widget_inside_a_teaser_listing_goes_with_it() -> None:
    # found twice (a listing after the article, a widget inside it): removed once
    widget = "<article><h3><a href='/p'>Sign</a></h3><progress max=100></progress></article>"
    listing = f"<section><h3><a href='/a'>Other page</a></h3>{widget}</section>"
    html = f"<main><article><h1>Our work</h1>{ARTICLE_TEXT}</article>{listing}</main>"
    texts = body_texts(parse_html(html))
    assert not any("Other page" in text or "Sign" in text for text in texts)
    assert any("4,000 volunteers" in text for text in texts)


def test_outermost_lists_each_removed_block_once() -> None:
    # decomposing a node inside an already decomposed one reads freed memory
    root = LexborHTMLParser(
        "<main><section><article><p>x</p></article></section></main>"
    ).css_first("main")
    assert root is not None
    section, article = root.css_first("section"), root.css_first("article")
    assert section is not None and article is not None
    found = outermost([article, section, section], root)
    assert [node.mem_id for node in found] == [section.mem_id]


def test_a_reading_progress_bar_in_a_nested_page_article_takes_nothing() -> None:
    # the page's article found is the outer one; the inner one, holding the bar, is
    # no widget either: it holds most of the text
    inner = f"<article class=entry><progress max=100></progress>{ARTICLE_TEXT}</article>"
    html = (
        f"<main><article class=post><h1>Our work</h1>{inner}</article><article>x</article></main>"
    )
    assert any("4,000 volunteers" in text for text in body_texts(parse_html(html)))
