"""Teasers of other pages after the page's article are no body
(``_boilerplate.beside_main_article``; corpus traf__lapresse.tn.parite.html)."""

from __future__ import annotations

from pagevault import parse_html
from tests.body_texts import FIXTURES, body_texts


def test_a_teaser_grid_after_the_article_is_no_body() -> None:
    page = (FIXTURES / "body-teasers.html").read_bytes()
    snapshot = parse_html(page, url="https://presse.example/48915/parite")
    texts = body_texts(snapshot)
    assert not any("dattes" in text or "La loi, rien que la loi" in text for text in texts)
    assert 12140 not in [statistic.value for statistic in snapshot.statistics]
    # the article stays whole, with its own list of linked headings
    assert any("26 %" in text for text in texts)
    assert any("24 gouvernorats" in text for text in texts)
    assert "Notre campagne pour la parité" in texts


def _teasers(count: int) -> str:
    return "".join(
        f"<h3><a href='/campaign/{number}'>Campaign {number}</a></h3>"
        f"<p>What campaign {number} asks of the government, in a line.</p>"
        for number in range(count)
    )


ARTICLE = (
    "<article><h2>Our work</h2>"
    + "<p>We count 4,000 volunteers in 120 towns, who met 30,000 people last year.</p>" * 5
    + "</article>"
)


def test_linked_headings_after_the_article_need_two() -> None:
    html = f"<main><h1>About</h1>{ARTICLE}<section>{_teasers(1)}</section></main>"
    assert "Campaign 0" in body_texts(parse_html(html))
    html = f"<main><h1>About</h1>{ARTICLE}<section>{_teasers(2)}</section></main>"
    assert "Campaign 0" not in body_texts(parse_html(html))


def test_a_campaigns_page_keeps_its_list() -> None:
    # no <article> holds most of the column's text: the list is the page's content
    html = "<main><h1>Our campaigns</h1><article><h2>Intro</h2><p>We act.</p></article>"
    html += f"<section>{_teasers(4)}</section></main>"
    texts = body_texts(parse_html(html))
    assert all(f"Campaign {number}" in texts for number in range(4))


def test_headings_that_are_not_links_are_no_teasers() -> None:
    section = (
        "<section><h3>Goals</h3><p>Stop the cuts.</p><h3>Means</h3><p>Petitions.</p></section>"
    )
    texts = body_texts(parse_html(f"<main><h1>About</h1>{ARTICLE}{section}</main>"))
    assert "Goals" in texts and "Means" in texts


def test_a_short_article_inside_a_teaser_listing_goes_once() -> None:
    # the listing and the signpost inside it are not both removed (no double decompose)
    section = f"<section>{_teasers(2)}<article><p>Tip: more on our site.</p></article></section>"
    texts = body_texts(parse_html(f"<main><h1>About</h1>{ARTICLE}{section}</main>"))
    assert not any("Tip: more" in text or "Campaign" in text for text in texts)
    assert any("4,000 volunteers" in text for text in texts)


def test_sections_with_self_anchor_headings_are_kept() -> None:
    # review finding: headings linking to their own anchor (CMS, documentation) are
    # no teasers of other pages; the sections after the article were dropped
    section = (
        "<section><h2><a href='#background'>Background</a></h2>"
        "<p>The background paragraph explains the history of the issue, with 40 cases.</p>"
        "<h2><a href='#method'>Method</a></h2>"
        "<p>The method paragraph explains how we counted 300 sites in 12 countries.</p>"
        "</section>"
    )
    snapshot = parse_html(f"<main><h1>Report</h1>{ARTICLE}{section}</main>")
    texts = body_texts(snapshot)
    assert "Background" in texts and "Method" in texts
    assert any("40 cases" in text for text in texts)
    values = [statistic.value for statistic in snapshot.statistics]
    assert all(value in values for value in (40, 300, 12))


def test_headings_linking_to_the_page_itself_are_no_teasers() -> None:
    # an empty href, or the page's own address with an anchor, is no other page
    section = (
        "<section><h2><a href=''>Goals</a></h2><p>Stop the cuts.</p>"
        "<h2><a href='https://ngo.example/about#means'>Means</a></h2><p>Petitions.</p>"
        "</section>"
    )
    html = f"<main><h1>About</h1>{ARTICLE}{section}</main>"
    texts = body_texts(parse_html(html, url="https://ngo.example/about"))
    assert "Goals" in texts and "Means" in texts
