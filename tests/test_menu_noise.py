"""What looks like a menu but is none: a cookie banner's links, skip links, buttons."""

from __future__ import annotations

from pagevault import parse_html

PAGE = """<html lang=de><body>
<header><nav aria-label="Hauptmenü"><ul>
  <li><a href="/themen">Themen</a></li><li><a href="/kampagnen">Kampagnen</a></li>
</ul></nav></header>
<main><h1>Artenvielfalt</h1><p>Eine Million Arten sind bedroht.</p></main>
<div class="gp-cookie-banner is-dark"><nav class="gp-cookie-banner--nav">
  <h4>Hinweis: VERWENDUNG VON COOKIES</h4>
  <ul><li><a href="/impressum">Impressum</a></li>
  <li><a href="/datenschutz">Datenschutz</a></li></ul>
</nav></div>
<div id="consent-dialog"><nav><ul>
  <li><a href="/cookies">Cookie-Einstellungen</a></li><li><a href="/privacy">Privacy</a></li>
</ul></nav></div>
</body></html>"""


def test_menus_inside_cookie_or_consent_banners_are_left_out() -> None:
    snapshot = parse_html(PAGE, url="https://www.greenpeace.de/artenvielfalt")
    assert [menu.name for menu in snapshot.navigation] == ["Hauptmenü"]


def test_a_class_merely_containing_cookie_letters_is_no_banner() -> None:
    page = PAGE.replace('aria-label="Hauptmenü"', 'aria-label="Hauptmenü" class="cookiecutter-nav"')
    assert [menu.name for menu in parse_html(page).navigation] == ["Hauptmenü"]


SKIP_LINKS = """<html lang=de><body>
<nav aria-label="Sprunglinks"><ul>
  <li><a href="#content">Direkt zum Inhalt</a></li><li><a href="#search">Direkt zur Suche</a></li>
</ul></nav>
<nav aria-label="Werkzeuge"><ul><li><button>Schrift größer</button></li>
  <li><button>Kontrast</button></li></ul></nav>
<nav aria-label="Themen"><ul><li><span>Klima</span><ul>
  <li><a href="/klima/co2">CO2</a></li><li><a href="/klima/wald">Wald</a></li></ul></li>
  <li><a href="/energie">Energie</a></li></ul></nav>
<main><h1>Impfen</h1><p>Text.</p></main></body></html>"""


def test_a_menu_leading_to_no_page_is_left_out() -> None:
    """Skip links to in-page anchors and a row of buttons lead nowhere; a menu whose
    links sit below a label without one does."""
    snapshot = parse_html(SKIP_LINKS, url="https://www.be.ch/impfen")
    assert [menu.name for menu in snapshot.navigation] == ["Themen"]


def test_a_search_form_title_does_not_name_the_menu_around_it() -> None:
    page = """<html><body><header><nav>
      <form action="/search"><h2 class="element-invisible">Search form</h2>
        <input name="q"></form>
      <ul><li><a href="/science">Science &amp; Innovation</a></li>
        <li><a href="/economy">Energy Economy</a></li></ul>
    </nav></header><main><h1>Energy</h1></main></body></html>"""
    (menu,) = parse_html(page, url="https://www.energy.gov/").navigation
    assert menu.name == f"{menu.region} menu"  # unnamed, as the page leaves it
    assert [item.label for item in menu.items] == ["Science & Innovation", "Energy Economy"]


def test_a_component_prefix_is_no_consent_banner() -> None:
    """Adobe's core components name every block "cmp-...": a menu, not a consent manager."""
    page = PAGE.replace('aria-label="Hauptmenü"', 'aria-label="Hauptmenü" class="cmp-navigation"')
    assert [menu.name for menu in parse_html(page).navigation] == ["Hauptmenü"]
