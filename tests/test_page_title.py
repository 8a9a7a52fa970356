"""Which <h1> titles the page (extract/title.py), on pages holding many."""

from __future__ import annotations

from pagevault import parse_html

URL = "https://www.example.org/page"


def _title(head: str, body: str) -> str | None:
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>", url=URL).title


def test_the_main_columns_heading_wins_over_a_logo_the_title_ends_with() -> None:
    # corpus traf__greenpeace.org.artenvielfalt.html
    title = _title(
        "<title>Löchrige Lebensversicherung | Greenpeace</title>",
        "<header><div class='site-name'><h1>Greenpeace</h1></div></header>"
        "<main><article><h1>Weltbiodiversitätsrat stellt Bericht vor</h1>"
        "<p>Eine Million Arten sind vom Aussterben bedroht.</p></article></main>",
    )
    assert title == "Weltbiodiversitätsrat stellt Bericht vor"


def test_the_heading_the_page_title_opens_with_wins_over_the_columns_first() -> None:
    # corpus edgi-wmp__datagov-highlights__a.html and traf__infocomcgt.fr.caisse.html
    title = _title(
        "<title>Highlights - Data.gov</title>",
        "<header><a href='/'><h1 class='navbar-brand'>Data.gov</h1></a>"
        "<div class='page-header'><h1>Highlights</h1></div></header>"
        "<main><h1 class='category'>Agriculture</h1><p>Open data on farms.</p>"
        "<h1 class='category'>Arctic</h1><p>Open data on ice.</p></main>",
    )
    assert title == "Highlights"


def test_hidden_headings_and_headings_in_links_do_not_title_the_page() -> None:
    # corpus hdate__bayern.de.html: hidden menu labels, slider teasers
    title = _title(
        "<title>Bayerisches Landesportal</title>",
        "<div><h1 class='unsichtbar'>Metanavigation - Service-Menue</h1></div>"
        "<h1 class='sr-only'>Haupt-Menue</h1>"
        "<ul class='slider'><li><a href='/straubing'><h1>Universitätsstadt Straubing</h1></a></li>"
        "</ul><div><p>Willkommen im Bayerischen Landesportal.</p></div>",
    )
    assert title == "Bayerisches Landesportal"


def test_a_donation_widgets_amount_outside_the_column_does_not_title_the_page() -> None:
    # corpus traf__diem25.org.climate.html: "€5", "€10"... in a sidebar widget
    title = _title(
        '<meta property="og:title" content="The Green Deal is not enough">',
        "<main><article><p>The European Green Deal falls short.</p></article></main>"
        "<div class='sidebar-section'><div class='donation-grid'>"
        "<div class='donation-box'><h1>€5</h1></div><div class='donation-box'><h1>€10</h1></div>"
        "</div></div><footer><h1>Democracy in Europe Movement 2025</h1></footer>",
    )
    assert title == "The Green Deal is not enough"


def test_a_heading_outside_the_page_regions_titles_a_page_without_one_in_its_column() -> None:
    title = _title(
        "<title>NASA Home Page</title>",
        "<header><h1 class='logo'>NASA</h1></header>"
        "<div class='intro'><h1>Welcome to the Mars Pathfinder Mission!</h1></div>"
        "<main><p>The lander touched down on Mars.</p></main>",
    )
    assert title == "Welcome to the Mars Pathfinder Mission!"


def test_a_sub_heading_the_page_title_opens_with_titles_a_page_whose_only_h1_is_its_logo() -> None:
    # corpus traf__regards.fr.enquetes.html: the byline above the <h2> dates the page
    snapshot = parse_html(
        "<html><head><title>Deux ans en Macronie : six enquêtes</title></head><body>"
        "<div class='header'><h1>regards.fr</h1></div>"
        "<main><p>Par Loïc Le Clerc | 30 septembre 2018</p>"
        "<h2>Deux ans en Macronie : six enquêtes</h2><p>On vous aurait bien fait un top 10.</p>"
        "</main></body></html>",
        url=URL,
    )
    assert snapshot.title == "Deux ans en Macronie : six enquêtes"
    assert snapshot.published == "2018-09-30"
    headings = [section.heading for section in snapshot.sections]
    assert headings == ["Deux ans en Macronie : six enquêtes"]  # once, not again as an <h2>
    assert snapshot.sections[0].paragraphs[-1] == "On vous aurait bien fait un top 10."


BODY_TEXT = "<p>" + "Une longue phrase sur le sujet de la page. " * 8 + "</p>"


def test_a_logo_a_site_first_title_opens_with_does_not_title_the_page() -> None:
    # the review's case: "Amnesty International - Réfugiés et migrants", no og:site_name
    title = _title(
        "<title>Amnesty International - Réfugiés et migrants</title>",
        "<div class='top'><h1>Amnesty International</h1></div>"
        f"<main><h1>Réfugiés et migrants</h1>{BODY_TEXT}</main>",
    )
    assert title == "Réfugiés et migrants"


def test_the_sites_name_and_a_heading_shorter_than_the_rest_of_the_title_name_nothing() -> None:
    # the main column's <h1> is not in the title: only a heading the title opens with,
    # longer than what follows it, and not the site's name, could beat it
    site_name = _title(
        "<title>Greenpeace Deutschland | Wale</title>"
        '<meta property="og:site_name" content="Greenpeace Deutschland">',
        "<div class='top'><h1>Greenpeace Deutschland</h1></div><main><h1>Rettet die Wale!</h1>"
        f"{BODY_TEXT}</main>",
    )
    assert site_name == "Rettet die Wale!"
    shorter = _title(
        "<title>Greenpeace | Löchrige Lebensversicherung</title>",
        f"<div class='top'><h1>Greenpeace</h1></div><main><h1>Weltbiodiversitätsrat</h1>"
        f"{BODY_TEXT}</main>",
    )
    assert shorter == "Weltbiodiversitätsrat"
