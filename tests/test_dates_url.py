"""A page's date read from its own URL when its metadata has none."""

from __future__ import annotations

import pytest

from pagevault import parse_html
from pagevault.extract.dates import url_path_date


def _published(url: str, head: str = "", body: str = "", lang: str = "de") -> str | None:
    html = f"<html lang={lang}><head>{head}</head><body><main><h1>Titel</h1>{body}</main></body>"
    return parse_html(html, url=url).published


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://blog.example/2016/05/22/about/", "2016-05-22"),
        ("https://www.example.org/news/2018/12/4/yellow-vests", "2018-12-04"),
        ("https://www.example.org/en/2019-12-02-health-workers/", "2019-12-02"),
        # traf__weisser-ring.de-Erfolgsgechichte.html: a whole segment, day first
        ("https://weisser-ring.de/media-news/meldungen/29-10-2021", "2021-10-29"),
        ("https://weisser-ring.de/meldungen/29-10-2021.html?ref=2020/01/01/", "2021-10-29"),
    ],
)
def test_a_complete_date_in_the_path_is_read(url: str, iso: str) -> None:
    assert url_path_date(url) == iso


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.org/2016/05/",  # a month's archive, not a day
        "https://www.example.org/page?date=2016-05-22",  # a query, not the page's path
        "https://www.example.org/files/20160522-report",  # no separators
        "https://www.example.org/2016/13/22/x",  # no such month
        "https://www.example.org/bericht-29-10-2021",  # inside a slug, not a segment
    ],
)
def test_no_date_is_read_from_partial_or_hidden_url_dates(url: str) -> None:
    assert url_path_date(url) is None


def test_the_page_url_dates_a_page_without_metadata() -> None:
    assert _published("https://weisser-ring.de/meldungen/29-10-2021") == "2021-10-29"


def test_the_canonical_url_dates_the_page_before_the_fetched_one() -> None:
    head = '<link rel="canonical" href="https://www.example.org/2019/05/07/article">'
    assert _published("https://www.example.org/2020/01/01/copy", head) == "2019-05-07"


def test_metadata_wins_over_the_url() -> None:
    """traf__elpais.com.ciencia.html: the URL says 2020/02/18, the article was published
    (and its metadata dated) on the 19th."""
    head = '<meta property="article:published_time" content="2020-02-19T18:37:32+01:00">'
    assert _published("https://elpais.com/elpais/2020/02/18/ciencia/1.html", head) == (
        "2020-02-19T18:37:32+01:00"
    )


def test_a_date_in_another_link_or_image_url_is_not_the_page_date() -> None:
    """traf__creativecommons.org.html: its images live under /uploads/2016/05/."""
    head = '<meta property="og:image" content="https://cc.example/uploads/2016/05/22/map.png">'
    body = '<p><a href="/2016/05/22/other">Other</a> <img src="/2016/05/22/a.png"></p>'
    assert _published("https://cc.example/about/", head, body) is None


def test_a_day_first_url_date_is_month_first_on_american_pages() -> None:
    assert url_path_date("https://www.example.org/news/10-11-2021", "en-US") == "2021-10-11"
