"""Menus of a page without <nav>, <header>, <footer> or landmarks, found by the class or id
of their containers (tests/fixtures/legacy-layout.html; corpus shapes: zamg.ac.at's Plone
portal-globalnav, sauvonsluniversite.com's SPIP div.menu, thw.de's div#navPrimary).
Expected values are read off the fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from pagevault import parse_html
from pagevault.extract.legacy_roots import name_words
from pagevault.model import Menu, NavItem, Snapshot

FIXTURE = Path(__file__).parent / "fixtures" / "legacy-layout.html"
URL = "https://www.solidarite.example/droit-d-asile"


def _snapshot() -> Snapshot:
    return parse_html(FIXTURE.read_text("utf-8"), url=URL)


def _labels(items: tuple[NavItem, ...]) -> list[object]:
    return [(item.label, _labels(item.children)) if item.children else item.label for item in items]


def _menu(snapshot: Snapshot, first_label: str) -> Menu:
    return next(menu for menu in snapshot.navigation if menu.items[0].label == first_label)


def test_the_class_named_menus_are_read_with_their_regions() -> None:
    menus = [(menu.region, _labels(menu.items)) for menu in _snapshot().navigation]
    assert menus == [
        ("utility", ["Contact", "Presse"]),
        (
            "header",
            [
                ("Actualités", ["Communiqués", "Agenda"]),
                ("Agir", ["Faire un don", "Devenir bénévole", "Pétitions"]),
                "L'association",
            ],
        ),
        ("sidebar", ["Asile", "Accueil", "Droits"]),
        ("footer", ["Mentions légales", "Plan du site"]),
    ]


def test_the_sidebar_menu_is_named_after_its_title_and_urls_resolve() -> None:
    menu = _menu(_snapshot(), "Asile")
    assert menu.name == "Rubriques"
    assert menu.items[0].url == "https://www.solidarite.example/rubrique/asile"


def test_a_forum_in_a_div_named_navigation_and_body_lists_are_no_menus() -> None:
    labels = {item.label for menu in _snapshot().navigation for item in menu.items}
    assert "Anne (3 mai 2024) :" not in labels
    assert "Lire le rapport 2023" not in labels


def test_a_page_with_a_nav_element_is_not_read_by_class_names() -> None:
    nav = '<nav><ul><li><a href="/a">Un</a></li><li><a href="/b">Deux</a></li></ul></nav>'
    html = FIXTURE.read_text("utf-8").replace('<div id="page">', f'<div id="page">{nav}')
    snapshot = parse_html(html, url=URL)
    assert [_labels(menu.items) for menu in snapshot.navigation] == [["Un", "Deux"]]


@pytest.mark.parametrize(
    ("attributes", "words"),
    [
        ({"id": "navPrimary"}, {"nav", "primary"}),
        ({"id": "portal-globalnav"}, {"portal", "globalnav"}),
        ({"class": "menu menu_rubriques"}, {"menu", "rubriques"}),
        ({"class": "siteFooter", "id": "pied"}, {"site", "footer", "pied"}),
        ({"class": "  "}, set()),
        ({}, set()),
    ],
)
def test_class_and_id_words(attributes: dict[str, str | None], words: set[str]) -> None:
    assert name_words(attributes) == words
