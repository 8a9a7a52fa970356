"""The title header next to the main column, a standfirst set as a heading, and blocks
that are only a link back to a listing.

Pages imitated: corpus traf__infobae.com-ucrania.html (a <header> with the <h1> and a
sentence-long <h2> standfirst, then the <article> holding the text), traf__be.ch-
impfen.html (the date shown above the title, "Zurück zur Übersicht" in a <div>),
hdate__bayern.de.html (menus titled by hidden <h1>s before the column)."""

from __future__ import annotations

from pagevault import parse_html
from pagevault.extract.dom import parse_tree
from pagevault.extract.sections import find_main

STANDFIRST = (
    "The journalist said this would mean the end of humanity and that the most "
    "frightening part is that the leader holds a power without any limit, which "
    "nobody could stop once a decision is taken"
)
BODY = "<p>A paragraph of the article body, long enough to be the page's main text. </p>" * 12
TITLE_HEADER_PAGE = f"""<html><body><div class="app"><section class="article-section">
<header class="article-header-wrapper"><div class="article-header">
<h1 class="article-headline">Nobel laureate warns of nuclear weapons</h1>
<h2 class="article-subheadline">{STANDFIRST}</h2>
<div class="byline">3 May 2022</div></div></header>
<article class="article">{BODY}</article>
<aside class="right-rail"><p>An advertisement in the right rail of the page.</p></aside>
</section></div></body></html>"""


def test_the_header_holding_the_title_joins_the_column() -> None:
    main = find_main(parse_tree(TITLE_HEADER_PAGE))
    assert main is not None and main.tag == "section"


def test_the_standfirst_is_kept_as_the_title_sections_first_paragraph() -> None:
    snapshot = parse_html(TITLE_HEADER_PAGE)
    lead = snapshot.sections[0]
    assert lead.heading == "Nobel laureate warns of nuclear weapons"
    assert lead.paragraphs[0] == STANDFIRST
    assert lead.paragraphs[1].startswith("A paragraph of the article body")
    assert len(snapshot.sections) == 1
    assert "advertisement" not in " ".join(lead.paragraphs)


def test_a_date_shown_above_the_title_is_read_once_the_header_joins() -> None:
    html = f"""<html><body><div id="__next"><div class="page">
    <div class="title-block"><div>08. Februar 2022</div>
    <div><a href="/uebersicht">Zurück zur Übersicht</a></div>
    <h1>Impfen und Boostern ist bis Ende Februar noch überall möglich</h1></div>
    <div id="main">{BODY}</div></div></div></body></html>"""
    snapshot = parse_html(html)
    assert snapshot.published == "2022-02-08"
    assert "Zurück zur Übersicht" not in snapshot.sections[0].paragraphs


def test_a_menu_heading_before_the_column_does_not_widen_it() -> None:
    # The page's first <h1> titles a menu elsewhere: the one before the column is
    # another menu's, and the column keeps to itself.
    html = f"""<html><body><h1 class="hidden">Metanavigation</h1><div class="wrap">
    <div class="menu"><h1>Haupt-Menue</h1><ul><li><a href="/a">Politik</a></li></ul></div>
    <div id="content">{BODY}</div></div></body></html>"""
    main = find_main(parse_tree(html))
    assert main is not None and main.attributes.get("id") == "content"
    assert parse_html(html).title == "Metanavigation"


def test_a_header_with_much_more_text_than_the_column_does_not_widen_it() -> None:
    teasers = "<p>A teaser of another article of the site, with its summary.</p>" * 20
    html = f"""<html><body><div class="wrap"><div class="top"><h1>Page title here</h1>
    {teasers}</div><div id="content">{BODY}</div></div></body></html>"""
    main = find_main(parse_tree(html))
    assert main is not None and main.attributes.get("id") == "content"


def test_a_column_holding_its_own_h1_is_not_widened() -> None:
    html = f"""<html><body><div class="wrap"><div class="top"><h1>Site name</h1></div>
    <div id="content"><h1>The article</h1>{BODY}</div></div></body></html>"""
    main = find_main(parse_tree(html))
    assert main is not None and main.attributes.get("id") == "content"


def test_a_long_heading_after_a_section_heading_stays_a_heading() -> None:
    # Only the heading right after the title is read as its standfirst.
    html = f"""<html><body><main><h1>Title</h1><p>Lead paragraph of the page.</p>
    <h2>{STANDFIRST}</h2>{BODY}</main></body></html>"""
    sections = parse_html(html).sections
    assert [section.heading for section in sections] == ["Title", STANDFIRST]


def test_a_short_heading_after_the_title_stays_a_heading() -> None:
    html = f"<html><body><main><h1>Title</h1><h2>Background</h2>{BODY}</main></body></html>"
    sections = parse_html(html).sections
    assert [section.heading for section in sections] == ["Title", "Background"]


def _paragraphs(html: str) -> list[str]:
    page = f"<html><body><main><h1>Title</h1>{BODY}{html}</main></body></html>"
    return [p for section in parse_html(page).sections for p in section.paragraphs]


def test_a_block_that_is_only_a_link_back_is_navigation() -> None:
    paragraphs = _paragraphs(
        '<div class="button--wrapper"><a class="button" href="/">Zurück zur Übersicht</a></div>'
        '<div><a href="/list">Back to overview</a></div>'
    )
    assert "Zurück zur Übersicht" not in paragraphs
    assert "Back to overview" not in paragraphs


def test_other_blocks_of_one_link_and_back_links_within_text_are_kept() -> None:
    # corpus edgi-wmp__datagov-highlights: EDGI labels the removal of such a link a change.
    paragraphs = _paragraphs(
        '<div class="dataset-link"><a class="btn" href="http://catalog.example/d">'
        '<span class="icon"></span> View this Dataset</a></div>'
        '<div>Back <a href="/r">to the report</a></div>'
        "<div><p>A paragraph before the link, long enough.</p><a href='/m'>Back</a> issues"
        " of the journal are online.</div>"
    )
    assert "View this Dataset" in paragraphs
    assert "Back to the report" in paragraphs
    # A back link ending a block after its text goes (tests/test_sections_labels.py).
    assert "Back issues of the journal are online." in paragraphs


def test_a_sentence_long_heading_right_after_the_title_is_its_standfirst() -> None:
    # corpus traf__elpais.com.ciencia.html: kicker, <h1>, then an <h2> standfirst.
    html = f"""<html><body><main><p>CAMBIO CLIMÁTICO</p><h1>Title</h1><h2>{STANDFIRST}</h2>
    {BODY}</main></body></html>"""
    (lead,) = parse_html(html).sections
    assert lead.heading == "Title"
    assert lead.paragraphs[:2] == ("CAMBIO CLIMÁTICO", STANDFIRST)
