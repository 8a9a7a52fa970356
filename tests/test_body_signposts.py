"""Short <article> boxes without a heading beside the page's article are no body
(``_boilerplate.beside_main_article``; corpus traf__arbeitsagentur.de-arbeitsmarkt.html)."""

from __future__ import annotations

from pagevault import parse_html
from tests.body_texts import FIXTURES
from tests.body_texts import body_paragraphs as _paragraphs


def test_a_tip_box_beside_the_article_is_no_body() -> None:
    page = (FIXTURES / "body-signpost.html").read_bytes()
    snapshot = parse_html(page, url="https://agentur.example/arbeitsmarkt-2022")
    paragraphs = _paragraphs(snapshot)
    assert not any("Tipp" in text for text in paragraphs)
    assert 2021 not in [statistic.value for statistic in snapshot.statistics]
    # the article's text stays, and so does a quote card inside it
    assert any("2.462.000" in text for text in paragraphs)
    assert any("gut in das Jahr gestartet" in text for text in paragraphs)


ARTICLE = (
    "<article><h2>Figures</h2>"
    + "<p>Unemployment rose by 133,000 to 2,462,000 in January, less than in past years.</p>" * 6
    + "</article>"
)
NOTE = "<article><p>Tip: all news of 2021 are on the news page.</p></article>"


def test_a_note_beside_a_short_article_is_kept() -> None:
    # the note holds a tenth of the column's text or more: not a mere signpost
    html = f"<main><h1>Jobs</h1><article><h2>Figures</h2><p>{'x' * 200}.</p></article>{NOTE}</main>"
    assert any("Tip: all news" in text for text in _paragraphs(parse_html(html)))


def test_a_listing_of_articles_without_headings_is_kept() -> None:
    # no article holds most of the column's text (corpus datagov-highlights)
    entries = "".join(
        f"<article><p>Dataset {number} lists the salaries of county employees.</p></article>"
        for number in range(12)
    )
    paragraphs = _paragraphs(parse_html(f"<main><h1>Highlights</h1>{entries}</main>"))
    assert len([text for text in paragraphs if text.startswith("Dataset")]) == 12


def test_a_headless_note_needs_a_main_article_with_a_heading() -> None:
    headless = ARTICLE.replace("<h2>Figures</h2>", "")
    paragraphs = _paragraphs(parse_html(f"<main><h1>Jobs</h1>{headless}{NOTE}</main>"))
    assert any("Tip: all news" in text for text in paragraphs)
    paragraphs = _paragraphs(parse_html(f"<main><h1>Jobs</h1>{ARTICLE}{NOTE}</main>"))
    assert not any("Tip: all news" in text for text in paragraphs)
