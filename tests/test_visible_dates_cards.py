"""A date in a card after the title is the card's, not the page's: on a hub page the
column holds the intro and the cards, the first card's date line within the text read
below the title (``visible_dates._in_card_below_title``)."""

from __future__ import annotations

from pagevault import parse_html
from tests.body_texts import FIXTURES

_TEXT = (
    "The association has worked with local partners to support families affected by "
    "the crisis, providing food, shelter and legal advice to those in need. "
)


def test_a_date_in_the_first_card_of_a_hub_page_is_not_the_page_s() -> None:
    page = (FIXTURES / "body-hub.html").read_text(encoding="utf-8")
    dated = page.replace(
        '<div class="card__body">',
        '<div class="card__body"><p class="card__date">12/03/2019</p>',
        1,
    )
    assert dated != page
    assert parse_html(dated, url="https://droits-ici.example/nos-combats").published is None


def _card(number: int, date: str) -> str:
    return (
        f'<div class="col"><div class="card"><span class="date">{date}</span>'
        f'<h3><a href="/n{number}">Campaign {number}</a></h3>'
        f"<p>Campaign {number}: {_TEXT} In 2023 we reached 4,500 households.</p></div></div>"
    )


def test_a_date_in_a_grid_of_div_cards_is_not_the_page_s() -> None:
    cards = "".join(_card(n, d) for n, d in enumerate(["12.03.2019", "01.02.2018", "05.05.2017"]))
    html = (
        "<html lang='en'><body><div class='top'><a href='/'>Home</a></div><div class='wrap'>"
        f"<div class='intro'><h1>Our work</h1><div class='text'><p>We campaign. {_TEXT}</p>"
        f"</div></div><div class='row'>{cards}</div></div>"
        "<div class='bottom'><p>© 2024 The Association.</p></div></body></html>"
    )
    assert parse_html(html, url="https://e.org/our-work").published is None


def test_a_byline_holding_a_heading_is_no_card() -> None:
    html = (
        "<html lang='en'><body><main><h1>Food banks see record demand</h1>"
        "<div class='byline'><h3><a href='/authors/jane'>Jane Doe</a></h3>"
        "<span>12 March 2024</span></div><div class='content'><h2>Demand</h2>"
        f"<p>{_TEXT}</p><h2>Answers</h2><p>{_TEXT}</p></div></main></body></html>"
    )
    assert parse_html(html, url="https://e.org/news/1").published == "2024-03-12"


def test_a_byline_in_a_part_of_the_text_beside_its_like_is_read() -> None:
    html = (
        "<html lang='en'><body><main><h1>Food banks see record demand</h1>"
        "<div class='body'><p class='byline'>By Jane Doe, 12 March 2024</p>"
        f"<p>{_TEXT}</p><p>{_TEXT}</p><h2>Demand</h2><p>{_TEXT}</p><p>{_TEXT}</p></div>"
        f"<div class='body'><h2>Answers</h2><p>{_TEXT}</p></div></main></body></html>"
    )
    assert parse_html(html, url="https://e.org/news/1").published == "2024-03-12"


def test_a_sidebar_teaser_s_date_is_not_the_page_s() -> None:
    # fixture related-latest.html: the column's marginal list of teasers, each a
    # "div.teaser-text" holding its date over its <h2>, was read below the title
    page = (FIXTURES / "related-latest.html").read_bytes()
    snapshot = parse_html(page, url="https://verband.example/menschenrechte")
    assert snapshot.published is None
    assert [link.date for link in snapshot.related][:2] == ["2021-11-10", "2021-11-10"]
