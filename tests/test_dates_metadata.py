"""Publication and modification dates read from the head's ``<meta>`` names."""

from __future__ import annotations

import pytest

from pagevault import parse_html
from pagevault.extract.dates import normalize_iso_date


def _dates(head: str) -> tuple[str | None, str | None]:
    html = f"<html><head>{head}</head><body><main><h1>Titre</h1></main></body></html>"
    snapshot = parse_html(html, url="https://www.asso.example/article")
    return snapshot.published, snapshot.modified


@pytest.mark.parametrize(
    ("head", "published"),
    [
        # traf__be.ch-impfen.html: a Swiftype tag is the page's only date
        ('<meta name="publication_date" content="2022-02-08T14:00:00">', "2022-02-08T14:00:00"),
        ('<meta name="citation_publication_date" content="2019-12-02">', "2019-12-02"),
        (
            '<meta name="parsely-pub-date" content="2020-01-05T10:00:00Z">',
            "2020-01-05T10:00:00+00:00",
        ),
        ('<meta property="og:published_time" content="2021-03-04">', "2021-03-04"),
        ('<meta name="publishdate" content="2021-03-04">', "2021-03-04"),
        ('<meta name="date_published" content="2021-03-04">', "2021-03-04"),
    ],
)
def test_publication_meta_names_date_the_page(head: str, published: str) -> None:
    assert _dates(head)[0] == published


def test_dublin_core_created_and_modified_dates() -> None:
    """edgi-wmp__epa-climate-federal-partner-collab__a.html: EPA's pages say when they were
    created and modified in Dublin Core terms (the page shows "Last updated on January 12,
    2017")."""
    head = (
        '<meta name="DC.date.created" content="2016-08-12">'
        '<meta name="DC.date.modified" content="2017-01-12">'
        '<meta name="DC.date.reviewed" content="2018-01-12">'
    )
    assert _dates(head) == ("2016-08-12", "2017-01-12")


def test_a_publication_name_wins_over_a_generic_date() -> None:
    head = (
        '<meta name="date" content="2022-01-21"><meta name="publication_date" content="2022-02-08">'
    )
    assert _dates(head)[0] == "2022-02-08"


def test_cdc_last_updated_is_the_modification_date() -> None:
    """edgi-wmp__cdc-after-travel-precautions__ja.html: cdc.gov's footer "Last Updated Aug.
    28, 2020" is in its head as "cdc:last_updated"."""
    head = (
        '<meta property="article:published_time" content="2020-02-11">'
        '<meta property="cdc:last_updated" content="Aug. 28, 2020">'
    )
    assert _dates(head) == ("2020-02-11", "2020-08-28")


def _jsonld_dates(data: str) -> tuple[str | None, str | None]:
    return _dates(f'<script type="application/ld+json">{data}</script>')


def test_a_nested_graph_dates_the_page() -> None:
    """traf__diem25.org.climate.html: Yoast's "@graph" holds the page's dates."""
    data = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "DiEM25"},'
        ' {"@type": "WebPage", "datePublished": "2020-10-12T12:29:10+00:00",'
        ' "dateModified": "2020-10-12T12:38:29+00:00"}]}'
    )
    assert _jsonld_dates(data) == ("2020-10-12T12:29:10+00:00", "2020-10-12T12:38:29+00:00")


@pytest.mark.parametrize(
    "data",
    [
        # a listing's items: teasers of other pages
        '{"@type": "CollectionPage", "mainEntity": {"@type": "ItemList", "itemListElement":'
        ' [{"@type": "ListItem", "item": {"@type": "NewsArticle",'
        ' "datePublished": "2021-11-10", "dateModified": "2021-11-11"}}]}}',
        # a comment's date, the article having none
        '{"@type": "Article", "comment": [{"@type": "Comment", "datePublished": "2021-11-10",'
        ' "dateModified": "2021-11-11"}]}',
        # a live blog's updates
        '{"@type": "LiveBlogPosting", "liveBlogUpdate": [{"@type": "BlogPosting",'
        ' "datePublished": "2021-11-10", "dateModified": "2021-11-11"}]}',
    ],
)
def test_the_dates_of_things_a_page_lists_are_not_its_own(data: str) -> None:
    assert _jsonld_dates(data) == (None, None)


def test_an_article_with_comments_is_dated_by_its_own_date() -> None:
    data = (
        '{"@type": "Article", "comment": [{"@type": "Comment", "datePublished": "2021-11-12"}],'
        ' "datePublished": "2021-11-10"}'
    )
    assert _jsonld_dates(data)[0] == "2021-11-10"


GENERIC_META_PAGE = """<html><head><meta name="dcterms.date" content="2022-01-21T09:43+01:00">
<title>EU-Taxonomie</title></head><body><main><h1>EU-Taxonomie</h1>{byline}
<p>Atomkraft und Erdgas sind nicht nachhaltig, sagt das Umweltbundesamt.</p></main></body></html>"""


def test_a_date_the_title_shows_overrules_a_generic_date_meta() -> None:
    # corpus traf__umweltbundesamt.de-atomkraft.html: dcterms.date is the node's creation
    byline = '<p><time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time></p>'
    page = GENERIC_META_PAGE.format(byline=byline)
    assert parse_html(page, url="https://www.example.org/presse").published == "2022-01-25"


def test_a_generic_date_meta_stands_without_a_shown_date_and_after_the_pages_url() -> None:
    page = GENERIC_META_PAGE.format(byline="")
    published = parse_html(page, url="https://www.example.org/presse").published
    assert published == "2022-01-21T09:43:00+01:00"
    dated_url = "https://www.example.org/2022/01/24/eu-taxonomie"
    assert parse_html(page, url=dated_url).published == "2022-01-24"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2022-01-21T09:43+01:00", "2022-01-21T09:43:00+01:00"),
        ("2022-05-03T20:51:06.620+00:00", "2022-05-03T20:51:06+00:00"),
        ("2022-02-08T14:00:00", "2022-02-08T14:00:00"),
        ("2022-02-08 14:00Z", "2022-02-08T14:00:00+00:00"),
        ("2022-02-08T25:00:00", "2022-02-08"),  # no such hour: the day stands
        ("2022-01-21T09:43.5Z", "2022-01-21T09:43:00+00:00"),  # a fraction of a minute
        ("2022-02-08", "2022-02-08"),
    ],
)
def test_a_date_time_is_written_to_the_second_whatever_the_page_wrote(value: str, iso: str) -> None:
    assert normalize_iso_date(value) == iso
