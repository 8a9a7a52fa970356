"""A group repeated in one menu (a desktop and a mobile list in one ``<nav>``) is
listed once; the other entries keep their keys."""

from __future__ import annotations

from pagevault import parse_html
from pagevault.model import Menu

# As corpus mercury__www.gruene.de.html: the menubar and the mobile list of one <nav>.
HEADER = """<html><body><header><nav aria-label="Navigation">
<ul role="menubar">
<li><span>Programm</span><ul><li><a href="/programm">Wofür wir stehen</a></li>
<li><a href="/themen">Themen</a></li></ul></li>
<li><span>Partei</span><ul><li><a href="/partei">Wer wir sind</a></li>
<li><a href="/geschichte">Geschichte</a></li></ul></li>
<li><a href="/presse">Presse</a></li>
</ul>
<ul class="mobileMenu" aria-hidden="true">
<li><span>Programm</span><ul><li><a href="/programm">Wofür wir stehen</a></li>
<li><a href="/themen">Themen</a></li></ul></li>
<li><span>Partei</span><ul><li><a href="/partei">Wer wir sind</a></li>
<li><a href="/gremien">Gremien</a></li></ul></li>
<li><a href="/presse">Presse</a></li>
<li><a href="/mitglied-werden">Mitglied werden</a></li>
</ul></nav></header>
<main><h1>Grün</h1><p>Wofür wir stehen.</p></main></body></html>"""


def _menu(html: str) -> Menu:
    (menu,) = parse_html(html, url="https://www.gruene.example/").navigation
    return menu


def test_a_repeated_group_is_listed_once() -> None:
    menu = _menu(HEADER)
    labels = [item.label for item in menu.items]
    assert labels.count("Programm") == 1
    # a group with other entries is no repeat; a single link may stand in two lists
    assert labels == ["Programm", "Partei", "Presse", "Partei", "Presse", "Mitglied werden"]


def test_the_entries_that_are_not_repeated_keep_their_keys() -> None:
    keys = [item.key for item in _menu(HEADER).items]
    assert keys[0] == "programm"
    assert keys[-1] == "mitglied-werden"
    assert [child.key for child in _menu(HEADER).items[0].children] == [
        "wofur-wir-stehen",
        "themen",
    ]
