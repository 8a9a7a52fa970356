"""A card's date is the teaser's, not its photo's: a credit under the card's picture
("Foto: dpa, 12.03.2019") dates the photo."""

from __future__ import annotations

from pagevault import parse_html

PAGE = """<html lang="de"><body><main><article><h1>Klima</h1>
<p>Der Text des Artikels über das Klima, die Politik und die Wirtschaft.</p></article>
<section><h2>Mehr zum Thema</h2>{cards}</section></main></body></html>"""
CARD = """<article class="teaser">{photo}<h3 class="teaser-title"><a href="{url}">{title}</a></h3>
<span class="teaser-label">Nachricht</span>{meta}</article>"""
FIGURE = """<figure class="teaser-image"><img src="/foto.jpg" alt="">
<figcaption class="teaser-credit">Foto: dpa, 12.03.2019</figcaption></figure>"""
CREDIT = """<div class="teaser-media"><img src="/foto.jpg" alt="">
<span class="image-credit">© dpa 12.03.2019</span></div>"""


def _card_dates(*cards: str) -> list[tuple[str, str | None]]:
    snapshot = parse_html(PAGE.format(cards="".join(cards)), url="https://www.ngo.example/klima")
    return [(card.title, card.date) for card in snapshot.related]


def test_a_photo_credit_does_not_date_a_card() -> None:
    dates = _card_dates(
        CARD.format(photo=FIGURE, url="/a", title="Erster Artikel", meta=""),
        CARD.format(photo=CREDIT, url="/b", title="Zweiter Artikel", meta=""),
    )
    assert dates == [("Erster Artikel", None), ("Zweiter Artikel", None)]


def test_a_cards_own_date_wins_over_its_photo_credit() -> None:
    meta = '<span class="teaser-meta">09.07.2021</span>'
    dated = '<span class="teaser-date">Veröffentlicht am 09.07.2021</span>'
    dates = _card_dates(
        CARD.format(photo=FIGURE, url="/a", title="Erster Artikel", meta=meta),
        CARD.format(photo=CREDIT, url="/b", title="Zweiter Artikel", meta=dated),
    )
    assert dates == [("Erster Artikel", "2021-07-09"), ("Zweiter Artikel", "2021-07-09")]


def test_a_card_written_as_a_figure_is_dated_by_its_caption() -> None:
    # the caption holds the card's title and link: the card's text, not a photo credit
    cards = "".join(
        f'<li class="teaser"><figure><img src="/i{n}.jpg" alt=""><figcaption>'
        f'<h3><a href="/n{n}">Geschichte {n}</a></h3><span class="date">1{n}.03.2019</span>'
        "</figcaption></figure></li>"
        for n in (1, 2)
    )
    dates = _card_dates(f"<ul>{cards}</ul>")
    assert dates == [("Geschichte 1", "2019-03-11"), ("Geschichte 2", "2019-03-12")]


def test_a_figure_card_s_date_only_line_in_its_caption_dates_it() -> None:
    cards = "".join(
        f'<div class="teaser"><figure class="teaser-media"><img src="/i{n}.jpg" alt="">'
        f'<figcaption class="teaser-body"><a class="teaser-link" href="/n{n}">Geschichte {n}'
        f'</a><span class="teaser-meta">1{n}.03.2019</span></figcaption></figure></div>'
        for n in (1, 2)
    )
    dates = _card_dates(cards)
    assert dates == [("Geschichte 1", "2019-03-11"), ("Geschichte 2", "2019-03-12")]


def test_a_photo_credit_inside_a_figure_card_s_caption_does_not_date_it() -> None:
    # review c1: the caption holding the card's title held a credit-named element
    cards = "".join(
        f'<li class="teaser"><figure><img src="/i{n}.jpg" alt=""><figcaption>'
        f'<span class="image-credit">Foto: dpa, 0{n}.05.2018</span>'
        f'<h3><a href="/n{n}">Geschichte {n}</a></h3><p>Kurzer Text</p>'
        "</figcaption></figure></li>"
        for n in (1, 2)
    )
    assert _card_dates(f"<ul>{cards}</ul>") == [("Geschichte 1", None), ("Geschichte 2", None)]


def test_a_photo_figure_inside_a_figure_card_does_not_date_it() -> None:
    # review c1: the card's figure holds the photo's own figure and its credit
    cards = "".join(
        f'<li class="teaser"><figure class="teaser-figure"><figure class="teaser-image">'
        f'<img src="/i{n}.jpg" alt=""><figcaption>Foto: dpa, 0{n}.05.2018</figcaption>'
        f'</figure><figcaption><h3><a href="/n{n}">Geschichte {n}</a></h3><p>Kurzer Text</p>'
        "</figcaption></figure></li>"
        for n in (1, 2)
    )
    assert _card_dates(f"<ul>{cards}</ul>") == [("Geschichte 1", None), ("Geschichte 2", None)]
