"""Microdata dates: a photo's, a video's or a comment's ``datePublished`` is not the page's."""

from __future__ import annotations

import time

import pytest

from pagevault import parse_html

_BODY = "<h1>Der Bericht</h1><p>{byline}</p><p>Ein langer Absatz über den Bericht.</p>"


def _page(item: str, byline: str = "") -> bytes:
    html = (
        '<html lang="de"><head><title>Der Bericht</title></head><body><main><article>'
        f"{item}{_BODY.format(byline=byline)}</article></main></body></html>"
    )
    return html.encode()


@pytest.mark.parametrize(
    "item_type", ["https://schema.org/ImageObject", "http://schema.org/VideoObject/", "Comment"]
)
def test_a_date_of_another_item_is_not_the_page_s(item_type: str) -> None:
    photo = (
        f'<figure itemscope itemtype="{item_type}"><img src="a.jpg" alt="">'
        '<meta itemprop="datePublished" content="2019-03-12">'
        '<time itemprop="dateModified" datetime="2019-03-13">13.03.2019</time></figure>'
    )
    snapshot = parse_html(_page(photo), url="https://example.org/bericht")
    assert (snapshot.published, snapshot.modified) == (None, None)


def test_the_byline_dates_the_page_when_the_photo_has_its_own_date() -> None:
    photo = (
        '<figure itemscope itemtype="https://schema.org/ImageObject"><img src="a.jpg" alt="">'
        '<meta itemprop="datePublished" content="2019-03-12"></figure>'
    )
    snapshot = parse_html(
        _page(photo, byline="Veröffentlicht am 25.01.2022"), url="https://example.org/bericht"
    )
    assert snapshot.published == "2022-01-25"


@pytest.mark.parametrize(
    "scope",
    [
        '<div itemscope itemtype="https://schema.org/NewsArticle">{date}</div>',
        "<div>{date}</div>",  # no item at all: the page's
    ],
)
def test_a_date_of_the_article_item_or_of_no_item_is_the_page_s(scope: str) -> None:
    date = '<meta itemprop="datePublished" content="2021-11-10">'
    snapshot = parse_html(_page(scope.format(date=date)), url="https://example.org/bericht")
    assert snapshot.published == "2021-11-10"


def test_the_nearest_item_decides() -> None:
    """An article item inside a photo item dates the article; a photo inside an article
    item dates the photo."""
    nested = (
        '<div itemscope itemtype="https://schema.org/ImageObject">'
        '<div itemscope itemtype="https://schema.org/Article">'
        '<meta itemprop="datePublished" content="2021-11-10"></div></div>'
        '<div itemscope itemtype="https://schema.org/Article">'
        '<figure itemscope itemtype="https://schema.org/ImageObject">'
        '<meta itemprop="dateModified" content="2019-03-12"></figure></div>'
    )
    snapshot = parse_html(_page(nested), url="https://example.org/bericht")
    assert (snapshot.published, snapshot.modified) == ("2021-11-10", None)


def test_many_date_properties_deep_down_are_read_in_bounded_time() -> None:
    """Each property walked up to the root: 5000 of them under 5000 elements took 4 s
    (RELIABILITY.md rule 1). A hang guard, no performance target."""
    deep = "<span>" * 5000 + '<meta itemprop="datePublished" content="2020-01-01">' * 5000
    started = time.monotonic()
    snapshot = parse_html(_page(deep + "</span>" * 5000), url="https://example.org/bericht")
    assert time.monotonic() - started < 3.0
    assert snapshot.published == "2020-01-01"
