"""A page footer made of bare links (no lists, no <nav>): its titled link groups are
menus, as footer lists are (tests/fixtures/footer-bare-links.html; corpus shape:
traf__malteser.de-Bevolkerungsschutz.html). Expected values are read off the fixture."""

from __future__ import annotations

from pathlib import Path

from pagevault import parse_html
from pagevault.model import Menu

FIXTURE = Path(__file__).parent / "fixtures" / "footer-bare-links.html"
URL = "https://www.hilfswerk.example/bevoelkerungsschutz/"


def _footer_menus(html: str) -> list[Menu]:
    return [menu for menu in parse_html(html, url=URL).navigation if menu.region == "footer"]


def test_each_titled_group_of_bare_links_is_a_menu_named_after_its_title() -> None:
    menus = _footer_menus(FIXTURE.read_text("utf-8"))
    assert [(menu.key, menu.name) for menu in menus] == [
        ("c101", "Wir Helfer"),
        ("c103", "Informationen"),
    ]
    assert [(item.label, item.url) for item in menus[0].items] == [
        ("Spenden & Helfen", "https://www.hilfswerk.example/spenden/"),
        ("Kursangebote", "https://www.hilfswerk.example/kurse/"),
        ("Über uns", "https://www.hilfswerk.example/ueber-uns/"),
    ]
    assert [item.label for item in menus[1].items] == [
        "Kontakt",
        "Presse",
        "Impressum",
        "Datenschutz",
    ]


def test_icon_links_and_a_title_without_links_make_no_menu() -> None:
    menus = _footer_menus(FIXTURE.read_text("utf-8"))
    urls = [item.url for menu in menus for item in menu.items]
    assert "https://social.example/hilfswerk" not in urls
    assert "Soziale Netzwerke" not in [menu.name for menu in menus]


def test_an_article_footer_is_no_menu() -> None:
    snapshot = parse_html(FIXTURE.read_text("utf-8"), url=URL)
    labels = {item.label for menu in snapshot.navigation for item in menu.items}
    assert "Maria Weber" not in labels
    assert "12 Kommentare" not in labels


def test_untitled_bare_links_are_one_footer_menu() -> None:
    html = (
        "<html><body><main><h1>T</h1><p>Text.</p></main><footer>"
        '<a href="/a">Impressum</a> | <a href="/b">Datenschutz</a> | <a href="/c"><img alt=""></a>'
        "</footer></body></html>"
    )
    menus = _footer_menus(html)
    assert [(menu.name, [item.label for item in menu.items]) for menu in menus] == [
        ("footer menu", ["Impressum", "Datenschutz"])
    ]


def test_a_footer_holding_a_list_keeps_its_lists_as_menus() -> None:
    html = (
        "<html><body><main><h1>T</h1></main><footer><h3>Rechtliches</h3>"
        '<ul><li><a href="/i">Impressum</a></li><li><a href="/d">Datenschutz</a></li></ul>'
        '<p><a href="/k">Kontakt</a> <a href="/p">Presse</a></p></footer></body></html>'
    )
    menus = _footer_menus(html)
    assert [[item.label for item in menu.items] for menu in menus] == [["Impressum", "Datenschutz"]]


def test_a_nav_of_bare_links_keys_its_entries_apart_and_leaves_out_icon_links() -> None:
    page = (
        '<html><body><nav aria-label="Social"><a href="/"><img src="logo.svg"></a>'
        '<a href="https://fb.example/a">Facebook</a><a href="https://fb.example/b">Facebook</a>'
        '<a href="https://x.example/">X</a></nav><main><h1>T</h1><p>Text.</p></main>'
        "</body></html>"
    )
    (menu,) = parse_html(page, url="https://example.org/").navigation
    assert [(item.key, item.label) for item in menu.items] == [
        ("facebook", "Facebook"),
        ("facebook-2", "Facebook"),
        ("x", "X"),
    ]
