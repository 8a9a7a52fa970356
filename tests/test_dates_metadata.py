"""Publication and modification dates read from the head's ``<meta>`` names."""

from __future__ import annotations

import pytest

from pagevault import parse_html


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
