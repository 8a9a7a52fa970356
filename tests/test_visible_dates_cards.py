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


def test_a_byline_opening_a_classless_section_after_the_title_s_is_read() -> None:
    # review d2: the title's own <section> and the text's others were taken for cards
    # like the byline's (no class matching no class): the page's date was lost
    sections = "".join(f"<section><h2>Part {n}</h2><p>{_TEXT}</p></section>" for n in range(3))
    html = (
        "<html lang='en'><body><main><section><h1>Annual review</h1></section>"
        "<section><p>Published 12 March 2024</p><h2>Summary</h2><p>We grew.</p></section>"
        f"{sections}</main></body></html>"
    )
    assert parse_html(html, url="https://e.org/review").published == "2024-03-12"


def test_a_byline_in_a_row_beside_the_title_s_row_is_read() -> None:
    # review d1: Bootstrap's div.row around the title and around each part
    html = (
        "<html lang='en'><body><main>"
        "<div class='row'><div class='col'><h1>Climate report 2024</h1></div></div>"
        "<div class='row'><div class='col'><p class='date'>12 March 2024</p>"
        f"<h2>Key points</h2><p>{_TEXT}</p></div></div>"
        f"<div class='row'><div class='col'><h2>Details</h2><p>{_TEXT * 5}</p></div></div>"
        "</main></body></html>"
    )
    assert parse_html(html, url="https://e.org/report").published == "2024-03-12"


def test_a_date_in_one_of_two_author_boxes_is_read() -> None:
    # review d3: two boxes alike, each with a heading, are authors, not a row of cards
    html = (
        "<html lang='en'><body><article><h1>Open letter on water</h1>"
        "<div class='author'><h4>Jane Doe</h4><p>12 March 2024</p></div>"
        "<div class='author'><h4>John Roe</h4><p>Policy officer</p></div>"
        f"<p>{_TEXT * 3}</p></article></body></html>"
    )
    assert parse_html(html, url="https://e.org/letter").published == "2024-03-12"


def test_a_date_in_a_list_of_classless_items_is_not_the_page_s() -> None:
    items = "".join(
        f"<li><span>{date}</span><h3><a href='/n{n}'>Campaign {n}</a></h3><p>{_TEXT}</p></li>"
        for n, date in enumerate(["12.03.2019", "01.02.2018", "05.05.2017"])
    )
    html = (
        "<html lang='en'><body><main><h1>Our work</h1>"
        f"<p>We campaign.</p><ul>{items}</ul></main></body></html>"
    )
    assert parse_html(html, url="https://e.org/our-work").published is None
