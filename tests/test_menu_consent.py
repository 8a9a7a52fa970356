"""A cookie or consent banner's links are no menu of the site."""

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
