"""A photo's caption or credit by the title dates the photo, not the page."""

from __future__ import annotations

import pytest

from pagevault import parse_html

BODY = "<p>Rivers across the region dry up earlier every year as the summer heat sets in.</p>"
PHOTO = '<img src="/river.jpg" alt="">'


def _dates(main: str, lang: str = "en-GB") -> tuple[str | None, str | None]:
    html = f"<html lang={lang}><body><main><article>{main}</article></main></body></html>"
    snapshot = parse_html(html, url="https://www.ngo.example/rivers")
    return snapshot.published, snapshot.modified


@pytest.mark.parametrize(
    ("main", "lang"),
    [
        # the caption below the title
        (
            f"<h1>Rivers</h1><figure>{PHOTO}<figcaption>Photo: Jane Doe, 12 March 2019"
            f"</figcaption></figure>{BODY}",
            "en-GB",
        ),
        # the photo above the title, its credit a figure's
        (
            f'<figure>{PHOTO}<span class="credit">© AFP, 12 mars 2019</span></figure>'
            f"<h1>Les rivières</h1>{BODY}",
            "fr",
        ),
        # WordPress's classic caption: no <figure>, a "wp-caption" block
        (
            f'<h1>Rivers</h1><div class="wp-caption">{PHOTO}'
            f'<p class="wp-caption-text">Photo: 12 March 2019</p></div>{BODY}',
            "en-GB",
        ),
        # a credit named as a picture's, outside any figure
        (
            f'<h1>Flüsse</h1><div class="image">{PHOTO}'
            f'<span class="image-credit">Foto: dpa, 12.03.2019</span></div>{BODY}',
            "de",
        ),
    ],
)
def test_a_photo_caption_or_credit_by_the_title_does_not_date_the_page(
    main: str, lang: str
) -> None:
    assert _dates(main, lang) == (None, None)


def test_the_byline_after_a_photo_caption_dates_the_page() -> None:
    main = (
        f"<h1>Rivers</h1><figure>{PHOTO}<figcaption>Photo: Jane Doe, 12 March 2019"
        f'</figcaption></figure><p class="byline">4 April 2021</p>{BODY}'
    )
    assert _dates(main) == ("2021-04-04", None)


@pytest.mark.parametrize("caption_class", ["caption", "rte-paragraph__caption", "text-caption"])
def test_a_byline_styled_as_a_caption_still_dates_the_page(caption_class: str) -> None:
    """traf__bund.net-hermlin.html: the byline is a ``<p class="caption">``; a class
    naming a caption without a picture is a text style, not a photo's caption."""
    main = f'<h1>Das Hermelin</h1><p class="{caption_class}">01. November 2021 | BUND</p>{BODY}'
    assert _dates(main, "de") == ("2021-11-01", None)


def test_a_title_inside_a_figure_is_dated_by_its_byline_there() -> None:
    """A hero header written as a figure holding the title and its byline: the figure
    is the page's header, not a photo's caption."""
    main = (
        f"<figure>{PHOTO}<figcaption><h1>Rivers</h1><p>4 April 2021</p></figcaption></figure>{BODY}"
    )
    assert _dates(main) == ("2021-04-04", None)


@pytest.mark.parametrize(
    "hero",
    [
        # the byline in the hero figure's own caption, the title beside it
        f'<figure class="hero">{PHOTO}<h1>Rivers</h1>'
        "<figcaption>By Jane Doe, 12 March 2019</figcaption></figure>",
        # the byline in a credit-named element of a figure holding the title
        f'<figure class="hero">{PHOTO}<h1>Rivers</h1>'
        '<p class="image-credit">By Jane Doe, 12 March 2019</p></figure>',
    ],
)
def test_a_caption_in_a_hero_figure_holding_the_title_dates_the_page(hero: str) -> None:
    assert _dates(f"{hero}{BODY}{BODY}")[0] == "2019-03-12"


@pytest.mark.parametrize(
    "hero",
    [
        # the photo's own figure and caption inside the hero figure
        f'<figure class="hero"><figure>{PHOTO}<figcaption>Photo: Jane Doe, 12 March 2019'
        "</figcaption></figure><h1>Rivers</h1></figure>",
        # a credit inside the caption holding the title
        f'<figure class="hero">{PHOTO}<figcaption><h1>Rivers</h1>'
        '<span class="photo-credit">Photo: Jane Doe, 12 March 2019</span></figcaption></figure>',
        # a credit inside the hero's caption, the title beside it
        f'<figure class="hero">{PHOTO}<h1>Rivers</h1><figcaption>A dry river bed. '
        '<span class="image-credit">Photo: Jane Doe, 12 March 2019</span></figcaption></figure>',
    ],
)
def test_a_photo_s_caption_inside_a_hero_figure_does_not_date_the_page(hero: str) -> None:
    assert _dates(f"{hero}{BODY}{BODY}") == (None, None)
